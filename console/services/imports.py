"""Import customers and purchases from CSV, export customers as CSV or JSON.

Import is all-or-nothing by default: the whole file is written inside one transaction
that is rolled back if any row is bad, so a store never ends up with half a file. With
``skip_invalid`` the good rows are kept and the bad ones reported. A row whose phone,
email or member number already belongs to a customer in the database is a bad row (it
would create a duplicate); merge such customers in the app instead.
"""

from __future__ import annotations

import collections
import concurrent.futures
import datetime as dt
import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

from console.domain.clock import Clock, SystemClock
from console.domain.customer import Customer, Purchase, purchase_problems
from console.domain.messages import (
    AlreadyBelongs,
    NoCustomerWithMember,
    NoCustomerWithPhone,
    RowReasons,
)
from console.repositories import Repositories, Store
from console.repositories.customers import CustomerBulkLoad, NewCustomer
from console.services.csv_io import (
    CsvFormatError,
    RowError,
    iter_customers_csv,
    parse_purchases_csv,
    write_customers_csv,
    write_customers_json,
)
from console.services.workers import watch_parent


class Rejected(Exception):
    """The input as a whole was refused (one sentence for the user)."""


class _RollBack(Exception):
    pass


@dataclass(slots=True)
class ImportResult:
    imported: int = 0
    errors: list[RowError] = field(default_factory=list)


def _db_conflicts(load: CustomerBulkLoad, line: int, new: Any, encoded: bool) -> list[RowError]:
    return [
        RowError(
            line,
            "phones" if c.field == "phone" else c.field,
            AlreadyBelongs(c.value, c.other_name, c.other_id),
        )
        for c in (load.conflicts_encoded(new) if encoded else load.conflicts(new))
    ]


#: Records per chunk: the database checks and writes a chunk while the next is parsed.
CHUNK = 5000
#: Files at least this large are parsed in a worker process (about 20,000 customers);
#: smaller ones are not worth starting a process for.
PARALLEL_FROM_BYTES = 3_000_000
#: Chunks the worker may parse ahead of the database thread.
AHEAD = 2
#: From this chunk on, an import is a large bulk load (see ``CustomerBulkLoad.expect_many``).
BULK_FROM_CHUNK = 2

#: One chunk of a customers file: ``(line, customer or None, errors)`` per record, the
#: good customers prepared for ``CustomerBulkLoad.add`` (a ``NewCustomer``) or, encoded
#: by the store's encoder, for ``add_encoded``; and the errors of a ``CsvFormatError``
#: that ended the file, if one did.
_Chunk = tuple[list[tuple[int, Any, list[RowError]]], list[RowError]]
#: A store's encoder (``CustomerRepository.bulk_encoder``), or None.
_Encoder = Callable[[Sequence[NewCustomer]], list[Any]] | None


def _parsed_chunks(
    path: Path, region: str, now: dt.datetime, size: int, encode: _Encoder = None
) -> Iterator[_Chunk]:
    """The file in chunks of *size* records: parsed, validated, search keys computed,
    encoded for the store with *encode* if given.

    Pure Python on plain values (a worker process runs it). A ``CsvFormatError`` ends the
    chunks: the last one carries its errors.
    """
    rows: list[tuple[int, Any, list[RowError]]] = []
    try:
        for line, customer, errors in iter_customers_csv(path, region=region):
            prepared = None
            if customer is not None:
                prepared = NewCustomer.of(customer, now=now)
            rows.append((line, prepared, errors))
            if len(rows) == size:
                yield _encoded(rows, encode), []
                rows = []
    except CsvFormatError as exc:
        yield _encoded(rows, encode), list(exc.errors)
        return
    if rows:
        yield _encoded(rows, encode), []


def _encoded(
    rows: list[tuple[int, Any, list[RowError]]], encode: _Encoder
) -> list[tuple[int, Any, list[RowError]]]:
    """*rows* with their customers encoded by *encode* (unchanged without one)."""
    if encode is None:
        return rows
    encoded = iter(encode([new for _line, new, _errors in rows if new is not None]))
    return [(line, None if new is None else next(encoded), errors) for line, new, errors in rows]


