// The gateway client against a misbehaving loopback gateway: every failure ends, within the configured time,
// in a classified error that maps to a citizen-facing message key present in the translation table.
#include "test_gateway.hpp"

#include "kiosk/core/dossier/dossier_source.hpp"
#include "kiosk/core/i18n/translator.hpp"
#include "kiosk/net/gateway_client.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

using namespace kiosk;
using Clock = std::chrono::steady_clock;

namespace {

constexpr long kTotalMs = 800;
// Slack for scheduling on a loaded 2-core machine; a correctness bound, not a performance figure.
constexpr long kMarginMs = 700;

dossier::DossierCode code() {
    return *dossier::parse_dossier_code("H15.50.05.13-261008-0975");
}

net::GatewayOptions options(const std::string& base) {
    net::GatewayOptions o;
    o.base_url = base;
    o.token = "test-token-123";
    o.connect_timeout_ms = 300;
    o.total_timeout_ms = kTotalMs;
    o.max_response_bytes = 1 << 20;
    o.retries = 2;
    o.backoff_ms = 50;
    return o;
}

std::unique_ptr<net::GatewayClient> client(const std::string& base) {
    auto c = net::GatewayClient::create(options(base));
    EXPECT_TRUE(c.ok()) << c.error().message;
    return std::move(*c);
}

const i18n::Translator& translations() {
    static const i18n::Translator tr = [] {
        i18n::Translator t;
        std::ifstream in(std::string(KIOSK_DEFAULT_ASSETS_DIR) + "/i18n/dossier.tsv", std::ios::binary);
        const std::string text((std::istreambuf_iterator<char>(in)), {});
        EXPECT_TRUE(t.add_table(text, "dossier.tsv").ok());
        return t;
    }();
    return tr;
}

struct Outcome {
    Result<dossier::Dossier> result;
    long elapsed_ms;
};

Outcome timed_lookup(net::GatewayClient& c) {
    const auto start = Clock::now();
    auto r = c.lookup(code());
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
    return {std::move(r), static_cast<long>(ms)};
}

// The error kind, after checking the bound on time and that citizens get a specific, translated message.
std::string failure_kind(const Outcome& o) {
    EXPECT_LE(o.elapsed_ms, kTotalMs + kMarginMs);
    if (o.result.ok()) return "OK";
    const std::string key = dossier::citizen_message_key(o.result.error().kind);
    EXPECT_NE(key, "dossier.error.generic") << o.result.error().kind;
    EXPECT_TRUE(translations().has(key)) << key;
    EXPECT_FALSE(o.result.error().message.empty());
    return o.result.error().kind;
}

} // namespace

TEST(GatewayClient, AnswersCorrectlyAndSendsTheToken) {
    test::TestGateway gw;
    auto c = client(gw.base("ok"));
    const auto o = timed_lookup(*c);
    ASSERT_TRUE(o.result.ok()) << o.result.error().message;
    EXPECT_EQ(o.result->code, code());
    EXPECT_EQ(o.result->status, dossier::DossierStatus::processing);
    EXPECT_EQ(o.result->applicant_name, "Nguyễn Văn Thử");
    EXPECT_EQ(gw.last_authorization(), "Bearer test-token-123");
    EXPECT_EQ(gw.requests.load(), 1);
}

TEST(GatewayClient, SlowServerTimesOutWithinTheBudget) {
    test::TestGateway gw;
    auto c = client(gw.base("slow"));
    const auto o = timed_lookup(*c);
    EXPECT_EQ(failure_kind(o), "timeout");
    EXPECT_GE(o.elapsed_ms, kTotalMs - 50); // it did wait for the server, not give up early
    EXPECT_EQ(gw.requests.load(), 1);       // a timed-out request is not retried: no budget left
}

TEST(GatewayClient, RefusedConnectionIsRetriedThenReported) {
    const int port = test::closed_port();
    auto c = client("http://127.0.0.1:" + std::to_string(port));
    const auto o = timed_lookup(*c);
    EXPECT_EQ(failure_kind(o), "refused");
    EXPECT_EQ(dossier::citizen_message_key("refused"), "dossier.error.unreachable");
    // Three attempts with 50 + 100 ms back-off in between.
    EXPECT_GE(o.elapsed_ms, 140);
}

