"""Phrasebook use cases: books, entries, validation, history, files, and the matcher.

Async API for the window (database work runs on the database thread, matcher builds and
validation on a worker thread, so the event loop never waits); the blocking ``*_now``
variants serve the CLI, which has no event loop of its own (never call them from a
running loop). No Qt, no SQL here: the store's phrasebook repository
(:mod:`console.repositories.phrasebooks`) keeps the books.

Rules kept here:

* Only trainers and managers (and admins) change phrasebooks (``EDIT_PHRASEBOOK``,
  checked by :meth:`Identity.require`, which audits a refusal). Edits by anyone else
  raise :class:`PermissionDenied`. The author of a change is whoever is signed in
  (``"unknown"`` when there is no name).
* Every add, edit and restore is validated on the whole book as it would be after the
  change (:func:`console.domain.phrase_matcher.validate`); when the change brings a
  problem the book did not have, nothing is saved and :class:`PhrasebookInvalid` lists
  the problems with the entries involved. (Problems a book already had do not block
  unrelated edits, so a trainer can always fix them one at a time; deleting never adds
  a problem.) An import must be free of problems as a whole.
* The change is written only onto the version of the book it was validated against; if
  someone else changed the book meanwhile it is read and validated again.
* The active phrasebook is the ``active_phrasebook`` setting; "Default" is created from
  ``resources/phrasebooks/default.csv`` the first time it is used.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import functools
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import ParamSpec, TypeVar

from console import assets, files
from console.domain.clock import Clock, SystemClock
from console.domain.messages import EntryNumber, Message, NewEntry
from console.domain.phrase_matcher import Finding, Matcher, Problem, validate
from console.domain.phrasebook import (
    EntryKind,
    Language,
    Phrasebook,
    PhraseEntry,
    Severity,
    Situation,
)
from console.domain.phrasebook_io import (
    FileFormat,
    PhrasebookFormatError,
    encode_phrasebook,
    read_phrasebook,
    read_phrasebook_located,
)
from console.domain.roles import NotAllowed, Permission, Role
from console.repositories import Repositories, Store
from console.repositories.phrasebooks import (
    EntryNotFound,
    HistoryAction,
    HistoryRecord,
    ImportSummary,
    PhrasebookInfo,
    PhrasebookNameTaken,
    PhrasebookNotFound,
    StaleVersion,
    StoredEntry,
    VersionNotRestorable,
)
from console.services import settings as opts
from console.services.identity import Identity
from console.services.settings import SettingsService

__all__ = [
    "DEFAULT_PHRASEBOOK",
    "DEFAULT_PHRASEBOOK_FILE",
    "EntryNotFound",
    "HistoryAction",
    "HistoryRecord",
    "ImportReport",
    "ImportSummary",
    "PermissionDenied",
    "PhrasebookBusy",
    "PhrasebookError",
    "PhrasebookFormatError",
    "PhrasebookInfo",
    "PhrasebookInvalid",
    "PhrasebookNameTaken",
    "PhrasebookNotFound",
    "PhrasebookService",
    "StoredEntry",
    "VersionNotRestorable",
    "clean_entry",
]

P = ParamSpec("P")
T = TypeVar("T")

DEFAULT_PHRASEBOOK = "Default"
DEFAULT_PHRASEBOOK_FILE = assets.default_phrasebook()  # in the wheel, or the checkout
SEED_AUTHOR = "Service Console"
UNKNOWN_AUTHOR = "unknown"
NEW_ENTRY_LABEL: Message = NewEntry()
_ATTEMPTS = 3


class PhrasebookError(Exception):
    """Base of the phrasebook service's own errors."""


class PermissionDenied(PhrasebookError):
    """The signed-in role may not change the phrasebook; ``message`` is the refusal's
    message code (who may) when the permission check gave one."""

    def __init__(
        self, message: str | Message = "Only trainers and managers can change the phrasebook"
    ) -> None:
        super().__init__(str(message))
        self.message = message


