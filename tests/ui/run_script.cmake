# Runs one UI script offscreen with a fresh state folder (queue numbers, caches) and the clock at a fixed start.
# SDL_AUDIODRIVER=dummy: the test machines have no sound card; read aloud "plays" into the dummy device.
# -DKIOSK=... -DSCRIPT=... -DOUT=... -DSTATE=... -DEXTRA="--set a=b --set c=d" (split like a shell line)
separate_arguments(extra UNIX_COMMAND "${EXTRA}")
file(REMOVE_RECURSE ${STATE})
file(MAKE_DIRECTORY ${STATE})
# "#seed ARGS" lines run `kioskctl ARGS` on the same state folder before the kiosk starts (e.g. a served
# ticket to rate); the Nth seed's output replaces ${SEEDN} in the script, and ${SEEDN_TYPED} becomes the
# number and check code of a ticket QR payload ("A001 K7Q2MX"), as a citizen would type them.
file(STRINGS ${SCRIPT} seed_lines REGEX "^#seed ")
if(seed_lines)
  file(READ ${SCRIPT} script_text)
  set(n 0)
  foreach(line ${seed_lines})
    math(EXPR n "${n} + 1")
    string(REGEX REPLACE "^#seed " "" line "${line}")
    separate_arguments(words UNIX_COMMAND "${line}")
    execute_process(
      COMMAND ${CMAKE_COMMAND} -E env XDG_STATE_HOME=${STATE} KIOSK_CONFIG=${STATE}/none.toml ${KIOSKCTL} ${words}
      OUTPUT_VARIABLE seed_out ERROR_VARIABLE seed_err RESULT_VARIABLE seed_rc OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(NOT seed_rc EQUAL 0)
      message(FATAL_ERROR "${SCRIPT}: #seed ${line} failed (${seed_rc}): ${seed_err}")
    endif()
    string(REGEX REPLACE "^.*:([^:]+):([^:]+)$" "\\1 \\2" seed_typed "${seed_out}")
    string(REPLACE "\${SEED${n}_TYPED}" "${seed_typed}" script_text "${script_text}")
    string(REPLACE "\${SEED${n}}" "${seed_out}" script_text "${script_text}")
  endforeach()
  get_filename_component(script_name ${SCRIPT} NAME)
  set(SCRIPT ${STATE}/${script_name})
  file(WRITE ${SCRIPT} "${script_text}")
endif()
# Under ASan, Mesa's dlopen'ed GL driver is unloaded before LeakSanitizer runs, so its process-lifetime
# allocations show as leaks in "<unknown module>" that no suppression can name. Leak checks stay on for every
# test without GL; address and UB errors still abort the kiosk here.
if(DEFINED ENV{ASAN_OPTIONS})
  set(ENV{ASAN_OPTIONS} "$ENV{ASAN_OPTIONS}:detect_leaks=0")
endif()
# "#setup_pin PIN": the staff set-up PIN is set with kioskctl before the run (standard input, as on a kiosk).
file(STRINGS ${SCRIPT} pin_lines REGEX "^#setup_pin ")
foreach(line ${pin_lines})
  string(REGEX REPLACE "^#setup_pin +([0-9]+).*" "\\1" pin "${line}")
  file(WRITE ${STATE}/pin.txt "${pin}\n")
  execute_process(COMMAND ${CMAKE_COMMAND} -E env XDG_STATE_HOME=${STATE} KIOSK_CONFIG=${STATE}/none.toml
                          ${KIOSKCTL} setup set-pin
                  INPUT_FILE ${STATE}/pin.txt RESULT_VARIABLE rc)
  file(REMOVE ${STATE}/pin.txt)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "kioskctl setup set-pin exited with ${rc}")
  endif()
endforeach()
# "#usb FOLDER": tests/ui/data/FOLDER is the content of a mounted USB drive (KIOSK_MEDIA_DIR); without it no
# drive is mounted, so exports go to the state folder.
file(MAKE_DIRECTORY ${STATE}/media)
file(STRINGS ${SCRIPT} usb_lines REGEX "^#usb ")
foreach(line ${usb_lines})
  string(REGEX REPLACE "^#usb +([^ ]+).*" "\\1" usb "${line}")
  file(MAKE_DIRECTORY ${STATE}/media/kiosk)
  file(COPY ${CMAKE_CURRENT_LIST_DIR}/data/${usb}/ DESTINATION ${STATE}/media/kiosk/USB)
