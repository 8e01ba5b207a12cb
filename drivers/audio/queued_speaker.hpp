#pragma once
// QueuedSpeaker: a Speaker with one worker thread that renders each queued utterance (UtteranceRenderer)
// and plays it (AudioSink) before taking the next, so calls never overlap. The queue is bounded; when it is
// full the oldest waiting utterance is dropped (a lobby wants the newest calls). Destruction stops playback
// and joins the worker. An utterance that cannot be rendered or played is counted in status() and, when a
// FailureHook is given, reported through it (on the worker thread, no lock held) so the program can log it;
// the driver itself knows nothing about logging.

#include "drivers/audio/audio_sink.hpp"
#include "drivers/audio/speaker.hpp"
#include "drivers/audio/utterance_renderer.hpp"

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace kiosk::audio {

class QueuedSpeaker final : public Speaker {
  public:
    using FailureHook = std::function<void(const Error& error)>;
    QueuedSpeaker(std::unique_ptr<UtteranceRenderer> renderer, std::unique_ptr<AudioSink> sink,
                  std::size_t max_queued = 16, FailureHook on_failure = {});
    ~QueuedSpeaker() override;
    QueuedSpeaker(const QueuedSpeaker&) = delete;
    QueuedSpeaker& operator=(const QueuedSpeaker&) = delete;

    void say(speech::Utterance utterance) override;
    void stop() override;
    [[nodiscard]] SpeakerStatus status() const override;

  private:
    void run(std::stop_token stop);

    std::unique_ptr<UtteranceRenderer> renderer_;
    std::unique_ptr<AudioSink> sink_;
    std::size_t max_queued_;
    FailureHook on_failure_;
    mutable std::mutex mutex_;
    std::condition_variable_any wake_;
    std::deque<speech::Utterance> queue_;
    SpeakerStatus status_;
    std::jthread worker_; // last: started after everything it uses exists
};

} // namespace kiosk::audio
