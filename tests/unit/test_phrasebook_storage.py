"""Phrasebook storage: migration 0003, books, entries, append-only history, restore, import."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from console.domain.phrasebook import EntryKind, Language, PhraseEntry, Severity, Situation
from console.storage.sqlite import phrasebooks as store
from console.storage.sqlite import schema
from console.storage.sqlite.phrasebooks import (
    EntryNotFound,
    HistoryAction,
    PhrasebookNameTaken,
    StaleVersion,
    VersionNotRestorable,
)
from console.storage.sqlite.runner import DatabaseRunner

T0 = dt.datetime(2026, 11, 28, 9, 0)
PHRASEBOOK_TABLES = {"phrasebooks", "phrasebook_entries", "phrasebook_history"}


def taboo(text: str, **fields: Any) -> PhraseEntry:
    fields.setdefault("severity", Severity.WARN)
    fields.setdefault("language", Language.EN)
    return PhraseEntry(kind=EntryKind.TABOO, text=text, **fields)


def approved(text: str, **fields: Any) -> PhraseEntry:
    fields.setdefault("situation", Situation.GREETING)
    fields.setdefault("language", Language.EN)
    return PhraseEntry(kind=EntryKind.APPROVED, text=text, **fields)


def content(entry: PhraseEntry) -> PhraseEntry:
    """The entry without id, author and time (what a version is made of)."""
    return dataclasses.replace(entry, id=None, author="", changed_at=None)


def new_book(runner: DatabaseRunner, name: str = "Brand") -> int:
    return runner.call(store.create_phrasebook, name, now=T0).id


def add(runner: DatabaseRunner, book: int, entry: PhraseEntry, at: dt.datetime = T0) -> int:
    stored = runner.call(store.add_entry, book, entry, author="Mei", now=at)
    assert stored.id is not None
    return stored.id


# --- migrations ------------------------------------------------------------------------


def test_migration_from_empty_creates_the_phrasebook_tables(runner: DatabaseRunner) -> None:
    tables = set(runner.call(lambda db: db.table_names()))
    assert tables >= PHRASEBOOK_TABLES
    applied = runner.call(lambda db: [m.name for m in schema.migrations.applied(db)])
    assert "0003_phrasebooks" in applied
    assert runner.call(lambda db: db.execute("PRAGMA user_version").fetchone()[0]) == (
        schema.known_version()
    )


def test_database_with_only_0001_and_0002_is_migrated_keeping_its_data(db_path: Path) -> None:
    conn = sqlite3.connect(db_path, isolation_level=None)
    old = sqlite_utils.Database(conn)
    schema.migrations.apply(old, stop_before="0003_phrasebooks")
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 2")
    conn.execute(
        "INSERT INTO customers (name, created_at, updated_at) "
        "VALUES ('Old Friend', '2020-01-01T00:00:00', '2020-01-01T00:00:00')"
    )
    conn.execute("""INSERT INTO settings (key, value) VALUES ('staff_name', '"Li"')""")
    assert not PHRASEBOOK_TABLES & set(old.table_names())
    conn.close()

    with DatabaseRunner(db_path) as r:
        assert set(r.call(lambda db: db.table_names())) >= PHRASEBOOK_TABLES
        version = r.call(lambda db: db.execute("PRAGMA user_version").fetchone()[0])
        assert version == schema.known_version()
        names = r.call(lambda db: [row[0] for row in db.execute("SELECT name FROM customers")])
        assert names == ["Old Friend"]
        book = r.call(store.create_phrasebook, "Brand", now=T0)
        r.call(store.add_entry, book.id, taboo("hey"), author="Li", now=T0)
        assert [e.text for e in r.call(store.list_entries, book.id)] == ["hey"]


def test_history_is_append_only(runner: DatabaseRunner) -> None:
    book = new_book(runner)
    add(runner, book, taboo("hey"))
    for statement in (
        "UPDATE phrasebook_history SET author = 'x'",
        "DELETE FROM phrasebook_history",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            runner.call(lambda db, sql=statement: db.execute(sql))
    assert len(runner.call(store.phrasebook_history, book)) == 1


# --- books -----------------------------------------------------------------------------


def test_books_are_listed_by_name_and_names_are_unique_ignoring_case(
    runner: DatabaseRunner,
) -> None:
    runner.call(store.create_phrasebook, "Zen Tea", now=T0)
    created = runner.call(store.create_phrasebook, "  Aurora Hotel ", now=T0)
    assert created.name == "Aurora Hotel"
    assert [b.name for b in runner.call(store.list_phrasebooks)] == ["Aurora Hotel", "Zen Tea"]
    with pytest.raises(PhrasebookNameTaken):
        runner.call(store.create_phrasebook, "zen tea", now=T0)
    with pytest.raises(ValueError, match="needs a name"):
        runner.call(store.create_phrasebook, "   ", now=T0)
    found = runner.call(store.find_phrasebook, "AURORA HOTEL")
    assert found == created
    assert runner.call(store.find_phrasebook, "Nobody") is None


def test_a_book_created_with_entries_records_them_as_imported(runner: DatabaseRunner) -> None:
    book = runner.call(
        store.create_phrasebook, "Brand", now=T0, entries=[taboo("hey"), approved("Hello")]
    )
    history = runner.call(store.phrasebook_history, book.id)
    assert {(h.action, h.before, h.author) for h in history} == {(HistoryAction.IMPORT, None, "")}
    assert runner.call(store.phrasebook_version, book.id) == max(h.id for h in history)


# --- entries ---------------------------------------------------------------------------


def test_entries_round_trip_every_field(runner: DatabaseRunner) -> None:
    book = new_book(runner)
    entry = taboo(
        "这不归我管",
        language=Language.ZH_HANS,
        severity=Severity.BLOCK,
        replacements=("我帮您联系负责的同事", "我来帮您问一下"),
        reason="把顾客推开。",
        exceptions=("这不归我管的事也要管",),
        variant_insensitive=False,
    )
    entry_id = add(runner, book, entry)
    [stored] = runner.call(store.list_entries, book)
    assert stored.id == entry_id
    assert content(stored) == entry
    assert stored.author == "Mei"
    assert stored.changed_at == T0


def test_list_entries_filters(runner: DatabaseRunner) -> None:
    book = new_book(runner)
    other = new_book(runner, "Other")
    add(runner, book, taboo("hey", severity=Severity.WARN))
    add(runner, book, taboo("OK", severity=Severity.HINT))
    add(runner, book, taboo("不知道", language=Language.ZH_HANS, severity=Severity.BLOCK))
    add(runner, book, approved("Hello there"))
    add(runner, book, approved("再见", language=Language.ZH_HANS, situation=Situation.FAREWELL))
    add(runner, other, taboo("hey"))

    def texts(**filters: Any) -> list[str]:
        return [e.text for e in runner.call(store.list_entries, book, **filters)]

    assert texts() == ["hey", "OK", "不知道", "Hello there", "再见"]
    assert texts(kind=EntryKind.TABOO) == ["hey", "OK", "不知道"]
    assert texts(language=Language.ZH_HANS) == ["不知道", "再见"]
    assert texts(severity=Severity.HINT) == ["OK"]
    assert texts(situation=Situation.FAREWELL) == ["再见"]
    assert texts(kind=EntryKind.APPROVED, language=Language.EN) == ["Hello there"]
    assert texts(text_contains="HE") == ["hey", "Hello there"]
    assert texts(text_contains="知") == ["不知道"]


def test_update_changes_the_entry_and_a_no_op_is_not_recorded(runner: DatabaseRunner) -> None:
    book = new_book(runner)
    entry_id = add(runner, book, taboo("hey"))
    later = T0 + dt.timedelta(hours=1)
    edited = runner.call(
        store.update_entry,
        entry_id,
        taboo("hey", severity=Severity.BLOCK, reason="Too casual."),
        author="Chen",
        now=later,
    )
    assert (edited.id, edited.severity, edited.author, edited.changed_at) == (
        entry_id,
        Severity.BLOCK,
        "Chen",
        later,
    )
    version = runner.call(store.phrasebook_version, book)
    same = runner.call(store.update_entry, entry_id, content(edited), author="Zed", now=later)
    assert same.author == "Chen"
    assert runner.call(store.phrasebook_version, book) == version
    assert [h.action for h in runner.call(store.entry_history, entry_id)] == [
        HistoryAction.CREATE,
        HistoryAction.UPDATE,
    ]


def test_deleted_entries_are_hidden_but_kept_with_their_history(runner: DatabaseRunner) -> None:
    book = new_book(runner)
    keep = add(runner, book, taboo("OK"))
    gone = add(runner, book, taboo("hey"))
    runner.call(store.delete_entry, gone, author="Chen", now=T0)
    assert [e.id for e in runner.call(store.list_entries, book)] == [keep]
    stored = runner.call(store.get_entry, gone)
    assert stored.deleted and stored.entry.text == "hey"
    with pytest.raises(EntryNotFound, match="deleted"):
        runner.call(store.update_entry, gone, taboo("hey!"), author="Chen", now=T0)
    with pytest.raises(EntryNotFound):
        runner.call(store.delete_entry, gone, author="Chen", now=T0)
    with pytest.raises(EntryNotFound):
        runner.call(store.get_entry, 999)
    history = runner.call(store.entry_history, gone)
    assert [(h.action, h.after) for h in history][-1] == (HistoryAction.DELETE, None)
    assert history[-1].before is not None and history[-1].before.text == "hey"


# --- history and restore ---------------------------------------------------------------


def test_any_earlier_version_can_be_restored(runner: DatabaseRunner) -> None:
    book = new_book(runner)
    first = taboo("hey", reason="v1")
    entry_id = add(runner, book, first)
    for number in (2, 3):
        runner.call(
            store.update_entry,
            entry_id,
            taboo("hey", reason=f"v{number}", severity=Severity.BLOCK),
            author=f"Editor {number}",
            now=T0 + dt.timedelta(days=number),
        )
    history = runner.call(store.entry_history, entry_id)
    assert [h.action for h in history] == [
        HistoryAction.CREATE,
        HistoryAction.UPDATE,
        HistoryAction.UPDATE,
    ]
    assert [h.author for h in history] == ["Mei", "Editor 2", "Editor 3"]
    assert history[1].before is not None and history[1].before.reason == "v1"
    assert history[2].after is not None and history[2].after.reason == "v3"
    assert all(h.after is not None and h.after.id == entry_id for h in history)

    restored = runner.call(
        store.restore_entry_version, history[0].id, author="Boss", now=T0 + dt.timedelta(days=9)
    )
    assert content(restored) == first
    [current] = runner.call(store.list_entries, book)
    assert content(current) == first and current.author == "Boss"
    last = runner.call(store.entry_history, entry_id)[-1]
    assert last.action is HistoryAction.RESTORE
    assert last.before is not None and last.before.reason == "v3"
    assert last.after is not None and last.after.reason == "v1"

    # Restoring the content it already has changes nothing.
    version = runner.call(store.phrasebook_version, book)
    runner.call(store.restore_entry_version, history[0].id, author="Boss", now=T0)
    assert runner.call(store.phrasebook_version, book) == version


def test_restoring_a_deleted_entry_brings_it_back(runner: DatabaseRunner) -> None:
    book = new_book(runner)
    entry_id = add(runner, book, taboo("hey"))
    runner.call(store.delete_entry, entry_id, author="Chen", now=T0)
    created, deleted = runner.call(store.entry_history, entry_id)
    with pytest.raises(VersionNotRestorable, match="restore the version before it"):
        runner.call(store.restore_entry_version, deleted.id, author="Chen", now=T0)
    with pytest.raises(VersionNotRestorable):
        runner.call(store.restore_entry_version, 12345, author="Chen", now=T0)
    runner.call(store.restore_entry_version, created.id, author="Chen", now=T0)
    assert [e.id for e in runner.call(store.list_entries, book)] == [entry_id]
    last = runner.call(store.entry_history, entry_id)[-1]
    assert (last.action, last.before) == (HistoryAction.RESTORE, None)


def test_version_grows_with_every_change_and_stale_writes_are_refused(
    runner: DatabaseRunner,
) -> None:
    book = new_book(runner)
    other = new_book(runner, "Other")
    assert runner.call(store.phrasebook_version, book) == 0
    versions = [0]
    entry_id = add(runner, book, taboo("hey"))
    versions.append(runner.call(store.phrasebook_version, book))
    runner.call(store.update_entry, entry_id, taboo("hey", reason="x"), author="A", now=T0)
    versions.append(runner.call(store.phrasebook_version, book))
    runner.call(store.delete_entry, entry_id, author="A", now=T0)
    versions.append(runner.call(store.phrasebook_version, book))
    assert versions == sorted(set(versions))
    assert runner.call(store.phrasebook_version, other) == 0

    with pytest.raises(StaleVersion):
        runner.call(
            store.add_entry, book, taboo("OK"), author="A", now=T0, expected_version=versions[1]
        )
    assert runner.call(store.list_entries, book) == []
    runner.call(
        store.add_entry, book, taboo("OK"), author="A", now=T0, expected_version=versions[-1]
    )
    assert [e.text for e in runner.call(store.list_entries, book)] == ["OK"]


# --- import ----------------------------------------------------------------------------


def test_replace_from_import_keeps_ids_and_records_only_real_changes(
    runner: DatabaseRunner,
) -> None:
    book = new_book(runner)
    hey = add(runner, book, taboo("hey"))
    ok = add(runner, book, taboo("OK"))
    gone = add(runner, book, taboo("cheap"))
    revived = add(runner, book, taboo("you people"))
    runner.call(store.delete_entry, revived, author="A", now=T0)
    before = runner.call(store.phrasebook_version, book)

    summary = runner.call(
        store.replace_entries_from_import,
        book,
        [
            taboo("hey"),
            taboo("OK", severity=Severity.HINT),
            taboo("you people", severity=Severity.BLOCK),
            approved("Certainly"),
        ],
        author="Trainer",
        now=T0,
    )
    assert summary == store.ImportSummary(added=2, changed=1, removed=1, unchanged=1)
    assert summary.total == 4
    entries = runner.call(store.list_entries, book)
    assert [(e.id, e.text) for e in entries][:3] == [
        (hey, "hey"),
        (ok, "OK"),
        (revived, "you people"),
    ]
    assert entries[3].text == "Certainly"
    assert runner.call(store.get_entry, gone).deleted
    changes = [h for h in runner.call(store.phrasebook_history, book) if h.id > before]
    assert {h.action for h in changes} == {HistoryAction.IMPORT}
    assert {h.entry_id for h in changes} == {ok, gone, revived, entries[3].id}


def test_replace_from_import_is_all_or_nothing(runner: DatabaseRunner) -> None:
    book = new_book(runner)
    add(runner, book, taboo("hey"))
    before = runner.call(store.list_entries, book)
    version = runner.call(store.phrasebook_version, book)
    broken = taboo(None)  # type: ignore[arg-type]  # NOT NULL fails on the third row
    with pytest.raises(sqlite3.IntegrityError):
        runner.call(
            store.replace_entries_from_import,
            book,
            [taboo("OK"), taboo("cheap"), broken],
            author="T",
            now=T0,
        )
    assert runner.call(store.list_entries, book) == before
    assert runner.call(store.phrasebook_version, book) == version
