#!/usr/bin/env bash
# Builds the package an office's IT staff installs: Loket_<version>_amd64.deb with the desktop
# app (menu entry, icon), the `loket` command in /usr/bin (backups, imports, scripting) and the
# licence of the bundled fonts. Prints the path of the .deb; copies it to artifacts/package/.
#
# The release build is one cargo invocation for both binaries (the same as scripts/run.sh), so
# Typst and its dependencies compile once; `tauri bundle` is the packaging half of
# `tauri build --bundles deb`, run on that build instead of building the desktop app again with
# another feature set.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$LOKET_ROOT/scripts/setup.sh"
"$LOKET_ROOT/scripts/build-app.sh" --release

release="$CARGO_TARGET_DIR/release"
for bin in loket-desktop loket; do
  [ -x "$release/$bin" ] || { echo "galat: $release/$bin tidak terbangun" >&2; exit 1; }
done

# Files beside the app inside the .deb (destination in the package -> file on this machine).
config="$(mktemp --suffix=.json)"
trap 'rm -f "$config"' EXIT
cat >"$config" <<JSON
{
  "bundle": {
    "linux": {
      "deb": {
        "files": {
          "/usr/bin/loket": "$release/loket",
          "/usr/share/doc/loket/LICENSE-Liberation.txt": "$LOKET_ROOT/templates/fonts/LICENSE-Liberation.txt",
          "/usr/share/doc/loket/README.md": "$LOKET_ROOT/README.md",
          "/usr/share/doc/loket/SCHEMA-profil-kantor.md": "$LOKET_ROOT/data/offices/SCHEMA.md"
        }
      }
    }
  }
}
JSON

echo "== membungkus paket .deb (tauri bundle --bundles deb)"
rm -rf "$release/bundle/deb"
(cd "$LOKET_ROOT/src-tauri" && "$LOKET_ROOT/ui/node_modules/.bin/tauri" bundle --bundles deb -c "$config")

version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$LOKET_ROOT/Cargo.toml" | head -1)"
deb="$release/bundle/deb/Loket_${version}_amd64.deb"
[ -f "$deb" ] || { echo "galat: paket $deb tidak ada setelah tauri bundle" >&2; exit 1; }

# The package must carry both programs, the menu entry, the icon and the fonts' licence.
contents="$(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's#^\./##')"
for path in usr/bin/loket-desktop usr/bin/loket usr/share/applications/Loket.desktop \
  usr/share/doc/loket/LICENSE-Liberation.txt; do
  grep -qxF "$path" <<<"$contents" || { echo "galat: /$path tidak ada di dalam $deb" >&2; exit 1; }
done
grep -qE '^usr/share/icons/hicolor/[^/]+/apps/loket-desktop\.png$' <<<"$contents" \
  || { echo "galat: ikon aplikasi tidak ada di dalam $deb" >&2; exit 1; }

mkdir -p "$LOKET_ROOT/artifacts/package"
cp "$deb" "$LOKET_ROOT/artifacts/package/"
echo "Paket siap: $LOKET_ROOT/artifacts/package/$(basename "$deb")"
