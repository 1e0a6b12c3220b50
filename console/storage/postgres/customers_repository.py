"""The customers repository on PostgreSQL (implements :mod:`console.repositories.customers`).

The same behaviour as the desk's (``console/storage/sqlite/customers.py`` and its
neighbours), on the tables of ``0007_customers``:

* ids come from identity columns; a customer's ``version`` moves on with every save and
  a save from an older copy is refused with
  :class:`~console.domain.versions.ChangedMeanwhile` (who saved, when);
* no two live customers share a phone, an e-mail (ASCII case folded) or a member number:
  partial unique indexes decide, for every writer at once, and their violation becomes
  the duplicate check's :class:`~console.domain.customer.DuplicateFound`. A duplicate
  kept on purpose (``duplicate_ok``) marks the keys it shares, which the indexes leave
  out, as SQLite's 0011_customer_keys does;
* a merged customer stays as a tombstone pointing at the survivor, without phones,
  dates or search document;
* instants are ``timestamptz``; the domain's naive values are wall times of this
  computer's zone, placed in it on the way in and read back as such.

The search index (``search_repository``) is written in the same transaction as the
customer, so an edit is findable at once.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg import errors as pg_errors

from console.domain.consent import ConsentEvent, Method, Purpose
from console.domain.customer import (
    Conflict,
    Customer,
    DuplicateFound,
    Language,
    PartialDate,
    Tier,
)
from console.domain.versions import ChangedMeanwhile
from console.repositories.customers import (
    CustomerBulkLoad,
    CustomerRepository,
    DatedCustomer,
    LapsedCustomer,
    NewCustomer,
    fill_derived,
)
from console.storage.postgres import bulk_rows
from console.storage.postgres import search_repository as index
from console.storage.postgres.bulk_load import bulk_load
from console.storage.postgres.customer_rows import (
    ROW_COLUMNS,
    Saves,
    customer_values,
    find_conflicts,
    get_customer,
    instant,
    is_key_taken,
    iter_customers,
    merged_into,
    phone_rows,
    wall,
)
from console.storage.sqlite.customer_rows import SharedKeys

# --- writing -----------------------------------------------------------------------------


@contextlib.contextmanager
def keys_unique(conn: psycopg.Connection, customer: Customer) -> Iterator[None]:
    """Run a save in a savepoint; a violation of the customers' unique keys becomes
    DuplicateFound, the same refusal as the check before a save gives."""
    try:
        with conn.transaction():
            yield
    except pg_errors.UniqueViolation as exc:
        if not is_key_taken(exc):
            raise
        conflicts = find_conflicts(conn, customer)
        if not conflicts:
            raise
        raise DuplicateFound(conflicts) from None


def write_children(
    conn: psycopg.Connection, customer_id: int, c: Customer, shared: SharedKeys
) -> None:
    """Replace the customer's phones and important dates with *c*'s."""
    conn.execute("DELETE FROM phones WHERE customer_id = %s", [customer_id])
    conn.execute("DELETE FROM important_dates WHERE customer_id = %s", [customer_id])
    with conn.cursor() as cur:
        rows = phone_rows(customer_id, c, shared)
        if rows:
            cur.executemany(
                "INSERT INTO phones (customer_id, e164, label, position, shared) "
                "VALUES (%s, %s, %s, %s, %s)",
                rows,
            )
        if c.dates:
            cur.executemany(
                "INSERT INTO important_dates (customer_id, label, month, day, year) "
                "VALUES (%s, %s, %s, %s, %s)",
                [(customer_id, d.label, d.date.month, d.date.day, d.date.year) for d in c.dates],
            )


def insert_customer(
    conn: psycopg.Connection,
    customer: Customer,
    *,
    now: dt.datetime,
    by: str = "",
    duplicate_ok: bool = False,
) -> int:
    fill_derived(customer)
    values = customer_values(customer, now)
    with keys_unique(conn, customer):
        shared = SharedKeys.of(find_conflicts(conn, customer)) if duplicate_ok else SharedKeys()
        row = conn.execute(
            f"INSERT INTO customers ({', '.join(ROW_COLUMNS)}, created_at, changed_by, "
            f"email_shared, member_no_shared) VALUES ({', '.join(['%s'] * len(ROW_COLUMNS))}, "
            "%s, %s, %s, %s) RETURNING id",
            [*values, instant(now), by, shared.email, shared.member_no],
        ).fetchone()
        assert row is not None
        customer_id = int(row[0])
        write_children(conn, customer_id, customer, shared)
        index.write_index(
            conn, customer_id, *index.index_of(customer), index.rank_of(None, customer_id)
        )
    customer.id = customer_id
    customer.version, customer.changed_by = 1, by
    return customer_id


def update_customer(
    conn: psycopg.Connection,
    customer: Customer,
    *,
    now: dt.datetime,
    by: str = "",
    duplicate_ok: bool = False,
) -> None:
    if customer.id is None:
        raise ValueError("customer has no id")
    fill_derived(customer)
    values = customer_values(customer, now)
    with keys_unique(conn, customer):
        shared = SharedKeys.of(find_conflicts(conn, customer)) if duplicate_ok else SharedKeys()
        current = conn.execute(
            "SELECT last_visit, version, changed_by, updated_at FROM customers "
            "WHERE id = %s AND merged_into IS NULL FOR UPDATE",
            [customer.id],
        ).fetchone()
        if current is None:
            raise LookupError(f"customer {customer.id} does not exist")
        last_visit, version, changed_by, updated_at = current
        if customer.version is not None and customer.version != version:
            raise ChangedMeanwhile(
                "customer", customer.id, by=changed_by, at=wall(updated_at), version=version
            )
        conn.execute(
            f"UPDATE customers SET {', '.join(f'{k} = %s' for k in ROW_COLUMNS)}, "
            "changed_by = %s, email_shared = %s, member_no_shared = %s, version = %s "
            "WHERE id = %s",
            [*values, by, shared.email, shared.member_no, version + 1, customer.id],
        )
        write_children(conn, customer.id, customer, shared)
        index.write_index(
            conn, customer.id, *index.index_of(customer), index.rank_of(last_visit, customer.id)
        )
    customer.version, customer.changed_by = version + 1, by


#: Tables whose rows move to the survivor of a merge.
MERGED_HISTORY = ("visits", "purchases", "rewards_redeemed", "complaints", "calls")


def merge_customers(
    conn: psycopg.Connection, keep_id: int, other_id: int, *, now: dt.datetime, by: str = ""
) -> Customer:
    """Fold *other* into *keep* (see ``console/storage/sqlite/customers.py``)."""
    if keep_id == other_id:
        raise ValueError("cannot merge a customer with itself")
    keep = get_customer(conn, keep_id)
    other = get_customer(conn, other_id)
    if keep is None or other is None:
        raise LookupError("one of the customers to merge does not exist")
    if merged_into(conn, keep_id) is not None or merged_into(conn, other_id) is not None:
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
        setattr(keep, attr, list(dict.fromkeys([*getattr(keep, attr), *getattr(other, attr)])))
    known = {p.number for p in keep.phones}
    keep.phones.extend(p for p in other.phones if p.number not in known)
    seen_dates = {(d.label, d.date) for d in keep.dates}
    keep.dates.extend(d for d in other.dates if (d.label, d.date) not in seen_dates)
    if keep.notes and other.notes and other.notes not in keep.notes:
        keep.notes = f"{keep.notes}\n{other.notes}"
    # History moves to the survivor (consent history stays with the tombstone).
    for table in MERGED_HISTORY:
        conn.execute(
            f"UPDATE {table} SET customer_id = %s WHERE customer_id = %s", [keep_id, other_id]
        )
    conn.execute(
        "UPDATE customers SET merged_into = %s, updated_at = %s, version = version + 1, "
        "changed_by = %s WHERE id = %s",
        [keep_id, instant(now), by, other_id],
    )
    index.drop(conn, [other_id])
    conn.execute("DELETE FROM phones WHERE customer_id = %s", [other_id])
    conn.execute("DELETE FROM important_dates WHERE customer_id = %s", [other_id])
    update_customer(conn, keep, now=now, by=by, duplicate_ok=bool(find_conflicts(conn, keep)))
    refresh_visit_facts(conn, keep_id)
    result = get_customer(conn, keep_id)
    assert result is not None
    return result


def refresh_visit_facts(conn: psycopg.Connection, customer_id: int) -> None:
    """The customer's visit count and last visit from their visits (and its search rank)."""
    row = conn.execute(
        "UPDATE customers SET (visit_count, last_visit) = "
        "(SELECT count(*), max(at) FROM visits WHERE customer_id = %s) "
        "WHERE id = %s RETURNING last_visit",
        [customer_id, customer_id],
    ).fetchone()
    if row is not None:
        index.set_rank(conn, customer_id, row[0])


