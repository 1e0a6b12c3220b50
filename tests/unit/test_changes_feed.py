"""The console server's changes feed (0010_changes): every change noted in its own
transaction, in commit order, ids and kinds only; a console catches up from the last
number it saw (GET /api/v1/changes)."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import cast

import psycopg
import pytest

from console.domain.complaint import Complaint
from console.domain.customer import Customer, DuplicateFound, Phone
from console.domain.options import BY_KEY
from console.repositories import Repositories
from console.repositories.customers import NewCustomer
from console.services.complaints import ComplaintService
from console.services.customers import CustomerService
from console.services.remote import RemoteService
from console.services.server_client import ServerRefused
from console.storage.postgres.schema import CHANGE_BULK
from console.storage.postgres.store import PostgresStore
from tests.team_fixtures import AGENT_PIN, NOW, PIN, Running, add_team_staff


def _noted(data: dict[str, object]) -> list[tuple[str, str, str]]:
    changes = cast(list[dict[str, object]], data["changes"])
    return [(str(c["entity"]), str(c["id"]), str(c["action"])) for c in changes]


def test_what_one_console_changes_another_reads_from_the_feed(server: Running) -> None:
    add_team_staff(server.store, server.clock)
    front = server.console("Front desk 1")
    front.sign_in("Tom", AGENT_PIN)
    watcher = server.console("Wallboard")
    start = watcher.changes()["last"]
    assert isinstance(start, int) and start > 0  # the staff accounts

    customers = cast(CustomerService, RemoteService(front, "customers"))
    cid = asyncio.run(customers.save(Customer(name="Yu Hua", phones=[Phone("+8613812345678")])))
    asyncio.run(customers.log_visit(cid, note="Earl Grey"))
    complaints = cast(ComplaintService, RemoteService(front, "complaints"))
    kid = asyncio.run(
        complaints.create(
            Complaint(
                customer_id=cid,
                customer_words="cold tea",
                promise_due=NOW + dt.timedelta(hours=2),
            )
        )
    )
    seen = watcher.changes(after=start)
    noted = _noted(seen)
    assert ("customer", str(cid), "create") in noted
    assert noted.count(("customer", str(cid), "update")) >= 1  # phones, the visit
    assert ("complaint", str(kid), "create") in noted
    # In commit order: the customer before the visit before the complaint.
    assert noted.index(("customer", str(cid), "create")) < noted.index(
        ("complaint", str(kid), "create")
    )
    changes = cast(list[dict[str, object]], seen["changes"])
    numbers = [cast(int, c["seq"]) for c in changes]
    assert numbers == sorted(numbers) and seen["last"] == numbers[-1]
    # Nothing personal in a notice: the keys are all there is.
    keys = {"seq", "entity", "id", "action", "at", "console", "staff"}
    assert all(set(c) == keys for c in changes)
    assert {c["console"] for c in changes} == {"Front desk 1"}
    assert "Yu" not in str(seen) and "8613812345678" not in str(seen)

    # Catching up from the last number: only what came after.
    manager = server.console("Office")  # an enrolment is a change too
    assert _noted(watcher.changes(after=cast(int, seen["last"])))[-1][0] == "console"
    manager.sign_in("Mei", PIN)
    last = cast(int, watcher.changes()["last"])
    settings = RemoteService(manager, "settings")
    asyncio.run(settings.set(BY_KEY["follow_up_days"], 5))
    assert _noted(watcher.changes(after=last)) == [("setting", "follow_up_days", "create")]
    assert watcher.changes(after=last, limit=1)["last"] > last
    assert _noted(watcher.changes(after=cast(int, watcher.changes()["last"]))) == []


def test_a_refused_write_notes_nothing(server: Running) -> None:
    add_team_staff(server.store, server.clock)
    front = server.console("Front desk 1")
    front.sign_in("Tom", AGENT_PIN)
    customers = cast(CustomerService, RemoteService(front, "customers"))
    asyncio.run(customers.save(Customer(name="Yu Hua", phones=[Phone("+8613812345678")])))
    last = front.changes()["last"]
    with pytest.raises(DuplicateFound):
        asyncio.run(customers.save(Customer(name="Other", phones=[Phone("+8613812345678")])))
    assert front.changes()["last"] == last


def test_a_bulk_load_is_noted_once(postgres_store: PostgresStore) -> None:
    before = postgres_store.read_now(lambda r: r.consoles.last_change())  # type: ignore[attr-defined]

    def load(r: Repositories) -> None:
        batch = [
            NewCustomer.of(Customer(f"Guest {n}", phones=[Phone(f"+86139{n:08d}")]), now=NOW)
            for n in range(CHANGE_BULK + 10)
        ]
        with r.customers.bulk_load() as bulk:
            bulk.add(batch)

    postgres_store.write_now(load)
    noted = postgres_store.read_now(
        lambda r: r.consoles.changes_after(before, limit=100)  # type: ignore[attr-defined]
    )
    # Once for the whole load (the customers, then their phones, in one transaction),
    # not once per customer.
    assert [(n.entity, n.entity_id, n.action) for n in noted] == [("customer", "*", "create")]


def test_the_feed_is_append_only_and_its_reader_checks_numbers(
    server: Running, postgres_store: PostgresStore
) -> None:
    add_team_staff(server.store, server.clock)
    with psycopg.connect(postgres_store.dsn, autocommit=True) as conn:
        for statement in ("DELETE FROM changes", "UPDATE changes SET action = 'create'"):
            with pytest.raises(psycopg.errors.RestrictViolation, match="append-only"):
                conn.execute(statement)
    client = server.console()
    with pytest.raises(ServerRefused) as bad:
        client._call("GET", "/changes?after=-1")
    assert (bad.value.status, bad.value.code) == (400, "bad_request")


def test_the_feeds_last_number_is_told_directly_and_the_hub_starts_there(
    server: Running,
) -> None:
    from console.server.live import HUB
    from console.services.consoles import ConsoleService
    from console.services.identity import Identity

    feed = ConsoleService(server.store, Identity(server.store, clock=server.clock))
    assert server.app is not None
    first = asyncio.run(feed.last_change())
    assert server.app[HUB].last == first, "the hub hands out what comes after it"
    add_team_staff(server.store, server.clock)  # notes the staff members
    last = asyncio.run(feed.last_change())
    assert last > first
    assert last == asyncio.run(feed.changes(0, 1))[1]
    assert last == server.store.read_now(lambda r: r.consoles.last_change())  # type: ignore[attr-defined]
