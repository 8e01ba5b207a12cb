#include "kiosk/features/setup/setup_feature.hpp"

#include "kiosk/core/config/schema.hpp"
#include "kiosk/core/health/health.hpp"
#include "kiosk/core/setup/atomic_file.hpp"
#include "kiosk/core/setup/config_save.hpp"
#include "kiosk/core/setup/usb_media.hpp"
#include "kiosk/features/camera_lease.hpp"
#include "kiosk/features/catalog/catalog_commands.hpp"
#include "kiosk/features/dossier/camera_pipeline.hpp"
#include "kiosk/features/setup/setup_commands.hpp"
#include "kiosk/features/setup/setup_report.hpp"
#include "kiosk/features/setup/setup_screens.hpp"
#include "kiosk/net/connection_probe.hpp"
#include "kiosk/report/report_charts.hpp"

#include <ctime>
#include <unistd.h>

namespace kiosk::features {
namespace {

namespace cmd = setup_ui;
using Mode = ui::SetupModel::PinMode;

setup::CornerRule corner_rule(const config::Config& c) {
    return {static_cast<float>(c.setup.corner_px), c.setup.corner_taps, c.setup.corner_window_ms};
}

// Today's kiosk log from the systemd journal (structured entries; never full dossier codes, names or tokens),
// bounded in time and size; what went wrong when the journal cannot be read.
std::string recent_logs() {
    std::string out = "$ journalctl -u motcua-kiosk --since today -n 2000 --no-pager\n";
    FILE* pipe = ::popen("timeout 5 journalctl -u motcua-kiosk --since today -n 2000 --no-pager 2>&1", "r");
    if (!pipe) return out + "(cannot run journalctl)\n";
    char buffer[4096];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0 && out.size() < (4u << 20))
        out.append(buffer, n);
    int rc = ::pclose(pipe);
    if (rc != 0) out += "\n(journalctl exited with status " + std::to_string(rc) + ")\n";
    return out;
}

const config::KeyDef<config::Config>* find_key(const std::string& key) {
    for (const auto& def : config::config_schema())
        if (def.key == key && def.type == config::ValueType::string) return &def;
    return nullptr;
}

} // namespace

SetupFeature::SetupFeature(const FeatureContext& c)
    : config_(c.config), parts_(c.parts), clock_(c.clock), log_(c.log), translator_(c.translator),
      shell_(c.shell), paths_(setup::setup_paths(c.parts->plan().paths.state, c.config->setup.secrets_file)),
      corner_(corner_rule(*c.config)), completions_(c.completions), worker_(c.completions, 1) {}

SetupFeature::~SetupFeature() {
    // A borrowed camera still running stops here (its threads post to the completion queue).
    std::shared_ptr<CameraPipeline> running;
    {
        std::lock_guard lock(held_camera_->mutex);
        running = std::move(held_camera_->pipeline);
    }
    if (running) running->stop();
}

void SetupFeature::register_ui(UiRegistry& registry) {
    auto add = [&](const char* id, const char* title, void (*draw)(ui::UiContext&, const ui::SetupModel&)) {
        registry.add_screen(*this,
                            {id, title, [this, draw](ui::UiContext& ctx) { draw(ctx, model_); }, true});
    };
    add(cmd::kPinScreen, "setup.pin_title", ui::draw_setup_pin);
    add(cmd::kHomeScreen, "setup.home_title", ui::draw_setup_home);
    add(cmd::kOfficeScreen, "setup.office_title", ui::draw_setup_office);
    add(cmd::kHealthScreen, "setup.health_title", ui::draw_setup_health);
    add(cmd::kAuditScreen, "setup.audit_title", ui::draw_setup_audit);
    add(cmd::kMaintenanceScreen, "setup.maintenance_title", ui::draw_setup_maintenance);
    add(cmd::kNetworkScreen, "setup.network_title", ui::draw_setup_network);
    add(cmd::kEditScreen, "setup.edit_title", ui::draw_setup_edit);
    add(cmd::kPrinterScreen, "setup.printer_title", ui::draw_setup_printer);
    add(cmd::kScannerScreen, "setup.scanner_title", ui::draw_setup_scanner);
    add(cmd::kServicesScreen, "setup.services_title", ui::draw_setup_services);
    add(cmd::kServiceScreen, "setup.service_title", ui::draw_setup_service);
    registry.add_command<cmd::AddService>(*this);
    registry.add_command<cmd::OpenService>(*this);
    registry.add_command<cmd::MoveService>(*this);
    registry.add_command<cmd::SetServiceEnabled>(*this);
    registry.add_command<cmd::SetServicePriority>(*this);
    registry.add_command<cmd::RemoveNewService>(*this);
    registry.add_command<camera_lease::Released>(*this);
    registry.add_command<cmd::EditServiceField>(*this);
    registry.add_command<cmd::SaveServices>(*this);
    registry.add_command<cmd::PinKey>(*this);
    registry.add_command<cmd::EditDraft>(*this);
    registry.add_command<cmd::SaveDraft>(*this);
    registry.add_command<cmd::EditField>(*this);
    registry.add_command<cmd::SaveField>(*this);
    registry.add_command<cmd::TestConnection>(*this);
    registry.add_command<cmd::RefreshPrinters>(*this);
    registry.add_command<cmd::UsePrinter>(*this);
    registry.add_command<cmd::AddPrinterDevice>(*this);
    registry.add_command<cmd::SetPaper>(*this);
    registry.add_command<cmd::PrintTestTicket>(*this);
    registry.add_command<cmd::ReprintTicket>(*this);
    registry.add_command<cmd::UseCamera>(*this);
    registry.add_command<cmd::SetResolution>(*this);
    registry.add_command<cmd::SetMirror>(*this);
    registry.add_command<cmd::ScanNow>(*this);
    registry.add_command<cmd::UndoLastChange>(*this);
    registry.add_command<cmd::ChangePin>(*this);
    registry.add_command<cmd::ExportDiagnostics>(*this);
    registry.add_command<cmd::SyncCatalog>(*this);
    registry.add_command<cmd::ListImportFiles>(*this);
    registry.add_command<cmd::ImportConfig>(*this);
    registry.add_command<cmd::RestartKiosk>(*this);
    registry.add_command<cmd::CloseSetup>(*this);
}