def find_by_member_or_phone(
    conn: psycopg.Connection, *, member_no: str = "", phone: str = ""
) -> int | None:
    if member_no:
        row = conn.execute(
            "SELECT id FROM customers WHERE member_no = %s AND merged_into IS NULL "
            "ORDER BY id LIMIT 1",
            [member_no],
        ).fetchone()
        if row:
            return int(row[0])
    if phone:
        row = conn.execute(
            "SELECT c.id FROM phones p JOIN customers c ON c.id = p.customer_id "
            "WHERE p.e164 = %s AND c.merged_into IS NULL ORDER BY p.id LIMIT 1",
            [phone],
        ).fetchone()
        if row:
            return int(row[0])
    return None


# --- consent -------------------------------------------------------------------------------

_CONSENT_COLUMN = {"greetings": "greetings_consent", "marketing": "marketing_consent"}


def record_consent(conn: psycopg.Connection, events: Sequence[ConsentEvent]) -> None:
    """Append consent changes and set each customer's current answer."""
    for event in events:
        conn.execute(
            "INSERT INTO consent_events (customer_id, purpose, granted, at, method, "
            "recorded_by, note) VALUES (%s, %s, %s, %s, %s, %s, %s)",
            [
                event.customer_id,
                event.purpose.value,
                bool(event.granted),
                instant(event.at),
                event.method.value,
                event.recorded_by,
                event.note,
            ],
        )
        conn.execute(
            f"UPDATE customers SET {_CONSENT_COLUMN[event.purpose.value]} = %s WHERE id = %s",
            [bool(event.granted), event.customer_id],
        )


