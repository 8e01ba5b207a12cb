#include "kiosk/ui/ui_context.hpp"

namespace kiosk::ui {

void UiContext::emit(Command command) {
    commands_.push_back(std::move(command));
}

} // namespace kiosk::ui
