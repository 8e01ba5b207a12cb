#pragma once
// The rating choice shared by the kiosk's rating screen and the counter console's prompt after service: the
// three levels as big pictogram buttons (Rất hài lòng / Hài lòng / Chưa hài lòng, a face whose mouth carries
// the meaning, a check mark when chosen) and, once "not satisfied" is chosen, the six reasons as check-box
// toggles. Draw code only: it reports what was tapped; the caller turns that into its own commands.

#include "kiosk/ui/ui_context.hpp"

namespace kiosk::ui {

struct RatingChoiceView {
    int level = 0;        // chosen queue::RatingLevel, 0 = none yet
    unsigned reasons = 0; // chosen queue::RatingReason bits
    bool enabled = true;  // false while the rating is being recorded
};

struct RatingChoiceTap {
    int level = 0;       // a level button tapped this frame (0: none)
    unsigned reason = 0; // a reason toggled this frame (its bit; 0: none)
};

// Where the parts go: level buttons `button_h` tall; reasons in `reason_columns` columns of `reason_h`-tall
// toggles (0: the default height).
struct RatingChoiceLayout {
    float button_h = 0;
    int reason_columns = 2;
    float reason_h = 0;
};

// Draws at the cursor, `width` wide; leaves the cursor below the reasons.
RatingChoiceTap draw_rating_choice(UiContext& ctx, const RatingChoiceView& view, float width,
                                   const RatingChoiceLayout& layout);
// The height the reasons take below the level buttons (their title included) with this layout.
[[nodiscard]] float rating_reasons_height(UiContext& ctx, const RatingChoiceLayout& layout);

} // namespace kiosk::ui
