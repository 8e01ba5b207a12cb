// PIN rules, the lock-out with an injected clock, and the lock surviving a restart (the secrets file is
// read back by a new PinLockout, as the kiosk does when it starts).
#include "kiosk/core/setup/pin_policy.hpp"
#include "kiosk/core/setup/secrets_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::setup {
namespace {

using namespace std::chrono;

std::filesystem::path fresh_dir(const std::string& name) {
    auto dir =
        std::filesystem::temp_directory_path() / ("setup-test-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

TEST(PinPad, KeysEditTheEntryAndEnterAsksForACheck) {
    std::string entry;
    for (char k : std::string("12x3"))
        EXPECT_FALSE(apply_pin_key(entry, k));
    EXPECT_EQ(entry, "123"); // 'x' is not a pad key
    EXPECT_FALSE(apply_pin_key(entry, 'B'));
    EXPECT_EQ(entry, "12");
    EXPECT_TRUE(apply_pin_key(entry, 'E'));
    EXPECT_EQ(entry, "12"); // the caller checks and clears it
    EXPECT_FALSE(apply_pin_key(entry, 'C'));
    EXPECT_EQ(entry, "");
    EXPECT_FALSE(apply_pin_key(entry, 'B')); // nothing to remove
    for (int i = 0; i < kMaxPinDigits + 3; ++i)
        EXPECT_FALSE(apply_pin_key(entry, '7'));
    EXPECT_EQ(entry.size(), static_cast<std::size_t>(kMaxPinDigits));
}

TEST(PinPolicy, SixToTwelveDigitsNotTrivial) {
    EXPECT_EQ(check_new_pin("246810"), PinProblem::none);
    EXPECT_EQ(check_new_pin("902461375812"), PinProblem::none);
    EXPECT_EQ(check_new_pin("24681"), PinProblem::too_short);
    EXPECT_EQ(check_new_pin("2468102468102"), PinProblem::too_long);
    EXPECT_EQ(check_new_pin("24a810"), PinProblem::not_digits);
    EXPECT_EQ(check_new_pin(""), PinProblem::too_short);
    EXPECT_EQ(check_new_pin("111111"), PinProblem::too_simple);
    EXPECT_EQ(check_new_pin("123456"), PinProblem::too_simple);
    EXPECT_EQ(check_new_pin("987654"), PinProblem::too_simple);
    EXPECT_FALSE(pin_problem_key(PinProblem::too_short).empty());
}

TEST(PinLockout, FiveWrongLockWithGrowingDelays) {
    ManualClock clock(system_clock::time_point{} + hours(24 * 20000));
    PinLockout lockout(clock, {});
    for (int i = 0; i < 4; ++i)
        EXPECT_FALSE(lockout.record_failure()) << i;
    EXPECT_FALSE(lockout.locked());
    EXPECT_TRUE(lockout.record_failure());
    EXPECT_TRUE(lockout.locked());
    EXPECT_EQ(lockout.seconds_left(), 30);
    EXPECT_FALSE(lockout.record_failure()); // a PIN typed while locked is not even counted
    clock.advance(seconds(29));
    EXPECT_TRUE(lockout.locked());
    clock.advance(seconds(1));
    EXPECT_FALSE(lockout.locked());

    const seconds expected[] = {minutes(2), minutes(10), hours(1), hours(1)};
    for (auto delay : expected) {
        for (int i = 0; i < 4; ++i)
            EXPECT_FALSE(lockout.record_failure());
        EXPECT_TRUE(lockout.record_failure());
        EXPECT_EQ(lockout.seconds_left(), delay.count());
        clock.advance(delay);
        EXPECT_FALSE(lockout.locked());
    }
    lockout.record_success();
    EXPECT_EQ(lockout.state(), LockState{});
    for (int i = 0; i < 4; ++i)
        (void)lockout.record_failure();
    EXPECT_TRUE(lockout.record_failure());
    EXPECT_EQ(lockout.seconds_left(), 30); // a right PIN starts the delays over
}

TEST(PinLockout, LockHoldsAcrossARestart) {
    auto dir = fresh_dir("restart");
    auto path = dir / "setup" / "secrets";
    ManualClock clock(system_clock::time_point{} + hours(24 * 20000));
    {
        Secrets secrets;
        secrets.pin_hash = hash_pin("246810").value();
        PinLockout lockout(clock, secrets.lock);
        for (int i = 0; i < 5; ++i) {
            (void)lockout.record_failure();
            secrets.lock = lockout.state();
            ASSERT_TRUE(save_secrets(path, secrets)); // saved after every attempt, as the kiosk does
        }
        ASSERT_TRUE(lockout.locked());
    }
    // "Restart": nothing but the file is carried over.
    clock.advance(seconds(10));
    auto reloaded = load_secrets(path);
    ASSERT_TRUE(reloaded) << reloaded.error().message;
    PinLockout after(clock, reloaded->lock);
    EXPECT_TRUE(after.locked());
    EXPECT_EQ(after.seconds_left(), 20);
    // Four wrong PINs, then a restart: the fifth still locks.
    clock.advance(seconds(20));
    Secrets s = reloaded.value();
    for (int i = 0; i < 4; ++i)
        (void)after.record_failure();
    s.lock = after.state();
    ASSERT_TRUE(save_secrets(path, s));
    PinLockout again(clock, load_secrets(path)->lock);
    EXPECT_TRUE(again.record_failure());
    EXPECT_EQ(again.seconds_left(), 120);
    std::filesystem::remove_all(dir);
}

TEST(PinLockout, WallClockJumpBackCannotLockForever) {
    ManualClock clock(system_clock::time_point{} + hours(24 * 20000));
    LockState far;
    far.locks = 9;
    far.locked_until = duration_cast<seconds>(clock.now().time_since_epoch()).count() + 86400 * 365;
    PinLockout lockout(clock, far);
    EXPECT_LE(lockout.seconds_left(), 3600);
}

TEST(SecretsFile, HashOnlyMode0600AndVerifies) {
    auto dir = fresh_dir("secrets");
    auto path = dir / "setup" / "secrets";
    Secrets secrets;
    secrets.pin_hash = hash_pin("246810").value();
    EXPECT_EQ(secrets.pin_hash.rfind("$argon2id$", 0), 0u);
    ASSERT_TRUE(save_secrets(path, secrets));
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    ASSERT_EQ(::stat(path.parent_path().c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0077, 0u) << "the secrets folder is the kiosk user's alone";
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(text.find("246810"), std::string::npos);
    auto loaded = load_secrets(path);
    ASSERT_TRUE(loaded);
    EXPECT_TRUE(verify_pin(loaded->pin_hash, "246810"));
    EXPECT_FALSE(verify_pin(loaded->pin_hash, "246811"));
    EXPECT_FALSE(verify_pin("", "246810"));
    std::filesystem::remove_all(dir);
}

TEST(SecretsFile, MissingIsNoPinButDamagedIsAnError) {
    auto dir = fresh_dir("damaged");
    auto missing = load_secrets(dir / "none");
    ASSERT_TRUE(missing);
    EXPECT_FALSE(missing->has_pin());
    std::ofstream(dir / "bad") << "pin_hash=plain\n";
    EXPECT_FALSE(load_secrets(dir / "bad")); // never read as "no PIN", which would let anyone set one
    std::filesystem::remove_all(dir);
}

} // namespace
} // namespace kiosk::setup
