// Adding the ticket printer from set-up, through the CUPS API (CUPS-Add-Modify-Printer), against a private
// cupsd and a loopback raw-socket printer: the queue is raw, enabled, accepting, aborts failed jobs, and a
// ticket printed through it arrives byte for byte. CUPS-Get-Devices answers (the usb backend finds no
// printer on a test machine; the call must still succeed and be bounded).
#include "drivers/printer/cups_admin.hpp"
#include "drivers/printer/escpos.hpp"
#include "tests/integration/printer/cups_harness.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace kiosk::printer {
namespace {

using namespace std::chrono_literals;
using testing::LoopbackPrinter;
using testing::PrivateCupsd;

TEST(CupsAdmin, AddsARawQueueThatPrintsBytesUnchanged) {
    auto cupsd = PrivateCupsd::start();
    ASSERT_TRUE(cupsd.ok()) << cupsd.error().message;
    LoopbackPrinter device;
    CupsSinkOptions server;
    server.server = cupsd.value()->server();
    auto added = add_raw_cups_queue(server, "kiosk-thermal", device.uri(), "Kiosk thermal printer");
    ASSERT_TRUE(added.ok()) << added.error().message << "\n" << cupsd.value()->error_log_tail();
    auto list = list_cups_destinations(server);
    ASSERT_TRUE(list.ok()) << list.error().message;
    auto it = std::find_if(list->begin(), list->end(),
                           [](const CupsDestination& d) { return d.name == "kiosk-thermal"; });
    ASSERT_NE(it, list->end());
    EXPECT_EQ(it->device_uri, device.uri());
    EXPECT_EQ(it->state, "idle");
    EXPECT_TRUE(it->accepting);
    EXPECT_EQ(it->info, "Kiosk thermal printer");

    CupsSinkOptions options = server;
    options.destination = "kiosk-thermal";
    CupsSink sink(options);
    Raster raster(64, 8);
    raster.set(3, 3, true);
    auto out = sink.print({raster, "TEST"});
    ASSERT_TRUE(out.ok()) << fault_code(out.fault) << ": " << out.detail;
    auto bytes = device.wait_job(5s);
    ASSERT_TRUE(bytes.has_value());
    EXPECT_EQ(*bytes, encode_escpos(raster)); // raw: no filter touched the bytes

    // Adding again modifies the same queue (the device moved to another port).
    LoopbackPrinter moved;
    ASSERT_TRUE(add_raw_cups_queue(server, "kiosk-thermal", moved.uri(), "Kiosk thermal printer").ok());
    list = list_cups_destinations(server);
    ASSERT_TRUE(list.ok());
    EXPECT_EQ(std::count_if(list->begin(), list->end(),
                            [](const CupsDestination& d) { return d.name == "kiosk-thermal"; }),
              1);
}

TEST(CupsAdmin, BadNamesAndUnreachableServersAreRefused) {
    CupsSinkOptions server;
    server.server = "127.0.0.1:" + std::to_string(testing::free_loopback_port());
    server.connect_timeout_ms = 500;
    EXPECT_EQ(add_raw_cups_queue(server, "bad name", "socket://127.0.0.1:9", "x").error().kind,
              "invalid_option");
    auto down = add_raw_cups_queue(server, "ok", "socket://127.0.0.1:9", "x");
    ASSERT_FALSE(down.ok());
    EXPECT_EQ(down.error().kind, "service_down");
}

TEST(CupsAdmin, DeviceDiscoveryAnswersWithinItsTimeout) {
    auto cupsd = PrivateCupsd::start();
    ASSERT_TRUE(cupsd.ok()) << cupsd.error().message;
    CupsSinkOptions server;
    server.server = cupsd.value()->server();
    auto start = std::chrono::steady_clock::now();
    auto devices = list_cups_devices(server, {"usb", "socket"}, 2);
    EXPECT_TRUE(devices.ok()) << devices.error().message;
    EXPECT_LT(std::chrono::steady_clock::now() - start, 15s);
    for (const auto& d : devices.value())
        EXPECT_TRUE(d.uri.rfind("usb:", 0) == 0 || d.uri.rfind("socket:", 0) == 0) << d.uri;
}

} // namespace
} // namespace kiosk::printer