class PhrasebookInvalid(PhrasebookError):
    """The change was not saved; ``problems`` say why and name the entries involved."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        heading = "1 problem" if count == 1 else f"{count} problems"
        super().__init__(
            f"Not saved ({heading}):\n"
            + "\n".join(str(problem.message) for problem in self.problems)
        )


class PhrasebookBusy(PhrasebookError):
    """Others kept changing the book while this change was being checked."""


@dataclass(frozen=True, slots=True)
class ImportReport:
    phrasebook: PhrasebookInfo
    created: bool
    summary: ImportSummary


@dataclass(frozen=True, slots=True)
class _Active:
    """The matcher built for one version of one book."""

    book: PhrasebookInfo
    version: int
    matcher: Matcher


def clean_entry(entry: PhraseEntry) -> PhraseEntry:
    """The entry as it will be stored: text, reason and items trimmed, empty items
    dropped; id, author and time cleared. Raises ValueError for a field that does not
    belong to the entry's kind (an empty text is left for validation to report)."""
    replacements = tuple(item.strip() for item in entry.replacements if item.strip())
    exceptions = tuple(item.strip() for item in entry.exceptions if item.strip())
    cleaned = replace(
        entry,
        id=None,
        author="",
        changed_at=None,
        text=entry.text.strip(),
        reason=entry.reason.strip(),
        replacements=replacements,
        exceptions=exceptions,
    )
    if cleaned.kind is EntryKind.APPROVED:
        if cleaned.severity is not None:
            raise ValueError("A severity is only for taboo terms.")
        if replacements:
            raise ValueError("Replacements are only for taboo terms.")
        if exceptions:
            raise ValueError("Exceptions are only for taboo terms.")
    elif cleaned.situation is not None:
        raise ValueError("A situation is only for approved phrases.")
    return cleaned


def _label(entry: PhraseEntry) -> Message:
    return NEW_ENTRY_LABEL if entry.id is None else EntryNumber(entry.id)


def _new_problems(before: Sequence[PhraseEntry], after: Sequence[PhraseEntry]) -> list[Problem]:
    """Problems of the book ``after`` a change that it did not have ``before``."""
    problems = validate(after, [_label(entry) for entry in after])
    if not problems:
        return []
    known = {
        (problem.code, problem.message)
        for problem in validate(before, [_label(entry) for entry in before])
    }
    return [problem for problem in problems if (problem.code, problem.message) not in known]


def _at_version(
    write: Callable[[Repositories, int], T], version: int
) -> Callable[[Repositories], T]:
    return lambda repos: write(repos, version)


def _create(
    repos: Repositories, *, name: str, now: dt.datetime, entries: list[PhraseEntry], author: str
) -> PhrasebookInfo:
    return repos.phrasebooks.create_phrasebook(name, now=now, entries=entries, author=author)


def _replace(
    repos: Repositories,
    *,
    book_id: int,
    entries: list[PhraseEntry],
    author: str,
    now: dt.datetime,
) -> ImportSummary:
    return repos.phrasebooks.replace_entries_from_import(book_id, entries, author=author, now=now)


