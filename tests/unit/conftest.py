"""Fixtures for storage and service tests: a database on tmp_path, a settable clock.

Every database opened during a test is closed at teardown, whether the test opened it
through a :class:`DatabaseRunner` or by calling ``connect`` directly (autouse).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import sys
import threading
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from console import cli
from console.domain.clock import FixedClock as Clock
from console.domain.customer import Customer, Phone, PurchaseItem, Visit
from console.domain.customer import Purchase as PurchaseRecord
from console.repositories import Repositories, Store
from console.services.customers import CustomerService
from console.services.settings import SettingsService
from console.storage.console_config import ConsoleConfig
from console.storage.sqlite import database
from console.storage.sqlite import runner as runner_module
from console.storage.sqlite.runner import DatabaseRunner

T = TypeVar("T")

NOW = dt.datetime(2026, 11, 28, 10, 0)


@pytest.fixture(autouse=True)
def _close_every_database(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Track every connection and runner a test opens; close the leftovers at teardown."""
    opened: list[tuple[int, Any]] = []
    runners: list[DatabaseRunner] = []
    real_connect = database.connect

    def tracking_connect(path: Path | str, key: Any = None) -> Any:
        db = real_connect(path, key)
        opened.append((threading.get_ident(), db))
        return db

    real_init = DatabaseRunner.__init__

    def tracking_init(self: DatabaseRunner, path: Path | str, key: Any = None) -> None:
        real_init(self, path, key)
        runners.append(self)

    monkeypatch.setattr(database, "connect", tracking_connect)
    monkeypatch.setattr(runner_module, "connect", tracking_connect)
    monkeypatch.setattr(DatabaseRunner, "__init__", tracking_init)
    yield
    for r in runners:
        r.close()  # idempotent; closes its connection on its own thread
    main = threading.get_ident()
    for thread, db in opened:
        if thread == main:
            db.close()  # closing twice is harmless


def run(coro: Coroutine[Any, Any, T]) -> T:
    """Run one service coroutine to completion (the services are async)."""
    return asyncio.run(coro)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "console.db"


#: Every backend there is: the desk's SQLite file and the team's PostgreSQL.
ALL_BACKENDS = ["sqlite", "postgres"]
#: The stores the storage and service tests run against (each a
#: :class:`console.repositories.Store`): every backend, now that PostgreSQL has every
#: aggregate (issue 15). Tests of one store's own machinery take ``runner`` (SQLite) or
#: ``postgres_store``, or parametrize ``backend`` with that one store.
BACKENDS = ALL_BACKENDS


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, db_path: Path) -> Iterator[Store]:
    """A fresh, empty store of each backend (tests written against the interfaces)."""
    if request.param == "sqlite":
        r = DatabaseRunner(db_path)
        r.open()
        try:
            yield r
        finally:
            r.close()
    elif request.param == "postgres":
        yield request.getfixturevalue("postgres_store")
    else:  # pragma: no cover - the lists above name every backend
        raise AssertionError(f"no such backend: {request.param}")


@pytest.fixture
def runner(backend: Store) -> DatabaseRunner:
    """The SQLite store itself, for tests of SQLite's own code (raw ``call(fn, ...)``);
    such tests are skipped on other backends."""
    if not isinstance(backend, DatabaseRunner):
        pytest.skip("a test of the SQLite store")
    return backend


@pytest.fixture
def clock() -> Clock:
    """The app's clock pinned at NOW (wall time, whatever the machine's zone):
    ``clock.set(...)``, ``clock.advance(minutes=3)``."""
    return Clock(NOW)


@pytest.fixture
def settings(backend: Store) -> SettingsService:
    return SettingsService(backend, ConsoleConfig())  # this computer's settings.json


@pytest.fixture
def service(backend: Store, settings: SettingsService, clock: Clock) -> CustomerService:
    return CustomerService(backend, settings, clock=clock)


# --- quick helpers ------------------------------------------------------------------


def add_customer(
    store: Store,
    name: str,
    *,
    phones: list[str] | tuple[str, ...] = (),
    now: dt.datetime = NOW,
    **fields: Any,
) -> int:
    """Add a customer through the customers repository; *phones* are E.164 strings. One
    that shares a phone, e-mail or member number with another is kept as a duplicate on
    purpose (as staff's "save anyway" keeps it), so tests can set up look-alikes."""
    customer = Customer(name=name, phones=[Phone(p) for p in phones], **fields)

    def add(repos: Repositories) -> int:
        duplicate = bool(repos.customers.conflicts(customer))
        return repos.customers.add(customer, now=now, duplicate_ok=duplicate)

    return store.write_now(add)


def add_visit(store: Store, customer_id: int, at: dt.datetime, note: str = "") -> int:
    visit = Visit(customer_id, at, "Jing'an", "Li", note)
    return store.write_now(lambda r: r.history.add_visit(visit))


def add_purchase(
    store: Store,
    customer_id: int,
    at: dt.datetime,
    items: list[PurchaseItem],
    currency: str = "CNY",
) -> int:
    purchase = PurchaseRecord(customer_id, at, items, "Jing'an", "in store", currency)
    return store.write_now(lambda r: r.history.add_purchase(purchase))


def search_names(store: Store, query: str, limit: int = 20) -> list[str]:
    from console.domain.search_text import plan_query

    plan = plan_query(query)
    return [h.name for h in store.read_now(lambda r: r.search.find(plan, limit=limit))]


def runner_for(path: Path) -> DatabaseRunner:
    """A runner keyed as the app and the CLI key it (encrypted, key in the keychain)."""
    from console.wiring.desk import choose_key

    return DatabaseRunner(path, choose_key(path))


MANAGER, MANAGER_PIN = "Boss", "5820"


def add_manager(db: Path) -> None:
    """The first account (an admin, so also allowed the managers' bulk commands)."""
    from console.services.staff import AuditService, StaffService

    with runner_for(db) as r:
        staff = StaffService(r, AuditService(r))
        if asyncio.run(staff.needs_first_admin()):
            asyncio.run(staff.add_staff(None, name=MANAGER, role="admin", secret=MANAGER_PIN))


def _has_staff(db: Path) -> bool:
    """Read-only look (no runner, no migration): whether the file has staff accounts."""
    import sqlite3

    if not db.exists():
        return False
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return bool(conn.execute("SELECT count(*) FROM staff").fetchone()[0])
    except sqlite3.DatabaseError:
        return False


def run_cli(*argv: str) -> tuple[int, str]:
    """Run the CLI in-process; bulk import and export run ``--as`` a manager (PIN on
    stdin), who is added to the database first; backup and restore run ``--as`` the same
    manager (the test adds them where the database can hold them)."""
    args = list(argv)
    stdin = sys.stdin
    bulk = args[:1] in (["import"], ["export"]) and args[1:2] in (["customers"], ["purchases"])
    whole = args[:1] in (["backup"], ["restore"])
    if (bulk or whole) and "--as" not in args and "--db" in args:
        db = Path(args[args.index("--db") + 1])
        if bulk and (not db.exists() or db.suffix == ".db") and not _has_staff(db):
            add_manager(db)
        args[(2 if bulk else 1) : (2 if bulk else 1)] = ["--as", MANAGER]
        sys.stdin = io.StringIO(MANAGER_PIN + "\n")
    out = io.StringIO()
    try:
        code = cli.main(args, out=out)
    finally:
        sys.stdin = stdin
    return code, out.getvalue()
