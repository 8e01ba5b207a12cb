#include "kiosk/core/dossier/qr_payload.hpp"

#include "kiosk/core/text/classify.hpp"
#include "kiosk/core/text/utf8.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>

namespace kiosk::dossier {
namespace {

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string to_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = lower(c);
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

std::string hex_cp(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

// Quoted excerpt for log details: at most 60 bytes, so a hostile payload cannot flood logs.
std::string excerpt(std::string_view s) {
    constexpr std::size_t kMax = 60;
    std::size_t n = std::min(kMax, s.size());
    // Cut on a code point boundary so the detail stays valid UTF-8.
    while (n < s.size() && n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80)
        --n;
    std::string out = "'";
    out += s.substr(0, n);
    if (s.size() > n) out += "...";
    return out + "'";
}

bool is_trim_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_trim_space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_trim_space(s.back()))
        s.remove_suffix(1);
    return s;
}

// Finds the first control/format character; returns its byte offset and code point.
std::optional<std::pair<std::size_t, char32_t>> find_control(std::string_view s) {
    std::size_t pos = 0;
    while (pos < s.size()) {
        const std::size_t at = pos;
        const auto cp = text::decode_next_strict(s, pos);
        if (!cp) return std::make_pair(at, char32_t{0xFFFD});
        if (text::is_control_or_format(*cp)) return std::make_pair(at, *cp);
    }
    return std::nullopt;
}

// The URI scheme before ':' if `s` starts with one (RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )).
std::optional<std::string_view> scheme_of(std::string_view s) {
    const auto colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0) return std::nullopt;
    const auto scheme = s.substr(0, colon);
    auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (!alpha(scheme[0])) return std::nullopt;
    for (char c : scheme)
        if (!alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return std::nullopt;
    return scheme;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = lower(c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

std::optional<std::string> percent_decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out.push_back(' ');
        } else if (s[i] == '%') {
            if (i + 2 >= s.size()) return std::nullopt;
            const int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            out.push_back(static_cast<char>(hi * 16 + lo));
            i += 2;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

bool host_allowed(const std::string& host, const std::vector<std::string>& allowed) {
    for (const auto& entry : allowed) {
        const std::string pattern = to_lower(entry);
        if (pattern.rfind("*.", 0) == 0) {
            const std::string suffix = pattern.substr(1); // ".example.vn"
            if (host.size() > suffix.size() &&
                host.compare(host.size() - suffix.size(), suffix.size(), suffix) == 0)
                return true;
        } else if (host == pattern) {
            return true;
        }
    }
    return false;
}

Result<DossierCode> code_or_reason(std::string_view text, std::string_view where) {
    auto code = parse_dossier_code(text);
    if (!code)
        return make_error("dossier.qr.not_a_code", std::string(where) + " " + excerpt(text) +
                                                       " is not a dossier code (" + code.error().kind + ": " +
                                                       code.error().message + ")");
    return code;
}

Result<DossierCode> from_url(std::string_view url, std::string_view scheme, const QrPolicy& policy) {
    if (!iequals(scheme, "https"))
        return make_error("dossier.qr.scheme_not_allowed", "scheme '" + std::string(scheme.substr(0, 20)) +
                                                               ":' is not allowed (only https lookup links)");
    std::string_view rest = url.substr(scheme.size() + 1);
    if (rest.substr(0, 2) != "//")
        return make_error("dossier.qr.bad_url", "https URL without '//' authority");
    rest.remove_prefix(2);
    const auto auth_end = rest.find_first_of("/?#");
    const std::string_view authority = rest.substr(0, auth_end);
    rest = auth_end == std::string_view::npos ? std::string_view{} : rest.substr(auth_end);
    // user@host is a classic way to make a foreign host look like a trusted one.
    if (authority.find('@') != std::string_view::npos)
        return make_error("dossier.qr.bad_url", "URL carries user information before the host");
    if (!authority.empty() && authority.front() == '[')
        return make_error("dossier.qr.host_not_allowed", "IP literal host " + excerpt(authority));
    std::string_view host_part = authority;
    if (const auto colon = authority.rfind(':'); colon != std::string_view::npos) {
        host_part = authority.substr(0, colon);
        const auto port = authority.substr(colon + 1);
        if (port.empty() || port.size() > 5) return make_error("dossier.qr.bad_url", "bad port in URL");
        for (char c : port)
            if (c < '0' || c > '9') return make_error("dossier.qr.bad_url", "bad port in URL");
        if (std::stoi(std::string(port)) > 65535) return make_error("dossier.qr.bad_url", "bad port in URL");
    }
    std::string host = to_lower(host_part);
    if (!host.empty() && host.back() == '.') host.pop_back();
    if (host.empty()) return make_error("dossier.qr.bad_url", "URL has no host");
    for (char c : host)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-'))
            return make_error("dossier.qr.bad_url",
                              "host " + excerpt(host) + " has characters outside a-z 0-9 . -");
    if (!host_allowed(host, policy.allowed_hosts))
        return make_error("dossier.qr.host_not_allowed",
                          "host " + excerpt(host) + " is not in the allowed list");

    std::string_view query;
    if (const auto q = rest.find('?'); q != std::string_view::npos) {
        query = rest.substr(q + 1);
        query = query.substr(0, query.find('#'));
    }
    // Parameter values indexed by position in policy.param_names; a name given twice is ambiguous.
    std::vector<std::optional<std::string>> found(policy.param_names.size());
    while (!query.empty()) {
        const auto amp = query.find('&');
        const auto pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        const auto eq = pair.find('=');
        auto name = percent_decode(pair.substr(0, eq));
        if (!name) return make_error("dossier.qr.bad_url", "bad percent escape in query parameter name");
        for (std::size_t i = 0; i < policy.param_names.size(); ++i) {
            if (!iequals(*name, policy.param_names[i])) continue;
            if (found[i])
                return make_error("dossier.qr.bad_url", "query parameter '" + *name + "' given twice");
            auto value =
                percent_decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
            if (!value)
                return make_error("dossier.qr.bad_url", "bad percent escape in parameter '" + *name + "'");
            found[i] = std::move(*value);
        }
    }
    for (std::size_t i = 0; i < found.size(); ++i) {
        if (!found[i]) continue;
        if (!text::is_valid_utf8(*found[i]))
            return make_error("dossier.qr.invalid_utf8",
                              "parameter '" + policy.param_names[i] + "' is not UTF-8");
        if (auto ctl = find_control(*found[i]))
            return make_error("dossier.qr.control_char",
                              "parameter '" + policy.param_names[i] + "' contains " + hex_cp(ctl->second));
        return code_or_reason(*found[i], "parameter '" + policy.param_names[i] + "' value");
    }
    return make_error("dossier.qr.no_code_in_url", "none of the code parameters is in the URL query");
}

} // namespace

const std::vector<std::string>& qr_reason_keys() {
    static const std::vector<std::string> keys{"dossier.qr.empty",          "dossier.qr.too_long",
                                               "dossier.qr.binary",         "dossier.qr.invalid_utf8",
                                               "dossier.qr.control_char",   "dossier.qr.scheme_not_allowed",
                                               "dossier.qr.bad_url",        "dossier.qr.host_not_allowed",
                                               "dossier.qr.no_code_in_url", "dossier.qr.not_a_code"};
    return keys;
}

Result<DossierCode> extract_dossier_code(std::string_view payload, const QrPolicy& policy) {
    if (payload.empty()) return make_error("dossier.qr.empty", "the scanner delivered no data");
    if (payload.size() > policy.max_bytes)
        return make_error("dossier.qr.too_long", std::to_string(payload.size()) + " bytes, at most " +
                                                     std::to_string(policy.max_bytes) + " accepted");
    if (payload.find('\0') != std::string_view::npos)
        return make_error("dossier.qr.binary", "payload contains NUL bytes (binary data)");
    if (!text::is_valid_utf8(payload))
        return make_error("dossier.qr.invalid_utf8", "payload is not valid UTF-8 text");
    // Keyboard-wedge scanners end with CR/LF or Tab; surrounding whitespace carries no meaning.
    const std::string_view text = trim(payload);
    if (text.empty()) return make_error("dossier.qr.empty", "payload is only whitespace");
    if (auto ctl = find_control(text))
        return make_error("dossier.qr.control_char", "control character " + hex_cp(ctl->second) +
                                                         " at byte " + std::to_string(ctl->first));
    if (auto scheme = scheme_of(text)) return from_url(text, *scheme, policy);
    return code_or_reason(text, "payload");
}

} // namespace kiosk::dossier
