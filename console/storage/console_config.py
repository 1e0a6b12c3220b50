"""This computer's settings (the ``console`` scope): ``settings.json`` in the platform's
config folder (platformdirs), never in the database, so a copied database does not carry
the source computer's phone extension, listener port or backup folder.

Written whole (temporary file, fsync, rename; 0600 in a 0700 folder) by
:mod:`console.files`. A missing or unreadable file reads as empty: every option
then has its default.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from console import files
from console.repositories.console_settings import ConsoleSettings

APP_NAME = "service-console"
FILENAME = "settings.json"
ENV_CONFIG = "SERVICE_CONSOLE_CONFIG"  # a settings.json elsewhere (tests, several consoles)


def default_path() -> Path:
    env = os.environ.get(ENV_CONFIG, "").strip()
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / FILENAME


class ConsoleConfig:
    """The JSON object in *path* (default: the platform's config folder)."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()

    def load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, key: str) -> Any:
        return self.load().get(key)

    def save(self, values: dict[str, Any]) -> None:
        text = json.dumps(values, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        files.private_folder(self.path.parent)
        files.write_text(self.path, text)

    def put(self, key: str, value: Any) -> dict[str, Any]:
        """Set (or with ``None`` remove) *key*; returns the values as they were."""
        before = self.load()
        after = dict(before)
        if value is None:
            after.pop(key, None)
        else:
            after[key] = value
        if after != before:
            self.save(after)
        return before


if TYPE_CHECKING:  # mypy checks that the file implements the interface

    def _implements(path: Path) -> ConsoleSettings:
        return ConsoleConfig(path)