TEST(GatewayClient, NotFoundIsNeverRetried) {
    test::TestGateway gw;
    auto c = client(gw.base("404"));
    EXPECT_EQ(failure_kind(timed_lookup(*c)), "not_found");
    EXPECT_EQ(gw.requests.load(), 1);
}

TEST(GatewayClient, ServerErrors) {
    test::TestGateway gw;
    auto c500 = client(gw.base("500"));
    EXPECT_EQ(failure_kind(timed_lookup(*c500)), "server");
    EXPECT_EQ(gw.requests.load(), 1); // 500 is a server bug, not transient
    gw.requests = 0;
    auto c503 = client(gw.base("503"));
    EXPECT_EQ(failure_kind(timed_lookup(*c503)), "server");
    EXPECT_EQ(gw.requests.load(), 3); // 1 + retries
}

TEST(GatewayClient, TransientUnavailabilityRecovers) {
    test::TestGateway gw;
    auto c = client(gw.base("flaky"));
    const auto o = timed_lookup(*c);
    ASSERT_TRUE(o.result.ok()) << o.result.error().message;
    EXPECT_EQ(gw.requests.load(), 3);
}

TEST(GatewayClient, AuthAndRateLimit) {
    test::TestGateway gw;
    auto c401 = client(gw.base("401"));
    EXPECT_EQ(failure_kind(timed_lookup(*c401)), "auth");
    auto c429 = client(gw.base("429"));
    EXPECT_EQ(failure_kind(timed_lookup(*c429)), "rate_limited");
    EXPECT_EQ(gw.requests.load(), 2);
}

TEST(GatewayClient, GarbageJsonIsInvalidResponse) {
    test::TestGateway gw;
    auto c = client(gw.base("garbage"));
    EXPECT_EQ(failure_kind(timed_lookup(*c)), "invalid_response");
}

TEST(GatewayClient, HtmlCaptivePortalIsInvalidResponse) {
    test::TestGateway gw;
    auto c = client(gw.base("html"));
    EXPECT_EQ(failure_kind(timed_lookup(*c)), "invalid_response");
}

TEST(GatewayClient, AnswerForAnotherCodeIsRejected) {
    test::TestGateway gw;
    auto c = client(gw.base("mismatch"));
    EXPECT_EQ(failure_kind(timed_lookup(*c)), "code_mismatch");
}

TEST(GatewayClient, RedirectIsNotFollowed) {
    test::TestGateway gw;
    auto c = client(gw.base("redirect"));
    EXPECT_EQ(failure_kind(timed_lookup(*c)), "invalid_response");
    EXPECT_EQ(gw.requests.load(), 1);
}

TEST(GatewayClient, FiftyMegabyteBodyIsCutOff) {
    test::TestGateway gw;
    for (const char* mode : {"huge", "huge_chunked"}) {
        auto c = client(gw.base(mode));
        EXPECT_EQ(failure_kind(timed_lookup(*c)), "too_large") << mode;
    }
}

TEST(GatewayClient, TruncatedBodyIsATransportError) {
    test::TestGateway gw;
    auto c = client(gw.base("truncated"));
    EXPECT_EQ(failure_kind(timed_lookup(*c)), "transport");
    EXPECT_EQ(gw.requests.load(), 3); // an idempotent GET cut short is retried
}

TEST(GatewayClient, TlsToAPlainServerFailsAsTls) {
    test::TestGateway gw;
    // curl counts the TLS handshake as part of connecting: the plain server's "400" to the ClientHello must
    // arrive within the connect timeout, which 300 ms does not guarantee under TSan on a loaded machine.
    auto o = options("https://127.0.0.1:" + std::to_string(gw.port()) + "/ok");
    o.connect_timeout_ms = 3000;
    o.total_timeout_ms = 5000;
    auto c = net::GatewayClient::create(o);
    ASSERT_TRUE(c.ok()) << c.error().message;
    const auto out = timed_lookup(**c);
    ASSERT_FALSE(out.result.ok());
    EXPECT_EQ(out.result.error().kind, "tls") << out.result.error().message;
}