std::filesystem::path SetupFeature::config_file() const {
    const auto* resolved = shell_.resolved_config();
    return resolved ? resolved->path : std::filesystem::path{};
}

void SetupFeature::start() {
    auto path = paths_.secrets;
    auto file = config_file();
    worker_.submit([this, path, file]() -> tasks::CompletionQueue::Completion {
        auto loaded = setup::load_secrets(path);
        bool unfinished = !file.empty() && setup::unfinished_save(file);
        bool undo = !file.empty() && setup::can_undo(file);
        return [this, loaded, unfinished, undo] {
            unfinished_save_ = unfinished;
            model_.can_undo = undo;
            if (loaded) {
                secrets_ = loaded.value();
            } else {
                secrets_error_ = loaded.error().message;
                log_.error("setup.secrets_unreadable", secrets_error_ + " (set-up stays closed)");
            }
            if (unfinished)
                log_.warning("setup.save_interrupted", "an interrupted configuration save was found");
        };
    });
}

void SetupFeature::audit(std::string event, std::string detail) {
    auto path = paths_.audit_log;
    auto at = clock_.now();
    worker_.submit([path, at, event, detail, logger = &log_]() -> tasks::CompletionQueue::Completion {
        setup::AuditLog log(path);
        if (auto ok = log.append({at, event, detail}); !ok)
            logger->error("setup.audit_failed", "set-up audit log: " + ok.error().message,
                          {{"KIOSK_SETUP_ACTION", event}});
        return {};
    });
}

void SetupFeature::persist_secrets() {
    if (!secrets_) return;
    auto copy = *secrets_;
    auto path = paths_.secrets;
    worker_.submit([copy, path, logger = &log_]() -> tasks::CompletionQueue::Completion {
        if (auto saved = setup::save_secrets(path, copy); !saved)
            logger->error("setup.secrets_save_failed", saved.error().message,
                          {{"KIOSK_ERROR_KIND", saved.error().kind}});
        return {};
    });
}

bool SetupFeature::on_setup_screen() const {
    return shell_.screen().rfind("setup.", 0) == 0;
}

std::vector<ui::KeyPress> SetupFeature::filter_keys(std::vector<ui::KeyPress> keys) {
    std::vector<ui::KeyPress> rest;
    for (auto& key : keys) {
        if (key.kind == ui::KeyPress::Kind::pointer_down) {
            if (!on_setup_screen() && corner_.press(key.x, key.y, key.timestamp_ms)) begin_entry(false);
            rest.push_back(std::move(key));
            continue;
        }
        if (key.kind == ui::KeyPress::Kind::setup_shortcut) {
            if (!on_setup_screen()) begin_entry(true);
            continue;
        }
        if (session_open_ && scanner_key(key)) continue;
        // Typed digits on the PIN pad are the staff member's, never a barcode scanner's burst.
        if (shell_.screen() == cmd::kPinScreen) {
            if (key.kind == ui::KeyPress::Kind::text)
                for (char c : key.text)
                    if (c >= '0' && c <= '9') pin_key(c);
            if (key.kind == ui::KeyPress::Kind::backspace) pin_key('B');
            if (key.kind == ui::KeyPress::Kind::enter) pin_key('E');
            if (key.kind != ui::KeyPress::Kind::escape) continue;
        }
        // A keyboard types into the text editor directly (never mistaken for a barcode scanner's burst).
        if (shell_.screen() == cmd::kEditScreen && session_open_) {
            if (key.kind == ui::KeyPress::Kind::text) edit_input(ui::KeyboardInput{key.text});
            if (key.kind == ui::KeyPress::Kind::backspace) edit_input(ui::KeyboardBackspace{});
            if (key.kind == ui::KeyPress::Kind::enter) edit_input(ui::KeyboardEnter{});
            if (key.kind != ui::KeyPress::Kind::escape) continue;
        }
        rest.push_back(std::move(key));
    }
    return rest;
}

