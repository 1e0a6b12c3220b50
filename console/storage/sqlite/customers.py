"""Customers' records: add, update, duplicates, merge.

Every function takes the open ``sqlite_utils.Database`` of the database thread. Writes
run inside ``write_transaction`` (BEGIN IMMEDIATE); the search index is updated in the
same transaction as the customer, so a search never sees a half-saved customer and an
edit is findable at once. Reading rows: :mod:`.customer_rows`; the index:
:mod:`.search_index`; visits and purchases: :mod:`.history`; Today: :mod:`.today`;
many new customers at once: :mod:`.bulk_load`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from typing import Any

import sqlite_utils

from console.domain.customer import Conflict, Customer, DuplicateFound, Language, Tier
from console.domain.versions import ChangedMeanwhile
from console.repositories.customers import fill_derived
from console.storage.sqlite import driver, history, search_index
from console.storage.sqlite.customer_rows import (
    SharedKeys,
    count_customers,
    customer_row,
    get_customer,
    iso,
    iter_customers,
    merged_into,
    parse_dt,
    write_children,
)
from console.storage.sqlite.transactions import write_transaction

__all__ = [
    "count_customers",
    "find_by_member_or_phone",
    "find_conflicts",
    "get_customer",
    "insert_customer",
    "iter_customers",
    "merge_customers",
    "merged_into",
    "update_customer",
]


@contextlib.contextmanager
def _keys_unique(db: sqlite_utils.Database, customer: Customer) -> Iterator[None]:
    """Turn a violation of the unique keys (0011_customer_keys) into DuplicateFound, the
    same refusal as the check before a save gives."""
    try:
        yield
    except driver.IntegrityError:
        conflicts = find_conflicts(db, customer)
        if not conflicts:
            raise
        raise DuplicateFound(conflicts) from None


def insert_customer(
    db: sqlite_utils.Database,
    customer: Customer,
    *,
    now: dt.datetime,
    by: str = "",
    duplicate_ok: bool = False,
) -> int:
    """Insert *customer* (version 1, saved by *by*); sets its id and version.

    DuplicateFound when another live customer has one of its phones, its e-mail or its
    member number, unless *duplicate_ok* (kept as a duplicate on purpose)."""
    fill_derived(customer)
    row = customer_row(customer, now)
    row["created_at"] = iso(now)
    row["changed_by"] = by
    with _keys_unique(db, customer), write_transaction(db):
        shared = SharedKeys.of(find_conflicts(db, customer)) if duplicate_ok else SharedKeys()
        row["email_shared"], row["member_no_shared"] = int(shared.email), int(shared.member_no)
        cursor = db.execute(
            f"INSERT INTO customers ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
        customer_id = int(cursor.lastrowid or 0)
        write_children(db, customer_id, customer, shared=shared)
        search_index.write_index(db, customer_id, search_index.keys_for(customer), "")
    customer.id = customer_id
    customer.version, customer.changed_by = 1, by
    return customer_id


def update_customer(
    db: sqlite_utils.Database,
    customer: Customer,
    *,
    now: dt.datetime,
    by: str = "",
    duplicate_ok: bool = False,
) -> None:
    """Save *customer* over its record as the next version, saved by *by*.

    LookupError when it does not exist (or was merged away); ChangedMeanwhile when
    *customer* carries a version and the record has moved past it; DuplicateFound as
    :func:`insert_customer` (nothing is saved then).
    """
    if customer.id is None:
        raise ValueError("customer has no id")
    fill_derived(customer)
    row = customer_row(customer, now)
    row["changed_by"] = by
    with _keys_unique(db, customer), write_transaction(db):
        shared = SharedKeys.of(find_conflicts(db, customer)) if duplicate_ok else SharedKeys()
        row["email_shared"], row["member_no_shared"] = int(shared.email), int(shared.member_no)
        current = db.execute(
            "SELECT last_visit, version, changed_by, updated_at FROM customers "
            "WHERE id = ? AND merged_into IS NULL",
            [customer.id],
        ).fetchone()
        if current is None:
            raise LookupError(f"customer {customer.id} does not exist")
        last_visit, version, changed_by, updated_at = current
        if customer.version is not None and customer.version != version:
            raise ChangedMeanwhile(
                "customer", customer.id, by=changed_by, at=parse_dt(updated_at), version=version
            )
        db.execute(
            f"UPDATE customers SET {', '.join(f'{k} = ?' for k in row)}, version = ? WHERE id = ?",
            [*row.values(), version + 1, customer.id],
        )
        write_children(db, customer.id, customer, shared=shared)
        search_index.write_index(db, customer.id, search_index.keys_for(customer), last_visit)
    customer.version, customer.changed_by = version + 1, by


def find_conflicts(db: sqlite_utils.Database, customer: Customer) -> list[Conflict]:
    own = customer.id or -1
    email = customer.email.strip()
    member_no = customer.member_no.strip()
    numbers = [p.number for p in customer.phones]
    # One statement per customer: an import asks this for every row of the file.
    parts: list[str] = []
    params: list[Any] = []
    if numbers:
        parts.append(
            "SELECT 0, p.e164, c.id, c.name, p.position, p.id FROM phones p "
            "JOIN customers c ON c.id = p.customer_id "
            f"WHERE p.e164 IN ({', '.join('?' * len(numbers))}) "
            "AND c.id != ? AND c.merged_into IS NULL"
        )
        params.extend([*numbers, own])
    if email:
        parts.append(
            "SELECT 1, ?, id, name, 0, id FROM customers WHERE lower(email) = lower(?) "
            "AND email != '' AND id != ? AND merged_into IS NULL"
        )
        params.extend([email, email, own])
    if member_no:
        parts.append(
            "SELECT 2, ?, id, name, 0, id FROM customers WHERE member_no = ? "
            "AND member_no != '' AND id != ? AND merged_into IS NULL"
        )
        params.extend([member_no, member_no, own])
    if not parts:
        return []
    rows = db.conn.execute(" UNION ALL ".join(parts), params).fetchall()
    if not rows:
        return []
    order = {number: i for i, number in reversed(list(enumerate(numbers)))}
    rows.sort(key=lambda r: (r[0], order.get(r[1], 0) if r[0] == 0 else 0, r[4], r[5]))
    fields = ("phone", "email", "member_no")
    return [Conflict(fields[r[0]], r[1], int(r[2]), r[3]) for r in rows]


def merge_customers(
    db: sqlite_utils.Database, keep_id: int, other_id: int, *, now: dt.datetime, by: str = ""
) -> Customer:
    """Fold *other* into *keep*: all visits, purchases, rewards, phones and dates move;
    empty fields of *keep* take *other*'s values; lists are united. *other* stays as a
    tombstone pointing at *keep* (nothing is hard-deleted) and leaves the search index."""
    if keep_id == other_id:
        raise ValueError("cannot merge a customer with itself")
    with write_transaction(db):
        keep = get_customer(db, keep_id)
        other = get_customer(db, other_id)
        if keep is None or other is None:
            raise LookupError("one of the customers to merge does not exist")
        if merged_into(db, keep_id) is not None or merged_into(db, other_id) is not None:
            raise ValueError("one of the customers was already merged")
        for name in (
            "preferred_name",
            "romanisation",
            "email",
            "member_no",
            "notes",
            "assigned_staff",
            "customer_kind",
        ):
            if not getattr(keep, name) and getattr(other, name):
                setattr(keep, name, getattr(other, name))
        if keep.birthday is None:
            keep.birthday = other.birthday
        if keep.language == Language.UNKNOWN:
            keep.language = other.language
        tiers = list(Tier)
        keep.tier = max(keep.tier, other.tier, key=tiers.index)
        keep.marketing_consent = keep.marketing_consent and other.marketing_consent
        keep.greetings_consent = keep.greetings_consent and other.greetings_consent
        for attr in ("preferences", "dislikes", "avoid_topics"):
            merged = list(dict.fromkeys([*getattr(keep, attr), *getattr(other, attr)]))
            setattr(keep, attr, merged)
        known = {p.number for p in keep.phones}
        keep.phones.extend(p for p in other.phones if p.number not in known)
        seen_dates = {(d.label, d.date) for d in keep.dates}
        keep.dates.extend(d for d in other.dates if (d.label, d.date) not in seen_dates)
        if keep.notes and other.notes and other.notes not in keep.notes:
            keep.notes = f"{keep.notes}\n{other.notes}"
        # History moves to the survivor (consent history stays with the tombstone: it is
        # append-only, and it records what that record's person agreed to).
        for table in ("visits", "purchases", "rewards_redeemed", "complaints", "calls"):
            db.execute(
                f"UPDATE {table} SET customer_id = ? WHERE customer_id = ?", [keep_id, other_id]
            )
        db.execute(
            "UPDATE customers SET merged_into = ?, updated_at = ?, version = version + 1, "
            "changed_by = ? WHERE id = ?",
            [keep_id, iso(now), by, other_id],
        )
        search_index.drop(db, other_id)
        # Phones move to the survivor; the tombstone keeps none so it is never matched.
        db.execute("DELETE FROM phones WHERE customer_id = ?", [other_id])
        db.execute("DELETE FROM important_dates WHERE customer_id = ?", [other_id])
        # keep: read above, in this transaction; still a duplicate of a third customer's?
        update_customer(db, keep, now=now, by=by, duplicate_ok=bool(find_conflicts(db, keep)))
        history.refresh_visit_facts(db, keep_id)
    result = get_customer(db, keep_id)
    assert result is not None
    return result


def find_by_member_or_phone(
    db: sqlite_utils.Database, *, member_no: str = "", phone: str = ""
) -> int | None:
    """The live customer with this member number, else this E.164 phone."""
    if member_no:
        row = db.execute(
            "SELECT id FROM customers WHERE member_no = ? AND merged_into IS NULL LIMIT 1",
            [member_no],
        ).fetchone()
        if row:
            return int(row[0])
    if phone:
        row = db.execute(
            "SELECT c.id FROM phones p JOIN customers c ON c.id = p.customer_id "
            "WHERE p.e164 = ? AND c.merged_into IS NULL LIMIT 1",
            [phone],
        ).fetchone()
        if row:
            return int(row[0])
    return None
