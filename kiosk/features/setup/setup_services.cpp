// The Services set-up screens: the office's queue services as a draft list (add, edit, disable, reorder),
// checked field by field on the UI thread (pure, no I/O) and saved through the same path as every other
// set-up change (validated by the loader, written atomically with a backup, applied live, undoable).
#include "kiosk/core/config/loader.hpp"
#include "kiosk/core/setup/config_save.hpp"
#include "kiosk/features/setup/setup_commands.hpp"
#include "kiosk/features/setup/setup_feature.hpp"

namespace kiosk::features {
namespace {
namespace cmd = setup_ui;
} // namespace

void SetupFeature::load_services() {
    services_ = setup::ServiceEditor(config_->services);
    model_.service_index = -1;
    show_services();
}

// The model from the draft: one row per service and, for the open service, its fields with their problems.
void SetupFeature::show_services() {
    auto problems = services_.check();
    model_.service_rows.clear();
    for (size_t i = 0; i < services_.size(); ++i) {
        const auto& s = services_.service(i);
        ui::SetupModel::ServiceRow row;
        row.code = s.code;
        row.name_vi = s.name_vi;
        row.name_en = s.name_en;
        row.prefix = s.prefix;
        row.range = services_.text(i, "range_start") + "–" + services_.text(i, "range_end");
        row.counters = services_.text(i, "counters");
        row.hours = services_.text(i, "opens") + "–" + services_.text(i, "closes");
        row.enabled = s.enabled;
        row.priority_allowed = s.priority_allowed;
        row.is_new = services_.is_new(i);
        for (const auto& p : problems)
            if (p.index == i && !p.field.empty()) row.has_problem = true;
        model_.service_rows.push_back(std::move(row));
    }
    model_.services_changed = services_.changed();
    model_.services_problem_key.clear();
    model_.services_problem_arg.clear();
    for (const auto& p : problems)
        if (p.field.empty()) model_.services_problem_key = p.key, model_.services_problem_arg = p.arg;
    model_.service_fields.clear();
    int open = model_.service_index;
    if (open < 0 || static_cast<size_t>(open) >= services_.size()) return;
    for (auto field : setup::kServiceTextFields) {
        ui::SetupModel::ServiceField view{std::string(field), services_.text(open, field), {}, {}};
        for (const auto& p : problems)
            if (p.index == static_cast<size_t>(open) && p.field == field && view.problem_key.empty())
                view.problem_key = p.key, view.problem_arg = p.arg;
        model_.service_fields.push_back(std::move(view));
    }
}

void SetupFeature::service_command(const ui::FeatureCommand& command) {
    auto valid = [&](int i) { return i >= 0 && static_cast<size_t>(i) < services_.size(); };
    if (command.as<cmd::AddService>()) {
        model_.service_index = static_cast<int>(services_.add());
        show_services();
        shell_.request(ui::Navigate{cmd::kServiceScreen});
    } else if (const auto* open = command.as<cmd::OpenService>()) {
        if (!valid(open->index)) return;
        model_.service_index = open->index;
        show_services();
        shell_.request(ui::Navigate{cmd::kServiceScreen});
    } else if (const auto* move = command.as<cmd::MoveService>()) {
        if (!valid(move->index)) return;
        if (move->delta < 0)
            (void)services_.move_up(move->index);
        else
            (void)services_.move_down(move->index);
    } else if (const auto* enable = command.as<cmd::SetServiceEnabled>()) {
        if (!valid(enable->index)) return;
        services_.set_enabled(enable->index, enable->enabled);
    } else if (const auto* remove = command.as<cmd::RemoveNewService>()) {
        if (!valid(remove->index) || !services_.remove_new(remove->index)) return;
        model_.service_index = -1;
        show_services();
        if (shell_.screen() == cmd::kServiceScreen) shell_.request(ui::GoBack{});
        return;
    } else if (const auto* priority = command.as<cmd::SetServicePriority>()) {
        if (!valid(model_.service_index)) return;
        services_.set_priority_allowed(model_.service_index, priority->allowed);
    } else if (const auto* field = command.as<cmd::EditServiceField>()) {
        return edit_service_field(field->field);
    } else if (command.as<cmd::SaveServices>()) {
        return save_services();
    }
    show_services();
}

// The text editor for one field of the open service; SaveField puts the text in the draft (nothing is
// written until SaveServices).
void SetupFeature::edit_service_field(const std::string& field) {
    int open = model_.service_index;
    if (open < 0 || static_cast<size_t>(open) >= services_.size()) return;
    bool known = false;
    for (auto f : setup::kServiceTextFields)
        known = known || f == field;
    if (!known) return;
    edit_key_ = "service." + field;
    edit_letters_ = field == "name_vi" || field == "name_en";
    edit_value_ = services_.text(open, field);
    composer_.set_mode(field == "name_vi" ? keyboard::InputMode::telex : keyboard::InputMode::none);
    composer_.set_text(edit_value_);
    model_.edit_key = edit_key_;
    model_.edit_secret = false;
    model_.edit_keyboard.layout = edit_letters_       ? ui::KeyboardLayout::letters
                                  : field == "prefix" ? ui::KeyboardLayout::code
                                                      : ui::KeyboardLayout::url;
    model_.edit_keyboard.mode = composer_.mode();
    show_edit_text();
    shell_.request(ui::Navigate{cmd::kEditScreen});
}

void SetupFeature::save_services() {
    auto problems = services_.check();
    if (!problems.empty()) {
        model_.message_key = "setup.services_fix_first";
        model_.message_arg.clear();
        model_.message_error = true;
        show_services();
        return;
    }
    auto file = config_file();
    if (file.empty()) {
        model_.message_key = "setup.no_config_file";
        model_.message_error = true;
        return;
    }
    model_.working = true;
    auto last_good = parts_->plan().paths.last_good_config;
    auto services = services_.services();
    worker_.submit([this, file, last_good, services]() -> tasks::CompletionQueue::Completion {
        // The rest of the configuration as the file holds it (never the start-up overrides).
        auto base = config::load_config_text(setup::base_text(file, last_good), "set-up");
        std::string error;
        std::vector<std::string> keys;
        bool restart = false;
        if (!base.ok()) {
            error = base.problems.front().to_string();
        } else if (auto refused = setup::loader_problems(base.config, services); !refused.empty()) {
            for (const auto& p : refused)
                error += (error.empty() ? "" : "; ") + p.arg;
        } else {
            auto next = base.config;
            next.services = services;
            auto saved = setup::save_config(file, base.config, next);
            if (!saved)
                error = saved.error().message;
            else
                keys = saved->changed_keys, restart = saved->restart_needed;
        }
        return [this, error, keys, restart] {
            if (!error.empty()) {
                model_.working = false;
                model_.message_key = "setup.invalid";
                model_.message_arg = error;
                model_.message_error = true;
                return;
            }
            after_config_written("saved", keys, restart);
        };
    });
}

} // namespace kiosk::features
