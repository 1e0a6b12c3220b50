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

from console.domain.customer import Conflict, Customer, DuplicateFound
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

    def add(self, db: sqlite_utils.Database, customers: Iterable[Customer]) -> None:
        for c in customers:
            self.phones.update(p.number for p in c.phones)
            if email := c.email.strip():
                self.emails.add(email.translate(_ASCII_LOWER))
            if member_no := c.member_no.strip():
                self.member_nos.add(member_no)
        self.changes = db.conn.total_changes

    def current(self, db: sqlite_utils.Database) -> bool:
        """True while nothing but the load changed the database (see the class)."""
        return self.changes == db.conn.total_changes and db.conn.in_transaction

    def may_conflict(self, customer: Customer) -> bool:
        email = customer.email.strip()
        member_no = customer.member_no.strip()
        return (
            any(p.number in self.phones for p in customer.phones)
            or bool(email and email.translate(_ASCII_LOWER) in self.emails)
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

    def _refuse_taken(self, sql: str, ids: range, batch: Sequence[NewCustomer]) -> None:
        """What the row triggers refuse, refused set-wise for the batch's rows."""
        if ids and self.db.conn.execute(sql, [ids.start, ids[-1]]).fetchone() is not None:
            raise _within(batch) or sqlite3.IntegrityError(TAKEN)

    def conflicts(self, new: NewCustomer) -> list[Conflict]:
        taken = self._taken
        if taken is not None and taken.current(self.db) and not taken.may_conflict(new.customer):
            return []
        return find_conflicts(self.db, new.customer)

    def add(self, batch: Sequence[NewCustomer], *, keep_duplicates: bool = False) -> Loaded:
        db = self.db
        if not self._set_aside and len(batch) >= SET_WISE_FROM:
            self._set_row_triggers_aside()
        shared = self._duplicates(batch) if keep_duplicates else [SharedKeys()] * len(batch)
        iso = instants.Batch()
        rows: list[tuple[Any, ...]] = []
        visit_rows: list[list[tuple[str, str, str, str]]] = []
        # Most customers of an import have no history, one phone and no dates: the loops
        # below skip what is empty rather than make an empty generator for it.
        for new, keys in zip(batch, shared, strict=True):
            stamp = iso(new.added_at)
            if new.visits:
                its_visits = [(iso(v.at), v.store, v.staff, v.note) for v in new.visits]
                last_visit = max(v[0] for v in its_visits)
            else:
                its_visits, last_visit = [], ""
            rows.append(
                (
                    int(keys.email),
                    int(keys.member_no),
                    stamp,
                    len(its_visits),
                    last_visit,
                    *customer_values(new.customer, stamp),
                )
            )
            visit_rows.append(its_visits)
        try:
            ids = numbered(db, "customers", INSERT_CUSTOMER, rows)
        except driver.IntegrityError as exc:
            raise _within(batch) or exc from None
        if self._set_aside:
            self._refuse_taken(_CUSTOMERS_TAKING, ids, batch)
        phones: list[tuple[int, str, str, int, int]] = []
        dates: list[tuple[int, str, int, int, int | None]] = []
        docs: list[tuple[int, int, str, str]] = []
        visits: list[tuple[int, str, str, str, str]] = []
        heads: list[tuple[int, str, str, str, str, int]] = []
        purchases: list[list[tuple[str, int, int, str]]] = []
        for cid, new, row, keys, its_visits in zip(
            ids, batch, rows, shared, visit_rows, strict=True
        ):
            c = new.customer
            c.id, c.version, c.changed_by = cid, 1, ""
            if keys.phones:
                phones.extend(
                    (cid, p.number, p.label, i, int(p.number in keys.phones))
                    for i, p in enumerate(c.phones)
                )
            else:
                phones.extend((cid, p.number, p.label, i, 0) for i, p in enumerate(c.phones))
            if c.dates:
                dates.extend((cid, d.label, d.date.month, d.date.day, d.date.year) for d in c.dates)
            docs.append((cid, search_index.rank_key(row[4], cid), new.names, new.terms))
            if its_visits:
                visits.extend([(cid, *v) for v in its_visits])
            for p in new.purchases:
                heads.append((cid, iso(p.at), p.store, p.channel, p.currency, p.total_minor))
                purchases.append([(i.name, i.quantity, i.price_minor, i.category) for i in p.items])
        conn = db.conn
        try:
            conn.executemany(INSERT_PHONE, phones)
        except driver.IntegrityError as exc:
            raise _within(batch) or exc from None
        if self._set_aside:
            self._refuse_taken(_PHONES_TAKING, ids, batch)
        conn.executemany(INSERT_DATE, dates)
        search_index.insert_search_docs(db, docs)
        insert_history(db, visits, heads, purchases)
        if self._taken is not None:
            self._taken.add(db, (new.customer for new in batch))
        return Loaded(len(rows), len(visits), len(heads))

    def _duplicates(self, batch: Sequence[NewCustomer]) -> list[SharedKeys]:
        """The keys each customer of *batch* shares with a live customer or with one
        before it in the batch: three indexed look-ups of the batch's keys, not a read of
        every key in the database (a demo fill writes each batch in its own transaction)."""
        customers = [new.customer for new in batch]
        conn = self.db.conn

        def taken(sql: str, keys: set[str]) -> set[str]:
            return {r[0] for r in conn.execute(sql, [json.dumps(sorted(keys))])} if keys else set()

        emails = taken(
            "SELECT lower(email) FROM customers WHERE email != '' AND merged_into IS NULL "
            "AND lower(email) IN (SELECT value FROM json_each(?))",
            {e.translate(_ASCII_LOWER) for c in customers if (e := c.email.strip())},
        )
        member_nos = taken(
            "SELECT member_no FROM customers WHERE member_no != '' AND merged_into IS NULL "
            "AND member_no IN (SELECT value FROM json_each(?))",
            {m for c in customers if (m := c.member_no.strip())},
        )
        phones = taken(
            "SELECT p.e164 FROM phones p JOIN customers c ON c.id = p.customer_id "
            "WHERE c.merged_into IS NULL AND p.e164 IN (SELECT value FROM json_each(?))",
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


def _within(batch: Sequence[NewCustomer]) -> DuplicateFound | None:
    """The refusal of a batch that repeats a phone, e-mail or member number within itself
    (what the unique keys refused: the callers check each customer against the database
    before they add it), or None."""
    holders: dict[tuple[str, str], Customer] = {}
    for new in batch:
        c = new.customer
        keys = [("phone", p.number) for p in c.phones]
        if email := c.email.strip():
            keys.append(("email", email.translate(_ASCII_LOWER)))
        if member_no := c.member_no.strip():
            keys.append(("member_no", member_no))
        for key in keys:
            if (other := holders.get(key)) is not None:
                return DuplicateFound([Conflict(key[0], key[1], other.id or 0, other.name)])
        holders.update(dict.fromkeys(keys, c))
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
