#!/usr/bin/env bash
# Build the macOS app and its disk image: packaging/build/installer/RecoveryPlanner-<version>-macOS.dmg
#
#   packaging/macos/build.sh     (on macOS 14+, Apple Silicon; Python 3.11 with `pip install ".[packaging]"`)
#
# Written for the bash 3.2 that macOS ships (no empty-array expansions under set -u).
#
# Steps
#   1. icons from recovery_planner/resources/icon.svg (make_icons.py; `iconutil` turns the .iconset into the .icns)
#   2. the bundle from packaging/recovery_planner.spec -> packaging/build/dist/Recovery Planner.app
#      (Info.plist: bundle id, version, minimum macOS, HiDPI, dark mode - set in the spec)
#   3. checks: Info.plist is valid; no binary needs a newer macOS than LSMinimumSystemVersion;
#      smoke test of the .app (packaging/smoke.py; SKIP_SMOKE=1 to skip)
#   4. signing, only when MACOS_SIGN_IDENTITY is set (e.g. "Developer ID Application: Name (TEAMID)"):
#      every library and framework inside-out, then the executables with the hardened runtime and
#      packaging/macos/entitlements.plist, then the .app. Without it the app keeps PyInstaller's ad-hoc
#      signature (runs locally; other Macs need right-click > Open).
#   5. the .dmg: the app plus an Applications link, so users drag the app onto it
#   6. notarization, only when signed and credentials are set: MACOS_NOTARY_PROFILE (a `xcrun notarytool
#      store-credentials` keychain profile) or APPLE_ID + APPLE_TEAM_ID + APPLE_APP_PASSWORD; then the
#      ticket is stapled to the .dmg.
# Environment: PYTHON (default python3), MACOS_SIGN_IDENTITY, MACOS_NOTARY_PROFILE, APPLE_ID, APPLE_TEAM_ID,
# APPLE_APP_PASSWORD, MACOS_KEYCHAIN (optional keychain for codesign), SKIP_SMOKE=1.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PY="${PYTHON:-python3}"
BUILD="$ROOT/packaging/build"
ICONS="$BUILD/icons"
OUT="$BUILD/installer"
HERE="$ROOT/packaging/macos"
cd "$ROOT"

step() { echo "== macos/build.sh: $*"; }
fail() { echo "macos/build.sh: FAIL: $*" >&2; exit 1; }

[ "$(uname -s)" = Darwin ] || fail "run this on macOS (the Linux CI builds the Linux bundle with packaging/ci_check.sh)"
VERSION="$("$PY" packaging/appinfo.py version)"
APP_NAME="$("$PY" packaging/appinfo.py get APP_NAME)"
MIN_OS="$("$PY" packaging/appinfo.py get MACOS_MIN)"
APP="$BUILD/dist/$APP_NAME.app"
DMG="$OUT/RecoveryPlanner-$VERSION-macOS.dmg"
step "$APP_NAME $VERSION ($(uname -m), macOS $(sw_vers -productVersion))"

step "icons"
"$PY" packaging/make_icons.py
# iconutil writes every size Apple defines (Pillow's .icns lacks the 1x 16 px entry).
iconutil -c icns "$ICONS/recovery-planner.iconset" -o "$ICONS/recovery-planner.icns"

step "PyInstaller bundle"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$BUILD/dist" --workpath "$BUILD/work" packaging/recovery_planner.spec
[ -d "$APP" ] || fail "$APP was not produced"

step "checks"
plutil -lint "$APP/Contents/Info.plist" >/dev/null || fail "Info.plist is not valid"
for key in CFBundleIdentifier CFBundleShortVersionString LSMinimumSystemVersion NSHighResolutionCapable \
           NSRequiresAquaSystemAppearance; do
    echo "  $key = $(/usr/libexec/PlistBuddy -c "Print :$key" "$APP/Contents/Info.plist")"
