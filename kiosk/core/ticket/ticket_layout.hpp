#pragma once
// TicketLayout: what goes on a printed ticket, as plain already-translated text, top to bottom.
// The caller (queue/catalog code) fills it in the citizen's language; the printer driver only lays it out.
// It does not translate, format times, pick fonts, or know paper widths. An empty field is not printed,
// so the same struct also carries a checklist-only slip (no number, only extra lines).

#include <string>
#include <vector>

namespace kiosk::ticket {

struct TicketLayout {
    std::string office_name;              // e.g. "UBND phường Cầu Giấy"
    std::string office_subtitle;          // e.g. "Bộ phận Một cửa"
    std::string service_name;             // e.g. "Chứng thực bản sao"
    std::string number_text;              // e.g. "A015"; printed very large
    std::string priority_label;           // e.g. "ƯU TIÊN"; empty for a normal ticket
    std::string issued_text;              // e.g. "Giờ lấy số: 08:15 – 27/11/2026"
    std::string people_ahead_text;        // e.g. "Số người đang chờ trước bạn: 4"
    std::string counters_text;            // e.g. "Mời đến quầy: 1, 2"
    std::string extra_title;              // heading above extra_lines, e.g. "Giấy tờ cần mang"
    std::vector<std::string> extra_lines; // e.g. a checklist of documents; each wraps on its own
    std::string qr_payload;               // ticket id encoded as a QR code; empty: no QR
    std::string qr_caption;               // small text under the QR, e.g. the ticket id
    std::string footer;                   // e.g. "Cảm ơn ông/bà. Vui lòng chờ gọi số."
};

} // namespace kiosk::ticket
