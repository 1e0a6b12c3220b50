"""Phrasebook rows ↔ domain objects and the import's reconciliation, shared by both
stores (no SQL; the only I/O is what a backend hands in).

Both backends keep books, entries and the entries' history in tables of the same
columns, in the same order; they differ only in how their driver takes and gives some
values: a stored instant (ISO text on SQLite, ``timestamptz`` on PostgreSQL), a list of
text (JSON text, ``text[]``), the variant flag (0/1, boolean) and an entry's content in
the history (JSON text, ``jsonb``). A backend describes those in one
:class:`PhrasebookRows`; what an entry's content is, when two contents are the same,
which versions are stale and how an import matches the entries already there are
written down here, once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from console.domain.phrasebook import EntryKind, Language, PhraseEntry, Severity, Situation
from console.repositories.phrasebooks import (
    HistoryAction,
    HistoryRecord,
    ImportSummary,
    PhrasebookInfo,
    StaleVersion,
    StoredEntry,
    VersionNotRestorable,
)

#: An entry's content columns, in the order of its dict (:func:`content`).
CONTENT_COLUMNS = (
    "kind",
    "language",
    "text",
    "severity",
    "replacements",
    "reason",
    "situation",
    "exceptions",
    "variant_insensitive",
)
#: A whole entry row, in the order :meth:`PhrasebookRows.stored_entry` reads it.
ENTRY_COLUMNS = ("id", "phrasebook_id", *CONTENT_COLUMNS, "author", "changed_at", "deleted")
#: A history row, in the order :meth:`PhrasebookRows.history_record` reads it.
HISTORY_COLUMNS = ("id", "entry_id", "phrasebook_id", "action", "before", "after", "author", "at")


def content(entry: PhraseEntry) -> dict[str, Any]:
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


def from_content(
    values: dict[str, Any],
    *,
    entry_id: int | None,
    author: str = "",
    changed_at: dt.datetime | None = None,
) -> PhraseEntry:
    """The entry of a content dict (:func:`content`)."""
    severity = values.get("severity")
    situation = values.get("situation")
    return PhraseEntry(
        id=entry_id,
        kind=EntryKind(values["kind"]),
        language=Language(values["language"]),
        text=values["text"],
        severity=Severity(severity) if severity else None,
        replacements=tuple(values.get("replacements") or ()),
        reason=values.get("reason") or "",
        situation=Situation(situation) if situation else None,
        exceptions=tuple(values.get("exceptions") or ()),
        variant_insensitive=bool(values.get("variant_insensitive", True)),
        author=author,
        changed_at=changed_at,
    )


def same_content(first: PhraseEntry, second: PhraseEntry) -> bool:
    return content(first) == content(second)


def match_key(entry: PhraseEntry) -> tuple[str, str, str]:
    """What an imported entry is matched on: kind, language and text."""
    return (entry.kind.value, entry.language.value, entry.text)


def entry_filters(
    *,
    kind: EntryKind | None,
    language: Language | None,
    situation: Situation | None,
    severity: Severity | None,
) -> list[tuple[str, str]]:
    """The filters of an entry listing that are given: (column, stored value)."""
    given = (
        ("kind", kind),
        ("language", language),
        ("situation", situation),
        ("severity", severity),
    )
    return [(column, value.value) for column, value in given if value is not None]


def book_name(name: str) -> str:
    """A new book's name as stored (trimmed); ValueError for an empty one."""
    name = name.strip()
    if not name:
        raise ValueError("A phrasebook needs a name.")
    return name


def refuse_stale(expected: int | None, found: int) -> None:
    """Raise StaleVersion when the book is at *found*, not *expected* (None: not checked)."""
    if expected is not None and found != expected:
        raise StaleVersion(expected, found)


def restorable(record: HistoryRecord) -> PhraseEntry:
    """The content change *record* left the entry with; VersionNotRestorable for a change
    that removed the entry."""
    if record.after is None:
        raise VersionNotRestorable(
            f"Change #{record.id} removed entry #{record.entry_id}; restore the version before it."
        )
    return record.after


def holds(stored: StoredEntry, entry: PhraseEntry) -> bool:
    """Whether *stored* is live and has *entry*'s content already (nothing to write)."""
    return not stored.deleted and same_content(stored.entry, entry)


def saved(entry: PhraseEntry, entry_id: int, *, author: str, now: dt.datetime) -> PhraseEntry:
    """*entry* as a write stored it (its id, author and time, to the second)."""
    return replace(entry, id=entry_id, author=author, changed_at=now.replace(microsecond=0))


