"""A smaller ICU data library for the Linux build (SPEC § 10: the build ≤ 150 MB).

Qt's Linux libraries link ICU, whose data library (`libicudata.so.73`, 32 MB) holds every locale of the world,
hundreds of legacy character converters and the transliterators. TNLĐ speaks Vietnamese and English: this keeps
the locale data of root, English and Vietnamese (collation, number and date formats, names), the break iterators
with their dictionaries, Unicode's properties and normalisation, time zones — and leaves out the other languages'
locale files, the `.cnv` converters (Qt converts UTF-8/16 and Latin-1 itself), transliteration, stringprep and
confusables. About 7 MB. `tests/frozen` checks Vietnamese sorting in the built program.

The Windows build has no ICU (Qt uses the system's), so this runs on Linux only. It needs ICU's own tools
`icupkg` and `genccode` (Debian: icu-devtools) and a C compiler; without them the full library is kept.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

KEEP_LOCALES = {"root", "en", "en_US", "en_GB", "en_001", "en_150", "en_US_POSIX", "vi", "vi_VN"}
LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*$")
DROP_KINDS = {"cnv", "spp", "cfu"}  # converters, stringprep profiles, confusables
DROP_TREES = {"translit"}


def tools_present() -> bool:
    return all(shutil.which(tool) for tool in ("icupkg", "genccode", "gcc", "readelf"))


def _data_symbol(library: Path) -> tuple[str, int, int]:
    """(name, file offset, size) of the `icudtNN_dat` symbol that holds the data package."""
    symbols = subprocess.run(["readelf", "-sW", str(library)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^\s*\d+:\s+([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+\s+(\d+)\s+(icudt\d+_dat)\s*$",
                      symbols, re.MULTILINE)
    if not match:
        raise RuntimeError(f"{library}: no icudtNN_dat symbol")
    address, size, section, name = int(match.group(1), 16), int(match.group(2), 0), int(match.group(3)), match.group(4)
    sections = subprocess.run(["readelf", "-SW", str(library)], capture_output=True, text=True, check=True).stdout
    row = re.search(rf"^\s*\[\s*{section}\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)", sections, re.MULTILINE)
    if not row:
        raise RuntimeError(f"{library}: section {section} not found")
    section_address, section_offset = int(row.group(1), 16), int(row.group(2), 16)
    return name, section_offset + (address - section_address), size


def removed_items(listing: list[str]) -> list[str]:
    removed = []
    for item in listing:
        tree, _, name = item.rpartition("/")
        stem, _, kind = name.rpartition(".")
        if tree in DROP_TREES or kind in DROP_KINDS or (kind == "res" and LOCALE.match(stem) and stem not in KEEP_LOCALES):
            removed.append(item)
    return removed


def smaller_library(library: Path, work: Path) -> Path:
    """Build the reduced `libicudata.so.NN` in *work* from Qt's *library*; returns its path."""
    work.mkdir(parents=True, exist_ok=True)
    name, offset, size = _data_symbol(library)
    package = work / f"{name.removesuffix('_dat')}l.dat"
    with library.open("rb") as file:
        file.seek(offset)
        data = file.read(size)
    if len(data) != size or data[2:4] != b"\xda\x27":  # ICU's data header magic
        raise RuntimeError(f"{library}: {name} is not an ICU data package")
    package.write_bytes(data)
    listing = subprocess.run(["icupkg", "-l", str(package)], capture_output=True, text=True, check=True).stdout.split()
    remove = work / "remove.txt"
    remove.write_text("\n".join(removed_items(listing)) + "\n", encoding="utf-8")
    out = work / "out"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    subprocess.run(["icupkg", "-r", str(remove), str(package), str(out / package.name)], check=True,
                   capture_output=True)
    subprocess.run(["genccode", "-e", name.removesuffix("_dat"), "-a", "gcc", "-d", str(out), str(out / package.name)],
                   check=True, capture_output=True)
    source = next(out.glob("*.S"))
    result = out / library.name
    subprocess.run(["gcc", "-shared", "-o", str(result), f"-Wl,-soname,{library.name}", str(source)], check=True)
    return result
