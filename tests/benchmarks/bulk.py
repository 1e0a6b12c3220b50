"""Bulk writers for tests and benchmarks only (the app's bulk path is
``repos.customers.bulk_load()``): many customers at once, or history for customers that
exist, straight into a SQLite database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from itertools import islice

import sqlite_utils

from console.domain.customer import Customer, PurchaseItem
from console.repositories.customers import NewCustomer
from console.storage.sqlite import search_index
from console.storage.sqlite.bulk_load import bulk_load
from console.storage.sqlite.customer_rows import iso
from console.storage.sqlite.history import insert_history
from console.storage.sqlite.transactions import write_transaction


def bulk_insert_customers(
    db: sqlite_utils.Database,
    customers: Iterable[Customer],
    *,
    now: dt.datetime,
    batch_size: int = 5000,
) -> int:
    """Insert many customers through the bulk path in one transaction (their ids are set);
    returns how many. No duplicate checks: customers that share keys are kept as
    duplicates."""
    total = 0
    iterator = iter(customers)
    with write_transaction(db), bulk_load(db) as load:
        while chunk := list(islice(iterator, batch_size)):
            batch = [NewCustomer.of(c, now=now) for c in chunk]
            total += load.add(batch, keep_duplicates=True).customers
    return total


def bulk_insert_history(
    db: sqlite_utils.Database,
    visits: Sequence[tuple[int, dt.datetime, str, str, str]],
    purchases: Sequence[tuple[int, dt.datetime, str, str, str, list[PurchaseItem]]],
) -> None:
    """Insert many visits ``(customer_id, at, store, staff, note)`` and purchases
    ``(customer_id, at, store, channel, currency, items)`` in one transaction, then
    refresh the visit facts (and search ranks) of the customers touched."""
    with write_transaction(db):
        insert_history(
            db,
            [(cid, iso(at), store, staff, note) for cid, at, store, staff, note in visits],
            [
                (cid, iso(at), store, channel, currency, sum(i.total_minor for i in its))
                for cid, at, store, channel, currency, its in purchases
            ],
            [
                [(i.name, i.quantity, i.price_minor, i.category) for i in its]
                for *_head, its in purchases
            ],
        )
        touched = sorted({v[0] for v in visits})
        if not touched:
            return
        db.conn.executemany(
            "UPDATE customers SET "
            "visit_count = (SELECT count(*) FROM visits WHERE customer_id = ?1), "
            "last_visit = (SELECT coalesce(max(at), '') FROM visits WHERE customer_id = ?1) "
            "WHERE id = ?1",
            [(cid,) for cid in touched],
        )
        search_index.move_rank_keys(db, touched)


def like_search(db: sqlite_utils.Database, text: str, *, limit: int = 20) -> list[int]:
    """The plainest alternative to the search index (``LIKE '%q%'`` over names, phones,
    e-mails, member numbers), so that benchmarks can show what the index buys."""
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = db.execute(
        "SELECT id FROM customers WHERE merged_into IS NULL AND (name LIKE ?1 ESCAPE '\\' "
        "OR preferred_name LIKE ?1 ESCAPE '\\' OR email LIKE ?1 ESCAPE '\\' "
        "OR member_no LIKE ?1 ESCAPE '\\' OR id IN (SELECT customer_id FROM phones "
        "WHERE e164 LIKE ?1 ESCAPE '\\')) ORDER BY last_visit DESC LIMIT ?2",
        [pattern, limit],
    ).fetchall()
    return [int(r[0]) for r in rows]