// The secrets file is read again first: `kioskctl setup set-pin` or `enable-first-run` may have changed it
// while the kiosk runs.
void SetupFeature::begin_entry(bool from_keyboard) {
    if (entry_pending_) return;
    entry_pending_ = true;
    auto path = paths_.secrets;
    worker_.submit([this, path, from_keyboard]() -> tasks::CompletionQueue::Completion {
        auto loaded = setup::load_secrets(path);
        return [this, loaded, from_keyboard] {
            entry_pending_ = false;
            if (!loaded) {
                secrets_error_ = loaded.error().message;
                secrets_.reset(); // unreadable: set-up stays closed
                log_.error("setup.secrets_unreadable", secrets_error_ + " (set-up stays closed)");
                return;
            }
            secrets_error_.clear();
            secrets_ = loaded.value();
            open_pin_pad(from_keyboard);
        };
    });
}

void SetupFeature::open_pin_pad(bool from_keyboard) {
    if (on_setup_screen()) return;
    if (secrets_->has_pin()) {
        model_.pin_mode = Mode::enter;
    } else if (secrets_->first_run || from_keyboard) {
        model_.pin_mode = Mode::create; // first boot: a PIN before anything else
    } else {
        return; // no PIN and no first-run: the corner does nothing
    }
    pin_entry_.clear();
    new_pin_.clear();
    model_.clear_pin();
    model_.pin_changing = false;
    model_.pin_message_key.clear();
    setup::PinLockout lockout(clock_, secrets_->lock);
    model_.locked_seconds = lockout.seconds_left();
    audit("pin_pad_opened", from_keyboard ? "keyboard" : "corner");
    // Home first: the citizen's screen and data are gone before the PIN pad shows.
    shell_.request(ui::GoHome{});
    shell_.request(ui::Navigate{cmd::kPinScreen});
}

void SetupFeature::pin_key(char key) {
    if (model_.checking || model_.locked_seconds > 0) return;
    if (setup::apply_pin_key(pin_entry_, key)) return submit_pin();
    model_.pin_digits = static_cast<int>(pin_entry_.size());
    model_.pin_message_key.clear();
}

void SetupFeature::submit_pin() {
    if (!secrets_ || pin_entry_.empty()) return;
    std::string pin = std::move(pin_entry_);
    pin_entry_.clear();
    model_.pin_digits = 0;
    if (model_.pin_mode == Mode::create) {
        if (auto problem = setup::check_new_pin(pin); problem != setup::PinProblem::none) {
            model_.pin_message_key = setup::pin_problem_key(problem);
            return;
        }
        new_pin_ = pin;
        model_.pin_mode = Mode::confirm;
        return;
    }
    if (model_.pin_mode == Mode::confirm) {
        if (pin != new_pin_) {
            new_pin_.clear();
            model_.pin_mode = Mode::create;
            model_.pin_message_key = "setup.pin_mismatch";
            return;
        }
        new_pin_.clear();
        model_.checking = true;
        worker_.submit([this, pin]() -> tasks::CompletionQueue::Completion {
            auto hash = setup::hash_pin(pin);
            return [this, hash] {
                model_.checking = false;
                if (!hash) {
                    model_.pin_message_key = "setup.pin_error.save";
                    return;
                }
                bool was_open = session_open_;
                secrets_->pin_hash = hash.value();
                secrets_->first_run = false;
                secrets_->lock = {};
                persist_secrets();
                audit("pin_set", "by set-up");
                if (was_open) {
                    model_.pin_mode = Mode::enter;
                    model_.message_key = "setup.pin_changed";
                    model_.message_error = false;
                    shell_.request(ui::GoBack{});
                } else {
                    open_session("new PIN");
                }
            };
        });
        return;
    }
    // Enter mode: check the PIN against the hash on the worker (slow by design).
    setup::PinLockout lockout(clock_, secrets_->lock);
    if (lockout.locked()) {
        model_.locked_seconds = lockout.seconds_left();
        return;
    }
    model_.checking = true;
    auto hash = secrets_->pin_hash;
    worker_.submit([this, hash, pin]() -> tasks::CompletionQueue::Completion {
        bool ok = setup::verify_pin(hash, pin);
        return [this, ok] {
            model_.checking = false;
            setup::PinLockout gate(clock_, secrets_->lock);
            if (ok) {
                gate.record_success();
                secrets_->lock = gate.state();
                persist_secrets();
                open_session("pin");
                return;
            }
            bool locked = gate.record_failure();
            secrets_->lock = gate.state();
            persist_secrets(); // before anything else: a power cut now must not forget the attempt
            audit("pin_wrong", "failures " + std::to_string(gate.state().failures));
            if (locked) {
                model_.locked_seconds = gate.seconds_left();
                audit("locked", std::to_string(gate.seconds_left()) + " s");
            } else {
                model_.pin_message_key = "setup.pin_wrong";
            }
        };
    });
}

