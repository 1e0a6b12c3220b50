"""The phrasebooks repository on PostgreSQL (implements :mod:`console.repositories.phrasebooks`).

The same behaviour as the desk's (``console/storage/sqlite/phrasebooks.py``), on the
tables of migration ``0004_phrasebooks``:

* names are unique ignoring ASCII case by the ``phrasebooks_name_unique`` constraint (on
  a generated, ASCII-folded key, as SQLite's ``COLLATE NOCASE``); its violation, and only
  it, becomes :class:`PhrasebookNameTaken`;
* a book's *version* is a counter on its row that every change bumps, in the statement
  that records the change (history rows carry the version they made). Every writer of
  a book therefore updates that one row: two writers of one book are serialized by
  PostgreSQL (the later one is retried by the store and finds the book changed), and
  the version grows in commit order, so a reader holding a version has seen every
  change up to it;
* the history is append-only (triggers refuse UPDATE, DELETE and TRUNCATE);
* times are ``timestamptz``: the domain's naive wall times are placed in this
  computer's zone on the way in, and read back as wall times in this computer's zone.

Rows become entries, history records and books (and back), and an import is matched
against the book, through :mod:`console.repositories.phrasebook_rows`, as on SQLite:
only the SQL is this file's own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg import errors as pg_errors
from psycopg.types.json import Jsonb

from console.domain.phrasebook import EntryKind, Language, PhraseEntry, Severity, Situation
from console.repositories import phrasebook_rows
from console.repositories.phrasebooks import (
    BookEntries,
    BookState,
    EntryNotFound,
    HistoryAction,
    HistoryRecord,
    ImportSummary,
    PhrasebookInfo,
    PhrasebookNameTaken,
    PhrasebookNotFound,
    PhrasebookRepository,
    StoredEntry,
    VersionNotRestorable,
)

#: The constraint that keeps names unique (schema step 0004_phrasebooks).
NAME_UNIQUE = "phrasebooks_name_unique"


def _fold(sql: str) -> str:
    """*sql* with ASCII letters lowered (SQLite's NOCASE and lower(); nothing else)."""
    return f"translate({sql}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"


# --- conversions -------------------------------------------------------------------------


def _instant(moment: dt.datetime) -> dt.datetime:
    """A change's time as stored: aware, to the second (a naive value is wall time in
    this computer's zone)."""
    moment = moment.replace(microsecond=0)
    return moment if moment.tzinfo is not None else moment.astimezone()


def _wall(moment: dt.datetime) -> dt.datetime:
    """A stored instant as the domain holds it: wall time in this computer's zone."""
    return moment.astimezone().replace(tzinfo=None)


#: The rows as psycopg takes and gives them: instants are timestamptz, lists text[],
#: the variant flag a boolean, the history's contents jsonb.
ROWS = phrasebook_rows.PhrasebookRows(
    load_wall=_wall,
    dump_list=list,
    load_list=lambda value: value,
    dump_flag=bool,
    dump_content=Jsonb,
    load_content=dict,
)

# Arrays are cast explicitly: an empty list has no element type of its own.
_CONTENT_MARKS = "%s, %s, %s, %s, %s::text[], %s, %s, %s::text[], %s"
_CONTENT_NAMES = ", ".join(phrasebook_rows.CONTENT_COLUMNS)
_ENTRY_COLUMNS = ", ".join(phrasebook_rows.ENTRY_COLUMNS)
_HISTORY_COLUMNS = ", ".join(phrasebook_rows.HISTORY_COLUMNS)


def _values(entry: PhraseEntry) -> list[Any]:
    return list(ROWS.columns(entry).values())


class PostgresPhrasebooks:
    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn

    # --- books ----------------------------------------------------------------------

    def list_phrasebooks(self) -> list[PhrasebookInfo]:
        # SQLite orders by the NOCASE name: ASCII folded, then code points ("C").
        rows = self.conn.execute(
            'SELECT id, name, created_at FROM phrasebooks ORDER BY name_key COLLATE "C", id'
        ).fetchall()
        return [ROWS.info(row) for row in rows]

    def find_phrasebook(self, name: str) -> PhrasebookInfo | None:
        row = self.conn.execute(
            f"SELECT id, name, created_at FROM phrasebooks WHERE name_key = {_fold('%s')}",
            [name.strip()],
        ).fetchone()
        return None if row is None else ROWS.info(row)

    def create_phrasebook(
        self,
        name: str,
        *,
        now: dt.datetime,
        entries: Iterable[PhraseEntry] = (),
        author: str = "",
    ) -> PhrasebookInfo:
        name = phrasebook_rows.book_name(name)
        try:  # the constraint decides, for every writer (no look-up first)
            row = self.conn.execute(
                "INSERT INTO phrasebooks (name, created_at) VALUES (%s, %s) RETURNING id",
                [name, _instant(now)],
            ).fetchone()
        except pg_errors.UniqueViolation as exc:
            if exc.diag.constraint_name != NAME_UNIQUE:
                raise
            raise PhrasebookNameTaken(name) from None
        assert row is not None
        phrasebook_id = int(row[0])
        for entry in entries:
            self._insert(phrasebook_id, entry, author=author, now=now, action=HistoryAction.IMPORT)
        return PhrasebookInfo(phrasebook_id, name, now.replace(microsecond=0))

    def phrasebook_version(self, phrasebook_id: int) -> int:
        row = self.conn.execute(
            "SELECT version FROM phrasebooks WHERE id = %s", [phrasebook_id]
        ).fetchone()
        return 0 if row is None else int(row[0])

    def phrasebook_state(self, name: str) -> BookState | None:
        row = self.conn.execute(
            f"SELECT id, name, created_at, version FROM phrasebooks WHERE name_key = {_fold('%s')}",
            [name.strip()],
        ).fetchone()
        return None if row is None else BookState(ROWS.info(row), int(row[3]))

    def _check_book(self, phrasebook_id: int, expected: int | None) -> None:
        """Raises PhrasebookNotFound, or StaleVersion when *expected* is not the book's
        version (what this transaction sees; a newer commit makes its write fail and the
        store run the job again, which then finds the new version)."""
        row = self.conn.execute(
            "SELECT version FROM phrasebooks WHERE id = %s", [phrasebook_id]
        ).fetchone()
        if row is None:
            raise PhrasebookNotFound(f"#{phrasebook_id}")
        phrasebook_rows.refuse_stale(expected, int(row[0]))

    def _check_version(self, phrasebook_id: int, expected: int | None) -> None:
        if expected is not None:
            phrasebook_rows.refuse_stale(expected, self.phrasebook_version(phrasebook_id))

    # --- entries --------------------------------------------------------------------

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
        where = ["phrasebook_id = %s", "NOT deleted"]
        params: list[Any] = [phrasebook_id]
        filters = phrasebook_rows.entry_filters(
            kind=kind, language=language, situation=situation, severity=severity
        )
        for column, value in filters:
            where.append(f"{column} = %s")
            params.append(value)
        if text_contains:
            where.append(f"strpos({_fold('text')}, {_fold('%s')}) > 0")
            params.append(text_contains)
        rows = self.conn.execute(
            f"SELECT {_ENTRY_COLUMNS} FROM phrasebook_entries "
            f"WHERE {' AND '.join(where)} ORDER BY id",
            params,
        ).fetchall()
        return [ROWS.stored_entry(row).entry for row in rows]

    def entries_with_version(self, phrasebook_id: int) -> BookEntries:
        version = self.phrasebook_version(phrasebook_id)
        return BookEntries(self.list_entries(phrasebook_id), version)

    def get_entry(self, entry_id: int) -> StoredEntry:
        row = self.conn.execute(
            f"SELECT {_ENTRY_COLUMNS} FROM phrasebook_entries WHERE id = %s", [entry_id]
        ).fetchone()
        if row is None:
            raise EntryNotFound(entry_id)
        return ROWS.stored_entry(row)

    def _live_entry(self, entry_id: int) -> StoredEntry:
        stored = self.get_entry(entry_id)
        if stored.deleted:
            raise EntryNotFound(entry_id, deleted=True)
        return stored

    def _record(
        self,
        *,
        entry_id: int,
        phrasebook_id: int,
        action: HistoryAction,
        before: PhraseEntry | None,
        after: PhraseEntry | None,
        author: str,
        now: dt.datetime,
    ) -> None:
        """One history row, and the book's version it makes (one statement)."""
        self.conn.execute(
            "WITH bumped AS ("
            " UPDATE phrasebooks SET version = version + 1 WHERE id = %s RETURNING version)"
            " INSERT INTO phrasebook_history"
            " (entry_id, phrasebook_id, book_version, action, before, after, author, at)"
            " SELECT %s, %s, version, %s, %s, %s, %s, %s FROM bumped",
            [
                phrasebook_id,
                entry_id,
                phrasebook_id,
                action.value,
                ROWS.history_content(before),
                ROWS.history_content(after),
                author,
                _instant(now),
            ],
        )

    def _insert(
        self,
        phrasebook_id: int,
        entry: PhraseEntry,
        *,
        author: str,
        now: dt.datetime,
        action: HistoryAction,
    ) -> PhraseEntry:
        row = self.conn.execute(
            f"INSERT INTO phrasebook_entries (phrasebook_id, {_CONTENT_NAMES},"
            f" author, changed_at) VALUES (%s, {_CONTENT_MARKS}, %s, %s) RETURNING id",
            [phrasebook_id, *_values(entry), author, _instant(now)],
        ).fetchone()
        assert row is not None
        entry_id = int(row[0])
        self._record(
            entry_id=entry_id,
            phrasebook_id=phrasebook_id,
            action=action,
            before=None,
            after=entry,
            author=author,
            now=now,
        )
        return phrasebook_rows.saved(entry, entry_id, author=author, now=now)

    def _rewrite(
        self,
        stored: StoredEntry,
        entry: PhraseEntry,
        *,
        author: str,
        now: dt.datetime,
        action: HistoryAction,
    ) -> PhraseEntry:
        """Give an existing row new content (and undelete it), recording the change."""
        entry_id = stored.entry.id
        assert entry_id is not None
        self.conn.execute(
            f"UPDATE phrasebook_entries SET ({_CONTENT_NAMES}, author, changed_at,"
            f" deleted) = ({_CONTENT_MARKS}, %s, %s, false) WHERE id = %s",
            [*_values(entry), author, _instant(now), entry_id],
        )
        self._record(
            entry_id=entry_id,
            phrasebook_id=stored.phrasebook_id,
            action=action,
            before=None if stored.deleted else stored.entry,
            after=entry,
            author=author,
            now=now,
        )
        return phrasebook_rows.saved(entry, entry_id, author=author, now=now)

    def _hide(
        self, stored: StoredEntry, *, author: str, now: dt.datetime, action: HistoryAction
    ) -> None:
        entry_id = stored.entry.id
        assert entry_id is not None
        self.conn.execute(
            "UPDATE phrasebook_entries SET deleted = true, author = %s, changed_at = %s "
            "WHERE id = %s",
            [author, _instant(now), entry_id],
        )
        self._record(
            entry_id=entry_id,
            phrasebook_id=stored.phrasebook_id,
            action=action,
            before=stored.entry,
            after=None,
            author=author,
            now=now,
        )

    def add_entry(
        self,
        phrasebook_id: int,
        entry: PhraseEntry,
        *,
        author: str,
        now: dt.datetime,
        expected_version: int | None = None,
    ) -> PhraseEntry:
        self._check_book(phrasebook_id, expected_version)
        return self._insert(
            phrasebook_id, entry, author=author, now=now, action=HistoryAction.CREATE
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
        stored = self._live_entry(entry_id)
        self._check_version(stored.phrasebook_id, expected_version)
        if phrasebook_rows.same_content(stored.entry, entry):
            return stored.entry
        return self._rewrite(stored, entry, author=author, now=now, action=HistoryAction.UPDATE)

    def delete_entry(
        self,
        entry_id: int,
        *,
        author: str,
        now: dt.datetime,
        expected_version: int | None = None,
    ) -> None:
        stored = self._live_entry(entry_id)
        self._check_version(stored.phrasebook_id, expected_version)
        self._hide(stored, author=author, now=now, action=HistoryAction.DELETE)

    # --- history --------------------------------------------------------------------

    def entry_history(self, entry_id: int) -> list[HistoryRecord]:
        self.get_entry(entry_id)
        rows = self.conn.execute(
            f"SELECT {_HISTORY_COLUMNS} FROM phrasebook_history WHERE entry_id = %s ORDER BY id",
            [entry_id],
        ).fetchall()
        return [ROWS.history_record(row) for row in rows]

    def phrasebook_history(self, phrasebook_id: int, *, limit: int = 100) -> list[HistoryRecord]:
        # Newest first: a book's changes take their versions in commit order.
        rows = self.conn.execute(
            f"SELECT {_HISTORY_COLUMNS} FROM phrasebook_history WHERE phrasebook_id = %s "
            "ORDER BY book_version DESC LIMIT %s",
            [phrasebook_id, limit],
        ).fetchall()
        return [ROWS.history_record(row) for row in rows]

    def get_history_record(self, history_id: int) -> HistoryRecord:
        row = self.conn.execute(
            f"SELECT {_HISTORY_COLUMNS} FROM phrasebook_history WHERE id = %s", [history_id]
        ).fetchone()
        if row is None:
            raise VersionNotRestorable(f"There is no change #{history_id} in the history.")
        return ROWS.history_record(row)

    def restore_entry_version(
        self,
        history_id: int,
        *,
        author: str,
        now: dt.datetime,
        expected_version: int | None = None,
    ) -> PhraseEntry:
        record = self.get_history_record(history_id)
        after = phrasebook_rows.restorable(record)
        stored = self.get_entry(record.entry_id)
        self._check_version(stored.phrasebook_id, expected_version)
        if phrasebook_rows.holds(stored, after):
            return stored.entry
        return self._rewrite(stored, after, author=author, now=now, action=HistoryAction.RESTORE)

    # --- import ---------------------------------------------------------------------

    def replace_entries_from_import(
        self,
        phrasebook_id: int,
        entries: Sequence[PhraseEntry],
        *,
        author: str,
        now: dt.datetime,
        expected_version: int | None = None,
    ) -> ImportSummary:
        self._check_book(phrasebook_id, expected_version)
        rows = self.conn.execute(
            f"SELECT {_ENTRY_COLUMNS} FROM phrasebook_entries WHERE phrasebook_id = %s "
            "ORDER BY deleted, id",
            [phrasebook_id],
        ).fetchall()
        imported = HistoryAction.IMPORT
        return phrasebook_rows.reconcile_import(
            [ROWS.stored_entry(row) for row in rows],
            entries,
            add=lambda entry: self._insert(
                phrasebook_id, entry, author=author, now=now, action=imported
            ),
            rewrite=lambda stored, entry: self._rewrite(
                stored, entry, author=author, now=now, action=imported
            ),
            hide=lambda stored: self._hide(stored, author=author, now=now, action=imported),
        )


if TYPE_CHECKING:  # mypy checks that the adapter implements the interface

    def _implements(conn: psycopg.Connection) -> PhrasebookRepository:
        return PostgresPhrasebooks(conn)
