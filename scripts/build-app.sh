#!/usr/bin/env bash
# Builds the desktop app: installs the UI's npm packages with `npm ci` (from the committed
# package-lock.json, which it never changes), builds ui/dist, then the
# loket-desktop binary with ui/dist embedded. `--release` for an optimised build.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$LOKET_ROOT/ui"

# `npm ci` installs exactly the committed package-lock.json (every platform's optional
# packages are listed in it) and never rewrites it; it starts from an empty node_modules each
# time, so nothing left by an earlier run on this machine can hide a missing package.
echo "== npm ci (ui, dari package-lock.json)"
npm ci --no-audit --no-fund

echo "== membangun antarmuka (ui/dist)"
npm run --silent build

cd "$LOKET_ROOT"
echo "== membangun aplikasi desktop (loket-desktop${1:+ $1})"
cargo build -p loket-desktop "$@"
