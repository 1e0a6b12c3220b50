"""The settings repository (see :mod:`console.repositories`)."""

from __future__ import annotations

from typing import Any, Protocol


class SettingsRepository(Protocol):
    """The shared settings: one JSON-compatible value per key (None: not set)."""

    def get(self, key: str) -> Any:
        """The stored value of *key*, or None when it was never set (or reset)."""
        ...

    def put(self, key: str, value: Any) -> None: ...

    def delete(self, key: str) -> None:
        """Forget *key* (its option's default applies again)."""
        ...
