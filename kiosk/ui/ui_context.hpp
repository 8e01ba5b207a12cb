#pragma once
// What every draw function receives for one frame: the theme, translations and language, the pointer gesture
// the app's input translator decided on, and two outputs: the commands the user triggered and the text that
// is visible (with where), which the headless script runner uses for `expect` and `tap "label"`. Draw
// functions read the model through const references and never block or do I/O.

#include "kiosk/core/i18n/translator.hpp"
#include "kiosk/ui/commands.hpp"
#include "kiosk/ui/theme.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

struct VisibleText {
    std::string text;
    ImVec2 min, max;
    bool tappable = false;
};

// The pointer as the input translator sees it this frame (touch or mouse).
struct GestureView {
    bool dragging = false; // the current press moved far enough to be a scroll, not a tap
    float drag_dy = 0;     // vertical movement this frame while dragging (pixels)
};

class UiContext {
  public:
    UiContext(const Theme& theme, const i18n::Translator& translator, i18n::Lang lang, GestureView gesture)
        : theme_(theme), translator_(translator), lang_(lang), gesture_(gesture) {}

    [[nodiscard]] const Theme& theme() const { return theme_; }
    [[nodiscard]] i18n::Lang lang() const { return lang_; }
    [[nodiscard]] const GestureView& gesture() const { return gesture_; }
    [[nodiscard]] std::string_view tr(std::string_view key) const { return translator_.tr(key, lang_); }
    [[nodiscard]] bool translator_has(std::string_view key) const { return translator_.has(key); }
    [[nodiscard]] std::string fmt(std::string_view key, std::initializer_list<std::string_view> args) const {
        return translator_.format(key, lang_, args);
    }
    // Picks the Vietnamese or English one of two data strings (e.g. configured office names).
    [[nodiscard]] const std::string& pick(const std::string& vi, const std::string& en) const {
        return lang_ == i18n::Lang::en && !en.empty() ? en : vi;
    }

    // Out of line: inlined into every draw function, GCC 12 warns that the moved variant "may be used
    // uninitialized" (a false positive of its variant move constructor).
    void emit(Command command);
    // Emits a feature's own command (routed to the feature that registered its type).
    template <class T> void send(T command) { commands_.push_back(FeatureCommand::of(std::move(command))); }
    void record(std::string text, ImVec2 min, ImVec2 max, bool tappable) {
        visible_.push_back({std::move(text), min, max, tappable});
    }

    [[nodiscard]] std::vector<Command> take_commands() { return std::move(commands_); }
    [[nodiscard]] const std::vector<VisibleText>& visible() const { return visible_; }
    // Marks where the screen's own content starts (after the header, switches and navigation row): read aloud
    // reads from there on.
    void mark_content_start() { content_start_ = visible_.size(); }
    [[nodiscard]] std::size_t content_start() const { return content_start_; }
    [[nodiscard]] std::vector<VisibleText> take_visible() { return std::move(visible_); }

  private:
    const Theme& theme_;
    const i18n::Translator& translator_;
    i18n::Lang lang_;
    GestureView gesture_;
    std::vector<Command> commands_;
    std::vector<VisibleText> visible_;
    std::size_t content_start_ = 0;
};

} // namespace kiosk::ui
