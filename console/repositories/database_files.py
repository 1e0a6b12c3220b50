"""The database as files: backups, their checks and restores (see :mod:`console.repositories`).

A store whose database is a file on this computer (the desk's SQLite) provides this; the
backup service keeps the rules (who may, what is audited, when scheduled backups run and
which are pruned) and asks it for the copies. The calls block (a large database takes a
while to copy): run them off the event loop.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from console.domain.messages import Message


class BackupFailed(Exception):
    """The backup was not written (full disk, a folder in the way, a damaged database);
    ``message`` says why (``str()`` is the English sentence)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


class RestoreRefused(Exception):
    """The file offered for restore is not a sound Service Console backup; nothing changed.
    ``message`` says why (``str()`` is the English sentence)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    size: int
    customers: int
    schema_version: int
    erased_again: tuple[int, ...] = ()  # restore: customers erased since, erased again


class DatabaseFiles(Protocol):
    @property
    def path(self) -> Path:
        """The live database file (backups go beside it unless a folder is chosen)."""
        ...

    def backup(self, target: Path) -> BackupInfo:
        """Write a checked copy of the live database to *target* (atomically). Raises
        :class:`BackupFailed`."""
        ...

    def check(self, backup: Path) -> BackupInfo:
        """Make sure *backup* is a sound backup this database can be restored from.
        Raises :class:`RestoreRefused`."""
        ...

    def restore(self, backup: Path, safety_copy: Path) -> BackupInfo:
        """Replace the live database with *backup* after checking it; the current one is
        first copied to *safety_copy*, and customers erased since are erased again.
        Raises :class:`RestoreRefused`."""
        ...
