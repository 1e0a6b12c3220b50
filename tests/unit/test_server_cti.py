"""Calls routed by the server (issue 16): the PBX posts the Generic CTI contract to the
console server's ``/cti/<token>``; the server logs each call once and pops it on the
console of the agent it names, or on the consoles of the members of the queue it names,
or on every signed-in console when it names nobody (or nobody of its queue is in); an
answer by one agent reaches the others (their card goes); a wrong token or a malformed
event gets the console listener's own reply."""

from __future__ import annotations

import asyncio
import io
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from console import cli
from console.domain.calls import CallState, EventKind
from console.domain.clock import FixedClock
from console.domain.consoles import ChangeNotice
from console.server.http import CALLS
from console.services import secrets
from console.services.calls import CallUpdate
from console.services.cti import CtiServer
from console.services.live import LiveFeed
from console.services.server_client import ServerClient
from console.services.staff import AuditService, StaffService
from console.storage.postgres.store import PostgresStore
from tests.team_fixtures import AGENT_PIN, NOW, PIN, Running, add_team_staff, run_aside, serving

TOKEN = "pbx-token-0123456789abcdefghij"


def _wait(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.02)


def post(url: str, fields: dict[str, str]) -> tuple[int, dict[str, Any]]:
    """One PBX request (form fields): the status and the JSON reply."""
    body = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(url, data=body, method="POST")
    request.add_header("Content-Type", "application/x-www-form-urlencoded")
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as exc:
        with exc:  # closed now, not when collected: the server must not wait for it
            return exc.code, json.loads(exc.read())


