#!/bin/sh
# Lobby display idle CPU: `kiosk --mode display` on an SQLite queue (data_version polling every 100 ms),
# offscreen, measured as the process's CPU time (utime+stime) over 30 s with no calls, starting 2 s after its
# board was first drawn (start-up excluded; target ≤ 0.5 % of one core), compared in the same run with the
# citizen kiosk's idle home screen, then while a counter calls every 2 s. Prints the figures; needs the
# release build.
#   tests/bench/display_idle_bench.sh build/release
set -eu
build=${1:-build/release}
work=$(mktemp -d /tmp/kiosk-display-bench-XXXXXX)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
export XDG_STATE_HOME="$work/state" KIOSK_CONFIG="$work/none.toml" SDL_VIDEODRIVER=offscreen
ctl="$build/kiosk/cli/kioskctl"
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do "$ctl" ticket issue HT >/dev/null; done
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
measure() { # seconds → percent of one core
    a=$(ticks); sleep "$1"; b=$(ticks)
    awk -v a="$a" -v b="$b" -v s="$1" -v hz="$hz" 'BEGIN { printf "%.2f", 100 * (b - a) / hz / s }'
}
started() { # waits (≤ 60 s) until the first frame was presented, then 2 s more
    for _ in $(seq 600); do [ -s "$work/frames.log" ] && break; sleep 0.1; done
    sleep 2
}
"$build/kiosk/app/kiosk" --set status.port=0 --frame-log "$work/frames.log" 2>/dev/null &
pid=$!
started
home=$(measure 30)
kill $pid; wait $pid 2>/dev/null || true
echo "kiosk home idle CPU over 30 s: ${home} % of one core"
rm -f "$work/frames.log"
"$build/kiosk/app/kiosk" --mode display --set status.port=0 --set speech.output=off \
    --set display.orientation=landscape --frame-log "$work/frames.log" 2>"$work/kiosk.log" &
pid=$!
for _ in $(seq 600); do grep -q ' 12$' "$work/frames.log" 2>/dev/null && break; sleep 0.1; done # board read
started
idle=$(measure 30)
echo "display idle CPU over 30 s: ${idle} % of one core (target <= 0.5 %)"
( for i in 1 2 3 4 5 6 7 8 9 10; do "$ctl" queue call-next HT --counter $((i % 2 + 1)) >/dev/null; sleep 2; done ) &
calls=$!
busy=$(measure 20)
wait $calls
echo "display CPU over 20 s with a call every 2 s: ${busy} % of one core"
