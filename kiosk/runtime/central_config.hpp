#pragma once
// The central configuration layer (fleet.config_url): a TOML document in the kiosk.toml format that a
// maintainer publishes for many kiosks. Layers, lowest first: embedded defaults < central < the on-site file
// < --set. This file holds the pure parts (merging, checking) and the I/O around them (one bounded HTTP GET
// with ETag, the cache in the state folder); ConfigStore::apply_central() publishes the result as a snapshot
// and CentralConfigPoller fetches on its own thread. Nothing here touches the UI.

#include "kiosk/core/config/loader.hpp"
#include "kiosk/core/util/result.hpp"
#include "kiosk/net/http_client.hpp"

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace kiosk::runtime {

struct CentralLayer {
    std::string toml;
    std::string etag;
};

// `site` on top of `central` (tables merge key by key, any other value — arrays of tables included — is
// replaced whole), rendered as TOML. Errors: kind "central_syntax" / "site_syntax".
[[nodiscard]] Result<std::string> merge_layers(std::string_view central, std::string_view site);

// A central layer on its own: valid TOML, every key known and in range, and no [fleet] or [paths] (a central
// layer must not redirect itself or the kiosk's files). Empty = acceptable. Origin "central".
[[nodiscard]] std::vector<config::Problem> check_central_layer(std::string_view toml);

// The cache: <state>/central/layer.toml and layer.etag.
[[nodiscard]] std::optional<CentralLayer> load_cached_layer(const std::filesystem::path& state_dir);
[[nodiscard]] Status save_cached_layer(const std::filesystem::path& state_dir, const CentralLayer& layer);

struct CentralFetch {
    enum class Kind { fetched, not_modified, failed, rejected };
    Kind kind = Kind::failed;
    CentralLayer layer; // when fetched
    std::string detail; // why failed / rejected
};

// One GET of `url` (If-None-Match: etag when given; Authorization: Bearer token when given). A 200 body is
// checked with check_central_layer() before it is returned as fetched.
[[nodiscard]] CentralFetch fetch_central_layer(const net::HttpClient& http, const std::string& url,
                                               const std::string& token, const std::string& etag);

// Polls the central layer every `interval` on its own thread (the first fetch at once) and leaves each new
// valid layer — or each refusal — for the UI thread to take(). `wake` is called when something is waiting.
class CentralConfigPoller {
  public:
    struct Options {
        std::string url, token;
        net::HttpOptions http;
        std::chrono::milliseconds interval{300000};
        std::string etag;                // of the cached layer
        std::filesystem::path state_dir; // a fetched layer is cached here (on the poller's thread)
    };
    CentralConfigPoller(Options options, std::function<void()> wake);
    ~CentralConfigPoller();
    CentralConfigPoller(const CentralConfigPoller&) = delete;
    CentralConfigPoller& operator=(const CentralConfigPoller&) = delete;

    // UI thread: the latest fetched or rejected outcome not yet taken (not_modified and failures to reach the
    // gateway are not handed over: nothing changes then).
    [[nodiscard]] std::optional<CentralFetch> take();
    // The last transport failure ("" when the last fetch reached the gateway).
    [[nodiscard]] std::string last_failure() const;

  private:
    void run();
    Options options_;
    std::function<void()> wake_;
    net::HttpClient http_;
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    bool stopping_ = false;
    std::optional<CentralFetch> ready_;
    std::string last_failure_;
    std::thread thread_;
};

} // namespace kiosk::runtime
