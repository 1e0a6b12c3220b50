"""PostgreSQL's bulk path builds its COPY lines where the file is parsed (``bulk_rows.encode``,
an import's worker process) and writes a load's search terms many batches at a time: the
database holds exactly what the rows written one by one through the driver gave (the
helpers the single saves still use), text that COPY must escape included, and nothing of
the search index is missed or left behind by a save, merge or failure beside the load."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle
from pathlib import Path
from typing import Any

import pytest

from console.domain.clock import FixedClock
from console.domain.customer import (
    Customer,
    DuplicateFound,
    ImportantDate,
    Language,
    PartialDate,
    Phone,
    Purchase,
    PurchaseItem,
    Tier,
    Visit,
)
from console.domain.search_text import plan_query
from console.repositories import Repositories
from console.repositories.customers import Loaded, NewCustomer
from console.services import imports
from console.services.imports import import_customers
from console.storage.postgres import search_repository as index
from console.storage.postgres.customer_rows import (
    ROW_COLUMNS,
    customer_values,
    instant,
    phone_rows,
)
from console.storage.postgres.store import PostgresStore, create_database
from console.storage.sqlite.customer_rows import SharedKeys
from tests.unit.test_imports import OPTIONS, customers_file

NOW = dt.datetime(2026, 11, 28, 10, 0)
#: Every character COPY's text format escapes, and JSON's own escapes.
ODD = "tab\there back\\slash new\nline cr\rx bs\bx ff\fx vt\vx"


def _hostile(name: str, *, phones: list[Phone], email: str = "", member_no: str = "") -> Customer:
    return Customer(
        name=f"{name} {ODD}",
        preferred_name=f"\\{name}\\",
        romanisation="",
        language=Language.ZH_HANT,
        phones=phones,
        email=email,
        member_no=member_no,
        birthday=PartialDate(2, 29),
        dates=[
            ImportantDate(f"wedding\t{ODD}", PartialDate(10, 1, 2015)),
            ImportantDate("daughter's birthday", PartialDate(12, 31)),
        ],
        preferences=['say "hi"', "back\\slash", f"tab\tpref {ODD}"],
        dislikes=["coriander"],
        avoid_topics=[],
        notes=f"line 1\nline 2 — 第二行 😀 {ODD}",
        tier=Tier.GOLD,
        assigned_staff=" Li\tNa\\ ",
        marketing_consent=True,
        customer_kind=f"walk\\in\t{ODD}",
        greetings_consent=True,
    )


def _batch() -> list[NewCustomer]:
    """Customers whose text needs escaping, with history, two of them sharing every key
    (and one listing a number twice), one with search text of its own that needs it too."""
    at = dt.datetime(2026, 3, 1, 9, 30)
    first = NewCustomer.of(
        _hostile(
            "张伟明",
            phones=[Phone("+8613900000001", f"work\\{ODD}"), Phone("+8613900000002", "home")],
            email="Twin@Example.com",
            member_no="M-1",
        ),
        now=NOW,
        visits=[
            Visit(0, at, f"Central\t{ODD}", "Li\\Na", f"tea\tand\\cake {ODD}"),
            Visit(0, at - dt.timedelta(days=3), "S", "Li"),
        ],
        purchases=[
            Purchase(
                0,
                at,
                [
                    PurchaseItem(f"Latte \\ large {ODD}", 2, 3000, "drink\n"),
                    PurchaseItem("Scone", 1, 1800),
                ],
                f"Central\\{ODD}",
                "online",
                "HKD",
            ),
            Purchase(0, at - dt.timedelta(hours=5), [PurchaseItem("Cake", 1, 3000)]),
        ],
    )
    twin = NewCustomer.of(
        _hostile(
            "Twin",
            phones=[
                Phone("+8613900000001"),
                Phone("+8613900000003"),
                Phone("+8613900000003", "again"),
            ],
            email="twin@example.com",
            member_no="M-1",
        ),
        now=NOW,
    )
    own = NewCustomer(
        Customer("Own Text", phones=[Phone("+8613900000004")]),
        NOW,
        names=f"own\\text\twith\ttabs {ODD}",
        terms=" wown tback\\slash tb\bs",
    )
    plain = NewCustomer.of(Customer("Plain Person"), now=NOW)
    return [first, twin, own, plain]


#: Which keys each customer of :func:`_batch` shares (loaded with keep_duplicates).
SHARED = [
    SharedKeys(),
    SharedKeys(email=True, member_no=True, phones=frozenset({"+8613900000001"})),
    SharedKeys(),
    SharedKeys(),
]


def _expected(ids: list[int], batch: list[NewCustomer]) -> dict[str, list[tuple[Any, ...]]]:
    """The rows the bulk load wrote before it had an encoder (its own code, row by row
    through psycopg's ``write_row``), from the helpers single saves still use."""
    rows: dict[str, list[tuple[Any, ...]]] = {
        k: [] for k in ("customers", "phones", "dates", "visits", "purchases", "items", "docs")
    }
    terms: set[tuple[str, int]] = set()
    for cid, new, keys in zip(ids, batch, SHARED, strict=True):
        c = new.customer
        visits = [(cid, instant(v.at), v.store, v.staff, v.note) for v in new.visits]
        last_visit = max((v[1] for v in visits), default=None)
        rows["customers"].append(
            (
                cid,
                keys.email,
                keys.member_no,
                instant(new.added_at),
                len(visits),
                last_visit,
                *customer_values(c, new.added_at, json=list),
            )
        )
        rows["phones"].extend(phone_rows(cid, c, keys))
        rows["dates"].extend((cid, d.label, d.date.month, d.date.day, d.date.year) for d in c.dates)
        rows["visits"].extend(visits)
        for p in new.purchases:
            rows["purchases"].append(
                (cid, instant(p.at), p.store, p.channel, p.currency, p.total_minor)
            )
            rows["items"].extend(
                (cid, i.name, i.quantity, i.price_minor, i.category) for i in p.items
            )
        rank = index.rank_of(last_visit, cid)
        rows["docs"].append((cid, rank, new.names, new.terms))
        terms.update(index.term_rows(rank, new.terms))
    rows["terms"] = sorted(terms)
    return rows


def _stored(r: Repositories) -> dict[str, list[tuple[Any, ...]]]:
    conn = r.conn  # type: ignore[attr-defined]

    def q(sql: str) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in conn.execute(sql).fetchall()]

    return {
        "customers": q(
            "SELECT id, email_shared, member_no_shared, created_at, visit_count, last_visit, "
            f"{', '.join(ROW_COLUMNS)} FROM customers ORDER BY id"
        ),
        "phones": q("SELECT customer_id, e164, label, position, shared FROM phones ORDER BY id"),
        "dates": q("SELECT customer_id, label, month, day, year FROM important_dates ORDER BY id"),
        "visits": q("SELECT customer_id, at, store, staff, note FROM visits ORDER BY id"),
        "purchases": q(
            "SELECT customer_id, at, store, channel, currency, total_minor FROM purchases "
            "ORDER BY id"
        ),
        "items": q(
            "SELECT p.customer_id, i.name, i.quantity, i.price_minor, i.category "
            "FROM purchase_items i JOIN purchases p ON p.id = i.purchase_id ORDER BY i.id"
        ),
        "docs": q(
            "SELECT customer_id, rank_key, names, terms FROM search_docs ORDER BY customer_id"
        ),
        "terms": q("SELECT term, rank_key FROM search_terms ORDER BY term, rank_key"),
    }