def consent_history(conn: psycopg.Connection, customer_id: int) -> list[ConsentEvent]:
    return [
        ConsentEvent(
            customer_id=int(row[0]),
            purpose=Purpose(row[1]),
            granted=bool(row[2]),
            at=row[3].astimezone(),  # aware, in this computer's zone
            method=Method(row[4]) if row[4] in Method._value2member_map_ else Method.IN_PERSON,
            recorded_by=str(row[5]),
            note=str(row[6]),
        )
        for row in conn.execute(
            "SELECT customer_id, purpose, granted, at, method, recorded_by, note "
            "FROM consent_events WHERE customer_id = %s ORDER BY id",
            [customer_id],
        ).fetchall()
    ]


# --- Today ----------------------------------------------------------------------------------


def dates_in_window(
    conn: psycopg.Connection, month_days: Sequence[tuple[int, int]], *, consent_only: bool
) -> list[DatedCustomer]:
    if not month_days:
        return []
    consent = "AND c.greetings_consent" if consent_only else ""
    months = [m for m, _ in month_days]
    days = [d for _, d in month_days]
    pairs = "(SELECT * FROM unnest(%s::smallint[], %s::smallint[]) AS w (month, day))"
    found = [
        DatedCustomer(int(cid), name, preferred, "birthday", PartialDate(m, d, y), tier, bool(ok))
        for cid, name, preferred, m, d, y, tier, ok in conn.execute(
            "SELECT c.id, c.name, c.preferred_name, c.birthday_month, c.birthday_day, "
            "c.birthday_year, c.tier, c.greetings_consent FROM customers c "
            f"WHERE (c.birthday_month, c.birthday_day) IN {pairs} "
            f"AND c.merged_into IS NULL {consent} ORDER BY c.id",
            [months, days],
        ).fetchall()
    ]
    found.extend(
        DatedCustomer(int(cid), name, preferred, label, PartialDate(m, d, y), tier, bool(ok))
        for cid, name, preferred, label, m, d, y, tier, ok in conn.execute(
            "SELECT c.id, c.name, c.preferred_name, d.label, d.month, d.day, d.year, "
            "c.tier, c.greetings_consent FROM important_dates d "
            "JOIN customers c ON c.id = d.customer_id "
            f"WHERE (d.month, d.day) IN {pairs} AND c.merged_into IS NULL {consent} "
            "ORDER BY d.month, d.day, d.id",
            [months, days],
        ).fetchall()
    )
    return found


