# Runs one UI script offscreen with a fresh state folder (queue numbers, caches) and the clock at a fixed start.
# -DKIOSK=... -DSCRIPT=... -DOUT=... -DSTATE=... -DEXTRA="--set a=b --set c=d" (split like a shell line)
separate_arguments(extra UNIX_COMMAND "${EXTRA}")
file(REMOVE_RECURSE ${STATE})
file(MAKE_DIRECTORY ${STATE})
# Under ASan, Mesa's dlopen'ed GL driver is unloaded before LeakSanitizer runs, so its process-lifetime
# allocations show as leaks in "<unknown module>" that no suppression can name. Leak checks stay on for every
# test without GL; address and UB errors still abort the kiosk here.
if(DEFINED ENV{ASAN_OPTIONS})
  set(ENV{ASAN_OPTIONS} "$ENV{ASAN_OPTIONS}:detect_leaks=0")
endif()
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env SDL_VIDEODRIVER=offscreen XDG_STATE_HOME=${STATE} KIOSK_CONFIG=${STATE}/none.toml
          ${KIOSK} --clock "2026-11-27 09:30" --set status.port=0 ${extra} --script ${SCRIPT} --screenshot ${OUT}
  WORKING_DIRECTORY ${OUT_DIR}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "kiosk --script ${SCRIPT} exited with ${rc}")
endif()
