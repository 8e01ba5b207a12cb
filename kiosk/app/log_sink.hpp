#pragma once
// Where the kiosk's structured log goes: the systemd journal (sd_journal_sendv: PRIORITY, MESSAGE,
// SYSLOG_IDENTIFIER=motcua-kiosk, KIOSK_EVENT and the entry's own KIOSK_* fields) when the service manager
// connected us to it ($JOURNAL_STREAM, as under the shipped unit) or KIOSK_LOG=journal asks for it; otherwise
// one line per entry on stderr ("kiosk: warning status.refused: ... KEY=value").

#include "kiosk/core/log/log.hpp"

#include <memory>

namespace kiosk::app {

// True when make_log_sink() picks the journal (then stderr has no copy of the log).
[[nodiscard]] bool journal_wanted();
[[nodiscard]] std::unique_ptr<log::Sink> make_log_sink();
[[nodiscard]] std::unique_ptr<log::Sink> make_stderr_sink();
[[nodiscard]] std::unique_ptr<log::Sink> make_journal_sink();

} // namespace kiosk::app
