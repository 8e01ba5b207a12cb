#include "kiosk/app/kiosk_app.hpp"

#include "kiosk/app/clock.hpp"
#include "kiosk/app/controller.hpp"
#include "kiosk/app/feature_list.hpp"
#include "kiosk/app/frame_log.hpp"
#include "kiosk/app/frame_waiter.hpp"
#include "kiosk/app/health_reporter.hpp"
#include "kiosk/app/input_translator.hpp"
#include "kiosk/app/log_sink.hpp"
#include "kiosk/app/preview_texture.hpp"
#include "kiosk/app/read_aloud.hpp"
#include "kiosk/app/screenshot_broker.hpp"
#include "kiosk/app/script_runner.hpp"
#include "kiosk/app/service_notifier.hpp"
#include "kiosk/app/window.hpp"
#include "kiosk/core/i18n/translator.hpp"
#include "kiosk/core/tasks/completion_queue.hpp"
#include "kiosk/core/util/process_clock.hpp"
#include "kiosk/runtime/central_config.hpp"
#include "kiosk/runtime/composition_root.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/palette.hpp"
#include "kiosk/ui/screens/root.hpp"

#include <SDL.h>
#include <SDL_opengl.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>

namespace kiosk::app {
namespace {

using Steady = std::chrono::steady_clock;

struct SdlSession {
    bool ok = false;
    SdlSession() {
        SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
        SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
        SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
        ok = SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) == 0;
    }
    ~SdlSession() {
        if (ok) SDL_Quit();
    }
};

struct ImGuiSession {
    ImGuiSession() {
        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr; // a kiosk keeps no UI state between runs
        io.LogFilename = nullptr;
    }
    ~ImGuiSession() { ImGui::DestroyContext(); }
};

WindowSpec window_spec(const config::Config& config, bool exact) {
    WindowSpec spec;
    bool landscape = config.display.orientation == "landscape";
    spec.width = config.display.width > 0 ? config.display.width : (landscape ? 1920 : 1080);
    spec.height = config.display.height > 0 ? config.display.height : (landscape ? 1080 : 1920);
    spec.fullscreen = config.display.fullscreen && !exact;
    spec.fit_to_display = !exact;
    return spec;
}

class KioskApp {
  public:
    explicit KioskApp(const Options& options) : options_(options) {}

    int run();

  private:
    void load_configuration();
    bool setup_theme();
    bool apply_access_modes();
    void render_frame();
    std::string apply_runtime_override(const std::string& key_value);
    std::string publish_config(const runtime::ConfigPtr& next); // error text, empty when applied
    void apply_central_layer(runtime::CentralFetch fetch);
    void start_central_poller();
    std::string reload_configuration(); // set-up saved the file
    int finish_script();
    void start_features();
    void publish_health();
    // A start-up failure: logged, and also written plainly to stderr for a person who started the kiosk by
    // hand when the log itself goes to the journal.
    void startup_error(std::string_view event, const std::string& message) {
        logger_.error(event, message);
        if (log_to_journal_) std::fprintf(stderr, "kiosk: %s\n", message.c_str());
    }
    [[nodiscard]] bool features_busy() const {
        for (const auto& f : features_)
            if (f->busy()) return true;
        return false;
    }
    [[nodiscard]] const config::Config& config() const { return *config_store_->current(); }

