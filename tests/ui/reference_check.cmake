# Renders the home screen (LANG, ORIENTATION) offscreen with a frozen clock and compares it with REFERENCE.
# Set KIOSK_UPDATE_REFERENCE=1 in the environment to (re)write the reference instead.
# Under ASan, Mesa's dlopen'ed GL driver is unloaded before LeakSanitizer runs, so its process-lifetime
# allocations show as leaks in "<unknown module>" that no suppression can name. Leak checks stay on for every
# test without GL; address and UB errors still abort the kiosk here.
if(DEFINED ENV{ASAN_OPTIONS})
  set(ENV{ASAN_OPTIONS} "$ENV{ASAN_OPTIONS}:detect_leaks=0")
endif()
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy KIOSK_CONFIG=/nonexistent/kiosk.toml
          XDG_STATE_HOME=${OUT}.state
          ${KIOSK} --clock "2026-11-27 09:30" --set status.port=0 --set ui.language=${LANG} --set display.orientation=${ORIENTATION}
          --screenshot ${OUT}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "kiosk exited with ${rc}")
endif()
if(DEFINED ENV{KIOSK_UPDATE_REFERENCE})
  file(COPY_FILE ${OUT} ${REFERENCE})
  message(STATUS "updated ${REFERENCE}")
  return()
endif()
execute_process(COMMAND ${COMPARE} ${OUT} ${REFERENCE} 0.01 RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${OUT} differs from ${REFERENCE}")
endif()
