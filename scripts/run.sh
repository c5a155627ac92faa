#!/usr/bin/env bash
# Installs what is needed and starts Loket on the embedded SQLite database.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$LOKET_ROOT/scripts/setup.sh"
cd "$LOKET_ROOT"
cargo build --release -p loket-cli
loket="$CARGO_TARGET_DIR/release/loket"
office="${LOKET_OFFICE:-demak}"
"$loket" init --office "$office"
"$loket" services