class Desk:
    """A console's live feed, on a loop of its own, keeping the calls routed to it."""

    def __init__(self, url: str, client: ServerClient) -> None:
        self.calls: list[CallUpdate] = []
        self.feed_notices: list[ChangeNotice] = []
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

        async def make() -> LiveFeed:
            feed = LiveFeed(
                url,
                str(client.token),
                self.feed_notices.append,
                on_call=self.calls.append,
                pause=0.1,
            )
            feed.start()
            return feed

        self.feed = asyncio.run_coroutine_threadsafe(make(), self.loop).result(10)
        _wait(self.feed.ready.is_set)

    def kinds(self) -> list[tuple[str, EventKind, bool]]:
        return [(u.call.call_id, u.event.kind, u.for_me) for u in self.calls]

    def close(self) -> None:
        if self.loop.is_closed():
            return  # closed already
        asyncio.run_coroutine_threadsafe(self.feed.stop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


class Center:
    """A server taking call events, Tom (extension 201) signed in on one console and Mei
    on another, both listening."""

    def __init__(self, running: Running) -> None:
        self.running = running
        self.cti = f"{running.url}/cti/{TOKEN}"
        add_team_staff(running.store, running.clock)
        staff = StaffService(
            running.store, AuditService(running.store, running.clock), running.clock
        )

        async def extension() -> None:
            mei = await staff.sign_in("Mei", PIN)
            tom = next(m for m in await staff.list_staff(mei) if m.name == "Tom")
            await staff.change_staff(mei, tom.id, extension="201")

        run_aside(extension())
        self.tom_client = running.console("Desk of Tom")
        self.tom_client.sign_in("Tom", AGENT_PIN)
        self.mei_client = running.console("Desk of Mei")
        self.mei_client.sign_in("Mei", PIN)
        self.tom = Desk(running.url, self.tom_client)
        self.mei = Desk(running.url, self.mei_client)
        assert running.app is not None
        self.router = running.app[CALLS]

    def send(self, **fields: str) -> None:
        """Post one event and wait until the server has routed it."""
        before = self.router.events.applied
        assert post(self.cti, fields) == (200, {})
        _wait(lambda: self.router.events.applied > before and self.router._routed.empty())
        time.sleep(0.2)  # a message that should not come has had its chance

    def close(self) -> None:
        self.tom.close()
        self.mei.close()


@pytest.fixture
def center(postgres_store: PostgresStore) -> Iterator[Center]:
    with serving(postgres_store, FixedClock(NOW), cti_token=TOKEN) as running:
        made = Center(running)
        try:
            yield made
        finally:
            made.close()


def _new_call(call_id: str, **more: str) -> dict[str, str]:
    return {
        "event": "newCall",
        "callId": call_id,
        "from": "+8613812345678",
        "to": "+862150001000",
        "direction": "in",
        **more,
    }


def test_a_call_naming_tom_pops_on_toms_console_only(center: Center) -> None:
    center.send(**_new_call("c-1", user="Tom"))
    _wait(lambda: len(center.tom.calls) == 1)
    update = center.tom.calls[0]
    assert (update.event.kind, update.for_me, update.created) == (EventKind.NEW_CALL, True, True)
    assert update.call.from_number == "+8613812345678"
    assert center.mei.calls == []


def test_a_call_ringing_toms_extension_or_naming_it_pops_on_his_console(center: Center) -> None:
    center.send(**_new_call("c-2", to="201"))
    center.send(**_new_call("c-3", answeringNumber="201"))
    _wait(lambda: len(center.tom.calls) == 2)
    assert [u.call.call_id for u in center.tom.calls] == ["c-2", "c-3"]
    assert center.mei.calls == []


def test_a_call_naming_nobody_pops_on_every_signed_in_console(center: Center) -> None:
    # A queue nobody signed in belongs to (nobody has queues here) rings everyone too.
    center.send(**_new_call("c-4", queue="sales"))
    _wait(lambda: len(center.tom.calls) == 1 and len(center.mei.calls) == 1)
    assert center.tom.kinds() == center.mei.kinds() == [("c-4", EventKind.NEW_CALL, True)]


def _set_queues(running: Running, **queues: str) -> None:
    """Give the staff members named (``Tom="sales"``) their call queues, as an admin
    does (Mei signs in on the server's own services)."""
    staff = StaffService(running.store, AuditService(running.store, running.clock), running.clock)

    async def go() -> None:
        mei = await staff.sign_in("Mei", PIN)
        for member in await staff.list_staff(mei):
            if member.name in queues:
                await staff.change_staff(mei, member.id, queues=queues[member.name])

    run_aside(go())


def test_a_queue_call_pops_only_on_the_consoles_of_the_queues_members(center: Center) -> None:
    """Tom answers sales, Mei support and VIP, each signed in on a console of their own:
    a call naming only the sales queue pops on Tom's console alone (in any case), its
    answer and hangup reach only the console it popped on; a support call is Mei's; a
    queue neither belongs to still rings both; a named agent comes before the queue."""
    _set_queues(center.running, Tom="sales", Mei="support, VIP")
    center.send(**_new_call("q-1", queue="Sales"))
    _wait(lambda: len(center.tom.calls) == 1)
    assert center.tom.kinds() == [("q-1", EventKind.NEW_CALL, True)]
    assert center.tom.calls[0].call.queue == "Sales"
    assert center.mei.calls == []
    center.send(event="answer", callId="q-1", user="Tom", direction="in", queue="Sales")
    center.send(event="hangup", callId="q-1", cause="normalClearing", direction="in")
    _wait(lambda: len(center.tom.calls) == 3)
    assert [k for _c, k, _m in center.tom.kinds()] == [
        EventKind.NEW_CALL,
        EventKind.ANSWER,
        EventKind.HANGUP,
    ]
    assert center.mei.calls == []

    center.send(**_new_call("q-2", queue="support"))
    _wait(lambda: len(center.mei.calls) == 1)
    assert center.mei.kinds() == [("q-2", EventKind.NEW_CALL, True)]
    center.send(**_new_call("q-3", queue="billing"))
    _wait(lambda: len(center.tom.calls) == 4 and len(center.mei.calls) == 2)
    assert center.tom.kinds()[3] == center.mei.kinds()[1] == ("q-3", EventKind.NEW_CALL, True)
    center.send(**_new_call("q-4", queue="sales", user="Mei"))
    _wait(lambda: len(center.mei.calls) == 3)
    assert center.mei.kinds()[2] == ("q-4", EventKind.NEW_CALL, True)
    assert len(center.tom.calls) == 4


def test_an_answer_by_tom_reaches_the_other_consoles_as_answered_elsewhere(
    center: Center,
) -> None:
    center.send(**_new_call("c-5"))
    center.send(event="answer", callId="c-5", user="Tom", direction="in")
    _wait(lambda: len(center.tom.calls) == 2 and len(center.mei.calls) == 2)
    assert center.tom.kinds()[1] == ("c-5", EventKind.ANSWER, True)
    assert center.mei.kinds()[1] == ("c-5", EventKind.ANSWER, False)
    answered = center.mei.calls[1]
    assert answered.changed and answered.call.state is CallState.ANSWERED
    assert answered.call.answered_by == "Tom"
    center.send(event="hangup", callId="c-5", cause="normalClearing", direction="in")
    _wait(lambda: len(center.tom.calls) == 3 and len(center.mei.calls) == 3)
    assert center.mei.calls[2].call.state is CallState.ENDED
    assert center.router.popped == {}, "an ended call is forgotten"


def test_a_console_not_signed_in_or_not_listening_gets_no_call(center: Center) -> None:
    idle = center.running.console("Spare desk")  # listening, nobody signed in
    spare = Desk(center.running.url, idle)
    try:
        center.tom.close()  # signed in, not listening
        center.send(**_new_call("c-6"))
        _wait(lambda: len(center.mei.calls) == 1)
        assert spare.calls == []
        # A call for Tom is his even while his console does not listen: not Mei's.
        center.send(**_new_call("c-12", to="201"))
        center.send(**_new_call("c-13", user="Tom"))
        assert len(center.mei.calls) == 1 and spare.calls == []
    finally:
        spare.close()
        center.tom = Desk(center.running.url, center.tom_client)


def test_the_call_is_in_the_central_call_log(
    center: Center, monkeypatch: pytest.MonkeyPatch
) -> None:
    center.send(**_new_call("c-7", user="Tom"))
    center.send(event="hangup", callId="c-7", cause="cancel", direction="in")
    assert center.tom_client.token
    monkeypatch.setenv(secrets.DEVICE_TOKEN_ENV, center.tom_client.token)
    out = io.StringIO()
    assert cli.main(["--server", center.running.url, "calls", "--json"], out=out) == 0
    (logged,) = json.loads(out.getvalue())
    assert logged["callId"] == "c-7"
    assert logged["state"] == "missed"


def _listener_replies(requests: list[tuple[str, dict[str, str]]]) -> list[Any]:
    """What a console's own listener answers to *requests* (path after the host)."""

    async def go() -> list[Any]:
        listener = CtiServer(lambda _event, _at: None, TOKEN)
        await listener.start()
        base = f"http://127.0.0.1:{listener.port}"
        try:
            return [await asyncio.to_thread(post, base + path, f) for path, f in requests]
        finally:
            await listener.stop()

    return run_aside(go())


def test_a_wrong_token_or_a_bad_event_gets_the_console_listeners_reply(
    center: Center,
) -> None:
    requests = [
        ("/cti/not-the-token", _new_call("c-8")),
        (f"/cti/{TOKEN}", {"event": "ring", "callId": "c-9"}),
        (f"/cti/{TOKEN}", {"event": "newCall"}),
    ]
    expected = _listener_replies(requests)
    got = [post(center.running.url + path, fields) for path, fields in requests]
    assert got == expected
    assert got[0] == (403, {"error": "wrong token"})
    assert [status for status, _ in got] == [403, 400, 400]
    assert center.tom.calls == [] and center.mei.calls == []


def test_a_server_without_a_token_takes_no_call_events(server: Running) -> None:
    status, reply = post(f"{server.url}/cti/anything", _new_call("c-10"))
    assert status == 404 and "CTI token" in reply["error"]


def test_missed_calls_are_shared_and_a_call_back_goes_for_everyone(center: Center) -> None:
    from console.domain.customer import Customer, Phone
    from console.services.remote import RemoteService

    toms, meis = (
        RemoteService(center.tom_client, "calls"),
        RemoteService(center.mei_client, "calls"),
    )
    customers = RemoteService(center.mei_client, "customers")
    customer_id = customers.save_now(Customer(name="Yu Hua", phones=[Phone("+8613812345678")]))
    center.send(**_new_call("c-11"))
    center.send(event="hangup", callId="c-11", cause="cancel", direction="in")
    assert [c.customer_id for c in toms.call_backs_now()] == [customer_id]
    assert [c.customer_id for c in meis.call_backs_now()] == [customer_id]
    seen = len(center.tom.feed_notices)
    assert meis.mark_called_back_now(customer_id) == 1
    assert toms.call_backs_now() == []
    _wait(lambda: any(n.entity == "call" for n in center.tom.feed_notices[seen:]))


def test_the_servers_token_comes_from_a_file_or_the_environment(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from console.server.run import CTI_TOKEN_ENV, ServeRefused, cti_token, parse_listen

    here, network = parse_listen("127.0.0.1:8740"), parse_listen("0.0.0.0:8740")
    monkeypatch.delenv(CTI_TOKEN_ENV, raising=False)
    assert cti_token(here, None) is None, "no token: no call events"
    monkeypatch.setenv(CTI_TOKEN_ENV, "short")
    assert cti_token(here, None) == "short"
    with pytest.raises(ServeRefused, match="shorter than 24"):
        cti_token(network, None)
    path = tmp_path / "cti-token"
    path.write_text(TOKEN + "\nanything else\n", encoding="utf-8")
    assert cti_token(network, str(path)) == TOKEN, "the file's first line, before the env"
    with pytest.raises(ServeRefused, match="SERVICE_CONSOLE_CTI_TOKEN"):
        cti_token(here, str(tmp_path / "missing"))


def test_serve_refuses_a_token_file_it_cannot_read_before_opening_the_database(
    tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    nowhere = "postgresql://nobody@127.0.0.1:1/none"
    missing = str(tmp_path / "missing")
    argv = ["serve", "--database", nowhere, "--listen", "127.0.0.1:8740"]
    assert cli.main([*argv, "--cti-token-file", missing], out=io.StringIO()) == 1
    err = capsys.readouterr().err
    assert missing in err and "SERVICE_CONSOLE_CTI_TOKEN" in err


def _reconnect(center: Center, who: str) -> Desk:
    """*who*'s console ("tom" or "mei") connects its live socket again (a new feed, from
    the feed's start: as after a restart of the console)."""
    desk: Desk = getattr(center, who)
    desk.close()
    client = center.tom_client if who == "tom" else center.mei_client
    again = Desk(center.running.url, client)
    setattr(center, who, again)
    return again


def test_a_console_that_connects_after_a_call_for_it_began_gets_the_call(
    center: Center,
) -> None:
    center.tom.close()  # signed in, not listening (a network blip)
    center.send(**_new_call("r-1", user="Tom"))
    assert center.mei.calls == []
    tom = _reconnect(center, "tom")
    _wait(lambda: len(tom.calls) == 1)
    (update,) = tom.calls
    assert (update.call.call_id, update.event.kind, update.for_me, update.created) == (
        "r-1",
        EventKind.NEW_CALL,
        True,
        True,
    )
    assert update.call.state is CallState.RINGING
    assert update.call.from_number == "+8613812345678"
    # Connecting again gets it again (the window shows it once: test_team_calls).
    tom = _reconnect(center, "tom")
    _wait(lambda: len(tom.calls) == 1)
    assert tom.kinds() == [("r-1", EventKind.NEW_CALL, True)]
    assert center.mei.calls == []


def test_an_answered_call_is_replayed_answered_for_me_as_it_was_for_each_console(
    center: Center,
) -> None:
    center.send(**_new_call("r-2"))  # nobody named: pops on both
    center.send(event="answer", callId="r-2", user="Tom", direction="in")
    _wait(lambda: len(center.tom.calls) == 2 and len(center.mei.calls) == 2)
    mei = _reconnect(center, "mei")
    tom = _reconnect(center, "tom")
    _wait(lambda: len(mei.calls) == 1 and len(tom.calls) == 1)
    assert mei.kinds() == [("r-2", EventKind.ANSWER, False)]
    assert tom.kinds() == [("r-2", EventKind.ANSWER, True)]
    for update in (mei.calls[0], tom.calls[0]):
        assert update.call.state is CallState.ANSWERED
        assert update.call.answered_by == "Tom"
        assert update.changed
    assert mei.calls[0].profile is None, "not hers: no customer's profile"


def test_a_call_hung_up_or_routed_to_another_console_is_not_replayed(
    center: Center,
) -> None:
    center.send(**_new_call("r-3", user="Tom"))
    center.send(event="hangup", callId="r-3", cause="cancel", direction="in")
    center.send(**_new_call("r-4", user="Mei"))  # Mei's alone
    center.send(**_new_call("r-5", user="Tom"))  # still ringing: the last one replayed
    assert set(center.router.latest) == {"r-4", "r-5"}
    tom = _reconnect(center, "tom")
    _wait(lambda: len(tom.calls) >= 1)
    time.sleep(0.2)  # anything else would have come with it
    assert tom.kinds() == [("r-5", EventKind.NEW_CALL, True)]
    mei = _reconnect(center, "mei")
    _wait(lambda: len(mei.calls) >= 1)
    time.sleep(0.2)
    assert mei.kinds() == [("r-4", EventKind.NEW_CALL, True)]
    center.send(event="hangup", callId="r-5", cause="normalClearing", direction="in")
    center.send(event="hangup", callId="r-4", cause="normalClearing", direction="in")
    assert center.router.latest == {} and center.router.popped == {}
    tom = _reconnect(center, "tom")  # connected: the calls would follow `ready` at once
    time.sleep(0.2)
    assert tom.calls == []


def test_the_live_calls_kept_are_bounded_as_the_popped_ones_are(
    center: Center, monkeypatch: pytest.MonkeyPatch
) -> None:
    from console.server import calls

    monkeypatch.setattr(calls, "MAX_LIVE_CALLS", 2)
    for n in range(3):
        center.send(**_new_call(f"b-{n}", user="Tom"))
    assert list(center.router.popped) == list(center.router.latest) == ["b-1", "b-2"]
    tom = _reconnect(center, "tom")
    _wait(lambda: len(tom.calls) == 2)
    assert [c for c, _k, _m in tom.kinds()] == ["b-1", "b-2"]


def test_a_call_begun_hours_ago_is_not_replayed_its_hangup_was_lost(center: Center) -> None:
    import datetime as dt

    from console.server.calls import REPLAY_WITHIN

    clock = center.running.clock
    center.send(**_new_call("h-1", user="Tom"))  # its hangup never comes
    clock.advance(dt.timedelta(seconds=REPLAY_WITHIN + 1))
    center.send(**_new_call("h-2", user="Tom"))
    assert set(center.router.latest) == {"h-1", "h-2"}
    tom = _reconnect(center, "tom")
    _wait(lambda: len(tom.calls) >= 1)
    time.sleep(0.2)  # anything else would have come with it
    assert tom.kinds() == [("h-2", EventKind.NEW_CALL, True)]