TEST(GatewayClient, CatalogWithEtag) {
    test::TestGateway gw;
    auto c = client(gw.base("ok"));
    catalog::CatalogFetcher& fetcher = *c; // what catalog::CatalogSync drives
    auto first = fetcher.fetch("");
    ASSERT_EQ(first.kind, catalog::FetchResult::Kind::body) << first.error.message;
    EXPECT_EQ(first.etag, "\"v1\"");
    EXPECT_NE(first.body.find("motcua-catalog/1"), std::string::npos);
    auto second = fetcher.fetch(first.etag);
    EXPECT_EQ(second.kind, catalog::FetchResult::Kind::not_modified) << second.error.message;
    EXPECT_TRUE(second.body.empty());
}

TEST(GatewayClient, CatalogErrorsAreClassifiedToo) {
    auto kind_of = [](net::GatewayClient& c) {
        const auto start = Clock::now();
        auto r = c.fetch("\"v0\"");
        EXPECT_LE(Clock::now() - start, std::chrono::milliseconds(kTotalMs + kMarginMs));
        return r.kind == catalog::FetchResult::Kind::error ? r.error.kind : std::string("no error");
    };
    EXPECT_EQ(kind_of(*client("http://127.0.0.1:" + std::to_string(test::closed_port()))), "refused");
    test::TestGateway gw;
    EXPECT_EQ(kind_of(*client(gw.base("500"))), "server");
    EXPECT_EQ(kind_of(*client(gw.base("html"))), "invalid_response");
    EXPECT_EQ(kind_of(*client(gw.base("truncated"))), "transport");
    EXPECT_EQ(kind_of(*client(gw.base("huge"))), "too_large");
}

TEST(GatewayClient, OptionsAreChecked) {
    auto kind = [](net::GatewayOptions o) {
        auto c = net::GatewayClient::create(std::move(o));
        return c ? std::string("OK") : c.error().kind + ": " + c.error().message;
    };
    EXPECT_EQ(kind(options("https://gateway.example.vn/api/")), "OK");
    EXPECT_NE(kind(options("http://gateway.example.vn")).find("loopback"), std::string::npos);
    EXPECT_NE(kind(options("ftp://127.0.0.1")).find("config"), std::string::npos);
    EXPECT_NE(kind(options("https://user@gateway.example.vn")).find("config"), std::string::npos);
    EXPECT_NE(kind(options("https://gateway.example.vn/?x=1")).find("config"), std::string::npos);
    auto o = options("https://gateway.example.vn");
    o.token = "abc\r\nX-Evil: 1";
    EXPECT_NE(kind(o).find("token"), std::string::npos);
    o = options("https://gateway.example.vn");
    o.retries = 50;
    EXPECT_NE(kind(o).find("retries"), std::string::npos);
}

TEST(HttpClient, SizeCapAbortsAChunkedTransferEarly) {
    test::TestGateway gw;
    net::HttpClient http({"", 300, 5000, 64 * 1024, "test"});
    const auto start = Clock::now();
    auto r = http.get({gw.base("huge_chunked") + "/v1/dossiers/x", {}, 0, 0});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, "too_large");
    EXPECT_NE(r.error().message.find("65536"), std::string::npos) << r.error().message;
    EXPECT_LT(Clock::now() - start, std::chrono::seconds(3)); // did not read 50 MB first
}

TEST(HttpClient, OversizeHeadersCountAgainstTheCap) {
    test::TestGateway gw;
    net::HttpClient http({"", 300, 2000, 64 * 1024, "test"});
    auto r = http.get({gw.base("bigheaders") + "/v1/dossiers/H15-261008-0001", {}, 0, 0});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, "too_large");
}

TEST(HttpClient, ReturnsStatusBodyAndHeaders) {
    test::TestGateway gw;
    net::HttpClient http({"", 300, 2000, 1 << 20, "test"});
    auto r = http.get({gw.base("ok") + "/v1/catalog", {{"X-Test", "1"}}, 0, 0});
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->headers.at("etag"), "\"v1\"");
    EXPECT_EQ(r->headers.at("content-type"), "application/json");
    auto bad = http.get({gw.base("ok") + "/v1/catalog", {{"X-Test", "1\r\nX-Injected: 1"}}, 0, 0});
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().kind, "bad_url");
}
