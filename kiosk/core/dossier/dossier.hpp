#pragma once
// Dossier: what the kiosk knows about one dossier (hồ sơ) after a lookup, with the national status
// vocabulary (TrangThaiHoSo 1..10). Plain data: no lookups, no text for citizens (see status.hpp for keys).

#include "kiosk/core/dossier/dossier_code.hpp"
#include "kiosk/core/dossier/vn_time.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::dossier {

// National portal codes; the numeric values are the wire values.
enum class DossierStatus : int {
    registered = 1,     // Mới đăng ký
    accepted = 2,       // Được tiếp nhận
    not_accepted = 3,   // Không được tiếp nhận
    processing = 4,     // Đang xử lý
    need_documents = 5, // Yêu cầu bổ sung giấy tờ
    need_payment = 6,   // Yêu cầu thực hiện nghĩa vụ tài chính
    withdrawn = 7,      // Công dân yêu cầu rút hồ sơ
    stopped = 8,        // Dừng xử lý
    done = 9,           // Đã xử lý xong
    returned = 10,      // Đã trả kết quả
};

// Where the result is handed over.
enum class Delivery { unknown, counter, post, online };

struct Dossier {
    DossierCode code;
    DossierStatus status = DossierStatus::registered;
    std::string procedure_code;            // e.g. "1.001193"; may be empty
    std::string procedure_name;            // official name, as the source gives it
    std::string applicant_name;            // full name as recorded: show only mask_applicant_name() of it
    std::optional<Seconds> received_at;    // ngày tiếp nhận
    std::optional<Seconds> appointment_at; // ngày hẹn trả
    std::optional<Seconds> finished_at;    // when processing finished (status 9/10)
    Delivery delivery = Delivery::unknown;
    std::string counter;                        // counter label when delivery == counter, e.g. "3"
    std::vector<std::string> missing_documents; // for status 5
    std::optional<long long> fee_vnd;           // amount to pay for status 6
};

[[nodiscard]] std::optional<DossierStatus> status_from_int(long long value);
[[nodiscard]] std::optional<Delivery> delivery_from_string(std::string_view text); // counter|post|online|""
[[nodiscard]] std::string_view delivery_name(Delivery d);

} // namespace kiosk::dossier
