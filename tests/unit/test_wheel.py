"""What the wheel must hold: everything the installed app reads, translations compiled.

Builds the sdist and, from it, the wheel (``python -m build``, as a release would), so a
file missing from the sdist is missing here too.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from console import assets

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PACKAGED = f"console/{assets.PACKAGED}"
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")  # every .qm starts with it


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[zipfile.ZipFile]:
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    [found] = out.glob("service_console-*.whl")
    with zipfile.ZipFile(found) as archive:
        yield archive


def test_the_default_phrasebook_is_in_the_wheel(wheel: zipfile.ZipFile) -> None:
    shipped = wheel.read(f"{PACKAGED}/phrasebooks/default.csv")
    assert shipped == (ROOT / "resources" / "phrasebooks" / "default.csv").read_bytes()


def test_every_translation_is_compiled_into_the_wheel(wheel: zipfile.ZipFile) -> None:
    sources = sorted((ROOT / "resources" / "translations").glob(f"{assets.TS_PREFIX}*.ts"))
    languages = {ts.stem.removeprefix(assets.TS_PREFIX) for ts in sources}
    assert languages == {"en", "zh_CN", "zh_TW"}
    names = set(wheel.namelist())
    for ts in sources:
        qm = f"{PACKAGED}/translations/{ts.stem}.qm"
        assert qm in names, f"{ts.name} has no compiled {qm} in the wheel"
        assert wheel.read(qm).startswith(QM_MAGIC), f"{qm} is not a compiled translation"
    assert not [n for n in names if n.endswith(".ts")], "sources only; the app loads .qm"


def test_every_other_resource_is_in_the_wheel(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    wanted = [
        f"{PACKAGED}/{p.relative_to(ROOT / 'resources').as_posix()}"
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and p.suffix != ".ts"
    ]
    assert wanted
    assert [w for w in wanted if w not in names] == []


def test_the_wheel_is_typed_and_has_its_command(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    assert "console/py.typed" in names
    [entry_points] = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    assert "service-console = console.cli:main" in wheel.read(entry_points).decode()
