"""The bulk path: many new customers with their history in the caller's transaction
(an import, a demo fill). See :class:`console.repositories.customers.CustomerBulkLoad`.

Rows go in with one ``executemany`` per table per batch, and the search documents with
one statement per batch in rank order (see :func:`.search_index.insert_search_docs`).
"""

from __future__ import annotations

import contextlib
import gc
import json
import sqlite3
import string
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import sqlite_utils

from console.domain.customer import Conflict, Customer, DuplicateFound, Phone
from console.repositories.customers import Loaded, NewCustomer
from console.storage.sqlite import driver, instants, search_index
from console.storage.sqlite.customer_rows import (
    INSERT_DATE,
    INSERT_PHONE,
    ROW_COLUMNS,
    SharedKeys,
    customer_values,
)
from console.storage.sqlite.customers import find_conflicts
from console.storage.sqlite.history import insert_history, numbered

INSERT_CUSTOMER = (
    "INSERT INTO customers (email_shared, member_no_shared, created_at, visit_count, "
    f"last_visit, {', '.join(ROW_COLUMNS)}) VALUES ({', '.join('?' * (len(ROW_COLUMNS) + 5))})"
)
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)

#: The per-row uniqueness triggers on new rows (0011_customer_keys). A large batch sets
#: them aside within the caller's transaction and checks its rows set-wise instead (the
#: two statements below): the same rule and the same refusal, in one statement per
#: table and batch instead of a trigger program per row, which cost a tenth of an
#: import. They are put back before the bulk load ends, in the same transaction: no
#: other connection ever sees the database without them.
ROW_TRIGGERS = ("customer_keys_unique_insert", "phone_unique_insert")
#: Batches of at least this many customers are checked set-wise.
SET_WISE_FROM = 500
#: What the triggers say (the database's refusal; storage turns it into DuplicateFound).
TAKEN = "a phone, e-mail or member number is taken"
#: A new customer (ids ?1 to ?2) whose e-mail or member number another live customer
#: holds, unless either keeps it as a duplicate on purpose: the trigger's rule.
_CUSTOMERS_TAKING = (
    "SELECT 1 FROM customers n WHERE n.id BETWEEN ?1 AND ?2 AND n.merged_into IS NULL AND ("
    "(n.email != '' AND n.email_shared = 0 AND EXISTS (SELECT 1 FROM customers c "
    "WHERE c.id != n.id AND lower(c.email) = lower(n.email) AND c.email != '' "
    "AND c.email_shared = 0 AND c.merged_into IS NULL)) OR "
    "(n.member_no != '' AND n.member_no_shared = 0 AND EXISTS (SELECT 1 "
    "FROM customers c WHERE c.id != n.id AND c.member_no = n.member_no "
    "AND c.member_no != '' AND c.member_no_shared = 0 AND c.merged_into IS NULL))) LIMIT 1"
)
#: A phone of a new customer (ids ?1 to ?2) that another live customer holds: ditto
#: (``p.id != n.id`` first, though implied: it is read from the index, and it passes over
#: the row itself without reading it).
_PHONES_TAKING = (
    "SELECT 1 FROM phones n WHERE n.customer_id BETWEEN ?1 AND ?2 AND n.shared = 0 "
    "AND EXISTS (SELECT 1 FROM phones p JOIN customers c ON c.id = p.customer_id "
    "WHERE p.id != n.id AND p.e164 = n.e164 AND p.shared = 0 "
    "AND p.customer_id != n.customer_id AND c.merged_into IS NULL) LIMIT 1"
)


#: A new customer as the bulk path writes it, made by :func:`encode` (in a worker
#: process, say): plain values only, cheap to send between processes. ``(row, phones,
#: dates, names, terms, visits, purchases, name, email key, member number)``: the
#: customer's row from ``created_at`` on (see :data:`INSERT_CUSTOMER`), phones ``(e164,
#: label)``, dates ``(label, month, day, year)``, the search document and terms, visits
#: ``(at, store, staff, note)``, purchases ``((at, store, channel, currency, total),
#: items)`` with items ``(name, quantity, price_minor, category)``, and the keys that
#: must be unique (the e-mail ASCII case folded).
Encoded = tuple[Any, ...]
_ROW, _PHONES, _DATES, _NAMES, _TERMS, _VISITS, _PURCHASES, _NAME, _EMAIL, _MEMBER_NO = range(10)


