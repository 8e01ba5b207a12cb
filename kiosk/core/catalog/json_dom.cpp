#include "kiosk/core/catalog/json_dom.hpp"

#include "kiosk/core/catalog/text_check.hpp"

#include <vector>

namespace kiosk::catalog::detail {

using nlohmann::json;

namespace {

bool is_plain_key(std::string_view key) {
    if (key.empty()) return false;
    for (char c : key)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
              c == '-'))
            return false;
    return true;
}

// Builds the tree; nlohmann's parser is iterative, so only our own depth check bounds the nesting.
class DomBuilder {
  public:
    DomBuilder(const LoadLimits& limits, const ProblemSink& sink, json& root)
        : limits_(limits), sink_(sink), root_(root) {}

    bool null() { return put(nullptr) != nullptr; }
    bool boolean(bool value) { return put(value) != nullptr; }
    bool number_integer(json::number_integer_t value) { return put(value) != nullptr; }
    bool number_unsigned(json::number_unsigned_t value) { return put(value) != nullptr; }
    bool number_float(json::number_float_t value, const std::string&) { return put(value) != nullptr; }
    bool binary(json::binary_t&) { return false; } // never produced by the JSON text parser

    bool string(std::string& value) {
        const std::string path = value_path();
        if (value.size() > limits_.max_string_bytes) {
            sink_(display(path), "string of " + std::to_string(value.size()) +
                                     " bytes is longer than the limit of " +
                                     std::to_string(limits_.max_string_bytes));
            std::string().swap(value); // do not keep the oversized text
        } else if (TextProblem problem = check_text(value); !problem.ok) {
            sink_(display(path), problem.message + " in " + quote_excerpt(value));
        }
        return put(std::move(value)) != nullptr;
    }

    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(std::string& key) {
        Frame& frame = stack_.back();
        if (frame.node->contains(key)) sink_(join_key(frame.path, key), "duplicate key in the same object");
        frame.key = std::move(key);
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const json::exception& error) {
        std::string message = error.what();
        if (const auto end = message.find("] ");
            message.rfind("[json.exception", 0) == 0 && end != std::string::npos)
            message.erase(0, end + 2);
        sink_(display(value_path()),
              "invalid JSON near byte " + std::to_string(position) + ": " + printable_excerpt(message));
        return false;
    }

  private:
    struct Frame {
        json* node;
        std::string path;
        std::string key;       // objects: the key of the value being read
        std::size_t index = 0; // arrays: the index of the next element
    };

    static std::string display(const std::string& path) { return path.empty() ? "$" : path; }

    std::string value_path() const {
        if (stack_.empty()) return "";
        const Frame& frame = stack_.back();
        return frame.node->is_object() ? join_key(frame.path, frame.key)
                                       : join_index(frame.path, frame.index);
    }

    json* put(json&& value) {
        if (stack_.empty()) {
            root_ = std::move(value);
            return &root_;
        }
        Frame& frame = stack_.back();
        if (frame.node->is_object()) {
            json& slot = (*frame.node)[frame.key]; // std::map node: stays put while children are read
            slot = std::move(value);
            return &slot;
        }
        frame.node->push_back(std::move(value)); // no sibling is added while this child is open
        ++frame.index;
        return &frame.node->back();
    }

    bool open(json&& container) {
        const std::string path = value_path();
        if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
            sink_(display(path), "nesting deeper than " + std::to_string(limits_.max_depth) + " levels");
            return false;
        }
        json* node = put(std::move(container));
        stack_.push_back(Frame{node, path, {}, 0});
        return true;
    }

    bool close() {
        stack_.pop_back();
        return true;
    }

    const LoadLimits& limits_;
    const ProblemSink& sink_;
    json& root_;
    std::vector<Frame> stack_;
};

} // namespace

std::string join_key(const std::string& path, std::string_view key) {
    if (is_plain_key(key)) return path.empty() ? std::string(key) : path + "." + std::string(key);
    return (path.empty() ? "$" : path) + "[" + quote_excerpt(key, 40) + "]";
}

std::string join_index(const std::string& path, std::size_t index) {
    return (path.empty() ? "$" : path) + "[" + std::to_string(index) + "]";
}

bool parse_json_dom(std::string_view text, const LoadLimits& limits, const ProblemSink& sink, json& out) {
    DomBuilder builder(limits, sink, out);
    try {
        return json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, true, false);
    } catch (const std::exception& error) { // bad_alloc or a library surprise: reported, never propagated
        sink("$", std::string("JSON parser failed: ") + printable_excerpt(error.what()));
        return false;
    }
}

} // namespace kiosk::catalog::detail
