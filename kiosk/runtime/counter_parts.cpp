#include "kiosk/runtime/counter_parts.hpp"

#include "drivers/audio/clip_voice.hpp"
#include "drivers/audio/espeak_voice.hpp"
#include "drivers/audio/queued_speaker.hpp"
#include "drivers/audio/sdl_audio_sink.hpp"
#include "drivers/audio/wav_folder_sink.hpp"
#include "kiosk/core/queue/service.hpp"
#include "kiosk/store/counter_desk_sql.hpp"
#include "kiosk/store/queue_watcher_open.hpp"

namespace kiosk::runtime {

namespace {

// A speaker for speech.output = off: counts what it drops.
class SilentSpeaker final : public audio::Speaker {
  public:
    void say(speech::Utterance) override { ++status_.dropped; }
    void stop() override {}
    [[nodiscard]] audio::SpeakerStatus status() const override { return status_; }

  private:
    audio::SpeakerStatus status_;
};

} // namespace

queue::DeskOptions desk_options(const config::Config& config) {
    queue::DeskOptions o;
    o.policy = config.queue.priority_policy == "interleave" ? queue::PriorityPolicy::interleave
                                                            : queue::PriorityPolicy::strict;
    o.regular_per_priority = config.queue.regular_per_priority;
    o.skip_return_window = std::chrono::minutes{config.queue.skip_return_minutes};
    o.transfer_position = config.queue.transfer_position == "front" ? queue::TransferPosition::front
                                                                    : queue::TransferPosition::back;
    return o;
}

Result<std::unique_ptr<queue::CounterDesk>> open_counter_desk(const PartsPlan& plan,
                                                              const config::Config& config) {
    store::CounterDeskTarget target;
    target.office = plan.tickets.office;
    auto reset = queue::parse_local_minute(plan.tickets.day_reset);
    if (!reset) return make_error(reset.error().kind, "queue.day_reset: " + reset.error().message);
    target.day_reset_minute = *reset;
    target.desk = desk_options(config);
    if (plan.tickets.kind == "postgres")
        return store::open_pg_counter_desk(plan.tickets.postgres_dsn, target);
    return store::open_sqlite_counter_desk(plan.tickets.sqlite_db, target);
}

Result<std::unique_ptr<queue::QueueWatcher>> open_queue_watcher(const PartsPlan& plan) {
    if (plan.tickets.kind == "postgres")
        return store::open_pg_queue_watcher(plan.tickets.postgres_dsn, plan.tickets.office);
    return store::open_sqlite_queue_watcher(plan.tickets.sqlite_db);
}

std::function<void(const Error&)> log_speech_failures(log::Logger& log, std::string speaker) {
    return [&log, speaker = std::move(speaker)](const Error& e) {
        log.warning("speech.failed", "could not speak: " + e.message,
                    {{"KIOSK_SPEAKER", speaker}, {"KIOSK_ERROR_KIND", e.kind}});
    };
}

std::unique_ptr<audio::Speaker> make_speaker(const PartsPlan& plan, const config::Config& config,
                                             std::size_t max_queued, log::Logger* log, std::string name) {
    std::unique_ptr<audio::AudioSink> sink;
    if (config.speech.output == "sdl")
        sink = std::make_unique<audio::SdlAudioSink>();
    else if (config.speech.output == "wav")
        sink = std::make_unique<audio::WavFolderSink>(config.speech.wav_dir.empty()
                                                          ? plan.paths.state / "speech"
                                                          : std::filesystem::path(config.speech.wav_dir));
    else
        return std::make_unique<SilentSpeaker>();
    audio::EspeakOptions espeak;
    espeak.rate_wpm = config.speech.rate_wpm;
    std::unique_ptr<audio::PhraseVoice> clips;
    if (!config.speech.clips_dir.empty()) clips = std::make_unique<audio::ClipVoice>(config.speech.clips_dir);
    return std::make_unique<audio::QueuedSpeaker>(
        std::make_unique<audio::UtteranceRenderer>(std::make_unique<audio::EspeakVoice>(espeak),
                                                   std::move(clips)),
        std::move(sink), max_queued, log ? log_speech_failures(*log, std::move(name)) : nullptr);
}

} // namespace kiosk::runtime
