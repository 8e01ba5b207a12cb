// The lobby display on a real SQLite queue file in a temp folder with a FakeSpeaker: the board loads, a
// call made by a counter (another connection) is picked up by the watcher, highlighted and spoken once;
// calls made before the display started are shown but not announced; the highlight ends after a while.
#include "drivers/audio/fake_speaker.hpp"
#include "fakes.hpp"
#include "kiosk/core/queue/from_config.hpp"
#include "kiosk/features/display/display_feature.hpp"
#include "kiosk/store/counter_desk_sql.hpp"
#include "kiosk/store/ticket_store_sqlite.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono;

namespace {

struct DisplayFixture : ::testing::Test {
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("kiosk-display-" + std::to_string(::getpid()));
    ManualClock clock{office_morning()};
    i18n::Translator translator;
    tasks::CompletionQueue completions;
    FakeShell shell;
    log::MemorySink log_sink;
    log::Logger logger{log_sink, clock};
    std::shared_ptr<const config::Config> config;
    std::shared_ptr<FakeParts> parts;
    std::shared_ptr<audio::FakeSpeaker> speaker = std::make_shared<audio::FakeSpeaker>();
    std::unique_ptr<queue::TicketStore> tickets;
    std::unique_ptr<queue::CounterDesk> desk;
    std::unique_ptr<features::DisplayFeature> feature;
    features::UiRegistry registry;

    queue::TimePoint now() const { return time_point_cast<milliseconds>(clock.now()); }

    void SetUp() override {
        std::filesystem::remove_all(dir);
        auto c = std::make_shared<config::Config>();
        c->queue.sqlite_path = (dir / "queue.sqlite").string();
        c->ui.mode = "display";
        config = c;
        parts = std::make_shared<FakeParts>(*config, dir);
        store::SqliteTicketStoreOptions o;
        o.path = parts->plan().tickets.sqlite_db;
        o.office = parts->plan().tickets.office;
        auto opened = store::SqliteTicketStore::open(o);
        ASSERT_TRUE(opened.ok()) << opened.error().message;
        tickets = std::move(opened).value();
        store::CounterDeskTarget target;
        target.office = o.office;
        auto d = store::open_sqlite_counter_desk(o.path, target);
        ASSERT_TRUE(d.ok()) << d.error().message;
        desk = std::move(d).value();
    }
    void TearDown() override {
        feature.reset();
        std::filesystem::remove_all(dir);
    }
    void issue(const std::string& service, int n) {
        auto list = queue::queue_services(*config);
        ASSERT_TRUE(list.ok());
        const auto* s = queue::find_service(*list, service);
        ASSERT_TRUE(s);
        for (int i = 0; i < n; ++i)
            ASSERT_TRUE(tickets->issue(*s, queue::PriorityKind::none, now()).ok());
    }
    void start() {
        feature = std::make_unique<features::DisplayFeature>(
            features::FeatureContext{config, parts, clock, translator, completions, shell, logger}, speaker);
        feature->register_ui(registry);
        feature->start();
        ASSERT_TRUE(pump_until(completions, [&] { return feature->model().loaded; }));
    }
};

} // namespace

TEST_F(DisplayFixture, ANewCallIsHighlightedAndSpokenOnce) {
    issue("HT", 3);
    ASSERT_TRUE(desk->call_next(1, {"HT"}, now()).ok()); // before the display starts: shown, not spoken
    start();
    const auto& m = feature->model();
    ASSERT_GE(m.counters.size(), 2u);
    EXPECT_EQ(m.counters[0].ticket, "A001");
    EXPECT_TRUE(m.announce_ticket.empty());
    EXPECT_TRUE(speaker->said().empty());

    ASSERT_TRUE(desk->call_next(2, {"HT"}, now()).ok());
    ASSERT_TRUE(pump_until(completions, [&] { return m.announce_ticket == "A002"; }));
    EXPECT_EQ(m.announce_counter, 2);
    EXPECT_TRUE(m.counters[1].highlight);
    EXPECT_EQ(m.counters[1].ticket, "A002");
    ASSERT_EQ(m.last_calls.size(), 2u);
    EXPECT_EQ(m.last_calls[0].ticket, "A002");
    const auto said = speaker->said();
    ASSERT_EQ(said.size(), 1u);
    EXPECT_EQ(said[0].caption, "Mời số A002 đến quầy số 2");
    EXPECT_TRUE(said[0].chime);
    ASSERT_EQ(said[0].phrases.size(), 2u); // Vietnamese, then English (speech.english = true)
    int waiting_ht = -1;
    for (const auto& s : m.services)
        if (s.name_vi == "Hộ tịch") waiting_ht = s.waiting;
    EXPECT_EQ(waiting_ht, 1);

    clock.advance(seconds{11});
    (void)feature->tick(clock.now());
    EXPECT_TRUE(m.announce_ticket.empty());
    EXPECT_FALSE(m.counters[1].highlight);
    EXPECT_EQ(speaker->said().size(), 1u);
}

TEST_F(DisplayFixture, PausedCounterAndIdleWithoutChanges) {
    issue("HT", 1);
    start();
    ASSERT_TRUE(desk->set_paused(3, true, now()).ok());
    ASSERT_TRUE(pump_until(completions, [&] {
        for (const auto& c : feature->model().counters)
            if (c.counter == 3 && c.paused) return true;
        return false;
    }));
    EXPECT_TRUE(speaker->said().empty()); // a pause is not a call
}
