"""Customer import (console.services.imports): a large file is parsed in a worker process
while the database thread writes; the result must not depend on where it was parsed, how
it was cut into chunks, or whether worker processes exist at all."""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest

from console.services import imports
from console.services.imports import ImportResult, import_customers
from console.storage.sqlite.runner import DatabaseRunner
from tests.unit.conftest import add_customer

HEADER = "name,preferred_name,phones,email,member_no,birthday,tier,preferences,notes\r\n"


def good_row(i: int) -> str:
    if i % 3 == 0:
        return f"张伟{i},张先生,+86138{i:08d},,M{i:05d},1990-01-{1 + i % 28:02d},gold,茶;安静,\r\n"
    if i % 3 == 1:
        return f"Zoë O'Brien {i},Zoë,+1 650 253 {i:04d},zoe{i}@example.com,M{i:05d},,,,note {i}\r\n"
    return f"Ann Patel {i},Dr. Patel,work:+44 20 7946 {i:04d},,M{i:05d},--02-29,vip,,\r\n"


def customers_file(tmp_path: Path, *, bad: bool = True, broken_end: bool = False) -> Path:
    lines = [good_row(i) for i in range(1, 41)]
    if bad:
        lines[4] = "Bad Phone,,+86 1381234,,,,,,\r\n"
        lines[11] = "Bad Date,,,,,1990-02-30,,,\r\n"
        lines[17] = "Same Member,,,,M00002,,,,\r\n"  # also on line 3
        lines[25] = "Taken Phone,,+8613900001111,,,,,,\r\n"  # an existing customer's
    data = (HEADER + "".join(lines)).encode()
    if broken_end:
        data += b"Late,,,,,,,,\xff\r\n"
    path = tmp_path / "customers.csv"
    path.write_bytes(data)
    return path


def snapshot(runner: DatabaseRunner) -> list[Any]:
    """Everything an import writes, apart from the time it ran."""

    def read(db: Any) -> list[Any]:
        return [
            db.execute(
                "SELECT id, name, preferred_name, romanisation, email, member_no, birthday_month, "
                "birthday_day, birthday_year, preferences, notes, tier, visit_count, last_visit "
                "FROM customers ORDER BY id"
            ).fetchall(),
            db.execute(
                "SELECT customer_id, e164, label, position FROM phones ORDER BY id"
            ).fetchall(),
            [  # terms in any order (another process iterates sets in another order)
                (*row[:3], sorted(row[3].split(" ")))
                for row in db.execute(
                    "SELECT customer_id, rank_key, names, terms FROM search_docs "
                    "ORDER BY customer_id"
                )
            ],
            db.execute(
                "SELECT rowid FROM search_docs_fts WHERE search_docs_fts MATCH 'atel'"
            ).fetchall(),
        ]

    return runner.call(read)


def outcome(result: ImportResult, runner: DatabaseRunner) -> tuple[Any, ...]:
    return result.imported, [str(e) for e in result.errors], snapshot(runner)


class DyingPool:
    """A process pool whose one worker (run here) dies after *lives* chunks."""

    lives = 2

    def __init__(self, *, initializer: Callable[..., None], initargs: tuple[Any, ...], **_: Any):
        initializer(*initargs)
        self.left = self.lives

    def submit(self, fn: Callable[[], Any]) -> concurrent.futures.Future[Any]:
        future: concurrent.futures.Future[Any] = concurrent.futures.Future()
        if self.left > 0:
            self.left -= 1
            future.set_result(fn())
        else:
            future.set_exception(BrokenProcessPool("the worker died"))
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        pass


def no_processes(**_: Any) -> None:
    raise OSError("no worker processes here")