@pytest.mark.parametrize("how", ["add", "add_encoded"])
def test_encoded_rows_store_what_the_rows_one_by_one_stored(
    postgres_store: PostgresStore, how: str
) -> None:
    batch = _batch()
    before = [dataclasses.replace(new, customer=dataclasses.replace(new.customer)) for new in batch]

    def job(r: Repositories) -> Loaded:
        with r.customers.bulk_load() as load:
            if how == "add":
                return load.add(batch, keep_duplicates=True)
            # As an import's worker sends them: encoded there, pickled across.
            encoded = pickle.loads(pickle.dumps(r.customers.bulk_encoder()(batch)))  # type: ignore[misc]
            return load.add_encoded(encoded, keep_duplicates=True)

    assert postgres_store.write_now(job) == Loaded(4, 2, 2)
    stored = postgres_store.read_now(_stored)
    ids = [row[0] for row in stored["customers"]]
    assert len(ids) == 4
    expected = _expected(ids, before)
    for table, rows in expected.items():
        assert stored[table] == rows, table
    if how == "add":  # add() gives the customers their ids, as before
        assert [new.customer.id for new in batch] == ids
    # Found by the text that needed escaping, as the search parity expects.
    assert [h.id for h in postgres_store.read_now(lambda r: r.search.find(plan_query("伟明")))] == [
        ids[0]
    ]


