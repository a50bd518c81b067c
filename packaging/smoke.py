"""Check a built bundle: contents, GUI smoke start, bundled `plan` command, start time, size.

    python packaging/smoke.py BUNDLE [--runs 5] [--max-ratio 1.5] [--max-mb 230] [--native]

BUNDLE is the one-folder bundle (packaging/build/dist/RecoveryPlanner) or, on macOS, the .app.
Run by packaging/ci_check.sh (Linux) and by the Windows/macOS build scripts. Checks, in order:
  - both executables, every bundled resource, the Qt plugins this OS needs, and (Linux) that every bundled
    Qt/ICU/PySide library dependency resolves inside the bundle
  - GUI: each executable opens the main window offscreen with --quit-after-first-paint and exits 0
    (--native: once more on the real window system, e.g. on a Windows/macOS runner)
  - the bundled `plan` command on the test vignettes (file, stdin, batch, text) gives exactly the plans
    the app run from source gives
  - start time to first paint, bundle vs source, median of --runs after a warm-up; fails above --max-ratio
  - size; fails above --max-mb (catches a large accidental dependency)
Everything runs in a throw-away home: HOME, XDG_*, MPLCONFIGDIR point into a temp folder and the app gets
`--data-dir` there, so the real user data folder is never read or written. Exits 1 with "smoke: FAIL".
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
        {"region": "calf", "side": "left", "pain": 4, "kind": "soreness", "hours_since_run": 40, "trend": "better"},
    ],
    "symptoms": {},
    "load": {"acute_km_7d": 42, "chronic_km_per_week_28d": 40},
}


class Failure(Exception):
    pass


class Bundle:
    """Where the executables and the shared files are: a one-folder bundle or a macOS .app."""

    def __init__(self, path: Path):
        self.path = path.resolve()
        suffix = ".exe" if sys.platform == "win32" else ""
        if self.path.suffix == ".app":
            exe_dir, self.internal = self.path / "Contents" / "MacOS", self.path / "Contents" / "Frameworks"
        else:
            exe_dir, self.internal = self.path, self.path / "_internal"
        self.gui = exe_dir / f"{appinfo.GUI_EXE}{suffix}"
        self.cli = exe_dir / f"{appinfo.CLI_EXE}{suffix}"


def say(msg: str) -> None:
    print(f"smoke: {msg}", flush=True)


def isolated_env(tmp: Path) -> dict[str, str]:
    """Environment whose every user folder is inside tmp (the real data folder stays untouched)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "QT_", "PYTHON", "RECOVERY_PLANNER"))}
    for name in ("home", "config", "data", "cache", "state", "runtime", "mpl"):
        (tmp / name).mkdir(parents=True, exist_ok=True)
    (tmp / "runtime").chmod(0o700)
    env.update(
        HOME=str(tmp / "home"),
        XDG_CONFIG_HOME=str(tmp / "config"),
        XDG_DATA_HOME=str(tmp / "data"),
        XDG_CACHE_HOME=str(tmp / "cache"),
        XDG_STATE_HOME=str(tmp / "state"),
        XDG_RUNTIME_DIR=str(tmp / "runtime"),
        MPLCONFIGDIR=str(tmp / "mpl"),
        QT_QPA_PLATFORM="offscreen",
    )
    if sys.platform.startswith("linux"):
        env.update(LC_ALL="C.UTF-8", LANG="C.UTF-8")
    return env


def run(
    cmd: list[str], env: dict[str, str], what: str, stdin: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess:
    try:
        proc = subprocess.run(
            cmd, env=env, input=stdin, capture_output=True, text=True, timeout=START_TIMEOUT_S, cwd=cwd
        )
    except subprocess.TimeoutExpired as exc:
        raise Failure(f"{what}: no exit after {START_TIMEOUT_S} s ({' '.join(cmd)})") from exc
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-25:])
        raise Failure(f"{what}: exit code {proc.returncode} ({' '.join(cmd)})\n{tail}")
    return proc


# Qt plugins (type -> names) that must be in the bundle on this OS.
if sys.platform == "win32":
    NEEDED_PLUGINS = {"platforms": ["qwindows", "qoffscreen"], "styles": ["qmodernwindowsstyle"]}
elif sys.platform == "darwin":
    NEEDED_PLUGINS = {"platforms": ["qcocoa", "qoffscreen"], "styles": ["qmacstyle"]}
else:
    NEEDED_PLUGINS = {"platforms": ["qxcb", "qwayland", "qoffscreen"], "platformthemes": ["qxdgdesktopportal"]}
NEEDED_PLUGINS.update({"imageformats": ["qsvg", "qico", "qjpeg"], "iconengines": ["qsvgicon"]})


