#pragma once
// Reads dossiers from CSV (RFC 4180: comma-separated, "quoted" fields may hold commas, quotes ("") and
// line breaks; CRLF or LF; an optional UTF-8 BOM; lines starting with '#' outside quotes are comments;
// blank lines are skipped). The first non-comment line must be exactly this header:
//
//   code,status,procedure_code,procedure_name,applicant_name,received_at,appointment_at,finished_at,
//   result_delivery,counter,missing_documents,fee_vnd
//
//   code               dossier code, normalised as parse_dossier_code() does; unique within the file
//   status             1..10 (national TrangThaiHoSo)
//   procedure_code     optional, e.g. 1.001193
//   procedure_name     required
//   applicant_name     optional full name (the kiosk shows it masked)
//   received_at, appointment_at, finished_at   yyyyMMddHHmmss Vietnam time, or empty
//   result_delivery    counter | post | online | empty
//   counter            counter label for result_delivery=counter, e.g. 3
//   missing_documents  documents to bring for status 5, separated by '|'; empty: none
//   fee_vnd            integer amount in đồng for status 6, or empty
//
// Every problem is reported with file, line and column name; nothing is returned unless every row is good.
// It does not touch a database (see kiosk/store/dossier_store_sqlite.hpp).

#include "kiosk/core/dossier/dossier.hpp"
#include "kiosk/core/util/result.hpp"

#include <string_view>
#include <vector>

namespace kiosk::dossier {

inline constexpr std::string_view kDossierCsvHeader =
    "code,status,procedure_code,procedure_name,applicant_name,received_at,appointment_at,finished_at,"
    "result_delivery,counter,missing_documents,fee_vnd";

// origin names the file in errors. Error kind "invalid_csv".
[[nodiscard]] Result<std::vector<Dossier>> parse_dossier_csv(std::string_view text, std::string_view origin);

} // namespace kiosk::dossier
