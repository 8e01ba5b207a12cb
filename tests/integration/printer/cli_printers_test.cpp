// kioskctl printers / print-test against a private cupsd and the PNG sink.
#include "drivers/printer/png_io.hpp"
#include "kiosk/cli/cmd_printers.hpp"
#include "tests/integration/printer/cups_harness.hpp"

#include <ZXing/ReadBarcode.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace kiosk::cli {
namespace {

using namespace std::chrono_literals;
using printer::testing::LoopbackPrinter;
using printer::testing::PrivateCupsd;

i18n::Translator printer_translations() {
    const auto path = std::filesystem::path(KIOSK_DEFAULT_ASSETS_DIR) / "i18n" / "printer.tsv";
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    i18n::Translator t;
    EXPECT_TRUE(t.add_table(ss.str(), path.string()).ok());
    return t;
}

struct CliRun {
    int code;
    std::string out, err;
};

CliRun run(int (*fn)(CliContext&), const config::Config& cfg, std::vector<std::string> args) {
    static const i18n::Translator tr = printer_translations();
    std::ostringstream out, err;
    const runtime::CompositionRoot root(std::make_shared<const config::Config>(cfg),
                                        std::filesystem::temp_directory_path() / "kiosk-cli-print-test");
    CliContext ctx{cfg, root, tr, std::move(args), out, err};
    const int code = fn(ctx);
    return {code, out.str(), err.str()};
}

class CliPrintTest : public ::testing::Test {
  protected:
    void SetUp() override {
        char tmpl[] = "/tmp/kiosk-cli-printer-XXXXXX";
        ASSERT_NE(::mkdtemp(tmpl), nullptr);
        dir_ = tmpl;
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::filesystem::path dir_;
};

TEST_F(CliPrintTest, PrintTestToPngWritesA58mmTicketWithQr) {
    config::Config cfg;
    const CliRun r = run(run_print_test, cfg, {"--png", dir_.string(), "--paper", "58", "--json"});
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_TRUE(j["ok"].get<bool>());
    EXPECT_EQ(j["paper_mm"], 58);
    auto png = printer::read_png(j["location"].get<std::string>());
    ASSERT_TRUE(png.ok()) << png.error().message;
    EXPECT_EQ(png->width(), 384);
    const auto grey = printer::to_grey(*png);
    const ZXing::ImageView view(grey.data(), png->width(), png->height(), ZXing::ImageFormat::Lum);
    const auto qr = ZXing::ReadBarcode(view, ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode));
    ASSERT_TRUE(qr.isValid());
    EXPECT_EQ(qr.text().rfind("TEST-" + cfg.office.kiosk_id + "-", 0), 0u) << qr.text();
}

TEST(CliPrinters, UsageErrorsExit2) {
    config::Config cfg;
    EXPECT_EQ(run(run_print_test, cfg, {"--paper", "72"}).code, 2);
    EXPECT_EQ(run(run_print_test, cfg, {"--png", "/tmp/x", "--cups", "Q"}).code, 2);
    EXPECT_EQ(run(run_print_test, cfg, {"--bogus"}).code, 2);
    EXPECT_EQ(run(run_printers, cfg, {"--server"}).code, 2);
}

TEST(CliPrinters, ListsAndPrintsThroughARealCupsd) {
    auto cupsd = PrivateCupsd::start();
    ASSERT_TRUE(cupsd.ok()) << cupsd.error().message;
    LoopbackPrinter printer;
    ASSERT_TRUE(cupsd.value()->add_raw_queue("kiosk80", printer.uri()).ok());
    ASSERT_TRUE(cupsd.value()->add_raw_queue("spare", printer.uri()).ok());
    ASSERT_TRUE(cupsd.value()->tool({"cupsdisable", "spare"}).ok());
    config::Config cfg;
    cfg.printer.cups_destination = "kiosk80";
    const std::string server = cupsd.value()->server();

    const CliRun list = run(run_printers, cfg, {"--json", "--server", server});
    ASSERT_EQ(list.code, 0) << list.err;
    const auto j = nlohmann::json::parse(list.out);
    ASSERT_EQ(j["destinations"].size(), 2u);
    for (const auto& d : j["destinations"]) {
        if (d["name"] == "kiosk80") {
            EXPECT_EQ(d["state"], "idle");
            EXPECT_EQ(d["fault"], "none");
            EXPECT_TRUE(d["configured"].get<bool>());
        } else {
            EXPECT_EQ(d["state"], "stopped");
            EXPECT_EQ(d["fault"], "stopped");
            EXPECT_EQ(d["reasons"], nlohmann::json::array({"paused"}));
        }
    }
    const CliRun text = run(run_printers, cfg, {"--server", server});
    EXPECT_NE(text.out.find("* kiosk80  state=idle"), std::string::npos) << text.out;

    const CliRun printed = run(run_print_test, cfg, {"--cups", "kiosk80", "--server", server});
    EXPECT_EQ(printed.code, 0) << printed.err;
    EXPECT_TRUE(printer.wait_job(5s).has_value());

    const CliRun refused = run(run_print_test, cfg, {"--cups", "spare", "--server", server});
    EXPECT_EQ(refused.code, 1);
    EXPECT_NE(refused.err.find("stopped"), std::string::npos) << refused.err;
    EXPECT_NE(refused.err.find("Hàng đợi in đã bị dừng"), std::string::npos) << refused.err;

    cupsd.value()->stop();
    const CliRun down = run(run_printers, cfg, {"--json", "--server", server});
    EXPECT_EQ(down.code, 1);
    EXPECT_EQ(nlohmann::json::parse(down.out)["fault"], "service_down");
}

} // namespace
} // namespace kiosk::cli
