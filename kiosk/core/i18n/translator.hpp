#pragma once
// Translation tables: every user-facing string is looked up here by key, Vietnamese first, English second.
// Tables are TSV files (assets/i18n/*.tsv): `key<TAB>vi<TAB>en`, '#' starts a comment line, text is UTF-8
// NFC. Placeholders are positional: "{0}", "{1}". This type does not pick fonts or measure text.

#include "kiosk/core/util/result.hpp"

#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kiosk::i18n {

enum class Lang { vi, en };

[[nodiscard]] std::string_view lang_code(Lang lang);
[[nodiscard]] bool parse_lang(std::string_view code, Lang& out);

class Translator {
  public:
    // Loads every *.tsv in `dir` (sorted by name). Errors name file and line; a duplicate key is an error.
    [[nodiscard]] static Result<Translator> load_dir(const std::filesystem::path& dir);
    // Parses one table's text; `origin` names it in errors.
    [[nodiscard]] Status add_table(std::string_view text, std::string_view origin);

    void add(std::string key, std::string vi, std::string en);

    // The text for `key`; a missing key returns the key itself so the gap is visible on screen and in tests.
    [[nodiscard]] std::string_view tr(std::string_view key, Lang lang) const;
    // tr() with "{0}".."{9}" replaced by args.
    [[nodiscard]] std::string format(std::string_view key, Lang lang,
                                     std::initializer_list<std::string_view> args) const;
    [[nodiscard]] bool has(std::string_view key) const;
    [[nodiscard]] std::vector<std::string> keys() const;

  private:
    struct Entry {
        std::string vi, en;
    };
    std::unordered_map<std::string, Entry> entries_;
};

// Replaces "{0}".."{9}" in `pattern` with args; unknown placeholders stay as written.
[[nodiscard]] std::string substitute(std::string_view pattern, std::initializer_list<std::string_view> args);

} // namespace kiosk::i18n
