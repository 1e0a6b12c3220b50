"""The call-event listener's HTTP contract, through a real client against the real listener.

Every test starts :class:`CtiServer` on 127.0.0.1 with a free port (port 0), feeds the
accepted events through :class:`CallEvents` into a real :class:`CallService` on a
temporary database, and talks to it with aiohttp's ``ClientSession``.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import aiohttp
import pytest

from console.domain.calls import CallState, MatchKind
from console.services import secrets
from console.services.calls import CallEvents, CallService, CallUpdate
from console.services.cti import MAX_BODY, CtiServer, ListenerError, TokenBucket
from console.services.customers import CustomerService
from console.storage.sqlite.runner import DatabaseRunner
from tests.unit.conftest import add_customer

TOKEN = "t0k3n-for-tests-0123456789abcdef"


@dataclass
class Listener:
    server: CtiServer
    events: CallEvents
    session: aiohttp.ClientSession
    updates: list[CallUpdate]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.port}/cti/{TOKEN}"

    async def post(self, **kwargs: Any) -> tuple[int, Any]:
        async with self.session.post(self.url, **kwargs) as response:
            return response.status, await response.json()


@asynccontextmanager
async def listening(
    calls: CallService, *, maxsize: int = 2000, drain: bool = True, **server_args: Any
) -> AsyncIterator[Listener]:
    updates: list[CallUpdate] = []
    events = CallEvents(calls, updates.append, maxsize=maxsize)
    server = CtiServer(events.submit, TOKEN, host="127.0.0.1", port=0, **server_args)
    await server.start()
    if drain:
        events.start()
    try:
        async with aiohttp.ClientSession() as session:
            yield Listener(server, events, session, updates)
    finally:
        await server.stop()
        await events.stop()


def run_with(calls: CallService, body: Callable[[Listener], Awaitable[None]], **kw: Any) -> None:
    async def main() -> None:
        async with listening(calls, **kw) as listener:
            await body(listener)

    asyncio.run(main())


@pytest.fixture
def calls(runner: DatabaseRunner, service: CustomerService) -> CallService:
    return CallService(runner, service)


NEW_CALL = {
    "event": "newCall",
    "from": "+8613812345678",
    "to": "204",
    "direction": "in",
    "callId": "call-1",
}


def test_all_three_events_form_json_and_get(runner: DatabaseRunner, calls: CallService) -> None:
    li = add_customer(runner, "李娜", phones=["+8613812345678"])

    async def body(ln: Listener) -> None:
        assert await ln.post(data={**NEW_CALL, "user[]": "Mei"}) == (200, {})
        answer = {**NEW_CALL, "event": "answer", "answeringNumber": "204", "user": ["Mei"]}
        assert await ln.post(json=answer) == (200, {})
        hangup = {**NEW_CALL, "event": "hangup", "cause": "normalClearing"}
        async with ln.session.get(ln.url, params=hangup) as response:
            assert response.status == 200
            assert response.content_type == "application/json"
            assert await response.json() == {}
        await ln.events.idle()
        kinds = [(u.event.kind.value, u.call.state) for u in ln.updates]
        assert kinds == [
            ("newCall", CallState.RINGING),
            ("answer", CallState.ANSWERED),
            ("hangup", CallState.ENDED),
        ]
        first = ln.updates[0]
        assert (first.call.customer_id, first.call.match) == (li, MatchKind.EXACT)
        assert first.event.users == ("Mei",)
        assert ln.updates[1].call.answered_by == "204"
        assert first.received > 0

    run_with(calls, body)


def test_multipart_form_and_several_users(calls: CallService) -> None:
    async def body(ln: Listener) -> None:
        form = aiohttp.FormData()
        for key, value in NEW_CALL.items():
            form.add_field(key, value)
        form.add_field("user[]", "Mei")
        form.add_field("user[]", "Li")
        assert await ln.post(data=form) == (200, {})
        await ln.events.idle()
        assert ln.updates[0].event.users == ("Mei", "Li")

    run_with(calls, body)


def test_wrong_token_is_403_and_nothing_is_logged(calls: CallService) -> None:
    async def body(ln: Listener) -> None:
        url = f"http://127.0.0.1:{ln.server.port}/cti/wrong"
        async with ln.session.post(url, data=NEW_CALL) as response:
            assert response.status == 403
            assert await response.json() == {"error": "wrong token"}
        async with ln.session.get(f"http://127.0.0.1:{ln.server.port}/cti/") as response:
            assert response.status == 404
            assert "error" in await response.json()
        await ln.events.idle()
        assert ln.updates == []
        assert calls.recent_now() == []

    run_with(calls, body)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"data": {**NEW_CALL, "event": "ring"}}, "'event' must be one of"),
        ({"data": {"event": "newCall"}}, "'callId' is missing"),
        ({"json": {**NEW_CALL, "direction": "up"}}, "'in' or 'out'"),
        ({"json": [1, 2]}, "must be an object"),
        ({"json": {**NEW_CALL, "from": {"x": 1}}}, "must be text"),
        (
            {"data": b"{not json", "headers": {"Content-Type": "application/json"}},
            "not valid JSON",
        ),
        ({"data": b"\xff\xfe", "headers": {"Content-Type": "application/json"}}, "UTF-8"),
        (
            {"data": b"a=1&&=", "headers": {"Content-Type": "application/x-www-form-urlencoded"}},
            "form",
        ),
        ({"data": b"<xml/>", "headers": {"Content-Type": "text/xml"}}, "unsupported content"),
    ],
)
def test_malformed_requests_get_400(
    calls: CallService, kwargs: dict[str, Any], message: str
) -> None:
    async def body(ln: Listener) -> None:
        status, reply = await ln.post(**kwargs)
        assert status == 400
        assert message in reply["error"]
        await ln.events.idle()
        assert calls.recent_now() == []

    run_with(calls, body)


def test_oversized_body_gets_413(calls: CallService) -> None:
    async def body(ln: Listener) -> None:
        big = {**NEW_CALL, "pad": "x" * (MAX_BODY + 1)}
        status, reply = await ln.post(data=big)
        assert status == 413
        assert "larger than" in reply["error"]

        async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: streamed
            yield b"event=newCall&callId=c&pad="
            for _ in range(20):
                yield b"x" * 1024

        status, reply = await ln.post(
            data=chunks(), headers={"Content-Type": "application/x-www-form-urlencoded"}
        )
        assert status == 413
        await ln.events.idle()
        assert calls.recent_now() == []

    run_with(calls, body)


def test_other_methods_are_json_405(calls: CallService) -> None:
    async def body(ln: Listener) -> None:
        async with ln.session.put(ln.url, data=NEW_CALL) as response:
            assert response.status == 405
            assert "error" in json.loads(await response.text())

    run_with(calls, body)


def test_a_flood_is_rate_limited(calls: CallService) -> None:
    async def body(ln: Listener) -> None:
        statuses = []
        for i in range(5):
            async with ln.session.post(ln.url, data={**NEW_CALL, "callId": f"f{i}"}) as r:
                statuses.append(r.status)
                if r.status == 429:
                    assert int(r.headers["Retry-After"]) >= 1
                    assert "too many" in (await r.json())["error"]
        assert statuses == [200, 200, 200, 429, 429]
        await ln.events.idle()
        assert len(calls.recent_now()) == 3

    run_with(calls, body, rate=0.01, burst=3)


def test_overload_is_503_not_a_crash(calls: CallService) -> None:
    async def body(ln: Listener) -> None:
        assert (await ln.post(data=NEW_CALL))[0] == 200
        status, reply = await ln.post(data={**NEW_CALL, "callId": "2"})
        assert status == 503 and "too many" in reply["error"]

    run_with(calls, body, maxsize=1, drain=False)


def test_token_bucket_refills() -> None:
    now = [0.0]
    bucket = TokenBucket(rate=2, burst=2, clock=lambda: now[0])
    assert [bucket.allow() for _ in range(3)] == [True, True, False]
    now[0] = 0.5
    assert bucket.allow() and not bucket.allow()


def test_listener_refuses_unsafe_or_busy_setups(calls: CallService) -> None:
    with pytest.raises(ListenerError, match="needs a token"):
        CtiServer(lambda e, r: None, "")
    with pytest.raises(ListenerError, match="at least 24"):
        CtiServer(lambda e, r: None, "short", host="0.0.0.0")
    CtiServer(lambda e, r: None, "x" * 24, host="0.0.0.0")  # explicit, with a long token

    async def body(ln: Listener) -> None:
        other = CtiServer(lambda e, r: None, TOKEN, port=ln.server.port)
        with pytest.raises(ListenerError, match="--cti-port"):
            await other.start()

    run_with(calls, body)


def test_token_is_made_once_and_kept_in_the_keychain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(secrets.CTI_TOKEN_ENV, raising=False)
    import keyring

    keyring.delete_password(secrets.SERVICE, secrets.CTI_TOKEN_NAME)
    assert secrets.cti_token(create=False) is None
    token = secrets.cti_token()
    assert token is not None and len(token) >= 32
    assert secrets.cti_token() == token
    assert keyring.get_password(secrets.SERVICE, secrets.CTI_TOKEN_NAME) == token
    assert type(keyring.get_keyring()).__name__ == "MemoryKeyring"
    monkeypatch.setenv(secrets.CTI_TOKEN_ENV, "from-env")
    assert asyncio.run(secrets.cti_token_async()) == "from-env"


def test_a_failing_window_does_not_lose_the_call(calls: CallService) -> None:
    def broken(update: CallUpdate) -> None:
        raise RuntimeError("the window broke")

    async def body(ln: Listener) -> None:
        ln.events.on_update = broken
        assert await ln.post(data=NEW_CALL) == (200, {})
        await ln.events.idle()
        assert [c.call_id for c in calls.recent_now()] == ["call-1"]

    run_with(calls, body)
