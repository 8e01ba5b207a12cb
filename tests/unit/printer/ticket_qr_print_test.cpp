// The printed queue ticket carries the rating QR (office, day, number, check value) and the check code under
// it, on both paper widths; the QR read back from the raster is exactly the payload the kiosk accepts.
#include "drivers/printer/png_io.hpp"
#include "drivers/printer/ticket_renderer.hpp"
#include "kiosk/core/queue/ticket_print_layout.hpp"
#include "kiosk/core/queue/ticket_qr.hpp"
#include "tests/unit/printer/sample_tickets.hpp"

#include <ZXing/ReadBarcode.h>
#include <gtest/gtest.h>

namespace kiosk::printer {
namespace {

std::string read_qr(const Raster& r) {
    const auto grey = to_grey(r);
    ZXing::ImageView view(grey.data(), r.width(), r.height(), ZXing::ImageFormat::Lum);
    const auto result =
        ZXing::ReadBarcode(view, ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode));
    return result.isValid() ? result.text() : std::string();
}

TEST(TicketQrPrint, PrintedQrIsTheRatingPayload) {
    auto fonts = FontSet::load_from_assets(testing::assets_dir());
    ASSERT_TRUE(fonts.ok()) << fonts.error().message;
    auto tr = i18n::Translator::load_dir(testing::assets_dir() / "i18n");
    ASSERT_TRUE(tr.ok());
    config::Config config;
    queue::Service service;
    service.code = "CT";
    service.name_vi = "Chứng thực";
    service.counters = {3, 4};
    queue::Ticket t;
    t.id = 42;
    t.office = config.office.office_id;
    t.service = "CT";
    t.day = {"2026-11-27"};
    t.display = "UT-B007";
    t.series = queue::Series::priority;
    t.priority = queue::PriorityKind::elderly;
    t.check = queue::random_check_value();
    const auto layout = queue::ticket_print_layout(t, service, 3, config, *tr, i18n::Lang::vi);
    EXPECT_EQ(layout.qr_payload, queue::ticket_qr_text(t));
    EXPECT_EQ(layout.qr_caption, "Mã kiểm tra: UT-B007 " + t.check);
    for (PaperWidth p : {PaperWidth::mm80, PaperWidth::mm58}) {
        auto r = render_ticket(layout, p, *fonts);
        ASSERT_TRUE(r.ok()) << r.error().message;
        const std::string read = read_qr(*r);
        EXPECT_EQ(read, queue::ticket_qr_text(t));
        auto parsed = queue::parse_ticket_qr(read);
        ASSERT_TRUE(parsed.ok());
        EXPECT_EQ(parsed->check, t.check);
    }
}

} // namespace
} // namespace kiosk::printer
