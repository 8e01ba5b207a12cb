#pragma once
// The status model as a citizen sees it: status names (translation keys), whether the appointment was
// missed ("trễ hạn" is computed, not a status), and the next thing the citizen should do. Returns keys and
// arguments only; the UI translates them. It does not decide office policy beyond the rules below.

#include "kiosk/core/dossier/dossier.hpp"

#include <string>
#include <vector>

namespace kiosk::dossier {

// "dossier.status.<n>" for n = 1..10 (official vi wording in assets/i18n/dossier.tsv).
[[nodiscard]] std::string status_key(DossierStatus status);

enum class Timeliness {
    not_applicable,   // no appointment, not accepted, withdrawn/stopped, or waiting for the citizen (5, 6)
    on_time,          // still in processing, appointment not yet passed
    overdue,          // still in processing, appointment passed
    finished_on_time, // finished (9/10) no later than the appointment
    finished_late,    // finished after the appointment
};

struct Deadline {
    Timeliness state = Timeliness::not_applicable;
    int days_late = 0; // started 24-hour periods past the appointment (>= 1 when late)
};

// Overdue is judged against `now` while the office is working on the dossier (2, 4) and against
// finished_at once done (9, 10). During 5/6 the office waits for the citizen, so no lateness is shown.
[[nodiscard]] Deadline deadline_of(const Dossier& d, Seconds now);
// "dossier.deadline.*" key for the state ("" for not_applicable); {0} = days late.
[[nodiscard]] std::string deadline_key(const Deadline& deadline);

// A translation key plus its positional arguments.
struct Message {
    std::string key;
    std::vector<std::string> args;
    friend bool operator==(const Message&, const Message&) = default;
};

// What the citizen should do next, e.g. bring missing documents (5), pay a fee (6), collect the result
// at counter N or wait for the post (9).
[[nodiscard]] Message next_step(const Dossier& d, Seconds now);

// "50000" -> "50.000" (Vietnamese digit grouping).
[[nodiscard]] std::string group_thousands(long long amount);

// Every key status_key/deadline_key/next_step can return (for translation-table checks).
[[nodiscard]] std::vector<std::string> status_model_keys();

} // namespace kiosk::dossier
