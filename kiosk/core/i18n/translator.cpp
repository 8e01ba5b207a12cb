#include "kiosk/core/i18n/translator.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace kiosk::i18n {

std::string_view lang_code(Lang lang) {
    return lang == Lang::vi ? "vi" : "en";
}

bool parse_lang(std::string_view code, Lang& out) {
    if (code == "vi") return out = Lang::vi, true;
    if (code == "en") return out = Lang::en, true;
    return false;
}

Result<Translator> Translator::load_dir(const std::filesystem::path& dir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        return make_error("not_found", "translation folder " + dir.string() + " does not exist");
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.path().extension() == ".tsv") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    Translator translator;
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        if (!in && !in.eof()) return make_error("io", "cannot read " + file.string());
        if (auto status = translator.add_table(text.str(), file.string()); !status) return status.error();
    }
    return translator;
}

Status Translator::add_table(std::string_view text, std::string_view origin) {
    size_t line_no = 0;
    size_t pos = 0;
    while (pos <= text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        size_t tab1 = line.find('\t');
        size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
        auto where = std::string(origin) + ":" + std::to_string(line_no);
        if (tab2 == std::string_view::npos || line.find('\t', tab2 + 1) != std::string_view::npos)
            return make_error("invalid_table", where + ": expected `key<TAB>vi<TAB>en`");
        std::string key(line.substr(0, tab1));
        std::string vi(line.substr(tab1 + 1, tab2 - tab1 - 1));
        std::string en(line.substr(tab2 + 1));
        if (key.empty() || vi.empty() || en.empty())
            return make_error("invalid_table", where + ": key, vi and en must all be non-empty");
        if (entries_.count(key))
            return make_error("duplicate_key", where + ": key '" + key + "' defined twice");
        entries_.emplace(std::move(key), Entry{std::move(vi), std::move(en)});
        if (end == text.size()) break;
    }
    return Ok{};
}

void Translator::add(std::string key, std::string vi, std::string en) {
    entries_[std::move(key)] = Entry{std::move(vi), std::move(en)};
}

std::string_view Translator::tr(std::string_view key, Lang lang) const {
    auto it = entries_.find(std::string(key));
    if (it == entries_.end()) return key;
    return lang == Lang::vi ? it->second.vi : it->second.en;
}

std::string Translator::format(std::string_view key, Lang lang,
                               std::initializer_list<std::string_view> args) const {
    return substitute(tr(key, lang), args);
}

bool Translator::has(std::string_view key) const {
    return entries_.count(std::string(key)) != 0;
}

std::vector<std::string> Translator::keys() const {
    std::vector<std::string> out;
    out.reserve(entries_.size());
    for (const auto& [key, entry] : entries_)
        out.push_back(key);
    std::sort(out.begin(), out.end());
    return out;
}

std::string substitute(std::string_view pattern, std::initializer_list<std::string_view> args) {
    std::string out;
    out.reserve(pattern.size() + 16);
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 1] >= '0' && pattern[i + 1] <= '9' &&
            pattern[i + 2] == '}') {
            size_t index = static_cast<size_t>(pattern[i + 1] - '0');
            if (index < args.size()) {
                out += *(args.begin() + index);
                i += 2;
                continue;
            }
        }
        out += pattern[i];
    }
    return out;
}

} // namespace kiosk::i18n
