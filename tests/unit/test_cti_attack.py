"""The call-event listener under attack: floods, slowloris, malformed HTTP, the token's secrecy.

Each attack is bounded (a few hundred requests or sockets, a few seconds) and talks to
127.0.0.1 only. A second source address is 127.0.0.2 (Linux routes all of 127/8 on lo);
clients bind to it with ``local_addr``, so the listener sees another peer address.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
import time
from typing import Any

import aiohttp
import pytest

from console.services.calls import CallService
from console.services.cti_guard import (
    BurstLog,
    Connection,
    ConnectionLedger,
    SourceLimiter,
    check_fields,
    control_character,
    source_key,
)
from console.storage.sqlite.runner import DatabaseRunner
from tests.unit.test_cti_http import NEW_CALL, TOKEN, Listener, run_with

OTHER = "127.0.0.2"


@pytest.fixture
def calls(runner: DatabaseRunner, service: Any) -> CallService:
    return CallService(runner, service)


def session_from(address: str) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(connector=aiohttp.TCPConnector(local_addr=(address, 0)))


async def raw(port: int, data: bytes, *, wait: float = 2.0) -> tuple[int, str, bytes]:
    """Send *data* on a fresh socket; the reply's status, content type and body."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(data)
        await writer.drain()
        reply = b""
        async with asyncio.timeout(wait):
            while chunk := await reader.read(65536):
                reply += chunk
                if b"\r\n\r\n" in reply:
                    head, _, body = reply.partition(b"\r\n\r\n")
                    length = [
                        int(line.split(b":", 1)[1])
                        for line in head.split(b"\r\n")
                        if line.lower().startswith(b"content-length:")
                    ]
                    if length and len(body) >= length[0]:
                        break
    finally:
        writer.close()
        await writer.wait_closed()
    head, _, body = reply.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    kind = next(
        (x.split(":", 1)[1].strip() for x in lines if x.lower().startswith("content-type")), ""
    )
    return status, kind, body


# --- floods ---------------------------------------------------------------------------------


def test_a_wrong_token_flood_from_one_address_does_not_starve_the_pbx(calls: CallService) -> None:
    async def body(ln: Listener) -> None:
        wrong = f"http://127.0.0.1:{ln.server.port}/cti/guess-{'x' * 20}"
        statuses: list[int] = []
        async with session_from(OTHER) as attacker:

            async def guess() -> None:
                async with attacker.post(wrong, data=NEW_CALL) as response:
                    statuses.append(response.status)
                    assert "error" in await response.json()

            async def flood() -> None:
                for _ in range(10):
                    await asyncio.gather(*(guess() for _ in range(20)))

            async def pbx() -> list[int]:
                got = []
                for i in range(8):
                    status, _ = await ln.post(data={**NEW_CALL, "callId": f"real-{i}"})
                    got.append(status)
                    await asyncio.sleep(0.01)
                return got

            _, real = await asyncio.gather(flood(), pbx())
        assert real == [200] * 8  # today: 429 once the flood has spent the shared budget
        assert len(statuses) == 200
        assert statuses[:10] == [403] * 10  # a wrong token is told so ...
        assert statuses.count(429) >= 150  # ... until that address has spent its own budget
        await ln.events.idle()
        assert len(calls.recent_now()) == 8

    run_with(calls, body, rate=1, burst=10)


def test_the_flood_budget_is_per_source_address(calls: CallService) -> None:
    async def body(ln: Listener) -> None:
        async with session_from(OTHER) as noisy:
            noisy_statuses = []
            for i in range(12):
                async with noisy.post(ln.url, data={**NEW_CALL, "callId": f"n{i}"}) as r:
                    noisy_statuses.append(r.status)
        assert noisy_statuses == [200] * 5 + [429] * 7
        for i in range(5):
            assert (await ln.post(data={**NEW_CALL, "callId": f"pbx-{i}"}))[0] == 200

    run_with(calls, body, rate=0.01, burst=5)


