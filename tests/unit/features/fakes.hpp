#pragma once
// Doubles for feature tests: a PartsFactory that hands out in-memory parts (and counts how often each was
// opened), a Shell that keeps a screen stack, and a pump that runs the completion queue until a feature is
// idle. No window, no SDL, no real driver.

#include "drivers/printer/fake_layout_printer.hpp"
#include "drivers/scanner/fake_decoder.hpp"
#include "drivers/scanner/memory_frame_source.hpp"
#include "kiosk/core/catalog/memory_cache.hpp"
#include "kiosk/core/log/memory_sink.hpp"
#include "kiosk/core/queue/memory_rating_store.hpp"
#include "kiosk/core/queue/memory_ticket_store.hpp"
#include "kiosk/features/feature.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <thread>

namespace kiosk::test {

class FakeDossierSource final : public dossier::DossierSource {
  public:
    std::map<std::string, dossier::Dossier> dossiers;
    std::chrono::milliseconds delay{0};
    std::atomic<int> lookups{0};
    [[nodiscard]] Result<dossier::Dossier> lookup(const dossier::DossierCode& code) override {
        ++lookups;
        std::this_thread::sleep_for(delay);
        auto it = dossiers.find(code.str());
        if (it == dossiers.end()) return make_error("not_found", "no such dossier");
        return it->second;
    }
};

// Statistics over a MemoryTicketStore's tickets and a MemoryRatingStore's ratings (every day at once).
class FakeStats final : public report::StatsSource {
  public:
    FakeStats(std::shared_ptr<queue::MemoryTicketStore> t, std::shared_ptr<queue::MemoryRatingStore> r)
        : tickets_(std::move(t)), ratings_(std::move(r)) {}
    [[nodiscard]] Result<std::vector<report::TicketFact>> ticket_facts(const report::StatsQuery&) override {
        std::lock_guard a(tickets_->m), b(ratings_->m);
        std::vector<report::TicketFact> out;
        for (const auto& t : tickets_->tickets) {
            report::TicketFact f;
            f.service = t.service;
            f.state = t.state;
            for (const auto& r : ratings_->ratings)
                if (r.ticket_id == t.id) f.rating = static_cast<int>(r.level);
            out.push_back(f);
        }
        return out;
    }

  private:
    std::shared_ptr<queue::MemoryTicketStore> tickets_;
    std::shared_ptr<queue::MemoryRatingStore> ratings_;
};

class FakeParts final : public runtime::PartsFactory {
  public:
    explicit FakeParts(const config::Config& config, std::filesystem::path state = "/nonexistent-state")
        : plan_(runtime::plan_parts(config, state)) {}

    std::shared_ptr<queue::MemoryTicketStore> tickets = std::make_shared<queue::MemoryTicketStore>();
    std::shared_ptr<FakeDossierSource> dossiers = std::make_shared<FakeDossierSource>();
    std::shared_ptr<catalog::MemoryCatalogCache> cache = std::make_shared<catalog::MemoryCatalogCache>();
    std::shared_ptr<printer::FakeLayoutPrinter> printer_double =
        std::make_shared<printer::FakeLayoutPrinter>();
    std::shared_ptr<queue::MemoryRatingStore> ratings = std::make_shared<queue::MemoryRatingStore>();
    std::optional<Error> ticket_store_error;
    mutable std::atomic<int> ticket_store_opens{0}, dossier_source_opens{0}, catalog_cache_opens{0};

    [[nodiscard]] const runtime::PartsPlan& plan() const override { return plan_; }
    [[nodiscard]] Result<std::shared_ptr<queue::TicketStore>> open_ticket_store() const override {
        ++ticket_store_opens;
        if (ticket_store_error) return *ticket_store_error;
        return std::shared_ptr<queue::TicketStore>(tickets);
    }
    [[nodiscard]] Result<runtime::RatingParts> open_rating_stats() const override {
        if (ticket_store_error) return *ticket_store_error;
        return runtime::RatingParts{ratings, std::make_shared<FakeStats>(tickets, ratings)};
    }
    [[nodiscard]] Result<std::shared_ptr<dossier::DossierSource>> open_dossier_source() const override {
        ++dossier_source_opens;
        return std::shared_ptr<dossier::DossierSource>(dossiers);
    }
    [[nodiscard]] Result<std::shared_ptr<catalog::CatalogCacheStore>> open_catalog_cache() const override {
        ++catalog_cache_opens;
        return std::shared_ptr<catalog::CatalogCacheStore>(cache);
    }
    [[nodiscard]] Result<std::unique_ptr<catalog::CatalogFetcher>> open_catalog_fetcher() const override {
        return make_error("config", "no gateway in tests");
    }
    [[nodiscard]] Result<std::shared_ptr<printer::LayoutPrinter>> printer() const override {
        return std::shared_ptr<printer::LayoutPrinter>(printer_double);
    }
    // The camera sees `camera_frames` over and over; the decoder reads `camera_text` in every frame.
    std::vector<scanner::Frame> camera_frames;
    std::string camera_text;
    mutable std::atomic<int> camera_opens{0};
    [[nodiscard]] Result<std::unique_ptr<scanner::FrameSource>> open_camera() const override {
        ++camera_opens;
        return std::unique_ptr<scanner::FrameSource>(
            std::make_unique<scanner::MemoryFrameSource>(camera_frames, !camera_frames.empty()));
    }
    [[nodiscard]] Result<std::unique_ptr<scanner::CodeDecoder>> make_decoder() const override {
        std::string text = camera_text;
        return std::unique_ptr<scanner::CodeDecoder>(
            std::make_unique<scanner::FakeDecoder>([text](const scanner::Frame&) { return text; }));
    }

