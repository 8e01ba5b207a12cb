#pragma once
// Sample ticket layouts with full Vietnamese diacritics, shared by the printer unit tests, the integration
// tests, the benchmark and the reference PNGs in tests/printer_ref/. Test data only.

#include "drivers/printer/font_set.hpp"
#include "kiosk/core/ticket/ticket_layout.hpp"

#include <filesystem>

namespace kiosk::printer::testing {

inline ticket::TicketLayout sample_ticket_80() {
    ticket::TicketLayout t;
    t.office_name = "UBND phường Cầu Giấy";
    t.office_subtitle = "Bộ phận Một cửa";
    t.service_name = "Chứng thực bản sao từ bản chính, chứng thực chữ ký";
    t.number_text = "A015";
    t.issued_text = "Giờ lấy số: 08:15 – 27/11/2026";
    t.people_ahead_text = "Trước ông/bà còn 4 người";
    t.counters_text = "Mời đến quầy số 1, 2";
    t.qr_payload = "MC-20261127-A015";
    t.qr_caption = "Mã phiếu: MC-20261127-A015";
    t.footer = "Cảm ơn ông/bà. Vui lòng chờ gọi số. Phiếu chỉ có giá trị trong ngày.";
    return t;
}

inline ticket::TicketLayout sample_ticket_58() {
    ticket::TicketLayout t;
    t.office_name = "UBND phường Cầu Giấy";
    t.office_subtitle = "Bộ phận Một cửa";
    t.service_name = "Đăng ký khai sinh";
    t.priority_label = "ƯU TIÊN";
    t.number_text = "B007";
    t.issued_text = "Giờ lấy số: 14:02 – 27/11/2026";
    t.people_ahead_text = "Trước ông/bà còn 0 người";
    t.counters_text = "Mời đến quầy số 3";
    t.extra_title = "Giấy tờ cần mang theo";
    t.extra_lines = {"• Tờ khai đăng ký khai sinh theo mẫu", "• Giấy chứng sinh (bản chính)",
                     "• Căn cước công dân của cha hoặc mẹ"};
    t.qr_payload = "MC-20261127-B007";
    t.qr_caption = "Mã phiếu: MC-20261127-B007";
    t.footer = "Cảm ơn ông/bà. Vui lòng chờ gọi số.";
    return t;
}

inline std::filesystem::path assets_dir() {
    return KIOSK_DEFAULT_ASSETS_DIR;
}

} // namespace kiosk::printer::testing
