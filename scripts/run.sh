#!/usr/bin/env bash
# Installs what is needed, builds the UI and the desktop app, and starts Loket on the
# embedded SQLite database in the OS app-data directory
# (~/.local/share/id.loket.desktop/loket.db, shared with the `loket` command).
# Another database: LOKET_DB=/path/to/loket.db scripts/run.sh, or scripts/run.sh --db PATH.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$LOKET_ROOT/scripts/setup.sh"
"$LOKET_ROOT/scripts/build-app.sh" --release
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "galat: tidak ada layar grafis (DISPLAY/WAYLAND_DISPLAY kosong); jalankan dari sesi desktop" >&2
  exit 2
fi
exec "$CARGO_TARGET_DIR/release/loket-desktop" "$@"
