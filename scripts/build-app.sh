#!/usr/bin/env bash
# Builds the desktop app: installs the UI's npm packages (from the committed
# package-lock.json, only when the lock file changed), builds ui/dist, then the
# loket-desktop binary with ui/dist embedded. `--release` for an optimised build.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$LOKET_ROOT/ui"

stamp=node_modules/.loket-lock-sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  # `npm install` with the committed lock, not `npm ci`: the npm here records only this
  # platform's optional packages in the lock, which `npm ci` then calls out of sync.
  # The lock file is left unchanged (checked below), so versions stay pinned.
  echo "== npm install (ui, dari package-lock.json)"
  before="$(sha256sum package-lock.json | cut -d' ' -f1)"
  npm install --no-audit --no-fund
  after="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [ "$before" != "$after" ]; then
    echo "galat: npm install mengubah ui/package-lock.json; perbarui lock file dan commit" >&2
    exit 2
  fi
  echo "$want" >"$stamp"
fi

echo "== membangun antarmuka (ui/dist)"
npm run --silent build

cd "$LOKET_ROOT"
echo "== membangun aplikasi desktop (loket-desktop${1:+ $1})"
cargo build -p loket-desktop "$@"
