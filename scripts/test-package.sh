#!/usr/bin/env bash
# Packaging test (slow: a Debian root and a release build; not part of scripts/test.sh).
# Builds Loket_<version>_amd64.deb with scripts/package.sh, makes a clean Debian 12 root with
# debootstrap from this machine's own Debian mirror, installs the .deb there with
# `apt-get install ./Loket_….deb` (so apt must find every library the package declares) and
# runs the `loket` command inside it (chroot): --version, init of the Demak office, services.
# The chroot has no display: the desktop binary is checked with ldd (every shared library it
# needs resolves inside the root) and started under Xvfb when the root has xvfb (it has not by
# default; LOKET_PKGTEST_WINDOW=1 installs it there after the package, for a screenshot).
# `--deb FILE` tests a package built before instead of building one.
# Needs root (debootstrap, chroot). Keeps the root in /var/tmp/loket-pkgtest unless
# LOKET_PKGTEST_KEEP=0.
set -euo pipefail
source "$(dirname "$0")/env.sh"

if [ "$(id -u)" -ne 0 ]; then
  echo "galat: uji paket perlu root (debootstrap dan chroot); jalankan dengan sudo" >&2
  exit 2
fi
if ! command -v debootstrap >/dev/null; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap
fi

version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$LOKET_ROOT/Cargo.toml" | head -1)"
if [ "${1:-}" = "--deb" ] && [ -n "${2:-}" ]; then
  deb="$(realpath "$2")" # a package built earlier (scripts/package.sh), tested as it is
else
  "$LOKET_ROOT/scripts/package.sh"
  deb="$LOKET_ROOT/artifacts/package/Loket_${version}_amd64.deb"
fi
[ -f "$deb" ] || { echo "galat: paket $deb tidak ada" >&2; exit 2; }

# The mirror this machine's apt uses (deb822 sources or the classic sources.list).
mirror="$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)"
if [ -z "$mirror" ]; then
  mirror="$(awk '$1=="deb"{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)"
fi
[ -n "$mirror" ] || { echo "galat: tidak menemukan cermin Debian di /etc/apt" >&2; exit 2; }

work=/var/tmp/loket-pkgtest
root="$work/root"
mounted=()
cleanup() {
  # Anything still running inside the root (a session bus left by the window check) ends first.
  for proc in /proc/[0-9]*; do
    [ "$(readlink "$proc/root" 2>/dev/null)" = "$root" ] && kill "${proc#/proc/}" 2>/dev/null || true
  done
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}" 2>/dev/null || true; done
  if [ "${LOKET_PKGTEST_KEEP:-1}" = 0 ]; then rm -rf "$work"; fi
}
trap cleanup EXIT

# A clean root each time: nothing installed by an earlier run may satisfy a dependency.
rm -rf "$root"
mkdir -p "$work"
echo "== debootstrap bookworm (minbase) ke $root"
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log"; exit 1; }
cp /etc/resolv.conf "$root/etc/resolv.conf"
for fs in proc sys dev; do
  mount --bind "/$fs" "$root/$fs"
  mounted+=("$root/$fs")
done

in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

echo "== apt-get install ./$(basename "$deb") di dalam root bersih"
cp "$deb" "$root/tmp/"
in_root apt-get update -q >/dev/null
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  "./tmp/$(basename "$deb")" >"$work/apt-install.log" 2>&1 || { tail -30 "$work/apt-install.log"; exit 1; }
in_root dpkg -s loket >/dev/null

fail() { echo "GAGAL: $*" >&2; exit 1; }

echo "== loket --version"
out="$(in_root loket --version)"
echo "$out"
grep -q "$version" <<<"$out" || fail "loket --version tidak menyebut versi $version"

echo "== loket init --office demak"
in_root mkdir -p /root/kantor
in_root loket init --office demak --db /root/kantor/loket.db
[ -s "$root/root/kantor/loket.db" ] || fail "loket init tidak membuat basis data"

echo "== loket services"
out="$(in_root loket services --db /root/kantor/loket.db)"
echo "$out" | head -5
grep -qi "hosting" <<<"$out" || fail "loket services tidak mencantumkan layanan hosting Demak"

echo "== pustaka bersama loket-desktop dan loket di dalam root (ldd)"
for bin in /usr/bin/loket-desktop /usr/bin/loket; do
  missing="$(in_root ldd "$bin" | grep 'not found' || true)"
  [ -z "$missing" ] || fail "$bin memerlukan pustaka yang tidak dinyatakan paket: $missing"
done
in_root test -f /usr/share/applications/Loket.desktop || fail "entri menu tidak terpasang"
in_root test -f /usr/share/doc/loket/LICENSE-Liberation.txt || fail "lisensi huruf tidak terpasang"

if [ "${LOKET_PKGTEST_WINDOW:-0}" = 1 ]; then
  echo "== jendela di dalam root (Xvfb; xvfb dan imagemagick dipasang khusus untuk uji ini)"
  in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    xvfb xauth imagemagick dbus dbus-x11 >/dev/null
  cat >"$root/tmp/jendela.sh" <<'SH'
export LOKET_DB=/root/kantor/jendela.db WEBKIT_DISABLE_COMPOSITING_MODE=1
dbus-run-session -- loket-desktop &
app=$!
sleep 15
import -window root /tmp/jendela.png
kill "$app"
SH
  in_root xvfb-run -a -s "-screen 0 1280x820x24" sh /tmp/jendela.sh || true
  mkdir -p "$LOKET_ROOT/artifacts/package"
  cp "$root/tmp/jendela.png" "$LOKET_ROOT/artifacts/package/jendela-dalam-root.png" 2>/dev/null \
    && echo "tangkapan layar: artifacts/package/jendela-dalam-root.png" \
    || echo "peringatan: tidak ada tangkapan layar jendela dari dalam root"
fi

echo "Uji paket lulus: $(basename "$deb") terpasang di Debian 12 bersih dan loket berjalan di sana"
