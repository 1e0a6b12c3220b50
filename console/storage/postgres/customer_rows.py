"""A customer's row with its phones and important dates on PostgreSQL: conversions,
reading, and the duplicate check (the lowest of the customer modules: the search index,
the writes and the bulk load read customers through it)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from psycopg.types.json import Jsonb

from console.domain.customer import (
    Conflict,
    Customer,
    ImportantDate,
    Language,
    PartialDate,
    Phone,
    Tier,
)
from console.repositories.customers import CUSTOMER_ROW_COLUMNS
from console.storage.postgres.schema import CUSTOMER_KEY_INDEXES, EMAIL_KEY, ascii_lower
from console.storage.sqlite.customer_rows import SharedKeys


@dataclass(slots=True)
class Saves:
    """How many saves one job made through the customers repository (a bulk load's kept
    keys are stale after one)."""

    count: int = 0


# --- conversions --------------------------------------------------------------------------


def instant(moment: dt.datetime) -> dt.datetime:
    """A domain time as stored: aware (a naive value is wall time in this computer's zone)."""
    return moment if moment.tzinfo is not None else moment.astimezone()


def wall(moment: dt.datetime) -> dt.datetime:
    """A stored instant as the domain holds it: naive wall time in this computer's zone."""
    return moment.astimezone().replace(tzinfo=None)


#: The columns a customer's own fields fill (the same in both stores).
ROW_COLUMNS = CUSTOMER_ROW_COLUMNS

_COLUMNS = (
    "id, name, preferred_name, romanisation, language, email, member_no, birthday_month, "
    "birthday_day, birthday_year, preferences, dislikes, avoid_topics, notes, tier, "
    "assigned_staff, marketing_consent, greetings_consent, customer_kind, created_at, "
    "updated_at, version, changed_by"
)


def customer_values(c: Customer, updated_at: dt.datetime, *, json: Any = Jsonb) -> tuple[Any, ...]:
    """The customer's columns in :data:`ROW_COLUMNS` order (*json* wraps the lists)."""
    bday = c.birthday
    return (
        c.name.strip(),
        c.preferred_name.strip(),
        c.romanisation.strip(),
        str(c.language),
        c.email.strip(),
        c.member_no.strip(),
        bday.month if bday else None,
        bday.day if bday else None,
        bday.year if bday else None,
        json(list(c.preferences)),
        json(list(c.dislikes)),
        json(list(c.avoid_topics)),
        c.notes,
        str(c.tier),
        c.assigned_staff.strip(),
        bool(c.marketing_consent),
        c.customer_kind.strip(),
        instant(updated_at),
        bool(c.greetings_consent),
    )


def _list(value: Any) -> list[str]:
    return [str(x) for x in value] if isinstance(value, list) else []


def customer_from_row(row: Sequence[Any]) -> Customer:
    birthday = None
    if row[7] is not None:
        birthday = PartialDate(row[7], row[8], row[9])
    return Customer(
        id=int(row[0]),
        name=row[1],
        preferred_name=row[2],
        romanisation=row[3],
        language=Language(row[4]) if row[4] in Language._value2member_map_ else Language.UNKNOWN,
        email=row[5],
        member_no=row[6],
        birthday=birthday,
        preferences=_list(row[10]),
        dislikes=_list(row[11]),
        avoid_topics=_list(row[12]),
        notes=row[13],
        tier=Tier(row[14]) if row[14] in Tier._value2member_map_ else Tier.REGULAR,
        assigned_staff=row[15],
        marketing_consent=bool(row[16]),
        greetings_consent=bool(row[17]),
        customer_kind=row[18],
        created_at=wall(row[19]),
        updated_at=wall(row[20]),
        version=int(row[21]),
        changed_by=row[22],
    )


# --- reading -----------------------------------------------------------------------------


def _children(
    conn: psycopg.Connection, ids: list[int]
) -> tuple[dict[int, list[Phone]], dict[int, list[ImportantDate]]]:
    phones: dict[int, list[Phone]] = {i: [] for i in ids}
    for cid, e164, label in conn.execute(
        "SELECT customer_id, e164, label FROM phones WHERE customer_id = ANY(%s) "
        "ORDER BY customer_id, position, id",
        [ids],
    ).fetchall():
        phones[int(cid)].append(Phone(e164, label))
    dates: dict[int, list[ImportantDate]] = {i: [] for i in ids}
    for cid, label, month, day, year in conn.execute(
        "SELECT customer_id, label, month, day, year FROM important_dates "
        "WHERE customer_id = ANY(%s) ORDER BY id",
        [ids],
    ).fetchall():
        dates[int(cid)].append(ImportantDate(label, PartialDate(month, day, year)))
    return phones, dates


def get_customer(conn: psycopg.Connection, customer_id: int) -> Customer | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM customers WHERE id = %s", [customer_id]).fetchone()
    if row is None:
        return None
    customer = customer_from_row(row)
    phones, dates = _children(conn, [customer_id])
    customer.phones, customer.dates = phones[customer_id], dates[customer_id]
    return customer


def merged_into(conn: psycopg.Connection, customer_id: int) -> int | None:
    row = conn.execute("SELECT merged_into FROM customers WHERE id = %s", [customer_id]).fetchone()
    return None if row is None or row[0] is None else int(row[0])


_cursors = itertools.count(1)


def iter_customers(conn: psycopg.Connection, *, batch_size: int = 2000) -> Iterator[Customer]:
    """Every live customer with phones and dates, in id order, in constant memory.

    One ordered scan through a server-side cursor, fetched *batch_size* rows at a time:
    right after a bulk load the table has no statistics yet, and a query per batch
    (``WHERE id > last ORDER BY id LIMIT n``) was planned as a full scan and a sort each
    time (an export of 300,000 customers took 50 s instead of 10). Outside a transaction
    (where a server-side cursor cannot live) the batches are queried one by one."""
    query = (
        f"SELECT {_COLUMNS} FROM customers WHERE id > %s AND merged_into IS NULL "
        "AND erased_at IS NULL ORDER BY id"
    )
    if conn.info.transaction_status != psycopg.pq.TransactionStatus.INTRANS:
        yield from _iter_by_batches(conn, query, batch_size)
        return
    with conn.cursor(name=f"service_console_customers_{next(_cursors)}") as cursor:
        cursor.itersize = batch_size
        cursor.execute(query, [0])
        while rows := cursor.fetchmany(batch_size):
            yield from _with_children(conn, rows)


def _iter_by_batches(conn: psycopg.Connection, query: str, batch_size: int) -> Iterator[Customer]:
    last_id = 0
    while rows := conn.execute(query + " LIMIT %s", [last_id, batch_size]).fetchall():
        yield from _with_children(conn, rows)
        last_id = int(rows[-1][0])


def _with_children(conn: psycopg.Connection, rows: list[Any]) -> Iterator[Customer]:
    ids = [int(r[0]) for r in rows]
    phones, dates = _children(conn, ids)
    for row in rows:
        customer = customer_from_row(row)
        customer.phones, customer.dates = phones[int(row[0])], dates[int(row[0])]
        yield customer


def find_conflicts(conn: psycopg.Connection, customer: Customer) -> list[Conflict]:
    """Other live customers using one of its phones, its e-mail (ASCII case folded) or its
    member number: phones first (in the customer's order), then e-mail, then member no."""
    own = customer.id or -1
    email = customer.email.strip()
    member_no = customer.member_no.strip()
    numbers = [p.number for p in customer.phones]
    parts: list[str] = []
    params: list[Any] = []
    if numbers:
        parts.append(
            "SELECT 0, p.e164, c.id, c.name, p.position, p.id FROM phones p "
            "JOIN customers c ON c.id = p.customer_id "
            "WHERE p.e164 = ANY(%s) AND c.id <> %s AND c.merged_into IS NULL"
        )
        params.extend([numbers, own])
    if email:
        parts.append(
            f"SELECT 1, %s, id, name, 0, id FROM customers WHERE {EMAIL_KEY} = "
            f"{ascii_lower('%s')} AND email <> '' AND id <> %s AND merged_into IS NULL"
        )
        params.extend([email, email, own])
    if member_no:
        parts.append(
            "SELECT 2, %s, id, name, 0, id FROM customers WHERE member_no = %s "
            "AND member_no <> '' AND id <> %s AND merged_into IS NULL"
        )
        params.extend([member_no, member_no, own])
    if not parts:
        return []
    rows = conn.execute(" UNION ALL ".join(parts), params).fetchall()
    if not rows:
        return []
    order = {number: i for i, number in reversed(list(enumerate(numbers)))}
    rows.sort(key=lambda r: (r[0], order.get(r[1], 0) if r[0] == 0 else 0, r[4], r[5]))
    fields = ("phone", "email", "member_no")
    return [Conflict(fields[r[0]], r[1], int(r[2]), r[3]) for r in rows]


def is_key_taken(exc: pg_errors.UniqueViolation) -> bool:
    return exc.diag.constraint_name in CUSTOMER_KEY_INDEXES


def phone_rows(
    customer_id: int, c: Customer, shared: SharedKeys
) -> list[tuple[int, str, str, int, bool]]:
    """The customer's phones as rows; a number repeated in its own list is marked shared
    after its first (one customer may list it twice, as on SQLite)."""
    seen: set[str] = set()
    rows = []
    for i, p in enumerate(c.phones):
        repeated = p.number in shared.phones or p.number in seen
        rows.append((customer_id, p.number, p.label, i, repeated))
        seen.add(p.number)
    return rows
