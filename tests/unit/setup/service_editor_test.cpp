// The Services screen's editing model (kiosk/core/setup/service_editor.hpp): no UI, no files.
#include "kiosk/core/config/loader.hpp"
#include "kiosk/core/setup/service_editor.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace kiosk::setup {
namespace {

std::vector<config::ServiceConfig> two_services() {
    config::ServiceConfig a;
    a.code = "HT";
    a.name_vi = "Hộ tịch";
    a.name_en = "Civil status";
    a.prefix = "A";
    a.counters = {1, 2};
    config::ServiceConfig b = a;
    b.code = "DD";
    b.name_vi = "Đất đai";
    b.name_en = "Land";
    b.prefix = "B";
    b.counters = {3};
    return {a, b};
}

// The problem for (index, field), or nullptr.
const ServiceProblem* problem_at(const std::vector<ServiceProblem>& problems, size_t index,
                                 std::string_view field) {
    auto it = std::find_if(problems.begin(), problems.end(),
                           [&](const ServiceProblem& p) { return p.index == index && p.field == field; });
    return it == problems.end() ? nullptr : &*it;
}

TEST(ServiceEditor, UnchangedListChecksCleanAndKeepsItsValues) {
    ServiceEditor editor(two_services());
    EXPECT_FALSE(editor.changed());
    EXPECT_TRUE(editor.check().empty());
    EXPECT_EQ(editor.services(), two_services());
    EXPECT_EQ(editor.text(0, "counters"), "1, 2");
    EXPECT_EQ(editor.text(1, "range_end"), "999");
}

TEST(ServiceEditor, AddedServiceNeedsNamesAndPrefixThenIsValid) {
    ServiceEditor editor(two_services());
    auto i = editor.add();
    EXPECT_EQ(i, 2u);
    EXPECT_TRUE(editor.changed());
    EXPECT_EQ(editor.service(i).code, "DV1");
    auto problems = editor.check();
    ASSERT_EQ(problems.size(), 3u);
    for (auto field : {"name_vi", "name_en", "prefix"}) {
        const auto* p = problem_at(problems, i, field);
        ASSERT_NE(p, nullptr) << field;
        EXPECT_EQ(p->key, "setup.svc_error.required");
    }
    editor.set_text(i, "name_vi", "Chứng thực");
    editor.set_text(i, "name_en", "Certification");
    editor.set_text(i, "prefix", "C");
    editor.set_text(i, "counters", "4.5");
    editor.set_text(i, "opens", "08:00");
    editor.set_text(i, "closes", "11:30");
    editor.set_text(i, "range_start", "100");
    editor.set_text(i, "range_end", "199");
    EXPECT_TRUE(editor.check().empty());
    auto out = editor.services();
    ASSERT_EQ(out.size(), 3u);
    EXPECT_EQ(out[2].name_vi, "Chứng thực");
    EXPECT_EQ(out[2].counters, (std::vector<int>{4, 5}));
    EXPECT_EQ(out[2].opens, "08:00");
    EXPECT_EQ(out[2].range_start, 100);
    EXPECT_EQ(out[2].range_end, 199);
    // A second new service gets the next free code; a new one can be removed again, a saved one cannot.
    auto second = editor.add();
    EXPECT_EQ(editor.service(second).code, "DV2");
    EXPECT_TRUE(editor.is_new(second));
    EXPECT_FALSE(editor.remove_new(0));
    EXPECT_TRUE(editor.remove_new(second));
    EXPECT_EQ(editor.size(), 3u);
    EXPECT_TRUE(editor.check().empty());
}

TEST(ServiceEditor, TypingErrorsAreNamedByFieldWithWhatWasTyped) {
    ServiceEditor editor(two_services());
    editor.set_text(0, "range_start", "1O"); // letter O, not zero
    editor.set_text(0, "counters", "1,x");
    editor.set_text(1, "opens", "7h30");
    editor.set_text(1, "closes", "25:00");
    auto problems = editor.check();
    ASSERT_EQ(problems.size(), 4u);
    EXPECT_EQ(problem_at(problems, 0, "range_start")->key, "setup.svc_error.number");
    EXPECT_EQ(problem_at(problems, 0, "range_start")->arg, "1O");
    EXPECT_EQ(problem_at(problems, 0, "counters")->key, "setup.svc_error.counters");
    EXPECT_EQ(problem_at(problems, 1, "opens")->key, "setup.svc_error.clock");
    EXPECT_EQ(problem_at(problems, 1, "opens")->arg, "7h30");
    EXPECT_EQ(problem_at(problems, 1, "closes")->key, "setup.svc_error.clock");
    // The text stays as typed so staff can correct it.
    EXPECT_EQ(editor.text(1, "opens"), "7h30");
}

TEST(ServiceEditor, RulesAcrossFields) {
    ServiceEditor editor(two_services());
    editor.set_text(0, "range_start", "500");
    editor.set_text(0, "range_end", "400");
    editor.set_text(1, "opens", "17:00");
    editor.set_text(1, "closes", "08:00");
    editor.set_text(1, "range_end", "100000");
    editor.set_text(1, "counters", "0");
    auto problems = editor.check();
    EXPECT_EQ(problem_at(problems, 0, "range_start")->key, "setup.svc_error.range_order");
    EXPECT_EQ(problem_at(problems, 1, "opens")->key, "setup.svc_error.hours_order");
    EXPECT_EQ(problem_at(problems, 1, "range_end")->key, "setup.svc_error.range_bounds");
    EXPECT_EQ(problem_at(problems, 1, "counters")->key, "setup.svc_error.counter_bounds");
}

TEST(ServiceEditor, DisableAndReorder) {
    ServiceEditor editor(two_services());
    EXPECT_FALSE(editor.move_up(0));
    EXPECT_FALSE(editor.move_down(1));
    EXPECT_FALSE(editor.changed());
    EXPECT_TRUE(editor.move_down(0));
    EXPECT_EQ(editor.service(0).code, "DD");
    EXPECT_TRUE(editor.move_up(1));
    EXPECT_EQ(editor.service(0).code, "HT");
    // Typed text moves with its service.
    editor.set_text(1, "counters", "7");
    EXPECT_TRUE(editor.move_up(1));
    EXPECT_EQ(editor.text(0, "counters"), "7");
    EXPECT_EQ(editor.services()[0].counters, (std::vector<int>{7}));

    editor.set_enabled(0, false);
    EXPECT_TRUE(editor.check().empty());
    editor.set_enabled(1, false);
    auto problems = editor.check();
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].field, "");
    EXPECT_EQ(problems[0].key, "setup.svc_error.none_enabled");
    editor.set_enabled(1, true);
    editor.set_priority_allowed(1, false);
    auto out = editor.services();
    EXPECT_FALSE(out[0].enabled);
    EXPECT_TRUE(out[1].enabled);
    EXPECT_FALSE(out[1].priority_allowed);
}

