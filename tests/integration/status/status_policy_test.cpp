// The status server's security policy over real loopback HTTP(S): no public address without a token, the
// token on every data path, TLS with a certificate the test makes with the openssl command, header and rate
// limits, and /screenshot.png (409 while a citizen's data is on screen). Every wait is bounded.
#include "kiosk/net/status_server.hpp"

#include <httplib.h>

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <string>

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

constexpr const char* kToken = "fleet-token-42";

health::HealthSnapshot sample() {
    health::HealthSnapshot s;
    s.kiosk_id = "kiosk-policy";
    s.version = "0.1.0";
    return s;
}

std::unique_ptr<net::StatusServer> start(net::StatusServerOptions o,
                                         net::StatusServer::ScreenshotFn shot = {}) {
    o.port = 0;
    auto r = net::StatusServer::start(
        o, [] { return sample(); }, std::move(shot));
    EXPECT_TRUE(r.ok()) << r.error().kind << ": " << r.error().message;
    return r.ok() ? std::move(*r) : nullptr;
}

httplib::Client client(int port) {
    httplib::Client c("127.0.0.1", port);
    c.set_connection_timeout(2, 0);
    c.set_read_timeout(3, 0);
    return c;
}

httplib::Headers bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
}

// A self-signed certificate for 127.0.0.1 made by the openssl command in a fresh folder.
struct TestCertificate {
    fs::path dir;
    fs::path cert, key;
    bool ok = false;
    TestCertificate() {
        dir = fs::temp_directory_path() / ("kiosk-tls-" + std::to_string(::getpid()));
        fs::create_directories(dir);
        cert = dir / "cert.pem";
        key = dir / "key.pem";
        const std::string cmd = "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 "
                                "-addext subjectAltName=IP:127.0.0.1 -keyout '" +
                                key.string() + "' -out '" + cert.string() + "' >/dev/null 2>&1";
        ok = std::system(cmd.c_str()) == 0 && fs::exists(cert) && fs::exists(key);
    }
    ~TestCertificate() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

} // namespace

TEST(StatusPolicy, LoopbackAddressesAreRecognised) {
    for (const char* a : {"127.0.0.1", "127.8.9.10", "::1", "localhost"})
        EXPECT_TRUE(net::is_loopback_address(a)) << a;
    for (const char* a : {"0.0.0.0", "::", "192.168.1.20", "10.0.0.1", "128.0.0.1", "kiosk.local", ""})
        EXPECT_FALSE(net::is_loopback_address(a)) << a;
}

TEST(StatusPolicy, PublicAddressWithoutTokenIsRefused) {
    net::StatusServerOptions o;
    o.listen = "0.0.0.0";
    o.port = 0;
    auto r = net::StatusServer::start(o, [] { return sample(); });
    ASSERT_FALSE(r.ok()) << "served health data to the whole network without a token";
    EXPECT_EQ(r.error().kind, "policy");
    EXPECT_NE(r.error().message.find("0.0.0.0"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("status.token"), std::string::npos) << r.error().message;

    o.token = kToken; // with a token the same address is fine
    auto server = start(o);
    ASSERT_TRUE(server);
    auto res = client(server->port()).Get("/status");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401);
}

TEST(StatusPolicy, TlsServesWithTheTestCertificateAndRefusesPlainHttp) {
    TestCertificate certificate;
    ASSERT_TRUE(certificate.ok) << "openssl could not make a test certificate";
    net::StatusServerOptions o;
    o.token = kToken;
    o.tls_cert = certificate.cert.string();
    o.tls_key = certificate.key.string();
    auto server = start(o);
    ASSERT_TRUE(server);

    httplib::SSLClient tls("127.0.0.1", server->port());
    tls.set_ca_cert_path(certificate.cert.c_str());
    tls.enable_server_certificate_verification(true);
    tls.set_connection_timeout(2, 0);
    tls.set_read_timeout(3, 0);
    auto r = tls.Get("/status", bearer(kToken));
    ASSERT_TRUE(r) << httplib::to_string(r.error());
    EXPECT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("kiosk-policy"), std::string::npos);
    r = tls.Get("/metrics", bearer("wrong"));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401);

    auto plain = client(server->port()).Get("/healthz");
    EXPECT_TRUE(!plain || plain->status >= 400) << "plain HTTP answered on the TLS port";

    httplib::SSLClient untrusting("127.0.0.1", server->port()); // system CAs only: the self-signed cert fails
    untrusting.enable_server_certificate_verification(true);
    untrusting.set_connection_timeout(2, 0);
    EXPECT_FALSE(untrusting.Get("/healthz"));
}

