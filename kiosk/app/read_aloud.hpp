#pragma once
// Read aloud ("Đọc to") for the kiosk: after each frame, takes the screen's title and the texts drawn below
// the navigation row, lets speech::ReadAloudPolicy decide whether there is something new to say, and hands
// the utterance to a Speaker (which speaks on its own worker: nothing here blocks the UI thread). Switching
// read aloud off (or the idle reset) stops the voice at once. It owns no speech engine of its own: the
// Speaker comes from drivers/audio.

#include "drivers/audio/speaker.hpp"
#include "kiosk/core/config/config.hpp"
#include "kiosk/core/i18n/translator.hpp"
#include "kiosk/core/log/log.hpp"
#include "kiosk/core/speech/screen_reading.hpp"
#include "kiosk/runtime/parts_plan.hpp"
#include "kiosk/ui/ui_context.hpp"
#include "kiosk/ui/view_model.hpp"

#include <memory>
#include <vector>

namespace kiosk::app {

// The kiosk's read-aloud speaker, built like the lobby display's (runtime::make_speaker, speech.*): recorded
// clips from speech.clips_dir for the phrases they cover (ticket numbers), espeak-ng in the UI language for
// the rest, to speech.output (sdl or wav). Null when speech.output is "off": no voice, so «Đọc to» is not
// offered. What it cannot say is logged through `log` (which must outlive it).
[[nodiscard]] std::unique_ptr<audio::Speaker>
make_read_aloud_speaker(const runtime::PartsPlan& plan, const config::Config& config, log::Logger& log);

class ReadAloud {
  public:
    explicit ReadAloud(std::unique_ptr<audio::Speaker> speaker) : speaker_(std::move(speaker)) {}

    [[nodiscard]] bool available() const { return speaker_ != nullptr; }
    // The speaker's snapshot (which voices said the last reading); empty when there is no speaker.
    [[nodiscard]] audio::SpeakerStatus status() const {
        return speaker_ ? speaker_->status() : audio::SpeakerStatus{};
    }
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
