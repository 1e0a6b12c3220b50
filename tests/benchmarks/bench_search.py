"""Search and profile latency on the benchmark database, against the plainest alternatives.

    python tests/benchmarks/build_db.py            # once (reused afterwards)
    python tests/benchmarks/bench_search.py [--db /tmp/sc-bench/bench.db] [--per-kind 200]

Queries are drawn from the data (seeded), one list per kind, and timed through the search
box's path: ``CustomerService.search`` → ``plan_query`` → ``customers.search`` on the
database thread (the thread hop is included). The same queries, fewer of them (a full
scan takes a while), go through ``customers.like_search`` (``LIKE '%q%'``). Opening a
profile is timed on the customer with 10,000 purchases (``CustomerService.profile``, which
includes the first page of purchases and visits, then the next page), against loading all
of that customer's purchases with their items. Prints JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path
from typing import Any

from console.domain.names import has_cjk, pinyin_syllables
from console.domain.phones import format_phone
from console.services.customers import CustomerService
from console.services.settings import SettingsService
from console.storage.sqlite import customers as store
from console.storage.sqlite import settings as settings_store
from console.storage.sqlite.database import Db
from console.storage.sqlite.runner import DatabaseRunner
from console.wiring.desk import choose_key
from tests.benchmarks import bulk

DEFAULT_DB = Path("/tmp/sc-bench/bench.db")
MARKER = "benchmark.build"
KINDS = (
    "name_substring_latin",
    "chinese_1_char",
    "chinese_2_chars",
    "pinyin_full",
    "pinyin_initials",
    "phone_suffix_4",
    "phone_full",
    "member_no",
    "email",
)


def _sample_rows(db: Db, rng: random.Random, count: int) -> list[tuple[Any, ...]]:
    top = int(db.execute("SELECT max(id) FROM customers").fetchone()[0])
    ids = rng.sample(range(1, top + 1), min(count, top))
    marks = ",".join("?" * len(ids))
    rows = db.execute(
        f"SELECT c.id, c.name, c.romanisation, c.email, c.member_no, "
        f"(SELECT e164 FROM phones p WHERE p.customer_id = c.id ORDER BY position LIMIT 1) "
        f"FROM customers c WHERE c.id IN ({marks}) AND c.merged_into IS NULL",
        ids,
    ).fetchall()
    rng.shuffle(rows)
    return rows


def _queries(db: Db, per_kind: int, seed: int) -> dict[str, list[str]]:
    """Realistic queries of every kind, drawn from random customers."""
    rng = random.Random(seed)
    return queries_of(_sample_rows(db, rng, per_kind * 40), per_kind, rng)


def queries_of(
    rows: list[tuple[Any, ...]], per_kind: int, rng: random.Random
) -> dict[str, list[str]]:
    """Queries of every kind from sampled rows ``(id, name, romanisation, email,
    member_no, first phone)`` (shared with ``bench_server.py``, which samples PostgreSQL)."""
    out: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for _cid, name, romanisation, email, member_no, phone in rows:
        chinese = has_cjk(name)
        want = out
        if not chinese and len(want["name_substring_latin"]) < per_kind:
            words = [w for w in name.replace("'", "").split() if len(w) >= 3]
            if words:
                word = rng.choice(words).lower()
                size = rng.randint(3, min(6, len(word)))
                start = rng.randint(0, len(word) - size)
                want["name_substring_latin"].append(word[start : start + size])
        if chinese:
            chars = [ch for ch in name if has_cjk(ch)]
            if len(want["chinese_1_char"]) < per_kind:
                want["chinese_1_char"].append(rng.choice(chars))
            if len(chars) >= 2 and len(want["chinese_2_chars"]) < per_kind:
                i = rng.randint(0, len(chars) - 2)
                want["chinese_2_chars"].append("".join(chars[i : i + 2]))
            syllables = pinyin_syllables(name)
            if len(want["pinyin_full"]) < per_kind:
                joined = "".join(syllables)
                want["pinyin_full"].append(joined if rng.random() < 0.7 else " ".join(syllables))
            if len(want["pinyin_initials"]) < per_kind:
                want["pinyin_initials"].append("".join(s[0] for s in syllables))
        if phone and len(want["phone_suffix_4"]) < per_kind:
            want["phone_suffix_4"].append(phone[-4:])
        if phone and len(want["phone_full"]) < per_kind:
            # As staff type it: international with spaces, or the bare number.
            want["phone_full"].append(format_phone(phone) if rng.random() < 0.5 else phone)
        if member_no and len(want["member_no"]) < per_kind:
            want["member_no"].append(member_no if rng.random() < 0.7 else member_no.lower())
        if email and len(want["email"]) < per_kind:
            want["email"].append(email)
        del romanisation
    return out


def _stats(seconds: list[float]) -> dict[str, float]:
    ms = sorted(s * 1000 for s in seconds)
    return {
        "n": len(ms),
        "p50_ms": round(statistics.median(ms), 3),
        "p95_ms": round(ms[min(len(ms) - 1, int(0.95 * len(ms)))], 3),
        "max_ms": round(ms[-1], 3),
    }


async def _time_async(calls: list[Callable[[], Awaitable[Any]]]) -> list[float]:
    out: list[float] = []
    for call in calls:
        t = time.perf_counter()
        await call()
        out.append(time.perf_counter() - t)
    return out


def _time_calls(calls: list[Callable[[], Any]]) -> list[float]:
    out: list[float] = []
    for call in calls:
        t = time.perf_counter()
        call()
        out.append(time.perf_counter() - t)
    return out


def _profile_plain(db: Db, customer_id: int) -> int:
    """The plain way to open a profile: one query for every purchase with its items, and
    the totals and favourites added up in Python."""
    rows = db.execute(
        "SELECT p.id, p.at, p.store, p.channel, p.currency, i.name, i.quantity, "
        "i.price_minor, i.category FROM purchases p JOIN purchase_items i "
        "ON i.purchase_id = p.id WHERE p.customer_id = ? ORDER BY p.at DESC, p.id DESC",
        [customer_id],
    ).fetchall()
    spend: dict[str, int] = {}
    favourites: dict[str, int] = {}
    for _pid, _at, _store, _channel, currency, item, quantity, price, _category in rows:
        spend[currency] = spend.get(currency, 0) + quantity * price
        favourites[item] = favourites.get(item, 0) + quantity
    return len({r[0] for r in rows})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--per-kind", type=int, default=200)
    parser.add_argument("--like-per-kind", type=int, default=20)
    parser.add_argument("--profile-runs", type=int, default=50)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"{args.db} does not exist: run tests/benchmarks/build_db.py first", file=sys.stderr)
        return 2
    # An encrypted copy opens with $SERVICE_CONSOLE_DB_PASSPHRASE (or the keychain), as the
    # app would open it; a plain file opens as it is.
    runner = DatabaseRunner(args.db, choose_key(args.db))
    runner.open()
    try:
        service = CustomerService(runner, SettingsService(runner))
        marker = runner.call(settings_store.get_setting, MARKER) or {}
        queries = runner.call(_queries, args.per_kind, args.seed)
        customers = runner.call(store.count_customers)

        async def measure() -> dict[str, Any]:
            # Warm up: a few queries of every kind, not measured.
            for kind in KINDS:
                for q in queries[kind][:5]:
                    await service.search(q)
            results: dict[str, Any] = {}
            for kind in KINDS:
                qs = queries[kind]
                found = [len(await service.search(q)) for q in qs]
                design = _stats(await _time_async([partial(service.search, q) for q in qs]))
                plain_qs = qs[: args.like_per_kind]
                plain = _stats(
                    _time_calls([partial(runner.call, bulk.like_search, q) for q in plain_qs])
                )
                same = _stats(await _time_async([partial(service.search, q) for q in plain_qs]))
                results[kind] = {
                    "examples": qs[:3],
                    "search": design,
                    "mean_hits": round(sum(found) / max(1, len(found)), 1),
                    "like_search": plain,
                    "search_same_queries_as_like": same,
                    "ratio_p50_like_over_search": round(plain["p50_ms"] / same["p50_ms"], 1),
                    "ratio_p95_like_over_search": round(plain["p95_ms"] / same["p95_ms"], 1),
                }
            results["all_kinds"] = {
                "worst_p95_ms": max(results[k]["search"]["p95_ms"] for k in KINDS),
                "worst_max_ms": max(results[k]["search"]["max_ms"] for k in KINDS),
            }
            big = marker.get("big_customer_id")
            if not big:
                return results
            runs = args.profile_runs
            opened = _stats(await _time_async([partial(service.profile, big)] * runs))
            page = _stats(
                await _time_async([partial(service.purchases_page, big, service.PAGE)] * runs)
            )
            both = _stats(await _time_async([partial(_open_and_page, service, big)] * runs))
            plain = _stats(
                _time_calls([partial(runner.call, _profile_plain, big)] * max(5, runs // 5))
            )
            profile = await service.profile(big)
            assert profile is not None
            results["profile_10000_purchases"] = {
                "customer_id": big,
                "purchase_count": profile.purchase_count,
                "profile": opened,
                "next_page_of_50": page,
                "profile_then_next_page": both,
                "plain_all_purchases_with_items": plain,
                "ratio_p50_plain_over_profile": round(plain["p50_ms"] / opened["p50_ms"], 1),
            }
            return results

        results = asyncio.run(measure())
    finally:
        runner.close()
    size = args.db.stat().st_size
    wal = Path(str(args.db) + "-wal")
    print(
        json.dumps(
            {
                "cpu_count": os.cpu_count(),
                "db": str(args.db),
                "db_bytes": size + (wal.stat().st_size if wal.exists() else 0),
                "customers": customers,
                "rows": marker.get("rows"),
                "kinds": results,
            },
            indent=2,
            ensure_ascii=False,
        )
    )
    return 0


async def _open_and_page(service: CustomerService, customer_id: int) -> None:
    await service.profile(customer_id)
    await service.purchases_page(customer_id, service.PAGE)


if __name__ == "__main__":
    sys.exit(main())
