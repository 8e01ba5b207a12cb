#include "kiosk/features/dossier/dossier_feature.hpp"

#include "kiosk/core/dossier/name_mask.hpp"
#include "kiosk/core/dossier/status.hpp"
#include "kiosk/core/dossier/vn_time.hpp"
#include "kiosk/core/queue/ticket_qr.hpp"
#include "kiosk/core/text/utf8.hpp"
#include "kiosk/features/camera_lease.hpp"
#include "kiosk/features/dossier/dossier_commands.hpp"
#include "kiosk/features/dossier/dossier_screens.hpp"
#include "kiosk/features/rating/rating_commands.hpp"

#include <cctype>
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

struct DossierFeature::CameraSlot {
    std::mutex mutex;
    std::shared_ptr<CameraPipeline> pipeline;
    uint64_t generation = 0; // the camera wanted now
    bool closed = false;     // the feature is going away: no camera may be installed any more
};

DossierFeature::DossierFeature(const FeatureContext& c)
    : config_(c.config), parts_(c.parts), clock_(c.clock), log_(c.log), completions_(c.completions),
      shell_(c.shell), policy_(qr_policy(c.parts->plan())), wedge_(wedge_options(*c.config)),
      camera_slot_(std::make_shared<CameraSlot>()), worker_(c.completions, 1),
      camera_worker_(c.completions, 1) {
    model_.camera_enabled = config_->scanner.source != "none";
}

void DossierFeature::register_ui(UiRegistry& registry) {
    registry.add_screen(*this, {kScanScreen, "dossier.scan_title",
                                [this](ui::UiContext& ctx) { ui::draw_dossier_scan(ctx, model_); }});
    registry.add_screen(*this, {kStatusScreen, "dossier.status_title",
                                [this](ui::UiContext& ctx) { ui::draw_dossier_status(ctx, model_); }});
    registry.add_home_entry({"home-dossier", "home.dossier", "home.dossier_hint", kScanScreen, 20});
    registry.add_command<SubmitDossierCode>(*this);
    registry.add_command<camera_lease::Lend>(*this);
}

DossierFeature::~DossierFeature() {
    std::shared_ptr<CameraPipeline> running;
    {
        std::lock_guard lock(camera_slot_->mutex);
        camera_slot_->closed = true;
        running = std::move(camera_slot_->pipeline);
    }
    camera_.reset();
    if (running) running->stop(); // joins its threads; a camera still opening stops itself (slot closed)
}

bool DossierFeature::busy() const {
    return !worker_.idle() || !camera_worker_.idle() || wedge_.holding() || (camera_ && camera_->decoding());
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
        if (!error.empty())
            log_.error("dossier.source_unavailable", "dossier source unavailable: " + error,
                       {{"KIOSK_DOSSIER_SOURCE", parts->plan().dossier.source}});
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
        retire_camera();
        model_.scanner_hint_key.clear();
        model_.camera_enabled = config_->scanner.source != "none";
        if (model_.camera_enabled && !lent_)
            start_camera();
        else
            scanner_health_.camera_state = "off";
    }
    model_.preview.mirror = config_->scanner.mirror;
}

void DossierFeature::report(health::HealthSnapshot& snapshot) const {
    snapshot.dossier = dossier_health_;
    snapshot.scanner = scanner_health_;
    // Anything but running/off/end of a file list is a camera fault staff should see.
    const auto& state = scanner_health_.camera_state;
    if (state != "running" && state != "off" && state != "end_of_stream")
        snapshot.scanner.camera_state = "error";
}

// What staff (health) and the citizen (scan screen hint) learn when a camera could not start or stopped.
tasks::CompletionQueue::Completion DossierFeature::camera_stopped(std::string kind, uint64_t generation) {
    return [this, kind = std::move(kind), generation] {
        if (generation != camera_generation_) return; // about a camera already replaced
        scanner_health_.camera_state = kind;
        if (kind != "end_of_stream") model_.scanner_hint_key = scanner::scanner_error_key(kind);
    };
}

// Opens the camera and the decoder on the camera worker (device calls block); the running pipeline reaches
// the UI thread through the completion queue. Its callbacks only post.
void DossierFeature::start_camera() {
    auto parts = parts_;
    auto slot = camera_slot_;
    uint64_t generation = ++camera_generation_;
    {
        std::lock_guard lock(slot->mutex);
        slot->generation = generation;
    }
    bool mirror = config_->scanner.mirror;
    camera_worker_.submit([this, parts, slot, generation, mirror]() -> tasks::CompletionQueue::Completion {
        auto source = parts->open_camera();
        auto decoder = parts->make_decoder();
        if (!source || !decoder) {
            const Error& e = !source ? source.error() : decoder.error();
            log_.error("scanner.open_failed", "camera: " + e.message, {{"KIOSK_ERROR_KIND", e.kind}});
            return camera_stopped(e.kind, generation);
        }
        CameraPipeline::Callbacks callbacks;
        callbacks.on_read = [this](std::string text) {
            completions_.post([this, text] { handle_payload(text, "camera"); });
        };
        callbacks.on_preview = [this, generation, mirror](ui::PreviewImage image) {
            completions_.post([this, generation, mirror, image = std::move(image)]() mutable {
                if (generation != camera_generation_) return;
                auto& current = model_.preview;
                image.sequence = current.sequence + 1;
                image.texture = current.texture;
                image.mirror = mirror;
                current = std::move(image);
            });
        };
        callbacks.on_seen = [this, generation] {
            completions_.post([this, generation] {
                if (generation != camera_generation_) return;
                model_.scan_feedback_key = "scanner.guide.hold_still";
                feedback_until_ms_ = clock_.monotonic_ms() + kFeedbackMs;
            });
        };
        callbacks.on_stopped = [this, generation](std::string kind) {
            completions_.post(camera_stopped(kind, generation));
        };
        auto pipeline = std::make_shared<CameraPipeline>(std::move(source).value(),
                                                         std::move(decoder).value(), callbacks);
        if (auto started = pipeline->start(); !started) {
            log_.error("scanner.start_failed", "camera: " + started.error().message,
                       {{"KIOSK_ERROR_KIND", started.error().kind}});
            return camera_stopped(started.error().kind, generation);
        }
        bool stale;
        {
            std::lock_guard lock(slot->mutex);
            stale = slot->closed || slot->generation != generation;
            if (!stale) slot->pipeline = pipeline;
        }
        if (stale) { // replaced while it was opening, or the kiosk is closing
            pipeline->stop();
            return {};
        }
        return [this, slot, generation] {
            if (generation != camera_generation_) return; // retire_camera() took it from the slot
            std::lock_guard lock(slot->mutex);
            camera_ = slot->pipeline;
            if (camera_) camera_->set_preview_wanted(preview_wanted_);
            scanner_health_.camera_state = "running";
        };
    });
}

