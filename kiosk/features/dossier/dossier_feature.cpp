#include "kiosk/features/dossier/dossier_feature.hpp"

#include "drivers/scanner/decode_worker.hpp"
#include "drivers/scanner/frame_source.hpp"
#include "kiosk/core/dossier/name_mask.hpp"
#include "kiosk/core/dossier/status.hpp"
#include "kiosk/core/dossier/vn_time.hpp"
#include "kiosk/core/text/utf8.hpp"
#include "kiosk/features/dossier/dossier_commands.hpp"
#include "kiosk/features/dossier/dossier_screens.hpp"

#include <cctype>
#include <cstdio>
#include <utility>

namespace kiosk::features {
namespace {

using namespace dossier_ui;
using ui::KeyPress;

scanner::HidWedgeOptions wedge_options(const config::Config& c) {
    return {c.scanner.hid_max_gap_ms, c.scanner.hid_max_gap_ms * 2, 6, 512};
}

dossier::QrPolicy qr_policy(const runtime::PartsPlan& plan) {
    dossier::QrPolicy policy;
    policy.allowed_hosts = plan.dossier.qr_allowed_hosts;
    policy.param_names = plan.dossier.qr_param_names;
    return policy;
}

ui::DossierView make_view(const dossier::Dossier& d, dossier::Seconds now) {
    using dossier::DossierStatus;
    ui::DossierView v;
    v.code = d.code.str();
    v.procedure_name = d.procedure_name;
    v.applicant_masked = dossier::mask_applicant_name(d.applicant_name);
    v.status = static_cast<int>(d.status);
    v.status_key = dossier::status_key(d.status);
    if (d.received_at) v.received = dossier::format_vn_date(*d.received_at);
    if (d.appointment_at) v.appointment = dossier::format_vn_date(*d.appointment_at);
    auto deadline = dossier::deadline_of(d, now);
    v.overdue = deadline.state == dossier::Timeliness::overdue;
    v.deadline.key = dossier::deadline_key(deadline);
    if (deadline.days_late > 0) v.deadline.args = {std::to_string(deadline.days_late)};
    auto next = dossier::next_step(d, now);
    v.next_step = {next.key, next.args};
    // A timeline only for the ordinary path; refusals, withdrawals and stops speak through the status itself.
    int s = v.status;
    if (s != 3 && s != 7 && s != 8) {
        bool finished = s == 9 || s == 10;
        v.timeline = {
            {"dossier.timeline.received", v.received, s >= 2, s == 1},
            {"dossier.timeline.processing", {}, finished, s == 2 || s == 4 || s == 5 || s == 6},
            {"dossier.timeline.done", d.finished_at ? dossier::format_vn_date(*d.finished_at) : "", finished,
             false},
            {"dossier.timeline.returned", {}, s == 10, false},
        };
    }
    return v;
}

} // namespace

DossierFeature::DossierFeature(const FeatureContext& c)
    : config_(c.config), parts_(c.parts), clock_(c.clock), completions_(c.completions), shell_(c.shell),
      policy_(qr_policy(c.parts->plan())), wedge_(wedge_options(*c.config)), worker_(c.completions, 1) {
    model_.camera_enabled = config_->scanner.source != "none";
    preview_mirror_ = config_->scanner.mirror;
}

void DossierFeature::register_ui(UiRegistry& registry) {
    registry.add_screen(*this, {kScanScreen, "dossier.scan_title",
                                [this](ui::UiContext& ctx) { ui::draw_dossier_scan(ctx, model_); }});
    registry.add_screen(*this, {kStatusScreen, "dossier.status_title",
                                [this](ui::UiContext& ctx) { ui::draw_dossier_status(ctx, model_); }});
    registry.add_home_entry({"home-dossier", "home.dossier", "home.dossier_hint", kScanScreen, 20});
    registry.add_command<SubmitDossierCode>(*this);
}

DossierFeature::~DossierFeature() {
    stop_camera();
}

bool DossierFeature::busy() const {
    return !worker_.idle() || wedge_.holding() || (decoder_ && !decoder_->idle());
}

std::string DossierFeature::redact(const std::string& code) {
    // Logs keep the unit and date (useful to staff) but never the daily sequence.
    auto dash = code.rfind('-');
    return dash == std::string::npos ? "(code)" : code.substr(0, dash) + "-****";
}

void DossierFeature::start() {
    open_source();
    if (config_->scanner.source != "none")
        start_camera();
    else
        scanner_health_.camera_state = "off";
}

void DossierFeature::open_source() {
    dossier_health_.source = config_->dossier.source;
    auto parts = parts_;
    uint64_t generation = ++source_generation_;
    worker_.submit([this, parts, generation]() -> tasks::CompletionQueue::Completion {
        std::shared_ptr<dossier::DossierSource> source;
        std::string error;
        if (auto opened = parts->open_dossier_source())
            source = opened.value();
        else
            error = opened.error().message;
        if (!error.empty()) std::fprintf(stderr, "dossier: source unavailable: %s\n", error.c_str());
        return [this, source, error, generation] {
            if (generation != source_generation_) return; // a newer configuration opened another source
            source_ = source;
            dossier_health_.ok = source != nullptr;
            source_error_ = error;
            if (auto code = std::exchange(pending_, std::nullopt)) {
                model_.looking_up = false;
                lookup(*code);
            }
        };
    });
}

void DossierFeature::reconfigure(ConfigPtr config, PartsPtr parts, const runtime::PartsChange& changed) {
    config_ = std::move(config);
    parts_ = std::move(parts);
    if (changed.dossier) {
        policy_ = qr_policy(parts_->plan());
        source_.reset();
        source_error_.clear();
        open_source();
    }
    if (changed.scanner) {
        wedge_ = scanner::HidWedgeScanner(wedge_options(*config_));
        stop_camera();
        decoder_.reset();
        camera_.reset();
        model_.scanner_hint_key.clear();
        model_.camera_enabled = config_->scanner.source != "none";
        if (model_.camera_enabled)
            start_camera();
        else
            scanner_health_.camera_state = "off";
    }
    preview_mirror_ = config_->scanner.mirror;
}

void DossierFeature::report(health::HealthSnapshot& snapshot) const {
    snapshot.dossier = dossier_health_;
    snapshot.scanner = scanner_health_;
    // Anything but running/off/end of a file list is a camera fault staff should see.
    const auto& state = scanner_health_.camera_state;
    if (state != "running" && state != "off" && state != "end_of_stream")
        snapshot.scanner.camera_state = "error";
}

void DossierFeature::start_camera() {
    auto source = parts_->open_camera();
    auto decoder = parts_->make_decoder();
    if (!source || !decoder) {
        scanner_health_.camera_state = !source ? source.error().kind : decoder.error().kind;
        model_.scanner_hint_key = scanner::scanner_error_key(scanner_health_.camera_state);
        std::fprintf(stderr, "scanner: %s\n", (!source ? source.error() : decoder.error()).message.c_str());
        return;
    }
    if (auto started = (*source)->start(); !started) {
        scanner_health_.camera_state = started.error().kind;
        model_.scanner_hint_key = scanner::scanner_error_key(scanner_health_.camera_state);
        std::fprintf(stderr, "scanner: %s\n", started.error().message.c_str());
        return;
    }
    camera_ = std::move(source.value());
    decoder_ = std::make_unique<scanner::DecodeWorker>(
        std::move(decoder.value()), [this](const scanner::ScanRead& read) {
            std::string text = read.code.text;
            completions_.post([this, text] { handle_payload(text, "camera"); });
        });
    scanner_health_.camera_state = "running";
    capturing_ = true;
    capture_ = std::thread([this] {
        // At most ~10 frames a second: enough for a held-up receipt, cheap for a kiosk that is idle all day.
        while (capturing_) {
            auto frame = camera_->next(std::chrono::milliseconds(100));
            if (!frame) {
                std::string kind = frame.error().kind;
                completions_.post([this, kind] {
                    scanner_health_.camera_state = kind;
                    if (kind != "end_of_stream") model_.scanner_hint_key = scanner::scanner_error_key(kind);
                });
                return;
            }
            if (*frame) {
                if (preview_wanted_) post_preview(**frame);
                decoder_->submit(std::move(**frame));
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });
}

// A small luma copy of the frame (at most 480 px wide) for the scan screen's preview.
void DossierFeature::post_preview(const scanner::Frame& frame) {
    scanner::GrayImage luma = scanner::extract_luma(frame);
    int step = std::max(1, (luma.width + 479) / 480);
    ui::PreviewImage preview;
    preview.width = luma.width / step;
    preview.height = luma.height / step;
    preview.luma.resize(static_cast<size_t>(preview.width) * preview.height);
    for (int y = 0; y < preview.height; ++y)
        for (int x = 0; x < preview.width; ++x)
            preview.luma[static_cast<size_t>(y) * preview.width + x] = luma.at(x * step, y * step);
    completions_.post([this, preview = std::move(preview)]() mutable {
        auto& current = model_.preview;
        preview.sequence = current.sequence + 1;
        preview.texture = current.texture;
        preview.mirror = preview_mirror_;
        current = std::move(preview);
    });
}

void DossierFeature::stop_camera() {
    capturing_ = false;
    if (capture_.joinable()) capture_.join();
    if (decoder_) decoder_->stop();
    if (camera_) camera_->stop();
}

std::vector<KeyPress> DossierFeature::to_keys(const std::vector<scanner::WedgeEvent>& events) {
    std::vector<KeyPress> keys;
    for (const auto& e : events) {
        if (e.kind == scanner::WedgeEvent::Kind::scan) {
            handle_payload(e.text, "usb-scanner");
            continue;
        }
        if (e.key.ch == U'\r' || e.key.ch == U'\n')
            keys.push_back({KeyPress::Kind::enter, {}, 0});
        else
            keys.push_back({KeyPress::Kind::text, text::encode(std::u32string(1, e.key.ch)),
                            static_cast<uint32_t>(e.key.time_ms)});
    }
    return keys;
}

std::vector<KeyPress> DossierFeature::filter_keys(std::vector<KeyPress> keys) {
    if (!config_->scanner.hid_enabled) return keys;
    std::vector<KeyPress> out;
    for (const auto& key : keys) {
        if (key.kind == KeyPress::Kind::text || key.kind == KeyPress::Kind::enter) {
            std::vector<scanner::WedgeEvent> events;
            if (key.kind == KeyPress::Kind::enter) {
                events = wedge_.feed({U'\r', key.timestamp_ms});
            } else {
                // Keys arrive as UTF-8 text; the detector works per character.
                for (size_t i = 0; i < key.text.size();) {
                    auto some = wedge_.feed({text::decode_next(key.text, i), key.timestamp_ms});
                    events.insert(events.end(), some.begin(), some.end());
                }
            }
            auto typed = to_keys(events);
            out.insert(out.end(), typed.begin(), typed.end());
        } else {
            out.push_back(key);
        }
    }
    return out;
}

// Keys the wedge detector held back become typing once their burst timed out.
Clock::time_point DossierFeature::tick(Clock::time_point now) {
    auto mono = clock_.monotonic_ms();
    for (const auto& key : to_keys(wedge_.tick(mono))) {
        if (key.kind == KeyPress::Kind::text) shell_.request(ui::KeyboardInput{key.text});
        if (key.kind == KeyPress::Kind::enter) shell_.request(ui::KeyboardEnter{});
    }
    if (auto held = wedge_.deadline_ms())
        return now + std::chrono::milliseconds(std::max<std::int64_t>(*held - mono, 1));
    return Clock::time_point::max();
}

bool DossierFeature::on_dossier_screen() const {
    return shell_.screen() == kScanScreen || shell_.screen() == kStatusScreen;
}

void DossierFeature::enter(std::string_view screen, bool returning) {
    if (screen != kScanScreen) return;
    preview_wanted_ = true;
    if (!returning && decoder_) decoder_->reset_repeat_filter();
}

// Leaving a screen forgets what it showed: the status when it closes, the typed code and any lookup still
// running when the scan screen is covered or closed.
void DossierFeature::leave(std::string_view screen) {
    if (screen == kStatusScreen) {
        model_.forget();
    } else if (screen == kScanScreen) {
        preview_wanted_ = false;
        ++lookup_generation_; // a lookup still running is dropped: the citizen has left
        pending_.reset();
        model_.looking_up = false;
        model_.typed.clear();
        model_.error_key.clear();
        model_.error_detail.clear();
    }
}

void DossierFeature::forget() {
    ++lookup_generation_;
    pending_.reset();
    model_.looking_up = false;
    model_.forget();
}

void DossierFeature::handle_payload(const std::string& payload, const char* via) {
    ++scanner_health_.scans;
    auto code = dossier::extract_dossier_code(payload, policy_);
    if (!code) {
        ++scanner_health_.rejected;
        std::fprintf(stderr, "dossier: %s payload rejected: %s\n", via, code.error().kind.c_str());
        if (shell_.screen() != kScanScreen) shell_.request(ui::Navigate{kScanScreen});
        model_.forget();
        model_.error_key = code.error().kind;
        return;
    }
    lookup(*code);
}

void DossierFeature::lookup(const dossier::DossierCode& code) {
    // Navigate first: leaving a screen clears what it showed.
    if (!on_dossier_screen()) shell_.request(ui::Navigate{kScanScreen});
    auto& d = model_;
    d.error_key.clear();
    d.error_detail.clear();
    d.result.reset();
    if (!source_ && !source_error_.empty()) {
        d.error_key = "dossier.error.kiosk_setup";
        return;
    }
    d.looking_up = true;
    d.looking_up_code = code.str();
    if (!source_) {
        // Still opening (the first seconds after start): look it up as soon as the source is ready.
        pending_ = code;
        return;
    }
    auto source = source_;
    uint64_t generation = ++lookup_generation_;
    auto now = std::chrono::time_point_cast<std::chrono::seconds>(clock_.now());
    worker_.submit([this, source, code, generation, now]() -> tasks::CompletionQueue::Completion {
        auto result = source->lookup(code);
        if (!result) {
            std::string kind = result.error().kind;
            std::fprintf(stderr, "dossier: lookup %s failed: %s\n", redact(code.str()).c_str(), kind.c_str());
            return [this, kind, generation] {
                if (generation != lookup_generation_) return; // the citizen left or looked up another code
                ++dossier_health_.lookups;
                if (kind != "not_found")
                    ++dossier_health_.lookup_errors; // a mistyped code is not the source failing
                model_.looking_up = false;
                model_.error_key = dossier::citizen_message_key(kind);
            };
        }
        auto view = make_view(*result, now);
        return [this, view, generation] {
            if (generation != lookup_generation_) return;
            ++dossier_health_.lookups;
            auto& d = model_;
            d.looking_up = false;
            d.typed.clear();
            d.result = view;
            // Back from the status returns to the scan screen, ready for the next receipt.
            if (shell_.screen() != kStatusScreen) shell_.request(ui::Navigate{kStatusScreen});
        };
    });
}

void DossierFeature::handle(const ui::FeatureCommand& command) {
    if (command.as<SubmitDossierCode>()) submit_typed();
}

void DossierFeature::submit_typed() {
    auto& d = model_;
    if (d.looking_up || d.typed.empty()) return;
    auto code = dossier::parse_dossier_code(d.typed);
    if (!code) {
        d.error_key = code.error().kind;
        d.error_detail = code.error().message;
        return;
    }
    lookup(*code);
}

bool DossierFeature::handle_input(const ui::Command& command) {
    if (shell_.screen() != kScanScreen) return false;
    auto& d = model_;
    if (const auto* input = std::get_if<ui::KeyboardInput>(&command)) {
        for (char ch : input->text) {
            // Codes are ASCII: letters, digits, '.', '-'; the parser also forgives spaces and look-alikes.
            if (d.typed.size() >= 40) break;
            if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '-' || ch == ' ')
                d.typed += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        }
        d.error_key.clear();
        return true;
    }
    if (std::holds_alternative<ui::KeyboardBackspace>(command)) {
        if (!d.typed.empty()) d.typed.pop_back();
        return true;
    }
    if (std::holds_alternative<ui::KeyboardClear>(command)) {
        d.typed.clear();
        d.error_key.clear();
        return true;
    }
    if (std::holds_alternative<ui::KeyboardEnter>(command)) {
        submit_typed();
        return true;
    }
    return false;
}

} // namespace kiosk::features
