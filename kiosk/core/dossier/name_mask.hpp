#pragma once
// Masks an applicant's name for a public screen: the family name stays, middle names shrink to their
// first letter + "***", the given name to its first letter: "Nguyễn Văn An" -> "Nguyễn V*** A".
// UTF-8 aware (a letter with combining marks stays whole). It does not transliterate or fix case.

#include <string>
#include <string_view>

namespace kiosk::dossier {

// Invalid UTF-8 or control characters give "***" rather than passing odd bytes to the screen.
[[nodiscard]] std::string mask_applicant_name(std::string_view full_name);

} // namespace kiosk::dossier