TEST(StatusPolicy, BadTlsFilesAreClearErrors) {
    net::StatusServerOptions o;
    o.port = 0;
    o.tls_cert = "/nonexistent/cert.pem";
    auto r = net::StatusServer::start(o, [] { return sample(); });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, "invalid_option") << "a certificate without a key";

    o.tls_key = "/nonexistent/key.pem";
    r = net::StatusServer::start(o, [] { return sample(); });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, "tls");
    EXPECT_NE(r.error().message.find("/nonexistent/cert.pem"), std::string::npos) << r.error().message;

    TestCertificate certificate;
    ASSERT_TRUE(certificate.ok);
    o.tls_cert = certificate.cert.string();
    o.tls_key = certificate.cert.string(); // the certificate is not a key
    r = net::StatusServer::start(o, [] { return sample(); });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, "tls");
}

TEST(StatusPolicy, OversizedHeadersAre431) {
    net::StatusServerOptions o;
    o.token = kToken;
    auto server = start(o);
    ASSERT_TRUE(server);
    auto c = client(server->port());
    httplib::Headers many = bearer(kToken);
    for (int i = 0; i < 12; ++i)
        many.emplace("X-Filler-" + std::to_string(i), std::string(700, 'a'));
    auto r = c.Get("/status", many);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 431);
    r = c.Get("/status", bearer(kToken));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
}

TEST(StatusPolicy, RequestRateIsLimited) {
    net::StatusServerOptions o;
    o.rate_per_second = 1;
    o.rate_burst = 5;
    auto server = start(o);
    ASSERT_TRUE(server);
    auto c = client(server->port());
    int ok = 0, limited = 0;
    for (int i = 0; i < 12; ++i) {
        auto r = c.Get("/healthz");
        ASSERT_TRUE(r);
        if (r->status == 200) ++ok;
        if (r->status == 429) {
            ++limited;
            EXPECT_EQ(r->get_header_value("Retry-After"), "1");
        }
    }
    EXPECT_GE(ok, 5);
    EXPECT_LE(ok, 7) << "burst 5 at 1/s: a dozen quick requests cannot all pass";
    EXPECT_GE(limited, 5);
}

TEST(StatusPolicy, ScreenshotNeedsTheTokenAndIsRefusedWhileCitizenDataIsShown) {
    std::atomic<bool> citizen{false};
    const std::string png("\x89PNG\r\n\x1a\nfake-frame", 18);
    net::StatusServerOptions o;
    o.token = kToken;
    auto server = start(o, [&] {
        net::ScreenshotReply reply;
        if (citizen) {
            reply.kind = net::ScreenshotReply::Kind::citizen_data;
        } else {
            reply.kind = net::ScreenshotReply::Kind::png;
            reply.png = png;
        }
        return reply;
    });
    ASSERT_TRUE(server);
    auto c = client(server->port());
    auto r = c.Get("/screenshot.png");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401);
    r = c.Get("/screenshot.png", bearer(kToken));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->get_header_value("Content-Type"), "image/png");
    EXPECT_EQ(r->body, png);
    citizen = true;
    r = c.Get("/screenshot.png", bearer(kToken));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 409);
    EXPECT_EQ(r->body.find("PNG"), std::string::npos);

    auto without = start(o); // no screenshot source: the path does not exist
    ASSERT_TRUE(without);
    r = client(without->port()).Get("/screenshot.png", bearer(kToken));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404);
}