void SetupFeature::open_session(const std::string& how) {
    session_open_ = true;
    model_.message_key.clear();
    audit("opened", how);
    shell_.request(ui::Navigate{cmd::kHomeScreen});
}

void SetupFeature::forget() {
    // Home or idle: the session ends; a PIN half typed is dropped.
    if (session_open_) audit("closed");
    session_open_ = false;
    pin_entry_.clear();
    new_pin_.clear();
    draft_edits_.clear();
    services_ = setup::ServiceEditor();
    model_.service_index = -1;
    model_.clear_pin();
    model_.message_key.clear();
    model_.offer_undo = false;
    model_.scan_waiting = false;
    model_.scan_result.clear();
    stop_preview();
}

bool SetupFeature::back(std::string_view screen) {
    // Back from the set-up home ends set-up (the PIN pad is not shown again).
    if (screen == cmd::kHomeScreen) {
        shell_.request(ui::GoHome{});
        return true;
    }
    return false;
}

void SetupFeature::enter(std::string_view screen, bool returning) {
    if (screen != cmd::kPinScreen && !session_open_) {
        // Only the PIN opens set-up: any other way in goes home.
        audit("refused", std::string(screen));
        shell_.request(ui::GoHome{});
        return;
    }
    if (!returning) model_.message_key.clear();
    // The services draft survives the edit screens below it; a fresh visit starts from the running list.
    if (screen == cmd::kServicesScreen && !returning) load_services();
    if (screen == cmd::kScannerScreen) start_preview();
    health_open_ = screen == cmd::kHealthScreen;
    refresh_screen(screen);
}

Clock::time_point SetupFeature::tick(Clock::time_point now) {
    auto scan_deadline = scanner_tick(now);
    if (model_.locked_seconds <= 0 || !secrets_) return scan_deadline;
    setup::PinLockout lockout(clock_, secrets_->lock);
    model_.locked_seconds = lockout.seconds_left();
    if (model_.locked_seconds == 0) return scan_deadline;
    return std::min(scan_deadline, now + std::chrono::seconds(1));
}

void SetupFeature::refresh_screen(std::string_view screen) {
    if (screen == cmd::kOfficeScreen) load_draft();
    if (screen == cmd::kServicesScreen || screen == cmd::kServiceScreen) show_services();
    if (screen == cmd::kPrinterScreen) refresh_printers();
    if (screen == cmd::kScannerScreen) refresh_scanner();
    if (screen == cmd::kNetworkScreen) {
        model_.gateway_url = config_->gateway.url;
        model_.token_masked = setup::mask_token(config_->gateway.token);
    }
    if (screen == cmd::kHealthScreen) {
        auto s = shell_.health();
        report(s); // this feature's own part is current even before the next publish
        model_.health_lines.clear();
        model_.problems.clear();
        auto add = [&](const char* key, std::vector<std::string> parts) {
            model_.health_lines.push_back({key, std::move(parts)});
        };
        // Words, not paths: a printer's folder or a database file is in the diagnostics bundle instead.
        std::string printer_kind = s.printer.describe.substr(0, s.printer.describe.find(':'));
        if (s.printer.describe.rfind("cups:", 0) == 0) printer_kind = s.printer.describe;
        add("setup.health_version", {s.version});
        add("setup.health_ids", {s.office_id, s.kiosk_id});
        add("setup.health_uptime", {"minutes:" + std::to_string(s.uptime_seconds / 60)});
        add("setup.health_config",
            {s.config.source,
             s.config.problems > 0 ? "problems:" + std::to_string(s.config.problems) : std::string("ok")});
        add("setup.health_catalog",
            {s.catalog.source, s.catalog.generated, "procedures:" + std::to_string(s.catalog.procedures),
             s.catalog.last_sync});
        add("setup.health_queue", {s.queue.store, s.queue.store_ok ? "ok" : "error",
                                   "issued:" + std::to_string(s.queue.issued_today)});
        add("setup.health_printer", {printer_kind, s.printer.state.empty() ? "unknown" : s.printer.state,
                                     s.printer.fault.empty() ? "ok" : s.printer.fault});
        add("setup.health_scanner", {s.scanner.camera_state.empty() ? "unknown" : s.scanner.camera_state,
                                     "scans:" + std::to_string(s.scanner.scans)});
        add("setup.health_dossier", {s.dossier.source, s.dossier.ok ? "ok" : "error"});
        auto problems = health::derive_problems(s);
        problems.insert(problems.end(), s.problems.begin(), s.problems.end());
        for (const auto& p : problems)
            model_.problems.emplace_back(health::problem_staff_key(p.code), p.code + ": " + p.detail);
        refresh_report();
    }
    if (screen == cmd::kAuditScreen) {
        auto path = paths_.audit_log;
        worker_.submit([this, path]() -> tasks::CompletionQueue::Completion {
            auto lines = setup::AuditLog(path).tail(40);
            return [this, lines] { model_.audit_lines = lines; };
        });
    }
}

