# Shared settings for Loket's scripts. Sourced, not run.
# One cargo target directory outside the clone, so CI and later sessions reuse the build.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/loket-target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
LOKET_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export LOKET_ROOT
# Where setup.sh installs tools built from crates.io (tauri-driver); CI points it at an empty
# folder so that the install step itself is tested.
export LOKET_TOOLS_ROOT="${LOKET_TOOLS_ROOT:-$HOME/.cargo}"
export PATH="$LOKET_TOOLS_ROOT/bin:$PATH"
