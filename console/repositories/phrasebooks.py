"""The phrasebooks repository (see :mod:`console.repositories`): books, their entries and
the append-only history of every change.

The *version* of a phrasebook grows with every change to it, so an editor or a cached
matcher can tell it is stale. Writes accept ``expected_version`` and raise
:class:`StaleVersion` when the book changed since it was read, so a change validated
against one version is never saved onto another. Times are the computer's wall time
(what :class:`~console.domain.phrasebook.PhraseEntry` holds); stores keep instants.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from console.domain.phrasebook import EntryKind, Language, PhraseEntry, Severity, Situation


class PhrasebookNotFound(LookupError):
    def __init__(self, name: str) -> None:
        super().__init__(f"There is no phrasebook called {name!r}.")
        self.name = name


class PhrasebookNameTaken(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(f"A phrasebook called {name!r} already exists.")
        self.name = name


class EntryNotFound(LookupError):
    def __init__(self, entry_id: int, *, deleted: bool = False) -> None:
        message = (
            f"Entry #{entry_id} was deleted; restore it from its history first."
            if deleted
            else f"There is no phrasebook entry #{entry_id}."
        )
        super().__init__(message)
        self.entry_id = entry_id
        self.deleted = deleted


class VersionNotRestorable(ValueError):
    """A history row that cannot be restored (unknown, or the change that removed it)."""


class StaleVersion(RuntimeError):
    """The phrasebook changed after it was read; read it again and retry."""

    def __init__(self, expected: int, found: int) -> None:
        super().__init__(
            f"The phrasebook changed meanwhile (version {found}, expected {expected})."
        )
        self.expected = expected
        self.found = found


class HistoryAction(enum.StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    RESTORE = "restore"
    IMPORT = "import"


@dataclass(frozen=True, slots=True)
class PhrasebookInfo:
    id: int
    name: str
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class StoredEntry:
    """An entry with where it lives and whether it is deleted (hidden)."""

    entry: PhraseEntry
    phrasebook_id: int
    deleted: bool


@dataclass(frozen=True, slots=True)
class HistoryRecord:
    """One change. ``before``/``after`` are the entry's content (with ``id`` set) before
    and after the change; None when the entry was absent or deleted at that point."""

    id: int
    entry_id: int
    phrasebook_id: int
    action: HistoryAction
    before: PhraseEntry | None
    after: PhraseEntry | None
    author: str
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class ImportSummary:
    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        """The number of entries in the book after the import."""
        return self.added + self.changed + self.unchanged


@dataclass(frozen=True, slots=True)
class BookState:
    """A book and its version (what a cached matcher compares)."""

    book: PhrasebookInfo
    version: int


@dataclass(frozen=True, slots=True)
class BookEntries:
    """A book's entries (not deleted ones) and the version they belong to."""

    entries: list[PhraseEntry]
    version: int


class PhrasebookRepository(Protocol):
    # --- books --------------------------------------------------------------------------

    def list_phrasebooks(self) -> list[PhrasebookInfo]: ...

    def find_phrasebook(self, name: str) -> PhrasebookInfo | None:
        """The book called *name* (ASCII case ignored)."""
        ...

    def create_phrasebook(
        self,
        name: str,
        *,
        now: dt.datetime,
        entries: Iterable[PhraseEntry] = (),
        author: str = "",
    ) -> PhrasebookInfo:
        """A new book with *entries* recorded as imported. Raises
        :class:`PhrasebookNameTaken` (the store's uniqueness constraint), ValueError for
        an empty name."""
        ...

    def phrasebook_version(self, phrasebook_id: int) -> int: ...

    def phrasebook_state(self, name: str) -> BookState | None: ...

    # --- entries ------------------------------------------------------------------------

    def list_entries(
        self,
        phrasebook_id: int,
        *,
        kind: EntryKind | None = None,
        language: Language | None = None,
        situation: Situation | None = None,
        severity: Severity | None = None,
        text_contains: str | None = None,
    ) -> list[PhraseEntry]:
        """The book's entries that are not deleted, oldest first, filtered (``language``
        exactly; ``text_contains`` ignoring ASCII case)."""
        ...

    def entries_with_version(self, phrasebook_id: int) -> BookEntries: ...

    def get_entry(self, entry_id: int) -> StoredEntry:
        """The entry, deleted or not. Raises :class:`EntryNotFound`."""
        ...

    def add_entry(
        self,
        phrasebook_id: int,
        entry: PhraseEntry,
        *,
        author: str,
        now: dt.datetime,
        expected_version: int | None = None,
    ) -> PhraseEntry: ...

    def update_entry(
        self,
        entry_id: int,
        entry: PhraseEntry,
        *,
        author: str,
        now: dt.datetime,
        expected_version: int | None = None,
    ) -> PhraseEntry:
        """An edit that changes nothing is not recorded. Raises :class:`EntryNotFound`
        (also for a deleted entry)."""
        ...

    def delete_entry(
        self,
        entry_id: int,
        *,
        author: str,
        now: dt.datetime,
        expected_version: int | None = None,
    ) -> None: ...

    # --- history ------------------------------------------------------------------------

    def entry_history(self, entry_id: int) -> list[HistoryRecord]:
        """Oldest first. Raises :class:`EntryNotFound`."""
        ...

    def phrasebook_history(self, phrasebook_id: int, *, limit: int = 100) -> list[HistoryRecord]:
        """Newest first, deleted entries included."""
        ...

    def get_history_record(self, history_id: int) -> HistoryRecord:
        """Raises :class:`VersionNotRestorable` for an unknown change."""
        ...

    def restore_entry_version(
        self,
        history_id: int,
        *,
        author: str,
        now: dt.datetime,
        expected_version: int | None = None,
    ) -> PhraseEntry:
        """The entry's content right after change *history_id* (undeleted if needed)."""
        ...

    def replace_entries_from_import(
        self,
        phrasebook_id: int,
        entries: Sequence[PhraseEntry],
        *,
        author: str,
        now: dt.datetime,
        expected_version: int | None = None,
    ) -> ImportSummary:
        """Make the book hold exactly *entries* (all or nothing)."""
        ...
