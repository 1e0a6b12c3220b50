"""Both stores find the same customers in the same order.

The same varied front desk (generated Chinese, Hong Kong, Taiwanese, British and American
customers with pinyin, phones, e-mails and member numbers; namesakes; customers kept as
duplicates on purpose; merged customers; visits that tie and visits that do not) is
written the same way into a SQLite store and a PostgreSQL store, and a broad list of
queries of every kind must give identical hits (ids, names, tiers, visit facts) in
identical order.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.domain.customer import Customer, Phone, Visit
from console.domain.search_text import SearchHit, plan_query
from console.repositories import Repositories, Store
from console.repositories.customers import NewCustomer
from console.services.demo_data import generate_customers
from console.storage.postgres import search_repository as pg_search
from console.storage.sqlite.runner import DatabaseRunner
from tests.unit.conftest import NOW

D = dt.datetime


def _customers() -> list[Customer]:
    found: list[Customer] = []
    for region, count, seed in (("CN", 240, 11), ("HK", 80, 12), ("TW", 60, 13)):
        found.extend(generate_customers(count, seed=seed, region=region, today=NOW.date()))
    start = 10_000
    for region in ("GB", "US"):
        found.extend(
            generate_customers(60, seed=14, region=region, today=NOW.date(), start_member_no=start)
        )
        start += 1_000
    # Namesakes, look-alikes and hand-made keys.
    found.extend(
        [
            Customer("张伟", phones=[Phone("+8613812345678")], member_no="VIP-0042"),
            Customer("張偉", preferred_name="張先生"),
            Customer("张伟明", email="weiming@example.cn"),
            Customer("Zhang Wei", email="Zhang.Wei@Example.com"),
            Customer("Wei Zhang", phones=[Phone("+861087654321")]),
            Customer("Zoë O'Brien", email="zoe.obrien@example.com", member_no="M-1001"),
            Customer("Zoe OBrien", phones=[Phone("+442079460958")]),
            Customer("José Ñúñez", member_no="C-000118"),
            Customer("Anna", preferred_name="Ms. Anna"),
            Customer("Annabel Lee", phones=[Phone("+8613800005678")]),
            Customer("Li", member_no="88885678"),
            Customer("李娜", phones=[Phone("+8613900001111")]),
            Customer("李", romanisation="Lee"),
            Customer("欧阳娜娜", email="nana@example.tw"),
        ]
    )
    return found


#: The ways the customers are written (the same on both stores, in the same order).
BULK = 250  # the first customers go through the bulk path, the rest one by one


def _load(store: Store, customers: list[Customer]) -> None:
    customers = copy.deepcopy(customers)

    def bulk(r: Repositories) -> None:
        with r.customers.bulk_load() as load:
            for start in range(0, BULK, 60):
                batch = customers[start : min(start + 60, BULK)]
                load.add([NewCustomer.of(c, now=NOW) for c in batch], keep_duplicates=True)

    store.write_now(bulk)
    for c in customers[BULK:]:

        def add(r: Repositories, c: Customer = c) -> int:
            duplicate = bool(r.customers.conflicts(c))
            return r.customers.add(c, now=NOW, duplicate_ok=duplicate)

        store.write_now(add)
    # Visits: some customers on the same day and second (ties fall back to the newer
    # customer), some on their own days, some never.
    ids = [c.id for c in customers]
    for i, cid in enumerate(ids):
        assert cid is not None
        if i % 3 == 0:
            continue
        at = D(2026, 1 + i % 11, 1 + i % 27, 9 + i % 8, 0 if i % 5 else 30)

        def visit(r: Repositories, cid: int = cid, at: dt.datetime = at) -> int:
            return r.history.add_visit(Visit(cid, at, "Jing'an", "Li"))

        store.write_now(visit)
    # Merges: a namesake into the other, and some generated customers into others.
    for keep, other in ((-14, -13), (-9, -8), (5, 6), (40, 41), (300, 301)):
        keep_id, other_id = ids[keep], ids[other]
        assert keep_id is not None and other_id is not None
        store.write_now(lambda r, k=keep_id, o=other_id: r.customers.merge(k, o, now=NOW))
    # An edit: a renamed customer is found by the new name only.
    renamed = ids[10]
    assert renamed is not None

    def rename(r: Repositories) -> None:
        c = r.customers.get(renamed)
        assert c is not None
        c.name, c.romanisation = "王小明", ""
        r.customers.update(c, now=NOW)

    store.write_now(rename)


def _queries(customers: list[Customer]) -> Iterator[str]:
    yield from [
        # 1-2 letters and short prefixes (the walk over the newest customers)
        *"abcdehjlmrstwxyz",
        *["zh", "li", "wa", "an", "ma", "jo", "da", "ch", "xi", "yu", "hu", "ol", "sm"],
        *["zhang", "wang", "huang", "chen", "xiao", "brown", "smith", "john", "ann"],
        # substrings of 3+ characters
        *["ing", "ang", "ian", "obr", "nun", "ohn", "avi", "ith", "ell", "ong", "uan"],
        # Chinese characters: one, two, start and middle, Traditional for Simplified
        *["张", "王", "李", "陈", "伟", "明", "娜", "慧", "张伟", "伟明", "張偉", "欧阳", "小明"],
        # pinyin, initials, whole names
        *["zhangwei", "zhang wei", "wei zhang", "zw", "lina", "ouyang", "nana", "wang xiao"],
        # phones: whole, national with trunk 0, 00 prefix, fragments and last digits
        *["+8613812345678", "13812345678", "010 8765 4321", "0044 20 7946 0958", "5678"],
        *["1111", "0001", "138", "1380", "13800", "86138", "4420", "000"],
        # e-mails and member numbers
        *["@example", "example.com", "zoe.obrien@example.com", "ZHANG.WEI@EXAMPLE.COM"],
        *["M00000001", "m0000", "M-1001", "vip-0042", "0042", "C-000118", "000118", "118"],
        # the merged-away and the renamed
        *["zoe obrien", "zoe", "o'brien", "王小明"],
    ]
    for c in customers[::7]:
        name = c.name
        yield name
        yield name[:1]
        yield name[:2]
        yield name[1:3]
        if c.romanisation:
            yield c.romanisation
            yield c.romanisation.split()[0]
        if c.preferred_name:
            yield c.preferred_name
        for p in c.phones:
            yield p.number
            yield p.number[-4:]
            yield p.number[-7:]
        if c.email:
            yield c.email
            yield c.email.split("@")[0][:4]
        if c.member_no:
            yield c.member_no
            yield c.member_no[-5:]


def _hits(store: Store, query: str, limit: int) -> list[tuple[object, ...]]:
    plan = plan_query(query)
    found: list[SearchHit] = store.read_now(lambda r: r.search.find(plan, limit=limit))
    return [
        (h.id, h.name, h.match, h.phones, h.member_no, h.email, h.last_visit, h.visit_count)
        for h in found
    ]


@pytest.fixture
def stores(tmp_path: Path, postgres_store: Store) -> Iterator[tuple[Store, Store]]:
    sqlite = DatabaseRunner(tmp_path / "parity.db")
    sqlite.open()
    try:
        yield sqlite, postgres_store
    finally:
        sqlite.close()


def test_both_stores_find_the_same_customers_in_the_same_order(
    stores: tuple[Store, Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    sqlite, postgres = stores
    customers = _customers()
    for store in stores:
        _load(store, customers)
    assert sqlite.read_now(lambda r: r.customers.count()) == postgres.read_now(
        lambda r: r.customers.count()
    )
    queries = list(dict.fromkeys(_queries(customers)))
    assert len(queries) > 400
    differing = []
    nonempty = 0
    for query in queries:
        for limit in (20, 5):
            expected = _hits(sqlite, query, limit)
            nonempty += bool(expected)
            if _hits(postgres, query, limit) != expected:
                differing.append((query, limit))
    assert differing == []
    assert nonempty > len(queries)  # most queries find someone: the comparison means something
    # PostgreSQL's look-ups with many matches (thousands among a million customers) walk
    # the newest customers, and rank every match when the walk does not find enough:
    # here with a few matches counting as many, each step of the way finding enough or
    # too few (a peek at the newest that finds them all, some, or none; walks long
    # enough or too short).
    monkeypatch.setattr(pg_search, "FEW", 1)
    monkeypatch.setattr(pg_search, "MANY", 3)
    for peek_rows, walk_rows in ((100_000, 100_000), (3, 100_000), (3, 40), (1, 6)):
        monkeypatch.setattr(pg_search, "PEEK_ROWS", peek_rows)
        monkeypatch.setattr(pg_search, "MANY_WALK_ROWS", walk_rows)
        monkeypatch.setattr(pg_search, "SUBSTRING_WALK_ROWS", walk_rows)
        for query in queries[::2]:
            for limit in (20, 5):
                assert _hits(postgres, query, limit) == _hits(sqlite, query, limit), (
                    query,
                    limit,
                    peek_rows,
                    walk_rows,
                )
    monkeypatch.undo()
    # Rebuilding the index from the tables gives the same answers again.
    assert postgres.write_now(lambda r: r.search.rebuild()) == sqlite.write_now(
        lambda r: r.search.rebuild()
    )
    for query in queries[::5]:
        assert _hits(postgres, query, 20) == _hits(sqlite, query, 20), query