def test_encoded_duplicates_within_a_batch_are_refused_by_name(
    postgres_store: PostgresStore,
) -> None:
    batch = _batch()[:2]  # the twin shares every key with the first

    def job(r: Repositories) -> Loaded:
        with r.customers.bulk_load() as load:
            encoded = r.customers.bulk_encoder()(batch)  # type: ignore[misc]
            return load.add_encoded(encoded)

    with pytest.raises(DuplicateFound) as found:
        postgres_store.write_now(job)
    conflict = found.value.conflicts[0]
    assert (conflict.field, conflict.value, conflict.other_id) == ("phone", "+8613900000001", 0)
    assert conflict.other_name == batch[0].customer.name
    assert postgres_store.read_now(lambda r: r.customers.count()) == 0


def test_a_load_writes_its_deferred_search_terms_in_pieces_and_at_its_end(
    postgres_store: PostgresStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index, "DEFER_TERMS", 10)  # a few customers' terms at a time
    customers = [Customer(f"Person Number{i}", member_no=f"P-{i}") for i in range(7)]
    news = [NewCustomer.of(c, now=NOW) for c in customers]
    waited: list[int] = []

    def job(r: Repositories) -> None:
        conn = r.conn  # type: ignore[attr-defined]
        with r.customers.bulk_load() as load:
            for new in news:
                load.add([new])
                waited.append(index.deferred_terms(conn))

    postgres_store.write_now(job)
    assert max(waited) < 10 and 0 in waited  # written as they reached DEFER_TERMS
    stored = postgres_store.read_now(_stored)["terms"]
    assert stored == sorted(
        {row for new in news for row in index.term_rows(new.customer.id or 0, new.terms)}
    )
    for i in range(7):
        hits = postgres_store.read_now(lambda r, i=i: r.search.find(plan_query(f"number{i}")))
        assert [h.name for h in hits] == [f"Person Number{i}"]


