#include "kiosk/core/config/last_good.hpp"
#include "kiosk/core/config/loader.hpp"
#include "kiosk/core/config/schema.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace kiosk::config;

namespace {

bool has_problem(const LoadResult& r, const std::string& key, const std::string& fragment, int line = -1) {
    for (const auto& p : r.problems)
        if (p.key == key && p.message.find(fragment) != std::string::npos && (line < 0 || p.line == line))
            return true;
    return false;
}

std::string dump(const LoadResult& r) {
    std::string out;
    for (const auto& p : r.problems)
        out += p.to_string() + "\n";
    return out;
}

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        path = std::filesystem::temp_directory_path() /
               ("kiosk-config-test-" + std::to_string(::getpid()) + "-" +
                std::to_string(reinterpret_cast<uintptr_t>(this)));
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    std::filesystem::path write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name) << text;
        return path / name;
    }
};

} // namespace

TEST(Config, EmptyTextGivesDefaults) {
    auto r = load_config_text("", "kiosk.toml");
    ASSERT_TRUE(r.ok()) << dump(r);
    EXPECT_EQ(r.config.ui.idle_timeout_s, 60);
    EXPECT_EQ(r.config.display.orientation, "portrait");
    EXPECT_EQ(r.config.services.size(), 5u);
}

TEST(Config, ReadsValuesAndServices) {
    auto r = load_config_text(R"(
[ui]
language = "en"
idle_timeout_s = 90
[display]
orientation = "landscape"
scale = 1.5
[[services]]
code = "HT"
name_vi = "Hộ tịch"
name_en = "Civil status"
prefix = "A"
counters = [1, 2]
)",
                              "kiosk.toml");
    ASSERT_TRUE(r.ok()) << dump(r);
    EXPECT_EQ(r.config.ui.language, "en");
    EXPECT_EQ(r.config.ui.idle_timeout_s, 90);
    EXPECT_DOUBLE_EQ(r.config.display.scale, 1.5);
    ASSERT_EQ(r.config.services.size(), 1u);
    EXPECT_EQ(r.config.services[0].name_vi, "Hộ tịch");
    EXPECT_EQ(r.config.services[0].counters, (std::vector<int>{1, 2}));
}

TEST(Config, ReportsEveryProblemWithFileLineAndKey) {
    auto r = load_config_text(
        "[ui]\nidle_timeout_s = \"sixty\"\nlanguage = \"fr\"\ncolour = 3\n[display]\nwidth = 99999\n",
        "/etc/kiosk.toml");
    EXPECT_FALSE(r.ok());
    EXPECT_TRUE(has_problem(r, "ui.idle_timeout_s", "must be an integer", 2)) << dump(r);
    EXPECT_TRUE(has_problem(r, "ui.language", "not one of: vi, en", 3)) << dump(r);
    EXPECT_TRUE(has_problem(r, "ui.colour", "unknown key", 4)) << dump(r);
    EXPECT_TRUE(has_problem(r, "display.width", "out of range", 6)) << dump(r);
    EXPECT_EQ(r.problems.size(), 4u) << dump(r);
    EXPECT_NE(dump(r).find("/etc/kiosk.toml:2: ui.idle_timeout_s: must be an integer"), std::string::npos)
        << dump(r);
}

TEST(Config, BrokenTomlIsASyntaxErrorWithLine) {
    auto r = load_config_text("[ui]\nlanguage = \"vi\nidle = 3\n", "k.toml");
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].line, 2);
    EXPECT_NE(r.problems[0].message.find("TOML syntax error"), std::string::npos);
}

TEST(Config, UnknownSectionAndServiceKeys) {
    auto r = load_config_text(
        "[camera]\nx = 1\n[[services]]\ncode = \"A\"\nname_vi=\"a\"\nname_en=\"a\"\nprefix=\"A\"\n"
        "counters=[1]\ncolor=\"red\"\n",
        "k.toml");
    EXPECT_TRUE(has_problem(r, "camera", "unknown section")) << dump(r);
    EXPECT_TRUE(has_problem(r, "services[0].color", "unknown key", 9)) << dump(r);
}

TEST(Config, CrossChecks) {
    auto r = load_config_text(
        "[queue]\nstore = \"postgres\"\n[printer]\npaper_mm = 70\n[gateway]\nurl = \"http://example.org\"\n"
        "[[services]]\ncode=\"A\"\nname_vi=\"a\"\nname_en=\"a\"\nprefix=\"A\"\ncounters=[1]\nrange_start=50\n"
        "range_end=10\n[[services]]\ncode=\"A\"\nname_vi=\"b\"\nname_en=\"b\"\nprefix=\"B\"\ncounters=[2]\n"
        "opens=\"18:00\"\n",
        "k.toml");
    EXPECT_TRUE(has_problem(r, "queue.postgres_dsn", "is required")) << dump(r);
    EXPECT_TRUE(has_problem(r, "printer.paper_mm", "58 or 80")) << dump(r);
    EXPECT_TRUE(has_problem(r, "gateway.url", "https://")) << dump(r);
    EXPECT_TRUE(has_problem(r, "services[0].range_start", "greater than range_end")) << dump(r);
    EXPECT_TRUE(has_problem(r, "services[1].code", "used by another service")) << dump(r);
    EXPECT_TRUE(has_problem(r, "services[1].opens", "earlier than closes")) << dump(r);
}

