"""The phrasebook service: default book, permissions, validation, history, files, matcher.

Tests marked ``on_every_backend`` run on SQLite and PostgreSQL. Those that sign staff in
with another role, or make a book active through the service (an audited settings
change), need the staff repository and stay on SQLite until it is on PostgreSQL too.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import dataclasses
import json
import threading
from pathlib import Path
from typing import Any

import pytest

from console.domain.phrase_matcher import Matcher, ProblemCode
from console.domain.phrasebook import EntryKind, Language, PhraseEntry, Severity, Situation
from console.domain.phrasebook_io import read_phrasebook
from console.domain.roles import Role
from console.domain.staff import Session, StaffMember
from console.repositories import Store
from console.services import phrasebooks as phrasebook_service
from console.services import settings as opts
from console.services.identity import Identity
from console.services.phrasebooks import (
    DEFAULT_PHRASEBOOK_FILE,
    EntryNotFound,
    HistoryAction,
    PermissionDenied,
    PhrasebookFormatError,
    PhrasebookInvalid,
    PhrasebookNameTaken,
    PhrasebookNotFound,
    PhrasebookService,
    VersionNotRestorable,
)
from console.services.settings import SettingsService
from console.storage.postgres.repositories import NotOnPostgresYet
from console.storage.sqlite.runner import DatabaseRunner
from tests.people import signed_in, switch
from tests.unit.conftest import ALL_BACKENDS, NOW, Clock, run

on_every_backend = pytest.mark.parametrize("backend", ALL_BACKENDS, indirect=True)

SMALL_CSV = """\
kind,language,text,severity,replacements,reason,situation,exceptions
approved,en,Certainly,,,,confirm_understanding,
approved,en,"Good morning, {preferred_name}.",,,,greeting,
approved,zh-Hant,您好，歡迎光臨！,,,,greeting,
approved,any,Thank you for waiting.,,,,thanks_for_patience,
taboo,en,hey,warn,Hello|Good morning,Too casual for a guest.,,
taboo,en,no problem,hint,My pleasure,Sounds as if it was a bother.,,No Problem Tea
taboo,zh-Hans,这里就是这样的,block,我来想想办法,Refuses to help.,,
"""


def taboo(text: str, **fields: Any) -> PhraseEntry:
    fields.setdefault("severity", Severity.WARN)
    fields.setdefault("language", Language.EN)
    return PhraseEntry(kind=EntryKind.TABOO, text=text, **fields)


def approved(text: str, **fields: Any) -> PhraseEntry:
    fields.setdefault("situation", Situation.GREETING)
    fields.setdefault("language", Language.EN)
    return PhraseEntry(kind=EntryKind.APPROVED, text=text, **fields)


def content(entry: PhraseEntry) -> PhraseEntry:
    return dataclasses.replace(entry, id=None, author="", changed_at=None)


@pytest.fixture
def books(backend: Store, settings: SettingsService, clock: Clock) -> PhrasebookService:
    return PhrasebookService(backend, settings, clock=clock)


def has_staff(backend: Store) -> bool:
    """Whether *backend* has the staff repository (sign-in, the audit trail) yet."""
    try:
        backend.read_now(lambda r: r.staff)
    except NotOnPostgresYet:
        return False
    return True


class _SignedIn:
    """Who is signed in, as :class:`StaffService` holds it after a sign-in."""

    def __init__(self, session: Session, clock: Clock) -> None:
        self.session: Session | None = session
        self.clock = clock


@pytest.fixture
def small(backend: Store, settings: SettingsService, clock: Clock) -> PhrasebookService:
    """The service with a small phrasebook "Test" as the active one, admin "Mei".

    Where the backend has no staff yet (PostgreSQL), Mei's session is what a sign-in
    leaves and "Test" is written to the setting directly (the service's change of the
    active book is audited); the phrasebook work itself is the same on both."""
    if has_staff(backend):
        identity = signed_in(backend, "admin", "Mei", clock)
    else:
        mei = Session(StaffMember(1, "Mei", Role.ADMIN), clock.utc())
        identity = Identity(backend, None, _SignedIn(mei, clock), clock=clock)
    books = PhrasebookService(backend, settings, clock=clock, identity=identity)
    run(books.import_phrasebook(SMALL_CSV.encode(), book="Test"))
    if has_staff(backend):
        run(books.set_active_phrasebook("Test"))
    else:
        backend.write_now(lambda r: r.settings.put(opts.ACTIVE_PHRASEBOOK.key, "Test"))
    assert run(books.active_phrasebook()).name == "Test"
    return books


def entry_id(books: PhrasebookService, text: str) -> int:
    [found] = [e for e in run(books.entries()) if e.text == text]
    assert found.id is not None
    return found.id


def terms_found(books: PhrasebookService, text: str) -> list[str]:
    return [finding.term for finding in run(books.check(text))]


# --- the default phrasebook ----------------------------------------------------------


@on_every_backend
def test_first_use_creates_the_default_book_from_resources(books: PhrasebookService) -> None:
    shipped = read_phrasebook(DEFAULT_PHRASEBOOK_FILE)
    active = run(books.active_phrasebook())
    assert active.name == "Default"
    assert [content(e) for e in run(books.entries())] == shipped
    # Once only: later uses find it.
    assert run(books.active_phrasebook()) == active
    assert [b.name for b in run(books.list_phrasebooks())] == ["Default"]
    history = run(books.recent_changes(limit=1000))
    assert len(history) == len(shipped)
    assert {(h.action, h.author) for h in history} == {(HistoryAction.IMPORT, "Service Console")}
    assert "这里就是这样的" in terms_found(books, "這裡就是這樣的")


def test_the_default_book_is_created_even_for_an_agent(
    runner: DatabaseRunner, settings: SettingsService
) -> None:
    books = PhrasebookService(runner, settings, identity=signed_in(runner, "agent"))
    assert terms_found(books, "hey, OK的") == ["hey", "OK"]


@on_every_backend
def test_an_unknown_active_book_is_reported(books: PhrasebookService, backend: Store) -> None:
    backend.write_now(lambda r: r.settings.put(opts.ACTIVE_PHRASEBOOK.key, "Gone Brand"))
    with pytest.raises(PhrasebookNotFound, match="Gone Brand"):
        run(books.matcher())
    with pytest.raises(PhrasebookNotFound):
        run(books.set_active_phrasebook("Nobody"))


def test_books_are_created_and_made_active(
    books: PhrasebookService, settings: SettingsService
) -> None:
    created = run(books.create_phrasebook("Aurora Hotel"))
    with pytest.raises(PhrasebookNameTaken):
        run(books.create_phrasebook("aurora hotel"))
    run(books.set_active_phrasebook("AURORA HOTEL"))
    assert run(settings.get(opts.ACTIVE_PHRASEBOOK)) == "Aurora Hotel"
    assert run(books.active_phrasebook()) == created
    assert run(books.entries()) == []
    assert run(books.check("hey")) == []


# --- permissions ---------------------------------------------------------------------


def test_the_local_operator_may_edit_and_the_author_is_who_signed_in(
    books: PhrasebookService, runner: DatabaseRunner, settings: SettingsService, clock: Clock
) -> None:
    added = run(books.add_entry(taboo("blorpish")))
    assert added.author.startswith("cli:")  # nobody signed in: the OS account
    trainer = signed_in(runner, "trainer", "Li Na", clock)
    books = PhrasebookService(runner, settings, clock=clock, identity=trainer)
    assert added.id is not None
    edited = run(books.update_entry(added.id, taboo("blorpish", severity=Severity.BLOCK)))
    assert edited.author == "Li Na"
    assert [h.author for h in run(books.history(added.id))] == [added.author, "Li Na"]


def test_agents_cannot_change_the_phrasebook(small: PhrasebookService) -> None:
    switch(small._identity, "agent")
    hey = entry_id(small, "hey")
    version = run(small.version())
    first_change = run(small.history(hey))[0].id
    attempts = [
        small.add_entry(taboo("blorpish")),
        small.update_entry(hey, taboo("hey", severity=Severity.BLOCK)),
        small.delete_entry(hey),
        small.restore_version(first_change),
        small.import_phrasebook(SMALL_CSV.encode()),
        small.create_phrasebook("Mine"),
        small.set_active_phrasebook("Default"),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied, match="an agent may not edit phrasebook"):
            run(attempt)
    assert run(small.version()) == version
    # Reading and checking stay open to everyone.
    assert terms_found(small, "hey") == ["hey"]
    assert run(small.export_bytes("json"))


@pytest.mark.parametrize("role", ["trainer", "manager", "admin"])
def test_trainers_managers_and_admins_can_edit(small: PhrasebookService, role: str) -> None:
    switch(small._identity, role)
    run(small.add_entry(taboo("blorpish")))
    assert "blorpish" in terms_found(small, "blorpish you say")


# --- validation ----------------------------------------------------------------------


def refused(books: PhrasebookService, attempt: Any) -> PhrasebookInvalid:
    version = run(books.version())
    with pytest.raises(PhrasebookInvalid) as info:
        run(attempt)
    assert run(books.version()) == version, "nothing may be saved"
    return info.value


@on_every_backend
def test_a_taboo_term_that_is_also_approved_is_refused(small: PhrasebookService) -> None:
    error = refused(small, small.add_entry(taboo("certainly")))
    [problem] = error.problems
    assert problem.code is ProblemCode.TABOO_IS_APPROVED
    assert set(problem.entry_ids) == {None, entry_id(small, "Certainly")}
    assert "the new entry" in str(problem.message)
    assert "certainly" not in terms_found(small, "Certainly!")


@on_every_backend
def test_a_replacement_that_is_itself_taboo_is_refused(small: PhrasebookService) -> None:
    error = refused(small, small.add_entry(taboo("yo", replacements=("Hey there",))))
    [problem] = error.problems
    assert problem.code is ProblemCode.REPLACEMENT_IS_TABOO
    assert problem.entry_ids == (None, entry_id(small, "hey"))
    assert "'Hey there'" in str(problem.message)


@on_every_backend
def test_a_duplicate_after_normalisation_is_refused(small: PhrasebookService) -> None:
    error = refused(small, small.add_entry(taboo("ＨＥＹ", severity=Severity.BLOCK)))
    [problem] = error.problems
    assert problem.code is ProblemCode.DUPLICATE
    assert set(problem.entry_ids) == {entry_id(small, "hey"), None}
    # Simplified and Traditional are the same term too.
    error = refused(small, small.add_entry(taboo("這裡就是這樣的", language=Language.ZH_HANT)))
    assert [p.code for p in error.problems] == [ProblemCode.DUPLICATE]


@on_every_backend
def test_an_empty_term_is_refused(small: PhrasebookService) -> None:
    error = refused(small, small.add_entry(taboo("   ")))
    assert [(p.code, p.entry_ids) for p in error.problems] == [(ProblemCode.EMPTY_TEXT, (None,))]
    hey = entry_id(small, "hey")
    error = refused(small, small.update_entry(hey, taboo("\u200b")))
    assert [(p.code, p.entry_ids) for p in error.problems] == [(ProblemCode.EMPTY_TEXT, (hey,))]
    assert f"entry #{hey}" in str(error.problems[0].message)


@on_every_backend
def test_an_edit_that_creates_a_problem_is_refused(small: PhrasebookService) -> None:
    hey = entry_id(small, "hey")
    error = refused(small, small.update_entry(hey, taboo("Thank you for waiting")))
    assert [p.code for p in error.problems] == [ProblemCode.APPROVED_IS_FLAGGED]
    assert hey in error.problems[0].entry_ids
    assert "hey" in terms_found(small, "hey")


@on_every_backend
def test_fields_of_the_other_kind_are_refused(small: PhrasebookService) -> None:
    with pytest.raises(ValueError, match="only for taboo"):
        run(small.add_entry(approved("Hello", severity=Severity.WARN)))
    with pytest.raises(ValueError, match="only for approved"):
        run(small.add_entry(taboo("yo", situation=Situation.GREETING)))


@on_every_backend
def test_problems_the_book_already_had_do_not_block_other_edits(
    small: PhrasebookService, backend: Store
) -> None:
    book = run(small.active_phrasebook())
    # Written straight through the repository, as an older version might have left it.
    old = Clock(NOW).local_naive()
    backend.write_now(
        lambda r: r.phrasebooks.add_entry(book.id, taboo("HEY"), author="old", now=old)
    )
    assert [p.code for p in run(small.problems())] == [ProblemCode.DUPLICATE]
    added = run(small.add_entry(taboo("cheap", severity=Severity.HINT)))
    assert added.text == "cheap"
    refused(small, small.add_entry(taboo("Certainly")))  # a new problem still blocks
    run(small.delete_entry(entry_id(small, "HEY")))
    assert run(small.problems()) == []


@on_every_backend
def test_a_change_is_validated_again_when_the_book_moved_on_meanwhile(
    small: PhrasebookService, backend: Store, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    """Another console adds "YOU GUYS" between our read and our write: our "you guys"
    is checked again against the new version and refused as a duplicate."""
    book = run(small.active_phrasebook())
    real = small._compute
    checked: list[list[str]] = []  # the entries each validation started from
    versions: list[int] = []

    async def someone_edits_while_we_check(fn: Any, *args: Any, **kwargs: Any) -> Any:
        if fn is phrasebook_service._new_problems:
            checked.append([entry.text for entry in args[0]])
            versions.append(await small.version())
            if len(checked) == 1:
                await backend.write(
                    lambda r: r.phrasebooks.add_entry(
                        book.id, taboo("YOU GUYS"), author="Other", now=clock.local_naive()
                    )
                )
        return await real(fn, *args, **kwargs)

    monkeypatch.setattr(small, "_compute", someone_edits_while_we_check)
    with pytest.raises(PhrasebookInvalid) as info:
        run(small.add_entry(taboo("you guys")))
    assert [p.code for p in info.value.problems] == [ProblemCode.DUPLICATE]
    assert len(checked) == 2 and versions[1] > versions[0]
    assert "YOU GUYS" not in checked[0] and "YOU GUYS" in checked[1]
    assert [e.text for e in run(small.entries(text_contains="guys"))] == ["YOU GUYS"]


# --- edits, history and restore ------------------------------------------------------


@on_every_backend
def test_add_edit_delete_and_restore(small: PhrasebookService, clock: Clock) -> None:
    added = run(small.add_entry(taboo("  you people ", replacements=(" everyone ", ""))))
    assert added.id is not None
    assert (added.text, added.replacements, added.author) == ("you people", ("everyone",), "Mei")
    assert added.changed_at == clock.local_naive()

    run(small.update_entry(added.id, taboo("you people", severity=Severity.BLOCK, reason="v2")))
    run(small.update_entry(added.id, taboo("you guys", severity=Severity.BLOCK, reason="v3")))
    assert terms_found(small, "you people and you guys") == ["you guys"]

    run(small.delete_entry(added.id))
    assert terms_found(small, "you guys") == []
    assert added.id not in {e.id for e in run(small.entries())}
    with pytest.raises(EntryNotFound, match="deleted"):
        run(small.update_entry(added.id, taboo("you guys")))
    assert run(small.entry(added.id)).deleted

    history = run(small.history(added.id))
    assert [h.action for h in history] == [
        HistoryAction.CREATE,
        HistoryAction.UPDATE,
        HistoryAction.UPDATE,
        HistoryAction.DELETE,
    ]
    with pytest.raises(VersionNotRestorable):
        run(small.restore_version(history[-1].id))
    restored = run(small.restore_version(history[1].id))  # the "v2" version
    assert (restored.text, restored.reason, restored.severity) == (
        "you people",
        "v2",
        Severity.BLOCK,
    )
    assert terms_found(small, "you people and you guys") == ["you people"]
    assert run(small.history(added.id))[-1].action is HistoryAction.RESTORE
    changes = run(small.recent_changes(limit=2))
    assert [c.action for c in changes] == [HistoryAction.RESTORE, HistoryAction.DELETE]


@on_every_backend
def test_a_restore_that_would_clash_is_refused(small: PhrasebookService) -> None:
    added = run(small.add_entry(taboo("you guys")))
    assert added.id is not None
    first = run(small.history(added.id))[0]
    run(small.delete_entry(added.id))
    run(small.add_entry(taboo("YOU GUYS", severity=Severity.BLOCK)))
    error = refused(small, small.restore_version(first.id))
    assert [p.code for p in error.problems] == [ProblemCode.DUPLICATE]
    assert added.id in error.problems[0].entry_ids


@on_every_backend
def test_entries_are_filtered(small: PhrasebookService) -> None:
    def texts(**filters: Any) -> list[str]:
        return [e.text for e in run(small.entries(**filters))]

    assert texts(kind=EntryKind.TABOO) == ["hey", "no problem", "这里就是这样的"]
    assert texts(severity=Severity.BLOCK) == ["这里就是这样的"]
    assert texts(situation=Situation.GREETING, language=Language.ZH_HANT) == ["您好，歡迎光臨！"]
    assert texts(text_contains="good") == ["Good morning, {preferred_name}."]
    assert len(texts(book="Default")) > 100


# --- import and export ---------------------------------------------------------------


@on_every_backend
def test_import_reports_every_bad_row_and_imports_nothing(small: PhrasebookService) -> None:
    before = run(small.entries())
    bad = (
        "kind,language,text,severity,replacements,reason,situation,exceptions\n"
        "taboo,en,hey,warn,,,,\n"
        "taboo,en,cheap,loud,,,,\n"
        "approved,en,Hello,,,,,\n"
        "taboo,klingon,yo,warn,,,,\n"
    )
    with pytest.raises(PhrasebookFormatError) as info:
        run(small.import_phrasebook(bad.encode()))
    assert [e.line for e in info.value.errors] == [3, 4, 5]
    assert "severity" in info.value.errors[0].reason
    assert run(small.entries()) == before


@on_every_backend
def test_import_with_validation_problems_names_the_lines_and_imports_nothing(
    small: PhrasebookService,
) -> None:
    before = run(small.entries())
    text = (
        "kind,language,text,severity,replacements,reason,situation,exceptions\n"
        "taboo,en,hey,warn,,,,\n"
        "taboo,en,cheap,warn,,,,\n"
        "taboo,en,HEY,block,,,,\n"
    )
    with pytest.raises(PhrasebookInvalid) as info:
        run(small.import_phrasebook(text.encode(), book="Test"))
    [problem] = info.value.problems
    assert problem.code is ProblemCode.DUPLICATE
    assert "line 2" in str(problem.message) and "line 4" in str(problem.message)
    assert run(small.entries()) == before
    with pytest.raises(PhrasebookInvalid):
        run(small.import_phrasebook(text.encode(), book="Brand New"))
    assert "Brand New" not in [b.name for b in run(small.list_phrasebooks())]


@on_every_backend
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_then_import_round_trips(small: PhrasebookService, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"book.{fmt}"
    assert run(small.export_phrasebook(path)) == 7
    if fmt == "csv":
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    else:
        assert len(json.loads(path.read_text(encoding="utf-8"))) == 7

    report = run(small.import_phrasebook(path, book="Copy"))
    assert report.created and report.summary.added == 7
    original = [content(e) for e in run(small.entries())]
    assert [content(e) for e in run(small.entries("Copy"))] == original

    version = run(small.version())
    report = run(small.import_phrasebook(path))
    assert not report.created
    assert (report.summary.unchanged, report.summary.total) == (7, 7)
    assert run(small.version()) == version  # nothing changed, nothing recorded


@on_every_backend
def test_import_replaces_the_book_and_the_matcher_follows(small: PhrasebookService) -> None:
    assert terms_found(small, "hey, no problem") == ["hey", "no problem"]
    text = SMALL_CSV.replace("taboo,en,hey,warn", "taboo,en,cheap,warn")
    report = run(small.import_phrasebook(text.encode()))
    assert (report.summary.added, report.summary.removed) == (1, 1)
    assert terms_found(small, "hey, cheap, no problem") == ["cheap", "no problem"]


@on_every_backend
def test_export_of_an_unknown_book_fails(small: PhrasebookService, tmp_path: Path) -> None:
    with pytest.raises(PhrasebookNotFound):
        run(small.export_phrasebook(tmp_path / "x.csv", book="Nobody"))
    assert not (tmp_path / "x.csv").exists()


# --- the matcher and the picker ------------------------------------------------------


@on_every_backend
def test_the_matcher_is_cached_and_rebuilt_after_an_edit(small: PhrasebookService) -> None:
    first = run(small.matcher())
    assert run(small.matcher()) is first
    assert terms_found(small, "That's blorpy, no problem at No Problem Tea") == ["no problem"]
    run(small.add_entry(taboo("blorpy", severity=Severity.BLOCK, reason="Made up.")))
    [blorpy, no_problem] = run(small.check("That's blorpy, no problem at No Problem Tea"))
    assert (blorpy.term, blorpy.severity, blorpy.reason) == ("blorpy", Severity.BLOCK, "Made up.")
    assert no_problem.term == "no problem"
    assert run(small.matcher()) is not first


@on_every_backend
def test_an_edit_through_another_console_is_seen_by_the_version(
    small: PhrasebookService, backend: Store, settings: SettingsService, clock: Clock
) -> None:
    assert terms_found(small, "frankly") == []
    other = PhrasebookService(backend, settings, clock=clock)
    run(other.add_entry(taboo("frankly", severity=Severity.HINT)))
    assert terms_found(small, "frankly") == ["frankly"]


def test_switching_the_active_book_switches_the_matcher(small: PhrasebookService) -> None:
    assert terms_found(small, "You are a 麻烦 customer, hey") == ["hey"]
    run(small.set_active_phrasebook("Default"))
    assert "hey" in terms_found(small, "hey")
    assert run(small.active_phrasebook()).name == "Default"


@on_every_backend
def test_concurrent_callers_share_one_build(small: PhrasebookService) -> None:
    run(small.add_entry(taboo("blorpy")))

    async def many() -> list[Matcher]:
        return await asyncio.gather(*(small.matcher() for _ in range(5)))

    matchers = run(many())
    assert all(m is matchers[0] for m in matchers)


@on_every_backend
def test_a_failed_build_is_tried_again(
    small: PhrasebookService, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Matcher.build
    calls: list[int] = []

    def flaky(entries: Any) -> Matcher:
        calls.append(1)
        if len(calls) == 1:
            raise MemoryError("out of memory")
        return real(entries)

    monkeypatch.setattr(Matcher, "build", staticmethod(flaky))
    with pytest.raises(MemoryError):
        run(small.matcher())
    assert terms_found(small, "hey") == ["hey"]
    assert len(calls) == 2


@on_every_backend
def test_approved_phrases_for_the_picker(small: PhrasebookService) -> None:
    greetings = run(small.approved(Situation.GREETING, Language.ZH_HANT))
    assert [p.text for p in greetings] == ["您好，歡迎光臨！"]
    waiting = run(small.approved(Situation.THANKS_FOR_PATIENCE, Language.EN))
    assert [p.text for p in waiting] == ["Thank you for waiting."]  # language "any"
    everything = run(small.approved())
    assert len(everything) == 4 and all(p.kind is EntryKind.APPROVED for p in everything)
    run(
        small.add_entry(
            approved("Welcome back, {preferred_name}!", situation=Situation.WELCOME_BACK)
        )
    )
    assert [p.text for p in run(small.approved(Situation.WELCOME_BACK, Language.EN))] == [
        "Welcome back, {preferred_name}!"
    ]


@on_every_backend
def test_entries_and_version_read_together(small: PhrasebookService) -> None:
    book, entries, version = run(small.entries_and_version())
    assert book.name == "Test" and len(entries) == 7
    assert version == run(small.version())
    run(small.add_entry(taboo("blorpy")))
    assert run(small.version()) > version


@on_every_backend
def test_two_consoles_adding_at_once_cannot_both_save_a_duplicate(
    backend: Store, settings: SettingsService, clock: Clock
) -> None:
    """Two consoles validate "you guys" and "YOU GUYS" against the same version of the
    book at the same moment: one is saved, the other is checked again against the book
    as it now is and refused as a duplicate of the first."""
    run(PhrasebookService(backend, settings, clock=clock).import_phrasebook(SMALL_CSV.encode()))
    both_checked = threading.Barrier(2, timeout=10)

    def console(text: str) -> PhraseEntry:
        books = PhrasebookService(backend, settings, clock=clock)
        real = books._compute
        checks = 0

        async def check_together(fn: Any, *args: Any, **kwargs: Any) -> Any:
            nonlocal checks
            if fn is phrasebook_service._new_problems:
                checks += 1
                if checks == 1:
                    both_checked.wait()  # both have read the book, neither has saved
            return await real(fn, *args, **kwargs)

        books._compute = check_together  # type: ignore[method-assign]
        return asyncio.run(books.add_entry(taboo(text)))

    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        futures = [pool.submit(console, text) for text in ("you guys", "YOU GUYS")]
        concurrent.futures.wait(futures)
    saved = [f.result() for f in futures if f.exception() is None]
    refused = [f.exception() for f in futures if f.exception() is not None]
    assert len(saved) == 1 and len(refused) == 1, refused
    [error] = refused
    assert isinstance(error, PhrasebookInvalid)
    assert [p.code for p in error.problems] == [ProblemCode.DUPLICATE]
    assert saved[0].id in error.problems[0].entry_ids
    books = PhrasebookService(backend, settings, clock=clock)
    assert [e.text for e in run(books.entries(text_contains="guys"))] == [saved[0].text]
