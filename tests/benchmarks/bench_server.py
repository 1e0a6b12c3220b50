"""Search, profile and many consoles through the console server, on PostgreSQL.

    PYTHONPATH=. python -m tests.benchmarks.bench_server [--customers 1000000]
        [--keep /tmp/sc-bench-server] [all|search|profile|consoles]

A PostgreSQL cluster (tests/pg_cluster.py) is started — a throwaway one, or with ``--keep
DIR`` one kept in DIR, so that a million customers are loaded once and used by later
runs (a database per size, ``bench_N``, reused once its build finished). The customers are
written by the demo fill's bulk path (``fill_demo``: COPY per batch, worker processes make
the rows), plus one customer with 10,000 purchases, fifty agents and an admin.

The real server (``service-console serve``) runs in a process of its own on 127.0.0.1;
the benchmark enrols consoles (``ConsoleService.make_code``, ``ServerClient.enrol``),
signs staff in, and measures through :class:`~console.services.remote.RemoteService`, as
the window calls it (``await customers.search(q)``: a worker thread, the HTTP request,
the wire):

* ``search``: p50/p95/p99 per query kind of the README's "Search" (queries drawn from the
  data, as ``bench_search.py``), and in the same run a plain ``ILIKE '%q%'`` scan over
  names, e-mails, member numbers and phones run directly in PostgreSQL on the first
  ``--ilike-per-kind`` queries of each kind, with the ratio of the p95s on those same
  queries; the same search in this process on the store (no HTTP) for comparison;
* ``profile``: ``customers.profile`` of the customer with 10,000 purchases, against loading
  all their purchases with items in one query and adding up in Python;
* ``consoles``: ``--consoles`` consoles (each enrolled, each signed in as its own agent, each
  a process of its own) search at once for ``--seconds``; each waits ``--think-ms``
  (random, up to twice that) between searches, as staff do, and with ``--think-ms 0``
  they search back to back (the server saturated).

Prints JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import multiprocessing
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg

from console.domain.clock import SystemClock
from console.domain.customer import Customer, Phone, Purchase, PurchaseItem, Tier, Visit
from console.repositories.customers import NewCustomer
from console.services.consoles import ConsoleService
from console.services.customers import CustomerService
from console.services.demo import fill_demo
from console.services.identity import Identity
from console.services.remote import RemoteService
from console.services.server_client import ServerClient, ServerUnreachable
from console.services.settings import SettingsService
from console.services.staff import AuditService, StaffService
from console.storage.postgres.store import PostgresStore, create_database
from tests import pg_cluster
from tests.benchmarks.bench_search import KINDS, queries_of

BIG_MEMBER_NO = "BENCH-10000"
BIG_PURCHASES = 10_000
BIG_VISITS = 400
TODAY = dt.date(2026, 11, 28)
ADMIN, ADMIN_PIN = "Mei", "739154"
AGENT_PIN = "246810"
DEFAULT_SETTINGS = ("shared_buffers=1GB",)


def agent(i: int) -> str:
    return f"Agent {i:02d}"


# --- the data --------------------------------------------------------------------------


def _big_customer(now: dt.datetime) -> NewCustomer:
    customer = Customer(
        name="郑大客",
        preferred_name="郑总",
        phones=[Phone("+8619999999999")],
        member_no=BIG_MEMBER_NO,
        tier=Tier.VIP,
        email="big.spender@example.cn",
    )
    start = now - dt.timedelta(days=4 * 365)
    step = (now - start) / BIG_PURCHASES
    drinks = ("Latte 拿铁", "Earl Grey 伯爵红茶", "Oolong 乌龙茶", "Flat white 澳白")
    purchases = [
        Purchase(
            0,
            start + step * i,
            [PurchaseItem(drinks[i % 4], 1 + i % 2, 3400, "drink")]
            + ([PurchaseItem("Egg tart 蛋挞", 2, 1200, "food")] if i % 3 == 0 else []),
            store="Shanghai Jing'an",
        )
        for i in range(BIG_PURCHASES)
    ]
    visit_step = (now - start) / BIG_VISITS
    visits = [
        Visit(0, start + visit_step * i, "Shanghai Jing'an", "李娜") for i in range(BIG_VISITS)
    ]
    return NewCustomer.of(customer, now=now, visits=visits, purchases=purchases)


def _add_big(repos: Any, now: dt.datetime) -> int:
    with repos.customers.bulk_load() as load:
        load.add([_big_customer(now)], keep_duplicates=True)
    found = repos.customers.find_by_member_or_phone(member_no=BIG_MEMBER_NO)
    assert found is not None
    return int(found)


def _add_staff(store: PostgresStore, agents: int) -> None:
    clock = SystemClock()
    staff = StaffService(store, AuditService(store, clock), clock)

    async def go() -> None:
        await staff.add_staff(None, name=ADMIN, role="admin", secret=ADMIN_PIN)
        session = await staff.sign_in(ADMIN, ADMIN_PIN)
        for i in range(1, agents + 1):
            await staff.add_staff(session, name=agent(i), role="agent", secret=AGENT_PIN)

    asyncio.run(go())


def build(
    cluster: pg_cluster.Cluster, customers: int, purchases: float, agents: int, marker: Path
) -> dict[str, Any]:
    """The database ``bench_N`` (reused when *marker* says it was finished)."""
    name = f"bench_{customers}"
    if marker.exists():
        found: dict[str, Any] = json.loads(marker.read_text())
        if found.get("agents", 0) >= agents and found.get("purchases") == purchases:
            return {"reused": True, **found}
    with psycopg.connect(cluster.dsn(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
    create_database(cluster.dsn(), name)
    started = time.perf_counter()
    with PostgresStore(cluster.dsn(name), max_connections=2) as store:
        report = fill_demo(
            store,
            customers=customers,
            seed=7,
            purchases_per_customer=purchases,
            today=TODAY,
            progress=lambda done: (
                print(
                    f"{done:>9,} customers {time.perf_counter() - started:7.1f} s",
                    file=sys.stderr,
                    flush=True,
                )
                if done % 100_000 == 0
                else None
            ),
        )
        fill = time.perf_counter() - started
        now = dt.datetime.combine(TODAY, dt.time(9, 0), tzinfo=dt.UTC)
        big = store.write_now(lambda r: _add_big(r, now))
        _add_staff(store, agents)
    with psycopg.connect(cluster.dsn(name), autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
        size = conn.execute("SELECT pg_database_size(current_database())").fetchone()
    found = {
        "database": name,
        "customers": report.customers + 1,
        "purchases": purchases,
        "purchases_written": report.purchases + BIG_PURCHASES,
        "big_customer_id": big,
        "agents": agents,
        "db_bytes": size[0] if size else None,
        "build_seconds": round(time.perf_counter() - started, 1),
        "fill_seconds": round(fill, 1),
    }
    marker.write_text(json.dumps(found))
    return {"reused": False, **found}


def _sample(conn: psycopg.Connection, per_kind: int, seed: int) -> dict[str, list[str]]:
    rng = random.Random(seed)
    top = int(conn.execute("SELECT max(id) FROM customers").fetchone()[0])  # type: ignore[index]
    ids = rng.sample(range(1, top + 1), min(per_kind * 40, top))
    rows = conn.execute(
        "SELECT c.id, c.name, c.romanisation, c.email, c.member_no, "
        "(SELECT e164 FROM phones p WHERE p.customer_id = c.id ORDER BY position LIMIT 1) "
        "FROM customers c WHERE c.id = ANY(%s) AND c.merged_into IS NULL",
        [ids],
    ).fetchall()
    order = {cid: i for i, cid in enumerate(ids)}
    rows.sort(key=lambda r: order[r[0]])
    rng.shuffle(rows)
    return queries_of([tuple(r) for r in rows], per_kind, rng)


def ilike_scan(conn: psycopg.Connection, text: str, limit: int = 20) -> list[int]:
    """The plainest alternative: ``ILIKE '%q%'`` over names, e-mails, member numbers and
    phones, newest visit first (as ``bulk.like_search`` on SQLite)."""
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = conn.execute(
        "SELECT id FROM customers WHERE merged_into IS NULL AND (name ILIKE %(p)s "
        "OR preferred_name ILIKE %(p)s OR email ILIKE %(p)s OR member_no ILIKE %(p)s "
        "OR id IN (SELECT customer_id FROM phones WHERE e164 ILIKE %(p)s)) "
        "ORDER BY last_visit DESC NULLS LAST LIMIT %(n)s",
        {"p": pattern, "n": limit},
    ).fetchall()
    return [int(r[0]) for r in rows]


def profile_plain(conn: psycopg.Connection, customer_id: int) -> int:
    rows = conn.execute(
        "SELECT p.id, p.at, p.store, p.channel, p.currency, i.name, i.quantity, "
        "i.price_minor, i.category FROM purchases p JOIN purchase_items i "
        "ON i.purchase_id = p.id WHERE p.customer_id = %s ORDER BY p.at DESC, p.id DESC",
        [customer_id],
    ).fetchall()
    spend: dict[str, int] = {}
    favourites: dict[str, int] = {}
    for _pid, _at, _store, _channel, currency, item, quantity, price, _category in rows:
        spend[currency] = spend.get(currency, 0) + quantity * price
        favourites[item] = favourites.get(item, 0) + quantity
    return len({r[0] for r in rows})


# --- measuring -------------------------------------------------------------------------


def stats(seconds: list[float]) -> dict[str, float]:
    ms = sorted(s * 1000 for s in seconds)
    if not ms:
        return {"n": 0}

    def at(q: float) -> float:
        return round(ms[min(len(ms) - 1, int(q * len(ms)))], 3)

    return {
        "n": len(ms),
        "p50_ms": round(statistics.median(ms), 3),
        "p95_ms": at(0.95),
        "p99_ms": at(0.99),
        "max_ms": round(ms[-1], 3),
    }


def timed(calls: list[Callable[[], Any]]) -> list[float]:
    out: list[float] = []
    for call in calls:
        t = time.perf_counter()
        call()
        out.append(time.perf_counter() - t)
    return out


async def timed_async(calls: list[Callable[[], Any]]) -> list[float]:
    out: list[float] = []
    for call in calls:
        t = time.perf_counter()
        await call()
        out.append(time.perf_counter() - t)
    return out


def loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


@contextmanager
def serving(dsn: str) -> Iterator[str]:
    """``service-console serve`` in a process of its own; yields its URL."""
    port = pg_cluster._free_port()
    command = [str(Path(sys.executable).with_name("service-console"))]
    if not Path(command[0]).exists():
        command = [
            sys.executable,
            "-c",
            "import sys; from console.cli import main; sys.exit(main())",
        ]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    process = subprocess.Popen(
        [*command, "serve", "--database", dsn, "--listen", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                ServerClient(url, timeout=2).hello()
                break
            except ServerUnreachable:
                if process.poll() is not None or time.monotonic() > deadline:
                    _, err = process.communicate(timeout=5)
                    raise RuntimeError(f"the server did not start: {err.decode()}") from None
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def enrol(store: PostgresStore, url: str, name: str) -> ServerClient:
    code = asyncio.run(ConsoleService(store, Identity(store, clock=SystemClock())).make_code())
    answer = ServerClient(url).enrol(code, name)
    return ServerClient(url, str(answer["token"]))


def measure_search(
    client: ServerClient,
    store: PostgresStore,
    conn: psycopg.Connection,
    queries: dict[str, list[str]],
    ilike_per_kind: int,
) -> dict[str, Any]:
    remote = RemoteService(client, "customers")
    local = CustomerService(store, SettingsService(store))

    async def go() -> dict[str, Any]:
        for kind in KINDS:  # warm up: not measured
            for q in queries[kind][:5]:
                await remote.search(q)
        out: dict[str, Any] = {}
        for kind in KINDS:
            qs = queries[kind]
            hits = [len(await remote.search(q)) for q in qs[:50]]
            through = stats(await timed_async([lambda q=q: remote.search(q) for q in qs]))
            here = stats(await timed_async([lambda q=q: local.search(q) for q in qs]))
            few = qs[:ilike_per_kind]
            ilike = stats(timed([lambda q=q: ilike_scan(conn, q) for q in few]))
            same = stats(await timed_async([lambda q=q: remote.search(q) for q in few]))
            out[kind] = {
                "examples": qs[:3],
                "mean_hits": round(sum(hits) / max(1, len(hits)), 1),
                "server": through,
                "in_process_no_http": here,
                "ilike_scan": ilike,
                "server_same_queries_as_ilike": same,
                "ratio_p95_ilike_over_server": round(ilike["p95_ms"] / same["p95_ms"], 1),
            }
        out["all_kinds"] = {
            "worst_p95_ms": max(out[k]["server"]["p95_ms"] for k in KINDS),
            "worst_p99_ms": max(out[k]["server"]["p99_ms"] for k in KINDS),
            "load_average": loadavg(),
        }
        return out

    return asyncio.run(go())


def measure_profile(
    client: ServerClient, conn: psycopg.Connection, big: int, runs: int
) -> dict[str, Any]:
    remote = RemoteService(client, "customers")

    async def go() -> dict[str, Any]:
        for _ in range(3):
            await remote.profile(big)
        profile = await remote.profile(big)
        opened = stats(await timed_async([lambda: remote.profile(big)] * runs))
        page = stats(await timed_async([lambda: remote.purchases_page(big, 50)] * runs))
        plain = stats(timed([lambda: profile_plain(conn, big)] * max(5, runs // 5)))
        return {
            "customer_id": big,
            "purchase_count": profile.purchase_count,
            "profile": opened,
            "next_page_of_50": page,
            "plain_all_purchases_with_items": plain,
            "ratio_p50_plain_over_profile": round(plain["p50_ms"] / opened["p50_ms"], 1),
            "load_average": loadavg(),
        }

    return asyncio.run(go())


def _console(
    url: str,
    token: str,
    name: str,
    queries: list[str],
    seconds: float,
    think_ms: float,
    seed: int,
    start: Any,
    results: Any,
) -> None:
    client = ServerClient(url, token)
    client.sign_in(name, AGENT_PIN)
    remote = RemoteService(client, "customers")
    rng = random.Random(seed)
    for q in queries[:3]:
        remote.search_now(q)
    start.wait()
    took: list[float] = []
    errors = 0
    until = time.perf_counter() + seconds
    while time.perf_counter() < until:
        q = rng.choice(queries)
        t = time.perf_counter()
        try:
            remote.search_now(q)
        except Exception:  # counted, not fatal: the figure says how many
            errors += 1
            continue
        took.append(time.perf_counter() - t)
        if think_ms:
            time.sleep(rng.uniform(0, 2 * think_ms) / 1000)
    client.sign_out()
    results.put((took, errors))


def measure_consoles(
    store: PostgresStore,
    url: str,
    queries: dict[str, list[str]],
    consoles: int,
    seconds: float,
    think_ms: float,
) -> dict[str, Any]:
    clients = [enrol(store, url, f"Bench console {i:02d}") for i in range(1, consoles + 1)]
    mixed = [q for kind in KINDS for q in queries[kind][:40]]
    context = multiprocessing.get_context("fork")
    start = context.Barrier(consoles + 1)
    results = context.Queue()
    processes = [
        context.Process(
            target=_console,
            args=(url, c.token, agent(i + 1), mixed, seconds, think_ms, i, start, results),
        )
        for i, c in enumerate(clients)
    ]
    for p in processes:
        p.start()
    start.wait(timeout=300)  # every console signed in
    signed_in_load = loadavg()
    took: list[float] = []
    errors = 0
    for _ in processes:
        one, failed = results.get(timeout=seconds + 120)
        took.extend(one)
        errors += failed
    for p in processes:
        p.join(30)
    return {
        "consoles": consoles,
        "signed_in": consoles,
        "seconds": seconds,
        "think_ms_mean": think_ms,
        "searches": len(took),
        "searches_per_second": round(len(took) / seconds, 1),
        "errors": errors,
        "search": stats(took),
        "load_average": {"at_start": signed_in_load, "at_end": loadavg()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "what", nargs="?", default="all", choices=["all", "search", "profile", "consoles"]
    )
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--purchases-per-customer", type=float, default=1.0)
    parser.add_argument("--keep", type=Path, help="keep the cluster (and its data) in this folder")
    parser.add_argument("--setting", action="append", default=None, help="e.g. shared_buffers=1GB")
    parser.add_argument("--per-kind", type=int, default=200)
    parser.add_argument("--ilike-per-kind", type=int, default=5)
    parser.add_argument("--profile-runs", type=int, default=50)
    parser.add_argument("--consoles", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument(
        "--think-ms",
        type=float,
        action="append",
        default=None,
        help="mean pause between one console's searches (repeatable; default 500 and 0)",
    )
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    settings = tuple(args.setting if args.setting is not None else DEFAULT_SETTINGS)
    thinks = args.think_ms if args.think_ms is not None else [500.0, 0.0]
    out: dict[str, Any] = {
        "cpu_count": os.cpu_count(),
        "server_settings": list(settings),
        "load_average_start": loadavg(),
    }
    with pg_cluster.running(settings, args.keep) as cluster:
        marker = cluster.root / f"bench_{args.customers}.json"
        info = build(cluster, args.customers, args.purchases_per_customer, args.consoles, marker)
        out["database"] = info
        dsn = cluster.dsn(info["database"])
        with (
            PostgresStore(dsn, max_connections=2) as store,
            psycopg.connect(dsn, autocommit=True) as conn,
            serving(dsn) as url,
        ):
            queries = _sample(conn, args.per_kind, args.seed)
            client = enrol(store, url, "Bench console")
            client.sign_in(agent(1), AGENT_PIN)
            if args.what in ("all", "search"):
                out["search"] = measure_search(client, store, conn, queries, args.ilike_per_kind)
            if args.what in ("all", "profile"):
                out["profile_10000_purchases"] = measure_profile(
                    client, conn, info["big_customer_id"], args.profile_runs
                )
            client.sign_out()
            if args.what in ("all", "consoles"):
                out["consoles"] = [
                    measure_consoles(store, url, queries, args.consoles, args.seconds, think)
                    for think in thinks
                ]
    out["load_average_end"] = loadavg()
    print(json.dumps(out, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
