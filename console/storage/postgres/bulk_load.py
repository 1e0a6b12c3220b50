"""The bulk path on PostgreSQL: many new customers with their history in the caller's
write transaction (an import, a demo fill). See
:class:`console.repositories.customers.CustomerBulkLoad` and SQLite's ``bulk_load.py``.

New customers come encoded (:func:`console.storage.postgres.bulk_rows.encode`, run where
the file is parsed: an import's worker process): their ``COPY`` text lines without the
ids. A batch reserves its customers' (and purchases') ids from the identity sequences in
one query, puts them in front of the lines, and writes every table with one ``COPY`` per
batch. The unique keys of ``0007_customers`` still decide: a batch that repeats a key
(within itself or with the database) is undone to its savepoint and refused with
DuplicateFound, or, with *keep_duplicates* (demo data), kept with the shared keys marked.
"""

from __future__ import annotations

import contextlib
import string
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

import psycopg
from psycopg import errors as pg_errors

from console.domain.customer import Conflict, Customer, DuplicateFound, Phone
from console.repositories.customers import CustomerBulkLoad, Loaded, NewCustomer
from console.storage.postgres import bulk_rows
from console.storage.postgres import search_repository as index
from console.storage.postgres.bulk_rows import (
    CUSTOMER_COLUMNS,
    DATES,
    DOC,
    EMAIL,
    EMAIL_KEY,
    MEMBER_NO,
    NAME,
    NUMBERS,
    PHONES,
    PURCHASES,
    ROW,
    TERMS,
    VISITS,
    Encoded,
)
from console.storage.postgres.customer_rows import Saves, find_conflicts, is_key_taken
from console.storage.postgres.schema import EMAIL_KEY as EMAIL_KEY_SQL
from console.storage.sqlite.customer_rows import SharedKeys
from console.storage.sqlite.search_index import RANK_ID_BITS

_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_RANK_ID_MASK = (1 << RANK_ID_BITS) - 1
_COPY_CUSTOMERS = f"COPY customers ({', '.join(CUSTOMER_COLUMNS)}) FROM STDIN"
#: The end of a customer's line: its ``email_shared`` and ``member_no_shared``.
_SHARED = {
    (email, member_no): f"\t{bulk_rows.flag(email)}\t{bulk_rows.flag(member_no)}\n"
    for email in (False, True)
    for member_no in (False, True)
}
_NOT_SHARED = SharedKeys()


def _ids(conn: psycopg.Connection, table: str, count: int) -> list[int]:
    """*count* new ids of *table*'s identity column (reserved: no other writer gets them)."""
    if count == 0:
        return []
    # Ascending (nextval in the series' order); usually without a gap, then told by the
    # first and last alone, else every one (another writer took ids meanwhile).
    row = conn.execute(
        "SELECT min(v), max(v), CASE WHEN max(v) - min(v) + 1 = count(*) THEN NULL "
        "ELSE array_agg(v ORDER BY v) END FROM (SELECT nextval("
        "pg_get_serial_sequence(%s, 'id')) AS v FROM generate_series(1, %s)) s",
        [table, count],
    ).fetchone()
    assert row is not None
    if row[2] is None:
        return list(range(int(row[0]), int(row[1]) + 1))
    return [int(v) for v in row[2]]


