"""Build step for wheels: the app's resources go into the package, translations compiled.

``python -m build`` (and ``pip install .``) runs this: ``build_py`` copies the checkout's
``resources/`` into ``console/_resources/`` of the build and compiles every ``.ts`` there
to ``.qm`` with PySide6's ``lrelease`` (PySide6 is a build requirement in pyproject.toml),
so an installed app never compiles anything. ``console.assets`` finds them with
``importlib.resources``. An editable install keeps reading the checkout's ``resources/``.
Everything else about the package is in pyproject.toml.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "resources"
TARGET = ("console", "_resources")  # console.assets.PACKAGED


def lrelease() -> str:
    """PySide6's bundled lrelease (the one the app uses in a checkout), else one on PATH."""
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.origin is not None:
        for name in ("lrelease", "lrelease.exe"):
            bundled = Path(spec.origin).parent / name
            if bundled.exists():
                return str(bundled)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found is None:
        raise RuntimeError("lrelease not found: install PySide6 to build the package")
    return found


def package_resources(out: Path) -> list[Path]:
    """Copy resources/ to *out*, each .ts compiled to a .qm of the same name."""
    if out.exists():
        shutil.rmtree(out)
    written = []
    for source in sorted(p for p in SOURCE.rglob("*") if p.is_file()):
        target = out / source.relative_to(SOURCE)
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".ts":
            target = target.with_suffix(".qm")
            subprocess.run(
                [lrelease(), "-silent", str(source), "-qm", str(target)],
                check=True,
            )
            if not target.exists():
                raise RuntimeError(f"lrelease did not write {target}")
        else:
            shutil.copy2(source, target)
        written.append(target)
    return written


class BuildPyWithResources(build_py):
    """build_py, then the resources (not for editable installs: they read resources/)."""

    def run(self) -> None:
        super().run()
        self._resources = (
            [] if self.editable_mode else package_resources(Path(self.build_lib, *TARGET))
        )

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        extra = [str(p) for p in getattr(self, "_resources", [])]
        return [*super().get_outputs(include_bytecode), *extra]


setup(cmdclass={"build_py": BuildPyWithResources})
