"""This computer's own settings (``settings.json`` in the config folder), for the
composition roots: the window's and the command line's."""

from __future__ import annotations

from console.repositories.console_settings import ConsoleSettings
from console.storage.console_config import ConsoleConfig


def this_computer() -> ConsoleSettings:
    """The config folder's ``settings.json`` (``SERVICE_CONSOLE_CONFIG`` elsewhere)."""
    return ConsoleConfig()