def _probe(row: Encoded) -> Customer:
    """The new customer's name and keys, for the duplicate check by query."""
    return Customer(
        row[NAME],
        phones=[Phone(number, "") for number in row[NUMBERS]],
        email=row[EMAIL],
        member_no=row[MEMBER_NO],
    )


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

    def add(self, batch: Iterable[Encoded]) -> None:
        for row in batch:
            self.phones.update(row[NUMBERS])
            if row[EMAIL_KEY]:
                self.emails.add(row[EMAIL_KEY])
            if row[MEMBER_NO]:
                self.member_nos.add(row[MEMBER_NO])

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
            not self.phones.isdisjoint(numbers)
            or bool(email and email in self.emails)
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

    def _current(self) -> TakenKeys | None:
        taken = self._taken
        return taken if taken is not None and taken.saves == self.saves.count else None

    def _query(self, customer: Customer) -> list[Conflict]:
        self._queried += 1
        if self._queried == QUERIED_CHECKS and self._taken is None:
            self.expect_many()
        return find_conflicts(self.conn, customer)

    def conflicts(self, new: NewCustomer) -> list[Conflict]:
        taken = self._current()
        if taken is not None and not taken.may_conflict(new.customer):
            return []
        return self._query(new.customer)

    def conflicts_encoded(self, row: Encoded) -> list[Conflict]:
        taken = self._current()
        if taken is not None and not taken.may_conflict_keys(
            row[NUMBERS], row[EMAIL_KEY], row[MEMBER_NO]
        ):
            return []
        return self._query(_probe(row))

    def add(self, batch: Sequence[NewCustomer], *, keep_duplicates: bool = False) -> Loaded:
        loaded, ids = self._add(bulk_rows.encode(batch), keep_duplicates)
        for cid, new in zip(ids, batch, strict=True):
            c = new.customer
            c.id, c.version, c.changed_by = cid, 1, ""
        return loaded

    def add_encoded(self, batch: Sequence[Encoded], *, keep_duplicates: bool = False) -> Loaded:
        return self._add(batch, keep_duplicates)[0]

    def _add(self, batch: Sequence[Encoded], keep_duplicates: bool) -> tuple[Loaded, list[int]]:
        if not batch:
            return Loaded(0, 0, 0), []
        try:
            with self.conn.transaction():  # a refused batch leaves nothing behind
                loaded, ids, terms = self._write(batch, keep_duplicates)
        except pg_errors.UniqueViolation as exc:
            if not is_key_taken(exc):
                raise
            raise self._refusal(batch) or exc from None
        index.defer_terms(self.conn, *terms)
        if self._taken is not None:
            self._taken.add(batch)
        return loaded, ids

    def _write(
        self, batch: Sequence[Encoded], keep_duplicates: bool
    ) -> tuple[Loaded, list[int], tuple[str, int]]:
        """Write *batch*; what it wrote, its ids and its ``search_terms`` COPY text and
        lines (for :func:`.search_repository.defer_terms`)."""
        conn = self.conn
        ids = _ids(conn, "customers", len(batch))
        if ids and not (min(ids) > 0 and max(ids) <= _RANK_ID_MASK):
            raise ValueError(f"customer id {max(ids)} is out of the search index's range")
        purchase_ids = iter(_ids(conn, "purchases", sum(len(row[PURCHASES]) for row in batch)))
        shared = self._duplicates(batch) if keep_duplicates else None
        customers: list[str] = []
        phones: list[str] = []
        dates: list[str] = []
        visits: list[str] = []
        heads: list[str] = []
        items: list[str] = []
        docs: list[str] = []
        terms: list[str] = []
        term_count = 0
        for i, (cid, row) in enumerate(zip(ids, batch, strict=True)):
            p = str(cid)
            keys = _NOT_SHARED if shared is None else shared[i]
            customers.append(f"{p}\t{row[ROW]}{_SHARED[keys.email, keys.member_no]}")
            if keys.phones:
                phones.extend(
                    p + (line if number not in keys.phones else line[:-2] + "t\n")
                    for number, line in zip(row[NUMBERS], row[PHONES], strict=True)
                )
            else:
                phones.extend([p + line for line in row[PHONES]])
            if row[DATES]:
                dates.extend([p + line for line in row[DATES]])
            if row[VISITS]:
                visits.extend([p + line for line in row[VISITS]])
            for head, its_items in row[PURCHASES]:
                pid = str(next(purchase_ids))
                heads.append(f"{pid}\t{p}{head}")
                items.extend([pid + line for line in its_items])
            rank, text = row[DOC]
            key = str(rank | cid)
            docs.append(f"{p}\t{key}\t{text}\n")
            its_terms, count = row[TERMS]
            terms.append(its_terms.replace("\n", f"\t{key}\n"))
            term_count += count
        with conn.cursor() as cur:
            for sql, lines in (
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
                ("COPY search_docs (customer_id, rank_key, names, terms) FROM STDIN", docs),
            ):
                if lines:
                    with cur.copy(sql) as copy:
                        copy.write("".join(lines))
        return Loaded(len(customers), len(visits), len(heads)), ids, ("".join(terms), term_count)

    def _refusal(self, batch: Sequence[Encoded]) -> DuplicateFound | None:
        """Why the unique keys refused *batch*: a key repeated within it, else the first
        customer whose key the database holds (the batch itself was undone)."""
        holders: dict[tuple[str, str], str] = {}
        for row in batch:
            keys = [("phone", number) for number in row[NUMBERS]]
            if row[EMAIL_KEY]:
                keys.append(("email", row[EMAIL_KEY]))
            if row[MEMBER_NO]:
                keys.append(("member_no", row[MEMBER_NO]))
            for key in dict.fromkeys(keys):
                if (other := holders.get(key)) is not None:
                    return DuplicateFound([Conflict(key[0], key[1], 0, other)])
            holders.update(dict.fromkeys(keys, row[NAME]))
        for row in batch:
            if found := find_conflicts(self.conn, _probe(row)):
                return DuplicateFound(found)
        return None

    def _duplicates(self, batch: Sequence[Encoded]) -> list[SharedKeys]:
        """The keys each customer of *batch* shares with a live customer or with one before
        it in the batch (three indexed look-ups of the batch's keys)."""
        conn = self.conn

        def taken(sql: str, keys: set[str]) -> set[str]:
            if not keys:
                return set()
            return {r[0] for r in conn.execute(sql, [sorted(keys)]).fetchall()}

        emails = taken(
            f"SELECT {EMAIL_KEY_SQL} FROM customers WHERE email <> '' AND merged_into IS NULL "
            f"AND {EMAIL_KEY_SQL} = ANY(%s)",
            {row[EMAIL_KEY] for row in batch if row[EMAIL_KEY]},
        )
        member_nos = taken(
            "SELECT member_no FROM customers WHERE member_no <> '' AND merged_into IS NULL "
            "AND member_no = ANY(%s)",
            {row[MEMBER_NO] for row in batch if row[MEMBER_NO]},
        )
        phones = taken(
            "SELECT p.e164 FROM phones p JOIN customers c ON c.id = p.customer_id "
            "WHERE c.merged_into IS NULL AND p.e164 = ANY(%s)",
            {number for row in batch for number in row[NUMBERS]},
        )
        found = []
        for row in batch:
            email, member_no, numbers = row[EMAIL_KEY], row[MEMBER_NO], row[NUMBERS]
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
    """A bulk load inside the caller's write transaction (the search terms it deferred are
    written when it ends, or forgotten if it fails)."""
    try:
        yield PostgresBulkLoad(conn, saves)
    except BaseException:
        index.discard_deferred_terms(conn)
        raise
    index.write_deferred_terms(conn)


if TYPE_CHECKING:  # mypy checks that the adapter implements the interface

    def _implements(conn: psycopg.Connection) -> CustomerBulkLoad:
        return PostgresBulkLoad(conn, Saves())
