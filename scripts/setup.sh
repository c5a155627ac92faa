#!/usr/bin/env bash
# Installs what Loket needs on Debian 12: system packages for Tauri and the tests (also
# PostgreSQL 15 for the PostgreSQL backend's tests).
# Safe to run repeatedly: it installs only what is missing.
set -euo pipefail
source "$(dirname "$0")/env.sh"

packages=(
  build-essential pkg-config file libssl-dev
  libwebkit2gtk-4.1-dev libayatana-appindicator3-dev librsvg2-dev libxdo-dev
  webkit2gtk-driver xvfb dunst dbus-x11 libnotify-bin x11-utils imagemagick
  poppler-utils openssl zbar-tools
  # PostgreSQL 15 and pg_virtualenv, for the throwaway cluster of scripts/with-postgres.sh
  postgresql postgresql-common
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "== memasang paket Debian: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q "${missing[@]}"
fi

if ! command -v cargo >/dev/null; then
  echo "galat: Rust (cargo) belum terpasang; pasang dengan rustup atau paket Debian 'cargo'" >&2
  exit 2
fi
if ! command -v npm >/dev/null; then
  echo "galat: Node.js/npm belum terpasang; pasang paket Debian 'nodejs' dan 'npm'" >&2
  exit 2
fi

# tauri-driver drives the real app window in the end-to-end tests (with WebKitWebDriver).
if [ ! -x "$LOKET_TOOLS_ROOT/bin/tauri-driver" ]; then
  echo "== memasang tauri-driver 2.1.0 ke $LOKET_TOOLS_ROOT/bin"
  cargo install tauri-driver --version 2.1.0 --locked --root "$LOKET_TOOLS_ROOT"
fi