def check_contents(b: Bundle) -> None:
    for exe in (b.gui, b.cli):
        if not exe.is_file() or not os.access(exe, os.X_OK):
            raise Failure(f"executable {exe} missing")
    src_res = appinfo.RESOURCES_DIR
    wanted = appinfo.bundled_resources()
    bundled = b.internal / "recovery_planner" / "resources"
    missing = [str(p.relative_to(src_res)) for p in wanted if not (bundled / p.relative_to(src_res)).is_file()]
    if missing:
        raise Failure(f"resources missing from the bundle: {', '.join(sorted(missing))}")
    plugins = next(
        (p for p in (b.internal / "PySide6" / "Qt" / "plugins", b.internal / "PySide6" / "plugins") if p.is_dir()), None
    )
    if plugins is None:
        raise Failure("no Qt plugins folder in the bundle")
    for ptype, names in NEEDED_PLUGINS.items():
        have = {f.name.split(".")[0].removeprefix("lib") for f in (plugins / ptype).glob("*")}
        absent = [n for n in names if n not in have]
        if absent:
            raise Failure(f"Qt plugins missing: {ptype}/{', '.join(absent)}")
    say(
        f"contents ok: both executables, {len(wanted)} resource files, Qt plugins "
        f"{', '.join(sorted(p.name for p in plugins.iterdir()))}"
    )
    if sys.platform.startswith("linux") and shutil.which("ldd"):
        check_links(b.internal)


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


def gui_cmd_bundle(exe: Path, data: Path) -> list[str]:
    return [str(exe), "--data-dir", str(data), "--quit-after-first-paint"]


def gui_cmd_source(data: Path) -> list[str]:
    return [sys.executable, "-m", "recovery_planner", "--data-dir", str(data), "--quit-after-first-paint"]


def load_check_ins() -> list[dict]:
    """The check-ins of the test vignettes (tests/data/vignettes.json), or the inline one."""
    vignettes = ROOT / "tests" / "data" / "vignettes.json"
    if vignettes.is_file():
        data = json.loads(vignettes.read_text(encoding="utf-8"))
        found = [v["check_in"] for v in data if isinstance(v, dict) and isinstance(v.get("check_in"), dict)]
        if found:
            return found
    return [CHECK_IN]


def check_plan(b: Bundle, env: dict[str, str], tmp: Path) -> None:
    data = tmp / "plan-data"
    data.mkdir(exist_ok=True)
    check_ins = load_check_ins()
    one, batch = tmp / "checkin.json", tmp / "checkins.json"
    one.write_text(json.dumps(check_ins[0]), encoding="utf-8")
    batch.write_text(json.dumps(check_ins), encoding="utf-8")
    cli = [str(b.cli), "--data-dir", str(data)]
    src = [sys.executable, "-m", "recovery_planner", "--data-dir", str(data)]

    def plan(label: str, cmd: list[str], stdin: str | None = None):
        proc = run(cmd, env, f"plan command, {label}", stdin=stdin, cwd=ROOT)
        try:
            result = json.loads(proc.stdout)
        except json.JSONDecodeError as exc:
            raise Failure(f"plan command, {label}: output is not JSON ({exc}):\n{proc.stdout[:500]}") from exc
        plans = result if isinstance(result, list) else [result]
        if not all(isinstance(p, dict) and isinstance(p.get("days"), list) for p in plans):
            raise Failure(f"plan command, {label}: a plan without a 'days' list")
        if not any(p["days"] for p in plans):  # (a plan held back for an urgent referral has no days)
            raise Failure(f"plan command, {label}: no plan has any days")
        return result

    fmt = ["--format", "json"]
    b_file = plan("bundle, file", [*cli, "plan", str(one), *fmt])
    b_stdin = plan("bundle, stdin", [*cli, "plan", "-", *fmt], stdin=one.read_text(encoding="utf-8"))
    s_file = plan("source, file", [*src, "plan", str(one), *fmt])
    b_batch = plan("bundle, batch", [*cli, "plan", str(batch), *fmt])
    s_batch = plan("source, batch", [*src, "plan", str(batch), *fmt])
    if b_file != s_file or b_batch != s_batch:
        raise Failure(
            "the bundled plan command gives a different plan than the app run from source "
            "(a data file or module missing from the bundle?)"
        )
    if b_stdin != b_file:
        raise Failure("the bundled plan command gives different plans for a file and for stdin")
    text = run([*cli, "plan", str(one), "--format", "text"], env, "plan command, bundle, text", cwd=ROOT)
    if not text.stdout.strip():
        raise Failure("plan command, bundle, text: printed nothing")
    say(
        f"plan ok: bundled `{appinfo.CLI_EXE} plan` made {len(b_batch)} vignette plans (JSON, from a file "
        f"and stdin) identical to the source run, and the text form"
    )


