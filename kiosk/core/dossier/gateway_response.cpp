#include "kiosk/core/dossier/gateway_response.hpp"

#include "kiosk/core/text/classify.hpp"
#include "kiosk/core/text/utf8.hpp"

#include <nlohmann/json.hpp>

namespace kiosk::dossier {
namespace {

using nlohmann::json;

constexpr int kMaxDepth = 8;
constexpr std::size_t kMaxNameBytes = 200;
constexpr std::size_t kMaxTextBytes = 500;
constexpr std::size_t kMaxDocuments = 50;
constexpr long long kMaxFee = 10'000'000'000LL;

Error bad(const std::string& what) {
    return make_error("invalid_response", "gateway response: " + what);
}

// Nesting depth outside strings; checked before parsing so hostile nesting never reaches the parser.
bool depth_within(std::string_view text, int limit) {
    int depth = 0;
    bool in_string = false, escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (++depth > limit) return false;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return true;
}

Result<std::string> text_field(const json& obj, const char* name, std::size_t max_bytes, bool required) {
    const auto it = obj.find(name);
    if (it == obj.end() || it->is_null()) {
        if (required) return bad(std::string("field '") + name + "' is missing");
        return std::string{};
    }
    if (!it->is_string())
        return bad(std::string("field '") + name + "' must be a string, got " + it->type_name());
    const auto& s = it->get_ref<const std::string&>();
    if (s.size() > max_bytes)
        return bad(std::string("field '") + name + "' is " + std::to_string(s.size()) + " bytes, at most " +
                   std::to_string(max_bytes));
    std::size_t pos = 0;
    while (pos < s.size()) {
        const auto cp = text::decode_next_strict(s, pos);
        if (!cp) return bad(std::string("field '") + name + "' is not valid UTF-8");
        if (text::is_control_or_format(*cp))
            return bad(std::string("field '") + name + "' contains a control character");
    }
    if (required && s.empty()) return bad(std::string("field '") + name + "' is empty");
    return s;
}

Result<std::optional<Seconds>> time_field(const json& obj, const char* name) {
    const auto it = obj.find(name);
    if (it == obj.end() || it->is_null()) return std::optional<Seconds>{};
    if (!it->is_string())
        return bad(std::string("field '") + name + "' must be a string, got " + it->type_name());
    auto t = parse_vn_timestamp(it->get_ref<const std::string&>());
    if (!t) return bad(std::string("field '") + name + "': " + t.error().message);
    return std::optional<Seconds>{*t};
}

} // namespace

Result<Dossier> parse_gateway_dossier(std::string_view body) {
    if (body.size() > kMaxGatewayBodyBytes)
        return bad("body is " + std::to_string(body.size()) + " bytes, at most " +
                   std::to_string(kMaxGatewayBodyBytes));
    if (!depth_within(body, kMaxDepth)) return bad("nesting deeper than " + std::to_string(kMaxDepth));
    const json doc = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) return bad("not valid JSON");
    if (!doc.is_object()) return bad(std::string("top level must be an object, got ") + doc.type_name());

    Dossier d;
    auto code_text = text_field(doc, "code", 128, true);
    if (!code_text) return code_text.error();
    auto code = parse_dossier_code(*code_text);
    if (!code) return bad("field 'code': " + code.error().message);
    d.code = std::move(*code);

    const auto st = doc.find("status");
    if (st == doc.end()) return bad("field 'status' is missing");
    if (!st->is_number_integer())
        return bad(std::string("field 'status' must be an integer, got ") + st->type_name());
    const auto status = status_from_int(st->get<long long>());
    if (!status) return bad("field 'status' is " + st->dump() + ", expected 1..10");
    d.status = *status;

    const auto proc = doc.find("procedure");
    if (proc == doc.end() || !proc->is_object()) return bad("field 'procedure' must be an object");
    auto proc_name = text_field(*proc, "name", kMaxTextBytes, true);
    if (!proc_name) return proc_name.error();
    d.procedure_name = std::move(*proc_name);
    auto proc_code = text_field(*proc, "code", 64, false);
    if (!proc_code) return proc_code.error();
    d.procedure_code = std::move(*proc_code);

    auto name = text_field(doc, "applicant_name", kMaxNameBytes, false);
    if (!name) return name.error();
    d.applicant_name = std::move(*name);

    for (auto [field, target] :
         {std::pair{"received_at", &d.received_at}, std::pair{"appointment_at", &d.appointment_at},
          std::pair{"finished_at", &d.finished_at}}) {
        auto t = time_field(doc, field);
        if (!t) return t.error();
        *target = *t;
    }

    if (const auto del = doc.find("result_delivery"); del != doc.end() && !del->is_null()) {
        if (!del->is_object()) return bad("field 'result_delivery' must be an object or null");
        auto method = text_field(*del, "method", 16, false);
        if (!method) return method.error();
        const auto delivery = delivery_from_string(*method);
        if (!delivery)
            return bad("field 'result_delivery.method' is '" + *method + "', expected counter|post|online");
        d.delivery = *delivery;
        auto counter = text_field(*del, "counter", 32, false);
        if (!counter) return counter.error();
        d.counter = std::move(*counter);
    }

    if (const auto docs = doc.find("missing_documents"); docs != doc.end() && !docs->is_null()) {
        if (!docs->is_array()) return bad("field 'missing_documents' must be an array of strings");
        if (docs->size() > kMaxDocuments)
            return bad("field 'missing_documents' has " + std::to_string(docs->size()) +
                       " entries, at most " + std::to_string(kMaxDocuments));
        for (const auto& entry : *docs) {
            json wrapper = {{"missing_documents[]", entry}};
            auto text = text_field(wrapper, "missing_documents[]", kMaxTextBytes, true);
            if (!text) return text.error();
            d.missing_documents.push_back(std::move(*text));
        }
    }

    if (const auto fee = doc.find("fee_vnd"); fee != doc.end() && !fee->is_null()) {
        if (!fee->is_number_integer())
            return bad(std::string("field 'fee_vnd' must be an integer, got ") + fee->type_name());
        const long long amount = fee->is_number_unsigned() && fee->get<unsigned long long>() >
                                                                  static_cast<unsigned long long>(kMaxFee)
                                     ? kMaxFee + 1
                                     : fee->get<long long>();
        if (amount < 0 || amount > kMaxFee)
            return bad("field 'fee_vnd' is " + fee->dump() + ", expected 0..10^10");
        d.fee_vnd = amount;
    }
    return d;
}

} // namespace kiosk::dossier