def reconcile_import(
    existing: Iterable[StoredEntry],
    entries: Sequence[PhraseEntry],
    *,
    add: Callable[[PhraseEntry], object],
    rewrite: Callable[[StoredEntry, PhraseEntry], object],
    hide: Callable[[StoredEntry], object],
) -> ImportSummary:
    """Make a book hold exactly *entries*, given what it holds (*existing*: live entries
    before deleted ones, each oldest first). An entry matching one there (kind, language,
    text) takes its place (unchanged ones are left alone), one matching a deleted entry
    brings it back, others are added (*add*); entries no longer imported are hidden. The
    writes are handed to *add*, *rewrite* and *hide*, in order."""
    added = changed = removed = unchanged = 0
    by_key: dict[tuple[str, str, str], list[StoredEntry]] = {}
    for stored in existing:
        by_key.setdefault(match_key(stored.entry), []).append(stored)
    for entry in entries:
        candidates = by_key.get(match_key(entry))
        if not candidates:
            add(entry)
            added += 1
            continue
        stored = candidates.pop(0)
        if holds(stored, entry):
            unchanged += 1
            continue
        rewrite(stored, entry)
        if stored.deleted:
            added += 1
        else:
            changed += 1
    for leftovers in by_key.values():
        for stored in leftovers:
            if not stored.deleted:
                hide(stored)
                removed += 1
    return ImportSummary(added=added, changed=changed, removed=removed, unchanged=unchanged)


@dataclass(frozen=True, slots=True)
class PhrasebookRows:
    """How one backend's driver takes and gives the values that differ."""

    #: A stored instant as the domain holds it: wall time in this computer's zone.
    load_wall: Callable[[Any], dt.datetime]
    #: A list of text (replacements, exceptions) as stored, and back.
    dump_list: Callable[[list[str]], Any]
    load_list: Callable[[Any], Any]
    #: The variant flag as stored.
    dump_flag: Callable[[bool], Any]
    #: An entry's content (:func:`content`) as a history row keeps it, and back.
    dump_content: Callable[[dict[str, Any]], Any]
    load_content: Callable[[Any], dict[str, Any]]

    def columns(self, entry: PhraseEntry) -> dict[str, Any]:
        """The content columns of an entry row (:data:`CONTENT_COLUMNS`), as stored."""
        values = content(entry)
        values["replacements"] = self.dump_list(values["replacements"])
        values["exceptions"] = self.dump_list(values["exceptions"])
        values["variant_insensitive"] = self.dump_flag(entry.variant_insensitive)
        return values

    def history_content(self, entry: PhraseEntry | None) -> Any:
        """A history row's ``before``/``after`` (None: the entry was absent or deleted)."""
        return None if entry is None else self.dump_content(content(entry))

    def stored_entry(self, row: Sequence[Any]) -> StoredEntry:
        """The entry of a row of :data:`ENTRY_COLUMNS`."""
        entry_id, phrasebook_id, *values, author, changed_at, deleted = row
        stored = dict(zip(CONTENT_COLUMNS, values, strict=True))
        stored["replacements"] = self.load_list(stored["replacements"])
        stored["exceptions"] = self.load_list(stored["exceptions"])
        entry = from_content(
            stored,
            entry_id=int(entry_id),
            author=str(author),
            changed_at=self.load_wall(changed_at),
        )
        return StoredEntry(entry, int(phrasebook_id), bool(deleted))

    def _entry_content(self, value: Any, entry_id: int) -> PhraseEntry | None:
        return None if value is None else from_content(self.load_content(value), entry_id=entry_id)

    def history_record(self, row: Sequence[Any]) -> HistoryRecord:
        """The change of a row of :data:`HISTORY_COLUMNS`."""
        history_id, entry_id, phrasebook_id, action, before, after, author, at = row
        return HistoryRecord(
            id=int(history_id),
            entry_id=int(entry_id),
            phrasebook_id=int(phrasebook_id),
            action=HistoryAction(action),
            before=self._entry_content(before, int(entry_id)),
            after=self._entry_content(after, int(entry_id)),
            author=str(author),
            at=self.load_wall(at),
        )

    def info(self, row: Sequence[Any]) -> PhrasebookInfo:
        """(id, name, created_at)."""
        return PhrasebookInfo(int(row[0]), str(row[1]), self.load_wall(row[2]))
