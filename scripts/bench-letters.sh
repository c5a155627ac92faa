#!/usr/bin/env bash
# The letters benchmark of issue 6: renders every shipped letter 200 times with the embedded
# Typst engine and, in the same run, converts the same letter written as an OpenDocument file
# with `libreoffice --headless --convert-to pdf`; prints both means and their ratio.
# Installs LibreOffice Writer (Debian's libreoffice-writer-nogui) when it is missing: it is
# only the reference to measure against, Loket itself never needs it.
# Usage: bash scripts/bench-letters.sh [--office demak] [--runs 200] [--libreoffice-runs 5]
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$LOKET_ROOT/scripts/setup.sh"
cd "$LOKET_ROOT"
if ! command -v libreoffice >/dev/null; then
  echo "== memasang libreoffice-writer-nogui (pembanding tolok ukur)"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends \
    libreoffice-writer-nogui
fi
cargo run -q --release -p loket-cli -- bench letters "$@"