TEST(ServiceEditor, CountersTextRoundTrips) {
    EXPECT_EQ(parse_counters("1, 2 ,3"), (std::vector<int>{1, 2, 3}));
    EXPECT_EQ(parse_counters("4.5/6-7"), (std::vector<int>{4, 5, 6, 7}));
    EXPECT_FALSE(parse_counters(""));
    EXPECT_FALSE(parse_counters(" , "));
    EXPECT_FALSE(parse_counters("1a"));
    EXPECT_EQ(counters_text({3, 4}), "3, 4");
}

TEST(ServiceEditor, LoaderAcceptsTheEditedListAndRefusesWhatItWouldRefuseAtStartUp) {
    config::Config base;
    ServiceEditor editor(base.services);
    auto i = editor.add();
    editor.set_text(i, "name_vi", "Tư pháp");
    editor.set_text(i, "name_en", "Justice");
    editor.set_text(i, "prefix", "T");
    editor.set_enabled(0, false);
    ASSERT_TRUE(editor.check().empty());
    EXPECT_TRUE(loader_problems(base, editor.services()).empty());
    // The written file reads back with the order, the new service and the disabled flag.
    auto next = base;
    next.services = editor.services();
    auto loaded = config::load_config_text(config::to_toml(next), "test");
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded.config.services, editor.services());
    EXPECT_FALSE(loaded.config.services[0].enabled);

    // Two services with one code: the loader's rule, reported on the field it names.
    auto dup = editor.services();
    dup[1].code = dup[0].code;
    auto refused = loader_problems(base, dup);
    ASSERT_FALSE(refused.empty());
    EXPECT_EQ(refused[0].index, 1u);
    EXPECT_EQ(refused[0].field, "code");
    EXPECT_EQ(refused[0].key, "setup.svc_error.other");
    // And every service disabled.
    for (auto& s : dup)
        s.enabled = false;
    dup[1].code = "X";
    refused = loader_problems(base, dup);
    ASSERT_EQ(refused.size(), 1u);
    EXPECT_NE(refused[0].arg.find("at least one service must be enabled"), std::string::npos);
}

} // namespace
} // namespace kiosk::setup
