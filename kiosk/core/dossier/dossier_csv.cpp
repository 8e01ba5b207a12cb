#include "kiosk/core/dossier/dossier_csv.hpp"

#include "kiosk/core/text/classify.hpp"
#include "kiosk/core/text/utf8.hpp"

#include <charconv>
#include <map>

namespace kiosk::dossier {
namespace {

constexpr std::size_t kColumns = 12;
constexpr std::size_t kMaxFieldBytes = 1000;
constexpr std::size_t kMaxRows = 1'000'000;

struct Row {
    std::size_t line = 0; // line where the record starts (1-based)
    std::vector<std::string> fields;
};

const char* column_name(std::size_t i) {
    static constexpr const char* kNames[kColumns] = {"code",
                                                     "status",
                                                     "procedure_code",
                                                     "procedure_name",
                                                     "applicant_name",
                                                     "received_at",
                                                     "appointment_at",
                                                     "finished_at",
                                                     "result_delivery",
                                                     "counter",
                                                     "missing_documents",
                                                     "fee_vnd"};
    return i < kColumns ? kNames[i] : "?";
}

// Splits CSV text into records. Errors name the line.
Result<std::vector<Row>> read_records(std::string_view text, std::string_view origin) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<Row> rows;
    std::size_t i = 0, line = 1;
    while (i < text.size()) {
        // Comment or blank line at the start of a record.
        if (text[i] == '#' || text[i] == '\n' || text[i] == '\r') {
            const auto nl = text.find('\n', i);
            i = nl == std::string_view::npos ? text.size() : nl + 1;
            ++line;
            continue;
        }
        if (rows.size() >= kMaxRows)
            return make_error("invalid_csv",
                              std::string(origin) + ": more than " + std::to_string(kMaxRows) + " rows");
        Row row;
        row.line = line;
        std::string field;
        bool quoted_field = false;
        bool done = false;
        while (!done) {
            if (i >= text.size()) {
                row.fields.push_back(std::move(field));
                break;
            }
            const char c = text[i];
            if (c == '"' && field.empty() && !quoted_field) {
                quoted_field = true;
                ++i;
                const std::size_t start_line = line;
                for (;;) {
                    if (i >= text.size())
                        return make_error("invalid_csv", std::string(origin) + ":" +
                                                             std::to_string(start_line) +
                                                             ": quoted field is never closed");
                    if (text[i] == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') {
                            field.push_back('"');
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (text[i] == '\n') ++line;
                    field.push_back(text[i++]);
                }
                if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
                    return make_error("invalid_csv", std::string(origin) + ":" + std::to_string(line) +
                                                         ": text after a closing quote in column " +
                                                         std::to_string(row.fields.size() + 1));
            } else if (c == ',') {
                row.fields.push_back(std::move(field));
                field.clear();
                quoted_field = false;
                ++i;
            } else if (c == '\r' || c == '\n') {
                row.fields.push_back(std::move(field));
                if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
                ++i;
                ++line;
                done = true;
            } else if (c == '"') {
                return make_error("invalid_csv", std::string(origin) + ":" + std::to_string(line) +
                                                     ": stray quote inside unquoted column " +
                                                     std::to_string(row.fields.size() + 1));
            } else {
                field.push_back(c);
                ++i;
            }
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

struct Cell {
    std::string_view origin;
    std::size_t line;
    std::size_t column;
    Error error(const std::string& what, const std::string& value) const {
        return make_error("invalid_csv", std::string(origin) + ":" + std::to_string(line) + ": column '" +
                                             column_name(column) + "' (" + std::to_string(column + 1) +
                                             "): value '" + value.substr(0, 80) + "' " + what);
    }
};

Result<std::optional<Seconds>> time_cell(const std::string& v, const Cell& cell) {
    if (v.empty()) return std::optional<Seconds>{};
    auto t = parse_vn_timestamp(v);
    if (!t) return cell.error("is not yyyyMMddHHmmss (Vietnam time)", v);
    return std::optional<Seconds>{*t};
}

Result<long long> integer_cell(const std::string& v, const Cell& cell) {
    long long n = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (v.empty() || ec != std::errc{} || end != v.data() + v.size())
        return cell.error("is not an integer", v);
    return n;
}

Result<Dossier> to_dossier(const Row& row, std::string_view origin) {
    const auto cell = [&](std::size_t c) { return Cell{origin, row.line, c}; };
    for (std::size_t c = 0; c < kColumns; ++c) {
        const auto& v = row.fields[c];
        if (v.size() > kMaxFieldBytes) return cell(c).error("is longer than 1000 bytes", v);
        std::size_t pos = 0;
        while (pos < v.size()) {
            const auto cp = text::decode_next_strict(v, pos);
            if (!cp) return cell(c).error("is not valid UTF-8", "");
            if (text::is_control_or_format(*cp)) return cell(c).error("contains a control character", "");
        }
    }
    const auto& f = row.fields;
    Dossier d;
    auto code = parse_dossier_code(f[0]);
    if (!code) return cell(0).error("is not a dossier code (" + code.error().message + ")", f[0]);
    d.code = std::move(*code);

    auto status_num = integer_cell(f[1], cell(1));
    if (!status_num) return status_num.error();
    const auto status = status_from_int(*status_num);
    if (!status) return cell(1).error("is not a status 1..10", f[1]);
    d.status = *status;

    d.procedure_code = f[2];
    if (f[3].empty()) return cell(3).error("is empty (required)", f[3]);
    d.procedure_name = f[3];
    d.applicant_name = f[4];
    for (std::size_t c : {5u, 6u, 7u}) {
        auto t = time_cell(f[c], cell(c));
        if (!t) return t.error();
        (c == 5 ? d.received_at : c == 6 ? d.appointment_at : d.finished_at) = *t;
    }
    const auto delivery = delivery_from_string(f[8]);
    if (!delivery) return cell(8).error("is not counter, post, online or empty", f[8]);
    d.delivery = *delivery;
    d.counter = f[9];
    if (!f[10].empty()) {
        std::string_view rest = f[10];
        while (true) {
            const auto bar = rest.find('|');
            const auto item = rest.substr(0, bar);
            if (item.empty()) return cell(10).error("has an empty entry between '|'", f[10]);
            d.missing_documents.emplace_back(item);
            if (bar == std::string_view::npos) break;
            rest.remove_prefix(bar + 1);
        }
    }
    if (!f[11].empty()) {
        auto fee = integer_cell(f[11], cell(11));
        if (!fee) return fee.error();
        if (*fee < 0 || *fee > 10'000'000'000LL) return cell(11).error("is not 0..10000000000", f[11]);
        d.fee_vnd = *fee;
    }
    return d;
}

} // namespace

Result<std::vector<Dossier>> parse_dossier_csv(std::string_view text, std::string_view origin) {
    auto rows = read_records(text, origin);
    if (!rows) return rows.error();
    if (rows->empty()) return make_error("invalid_csv", std::string(origin) + ": no header line");
    const Row& header = rows->front();
    std::string joined;
    for (const auto& h : header.fields)
        joined += (joined.empty() ? "" : ",") + h;
    if (joined != kDossierCsvHeader)
        return make_error("invalid_csv", std::string(origin) + ":" + std::to_string(header.line) +
                                             ": header must be exactly '" + std::string(kDossierCsvHeader) +
                                             "'");
    std::vector<Dossier> out;
    std::map<std::string, std::size_t> seen; // canonical code -> line
    for (std::size_t r = 1; r < rows->size(); ++r) {
        const Row& row = (*rows)[r];
        if (row.fields.size() != kColumns)
            return make_error("invalid_csv", std::string(origin) + ":" + std::to_string(row.line) + ": " +
                                                 std::to_string(row.fields.size()) + " columns, expected " +
                                                 std::to_string(kColumns));
        auto d = to_dossier(row, origin);
        if (!d) return d.error();
        const auto [it, fresh] = seen.emplace(d->code.str(), row.line);
        if (!fresh)
            return make_error("invalid_csv", std::string(origin) + ":" + std::to_string(row.line) +
                                                 ": column 'code' (1): value '" + d->code.str() +
                                                 "' already given on line " + std::to_string(it->second));
        out.push_back(std::move(*d));
    }
    return out;
}

} // namespace kiosk::dossier
