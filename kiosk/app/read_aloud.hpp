#pragma once
// Read aloud ("Đọc to") for the kiosk: after each frame, takes the screen's title and the texts drawn below
// the navigation row, lets speech::ReadAloudPolicy decide whether there is something new to say, and hands
// the utterance to a Speaker (which speaks on its own worker: nothing here blocks the UI thread). Switching
// read aloud off (or the idle reset) stops the voice at once. It owns no speech engine of its own: the
// Speaker comes from drivers/audio.

#include "drivers/audio/speaker.hpp"
#include "kiosk/core/i18n/translator.hpp"
#include "kiosk/core/log/log.hpp"
#include "kiosk/core/speech/screen_reading.hpp"
#include "kiosk/ui/ui_context.hpp"
#include "kiosk/ui/view_model.hpp"

#include <memory>
#include <vector>

namespace kiosk::app {

// The kiosk's speaker: espeak-ng (the voice of the UI language) into the default SDL audio device.
// Speaks through SDL audio; what it cannot say is logged through `log` (which must outlive it).
[[nodiscard]] std::unique_ptr<audio::Speaker> make_read_aloud_speaker(log::Logger& log);

class ReadAloud {
  public:
    explicit ReadAloud(std::unique_ptr<audio::Speaker> speaker) : speaker_(std::move(speaker)) {}

    [[nodiscard]] bool available() const { return speaker_ != nullptr; }
    // `visible` is the frame's text in drawing order; the screen's own content starts at `content_start`.
    void after_frame(const ui::ShellModel& shell, const ui::ScreenSpec* current,
                     const std::vector<ui::VisibleText>& visible, std::size_t content_start,
                     const i18n::Translator& translator);

  private:
    std::unique_ptr<audio::Speaker> speaker_;
    speech::ReadAloudPolicy policy_;
    bool speaking_enabled_ = false;
};

} // namespace kiosk::app