def test_source_keys_and_the_number_of_budgets_kept() -> None:
    assert source_key("192.0.2.7") == "192.0.2.7"
    assert source_key("::ffff:192.0.2.7") == "192.0.2.7"
    assert source_key("2001:db8:1:2:aaaa::1") == source_key("2001:db8:1:2:bbbb::9")
    assert source_key("2001:db8:1:2::1") != source_key("2001:db8:1:3::1")
    assert source_key(None) == "?"
    limiter = SourceLimiter(1, 1, sources=3, clock=lambda: 0.0)
    assert limiter.bucket("a").allow() and not limiter.bucket("a").allow()
    for name in "bcd":
        limiter.bucket(name)
    assert limiter.bucket("a").allow()  # forgotten (least recently seen), a fresh budget


# --- slow and idle connections ----------------------------------------------------------


async def slowloris(port: int, count: int, address: str, seconds: float) -> list[float]:
    """Open *count* sockets from *address* that send a request line a byte at a time.

    Returns how long the listener let each one live (from its open to its close)."""
    started = time.monotonic()
    line = b"GET /cti/" + b"x" * 60

    async def one() -> float:
        reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=(address, 0))
        opened = time.monotonic()
        try:
            for byte in line:
                if time.monotonic() - started > seconds:
                    break
                writer.write(bytes([byte]))
                try:
                    await writer.drain()
                    async with asyncio.timeout(0.25):
                        if await reader.read(1) == b"":
                            break
                except TimeoutError:
                    continue
                except ConnectionError:
                    break
            return time.monotonic() - opened
        finally:
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    return list(await asyncio.gather(*(one() for _ in range(count))))


@pytest.mark.parametrize("address", [OTHER, "127.0.0.1"])
def test_a_real_event_gets_through_a_slowloris(
    calls: CallService, address: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)

    async def body(ln: Listener) -> None:
        attack = asyncio.create_task(slowloris(ln.server.port, 200, address, seconds=3.0))
        await asyncio.sleep(0.8)  # every slow socket is open and dawdling
        assert ln.server.open_connections <= 64
        for i in range(3):
            began = time.monotonic()
            status, reply = await asyncio.wait_for(
                ln.post(data={**NEW_CALL, "callId": f"real-{i}"}), 1.0
            )
            assert (status, reply) == (200, {})
            assert time.monotonic() - began < 1.0
        lives = await attack
        # over the cap: closed before their time was up (the ones waiting longest first);
        # the rest closed by the header timeout (1.5 s), well before the attack ended
        assert sum(1 for life in lives if life < 1.4) >= 200 - 64
        assert max(lives) < 2.3

    run_with(calls, body, max_connections=128, max_connections_per_source=64, header_timeout=1.5)
    excess = [r for r in caplog.records if "excess" in r.getMessage()]
    assert 1 <= len(excess) <= 2  # once per burst, not once per connection
    assert len(caplog.records) < 60


def test_a_slow_body_gets_408(calls: CallService) -> None:
    async def body(ln: Listener) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", ln.server.port)
        try:
            writer.write(
                f"POST /cti/{TOKEN} HTTP/1.1\r\nHost: x\r\n"
                "Content-Type: application/x-www-form-urlencoded\r\n"
                "Content-Length: 100\r\n\r\nevent=new".encode()
            )
            began = time.monotonic()
            async with asyncio.timeout(3):
                reply = await reader.read()
            assert 0.9 < time.monotonic() - began < 2.5
        finally:
            writer.close()
            await writer.wait_closed()
        assert reply.startswith(b"HTTP/1.1 408")
        assert json.loads(reply.partition(b"\r\n\r\n")[2])["error"].startswith("the request body")

    run_with(calls, body, body_timeout=1.0)


