"""Customers, their phones, dates, visits, purchases and search index.

Every function takes the open ``sqlite_utils.Database`` of the database thread.
Writes run inside ``write_transaction`` (BEGIN IMMEDIATE); the search index is
updated in the same transaction as the customer, so a search never sees a half-saved
customer and an edit is findable at once.
"""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import datetime as dt
import functools
import gc
import json
import multiprocessing
import os
import string
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from operator import itemgetter
from typing import Any

import sqlite_utils

from console.domain.customer import (
    Conflict,
    Customer,
    ImportantDate,
    Language,
    PartialDate,
    Phone,
    Purchase,
    PurchaseItem,
    Tier,
    Visit,
)
from console.domain.names import has_cjk, romanise
from console.domain.search_text import (
    TAGS,
    Lookup,
    QueryPlan,
    SearchHit,
    SearchKeys,
    TermKind,
    customer_search_keys,
    index_entries,
    index_entry,
    phone_forms,
)
from console.domain.search_text import Tier as MatchTier
from console.storage.sqlite.transactions import write_transaction
from console.storage.sqlite.workers import watch_parent

#: A customer id lives in the low bits of its search rank key (see :func:`rank_key`).
RANK_ID_BITS = 30
_RANK_ID_MASK = (1 << RANK_ID_BITS) - 1
_EPOCH = dt.datetime(1970, 1, 1)
_SECOND = dt.timedelta(seconds=1)


def _iso(value: dt.datetime) -> str:
    return value.isoformat(timespec="seconds")


def _parse_dt(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value)


def prepare(customer: Customer) -> Customer:
    """Fill derived fields: the romanisation of a Chinese name when none was typed."""
    if not customer.romanisation and has_cjk(customer.name):
        customer.romanisation = romanise(customer.name)
    return customer


