#include "kiosk/core/queue/ticket_qr.hpp"

#include <sys/random.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <vector>

namespace kiosk::queue {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    for (;;) {
        auto at = s.find(sep);
        out.push_back(s.substr(0, at));
        if (at == std::string_view::npos) return out;
        s.remove_prefix(at + 1);
    }
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool office_char(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' ||
           c == '.';
}

bool display_ok(std::string_view d) {
    if (d.empty() || d.size() > 16 || !is_digit(d.back())) return false;
    for (char c : d)
        if (!is_digit(c) && !(c >= 'A' && c <= 'Z') && c != '-') return false;
    return true;
}

bool check_ok(std::string_view c) {
    if (c.size() != kCheckLength) return false;
    for (char ch : c)
        if (kCheckAlphabet.find(ch) == std::string_view::npos) return false;
    return true;
}

char upper(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

} // namespace

std::string ticket_qr_text(const Ticket& t) {
    std::string day;
    for (char c : t.day.iso)
        if (c != '-') day += c;
    return std::string(kTicketQrPrefix) + "1:" + t.office + ":" + day + ":" + t.display + ":" + t.check;
}

bool looks_like_ticket_qr(std::string_view payload) {
    return payload.size() >= kTicketQrPrefix.size() &&
           std::equal(kTicketQrPrefix.begin(), kTicketQrPrefix.end(), payload.begin(),
                      [](char a, char b) { return upper(a) == upper(b); });
}

Result<TicketQr> parse_ticket_qr(std::string_view payload) {
    if (!looks_like_ticket_qr(payload))
        return make_error("rating.error.not_ticket", "the code is not a queue ticket of this system");
    if (payload.size() > 200) return make_error("rating.error.bad_qr", "ticket code longer than 200 bytes");
    auto fields = split(payload.substr(kTicketQrPrefix.size()), ':');
    if (fields.size() != 5)
        return make_error("rating.error.bad_qr", "ticket code has " + std::to_string(fields.size()) +
                                                     " fields after the prefix, expected 5");
    if (fields[0] != "1")
        return make_error("rating.error.bad_qr", "ticket code version '" + std::string(fields[0]) + "'");
    TicketQr qr;
    if (fields[1].empty() || fields[1].size() > 64 ||
        !std::all_of(fields[1].begin(), fields[1].end(), office_char))
        return make_error("rating.error.bad_qr", "office field is not an office id");
    qr.office = std::string(fields[1]);
    auto d = fields[2];
    if (d.size() != 8 || !std::all_of(d.begin(), d.end(), is_digit))
        return make_error("rating.error.bad_qr", "day field is not YYYYMMDD");
    qr.day.iso =
        std::string(d.substr(0, 4)) + "-" + std::string(d.substr(4, 2)) + "-" + std::string(d.substr(6));
    if (!display_ok(fields[3]))
        return make_error("rating.error.bad_qr", "number field is not a ticket number");
    qr.display = std::string(fields[3]);
    if (!check_ok(fields[4])) return make_error("rating.error.bad_qr", "check field is malformed");
    qr.check = std::string(fields[4]);
    return qr;
}

Result<std::pair<std::string, std::string>> parse_typed_ticket(std::string_view typed) {
    std::string compact;
    for (char c : typed)
        if (c != ' ' && c != '.' && c != '_') compact += upper(c);
    // The check value is the last kCheckLength characters; a '-' may separate it from the number.
    if (compact.size() < kCheckLength + 1)
        return make_error("rating.error.bad_typed", "too short for a ticket number and its check code");
    std::string check = compact.substr(compact.size() - kCheckLength);
    std::string display = compact.substr(0, compact.size() - kCheckLength);
    if (!display.empty() && display.back() == '-') display.pop_back();
    if (!display_ok(display))
        return make_error("rating.error.bad_typed", "'" + display + "' is not a ticket number");
    if (!check_ok(check)) return make_error("rating.error.bad_typed", "check code is malformed");
    return std::make_pair(display, check);
}

std::string random_check_value() {
    // UI reference screenshots show a ticket's QR and need it the same on every run: their runner sets
    // KIOSK_TEST_CHECK_SEQUENCE, and check values then count up instead of coming from the kernel. A kiosk
    // never has it set (the unit file and the package do not).
    if (const char* fixed = std::getenv("KIOSK_TEST_CHECK_SEQUENCE"); fixed && *fixed) {
        static std::atomic<unsigned> next{0};
        unsigned n = next.fetch_add(1);
        std::string out(kCheckLength, kCheckAlphabet[0]);
        for (std::size_t i = kCheckLength; i-- > 0 && n > 0; n /= kCheckAlphabet.size())
            out[i] = kCheckAlphabet[n % kCheckAlphabet.size()];
        return out;
    }
    std::array<unsigned char, kCheckLength> bytes{};
    std::size_t got = 0;
    while (got < bytes.size()) {
        ssize_t n = getrandom(bytes.data() + got, bytes.size() - got, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break; // no kernel source: unreachable on Linux ≥ 3.17; leave the rest zero
        got += static_cast<std::size_t>(n);
    }
    std::string out;
    // 256 % 31 != 0: reject the top 8 byte values so every character is equally likely.
    for (std::size_t i = 0; out.size() < kCheckLength; ++i) {
        unsigned char b = i < bytes.size() ? bytes[i] : 0;
        if (i >= bytes.size()) {
            if (getrandom(&b, 1, 0) != 1) b = 0;
        }
        if (b >= 248) continue;
        out += kCheckAlphabet[b % kCheckAlphabet.size()];
    }
    return out;
}

} // namespace kiosk::queue
