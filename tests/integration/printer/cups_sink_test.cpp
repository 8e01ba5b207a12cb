// CupsSink against a real, private cupsd and a loopback ESC/POS printer: the printed bytes decode back to the
// rendered ticket (QR included), and every fault ends in the right PrintOutcome.
#include "drivers/printer/cups_sink.hpp"
#include "drivers/printer/escpos.hpp"
#include "drivers/printer/ticket_renderer.hpp"
#include "tests/integration/printer/cups_harness.hpp"
#include "tests/unit/printer/sample_tickets.hpp"

#include <ZXing/ReadBarcode.h>
#include <gtest/gtest.h>

#include <algorithm>

namespace kiosk::printer {
namespace {

using namespace std::chrono_literals;
using testing::LoopbackPrinter;
using testing::PrivateCupsd;

class CupsSinkTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        auto fonts = FontSet::load_from_assets(testing::assets_dir());
        if (fonts) fonts_ = new FontSet(std::move(fonts.value()));
        auto c = PrivateCupsd::start();
        if (c)
            cupsd_ = c.value().release();
        else
            start_error_ = c.error().message;
    }
    static void TearDownTestSuite() {
        delete cupsd_;
        cupsd_ = nullptr;
        delete fonts_;
        fonts_ = nullptr;
    }
    void SetUp() override {
        // No skipping: a kiosk that cannot print through CUPS is broken, and so is this machine's setup.
        ASSERT_NE(fonts_, nullptr) << "fonts missing under " << testing::assets_dir();
        ASSERT_NE(cupsd_, nullptr) << "private cupsd did not start: " << start_error_;
    }

    // A fresh queue per test, so faults set by one test do not leak into another.
    std::string add_queue(const std::string& device_uri) {
        const std::string name = "kiosk_" + std::to_string(++queue_counter_);
        auto s = cupsd_->add_raw_queue(name, device_uri);
        EXPECT_TRUE(s.ok()) << s.error().message;
        return name;
    }

    static CupsSinkOptions options(const std::string& dest, int job_timeout_ms = 10000) {
        CupsSinkOptions o;
        o.server = cupsd_->server();
        o.destination = dest;
        o.job_timeout_ms = job_timeout_ms;
        return o;
    }

    static Raster ticket(PaperWidth paper) {
        auto r = render_ticket(paper == PaperWidth::mm80 ? testing::sample_ticket_80()
                                                         : testing::sample_ticket_58(),
                               paper, *fonts_);
        EXPECT_TRUE(r.ok());
        return r.ok() ? r.value() : Raster();
    }

    // Jobs CUPS still considers active (pending, held, processing) on a queue.
    static int active_jobs(const std::string& dest) {
        http_t* http = httpConnect2("127.0.0.1", std::stoi(cupsd_->server().substr(10)), nullptr, AF_INET,
                                    HTTP_ENCRYPTION_IF_REQUESTED, 1, 3000, nullptr);
        if (!http) return -1;
        cups_job_t* jobs = nullptr;
        const int n = cupsGetJobs2(http, &jobs, dest.c_str(), 0, CUPS_WHICHJOBS_ACTIVE);
        cupsFreeJobs(n, jobs);
        httpClose(http);
        return n;
    }

    static inline PrivateCupsd* cupsd_ = nullptr;
    static inline FontSet* fonts_ = nullptr;
    static inline std::string start_error_;
    static inline int queue_counter_ = 0;
};

std::string read_qr(const Raster& r) {
    const auto grey = to_grey(r);
    const auto res = ZXing::ReadBarcode({grey.data(), r.width(), r.height(), ZXing::ImageFormat::Lum},
                                        ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode));
    return res.isValid() ? res.text() : "";
}