def rank_key(last_visit: str, customer_id: int) -> int:
    """Where a customer comes in search results among equals: latest visit first.

    ``(Unix seconds of the last visit + 1) << 30 | customer_id``, or just the id for a
    customer never seen (visits before 1970 count as 1970). The full-text indexes use it
    as their rowid, so a look-up reads its matches newest first and stops after a page;
    equal visit times fall back to the newer customer, as ``(last_visit, id)`` sorts.
    """
    if not 0 < customer_id <= _RANK_ID_MASK:
        raise ValueError(f"customer id {customer_id} is out of the search index's range")
    if not last_visit:
        return customer_id
    at = dt.datetime.fromisoformat(last_visit).replace(tzinfo=None)
    return ((max((at - _EPOCH) // _SECOND, 0) + 1) << RANK_ID_BITS) | customer_id


def _keys_for(customer: Customer) -> SearchKeys:
    return customer_search_keys(
        name=customer.name,
        preferred_name=customer.preferred_name,
        romanisation=customer.romanisation,
        email=customer.email,
        member_no=customer.member_no,
        phones=[p.number for p in customer.phones],
    )


_ROW_COLUMNS = (
    "name",
    "preferred_name",
    "romanisation",
    "language",
    "email",
    "member_no",
    "birthday_month",
    "birthday_day",
    "birthday_year",
    "preferences",
    "dislikes",
    "avoid_topics",
    "notes",
    "tier",
    "assigned_staff",
    "marketing_consent",
    "customer_kind",
    "updated_at",
    "greetings_consent",
)


#: Positions in a customer's :data:`_ROW_COLUMNS` values (stripped there).
_EMAIL = _ROW_COLUMNS.index("email")
_MEMBER_NO = _ROW_COLUMNS.index("member_no")


def _dumps_list(items: list[str]) -> str:
    return _dumps_tuple(tuple(items)) if items else "[]"


@functools.lru_cache(maxsize=65536)
def _dumps_tuple(items: tuple[str, ...]) -> str:
    # Preferences repeat ("oat milk", "window seat"): a bulk load encodes each list once.
    return json.dumps(items, ensure_ascii=False)


def _customer_values(c: Customer, updated_at: str) -> tuple[Any, ...]:
    """The customer's columns in :data:`_ROW_COLUMNS` order."""
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


def _customer_row(c: Customer, now: dt.datetime) -> dict[str, Any]:
    return dict(zip(_ROW_COLUMNS, _customer_values(c, _iso(now)), strict=True))


def _write_index(
    db: sqlite_utils.Database, customer_id: int, keys: SearchKeys, last_visit: str
) -> None:
    # One statement: the full-text indexes follow through the triggers on search_docs.
    db.execute(
        "INSERT INTO search_docs (customer_id, rank_key, names, terms) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (customer_id) DO UPDATE SET rank_key = excluded.rank_key, "
        "names = excluded.names, terms = excluded.terms",
        [customer_id, rank_key(last_visit, customer_id), keys.doc, keys.index_text()],
    )


def _write_children(db: sqlite_utils.Database, customer_id: int, c: Customer) -> None:
    db.execute("DELETE FROM phones WHERE customer_id = ?", [customer_id])
    db.conn.executemany(
        "INSERT INTO phones (customer_id, e164, label, position) VALUES (?, ?, ?, ?)",
        [(customer_id, p.number, p.label, i) for i, p in enumerate(c.phones)],
    )
    db.execute("DELETE FROM important_dates WHERE customer_id = ?", [customer_id])
    db.conn.executemany(
        "INSERT INTO important_dates (customer_id, label, month, day, year) VALUES (?, ?, ?, ?, ?)",
        [(customer_id, d.label, d.date.month, d.date.day, d.date.year) for d in c.dates],
    )


def insert_customer(db: sqlite_utils.Database, customer: Customer, *, now: dt.datetime) -> int:
    prepare(customer)
    row = _customer_row(customer, now)
    row["created_at"] = _iso(now)
    with write_transaction(db):
        cursor = db.execute(
            f"INSERT INTO customers ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
        customer_id = int(cursor.lastrowid or 0)
        _write_children(db, customer_id, customer)
        _write_index(db, customer_id, _keys_for(customer), "")
    customer.id = customer_id
    return customer_id


def update_customer(db: sqlite_utils.Database, customer: Customer, *, now: dt.datetime) -> None:
    if customer.id is None:
        raise ValueError("customer has no id")
    prepare(customer)
    row = _customer_row(customer, now)
    with write_transaction(db):
        current = db.execute(
            "SELECT last_visit FROM customers WHERE id = ? AND merged_into IS NULL", [customer.id]
        ).fetchone()
        if current is None:
            raise LookupError(f"customer {customer.id} does not exist")
        db.execute(
            f"UPDATE customers SET {', '.join(f'{k} = ?' for k in row)} WHERE id = ?",
            [*row.values(), customer.id],
        )
        _write_children(db, customer.id, customer)
        _write_index(db, customer.id, _keys_for(customer), current[0])


#: Bulk loads compute search keys in a worker process once this many full batches went by
#: (smaller loads are not worth starting a process for).
BULK_WORKER_AFTER = 2

_INSERT_CUSTOMER = (
    f"INSERT INTO customers (id, created_at, visit_count, last_visit, {', '.join(_ROW_COLUMNS)}) "
    f"VALUES ({', '.join('?' * (len(_ROW_COLUMNS) + 4))})"
)
_INSERT_PHONE = "INSERT INTO phones (customer_id, e164, label, position) VALUES (?, ?, ?, ?)"
_INSERT_DATE = (
    "INSERT INTO important_dates (customer_id, label, month, day, year) VALUES (?, ?, ?, ?, ?)"
)

_EntryArgs = tuple[str, str, str, str, str, tuple[str, ...]]


def _next_id(db: sqlite_utils.Database, table: str) -> int:
    return int(db.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0])


def _insert_search_docs(db: sqlite_utils.Database, docs: list[tuple[int, int, str, str]]) -> None:
    """Insert ``(customer_id, rank_key, names, terms)`` rows in one statement, in rank order.

    One statement rather than one per row: a full-text index writes out its pending terms
    at every statement boundary inside a trigger and whenever rowids go backwards, and
    both would turn a bulk load into millions of tiny index segments.
    """
    if docs:
        docs.sort(key=itemgetter(1))
        _insert_docs_json(db, json.dumps(docs, ensure_ascii=False))


def _insert_docs_json(db: sqlite_utils.Database, docs_json: str) -> None:
    """:func:`_insert_search_docs` from its rows as a JSON array, in rank order."""
    db.execute(
        "INSERT INTO search_docs (customer_id, rank_key, names, terms) "
        "SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?)",
        [docs_json],
    )


def _insert_rows(db: sqlite_utils.Database, chunk: list[Customer], updated_at: str) -> list[int]:
    """Insert customers, phones and dates (not the search index); set and return the ids."""
    start = _next_id(db, "customers")
    ids = list(range(start, start + len(chunk)))
    rows: list[tuple[Any, ...]] = []
    phones: list[tuple[int, str, str, int]] = []
    dates: list[tuple[int, str, int, int, int | None]] = []
    for cid, c in zip(ids, chunk, strict=True):
        prepare(c)
        c.id = cid
        rows.append((cid, updated_at, 0, "", *_customer_values(c, updated_at)))
        if c.phones:
            phones.extend((cid, p.number, p.label, i) for i, p in enumerate(c.phones))
        if c.dates:
            dates.extend((cid, d.label, d.date.month, d.date.day, d.date.year) for d in c.dates)
    conn = db.conn
    conn.executemany(_INSERT_CUSTOMER, rows)
    conn.executemany(_INSERT_PHONE, phones)
    conn.executemany(_INSERT_DATE, dates)
    return ids


def _entry_args(c: Customer) -> _EntryArgs:
    return (
        c.name,
        c.preferred_name,
        c.romanisation,
        c.email,
        c.member_no,
        tuple(p.number for p in c.phones),
    )


def _start_worker() -> concurrent.futures.ProcessPoolExecutor | None:
    """One process for search keys while this thread writes; None where that cannot help."""
    if (os.cpu_count() or 1) < 2:
        return None
    try:
        # spawn, not fork: this runs on a thread of a Qt application.
        # The worker ends when this process dies (kill -9 of a bulk load): watch_parent.
        return concurrent.futures.ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=watch_parent,
            initargs=(os.getpid(),),
        )
    except (OSError, ValueError, NotImplementedError):
        return None


def _new_docs_json(first_id: int, args: list[_EntryArgs]) -> str:
    """The search documents of new customers ``first_id, first_id + 1, …`` as JSON for
    :func:`_insert_docs_json` (what the worker process of a bulk load computes). New
    customers have no visits: their rank key is their id, so ids order them."""
    return json.dumps(
        [
            (cid, cid, names, terms)
            for cid, (names, terms) in enumerate(index_entries(args), first_id)
        ],
        ensure_ascii=False,
    )


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


class _TakenKeys:
    """Every phone, e-mail and member number of the live customers, for the duration of
    one bulk load inside one write transaction.

    An import asks :func:`find_conflicts` for every row; almost every answer is "none",
    and these sets give it without a query. While the transaction holds the write lock
    only this connection changes the database, and the load adds what it writes; any
    other change on the connection (``total_changes`` moves) retires the sets.
    """

    def __init__(self, db: sqlite_utils.Database) -> None:
        conn = db.conn
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
            "AND (email != '' OR member_no != '')"
        ):
            if email:
                self.emails.add(email.translate(_ASCII_LOWER))
            if member_no:
                self.member_nos.add(member_no)
        self.changes = conn.total_changes

    def add(self, db: sqlite_utils.Database, customers: list[Customer]) -> None:
        for c in customers:
            self.phones.update(p.number for p in c.phones)
            if email := c.email.strip():
                self.emails.add(email.translate(_ASCII_LOWER))
            if member_no := c.member_no.strip():
                self.member_nos.add(member_no)
        self.changes = db.conn.total_changes

    def add_prepared(self, db: sqlite_utils.Database, batch: Sequence[PreparedCustomer]) -> None:
        for values, phones, *_rest in batch:
            self.phones.update(number for number, _label in phones)
            if email := values[_EMAIL]:
                self.emails.add(email.translate(_ASCII_LOWER))
            if member_no := values[_MEMBER_NO]:
                self.member_nos.add(member_no)
        self.changes = db.conn.total_changes

    def current(self, db: sqlite_utils.Database) -> bool:
        """True while nothing but the load changed the database (see the class)."""
        return self.changes == db.conn.total_changes and db.conn.in_transaction

    def may_conflict(self, customer: Customer) -> bool:
        return self.may_conflict_keys(
            [p.number for p in customer.phones], customer.email.strip(), customer.member_no.strip()
        )

    def may_conflict_keys(self, numbers: Iterable[str], email: str, member_no: str) -> bool:
        return (
            any(number in self.phones for number in numbers)
            or bool(email and email.translate(_ASCII_LOWER) in self.emails)
            or bool(member_no and member_no in self.member_nos)
        )


#: The duplicate-check sets of the bulk load running on each connection, if any.
_taken_keys: dict[int, _TakenKeys] = {}


@contextlib.contextmanager
def bulk_load(db: sqlite_utils.Database) -> Iterator[None]:
    """A large load inside the caller's write transaction: :func:`find_conflicts` and
    :func:`prepared_conflicts` answer "none" from memory (see :class:`_TakenKeys`; what
    :func:`insert_prepared` and :func:`bulk_insert_customers` write is added), and the
    cycle collector pauses (a load makes millions of objects and no reference cycles, and
    the collector would only walk ever larger generations)."""
    if not db.conn.in_transaction:
        raise RuntimeError("bulk_load needs the caller's write transaction")
    key = id(db.conn)
    collecting = gc.isenabled()
    gc.disable()
    _taken_keys[key] = _TakenKeys(db)
    try:
        yield
    finally:
        _taken_keys.pop(key, None)
        if collecting:
            gc.enable()


def bulk_insert_customers(
    db: sqlite_utils.Database,
    customers: Iterable[Customer],
    *,
    now: dt.datetime,
    batch_size: int = 5000,
) -> int:
    """Insert many customers fast (import, demo). Returns the number inserted.

    One transaction per batch; the caller decides whether the whole import is atomic by
    wrapping the call in ``write_transaction``. Inside the caller's transaction a large
    load uses both cores: a worker process computes the search keys of one batch while
    this thread reads and writes the next (the customers' rows, which the duplicate
    checks of the next batch read, are always written before it is read), and the
    duplicate checks answer "none" from memory (see :class:`_TakenKeys`).
    """
    updated_at = _iso(now)
    iterator = iter(customers)
    total = 0
    conn = db.conn
    if not conn.in_transaction:
        while chunk := list(islice(iterator, batch_size)):
            with write_transaction(db):
                ids = _insert_rows(db, chunk, updated_at)
                _insert_docs_json(db, _new_docs_json(ids[0], list(map(_entry_args, chunk))))
            total += len(chunk)
        return total
    pool: concurrent.futures.ProcessPoolExecutor | None = None
    pending: collections.deque[
        tuple[int, list[_EntryArgs], concurrent.futures.Future[str] | None]
    ] = collections.deque()
    key = id(conn)
    loading = contextlib.ExitStack()

    def write_oldest() -> None:
        first_id, args, future = pending.popleft()
        try:
            docs_json = future.result() if future else _new_docs_json(first_id, args)
        except concurrent.futures.BrokenExecutor:
            docs_json = _new_docs_json(first_id, args)  # the worker died: finish here
        _insert_docs_json(db, docs_json)

    try:
        batches = 0
        while chunk := list(islice(iterator, batch_size)):
            ids = _insert_rows(db, chunk, updated_at)
            args = list(map(_entry_args, chunk))
            batches += 1
            large = batches > BULK_WORKER_AFTER and len(chunk) == batch_size
            if large and pool is None:
                pool = _start_worker()
            future: concurrent.futures.Future[str] | None = None
            if pool is not None:
                try:
                    future = pool.submit(_new_docs_json, ids[0], args)
                except concurrent.futures.BrokenExecutor:
                    future = None
            pending.append((ids[0], args, future))
            while len(pending) > (1 if future else 0):
                write_oldest()
            total += len(chunk)
            if (taken := _taken_keys.get(key)) is not None:
                taken.add(db, chunk)
            elif large:
                loading.enter_context(bulk_load(db))  # reads what was written so far
        while pending:
            write_oldest()
    finally:
        loading.close()
        if pool is not None:
            pool.shutdown(wait=not pending, cancel_futures=True)
    return total


# --- bulk loads with history (demo data) ----------------------------------------------

#: Everything a bulk load writes for one customer, as plain values (cheap to send from a
#: worker process): the customer's columns (:data:`_ROW_COLUMNS` and then created_at,
#: visit_count, last_visit), phones ``(e164, label)``, dates ``(label, month, day,
#: year)``, the search document and terms, visits ``(at, store, staff, note)`` and
#: purchases ``(at, store, channel, currency, total_minor, items)`` with items
#: ``(name, quantity, price_minor, category)``.
PreparedCustomer = tuple[
    tuple[Any, ...],
    list[tuple[str, str]],
    list[tuple[str, int, int, int | None]],
    str,
    str,
    list[tuple[str, str, str, str]],
    list[tuple[str, str, str, str, int, list[tuple[str, int, int, str]]]],
]


def prepare_customer(
    customer: Customer,
    visits: Sequence[tuple[dt.datetime, str, str, str]],
    purchases: Sequence[tuple[dt.datetime, str, str, str, Sequence[PurchaseItem]]],
    *,
    now: dt.datetime,
) -> PreparedCustomer:
    """Turn a customer and their history into :data:`PreparedCustomer` (pure Python)."""
    prepare(customer)
    stamp = _iso(now)
    visit_rows = [(_iso(at), store, staff, note) for at, store, staff, note in visits]
    last_visit = max((v[0] for v in visit_rows), default="")
    doc, terms = index_entry(*_entry_args(customer))
    return (
        (*_customer_values(customer, stamp), stamp, len(visit_rows), last_visit),
        [(p.number, p.label) for p in customer.phones],
        [(d.label, d.date.month, d.date.day, d.date.year) for d in customer.dates],
        doc,
        terms,
        visit_rows,
        [
            (
                _iso(at),
                store,
                channel,
                currency,
                sum(i.total_minor for i in items),
                [(i.name, i.quantity, i.price_minor, i.category) for i in items],
            )
            for at, store, channel, currency, items in purchases
        ],
    )


def insert_prepared(
    db: sqlite_utils.Database, batch: Sequence[PreparedCustomer]
) -> tuple[int, int, int]:
    """Write prepared customers with their history in one transaction; returns the numbers
    of customers, visits and purchases written."""
    with write_transaction(db):
        start = _next_id(db, "customers")
        purchase_id = _next_id(db, "purchases")
        customers: list[tuple[Any, ...]] = []
        phones: list[tuple[int, str, str, int]] = []
        dates: list[tuple[int, str, int, int, int | None]] = []
        docs: list[tuple[int, int, str, str]] = []
        visits: list[tuple[int, str, str, str, str]] = []
        heads: list[tuple[int, int, str, str, str, str, int]] = []
        items: list[tuple[int, str, int, int, str]] = []
        for cid, (values, ph, ds, names, terms, vs, ps) in enumerate(batch, start):
            customers.append((cid, *values[-3:], *values[:-3]))
            phones.extend((cid, e164, label, i) for i, (e164, label) in enumerate(ph))
            dates.extend((cid, *d) for d in ds)
            docs.append((cid, rank_key(values[-1], cid), names, terms))
            visits.extend((cid, *v) for v in vs)
            for at, store, channel, currency, total, its in ps:
                heads.append((purchase_id, cid, at, store, channel, currency, total))
                items.extend((purchase_id, *i) for i in its)
                purchase_id += 1
        conn = db.conn
        conn.executemany(_INSERT_CUSTOMER, customers)
        conn.executemany(_INSERT_PHONE, phones)
        conn.executemany(_INSERT_DATE, dates)
        _insert_search_docs(db, docs)
        _insert_history(db, visits, heads, items)
    if (taken := _taken_keys.get(id(conn))) is not None:
        taken.add_prepared(db, batch)
    return len(customers), len(visits), len(heads)


def _insert_history(
    db: sqlite_utils.Database,
    visits: list[tuple[int, str, str, str, str]],
    heads: list[tuple[int, int, str, str, str, str, int]],
    items: list[tuple[int, str, int, int, str]],
) -> None:
    conn = db.conn
    conn.executemany(
        "INSERT INTO visits (customer_id, at, store, staff, note) VALUES (?, ?, ?, ?, ?)", visits
    )
    conn.executemany(
        "INSERT INTO purchases (id, customer_id, at, store, channel, currency, total_minor) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        heads,
    )
    conn.executemany(
        "INSERT INTO purchase_items (purchase_id, name, quantity, price_minor, category) "
        "VALUES (?, ?, ?, ?, ?)",
        items,
    )


def rebuild_search_index(db: sqlite_utils.Database) -> int:
    """Index every live customer afresh (a database from before search existed)."""
    with write_transaction(db):
        db.execute("DELETE FROM search_docs")
        last_visits = dict(
            db.execute("SELECT id, last_visit FROM customers WHERE merged_into IS NULL").fetchall()
        )
        count = 0
        docs: list[tuple[int, int, str, str]] = []
        for customer in iter_customers(db):
            assert customer.id is not None
            keys = _keys_for(prepare(customer))
            last_visit = str(last_visits.get(customer.id, ""))
            docs.append(
                (customer.id, rank_key(last_visit, customer.id), keys.doc, keys.index_text())
            )
            if len(docs) >= 5000:
                count += len(docs)
                _insert_search_docs(db, docs)
                docs = []
        count += len(docs)
        _insert_search_docs(db, docs)
    return count


def _loads_list(value: str) -> list[str]:
    data = json.loads(value or "[]")
    return [str(x) for x in data] if isinstance(data, list) else []


def _customer_from_row(row: dict[str, Any]) -> Customer:
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
        created_at=_parse_dt(row["created_at"]),
        updated_at=_parse_dt(row["updated_at"]),
    )


