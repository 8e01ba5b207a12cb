#!/bin/bash
# Soak: the real kiosk (offscreen) runs scripted citizen sessions back to back — browse the catalog, search
# with the on-screen keyboard, look a dossier up by its code (typed, as a keyboard-wedge scanner sends it),
# take a printed queue ticket — with an idle reset every fifth session. Every SAMPLE seconds it records resident
# memory (VmRSS), open file descriptors and threads from /proc, and at the end prints the growth per hour of
# RSS (least squares over the samples after a warm-up) and the ranges of fds and threads.
# usage: tests/bench/soak.sh BUILD_DIR [DURATION_S=3600] [SAMPLE_S=10] [--check | --check-rss]
#   --check: exit 1 unless fds and threads end where they were after warm-up (±2) and tickets were issued
#   (the bounded run in the test command). --check-rss: also RSS growth < 1 MB per hour (runs of ≥ 50 min), or
#   < 4 MB absolute after warm-up for shorter runs. The printed per-hour figure says how long it was measured
#   over; for short runs it is an extrapolation.
set -u
build=$(cd "$1" && pwd)
duration=${2:-3600}
sample=${3:-10}
check=${4:-}
kiosk="$build/kiosk/app/kiosk"
[ -x "$kiosk" ] || { echo "soak: no kiosk binary at $kiosk (build the release preset)"; exit 2; }
work=$(mktemp -d /tmp/kiosk-soak.XXXXXX)
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap "exit 130" INT TERM

session() {
  cat <<'S'
tap "Tra cứu thủ tục"
expect "Thủ tục hành chính"
tap "Tìm thủ tục theo tên hoặc từ thường dùng"
type "ket hon"
expect "ket hon"
tap "Xóa hết"
tap "Trang chủ"
tap "Tra cứu hồ sơ"
type "000.00.99.H99-251120-0002"
key Return
expect "Được tiếp nhận"
tap "Trang chủ"
tap "Lấy số thứ tự"
tap "Chứng thực"
expect "Số thứ tự của ông/bà"
tap "Xong"
wait 800
S
}
# Sessions for the whole duration (about 3 s each when the machine is idle; the run is cut at DURATION).
sessions=$(( duration / 2 + 5 ))
{
  echo "set ui.idle_timeout_s=10"
  for i in $(seq 1 "$sessions"); do
    session
    if [ $((i % 5)) -eq 0 ]; then
      echo 'tap "Lấy số thứ tự"'
      echo "wait 10500"
      echo 'expect "Xin chào!"'
    fi
  done
} >"$work/soak.kiosk"

mkdir -p "$work/state"
SDL_VIDEODRIVER=offscreen XDG_STATE_HOME="$work/state" KIOSK_CONFIG="$work/none.toml" KIOSK_LOG=stderr \
  "$kiosk" --set status.port=0 --set ui.idle_timeout_s=10 --script "$work/soak.kiosk" >/dev/null 2>"$work/kiosk.err" &
pid=$!
echo "soak: kiosk pid $pid, $duration s, sample every $sample s"
printf '%8s %10s %6s %8s %8s\n' t_s rss_kb fds threads tickets | tee "$work/samples.txt"
start=$(date +%s)
while :; do
  now=$(date +%s)
  t=$((now - start))
  [ -d "/proc/$pid" ] || break
  rss=$(awk '/^VmRSS:/{print $2}' "/proc/$pid/status" 2>/dev/null)
  threads=$(awk '/^Threads:/{print $2}' "/proc/$pid/status" 2>/dev/null)
  fds=$(ls "/proc/$pid/fd" 2>/dev/null | wc -l)
  tickets=$(ls "$work/state/motcua-kiosk/tickets" 2>/dev/null | wc -l)
  [ -n "$rss" ] && printf '%8d %10d %6d %8d %8d\n' "$t" "$rss" "$fds" "$threads" "$tickets" | tee -a "$work/samples.txt"
  [ "$t" -ge "$duration" ] && break
  sleep "$sample"
done
if [ -d "/proc/$pid" ]; then
  kill "$pid"
  wait "$pid" 2>/dev/null
  ended="cut at $duration s (still running sessions)"
else
  wait "$pid"
  rc=$?
  ended="kiosk exited with $rc"
  [ "$rc" -ne 0 ] && { echo "soak: $ended"; tail -20 "$work/kiosk.err"; }
fi
pid=""
echo "soak: $ended"
# A step that found nothing to tap or an expectation that did not hold means the sessions were not the ones
# described above: the figures would be about something else.
step_failures=$(grep -c "soak.kiosk:[0-9]*:" "$work/kiosk.err")
echo "soak: $step_failures script steps failed"
[ "$step_failures" -gt 0 ] && grep -m 3 "soak.kiosk:[0-9]*:" "$work/kiosk.err" | cut -c1-300
# Warm-up: the first fifth of the run (caches, fonts, first tickets) is left out of the figures.
awk -v check="$check" -v duration="$duration" -v step_failures="$step_failures" '
  NR == 1 { next }
  { t[n] = $1; r[n] = $2; f[n] = $3; h[n] = $4; k[n] = $5; n++ }
  END {
    if (n < 4) { print "soak: too few samples"; exit 1 }
    last = t[n - 1]; w = 0; while (w < n - 3 && t[w] < last / 5) w++
    sx = sy = sxx = sxy = 0; m = 0
    for (i = w; i < n; i++) { sx += t[i]; sy += r[i]; sxx += t[i] * t[i]; sxy += t[i] * r[i]; m++ }
    slope = (m * sxy - sx * sy) / (m * sxx - sx * sx)            # kB per second
    per_hour_mb = slope * 3600 / 1024
    fmin = fmax = f[w]; hmin = hmax = h[w]
    for (i = w; i < n; i++) { if (f[i] < fmin) fmin = f[i]; if (f[i] > fmax) fmax = f[i]; if (h[i] < hmin) hmin = h[i]; if (h[i] > hmax) hmax = h[i] }
    grown_kb = r[n - 1] - r[w]
    printf "soak: measured over %d s (warm-up %d s excluded), %d tickets issued\n", last, t[w], k[n - 1]
    printf "soak: rss %d kB -> %d kB; growth %.3f MB per hour (least squares over %d s)\n", r[w], r[n - 1], per_hour_mb, last - t[w]
    printf "soak: fds %d..%d (end %d), threads %d..%d (end %d)\n", fmin, fmax, f[n - 1], hmin, hmax, h[n - 1]
    if (check == "--check" || check == "--check-rss") {
      bad = 0
      if (f[n - 1] > f[w] + 2) { print "soak: FAIL fds grew"; bad = 1 }
      if (h[n - 1] > h[w] + 2) { print "soak: FAIL threads grew"; bad = 1 }
      if (check != "--check-rss") {}
      else if (last - t[w] >= 3000) { if (per_hour_mb > 1.0) { print "soak: FAIL rss grows more than 1 MB per hour"; bad = 1 } }
      else if (grown_kb > 4096) { print "soak: FAIL rss grew more than 4 MB after warm-up"; bad = 1 }
      if (k[n - 1] < 3) { print "soak: FAIL fewer than 3 tickets: the sessions did not run"; bad = 1 }
      if (step_failures > 0) { print "soak: FAIL script steps failed: the sessions did not run as written"; bad = 1 }
      if (!bad) print "soak: PASS"
      exit bad
    }
  }' "$work/samples.txt"
