// The call phrase rendered to a WAV file with espeak-ng (no audio device), recorded clips preferred when
// complete, WAV files, and the speaker queue that never speaks two utterances at once.
#include "drivers/audio/clip_voice.hpp"
#include "drivers/audio/espeak_voice.hpp"
#include "drivers/audio/queued_speaker.hpp"
#include "drivers/audio/utterance_renderer.hpp"
#include "drivers/audio/wav_file.hpp"
#include "drivers/audio/wav_folder_sink.hpp"
#include "kiosk/core/speech/chime.hpp"

#include "tests/unit/speech/speech_test_files.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <numbers>
#include <thread>
#include <unistd.h>

using namespace kiosk;
using namespace kiosk::audio;
namespace fs = std::filesystem;

namespace {

// Bounded wait for a speaker to finish `count` utterances.
bool wait_spoken(const Speaker& s, std::size_t count) {
    const auto limit = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < limit) {
        const auto st = s.status();
        if (st.spoken + st.failed >= count && !st.speaking) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

// A voice double: each phrase becomes a tone 10 ms long per byte of its text.
class ToneVoice final : public PhraseVoice {
  public:
    [[nodiscard]] std::string name() const override { return "tone"; }
    [[nodiscard]] bool can_say(const speech::SpeechPhrase&) const override { return true; }
    [[nodiscard]] Result<speech::PcmAudio> render(const speech::SpeechPhrase& phrase) override {
        return test::tone(8000, 0.01 * static_cast<double>(phrase.text.size()), 440);
    }
};

// What a SlowSink saw; outlives the sink (the speaker owns the sink).
struct SinkLog {
    std::mutex mutex;
    std::vector<std::size_t> lengths; // sample count of each sound, in play order
    std::atomic<int> in_flight{0};
    std::atomic<bool> overlapped{false};
};

// A sink double that takes 30 ms per sound and notes sounds played at the same time.
class SlowSink final : public AudioSink {
  public:
    explicit SlowSink(std::shared_ptr<SinkLog> log) : log_(std::move(log)) {}
    [[nodiscard]] std::string name() const override { return "slow"; }
    [[nodiscard]] Status play(const speech::PcmAudio& audio) override {
        if (++log_->in_flight > 1) log_->overlapped = true;
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        --log_->in_flight;
        std::lock_guard lock(log_->mutex);
        log_->lengths.push_back(audio.samples.size());
        return Ok{};
    }
    void stop() override {}

  private:
    std::shared_ptr<SinkLog> log_;
};

} // namespace

TEST(Wav, RoundTripsMonoSixteenBit) {
    const auto dir = test::fresh_test_dir("speech-wav");
    const auto a = test::tone(16000, 0.25, 500);
    ASSERT_TRUE(write_wav(dir / "t.wav", a));
    auto back = read_wav(dir / "t.wav");
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->sample_rate, 16000);
    EXPECT_EQ(back->samples, a.samples);
    fs::remove_all(dir);
}

TEST(Wav, BadFilesAreNamedInTheError) {
    auto r = decode_wav({'R', 'I', 'F', 'F', 0, 0, 0, 0, 'A', 'V', 'I', ' '}, "clip.wav");
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("clip.wav"), std::string::npos);
    EXPECT_FALSE(read_wav("/nonexistent/clip.wav"));
}

TEST(Espeak, VietnameseCallRendersToANonSilentWavOfPlausibleLength) {
    const auto dir = test::fresh_test_dir("speech-espeak");
    auto voice = std::make_unique<EspeakVoice>();
    auto* espeak = voice.get();
    UtteranceRenderer renderer(std::move(voice), nullptr);
    const auto utterance = speech::call_utterance({"A015", 2}, false, false);
    auto rendered = renderer.render(utterance);
    ASSERT_TRUE(rendered) << rendered.error().message;
    EXPECT_EQ(rendered->voices, std::vector<std::string>{"espeak-ng"});
    ASSERT_TRUE(write_wav(dir / "call.wav", rendered->audio));

    auto wav = read_wav(dir / "call.wav");
    ASSERT_TRUE(wav) << wav.error().message;
    // "Mời số a mười lăm đến quầy số hai": eight syllables, about 2 s at 150 words per minute.
    EXPECT_GT(wav->seconds(), 1.0);
    EXPECT_LT(wav->seconds(), 6.0);
    EXPECT_GT(speech::rms(*wav), 500.0) << "speech should not be silent";
    EXPECT_GT(speech::peak(*wav), 4000);

    // Same phrase again: served from the cache, same samples.
    auto again = renderer.render(utterance);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->audio.samples, rendered->audio.samples);
    EXPECT_EQ(espeak->cache_hits(), 1u);
    fs::remove_all(dir);
}

