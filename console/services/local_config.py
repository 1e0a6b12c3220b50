"""TRANSITIONAL (issue 13): this computer's settings file for the command line, which
may not import storage. The composition root builds
:class:`console.storage.console_config.ConsoleConfig` and passes it to
:class:`~console.services.settings.SettingsService`; once the command line has a
composition root of its own this module goes.
"""

from __future__ import annotations

from console.repositories.console_settings import ConsoleSettings
from console.storage.console_config import ConsoleConfig


def this_computer() -> ConsoleSettings:
    """The config folder's ``settings.json`` (``SERVICE_CONSOLE_CONFIG`` elsewhere)."""
    return ConsoleConfig()
