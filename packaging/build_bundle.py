"""Build the desktop bundle: one folder with Python, Qt and the app, for staff PCs.

    python packaging/build_bundle.py            # → dist/service-console/

Run it with Python 3.11+ on the system the bundle is for (Linux, Windows or macOS: PyInstaller
does not cross-compile). Steps: build the wheel (resources in it, translations compiled),
install it with the ``bundle`` extra (PyInstaller) into a fresh environment under
``build/bundle/``, and run ``packaging/service-console.spec`` there. The bundle therefore
holds exactly what an installed wheel holds. Prints the time taken and the size.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "service-console.spec"
NAME = "service-console"


def run(*args: str | Path, cwd: Path | None = None) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], check=True, cwd=cwd)


def size_mb(folder: Path) -> float:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the folder goes")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bundle")
    parser.add_argument(
        "--archive",
        action="store_true",
        help="also pack the folder (.zip on Windows, else .tar.gz)",
    )
    args = parser.parse_args()
    started = time.monotonic()
    work: Path = args.work.resolve()
    shutil.rmtree(work, ignore_errors=True)
    wheels = work / "wheel"
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", wheels, ROOT)
    [wheel] = wheels.glob("service_console-*.whl")
    env = work / "venv"
    venv.create(env, with_pip=True)
    python = env / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    run(python, "-m", "pip", "install", "--quiet", f"{wheel}[bundle]")
    dist: Path = args.dist.resolve()
    # Run from the work folder: from the checkout, `python -m` would put the checkout's
    # console/ (no built resources) ahead of the installed one.
    run(
        python, "-m", "PyInstaller", "--noconfirm", "--clean",
        "--distpath", dist, "--workpath", work / "pyinstaller", SPEC,
        cwd=work,
    )  # fmt: skip
    folder = dist / NAME
    print(f"bundle: {folder} ({size_mb(folder):.0f} MB)")
    if args.archive:
        kind = "zip" if os.name == "nt" else "gztar"
        archive = shutil.make_archive(str(folder), kind, root_dir=dist, base_dir=NAME)
        print(f"archive: {archive} ({Path(archive).stat().st_size / 1e6:.0f} MB)")
    print(f"built in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