def test_a_save_or_merge_beside_a_load_sees_the_deferred_terms(
    postgres_store: PostgresStore,
) -> None:
    """Saving or merging a customer the load wrote, in the same transaction, while its
    terms still wait: the old terms are gone afterwards, none comes back at the end."""
    news = [
        NewCustomer.of(Customer("Oldname Person", phones=[Phone("+8613900000011")]), now=NOW),
        NewCustomer.of(Customer("Mergedaway Person", phones=[Phone("+8613900000012")]), now=NOW),
        NewCustomer.of(Customer("Keeper Person", phones=[Phone("+8613900000013")]), now=NOW),
    ]

    def job(r: Repositories) -> None:
        with r.customers.bulk_load() as load:
            load.add(news)
            renamed = r.customers.get(news[0].customer.id or 0)
            assert renamed is not None
            renamed.name = "Newname Person"
            r.customers.update(renamed, now=NOW)
            r.customers.merge(news[2].customer.id or 0, news[1].customer.id or 0, now=NOW)
            assert [h.name for h in r.search.find(plan_query("newname"))] == ["Newname Person"]

    postgres_store.write_now(job)

    def names(query: str) -> list[str]:
        return [h.name for h in postgres_store.read_now(lambda r: r.search.find(plan_query(query)))]

    assert names("oldname") == []
    assert names("newname") == ["Newname Person"]
    assert names("mergedaway") == []
    assert names("keeper") == ["Keeper Person"]
    assert (
        postgres_store.read_now(
            lambda r: r.conn.execute(  # type: ignore[attr-defined]
                "SELECT count(*) FROM search_terms t WHERE NOT EXISTS "
                "(SELECT 1 FROM search_docs d WHERE d.rank_key = t.rank_key)"
            ).fetchone()[0]
        )
        == 0
    )


def test_a_failed_load_leaves_no_terms_waiting(postgres_store: PostgresStore) -> None:
    def job(r: Repositories) -> None:
        with r.customers.bulk_load() as load:
            load.add([NewCustomer.of(Customer("Waiting Person"), now=NOW)])
            raise RuntimeError("the import stops")

    with pytest.raises(RuntimeError):
        postgres_store.write_now(job)
    assert not index._deferred  # nothing left for the pooled connection's next job
    postgres_store.write_now(
        lambda r: r.customers.add(Customer("Next Job", phones=[Phone("+8613900000021")]), now=NOW)
    )
    assert (
        postgres_store.read_now(
            lambda r: r.conn.execute(  # type: ignore[attr-defined]
                "SELECT count(DISTINCT rank_key) FROM search_terms"
            ).fetchone()[0]
        )
        == 1
    )


def _pg_import(
    dsn: str, name: str, path: Path, **options: bool
) -> tuple[int, list[str], dict[str, list[tuple[Any, ...]]]]:
    create_database(dsn, name, template="sc_template")
    with PostgresStore(dsn.rsplit("/", 1)[0] + "/" + name, max_connections=2) as store:
        store.write_now(
            lambda r: r.customers.add(
                Customer("Existing", phones=[Phone("+8613900001111")]), now=NOW
            )
        )
        result = import_customers(store, path, region="CN", clock=FixedClock(NOW), **options)
        return result.imported, [str(e) for e in result.errors], store.read_now(_stored)


@pytest.mark.parametrize("options", OPTIONS, ids=["all_or_nothing", "skip_invalid", "dry_run"])
def test_an_import_in_chunks_is_the_import_in_one_piece(
    pg_cluster_dsn: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    options: dict[str, bool],
) -> None:
    """An import in chunks of 7 (checks from memory from the second on, search terms
    deferred and written every 50): the same rows, errors and index as one chunk."""
    path = customers_file(tmp_path)
    suffix = "_".join(sorted(options)) or "plain"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(imports, "PARALLEL_FROM_BYTES", 1 << 60)
        patch.setattr(imports, "BULK_FROM_CHUNK", 1 << 60)
        patch.setattr(imports, "CHUNK", 1 << 60)
        expected = _pg_import(pg_cluster_dsn, f"one_piece_{suffix}", path, **options)
    monkeypatch.setattr(imports, "PARALLEL_FROM_BYTES", 1 << 60)
    monkeypatch.setattr(imports, "CHUNK", 7)
    monkeypatch.setattr(imports, "BULK_FROM_CHUNK", 1)
    monkeypatch.setattr(index, "DEFER_TERMS", 50)
    got = _pg_import(pg_cluster_dsn, f"chunks_{suffix}", path, **options)
    assert got == expected
    if not options:
        assert got[0] == 0 and len(got[1]) == 4
    else:
        assert len(got[1]) == 4
