"""A customer's row with its phones and important dates: encoding, decoding, reading.

The lowest of the customer modules: the search index, the history and the writes in
:mod:`console.storage.sqlite.customers` read customers through it.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from json.encoder import encode_basestring
from typing import Any

import sqlite_utils

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
from console.storage.sqlite import instants

# Instants (created, updated, last visit; visits', purchases' and rewards' times) are
# stored as UTC text (:mod:`.instants`); the domain's values are naive wall times of the
# store (this computer's zone).
iso = instants.dump
parse_dt = instants.load_local


def local_text(stored: str) -> str:
    """A stored instant (or '' for none) as the wall time's ISO text, to the second: what
    search hits and Today's rows carry as ``last_visit``."""
    return instants.load_local(stored).isoformat(timespec="seconds") if stored else ""


#: The columns a customer's own fields fill (the same in both stores).
ROW_COLUMNS = CUSTOMER_ROW_COLUMNS


def _dumps_list(items: list[str]) -> str:
    return _dumps_tuple(tuple(items)) if items else "[]"


@functools.lru_cache(maxsize=65536)
def _dumps_tuple(items: tuple[str, ...]) -> str:
    """``json.dumps(items, ensure_ascii=False)``, the same text: json's own string encoder
    per item, without the encoder object json.dumps builds on every call (six times
    faster). Preferences repeat ("oat milk", "window seat"): a bulk load encodes each list
    once."""
    try:
        return "[" + ", ".join(map(encode_basestring, items)) + "]"
    except TypeError:  # an item that is not text: json says what it makes of it
        return json.dumps(items, ensure_ascii=False)


def customer_values(c: Customer, updated_at: str) -> tuple[Any, ...]:
    """The customer's columns in :data:`ROW_COLUMNS` order."""
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
        _dumps_list(c.preferences),
        _dumps_list(c.dislikes),
        _dumps_list(c.avoid_topics),
        c.notes,
        str(c.tier),
        c.assigned_staff.strip(),
        int(c.marketing_consent),
        c.customer_kind.strip(),
        updated_at,
        int(c.greetings_consent),
    )


def customer_row(c: Customer, now: dt.datetime) -> dict[str, Any]:
    return dict(zip(ROW_COLUMNS, customer_values(c, iso(now)), strict=True))


INSERT_PHONE = (
    "INSERT INTO phones (customer_id, e164, label, position, shared) VALUES (?, ?, ?, ?, ?)"
)
INSERT_DATE = (
    "INSERT INTO important_dates (customer_id, label, month, day, year) VALUES (?, ?, ?, ?, ?)"
)


@dataclass(frozen=True, slots=True)
class SharedKeys:
    """Which of a customer's keys other live customers have too, kept so on purpose
    (staff's "save anyway"): the unique indexes of 0011_customer_keys leave those out."""

    email: bool = False
    member_no: bool = False
    phones: frozenset[str] = frozenset()

    @classmethod
    def of(cls, conflicts: Iterable[Conflict]) -> SharedKeys:
        found = list(conflicts)
        return cls(
            email=any(c.field == "email" for c in found),
            member_no=any(c.field == "member_no" for c in found),
            phones=frozenset(c.value for c in found if c.field == "phone"),
        )


def write_children(
    db: sqlite_utils.Database, customer_id: int, c: Customer, *, shared: SharedKeys = SharedKeys()
) -> None:
    """Replace the customer's phones and important dates with *c*'s."""
    db.execute("DELETE FROM phones WHERE customer_id = ?", [customer_id])
    db.conn.executemany(
        INSERT_PHONE,
        [
            (customer_id, p.number, p.label, i, int(p.number in shared.phones))
            for i, p in enumerate(c.phones)
        ],
    )
    db.execute("DELETE FROM important_dates WHERE customer_id = ?", [customer_id])
    db.conn.executemany(
        INSERT_DATE,
        [(customer_id, d.label, d.date.month, d.date.day, d.date.year) for d in c.dates],
    )