def set_mode(monkeypatch: pytest.MonkeyPatch, mode: str) -> None:
    """How the file is parsed: in this thread or a worker, in chunks of 7 records."""
    monkeypatch.setattr(imports, "CHUNK", 7)
    monkeypatch.setattr(imports, "BULK_FROM_CHUNK", 1)
    if mode == "here":
        monkeypatch.setattr(imports, "PARALLEL_FROM_BYTES", 1 << 60)
        return
    monkeypatch.setattr(imports, "PARALLEL_FROM_BYTES", 0)
    monkeypatch.setattr(imports.os, "cpu_count", lambda: 2)
    if mode == "worker_dies":
        monkeypatch.setattr(imports.concurrent.futures, "ProcessPoolExecutor", DyingPool)
    elif mode == "no_processes":
        monkeypatch.setattr(imports.concurrent.futures, "ProcessPoolExecutor", no_processes)
    else:
        assert mode == "worker"


def run_import(tmp_path: Path, path: Path, name: str, **options: Any) -> tuple[Any, ...]:
    db = tmp_path / f"{name}.db"
    while db.exists():
        db = db.with_name(f"{db.stem}+.db")
    runner = DatabaseRunner(db)
    runner.open()
    try:
        add_customer(runner, "Existing", phones=["+8613900001111"])
        result = import_customers(runner, path, region="CN", **options)
        return outcome(result, runner)
    finally:
        runner.close()


def reference(tmp_path: Path, path: Path, **options: Any) -> tuple[Any, ...]:
    """The plain way: one chunk, parsed in this thread, no bulk-load shortcuts."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(imports, "PARALLEL_FROM_BYTES", 1 << 60)
        patch.setattr(imports, "BULK_FROM_CHUNK", 1 << 60)
        patch.setattr(imports, "CHUNK", 1 << 60)
        return run_import(tmp_path, path, "reference", **options)


OPTIONS = [
    {},
    {"skip_invalid": True},
    {"dry_run": True, "skip_invalid": True},
]


@pytest.mark.parametrize("mode", ["here", "worker_dies", "no_processes"])
@pytest.mark.parametrize("options", OPTIONS, ids=["all_or_nothing", "skip_invalid", "dry_run"])
def test_chunks_and_fallbacks_give_the_same_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str, options: dict[str, bool]
) -> None:
    path = customers_file(tmp_path)
    expected = reference(tmp_path, path, **options)
    set_mode(monkeypatch, mode)
    assert run_import(tmp_path, path, mode, **options) == expected


def test_reference_import_is_what_the_contract_says(tmp_path: Path) -> None:
    path = customers_file(tmp_path)
    imported, errors, _ = reference(tmp_path, path)
    assert imported == 0
    assert errors == [
        "line 6, column phones: '+86 1381234' is not a valid phone number for region CN",
        "line 13, column birthday: 1990-02-30 is not a date",
        "line 19, column member_no: member number 'M00002' is already used on line 3",
        "line 27, column phones: +8613900001111 already belongs to Existing (#1)",
    ]
    imported, errors, (customers, phones, docs, atel) = reference(tmp_path, path, skip_invalid=True)
    assert (imported, len(errors), len(customers), len(docs)) == (36, 4, 37, 37)
    assert len(atel) == 11  # Patel found by a substring, through the trigram index
    assert len(phones) == 37


def test_worker_process_gives_the_same_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = customers_file(tmp_path)
    expected = reference(tmp_path, path, skip_invalid=True)
    set_mode(monkeypatch, "worker")
    assert run_import(tmp_path, path, "worker", skip_invalid=True) == expected


@pytest.mark.parametrize("mode", ["here", "worker", "worker_dies"])
def test_a_late_format_error_imports_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    path = customers_file(tmp_path, bad=False, broken_end=True)
    expected = reference(tmp_path, path, skip_invalid=True)
    imported, errors, (customers, *_rest) = expected
    assert (imported, len(customers)) == (0, 1)
    assert len(errors) == 1 and errors[0].startswith("line 42")
    set_mode(monkeypatch, mode)
    assert run_import(tmp_path, path, mode, skip_invalid=True) == expected
