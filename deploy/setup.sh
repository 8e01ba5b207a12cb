#!/bin/sh
# Installs every Debian 12 package the kiosk needs to build, run and test (deploy/packages.txt).
# Idempotent: installs only what is missing. Needs root (or sudo).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
packages=$(grep -v '^#' "$here/packages.txt" | tr -s ' \n' ' ')
missing=""
for p in $packages; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  case "$status" in *"install ok installed"*) ;; *) missing="$missing $p" ;; esac
done
if [ -z "$missing" ]; then
  echo "setup: all packages present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else echo "setup: run as root to install:$missing" >&2; exit 1; fi
else
  SUDO=""
fi
echo "setup: installing$missing"
export DEBIAN_FRONTEND=noninteractive
# The postgresql and cups packages must not start system-wide services inside containers/chroots.
if [ ! -e /usr/sbin/policy-rc.d ] && [ -z "$SUDO" ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && created_policy=1
fi
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
[ "${created_policy:-}" = 1 ] && rm -f /usr/sbin/policy-rc.d
echo "setup: done"