def test_the_ledger_makes_room_by_closing_the_longest_waiting() -> None:
    closed: list[str] = []
    excess: list[int] = []

    def conn(name: str, source: str, since: float) -> Connection:
        return Connection(source, lambda: closed.append(name), since=since)

    ledger = ConnectionLedger(3, 2, lambda: excess.append(1))
    a, b = conn("a", "x", 1), conn("b", "x", 2)
    assert ledger.admit(a) and ledger.admit(b)
    a.busy = True
    c = conn("c", "x", 3)
    assert ledger.admit(c)  # x is full: b has waited longest (a is busy)
    assert closed == ["b"]
    assert ledger.admit(conn("d", "y", 4))  # room in all: nobody is closed
    assert ledger.admit(conn("e", "y", 5))  # 3 open in all: c has waited longest
    assert closed == ["b", "c"]
    for open_one in list(ledger._open):
        open_one.busy = True
    assert not ledger.admit(conn("f", "z", 6))  # everyone is busy: the new one is refused
    assert len(ledger) == 3 and len(excess) == 3
    ledger.release(a)
    assert ledger.admit(conn("g", "z", 7)) and len(ledger) == 3

    # a half-sent head (a slowloris's) goes before a fresh connection that sent nothing yet
    ledger = ConnectionLedger(10, 2, lambda: None)
    fresh, dawdler = conn("fresh", "s", 1), conn("dawdler", "s", 2)
    dawdler.partial = True
    assert ledger.admit(fresh) and ledger.admit(dawdler)
    assert ledger.admit(conn("new", "s", 3))
    assert closed[-1] == "dawdler"


def test_the_excess_is_logged_once_per_burst(caplog: pytest.LogCaptureFixture) -> None:
    now = [0.0]
    timers: list[tuple[float, Any]] = []
    burst = BurstLog(
        logging.getLogger("test.burst"),
        lambda delay, fn: timers.append((now[0] + delay, fn)),
        limit="at most 2",
        quiet=5,
        clock=lambda: now[0],
    )
    with caplog.at_level(logging.INFO, "test.burst"):
        for i in range(500):
            now[0] = i / 100
            burst()
        while timers:
            now[0], fn = timers.pop(0)
            fn()
    assert [r.getMessage() for r in caplog.records] == [
        "too many open connections to the call-event listener (at most 2); closing the excess",
        "the call-event listener closed 500 excess connections in that burst",
    ]


# --- malformed requests -------------------------------------------------------------------

RAW_JSON = {"Content-Type": "application/json"}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"data": b'{"event":"newCall","callId":' + b"9" * 5000 + b"}", "headers": RAW_JSON},
            "'callId' is longer than 250",
        ),
        ({"json": {**NEW_CALL, "callId": "c" * 251}}, "'callId' is longer than 250"),
        ({"json": {**NEW_CALL, "from": "1" * 65}}, "'from' is longer than 64"),
        ({"json": {**NEW_CALL, "user": ["u"] * 33}}, "more than 32 'user'"),
        ({"data": {**NEW_CALL, "queue": "q" * 121}}, "'queue' is longer than 120"),
        (
            {"data": b"--x\r\nbroken", "headers": {"Content-Type": "multipart/form-data"}},
            "multipart",
        ),
        (
            {
                "data": b"--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--\r\n",
                "headers": {"Content-Type": "multipart/form-data; boundary=b"},
            },
            "",
        ),
        ({"data": {**NEW_CALL, "from": "+86138\x85"}}, "'from' contains control"),
        ({"json": {**NEW_CALL, "user": "Mei\u202e"}}, "control"),
        ({"json": {**NEW_CALL, "queue": "a\u2028b"}}, "'queue' contains control"),
        ({"json": {**NEW_CALL, "cause": "x\u2066"}}, "'cause' contains control"),
        ({"json": {**NEW_CALL, "to": "\x9b2J"}}, "'to' contains control"),
        (
            {"data": b'{"event":"newCall","callId":"c","from":"\\ud800"}', "headers": RAW_JSON},
            "'from' is not valid Unicode",
        ),
        ({"data": b'{"event":"newCall","callId":NaN}', "headers": RAW_JSON}, "NaN"),
    ],
)
def test_every_malformed_request_is_a_json_400(
    calls: CallService, kwargs: dict[str, Any], message: str
) -> None:
    async def body(ln: Listener) -> None:
        async with ln.session.post(ln.url, **kwargs) as response:
            assert response.status == 400
            assert response.content_type == "application/json"
            assert message in (await response.json())["error"]
        await ln.events.idle()
        assert calls.recent_now() == []

    run_with(calls, body)


