"""A customer's history: visits, purchases (with their items) and rewards redeemed.

A visit also moves the customer's visit facts (count, last visit) and their place in the
search index, in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import sqlite_utils

from console.domain.customer import Purchase, PurchaseItem, Visit
from console.repositories.history import PurchaseFacts
from console.storage.sqlite import search_index
from console.storage.sqlite.customer_rows import iso, merged_into, parse_dt
from console.storage.sqlite.transactions import write_transaction


def refresh_visit_facts(db: sqlite_utils.Database, customer_id: int) -> None:
    """The customer's visit count and last visit from their visits (and its search rank)."""
    count, last = db.execute(
        "SELECT count(*), coalesce(max(at), '') FROM visits WHERE customer_id = ?", [customer_id]
    ).fetchone()
    db.execute(
        "UPDATE customers SET visit_count = ?, last_visit = ? WHERE id = ?",
        [count, last, customer_id],
    )
    search_index.set_rank(db, customer_id, last)


def record_visit(db: sqlite_utils.Database, visit: Visit) -> int:
    with write_transaction(db):
        if merged_into(db, visit.customer_id) is not None:
            raise ValueError("this customer was merged into another profile")
        cursor = db.execute(
            "INSERT INTO visits (customer_id, at, store, staff, note) VALUES (?, ?, ?, ?, ?)",
            [visit.customer_id, iso(visit.at), visit.store, visit.staff, visit.note],
        )
        refresh_visit_facts(db, visit.customer_id)
    visit.id = int(cursor.lastrowid or 0)
    return visit.id


def record_purchase(db: sqlite_utils.Database, purchase: Purchase) -> int:
    if not purchase.items:
        raise ValueError("a purchase needs at least one item")
    with write_transaction(db):
        cursor = db.execute(
            "INSERT INTO purchases (customer_id, at, store, channel, currency, total_minor) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                purchase.customer_id,
                iso(purchase.at),
                purchase.store,
                purchase.channel,
                purchase.currency,
                purchase.total_minor,
            ],
        )
        pid = int(cursor.lastrowid or 0)
        db.conn.executemany(
            "INSERT INTO purchase_items (purchase_id, name, quantity, price_minor, category) "
            "VALUES (?, ?, ?, ?, ?)",
            [(pid, i.name, i.quantity, i.price_minor, i.category) for i in purchase.items],
        )
    purchase.id = pid
    return pid


def insert_history(
    db: sqlite_utils.Database,
    visits: list[tuple[int, str, str, str, str]],
    heads: list[tuple[int, str, str, str, str, int]],
    items: list[list[tuple[str, int, int, str]]],
) -> None:
    """Insert visits ``(customer_id, at, store, staff, note)`` and purchases ``(customer_id,
    at, store, channel, currency, total_minor)`` with their items ``(name, quantity,
    price_minor, category)`` (one list per purchase), as stored text; the database numbers
    the purchases (see :func:`numbered`)."""
    conn = db.conn
    conn.executemany(
        "INSERT INTO visits (customer_id, at, store, staff, note) VALUES (?, ?, ?, ?, ?)", visits
    )
    ids = numbered(
        db,
        "purchases",
        "INSERT INTO purchases (customer_id, at, store, channel, currency, total_minor) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        heads,
    )
    conn.executemany(
        "INSERT INTO purchase_items (purchase_id, name, quantity, price_minor, category) "
        "VALUES (?, ?, ?, ?, ?)",
        [(pid, *item) for pid, its in zip(ids, items, strict=True) for item in its],
    )


def numbered(
    db: sqlite_utils.Database, table: str, sql: str, rows: Sequence[tuple[Any, ...]]
) -> range:
    """Insert *rows* into *table* with one ``executemany`` and return the ids the
    database gave them, in order.

    The rows go in without ids (*sql* names no id column) and SQLite numbers them. Inside
    the caller's write transaction nothing else writes, so one statement's rows get
    consecutive ids ending at ``last_insert_rowid()``; that is checked, not assumed.
    """
    if not rows:
        return range(0)
    conn = db.conn
    before = conn.total_changes
    conn.executemany(sql, rows)
    last = int(conn.execute("SELECT last_insert_rowid()").fetchone()[0])
    ids = range(last - len(rows) + 1, last + 1)
    written = conn.execute(
        f"SELECT count(*) FROM {table} WHERE id BETWEEN ? AND ?", [ids.start, last]
    ).fetchone()[0]
    if conn.total_changes - before != len(rows) or written != len(rows):
        raise RuntimeError(f"the new rows of {table} were not numbered consecutively")
    return ids