def encode(batch: Sequence[NewCustomer]) -> list[Encoded]:
    """*batch* as the bulk path writes it (pure Python: runs in a worker process too)."""
    iso = instants.Batch()
    encoded: list[Encoded] = []
    for new in batch:
        c = new.customer
        stamp = iso(new.added_at)
        if new.visits:
            visits = [(iso(v.at), v.store, v.staff, v.note) for v in new.visits]
            last_visit = max(v[0] for v in visits)
        else:
            visits, last_visit = [], ""
        email = c.email.strip()
        encoded.append(
            (
                (stamp, len(visits), last_visit, *customer_values(c, stamp)),
                [(p.number, p.label) for p in c.phones],
                [(d.label, d.date.month, d.date.day, d.date.year) for d in c.dates],
                new.names,
                new.terms,
                visits,
                [
                    (
                        (iso(p.at), p.store, p.channel, p.currency, p.total_minor),
                        [(i.name, i.quantity, i.price_minor, i.category) for i in p.items],
                    )
                    for p in new.purchases
                ],
                c.name,
                email.translate(_ASCII_LOWER) if email else "",
                c.member_no.strip(),
            )
        )
    return encoded


class TakenKeys:
    """Every phone, e-mail and member number of the live customers, for the rest of one
    large load inside one write transaction.

    An import asks for the duplicates of every row; almost every answer is "none", and
    these sets give it without a query. While the transaction holds the write lock only
    this connection changes the database, and the load adds what it writes; any other
    change on the connection (``total_changes`` moves) retires the sets.
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

    def add(self, db: sqlite_utils.Database, batch: Iterable[Encoded]) -> None:
        for e in batch:
            self.phones.update(number for number, _label in e[_PHONES])
            if e[_EMAIL]:
                self.emails.add(e[_EMAIL])
            if e[_MEMBER_NO]:
                self.member_nos.add(e[_MEMBER_NO])
        self.changes = db.conn.total_changes

    def current(self, db: sqlite_utils.Database) -> bool:
        """True while nothing but the load changed the database (see the class)."""
        return self.changes == db.conn.total_changes and db.conn.in_transaction

    def may_conflict(self, customer: Customer) -> bool:
        email = customer.email.strip()
        return self.may_conflict_keys(
            [p.number for p in customer.phones],
            email.translate(_ASCII_LOWER) if email else "",
            customer.member_no.strip(),
        )

    def may_conflict_keys(self, numbers: Iterable[str], email: str, member_no: str) -> bool:
        """*email* ASCII case folded, all stripped."""
        return (
            any(number in self.phones for number in numbers)
            or bool(email and email in self.emails)
            or bool(member_no and member_no in self.member_nos)
        )


class SqliteBulkLoad:
    """:class:`console.repositories.customers.CustomerBulkLoad` on one connection."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self._taken: TakenKeys | None = None
        self._collecting: bool | None = None
        #: The row triggers set aside, (name, sql) (empty: they are in place).
        self._set_aside: list[tuple[str, str]] = []

    def expect_many(self) -> None:
        if self._taken is None:
            self._taken = TakenKeys(self.db)  # reads what was written so far
        if self._collecting is None:
            # A load makes millions of objects and no reference cycles: the cycle
            # collector would only walk ever larger generations.
            self._collecting = gc.isenabled()
            gc.disable()

    def close(self) -> None:
        self._taken = None
        if self._collecting:
            gc.enable()
        self._collecting = None
        self._restore_row_triggers()

    def _set_row_triggers_aside(self) -> None:
        conn = self.db.conn
        found = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?)",
            ROW_TRIGGERS,
        ).fetchall()
        if len(found) != len(ROW_TRIGGERS) or not conn.in_transaction:
            return  # not the schema this check mirrors: the triggers stay
        for name, _sql in found:
            conn.execute(f'DROP TRIGGER "{name}"')
        self._set_aside = [(str(name), str(sql)) for name, sql in found]

    def _restore_row_triggers(self) -> None:
        """Put the row triggers back (in the caller's transaction, before it commits;
        after a rollback they are back already)."""
        conn = self.db.conn
        while self._set_aside:
            name, sql = self._set_aside[-1]
            if not conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?", [name]
            ).fetchone():
                conn.execute(sql)
            self._set_aside.pop()

    def _refuse_taken(
        self, sql: str, ids: range, batch: Sequence[Encoded], known: range | None
    ) -> None:
        """What the row triggers refuse, refused set-wise for the batch's rows (*known*:
        the ids the refusal may name, as the triggers' would)."""
        if ids and self.db.conn.execute(sql, [ids.start, ids[-1]]).fetchone() is not None:
            raise _within(batch, known) or sqlite3.IntegrityError(TAKEN)

    def conflicts(self, new: NewCustomer) -> list[Conflict]:
        taken = self._taken
        if taken is not None and taken.current(self.db) and not taken.may_conflict(new.customer):
            return []
        return find_conflicts(self.db, new.customer)

    def conflicts_encoded(self, row: Encoded) -> list[Conflict]:
        taken = self._taken
        if (
            taken is not None
            and taken.current(self.db)
            and not taken.may_conflict_keys(
                (number for number, _label in row[_PHONES]), row[_EMAIL], row[_MEMBER_NO]
            )
        ):
            return []
        customer = Customer(
            row[_NAME],
            phones=[Phone(number, label) for number, label in row[_PHONES]],
            email=row[_ROW][_EMAIL_COLUMN],
            member_no=row[_MEMBER_NO],
        )
        return find_conflicts(self.db, customer)

    def add(self, batch: Sequence[NewCustomer], *, keep_duplicates: bool = False) -> Loaded:
        loaded, ids = self._write(encode(batch), keep_duplicates)
        for cid, new in zip(ids, batch, strict=True):
            c = new.customer
            c.id, c.version, c.changed_by = cid, 1, ""
        return loaded

    def add_encoded(self, batch: Sequence[Encoded], *, keep_duplicates: bool = False) -> Loaded:
        return self._write(batch, keep_duplicates)[0]

    def _write(self, batch: Sequence[Encoded], keep_duplicates: bool) -> tuple[Loaded, range]:
        db = self.db
        if not self._set_aside and len(batch) >= SET_WISE_FROM:
            self._set_row_triggers_aside()
        shared = self._duplicates(batch) if keep_duplicates else [_NOT_SHARED] * len(batch)
        rows = [
            (int(keys.email), int(keys.member_no), *e[_ROW])
            for e, keys in zip(batch, shared, strict=True)
        ]
        try:
            ids = numbered(db, "customers", INSERT_CUSTOMER, rows)
        except driver.IntegrityError as exc:
            raise _within(batch) or exc from None
        if self._set_aside:
            self._refuse_taken(_CUSTOMERS_TAKING, ids, batch, None)
        phones: list[tuple[int, str, str, int, int]] = []
        dates: list[tuple[int, str, int, int, int | None]] = []
        docs: list[tuple[int, int, str, str]] = []
        visits: list[tuple[int, str, str, str, str]] = []
        heads: list[tuple[int, str, str, str, str, int]] = []
        purchases: list[list[tuple[str, int, int, str]]] = []
        # Most customers of an import have no history, one phone and no dates: the loop
        # skips what is empty rather than make an empty generator for it.
        for cid, e, keys in zip(ids, batch, shared, strict=True):
            if keys.phones:
                phones.extend(
                    (cid, number, label, i, int(number in keys.phones))
                    for i, (number, label) in enumerate(e[_PHONES])
                )
            else:
                phones.extend(
                    (cid, number, label, i, 0) for i, (number, label) in enumerate(e[_PHONES])
                )
            if e[_DATES]:
                dates.extend([(cid, *d) for d in e[_DATES]])
            docs.append((cid, search_index.rank_key(e[_ROW][2], cid), e[_NAMES], e[_TERMS]))
            if e[_VISITS]:
                visits.extend([(cid, *v) for v in e[_VISITS]])
            for head, items in e[_PURCHASES]:
                heads.append((cid, *head))
                purchases.append(items)
        conn = db.conn
        try:
            conn.executemany(INSERT_PHONE, phones)
        except driver.IntegrityError as exc:
            raise _within(batch, ids) or exc from None
        if self._set_aside:
            self._refuse_taken(_PHONES_TAKING, ids, batch, ids)
        conn.executemany(INSERT_DATE, dates)
        search_index.insert_search_docs(db, docs)
        insert_history(db, visits, heads, purchases)
        if self._taken is not None:
            self._taken.add(db, batch)
        return Loaded(len(rows), len(visits), len(heads)), ids

    def _duplicates(self, batch: Sequence[Encoded]) -> list[SharedKeys]:
        """The keys each customer of *batch* shares with a live customer or with one
        before it in the batch: three indexed look-ups of the batch's keys, not a read of
        every key in the database (a demo fill writes each batch in its own transaction)."""
        conn = self.db.conn

        def taken(sql: str, keys: set[str]) -> set[str]:
            return {r[0] for r in conn.execute(sql, [json.dumps(sorted(keys))])} if keys else set()

        emails = taken(
            "SELECT lower(email) FROM customers WHERE email != '' AND merged_into IS NULL "
            "AND lower(email) IN (SELECT value FROM json_each(?))",
            {e[_EMAIL] for e in batch if e[_EMAIL]},
        )
        member_nos = taken(
            "SELECT member_no FROM customers WHERE member_no != '' AND merged_into IS NULL "
            "AND member_no IN (SELECT value FROM json_each(?))",
            {e[_MEMBER_NO] for e in batch if e[_MEMBER_NO]},
        )
        phones = taken(
            "SELECT p.e164 FROM phones p JOIN customers c ON c.id = p.customer_id "
            "WHERE c.merged_into IS NULL AND p.e164 IN (SELECT value FROM json_each(?))",
            {number for e in batch for number, _label in e[_PHONES]},
        )
        found = []
        for e in batch:
            email, member_no = e[_EMAIL], e[_MEMBER_NO]
            numbers = [number for number, _label in e[_PHONES]]
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


