"""Backups on a schedule and on demand; restore from a checked backup.

Backups go to a ``backups`` folder beside the database (a setting can point elsewhere,
e.g. a second disk), named by time; the newest :data:`KEEP` scheduled ones are kept.
The window asks :meth:`BackupService.backup_if_due` every few minutes; a backup runs on
the database thread and takes one consistent snapshot while staff keep working.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from pathlib import Path

from console.domain.clock import Clock, SystemClock
from console.services.settings import (
    BACKUP_EVERY_HOURS,
    BACKUP_FOLDER,
    BACKUP_KEEP,
    SettingsService,
)
from console.storage import backup as store
from console.storage.backup import BackupInfo
from console.storage.runner import DatabaseRunner

_SCHEDULED = re.compile(r"^console-(\d{8}-\d{6})\.db$")


class BackupService:
    def __init__(
        self, runner: DatabaseRunner, settings: SettingsService, clock: Clock | None = None
    ) -> None:
        self._runner = runner
        self._settings = settings
        self._clock = clock or SystemClock()

    async def folder(self) -> Path:
        chosen = (await self._settings.get(BACKUP_FOLDER)).strip()
        if chosen:
            return Path(chosen).expanduser()
        return self._runner.path.parent / "backups"

    async def backups(self) -> list[Path]:
        """Backups in the folder, newest first."""
        folder = await self.folder()
        if not folder.is_dir():
            return []
        found = [p for p in folder.glob("console-*.db") if p.is_file()]
        return sorted(found, key=lambda p: p.name, reverse=True)

    async def backup_now(self, reason: str = "manual") -> BackupInfo:
        target = (await self.folder()) / store.backup_name(self._clock.local_naive(), reason)
        return await self._copy(target)

    async def _copy(self, target: Path) -> BackupInfo:
        """Copy on a thread of its own with its own connection: the database thread (and
        so the window) is not held up while a large database is copied."""
        return await asyncio.to_thread(
            store.backup_database, self._runner.path, self._runner.key, target
        )

    async def backup_if_due(self) -> BackupInfo | None:
        """Take a scheduled backup when the newest one is older than the interval."""
        hours = await self._settings.get(BACKUP_EVERY_HOURS)
        if hours <= 0:
            return None
        now = self._clock.local_naive()
        last = self._last_scheduled(await self.backups())
        if last is not None and now - last < dt.timedelta(hours=hours):
            return None
        info = await self._copy((await self.folder()) / store.backup_name(now))
        await self._prune(await self._settings.get(BACKUP_KEEP))
        return info

    @staticmethod
    def _last_scheduled(paths: list[Path]) -> dt.datetime | None:
        for path in paths:  # newest first
            match = _SCHEDULED.match(path.name)
            if match:
                return dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
        return None

    async def _prune(self, keep: int) -> None:
        scheduled = [p for p in await self.backups() if _SCHEDULED.match(p.name)]
        for old in scheduled[max(keep, 1) :]:
            old.unlink(missing_ok=True)