def get_customer(db: sqlite_utils.Database, customer_id: int) -> Customer | None:
    rows = list(db.query("SELECT * FROM customers WHERE id = ?", [customer_id]))
    if not rows:
        return None
    customer = _customer_from_row(rows[0])
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


# --- duplicates and merge ---------------------------------------------------------


def find_conflicts(db: sqlite_utils.Database, customer: Customer) -> list[Conflict]:
    taken = _taken_keys.get(id(db.conn))
    if taken is not None and taken.current(db) and not taken.may_conflict(customer):
        return []
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


def prepared_conflicts(db: sqlite_utils.Database, prepared: PreparedCustomer) -> list[Conflict]:
    """:func:`find_conflicts` of a new customer given as :data:`PreparedCustomer`."""
    values, phones = prepared[0], prepared[1]
    taken = _taken_keys.get(id(db.conn))
    if (
        taken is not None
        and taken.current(db)
        and not taken.may_conflict_keys(
            [number for number, _label in phones], values[_EMAIL], values[_MEMBER_NO]
        )
    ):
        return []
    customer = Customer(
        name=values[_ROW_COLUMNS.index("name")],
        phones=[Phone(number, label) for number, label in phones],
        email=values[_EMAIL],
        member_no=values[_MEMBER_NO],
    )
    return find_conflicts(db, customer)