void SetupFeature::load_draft() {
    draft_edits_.clear();
    model_.draft_changed = false;
    model_.language = config_->ui.language;
    model_.idle_timeout_s = config_->ui.idle_timeout_s;
    model_.orientation = config_->display.orientation;
    model_.scale = config_->display.scale;
    model_.office_name_vi = config_->office.name_vi;
    model_.office_name_en = config_->office.name_en;
    model_.subtitle_vi = config_->office.subtitle_vi;
    model_.subtitle_en = config_->office.subtitle_en;
    model_.office_id = config_->office.office_id;
    model_.kiosk_id = config_->office.kiosk_id;
}

void SetupFeature::edit_draft(const std::string& key, const std::string& value) {
    if (!session_open_) return;
    draft_edits_.push_back(key + "=" + value);
    if (key == "ui.language") model_.language = value;
    if (key == "ui.idle_timeout_s") model_.idle_timeout_s = std::stoi(value);
    if (key == "display.orientation") model_.orientation = value;
    if (key == "display.scale") model_.scale = std::stod(value);
    model_.draft_changed = true;
}

void SetupFeature::save_draft() {
    if (!session_open_ || draft_edits_.empty()) return;
    save_edits(draft_edits_, {});
}

// Validates, writes and applies `edits` on the worker; `then` runs on the UI thread after a successful apply.
void SetupFeature::save_edits(std::vector<std::string> edits, std::function<void()> then) {
    auto file = config_file();
    if (file.empty()) {
        model_.message_key = "setup.no_config_file";
        model_.message_error = true;
        return;
    }
    model_.working = true;
    model_.offer_undo = false;
    auto last_good = parts_->plan().paths.last_good_config;
    worker_.submit([this, file, last_good, edits, then]() -> tasks::CompletionQueue::Completion {
        auto saved = setup::save_edits(file, last_good, edits);
        if (!saved) {
            auto message = saved.error().message;
            bool invalid = saved.error().kind == "invalid";
            return [this, message, invalid] {
                model_.working = false;
                model_.message_key = invalid ? "setup.invalid" : "setup.save_failed";
                model_.message_arg = message;
                model_.message_error = true;
            };
        }
        auto keys = saved->changed_keys;
        bool restart = saved->restart_needed;
        return [this, keys, restart, then] {
            after_config_written("saved", keys, restart);
            if (then && !model_.message_error) then();
        };
    });
}

// The text editor: Vietnamese names through the Telex/VNI composer, ids, addresses and tokens as typed.
void SetupFeature::edit_field(const std::string& key) {
    const auto* def = find_key(key);
    if (!def) return;
    edit_key_ = key;
    edit_letters_ = key.rfind("office.name", 0) == 0 || key.rfind("office.subtitle", 0) == 0;
    edit_value_ = std::get<std::string>(def->get(*config_));
    composer_.set_mode(edit_letters_ ? keyboard::InputMode::telex : keyboard::InputMode::none);
    composer_.set_text(edit_value_);
    model_.edit_key = key;
    model_.edit_secret = key == "gateway.token";
    model_.edit_keyboard.layout = edit_letters_ ? ui::KeyboardLayout::letters : ui::KeyboardLayout::url;
    model_.edit_keyboard.mode = composer_.mode();
    show_edit_text();
    shell_.request(ui::Navigate{cmd::kEditScreen});
}

void SetupFeature::show_edit_text() {
    std::string text = edit_letters_ ? composer_.text() : edit_value_;
    model_.edit_keyboard.has_text = !text.empty();
    if (model_.edit_secret && text.size() > 4) {
        // Typed tokens stay hidden but for their last characters (enough to check the end was typed right).
        std::string masked;
        for (size_t i = 0; i + 4 < text.size(); ++i)
            masked += "•";
        text = masked + text.substr(text.size() - 4);
    }
    model_.edit_text = text;
}

