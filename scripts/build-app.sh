#!/usr/bin/env bash
# Builds the desktop app: installs the UI's npm packages (npm ci, from the committed
# package-lock.json, only when the lock file changed), builds ui/dist, then the
# loket-desktop binary with ui/dist embedded. `--release` for an optimised build.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$LOKET_ROOT/ui"

stamp=node_modules/.loket-lock-sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "== npm ci (ui)"
  npm ci --no-audit --no-fund
  echo "$want" >"$stamp"
fi

echo "== membangun antarmuka (ui/dist)"
npm run --silent build

cd "$LOKET_ROOT"
echo "== membangun aplikasi desktop (loket-desktop${1:+ $1})"
cargo build -p loket-desktop "$@"
