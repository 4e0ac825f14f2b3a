"""Rebuilds Qt's bundled ICU data library (libicudata.so.NN, 31 MB, ~7.2 MB of the .deb) with only the
ICU data a Persian/English Qt app can reach: 5.2 MB (1 MB of the .deb).

    python packaging/trim_icu_data.py LIBICUDATA

Qt uses ICU only for QCollator, locale-aware case mapping, time-zone names and legacy text codecs
asked for by name; Bayegan reads and decodes every file in Python. The library is a single symbol,
icudtNN_dat, holding an ICU common data package. This script takes that package out, removes with
`icupkg` (icu-devtools) what no Persian/English UI reaches, and assembles a new library with `cc`:

- locale data (the top level, coll/, curr/, lang/, region/, unit/, zone/, rbnf/, brkitr/) of every
  language but Persian, English and Arabic; root, pool and res_index stay, so other locales fall back
  to root instead of failing;
- the word-break dictionaries for Chinese/Japanese, Thai, Lao, Khmer and Burmese (brkitr/*.dict;
  Qt finds text boundaries with its own code);
- the transliterators (translit/, Qt has no API for them);
- the double-byte CJK/EBCDIC codec tables (.cnv of 32 KB and more); every single-byte code page
  (windows-125x, ISO-8859-x, IBM and Mac code pages) stays.

Unicode properties, normalisation, case mapping (compiled into libicuuc), stringprep/IDNA, the alias
table, the time-zone database and the supplemental data all stay. packaging/check-deb runs the
packaged app (index, search, GUI, PDF export) on the result.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LANGUAGES = {"fa", "en", "ar"}
LOCALE_TREES = {"", "coll", "curr", "lang", "region", "unit", "zone", "rbnf", "brkitr"}
# A locale resource: a 2-3 letter language, then optional _Script/_REGION/_VARIANT parts.
LOCALE = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]*)*")
ALWAYS_KEPT = {"root", "pool", "res_index"}
MAX_CONVERTER = 32 * 1024


def drop(item: str, size: int) -> bool:
    """True when the ICU data item `item` (e.g. "coll/de.res", "gb18030.cnv") is not needed."""
    tree, _, name = item.rpartition("/")
    stem, _, suffix = name.rpartition(".")
    if tree == "translit":
        return True
    if tree == "brkitr" and suffix == "dict":
        return True
    if tree == "" and suffix == "cnv":
        return size >= MAX_CONVERTER
    if tree in LOCALE_TREES and suffix == "res" and stem not in ALWAYS_KEPT and LOCALE.fullmatch(stem):
        return stem.split("_")[0] not in KEEP_LANGUAGES
    return False


def data_symbol(library: Path) -> tuple[str, int, int]:
    """(name, file offset, size) of the icudtNN_dat symbol."""
    symbols = subprocess.run(["readelf", "-W", "--dyn-syms", str(library)], check=True, capture_output=True,
                             text=True).stdout
    found = re.search(r"^\s*\d+:\s+([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\w+\s+(\d+)\s+(icudt\d+_dat)$",
                      symbols, re.MULTILINE)
    if not found:
        raise SystemExit(f"trim_icu_data: no icudtNN_dat symbol in {library}")
    value, size, index, name = int(found[1], 16), int(found[2], 0), int(found[3]), found[4]
    sections = subprocess.run(["readelf", "-W", "-S", str(library)], check=True, capture_output=True, text=True).stdout
    section = re.search(rf"^\s*\[\s*{index}\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s", sections, re.MULTILINE)
    if not section:
        raise SystemExit(f"trim_icu_data: section {index} of {library} not found")
    return name, value - int(section[1], 16) + int(section[2], 16), size


def remove(icupkg: str, full: Path, trimmed: Path, dropped: list[str], listing: Path) -> list[str]:
    """Writes `full` without `dropped` to `trimmed`; returns what was removed. A codec table that
    extends a removed one goes too; root's break rules may name the removed dictionaries (ICU then
    breaks those scripts without one), any other broken dependency is an error."""
    while True:
        listing.write_text("\n".join(dropped) + "\n", encoding="ascii")
        run = subprocess.run([icupkg, "-r", str(listing), str(full), str(trimmed)], capture_output=True, text=True)
        if run.returncode == 0:
            return dropped
        missing = re.findall(r"^Item (\S+) depends on missing item (\S+)$", run.stderr, re.MULTILINE)
        dependents = sorted({item for item, _ in missing if item.endswith(".cnv")} - set(dropped))
        if dependents:
            dropped = [*dropped, *dependents]
            continue
        if missing and all(item == "brkitr/root.res" and need.endswith(".dict") for item, need in missing):
            subprocess.run([icupkg, "--ignore-deps", "-r", str(listing), str(full), str(trimmed)], check=True,
                           capture_output=True)
            return dropped
        raise SystemExit(f"trim_icu_data: icupkg failed: {run.stderr.strip()[-2000:]}")


def main(library: Path) -> int:
    icupkg = shutil.which("icupkg") or "/usr/sbin/icupkg"
    compiler = shutil.which("cc") or shutil.which("gcc")
    if not Path(icupkg).exists() or not compiler:
        raise SystemExit("trim_icu_data: needs icupkg (apt install icu-devtools) and a C compiler (cc)")
    symbol, offset, size = data_symbol(library)
    package = symbol.removesuffix("_dat") + "l"  # icudt73l: the package name, little-endian
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        full = work / "full" / f"{package}.dat"
        full.parent.mkdir()
        with library.open("rb") as handle:
            handle.seek(offset)
            full.write_bytes(handle.read(size))
        items = subprocess.run([icupkg, "-l", str(full)], check=True, capture_output=True, text=True).stdout.split()
        (work / "items").mkdir()
        subprocess.run([icupkg, "-d", str(work / "items"), "-x", "*", str(full)], check=True, capture_output=True)
        dropped = [item for item in items if drop(item, (work / "items" / item).stat().st_size)]
        trimmed = work / "out" / f"{package}.dat"
        trimmed.parent.mkdir()
        dropped = remove(icupkg, full, trimmed, dropped, work / "drop.txt")
        left = subprocess.run([icupkg, "--ignore-deps", "-l", str(trimmed)], check=True, capture_output=True,
                              text=True).stdout.split()
        needed = {"root.res", "fa.res", "coll/fa.res", "coll/ucadata.icu", "cnvalias.icu"}
        if len(left) != len(items) - len(dropped) or not needed <= set(left):
            raise SystemExit(f"trim_icu_data: icupkg left {len(left)} items, expected {len(items) - len(dropped)}")
        assembly = work / "icudata.S"
        assembly.write_text(
            '\t.section .rodata\n\t.balign 16\n'
            f'\t.globl {symbol}\n\t.type {symbol}, @object\n{symbol}:\n'
            f'\t.incbin "{trimmed}"\n\t.size {symbol}, . - {symbol}\n'
            '\t.section .note.GNU-stack,"",@progbits\n',
            encoding="ascii",
        )
        built = work / library.name
        subprocess.run([compiler, "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-Wl,-z,noexecstack",
                        "-Wl,--build-id=sha1", "-s", "-o", str(built), str(assembly)], check=True)
        before = library.stat().st_size
        shutil.copyfile(built, library)
    print(f"trim_icu_data: {library.name} {before / 1e6:.1f} -> {library.stat().st_size / 1e6:.1f} MB "
          f"({len(dropped)} of {len(items)} ICU data items removed)")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
