"""The phrasebooks repository on SQLite (implements :mod:`console.repositories.phrasebooks`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import sqlite_utils

from console.domain.phrasebook import EntryKind, Language, PhraseEntry, Severity, Situation
from console.repositories.phrasebooks import (
    BookEntries,
    BookState,
    HistoryRecord,
    ImportSummary,
    PhrasebookInfo,
    PhrasebookRepository,
    StoredEntry,
)
from console.storage.sqlite import phrasebooks as store


class SqlitePhrasebooks:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def list_phrasebooks(self) -> list[PhrasebookInfo]:
        return store.list_phrasebooks(self.db)

    def find_phrasebook(self, name: str) -> PhrasebookInfo | None:
        return store.find_phrasebook(self.db, name)

    def create_phrasebook(
        self,
        name: str,
        *,
        now: dt.datetime,
        entries: Iterable[PhraseEntry] = (),
        author: str = "",
    ) -> PhrasebookInfo:
        return store.create_phrasebook(self.db, name, now=now, entries=entries, author=author)

    def phrasebook_version(self, phrasebook_id: int) -> int:
        return store.phrasebook_version(self.db, phrasebook_id)

    def phrasebook_state(self, name: str) -> BookState | None:
        return store.phrasebook_state(self.db, name)

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
        return store.list_entries(
            self.db,
            phrasebook_id,
            kind=kind,
            language=language,
            situation=situation,
            severity=severity,
            text_contains=text_contains,
        )

    def entries_with_version(self, phrasebook_id: int) -> BookEntries:
        return store.entries_with_version(self.db, phrasebook_id)

    def get_entry(self, entry_id: int) -> StoredEntry:
        return store.get_entry(self.db, entry_id)

    def add_entry(
        self,
        phrasebook_id: int,
        entry: PhraseEntry,
        *,
        author: str,
        now: dt.datetime,
        expected_version: int | None = None,
    ) -> PhraseEntry:
        return store.add_entry(
            self.db, phrasebook_id, entry, author=author, now=now, expected_version=expected_version
        )

    def update_entry(
        self,
        entry_id: int,
        entry: PhraseEntry,
        *,
        author: str,
        now: dt.datetime,
        expected_version: int | None = None,
    ) -> PhraseEntry:
        return store.update_entry(
            self.db, entry_id, entry, author=author, now=now, expected_version=expected_version
        )

    def delete_entry(
        self,
        entry_id: int,
        *,
        author: str,
        now: dt.datetime,
        expected_version: int | None = None,
    ) -> None:
        store.delete_entry(
            self.db, entry_id, author=author, now=now, expected_version=expected_version
        )

    def entry_history(self, entry_id: int) -> list[HistoryRecord]:
        return store.entry_history(self.db, entry_id)

    def phrasebook_history(self, phrasebook_id: int, *, limit: int = 100) -> list[HistoryRecord]:
        return store.phrasebook_history(self.db, phrasebook_id, limit=limit)

    def get_history_record(self, history_id: int) -> HistoryRecord:
        return store.get_history_record(self.db, history_id)

    def restore_entry_version(
        self,
        history_id: int,
        *,
        author: str,
        now: dt.datetime,
        expected_version: int | None = None,
    ) -> PhraseEntry:
        return store.restore_entry_version(
            self.db, history_id, author=author, now=now, expected_version=expected_version
        )

    def replace_entries_from_import(
        self,
        phrasebook_id: int,
        entries: Sequence[PhraseEntry],
        *,
        author: str,
        now: dt.datetime,
        expected_version: int | None = None,
    ) -> ImportSummary:
        return store.replace_entries_from_import(
            self.db,
            phrasebook_id,
            entries,
            author=author,
            now=now,
            expected_version=expected_version,
        )


if TYPE_CHECKING:  # mypy checks that the adapter implements the interface

    def _implements(db: sqlite_utils.Database) -> PhrasebookRepository:
        return SqlitePhrasebooks(db)
