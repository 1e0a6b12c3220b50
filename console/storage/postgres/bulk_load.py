"""The bulk path on PostgreSQL: many new customers with their history in the caller's
write transaction (an import, a demo fill). See
:class:`console.repositories.customers.CustomerBulkLoad` and SQLite's ``bulk_load.py``.

A batch reserves its customers' (and purchases') ids from the identity sequences in one
query, then every table is written with one ``COPY`` per batch. The unique keys of
``0007_customers`` still decide: a batch that repeats a key (within itself or with the
database) is undone to its savepoint and refused with DuplicateFound, or, with
*keep_duplicates* (demo data), kept with the shared keys marked.
"""

from __future__ import annotations

import contextlib
import functools
import json
import string
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg import errors as pg_errors

from console.domain.customer import Conflict, Customer, DuplicateFound
from console.repositories.customers import CustomerBulkLoad, Loaded, NewCustomer
from console.storage.postgres import search_repository as index
from console.storage.postgres.customer_rows import (
    ROW_COLUMNS,
    Saves,
    customer_values,
    find_conflicts,
    instant,
    is_key_taken,
    phone_rows,
)
from console.storage.postgres.schema import EMAIL_KEY
from console.storage.sqlite.customer_rows import SharedKeys

_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_COPY_CUSTOMERS = (
    "COPY customers (id, email_shared, member_no_shared, created_at, visit_count, "
    f"last_visit, {', '.join(ROW_COLUMNS)}) FROM STDIN"
)


def _json_text(items: list[str]) -> str:
    # Preferences repeat ("oat milk", "window seat"): each list is encoded once.
    return _json_tuple(tuple(items)) if items else "[]"


@functools.lru_cache(maxsize=65536)
def _json_tuple(items: tuple[str, ...]) -> str:
    return json.dumps(items, ensure_ascii=False)


def _ids(conn: psycopg.Connection, table: str, count: int) -> list[int]:
    """*count* new ids of *table*'s identity column (reserved: no other writer gets them)."""
    if count == 0:
        return []
    rows = conn.execute(
        "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
        [table, count],
    ).fetchall()
    return [int(r[0]) for r in rows]


class TakenKeys:
    """Every phone, e-mail and member number of the live customers, for the rest of one
    large load (see SQLite's ``bulk_load.TakenKeys``). Writers take their turn on the
    chain before they start (``store.py``), so only this job changes customers while it
    runs; a save through the customers repository meanwhile retires the sets."""

    def __init__(self, conn: psycopg.Connection, saves: Saves) -> None:
        self.phones = {
            r[0]
            for r in conn.execute(
                "SELECT p.e164 FROM phones p JOIN customers c ON c.id = p.customer_id "
                "WHERE c.merged_into IS NULL"
            )
        }
        self.emails: set[str] = set()
        self.member_nos: set[str] = set()
        for email, member_no in conn.execute(
            "SELECT email, member_no FROM customers WHERE merged_into IS NULL "
            "AND (email <> '' OR member_no <> '')"
        ):
            if email:
                self.emails.add(email.translate(_ASCII_LOWER))
            if member_no:
                self.member_nos.add(member_no)
        self.saves = saves.count

    def add(self, customers: Sequence[Customer]) -> None:
        for c in customers:
            self.phones.update(p.number for p in c.phones)
            if email := c.email.strip():
                self.emails.add(email.translate(_ASCII_LOWER))
            if member_no := c.member_no.strip():
                self.member_nos.add(member_no)

    def may_conflict(self, customer: Customer) -> bool:
        email = customer.email.strip()
        member_no = customer.member_no.strip()
        return (
            any(p.number in self.phones for p in customer.phones)
            or bool(email and email.translate(_ASCII_LOWER) in self.emails)
            or bool(member_no and member_no in self.member_nos)
        )


#: After this many duplicate checks by query, a load reads the keys in use once (as
#: :meth:`PostgresBulkLoad.expect_many` does): every query is a round trip to the server,
#: which costs more than SQLite's in-process look-up (a few ms on a busy machine), so an
#: import's first chunks would otherwise cost more than the rest of it.
QUERIED_CHECKS = 1000