  private:
    runtime::PartsPlan plan_;
};

// Keeps a stack of screen ids and tells the feature under test about enter/leave like the app's shell.
class FakeShell final : public features::Shell {
  public:
    features::Feature* feature = nullptr;
    std::vector<std::string> stack{ui::kHomeScreen};
    i18n::Lang language = i18n::Lang::vi;
    std::vector<ui::Command> requested;
    bool defer = false; // queue navigation until apply_deferred(), like the app's shell after a command
    std::vector<ui::Command> deferred;
    bool staff = false; // what staff_screen() says

    [[nodiscard]] std::string_view screen() const override { return stack.back(); }
    [[nodiscard]] bool staff_screen() const override { return staff; }
    [[nodiscard]] i18n::Lang lang() const override { return language; }
    void apply_deferred() {
        defer = false;
        for (auto& c : std::exchange(deferred, {}))
            request(c);
    }
    void request(ui::Command command) override {
        if (defer) return deferred.push_back(command);
        requested.push_back(command);
        if (const auto* nav = std::get_if<ui::Navigate>(&command)) go(nav->to);
        if (std::holds_alternative<ui::GoBack>(command)) back();
    }
    void go(const std::string& to) {
        if (feature && stack.back() != ui::kHomeScreen) feature->leave(stack.back());
        stack.push_back(to);
        if (feature) feature->enter(to, false);
    }
    void back() {
        if (feature && feature->back(stack.back())) return;
        if (stack.size() < 2) return;
        if (feature) feature->leave(stack.back());
        stack.pop_back();
        if (feature && stack.back() != ui::kHomeScreen) feature->enter(stack.back(), true);
    }
};

// Runs completions until `done()` holds (bounded: 5 s); for work that keeps going (a camera).
template <class Done> bool pump_until(tasks::CompletionQueue& completions, Done done) {
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < until) {
        completions.drain();
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
}

// Runs completions until the feature has no work in flight (bounded: 5 s).
inline bool pump(tasks::CompletionQueue& completions, const features::Feature& feature) {
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < until) {
        completions.drain();
        if (!feature.busy() && completions.pending() == 0) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return false;
}

// 09:00 Vietnam time on a Wednesday: every default service is open.
inline Clock::time_point office_morning() {
    using namespace std::chrono;
    return sys_days{year{2026} / 11 / 25} + hours{2};
}

// One feature under test with its doubles: a frozen office-morning clock, the default configuration, fake
// parts and a fake shell. prepare() runs before start() (fill the doubles there).
template <class F> struct FeatureFixture : ::testing::Test {
    ManualClock clock{office_morning()};
    i18n::Translator translator;
    tasks::CompletionQueue completions;
    FakeShell shell;
    log::MemorySink log_sink; // what the feature logged
    log::Logger logger{log_sink, clock};
    std::shared_ptr<const config::Config> config = std::make_shared<const config::Config>();
    std::shared_ptr<FakeParts> parts = std::make_shared<FakeParts>(*config);
    std::unique_ptr<F> feature;
    features::UiRegistry registry;

    virtual void prepare() {}
    void SetUp() override {
        prepare();
        feature = std::make_unique<F>(
            features::FeatureContext{config, parts, clock, translator, completions, shell, logger});
        shell.feature = feature.get();
        feature->register_ui(registry);
        feature->start();
        ASSERT_TRUE(pump(completions, *feature));
    }
    // The plan of a changed configuration compared with the fixture's.
    [[nodiscard]] runtime::PartsChange change_to(const config::Config& next) const {
        return runtime::compare_plans(parts->plan(), runtime::plan_parts(next, "/nonexistent-state"));
    }
};

} // namespace kiosk::test