void SetupFeature::edit_input(const ui::Command& command) {
    if (const auto* input = std::get_if<ui::KeyboardInput>(&command)) {
        if (edit_letters_)
            composer_.key(input->text);
        else
            for (char c : input->text)
                if (static_cast<unsigned char>(c) > 0x20 && edit_value_.size() < 512) edit_value_ += c;
    } else if (std::holds_alternative<ui::KeyboardBackspace>(command)) {
        composer_.backspace();
        if (!edit_value_.empty()) edit_value_.pop_back();
    } else if (std::holds_alternative<ui::KeyboardClear>(command)) {
        composer_.clear();
        edit_value_.clear();
    } else if (const auto* mode = std::get_if<ui::SetKeyboardMode>(&command)) {
        if (edit_letters_) composer_.set_mode(static_cast<keyboard::InputMode>(mode->mode));
        model_.edit_keyboard.mode = composer_.mode();
    } else if (std::holds_alternative<ui::KeyboardEnter>(command)) {
        return save_field();
    }
    show_edit_text();
}

void SetupFeature::save_field() {
    if (!session_open_ || edit_key_.empty()) return;
    std::string value = edit_letters_ ? composer_.text() : edit_value_;
    std::string key = edit_key_;
    if (key.rfind("service.", 0) == 0) {
        // A field of the services draft: checked as the list is shown, written only by SaveServices.
        if (model_.service_index >= 0 && static_cast<size_t>(model_.service_index) < services_.size())
            services_.set_text(model_.service_index, key.substr(8), value);
        show_services();
        shell_.request(ui::GoBack{});
        return;
    }
    bool gateway = key.rfind("gateway.", 0) == 0;
    save_edits({key + "=" + value}, [this, gateway] {
        shell_.request(ui::GoBack{});
        // A gateway change is tested at once; a failure offers the undo right there.
        if (gateway) test_connection(true);
    });
}

void SetupFeature::test_connection(bool after_change) {
    if (config_->gateway.url.empty()) return;
    model_.probing = true;
    model_.probe.clear();
    model_.probe_total_ms = -1;
    net::ProbeOptions options{config_->gateway.url, config_->gateway.token, config_->gateway.ca_file,
                              config_->gateway.connect_timeout_ms, config_->gateway.total_timeout_ms};
    worker_.submit([this, options, after_change]() -> tasks::CompletionQueue::Completion {
        auto report = net::probe_gateway(options);
        return [this, report, after_change] {
            model_.probing = false;
            model_.probe.clear();
            for (const auto& step : report.steps) {
                const char* state = step.state == net::ProbeState::ok        ? "ok"
                                    : step.state == net::ProbeState::failed  ? "failed"
                                    : step.state == net::ProbeState::skipped ? "skipped"
                                                                             : "not_reached";
                model_.probe.push_back({step.name, state, step.ms, step.detail});
            }
            model_.probe_total_ms = report.ok() ? report.total_ms : -1;
            const auto* failed = report.failed_step();
            audit("gateway_test", failed ? "failed at " + failed->name : "ok");
            if (failed && after_change) {
                model_.offer_undo = model_.can_undo;
                model_.message_key = "setup.test_failed_after_change";
                model_.message_arg = "setup.step." + failed->name;
                model_.message_error = true;
            }
        };
    });
}

void SetupFeature::undo_last() {
    auto file = config_file();
    if (!session_open_ || file.empty()) return;
    model_.working = true;
    worker_.submit([this, file]() -> tasks::CompletionQueue::Completion {
        auto undone = setup::undo_last_save(file);
        if (!undone) {
            auto message = undone.error().message;
            return [this, message] {
                model_.working = false;
                model_.message_key = "setup.undo_failed";
                model_.message_arg = message;
                model_.message_error = true;
            };
        }
        auto keys = undone->changed_keys;
        bool restart = undone->restart_needed;
        return [this, keys, restart] { after_config_written("undone", keys, restart); };
    });
}