# The worker process's one parse (a pool of one process runs its tasks in order).
_worker_parse: dict[str, Iterator[_Chunk]] = {}


def _worker_open(
    path: Path, region: str, now: dt.datetime, size: int, parent: int, encode: _Encoder
) -> None:
    watch_parent(parent)  # a killed import must not leave this process behind
    # This process only parses the file: millions of short-lived objects and no reference
    # cycles, so the cycle collector would only walk ever larger generations (it cost
    # half the parse time).
    gc.disable()
    _worker_parse["chunks"] = _parsed_chunks(path, region, now, size, encode)


def _worker_next() -> _Chunk | None:
    return next(_worker_parse["chunks"], None)


def _chunks(path: Path, region: str, now: dt.datetime, encode: _Encoder) -> Iterator[_Chunk]:
    """:func:`_parsed_chunks`, from a worker process for a large file so that this (the
    database) thread only checks and writes. Where worker processes are unavailable, or
    the worker dies, the file is parsed here (from where the worker stopped)."""
    try:
        large = path.stat().st_size >= PARALLEL_FROM_BYTES and (os.cpu_count() or 1) >= 2
    except OSError:
        large = False  # let the parse report the unreadable file
    size = CHUNK
    received = 0
    if large:
        try:
            # spawn, not fork: the window may call this from a thread of a Qt application.
            pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_worker_open,
                initargs=(path, region, now, size, os.getpid(), encode),
            )
        except (OSError, ValueError, NotImplementedError):
            pool = None
        if pool is not None:
            pending: collections.deque[concurrent.futures.Future[_Chunk | None]]
            pending = collections.deque()
            try:
                for _ in range(AHEAD):
                    pending.append(pool.submit(_worker_next))
                while pending:
                    chunk = pending.popleft().result()
                    if chunk is None:
                        return
                    pending.append(pool.submit(_worker_next))
                    received += 1
                    yield chunk
            except concurrent.futures.BrokenExecutor:
                pass  # no worker processes here (say, an embedded interpreter), or it died
            finally:
                pool.shutdown(wait=False, cancel_futures=True)
    # Parse here what the worker did not.
    yield from islice(_parsed_chunks(path, region, now, size, encode), received, None)


def _import_customers(
    repos: Repositories,
    result: ImportResult,
    path: Path,
    region: str,
    dry_run: bool,
    skip_invalid: bool,
    now: dt.datetime,
) -> None:
    # Encoded where the file is parsed (a worker process for a large file), so that the
    # database thread only checks and writes.
    encode = repos.customers.bulk_encoder()
    encoded = encode is not None
    with repos.customers.bulk_load() as load:
        for chunk_number, (rows, format_errors) in enumerate(_chunks(path, region, now, encode)):
            if chunk_number == BULK_FROM_CHUNK:
                # A large file: duplicate checks from memory (a small file into a large
                # database is not worth reading every phone number for).
                load.expect_many()
            good: list[Any] = []
            for line, prepared, row_errors in rows:
                errors = row_errors
                if prepared is not None and not errors:
                    errors = _db_conflicts(load, line, prepared, encoded)
                if errors or prepared is None:
                    result.errors.extend(errors)
                    continue
                good.append(prepared)
            if good:  # written chunk by chunk: the checks of the next chunk see it
                added = load.add_encoded(good) if encoded else load.add(good)
                result.imported += added.customers
            if format_errors:
                raise CsvFormatError(format_errors)
    if dry_run or (result.errors and not skip_invalid):
        raise _RollBack  # the store's transaction rolls back


