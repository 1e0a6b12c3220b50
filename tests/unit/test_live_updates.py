"""Live updates (issue 16): the changes feed names who acted; the console server pushes
every change to every connected console over its WebSocket, woken by PostgreSQL's
NOTIFY (from any server on the database); a console catches up after a reconnect, a
revoked one is cut off; ``watch --json`` prints one line per change."""

from __future__ import annotations

import asyncio
import io
import json
import socket
import threading
import time
from collections.abc import Callable

import pytest

from console import cli
from console.domain.clock import FixedClock
from console.domain.consoles import ChangeNotice
from console.domain.customer import Customer, Phone
from console.services.live import LiveFeed
from console.services.remote import RemoteService
from console.services.secrets import DEVICE_TOKEN_ENV
from console.services.server_client import ServerClient
from console.storage.postgres.store import PostgresStore
from tests.team_fixtures import AGENT_PIN, NOW, PIN, Running, add_team_staff, serving


def _customer(client: ServerClient, name: str, phone: str) -> int:
    customer_id: int = RemoteService(client, "customers").save_now(
        Customer(name=name, phones=[Phone(phone)])
    )
    return customer_id


def _last(client: ServerClient) -> int:
    return int(client.changes(0, 1)["last"])


def _wait(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.02)


class Feed:
    """A LiveFeed on a loop of its own (a console's window runs one like it)."""

    def __init__(self, url: str, token: str, after: int | None = None) -> None:
        self.notices: list[ChangeNotice] = []
        self.states: list[bool] = []
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

        async def make() -> LiveFeed:
            feed = LiveFeed(
                url,
                token,
                self.notices.append,
                after=after,
                on_state=self.states.append,
                pause=0.1,
                longest_pause=0.3,
            )
            feed.start()
            return feed

        self.feed = asyncio.run_coroutine_threadsafe(make(), self.loop).result(10)

    def entities(self) -> list[tuple[str, str, str]]:
        return [(n.entity, n.entity_id, n.action) for n in self.notices]

    def close(self) -> None:
        asyncio.run_coroutine_threadsafe(self.feed.stop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


def test_the_feed_names_the_console_and_the_staff_member_who_acted(server: Running) -> None:
    add_team_staff(server.store, server.clock)
    desk = server.console("Front desk 1")
    after = _last(desk)
    alone = _customer(desk, "Yu Hua", "+8613812345678")
    desk.sign_in("Tom", AGENT_PIN)
    signed = _customer(desk, "Grace Lin", "+886912345678")
    found = desk.changes(after)["changes"]
    by_id = {(c["entity"], c["id"]): c for c in found}
    assert len(by_id) == len(found), "a record is noted once per transaction"
    first, second = by_id[("customer", str(alone))], by_id[("customer", str(signed))]
    assert (first["console"], first["staff"], first["action"]) == ("Front desk 1", "", "create")
    assert (second["console"], second["staff"]) == ("Front desk 1", "Tom")
    assert set(first) == {"seq", "entity", "id", "action", "at", "console", "staff"}


def test_watch_json_prints_one_line_per_change_as_it_happens(
    server: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_team_staff(server.store, server.clock)
    watcher = server.console("Wallboard")
    monkeypatch.setenv(DEVICE_TOKEN_ENV, str(watcher.token))
    other = server.console("Front desk 1")
    other.sign_in("Mei", PIN)
    after = _last(watcher)
    out = io.StringIO()
    result: list[int] = []
    argv = ["watch", "--server", server.url, "--json", "--after", str(after), "--count", "2"]
    thread = threading.Thread(target=lambda: result.append(cli.main(argv, out=out)))
    thread.start()
    one = _customer(other, "Yu Hua", "+8613812345678")
    two = _customer(other, "Grace Lin", "+886912345678")
    thread.join(30)
    assert result == [0]
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    parsed = [json.loads(line) for line in lines]
    assert [(p["entity"], p["id"], p["action"]) for p in parsed] == [
        ("customer", str(one), "create"),
        ("customer", str(two), "create"),
    ]
    assert all(p["console"] == "Front desk 1" and p["staff"] == "Mei" for p in parsed)
    assert parsed[0]["seq"] < parsed[1]["seq"]
    assert list(parsed[0]) == ["seq", "entity", "id", "action", "at", "console", "staff"]


def test_a_change_made_through_another_server_is_pushed_at_once(
    postgres_store: PostgresStore,
) -> None:
    """Two servers on one database: the write goes through the second, the console
    listens on the first, whose hub would read the feed only once a minute by itself —
    PostgreSQL's NOTIFY is what wakes it."""
    clock = FixedClock(NOW)
    with (
        serving(postgres_store, clock, poll_seconds=60) as first,
        serving(postgres_store, clock) as second,
    ):
        listener = first.console("Team lead")
        writer = second.console("Front desk 2")
        feed = Feed(first.url, str(listener.token))
        try:
            _wait(feed.feed.ready.is_set)
            began = time.monotonic()
            made = _customer(writer, "Yu Hua", "+8613812345678")
            _wait(lambda: ("customer", str(made), "create") in feed.entities(), seconds=5)
            assert time.monotonic() - began < 5
            assert feed.notices[-1].console == "Front desk 2"
        finally:
            feed.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_console_catches_up_after_the_server_restarts(postgres_store: PostgresStore) -> None:
    clock = FixedClock(NOW)
    port = _free_port()
    with serving(postgres_store, clock, port=port) as first:
        watcher = first.console("Wallboard")
        writer = first.console("Front desk 1")
        feed = Feed(first.url, str(watcher.token))
        _wait(feed.feed.ready.is_set)
        before = _customer(writer, "Yu Hua", "+8613812345678")
        _wait(lambda: ("customer", str(before), "create") in feed.entities())
    try:
        _wait(lambda: feed.states[-1:] == [False])  # the server is gone
        # Meanwhile another server on the same database takes a change.
        with serving(postgres_store, clock) as other:
            elsewhere = other.console("Back office")
            missed = _customer(elsewhere, "Grace Lin", "+886912345678")
        assert ("customer", str(missed), "create") not in feed.entities()
        with serving(postgres_store, clock, port=port):
            _wait(lambda: ("customer", str(missed), "create") in feed.entities())
            seqs = [n.seq for n in feed.notices]
            assert seqs == sorted(set(seqs)), "in order, none twice"
            assert feed.states[-1] is True
    finally:
        feed.close()


def test_a_revoked_console_is_cut_off(
    server: Running, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    add_team_staff(server.store, server.clock)
    watcher = server.console("Lost laptop")
    monkeypatch.setenv(DEVICE_TOKEN_ENV, str(watcher.token))
    result: list[int] = []
    thread = threading.Thread(
        target=lambda: result.append(cli.main(["watch", "--server", server.url], out=io.StringIO()))
    )
    thread.start()
    admin = server.console("Back office")
    admin.sign_in("Mei", PIN)
    consoles = {c["name"]: c["id"] for c in admin.consoles()}
    time.sleep(0.5)  # connected by now (were it not, it would be refused at once anyway)
    admin.revoke(consoles["Lost laptop"])
    thread.join(20)
    assert result == [1]
    assert "revoked" in capsys.readouterr().err


def test_watch_needs_a_console_server(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["watch"]) == 2
    assert "--server" in capsys.readouterr().err


def test_watch_without_enrolment_says_how(
    server: Running, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(DEVICE_TOKEN_ENV, raising=False)
    assert cli.main(["watch", "--server", server.url]) == 1
    assert "enrol --server" in capsys.readouterr().err