TEST(Espeak, EnglishPhraseAndChimeMakeALongerUtterance) {
    UtteranceRenderer renderer(std::make_unique<EspeakVoice>(), nullptr);
    auto vi = renderer.render(speech::call_utterance({"A015", 2}, false, false));
    auto both = renderer.render(speech::call_utterance({"A015", 2}, true, true));
    ASSERT_TRUE(vi && both);
    EXPECT_EQ(both->voices, (std::vector<std::string>{"espeak-ng", "espeak-ng"}));
    EXPECT_GT(both->audio.seconds(), vi->audio.seconds() + speech::make_chime(22050).seconds() + 0.5);
}

TEST(Clips, RecordedClipsAreUsedWhenEveryClipIsPresent) {
    const auto dir = test::fresh_test_dir("speech-clips");
    const auto phrase = speech::vietnamese_call({"A015", 2});
    // One clip per word of the plan, 200 ms each at 16 kHz, each a different pitch.
    for (std::size_t i = 0; i < phrase.clips.size(); ++i)
        ASSERT_TRUE(write_wav(dir / (phrase.clips[i] + ".wav"), test::tone(16000, 0.2, 300.0 + 50.0 * i)));

    const int gap_ms = 60;
    UtteranceRenderer renderer(std::make_unique<EspeakVoice>(), std::make_unique<ClipVoice>(dir, gap_ms));
    auto rendered = renderer.render(speech::call_utterance({"A015", 2}, false, false));
    ASSERT_TRUE(rendered) << rendered.error().message;
    EXPECT_EQ(rendered->voices, std::vector<std::string>{"clips"});
    EXPECT_EQ(rendered->audio.sample_rate, 16000);
    const std::size_t n = phrase.clips.size();
    EXPECT_EQ(rendered->audio.samples.size(), n * 3200 + (n - 1) * (16000 * gap_ms / 1000));
    // Starts with the first clip's samples exactly.
    const auto first = test::tone(16000, 0.2, 300.0);
    EXPECT_TRUE(std::equal(first.samples.begin(), first.samples.end(), rendered->audio.samples.begin()));

    // A call needing a clip that is missing (counter 7: so_7) is synthesized whole, not half recorded.
    auto other = renderer.render(speech::call_utterance({"A015", 7}, false, false));
    ASSERT_TRUE(other);
    EXPECT_EQ(other->voices, std::vector<std::string>{"espeak-ng"});
    fs::remove_all(dir);
}

TEST(Speaker, UtterancesAreSpokenInOrderNeverOverlapping) {
    auto log = std::make_shared<SinkLog>();
    {
        QueuedSpeaker speaker(std::make_unique<UtteranceRenderer>(std::make_unique<ToneVoice>(), nullptr),
                              std::make_unique<SlowSink>(log));
        // Texts of 1..5 words: each utterance has its own length, so the play order is visible.
        std::string text;
        for (int i = 0; i < 5; ++i)
            speaker.say(speech::text_utterance("vi", text += "một "));
        ASSERT_TRUE(wait_spoken(speaker, 5));
        EXPECT_EQ(speaker.status().spoken, 5u);
        EXPECT_EQ(speaker.status().last_voices, std::vector<std::string>{"tone"});
    }
    ASSERT_EQ(log->lengths.size(), 5u);
    EXPECT_TRUE(std::is_sorted(log->lengths.begin(), log->lengths.end()));
    EXPECT_LT(log->lengths.front(), log->lengths.back());
    EXPECT_FALSE(log->overlapped.load());
}

TEST(Speaker, WavFolderSinkWritesEachUtterance) {
    const auto dir = test::fresh_test_dir("speech-sink");
    {
        QueuedSpeaker speaker(std::make_unique<UtteranceRenderer>(std::make_unique<ToneVoice>(), nullptr),
                              std::make_unique<WavFolderSink>(dir));
        speaker.say(speech::call_utterance({"A001", 1}, false));
        speaker.say(speech::call_utterance({"A002", 2}, false));
        ASSERT_TRUE(wait_spoken(speaker, 2));
    }
    EXPECT_TRUE(fs::exists(dir / "utterance-0001.wav"));
    EXPECT_TRUE(fs::exists(dir / "utterance-0002.wav"));
    auto wav = read_wav(dir / "utterance-0002.wav");
    ASSERT_TRUE(wav);
    EXPECT_GT(wav->seconds(), speech::make_chime(8000).seconds());
    fs::remove_all(dir);
}

TEST(Speaker, FullQueueDropsTheOldestWaiting) {
    QueuedSpeaker speaker(std::make_unique<UtteranceRenderer>(std::make_unique<ToneVoice>(), nullptr),
                          std::make_unique<SlowSink>(std::make_shared<SinkLog>()), 2);
    for (int i = 0; i < 6; ++i)
        speaker.say(speech::text_utterance("vi", "một"));
    ASSERT_TRUE(wait_spoken(speaker, 6 - speaker.status().dropped));
    const auto st = speaker.status();
    EXPECT_GE(st.dropped, 1u);
    EXPECT_EQ(st.spoken + st.dropped, 6u);
}
