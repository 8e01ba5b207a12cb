// Read aloud ("Đọc to") on the citizen kiosk speaks through the same speaker the lobby display builds
// (runtime::make_speaker): recorded clips from speech.clips_dir for the ticket number when every clip is
// there, espeak-ng otherwise, written here to WAV files (speech.output=wav) since test machines have no sound
// card. Real espeak-ng, real clip files and a real WAV folder; no device.
#include "kiosk/app/read_aloud.hpp"

#include "drivers/audio/wav_file.hpp"
#include "kiosk/core/log/memory_sink.hpp"
#include "kiosk/core/speech/call_phrase.hpp"
#include "kiosk/core/util/clock.hpp"

#include "tests/unit/speech/speech_test_files.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <numbers>
#include <thread>
#include <unistd.h>

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

// A ticket screen as the frame records it: service, the number, the people ahead.
std::vector<ui::VisibleText> ticket_screen(const std::string& number) {
    return {{"Hộ tịch", {}, {}, false},
            {number, {}, {}, false},
            {"Không có ai chờ trước ông/bà.", {}, {}, false}};
}

ui::ShellModel reading_shell() {
    ui::ShellModel shell;
    shell.stack = {ui::kHomeScreen, "queue.ticket"};
    shell.access.read_aloud = true;
    return shell;
}

config::Config wav_config(const fs::path& out, const fs::path& clips) {
    config::Config c;
    c.speech.output = "wav";
    c.speech.wav_dir = out.string();
    c.speech.clips_dir = clips.string();
    return c;
}

// Bounded wait until the reader has finished one reading.
audio::SpeakerStatus wait_one_reading(const app::ReadAloud& reader) {
    const auto limit = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    audio::SpeakerStatus st = reader.status();
    while (std::chrono::steady_clock::now() < limit) {
        st = reader.status();
        if (st.spoken + st.failed >= 1 && !st.speaking) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return st;
}

// What the speaker cannot say is logged; these tests only need somewhere to put it.
struct QuietLog {
    log::MemorySink sink;
    ManualClock clock;
    log::Logger logger{sink, clock};
};

} // namespace

TEST(ReadAloudVoice, RecordedClipsSayTheTicketNumberWhenEveryClipIsPresent) {
    const auto clips = test::fresh_test_dir("read-aloud-clips");
    const auto out = test::fresh_test_dir("read-aloud-out-clips");
    const speech::SpeechPhrase spoken = speech::vietnamese_ticket("A015");
    ASSERT_FALSE(spoken.clips.empty());
    for (std::size_t i = 0; i < spoken.clips.size(); ++i)
        ASSERT_TRUE(
            audio::write_wav(clips / (spoken.clips[i] + ".wav"), test::tone(22050, 0.2, 300.0 + 50.0 * i)));

    runtime::PartsPlan plan;
    QuietLog quiet;
    app::ReadAloud reader(app::make_read_aloud_speaker(plan, wav_config(out, clips), quiet.logger));
    ASSERT_TRUE(reader.available());
    i18n::Translator translator;
    reader.after_frame(reading_shell(), nullptr, ticket_screen("A015"), 0, translator);
    auto st = wait_one_reading(reader);
    ASSERT_EQ(st.spoken, 1u) << st.last_error;
    // The screen's text has no clips: espeak-ng says it; the ticket number is said by the recorded voice.
    EXPECT_EQ(st.last_voices, (std::vector<std::string>{"espeak-ng", "clips"}));
    ASSERT_TRUE(fs::exists(out / "utterance-0001.wav"));
    auto wav = audio::read_wav(out / "utterance-0001.wav");
    ASSERT_TRUE(wav) << wav.error().message;
    EXPECT_GT(wav->samples.size(), spoken.clips.size() * 4410u); // the clips are in it, not only the text
}

TEST(ReadAloudVoice, EspeakSaysEverythingWithoutAClipFolder) {
    const auto out = test::fresh_test_dir("read-aloud-out-espeak");
    runtime::PartsPlan plan;
    QuietLog quiet;
    app::ReadAloud reader(app::make_read_aloud_speaker(plan, wav_config(out, {}), quiet.logger));
    i18n::Translator translator;
    reader.after_frame(reading_shell(), nullptr, ticket_screen("A015"), 0, translator);
    auto st = wait_one_reading(reader);
    ASSERT_EQ(st.spoken, 1u) << st.last_error;
    EXPECT_EQ(st.last_voices, (std::vector<std::string>{"espeak-ng", "espeak-ng"}));
    EXPECT_TRUE(fs::exists(out / "utterance-0001.wav"));
}

TEST(ReadAloudVoice, AMissingClipMakesEspeakSayTheWholeNumber) {
    const auto clips = test::fresh_test_dir("read-aloud-clips-partial");
    const auto out = test::fresh_test_dir("read-aloud-out-partial");
    const speech::SpeechPhrase spoken = speech::vietnamese_ticket("A015");
    ASSERT_GE(spoken.clips.size(), 2u);
    // Every clip but the last: a number is never said half recorded, half synthesized.
    for (std::size_t i = 0; i + 1 < spoken.clips.size(); ++i)
        ASSERT_TRUE(audio::write_wav(clips / (spoken.clips[i] + ".wav"), test::tone(22050, 0.2, 300.0)));
    runtime::PartsPlan plan;
    QuietLog quiet;
    app::ReadAloud reader(app::make_read_aloud_speaker(plan, wav_config(out, clips), quiet.logger));
    i18n::Translator translator;
    reader.after_frame(reading_shell(), nullptr, ticket_screen("A015"), 0, translator);
    auto st = wait_one_reading(reader);
    ASSERT_EQ(st.spoken, 1u) << st.last_error;
    EXPECT_EQ(st.last_voices, (std::vector<std::string>{"espeak-ng", "espeak-ng"}));
}

TEST(ReadAloudVoice, NoVoiceOutputMeansReadAloudIsNotOffered) {
    runtime::PartsPlan plan;
    config::Config c;
    c.speech.output = "off";
    QuietLog quiet;
    app::ReadAloud reader(app::make_read_aloud_speaker(plan, c, quiet.logger));
    EXPECT_FALSE(reader.available());
}