// Hands the running camera to the camera worker to stop (it joins its capture thread, up to one frame wait).
void DossierFeature::retire_camera() {
    std::shared_ptr<CameraPipeline> old;
    {
        std::lock_guard lock(camera_slot_->mutex);
        camera_slot_->generation = ++camera_generation_;
        old = std::move(camera_slot_->pipeline);
    }
    camera_.reset();
    if (!old) return;
    camera_worker_.submit([old]() -> tasks::CompletionQueue::Completion {
        old->stop();
        return {};
    });
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
    // "Hold the receipt still" stays up while the camera keeps seeing an unread code, then goes away.
    std::optional<Clock::time_point> feedback_deadline;
    if (!model_.scan_feedback_key.empty()) {
        if (mono >= feedback_until_ms_)
            model_.scan_feedback_key.clear();
        else
            feedback_deadline = now + std::chrono::milliseconds(feedback_until_ms_ - mono);
    }
    for (const auto& key : to_keys(wedge_.tick(mono))) {
        if (key.kind == KeyPress::Kind::text) shell_.request(ui::KeyboardInput{key.text});
        if (key.kind == KeyPress::Kind::enter) shell_.request(ui::KeyboardEnter{});
    }
    Clock::time_point next = feedback_deadline.value_or(Clock::time_point::max());
    if (auto held = wedge_.deadline_ms())
        next = std::min(next, now + std::chrono::milliseconds(std::max<std::int64_t>(*held - mono, 1)));
    return next;
}

bool DossierFeature::on_dossier_screen() const {
    return shell_.screen() == kScanScreen || shell_.screen() == kStatusScreen;
}

void DossierFeature::enter(std::string_view screen, bool returning) {
    if (screen != kScanScreen) return;
    preview_wanted_ = true;
    if (camera_) camera_->set_preview_wanted(true);
    if (!returning && camera_) camera_->reset_repeat_filter();
}

// Leaving a screen forgets what it showed: the status when it closes, the typed code and any lookup still
// running when the scan screen is covered or closed.
void DossierFeature::leave(std::string_view screen) {
    if (screen == kStatusScreen) {
        model_.forget();
    } else if (screen == kScanScreen) {
        preview_wanted_ = false;
        if (camera_) camera_->set_preview_wanted(false);
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
    // Staff are in set-up: a code seen now (a test card, a receipt on the counter) must not open a
    // citizen's dossier over the staff screens.
    if (shell_.staff_screen()) {
        log_.info("dossier.read_ignored", "a code read on a staff screen was ignored", {{"KIOSK_VIA", via}});
        return;
    }
    model_.scan_feedback_key.clear();
    // A queue ticket's QR is not a dossier receipt: it goes to the rating feature (which checks it).
    if (queue::looks_like_ticket_qr(payload)) {
        shell_.request(ui::FeatureCommand::of(rating_ui::TicketCodeScanned{payload}));
        return;
    }
    auto code = dossier::extract_dossier_code(payload, policy_);
    if (!code) {
        ++scanner_health_.rejected;
        log_.warning("dossier.payload_rejected", "a read code is not a dossier code",
                     {{"KIOSK_VIA", via}, {"KIOSK_ERROR_KIND", code.error().kind}});
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
            log_.warning("dossier.lookup_failed", "dossier lookup failed: " + kind,
                         {{"KIOSK_DOSSIER", redact(code.str())}, {"KIOSK_ERROR_KIND", kind}});
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
    if (const auto* lease = command.as<camera_lease::Lend>()) lend_camera(lease->lend);
}

// Staff set-up borrows the camera: close it (on the camera worker, which runs jobs in order, so the answer
// comes after the device is closed), or open it again when set-up gives it back.
void DossierFeature::lend_camera(bool lend) {
    if (lend == lent_) {
        if (lend) shell_.request(ui::FeatureCommand::of(camera_lease::Released{}));
        return;
    }
    lent_ = lend;
    if (lend) {
        retire_camera();
        camera_worker_.submit([this]() -> tasks::CompletionQueue::Completion {
            return [this] { shell_.request(ui::FeatureCommand::of(camera_lease::Released{})); };
        });
        return;
    }
    if (config_->scanner.source != "none") start_camera();
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
