#!/usr/bin/env bash
# Builds the desktop app: installs the UI's npm packages with `npm ci` (from the committed
# package-lock.json, which it never changes), builds ui/dist, then the
# loket-desktop binary with ui/dist embedded. `--release` for an optimised build (with the
# `loket` command beside it).
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
# One cargo invocation per profile, each resolving the same feature set as the other commands
# of that profile, so that Typst and its dependencies compile once per profile:
# - debug: the same packages and targets as `cargo test --workspace` (the e2e tests drive this
#   binary, and `cargo test --workspace` afterwards builds nothing new);
# - release: the desktop app and the `loket` command together, as scripts/package.sh packs them.
if [ "${1:-}" = "--release" ]; then
  echo "== membangun aplikasi desktop dan perintah loket (rilis)"
  cargo build --release -p loket-desktop -p loket-cli
else
  echo "== membangun aplikasi desktop dan semua uji (debug)"
  cargo build --workspace --bins --tests
fi