TEST(Config, OverridesAreTypedAndValidated) {
    auto r = load_config_text("", "k.toml",
                              {"ui.language=en", "ui.idle_timeout_s=120", "display.fullscreen=true",
                               "dossier.qr_param_names=[\"a\",\"b\"]", "services[1].prefix=Z",
                               "office.name_vi=\"Phường X\""});
    ASSERT_TRUE(r.ok()) << dump(r);
    EXPECT_EQ(r.config.ui.language, "en");
    EXPECT_EQ(r.config.ui.idle_timeout_s, 120);
    EXPECT_TRUE(r.config.display.fullscreen);
    EXPECT_EQ(r.config.dossier.qr_param_names, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(r.config.services[1].prefix, "Z");
    EXPECT_EQ(r.config.office.name_vi, "Phường X");

    auto bad = load_config_text("", "k.toml",
                                {"ui.idle_timeout_s=abc", "ui.nope=1", "services[9].prefix=A", "novalue"});
    EXPECT_TRUE(has_problem(bad, "ui.idle_timeout_s", "integer")) << dump(bad);
    EXPECT_TRUE(has_problem(bad, "ui.nope", "unknown key")) << dump(bad);
    EXPECT_TRUE(has_problem(bad, "services[9].prefix", "no service number 9")) << dump(bad);
    EXPECT_TRUE(has_problem(bad, "novalue", "key=value")) << dump(bad);
    for (const auto& p : bad.problems)
        EXPECT_EQ(p.origin, "--set");
}

TEST(Config, ToTomlRoundTrips) {
    auto original = load_config_text(
        "", "k.toml", {"ui.language=en", "display.scale=1.25", "services[0].name_vi=Hộ tịch – A"});
    ASSERT_TRUE(original.ok());
    auto text = to_toml(original.config);
    auto again = load_config_text(text, "dump.toml");
    ASSERT_TRUE(again.ok()) << dump(again) << text;
    EXPECT_EQ(to_toml(again.config), text);
}

TEST(Config, ExampleFileIsValidAndDocumentsEveryKey) {
    auto path = std::filesystem::path(KIOSK_TEST_DATA_DIR) / "../config/kiosk.example.toml";
    auto r = load_config_file(path);
    ASSERT_TRUE(r.file_found) << path;
    ASSERT_TRUE(r.ok()) << dump(r);
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const auto& def : config_schema()) {
        auto name = def.key.substr(def.key.find('.') + 1);
        EXPECT_NE(text.find(name + " ="), std::string::npos)
            << def.key << " is not documented in the example";
    }
}

TEST(Config, MissingFileMeansDefaults) {
    auto r = load_config_file("/nonexistent/dir/kiosk.toml", {"ui.language=en"});
    EXPECT_TRUE(r.ok());
    EXPECT_FALSE(r.file_found);
    EXPECT_EQ(r.config.ui.language, "en");
}

TEST(LastGood, BadFileFallsBackToLastGoodThenDefaults) {
    TempDir dir;
    auto state = dir.path / "state";
    auto file = dir.write("kiosk.toml", "[ui]\nidle_timeout_s = 45\n");
    auto first = resolve_config(file, {}, state);
    EXPECT_EQ(first.source, ConfigSource::file);
    EXPECT_EQ(first.config.ui.idle_timeout_s, 45);
    EXPECT_TRUE(std::filesystem::exists(last_good_path(state)));

    dir.write("kiosk.toml", "[ui]\nidle_timeout_s = 5\n"); // out of range
    auto second = resolve_config(file, {}, state);
    EXPECT_EQ(second.source, ConfigSource::last_good);
    EXPECT_EQ(second.config.ui.idle_timeout_s, 45);
    ASSERT_EQ(second.problems.size(), 1u);
    EXPECT_EQ(second.problems[0].key, "ui.idle_timeout_s");

    std::filesystem::remove(last_good_path(state));
    dir.write("kiosk.toml", "[ui\n");
    auto third = resolve_config(file, {"ui.language=en"}, state);
    EXPECT_EQ(third.source, ConfigSource::defaults);
    EXPECT_EQ(third.config.ui.idle_timeout_s, 60);
    EXPECT_EQ(third.config.ui.language, "en");
    EXPECT_FALSE(third.problems.empty());
}

TEST(Schema, ParseClock) {
    EXPECT_EQ(parse_clock("07:30"), 450);
    EXPECT_EQ(parse_clock("23:59"), 1439);
    EXPECT_FALSE(parse_clock("24:00"));
    EXPECT_FALSE(parse_clock("7:30"));
    EXPECT_FALSE(parse_clock("07-30"));
}
