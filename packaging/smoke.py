"""Check a built one-folder bundle: contents, GUI smoke start, bundled `plan` command, start time, size.

    python packaging/smoke.py BUNDLE_DIR [--runs 5] [--max-ratio 1.5] [--max-mb 230]

Called by packaging/ci_check.sh after the PyInstaller build (Linux). Everything runs in a throw-away home:
HOME, XDG_* and MPLCONFIGDIR point into a temporary folder and the app gets `--data-dir` there, so the real
user data folder is never read or written. Exits non-zero with a "FAIL:" line on the first problem.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
import appinfo  # noqa: E402

START_TIMEOUT_S = 90

# A small, valid check-in (exchange format v1): one sore calf, two days after a long run.
CHECK_IN = {
    "date": "2026-03-02",
    "athlete": {"experience": "intermediate", "body_mass_kg": 68, "age": 34},
    "wellbeing": {"sleep_hours": 7, "fatigue": 4},
    "areas": [
        {"region": "calf", "side": "left", "pain": 4, "kind": "soreness", "hours_since_run": 40,
         "trend": "better"},
    ],
    "symptoms": {},
    "load": {"acute_km_7d": 42, "chronic_km_per_week_28d": 40},
}


class Failure(Exception):
    pass


def say(msg: str) -> None:
    print(f"smoke: {msg}", flush=True)


def isolated_env(tmp: Path) -> dict[str, str]:
    """Environment whose every user folder is inside tmp (the real data folder stays untouched)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "QT_", "PYTHON"))}
    for name in ("home", "config", "data", "cache", "state", "runtime", "mpl"):
        (tmp / name).mkdir(parents=True, exist_ok=True)
    (tmp / "runtime").chmod(0o700)
    env.update(
        HOME=str(tmp / "home"), XDG_CONFIG_HOME=str(tmp / "config"), XDG_DATA_HOME=str(tmp / "data"),
        XDG_CACHE_HOME=str(tmp / "cache"), XDG_STATE_HOME=str(tmp / "state"),
        XDG_RUNTIME_DIR=str(tmp / "runtime"), MPLCONFIGDIR=str(tmp / "mpl"),
        QT_QPA_PLATFORM="offscreen", LC_ALL="C.UTF-8", LANG="C.UTF-8",
    )
    return env


def run(cmd: list[str], env: dict[str, str], what: str, stdin: str | None = None,
        cwd: Path | None = None) -> subprocess.CompletedProcess:
    try:
        proc = subprocess.run(cmd, env=env, input=stdin, capture_output=True, text=True,
                              timeout=START_TIMEOUT_S, cwd=cwd)
    except subprocess.TimeoutExpired as exc:
        raise Failure(f"{what}: no exit after {START_TIMEOUT_S} s ({' '.join(cmd)})") from exc
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-25:])
        raise Failure(f"{what}: exit code {proc.returncode} ({' '.join(cmd)})\n{tail}")
    return proc


def check_contents(bundle: Path, exe_suffix: str) -> None:
    for name in (appinfo.GUI_EXE, appinfo.CLI_EXE):
        exe = bundle / f"{name}{exe_suffix}"
        if not exe.is_file() or not os.access(exe, os.X_OK):
            raise Failure(f"executable {exe} missing")
    internal = bundle / "_internal"
    src_res = ROOT / "resources"
    missing = [str(p.relative_to(src_res)) for p in src_res.rglob("*")
               if p.is_file() and not (internal / "resources" / p.relative_to(src_res)).is_file()]
    if missing:
        raise Failure(f"resources missing from the bundle: {', '.join(sorted(missing))}")
    plugins = next((p for p in (internal / "PySide6" / "Qt" / "plugins", internal / "PySide6" / "plugins")
                    if p.is_dir()), None)
    if plugins is None:
        raise Failure("no Qt plugins folder in the bundle")
    need = {"platforms": ["qoffscreen", "qxcb", "qwayland"], "imageformats": ["qsvg"],
            "iconengines": ["qsvgicon"]}
    for ptype, names in need.items():
        have = {f.name.split(".")[0].removeprefix("lib") for f in (plugins / ptype).glob("*")}
        absent = [n for n in names if n not in have]
        if absent:
            raise Failure(f"Qt plugins missing: {ptype}/{', '.join(absent)}")
    say(f"contents ok: both executables, {sum(1 for _ in (internal / 'resources').rglob('*'))} resource "
        f"files, Qt plugins {', '.join(sorted(p.name for p in plugins.iterdir()))}")
    if sys.platform.startswith("linux") and shutil.which("ldd"):
        check_links(internal)


