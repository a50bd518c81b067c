#!/usr/bin/env bash
# Packaging check run by .ci/run after the test suite (Linux).
#
#   packaging/ci_check.sh
#
# 1. installs what it needs, idempotently: the `packaging` extra of pyproject.toml into the venv (only if
#    something is missing) and NSIS via apt-get (only if makensis is missing and we are root)
# 2. renders the icons from recovery_planner/resources/icon.svg (packaging/make_icons.py)
# 3. builds the one-folder bundle from packaging/recovery_planner.spec into packaging/build/dist
# 4. packaging/smoke.py: checks the contents (resources, Qt plugins, library links), starts the GUI offscreen
#    with --quit-after-first-paint against a temp data folder (both executables), runs the bundled `plan`
#    command on a check-in and compares it with the source run, times bundle vs source start (median of 5)
#    and reports the bundle size
# 5. compiles packaging/windows/installer.nsi with makensis against the bundle (no compression: this
#    proves the script; the real, LZMA-compressed installer is built on Windows by build.ps1)
#
# Exits non-zero with a "ci_check: FAIL" line on the first failure. Never touches the user's real data
# folder (smoke.py runs everything with HOME/XDG_* in a temp folder). Knobs: PYTHON (default .venv/bin/python),
# RP_START_RUNS, RP_MAX_START_RATIO (1.5), RP_MAX_BUNDLE_MB (230), RP_CLEAN=1 (rebuild from scratch).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
BUILD="$ROOT/packaging/build"
DIST="$BUILD/dist"
BUNDLE="$DIST/RecoveryPlanner"
T0=$SECONDS

step() { echo "== ci_check: $* [$((SECONDS - T0)) s]"; }
fail() { echo "ci_check: FAIL: $*" >&2; exit 1; }

[ -x "$PY" ] || fail "no Python at $PY (set PYTHON=...)"
cd "$ROOT"
[ -f recovery_planner/app.py ] || fail "recovery_planner/app.py is missing: the GUI smoke start needs the app"
[ -f recovery_planner/__main__.py ] || fail "recovery_planner/__main__.py is missing (python -m recovery_planner)"

step "dependencies"
# The `packaging` extra from pyproject.toml; pip runs only when a requirement is missing or out of range.
missing="$("$PY" - <<'EOF'
import re
from importlib.metadata import PackageNotFoundError, version
from packaging.requirements import Requirement
try:
    import tomllib
    with open("pyproject.toml", "rb") as f:
        reqs = tomllib.load(f)["project"]["optional-dependencies"]["packaging"]
except ImportError:  # Python 3.10: read the list by hand
    block = re.search(r"^packaging = \[(.*?)\]", open("pyproject.toml").read(), re.S | re.M).group(1)
    reqs = re.findall(r'"([^"]+)"', block)
for r in map(Requirement, reqs):
    try:
        if not r.specifier.contains(version(r.name), prereleases=True):
            print(r)
    except PackageNotFoundError:
        print(r)
EOF
)" || fail "could not read the packaging extra from pyproject.toml"
if [ -n "$missing" ]; then
    echo "installing: $missing"
    # shellcheck disable=SC2086
    "$PY" -m pip install --quiet $missing || fail "pip install of the packaging extra failed"
fi
if ! command -v makensis >/dev/null; then
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
        fail "makensis not found; install NSIS (apt-get install nsis) or run as root"
    fi
    echo "installing nsis with apt-get"
    { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nsis >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nsis >/dev/null; }; } \
        || fail "apt-get install nsis failed"
fi

step "icons"
"$PY" packaging/make_icons.py || fail "make_icons.py failed"

step "PyInstaller bundle (log: packaging/build/pyinstaller.log)"
mkdir -p "$BUILD"
clean=()
[ "${RP_CLEAN:-0}" = 1 ] && clean=(--clean)
if ! RP_STRIP=1 "$PY" -m PyInstaller --noconfirm "${clean[@]}" --log-level WARN \
        --distpath "$DIST" --workpath "$BUILD/work" packaging/recovery_planner.spec \
        >"$BUILD/pyinstaller.log" 2>&1; then
    tail -40 "$BUILD/pyinstaller.log" >&2
    fail "PyInstaller build failed (full log: packaging/build/pyinstaller.log)"
fi
grep -E "^[0-9]+ (ERROR|WARNING: Hidden import)" "$BUILD/pyinstaller.log" | grep -v "not found" || true

step "bundle checks"
"$PY" packaging/smoke.py "$BUNDLE" || fail "bundle check failed (see the smoke: lines above)"
echo "du -sh: $(du -sh "$BUNDLE" | cut -f1)"

step "makensis (Windows installer script)"
"$PY" packaging/appinfo.py nsh "$BUILD/appinfo.nsh"
nsis_out="$(mktemp -d)"
trap 'rm -rf "$nsis_out"' EXIT
if ! makensis -V2 -DCOMPRESSOR=none -DEXE_SUFFIX= \
        "-DAPPINFO=$BUILD/appinfo.nsh" "-DBUNDLE_DIR=$BUNDLE" \
        "-DICON=$BUILD/icons/recovery-planner.ico" "-DOUT_DIR=$nsis_out" \
        packaging/windows/installer.nsi; then
    fail "makensis could not compile packaging/windows/installer.nsi"
fi
setup="$(find "$nsis_out" -name '*.exe' | head -1)"
[ -n "$setup" ] || fail "makensis produced no setup .exe"
echo "makensis ok: $(basename "$setup") compiled ($(du -m "$setup" | cut -f1) MB uncompressed)"

step "done: bundle built, smoke-started, plan checked, installer script compiles"
