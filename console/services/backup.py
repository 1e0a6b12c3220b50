"""Backups on a schedule and on demand; restore from a checked backup.

Backups go to a ``backups`` folder beside the database (a setting can point elsewhere,
e.g. a second disk), named by time; the newest :data:`KEEP` scheduled ones are kept.
The window asks :meth:`BackupService.backup_if_due` every few minutes; a backup runs on
the database thread and takes one consistent snapshot while staff keep working.

A backup holds every customer's personal data: taking one on demand needs a manager (or
an admin), and every backup — on demand or scheduled — leaves an audit entry (who, how
many customers, the file name). Each backup also verifies the audit trail's hash chain:
a broken trail is still backed up (the copy is evidence), but the result says so and the
problem is logged.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from console.domain import messages as m
from console.domain.clock import Clock, SystemClock
from console.domain.messages import Message
from console.domain.roles import Permission
from console.repositories import Store
from console.repositories.database_files import (
    BackupFailed,
    BackupInfo,
    DatabaseFiles,
    RestoreRefused,
)
from console.repositories.staff import AuditRecord, ChainReport
from console.services.identity import Identity
from console.services.settings import (
    BACKUP_EVERY_HOURS,
    BACKUP_FOLDER,
    BACKUP_KEEP,
    SettingsService,
)

# Re-exported for the window and the command line.
__all__ = ["BackupFailed", "BackupInfo", "DatabaseFiles", "RestoreRefused", "backup_name"]

log = logging.getLogger(__name__)

_SCHEDULED = re.compile(r"^console-(\d{8}-\d{6})\.db$")


def backup_name(now: dt.datetime, reason: str = "") -> str:
    """``console-20261128-093000.db`` (plus ``-reason`` for a manual or pre-restore one)."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    return f"console-{stamp}{'-' + reason if reason else ''}.db"


@dataclass(frozen=True, slots=True)
class Retention:
    """Until when existing backups keep their contents (local time)."""

    scheduled_until: dt.datetime | None  # the last existing scheduled backup is pruned
    scheduled_kept: bool  # scheduled backups are off: the existing ones are never pruned
    kept_until_deleted: tuple[Path, ...]  # manual and before-restore backups

    @property
    def holds_anything(self) -> bool:
        return self.scheduled_until is not None or bool(self.kept_until_deleted)


@dataclass(frozen=True, slots=True)
class BackupResult:
    """A backup that was written, and what the audit trail's verification found."""

    info: BackupInfo
    trail: list[ChainReport]

    @property
    def path(self) -> Path:
        return self.info.path

    @property
    def size(self) -> int:
        return self.info.size

    @property
    def customers(self) -> int:
        return self.info.customers

    @property
    def trail_intact(self) -> bool:
        return all(report.intact for report in self.trail)

    @property
    def trail_problem(self) -> str:
        """One sentence per broken chain ("" when intact)."""
        return "; ".join(report.describe() for report in self.trail if not report.intact)

    @property
    def trail_problems(self) -> tuple[Message, ...]:
        """:attr:`trail_problem` as message codes, one per broken chain."""
        return tuple(said for report in self.trail if (said := report.said()) is not None)


class BackupService:
    def __init__(
        self,
        store: Store,
        settings: SettingsService,
        clock: Clock | None = None,
        *,
        files: DatabaseFiles,
        identity: Identity | None = None,
    ) -> None:
        self._store = store
        self._files = files
        self._settings = settings
        self._clock = clock or SystemClock()
        self._identity = identity or Identity(store, settings, clock=self._clock)

    async def folder(self) -> Path:
        chosen = (await self._settings.get(BACKUP_FOLDER)).strip()
        if chosen:
            return Path(chosen).expanduser()
        return self._files.path.parent / "backups"

    async def backups(self) -> list[Path]:
        """Backups in the folder, newest first."""
        folder = await self.folder()
        if not folder.is_dir():
            return []
        found = [p for p in folder.glob("console-*.db") if p.is_file()]
        return sorted(found, key=lambda p: p.name, reverse=True)

    async def backup_now(self, reason: str = "manual", target: Path | None = None) -> BackupResult:
        """Back up now (managers and admins; a refusal is audited) to *target*, else to a
        dated file in the backups folder."""
        await self._identity.require(Permission.BACK_UP, "database")
        if target is None:
            target = (await self.folder()) / backup_name(self._clock.local_naive(), reason)
        result = await self._copy(target)
        await self._identity.record(
            "backup",
            "database",
            fields={"customers": result.customers, "file": result.path.name},
            detail=str(_trail_note(result)),
        )
        return result

    async def _copy(self, target: Path) -> BackupResult:
        """Copy on a thread of its own with its own connection: the database thread (and
        so the window) is not held up while a large database is copied. Then verify the
        audit trail (a broken one is backed up all the same, and logged)."""
        info = await asyncio.to_thread(self._files.backup, target)
        result = BackupResult(info, await self._store.read(lambda r: r.staff.verify_chains()))
        if not result.trail_intact:
            log.warning("backed up %s, but %s", info.path, result.trail_problem)
        return result

    async def backup_if_due(self) -> BackupResult | None:
        """Take a scheduled backup when the newest one is older than the interval."""
        hours = await self._settings.get(BACKUP_EVERY_HOURS)
        if hours <= 0:
            return None
        now = self._clock.local_naive()
        last = self._last_scheduled(await self.backups())
        if last is not None and now - last < dt.timedelta(hours=hours):
            return None
        result = await self._copy((await self.folder()) / backup_name(now))
        entry = AuditRecord(
            at=now.astimezone(dt.UTC),  # the service's clock is naive local time
            actor="system",
            actor_role="",
            action="backup",
            entity="database",
            fields={"customers": result.customers, "file": result.path.name},
            detail=str(m.ScheduledBackupNote(_trail_note(result))),
        )
        await self._store.write(lambda r: r.staff.append_audit(entry))
        await self._prune(await self._settings.get(BACKUP_KEEP))
        return result

    async def retention(self) -> Retention:
        """How long the backups that exist now keep what they hold (e.g. a customer erased
        just now): scheduled ones until enough newer ones have pushed them out, the others
        (manual, before-restore) until someone deletes them."""
        existing = await self.backups()
        scheduled = [p for p in existing if _SCHEDULED.match(p.name)]
        others = tuple(p for p in existing if not _SCHEDULED.match(p.name))
        hours = await self._settings.get(BACKUP_EVERY_HOURS)
        if not scheduled:
            return Retention(None, False, others)
        if hours <= 0:  # no scheduled backups any more: nothing rotates them out
            return Retention(None, True, (*scheduled, *others))
        keep = max(await self._settings.get(BACKUP_KEEP), 1)
        now = self._clock.local_naive()
        last = self._last_scheduled(scheduled) or now
        first_new = max(now, last + dt.timedelta(hours=hours))
        # Once `keep` newer scheduled backups exist, the last older one is pruned.
        return Retention(first_new + dt.timedelta(hours=hours * (keep - 1)), False, others)

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


def _trail_note(result: BackupResult) -> Message:
    return m.TrailIntact() if result.trail_intact else m.TrailWarning(result.trail_problem)