def merge_customers(
    db: sqlite_utils.Database, keep_id: int, other_id: int, *, now: dt.datetime
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
            "UPDATE customers SET merged_into = ?, updated_at = ? WHERE id = ?",
            [keep_id, _iso(now), other_id],
        )
        db.execute("DELETE FROM search_docs WHERE customer_id = ?", [other_id])
        # Phones move to the survivor; the tombstone keeps none so it is never matched.
        db.execute("DELETE FROM phones WHERE customer_id = ?", [other_id])
        db.execute("DELETE FROM important_dates WHERE customer_id = ?", [other_id])
        update_customer(db, keep, now=now)
        _refresh_visit_facts(db, keep_id)
    result = get_customer(db, keep_id)
    assert result is not None
    return result


# --- visits, purchases, rewards -----------------------------------------------------


def _refresh_visit_facts(db: sqlite_utils.Database, customer_id: int) -> None:
    count, last = db.execute(
        "SELECT count(*), coalesce(max(at), '') FROM visits WHERE customer_id = ?", [customer_id]
    ).fetchone()
    db.execute(
        "UPDATE customers SET visit_count = ?, last_visit = ? WHERE id = ?",
        [count, last, customer_id],
    )
    db.execute(
        "UPDATE search_docs SET rank_key = ? WHERE customer_id = ?",
        [rank_key(last, customer_id), customer_id],
    )


