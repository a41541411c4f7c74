"""Build TNLĐ's one-folder program with PyInstaller, here on Linux and with the same steps on Windows.

    python packaging/build.py            (Linux: ./dev.sh build)

1. PyInstaller is installed from its source distribution with its bootloader compiled on this machine
   (`PYINSTALLER_COMPILE_BOOTLOADER=1`, `--no-binary pyinstaller`): antivirus engines flag the prebuilt bootloader,
   which malware shares (pyinstaller issues #2255, #5668, #8605). Needs a C compiler: gcc and zlib's headers on
   Linux, the MSVC build tools on Windows. Done once per environment (pip keeps the wheel it built).
2. `build/THIRD-PARTY-NOTICES.txt` from the installed packages' metadata (app/core/notices.py).
3. `pyinstaller packaging/tnld.spec` into `dist/TNLD/`.
4. Prints the folder's size and its ten largest files; fails when it is over SPEC § 10's 150 MB.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
BUILD = ROOT / "build"
LIMIT_MB = 150
MARK = Path(sys.prefix) / ".tnld-pyinstaller-from-source"


def pyinstaller_requirement() -> str:
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    return next(r for r in extras["build"] if r.lower().startswith("pyinstaller"))


def install_pyinstaller() -> None:
    """PyInstaller with a bootloader compiled here (step 1), unless this environment has it already."""
    requirement = pyinstaller_requirement()
    if MARK.is_file() and MARK.read_text(encoding="utf-8").strip() == requirement:
        return
    print(f"Installing {requirement} and compiling its bootloader here…", flush=True)
    env = dict(os.environ, PYINSTALLER_COMPILE_BOOTLOADER="1")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-binary", "pyinstaller",
                    "--force-reinstall", "--no-deps", requirement], check=True, env=env)
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "pyinstaller-hooks-contrib", "altgraph"]
                   + (["pefile", "pywin32-ctypes"] if os.name == "nt" else []), check=True)
    MARK.write_text(requirement + "\n", encoding="utf-8")


def write_notices() -> Path:
    sys.path.insert(0, str(ROOT))
    from app.core.notices import notices_text

    BUILD.mkdir(exist_ok=True)
    path = BUILD / "THIRD-PARTY-NOTICES.txt"
    path.write_text(notices_text(), encoding="utf-8")
    return path


def folder_size(folder: Path) -> tuple[int, list[tuple[int, Path]]]:
    files = [(p.stat().st_size, p) for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(size for size, _ in files), sorted(files, reverse=True)


def report(folder: Path) -> int:
    total, files = folder_size(folder)
    print(f"\n{folder}: {total / 1e6:.1f} MB in {len(files)} files (target ≤ {LIMIT_MB} MB)")
    print("Ten largest files:")
    for size, path in files[:10]:
        print(f"  {size / 1e6:7.1f} MB  {path.relative_to(folder)}")
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-install", action="store_true", help="use the PyInstaller installed as it is")
    args = parser.parse_args(argv)
    if not args.no_install:
        install_pyinstaller()
    write_notices()
    shutil.rmtree(DIST / "TNLD", ignore_errors=True)
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"),
                    str(ROOT / "packaging" / "tnld.spec")], check=True, cwd=ROOT)
    total = report(DIST / "TNLD")
    if total > LIMIT_MB * 1_000_000:
        print(f"The build is over {LIMIT_MB} MB.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