class PhrasebookService:
    def __init__(
        self,
        store: Store,
        settings: SettingsService,
        *,
        clock: Clock | None = None,
        default_file: Path = DEFAULT_PHRASEBOOK_FILE,
        identity: Identity | None = None,
    ) -> None:
        self._store = store
        self._settings = settings
        self._clock = clock or (identity.clock if identity is not None else SystemClock())
        self._identity = identity or Identity(store, settings, clock=self._clock)
        self._default_file = default_file
        self._active: _Active | None = None
        self._building: tuple[tuple[int, int], asyncio.Task[_Active]] | None = None

    # --- helpers ----------------------------------------------------------------------

    @staticmethod
    async def _compute(fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run CPU work (validation, matcher builds, files) off the event loop."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, functools.partial(fn, *args, **kwargs))

    def _now(self) -> dt.datetime:
        return self._clock.local_naive()

    async def role(self) -> Role:
        """The signed-in role (the ``role`` setting where nobody signs in, e.g. the CLI)."""
        return await self._identity.role()

    async def can_edit(self) -> bool:
        return (await self.role()).can_edit_phrasebook

    async def _require_editor(self) -> str:
        """The author to record; raises PermissionDenied for a role that may not edit
        (the refusal is audited on the one permission path, :meth:`Identity.require`)."""
        try:
            await self._identity.require(Permission.EDIT_PHRASEBOOK, "phrasebook")
        except NotAllowed as exc:
            raise PermissionDenied(exc.message) from exc
        return (await self._identity.name()).strip() or UNKNOWN_AUTHOR

    async def _seed_default(self) -> None:
        entries = await self._compute(read_phrasebook, self._default_file)
        with contextlib.suppress(PhrasebookNameTaken):  # another console was first
            now = self._now()
            await self._store.write(
                lambda r: r.phrasebooks.create_phrasebook(
                    DEFAULT_PHRASEBOOK, now=now, entries=entries, author=SEED_AUTHOR
                )
            )

    async def _find(self, name: str) -> PhrasebookInfo | None:
        return await self._store.read(lambda r: r.phrasebooks.find_phrasebook(name))

    async def _book(self, name: str | None) -> PhrasebookInfo:
        """The named book (the active one for None), creating "Default" on first use."""
        if name is None:
            name = await self._settings.get(opts.ACTIVE_PHRASEBOOK)
        found = await self._find(name)
        if found is None and name.strip().casefold() == DEFAULT_PHRASEBOOK.casefold():
            await self._seed_default()
            found = await self._find(name)
        if found is None:
            raise PhrasebookNotFound(name.strip())
        return found

    async def _save(
        self,
        book_id: int,
        change: Callable[[list[PhraseEntry]], list[PhraseEntry]],
        write: Callable[[Repositories, int], T],
    ) -> T:
        """Validate ``change`` (current entries → entries after the change) and ``write``
        it onto the version it was validated against, retrying if the book moved on."""
        for _ in range(_ATTEMPTS):
            read = await self._store.read(lambda r: r.phrasebooks.entries_with_version(book_id))
            before, version = read.entries, read.version
            after = change(before)
            problems = await self._compute(_new_problems, before, after)
            if problems:
                raise PhrasebookInvalid(problems)
            try:
                return await self._store.write(_at_version(write, version))
            except StaleVersion:
                continue
        raise PhrasebookBusy("The phrasebook kept changing while saving; please try again.")

    # --- books ------------------------------------------------------------------------

    async def list_phrasebooks(self) -> list[PhrasebookInfo]:
        return await self._store.read(lambda r: r.phrasebooks.list_phrasebooks())

    async def create_phrasebook(self, name: str) -> PhrasebookInfo:
        """A new, empty phrasebook. Raises PermissionDenied, PhrasebookNameTaken,
        ValueError (empty name)."""
        await self._require_editor()
        now = self._now()
        return await self._store.write(lambda r: r.phrasebooks.create_phrasebook(name, now=now))

    async def active_phrasebook(self) -> PhrasebookInfo:
        return await self._book(None)

    async def set_active_phrasebook(self, name: str) -> PhrasebookInfo:
        """Make ``name`` the book staff are checked against. Raises PermissionDenied,
        PhrasebookNotFound."""
        await self._require_editor()
        book = await self._book(name)
        await self._settings.write(opts.ACTIVE_PHRASEBOOK, book.name, by=self._identity)
        return book

    async def version(self, book: str | None = None) -> int:
        """Changes with every edit of the book: an open editor holding another value is
        stale."""
        found = await self._book(book)
        return await self._store.read(lambda r: r.phrasebooks.phrasebook_version(found.id))

    # --- entries ----------------------------------------------------------------------

    async def entries(
        self,
        book: str | None = None,
        *,
        kind: EntryKind | None = None,
        language: Language | None = None,
        situation: Situation | None = None,
        severity: Severity | None = None,
        text_contains: str | None = None,
    ) -> list[PhraseEntry]:
        """The book's entries (not deleted ones), filtered; ``language`` matches exactly."""
        found = await self._book(book)
        return await self._store.read(
            lambda r: r.phrasebooks.list_entries(
                found.id,
                kind=kind,
                language=language,
                situation=situation,
                severity=severity,
                text_contains=text_contains,
            )
        )

    async def entries_and_version(
        self, book: str | None = None
    ) -> tuple[PhrasebookInfo, list[PhraseEntry], int]:
        """The book, all its entries and the version they belong to, read together (for
        an editor that later asks :meth:`version` whether it is stale)."""
        found = await self._book(book)
        read = await self._store.read(lambda r: r.phrasebooks.entries_with_version(found.id))
        return found, read.entries, read.version

    async def entry(self, entry_id: int) -> StoredEntry:
        """One entry, deleted or not. Raises EntryNotFound."""
        return await self._store.read(lambda r: r.phrasebooks.get_entry(entry_id))

    async def problems(self, book: str | None = None) -> list[Problem]:
        """Everything :func:`validate` finds in the book as it is."""
        found = await self._book(book)
        entries = await self._store.read(lambda r: r.phrasebooks.list_entries(found.id))
        return await self._compute(validate, entries, [_label(entry) for entry in entries])

    async def add_entry(self, entry: PhraseEntry, *, book: str | None = None) -> PhraseEntry:
        """Add an entry to the book (the active one by default); returns it as stored.
        Raises PermissionDenied, PhrasebookInvalid, ValueError (see :func:`clean_entry`)."""
        author = await self._require_editor()
        new = clean_entry(entry)
        found = await self._book(book)

        def write(r: Repositories, version: int) -> PhraseEntry:
            return r.phrasebooks.add_entry(
                found.id, new, author=author, now=self._now(), expected_version=version
            )

        return await self._save(found.id, lambda entries: [*entries, new], write)

    async def update_entry(self, entry_id: int, entry: PhraseEntry) -> PhraseEntry:
        """Give entry ``entry_id`` the content of ``entry``. Raises PermissionDenied,
        EntryNotFound (also for a deleted entry), PhrasebookInvalid, ValueError."""
        author = await self._require_editor()
        edited = replace(clean_entry(entry), id=entry_id)
        stored = await self._store.read(lambda r: r.phrasebooks.get_entry(entry_id))

        def change(entries: list[PhraseEntry]) -> list[PhraseEntry]:
            if not any(existing.id == entry_id for existing in entries):
                raise EntryNotFound(entry_id, deleted=True)
            return [edited if existing.id == entry_id else existing for existing in entries]

        def write(r: Repositories, version: int) -> PhraseEntry:
            return r.phrasebooks.update_entry(
                entry_id, edited, author=author, now=self._now(), expected_version=version
            )

        return await self._save(stored.phrasebook_id, change, write)

    async def delete_entry(self, entry_id: int) -> None:
        """Hide the entry (its history stays and it can be restored). Raises
        PermissionDenied, EntryNotFound."""
        author = await self._require_editor()
        now = self._now()
        await self._store.write(
            lambda r: r.phrasebooks.delete_entry(entry_id, author=author, now=now)
        )

    async def history(self, entry_id: int) -> list[HistoryRecord]:
        """Every change to the entry, oldest first. Raises EntryNotFound."""
        return await self._store.read(lambda r: r.phrasebooks.entry_history(entry_id))

    async def recent_changes(
        self, book: str | None = None, *, limit: int = 100
    ) -> list[HistoryRecord]:
        """The book's latest changes, newest first (including deletions)."""
        found = await self._book(book)
        return await self._store.read(
            lambda r: r.phrasebooks.phrasebook_history(found.id, limit=limit)
        )

    async def restore_version(self, history_id: int) -> PhraseEntry:
        """Bring an entry back to the content it had right after change ``history_id``
        (undeleting it if needed). Raises PermissionDenied, VersionNotRestorable,
        PhrasebookInvalid."""
        author = await self._require_editor()
        record = await self._store.read(lambda r: r.phrasebooks.get_history_record(history_id))
        if record.after is None:
            raise VersionNotRestorable(
                f"Change #{history_id} removed entry #{record.entry_id}; "
                "restore the version before it."
            )
        restored = replace(record.after, id=record.entry_id)

        def change(entries: list[PhraseEntry]) -> list[PhraseEntry]:
            others = [existing for existing in entries if existing.id != record.entry_id]
            if len(others) == len(entries):
                return [*entries, restored]
            return [
                restored if existing.id == record.entry_id else existing for existing in entries
            ]

        def write(r: Repositories, version: int) -> PhraseEntry:
            return r.phrasebooks.restore_entry_version(
                history_id, author=author, now=self._now(), expected_version=version
            )

        return await self._save(record.phrasebook_id, change, write)

    # --- files ------------------------------------------------------------------------

    async def import_phrasebook(
        self,
        source: os.PathLike[str] | bytes,
        *,
        book: str | None = None,
        fmt: FileFormat | str | None = None,
    ) -> ImportReport:
        """Make the book (the active one by default; created when missing) hold exactly
        the entries of a CSV or JSON phrasebook: a path, or the file's bytes. All or
        nothing. Raises PermissionDenied; PhrasebookFormatError listing every bad row
        with its line number; PhrasebookInvalid (problems named by line); OSError;
        ValueError for an unknown format."""
        author = await self._require_editor()
        located = await self._compute(read_phrasebook_located, source, fmt)
        entries = [item.entry for item in located]
        problems = await self._compute(validate, entries, [item.label for item in located])
        if problems:
            raise PhrasebookInvalid(problems)
        name = book if book is not None else await self._settings.get(opts.ACTIVE_PHRASEBOOK)
        for _ in range(_ATTEMPTS):
            found = await self._find(name)
            if found is None:
                try:
                    created = await self._store.write(
                        functools.partial(
                            _create, name=name, now=self._now(), entries=entries, author=author
                        )
                    )
                except PhrasebookNameTaken:
                    continue
                return ImportReport(created, True, ImportSummary(added=len(entries)))
            summary = await self._store.write(
                functools.partial(
                    _replace, book_id=found.id, entries=entries, author=author, now=self._now()
                )
            )
            return ImportReport(found, False, summary)
        raise PhrasebookBusy("The phrasebook kept changing while importing; please try again.")

    async def export_bytes(self, fmt: FileFormat | str, *, book: str | None = None) -> bytes:
        """The book as an export file's bytes (CSV with a byte-order mark, or JSON)."""
        found = await self._book(book)
        entries = await self._store.read(lambda r: r.phrasebooks.list_entries(found.id))
        return await self._compute(encode_phrasebook, entries, fmt)

    async def export_phrasebook(
        self, path: Path, *, book: str | None = None, fmt: FileFormat | str | None = None
    ) -> int:
        """Write the book to ``path`` (format from the extension by default); returns the
        number of entries. Raises PhrasebookNotFound, OSError, ValueError (format)."""
        chosen = FileFormat.for_path(path) if fmt is None else FileFormat.parse(fmt)
        found = await self._book(book)
        entries = await self._store.read(lambda r: r.phrasebooks.list_entries(found.id))
        data = await self._compute(encode_phrasebook, entries, chosen)
        await self._compute(files.write_bytes, path, data)  # all or nothing, 0600
        return len(entries)

    # --- checking ---------------------------------------------------------------------

    async def _current(self) -> _Active:
        name = await self._settings.get(opts.ACTIVE_PHRASEBOOK)
        state = await self._store.read(lambda r: r.phrasebooks.phrasebook_state(name))
        if state is None:
            await self._book(name)  # creates Default on first use, else raises
            state = await self._store.read(lambda r: r.phrasebooks.phrasebook_state(name))
            if state is None:
                raise PhrasebookNotFound(name)
        book, version = state.book, state.version
        key = (book.id, version)
        active = self._active
        if active is not None and (active.book.id, active.version) == key:
            return active
        loop = asyncio.get_running_loop()
        building = self._building
        if building is None or building[0] != key or building[1].get_loop() is not loop:
            # One build per version, shared by every caller (editors ask at once after an
            # edit); a caller that is cancelled does not cancel it for the others.
            task = loop.create_task(self._build(book))
            building = (key, task)
            self._building = building
            task.add_done_callback(functools.partial(self._build_done, building))
        return await asyncio.shield(building[1])

    def _build_done(
        self, building: tuple[tuple[int, int], asyncio.Task[_Active]], _task: object
    ) -> None:
        if self._building is building:
            self._building = None  # a failed build is tried again by the next caller

    async def _build(self, book: PhrasebookInfo) -> _Active:
        read = await self._store.read(lambda r: r.phrasebooks.entries_with_version(book.id))
        entries, version = read.entries, read.version
        loop = asyncio.get_running_loop()
        matcher = await loop.run_in_executor(None, Matcher.build, entries)
        active = _Active(book, version, matcher)
        current = self._active
        if current is None or current.book.id != book.id or current.version <= version:
            self._active = active
        return active

    async def matcher(self) -> Matcher:
        """The matcher for the active phrasebook, rebuilt (off the event loop) when the
        book or its version changed since the last call."""
        return (await self._current()).matcher

    async def check(self, text: str) -> list[Finding]:
        """Taboo hits in ``text`` against the active phrasebook."""
        return (await self.matcher()).check(text)

    async def approved(
        self, situation: Situation | None = None, language: Language = Language.ANY
    ) -> list[PhraseEntry]:
        """Approved phrases of the active book for the picker: the situation (every one
        for None) and language (``any`` entries are offered for every language)."""
        active = await self._current()
        book = Phrasebook(active.book.name, active.matcher.entries)
        return list(book.approved_for(situation, language))

    # --- blocking variants for the CLI ------------------------------------------------

    def matcher_now(self) -> Matcher:
        return asyncio.run(self.matcher())

    def import_now(
        self,
        source: os.PathLike[str] | bytes,
        *,
        book: str | None = None,
        fmt: FileFormat | str | None = None,
    ) -> ImportReport:
        return asyncio.run(self.import_phrasebook(source, book=book, fmt=fmt))

    def export_now(
        self, path: Path, *, book: str | None = None, fmt: FileFormat | str | None = None
    ) -> int:
        return asyncio.run(self.export_phrasebook(path, book=book, fmt=fmt))

    def export_bytes_now(self, fmt: FileFormat | str, *, book: str | None = None) -> bytes:
        return asyncio.run(self.export_bytes(fmt, book=book))
