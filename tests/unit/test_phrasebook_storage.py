"""Phrasebook storage: the migrations, books, entries, append-only history, restore, import.

The repository's behaviour is tested through its interface (``r.phrasebooks`` in the
store's jobs) on every backend; SQLite's migrations and its triggers on ``runner``, and
PostgreSQL's own schema on ``postgres_store``.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import datetime as dt
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from zoneinfo import ZoneInfo

import psycopg
import pytest
import sqlite_utils

from console.domain.phrasebook import EntryKind, Language, PhraseEntry, Severity, Situation
from console.repositories import Repositories, Store
from console.repositories.phrasebooks import (
    EntryNotFound,
    HistoryAction,
    ImportSummary,
    PhrasebookNameTaken,
    PhrasebookRepository,
    StaleVersion,
    VersionNotRestorable,
)
from console.storage.sqlite import phrasebooks as store
from console.storage.sqlite import schema
from console.storage.sqlite.runner import DatabaseRunner
from tests.unit.conftest import ALL_BACKENDS

T = TypeVar("T")

if TYPE_CHECKING:
    from console.storage.postgres.store import PostgresStore

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


def write(backend: Store, job: Callable[[PhrasebookRepository], T]) -> T:
    """*job* of the phrasebooks repository, as a write job of the store."""
    return backend.write_now(lambda r: job(r.phrasebooks))


def read(backend: Store, job: Callable[[PhrasebookRepository], T]) -> T:
    return backend.read_now(lambda r: job(r.phrasebooks))


def new_book(backend: Store, name: str = "Brand") -> int:
    return write(backend, lambda p: p.create_phrasebook(name, now=T0)).id


def add(backend: Store, book: int, entry: PhraseEntry, at: dt.datetime = T0) -> int:
    stored = write(backend, lambda p: p.add_entry(book, entry, author="Mei", now=at))
    assert stored.id is not None
    return stored.id


def version(backend: Store, book: int) -> int:
    return read(backend, lambda p: p.phrasebook_version(book))


def entries(backend: Store, book: int, **filters: Any) -> list[PhraseEntry]:
    return read(backend, lambda p: p.list_entries(book, **filters))


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


def test_history_is_append_only_on_postgres(postgres_store: PostgresStore) -> None:
    book = new_book(postgres_store)
    add(postgres_store, book, taboo("hey"))
    for statement in (
        "UPDATE phrasebook_history SET author = 'x'",
        "DELETE FROM phrasebook_history",
        "TRUNCATE phrasebook_history CASCADE",
    ):
        with (
            psycopg.connect(postgres_store.dsn) as conn,
            pytest.raises(psycopg.errors.IntegrityConstraintViolation, match="append-only"),
        ):
            conn.execute(statement)
    [kept] = read(postgres_store, lambda p: p.phrasebook_history(book))
    assert (kept.action, kept.author) == (HistoryAction.CREATE, "Mei")


def test_postgres_refuses_a_second_name_by_its_constraint(
    postgres_store: PostgresStore,
) -> None:
    """Not a look-up: a row written past the repository meets the same constraint."""
    new_book(postgres_store, "Aurora Hotel")
    with (
        psycopg.connect(postgres_store.dsn) as conn,
        pytest.raises(psycopg.errors.UniqueViolation, match="phrasebooks_name_unique"),
    ):
        conn.execute("INSERT INTO phrasebooks (name, created_at) VALUES ('AURORA hotel', now())")
    # Only ASCII case is ignored, as SQLite's NOCASE: "É" and "é" are different names.
    write(postgres_store, lambda p: p.create_phrasebook("Élan", now=T0))
    write(postgres_store, lambda p: p.create_phrasebook("élan", now=T0))
    assert read(postgres_store, lambda p: p.find_phrasebook("ÉLAN")) is not None
    lower = read(postgres_store, lambda p: p.find_phrasebook("éLAN"))
    assert lower is not None and lower.name == "élan"


# --- books (every backend) ---------------------------------------------------------------

on_every_backend = pytest.mark.parametrize("backend", ALL_BACKENDS, indirect=True)


@on_every_backend
def test_books_are_listed_by_name_and_names_are_unique_ignoring_case(backend: Store) -> None:
    write(backend, lambda p: p.create_phrasebook("Zen Tea", now=T0))
    created = write(backend, lambda p: p.create_phrasebook("  Aurora Hotel ", now=T0))
    write(backend, lambda p: p.create_phrasebook("aurora Spa", now=T0))
    assert created.name == "Aurora Hotel"
    assert created.created_at == T0
    assert [b.name for b in read(backend, lambda p: p.list_phrasebooks())] == [
        "Aurora Hotel",
        "aurora Spa",
        "Zen Tea",
    ]
    with pytest.raises(PhrasebookNameTaken, match="'zen tea' already exists"):
        write(backend, lambda p: p.create_phrasebook("zen tea", now=T0))
    with pytest.raises(ValueError, match="needs a name"):
        write(backend, lambda p: p.create_phrasebook("   ", now=T0))
    found = read(backend, lambda p: p.find_phrasebook("AURORA HOTEL"))
    assert found == created
    assert read(backend, lambda p: p.find_phrasebook("Nobody")) is None
    state = read(backend, lambda p: p.phrasebook_state(" aurora hotel"))
    assert state is not None and (state.book, state.version) == (created, 0)
    assert read(backend, lambda p: p.phrasebook_state("Nobody")) is None


@on_every_backend
def test_a_book_created_with_entries_records_them_as_imported(backend: Store) -> None:
    book = write(
        backend,
        lambda p: p.create_phrasebook("Brand", now=T0, entries=[taboo("hey"), approved("Hello")]),
    )
    history = read(backend, lambda p: p.phrasebook_history(book.id))
    assert {(h.action, h.before, h.author) for h in history} == {(HistoryAction.IMPORT, None, "")}
    assert [content(e) for e in entries(backend, book.id)] == [taboo("hey"), approved("Hello")]
    assert version(backend, book.id) > 0
    with pytest.raises(StaleVersion):  # the entries are changes of the book
        write(
            backend,
            lambda p: p.add_entry(book.id, taboo("OK"), author="A", now=T0, expected_version=0),
        )


@on_every_backend
def test_a_name_taken_leaves_no_book_and_no_entries(backend: Store) -> None:
    write(backend, lambda p: p.create_phrasebook("Brand", now=T0))
    with pytest.raises(PhrasebookNameTaken):
        write(backend, lambda p: p.create_phrasebook("BRAND", now=T0, entries=[taboo("hey")]))
    [book] = read(backend, lambda p: p.list_phrasebooks())
    assert entries(backend, book.id) == []
    assert read(backend, lambda p: p.phrasebook_history(book.id)) == []


# --- entries -----------------------------------------------------------------------------


@on_every_backend
def test_entries_round_trip_every_field(backend: Store) -> None:
    book = new_book(backend)
    entry = taboo(
        "这不归我管",
        language=Language.ZH_HANS,
        severity=Severity.BLOCK,
        replacements=("我帮您联系负责的同事", "我来帮您问一下"),
        reason="把顾客推开。",
        exceptions=("这不归我管的事也要管",),
        variant_insensitive=False,
    )
    entry_id = add(backend, book, entry)
    [stored] = entries(backend, book)
    assert stored.id == entry_id
    assert content(stored) == entry
    assert stored.author == "Mei"
    assert stored.changed_at == T0
    assert read(backend, lambda p: p.get_entry(entry_id)).entry == stored
    plain = approved("Hello", situation=None, language=Language.ANY)
    plain_id = add(backend, book, plain)
    assert content(read(backend, lambda p: p.get_entry(plain_id)).entry) == plain


@on_every_backend
def test_list_entries_filters(backend: Store) -> None:
    book = new_book(backend)
    other = new_book(backend, "Other")
    add(backend, book, taboo("hey", severity=Severity.WARN))
    add(backend, book, taboo("OK", severity=Severity.HINT))
    add(backend, book, taboo("不知道", language=Language.ZH_HANS, severity=Severity.BLOCK))
    add(backend, book, approved("Hello there"))
    add(backend, book, approved("再见", language=Language.ZH_HANS, situation=Situation.FAREWELL))
    add(backend, book, approved("Éclair", situation=Situation.FAREWELL))
    add(backend, other, taboo("hey"))

    def texts(**filters: Any) -> list[str]:
        return [e.text for e in entries(backend, book, **filters)]

    assert texts() == ["hey", "OK", "不知道", "Hello there", "再见", "Éclair"]
    assert texts(kind=EntryKind.TABOO) == ["hey", "OK", "不知道"]
    assert texts(language=Language.ZH_HANS) == ["不知道", "再见"]
    assert texts(severity=Severity.HINT) == ["OK"]
    assert texts(situation=Situation.FAREWELL) == ["再见", "Éclair"]
    assert texts(kind=EntryKind.APPROVED, language=Language.EN) == ["Hello there", "Éclair"]
    assert texts(text_contains="HE") == ["hey", "Hello there"]
    assert texts(text_contains="知") == ["不知道"]
    assert texts(text_contains="%") == []  # a piece of text, not a pattern
    # ASCII case only, as SQLite's lower(): "é" does not find "É".
    assert texts(text_contains="ÉCL") == ["Éclair"]
    assert texts(text_contains="écl") == []


@on_every_backend
def test_update_changes_the_entry_and_a_no_op_is_not_recorded(backend: Store) -> None:
    book = new_book(backend)
    entry_id = add(backend, book, taboo("hey"))
    later = T0 + dt.timedelta(hours=1)
    edited = write(
        backend,
        lambda p: p.update_entry(
            entry_id,
            taboo("hey", severity=Severity.BLOCK, reason="Too casual."),
            author="Chen",
            now=later,
        ),
    )
    assert (edited.id, edited.severity, edited.author, edited.changed_at) == (
        entry_id,
        Severity.BLOCK,
        "Chen",
        later,
    )
    before = version(backend, book)
    same = write(
        backend, lambda p: p.update_entry(entry_id, content(edited), author="Zed", now=later)
    )
    assert same.author == "Chen"
    assert version(backend, book) == before
    assert [h.action for h in read(backend, lambda p: p.entry_history(entry_id))] == [
        HistoryAction.CREATE,
        HistoryAction.UPDATE,
    ]


@on_every_backend
def test_deleted_entries_are_hidden_but_kept_with_their_history(backend: Store) -> None:
    book = new_book(backend)
    keep = add(backend, book, taboo("OK"))
    gone = add(backend, book, taboo("hey"))
    write(backend, lambda p: p.delete_entry(gone, author="Chen", now=T0))
    assert [e.id for e in entries(backend, book)] == [keep]
    stored = read(backend, lambda p: p.get_entry(gone))
    assert stored.deleted and stored.entry.text == "hey"
    with pytest.raises(EntryNotFound, match="deleted"):
        write(backend, lambda p: p.update_entry(gone, taboo("hey!"), author="Chen", now=T0))
    with pytest.raises(EntryNotFound):
        write(backend, lambda p: p.delete_entry(gone, author="Chen", now=T0))
    with pytest.raises(EntryNotFound, match="no phrasebook entry #999"):
        read(backend, lambda p: p.get_entry(999))
    with pytest.raises(EntryNotFound):
        read(backend, lambda p: p.entry_history(999))
    history = read(backend, lambda p: p.entry_history(gone))
    assert [(h.action, h.after) for h in history][-1] == (HistoryAction.DELETE, None)
    assert history[-1].before is not None and history[-1].before.text == "hey"


# --- history and restore -----------------------------------------------------------------


@on_every_backend
def test_any_earlier_version_can_be_restored(backend: Store) -> None:
    book = new_book(backend)
    first = taboo("hey", reason="v1")
    entry_id = add(backend, book, first)
    for number in (2, 3):
        write(
            backend,
            lambda p, n=number: p.update_entry(
                entry_id,
                taboo("hey", reason=f"v{n}", severity=Severity.BLOCK),
                author=f"Editor {n}",
                now=T0 + dt.timedelta(days=n),
            ),
        )
    history = read(backend, lambda p: p.entry_history(entry_id))
    assert [h.action for h in history] == [
        HistoryAction.CREATE,
        HistoryAction.UPDATE,
        HistoryAction.UPDATE,
    ]
    assert [h.author for h in history] == ["Mei", "Editor 2", "Editor 3"]
    assert [h.at for h in history] == [T0, T0 + dt.timedelta(days=2), T0 + dt.timedelta(days=3)]
    assert history[1].before is not None and history[1].before.reason == "v1"
    assert history[2].after is not None and history[2].after.reason == "v3"
    assert all(h.after is not None and h.after.id == entry_id for h in history)
    assert read(backend, lambda p: p.get_history_record(history[1].id)) == history[1]

    restored = write(
        backend,
        lambda p: p.restore_entry_version(
            history[0].id, author="Boss", now=T0 + dt.timedelta(days=9)
        ),
    )
    assert content(restored) == first
    [current] = entries(backend, book)
    assert content(current) == first and current.author == "Boss"
    last = read(backend, lambda p: p.entry_history(entry_id))[-1]
    assert last.action is HistoryAction.RESTORE
    assert last.before is not None and last.before.reason == "v3"
    assert last.after is not None and last.after.reason == "v1"
    newest = read(backend, lambda p: p.phrasebook_history(book, limit=2))
    assert [h.action for h in newest] == [HistoryAction.RESTORE, HistoryAction.UPDATE]

    # Restoring the content it already has changes nothing.
    before = version(backend, book)
    write(backend, lambda p: p.restore_entry_version(history[0].id, author="Boss", now=T0))
    assert version(backend, book) == before


@on_every_backend
def test_restoring_a_deleted_entry_brings_it_back(backend: Store) -> None:
    book = new_book(backend)
    entry_id = add(backend, book, taboo("hey"))
    write(backend, lambda p: p.delete_entry(entry_id, author="Chen", now=T0))
    created, deleted = read(backend, lambda p: p.entry_history(entry_id))
    with pytest.raises(VersionNotRestorable, match="restore the version before it"):
        write(backend, lambda p: p.restore_entry_version(deleted.id, author="Chen", now=T0))
    with pytest.raises(VersionNotRestorable):
        write(backend, lambda p: p.restore_entry_version(12345, author="Chen", now=T0))
    write(backend, lambda p: p.restore_entry_version(created.id, author="Chen", now=T0))
    assert [e.id for e in entries(backend, book)] == [entry_id]
    last = read(backend, lambda p: p.entry_history(entry_id))[-1]
    assert (last.action, last.before) == (HistoryAction.RESTORE, None)


@on_every_backend
def test_version_grows_with_every_change_and_stale_writes_are_refused(backend: Store) -> None:
    book = new_book(backend)
    other = new_book(backend, "Other")
    assert version(backend, book) == 0
    versions = [0]
    entry_id = add(backend, book, taboo("hey"))
    versions.append(version(backend, book))
    write(backend, lambda p: p.update_entry(entry_id, taboo("hey", reason="x"), author="A", now=T0))
    versions.append(version(backend, book))
    write(backend, lambda p: p.delete_entry(entry_id, author="A", now=T0))
    versions.append(version(backend, book))
    assert versions == sorted(set(versions))
    assert version(backend, other) == 0

    stale = versions[1]
    attempts: list[Callable[[PhrasebookRepository], object]] = [
        lambda p: p.add_entry(book, taboo("OK"), author="A", now=T0, expected_version=stale),
        lambda p: p.replace_entries_from_import(
            book, [taboo("OK")], author="A", now=T0, expected_version=stale
        ),
    ]
    for attempt in attempts:
        with pytest.raises(StaleVersion) as info:
            write(backend, attempt)
        assert (info.value.expected, info.value.found) == (stale, versions[-1])
    assert entries(backend, book) == []
    book_entries = read(backend, lambda p: p.entries_with_version(book))
    assert (book_entries.entries, book_entries.version) == ([], versions[-1])
    write(
        backend,
        lambda p: p.add_entry(book, taboo("OK"), author="A", now=T0, expected_version=versions[-1]),
    )
    assert [e.text for e in entries(backend, book)] == ["OK"]


# --- import ------------------------------------------------------------------------------


@on_every_backend
def test_replace_from_import_keeps_ids_and_records_only_real_changes(backend: Store) -> None:
    book = new_book(backend)
    hey = add(backend, book, taboo("hey"))
    ok = add(backend, book, taboo("OK"))
    gone = add(backend, book, taboo("cheap"))
    revived = add(backend, book, taboo("you people"))
    write(backend, lambda p: p.delete_entry(revived, author="A", now=T0))
    earlier = {h.id for h in read(backend, lambda p: p.phrasebook_history(book))}

    summary = write(
        backend,
        lambda p: p.replace_entries_from_import(
            book,
            [
                taboo("hey"),
                taboo("OK", severity=Severity.HINT),
                taboo("you people", severity=Severity.BLOCK),
                approved("Certainly"),
            ],
            author="Trainer",
            now=T0,
        ),
    )
    assert summary == ImportSummary(added=2, changed=1, removed=1, unchanged=1)
    assert summary.total == 4
    listed = entries(backend, book)
    assert [(e.id, e.text) for e in listed][:3] == [
        (hey, "hey"),
        (ok, "OK"),
        (revived, "you people"),
    ]
    assert listed[3].text == "Certainly"
    assert read(backend, lambda p: p.get_entry(gone)).deleted
    changes = [
        h for h in read(backend, lambda p: p.phrasebook_history(book)) if h.id not in earlier
    ]
    assert {h.action for h in changes} == {HistoryAction.IMPORT}
    assert {h.entry_id for h in changes} == {ok, gone, revived, listed[3].id}


@on_every_backend
def test_replace_from_import_is_all_or_nothing(backend: Store) -> None:
    book = new_book(backend)
    add(backend, book, taboo("hey"))
    before = entries(backend, book)
    was = version(backend, book)
    broken = taboo(None)  # type: ignore[arg-type]  # NOT NULL fails on the third row
    with pytest.raises(Exception, match=r"(?i)not[ -]null"):
        write(
            backend,
            lambda p: p.replace_entries_from_import(
                book, [taboo("OK"), taboo("cheap"), broken], author="T", now=T0
            ),
        )
    assert entries(backend, book) == before
    assert version(backend, book) == was


# --- many writers (PostgreSQL: several servers and consoles at once) ---------------------


def test_two_edits_of_one_book_at_once_one_wins_the_other_is_stale(
    postgres_store: PostgresStore,
) -> None:
    """Two consoles read the same version of the book and save an edit at the same moment:
    one is saved, the other is refused as stale (not written over the first). Writers on
    PostgreSQL take their turn before their snapshot (the audit chain's lock), so the
    second one sees the first one's commit and is refused at once."""
    book = new_book(postgres_store)
    entry_id = add(postgres_store, book, taboo("hey"))
    start = version(postgres_store, book)
    attempts = {"Ana": 0, "Bo": 0}

    def edit(who: str) -> str:
        def job(r: Repositories) -> str:
            attempts[who] += 1
            r.phrasebooks.get_entry(entry_id)
            saved = r.phrasebooks.update_entry(
                entry_id,
                taboo("hey", reason=f"by {who}"),
                author=who,
                now=T0,
                expected_version=start,
            )
            return saved.author

        return postgres_store.write_now(job)

    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        futures = {who: pool.submit(edit, who) for who in attempts}
        concurrent.futures.wait(futures.values())
    saved = {who: f.result() for who, f in futures.items() if f.exception() is None}
    refused = {who: f.exception() for who, f in futures.items() if f.exception() is not None}
    assert len(saved) == 1 and len(refused) == 1, (saved, refused)
    [(winner, author)] = saved.items()
    [(_loser, error)] = refused.items()
    assert author == winner
    assert isinstance(error, StaleVersion)
    assert (error.expected, error.found) == (start, start + 1)
    assert attempts == {"Ana": 1, "Bo": 1}  # nobody's job had to run twice
    [current] = entries(postgres_store, book)
    assert (current.reason, current.author) == (f"by {winner}", winner)
    history = read(postgres_store, lambda p: p.entry_history(entry_id))
    assert [(h.action, h.author) for h in history] == [
        (HistoryAction.CREATE, "Mei"),
        (HistoryAction.UPDATE, winner),
    ]
    assert version(postgres_store, book) == start + 1


def test_versions_count_every_change_made_at_once(postgres_store: PostgresStore) -> None:
    """Changes without an expected version (deletes, imports) from many writers at once:
    each makes its own version, so a reader never holds a version that misses one."""
    book = new_book(postgres_store)
    texts = [f"term {number}" for number in range(12)]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        futures = [
            pool.submit(
                write,
                postgres_store,
                lambda p, t=text: p.add_entry(book, taboo(t), author="A", now=T0),
            )
            for text in texts
        ]
        for future in futures:
            future.result()
    assert version(postgres_store, book) == len(texts)
    assert sorted(e.text for e in entries(postgres_store, book)) == sorted(texts)
    history = read(postgres_store, lambda p: p.phrasebook_history(book))
    assert len(history) == len(texts)
    assert [h.id for h in history] == sorted((h.id for h in history), reverse=True)


# --- times -------------------------------------------------------------------------------


@pytest.fixture
def zones() -> Iterator[None]:
    """Lets the test move the computer between zones; puts its own zone back."""
    before = os.environ.get("TZ")
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


def _zone(name: str) -> None:
    os.environ["TZ"] = name
    time.tzset()


@on_every_backend
def test_times_are_instants_read_as_this_computers_wall_time(backend: Store, zones: None) -> None:
    """Written in Shanghai (naive wall times, as the domain holds them), read in New York
    as the same instants, to the second."""
    _zone("Asia/Shanghai")
    written = dt.datetime(2026, 11, 28, 9, 0, 5, 123456)  # Shanghai wall time
    book = write(backend, lambda p: p.create_phrasebook("Brand", now=written))
    assert book.created_at == written.replace(microsecond=0)
    entry_id = add(backend, book.id, taboo("hey"), at=written)

    _zone("America/New_York")
    instant = written.replace(microsecond=0, tzinfo=ZoneInfo("Asia/Shanghai"))
    there = instant.astimezone(ZoneInfo("America/New_York")).replace(tzinfo=None)
    assert there == dt.datetime(2026, 11, 27, 20, 0, 5)
    found = read(backend, lambda p: p.find_phrasebook("Brand"))
    assert found is not None and found.created_at == there
    assert read(backend, lambda p: p.get_entry(entry_id)).entry.changed_at == there
    [change] = read(backend, lambda p: p.entry_history(entry_id))
    assert change.at == there