def _loads_list(value: str) -> list[str]:
    data = json.loads(value or "[]")
    return [str(x) for x in data] if isinstance(data, list) else []


def customer_from_row(row: dict[str, Any]) -> Customer:
    birthday = None
    if row["birthday_month"] is not None:
        birthday = PartialDate(row["birthday_month"], row["birthday_day"], row["birthday_year"])
    return Customer(
        id=row["id"],
        name=row["name"],
        preferred_name=row["preferred_name"],
        romanisation=row["romanisation"],
        language=Language(row["language"])
        if row["language"] in Language._value2member_map_
        else Language.UNKNOWN,
        email=row["email"],
        member_no=row["member_no"],
        birthday=birthday,
        preferences=_loads_list(row["preferences"]),
        dislikes=_loads_list(row["dislikes"]),
        avoid_topics=_loads_list(row["avoid_topics"]),
        notes=row["notes"],
        tier=Tier(row["tier"]) if row["tier"] in Tier._value2member_map_ else Tier.REGULAR,
        assigned_staff=row["assigned_staff"],
        marketing_consent=bool(row["marketing_consent"]),
        greetings_consent=bool(row["greetings_consent"]),
        customer_kind=row["customer_kind"],
        created_at=parse_dt(row["created_at"]),
        updated_at=parse_dt(row["updated_at"]),
        version=int(row["version"]),
        changed_by=row["changed_by"],
    )


def get_customer(db: sqlite_utils.Database, customer_id: int) -> Customer | None:
    rows = list(db.query("SELECT * FROM customers WHERE id = ?", [customer_id]))
    if not rows:
        return None
    customer = customer_from_row(rows[0])
    customer.phones = [
        Phone(r["e164"], r["label"])
        for r in db.query(
            "SELECT e164, label FROM phones WHERE customer_id = ? ORDER BY position, id",
            [customer_id],
        )
    ]
    customer.dates = [
        ImportantDate(r["label"], PartialDate(r["month"], r["day"], r["year"]))
        for r in db.query(
            "SELECT label, month, day, year FROM important_dates WHERE customer_id = ? ORDER BY id",
            [customer_id],
        )
    ]
    return customer


def merged_into(db: sqlite_utils.Database, customer_id: int) -> int | None:
    row = db.execute("SELECT merged_into FROM customers WHERE id = ?", [customer_id]).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def count_customers(db: sqlite_utils.Database) -> int:
    return int(db.execute("SELECT count(*) FROM customers WHERE merged_into IS NULL").fetchone()[0])


def iter_customers(db: sqlite_utils.Database, *, batch_size: int = 2000) -> Iterator[Customer]:
    """Every live customer with phones and dates, in id order, in constant memory."""
    last_id = 0
    while True:
        rows = list(
            db.query(
                "SELECT * FROM customers WHERE id > ? AND merged_into IS NULL "
                "AND erased_at IS NULL ORDER BY id LIMIT ?",
                [last_id, batch_size],
            )
        )
        if not rows:
            return
        ids = [r["id"] for r in rows]
        marks = ",".join("?" * len(ids))
        phones: dict[int, list[Phone]] = {i: [] for i in ids}
        for r in db.query(
            f"SELECT customer_id, e164, label FROM phones WHERE customer_id IN ({marks}) "
            f"ORDER BY customer_id, position, id",
            ids,
        ):
            phones[r["customer_id"]].append(Phone(r["e164"], r["label"]))
        dates: dict[int, list[ImportantDate]] = {i: [] for i in ids}
        for r in db.query(
            f"SELECT customer_id, label, month, day, year FROM important_dates "
            f"WHERE customer_id IN ({marks}) ORDER BY id",
            ids,
        ):
            dates[r["customer_id"]].append(
                ImportantDate(r["label"], PartialDate(r["month"], r["day"], r["year"]))
            )
        for row in rows:
            customer = customer_from_row(row)
            customer.phones = phones[row["id"]]
            customer.dates = dates[row["id"]]
            yield customer
        last_id = ids[-1]