def test_control_characters() -> None:
    for ch in "\x00\x1b\x07\x7f\x85\x9b\u202a\u202e\u2066\u2069\u2028\u2029":
        assert control_character(ch), hex(ord(ch))
    for ch in "a李 \u200d\u00a0é":
        assert not control_character(ch), hex(ord(ch))
    check_fields({"from": ["+8613812345678\n"], "unknown": ["\x00\ud800"]})  # blanks trimmed


BAD_HTTP = [
    b"GARBAGE /cti/%s HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /cti/%s HTTP/1.1\r\nHost x\r\n\r\n",
    b"GET /cti/%s HTTP/1.1\r\nX: \x01\r\n\r\n",
    b"GET /cti/%s" + b"?a=" + b"b" * 5000 + b" HTTP/1.1\r\n\r\n",
    b"GET /cti/%s HTTP/9.9\r\n\r\n",
    b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 /cti/%s\r\n\r\n",
]


def test_http_the_listener_cannot_parse_gets_a_json_400_without_the_token(
    calls: CallService, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)

    async def body(ln: Listener) -> None:
        for template in BAD_HTTP:
            status, kind, reply = await raw(ln.server.port, template.replace(b"%s", TOKEN.encode()))
            assert (status, kind) == (400, "application/json; charset=utf-8"), template
            assert "error" in json.loads(reply)
            assert TOKEN.encode() not in reply
        status, _, reply = await raw(ln.server.port, b"PUT /cti/x HTTP/1.1\r\nHost: x\r\n\r\n")
        assert status == 405 and "error" in json.loads(reply)

    run_with(calls, body)
    assert TOKEN not in caplog.text


def test_the_token_is_never_in_a_reply_or_a_log_line(
    calls: CallService, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    replies: list[bytes] = []

    async def body(ln: Listener) -> None:
        async def post(**kwargs: Any) -> None:
            async with ln.session.post(ln.url, **kwargs) as response:
                replies.append(await response.read())

        await post(data=NEW_CALL)  # good
        await post(data={**NEW_CALL, "event": TOKEN})  # the token as a value
        await post(data={**NEW_CALL, "callId": "x y"})  # bad
        await post(data=b"{", headers=RAW_JSON)
        async with ln.session.get(ln.url + "/more") as response:
            replies.append(await response.read())
        for template in BAD_HTTP[:2]:
            replies.append((await raw(ln.server.port, template % TOKEN.encode()))[2])

    run_with(calls, body)
    assert replies and all(TOKEN.encode() not in r for r in replies)
    assert caplog.records  # the listener did log
    assert TOKEN not in caplog.text
    assert all(TOKEN not in r.getMessage() for r in caplog.records)


def test_a_connection_with_its_request_waiting_is_not_displaced() -> None:
    from console.services.cti import _head_waiting

    async def seen(sent: bytes) -> bool:
        with socket.create_server(("127.0.0.1", 0)) as listener:
            client = socket.create_connection(listener.getsockname())
            try:
                client.sendall(sent)
                accepted, _ = listener.accept()
                time.sleep(0.05)  # the bytes are in the receive buffer
                result: list[bool] = []

                class Probe(asyncio.Protocol):
                    def connection_made(self, transport: asyncio.BaseTransport) -> None:
                        result.append(_head_waiting(transport))
                        transport.close()

                loop = asyncio.get_running_loop()
                await loop.connect_accepted_socket(Probe, accepted)
                await asyncio.sleep(0)
                return result[0]
            finally:
                client.close()

    async def main() -> None:
        assert await seen(b"POST /cti/x HTTP/1.1\r\nHost: x\r\n\r\nevent=newCall")
        assert not await seen(b"GET /cti/x HTTP/1.1\r\nHo")  # a slowloris's half head
        assert not await seen(b"")

    asyncio.run(main())
