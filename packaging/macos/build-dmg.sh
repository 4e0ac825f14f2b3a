#!/usr/bin/env bash
# Build dist/Bayegan-<version>.dmg on macOS: PyInstaller .app bundle (icon bayegan.icns) in a
# compressed disk image with an /Applications link. Run on a Mac with Python 3.12/3.13:
#
#   packaging/macos/build-dmg.sh
#
# PYTHON=/path/to/python3.12 chooses the interpreter. The app is not code-signed or notarised:
# on first start the user right-clicks it and chooses Open (see packaging/README.md).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
[[ "$(uname -s)" == Darwin ]] || { echo "build-dmg.sh runs on macOS only" >&2; exit 1; }

PY="${PYTHON:-}"
if [[ -z "$PY" ]]; then
    for c in python3.12 python3.13 python3; do
        if command -v "$c" >/dev/null && "$c" -c 'import sys; sys.exit(not (3,12) <= sys.version_info[:2] <= (3,13))'; then
            PY="$(command -v "$c")"; break
        fi
    done
fi
[[ -n "$PY" ]] || { echo "no Python 3.12/3.13 found (set PYTHON=...)" >&2; exit 1; }

VERSION="$(sed -nE 's/^__version__[[:space:]]*=[[:space:]]*["'\'']([^"'\'']+)["'\''].*/\1/p' viewer/__init__.py)"
VENV="build/mac-venv"
[[ -x "$VENV/bin/python" ]] || "$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q --upgrade . "pyinstaller>=6.10"

rm -rf build/pyinstaller dist/Bayegan.app dist/bayegan
"$VENV/bin/pyinstaller" --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/bayegan.spec
APP="dist/Bayegan.app"
[[ -d "$APP" ]] || { echo "PyInstaller did not produce $APP" >&2; exit 1; }

# Smoke test the bundled executable before packing it.
"$APP/Contents/MacOS/bayegan" --version

STAGE="build/dmg"
rm -rf "$STAGE"
mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
DMG="dist/Bayegan-$VERSION.dmg"
rm -f "$DMG"
hdiutil create -volname "Bayegan $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"
echo "$DMG ($(du -h "$DMG" | cut -f1))"
