#!/bin/bash
# The .deb, end to end: builds it with CPack from BUILD_DIR, installs it with apt in a fresh Debian 12 chroot
# (debootstrap minbase; the base is cached in $FRESH_BASE, default /var/cache/motcua-kiosk-tests/bookworm-base,
# and apt downloads in /var/cache/motcua-kiosk-tests/apt-archives), then checks: `kiosk --version`, a headless
# kiosk answering `kioskctl health`, `dpkg -L`, the conffile, the `kiosk` user, the state folder and the enabled
# unit; reinstall keeps the state; remove keeps the state; purge drops it; nothing else is left.
# usage: deb_install.sh BUILD_DIR SOURCE_DIR. Needs root (exit 77 = skipped otherwise) and the Debian mirror.
set -u
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
if [ "$(id -u)" -ne 0 ]; then
  echo "SKIP: installing the .deb in a chroot needs root"
  exit 77
fi
for tool in cpack debootstrap chroot dpkg-shlibdeps; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (deploy/packages.txt)"; exit 1; }
done
cache=/var/cache/motcua-kiosk-tests
base=${FRESH_BASE:-$cache/bookworm-base}
work=$(mktemp -d /tmp/kiosk-deb.XXXXXX)
root=$work/root
mounted=""
fail() { echo "FAIL: $*"; exit 1; }
cleanup() {
  # End what is still running inside this chroot (by pid), then unmount and delete.
  for p in /proc/[0-9]*; do
    [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && kill -9 "${p#/proc/}" 2>/dev/null
  done
  if [ -n "$mounted" ]; then
    sleep 0.5
    umount -R "$root/var/cache/apt/archives" "$root/tmp" "$root/sys" "$root/dev" "$root/proc" 2>/dev/null
  fi
  rm -rf --one-file-system "$work"
}
trap cleanup EXIT
trap "exit 130" INT TERM
in_root() { chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 /bin/bash -c "$1"; }

echo "--- cpack"
(cd "$build" && cpack -G DEB -B "$work/pkg" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack -G DEB"; }
deb=$(ls "$work"/pkg/motcua-kiosk_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no .deb in $work/pkg"
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'
dpkg-deb --info "$deb" | grep -q "Depends:.*libsdl2" || fail "shlibdeps did not add libsdl2 to Depends"

echo "--- Debian 12 base ($base)"
if [ ! -x "$base/bin/bash" ]; then
  mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null)
  mkdir -p "$(dirname "$base")"
  debootstrap --variant=minbase bookworm "$base.tmp" "${mirror:-http://deb.debian.org/debian}" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log"; fail "debootstrap"; }
  mv "$base.tmp" "$base"
fi
cp -a "$base/." "$root/" || fail "copy the base"
if [ -f /etc/apt/sources.list.d/debian.sources ]; then
  cp /etc/apt/sources.list.d/debian.sources "$root/etc/apt/sources.list.d/" && rm -f "$root/etc/apt/sources.list"
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d" && chmod +x "$root/usr/sbin/policy-rc.d"
mkdir -p "$cache/apt-archives/partial"
mount -t proc proc "$root/proc" && mount --rbind /dev "$root/dev" && mount --rbind /sys "$root/sys" &&
  mount -t tmpfs tmpfs "$root/tmp" && mount --bind "$cache/apt-archives" "$root/var/cache/apt/archives" || fail "mounts"
mounted=1
cp "$deb" "$root/tmp/motcua-kiosk.deb"

echo "--- apt-get install ./motcua-kiosk.deb"
in_root "apt-get update -q >/tmp/apt.log 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends /tmp/motcua-kiosk.deb >>/tmp/apt.log 2>&1" \
  || { tail -30 "$root/tmp/apt.log"; fail "apt-get install"; }

echo "--- installed files"
in_root "dpkg -L motcua-kiosk" >"$work/files.txt" || fail "dpkg -L"
for f in /usr/bin/kiosk /usr/bin/kioskctl /etc/motcua-kiosk/kiosk.toml /lib/systemd/system/motcua-kiosk.service \
  /usr/share/motcua-kiosk/i18n /usr/share/motcua-kiosk/fonts/NotoSans-Regular.ttf /usr/share/motcua-kiosk/catalog \
  /usr/share/doc/motcua-kiosk/prometheus/motcua-kiosk.rules.yml; do
  grep -qx "$f" "$work/files.txt" || fail "dpkg -L does not list $f"
  [ -e "$root$f" ] || fail "$f is listed but missing"
done
echo "dpkg -L: $(wc -l <"$work/files.txt") entries, all expected paths present"
in_root "dpkg-query -W -f='\${Conffiles}' motcua-kiosk" | grep -q "/etc/motcua-kiosk/kiosk.toml" || fail "kiosk.toml is not a conffile"
in_root "ldd /usr/bin/kiosk /usr/bin/kioskctl" | grep "not found" && fail "unresolved shared libraries"

echo "--- maintainer scripts"
in_root "getent passwd kiosk" | grep -q "/var/lib/motcua-kiosk" || fail "no kiosk system user"
# stat inside the chroot: the user names are the chroot's
[ "$(in_root "stat -c %U /var/lib/motcua-kiosk")" = kiosk ] || fail "/var/lib/motcua-kiosk is not owned by kiosk"
[ "$(in_root "stat -c %a:%U:%G /etc/motcua-kiosk/kiosk.toml")" = 640:root:kiosk ] || fail "kiosk.toml is not 0640 root:kiosk"
[ -L "$root/etc/systemd/system/graphical.target.wants/motcua-kiosk.service" ] || fail "the service is not enabled"

echo "--- kiosk --version, kioskctl health against a headless kiosk"
version=$(in_root "kiosk --version") || fail "kiosk --version"
echo "$version" | grep -q "$(sed -n 's/^project(motcua_kiosk VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")" || fail "kiosk --version: $version"
in_root "kioskctl --version" >/dev/null || fail "kioskctl --version"
printf 'wait 20000\n' >"$root/tmp/wait.kiosk"
in_root "cd /tmp && \
  SDL_VIDEODRIVER=offscreen XDG_STATE_HOME=/tmp/state kiosk --set status.port=0 --script /tmp/wait.kiosk >/tmp/kiosk.out 2>/tmp/kiosk.err &"
port=""
for _ in $(seq 1 100); do
  port=$(sed -n 's|.*status on http://127.0.0.1:\([0-9]*\)/healthz.*|\1|p' "$root/tmp/kiosk.err" 2>/dev/null | head -1)
  [ -n "$port" ] && break
  sleep 0.2
done
[ -n "$port" ] || { cat "$root/tmp/kiosk.err"; fail "the installed kiosk did not start its status server"; }
for _ in $(seq 1 50); do # until the first frame is reported
  health=$(in_root "kioskctl health --url http://127.0.0.1:$port")
  case "$health" in *"last_frame=none"*) sleep 0.2 ;; *) break ;; esac