TEST_F(CupsSinkTest, PrintedBytesDecodeToTheTicketAndItsQr) {
    for (PaperWidth paper : {PaperWidth::mm80, PaperWidth::mm58}) {
        LoopbackPrinter printer;
        const std::string q = add_queue(printer.uri());
        CupsSink sink(options(q));
        EXPECT_TRUE(sink.status().ready());
        const Raster raster = ticket(paper);
        const PrintOutcome out = sink.print({raster, "A015"});
        ASSERT_TRUE(out.ok()) << fault_code(out.fault) << ": " << out.detail << "\n"
                              << cupsd_->error_log_tail();
        EXPECT_EQ(out.location.rfind(q + "#", 0), 0u) << out.location;

        auto bytes = printer.wait_job(5s);
        ASSERT_TRUE(bytes.has_value()) << "the loopback printer got no job";
        EXPECT_EQ(*bytes, encode_escpos(raster)) << "CUPS must pass raw bytes through unchanged";
        auto decoded = decode_escpos(*bytes);
        ASSERT_TRUE(decoded.ok()) << decoded.error().message;
        EXPECT_TRUE(decoded->raster == raster);
        EXPECT_EQ(decoded->cut, CutMode::partial);
        EXPECT_EQ(read_qr(decoded->raster),
                  paper == PaperWidth::mm80 ? "MC-20261127-A015" : "MC-20261127-B007");
    }
}

TEST_F(CupsSinkTest, ListsDestinationsWithStateAndReasons) {
    LoopbackPrinter printer;
    const std::string q = add_queue(printer.uri());
    ASSERT_TRUE(cupsd_->set_reasons(q, {"media-low-warning"}).ok());
    auto list = list_cups_destinations(options(q));
    ASSERT_TRUE(list.ok()) << list.error().message;
    auto it = std::find_if(list->begin(), list->end(), [&](const CupsDestination& d) { return d.name == q; });
    ASSERT_NE(it, list->end());
    EXPECT_EQ(it->state, "idle");
    EXPECT_TRUE(it->accepting);
    EXPECT_EQ(it->device_uri, printer.uri());
    EXPECT_EQ(it->reasons, std::vector<std::string>{"media-low-warning"});
    EXPECT_EQ(it->fault, Fault::none); // low paper warns, it does not block
}

TEST_F(CupsSinkTest, StoppedQueueIsRefusedBeforeSubmitting) {
    LoopbackPrinter printer;
    const std::string q = add_queue(printer.uri());
    ASSERT_TRUE(cupsd_->tool({"cupsdisable", q}).ok());
    CupsSink sink(options(q));
    EXPECT_EQ(sink.status().fault, Fault::stopped);
    const PrintOutcome out = sink.print({ticket(PaperWidth::mm58), "B1"});
    EXPECT_EQ(out.fault, Fault::stopped) << out.detail;
    EXPECT_NE(out.detail.find("stopped"), std::string::npos) << out.detail;
    EXPECT_EQ(active_jobs(q), 0) << "nothing may be queued behind a stopped printer";

    ASSERT_TRUE(cupsd_->tool({"cupsenable", q}).ok());
    EXPECT_TRUE(sink.print({ticket(PaperWidth::mm58), "B2"}).ok());
    EXPECT_TRUE(printer.wait_job(5s).has_value());
    EXPECT_EQ(printer.connections(), 1);
}

TEST_F(CupsSinkTest, PrinterReasonsBecomeTypedFaults) {
    LoopbackPrinter printer;
    const std::string q = add_queue(printer.uri());
    CupsSink sink(options(q));
    const std::pair<std::vector<std::string>, Fault> cases[] = {
        {{"media-empty-error"}, Fault::out_of_paper}, {{"media-needed"}, Fault::out_of_paper},
        {{"offline-report"}, Fault::offline},         {{"media-jam-error"}, Fault::paper_jam},
        {{"cover-open-error"}, Fault::cover_open},
    };
    for (const auto& [reasons, fault] : cases) {
        ASSERT_TRUE(cupsd_->set_reasons(q, reasons).ok());
        EXPECT_EQ(sink.status().fault, fault) << reasons[0];
        const PrintOutcome out = sink.print({ticket(PaperWidth::mm80), "A2"});
        EXPECT_EQ(out.fault, fault) << reasons[0] << ": " << out.detail;
        EXPECT_NE(out.detail.find(reasons[0]), std::string::npos) << out.detail;
    }
    EXPECT_EQ(printer.connections(), 0);
    EXPECT_EQ(active_jobs(q), 0);
    ASSERT_TRUE(cupsd_->set_reasons(q, {}).ok());
    EXPECT_TRUE(sink.print({ticket(PaperWidth::mm80), "A3"}).ok());
}

