"""The Store contract, on every backend that has the aggregates used here.

What services rely on, whichever database is behind them: a write job is one
transaction (all or nothing), a read sees what earlier writes committed, errors in a job
reach the caller unchanged, and concurrent read-then-write jobs do not lose updates.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from typing import Any

import pytest

from console.repositories import Repositories, Store
from tests.unit.conftest import ALL_BACKENDS

pytestmark = pytest.mark.parametrize("backend", ALL_BACKENDS, indirect=True)


class Boom(Exception):
    pass


def test_settings_round_trip(backend: Store) -> None:
    assert backend.read_now(lambda r: r.settings.get("store_name")) is None
    backend.write_now(lambda r: r.settings.put("store_name", "上海静安店"))
    backend.write_now(lambda r: r.settings.put("loyalty_every", 8))
    backend.write_now(lambda r: r.settings.put("loyalty_every", 12))
    backend.write_now(lambda r: r.settings.put("tags", ["vip", "茶"]))
    assert backend.read_now(lambda r: r.settings.get("store_name")) == "上海静安店"
    assert backend.read_now(lambda r: r.settings.get("loyalty_every")) == 12
    assert backend.read_now(lambda r: r.settings.get("tags")) == ["vip", "茶"]
    backend.write_now(lambda r: r.settings.delete("loyalty_every"))
    assert backend.read_now(lambda r: r.settings.get("loyalty_every")) is None


def test_a_failing_write_leaves_nothing(backend: Store) -> None:
    def half(r: Repositories) -> None:
        r.settings.put("a", 1)
        r.settings.put("b", 2)
        raise Boom

    with pytest.raises(Boom):
        backend.write_now(half)
    assert backend.read_now(lambda r: (r.settings.get("a"), r.settings.get("b"))) == (None, None)


def test_async_jobs(backend: Store) -> None:
    async def go() -> Any:
        await backend.write(lambda r: r.settings.put("x", {"n": 1}))
        return await backend.read(lambda r: r.settings.get("x"))

    assert asyncio.run(go()) == {"n": 1}
    assert backend.write_later(lambda r: r.settings.put("y", 2)).result() is None
    assert backend.read_now(lambda r: r.settings.get("y")) == 2


def test_read_then_write_loses_no_update(backend: Store) -> None:
    """Forty increments from four threads at once: each reads and writes in one job."""
    backend.write_now(lambda r: r.settings.put("count", 0))

    def bump(r: Repositories) -> None:
        r.settings.put("count", r.settings.get("count") + 1)

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        for f in [pool.submit(backend.write_now, bump) for _ in range(40)]:
            f.result()
    assert backend.read_now(lambda r: r.settings.get("count")) == 40