class PostgresBulkLoad:
    """:class:`console.repositories.customers.CustomerBulkLoad` on one connection."""

    def __init__(self, conn: psycopg.Connection, saves: Saves) -> None:
        self.conn = conn
        self.saves = saves
        self._taken: TakenKeys | None = None
        self._queried = 0

    def expect_many(self) -> None:
        if self._taken is None:
            self._taken = TakenKeys(self.conn, self.saves)

    def conflicts(self, new: NewCustomer) -> list[Conflict]:
        taken = self._taken
        if (
            taken is not None
            and taken.saves == self.saves.count
            and not taken.may_conflict(new.customer)
        ):
            return []
        self._queried += 1
        if self._queried == QUERIED_CHECKS and taken is None:
            self.expect_many()
        return find_conflicts(self.conn, new.customer)

    # PostgreSQL has no encoder of its own (bulk_encoder is None): its "encoded" rows are
    # the new customers themselves.
    def conflicts_encoded(self, row: Any) -> list[Conflict]:
        return self.conflicts(row)

    def add_encoded(self, batch: Sequence[Any], *, keep_duplicates: bool = False) -> Loaded:
        return self.add(batch, keep_duplicates=keep_duplicates)

    def add(self, batch: Sequence[NewCustomer], *, keep_duplicates: bool = False) -> Loaded:
        if not batch:
            return Loaded(0, 0, 0)
        try:
            with self.conn.transaction():  # a refused batch leaves nothing behind
                loaded = self._write(batch, keep_duplicates)
        except pg_errors.UniqueViolation as exc:
            if not is_key_taken(exc):
                raise
            for new in batch:
                new.customer.id = None
            raise self._refusal(batch) or exc from None
        if self._taken is not None:
            self._taken.add([new.customer for new in batch])
        return loaded

    def _write(self, batch: Sequence[NewCustomer], keep_duplicates: bool) -> Loaded:
        conn = self.conn
        shared = self._duplicates(batch) if keep_duplicates else [SharedKeys()] * len(batch)
        ids = _ids(conn, "customers", len(batch))
        purchase_count = sum(len(new.purchases) for new in batch)
        purchase_ids = iter(_ids(conn, "purchases", purchase_count))
        customers: list[tuple[Any, ...]] = []
        phones: list[tuple[int, str, str, int, bool]] = []
        dates: list[tuple[int, str, int, int, int | None]] = []
        docs: list[tuple[int, int, str, str]] = []
        visits: list[tuple[int, Any, str, str, str]] = []
        heads: list[tuple[int, int, Any, str, str, str, int]] = []
        items: list[tuple[int, str, int, int, str]] = []
        for cid, new, keys in zip(ids, batch, shared, strict=True):
            c = new.customer
            its_visits = [(cid, instant(v.at), v.store, v.staff, v.note) for v in new.visits]
            last_visit = max((v[1] for v in its_visits), default=None)
            customers.append(
                (
                    cid,
                    keys.email,
                    keys.member_no,
                    instant(new.added_at),
                    len(its_visits),
                    last_visit,
                    *customer_values(c, new.added_at, json=_json_text),
                )
            )
            phones.extend(phone_rows(cid, c, keys))
            dates.extend((cid, d.label, d.date.month, d.date.day, d.date.year) for d in c.dates)
            docs.append((cid, index.rank_of(last_visit, cid), new.names, new.terms))
            visits.extend(its_visits)
            for p in new.purchases:
                pid = next(purchase_ids)
                heads.append(
                    (pid, cid, instant(p.at), p.store, p.channel, p.currency, p.total_minor)
                )
                items.extend((pid, i.name, i.quantity, i.price_minor, i.category) for i in p.items)
        with conn.cursor() as cur:
            for sql, rows in (
                (_COPY_CUSTOMERS, customers),
                ("COPY phones (customer_id, e164, label, position, shared) FROM STDIN", phones),
                ("COPY important_dates (customer_id, label, month, day, year) FROM STDIN", dates),
                ("COPY visits (customer_id, at, store, staff, note) FROM STDIN", visits),
                (
                    "COPY purchases (id, customer_id, at, store, channel, currency, total_minor) "
                    "FROM STDIN",
                    heads,
                ),
                (
                    "COPY purchase_items (purchase_id, name, quantity, price_minor, category) "
                    "FROM STDIN",
                    items,
                ),
            ):
                if rows:
                    with cur.copy(sql) as copy:
                        for row in rows:
                            copy.write_row(row)
        index.copy_docs(conn, docs)
        for cid, new in zip(ids, batch, strict=True):
            c = new.customer
            c.id, c.version, c.changed_by = cid, 1, ""
        return Loaded(len(customers), len(visits), len(heads))

    def _refusal(self, batch: Sequence[NewCustomer]) -> DuplicateFound | None:
        """Why the unique keys refused *batch*: a key repeated within it, else the first
        customer whose key the database holds (the batch itself was undone)."""
        holders: dict[tuple[str, str], Customer] = {}
        for new in batch:
            c = new.customer
            keys = [("phone", p.number) for p in c.phones]
            if email := c.email.strip():
                keys.append(("email", email.translate(_ASCII_LOWER)))
            if member_no := c.member_no.strip():
                keys.append(("member_no", member_no))
            for key in dict.fromkeys(keys):
                if (other := holders.get(key)) is not None:
                    return DuplicateFound([Conflict(key[0], key[1], other.id or 0, other.name)])
            holders.update(dict.fromkeys(keys, c))
        for new in batch:
            if found := find_conflicts(self.conn, new.customer):
                return DuplicateFound(found)
        return None

    def _duplicates(self, batch: Sequence[NewCustomer]) -> list[SharedKeys]:
        """The keys each customer of *batch* shares with a live customer or with one before
        it in the batch (three indexed look-ups of the batch's keys)."""
        customers = [new.customer for new in batch]
        conn = self.conn

        def taken(sql: str, keys: set[str]) -> set[str]:
            if not keys:
                return set()
            return {r[0] for r in conn.execute(sql, [sorted(keys)]).fetchall()}

        emails = taken(
            f"SELECT {EMAIL_KEY} FROM customers WHERE email <> '' AND merged_into IS NULL "
            f"AND {EMAIL_KEY} = ANY(%s)",
            {e.translate(_ASCII_LOWER) for c in customers if (e := c.email.strip())},
        )
        member_nos = taken(
            "SELECT member_no FROM customers WHERE member_no <> '' AND merged_into IS NULL "
            "AND member_no = ANY(%s)",
            {m for c in customers if (m := c.member_no.strip())},
        )
        phones = taken(
            "SELECT p.e164 FROM phones p JOIN customers c ON c.id = p.customer_id "
            "WHERE c.merged_into IS NULL AND p.e164 = ANY(%s)",
            {p.number for c in customers for p in c.phones},
        )
        found = []
        for c in customers:
            email = c.email.strip().translate(_ASCII_LOWER)
            member_no = c.member_no.strip()
            numbers = [p.number for p in c.phones]
            found.append(
                SharedKeys(
                    email=bool(email) and email in emails,
                    member_no=bool(member_no) and member_no in member_nos,
                    phones=frozenset(n for n in numbers if n in phones),
                )
            )
            if email:
                emails.add(email)
            if member_no:
                member_nos.add(member_no)
            phones.update(numbers)
        return found


@contextlib.contextmanager
def bulk_load(conn: psycopg.Connection, saves: Saves) -> Iterator[PostgresBulkLoad]:
    """A bulk load inside the caller's write transaction."""
    yield PostgresBulkLoad(conn, saves)


if TYPE_CHECKING:  # mypy checks that the adapter implements the interface

    def _implements(conn: psycopg.Connection) -> CustomerBulkLoad:
        return PostgresBulkLoad(conn, Saves())
