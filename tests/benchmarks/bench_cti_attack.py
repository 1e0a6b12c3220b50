"""The call-event listener under attack: does the PBX still get through?

    python tests/benchmarks/bench_cti_attack.py [--flood-seconds 6] [--real 40]
                                                [--slowloris 1100] [--slow-seconds 8]

Two drills against the real :class:`CtiServer` on 127.0.0.1 (no database: accepted
events go to a list), each bounded in time:

1. **Wrong-token flood** — a client bound to 127.0.0.2 sends wrong-token requests as fast
   as it can (32 at a time) for ``--flood-seconds``, while "the PBX" (127.0.0.1) sends
   ``--real`` genuine events spread over the same time. Counts: real events answered
   200 / 429 / other, flood requests answered 403 / 429.
2. **Slowloris** — ``--slowloris`` sockets from 127.0.0.2 (and, with ``--same-source``,
   half of them from the PBX's own address) each send a request line one byte every
   0.5 s for ``--slow-seconds`` and reconnect 0.5 s after the listener closes them; the
   attack runs in a separate process (as an attacker would), while the PBX sends a real
   event every 0.2 s on a fresh connection. Figures: real-event latency p50/p95/max and
   failures, most open connections seen at the listener, log lines written.

Prints JSON. Not part of the test run.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import multiprocessing
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # this checkout's console

import aiohttp

from console.services.cti import CtiServer

TOKEN = "bench-attack-token-0123456789abcdefgh"
EVENT = {"event": "newCall", "from": "+8613812345678", "to": "204", "direction": "in"}
ATTACKER = "127.0.0.2"


class Count(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 1)


async def wrong_token_flood(seconds: float, real: int) -> dict[str, Any]:
    accepted: list[Any] = []
    server = CtiServer(lambda e, r: accepted.append(e), TOKEN, port=0)
    await server.start()
    url = f"http://127.0.0.1:{server.port}/cti/{TOKEN}"
    wrong = f"http://127.0.0.1:{server.port}/cti/not-the-token-{'x' * 20}"
    flood: dict[int, int] = {}
    answers: dict[int, int] = {}
    stop = time.monotonic() + seconds
    connector = aiohttp.TCPConnector(local_addr=(ATTACKER, 0), limit=32)
    try:
        async with aiohttp.ClientSession(connector=connector) as attacker:

            async def guesser() -> None:
                while time.monotonic() < stop:
                    try:
                        async with attacker.post(wrong, data=EVENT) as r:
                            await r.read()
                            flood[r.status] = flood.get(r.status, 0) + 1
                    except aiohttp.ClientError:
                        flood[0] = flood.get(0, 0) + 1

            async def pbx() -> None:
                async with aiohttp.ClientSession() as session:
                    for i in range(real):
                        await asyncio.sleep(seconds / real)
                        try:
                            async with session.post(url, data={**EVENT, "callId": f"r{i}"}) as r:
                                await r.read()
                                answers[r.status] = answers.get(r.status, 0) + 1
                        except aiohttp.ClientError:
                            answers[0] = answers.get(0, 0) + 1

            await asyncio.gather(pbx(), *(guesser() for _ in range(32)))
    finally:
        await server.stop()
    return {
        "seconds": seconds,
        "real_events": real,
        "real_answered_200": answers.get(200, 0),
        "real_429": answers.get(429, 0),
        "real_other": {str(k): v for k, v in answers.items() if k not in (200, 429)},
        "flood_requests": sum(flood.values()),
        "flood_403": flood.get(403, 0),
        "flood_429": flood.get(429, 0),
    }


def addresses(count: int, same_source: bool) -> list[str]:
    if same_source:
        return [ATTACKER, "127.0.0.1"] * (count // 2)
    return [ATTACKER] * count


def _attack(port: int, sources: list[str], seconds: float, ready: Any) -> None:
    """The slowloris client, in its own process."""

    async def run() -> None:
        stop = time.monotonic() + seconds + 1.0
        ready.set()

        async def dawdler(address: str) -> None:
            while time.monotonic() < stop:
                try:
                    reader, writer = await asyncio.open_connection(
                        "127.0.0.1", port, local_addr=(address, 0)
                    )
                except OSError:
                    await asyncio.sleep(0.5)
                    continue
                try:
                    for byte in b"GET /cti/" + b"x" * 200:
                        if time.monotonic() >= stop:
                            break
                        writer.write(bytes([byte]))
                        await writer.drain()
                        with contextlib.suppress(TimeoutError):
                            async with asyncio.timeout(0.5):
                                if await reader.read(1) == b"":
                                    break
                except ConnectionError:
                    pass
                finally:
                    writer.close()
                    with contextlib.suppress(ConnectionError):
                        await writer.wait_closed()
                await asyncio.sleep(0.5)

        await asyncio.gather(*(dawdler(a) for a in sources))

    asyncio.run(run())


async def slowloris(count: int, seconds: float, same_source: bool) -> dict[str, Any]:
    counter = Count()
    for name in ("console.services.cti", "aiohttp", "asyncio"):
        logging.getLogger(name).addHandler(counter)
        logging.getLogger(name).setLevel(logging.INFO)
    server = CtiServer(lambda e, r: None, TOKEN, port=0)
    await server.start()
    url = f"http://127.0.0.1:{server.port}/cti/{TOKEN}"
    most_open = [0]
    spawn = multiprocessing.get_context("spawn")
    ready = spawn.Event()
    attack = spawn.Process(
        target=_attack, args=(server.port, addresses(count, same_source), seconds, ready)
    )
    attack.start()
    await asyncio.get_running_loop().run_in_executor(None, ready.wait)
    stop = time.monotonic() + seconds

    latencies: list[float] = []
    failures: dict[str, int] = {}

    async def pbx() -> None:
        await asyncio.sleep(1.0)  # the dawdlers are in
        timeout = aiohttp.ClientTimeout(total=5)
        i = 0
        while time.monotonic() < stop:
            i += 1
            most_open[0] = max(most_open[0], server.open_connections)
            began = time.perf_counter()
            try:
                # a fresh connection per event, as PBX bridges mostly do
                async with (
                    aiohttp.ClientSession(timeout=timeout) as session,
                    session.post(url, data={**EVENT, "callId": f"s{i}"}) as r,
                ):
                    await r.read()
                    if r.status == 200:
                        latencies.append(time.perf_counter() - began)
                    else:
                        failures[str(r.status)] = failures.get(str(r.status), 0) + 1
            except (aiohttp.ClientError, TimeoutError) as exc:
                why = f"{type(exc).__name__}: {exc}"[:100]
                failures[why] = failures.get(why, 0) + 1
            await asyncio.sleep(0.2)

    try:
        await pbx()
    finally:
        await asyncio.get_running_loop().run_in_executor(None, attack.join)
        await server.stop()
        for name in ("console.services.cti", "aiohttp", "asyncio"):
            logging.getLogger(name).removeHandler(counter)
    return {
        "connections": count,
        "same_source": same_source,
        "seconds": seconds,
        "real_events": len(latencies) + sum(failures.values()),
        "real_ok": len(latencies),
        "real_failures": failures,
        "latency_ms_p50": pct(latencies, 0.5),
        "latency_ms_p95": pct(latencies, 0.95),
        "latency_ms_max": round(max(latencies) * 1000, 1) if latencies else None,
        "latency_ms_mean": round(statistics.fmean(latencies) * 1000, 1) if latencies else None,
        "most_open_at_listener": most_open[0],
        "log_lines": len(counter.lines),
        "too_many_open_files_lines": sum("Too many open files" in x for x in counter.lines),
    }


async def main(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "wrong_token_flood": await wrong_token_flood(args.flood_seconds, args.real),
        "slowloris": await slowloris(args.slowloris, args.slow_seconds, args.same_source),
        "open_files_limit": resource.getrlimit(resource.RLIMIT_NOFILE)[0],
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--flood-seconds", type=float, default=6.0)
    parser.add_argument("--real", type=int, default=40)
    parser.add_argument("--slowloris", type=int, default=1100)
    parser.add_argument("--slow-seconds", type=float, default=8.0)
    parser.add_argument("--same-source", action="store_true")
    print(json.dumps(asyncio.run(main(parser.parse_args())), indent=2))
