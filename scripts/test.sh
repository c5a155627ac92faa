#!/usr/bin/env bash
# Installs what is needed and runs every check and test: format, lints, unit, scenario and
# CLI tests.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$LOKET_ROOT/scripts/setup.sh"
cd "$LOKET_ROOT"

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings
echo "== cargo test"
cargo test --workspace
