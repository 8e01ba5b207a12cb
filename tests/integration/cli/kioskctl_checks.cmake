# Runs kioskctl as staff would and checks exit codes and output. -DKIOSKCTL=... -DWORK=... -DDATA=...
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(ENV{XDG_STATE_HOME} ${WORK}/state)
set(ENV{KIOSK_CONFIG} ${WORK}/none.toml)
# Services open all day so the check does not depend on the hour it runs at.
set(open --set services[0].opens=00:00 --set services[0].closes=23:59)

function(run expected_rc out_var)
  execute_process(COMMAND ${KIOSKCTL} ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL expected_rc)
    message(FATAL_ERROR "kioskctl ${ARGN}: exit ${rc}, expected ${expected_rc}\n${out}\n${err}")
  endif()
  set(${out_var} "${out}${err}" PARENT_SCOPE)
endfunction()

function(expect_contains text fragment what)
  string(FIND "${text}" "${fragment}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${what}: expected '${fragment}' in:\n${text}")
  endif()
endfunction()

# A printer that cannot be reached: the number is still issued and recorded as print_failed.
run(1 out ${open} --set printer.sink=cups --set printer.cups_destination=kiosk --set printer.cups_server=127.0.0.1:9
    ticket issue HT --print --json)
expect_contains("${out}" "\"state\": \"print_failed\"" "issue with a dead printer")
expect_contains("${out}" "\"display\": \"A001\"" "issue with a dead printer")
# Reprint on the PNG sink: printed, and the file is there.
run(0 out ${open} ticket reprint A001 --json)
expect_contains("${out}" "\"state\": \"printed\"" "reprint")
if(NOT EXISTS ${WORK}/state/motcua-kiosk/tickets/A001.png)
  message(FATAL_ERROR "reprint wrote no PNG ticket")
endif()
# The next number follows; the staff side calls and serves it.
run(0 out ${open} ticket issue HT --json)
expect_contains("${out}" "\"display\": \"A002\"" "second issue")
run(0 out queue call-next HT --counter 1 --json)
expect_contains("${out}" "A001" "call-next serves the oldest first")
run(0 out queue done A001)
run(0 out queue list --json)
expect_contains("${out}" "\"served\"" "queue list")
# Configuration problems are all reported with file, line and key.
run(1 out config check ${DATA}/broken.toml)
expect_contains("${out}" "broken.toml:2: ui.idle_timeout_s" "config check")
expect_contains("${out}" "broken.toml:3: ui.language" "config check")
expect_contains("${out}" "broken.toml:6: printer.colour: unknown key" "config check")
expect_contains("${out}" "printer.paper_mm: must be 58 or 80" "config check")
# Payloads: a lookup URL gives its code; a script URL is refused with a reason.
run(0 out parse "https://dichvucong.hanoi.gov.vn/tra-cuu?code=000.00.99.H99-251117-0006" --json)
expect_contains("${out}" "000.00.99.H99-251117-0006" "parse URL")
run(1 out parse "javascript:alert(1)" --json)
expect_contains("${out}" "dossier.qr." "parse script URL")
# The bundled catalog and search.
run(0 out catalog stats --json)
expect_contains("${out}" "\"procedures\"" "catalog stats")
run(0 out search "lam giay khai sinh cho con" --json --limit 3)
expect_contains("${out}" "1.001193" "search")
