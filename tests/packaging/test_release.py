"""Release metadata: the wheel's licence metadata, one version everywhere, the notices, the desktop files, --help."""

from __future__ import annotations

import configparser
import email
import importlib.util
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

import recovery_planner
from recovery_planner.cli.main import build_parser

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "recovery_planner" / "resources" / "linux"
APP_ID = "org.recoveryplanner.RecoveryPlanner"


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def wheel_metadata(tmp_path_factory) -> email.message.Message:
    """METADATA of a wheel built from this checkout (pip wheel, no dependencies), read from the .whl."""
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--disable-pip-version-check",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    (wheel,) = out.glob("recovery_planner-*.whl")
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        meta = next(n for n in names if n.endswith(".dist-info/METADATA"))
        message = email.message_from_bytes(z.read(meta))
        licence_files = [n for n in names if "/licenses/" in n]
        message["X-Test-Licence-Files"] = ",".join(licence_files)
        message["X-Test-Licence-Text"] = z.read(licence_files[0]).decode()[:40] if licence_files else ""
        message["X-Test-Desktop-Files"] = ",".join(n for n in names if "/resources/linux/" in n)
    return message


def test_wheel_declares_the_mit_licence_and_ships_its_text(wheel_metadata):
    assert wheel_metadata["License-Expression"] == "MIT"
    assert wheel_metadata["License-File"] == "LICENSE"
    assert wheel_metadata["X-Test-Licence-Files"].endswith(".dist-info/licenses/LICENSE")
    assert wheel_metadata["X-Test-Licence-Text"].startswith("MIT License")


def test_wheel_names_authors_and_urls(wheel_metadata):
    assert wheel_metadata["Author"]
    urls = dict(u.split(", ", 1) for u in wheel_metadata.get_all("Project-URL"))
    assert {"Homepage", "Source", "Issues", "Changelog"} <= set(urls)
    assert all(u.startswith("https://") for u in urls.values())


def test_wheel_carries_the_linux_desktop_files(wheel_metadata):
    shipped = wheel_metadata["X-Test-Desktop-Files"].split(",")
    assert f"recovery_planner/resources/linux/{APP_ID}.desktop" in shipped
    assert f"recovery_planner/resources/linux/{APP_ID}.metainfo.xml" in shipped


def test_wheel_version_is_the_package_version(wheel_metadata):
    assert wheel_metadata["Version"] == recovery_planner.__version__


def test_every_dependency_bound_has_a_reason():
    """Each requirement line in pyproject.toml's dependency lists carries a comment (same line or above)."""
    lines = (ROOT / "pyproject.toml").read_text(encoding="utf-8").splitlines()
    in_list, problems = False, []
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith(("dependencies = [", "test = [", "packaging = [")):
            in_list = True
            continue
        if in_list and stripped == "]":
            in_list = False
        elif in_list and stripped.startswith('"') and "#" not in line and not lines[i - 1].strip().startswith("#"):
            problems.append(stripped)
    assert problems == []


