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
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

import sqlite_utils

from console.domain.phrasebook import EntryKind, Language, PhraseEntry, Severity, Situation
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


def _content(entry: PhraseEntry) -> dict[str, Any]:
    """What a history row keeps of an entry: everything but id, author and time."""
    return {
        "kind": entry.kind.value,
        "language": entry.language.value,
        "text": entry.text,
        "severity": entry.severity.value if entry.severity else None,
        "replacements": list(entry.replacements),
        "reason": entry.reason,
        "situation": entry.situation.value if entry.situation else None,
        "exceptions": list(entry.exceptions),
        "variant_insensitive": entry.variant_insensitive,
    }


def _columns(entry: PhraseEntry) -> dict[str, Any]:
    content = _content(entry)
    content["replacements"] = json.dumps(content["replacements"], ensure_ascii=False)
    content["exceptions"] = json.dumps(content["exceptions"], ensure_ascii=False)
    content["variant_insensitive"] = int(entry.variant_insensitive)
    return content


def _from_content(
    content: dict[str, Any],
    *,
    entry_id: int | None,
    author: str = "",
    changed_at: dt.datetime | None = None,
) -> PhraseEntry:
    severity = content.get("severity")
    situation = content.get("situation")
    return PhraseEntry(
        id=entry_id,
        kind=EntryKind(content["kind"]),
        language=Language(content["language"]),
        text=content["text"],
        severity=Severity(severity) if severity else None,
        replacements=tuple(content.get("replacements") or ()),
        reason=content.get("reason") or "",
        situation=Situation(situation) if situation else None,
        exceptions=tuple(content.get("exceptions") or ()),
        variant_insensitive=bool(content.get("variant_insensitive", True)),
        author=author,
        changed_at=changed_at,
    )


def _same_content(first: PhraseEntry, second: PhraseEntry) -> bool:
    return _content(first) == _content(second)


_ENTRY_COLUMNS = (
    "id, phrasebook_id, kind, language, text, severity, replacements, reason, situation, "
    "exceptions, variant_insensitive, author, changed_at, deleted"
)


def _entry_from_row(row: sqlite3.Row | tuple[Any, ...]) -> StoredEntry:
    (
        entry_id,
        phrasebook_id,
        kind,
        language,
        text,
        severity,
        replacements,
        reason,
        situation,
        exceptions,
        variant_insensitive,
        author,
        changed_at,
        deleted,
    ) = row
    content = {
        "kind": kind,
        "language": language,
        "text": text,
        "severity": severity,
        "replacements": json.loads(replacements),
        "reason": reason,
        "situation": situation,
        "exceptions": json.loads(exceptions),
        "variant_insensitive": bool(variant_insensitive),
    }
    entry = _from_content(
        content,
        entry_id=int(entry_id),
        author=str(author),
        changed_at=instants.load_local(changed_at),
    )
    return StoredEntry(entry, int(phrasebook_id), bool(deleted))


def _dumps(entry: PhraseEntry | None) -> str | None:
    return None if entry is None else json.dumps(_content(entry), ensure_ascii=False)


def _loads(text: str | None, entry_id: int) -> PhraseEntry | None:
    return None if text is None else _from_content(json.loads(text), entry_id=entry_id)


# --- phrasebooks -------------------------------------------------------------------------


def _info(row: tuple[Any, ...]) -> PhrasebookInfo:
    return PhrasebookInfo(int(row[0]), str(row[1]), instants.load_local(row[2]))


def list_phrasebooks(db: sqlite_utils.Database) -> list[PhrasebookInfo]:
    rows = db.execute("SELECT id, name, created_at FROM phrasebooks ORDER BY name, id")
    return [_info(row) for row in rows.fetchall()]


def find_phrasebook(db: sqlite_utils.Database, name: str) -> PhrasebookInfo | None:
    """The phrasebook called ``name`` (ASCII case ignored), or None."""
    row = db.execute(
        "SELECT id, name, created_at FROM phrasebooks WHERE name = ?", [name.strip()]
    ).fetchone()
    return None if row is None else _info(row)


