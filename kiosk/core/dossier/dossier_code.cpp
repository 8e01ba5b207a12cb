#include "kiosk/core/dossier/dossier_code.hpp"

#include "kiosk/core/text/utf8.hpp"

#include <cstdio>
#include <vector>

namespace kiosk::dossier {
namespace {

std::string hex_cp(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

bool is_space(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x3000 || cp == 0x202F || cp == 0x205F ||
           (cp >= 0x2000 && cp <= 0x200A);
}

bool is_dash(char32_t cp) {
    return (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE58 || cp == 0xFE63 || cp == 0xFF0D;
}

// Maps one code point to the ASCII character it stands for in a code. Lower-case 'l' is kept as 'l' so
// the numeric parts can still read it as '1'; other letters become upper case. 0 = not allowed.
char map_char(char32_t cp) {
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0; // full-width ASCII block
    if (is_dash(cp)) return '-';
    if (cp == 0x3002 || cp == 0xFF61) return '.'; // ideographic full stops typed by IMEs
    if (cp >= '0' && cp <= '9') return static_cast<char>(cp);
    if (cp >= 'A' && cp <= 'Z') return static_cast<char>(cp);
    if (cp == 'l') return 'l';
    if (cp >= 'a' && cp <= 'z') return static_cast<char>(cp - 'a' + 'A');
    if (cp == '-' || cp == '.') return static_cast<char>(cp);
    return 0;
}

// Reads a look-alike as the digit a person meant; 0 when c is neither a digit nor a look-alike.
char as_digit(char c) {
    if (c >= '0' && c <= '9') return c;
    if (c == 'O') return '0';
    if (c == 'I' || c == 'l') return '1';
    return 0;
}

bool to_digits(std::string& part) {
    for (char& c : part) {
        const char d = as_digit(c);
        if (!d) return false;
        c = d;
    }
    return true;
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> parts(1);
    for (char c : s) {
        if (c == sep)
            parts.emplace_back();
        else
            parts.back().push_back(c);
    }
    return parts;
}

Status normalise_unit(std::string& unit) {
    auto segments = split(unit, '.');
    if (segments.size() > kMaxUnitSegments)
        return make_error("dossier.code.bad_unit", "unit code '" + unit + "' has more than " +
                                                       std::to_string(kMaxUnitSegments) + " segments");
    std::string out;
    for (auto& seg : segments) {
        if (seg.empty() || seg.size() > kMaxUnitSegmentChars)
            return make_error("dossier.code.bad_unit",
                              "unit code '" + unit + "' has an empty or overlong segment");
        // A segment of digits and look-alikes ("OO", "0O5") is numeric; a letter followed by such
        // characters ("Hl5", "H26") keeps its letter and reads the rest as digits; others stay letters.
        std::string digits = seg;
        std::string tail = seg.substr(1);
        if (to_digits(digits)) {
            seg = digits;
        } else if (seg.size() > 1 && seg[0] >= 'A' && seg[0] <= 'Z' && to_digits(tail)) {
            seg = seg.substr(0, 1) + tail;
        } else {
            for (char& c : seg)
                if (c == 'l') c = 'L';
        }
        if (!out.empty()) out.push_back('.');
        out += seg;
    }
    unit = out;
    return Ok{};
}

} // namespace

bool is_real_date(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int max = (month == 2 && leap) ? 29 : kDays[month - 1];
    return day <= max;
}

std::string DossierCode::str() const {
    char date[16];
    std::snprintf(date, sizeof date, "%02d%02d%02d", year % 100, month % 100, day % 100);
    return unit + "-" + date + "-" + sequence;
}

Result<DossierCode> parse_dossier_code(std::string_view input) {
    if (input.size() > kMaxCodeInputBytes)
        return make_error("dossier.code.too_long", "code input is " + std::to_string(input.size()) +
                                                       " bytes, at most " +
                                                       std::to_string(kMaxCodeInputBytes) + " allowed");
    std::string flat; // ASCII after mapping, spaces removed
    std::size_t pos = 0;
    while (pos < input.size()) {
        const std::size_t at = pos;
        const auto cp = text::decode_next_strict(input, pos);
        if (!cp)
            return make_error("dossier.code.invalid_char", "invalid UTF-8 at byte " + std::to_string(at));
        if (is_space(*cp)) continue;
        const char c = map_char(*cp);
        if (!c)
            return make_error("dossier.code.invalid_char", "character " + hex_cp(*cp) + " at byte " +
                                                               std::to_string(at) + " is not allowed");
        flat.push_back(c);
    }
    if (flat.empty()) return make_error("dossier.code.empty", "no dossier code given");

    auto parts = split(flat, '-');
    if (parts.size() != 3 || parts[0].empty() || parts[1].empty() || parts[2].empty())
        return make_error("dossier.code.bad_format",
                          "'" + flat + "' is not {unit}-{yymmdd}-{sequence} (found " +
                              std::to_string(parts.size()) + " part(s) separated by '-')");

    DossierCode code;
    code.unit = parts[0];
    if (auto st = normalise_unit(code.unit); !st) return st.error();

    std::string date = parts[1];
    if (date.size() != 6 || !to_digits(date))
        return make_error("dossier.code.bad_date", "date part '" + parts[1] + "' is not 6 digits yymmdd");
    code.year = 2000 + std::stoi(date.substr(0, 2));
    code.month = std::stoi(date.substr(2, 2));
    code.day = std::stoi(date.substr(4, 2));
    if (!is_real_date(code.year, code.month, code.day))
        return make_error("dossier.code.bad_date", "date part '" + date + "' is not a real date");

    code.sequence = parts[2];
    if (code.sequence.size() < kMinSequenceDigits || code.sequence.size() > kMaxSequenceDigits ||
        !to_digits(code.sequence))
        return make_error("dossier.code.bad_sequence", "sequence '" + parts[2] + "' is not " +
                                                           std::to_string(kMinSequenceDigits) + ".." +
                                                           std::to_string(kMaxSequenceDigits) + " digits");
    return code;
}

} // namespace kiosk::dossier