done
# The newest macOS any bundled binary was built for must not exceed what Info.plist promises: pip picks
# the newest wheels the build machine accepts (e.g. numpy's macosx_14_0 wheels on a macOS 14 runner).
newest="$(find "$APP/Contents" -type f \( -name '*.so' -o -name '*.dylib' -o -perm -u+x \) -print0 \
    | xargs -0 otool -l 2>/dev/null \
    | awk '/LC_BUILD_VERSION/ {b=1} b && $1=="minos" {print $2; b=0}
           /LC_VERSION_MIN_MACOSX/ {v=1} v && $1=="version" {print $2; v=0}' \
    | sort -t. -k1,1n -k2,2n -k3,3n | tail -1)"
echo "  newest macOS required by a bundled binary: ${newest:-unknown} (Info.plist says $MIN_OS)"
if [ -n "$newest" ] && ! "$PY" -c 'import sys; v = [tuple(map(int, a.split("."))) for a in sys.argv[1:]]; sys.exit(v[0] > v[1])' "$newest" "$MIN_OS"; then
    fail "a bundled binary needs macOS $newest but LSMinimumSystemVersion is $MIN_OS: raise MACOS_MIN in packaging/appinfo.py (and the README) or build on an older macOS"
fi
if [ "${SKIP_SMOKE:-0}" != 1 ]; then
    # Hosted runners are noisy: the 1.5x start-time gate is enforced by the Linux CI.
    "$PY" packaging/smoke.py "$APP" --native --runs 3 --max-ratio 3 || fail "smoke check of the .app failed"
fi

IDENTITY="${MACOS_SIGN_IDENTITY:-}"
KC="${MACOS_KEYCHAIN:-}"
if [ -n "$IDENTITY" ]; then
    step "signing with \"$IDENTITY\""
    sign() { codesign --force --timestamp --options runtime ${KC:+--keychain "$KC"} --sign "$IDENTITY" "$@"; }
    # Inside-out: loose libraries, then frameworks, then the executables, then the app.
    find "$APP/Contents" -type f \( -name '*.so' -o -name '*.dylib' \) ! -path '*.framework/*' -print0 \
        | while IFS= read -r -d '' f; do sign "$f"; done
    find "$APP/Contents" -type d -name '*.framework' -prune -print0 \
        | while IFS= read -r -d '' f; do sign "$f"; done
    for exe in "$APP/Contents/MacOS/"*; do
        sign --entitlements "$HERE/entitlements.plist" "$exe"
    done
    sign --entitlements "$HERE/entitlements.plist" "$APP"
    codesign --verify --deep --strict --verbose=2 "$APP" || fail "codesign verification failed"
else
    step "signing skipped (set MACOS_SIGN_IDENTITY to sign); the app keeps PyInstaller's ad-hoc signature"
fi

step "disk image"
mkdir -p "$OUT"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp -R "$APP" "$stage/"
ln -s /Applications "$stage/Applications"
rm -f "$DMG"
hdiutil create -volname "$APP_NAME $VERSION" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$DMG" >/dev/null \
    || fail "hdiutil could not create $DMG"
if [ -n "$IDENTITY" ]; then
    codesign --force --timestamp ${KC:+--keychain "$KC"} --sign "$IDENTITY" "$DMG"
fi

if [ -n "$IDENTITY" ] && { [ -n "${MACOS_NOTARY_PROFILE:-}" ] || [ -n "${APPLE_ID:-}" ]; }; then
    step "notarizing (takes a few minutes)"
    if [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
        creds=(--keychain-profile "$MACOS_NOTARY_PROFILE")
    else
        : "${APPLE_TEAM_ID:?set APPLE_TEAM_ID}" "${APPLE_APP_PASSWORD:?set APPLE_APP_PASSWORD}"
        creds=(--apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" --password "$APPLE_APP_PASSWORD")
    fi
    xcrun notarytool submit "$DMG" "${creds[@]}" --wait || fail "notarization failed (xcrun notarytool log <id> shows why)"
    xcrun stapler staple "$DMG" || fail "stapling failed"
    spctl --assess --type open --context context:primary-signature --verbose=2 "$DMG" || fail "Gatekeeper rejects $DMG"
else
    step "notarization skipped (needs MACOS_SIGN_IDENTITY and MACOS_NOTARY_PROFILE or APPLE_ID/APPLE_TEAM_ID/APPLE_APP_PASSWORD)"
fi

step "done: $DMG ($(du -h "$DMG" | cut -f1)); app $(du -sh "$APP" | cut -f1) unpacked"
