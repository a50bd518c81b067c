"""Linux bundle only: a smaller ICU data library for Qt (32 MB of locale data -> a few MB).

    python packaging/linux/icu_trim.py SRC_LIBICUDATA OUT_LIBICUDATA

PySide6's Linux wheels carry ICU (libicudata.so.73 is 32 MB, almost all of it locale data for ~800 locales);
Windows and macOS use the OS's ICU, so this is Linux-only. Qt uses ICU for collation (QCollator, sorting),
locale-aware case mapping, legacy text codecs and time-zone display names; it formats numbers and dates from
its own CLDR tables. So the trimmed data keeps, for the root locale and English: collation, locale data,
currency/language/region/unit/zone names and number spelling; plus every non-locale item (converters and their
alias table, normalization, Unicode properties, time-zone rules, break rules) and the collation of every
language but Chinese, Japanese and Korean (those sort in the root order, the Unicode default). Dropped: the
other locales' names and formats, transliteration, the CJK/Thai/Khmer/Lao/Burmese word dictionaries and the
spoof-check data, and the large legacy multi-byte code pages.

Needs binutils (`readelf`), `icupkg` (Debian: icu-devtools) and `gcc`. Exits 1 with a message when a tool is
missing; the spec then keeps the full library.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LOCALES = {"root", "en", "en_US", "en_GB", "en_001", "en_150", "pool", "res_index"}
# Collation (sorting names) stays for every language except the large Chinese/Japanese/Korean tables (1.2 MB):
# those languages then sort by the root (Unicode default) order.
DROP_COLLATIONS = re.compile(r"^(zh|ja|ko|yue)(_|\.)")
LOCALE_TREES = ("coll", "curr", "lang", "region", "unit", "zone", "rbnf", "brkitr")
LOCALE_RES = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*\.res$")
DROP_TREES = ("translit",)
DROP_SUFFIXES = (".dict", ".cfu")
# Legacy multi-byte (CJK, EBCDIC-DBCS) code page tables are 64 KB to 550 KB each, 4.6 MB together; Qt only
# loads a converter when code asks for that encoding by name, and nothing here does. The single-byte tables
# (windows-125x, ISO-8859-x, KOI8 ...) are a few KB each and stay; UTF-8/16/32 and Latin-1 need no table.
MAX_CONVERTER_BYTES = 64 * 1024


def keep(item: str, size: int = 0) -> bool:
    """Whether an ICU data item (e.g. 'coll/de.res', 'cnvalias.icu') of ``size`` bytes stays."""
    tree, _, name = item.rpartition("/")
    if name.endswith(".cnv") and size > MAX_CONVERTER_BYTES:
        return False
    if tree in DROP_TREES or name.endswith(DROP_SUFFIXES):
        return False
    if tree == "coll" and name.endswith(".res"):
        return not DROP_COLLATIONS.match(name)
    if name.endswith(".res") and (tree in LOCALE_TREES or (not tree and LOCALE_RES.match(name))):
        return name[: -len(".res")] in KEEP_LOCALES
    return True


def extract(lib: Path, out: Path) -> str:
    """Write the common data blob (symbol icudtNN_dat) of libicudata to ``out``; returns the symbol name."""
    symbols = subprocess.run(["readelf", "-sW", str(lib)], capture_output=True, text=True, check=True).stdout
    match = re.search(
        r"^\s*\d+:\s+([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+\s+(\d+)\s+(icudt\d+_dat)$", symbols, re.M
    )
    if not match:
        raise SystemExit(f"icu_trim: no icudtNN_dat symbol in {lib}")
    address, size, section, symbol = int(match[1], 16), int(match[2], 0), int(match[3]), match[4]
    sections = subprocess.run(["readelf", "-SW", str(lib)], capture_output=True, text=True, check=True).stdout
    sec = re.search(rf"^\s*\[\s*{section}\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)", sections, re.M)
    if not sec:
        raise SystemExit(f"icu_trim: section {section} not found in {lib}")
    offset = address - int(sec[1], 16) + int(sec[2], 16)
    with open(lib, "rb") as f:
        f.seek(offset)
        data = f.read(size)
    if data[2:4] != b"\xda\x27" or b"CmnD" not in data[:32]:
        raise SystemExit(f"icu_trim: {symbol} in {lib} is not ICU common data")
    out.write_bytes(data)
    return symbol


def trim(src: Path, dest: Path) -> tuple[int, int]:
    """Build ``dest`` (a libicudata with the same soname and symbol) from ``src``; returns (old, new) sizes."""
    for tool in ("readelf", "icupkg", "gcc"):
        if not shutil.which(tool):
            raise SystemExit(f"icu_trim: {tool} not found (apt-get install binutils icu-devtools gcc)")
    soname = src.name
    with tempfile.TemporaryDirectory(prefix="icu-trim-") as tmp_name:
        tmp = Path(tmp_name)
        (tmp / "out").mkdir()
        symbol = extract(src, tmp / "blob")
        # icupkg takes the package name (icudt73l) from the file name: both files must carry it
        full = tmp / f"{symbol[: -len('_dat')]}l.dat"
        (tmp / "blob").rename(full)
        listed = subprocess.run(["icupkg", "-l", str(full)], capture_output=True, text=True, check=True).stdout
        items = [line.strip() for line in listed.splitlines() if line.strip()]
        items_dir = tmp / "items"
        items_dir.mkdir()
        subprocess.run(["icupkg", "-x", str(full), "-d", str(items_dir), str(full)], check=True, capture_output=True)
        drop = [i for i in items if not keep(i, (items_dir / i).stat().st_size if (items_dir / i).is_file() else 0)]
        (tmp / "drop.txt").write_text("\n".join(drop) + "\n", encoding="utf-8")
        small = tmp / "out" / full.name
        subprocess.run(
            ["icupkg", "--ignore-deps", "-r", str(tmp / "drop.txt"), str(full), str(small)],
            check=True,
            capture_output=True,
        )
        asm = tmp / "icudata.S"
        asm.write_text(
            "\t.section .rodata\n"
            f"\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign 16\n{symbol}:\n"
            f'\t.incbin "{small}"\n'
            f"\t.size {symbol}, . - {symbol}\n"
            '\t.section .note.GNU-stack,"",@progbits\n',
            encoding="utf-8",
        )
        dest.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(dest), str(asm)],
            check=True,
            capture_output=True,
        )
    return src.stat().st_size, dest.stat().st_size


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    old, new = trim(Path(argv[0]), Path(argv[1]))
    print(f"icu_trim: {Path(argv[0]).name} {old / 1e6:.1f} MB -> {new / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
