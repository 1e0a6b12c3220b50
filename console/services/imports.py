"""Import customers and purchases from CSV, export customers as CSV or JSON.

Import is all-or-nothing by default: the whole file is written inside one transaction
that is rolled back if any row is bad, so a store never ends up with half a file. With
``skip_invalid`` the good rows are kept and the bad ones reported. A row whose phone,
email or member number already belongs to a customer in the database is a bad row (it
would create a duplicate); merge such customers in the app instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from console.domain.customer import Customer, Purchase
from console.services.csv_io import (
    CsvFormatError,
    RowError,
    iter_customers_csv,
    parse_purchases_csv,
    write_customers_csv,
    write_customers_json,
)
from console.storage import customers as store
from console.storage.database import Db, write_transaction
from console.storage.runner import DatabaseRunner


class Rejected(Exception):
    """The input as a whole was refused (one sentence for the user)."""


class _RollBack(Exception):
    pass


@dataclass(slots=True)
class ImportResult:
    imported: int = 0
    errors: list[RowError] = field(default_factory=list)


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _db_conflicts(db: Db, line: int, customer: Customer) -> list[RowError]:
    return [
        RowError(
            line,
            "phones" if c.field == "phone" else c.field,
            f"{c.value} already belongs to {c.other_name} (#{c.other_id})",
        )
        for c in store.find_conflicts(db, customer)
    ]


def _import_customers(
    db: Db, path: Path, region: str, dry_run: bool, skip_invalid: bool
) -> ImportResult:
    result = ImportResult()
    now = _now()

    def good_rows() -> Iterator[Customer]:
        for line, customer, row_errors in iter_customers_csv(path, region=region):
            errors = row_errors
            if customer is not None and not errors:
                errors = _db_conflicts(db, line, customer)
            if errors or customer is None:
                result.errors.extend(errors)
                continue
            yield customer

    try:
        with write_transaction(db):
            result.imported = store.bulk_insert_customers(db, good_rows(), now=now)
            if dry_run or (result.errors and not skip_invalid):
                raise _RollBack
    except _RollBack:
        if result.errors and not skip_invalid:
            result.imported = 0
    except CsvFormatError as exc:
        result.errors = list(exc.errors)
        result.imported = 0
    return result


def import_customers(
    runner: DatabaseRunner,
    path: Path,
    *,
    region: str,
    dry_run: bool = False,
    skip_invalid: bool = False,
) -> ImportResult:
    return runner.call(_import_customers, path, region, dry_run, skip_invalid)


def _import_purchases(
    db: Db, path: Path, region: str, dry_run: bool, skip_invalid: bool
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
    for row in parsed.rows:
        customer_id = store.find_by_member_or_phone(db, member_no=row.member_no, phone=row.phone)
        if customer_id is None:
            who = f"member {row.member_no}" if row.member_no else f"phone {row.phone}"
            result.errors.append(
                RowError(
                    row.line, "member_no" if row.member_no else "phone", f"no customer with {who}"
                )
            )
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
    result.errors.sort(key=lambda e: e.line)
    if result.errors and not skip_invalid:
        return result
    if dry_run:
        result.imported = sum(len(p.items) for p in purchases)
        return result
    with write_transaction(db):
        for purchase in purchases:
            store.record_purchase(db, purchase)
    result.imported = sum(len(p.items) for p in purchases)
    return result


def import_purchases(
    runner: DatabaseRunner,
    path: Path,
    *,
    region: str,
    dry_run: bool = False,
    skip_invalid: bool = False,
) -> ImportResult:
    return runner.call(_import_purchases, path, region, dry_run, skip_invalid)


def _export(db: Db, out: TextIO, fmt: str) -> int:
    customers = store.iter_customers(db)
    if fmt == "json":
        return write_customers_json(customers, out)
    return write_customers_csv(customers, out)


def export_customers(runner: DatabaseRunner, out: TextIO, fmt: str = "csv") -> int:
    if fmt not in ("csv", "json"):
        raise Rejected(f"unknown format {fmt!r} (use csv or json)")
    return runner.call(_export, out, fmt)
