// CSV import (all-or-nothing, errors name line and column) and lookups in the SQLite dossier store.
#include "kiosk/core/dossier/dossier_csv.hpp"
#include "kiosk/core/dossier/status.hpp"
#include "kiosk/store/dossier_store_sqlite.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

using namespace kiosk;

namespace {

const std::string kHeader = std::string(dossier::kDossierCsvHeader) + "\n";

std::unique_ptr<store::DossierStoreSqlite> memory_store() {
    auto s = store::DossierStoreSqlite::open({":memory:"});
    EXPECT_TRUE(s.ok()) << s.error().message;
    return std::move(*s);
}

dossier::DossierCode code(const char* text) {
    return *dossier::parse_dossier_code(text);
}

} // namespace

TEST(DossierCsv, ParsesQuotedFieldsAndComments) {
    const std::string csv =
        "\xEF\xBB\xBF# comment\r\n" + kHeader +
        "h15-261008-0001,5,1.000894,\"Đăng ký kết hôn, lần 2\",\"Nguyễn \"\"Tí\"\" An\",20261008083000,"
        "20261010170000,,counter,2,\"Tờ khai|Bản sao, công chứng\",\r\n\n"
        "H15-261008-0002,6,,Chứng thực,,,,,,,,15000\n";
    auto rows = dossier::parse_dossier_csv(csv, "t.csv");
    ASSERT_TRUE(rows.ok()) << rows.error().message;
    ASSERT_EQ(rows->size(), 2u);
    EXPECT_EQ((*rows)[0].code.str(), "H15-261008-0001");
    EXPECT_EQ((*rows)[0].procedure_name, "Đăng ký kết hôn, lần 2");
    EXPECT_EQ((*rows)[0].applicant_name, "Nguyễn \"Tí\" An");
    ASSERT_EQ((*rows)[0].missing_documents.size(), 2u);
    EXPECT_EQ((*rows)[0].missing_documents[1], "Bản sao, công chứng");
    EXPECT_EQ((*rows)[1].fee_vnd, 15000);
}

TEST(DossierCsv, ErrorsNameLineAndColumn) {
    auto err = [&](const std::string& body) {
        auto r = dossier::parse_dossier_csv(kHeader + body, "d.csv");
        return r ? std::string("OK") : r.error().message;
    };
    EXPECT_NE(err("H15-261008-0001,11,,X,,,,,,,,\n").find("d.csv:2: column 'status' (2): value '11'"),
              std::string::npos);
    EXPECT_NE(err("H15-261008-0001,1,,X,,,,,,,,\nH15-261399-0002,1,,X,,,,,,,,\n")
                  .find("d.csv:3: column 'code' (1)"),
              std::string::npos);
    EXPECT_NE(err("H15-261008-0001,1,,X,,2026-10-08,,,,,,\n").find("column 'received_at' (6)"),
              std::string::npos);
    EXPECT_NE(err("H15-261008-0001,1,,,,,,,,,,\n").find("column 'procedure_name' (4)"), std::string::npos);
    EXPECT_NE(err("H15-261008-0001,1,,X,,,,,ship,,,\n").find("column 'result_delivery' (9)"),
              std::string::npos);
    EXPECT_NE(err("H15-261008-0001,1,,X,,,,,,,a||b,\n").find("column 'missing_documents' (11)"),
              std::string::npos);
    EXPECT_NE(err("H15-261008-0001,1,,X,,,,,,,,12abc\n").find("column 'fee_vnd' (12)"), std::string::npos);
    EXPECT_NE(err("H15-261008-0001,1,,X\n").find("d.csv:2: 4 columns, expected 12"), std::string::npos);
    EXPECT_NE(err("H15-261008-0001,1,,\"X,,,,,,,,\n").find("never closed"), std::string::npos);
    EXPECT_NE(err("H15-261008-0001,1,,X\"Y,,,,,,,,\n").find("stray quote"), std::string::npos);
    EXPECT_NE(
        err("H15-261008-0001,1,,X,,,,,,,,\nh15-261008-0001,2,,X,,,,,,,,\n").find("already given on line 2"),
        std::string::npos);
    // A quoted line break is read as part of the field (then refused as a control character), and the
    // lines after it are still counted right.
    const std::string multi = err("H15-261008-0001,1,,\"X\nY\",,,,,,,,\nH15-261008-0002,0,,X,,,,,,,,\n");
    EXPECT_NE(multi.find("d.csv:2: column 'procedure_name' (4)"), std::string::npos) << multi;
    EXPECT_NE(err("H15-261008-0001,1,,\"X,Y\",,,,,,,,\nH15-261008-0002,0,,X,,,,,,,,\n").find("d.csv:3:"),
              std::string::npos);
    EXPECT_NE(err("H15-261008-0001,1,,\"X\n\",,,,,,,,\n").find("d.csv:2: column 'procedure_name'"),
              std::string::npos);
    auto bad_header = dossier::parse_dossier_csv("code,status\n", "h.csv");
    ASSERT_FALSE(bad_header.ok());
    EXPECT_NE(bad_header.error().message.find("h.csv:1: header"), std::string::npos);
}