def import_customers(
    store: Store,
    path: Path,
    *,
    region: str,
    dry_run: bool = False,
    skip_invalid: bool = False,
    clock: Clock | None = None,
) -> ImportResult:
    """Import a customers CSV; new records are stamped with *clock*'s wall time."""
    now = (clock or SystemClock()).local_naive()
    result = ImportResult()
    try:
        store.write_now(
            lambda r: _import_customers(r, result, path, region, dry_run, skip_invalid, now)
        )
    except _RollBack:
        if result.errors and not skip_invalid:
            result.imported = 0
    except CsvFormatError as exc:
        result.errors = list(exc.errors)
        result.imported = 0
    return result


def _import_purchases(
    repos: Repositories, path: Path, region: str, dry_run: bool, skip_invalid: bool
) -> ImportResult:
    result = ImportResult()
    try:
        parsed = parse_purchases_csv(path, region=region)
    except CsvFormatError as exc:
        result.errors = list(exc.errors)
        return result
    result.errors.extend(parsed.errors)
    # Consecutive rows for the same customer, time, store and currency form one purchase.
    purchases: list[Purchase] = []
    lines_of: dict[int, list[int]] = {}
    for row in parsed.rows:
        customer_id = repos.customers.find_by_member_or_phone(
            member_no=row.member_no, phone=row.phone
        )
        if customer_id is None:
            who = (
                NoCustomerWithMember(row.member_no)
                if row.member_no
                else NoCustomerWithPhone(row.phone)
            )
            result.errors.append(RowError(row.line, "member_no" if row.member_no else "phone", who))
            continue
        last = purchases[-1] if purchases else None
        if (
            last is not None
            and last.customer_id == customer_id
            and last.at == row.at
            and last.store == row.store
            and last.currency == row.currency
        ):
            last.items.append(row.item)
        else:
            purchases.append(
                Purchase(customer_id, row.at, [row.item], row.store, "in store", row.currency)
            )
        lines_of.setdefault(id(purchases[-1]), []).append(row.line)
    purchases = [p for p in purchases if not _too_large(p, lines_of, result.errors)]
    result.errors.sort(key=lambda e: e.line)
    if result.errors and not skip_invalid:
        return result
    if dry_run:
        result.imported = sum(len(p.items) for p in purchases)
        return result
    for purchase in purchases:  # the store's one transaction: all or none
        repos.history.add_purchase(purchase)
    result.imported = sum(len(p.items) for p in purchases)
    return result


def _too_large(purchase: Purchase, lines_of: dict[int, list[int]], errors: list[RowError]) -> bool:
    """Whether the purchase's total is beyond MAX_PURCHASE_TOTAL_MINOR (then an error on
    each of its lines is added to *errors*)."""
    problems = purchase_problems(purchase.items, purchase.currency)
    for line in lines_of.get(id(purchase), []) if problems else []:
        errors.append(RowError(line, "price", RowReasons(tuple(problems))))
    return bool(problems)


def import_purchases(
    store: Store,
    path: Path,
    *,
    region: str,
    dry_run: bool = False,
    skip_invalid: bool = False,
) -> ImportResult:
    return store.write_now(lambda r: _import_purchases(r, path, region, dry_run, skip_invalid))


def _export(repos: Repositories, out: TextIO, fmt: str, consent: str | None = None) -> int:
    customers: Iterator[Customer] = repos.customers.all()
    if consent == "marketing":
        customers = (c for c in customers if c.marketing_consent)
    elif consent == "greetings":
        customers = (c for c in customers if c.greetings_consent)
    if fmt == "json":
        return write_customers_json(customers, out)
    return write_customers_csv(customers, out)


def export_customers(
    store: Store, out: TextIO, fmt: str = "csv", *, consent: str | None = None
) -> int:
    """Every customer; with *consent* ("marketing" or "greetings") only those who agreed to
    that purpose — the list for a mailing respects each person's answer."""
    if fmt not in ("csv", "json"):
        raise Rejected(f"unknown format {fmt!r} (use csv or json)")
    if consent not in (None, "marketing", "greetings"):
        raise Rejected(f"unknown consent purpose {consent!r} (use marketing or greetings)")
    return store.read_now(lambda r: _export(r, out, fmt, consent))
