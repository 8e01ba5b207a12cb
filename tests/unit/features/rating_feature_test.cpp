// The rating feature with doubles: in-memory ticket and rating stores; scans arrive as the dossier feature
// hands them over (TicketCodeScanned) or typed on the keypad.
#include "fakes.hpp"

#include "kiosk/core/queue/ticket_qr.hpp"
#include "kiosk/features/dossier/dossier_feature.hpp"
#include "kiosk/features/rating/rating_commands.hpp"
#include "kiosk/features/rating/rating_feature.hpp"

#include <gtest/gtest.h>

using namespace kiosk;
using namespace kiosk::features;
using namespace kiosk::features::rating_ui;

namespace {

struct RatingFixture : test::FeatureFixture<RatingFeature> {
    // A ticket of today's office day in the memory store, served at counter 3 unless `state` says otherwise.
    queue::Ticket add_ticket(const std::string& display,
                             queue::TicketState state = queue::TicketState::served,
                             const std::string& day = "2026-11-25") {
        queue::Ticket t;
        t.id = static_cast<std::int64_t>(parts->tickets->tickets.size()) + 1;
        t.office = "demo-office";
        t.service = "CT";
        t.day = {day};
        t.display = display;
        t.state = state;
        t.check = "K7Q2MX";
        t.counter = 3;
        if (state == queue::TicketState::served)
            t.served_at = queue::now_ms(); // any time: the window is the day
        parts->tickets->tickets.push_back(t);
        return t;
    }
    void send(auto command) {
        feature->handle(ui::FeatureCommand::of(std::move(command)));
        ASSERT_TRUE(test::pump(completions, *feature));
    }
    void scan(const queue::Ticket& t) { send(TicketCodeScanned{queue::ticket_qr_text(t)}); }
};

TEST_F(RatingFixture, RegistersItsScreensHomeEntryAndCommands) {
    EXPECT_NE(registry.screen(kEnterScreen), nullptr);
    EXPECT_NE(registry.screen(kRateScreen), nullptr);
    EXPECT_EQ(registry.owner_of_command(typeid(TicketCodeScanned)), feature.get());
    ASSERT_EQ(registry.home_entries().size(), 1u);
    EXPECT_EQ(registry.home_entries()[0].title_key, "home.rating");
}

TEST_F(RatingFixture, AServedTicketIsRatedOnceWithReasons) {
    auto t = add_ticket("B001");
    scan(t);
    EXPECT_EQ(shell.screen(), kRateScreen);
    EXPECT_TRUE(feature->model().found);
    EXPECT_EQ(feature->model().display, "B001");
    EXPECT_EQ(feature->model().service_vi, "Chứng thực");
    EXPECT_EQ(feature->model().counter, 3);
    send(PickLevel{1});
    send(SendRating{}); // no reason yet: refused, nothing stored
    EXPECT_EQ(feature->model().error_key, queue::kErrNeedReason);
    EXPECT_TRUE(parts->ratings->ratings.empty());
    send(ToggleReason{queue::reason_attitude});
    send(ToggleReason{queue::reason_other});
    send(SendRating{});
    EXPECT_TRUE(feature->model().thanked);
    ASSERT_EQ(parts->ratings->ratings.size(), 1u);
    EXPECT_EQ(parts->ratings->ratings[0].level, queue::RatingLevel::not_satisfied);
    EXPECT_EQ(parts->ratings->ratings[0].reasons, queue::reason_attitude | queue::reason_other);
    EXPECT_EQ(parts->ratings->ratings[0].counter, 3);
    scan(t); // again
    EXPECT_EQ(shell.screen(), kEnterScreen);
    EXPECT_EQ(feature->model().error_key, queue::kErrAlreadyRated);
    EXPECT_EQ(parts->ratings->ratings.size(), 1u);
}

TEST_F(RatingFixture, ReasonsAreDroppedForAHappyLevel) {
    scan(add_ticket("B001"));
    send(PickLevel{1});
    send(ToggleReason{queue::reason_guidance});
    send(PickLevel{3});
    send(SendRating{});
    ASSERT_EQ(parts->ratings->ratings.size(), 1u);
    EXPECT_EQ(parts->ratings->ratings[0].level, queue::RatingLevel::very_satisfied);
    EXPECT_EQ(parts->ratings->ratings[0].reasons, 0u);
}

TEST_F(RatingFixture, RefusalsSayWhy) {
    auto waiting = add_ticket("B002", queue::TicketState::printed);
    scan(waiting);
    EXPECT_EQ(feature->model().error_key, queue::kErrNotServed);
    auto served = add_ticket("B003");
    auto forged = served;
    forged.check = "ZZZZZZ";
    scan(forged);
    EXPECT_EQ(feature->model().error_key, queue::kErrForged);
    auto other = served;
    other.office = "phuong-khac";
    scan(other);
    EXPECT_EQ(feature->model().error_key, queue::kErrOtherOffice);
    auto yesterday = add_ticket("B001", queue::TicketState::served, "2026-11-24");
    scan(yesterday);
    EXPECT_EQ(feature->model().error_key, queue::kErrOtherDay);
    send(TicketCodeScanned{"motcua-ticket:1:demo-office:2026"});
    EXPECT_EQ(feature->model().error_key, "rating.error.bad_qr");
    EXPECT_FALSE(feature->model().found);
    EXPECT_TRUE(parts->ratings->ratings.empty());
}

TEST_F(RatingFixture, ATypedNumberAndCheckCodeFindTheTicket) {
    add_ticket("B001");
    shell.go(kEnterScreen);
    EXPECT_TRUE(feature->handle_input(ui::KeyboardInput{"b001k7q2mx"}));
    EXPECT_EQ(feature->model().typed, "B001K7Q2MX");
    send(SubmitTypedTicket{});
    EXPECT_EQ(shell.screen(), kRateScreen);
    EXPECT_EQ(feature->model().display, "B001");
    shell.back();
    EXPECT_FALSE(feature->model().found); // leaving the rate screen forgets the ticket
    EXPECT_TRUE(feature->handle_input(ui::KeyboardInput{"B001K7Q2MA"}));
    send(SubmitTypedTicket{});
    EXPECT_EQ(feature->model().error_key, queue::kErrForged);
}

TEST_F(RatingFixture, StoreFailuresShowOneCalmMessage) {
    auto t = add_ticket("B001");
    parts->ratings->fail = make_error(queue::kErrUnreachable, "server down");
    scan(t);
    EXPECT_EQ(feature->model().error_key, "rating.error.store");
}

TEST_F(RatingFixture, ReportsTheDaysCountsForMetrics) {
    add_ticket("B001");
    add_ticket("B002", queue::TicketState::voided);
    add_ticket("B003", queue::TicketState::skipped);
    (void)feature->tick(clock.now());
    ASSERT_TRUE(test::pump(completions, *feature));
    health::HealthSnapshot snap;
    feature->report(snap);
    EXPECT_EQ(snap.rating.issued_today, 3);
    EXPECT_EQ(snap.rating.served_today, 1);
    EXPECT_EQ(snap.rating.voided_today, 1);
    EXPECT_EQ(snap.rating.no_show_today, 1);
}

// The dossier feature owns the scanners: a ticket's QR goes to the rating feature, not to a dossier lookup.
struct DossierHandOver : test::FeatureFixture<DossierFeature> {};

TEST_F(DossierHandOver, ATicketPayloadBecomesATicketCodeScannedCommand) {
    feature->handle_payload("motcua-ticket:1:demo-office:20261125:B001:K7Q2MX", "usb-scanner");
    ASSERT_EQ(shell.requested.size(), 1u);
    const auto* command = std::get_if<ui::FeatureCommand>(&shell.requested[0]);
    ASSERT_NE(command, nullptr);
    ASSERT_NE(command->as<TicketCodeScanned>(), nullptr);
    EXPECT_EQ(command->as<TicketCodeScanned>()->payload, "motcua-ticket:1:demo-office:20261125:B001:K7Q2MX");
    EXPECT_TRUE(feature->model().error_key.empty());
    EXPECT_EQ(parts->dossiers->lookups, 0);
}

} // namespace

namespace {

// The app's shell applies a navigation after the command being handled; this one queues it the same way.
struct DeferredShellRating : RatingFixture {};

TEST_F(DeferredShellRating, AScanOnTheRateScreenKeepsTheNewCheck) {
    auto first = add_ticket("B001");
    auto second = add_ticket("B002");
    scan(first);
    ASSERT_EQ(shell.screen(), kRateScreen);
    // Handle the scan without the fake shell navigating at once: then apply the navigation, as the app does.
    shell.defer = true;
    feature->handle(ui::FeatureCommand::of(TicketCodeScanned{queue::ticket_qr_text(second)}));
    shell.apply_deferred();
    ASSERT_TRUE(test::pump(completions, *feature));
    EXPECT_EQ(feature->model().display, "B002");
    EXPECT_EQ(shell.screen(), kRateScreen);
}

} // namespace
