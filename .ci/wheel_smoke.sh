#!/usr/bin/env bash
# Build the wheel, install it into a fresh venv and start the GUI offscreen from outside the source tree:
# proves the package carries everything it needs (resources included), which an editable install hides.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$(mktemp -d "${TMPDIR:-/tmp}/rp-wheel-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
PY=${PYTHON:-python3}

echo "wheel: building"
.venv/bin/python -m pip wheel --disable-pip-version-check --no-deps -q -w "$WORK/dist" "$ROOT" >"$WORK/build.log" 2>&1 \
  || { tail -n 30 "$WORK/build.log" >&2; exit 1; }
wheel=$(ls "$WORK"/dist/recovery_planner-*.whl)
unzip -l "$wheel" | grep -q "recovery_planner/resources/leg_diagram.svg" || { echo "wheel: no leg_diagram.svg" >&2; exit 1; }

echo "wheel: installing $(basename "$wheel") into a fresh venv"
"$PY" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install --disable-pip-version-check -q "$wheel" >"$WORK/install.log" 2>&1 \
  || { tail -n 30 "$WORK/install.log" >&2; exit 1; }

echo "wheel: starting the GUI offscreen from $WORK"
cd "$WORK"
export QT_QPA_PLATFORM=offscreen RECOVERY_PLANNER_HOME="$WORK/data" HOME="$WORK/home"
mkdir -p "$HOME"
where=$("$WORK/venv/bin/python" -c "import recovery_planner, pathlib; print(pathlib.Path(recovery_planner.__file__).parent)")
case "$where" in "$WORK"/venv/*) ;; *) echo "wheel: imported from $where, not the fresh venv" >&2; exit 1 ;; esac
"$WORK/venv/bin/recovery-planner" --quit-after-first-paint
"$WORK/venv/bin/recovery-planner" athletes add "Smoke Test" >/dev/null
echo '{"areas": [{"region": "calf", "side": "left", "pain": 2, "kind": "aching"}]}' \
  | "$WORK/venv/bin/recovery-planner" checkin add - --athlete "Smoke Test" >/dev/null
echo "wheel: ok (GUI started and a check-in was stored from the installed wheel)"