def record_visit(db: sqlite_utils.Database, visit: Visit) -> int:
    with write_transaction(db):
        if merged_into(db, visit.customer_id) is not None:
            raise ValueError("this customer was merged into another profile")
        cursor = db.execute(
            "INSERT INTO visits (customer_id, at, store, staff, note) VALUES (?, ?, ?, ?, ?)",
            [visit.customer_id, _iso(visit.at), visit.store, visit.staff, visit.note],
        )
        _refresh_visit_facts(db, visit.customer_id)
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
                _iso(purchase.at),
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


def bulk_insert_history(
    db: sqlite_utils.Database,
    visits: Sequence[tuple[int, dt.datetime, str, str, str]],
    purchases: Sequence[tuple[int, dt.datetime, str, str, str, list[PurchaseItem]]],
) -> None:
    """Insert many visits ``(customer_id, at, store, staff, note)`` and purchases
    ``(customer_id, at, store, channel, currency, items)`` in one transaction, then
    refresh the visit facts of the customers touched."""
    with write_transaction(db):
        purchase_id = _next_id(db, "purchases")
        heads: list[tuple[int, int, str, str, str, str, int]] = []
        items: list[tuple[int, str, int, int, str]] = []
        for pid, (cid, at, store, channel, currency, its) in enumerate(purchases, purchase_id):
            heads.append(
                (pid, cid, _iso(at), store, channel, currency, sum(i.total_minor for i in its))
            )
            items.extend((pid, i.name, i.quantity, i.price_minor, i.category) for i in its)
        _insert_history(
            db,
            [(cid, _iso(at), store, staff, note) for cid, at, store, staff, note in visits],
            heads,
            items,
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
        _move_rank_keys(db, touched)


#: Above this many moves, search documents are moved by deleting and re-inserting them in
#: rank order rather than one update each (see :func:`_insert_search_docs`).
_BULK_MOVES = 100


def _move_rank_keys(db: sqlite_utils.Database, customer_ids: list[int]) -> None:
    """Give the search documents of *customer_ids* the rank keys of their last visits."""
    rows = db.execute(
        "SELECT d.customer_id, d.rank_key, c.last_visit, d.names, d.terms FROM search_docs d "
        "JOIN customers c ON c.id = d.customer_id "
        "WHERE d.customer_id IN (SELECT value FROM json_each(?))",
        [json.dumps(customer_ids)],
    ).fetchall()
    moves = [
        (cid, old, new, names, terms)
        for cid, old, last_visit, names, terms in rows
        if (new := rank_key(last_visit, cid)) != old
    ]
    if len(moves) <= _BULK_MOVES:
        db.conn.executemany(
            "UPDATE search_docs SET rank_key = ? WHERE customer_id = ?",
            [(new, cid) for cid, _old, new, _names, _terms in moves],
        )
        return
    db.execute(
        "DELETE FROM search_docs WHERE rank_key IN (SELECT value FROM json_each(?))",
        [json.dumps(sorted(old for _cid, old, _new, _names, _terms in moves))],
    )
    _insert_search_docs(db, [(cid, new, names, terms) for cid, _old, new, names, terms in moves])


def list_visits(
    db: sqlite_utils.Database, customer_id: int, *, offset: int = 0, limit: int = 50
) -> list[Visit]:
    return [
        Visit(r["customer_id"], _parse_dt(r["at"]), r["store"], r["staff"], r["note"], r["id"])
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
            _parse_dt(h["at"]),
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


@dataclass(slots=True)
class PurchaseFacts:
    spend_by_currency: dict[str, int] = field(default_factory=dict)
    favourite_items: list[tuple[str, int]] = field(default_factory=list)
    qualifying_quantity: int = 0
    rewards_redeemed: int = 0
    last_purchase: dt.datetime | None = None


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
        facts.last_purchase = _parse_dt(last_at)
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
            [customer_id, _iso(at), staff, note],
        )
    return int(cursor.lastrowid or 0)


# --- search --------------------------------------------------------------------------


#: A prefix look-up of a name first reads this many of the most recently seen customers:
#: a short or common prefix ("w", "li", "zhang") fills a page there long before a prefix
#: query over the index would have merged the hundreds of thousands of words it matches.
#: Rarer prefixes then go to the index, where they are cheap.
WALK_ROWS = 4000
#: Prefixes this long go to the index at once: few words share them.
WALK_MAX_PREFIX = 6

_MATCH = {
    table: f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT ?"
    for table in ("search_terms", "search_docs_fts")
}
_NAME_KINDS = frozenset({TermKind.WHOLE, TermKind.TOKEN})


def _match(db: sqlite_utils.Database, table: str, query: str, limit: int) -> list[int]:
    """Rank keys of the newest *limit* matches of a full-text *query*."""
    return [int(r[0]) for r in db.conn.execute(_MATCH[table], (query, limit))]


def _terms_query(term: str, kinds: Sequence[TermKind], prefix: bool) -> str:
    # *term* is folded (letters and digits only), so it is safe inside an FTS5 string.
    star = "*" if prefix else ""
    return " OR ".join(f'"{TAGS[kind]}{term}"{star}' for kind in kinds)


def _walk(
    db: sqlite_utils.Database, term: str, kinds: Sequence[TermKind], limit: int
) -> list[int] | None:
    """The newest *limit* customers with a term of *kinds* starting with *term*, if the
    :data:`WALK_ROWS` most recently seen customers hold that many; else None.

    search_docs is stored in rank order, so this reads a few hundred adjacent pages; one
    GLOB (``* [wtx]zh*``: a token of any of the kinds that starts with the term) per row.
    """
    # *term* is folded (letters and digits only): nothing in it is special to GLOB.
    pattern = "* [" + "".join(TAGS[kind] for kind in kinds) + "]" + term + "*"
    found = db.conn.execute(
        "SELECT rank_key FROM ("
        "SELECT rank_key, terms FROM search_docs ORDER BY rank_key DESC LIMIT ?"
        ") WHERE terms GLOB ? LIMIT ?",
        (WALK_ROWS, pattern, limit),
    ).fetchall()
    if len(found) < limit:
        return None
    return sorted((int(r[0]) for r in found), reverse=True)


def _phone_lookup(db: sqlite_utils.Database, digits: str, limit: int) -> list[int]:
    """Customers with a phone that *digits* spell in full (with or without country code)."""
    forms = phone_forms(digits)
    if not forms:
        return []
    rows = db.conn.execute(
        "SELECT d.rank_key FROM phones p JOIN search_docs d ON d.customer_id = p.customer_id "
        f"WHERE p.e164 IN ({', '.join('?' * len(forms))}) ORDER BY d.rank_key DESC LIMIT ?",
        (*forms, limit),
    )
    return [int(r[0]) for r in rows]


def _lookup(db: sqlite_utils.Database, lookup: Lookup, limit: int) -> list[int]:
    """Rank keys of the newest *limit* customers matching one look-up of a plan."""
    kinds = lookup.kinds
    if TermKind.PHONE in kinds:
        return _phone_lookup(db, lookup.term, limit)
    if lookup.prefix and _NAME_KINDS.intersection(kinds) and len(lookup.term) <= WALK_MAX_PREFIX:
        walked = _walk(db, lookup.term, kinds, limit)
        if walked is not None:
            return walked
    return _match(db, "search_terms", _terms_query(lookup.term, kinds, lookup.prefix), limit)


def search(db: sqlite_utils.Database, plan: QueryPlan, *, limit: int = 20) -> list[SearchHit]:
    """Best matches first: exact, then prefix, then substring; ties by most recent visit.

    Every look-up reads its matches in rank-key order (newest visit first) and stops after
    *limit*, so a query costs about the same for 伟 (a hundred thousand matches) as for a
    phone number (one).
    """
    if plan.empty or limit <= 0:
        return []
    by_tier: dict[MatchTier, list[Lookup]] = {}
    for lookup in plan.lookups:
        by_tier.setdefault(lookup.tier, []).append(lookup)
    tiers: dict[int, MatchTier] = {}
    ordered: list[int] = []
    for tier in sorted(MatchTier):
        found: set[int] = set()
        for lookup in by_tier.get(tier, ()):
            found.update(_lookup(db, lookup, limit))
        if tier == MatchTier.SUBSTRING and plan.substring:
            found.update(_match(db, "search_docs_fts", f'"{plan.substring}"', limit))
        for key in sorted(found, reverse=True):
            cid = key & _RANK_ID_MASK
            if cid not in tiers:
                tiers[cid] = tier
                ordered.append(cid)
                if len(ordered) == limit:
                    return _hits(db, ordered, tiers)
    return _hits(db, ordered, tiers)


def _hits(
    db: sqlite_utils.Database, ids: list[int], tiers: dict[int, MatchTier]
) -> list[SearchHit]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    conn = db.conn
    rows = {
        r[0]: r
        for r in conn.execute(
            f"SELECT id, name, preferred_name, member_no, email, last_visit, tier, visit_count "
            f"FROM customers WHERE id IN ({marks}) AND merged_into IS NULL",
            ids,
        )
    }
    phones: dict[int, list[str]] = {i: [] for i in ids}
    for cid, e164 in conn.execute(
        f"SELECT customer_id, e164 FROM phones WHERE customer_id IN ({marks}) "
        f"ORDER BY position, id",
        ids,
    ):
        phones[cid].append(e164)
    return [
        SearchHit(
            id=cid,
            name=row[1],
            preferred_name=row[2],
            phones=tuple(phones[cid]),
            member_no=row[3],
            email=row[4],
            last_visit=row[5],
            tier=row[6],
            visit_count=row[7],
            match=tiers[cid],
        )
        for cid in ids
        if (row := rows.get(cid)) is not None
    ]


def like_search(db: sqlite_utils.Database, text: str, *, limit: int = 20) -> list[int]:
    """The plainest alternative (``LIKE '%q%'`` over names, phones, emails, member numbers),
    kept only so benchmarks can show what the index buys."""
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = db.execute(
        "SELECT id FROM customers WHERE merged_into IS NULL AND (name LIKE ?1 ESCAPE '\\' "
        "OR preferred_name LIKE ?1 ESCAPE '\\' OR email LIKE ?1 ESCAPE '\\' "
        "OR member_no LIKE ?1 ESCAPE '\\' OR id IN (SELECT customer_id FROM phones "
        "WHERE e164 LIKE ?1 ESCAPE '\\')) ORDER BY last_visit DESC LIMIT ?2",
        [pattern, limit],
    ).fetchall()
    return [int(r[0]) for r in rows]


# --- the Today view ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DatedCustomer:
    customer_id: int
    name: str
    preferred_name: str
    label: str
    date: PartialDate
    tier: str
    greetings_consent: bool


def dates_in_window(
    db: sqlite_utils.Database, month_days: Sequence[tuple[int, int]], *, consent_only: bool
) -> list[DatedCustomer]:
    """Birthdays and other important dates falling on any of *month_days*."""
    if not month_days:
        return []
    pairs = ",".join("(?, ?)" for _ in month_days)
    flat = [x for md in month_days for x in md]
    consent = "AND c.greetings_consent = 1" if consent_only else ""
    # Birthdays as "month = ? AND day IN (…)" per month, which the birthday index answers
    # (a row-value IN list made SQLite read all the customers: 0.26 s for a million).
    days_by_month: dict[int, list[int]] = {}
    for month, day in month_days:
        days_by_month.setdefault(month, []).append(day)
    by_month = " OR ".join(
        f"(c.birthday_month = ? AND c.birthday_day IN ({', '.join('?' * len(days))}))"
        for days in days_by_month.values()
    )
    by_month_args = [x for month, days in days_by_month.items() for x in (month, *days)]
    conn = db.conn
    found = [
        DatedCustomer(cid, name, preferred, "birthday", PartialDate(m, d, y), tier, bool(ok))
        for cid, name, preferred, m, d, y, tier, ok in conn.execute(
            f"SELECT c.id, c.name, c.preferred_name, c.birthday_month, c.birthday_day, "
            f"c.birthday_year, c.tier, c.greetings_consent FROM customers c "
            f"WHERE ({by_month}) AND c.merged_into IS NULL {consent} ORDER BY c.id",
            by_month_args,
        )
    ]
    found.extend(
        DatedCustomer(cid, name, preferred, label, PartialDate(m, d, y), tier, bool(ok))
        for cid, name, preferred, label, m, d, y, tier, ok in conn.execute(
            f"SELECT c.id, c.name, c.preferred_name, d.label, d.month, d.day, d.year, "
            f"c.tier, c.greetings_consent FROM important_dates d "
            f"JOIN customers c ON c.id = d.customer_id "
            f"WHERE (d.month, d.day) IN (VALUES {pairs}) AND c.merged_into IS NULL {consent}",
            flat,
        )
    )
    return found


@dataclass(frozen=True, slots=True)
class LapsedCustomer:
    customer_id: int
    name: str
    preferred_name: str
    last_visit: str
    visit_count: int
    tier: str


def lapsed_customers(
    db: sqlite_utils.Database,
    *,
    seen_before: dt.datetime,
    min_visits: int,
    consent_only: bool,
    limit: int = 100,
) -> list[LapsedCustomer]:
    """Good customers (many visits or a high tier) not seen since *seen_before*."""
    consent = "AND marketing_consent = 1" if consent_only else ""
    return [
        LapsedCustomer(
            r["id"], r["name"], r["preferred_name"], r["last_visit"], r["visit_count"], r["tier"]
        )
        for r in db.query(
            # +last_visit: read the table in order rather than through the last-visit
            # index. When many customers are lapsed (a third of a million in the
            # benchmark) the index's random reads took 1.2 s; one pass takes 0.25 s.
            f"SELECT id, name, preferred_name, last_visit, visit_count, tier FROM customers "
            f"WHERE +last_visit != '' AND +last_visit < ? AND merged_into IS NULL "
            f"AND erased_at IS NULL {consent} "
            f"AND (visit_count >= ? OR tier IN ('gold', 'vip')) "
            f"ORDER BY visit_count DESC, last_visit DESC LIMIT ?",
            [_iso(seen_before), min_visits, limit],
        )
    ]


# --- export --------------------------------------------------------------------------


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
            customer = _customer_from_row(row)
            customer.phones = phones[row["id"]]
            customer.dates = dates[row["id"]]
            yield customer
        last_id = ids[-1]


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


# --- settings ------------------------------------------------------------------------