_NOT_SHARED = SharedKeys()
_EMAIL_COLUMN = 3 + ROW_COLUMNS.index("email")


def _within(batch: Sequence[Encoded], ids: range | None = None) -> DuplicateFound | None:
    """The refusal of a batch that repeats a phone, e-mail or member number within itself
    (what the unique keys refused: the callers check each customer against the database
    before they add it), or None. *ids*: the batch's ids, once it has them."""
    holders: dict[tuple[str, str], int] = {}
    for index, e in enumerate(batch):
        keys = [("phone", number) for number, _label in e[_PHONES]]
        if e[_EMAIL]:
            keys.append(("email", e[_EMAIL]))
        if e[_MEMBER_NO]:
            keys.append(("member_no", e[_MEMBER_NO]))
        for key in keys:
            if (other := holders.get(key)) is not None:
                other_id = ids[other] if ids is not None else 0
                return DuplicateFound([Conflict(key[0], key[1], other_id, batch[other][_NAME])])
        holders.update(dict.fromkeys(keys, index))
    return None


@contextlib.contextmanager
def bulk_load(db: sqlite_utils.Database) -> Iterator[SqliteBulkLoad]:
    """A bulk load inside the caller's write transaction. While it is open, customers and
    phones are written through it only: after a large batch the row triggers are set aside
    until it closes, and its set-wise checks cover the rows it writes."""
    if not db.conn.in_transaction:
        raise RuntimeError("a bulk load needs the caller's write transaction")
    load = SqliteBulkLoad(db)
    try:
        yield load
    finally:
        load.close()