TEST_F(CupsSinkTest, RejectingQueueIsNotAccepting) {
    LoopbackPrinter printer;
    const std::string q = add_queue(printer.uri());
    ASSERT_TRUE(cupsd_->tool({"cupsreject", q}).ok());
    CupsSink sink(options(q));
    EXPECT_EQ(sink.print({ticket(PaperWidth::mm58), "C1"}).fault, Fault::not_accepting);
}

TEST_F(CupsSinkTest, MissingPrinter) {
    CupsSink sink(options("no_such_queue"));
    EXPECT_EQ(sink.status().fault, Fault::printer_missing);
    const PrintOutcome out = sink.print({ticket(PaperWidth::mm58), "D1"});
    EXPECT_EQ(out.fault, Fault::printer_missing);
    EXPECT_NE(out.detail.find("no_such_queue"), std::string::npos) << out.detail;
}

TEST_F(CupsSinkTest, RefusingPrinterTimesOutAsStuckAndIsCancelled) {
    const std::string q = add_queue("socket://127.0.0.1:" + std::to_string(testing::free_loopback_port()));
    CupsSink sink(options(q, 1500));
    const auto t0 = std::chrono::steady_clock::now();
    const PrintOutcome out = sink.print({ticket(PaperWidth::mm58), "E1"});
    const auto took = std::chrono::steady_clock::now() - t0;
    EXPECT_EQ(out.fault, Fault::job_stuck) << out.detail;
    EXPECT_GE(took, 1500ms);
    EXPECT_LT(took, 4s);
    EXPECT_EQ(active_jobs(q), 0) << "a timed-out ticket must not print later";
}

TEST_F(CupsSinkTest, StalledPrinterTimesOutAsStuck) {
    LoopbackPrinter printer(LoopbackPrinter::Mode::stall);
    const std::string q = add_queue(printer.uri());
    CupsSink sink(options(q, 1500));
    const PrintOutcome out = sink.print({ticket(PaperWidth::mm80), "F1"});
    EXPECT_EQ(out.fault, Fault::job_stuck) << out.detail;
    EXPECT_EQ(printer.connections(), 1);
    EXPECT_EQ(active_jobs(q), 0);
}

TEST_F(CupsSinkTest, PrinterDisappearingMidJobFails) {
    LoopbackPrinter printer(LoopbackPrinter::Mode::disappear);
    const std::string q = add_queue(printer.uri());
    CupsSink sink(options(q, 8000));
    // A job larger than what the loopback socket buffers can swallow (they grow to ~4 MB): a smaller one can
    // be taken whole by the kernel before the reset arrives, and then a raw queue has no way to know it was
    // lost.
    constexpr int kRows = 110000; // 576 dots wide: ~7.9 MB of raster
    Raster long_slip(576, kRows);
    long_slip.fill_rect(0, 0, 576, kRows);
    const PrintOutcome out = sink.print({long_slip, "G1"});
    EXPECT_EQ(out.fault, Fault::job_failed) << fault_code(out.fault) << ": " << out.detail;
    EXPECT_NE(out.detail.find("aborted"), std::string::npos) << out.detail;
    EXPECT_EQ(active_jobs(q), 0);
}

TEST_F(CupsSinkTest, CupsDownIsServiceDown) {
    auto other = PrivateCupsd::start();
    ASSERT_TRUE(other.ok()) << other.error().message;
    LoopbackPrinter printer;
    ASSERT_TRUE(other.value()->add_raw_queue("kiosk", printer.uri()).ok());
    CupsSinkOptions o;
    o.server = other.value()->server();
    o.destination = "kiosk";
    o.connect_timeout_ms = 1000;
    CupsSink sink(o);
    EXPECT_TRUE(sink.status().ready());
    other.value()->stop();
    EXPECT_EQ(sink.status().fault, Fault::service_down);
    const auto t0 = std::chrono::steady_clock::now();
    const PrintOutcome out = sink.print({ticket(PaperWidth::mm58), "H1"});
    EXPECT_EQ(out.fault, Fault::service_down) << out.detail;
    EXPECT_NE(out.detail.find(o.server), std::string::npos) << out.detail;
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 2s);
    auto list = list_cups_destinations(o);
    ASSERT_FALSE(list.ok());
    EXPECT_EQ(list.error().kind, "service_down");
    EXPECT_EQ(printer.connections(), 0);
}

} // namespace
} // namespace kiosk::printer
