#pragma once
// The procedure catalog as plain data (format "motcua-catalog/1", see the catalog format contract):
// administrative units, fields (lĩnh vực), sources and procedures (TTHC) with their channels and documents.
// It does not parse or validate JSON (loader.hpp does) and keeps no search index (lookups are linear,
// which is microseconds for the few thousand procedures a catalog holds).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::catalog {

// district = the pre-07/2025 level (quận/huyện); kept because older records still carry it.
enum class Level { province, district, commune };
enum class ChannelKind { in_person, online, post };
// DVC "một phần" = partial, "toàn trình" = full.
enum class OnlineLevel { none, partial, full };

inline constexpr Level kAllLevels[] = {Level::province, Level::district, Level::commune};
inline constexpr ChannelKind kAllChannelKinds[] = {ChannelKind::in_person, ChannelKind::online,
                                                   ChannelKind::post};
inline constexpr OnlineLevel kAllOnlineLevels[] = {OnlineLevel::none, OnlineLevel::partial,
                                                   OnlineLevel::full};

inline constexpr std::string_view kFormatV1 = "motcua-catalog/1";

struct LocalizedText {
    std::string vi, en;
};

struct Source {
    std::string id, description, url, retrieved;
};

struct AdminUnit {
    std::string code, name;
    Level level = Level::commune;
    std::string parent; // empty = no parent
};

struct Field {
    std::string id;
    LocalizedText name;
};

struct Channel {
    ChannelKind kind = ChannelKind::in_person;
    std::string time; // as the source says it
    std::optional<int> days;
    std::string fee; // as the source says it
    std::optional<long long> fee_vnd;
    std::string note;
    // What a citizen reads ("3 ngày làm việc", "Miễn phí", "50.000 ₫"), free of source notes; empty = not
    // given (the screen then falls back to days/fee_vnd, never to the source's own wording).
    LocalizedText time_plain, fee_plain;
};

struct Document {
    std::string name, form, copies;
};

// Why a procedure sits at its level today (Hà Nội, after the district level ended on 1 July 2025): the text
// or record that assigns it and that assignment's date.
struct LevelBasis {
    std::string source, date;
};

// What a record said before the 07/2025 reform (levels, name, agency, steps), kept for staff and kioskctl
// only.
struct BeforeReform {
    std::vector<Level> levels;
    std::string name, name_en, agency;
    std::vector<std::string> steps;
    [[nodiscard]] bool empty() const {
        return levels.empty() && name.empty() && name_en.empty() && agency.empty() && steps.empty();
    }
};

struct Procedure {
    std::string code, name, name_en;
    // The levels that handle it now; empty = not confirmed after the reform (the screen says to ask at the
    // counter). Only a record with a level_basis may leave it empty.
    std::vector<Level> levels;
    LevelBasis level_basis;
    BeforeReform before_2025;
    std::string field;
    std::string agency;
    std::vector<std::string> steps;
    std::vector<Channel> channels;
    std::vector<Document> documents;
    std::vector<std::string> conditions, legal_basis;
    std::string result;
    OnlineLevel online_level = OnlineLevel::none;
    std::string online_url;
    std::vector<std::string> keywords;
    std::string source, checked;

    [[nodiscard]] bool has_level(Level level) const;
};

struct Catalog {
    std::string format, title, generated;
    std::vector<Source> sources;
    std::vector<AdminUnit> units;
    std::vector<Field> fields;
    std::vector<Procedure> procedures;

    [[nodiscard]] const Field* find_field(std::string_view id) const;
    [[nodiscard]] const Procedure* find(std::string_view code) const;
    [[nodiscard]] const Source* find_source(std::string_view id) const;
    [[nodiscard]] const AdminUnit* find_unit(std::string_view code) const;
};

// Stable JSON spellings ("in_person", "commune", ...).
[[nodiscard]] std::string_view to_string(Level level);
[[nodiscard]] std::string_view to_string(ChannelKind kind);
[[nodiscard]] std::string_view to_string(OnlineLevel level);
[[nodiscard]] std::optional<Level> parse_level(std::string_view text);
[[nodiscard]] std::optional<ChannelKind> parse_channel_kind(std::string_view text);
[[nodiscard]] std::optional<OnlineLevel> parse_online_level(std::string_view text);

// Translation keys for the UI (assets/i18n/catalog.tsv): "catalog.level.commune", "catalog.channel.post", ...
[[nodiscard]] std::string i18n_key(Level level);
[[nodiscard]] std::string i18n_key(ChannelKind kind);
[[nodiscard]] std::string i18n_key(OnlineLevel level);

} // namespace kiosk::catalog
