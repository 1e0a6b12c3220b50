"""Where the database lives: ``--db PATH``, else ``SERVICE_CONSOLE_DB``, else the
platform's user data folder (platformdirs).

The demo database (``service-console demo``, ``service-console --demo``) is a file of its
own, ``console-DEMO.db`` in the user data folder, so made-up customers never land in the
real database; ``SERVICE_CONSOLE_DB`` (which names the real one) does not move it."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "service-console"
DB_FILENAME = "console.db"
DEMO_DB_FILENAME = "console-DEMO.db"
ENV_DB = "SERVICE_CONSOLE_DB"


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_DB, "").strip()
    if env:
        return Path(env).expanduser()
    return default_db_path()


def default_demo_db_path() -> Path:
    """The demo database: beside the default real one, named so nobody mistakes it."""
    return default_db_path().with_name(DEMO_DB_FILENAME)


def resolve_demo_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--db PATH`` when given (that file becomes a demo database), else the demo file."""
    if explicit:
        return Path(explicit).expanduser()
    return default_demo_db_path()
