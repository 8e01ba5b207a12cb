#pragma once
// The set-up secrets file: the PIN as an Argon2id hash (libsodium crypto_pwhash_str, never the PIN itself),
// the lock-out counters and the "first run" flag set by `kioskctl setup enable-first-run`. Mode 0600, written
// atomically and fsync'ed after every change so a lock survives a power cut. Hashing and verifying are slow
// on purpose (tens to hundreds of ms): call them on a worker, never on the UI thread.
// It does not decide lock-outs (pin_policy.hpp) and holds no gateway or status token.

#include "kiosk/core/setup/pin_policy.hpp"
#include "kiosk/core/util/result.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace kiosk::setup {

struct Secrets {
    std::string pin_hash; // "$argon2id$..." ; empty = no PIN set yet
    LockState lock;
    bool first_run = false; // set-up may open once without a PIN, and asks for one first
    [[nodiscard]] bool has_pin() const { return !pin_hash.empty(); }
};

// A missing file is an empty Secrets (no PIN). A file that does not parse is an error (the caller must not
// treat it as "no PIN", which would let anyone set one).
[[nodiscard]] Result<Secrets> load_secrets(const std::filesystem::path& path);
[[nodiscard]] Status save_secrets(const std::filesystem::path& path, const Secrets& secrets);

// Argon2id hash of `pin` in libsodium's string format (salt and parameters included).
[[nodiscard]] Result<std::string> hash_pin(std::string_view pin);
[[nodiscard]] bool verify_pin(const std::string& hash, std::string_view pin);

} // namespace kiosk::setup
