"""Shared test set-up: offscreen Qt, no real keychain, no real home directory."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# Widgets are tested offscreen on the most common front-desk screen, 1366×768 (Qt's own
# offscreen screen is 800×800), so "fits the screen" checks mean what they say.
SCREEN_CONFIG = Path(__file__).resolve().parent / "offscreen-1366x768.json"
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN_CONFIG}"
os.environ.setdefault("QT_API", "pyside6")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# A throwaway PostgreSQL cluster for the tests that ask for one (tests/pg_fixtures.py).
pytest_plugins = ["tests.pg_fixtures", "tests.team_fixtures"]


@pytest.fixture(autouse=True)
def _isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point every platform directory at a temporary folder and use an in-memory keyring."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("SERVICE_CONSOLE_DB", raising=False)
    monkeypatch.delenv("SERVICE_CONSOLE_CONFIG", raising=False)  # settings.json: the temp folder
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.memory_keyring.MemoryKeyring")
    # The command line speaks the locale's language: English unless a test asks otherwise.
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