    const Options& options_;
    KioskClock clock_;
    // Before everything that logs (the roots, the features and their workers): destroyed last.
    bool log_to_journal_ = journal_wanted();
    std::unique_ptr<log::Sink> log_sink_ = make_log_sink();
    log::Logger logger_{*log_sink_, clock_};
    std::optional<runtime::ConfigStore> config_store_;
    std::shared_ptr<runtime::CompositionRoot> root_;
    i18n::Translator translator_;
    // Order matters: SDL outlives the ImGui context, which outlives the window (its renderer shuts down
    // first).
    std::optional<SdlSession> sdl_;
    std::optional<ImGuiSession> imgui_;
    Window window_;
    ui::Theme theme_;
    InputTranslator input_;
    std::optional<FrameWaiter> waiter_; // before completions_: its waker points here
    tasks::CompletionQueue completions_;
    features::UiRegistry registry_;
    std::unique_ptr<Controller> controller_;
    std::vector<std::unique_ptr<features::Feature>> features_;
    // One texture per feature that shows an image (camera preview, report chart): after window_, released
    // while the GL context still exists.
    std::map<const features::Feature*, PreviewTexture> previews_;
    ScreenshotBroker screenshots_; // before health_: the status server calls it until it stops
    bool capture_for_broker_ = false;
    HealthReporter health_;
    std::unique_ptr<ReadAloud> read_aloud_;
    std::unique_ptr<net::Heartbeat> heartbeat_; // after health_: stopped before the snapshot it reads goes
    std::unique_ptr<runtime::CentralConfigPoller> central_;
    std::function<void()> wake_loop_;
    std::unique_ptr<ServiceNotifier> notifier_ = make_systemd_notifier();
    WatchdogPinger watchdog_{*notifier_};
    FrameLog frame_log_;
    std::int64_t frames_rendered_ = 0;
    std::int64_t last_frame_at_ = 0;
    std::unique_ptr<ScriptRunner> script_;
    std::vector<ui::VisibleText> visible_;
    std::string pending_screenshot_;
    int frames_needed_ = 2;
    bool quit_ = false;
    bool restart_requested_ = false;
    bool presented_first_frame_ = false;
};

void KioskApp::load_configuration() {
    runtime::ConfigRequest request{options_.config_path, options_.overrides};
    auto resolved = runtime::resolve_startup_config(request);
    for (const auto& problem : resolved.problems)
        logger_.warning("config.problem", problem.to_string(),
                        {{"KIOSK_CONFIG_FILE", resolved.path.string()}});
    if (!resolved.problems.empty())
        logger_.error("config.fallback",
                      resolved.path.string() + " has " + std::to_string(resolved.problems.size()) +
                          " problem(s); running on " +
                          (resolved.source == config::ConfigSource::last_good ? "the last good configuration"
                                                                              : "the embedded defaults"),
                      {{"KIOSK_CONFIG_FILE", resolved.path.string()},
                       {"KIOSK_CONFIG_PROBLEMS", std::to_string(resolved.problems.size())}});
    const auto state_dir = resolved.state_dir;
    config_store_.emplace(std::move(request), std::move(resolved));
    // The cached central layer applies at once; the poller brings newer ones later.
    if (!config().fleet.config_url.empty()) {
        if (auto cached = runtime::load_cached_layer(state_dir)) {
            if (auto applied = config_store_->apply_central(cached->toml); !applied) {
                health_.set_problem("config.central_rejected", applied.error().message);
                logger_.error("config.central_rejected",
                              "cached central layer refused: " + applied.error().message);
            }
        }
    }
    root_ = std::make_shared<runtime::CompositionRoot>(config_store_->current(), state_dir, &logger_);
}

void KioskApp::start_central_poller() {
    const auto& c = config();
    if (c.fleet.config_url.empty()) return;
    runtime::CentralConfigPoller::Options o;
    o.url = c.fleet.config_url;
    o.token = c.gateway.token;
    o.http.ca_file = c.gateway.ca_file;
    o.http.connect_timeout_ms = c.gateway.connect_timeout_ms;
    o.http.total_timeout_ms = c.gateway.total_timeout_ms;
    o.http.max_response_bytes = 256 * 1024;
    o.interval = std::chrono::seconds(c.fleet.config_poll_s);
    o.state_dir = config_store_->resolved().state_dir;
    if (auto cached = runtime::load_cached_layer(o.state_dir)) o.etag = cached->etag;
    central_ = std::make_unique<runtime::CentralConfigPoller>(std::move(o), wake_loop_);
}

// A central layer from the poller (UI thread): applied live as a new snapshot, or refused and reported while
// the last good one stays.
void KioskApp::apply_central_layer(runtime::CentralFetch fetch) {
    if (fetch.kind == runtime::CentralFetch::Kind::rejected) {
        health_.set_problem("config.central_rejected", fetch.detail);
        logger_.error("config.central_rejected", "central configuration refused: " + fetch.detail);
        return;
    }
    auto next = config_store_->apply_central(fetch.layer.toml);
    if (!next) {
        health_.set_problem("config.central_rejected", next.error().message);
        logger_.error("config.central_rejected", "central configuration refused: " + next.error().message);
        return;
    }
    health_.clear_problem("config.central_rejected");
    logger_.info("config.central_applied", "central configuration applied",
                 {{"KIOSK_CENTRAL_ETAG", fetch.layer.etag}});
    if (auto error = publish_config(next.value()); !error.empty())
        logger_.error("config.central_failed", "central configuration: " + error);
}

bool KioskApp::setup_theme() {
    const auto& display = config().display;
    theme_.scale = display.scale > 0 ? static_cast<float>(display.scale)
                                     : ui::scale_for_window(window_.width(), window_.height());
    float dpi = display.screen_dpi > 0 ? static_cast<float>(display.screen_dpi) : window_.dpi();
    if (dpi < 50 || dpi > 600) dpi = 96; // virtual displays report nonsense; assume a common desktop density
    theme_.px_per_mm = dpi / 25.4f;
    auto fonts_dir = root_->plan().paths.fonts;
    if (auto error = ui::load_fonts(fonts_dir, theme_); !error.empty()) {
        logger_.error("ui.fonts_failed", error, {{"KIOSK_FONTS_DIR", fonts_dir.string()}});
        return false;
    }
    ui::apply_style(theme_);
    input_.set_window_size(window_.width(), window_.height());
    input_.set_drag_threshold(theme_.px_per_mm * 3.0f);
    return true;
}

// Large text rebuilds the font atlas at 1.5× (between frames, like a window resize); high contrast swaps the
// palette. Returns false when the fonts cannot be rebuilt.
bool KioskApp::apply_access_modes() {
    const auto& access = controller_->model().access;
    if (access.high_contrast != theme_.high_contrast) {
        if (access.high_contrast)
            ui::use_high_contrast_palette(theme_);
        else
            ui::use_normal_palette(theme_);
        ui::apply_style(theme_);
    }
    float text_scale = access.large_text ? 1.5f : 1.0f;
    if (text_scale == theme_.text_scale) return true;
    theme_.text_scale = text_scale;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    if (!setup_theme()) return false;
    ImGui_ImplOpenGL3_CreateFontsTexture();
    return true;
}

void KioskApp::render_frame() {
    if (!apply_access_modes()) logger_.error("ui.fonts_failed", "cannot rebuild fonts for large text");
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(window_.width()), static_cast<float>(window_.height()));
    io.DeltaTime = 1.0f / 60.0f;
    ui::GestureView gesture = input_.begin_frame();
    ImGui_ImplOpenGL3_NewFrame();
    // The renderer has uploaded the font atlas by now; the CPU copy is only needed to rebuild fonts.
    if (io.Fonts->TexPixelsAlpha8 || io.Fonts->TexPixelsRGBA32) io.Fonts->ClearTexData();
    ImGui::NewFrame();
    const auto& shell = controller_->model();
    ui::UiContext ctx(theme_, translator_, shell.lang, gesture);
    // A mode with its own start screen (the lobby display) shows it in place of home.
    const std::string start = mode_start_screen(*shell.config);
    const bool at_home = shell.screen() == ui::kHomeScreen;
    ui::draw_root(ctx, shell, registry_.screen(at_home && !start.empty() ? start : shell.screen()),
                  registry_.home_entries());
    ImGui::Render();
    glViewport(0, 0, window_.width(), window_.height());
    ImVec4 bg = ImGui::ColorConvertU32ToFloat4(theme_.background);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (!pending_screenshot_.empty() && frames_needed_ <= 1 && !input_.pending()) {
        if (auto error = window_.write_png(pending_screenshot_); !error.empty())
            logger_.error("ui.screenshot_failed", error);
        pending_screenshot_.clear();
    }
    if (capture_for_broker_) {
        capture_for_broker_ = false;
        net::ScreenshotReply reply;
        reply.png = window_.png_bytes();
        reply.kind =
            reply.png.empty() ? net::ScreenshotReply::Kind::unavailable : net::ScreenshotReply::Kind::png;
        screenshots_.fulfil(std::move(reply));
    }
    window_.present();
    auto visible = ctx.take_visible();
    frame_log_.presented(visible);
    ++frames_rendered_;
    last_frame_at_ =
        std::chrono::duration_cast<std::chrono::seconds>(clock_.now().time_since_epoch()).count();
    if (!presented_first_frame_) {
        presented_first_frame_ = true;
        watchdog_.first_frame_presented();
        if (options_.startup_probe) {
            std::printf("first_frame_ms=%.1f\n", ms_since_process_start());
            std::fflush(stdout);
        }
    }
    if (read_aloud_)
        read_aloud_->after_frame(shell, registry_.screen(shell.screen()), visible, ctx.content_start(),
                                 translator_);
    visible_ = std::move(visible);
    auto commands = ctx.take_commands();
    if (!commands.empty()) {
        controller_->apply(commands);
        frames_needed_ = std::max(frames_needed_, 2);
    }
}

