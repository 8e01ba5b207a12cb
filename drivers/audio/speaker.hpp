#pragma once
// Speaker: the small runtime interface features use to talk (lobby calls, reading aloud). say() never
// blocks: utterances wait in a queue and are spoken one after another, never over each other. stop() drops
// what is queued and cuts the current one. status() is a cheap snapshot for screens and health.
// Implementations: QueuedSpeaker (renderer + audio sink on a worker thread), FakeSpeaker (tests).

#include "kiosk/core/speech/call_phrase.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace kiosk::audio {

struct SpeakerStatus {
    std::size_t queued = 0;  // waiting, not counting the one being spoken
    bool speaking = false;   // an utterance is being rendered or played
    std::size_t spoken = 0;  // finished utterances
    std::size_t failed = 0;  // utterances that could not be rendered or played
    std::size_t dropped = 0; // utterances refused because the queue was full, or dropped by stop()
    std::string last_error;
    std::vector<std::string> last_voices; // voices of the last spoken utterance ("clips", "espeak-ng")
};

class Speaker {
  public:
    virtual ~Speaker() = default;
    virtual void say(speech::Utterance utterance) = 0;
    virtual void stop() = 0;
    [[nodiscard]] virtual SpeakerStatus status() const = 0;
};

} // namespace kiosk::audio
