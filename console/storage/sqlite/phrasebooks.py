"""Phrasebooks, their entries and the append-only history of every change.

Every function takes the open ``sqlite_utils.Database`` of the database thread; writes
run inside ``write_transaction`` (BEGIN IMMEDIATE).

* ``phrasebooks``: one per brand (name unique, ignoring ASCII case).
* ``phrasebook_entries``: the current version of each entry. Deleting sets ``deleted``;
  the row stays so that its history stays whole and it can be restored.
* ``phrasebook_history``: one row per change (create, update, delete, restore, import)
  with the entry's content before and after it as JSON (NULL when the entry was absent or
  deleted), who and when. Triggers refuse UPDATE and DELETE on it.

The *version* of a phrasebook is the id of its latest history row (0 for none): it grows
with every change, so an editor or a cached matcher can tell it is stale. Writes accept
``expected_version`` and raise :class:`StaleVersion` when the book changed since it
was read, so a change validated against one version is never saved onto another.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

import sqlite_utils

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
    StaleVersion,
    StoredEntry,
    VersionNotRestorable,
)
from console.storage.sqlite import driver, instants
from console.storage.sqlite.transactions import write_transaction

__all__ = [
    "BookEntries",
    "BookState",
    "EntryNotFound",
    "HistoryAction",
    "HistoryRecord",
    "ImportSummary",
    "PhrasebookInfo",
    "PhrasebookNameTaken",
    "PhrasebookNotFound",
    "StaleVersion",
    "StoredEntry",
    "VersionNotRestorable",
]


# --- conversions -------------------------------------------------------------------------


def _iso(value: dt.datetime) -> str:
    """A change's time as stored: a UTC instant (the domain's times are wall time in the
    computer's zone, to the second)."""
    return instants.dump(value.replace(microsecond=0))


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


#: The rows as sqlite3 takes and gives them: instants are UTC text read back as wall
#: time, lists and the history's contents JSON text, the variant flag 0 or 1.
ROWS = phrasebook_rows.PhrasebookRows(
    load_wall=instants.load_local,
    dump_list=_json,
    load_list=json.loads,
    dump_flag=int,
    dump_content=_json,
    load_content=json.loads,
)

_ENTRY_COLUMNS = ", ".join(phrasebook_rows.ENTRY_COLUMNS)


# --- phrasebooks -------------------------------------------------------------------------


def list_phrasebooks(db: sqlite_utils.Database) -> list[PhrasebookInfo]:
    rows = db.execute("SELECT id, name, created_at FROM phrasebooks ORDER BY name, id")
    return [ROWS.info(row) for row in rows.fetchall()]


def find_phrasebook(db: sqlite_utils.Database, name: str) -> PhrasebookInfo | None:
    """The phrasebook called ``name`` (ASCII case ignored), or None."""
    row = db.execute(
        "SELECT id, name, created_at FROM phrasebooks WHERE name = ?", [name.strip()]
    ).fetchone()
    return None if row is None else ROWS.info(row)


def get_phrasebook(db: sqlite_utils.Database, phrasebook_id: int) -> PhrasebookInfo:
    row = db.execute(
        "SELECT id, name, created_at FROM phrasebooks WHERE id = ?", [phrasebook_id]
    ).fetchone()
    if row is None:
        raise PhrasebookNotFound(f"#{phrasebook_id}")
    return ROWS.info(row)