def time_starts(b: Bundle, env: dict[str, str], tmp: Path, runs: int) -> tuple[float, float]:
    """Median wall time to first paint and exit: (source, bundle). One untimed warm-up each, interleaved."""
    times: dict[str, list[float]] = {"source": [], "bundle": []}
    for i in range(runs + 1):
        for label in ("source", "bundle"):
            data = tmp / f"start-{label}-{i}"
            data.mkdir()
            cmd = gui_cmd_source(data) if label == "source" else gui_cmd_bundle(b.gui, data)
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


def report_size(b: Bundle, max_mb: float) -> None:
    total = dir_size(b.path) / 1e6
    internal = b.internal
    linux_only = 0
    if sys.platform.startswith("linux"):
        # ICU (Qt uses the OS's on Windows/macOS), X11/xcb/Wayland/D-Bus/GLib/fontconfig and the C++
        # runtime: libraries only a Linux bundle carries.
        linux_libs = (
            "libicu",
            "libX",
            "libxcb",
            "libxkb",
            "libQt6Xcb",
            "libQt6Wayland",
            "libQt6WlShell",
            "libQt6DBus",
            "libdbus",
            "libsystemd",
            "libgcrypt",
            "libgpg-error",
            "liblz4",
            "libcap",
            "libglib",
            "libgthread",
            "libpcre2",
            "libfontconfig",
            "libfreetype",
            "libpng16",
            "libbrotli",
            "libstdc++",
            "libgcc_s",
            "libbsd",
            "libmd.",
            "libuuid",
        )
        for f in internal.rglob("*"):
            if f.is_file() and not f.is_symlink() and (f.name.startswith(linux_libs) or "/plugins/wayland" in str(f)):
                linux_only += f.lstat().st_size
    biggest = sorted(
        ((dir_size(p) if p.is_dir() else p.lstat().st_size, p.name) for p in internal.iterdir()), reverse=True
    )[:6]
    say(f"bundle size: {total:.0f} MB unpacked ({b.path})")
    if linux_only:
        say(
            f"  of which {linux_only / 1e6:.0f} MB are Linux-only libraries (ICU, X11/xcb, Wayland, D-Bus, "
            f"GLib, fontconfig, C++ runtime); the rest, {(total - linux_only / 1e6):.0f} MB, is what every "
            f"platform's bundle carries (goal < 150 MB)"
        )
    say("  largest: " + ", ".join(f"{name} {size / 1e6:.0f} MB" for size, name in biggest))
    if total > max_mb:
        raise Failure(
            f"bundle is {total:.0f} MB, over the {max_mb:.0f} MB limit: something large slipped in "
            "(check the excludes in packaging/recovery_planner.spec)"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bundle", type=Path, help="one-folder bundle directory, or the macOS .app")
    ap.add_argument("--runs", type=int, default=int(os.environ.get("RP_START_RUNS", "5")))
    ap.add_argument("--max-ratio", type=float, default=float(os.environ.get("RP_MAX_START_RATIO", "1.5")))
    ap.add_argument("--max-mb", type=float, default=float(os.environ.get("RP_MAX_BUNDLE_MB", "230")))
    ap.add_argument(
        "--native",
        action="store_true",
        help="also start the GUI once on the real window system (needs a desktop session)",
    )
    args = ap.parse_args(argv)
    b = Bundle(args.bundle)
    tmp = Path(tempfile.mkdtemp(prefix="rp-smoke-"))
    try:
        env = isolated_env(tmp)
        check_contents(b)

        for i, exe in enumerate((b.gui, b.cli)):
            data = tmp / f"gui-data-{i}"
            data.mkdir()
            run(gui_cmd_bundle(exe, data), env, f"GUI smoke start via `{exe.name}`", cwd=tmp)
        say("GUI ok: both executables painted the main window offscreen and exited 0")
        if args.native:
            native = {k: v for k, v in env.items() if k != "QT_QPA_PLATFORM"}
            (tmp / "gui-native").mkdir()
            run(gui_cmd_bundle(b.gui, tmp / "gui-native"), native, "GUI start on the native window system", cwd=tmp)
            say("GUI ok: painted and exited 0 on the native window system too")

        check_plan(b, env, tmp)
        src, bun = time_starts(b, env, tmp, args.runs)
        ratio = bun / src
        say(
            f"start time (median of {args.runs}): source {src:.2f} s, bundle {bun:.2f} s, ratio {ratio:.2f} "
            f"(limit {args.max_ratio})"
        )
        if ratio > args.max_ratio:
            raise Failure(f"the bundle starts {ratio:.2f}x slower than the source run (limit {args.max_ratio}x)")
        report_size(b, args.max_mb)
    except Failure as exc:
        print(f"smoke: FAIL: {exc}", file=sys.stderr, flush=True)
        return 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
