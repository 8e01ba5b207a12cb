#include "kiosk/core/setup/secrets_file.hpp"

#include "kiosk/core/setup/atomic_file.hpp"

#include <sodium.h>

#include <charconv>
#include <sstream>

namespace kiosk::setup {
namespace {

constexpr std::string_view kHeader =
    "# motcua-kiosk set-up secrets v1 (mode 0600; PIN stored only as a hash)";

bool parse_int(std::string_view text, std::int64_t& out) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

} // namespace

Result<Secrets> load_secrets(const std::filesystem::path& path) {
    auto text = read_whole_file(path);
    if (!text) return text.error();
    Secrets secrets;
    if (!text->has_value()) return secrets;
    std::istringstream in(**text);
    std::string line;
    int number = 0;
    bool header = false;
    while (std::getline(in, line)) {
        ++number;
        if (number == 1) {
            header = line == kHeader;
            continue;
        }
        auto eq = line.find('=');
        if (line.empty()) continue;
        if (eq == std::string::npos)
            return make_error("secrets",
                              path.string() + ":" + std::to_string(number) + ": expected key=value");
        std::string key = line.substr(0, eq), value = line.substr(eq + 1);
        std::int64_t n = 0;
        if (key == "pin_hash") {
            secrets.pin_hash = value;
        } else if (key == "failures" && parse_int(value, n)) {
            secrets.lock.failures = static_cast<int>(n);
        } else if (key == "locks" && parse_int(value, n)) {
            secrets.lock.locks = static_cast<int>(n);
        } else if (key == "locked_until" && parse_int(value, n)) {
            secrets.lock.locked_until = n;
        } else if (key == "first_run" && parse_int(value, n)) {
            secrets.first_run = n != 0;
        } else {
            return make_error("secrets",
                              path.string() + ":" + std::to_string(number) + ": bad line for " + key);
        }
    }
    if (!header)
        return make_error("secrets", path.string() + " is not a set-up secrets file (or is damaged)");
    if (!secrets.pin_hash.empty() && secrets.pin_hash.rfind("$argon2id$", 0) != 0)
        return make_error("secrets", path.string() + ": pin_hash is not an Argon2id hash");
    return secrets;
}

Status save_secrets(const std::filesystem::path& path, const Secrets& secrets) {
    std::string text(kHeader);
    text += "\npin_hash=" + secrets.pin_hash + "\nfailures=" + std::to_string(secrets.lock.failures) +
            "\nlocks=" + std::to_string(secrets.lock.locks) +
            "\nlocked_until=" + std::to_string(secrets.lock.locked_until) +
            "\nfirst_run=" + std::string(secrets.first_run ? "1" : "0") + "\n";
    std::error_code ec;
    // A folder made here is the kiosk's own: only its user may list it. An existing one is left alone.
    if (!path.parent_path().empty() && !std::filesystem::exists(path.parent_path(), ec)) {
        std::filesystem::create_directories(path.parent_path(), ec);
        std::filesystem::permissions(path.parent_path(), std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::replace, ec);
    }
    return write_file_atomic(path, text, {0600, false, {}});
}

Result<std::string> hash_pin(std::string_view pin) {
    if (sodium_init() < 0) return make_error("crypto", "libsodium could not be initialised");
    char out[crypto_pwhash_STRBYTES];
    // Interactive limits (about 64 MiB, well under a second on the kiosk's CPU): the lock-out, not the
    // hash cost, is what stops guessing at the pad; the hash protects a copied secrets file.
    if (crypto_pwhash_str_alg(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return make_error("crypto", "out of memory while hashing the PIN");
    return std::string(out);
}

bool verify_pin(const std::string& hash, std::string_view pin) {
    if (hash.empty() || sodium_init() < 0) return false;
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

} // namespace kiosk::setup
