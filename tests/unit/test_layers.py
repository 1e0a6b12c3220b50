"""The layers contract fails the test run, not only CI's ``lint-imports`` step.

The contract itself is ``[tool.importlinter]`` in pyproject.toml (README, "Where things
live"): domain imports nothing of ours; the repository interfaces import the domain;
services and storage each import the interfaces and the domain, never each other; ui and
the command line import services and domain (and a store from console.wiring) and not
each other; app wires everything; no import cycles. grimp reads every import
statement, so an import inside a function or under ``TYPE_CHECKING`` counts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUN = (
    "import sys; from importlinter.cli import lint_imports; "
    "sys.exit(lint_imports(no_cache=True, no_logo=True))"
)


def _lint_imports(folder: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` on the ``console`` package and pyproject.toml in *folder*."""
    return subprocess.run(
        [sys.executable, "-c", RUN],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_code_keeps_the_layers_contract() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "bad_import", "broken"),
    [
        # The domain reaching up, lazily (inside a function).
        (
            "domain/text.py",
            "def _late() -> None:\n    from console.ui import widgets  # noqa\n",
            "Layers: app wires ui and cli",
        ),
        # A widget reading the database directly, only for type checking.
        (
            "ui/search_results.py",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
            "    from console.storage.sqlite.runner import DatabaseRunner  # noqa\n",
            "Widgets and commands reach the database only through services",
        ),
        # The command line importing a widget.
        (
            "cli_args.py",
            "def _late() -> None:\n    from console.ui import theme  # noqa\n",
            "The command line does not import widgets",
        ),
        # A service reaching past the repository interfaces into SQLite, lazily.
        (
            "services/customers.py",
            "def _late() -> None:\n    from console.storage.sqlite import customers  # noqa\n",
            "Services use the repository interfaces, never storage",
        ),
        # Storage reaching up into a service.
        (
            "storage/sqlite/today.py",
            "def _late() -> None:\n    from console.services import settings  # noqa\n",
            "Layers: app wires ui and cli",
        ),
        # The window importing the command line.
        (
            "ui/widgets.py",
            "def _late() -> None:\n    from console import cli_args  # noqa\n",
            "Widgets do not import the command line",
        ),
        # A cycle inside one layer, through a TYPE_CHECKING import.
        (
            "ui/tasks.py",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
            "    from console.ui.main_window import MainWindow  # noqa\n",
            "No import cycles between sibling modules or packages",
        ),
    ],
)
def test_a_violation_fails_the_check(
    tmp_path: Path, module: str, bad_import: str, broken: str
) -> None:
    shutil.copytree(
        ROOT / "console", tmp_path / "console", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "console" / module
    target.write_text(target.read_text(encoding="utf-8") + "\n" + bad_import, encoding="utf-8")
    result = _lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Broken contracts" in result.stdout, result.stdout
    assert broken in result.stdout.split("Broken contracts", 1)[1], result.stdout