def list_visits(
    db: sqlite_utils.Database, customer_id: int, *, offset: int = 0, limit: int = 50
) -> list[Visit]:
    return [
        Visit(r["customer_id"], parse_dt(r["at"]), r["store"], r["staff"], r["note"], r["id"])
        for r in db.query(
            "SELECT * FROM visits WHERE customer_id = ? ORDER BY at DESC, id DESC LIMIT ? OFFSET ?",
            [customer_id, limit, offset],
        )
    ]


def list_purchases(
    db: sqlite_utils.Database, customer_id: int, *, offset: int = 0, limit: int = 50
) -> list[Purchase]:
    heads = list(
        db.query(
            "SELECT * FROM purchases WHERE customer_id = ? "
            "ORDER BY at DESC, id DESC LIMIT ? OFFSET ?",
            [customer_id, limit, offset],
        )
    )
    if not heads:
        return []
    ids = [h["id"] for h in heads]
    items: dict[int, list[PurchaseItem]] = {i: [] for i in ids}
    marks = ",".join("?" * len(ids))
    for r in db.query(
        f"SELECT purchase_id, name, quantity, price_minor, category FROM purchase_items "
        f"WHERE purchase_id IN ({marks}) ORDER BY id",
        ids,
    ):
        items[r["purchase_id"]].append(
            PurchaseItem(r["name"], r["quantity"], r["price_minor"], r["category"])
        )
    return [
        Purchase(
            h["customer_id"],
            parse_dt(h["at"]),
            items[h["id"]],
            h["store"],
            h["channel"],
            h["currency"],
            h["id"],
        )
        for h in heads
    ]


def count_purchases(db: sqlite_utils.Database, customer_id: int) -> int:
    return int(
        db.execute(
            "SELECT count(*) FROM purchases WHERE customer_id = ?", [customer_id]
        ).fetchone()[0]
    )


def count_visits(db: sqlite_utils.Database, customer_id: int) -> int:
    return int(
        db.execute("SELECT count(*) FROM visits WHERE customer_id = ?", [customer_id]).fetchone()[0]
    )


def purchase_facts(
    db: sqlite_utils.Database, customer_id: int, *, loyalty_category: str, favourites: int = 3
) -> PurchaseFacts:
    facts = PurchaseFacts()
    # Summed in Python, not with SQL's sum(): SQLite's sum() fails with "integer overflow"
    # past 2**63, and a profile must open even for purchases saved before amounts had
    # bounds (console.domain.customer.MAX_PURCHASE_TOTAL_MINOR).
    spend: dict[str, int] = {}
    last_at: str | None = None
    for currency, total, at in db.execute(
        "SELECT currency, total_minor, at FROM purchases WHERE customer_id = ?", [customer_id]
    ):
        spend[currency] = spend.get(currency, 0) + int(total or 0)
        if last_at is None or at > last_at:
            last_at = at
    for currency, total in sorted(spend.items(), key=lambda kv: -kv[1]):
        facts.spend_by_currency[currency] = total
    if last_at is not None:
        facts.last_purchase = parse_dt(last_at)
    # One pass over the customer's items: quantities per item name (favourites), and how
    # many of them count for the loyalty rule. (A customer has few distinct items, so
    # the per-name totals are small; names sort as SQLite's BINARY collation does.)
    per_name = db.execute(
        # total() (a float) rather than sum(): it cannot overflow on old, unbounded rows.
        "SELECT i.name, total(i.quantity), "
        "total(CASE WHEN trim(?2) = '' OR lower(trim(i.category)) = lower(trim(?2)) "
        "THEN i.quantity ELSE 0 END) "
        "FROM purchases p JOIN purchase_items i ON i.purchase_id = p.id "
        "WHERE p.customer_id = ?1 GROUP BY i.name",
        [customer_id, loyalty_category],
    ).fetchall()
    per_name.sort(key=lambda r: (-r[1], r[0]))
    top = per_name if favourites < 0 else per_name[:favourites]  # as SQL's LIMIT -1: all
    facts.favourite_items = [(name, int(qty)) for name, qty, _ in top]
    facts.qualifying_quantity = sum(int(qualifying) for _, _, qualifying in per_name)
    facts.rewards_redeemed = int(
        db.execute(
            "SELECT count(*) FROM rewards_redeemed WHERE customer_id = ?", [customer_id]
        ).fetchone()[0]
    )
    return facts


def redeem_reward(
    db: sqlite_utils.Database, customer_id: int, *, at: dt.datetime, staff: str, note: str = ""
) -> int:
    with write_transaction(db):
        cursor = db.execute(
            "INSERT INTO rewards_redeemed (customer_id, at, staff, note) VALUES (?, ?, ?, ?)",
            [customer_id, iso(at), staff, note],
        )
    return int(cursor.lastrowid or 0)
