// Counter PINs on the set-up secrets module: one 0600 file per counter with an Argon2id hash (never the PIN),
// the set-up PIN rules, and the same lock-out (5 wrong → locked 30 s, even the right PIN), persisted so a
// restarted console is still locked.
#include "kiosk/core/setup/counter_pin.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::setup {
namespace {

using namespace std::chrono;

std::filesystem::path fresh_dir() {
    auto dir = std::filesystem::temp_directory_path() / ("counter-pin-test-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

TEST(CounterPin, EachCounterHasItsOwnHashedFile) {
    const auto dir = fresh_dir();
    const auto two = counter_secrets_path(dir, 2), three = counter_secrets_path(dir, 3);
    EXPECT_EQ(two.filename(), "counter-2.secrets");
    ManualClock clock(system_clock::time_point{} + hours(24 * 20000));
    auto none = check_counter_pin(two, "482915", clock);
    ASSERT_TRUE(none) << none.error().message;
    EXPECT_EQ(none->outcome, CounterPinOutcome::no_pin);

    ASSERT_TRUE(set_counter_pin(two, "482915"));
    struct stat st {};
    ASSERT_EQ(::stat(two.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    std::ifstream in(two);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str().find("482915"), std::string::npos) << "the PIN itself must not be stored";
    EXPECT_NE(text.str().find("$argon2id$"), std::string::npos);

    auto right = check_counter_pin(two, "482915", clock);
    ASSERT_TRUE(right);
    EXPECT_EQ(right->outcome, CounterPinOutcome::accepted);
    auto other = check_counter_pin(three, "482915", clock);
    ASSERT_TRUE(other);
    EXPECT_EQ(other->outcome, CounterPinOutcome::no_pin) << "counter 3 has no PIN of its own";
    std::filesystem::remove_all(dir);
}

TEST(CounterPin, NewPinFollowsTheSetupRules) {
    const auto file = counter_secrets_path(fresh_dir(), 1);
    auto short_pin = set_counter_pin(file, "4829");
    ASSERT_FALSE(short_pin);
    EXPECT_NE(short_pin.error().message.find("6"), std::string::npos) << short_pin.error().message;
    EXPECT_FALSE(set_counter_pin(file, "123456")); // too simple
    EXPECT_FALSE(set_counter_pin(file, "48a915"));
    EXPECT_FALSE(std::filesystem::exists(file));
    std::filesystem::remove_all(file.parent_path());
}

TEST(CounterPin, FiveWrongLockEvenTheRightPinAndTheLockSurvivesARestart) {
    const auto file = counter_secrets_path(fresh_dir(), 4);
    ASSERT_TRUE(set_counter_pin(file, "482915"));
    ManualClock clock(system_clock::time_point{} + hours(24 * 20000));
    for (int i = 1; i <= 4; ++i) {
        auto wrong = check_counter_pin(file, "000000", clock);
        ASSERT_TRUE(wrong);
        EXPECT_EQ(wrong->outcome, CounterPinOutcome::wrong);
        EXPECT_EQ(wrong->failures, i);
        EXPECT_EQ(wrong->locked_seconds, 0);
    }
    auto fifth = check_counter_pin(file, "000000", clock);
    ASSERT_TRUE(fifth);
    EXPECT_EQ(fifth->outcome, CounterPinOutcome::wrong);
    EXPECT_EQ(fifth->locked_seconds, 30);
    // Locked: the right PIN is not even checked; a new process (status read from the file) sees the lock.
    auto locked = check_counter_pin(file, "482915", clock);
    ASSERT_TRUE(locked);
    EXPECT_EQ(locked->outcome, CounterPinOutcome::locked);
    auto status = counter_pin_status(file, clock);
    ASSERT_TRUE(status);
    EXPECT_EQ(status->outcome, CounterPinOutcome::locked);
    clock.advance(seconds(31));
    auto after = check_counter_pin(file, "482915", clock);
    ASSERT_TRUE(after);
    EXPECT_EQ(after->outcome, CounterPinOutcome::accepted);
    EXPECT_EQ(after->failures, 0);
    // The next lock after a success starts at 30 s again only because the right PIN reset it.
    EXPECT_EQ(load_secrets(file)->lock, LockState{});
    std::filesystem::remove_all(file.parent_path());
}

TEST(CounterPin, UnreadableFileIsAnErrorNotNoPin) {
    const auto file = counter_secrets_path(fresh_dir(), 5);
    {
        std::ofstream out(file);
        out << "garbage without a header\n";
    }
    EXPECT_FALSE(check_counter_pin(file, "482915", ManualClock()));
    std::filesystem::remove_all(file.parent_path());
}

} // namespace
} // namespace kiosk::setup