def get_phrasebook(db: sqlite_utils.Database, phrasebook_id: int) -> PhrasebookInfo:
    row = db.execute(
        "SELECT id, name, created_at FROM phrasebooks WHERE id = ?", [phrasebook_id]
    ).fetchone()
    if row is None:
        raise PhrasebookNotFound(f"#{phrasebook_id}")
    return _info(row)


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
    name = name.strip()
    if not name:
        raise ValueError("A phrasebook needs a name.")
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
    if expected is None:
        return
    found = phrasebook_version(db, phrasebook_id)
    if found != expected:
        raise StaleVersion(expected, found)


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
    for column, value in (
        ("kind", kind),
        ("language", language),
        ("situation", situation),
        ("severity", severity),
    ):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value.value)
    if text_contains:
        where.append("instr(lower(text), lower(?)) > 0")
        params.append(text_contains)
    rows = db.execute(
        f"SELECT {_ENTRY_COLUMNS} FROM phrasebook_entries WHERE {' AND '.join(where)} ORDER BY id",
        params,
    ).fetchall()
    return [_entry_from_row(row).entry for row in rows]


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
    return _entry_from_row(row)


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
        [entry_id, phrasebook_id, action.value, _dumps(before), _dumps(after), author, _iso(now)],
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
    columns = _columns(entry)
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
    return replace(entry, id=entry_id, author=author, changed_at=now.replace(microsecond=0))


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
    columns = _columns(entry)
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
    return replace(entry, id=entry_id, author=author, changed_at=now.replace(microsecond=0))


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
        if _same_content(stored.entry, entry):
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

_HISTORY_COLUMNS = "id, entry_id, phrasebook_id, action, before, after, author, at"


def _history_from_row(row: tuple[Any, ...]) -> HistoryRecord:
    history_id, entry_id, phrasebook_id, action, before, after, author, at = row
    return HistoryRecord(
        id=int(history_id),
        entry_id=int(entry_id),
        phrasebook_id=int(phrasebook_id),
        action=HistoryAction(action),
        before=_loads(before, int(entry_id)),
        after=_loads(after, int(entry_id)),
        author=str(author),
        at=instants.load_local(at),
    )


def entry_history(db: sqlite_utils.Database, entry_id: int) -> list[HistoryRecord]:
    """Every change to the entry, oldest first. Raises :class:`EntryNotFound`."""
    get_entry(db, entry_id)
    rows = db.execute(
        f"SELECT {_HISTORY_COLUMNS} FROM phrasebook_history WHERE entry_id = ? ORDER BY id",
        [entry_id],
    ).fetchall()
    return [_history_from_row(row) for row in rows]


def phrasebook_history(
    db: sqlite_utils.Database, phrasebook_id: int, *, limit: int = 100
) -> list[HistoryRecord]:
    """The book's latest changes, newest first (deleted entries included)."""
    rows = db.execute(
        f"SELECT {_HISTORY_COLUMNS} FROM phrasebook_history WHERE phrasebook_id = ? "
        "ORDER BY id DESC LIMIT ?",
        [phrasebook_id, limit],
    ).fetchall()
    return [_history_from_row(row) for row in rows]


def get_history_record(db: sqlite_utils.Database, history_id: int) -> HistoryRecord:
    row = db.execute(
        f"SELECT {_HISTORY_COLUMNS} FROM phrasebook_history WHERE id = ?", [history_id]
    ).fetchone()
    if row is None:
        raise VersionNotRestorable(f"There is no change #{history_id} in the history.")
    return _history_from_row(row)


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
        if record.after is None:
            raise VersionNotRestorable(
                f"Change #{history_id} removed entry #{record.entry_id}; "
                "restore the version before it."
            )
        stored = get_entry(db, record.entry_id)
        _check_version(db, stored.phrasebook_id, expected_version)
        if not stored.deleted and _same_content(stored.entry, record.after):
            return stored.entry
        return _rewrite(
            db, stored, record.after, author=author, now=now, action=HistoryAction.RESTORE
        )


# --- import ------------------------------------------------------------------------------


def _match_key(entry: PhraseEntry) -> tuple[str, str, str]:
    return (entry.kind.value, entry.language.value, entry.text)


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
    added = changed = removed = unchanged = 0
    with write_transaction(db):
        get_phrasebook(db, phrasebook_id)
        _check_version(db, phrasebook_id, expected_version)
        rows = db.execute(
            f"SELECT {_ENTRY_COLUMNS} FROM phrasebook_entries WHERE phrasebook_id = ? "
            "ORDER BY deleted, id",
            [phrasebook_id],
        ).fetchall()
        existing: dict[tuple[str, str, str], list[StoredEntry]] = {}
        for row in rows:
            stored = _entry_from_row(row)
            existing.setdefault(_match_key(stored.entry), []).append(stored)
        for entry in entries:
            candidates = existing.get(_match_key(entry))
            if not candidates:
                _insert(
                    db, phrasebook_id, entry, author=author, now=now, action=HistoryAction.IMPORT
                )
                added += 1
                continue
            stored = candidates.pop(0)
            if not stored.deleted and _same_content(stored.entry, entry):
                unchanged += 1
                continue
            _rewrite(db, stored, entry, author=author, now=now, action=HistoryAction.IMPORT)
            if stored.deleted:
                added += 1
            else:
                changed += 1
        for leftovers in existing.values():
            for stored in leftovers:
                if not stored.deleted:
                    _hide(db, stored, author=author, now=now, action=HistoryAction.IMPORT)
                    removed += 1
    return ImportSummary(added=added, changed=changed, removed=removed, unchanged=unchanged)