// The file is written: publish it as the running snapshot (the shell reads it again) and say what happened.
void SetupFeature::after_config_written(const std::string& event, const std::vector<std::string>& keys,
                                        bool restart) {
    model_.working = false;
    model_.offer_undo = false; // a failing test of this change offers it again
    model_.probe.clear();      // a connection test of the previous settings no longer applies
    model_.probe_total_ms = -1;
    std::string list;
    for (const auto& k : keys)
        list += (list.empty() ? "" : ", ") + k;
    audit(event, list.empty() ? "no change" : list); // key names only, never values
    draft_edits_.clear();
    model_.draft_changed = false;
    model_.can_undo = event == "saved";
    auto problem = shell_.reload_configuration();
    model_.message_error = !problem.empty();
    if (!problem.empty()) {
        model_.message_key = "setup.apply_failed";
        model_.message_arg = problem;
    } else {
        model_.message_key = restart ? (event == "saved" ? "setup.saved_restart" : "setup.undone_restart")
                                     : (event == "saved" ? "setup.saved_live" : "setup.undone_live");
        model_.message_arg.clear();
    }
    if (shell_.screen() == cmd::kOfficeScreen) load_draft();
    if (shell_.screen() == cmd::kServicesScreen || shell_.screen() == cmd::kServiceScreen) load_services();
    refresh_screen(cmd::kNetworkScreen);
}

void SetupFeature::export_diagnostics() {
    if (!session_open_) return;
    model_.working = true;
    auto snapshot = shell_.health();
    report(snapshot);
    std::string health_json = health::render_status_json(snapshot);
    std::string config_text = setup::render_without_secrets(*config_);
    auto audit_path = paths_.audit_log;
    auto state_dir = parts_->plan().paths.state;
    auto now = clock_.now();
    auto parts = parts_;
    auto config = config_;
    worker_.submit([this, health_json, config_text, audit_path, state_dir, now, parts,
                    config]() -> tasks::CompletionQueue::Completion {
        // A mounted USB drive (writable) first, else the state folder.
        std::filesystem::path target_root = setup::writable_usb_mount();
        if (target_root.empty()) target_root = state_dir / "setup";
        std::time_t t = std::chrono::system_clock::to_time_t(now + std::chrono::hours(7));
        std::tm tm{};
        gmtime_r(&t, &tm);
        char stamp[32];
        std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
        auto dir = target_root / ("motcua-diagnostics-" + std::string(stamp));
        std::string error;
        auto write = [&](const char* name, const std::string& text) {
            if (!error.empty()) return;
            if (auto ok = setup::write_file_atomic(dir / name, text, {0600, false, {}}); !ok)
                error = ok.error().message;
        };
        write("config-without-secrets.toml", config_text);
        write("health.json", health_json);
        auto audit_text = setup::read_whole_file(audit_path);
        write("audit.log", audit_text && audit_text->has_value() ? **audit_text : std::string());
        write("logs.txt", recent_logs());
        // The office report of the last 30 office days, as kioskctl report writes it (CSV + chart page).
        if (error.empty()) {
            auto month = setup_report::last_days(now, config->queue.day_reset, 30);
            auto reports = month ? setup_report::read_reports(*parts, {*month})
                                 : Result<std::vector<report::OfficeReport>>(month.error());
            if (!reports) {
                write("report-error.txt", reports.error().message + "\n");
            } else {
                write("report.csv", report::report_csv(reports->front()));
                const auto lang = config->ui.language == "en" ? i18n::Lang::en : i18n::Lang::vi;
                if (error.empty())
                    if (auto drawn =
                            report::draw_report(reports->front(), translator_, lang, dir / "report.png", {});
                        !drawn)
                        error = drawn.error().message;
            }
        }
        // Staff need to know which drive, not the mount path: "USB: motcua-diagnostics-…" or the state
        // folder.
        auto where = (target_root == state_dir / "setup" ? dir.string() : "USB: " + dir.filename().string());
        return [this, error, where] {
            model_.working = false;
            model_.message_error = !error.empty();
            model_.message_key = error.empty() ? "setup.exported" : "setup.export_failed";
            model_.message_arg = error.empty() ? where : error;
            audit(error.empty() ? "diagnostics_exported" : "diagnostics_failed");
        };
    });
}

void SetupFeature::list_import_files() {
    worker_.submit([this]() -> tasks::CompletionQueue::Completion {
        std::vector<std::string> files;
        for (const auto& f : setup::usb_config_files())
            files.push_back(f.string());
        return [this, files] {
            model_.import_listed = true;
            model_.import_files = files;
        };
    });
}

// A configuration file from a USB drive: validated in full first; a file with problems is not used.
void SetupFeature::import_config(const std::string& path) {
    auto file = config_file();
    if (!session_open_ || file.empty()) return;
    model_.working = true;
    auto last_good = parts_->plan().paths.last_good_config;
    worker_.submit([this, path, file, last_good]() -> tasks::CompletionQueue::Completion {
        std::string error;
        std::vector<std::string> keys;
        bool restart = false;
        auto text = setup::read_whole_file(path);
        if (!text || !text->has_value()) {
            error = text ? "the file is gone" : text.error().message;
        } else {
            auto loaded = config::load_config_text(**text, std::filesystem::path(path).filename().string());
            if (!loaded.ok()) {
                for (size_t i = 0; i < loaded.problems.size() && i < 3; ++i)
                    error += (error.empty() ? "" : "; ") + loaded.problems[i].to_string();
                if (loaded.problems.size() > 3) error += "; …";
            } else {
                auto base = config::load_config_text(setup::base_text(file, last_good), "base");
                auto saved =
                    setup::save_config(file, base.ok() ? base.config : config::Config{}, loaded.config);
                if (!saved)
                    error = saved.error().message;
                else
                    keys = saved->changed_keys, restart = saved->restart_needed;
            }
        }
        auto name = std::filesystem::path(path).filename().string();
        return [this, error, keys, restart, name] {
            if (!error.empty()) {
                model_.working = false;
                model_.message_key = "setup.import_invalid";
                model_.message_arg = error;
                model_.message_error = true;
                audit("import_refused", name);
                return;
            }
            audit("imported", name);
            after_config_written("saved", keys, restart);
        };
    });
}

