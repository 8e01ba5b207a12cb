#pragma once
// Milliseconds since this process was started by the kernel (Linux: /proc/self/stat start time against
// CLOCK_BOOTTIME). Used to report start-up time to the first presented frame; -1 when unavailable.

namespace kiosk {

[[nodiscard]] double ms_since_process_start();

} // namespace kiosk
