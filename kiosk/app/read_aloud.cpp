#include "kiosk/app/read_aloud.hpp"

#include "kiosk/runtime/counter_parts.hpp"

namespace kiosk::app {

std::unique_ptr<audio::Speaker> make_read_aloud_speaker(const runtime::PartsPlan& plan,
                                                        const config::Config& config, log::Logger& log) {
    if (config.speech.output != "sdl" && config.speech.output != "wav") return nullptr;
    // A short queue: a citizen moving on wants the new screen read, not a backlog.
    return runtime::make_speaker(plan, config, 2, &log, "read_aloud");
}

void ReadAloud::after_frame(const ui::ShellModel& shell, const ui::ScreenSpec* current,
                            const std::vector<ui::VisibleText>& visible, std::size_t content_start,
                            const i18n::Translator& translator) {
    if (!speaker_) return;
    bool enabled = shell.access.read_aloud;
    if (!enabled && speaking_enabled_) speaker_->stop(); // switched off, or the idle reset
    speaking_enabled_ = enabled;
    speech::ScreenText screen;
    screen.screen = shell.screen();
    screen.language = shell.lang == i18n::Lang::en ? "en" : "vi";
    if (current && shell.screen() != ui::kHomeScreen)
        screen.title = std::string(translator.tr(current->title_key, shell.lang));
    for (std::size_t i = content_start; i < visible.size(); ++i)
        screen.texts.push_back(visible[i].text);
    if (auto utterance = policy_.next(screen, enabled)) {
        speaker_->stop(); // the previous screen's reading is no longer wanted
        speaker_->say(std::move(*utterance));
    }
}

} // namespace kiosk::app
