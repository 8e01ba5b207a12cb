// Diagnostics reach the Logger with a level, a stable event code and named fields (no free-text stderr):
// a feature's printer failure, a driver's (QueuedSpeaker) failures through the composition's hook, and
// registration mistakes. Repeats of the same failure are rate-limited by the Logger.
#include "fakes.hpp"

#include "drivers/audio/queued_speaker.hpp"
#include "drivers/audio/utterance_renderer.hpp"
#include "drivers/audio/wav_folder_sink.hpp"
#include "kiosk/core/log/memory_sink.hpp"
#include "kiosk/features/queue/queue_commands.hpp"
#include "kiosk/features/queue/queue_feature.hpp"
#include "kiosk/runtime/counter_parts.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>
#include <unistd.h>

using namespace kiosk;
using namespace kiosk::features;
using namespace kiosk::features::queue_ui;
using namespace std::chrono;

namespace {

struct QueueLogFixture : test::FeatureFixture<QueueFeature> {
    void issue() {
        clock.advance(seconds(1)); // past the issuer's double-tap cooldown
        feature->handle(ui::FeatureCommand::of(IssueTicket{"HT", ""}));
        ASSERT_TRUE(test::pump(completions, *feature));
        shell.back(); // leave the ticket screen, as a citizen does
    }
};

TEST_F(QueueLogFixture, APrintFailureIsAnErrorWithTheFaultAndTicketFieldsAndRepeatsAreLimited) {
    parts->printer_double->fail_with(printer::Fault::out_of_paper, "media-empty-error");
    shell.go(kServicesScreen);
    for (int i = 0; i < 5; ++i)
        issue();
    ASSERT_EQ(parts->tickets->tickets.size(), 5u);

    auto failed = log_sink.with_event("queue.print_failed");
    ASSERT_EQ(failed.size(), 3u) << "RateLimit{}.burst is 3 per window; 2 more are only counted";
    EXPECT_EQ(failed[0].level, log::Level::error);
    EXPECT_EQ(log::field_value(failed[0], "KIOSK_PRINTER_FAULT"), "out_of_paper");
    EXPECT_EQ(log::field_value(failed[0], "KIOSK_TICKET"), "A001");
    EXPECT_EQ(log::field_value(failed[2], "KIOSK_TICKET"), "A003");
    EXPECT_NE(failed[0].message.find("media-empty-error"), std::string::npos) << failed[0].message;

    // The next window: the suppressed count is written first, then the new failure.
    clock.advance(seconds(61));
    issue();
    failed = log_sink.with_event("queue.print_failed");
    ASSERT_EQ(failed.size(), 5u);
    EXPECT_EQ(log::field_value(failed[3], "KIOSK_REPEATS"), "2");
    EXPECT_NE(failed[3].message.find("repeated 2 more times"), std::string::npos) << failed[3].message;
    EXPECT_EQ(log::field_value(failed[4], "KIOSK_TICKET"), "A006");
}

struct BrokenStoreFixture : test::FeatureFixture<QueueFeature> {
    void prepare() override { parts->ticket_store_error = Error{"io", "disk gone"}; }
};

TEST_F(BrokenStoreFixture, AMissingTicketStoreIsAnErrorWithItsKind) {
    auto entries = log_sink.with_event("queue.store_unavailable");
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].level, log::Level::error);
    EXPECT_EQ(log::field_value(entries[0], "KIOSK_ERROR_KIND"), "io");
    EXPECT_NE(entries[0].message.find("disk gone"), std::string::npos);
}

// A phrase becomes 10 ms of silence: enough for the sink to be asked to play it.
class SilentVoice final : public audio::PhraseVoice {
  public:
    [[nodiscard]] std::string name() const override { return "silent"; }
    [[nodiscard]] bool can_say(const speech::SpeechPhrase&) const override { return true; }
    [[nodiscard]] Result<speech::PcmAudio> render(const speech::SpeechPhrase&) override {
        speech::PcmAudio a;
        a.sample_rate = 8000;
        a.samples.assign(80, 0);
        return a;
    }
};

TEST(DriverLog, SpeakerFailuresAreWarningsWithTheSpeakerAndKindAndRepeatsAreLimited) {
    // The real WAV folder sink, pointed below a regular file: the folder can never be created (even as root).
    const auto dir =
        std::filesystem::temp_directory_path() / ("kiosk-driver-log-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "not-a-folder") << "x";

    ManualClock clock;
    log::MemorySink sink;
    log::Logger logger(sink, clock);
    {
        audio::QueuedSpeaker speaker(
            std::make_unique<audio::UtteranceRenderer>(std::make_unique<SilentVoice>(), nullptr),
            std::make_unique<audio::WavFolderSink>(dir / "not-a-folder" / "speech"), 16,
            runtime::log_speech_failures(logger, "lobby"));
        for (int i = 0; i < 5; ++i)
            speaker.say(speech::text_utterance("vi", "mời số"));
        const auto until = steady_clock::now() + seconds(10);
        while (speaker.status().failed < 5 && steady_clock::now() < until)
            std::this_thread::sleep_for(milliseconds(5));
        ASSERT_EQ(speaker.status().failed, 5u);
    }
    const auto failed = sink.with_event("speech.failed");
    ASSERT_EQ(failed.size(), 3u);
    EXPECT_EQ(failed[0].level, log::Level::warning);
    EXPECT_EQ(log::field_value(failed[0], "KIOSK_SPEAKER"), "lobby");
    EXPECT_EQ(log::field_value(failed[0], "KIOSK_ERROR_KIND"), "io");
    logger.flush(); // at exit: the two repeats are reported
    const auto all = sink.with_event("speech.failed");
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(log::field_value(all[3], "KIOSK_REPEATS"), "2");
    std::filesystem::remove_all(dir);
}

TEST(RegistryLog, TwiceRegisteredScreensAreReportedForTheLog) {
    class Twice final : public Feature {
      public:
        [[nodiscard]] std::string_view name() const override { return "twice"; }
        void register_ui(UiRegistry& r) override {
            r.add_screen(*this, {"twice.one", "t", [](ui::UiContext&) {}});
            r.add_screen(*this, {"twice.one", "t", [](ui::UiContext&) {}});
        }
        void start() override {}
        void handle(const ui::FeatureCommand&) override {}
        [[nodiscard]] bool busy() const override { return false; }
        void report(health::HealthSnapshot&) const override {}
        void forget() override {}
        void reconfigure(ConfigPtr, PartsPtr, const runtime::PartsChange&) override {}
    } twice;
    UiRegistry registry;
    twice.register_ui(registry);
    ASSERT_EQ(registry.problems().size(), 1u);
    EXPECT_NE(registry.problems()[0].find("twice.one"), std::string::npos);
}

} // namespace