done
echo "kioskctl health: $health"
echo "$health" | grep -q "  online  " || fail "kioskctl health did not read the installed kiosk"
echo "$health" | grep -q "version=$(in_root "kiosk --version" | awk '{print $NF}')" || fail "kioskctl health shows no version"
echo "$health" | grep -q "last_frame=[0-9]" || fail "kioskctl health: the installed kiosk drew no frame"

echo "--- reinstall (upgrade path) keeps the state"
echo "queue numbers" >"$root/var/lib/motcua-kiosk/marker"
in_root "dpkg -i /tmp/motcua-kiosk.deb >/tmp/dpkg.log 2>&1" || { cat "$root/tmp/dpkg.log"; fail "reinstall"; }
[ -f "$root/var/lib/motcua-kiosk/marker" ] || fail "reinstall lost the state"

echo "--- remove keeps state and configuration; purge drops them"
in_root "DEBIAN_FRONTEND=noninteractive apt-get remove -y -q motcua-kiosk >/tmp/apt.log 2>&1" || { tail "$root/tmp/apt.log"; fail "apt-get remove"; }
[ ! -e "$root/usr/bin/kiosk" ] || fail "remove left /usr/bin/kiosk"
[ -f "$root/var/lib/motcua-kiosk/marker" ] || fail "remove dropped the state"
[ -f "$root/etc/motcua-kiosk/kiosk.toml" ] || fail "remove dropped the conffile"
in_root "DEBIAN_FRONTEND=noninteractive apt-get purge -y -q motcua-kiosk >/tmp/apt.log 2>&1" || { tail "$root/tmp/apt.log"; fail "apt-get purge"; }
[ ! -e "$root/var/lib/motcua-kiosk" ] || fail "purge left /var/lib/motcua-kiosk"
[ ! -e "$root/etc/motcua-kiosk" ] || fail "purge left /etc/motcua-kiosk"
while read -r f; do
  case "$f" in /usr/bin|/usr/share|/usr/share/doc|/etc|/lib|/lib/systemd|/lib/systemd/system|/usr|/.|/) continue ;; esac
  [ -e "$root$f" ] && [ ! -d "$root$f" ] && fail "purge left $f"
done <"$work/files.txt"
in_root "dpkg -s motcua-kiosk" >/dev/null 2>&1 && fail "dpkg still knows the package"
echo "PASS: motcua-kiosk .deb installs, runs, upgrades in place, removes and purges cleanly in Debian 12"