def check_links(internal: Path) -> None:
    """Every bundled Qt/PySide/ICU dependency of every bundled ELF file resolves inside the bundle."""
    ours = ("libQt6", "libicu", "libpyside6", "libshiboken6", "libpython")
    problems = []
    for f in internal.rglob("*.so*"):
        if f.is_symlink() or not f.is_file():
            continue
        out = subprocess.run(["ldd", str(f)], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if "not found" in line and line.strip().startswith(ours):
                problems.append(f"{f.relative_to(internal)}: {line.strip()}")
    if problems:
        raise Failure("bundled libraries with unresolved Qt/ICU/Python links:\n  " + "\n  ".join(problems))
    say("links ok: every bundled Qt/ICU/PySide library dependency resolves inside the bundle")


def gui_cmd_bundle(bundle: Path, exe_suffix: str, data: Path) -> list[str]:
    return [str(bundle / f"{appinfo.GUI_EXE}{exe_suffix}"), "--data-dir", str(data), "--quit-after-first-paint"]


def gui_cmd_source(data: Path) -> list[str]:
    return [sys.executable, "-m", "recovery_planner", "--data-dir", str(data), "--quit-after-first-paint"]


def check_plan(bundle: Path, exe_suffix: str, env: dict[str, str], tmp: Path) -> None:
    data = tmp / "plan-data"
    data.mkdir(exist_ok=True)
    checkin = tmp / "checkin.json"
    checkin.write_text(json.dumps(CHECK_IN), encoding="utf-8")
    cli = str(bundle / f"{appinfo.CLI_EXE}{exe_suffix}")
    outputs = {}
    for label, cmd, stdin in (
        ("bundle (file)", [cli, "--data-dir", str(data), "plan", str(checkin), "--format", "json"], None),
        ("bundle (stdin)", [cli, "--data-dir", str(data), "plan", "-", "--format", "json"], checkin.read_text()),
        ("source", [sys.executable, "-m", "recovery_planner", "--data-dir", str(data), "plan", str(checkin),
                    "--format", "json"], None),
    ):
        proc = run(cmd, env, f"plan command, {label}", stdin=stdin, cwd=ROOT)
        try:
            plan = json.loads(proc.stdout)
        except json.JSONDecodeError as exc:
            raise Failure(f"plan command, {label}: output is not JSON ({exc}):\n{proc.stdout[:500]}") from exc
        days = plan.get("days") if isinstance(plan, dict) else None
        if not isinstance(days, list) or not days:
            raise Failure(f"plan command, {label}: no non-empty 'days' list in the output")
        outputs[label] = plan
    if outputs["bundle (file)"] != outputs["source"]:
        raise Failure("the bundled plan command gives a different plan than the app run from source "
                      "(a data file or module missing from the bundle?)")
    if outputs["bundle (stdin)"] != outputs["bundle (file)"]:
        raise Failure("the bundled plan command gives different plans for a file and for stdin")
    say(f"plan ok: bundled `{appinfo.CLI_EXE} plan` printed a {len(outputs['source']['days'])}-day plan, "
        f"identical to the source run")


def time_starts(bundle: Path, exe_suffix: str, env: dict[str, str], tmp: Path, runs: int) -> tuple[float, float]:
    """Median wall time to first paint and exit: (source, bundle). One untimed warm-up each, interleaved."""
    times: dict[str, list[float]] = {"source": [], "bundle": []}
    for i in range(runs + 1):
        for label in ("source", "bundle"):
            data = tmp / f"start-{label}-{i}"
            data.mkdir()
            cmd = gui_cmd_source(data) if label == "source" else gui_cmd_bundle(bundle, exe_suffix, data)
            t0 = time.perf_counter()
            run(cmd, env, f"GUI start ({label})", cwd=ROOT)
            if i:  # run 0 warms the page cache, font cache and matplotlib cache
                times[label].append(time.perf_counter() - t0)
    src, bun = statistics.median(times["source"]), statistics.median(times["bundle"])
    fmt = lambda xs: ", ".join(f"{x:.2f}" for x in xs)  # noqa: E731
    say(f"start times (s) source: {fmt(times['source'])}; bundle: {fmt(times['bundle'])}")
    return src, bun


def dir_size(path: Path) -> int:
    return sum(f.lstat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def report_size(bundle: Path, max_mb: float) -> None:
    total = dir_size(bundle) / 1e6
    internal = bundle / "_internal"
    linux_only = 0
    if sys.platform.startswith("linux"):
        # ICU (Qt uses the OS's on Windows/macOS) and the X11/xcb/GLib/D-Bus libraries a Linux bundle
        # carries; a Windows or macOS bundle has none of these.
        for f in internal.rglob("*"):
            n = f.name
            if f.is_file() and not f.is_symlink() and (
                n.startswith(("libicu", "libX", "libxcb", "libxkb", "libglib", "libgthread", "libdbus",
                              "libsystemd", "libgcrypt", "libgpg-error", "libstdc++", "libgcc_s", "libQt6Xcb",
                              "libQt6Wayland", "libQt6WlShell", "libQt6DBus", "libfontconfig",
                              "libfreetype", "libpcre2", "libexpat", "libz.", "libbz2", "liblzma.", "libzstd.",
                              "liblz4", "libcap", "libffi", "libuuid", "libbsd", "libmd.", "libpng16",
                              "libbrotli", "libcrypto", "libsqlite3")) or "/plugins/wayland" in str(f)):
                linux_only += f.lstat().st_size
    biggest = sorted(((dir_size(p) if p.is_dir() else p.lstat().st_size, p.name) for p in internal.iterdir()),
                     reverse=True)[:6]
    say(f"bundle size: {total:.0f} MB unpacked ({bundle})")
    if linux_only:
        say(f"  of which {linux_only / 1e6:.0f} MB are Linux-only system/ICU/X11 libraries; "
            f"the cross-platform payload is {(total - linux_only / 1e6):.0f} MB (goal < 150 MB)")
    say("  largest: " + ", ".join(f"{name} {size / 1e6:.0f} MB" for size, name in biggest))
    if total > max_mb:
        raise Failure(f"bundle is {total:.0f} MB, over the {max_mb:.0f} MB limit: something large slipped in "
                      "(check the excludes in packaging/recovery_planner.spec)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bundle", type=Path)
    ap.add_argument("--runs", type=int, default=int(os.environ.get("RP_START_RUNS", "5")))
    ap.add_argument("--max-ratio", type=float, default=float(os.environ.get("RP_MAX_START_RATIO", "1.5")))
    ap.add_argument("--max-mb", type=float, default=float(os.environ.get("RP_MAX_BUNDLE_MB", "230")))
    args = ap.parse_args(argv)
    exe_suffix = ".exe" if sys.platform == "win32" else ""
    bundle = args.bundle.resolve()
    tmp = Path(tempfile.mkdtemp(prefix="rp-smoke-"))
    try:
        env = isolated_env(tmp)
        check_contents(bundle, exe_suffix)

        data = tmp / "gui-data"
        data.mkdir()
        for name in (appinfo.GUI_EXE, appinfo.CLI_EXE):
            cmd = [str(bundle / f"{name}{exe_suffix}"), "--data-dir", str(data), "--quit-after-first-paint"]
            run(cmd, env, f"GUI smoke start via `{name}`", cwd=tmp)
        say("GUI ok: both executables painted the main window offscreen and exited 0")

        check_plan(bundle, exe_suffix, env, tmp)
        src, bun = time_starts(bundle, exe_suffix, env, tmp, args.runs)
        ratio = bun / src
        say(f"start time (median of {args.runs}): source {src:.2f} s, bundle {bun:.2f} s, ratio {ratio:.2f} "
            f"(limit {args.max_ratio})")
        if ratio > args.max_ratio:
            raise Failure(f"the bundle starts {ratio:.2f}x slower than the source run (limit {args.max_ratio}x)")
        report_size(bundle, args.max_mb)
    except Failure as exc:
        print(f"smoke: FAIL: {exc}", file=sys.stderr, flush=True)
        return 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
