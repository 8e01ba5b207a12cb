// Strict gateway response parsing: the documented shape passes, type and range violations name the field.
#include "kiosk/core/dossier/gateway_response.hpp"

#include <gtest/gtest.h>

using kiosk::dossier::parse_gateway_dossier;

namespace {

const char* kFull = R"({
  "code": "H15.50.05.13-261008-0975",
  "status": 9,
  "procedure": {"code": "1.001193", "name": "Đăng ký khai sinh"},
  "applicant_name": "Nguyễn Văn An",
  "received_at": "20261008083000",
  "appointment_at": "20261010170000",
  "finished_at": "20261009150000",
  "result_delivery": {"method": "counter", "counter": "3"},
  "missing_documents": [],
  "fee_vnd": null,
  "some_future_field": {"x": [1, 2]}
})";

std::string error_of(const std::string& body) {
    auto r = parse_gateway_dossier(body);
    return r ? "OK" : r.error().message;
}

// kFull with one key's JSON value replaced (or the key removed when value is empty).
std::string with(const std::string& key, const std::string& value) {
    std::string s = kFull;
    const auto k = s.find("\"" + key + "\"");
    const auto start = s.find(':', k) + 1;
    auto end = start;
    int depth = 0;
    bool in_str = false;
    for (; end < s.size(); ++end) {
        const char c = s[end];
        if (in_str) {
            if (c == '\\')
                ++end;
            else if (c == '"')
                in_str = false;
            continue;
        }
        if (c == '"')
            in_str = true;
        else if (c == '{' || c == '[')
            ++depth;
        else if (c == '}' || c == ']') {
            if (depth == 0) break;
            --depth;
        } else if (c == ',' && depth == 0)
            break;
    }
    if (value.empty()) {
        const auto comma = s.find(',', end);
        return s.erase(k, comma + 1 - k);
    }
    return s.replace(start, end - start, " " + value);
}

} // namespace

TEST(GatewayResponse, ParsesTheDocumentedShape) {
    auto r = parse_gateway_dossier(kFull);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->code.str(), "H15.50.05.13-261008-0975");
    EXPECT_EQ(r->status, kiosk::dossier::DossierStatus::done);
    EXPECT_EQ(r->procedure_code, "1.001193");
    EXPECT_EQ(r->procedure_name, "Đăng ký khai sinh");
    EXPECT_EQ(r->applicant_name, "Nguyễn Văn An");
    ASSERT_TRUE(r->appointment_at && r->finished_at && r->received_at);
    EXPECT_EQ(kiosk::dossier::format_vn_timestamp(*r->finished_at), "20261009150000");
    EXPECT_EQ(r->delivery, kiosk::dossier::Delivery::counter);
    EXPECT_EQ(r->counter, "3");
    EXPECT_FALSE(r->fee_vnd);
}

TEST(GatewayResponse, MinimalObject) {
    auto r = parse_gateway_dossier(R"({"code":"H15-261008-0001","status":1,"procedure":{"name":"X"}})");
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_FALSE(r->appointment_at);
    EXPECT_TRUE(r->missing_documents.empty());
}

TEST(GatewayResponse, RejectsWrongTypesAndRanges) {
    EXPECT_NE(error_of(with("status", "11")).find("'status'"), std::string::npos);
    EXPECT_NE(error_of(with("status", "4.0")).find("'status'"), std::string::npos);
    EXPECT_NE(error_of(with("status", "\"4\"")).find("'status'"), std::string::npos);
    EXPECT_NE(error_of(with("status", "true")).find("'status'"), std::string::npos);
    EXPECT_NE(error_of(with("status", "")).find("'status' is missing"), std::string::npos);
    EXPECT_NE(error_of(with("code", "\"H15-261399-0001\"")).find("'code'"), std::string::npos);
    EXPECT_NE(error_of(with("code", "42")).find("'code'"), std::string::npos);
    EXPECT_NE(error_of(with("procedure", "\"X\"")).find("'procedure'"), std::string::npos);
    EXPECT_NE(error_of(with("procedure", "{\"code\":\"1\"}")).find("'name'"), std::string::npos);
    EXPECT_NE(error_of(with("appointment_at", "\"2026-10-10\"")).find("'appointment_at'"), std::string::npos);
    EXPECT_NE(error_of(with("appointment_at", "20261010170000")).find("'appointment_at'"), std::string::npos);
    EXPECT_NE(error_of(with("result_delivery", "{\"method\":\"drone\"}")).find("result_delivery"),
              std::string::npos);
    EXPECT_NE(error_of(with("missing_documents", "[1]")).find("missing_documents"), std::string::npos);
    EXPECT_NE(error_of(with("missing_documents", "\"a\"")).find("missing_documents"), std::string::npos);
    EXPECT_NE(error_of(with("fee_vnd", "-5")).find("'fee_vnd'"), std::string::npos);
    EXPECT_NE(error_of(with("fee_vnd", "1e3")).find("'fee_vnd'"), std::string::npos);
    EXPECT_NE(error_of(with("fee_vnd", "18446744073709551615")).find("'fee_vnd'"), std::string::npos);
    EXPECT_NE(error_of(with("applicant_name", "\"A\\u0000B\"")).find("control"), std::string::npos);
    EXPECT_NE(error_of(with("applicant_name", "\"" + std::string(300, 'a') + "\"")).find("bytes"),
              std::string::npos);
}

TEST(GatewayResponse, RejectsNonJsonAndHostileShapes) {
    EXPECT_FALSE(parse_gateway_dossier("").ok());
    EXPECT_FALSE(parse_gateway_dossier("<html>captive portal</html>").ok());
    EXPECT_FALSE(parse_gateway_dossier("[]").ok());
    EXPECT_FALSE(parse_gateway_dossier("null").ok());
    EXPECT_FALSE(parse_gateway_dossier(std::string(kFull) + " trailing").ok());
    EXPECT_FALSE(parse_gateway_dossier(std::string(kFull).substr(0, 100)).ok());
    EXPECT_FALSE(parse_gateway_dossier("{\"code\":\"H15-261008-0001\xFF\",\"status\":1}").ok());
    EXPECT_NE(error_of(std::string(60000, '[')).find("nesting"), std::string::npos);
    EXPECT_NE(
        error_of(with("some_future_field", std::string(20, '[') + std::string(20, ']'))).find("nesting"),
        std::string::npos);
    std::string big = with("applicant_name", "\"" + std::string(70000, 'a') + "\"");
    EXPECT_NE(error_of(big).find("at most"), std::string::npos);
    for (const auto& e : {parse_gateway_dossier("{}"), parse_gateway_dossier("nope")})
        EXPECT_EQ(e.error().kind, "invalid_response");
}