void SetupFeature::handle(const ui::FeatureCommand& command) {
    if (const auto* key = command.as<cmd::PinKey>()) return pin_key(key->key);
    if (command.as<camera_lease::Released>()) return open_preview_camera();
    if (!session_open_) return; // nothing else works without the PIN
    if (const auto* edit = command.as<cmd::EditDraft>()) return edit_draft(edit->key, edit->value);
    if (command.as<cmd::SaveDraft>()) return save_draft();
    if (const auto* field = command.as<cmd::EditField>()) return edit_field(field->key);
    if (command.as<cmd::SaveField>()) return save_field();
    if (command.as<cmd::TestConnection>()) return test_connection(false);
    if (command.as<cmd::RefreshPrinters>()) return refresh_printers();
    if (const auto* use = command.as<cmd::UsePrinter>()) return use_printer(use->destination);
    if (const auto* add = command.as<cmd::AddPrinterDevice>()) return add_printer_device(add->device_uri);
    if (const auto* paper = command.as<cmd::SetPaper>()) return set_paper(paper->mm);
    if (command.as<cmd::PrintTestTicket>()) return print_test_ticket(false);
    if (const auto* again = command.as<cmd::ReprintTicket>()) return reprint_ticket(again->id);
    if (command.as<cmd::UseCamera>() || command.as<cmd::SetResolution>() || command.as<cmd::SetMirror>() ||
        command.as<cmd::ScanNow>())
        return scanner_command(command);
    if (command.as<cmd::AddService>() || command.as<cmd::OpenService>() || command.as<cmd::MoveService>() ||
        command.as<cmd::SetServiceEnabled>() || command.as<cmd::SetServicePriority>() ||
        command.as<cmd::EditServiceField>() || command.as<cmd::SaveServices>() ||
        command.as<cmd::RemoveNewService>())
        return service_command(command);
    if (command.as<cmd::UndoLastChange>()) return undo_last();
    if (command.as<cmd::ExportDiagnostics>()) return export_diagnostics();
    if (command.as<cmd::SyncCatalog>()) {
        audit("catalog_sync_requested");
        shell_.request(ui::FeatureCommand::of(catalog_ui::SyncNow{}));
        model_.message_key = "setup.sync_started";
        model_.message_arg.clear();
        model_.message_error = false;
        return;
    }
    if (command.as<cmd::ListImportFiles>()) return list_import_files();
    if (const auto* import = command.as<cmd::ImportConfig>()) return import_config(import->path);
    if (command.as<cmd::ChangePin>()) {
        model_.pin_mode = Mode::create;
        model_.pin_changing = true;
        model_.clear_pin();
        model_.pin_message_key.clear();
        pin_entry_.clear();
        shell_.request(ui::Navigate{cmd::kPinScreen});
        return;
    }
    if (command.as<cmd::RestartKiosk>()) {
        audit("restart");
        shell_.restart();
        return;
    }
    if (command.as<cmd::CloseSetup>()) shell_.request(ui::GoHome{});
}

bool SetupFeature::handle_input(const ui::Command& command) {
    // The on-screen keyboard of the text editor; the PIN pad takes typing through filter_keys.
    if (shell_.screen() != cmd::kEditScreen || !session_open_) return false;
    edit_input(command);
    return true;
}

void SetupFeature::report(health::HealthSnapshot& snapshot) const {
    if (unfinished_save_)
        snapshot.problems.push_back(
            {"config.unfinished_save",
             "a configuration save was interrupted before the kiosk started; it runs on the previous file"});
    if (!secrets_error_.empty()) snapshot.problems.push_back({"setup.secrets_unreadable", secrets_error_});
}

void SetupFeature::reconfigure(ConfigPtr config, PartsPtr parts, const runtime::PartsChange& changed) {
    (void)changed;
    config_ = std::move(config);
    parts_ = std::move(parts);
    corner_.set_rule(corner_rule(*config_));
}

} // namespace kiosk::features
