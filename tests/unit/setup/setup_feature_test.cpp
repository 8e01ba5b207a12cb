// The set-up feature with the app's real shell (Controller) and a ManualClock: the hidden entry, the PIN pad
// and its lock-out (across a "restart": a new feature over the same state folder), the refusal of set-up
// screens without the PIN, idle closing, and a save that is applied as a new snapshot.
#include "kiosk/app/controller.hpp"
#include "kiosk/core/log/memory_sink.hpp"
#include "kiosk/core/setup/config_save.hpp"
#include "kiosk/features/setup/setup_commands.hpp"
#include "kiosk/features/setup/setup_feature.hpp"
#include "kiosk/runtime/composition_root.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <thread>
#include <unistd.h>

namespace kiosk::features {
namespace {

using namespace std::chrono;
namespace cmd = setup_ui;

const char* const kPin = "246810";

std::string read(const std::filesystem::path& p) {
    std::ifstream in(p);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// One kiosk "process": configuration store, shell, and the set-up feature over a state folder.
struct Kiosk {
    std::filesystem::path file, state;
    ManualClock& clock;
    i18n::Translator translator;
    tasks::CompletionQueue completions;
    log::MemorySink log_sink;
    log::Logger logger{log_sink, clock};
    std::optional<runtime::ConfigStore> store;
    std::shared_ptr<runtime::CompositionRoot> root;
    UiRegistry registry;
    std::unique_ptr<app::Controller> shell;
    std::unique_ptr<SetupFeature> setup;
    int reloads = 0;

    Kiosk(std::filesystem::path file_, std::filesystem::path state_, ManualClock& clock_)
        : file(std::move(file_)), state(std::move(state_)), clock(clock_) {
        runtime::ConfigRequest request{file.string(), {"paths.state_dir=" + state.string()}};
        auto resolved = runtime::resolve_startup_config(request);
        root = std::make_shared<runtime::CompositionRoot>(resolved.config, resolved.state_dir);
        store.emplace(request, resolved);
        shell = std::make_unique<app::Controller>(store->current(), clock, registry, logger);
        shell->set_staff_hooks({[this] { return &store->resolved(); },
                                [this]() -> std::string {
                                    auto next = store->reload_file();
                                    if (!next) return next.error().message;
                                    ++reloads;
                                    shell->reconfigure(next.value());
                                    setup->reconfigure(next.value(), root, {});
                                    return {};
                                },
                                {},
                                {}});
        setup = std::make_unique<SetupFeature>(
            FeatureContext{store->current(), root, clock, translator, completions, *shell, logger});
        setup->register_ui(registry);
        shell->set_features({setup.get()});
        setup->start();
        settle();
    }
    void settle() {
        auto until = steady_clock::now() + seconds(10);
        while (steady_clock::now() < until) {
            completions.drain();
            if (!setup->busy() && completions.pending() == 0) return;
            std::this_thread::sleep_for(milliseconds(2));
        }
        ADD_FAILURE() << "set-up work did not settle";
    }
    void keys(std::vector<ui::KeyPress> k) {
        shell->on_keys(setup->filter_keys(std::move(k)));
        settle(); // an entry reads the secrets file on the worker first
    }
    void corner_taps(int n) {
        for (int i = 0; i < n; ++i)
            keys({{ui::KeyPress::Kind::pointer_down,
                   {},
                   static_cast<uint32_t>(clock.monotonic_ms()),
                   30,
                   40}});
    }
    void type_pin(const std::string& pin) {
        keys({{ui::KeyPress::Kind::text, pin, 0}, {ui::KeyPress::Kind::enter, {}, 0}});
        settle();
    }
    void send(auto command) { shell->apply({ui::FeatureCommand::of(command)}); }
    [[nodiscard]] std::string screen() const { return std::string(shell->screen()); }
};

struct SetupFeatureTest : ::testing::Test {
    ManualClock clock{system_clock::time_point{} + hours(24 * 20000)};
    std::filesystem::path dir;
    void SetUp() override {
        dir = std::filesystem::temp_directory_path() / ("setup-feature-" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
    }
    void TearDown() override { std::filesystem::remove_all(dir); }
    void set_pin() {
        setup::Secrets s;
        s.pin_hash = setup::hash_pin(kPin).value();
        ASSERT_TRUE(setup::save_secrets(dir / "state" / "setup" / "secrets", s));
    }
    std::unique_ptr<Kiosk> start() {
        return std::make_unique<Kiosk>(dir / "kiosk.toml", dir / "state", clock);
    }
};

TEST_F(SetupFeatureTest, WithoutAPinOnlyTheKeyboardOpensAndAsksForANewPin) {
    auto k = start();
    k->corner_taps(5);
    EXPECT_EQ(k->screen(), ui::kHomeScreen) << "no PIN and no first run: the corner does nothing";
    k->keys({{ui::KeyPress::Kind::setup_shortcut, {}, 0}});
    ASSERT_EQ(k->screen(), cmd::kPinScreen);
    EXPECT_EQ(k->setup->model().pin_mode, ui::SetupModel::PinMode::create);
    k->type_pin("123456");
    EXPECT_EQ(k->setup->model().pin_message_key, "setup.pin_error.too_simple");
    k->type_pin(kPin);
    k->type_pin(kPin);
    EXPECT_EQ(k->screen(), cmd::kHomeScreen);
    EXPECT_TRUE(k->setup->session_open());
    auto secrets = read(k->setup->paths().secrets);
    EXPECT_EQ(secrets.find(kPin), std::string::npos);
    EXPECT_NE(secrets.find("$argon2id$"), std::string::npos);
}

TEST_F(SetupFeatureTest, CornerTapsOpenThePadAndTheRightPinOpensSetup) {
    set_pin();
    auto k = start();
    k->corner_taps(4);
    EXPECT_EQ(k->screen(), ui::kHomeScreen);
    clock.advance(seconds(4)); // too slow: the count starts over
    k->corner_taps(1);
    EXPECT_EQ(k->screen(), ui::kHomeScreen);
    k->corner_taps(4);
    ASSERT_EQ(k->screen(), cmd::kPinScreen);
    EXPECT_FALSE(k->setup->session_open());
    k->type_pin(kPin);
    EXPECT_EQ(k->screen(), cmd::kHomeScreen);
    EXPECT_TRUE(k->setup->session_open());
}

TEST_F(SetupFeatureTest, FirstRunSetWhileRunningLetsTheCornerAskForANewPin) {
    auto k = start();
    k->corner_taps(5);
    EXPECT_EQ(k->screen(), ui::kHomeScreen);
    setup::Secrets s; // what `kioskctl setup enable-first-run` writes while the kiosk runs
    s.first_run = true;
    ASSERT_TRUE(setup::save_secrets(k->setup->paths().secrets, s));
    k->corner_taps(5);
    ASSERT_EQ(k->screen(), cmd::kPinScreen);
    EXPECT_EQ(k->setup->model().pin_mode, ui::SetupModel::PinMode::create);
}

TEST_F(SetupFeatureTest, CitizenScreensNeverOpenSetupWithoutThePin) {
    set_pin();
    auto k = start();
    for (const char* screen : {cmd::kHomeScreen, cmd::kOfficeScreen, cmd::kHealthScreen, cmd::kAuditScreen,
                               cmd::kMaintenanceScreen}) {
        k->shell->apply({ui::Navigate{screen}});
        EXPECT_EQ(k->screen(), ui::kHomeScreen) << screen;
    }
    k->send(cmd::EditDraft{"ui.language", "en"});
    k->send(cmd::SaveDraft{});
    k->send(cmd::RestartKiosk{});
    k->settle();
    EXPECT_FALSE(std::filesystem::exists(k->file)) << "nothing is saved without the PIN";
    EXPECT_NE(read(k->setup->paths().audit_log).find("refused"), std::string::npos);
}

TEST_F(SetupFeatureTest, FiveWrongPinsLockAndTheLockHoldsAcrossARestart) {
    set_pin();
    {
        auto k = start();
        k->keys({{ui::KeyPress::Kind::setup_shortcut, {}, 0}});
        for (int i = 0; i < 5; ++i)
            k->type_pin("975310");
        EXPECT_EQ(k->setup->model().locked_seconds, 30);
        k->type_pin(kPin); // ignored while locked
        EXPECT_FALSE(k->setup->session_open());
    }
    clock.advance(seconds(10));
    auto k = start(); // a restart: only the files carry over
    k->keys({{ui::KeyPress::Kind::setup_shortcut, {}, 0}});
    ASSERT_EQ(k->screen(), cmd::kPinScreen);
    EXPECT_EQ(k->setup->model().locked_seconds, 20);
    k->type_pin(kPin);
    EXPECT_FALSE(k->setup->session_open());
    clock.advance(seconds(20));
    (void)k->setup->tick(clock.now());
    EXPECT_EQ(k->setup->model().locked_seconds, 0);
    k->type_pin(kPin);
    EXPECT_TRUE(k->setup->session_open());
    auto audit = read(k->setup->paths().audit_log);
    EXPECT_NE(audit.find("locked 30 s"), std::string::npos) << audit;
    EXPECT_EQ(audit.find(kPin), std::string::npos);
    EXPECT_EQ(audit.find("975310"), std::string::npos);
}

TEST_F(SetupFeatureTest, IdleClosesSetup) {
    set_pin();
    auto k = start();
    k->keys({{ui::KeyPress::Kind::setup_shortcut, {}, 0}});
    k->type_pin(kPin);
    k->shell->apply({ui::Navigate{cmd::kOfficeScreen}});
    ASSERT_EQ(k->screen(), cmd::kOfficeScreen);
    k->shell->note_activity();
    clock.advance(seconds(100)); // longer than a citizen's 60 s, shorter than set-up's 120 s
    k->shell->tick();
    EXPECT_EQ(k->screen(), cmd::kOfficeScreen);
    clock.advance(seconds(21));
    k->shell->tick();
    k->settle();
    EXPECT_EQ(k->screen(), ui::kHomeScreen);
    EXPECT_FALSE(k->setup->session_open());
    k->shell->apply({ui::Navigate{cmd::kOfficeScreen}});
    EXPECT_EQ(k->screen(), ui::kHomeScreen);
}

TEST_F(SetupFeatureTest, SaveAppliesLiveAndUndoRestores) {
    set_pin();
    auto k = start();
    k->keys({{ui::KeyPress::Kind::setup_shortcut, {}, 0}});
    k->type_pin(kPin);
    k->shell->apply({ui::Navigate{cmd::kOfficeScreen}});
    k->send(cmd::EditDraft{"ui.language", "en"});
    k->send(cmd::EditDraft{"ui.idle_timeout_s", "90"});
    k->send(cmd::SaveDraft{});
    k->settle();
    EXPECT_EQ(k->setup->model().message_key, "setup.saved_live") << k->setup->model().message_arg;
    EXPECT_EQ(k->reloads, 1);
    EXPECT_EQ(k->store->current()->ui.language, "en");
    EXPECT_EQ(k->store->current()->ui.idle_timeout_s, 90);
    EXPECT_TRUE(k->setup->model().can_undo);
    EXPECT_EQ(read(k->file).find(k->state.string()), std::string::npos)
        << "start-up --set leaked into the file";
    k->send(cmd::UndoLastChange{});
    k->settle();
    EXPECT_EQ(k->setup->model().message_key, "setup.undone_live");
    EXPECT_EQ(k->store->current()->ui.language, "vi");
    // A restart finds what was saved last.
    auto audit = read(k->setup->paths().audit_log);
    EXPECT_NE(audit.find("saved ui.language, ui.idle_timeout_s"), std::string::npos) << audit;
    EXPECT_NE(audit.find("undone"), std::string::npos);
}

TEST_F(SetupFeatureTest, AnInvalidChangeIsNotWritten) {
    set_pin();
    auto k = start();
    k->keys({{ui::KeyPress::Kind::setup_shortcut, {}, 0}});
    k->type_pin(kPin);
    k->shell->apply({ui::Navigate{cmd::kOfficeScreen}});
    k->send(cmd::EditDraft{"ui.idle_timeout_s", "0"});
    k->send(cmd::SaveDraft{});
    k->settle();
    EXPECT_EQ(k->setup->model().message_key, "setup.invalid");
    EXPECT_TRUE(k->setup->model().message_error);
    EXPECT_FALSE(std::filesystem::exists(k->file));
}

TEST_F(SetupFeatureTest, ChangePinKeepsOnlyTheNewHash) {
    set_pin();
    auto k = start();
    k->keys({{ui::KeyPress::Kind::setup_shortcut, {}, 0}});
    k->type_pin(kPin);
    k->shell->apply({ui::Navigate{cmd::kMaintenanceScreen}});
    k->send(cmd::ChangePin{});
    ASSERT_EQ(k->screen(), cmd::kPinScreen);
    EXPECT_TRUE(k->setup->model().pin_changing);
    k->type_pin("864209");
    k->type_pin("864200"); // a typo in the confirmation starts over
    EXPECT_EQ(k->setup->model().pin_message_key, "setup.pin_mismatch");
    k->type_pin("864209");
    k->type_pin("864209");
    EXPECT_EQ(k->screen(), cmd::kMaintenanceScreen);
    EXPECT_EQ(k->setup->model().message_key, "setup.pin_changed");
    auto secrets = setup::load_secrets(k->setup->paths().secrets);
    ASSERT_TRUE(secrets);
    EXPECT_TRUE(setup::verify_pin(secrets->pin_hash, "864209"));
    EXPECT_FALSE(setup::verify_pin(secrets->pin_hash, kPin));
    auto text = read(k->setup->paths().secrets) + read(k->setup->paths().audit_log);
    EXPECT_EQ(text.find("864209"), std::string::npos);
}

TEST_F(SetupFeatureTest, AnInterruptedSaveIsReportedOnStatus) {
    set_pin();
    ASSERT_TRUE(setup::save_config(dir / "kiosk.toml", config::Config{}, config::Config{}));
    std::ofstream(setup::temp_path(dir / "kiosk.toml"))
        << "[ui]\nlang"; // what a kill before the rename leaves
    auto k = start();
    EXPECT_EQ(k->store->resolved().source, config::ConfigSource::file);
    health::HealthSnapshot s;
    k->setup->report(s);
    ASSERT_EQ(s.problems.size(), 1u);
    EXPECT_EQ(s.problems[0].code, "config.unfinished_save");
    EXPECT_NE(health::render_status_json(s).find("config.unfinished_save"), std::string::npos);
}

// The Services screen: a service added on the touchscreen (fields typed on the on-screen keyboard), a
// mistake shown next to its field and not saved, then fixed, saved, applied live, and one service disabled
// and moved; undo puts the previous list back.
TEST_F(SetupFeatureTest, ServicesAreAddedEditedDisabledReorderedAndSaved) {
    set_pin();
    auto k = start();
    k->keys({{ui::KeyPress::Kind::setup_shortcut, {}, 0}});
    k->type_pin(kPin);
    k->shell->apply({ui::Navigate{cmd::kServicesScreen}});
    const auto before = k->store->current()->services;
    ASSERT_EQ(k->setup->model().service_rows.size(), before.size());
    k->send(cmd::AddService{});
    EXPECT_EQ(k->screen(), cmd::kServiceScreen);
    auto type_field = [&](const std::string& field, const std::string& text) {
        k->send(cmd::EditServiceField{field});
        ASSERT_EQ(k->screen(), cmd::kEditScreen);
        k->shell->apply({ui::KeyboardClear{}});
        k->shell->apply({ui::KeyboardInput{text}});
        k->send(cmd::SaveField{});
        ASSERT_EQ(k->screen(), cmd::kServiceScreen);
    };
    type_field("name_vi", "Tuw phaps");
    type_field("name_en", "Justice");
    type_field("prefix", "T");
    type_field("opens", "13:00");
    type_field("closes", "1100"); // a typing mistake
    const auto& m = k->setup->model();
    auto field = [&](const std::string& name) {
        for (const auto& f : m.service_fields)
            if (f.field == name) return f;
        return ui::SetupModel::ServiceField{};
    };
    EXPECT_EQ(field("name_vi").text, "Tư pháp");
    EXPECT_EQ(field("closes").problem_key, "setup.svc_error.clock");
    EXPECT_EQ(field("closes").problem_arg, "1100");
    k->shell->apply({ui::GoBack{}});
    EXPECT_TRUE(m.service_rows.back().has_problem);
    k->send(cmd::SaveServices{});
    k->settle();
    EXPECT_EQ(m.message_key, "setup.services_fix_first");
    EXPECT_FALSE(std::filesystem::exists(k->file));

    k->send(cmd::OpenService{static_cast<int>(before.size())});
    type_field("closes", "16:30");
    EXPECT_TRUE(field("closes").problem_key.empty());
    k->shell->apply({ui::GoBack{}});
    k->send(cmd::SetServiceEnabled{0, false});
    k->send(cmd::MoveService{1, -1});
    k->send(cmd::SaveServices{});
    k->settle();
    EXPECT_EQ(m.message_key, "setup.saved_live") << m.message_arg;
    const auto& now = k->store->current()->services;
    ASSERT_EQ(now.size(), before.size() + 1);
    EXPECT_EQ(now[0].code, before[1].code);
    EXPECT_EQ(now[1].code, before[0].code);
    EXPECT_FALSE(now[1].enabled);
    EXPECT_EQ(now.back().name_vi, "Tư pháp");
    EXPECT_EQ(now.back().opens, "13:00");
    EXPECT_EQ(now.back().closes, "16:30");
    // The list shown is the saved one, no longer a draft.
    EXPECT_FALSE(m.services_changed);
    EXPECT_EQ(m.service_rows.size(), before.size() + 1);
    auto audit = read(k->setup->paths().audit_log);
    EXPECT_NE(audit.find("saved services"), std::string::npos) << audit;

    k->send(cmd::UndoLastChange{});
    k->settle();
    EXPECT_EQ(k->store->current()->services, before);
    EXPECT_EQ(m.service_rows.size(), before.size());
}

} // namespace
} // namespace kiosk::features