def create_phrasebook(
    db: sqlite_utils.Database,
    name: str,
    *,
    now: dt.datetime,
    entries: Iterable[PhraseEntry] = (),
    author: str = "",
) -> PhrasebookInfo:
    """Create a phrasebook, with ``entries`` recorded as imported (all in one transaction).

    Raises :class:`PhrasebookNameTaken` (also when another process created it first)."""
    name = phrasebook_rows.book_name(name)
    with write_transaction(db):
        try:  # the name is UNIQUE COLLATE NOCASE: the constraint decides, for every writer
            cursor = db.execute(
                "INSERT INTO phrasebooks (name, created_at) VALUES (?, ?)", [name, _iso(now)]
            )
        except driver.IntegrityError as exc:
            if "phrasebooks.name" not in str(exc):
                raise
            raise PhrasebookNameTaken(name) from None
        phrasebook_id = int(cursor.lastrowid or 0)
        for entry in entries:
            _insert(db, phrasebook_id, entry, author=author, now=now, action=HistoryAction.IMPORT)
    return PhrasebookInfo(phrasebook_id, name, now.replace(microsecond=0))


def phrasebook_version(db: sqlite_utils.Database, phrasebook_id: int) -> int:
    """Grows with every change to the book's entries (0 for a book never changed)."""
    row = db.execute(
        "SELECT coalesce(max(id), 0) FROM phrasebook_history WHERE phrasebook_id = ?",
        [phrasebook_id],
    ).fetchone()
    return int(row[0])


def phrasebook_state(db: sqlite_utils.Database, name: str) -> BookState | None:
    """The phrasebook called ``name`` and its version, or None (one trip for a cache)."""
    info = find_phrasebook(db, name)
    if info is None:
        return None
    return BookState(info, phrasebook_version(db, info.id))


def _check_version(db: sqlite_utils.Database, phrasebook_id: int, expected: int | None) -> None:
    if expected is not None:
        phrasebook_rows.refuse_stale(expected, phrasebook_version(db, phrasebook_id))


# --- entries -----------------------------------------------------------------------------


def list_entries(
    db: sqlite_utils.Database,
    phrasebook_id: int,
    *,
    kind: EntryKind | None = None,
    language: Language | None = None,
    situation: Situation | None = None,
    severity: Severity | None = None,
    text_contains: str | None = None,
) -> list[PhraseEntry]:
    """The book's entries that are not deleted, oldest first, optionally filtered.

    ``language`` matches exactly (``any`` entries only for ``any``); ``text_contains``
    looks for a piece of the text, ignoring ASCII case."""
    where = ["phrasebook_id = ?", "deleted = 0"]
    params: list[Any] = [phrasebook_id]
    filters = phrasebook_rows.entry_filters(
        kind=kind, language=language, situation=situation, severity=severity
    )
    for column, value in filters:
        where.append(f"{column} = ?")
        params.append(value)
    if text_contains:
        where.append("instr(lower(text), lower(?)) > 0")
        params.append(text_contains)
    rows = db.execute(
        f"SELECT {_ENTRY_COLUMNS} FROM phrasebook_entries WHERE {' AND '.join(where)} ORDER BY id",
        params,
    ).fetchall()
    return [ROWS.stored_entry(row).entry for row in rows]


def entries_with_version(db: sqlite_utils.Database, phrasebook_id: int) -> BookEntries:
    """All entries of the book and the version they belong to (read the version first,
    so that a change in between makes a write with this version stale, never lost)."""
    version = phrasebook_version(db, phrasebook_id)
    return BookEntries(list_entries(db, phrasebook_id), version)


def get_entry(db: sqlite_utils.Database, entry_id: int) -> StoredEntry:
    """The entry, deleted or not. Raises :class:`EntryNotFound`."""
    row = db.execute(
        f"SELECT {_ENTRY_COLUMNS} FROM phrasebook_entries WHERE id = ?", [entry_id]
    ).fetchone()
    if row is None:
        raise EntryNotFound(entry_id)
    return ROWS.stored_entry(row)


def _record(
    db: sqlite_utils.Database,
    *,
    entry_id: int,
    phrasebook_id: int,
    action: HistoryAction,
    before: PhraseEntry | None,
    after: PhraseEntry | None,
    author: str,
    now: dt.datetime,
) -> None:
    db.execute(
        "INSERT INTO phrasebook_history "
        "(entry_id, phrasebook_id, action, before, after, author, at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            entry_id,
            phrasebook_id,
            action.value,
            ROWS.history_content(before),
            ROWS.history_content(after),
            author,
            _iso(now),
        ],
    )


