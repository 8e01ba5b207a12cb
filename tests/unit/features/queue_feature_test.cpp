// The queue feature with doubles: an in-memory ticket store and a recording printer; no window.
#include "fakes.hpp"

#include "kiosk/features/queue/queue_commands.hpp"
#include "kiosk/features/queue/queue_feature.hpp"

#include <gtest/gtest.h>

using namespace kiosk;
using namespace kiosk::features;
using namespace kiosk::features::queue_ui;

namespace {

struct QueueFixture : test::FeatureFixture<QueueFeature> {
    void send(auto command) {
        feature->handle(ui::FeatureCommand::of(std::move(command)));
        ASSERT_TRUE(test::pump(completions, *feature));
    }
};

TEST_F(QueueFixture, RegistersItsScreensHomeEntryAndCommands) {
    EXPECT_NE(registry.screen(kServicesScreen), nullptr);
    EXPECT_NE(registry.screen(kTicketScreen), nullptr);
    EXPECT_EQ(registry.owner_of_command(typeid(IssueTicket)), feature.get());
    ASSERT_EQ(registry.home_entries().size(), 1u);
    EXPECT_EQ(registry.home_entries()[0].screen, kServicesScreen);
}

TEST_F(QueueFixture, IssuesRecordsPrintsAndShowsTheTicket) {
    shell.go(kServicesScreen);
    ASSERT_TRUE(test::pump(completions, *feature));
    EXPECT_EQ(feature->model().services.front().waiting, 0);
    send(PickService{"HT"}); // priority allowed: the question comes first
    EXPECT_EQ(feature->model().chosen_service, "HT");
    EXPECT_TRUE(parts->tickets->tickets.empty());
    send(IssueTicket{"HT", ""});
    ASSERT_TRUE(feature->model().ticket.has_value())
        << feature->model().error_key << " issuing=" << feature->model().issuing;
    EXPECT_EQ(feature->model().ticket->display, "A001");
    EXPECT_TRUE(feature->model().ticket->printed);
    ASSERT_EQ(parts->tickets->tickets.size(), 1u);
    EXPECT_EQ(parts->tickets->tickets[0].state, queue::TicketState::printed);
    auto printed = parts->printer_double->printed();
    ASSERT_EQ(printed.size(), 1u);
    EXPECT_EQ(printed[0].title, "A001");
    EXPECT_EQ(shell.screen(), kTicketScreen); // navigation was requested through the shell
}

TEST_F(QueueFixture, ASecondTapWhileIssuingIsIgnored) {
    shell.go(kServicesScreen);
    feature->handle(ui::FeatureCommand::of(IssueTicket{"HT", ""}));
    feature->handle(ui::FeatureCommand::of(IssueTicket{"HT", ""}));
    ASSERT_TRUE(test::pump(completions, *feature));
    EXPECT_EQ(parts->tickets->tickets.size(), 1u) << feature->model().error_key;
}

TEST_F(QueueFixture, APrinterFaultIsRecordedAndExplained) {
    parts->printer_double->fail_with(printer::Fault::out_of_paper, "media-empty-error");
    shell.go(kServicesScreen);
    send(IssueTicket{"HT", "elderly"});
    ASSERT_TRUE(feature->model().ticket.has_value());
    EXPECT_FALSE(feature->model().ticket->printed);
    EXPECT_FALSE(feature->model().ticket->print_fault_key.empty());
    EXPECT_EQ(parts->tickets->tickets.at(0).state, queue::TicketState::print_failed);
    health::HealthSnapshot s;
    feature->report(s);
    EXPECT_EQ(s.printer.print_failures_today, 1);
}

TEST_F(QueueFixture, LeavingTheTicketForgetsIt) {
    shell.go(kServicesScreen);
    send(IssueTicket{"HT", ""});
    ASSERT_TRUE(feature->model().ticket.has_value());
    shell.back();
    EXPECT_FALSE(feature->model().ticket.has_value());
}

TEST_F(QueueFixture, BackFromThePriorityQuestionStaysOnTheList) {
    shell.go(kServicesScreen);
    send(PickService{"HT"});
    shell.back();
    EXPECT_EQ(shell.screen(), kServicesScreen);
    EXPECT_TRUE(feature->model().chosen_service.empty());
}

TEST_F(QueueFixture, ANewSnapshotReopensOnlyChangedParts) {
    EXPECT_EQ(parts->ticket_store_opens.load(), 1);
    auto next = std::make_shared<config::Config>(*config);
    next->ui.idle_timeout_s = 90;
    feature->reconfigure(next, parts, change_to(*next));
    ASSERT_TRUE(test::pump(completions, *feature));
    EXPECT_EQ(parts->ticket_store_opens.load(), 1); // nothing the store depends on changed

    auto moved = std::make_shared<config::Config>(*next);
    moved->queue.sqlite_path = "/elsewhere/queue.sqlite";
    auto changed = change_to(*moved);
    EXPECT_TRUE(changed.tickets);
    feature->reconfigure(moved, parts, changed);
    ASSERT_TRUE(test::pump(completions, *feature));
    EXPECT_EQ(parts->ticket_store_opens.load(), 2);
}

TEST_F(QueueFixture, AnUnreachableStoreIsExplained) {
    parts->ticket_store_error = make_error("queue.error.store_unreachable", "connection refused");
    auto moved = std::make_shared<config::Config>(*config);
    moved->queue.sqlite_path = "/elsewhere/queue.sqlite";
    runtime::PartsChange changed;
    changed.tickets = true;
    feature->reconfigure(moved, parts, changed);
    ASSERT_TRUE(test::pump(completions, *feature));
    shell.go(kServicesScreen);
    send(IssueTicket{"HT", ""});
    EXPECT_EQ(feature->model().error_key, "queue.error.store_unreachable");
    EXPECT_TRUE(parts->tickets->tickets.empty());
}

} // namespace

TEST_F(QueueFixture, ADisabledServiceIsNeitherOfferedNorIssued) {
    ASSERT_GE(config->services.size(), 2u);
    auto next = std::make_shared<config::Config>(*config);
    next->services[0].enabled = false; // "HT" in the defaults
    const std::string disabled = next->services[0].code;
    feature->reconfigure(next, parts, change_to(*next));
    ASSERT_TRUE(test::pump(completions, *feature));
    const auto& offered = feature->model().services;
    EXPECT_EQ(offered.size(), next->services.size() - 1);
    for (const auto& s : offered)
        EXPECT_NE(s.code, disabled);
    send(PickService{disabled});
    EXPECT_TRUE(feature->model().chosen_service.empty());
    send(IssueTicket{disabled, ""});
    EXPECT_TRUE(parts->tickets->tickets.empty());
    EXPECT_FALSE(feature->model().ticket.has_value());
}