endforeach()
# "#kioskctl ARGS" lines run kioskctl on the same state folder first, in order (queue data for the counter
# console and lobby display: tickets issued and called with --at times on the frozen day).
file(STRINGS ${SCRIPT} kioskctl_lines REGEX "^#kioskctl ")
# "#kioskctl ARGS <<< TEXT" gives TEXT as its standard input (e.g. "counter set-pin 6 <<< 482915").
foreach(line ${kioskctl_lines})
  string(REGEX REPLACE "^#kioskctl " "" line "${line}")
  set(stdin_file /dev/null)
  if(line MATCHES "^(.*) <<< (.*)$")
    set(line "${CMAKE_MATCH_1}")
    set(stdin_file ${STATE}/kioskctl.stdin)
    file(WRITE ${stdin_file} "${CMAKE_MATCH_2}\n")
  endif()
  separate_arguments(words UNIX_COMMAND "${line}")
  execute_process(COMMAND ${CMAKE_COMMAND} -E env XDG_STATE_HOME=${STATE} KIOSK_CONFIG=${STATE}/none.toml
                          ${KIOSKCTL} ${words} INPUT_FILE ${stdin_file} RESULT_VARIABLE rc OUTPUT_QUIET
                          ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${SCRIPT}: kioskctl ${line} exited with ${rc}: ${err}")
  endif()
endforeach()
if(GATEWAY_MODE)
  # The kiosk looks dossiers up on a loopback test gateway that misbehaves as GATEWAY_MODE says; the gateway
  # lives at most 60 s and is stopped when the kiosk exits. The wait for its port is bounded (5 s).
  set(port_file ${STATE}/gateway.port)
  string(REPLACE ";" " " extra_words "${extra}")
  execute_process(
    COMMAND sh -c "'${GATEWAY_SERVER}' '${port_file}' 60 & srv=$!
      i=0; while [ ! -s '${port_file}' ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done
      port=$(cat '${port_file}')
      SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy KIOSK_TEST_CHECK_SEQUENCE=1 XDG_STATE_HOME='${STATE}' KIOSK_CONFIG='${STATE}/none.toml' '${KIOSK}' \\
        --clock '2026-11-27 09:30' --set status.port=0 --set dossier.source=gateway \\
        --set gateway.url=http://127.0.0.1:$port/${GATEWAY_MODE} --set gateway.connect_timeout_ms=1000 \\
        --set gateway.total_timeout_ms=3000 ${extra_words} --script '${SCRIPT}' --screenshot '${OUT}'
      rc=$?; kill $srv 2>/dev/null; wait $srv 2>/dev/null; exit $rc"
    WORKING_DIRECTORY ${OUT_DIR}
    RESULT_VARIABLE rc)
else()
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E env SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy KIOSK_TEST_CHECK_SEQUENCE=1 XDG_STATE_HOME=${STATE} KIOSK_CONFIG=${STATE}/none.toml
            KIOSK_DEV_DIR=${STATE}/no-devices KIOSK_MEDIA_DIR=${STATE}/media
            ${KIOSK} --clock "2026-11-27 09:30" --set status.port=0 ${extra} --script ${SCRIPT} --screenshot ${OUT}
    WORKING_DIRECTORY ${OUT_DIR}
    RESULT_VARIABLE rc)
endif()
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "kiosk --script ${SCRIPT} exited with ${rc}")
endif()
# "#restart_script FILE": the kiosk is started again on the same state folder and configuration file (what
# set-up saved) and runs FILE (in the same folder), e.g. to find a saved setting applied after a restart.
file(STRINGS ${SCRIPT} restart_lines REGEX "^#restart_script ")
foreach(line ${restart_lines})
  string(REGEX REPLACE "^#restart_script +([^ ]+).*" "\\1" second "${line}")
  get_filename_component(script_dir ${SCRIPT} DIRECTORY)
  get_filename_component(second_name ${second} NAME)
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E env SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy KIOSK_TEST_CHECK_SEQUENCE=1 XDG_STATE_HOME=${STATE} KIOSK_CONFIG=${STATE}/none.toml
            ${KIOSK} --clock "2026-11-27 09:30" --set status.port=0 --script ${script_dir}/${second}
            --screenshot ${OUT_DIR}/${second_name}.png
    WORKING_DIRECTORY ${OUT_DIR}
    RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "kiosk --script ${second} (after a restart) exited with ${rc}")
  endif()
endforeach()
# "#png_width FILE WIDTH" lines: a PNG the kiosk wrote under its state folder has that width (e.g. a ticket
# printed on 58 mm paper is 384 dots wide, on 80 mm 576); checked after every run (the restart script too). A '*' in FILE matches one file (time-stamped names).
file(STRINGS ${SCRIPT} width_checks REGEX "^#png_width ")
foreach(check ${width_checks})
  string(REGEX REPLACE "^#png_width +([^ ]+) +([0-9]+).*" "\\1;\\2" parts "${check}")
  list(GET parts 0 png)
  list(GET parts 1 expected)
  set(png ${STATE}/motcua-kiosk/${png})
  if(png MATCHES "[*]") # a name with a time stamp in it (e.g. a diagnostics folder): exactly one match
    file(GLOB matches ${png})
    list(LENGTH matches count)
    if(count EQUAL 1)
      set(png ${matches})
    endif()
  endif()
  if(NOT EXISTS ${png})
    message(FATAL_ERROR "${SCRIPT}: ${png} was not written")
  endif()
  file(READ ${png} width_hex OFFSET 16 LIMIT 4 HEX)
  math(EXPR width "0x${width_hex}")
  if(NOT width EQUAL expected)
    message(FATAL_ERROR "${SCRIPT}: ${png} is ${width} px wide, expected ${expected}")
  endif()
endforeach()
# "#reference NAME.png": a screenshot the script took (in the output folder) must match
# tests/ui/reference/NAME.png; "#reference NAME" (no .png): the final screenshot must match NAME.png.
# KIOSK_UPDATE_REFERENCE=1 rewrites the reference instead.
file(STRINGS ${SCRIPT} reference_lines REGEX "^#reference ")
foreach(line ${reference_lines})
  string(REGEX REPLACE "^#reference +([^ ]+).*" "\\1" shot "${line}")
  if(shot MATCHES "\\.png$")
    set(actual ${OUT_DIR}/${shot})
    set(reference ${REFERENCE_DIR}/${shot})
  else()
    set(actual ${OUT})
    set(reference ${REFERENCE_DIR}/${shot}.png)
  endif()
  if(DEFINED ENV{KIOSK_UPDATE_REFERENCE})
    file(COPY_FILE ${actual} ${reference})
    message(STATUS "updated ${reference}")
    continue()
  endif()
  execute_process(COMMAND ${COMPARE} ${actual} ${reference} 0.01 RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${actual} differs from ${reference}")
  endif()
endforeach()