def _insert(
    db: sqlite_utils.Database,
    phrasebook_id: int,
    entry: PhraseEntry,
    *,
    author: str,
    now: dt.datetime,
    action: HistoryAction,
) -> PhraseEntry:
    columns = ROWS.columns(entry)
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    cursor = db.execute(
        f"INSERT INTO phrasebook_entries (phrasebook_id, {names}, author, changed_at) "
        f"VALUES (?, {marks}, ?, ?)",
        [phrasebook_id, *columns.values(), author, _iso(now)],
    )
    entry_id = int(cursor.lastrowid or 0)
    _record(
        db,
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
    db: sqlite_utils.Database,
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
    columns = ROWS.columns(entry)
    assignments = ", ".join(f"{name} = ?" for name in columns)
    db.execute(
        f"UPDATE phrasebook_entries SET {assignments}, author = ?, changed_at = ?, deleted = 0 "
        "WHERE id = ?",
        [*columns.values(), author, _iso(now), entry_id],
    )
    _record(
        db,
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
    db: sqlite_utils.Database,
    stored: StoredEntry,
    *,
    author: str,
    now: dt.datetime,
    action: HistoryAction,
) -> None:
    entry_id = stored.entry.id
    assert entry_id is not None
    db.execute(
        "UPDATE phrasebook_entries SET deleted = 1, author = ?, changed_at = ? WHERE id = ?",
        [author, _iso(now), entry_id],
    )
    _record(
        db,
        entry_id=entry_id,
        phrasebook_id=stored.phrasebook_id,
        action=action,
        before=stored.entry,
        after=None,
        author=author,
        now=now,
    )


def add_entry(
    db: sqlite_utils.Database,
    phrasebook_id: int,
    entry: PhraseEntry,
    *,
    author: str,
    now: dt.datetime,
    expected_version: int | None = None,
) -> PhraseEntry:
    """Add an entry (its ``id``, ``author`` and ``changed_at`` are ignored); returns it
    as stored."""
    with write_transaction(db):
        get_phrasebook(db, phrasebook_id)
        _check_version(db, phrasebook_id, expected_version)
        return _insert(
            db, phrasebook_id, entry, author=author, now=now, action=HistoryAction.CREATE
        )


def _live_entry(db: sqlite_utils.Database, entry_id: int) -> StoredEntry:
    stored = get_entry(db, entry_id)
    if stored.deleted:
        raise EntryNotFound(entry_id, deleted=True)
    return stored


def update_entry(
    db: sqlite_utils.Database,
    entry_id: int,
    entry: PhraseEntry,
    *,
    author: str,
    now: dt.datetime,
    expected_version: int | None = None,
) -> PhraseEntry:
    """Give entry ``entry_id`` the content of ``entry``; an edit that changes nothing is
    not recorded. Raises :class:`EntryNotFound` (also for a deleted entry)."""
    with write_transaction(db):
        stored = _live_entry(db, entry_id)
        _check_version(db, stored.phrasebook_id, expected_version)
        if phrasebook_rows.same_content(stored.entry, entry):
            return stored.entry
        return _rewrite(db, stored, entry, author=author, now=now, action=HistoryAction.UPDATE)


def delete_entry(
    db: sqlite_utils.Database,
    entry_id: int,
    *,
    author: str,
    now: dt.datetime,
    expected_version: int | None = None,
) -> None:
    """Hide the entry (its row and history stay). Raises :class:`EntryNotFound`."""
    with write_transaction(db):
        stored = _live_entry(db, entry_id)
        _check_version(db, stored.phrasebook_id, expected_version)
        _hide(db, stored, author=author, now=now, action=HistoryAction.DELETE)


# --- history -----------------------------------------------------------------------------

_HISTORY_COLUMNS = ", ".join(phrasebook_rows.HISTORY_COLUMNS)


def entry_history(db: sqlite_utils.Database, entry_id: int) -> list[HistoryRecord]:
    """Every change to the entry, oldest first. Raises :class:`EntryNotFound`."""
    get_entry(db, entry_id)
    rows = db.execute(
        f"SELECT {_HISTORY_COLUMNS} FROM phrasebook_history WHERE entry_id = ? ORDER BY id",
        [entry_id],
    ).fetchall()
    return [ROWS.history_record(row) for row in rows]


def phrasebook_history(
    db: sqlite_utils.Database, phrasebook_id: int, *, limit: int = 100
) -> list[HistoryRecord]:
    """The book's latest changes, newest first (deleted entries included)."""
    rows = db.execute(
        f"SELECT {_HISTORY_COLUMNS} FROM phrasebook_history WHERE phrasebook_id = ? "
        "ORDER BY id DESC LIMIT ?",
        [phrasebook_id, limit],
    ).fetchall()
    return [ROWS.history_record(row) for row in rows]


def get_history_record(db: sqlite_utils.Database, history_id: int) -> HistoryRecord:
    row = db.execute(
        f"SELECT {_HISTORY_COLUMNS} FROM phrasebook_history WHERE id = ?", [history_id]
    ).fetchone()
    if row is None:
        raise VersionNotRestorable(f"There is no change #{history_id} in the history.")
    return ROWS.history_record(row)


def restore_entry_version(
    db: sqlite_utils.Database,
    history_id: int,
    *,
    author: str,
    now: dt.datetime,
    expected_version: int | None = None,
) -> PhraseEntry:
    """Bring the entry back to the content it had right after change ``history_id``
    (undeleting it if needed); recorded as a ``restore``. Restoring the content it has
    now changes nothing. Raises :class:`VersionNotRestorable` for an unknown change or
    one that removed the entry (pick the version before it)."""
    with write_transaction(db):
        record = get_history_record(db, history_id)
        after = phrasebook_rows.restorable(record)
        stored = get_entry(db, record.entry_id)
        _check_version(db, stored.phrasebook_id, expected_version)
        if phrasebook_rows.holds(stored, after):
            return stored.entry
        return _rewrite(db, stored, after, author=author, now=now, action=HistoryAction.RESTORE)


# --- import ------------------------------------------------------------------------------


def replace_entries_from_import(
    db: sqlite_utils.Database,
    phrasebook_id: int,
    entries: Sequence[PhraseEntry],
    *,
    author: str,
    now: dt.datetime,
    expected_version: int | None = None,
) -> ImportSummary:
    """Make the book hold exactly ``entries`` (all or nothing, in one transaction).

    An imported entry with the same kind, language and text as an existing one takes
    its place (keeping its id and history; unchanged ones are not touched), one matching
    a deleted entry brings it back, others are added; entries the file no longer has
    are deleted. Every change is recorded as an ``import``."""
    imported = HistoryAction.IMPORT
    with write_transaction(db):
        get_phrasebook(db, phrasebook_id)
        _check_version(db, phrasebook_id, expected_version)
        rows = db.execute(
            f"SELECT {_ENTRY_COLUMNS} FROM phrasebook_entries WHERE phrasebook_id = ? "
            "ORDER BY deleted, id",
            [phrasebook_id],
        ).fetchall()
        return phrasebook_rows.reconcile_import(
            [ROWS.stored_entry(row) for row in rows],
            entries,
            add=lambda entry: _insert(
                db, phrasebook_id, entry, author=author, now=now, action=imported
            ),
            rewrite=lambda stored, entry: _rewrite(
                db, stored, entry, author=author, now=now, action=imported
            ),
            hide=lambda stored: _hide(db, stored, author=author, now=now, action=imported),
        )