// A live `set`: a new snapshot is built and validated, a new composition root resolves it, and only the parts
// whose settings changed are rebuilt (by the features, on their workers). Work already running keeps the
// snapshot it started with.
std::string KioskApp::apply_runtime_override(const std::string& key_value) {
    auto next = config_store_->apply_override(key_value);
    if (!next) return next.error().message;
    return publish_config(next.value());
}

// Set-up mode saved the file: the same path as a live `set`, with the file read again.
std::string KioskApp::reload_configuration() {
    auto next = config_store_->reload_file();
    if (!next) return next.error().message;
    controller_->set_notice({}, {}); // a fallback notice no longer applies: the file validates now
    return publish_config(next.value());
}

std::string KioskApp::publish_config(const runtime::ConfigPtr& next) {
    auto before_window = window_spec(*root_->config(), true);
    auto root =
        std::make_shared<runtime::CompositionRoot>(next, config_store_->resolved().state_dir, &logger_);
    root->adopt_unchanged(*root_);
    auto changed = runtime::compare_plans(root_->plan(), root->plan());
    if (changed.status)
        logger_.log(log::Level::notice, "status.restart_needed",
                    "status server settings apply after a restart");
    root_ = root;
    controller_->reconfigure(next);
    for (auto& feature : features_)
        feature->reconfigure(next, root_, changed);
    auto after_window = window_spec(config(), true);
    if (before_window.width != after_window.width || before_window.height != after_window.height) {
        window_.resize(after_window.width, after_window.height);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        if (!setup_theme()) return "cannot rebuild fonts";
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    frames_needed_ = std::max(frames_needed_, 3);
    return {};
}

// What maintainers see on /status and /metrics, gathered from the features' own counters (UI thread, cheap).
void KioskApp::publish_health() {
    health::HealthSnapshot s;
    s.kiosk_id = config().office.kiosk_id;
    s.office_id = config().office.office_id;
    s.version = KIOSK_VERSION;
    for (const auto& feature : features_)
        feature->report(s);
    const auto& resolved = config_store_->resolved();
    s.config.source = std::string(resolved.source_name());
    s.config.problems = static_cast<int>(resolved.problems.size());
    s.frames_rendered = frames_rendered_;
    s.last_frame_at = last_frame_at_;
    health_.publish(std::move(s));
}

void KioskApp::start_features() {
    features::FeatureContext context{
        config_store_->current(), root_, clock_, translator_, completions_, *controller_, logger_};
    features_ = make_features(context);
    std::vector<features::Feature*> list;
    for (auto& feature : features_) {
        feature->register_ui(registry_);
        list.push_back(feature.get());
    }
    for (const auto& problem : registry_.problems())
        logger_.error("ui.registration", problem);
    controller_->set_features(std::move(list));
    for (auto& feature : features_)
        feature->start();
    publish_health();
    if (auto beat = root_->heartbeat_options()) {
        auto started_beat = net::Heartbeat::start(
            std::move(*beat), [this] { return health_.current(); },
            [this](bool ok, const std::string& detail) {
                if (ok)
                    logger_.info("heartbeat.ok", "the gateway accepts heartbeats again");
                else
                    logger_.warning("heartbeat.failing", "heartbeat to the gateway failed: " + detail);
            });
        if (started_beat)
            heartbeat_ = std::move(started_beat.value());
        else
            logger_.error("heartbeat.invalid", started_beat.error().message);
    }
    const auto& status = root_->plan().status;
    if (!status.enabled) return;
    const auto refused = [this](const std::string& line) {
        logger_.error("status.insecure_listen", line, {{"KIOSK_STATUS_LISTEN", root_->plan().status.listen}});
    };
    auto screenshot = [this] { return screenshots_.request(std::chrono::seconds(2)); };
    if (auto started = health_.start_server(root_->status_options(), refused, screenshot); !started)
        logger_.error("status.failed", "status server: " + started.error().message);
    else if (health_.port())
        logger_.info("status.listening",
                     "status on http://" + health_.listen() + ":" + std::to_string(health_.port()) +
                         "/healthz",
                     {{"KIOSK_STATUS_PORT", std::to_string(health_.port())}});
}

int KioskApp::finish_script() {
    if (!script_) return 0;
    if (script_->failed()) {
        logger_.error("script.failed", "UI script failed",
                      {{"KIOSK_SCRIPT_FAILURES", std::to_string(script_->failures().size())}});
        return 1;
    }
    return 0;
}

int KioskApp::run() {
    if (!options_.frozen_clock.empty() && !clock_.start_at(options_.frozen_clock)) {
        startup_error("start.bad_option",
                      "--clock \"" + options_.frozen_clock + "\" is not YYYY-MM-DD HH:MM");
        return 2;
    }
    std::optional<std::vector<script::Step>> steps;
    if (!options_.script_path.empty()) {
        std::ifstream in(options_.script_path, std::ios::binary);
        if (!in) {
            startup_error("start.script_unreadable", "cannot read script " + options_.script_path);
            return 2;
        }
        std::stringstream text;
        text << in.rdbuf();
        auto parsed = script::parse_script(text.str(), options_.script_path);
        if (!parsed) {
            startup_error("start.script_invalid", parsed.error().message);
            return 2;
        }
        steps = std::move(parsed.value());
    }
    load_configuration();
    if (options_.print_parts) {
        std::printf("%s\n", runtime::describe_plan(root_->plan()).c_str());
        return 0;
    }
    auto translations = i18n::Translator::load_dir(root_->plan().paths.translations);
    if (!translations) {
        startup_error("start.translations_failed", "translations: " + translations.error().message);
        return 1;
    }
    translator_ = std::move(translations.value());

    sdl_.emplace();
    if (!sdl_->ok) {
        startup_error("start.video_failed", std::string("cannot start SDL video: ") + SDL_GetError());
        return 1;
    }
    Uint32 wake_event = SDL_RegisterEvents(1);
    waiter_.emplace(SDL_GetCurrentVideoDriver());
    if (!options_.frame_log.empty()) {
        if (auto error = frame_log_.open(options_.frame_log); !error.empty()) {
            startup_error("start.frame_log_failed", error);
            return 2;
        }
    }
    bool exact = steps.has_value() || !options_.screenshot_path.empty() || options_.startup_probe;
    imgui_.emplace();
    if (auto error = window_.open(window_spec(config(), exact)); !error.empty()) {
        startup_error("start.window_failed", error);
        return 1;
    }
    if (!setup_theme()) return 1;
    if (config().display.fullscreen && !exact) SDL_ShowCursor(SDL_DISABLE);

    completions_.set_waker([wake_event, waiter = &*waiter_] {
        SDL_Event event{};
        event.type = wake_event;
        SDL_PushEvent(&event);
        waiter->wake();
    });
    wake_loop_ = [wake_event] { // SDL_PushEvent is safe from any thread
        SDL_Event event{};
        event.type = wake_event;
        SDL_PushEvent(&event);
    };
    screenshots_.set_waker(wake_loop_);
    controller_ = std::make_unique<Controller>(config_store_->current(), clock_, registry_, logger_);
    read_aloud_ = std::make_unique<ReadAloud>(make_read_aloud_speaker(root_->plan(), config(), logger_));
    controller_->set_read_aloud_available(read_aloud_->available());
    if (auto notice = config_store_->resolved().notice_key(); !notice.empty())
        controller_->set_notice(notice, "");
    controller_->set_staff_hooks({[this] { return &config_store_->resolved(); },
                                  [this] { return reload_configuration(); },
                                  [this] { return health_.current(); },
                                  [this] {
                                      restart_requested_ = true;
                                      quit_ = true;
                                  }});
    start_features();
    start_central_poller();

    if (steps) {
        ScriptHost host{input_,
                        [this]() -> const std::vector<ui::VisibleText>& { return visible_; },
                        [this] {
                            return input_.pending() || frames_needed_ > 0 || features_busy() ||
                                   completions_.pending() > 0;
                        },
                        [this](const std::string& path) {
                            pending_screenshot_ = path;
                            frames_needed_ = std::max(frames_needed_, 2);
                        },
                        [this](const std::string& kv) { return apply_runtime_override(kv); },
                        [this](const std::string& failure) { logger_.error("script.step_failed", failure); }};
        script_ = std::make_unique<ScriptRunner>(std::move(*steps), options_.script_path, std::move(host));
    }
    bool script_done = !script_;
    auto feature_deadline = Clock::time_point::max();
    bool final_shot_taken = false;

    while (!quit_) {
        watchdog_.loop_turned(Steady::now()); // only a turning loop pings: a stuck UI thread gets restarted
        bool busy = frames_needed_ > 0 || input_.pending() || !pending_screenshot_.empty() ||
                    (script_done && !options_.screenshot_path.empty() && !final_shot_taken);
        int timeout_ms = 0;
        if (!busy) {
            auto deadline = controller_->next_deadline();
            auto wait =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock_.now()).count() + 5;
            if (script_ && !script_done) {
                auto script_wait =
                    std::chrono::duration_cast<std::chrono::milliseconds>(script_->wake_at() - Steady::now())
                        .count();
                wait = std::min<long long>(wait, std::max<long long>(script_wait, 1));
            }
            if (feature_deadline != Clock::time_point::max())
                wait = std::min<long long>(
                    wait, std::max<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                  feature_deadline - clock_.now())
                                                  .count(),
                                              1));
            if (auto due = watchdog_.next_due(); due != WatchdogPinger::TimePoint::max())
                wait = std::min<long long>(
                    wait,
                    std::chrono::duration_cast<std::chrono::milliseconds>(due - Steady::now()).count() + 1);
            timeout_ms = static_cast<int>(std::clamp<long long>(wait, 0, 60000));
        }
        SDL_Event event;
        bool got = busy ? SDL_PollEvent(&event) : waiter_->wait(event, timeout_ms);
        while (got) {
            if (event.type == SDL_QUIT)
                quit_ = true;
            else if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
                int w, h;
                SDL_GL_GetDrawableSize(window_.sdl(), &w, &h);
                input_.set_window_size(w, h);
                frames_needed_ = std::max(frames_needed_, 2);
            } else if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_EXPOSED) {
                frames_needed_ = std::max(frames_needed_, 1);
            } else if (input_.handle(event)) {
                controller_->note_activity();
                frames_needed_ = std::max(frames_needed_, 2);
            }
            got = SDL_PollEvent(&event);
        }
        if (completions_.drain() > 0) frames_needed_ = std::max(frames_needed_, 2);
        if (central_) {
            if (auto layer = central_->take()) apply_central_layer(std::move(*layer));
        }
        if (auto keys = input_.take_keys(); !keys.empty()) {
            controller_->note_activity();
            for (auto& feature : features_)
                keys = feature->filter_keys(std::move(keys));
            controller_->on_keys(keys);
            frames_needed_ = std::max(frames_needed_, 2);
        }
        // A feature whose deadline came changes what it shows (the end of a highlight): draw it.
        if (clock_.now() >= feature_deadline) frames_needed_ = std::max(frames_needed_, 1);
        feature_deadline = Clock::time_point::max();
        auto applied_before = controller_->applied();
        for (auto& feature : features_)
            feature_deadline = std::min(feature_deadline, feature->tick(clock_.now()));
        if (controller_->applied() != applied_before || completions_.pending() > 0)
            frames_needed_ = std::max(frames_needed_, 2);
        for (auto& feature : features_)
            if (auto* image = feature->live_preview(); image && previews_[feature.get()].update(*image))
                frames_needed_ = std::max(frames_needed_, 1);
        if (controller_->tick()) frames_needed_ = std::max(frames_needed_, 2);
        if (screenshots_.pending() && !capture_for_broker_) {
            if (screen_may_be_shared(controller_->model().screen())) {
                capture_for_broker_ = true; // the next frame drawn is read back
                frames_needed_ = std::max(frames_needed_, 1);
            } else {
                screenshots_.fulfil({net::ScreenshotReply::Kind::citizen_data, {}});
            }
        }

        if (!script_done && frames_needed_ == 0 && !input_.pending() && pending_screenshot_.empty()) {
            if (!script_->step()) script_done = true;
            // A scripted tap stands for a citizen's tap: it counts as activity for the idle reset, as a real
            // one does (SDL input above); otherwise a slow run is sent home in the middle of a session.
            if (input_.pending()) controller_->note_activity();
        }
        bool want_final_shot = script_done && !options_.screenshot_path.empty() && !final_shot_taken &&
                               frames_needed_ == 0 && !input_.pending();
        if (want_final_shot) {
            pending_screenshot_ = options_.screenshot_path;
            frames_needed_ = 1;
            final_shot_taken = true;
        }
        if (frames_needed_ > 0 || input_.pending() || !pending_screenshot_.empty()) {
            render_frame();
            if (frames_needed_ > 0) --frames_needed_;
            publish_health();
        }
        if (options_.startup_probe && presented_first_frame_) quit_ = true;
        bool finished_headless =
            (script_ || !options_.screenshot_path.empty()) && script_done &&
            (options_.screenshot_path.empty() || (final_shot_taken && pending_screenshot_.empty())) &&
            frames_needed_ == 0;
        if (finished_headless) quit_ = true;
    }
    watchdog_.stopping();
    central_.reset();
    logger_.flush();
    features_.clear();
    if (restart_requested_) {
        logger_.log(log::Level::notice, "kiosk.restart",
                    "restart asked for in set-up mode; exiting for the service manager");
        return 3; // deploy/systemd/motcua-kiosk.service: Restart=always
    }
    return finish_script();
}

} // namespace

int run_kiosk(const Options& options) {
    KioskApp app(options);
    return app.run();
}

} // namespace kiosk::app
