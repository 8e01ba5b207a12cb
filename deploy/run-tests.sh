#!/bin/sh
# Sets up, builds and runs the whole test suite: the release preset, the asan-ubsan preset, the tsan preset
# (unit, integration and UI tests), bounded libFuzzer runs and the formatting check.
# The tests start their own services (cupsd, PostgreSQL, loopback gateway and printer sinks) and render offscreen.
set -eu
cd "$(dirname "$0")/.."
./deploy/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)
for preset in release asan-ubsan; do
  echo "=== $preset"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS="suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0" \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --preset "$preset" -j "$jobs"
done
echo "=== tsan (ThreadSanitizer: unit, integration and UI tests)"
cmake --preset tsan >/dev/null
cmake --build --preset tsan -j "$jobs"
TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$(pwd)/tests/tsan.supp" \
  ctest --preset tsan -j "$jobs"
echo "=== fuzz (libFuzzer, clang, 20 s per target)"
cmake --preset fuzz >/dev/null
fuzz_targets=$(cd tests/fuzz && ls *_fuzz.cpp | sed 's/\.cpp$//')
# shellcheck disable=SC2086
cmake --build --preset fuzz -j "$jobs" --target $fuzz_targets
ctest --test-dir build/fuzz -L fuzz --output-on-failure
echo "=== prometheus rules (promtool)"
promtool check rules deploy/prometheus/motcua-kiosk.rules.yml
echo "=== clang-format"
find kiosk drivers tests -name '*.cpp' -o -name '*.hpp' | xargs clang-format --dry-run -Werror
echo "run-tests: all passed"
