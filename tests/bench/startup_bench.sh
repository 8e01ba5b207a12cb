#!/bin/bash
# Start-up, idle CPU and memory of the kiosk, side by side in one run under the same Xvfb:
#   (a) the kiosk with its real start-up work, (b) the floor: the smallest ImGui + SDL2 + OpenGL3 window with one
#   font (floor_window, built with the benchmarks), (c) Chromium --kiosk showing an equivalent static home page,
#   when /usr/bin/chromium is installed.
# usage: tests/bench/startup_bench.sh [BUILD_DIR] [RUNS]     (needs xvfb; run from the repository root)
set -euo pipefail
build=${1:-build/release}
runs=${2:-7}
kiosk="$build/kiosk/app/kiosk"
floor="$build/tests/bench/floor_window"
[ -x "$kiosk" ] && [ -x "$floor" ] || { echo "build $build first (kiosk and floor_window)" >&2; exit 2; }
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
export XDG_STATE_HOME="$work/state" KIOSK_CONFIG="$work/none.toml"

display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1080x1920x24 -nolisten tcp >/dev/null 2>&1 &
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
export DISPLAY=$display

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
first_frame() { # prints the median first_frame_ms over $runs runs of "$@"
  for _ in $(seq "$runs"); do "$@" --startup-probe 2>/dev/null | sed -n 's/^first_frame_ms=//p'; done | median
}
pss_kb() { # sums Pss over the given pids
  local total=0
  for pid in "$@"; do
    v=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
    total=$((total + ${v:-0}))
  done
  echo "$total"
}
cpu_ticks() { # utime+stime of the given pids
  local total=0
  for pid in "$@"; do
    v=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    total=$((total + ${v:-0}))
  done
  echo "$total"
}
descendants() { # pid and all its descendants
  local pids="$1" frontier="$1" next
  while [ -n "$frontier" ]; do
    next=""
    for p in $frontier; do next="$next $(pgrep -P "$p" || true)"; done
    frontier=$(echo $next)
    pids="$pids $frontier"
  done
  echo $pids
}
idle_measure() { # label, then command: starts it, waits 4 s, then CPU over three 10-s windows (median) and PSS
  local label=$1; shift
  "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep 4
  local hz; hz=$(getconf CLK_TCK)
  local pids samples="" t0 t1
  for _ in 1 2 3; do
    pids=$(descendants "$pid")
    t0=$(cpu_ticks $pids)
    sleep 10
    pids=$(descendants "$pid")
    t1=$(cpu_ticks $pids)
    samples="$samples $(awk -v d=$((t1 - t0)) -v hz="$hz" 'BEGIN {printf "%.2f", d / hz / 10 * 100}')"
  done
  # The kiosk redraws once a minute (the clock): a window that holds that redraw costs one llvmpipe frame.
  local cpu; cpu=$(echo $samples | tr ' ' '\n' | median)
  local pss; pss=$(pss_kb $pids)
  local count; count=$(echo $pids | wc -w)
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "$label $cpu $pss $count"
}

echo "== first frame (median of $runs runs, ms from process start to the first presented frame)"
kiosk_x=$(first_frame "$kiosk")
floor_x=$(first_frame "$floor")
kiosk_off=$(SDL_VIDEODRIVER=offscreen first_frame "$kiosk")
floor_off=$(SDL_VIDEODRIVER=offscreen first_frame "$floor")
printf '%-28s %10s %10s %12s\n' "" kiosk floor "kiosk-floor"
printf '%-28s %10.1f %10.1f %12.1f   (target: <= 200)\n' "Xvfb" "$kiosk_x" "$floor_x" "$(awk -v a="$kiosk_x" -v b="$floor_x" 'BEGIN{print a-b}')"
printf '%-28s %10.1f %10.1f %12.1f   (target: <= 200)\n' "offscreen (EGL)" "$kiosk_off" "$floor_off" "$(awk -v a="$kiosk_off" -v b="$floor_off" 'BEGIN{print a-b}')"

echo "== idle on the home screen: CPU over 10 s (% of one core, median of 3 windows) and PSS"
read -r _ k_cpu k_pss k_n < <(idle_measure kiosk "$kiosk")
read -r _ f_cpu f_pss f_n < <(idle_measure floor "$floor")
printf '%-28s %10s %12s %10s\n' "" "cpu %" "PSS MB" processes
printf '%-28s %10s %12.1f %10s\n' "kiosk" "$k_cpu" "$(awk -v k="$k_pss" 'BEGIN{print k/1024}')" "$k_n"
printf '%-28s %10s %12.1f %10s\n' "floor (ImGui window)" "$f_cpu" "$(awk -v k="$f_pss" 'BEGIN{print k/1024}')" "$f_n"
if [ -x /usr/bin/chromium ]; then
  cat > "$work/home.html" <<'HTML'
<!doctype html><html lang="vi"><meta charset="utf-8"><title>Mot Cua</title>
<style>body{margin:0;font-family:"Noto Sans",sans-serif;background:#f4f6fa}header{background:#a51c24;color:#fff;padding:30px 40px}
h1{margin:0;font-size:40px}.b{display:block;margin:40px 60px;padding:90px 40px;font-size:48px;border-radius:22px;background:#fff;border:3px solid #c4ccd8}
.p{background:#0054a6;color:#fff}</style>
<header><div>Bộ phận Một cửa</div><h1>UBND phường Cầu Giấy</h1><div>09:30 · Thứ Sáu, 27/11/2026</div></header>
<h2 style="margin:60px">Xin chào!</h2><a class="b">Tra cứu thủ tục</a><a class="b">Tra cứu hồ sơ</a><a class="b p">Lấy số thứ tự</a></html>
HTML
  read -r _ c_cpu c_pss c_n < <(idle_measure chromium /usr/bin/chromium --kiosk --no-sandbox --disable-gpu --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync --disable-quic \
      --user-data-dir="$work/chromium" "file://$work/home.html")
  printf '%-28s %10s %12.1f %10s\n' "chromium --kiosk" "$c_cpu" "$(awk -v k="$c_pss" 'BEGIN{print k/1024}')" "$c_n"
  echo "ratios: kiosk/floor PSS $(awk -v a="$k_pss" -v b="$f_pss" 'BEGIN{printf "%.2f", a/b}') (target <= 1.20)," \
       "kiosk/chromium PSS $(awk -v a="$k_pss" -v b="$c_pss" 'BEGIN{printf "%.2f", a/b}') (target <= 0.25)"
else
  echo "ratios: kiosk/floor PSS $(awk -v a="$k_pss" -v b="$f_pss" 'BEGIN{printf "%.2f", a/b}') (target <= 1.20); chromium not installed (apt-get install chromium to compare)"
fi
echo "idle CPU target: kiosk <= 0.2 % of one core"
