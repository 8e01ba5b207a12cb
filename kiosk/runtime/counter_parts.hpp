#pragma once
// The parts of the counter console and lobby display, built from a configuration snapshot and its plan like
// every other part: the counter desk and queue watcher on the plan's ticket database, the desk options from
// queue.*, and the speaker from speech.* (espeak-ng, recorded clips when configured, SDL or WAV output).
// open_* calls may block (databases): call them on a worker.

#include "drivers/audio/speaker.hpp"
#include "kiosk/core/config/config.hpp"
#include "kiosk/core/log/log.hpp"
#include "kiosk/core/queue/counter_desk.hpp"
#include "kiosk/core/queue/queue_watcher.hpp"
#include "kiosk/runtime/parts_plan.hpp"

#include <functional>
#include <memory>
#include <string>

namespace kiosk::runtime {

[[nodiscard]] queue::DeskOptions desk_options(const config::Config& config);
[[nodiscard]] Result<std::unique_ptr<queue::CounterDesk>> open_counter_desk(const PartsPlan& plan,
                                                                            const config::Config& config);
[[nodiscard]] Result<std::unique_ptr<queue::QueueWatcher>> open_queue_watcher(const PartsPlan& plan);
// Never fails: output "off" (or an unknown one) gives a speaker that drops what it is told. Recorded clips
// (speech.clips_dir) are preferred phrase by phrase, espeak-ng says the rest. `max_queued`: utterances that
// may wait (the lobby keeps a backlog of calls; read aloud keeps only the newest screens). Utterances it
// cannot say are logged through `log` when given, as speaker `name` (see log_speech_failures).
[[nodiscard]] std::unique_ptr<audio::Speaker>
make_speaker(const PartsPlan& plan, const config::Config& config, std::size_t max_queued = 16,
             log::Logger* log = nullptr, std::string name = "lobby");
// A QueuedSpeaker failure hook that logs each failure: warning "speech.failed" with KIOSK_SPEAKER (which
// speaker: "lobby", "read_aloud") and KIOSK_ERROR_KIND. Repeats (no audio device) are rate-limited by the
// Logger. `log` must outlive the speaker.
[[nodiscard]] std::function<void(const Error&)> log_speech_failures(log::Logger& log, std::string speaker);

} // namespace kiosk::runtime