TEST(DossierStore, ImportThenLookup) {
    auto s = memory_store();
    auto n = s->import_csv_text(
        kHeader + "H15-261008-0001,9,1.001193,Đăng ký khai sinh,Nguyễn Văn An,20261008083000,"
                  "20261010170000,20261009150000,counter,3,,\n",
        "t.csv");
    ASSERT_TRUE(n.ok()) << n.error().message;
    EXPECT_EQ(*n, 1u);
    auto d = s->lookup(code("H15-261008-0001"));
    ASSERT_TRUE(d.ok()) << d.error().message;
    EXPECT_EQ(d->status, dossier::DossierStatus::done);
    EXPECT_EQ(d->applicant_name, "Nguyễn Văn An");
    EXPECT_EQ(d->counter, "3");
    EXPECT_EQ(dossier::format_vn_timestamp(*d->finished_at), "20261009150000");
    EXPECT_FALSE(d->fee_vnd);

    auto missing = s->lookup(code("H15-261008-0002"));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, "not_found");
}

TEST(DossierStore, ImportIsAllOrNothing) {
    auto s = memory_store();
    ASSERT_TRUE(s->import_csv_text(kHeader + "H15-261008-0001,4,,Old,,,,,,,,\n", "a.csv").ok());
    // Row 2 would update 0001, row 3 is bad: nothing of this file may land.
    auto r = s->import_csv_text(kHeader + "H15-261008-0001,9,,New,,,,,,,,\nH15-261008-0002,0,,X,,,,,,,,\n",
                                "b.csv");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("b.csv:3"), std::string::npos) << r.error().message;
    EXPECT_EQ(*s->count(), 1u);
    EXPECT_EQ(s->lookup(code("H15-261008-0001"))->procedure_name, "Old");
    // A good re-import replaces by code.
    ASSERT_TRUE(s->import_csv_text(kHeader + "H15-261008-0001,9,,New,,,,,,,a|b,\n", "c.csv").ok());
    const auto d = s->lookup(code("H15-261008-0001"));
    EXPECT_EQ(d->procedure_name, "New");
    EXPECT_EQ(d->missing_documents, (std::vector<std::string>{"a", "b"}));
}

TEST(DossierStore, DemoFileImportsAndPersists) {
    const auto db = std::filesystem::path(KIOSK_BINARY_DIR) / "dossier_store_test.sqlite";
    std::filesystem::remove(db);
    {
        auto s = store::DossierStoreSqlite::open({db});
        ASSERT_TRUE(s.ok()) << s.error().message;
        auto n = (*s)->import_csv_file(std::string(KIOSK_DEFAULT_ASSETS_DIR) + "/demo/dossiers.csv");
        ASSERT_TRUE(n.ok()) << n.error().message;
        EXPECT_GE(*n, 10u);
    }
    auto s = store::DossierStoreSqlite::open({db});
    ASSERT_TRUE(s.ok());
    EXPECT_GE(*(*s)->count(), 10u);
    // Every national status appears at least once in the demo data.
    std::set<int> statuses;
    auto rows = dossier::parse_dossier_csv(
        [] {
            std::ifstream in(std::string(KIOSK_DEFAULT_ASSETS_DIR) + "/demo/dossiers.csv");
            return std::string(std::istreambuf_iterator<char>(in), {});
        }(),
        "demo");
    ASSERT_TRUE(rows.ok());
    for (const auto& d : *rows) {
        statuses.insert(static_cast<int>(d.status));
        EXPECT_TRUE((*s)->lookup(d.code).ok()) << d.code.str();
    }
    EXPECT_EQ(statuses.size(), 10u);
    // The demo shows both sides of the deadline rule (appointments in 2025 and 2030).
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    std::set<dossier::Timeliness> states;
    for (const auto& d : *rows)
        states.insert(dossier::deadline_of(d, now).state);
    EXPECT_TRUE(states.count(dossier::Timeliness::overdue));
    EXPECT_TRUE(states.count(dossier::Timeliness::on_time));
    EXPECT_TRUE(states.count(dossier::Timeliness::finished_late));
    EXPECT_TRUE(states.count(dossier::Timeliness::finished_on_time));
    std::filesystem::remove(db);
}

TEST(DossierStore, MissingFileIsAnIoError) {
    auto s = memory_store();
    auto r = s->import_csv_file("/nonexistent/dossiers.csv");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, "io");
    EXPECT_NE(r.error().message.find("/nonexistent/dossiers.csv"), std::string::npos);
}
