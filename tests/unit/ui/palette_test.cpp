// The colours of both palettes: WCAG contrast of every text/background pair the screens draw (AA for the
// normal palette, AAA for "Tương phản cao"), and the status colours (in progress, done, overdue, action
// needed, not yet) kept apart under simulated protanopia, deuteranopia and tritanopia (Machado, Oliveira &
// Fernandes 2009, severity 1.0, applied in linear RGB), measured as CIELAB ΔE*76.

#include "kiosk/ui/palette.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

namespace kiosk::ui {
namespace {

using Matrix = std::array<std::array<double, 3>, 3>;

// Machado et al. 2009, Table 1, severity 1.0 (public values).
constexpr Matrix kProtan = {
    {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}};
constexpr Matrix kDeutan = {
    {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}};
constexpr Matrix kTritan = {
    {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}};
constexpr Matrix kNormal = {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};

using Vec = std::array<double, 3>;

Vec linear_rgb(ImU32 color) {
    auto channel = [](unsigned value) {
        double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return {channel((color >> IM_COL32_R_SHIFT) & 0xFF), channel((color >> IM_COL32_G_SHIFT) & 0xFF),
            channel((color >> IM_COL32_B_SHIFT) & 0xFF)};
}

Vec simulate(const Vec& rgb, const Matrix& m) {
    Vec out{};
    for (int i = 0; i < 3; ++i)
        out[i] = std::clamp(m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2], 0.0, 1.0);
    return out;
}

// Linear sRGB → CIELAB (D65).
Vec lab(const Vec& l) {
    double x = (0.4124 * l[0] + 0.3576 * l[1] + 0.1805 * l[2]) / 0.95047;
    double y = 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
    double z = (0.0193 * l[0] + 0.1192 * l[1] + 0.9505 * l[2]) / 1.08883;
    auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0; };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

double delta_e(ImU32 a, ImU32 b, const Matrix& m) {
    Vec la = lab(simulate(linear_rgb(a), m)), lb = lab(simulate(linear_rgb(b), m));
    return std::sqrt(std::pow(la[0] - lb[0], 2) + std::pow(la[1] - lb[1], 2) + std::pow(la[2] - lb[2], 2));
}

struct Pair {
    const char* what;
    ImU32 fg, bg;
};

// Every foreground/background pair a screen draws text with.
std::vector<Pair> text_pairs(const Theme& t) {
    const ImU32 white = IM_COL32_WHITE;
    return {
        {"text on background", t.text, t.background},
        {"muted on background", t.muted, t.background},
        {"text on panel", t.text, t.panel},
        {"muted on panel", t.muted, t.panel},
        {"text on button", t.text, t.secondary},
        {"muted on button", t.muted, t.secondary},
        {"text on pressed button", t.text, t.secondary_pressed},
        {"header text", t.header_text, t.header},
        {"header subtitle", t.header_subtle, t.header},
        {"white on primary", white, t.primary},
        {"white on pressed primary", white, t.primary_pressed},
        {"white on danger", white, t.danger},
        {"white on warning (priority button, notice)", white, t.warning},
        {"primary text (section titles)", t.primary, t.background},
        {"primary text on panel", t.primary, t.panel},
        {"danger text on panel", t.danger, t.panel},
        {"warning text on background", t.warning, t.background},
        {"success text on panel", t.success, t.panel},
        {"text on search highlight", t.text, t.highlight},
    };
}

TEST(Palette, ContrastRatioMatchesWcagExamples) {
    EXPECT_NEAR(contrast_ratio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)), 21.0, 1e-9);
    EXPECT_NEAR(contrast_ratio(IM_COL32(255, 255, 255, 255), IM_COL32(255, 255, 255, 255)), 1.0, 1e-9);
    // #767676 on white is the well-known 4.54:1 grey.
    EXPECT_NEAR(contrast_ratio(IM_COL32(0x76, 0x76, 0x76, 255), IM_COL32_WHITE), 4.54, 0.01);
}

TEST(Palette, NormalPaletteMeetsWcagAA) {
    Theme theme;
    use_normal_palette(theme);
    for (const auto& p : text_pairs(theme))
        EXPECT_GE(contrast_ratio(p.fg, p.bg), 4.5) << p.what;
}

TEST(Palette, HighContrastMeetsWcagAAA) {
    Theme theme;
    use_high_contrast_palette(theme);
    EXPECT_TRUE(theme.high_contrast);
    for (const auto& p : text_pairs(theme))
        EXPECT_GE(contrast_ratio(p.fg, p.bg), 7.0) << p.what;
}

void expect_status_colours_apart(const Theme& t, double min_delta) {
    struct Named {
        const char* name;
        ImU32 color;
    };
    const std::vector<Named> status = {{"in progress (primary)", t.primary},
                                       {"done (success)", t.success},
                                       {"overdue (danger)", t.danger},
                                       {"action needed (warning)", t.warning},
                                       {"not yet (border)", t.border}};
    const std::pair<const char*, const Matrix*> visions[] = {
        {"normal", &kNormal}, {"protan", &kProtan}, {"deutan", &kDeutan}, {"tritan", &kTritan}};
    for (const auto& [vision, matrix] : visions)
        for (std::size_t i = 0; i < status.size(); ++i)
            for (std::size_t j = i + 1; j < status.size(); ++j)
                EXPECT_GE(delta_e(status[i].color, status[j].color, *matrix), min_delta)
                    << vision << ": " << status[i].name << " vs " << status[j].name;
}

TEST(Palette, StatusColoursStayApartUnderColourBlindness) {
    Theme normal;
    use_normal_palette(normal);
    expect_status_colours_apart(normal, 15.0);
    Theme high;
    use_high_contrast_palette(high);
    expect_status_colours_apart(high, 15.0);
}

TEST(Palette, TheSimulationMergesRedAndGreenForDeutans) {
    // A check on the check: pure red and a green of equal lightness are far apart for normal vision and
    // close for a deutan (the classic confusion).
    ImU32 red = IM_COL32(200, 40, 40, 255), green = IM_COL32(90, 140, 40, 255);
    EXPECT_GT(delta_e(red, green, kNormal), 50.0);
    EXPECT_LT(delta_e(red, green, kDeutan), delta_e(red, green, kNormal) / 3);
}

TEST(Palette, SwitchingBackRestoresTheNormalColours) {
    Theme theme;
    Theme defaults;
    use_high_contrast_palette(theme);
    use_normal_palette(theme);
    EXPECT_FALSE(theme.high_contrast);
    EXPECT_EQ(theme.text, defaults.text);
    EXPECT_EQ(theme.header, defaults.header);
    EXPECT_EQ(theme.primary, defaults.primary);
}

} // namespace
} // namespace kiosk::ui
