// Every key the dossier module can produce has Vietnamese and English text in assets/i18n/dossier.tsv,
// and the table loads through the real Translator.
#include "kiosk/core/dossier/dossier_source.hpp"
#include "kiosk/core/dossier/qr_payload.hpp"
#include "kiosk/core/dossier/status.hpp"
#include "kiosk/core/i18n/translator.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

namespace {

std::string table_text() {
    std::ifstream in(std::string(KIOSK_DEFAULT_ASSETS_DIR) + "/i18n/dossier.tsv", std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<std::string> all_keys() {
    using namespace kiosk::dossier;
    std::vector<std::string> keys = status_model_keys();
    for (const auto& k : qr_reason_keys())
        keys.push_back(k);
    for (const auto& k : citizen_message_keys())
        keys.push_back(k);
    for (const char* k : {"dossier.code.empty", "dossier.code.too_long", "dossier.code.invalid_char",
                          "dossier.code.bad_format", "dossier.code.bad_unit", "dossier.code.bad_date",
                          "dossier.code.bad_sequence", "dossier.label.code", "dossier.label.procedure",
                          "dossier.label.applicant", "dossier.label.status", "dossier.label.received",
                          "dossier.label.appointment", "dossier.label.next_step"})
        keys.emplace_back(k);
    return keys;
}

} // namespace

TEST(DossierI18n, EveryKeyHasBothLanguages) {
    kiosk::i18n::Translator tr;
    const std::string text = table_text();
    ASSERT_FALSE(text.empty());
    auto st = tr.add_table(text, "dossier.tsv");
    ASSERT_TRUE(st.ok()) << st.error().message;
    for (const auto& key : all_keys()) {
        ASSERT_TRUE(tr.has(key)) << key;
        EXPECT_FALSE(tr.tr(key, kiosk::i18n::Lang::vi).empty()) << key;
        EXPECT_FALSE(tr.tr(key, kiosk::i18n::Lang::en).empty()) << key;
        // The same placeholders in both languages.
        const std::string vi(tr.tr(key, kiosk::i18n::Lang::vi)), en(tr.tr(key, kiosk::i18n::Lang::en));
        EXPECT_EQ(vi.find("{0}") != std::string::npos, en.find("{0}") != std::string::npos) << key;
    }
}

TEST(DossierI18n, OfficialStatusWording) {
    kiosk::i18n::Translator tr;
    ASSERT_TRUE(tr.add_table(table_text(), "dossier.tsv").ok());
    using kiosk::i18n::Lang;
    EXPECT_EQ(tr.tr("dossier.status.5", Lang::vi), "Yêu cầu bổ sung giấy tờ");
    EXPECT_EQ(tr.tr("dossier.status.6", Lang::vi), "Yêu cầu thực hiện nghĩa vụ tài chính");
    EXPECT_EQ(tr.tr("dossier.status.10", Lang::vi), "Đã trả kết quả");
    EXPECT_EQ(tr.format("dossier.next.collect_at_counter", Lang::vi, {"3"}).find("quầy số 3"),
              tr.format("dossier.next.collect_at_counter", Lang::vi, {"3"}).find("quầy số 3"));
    EXPECT_NE(tr.format("dossier.next.collect_at_counter", Lang::vi, {"3"}).find("quầy số 3"),
              std::string::npos);
}