def test_version_has_one_source(capsys):
    version = recovery_planner.__version__
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--version"])
    assert capsys.readouterr().out.strip() == f"recovery-planner {version}"
    appinfo = _load(ROOT / "packaging" / "appinfo.py", "rp_appinfo")
    assert appinfo.version() == version
    metainfo = ElementTree.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert metainfo.find("releases/release").get("version") == version
    assert f"## [{version}]" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_test_switches_are_hidden_from_help(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    text = capsys.readouterr().out
    assert "--data-dir" in text
    assert "--quit-after-first-paint" not in text
    assert build_parser().parse_args(["--quit-after-first-paint"]).quit_after_first_paint is True


def test_notices_list_every_runtime_dependency_with_its_licence_text(tmp_path):
    notices = _load(ROOT / "packaging" / "make_notices.py", "rp_make_notices")
    out = tmp_path / "THIRD-PARTY-NOTICES.txt"
    assert notices.main(["--out", str(out), "--check"]) == 0
    text = out.read_text(encoding="utf-8")
    from importlib.metadata import distribution

    for req in distribution("recovery-planner").requires or []:
        if "extra ==" in req:
            continue
        name = req.split(";")[0].split(">")[0].split("<")[0].split("=")[0].strip()
        version = distribution(name).version
        assert f"{distribution(name).metadata['Name']} {version}:" in text, name
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text and "GNU GENERAL PUBLIC LICENSE" in text
    assert "used here under LGPL-3.0-only" in text
    assert "PYTHON SOFTWARE FOUNDATION LICENSE" in text  # the interpreter the bundle carries
    assert "pytest" not in text.split("Summary:")[1].split("\n\n")[0]  # test tools are not shipped


def test_notices_reject_a_distribution_without_licence_text(tmp_path, monkeypatch):
    notices = _load(ROOT / "packaging" / "make_notices.py", "rp_make_notices_2")
    monkeypatch.setattr(notices, "EXTRA_TEXTS", {})  # PySide6 ships no licence file of its own
    assert notices.main(["--out", str(tmp_path / "n.txt"), "--check"]) == 1


def test_desktop_entry_matches_the_app():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    d = entry["Desktop Entry"]
    assert d["Type"] == "Application" and d["Name"] == "Recovery Planner"
    assert d["Icon"] == APP_ID
    gui_script = "recovery-planner-gui"
    assert d["Exec"].split()[0] == gui_script
    assert f'{gui_script} = "recovery_planner.app:main"' in (ROOT / "pyproject.toml").read_text()
    from recovery_planner.ui.about import DESKTOP_ID

    assert DESKTOP_ID == APP_ID
    appinfo = _load(ROOT / "packaging" / "appinfo.py", "rp_appinfo_2")
    assert appinfo.BUNDLE_ID == APP_ID


def test_metainfo_matches_the_desktop_entry():
    root = ElementTree.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("project_license") == "MIT"


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils not installed")
def test_desktop_entry_passes_desktop_file_validate():
    proc = subprocess.run(["desktop-file-validate", str(LINUX / f"{APP_ID}.desktop")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "error" not in proc.stdout.lower()


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream not installed")
def test_metainfo_passes_appstreamcli():
    proc = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_linux_desktop_install_puts_icons_at_the_standard_sizes(qapp, tmp_path):
    install = _load(ROOT / "packaging" / "linux" / "install_desktop.py", "rp_install_desktop")
    assert install.main(["--prefix", str(tmp_path)]) == 0
    share = tmp_path / "share"
    assert (share / "applications" / f"{APP_ID}.desktop").is_file()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    from PySide6.QtGui import QImage

    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        image = QImage(str(share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
        assert (image.width(), image.height()) == (size, size)
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert install.main(["--prefix", str(tmp_path), "--uninstall"]) == 0
    assert not list(share.rglob(f"{APP_ID}*"))


def _icu_trim():
    return _load(ROOT / "packaging" / "linux" / "icu_trim.py", "rp_icu_trim")


def test_icu_trim_keeps_what_qt_uses_and_drops_other_locales():
    keep = _icu_trim().keep
    for item in (
        "root.res",
        "en.res",
        "pool.res",
        "res_index.res",
        "zoneinfo64.res",
        "metaZones.res",
        "cnvalias.icu",
        "nfkc.nrm",
        "coll/root.res",
        "coll/ucadata.icu",
        "coll/sv.res",
        "coll/de.res",
        "brkitr/word.brk",
        "brkitr/root.res",
        "lang/en.res",
        "zone/root.res",
    ):
        assert keep(item, 1000), item
    for item in (
        "de.res",
        "sv_SE.res",
        "zh_Hant_TW.res",
        "coll/zh.res",
        "coll/ja.res",
        "lang/de.res",
        "translit/root.res",
        "brkitr/cjdict.dict",
        "confusables.cfu",
        "curr/fr.res",
    ):
        assert not keep(item, 1000), item
    assert keep("ibm-5348_P100-1997.cnv", 3_000) and not keep("ibm-943_P15A-2003.cnv", 150_000)


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or not all(shutil.which(t) for t in ("icupkg", "gcc", "readelf")),
    reason="the ICU trim is Linux-only and needs icupkg (icu-devtools), gcc and readelf",
)
def test_trimmed_icu_still_collates_and_case_maps(tmp_path):
    """Qt loads the trimmed libicudata in place of the wheel's and still sorts and upper-cases correctly."""
    import PySide6

    lib = next((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    old, new = _icu_trim().trim(lib, tmp_path / lib.name)
    assert new < old / 3
    code = (
        "from PySide6.QtCore import QCollator, QLocale\n"
        "print(QCollator(QLocale('de_DE')).compare('\\u00e4pfel', 'zebra'),"
        " QCollator(QLocale('sv_SE')).compare('\\u00e4pfel', 'zebra'), QLocale('tr_TR').toUpper('i'))\n"
    )
    env = dict(__import__("os").environ, LD_LIBRARY_PATH=str(tmp_path), LD_DEBUG="libs")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert f"calling init: {tmp_path / lib.name}" in proc.stderr or str(tmp_path / lib.name) in proc.stderr
    de, sv, upper = proc.stdout.split()
    assert int(de) < 0  # German: a-umlaut sorts with a
    assert int(sv) > 0  # Swedish: a-umlaut after z (its own collation kept)
    assert upper == "\u0130"  # Turkish dotted capital I


def test_release_workflow_uses_node24_actions_and_per_job_permissions():
    text = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    # The first majors of each action that run on Node 24 (the Node 20 ones are deprecated on hosted runners).
    minimum = {
        "actions/checkout": 5,
        "actions/setup-python": 6,
        "actions/upload-artifact": 6,
        "actions/download-artifact": 7,
    }
    used = re.findall(r"uses:\s*([\w-]+/[\w-]+)@v(\d+)", text)
    assert used and all(int(v) >= minimum[a] for a, v in used if a in minimum), used
    assert re.search(r"^permissions: \{\}$", text, re.M), "no workflow-wide permissions"
    jobs = re.split(r"^  (\w+):\n", text.split("\njobs:\n", 1)[1], flags=re.M)[1:]
    for name, body in zip(jobs[::2], jobs[1::2], strict=True):
        assert re.search(r"^    permissions:", body, re.M), f"job {name} sets no permissions"
    assert "contents: write" in jobs[jobs.index("release") + 1]
    assert "contents: write" not in jobs[jobs.index("build") + 1]
    assert "WINDOWS_SIGN_COMMAND" in text and "APPLE_APP_PASSWORD" in text


def test_installer_signs_the_uninstaller_and_ships_the_notices():
    nsi = (ROOT / "packaging" / "windows" / "installer.nsi").read_text(encoding="utf-8")
    assert "!uninstfinalize '${SIGN_COMMAND}'" in nsi and "!finalize '${SIGN_COMMAND}'" in nsi
    assert "THIRD-PARTY-NOTICES.txt" in nsi and "MUI_PAGE_LICENSE" in nsi