def lapsed_customers(
    conn: psycopg.Connection,
    *,
    seen_before: dt.datetime,
    min_visits: int,
    consent_only: bool,
    limit: int = 100,
) -> list[LapsedCustomer]:
    consent = "AND marketing_consent" if consent_only else ""
    return [
        LapsedCustomer(int(r[0]), r[1], r[2], index.local_text(r[3]), int(r[4]), r[5])
        for r in conn.execute(
            "SELECT id, name, preferred_name, last_visit, visit_count, tier FROM customers "
            "WHERE last_visit < %s AND merged_into IS NULL AND erased_at IS NULL "
            f"{consent} AND (visit_count >= %s OR tier IN ('gold', 'vip')) "
            "ORDER BY visit_count DESC, last_visit DESC, id LIMIT %s",
            [instant(seen_before), min_visits, limit],
        ).fetchall()
    ]


# --- the adapter ----------------------------------------------------------------------------


class PostgresCustomers:
    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn
        #: Saves through this adapter (a bulk load's kept keys are stale after one).
        self.saves = Saves()

    def get(self, customer_id: int) -> Customer | None:
        return get_customer(self.conn, customer_id)

    def merged_into(self, customer_id: int) -> int | None:
        return merged_into(self.conn, customer_id)

    def count(self) -> int:
        row = self.conn.execute(
            "SELECT count(*) FROM customers WHERE merged_into IS NULL"
        ).fetchone()
        return int(row[0]) if row else 0

    def add(
        self,
        customer: Customer,
        *,
        now: dt.datetime,
        by: str = "",
        consent: Sequence[ConsentEvent] = (),
        duplicate_ok: bool = False,
    ) -> int:
        self.saves.count += 1
        new_id = insert_customer(self.conn, customer, now=now, by=by, duplicate_ok=duplicate_ok)
        if consent:
            record_consent(self.conn, [dataclasses.replace(e, customer_id=new_id) for e in consent])
        return new_id

    def update(
        self,
        customer: Customer,
        *,
        now: dt.datetime,
        by: str = "",
        consent: Sequence[ConsentEvent] = (),
        duplicate_ok: bool = False,
    ) -> None:
        self.saves.count += 1
        update_customer(self.conn, customer, now=now, by=by, duplicate_ok=duplicate_ok)
        if consent:
            record_consent(self.conn, list(consent))

    def conflicts(self, customer: Customer) -> list[Conflict]:
        return find_conflicts(self.conn, customer)

    def merge(self, keep_id: int, other_id: int, *, now: dt.datetime, by: str = "") -> Customer:
        self.saves.count += 1
        with self.conn.transaction():  # all or nothing, within the job
            return merge_customers(self.conn, keep_id, other_id, now=now, by=by)

    def find_by_member_or_phone(self, *, member_no: str = "", phone: str = "") -> int | None:
        return find_by_member_or_phone(self.conn, member_no=member_no, phone=phone)

    def all(self) -> Iterator[Customer]:
        return iter_customers(self.conn)

    def consent_history(self, customer_id: int) -> list[ConsentEvent]:
        return consent_history(self.conn, customer_id)

    def dates_in_window(
        self, month_days: Sequence[tuple[int, int]], *, consent_only: bool
    ) -> list[DatedCustomer]:
        return dates_in_window(self.conn, month_days, consent_only=consent_only)

    def lapsed(
        self, *, seen_before: dt.datetime, min_visits: int, consent_only: bool, limit: int = 100
    ) -> list[LapsedCustomer]:
        return lapsed_customers(
            self.conn,
            seen_before=seen_before,
            min_visits=min_visits,
            consent_only=consent_only,
            limit=limit,
        )

    def bulk_encoder(self) -> Callable[[Sequence[NewCustomer]], list[Any]] | None:
        """The COPY lines of new customers, but for their ids (``bulk_rows.encode``: run
        where the file is parsed, so the database thread mostly sends)."""
        return bulk_rows.encode

    def bulk_load(self) -> AbstractContextManager[CustomerBulkLoad]:
        return bulk_load(self.conn, self.saves)


if TYPE_CHECKING:  # mypy checks that the adapter implements the interface

    def _implements(conn: psycopg.Connection) -> CustomerRepository:
        return PostgresCustomers(conn)
