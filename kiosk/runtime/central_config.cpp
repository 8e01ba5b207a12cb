#include "kiosk/runtime/central_config.hpp"

#include <toml++/toml.h>

#include <fstream>
#include <sstream>

namespace kiosk::runtime {
namespace {

void merge_into(toml::table& base, const toml::table& top) {
    for (const auto& [key, value] : top) {
        auto* base_table = base.get_as<toml::table>(key);
        const auto* top_table = value.as_table();
        if (base_table && top_table) {
            merge_into(*base_table, *top_table);
        } else {
            base.insert_or_assign(key, value);
        }
    }
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

Status write_atomically(const std::filesystem::path& p, const std::string& text) {
    const auto tmp = p.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out.flush()) return make_error("io", "cannot write " + tmp);
    }
    std::error_code ec;
    std::filesystem::rename(tmp, p, ec);
    if (ec) return make_error("io", "cannot replace " + p.string() + ": " + ec.message());
    return Ok{};
}

} // namespace

Result<std::string> merge_layers(std::string_view central, std::string_view site) {
    toml::table base, top;
    try {
        base = toml::parse(central, std::string_view("central"));
    } catch (const toml::parse_error& e) {
        return make_error("central_syntax", std::string(e.description()));
    }
    try {
        top = toml::parse(site, std::string_view("site"));
    } catch (const toml::parse_error& e) {
        return make_error("site_syntax", std::string(e.description()));
    }
    merge_into(base, top);
    std::ostringstream out;
    out << base;
    return out.str();
}

std::vector<config::Problem> check_central_layer(std::string_view text) {
    auto loaded = config::load_config_text(text, "central");
    auto problems = std::move(loaded.problems);
    if (!problems.empty()) return problems;
    try {
        const auto table = toml::parse(text, std::string_view("central"));
        for (const char* forbidden : {"fleet", "paths"}) {
            if (table.contains(forbidden)) {
                problems.push_back(
                    {"central", 0, forbidden,
                     std::string("[") + forbidden + "] may only be set on site, not centrally"});
            }
        }
    } catch (const toml::parse_error& e) {
        problems.push_back({"central", 0, "", std::string(e.description())});
    }
    return problems;
}

std::optional<CentralLayer> load_cached_layer(const std::filesystem::path& state_dir) {
    const auto dir = state_dir / "central";
    std::error_code ec;
    if (!std::filesystem::exists(dir / "layer.toml", ec)) return std::nullopt;
    CentralLayer layer{read_file(dir / "layer.toml"), read_file(dir / "layer.etag")};
    if (!check_central_layer(layer.toml).empty()) return std::nullopt; // a damaged cache is ignored
    return layer;
}

Status save_cached_layer(const std::filesystem::path& state_dir, const CentralLayer& layer) {
    const auto dir = state_dir / "central";
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (auto s = write_atomically(dir / "layer.toml", layer.toml); !s) return s;
    return write_atomically(dir / "layer.etag", layer.etag);
}

CentralFetch fetch_central_layer(const net::HttpClient& http, const std::string& url,
                                 const std::string& token, const std::string& etag) {
    CentralFetch out;
    net::HttpRequest request{url, {}, 0, 0};
    request.headers.emplace_back("Accept", "application/toml, text/plain");
    if (!token.empty()) request.headers.emplace_back("Authorization", "Bearer " + token);
    if (!etag.empty()) request.headers.emplace_back("If-None-Match", etag);
    auto r = http.get(request);
    if (!r) {
        out.detail = r.error().kind + ": " + r.error().message;
        return out;
    }
    if (r->status == 304) {
        out.kind = CentralFetch::Kind::not_modified;
        return out;
    }
    if (r->status != 200) {
        out.detail = url + " answered " + std::to_string(r->status);
        return out;
    }
    auto problems = check_central_layer(r->body);
    if (!problems.empty()) {
        out.kind = CentralFetch::Kind::rejected;
        for (const auto& p : problems)
            out.detail += (out.detail.empty() ? "" : "; ") + p.to_string();
        return out;
    }
    out.kind = CentralFetch::Kind::fetched;
    out.layer.toml = std::move(r->body);
    auto tag = r->headers.find("etag");
    if (tag != r->headers.end()) out.layer.etag = tag->second;
    return out;
}

CentralConfigPoller::CentralConfigPoller(Options options, std::function<void()> wake)
    : options_(std::move(options)), wake_(std::move(wake)), http_(options_.http) {
    thread_ = std::thread([this] { run(); });
}

CentralConfigPoller::~CentralConfigPoller() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

std::optional<CentralFetch> CentralConfigPoller::take() {
    std::lock_guard lock(mutex_);
    auto out = std::move(ready_);
    ready_.reset();
    return out;
}

std::string CentralConfigPoller::last_failure() const {
    std::lock_guard lock(mutex_);
    return last_failure_;
}

void CentralConfigPoller::run() {
    std::string etag = options_.etag;
    while (true) {
        auto fetch = fetch_central_layer(http_, options_.url, options_.token, etag);
        if (fetch.kind == CentralFetch::Kind::fetched && !options_.state_dir.empty()) {
            if (auto saved = save_cached_layer(options_.state_dir, fetch.layer); !saved)
                fetch.detail = "not cached: " + saved.error().message;
        }
        bool hand_over = false;
        {
            std::lock_guard lock(mutex_);
            last_failure_ = fetch.kind == CentralFetch::Kind::failed ? fetch.detail : "";
            if (fetch.kind == CentralFetch::Kind::fetched) etag = fetch.layer.etag;
            if (fetch.kind == CentralFetch::Kind::fetched || fetch.kind == CentralFetch::Kind::rejected) {
                ready_ = std::move(fetch);
                hand_over = true;
            }
        }
        if (hand_over && wake_) wake_();
        std::unique_lock lock(mutex_);
        if (cv_.wait_for(lock, options_.interval, [this] { return stopping_; })) return;
    }
}

} // namespace kiosk::runtime
