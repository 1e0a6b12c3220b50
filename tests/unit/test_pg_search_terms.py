"""The PostgreSQL search terms carry their customer's rank key (0015_search_ranks):
a database indexed the old way (terms keyed by customer id) is indexed again by the
migration and then finds the same customers, newest visit first; a visit moves every
term of its customer."""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest

from console.domain.customer import Customer, Phone, Visit
from console.domain.search_text import plan_query
from console.repositories import Repositories
from console.repositories.customers import fill_derived
from console.storage.postgres import schema as pg_schema
from console.storage.postgres import search_repository as pg_search
from console.storage.postgres.store import PostgresStore, create_database
from tests.unit.conftest import NOW

UTC = dt.UTC


def _old_database(admin_dsn: str) -> str:
    """A database migrated up to 0013 whose three customers are indexed as 0008 did."""
    name = "sc_search_term_ranks"
    create_database(admin_dsn, name)
    dsn = admin_dsn.rsplit("/", 1)[0] + "/" + name
    people = [
        Customer("王伟", romanisation="Wang Wei", phones=[Phone("+8613800138000")]),
        Customer("王芳", romanisation="Wang Fang", email="fang@example.cn"),
        Customer("Wang Li", member_no="M00000077"),
    ]
    last_visits = [
        dt.datetime(2026, 3, 1, 9, tzinfo=UTC),
        dt.datetime(2026, 5, 1, 9, tzinfo=UTC),
        None,
    ]
    with psycopg.connect(dsn, autocommit=True) as conn:
        pg_schema.applied(conn)
        for step, fn in pg_schema.STEPS:
            if step == "0015_search_ranks":
                break
            with conn.transaction():
                fn(conn)
                conn.execute("INSERT INTO schema_migrations (name) VALUES (%s)", [step])
        for person, last in zip(people, last_visits, strict=True):
            row = conn.execute(
                "INSERT INTO customers (name, romanisation, email, member_no, created_at,"
                " updated_at, last_visit, visit_count) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)"
                " RETURNING id",
                [
                    person.name,
                    person.romanisation,
                    person.email,
                    person.member_no,
                    NOW,
                    NOW,
                    last,
                    0 if last is None else 1,
                ],
            ).fetchone()
            assert row is not None
            cid = int(row[0])
            for position, phone in enumerate(person.phones):
                conn.execute(
                    "INSERT INTO phones (customer_id, e164, position) VALUES (%s, %s, %s)",
                    [cid, phone.number, position],
                )
            names, terms = pg_search.index_of(fill_derived(person))
            conn.execute(
                "INSERT INTO search_docs (customer_id, rank_key, names, terms)"
                " VALUES (%s, %s, %s, %s)",
                [cid, pg_search.rank_of(last, cid), names, terms],
            )
            for term in dict.fromkeys(terms.split()):
                conn.execute(
                    "INSERT INTO search_terms (term, customer_id) VALUES (%s, %s)", [term, cid]
                )
    return dsn


def _names(store: PostgresStore, query: str, limit: int = 20) -> list[str]:
    return [h.name for h in store.read_now(lambda r: r.search.find(plan_query(query), limit=limit))]


def test_the_migration_indexes_the_terms_again_and_visits_move_them(pg_cluster_dsn: str) -> None:
    dsn = _old_database(pg_cluster_dsn)
    store = PostgresStore(dsn, max_connections=1)
    assert "0015_search_ranks" in store.open()
    try:
        with psycopg.connect(dsn) as conn:
            rows = conn.execute(
                "SELECT count(*), count(DISTINCT rank_key) FROM search_terms"
            ).fetchone()
            docs = conn.execute(
                "SELECT sum(cardinality(array(SELECT DISTINCT unnest("
                "string_to_array(btrim(terms, ' '), ' '))))) FROM search_docs"
            ).fetchone()
        assert rows is not None and docs is not None
        assert rows[0] == docs[0] and rows[1] == 3  # every term of every customer, once
        # Newest visit first: 王芳 (May), 王伟 (March), then the customer never seen.
        assert _names(store, "wang") == ["王芳", "王伟", "Wang Li"]
        assert _names(store, "王") == ["王芳", "王伟"]
        assert _names(store, "8000") == ["王伟"]  # the phone's last digits: a prefix range
        assert _names(store, "王伟") == ["王伟"]

        def visit(r: Repositories) -> int:
            hit = r.search.find(plan_query("Wang Li"))[0]
            return r.history.add_visit(
                Visit(hit.id, dt.datetime(2026, 6, 1, 9, tzinfo=UTC), "Jing'an", "Li")
            )

        store.write_now(visit)
        # Every look-up, exact or prefix, now finds Wang Li first.
        assert _names(store, "wang") == ["Wang Li", "王芳", "王伟"]
        assert _names(store, "wangli") == ["Wang Li"]
        assert _names(store, "wan") == ["Wang Li", "王芳", "王伟"]
        assert _names(store, "m000000") == ["Wang Li"]
    finally:
        store.close()


def test_a_document_too_long_for_the_walking_index_is_still_found(
    postgres_store: PostgresStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A btree entry holds about 2,700 bytes: a customer whose names and terms are longer
    # is left out of the walking index (its partial condition) and looked at apart.
    long_name = "Quentin " + "Bartholomew" * 300  # about 3,300 bytes, twice over
    people = [Customer(long_name), Customer("Quentin Adams"), Customer("Quentin Baker")]

    def add(r: Repositories) -> list[int]:
        return [r.customers.add(c, now=NOW) for c in people]

    ids = postgres_store.write_now(add)
    for cid, day in zip(ids, (3, 1, 2), strict=True):

        def visit(r: Repositories, cid: int = cid, day: int = day) -> int:
            return r.history.add_visit(Visit(cid, dt.datetime(2026, 6, day, 9, tzinfo=UTC)))

        postgres_store.write_now(visit)
    # Every prefix and substring counts as many, so each is walked.
    monkeypatch.setattr(pg_search, "FEW", 0)
    monkeypatch.setattr(pg_search, "MANY", 0)
    monkeypatch.setattr(pg_search, "PEEK_ROWS", 10)
    newest_first = ["Quentin B", "Quentin Baker", "Quentin Adams"]

    def short(names: list[str]) -> list[str]:
        return [n[:9] if n == long_name else n for n in names]

    for limit in (3, 2):  # two: the walk finds two short ones, the long one is newer
        assert short(_names(postgres_store, "quen", limit)) == newest_first[:limit]
        assert short(_names(postgres_store, "uentin", limit)) == newest_first[:limit]
    assert short(_names(postgres_store, "olomewbarth")) == ["Quentin B"]
    with psycopg.connect(postgres_store.dsn) as conn:
        walked = conn.execute(
            "SELECT count(*) FROM search_docs WHERE octet_length(names) + octet_length(terms)"
            f" <= {pg_search.WALK_BYTES}"
        ).fetchone()
    assert walked == (2,)
