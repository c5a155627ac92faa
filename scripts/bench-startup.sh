#!/usr/bin/env bash
# Measures cold start: from launching loket-desktop to an interactive catalog in its window
# (on an existing database), under Xvfb through tauri-driver. Prints each run and the median.
# Usage: scripts/bench-startup.sh [--debug]   (release build by default; LOKET_BENCH_RUNS=5)
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$LOKET_ROOT/scripts/setup.sh"
cd "$LOKET_ROOT"
profile=release
if [ "${1:-}" = "--debug" ]; then
  profile=debug
  "$LOKET_ROOT/scripts/build-app.sh"
else
  "$LOKET_ROOT/scripts/build-app.sh" --release
fi
export PATH="$HOME/.cargo/bin:$PATH"
export LOKET_E2E=1 WEBKIT_DISABLE_COMPOSITING_MODE=1
export LOKET_DESKTOP_BIN="$CARGO_TARGET_DIR/$profile/loket-desktop"
echo "== cold start ($profile): $LOKET_DESKTOP_BIN"
dbus-run-session -- xvfb-run -a -s "-screen 0 1440x900x24" \
  cargo test -q -p loket-tests --test e2e -- --ignored --exact bench_cold_start --nocapture \
  | grep -E "cold start|test result"
