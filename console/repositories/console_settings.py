"""This computer's settings (the ``console`` scope), kept outside the database so a copied
database does not carry the source computer's phone extension, listener port or backup
folder. :class:`console.storage.console_config.ConsoleConfig` keeps them in the config
folder's ``settings.json``; the composition root (window, command line) passes one in.
"""

from __future__ import annotations

from typing import Any, Protocol


class ConsoleSettings(Protocol):
    def load(self) -> dict[str, Any]:
        """Every value held (an unreadable store reads as empty: defaults apply)."""
        ...

    def get(self, key: str) -> Any:
        """The value of *key*, None when not set."""
        ...

    def save(self, values: dict[str, Any]) -> None:
        """Replace every value at once."""
        ...

    def put(self, key: str, value: Any) -> dict[str, Any]:
        """Set (or with ``None`` remove) *key*; returns the values as they were."""
        ...
