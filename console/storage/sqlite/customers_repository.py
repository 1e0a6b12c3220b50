"""The customers repository on SQLite (implements :mod:`console.repositories.customers`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

import sqlite_utils

from console.domain.consent import ConsentEvent
from console.domain.customer import Conflict, Customer
from console.repositories.customers import (
    CustomerBulkLoad,
    DatedCustomer,
    LapsedCustomer,
    NewCustomer,
)
from console.storage.sqlite import bulk_load, customer_rows, customers, privacy, today


class SqliteCustomers:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def get(self, customer_id: int) -> Customer | None:
        return customer_rows.get_customer(self.db, customer_id)

    def merged_into(self, customer_id: int) -> int | None:
        return customer_rows.merged_into(self.db, customer_id)

    def count(self) -> int:
        return customer_rows.count_customers(self.db)

    def add(
        self,
        customer: Customer,
        *,
        now: dt.datetime,
        by: str = "",
        consent: Sequence[ConsentEvent] = (),
        duplicate_ok: bool = False,
    ) -> int:
        new_id = customers.insert_customer(
            self.db, customer, now=now, by=by, duplicate_ok=duplicate_ok
        )
        if consent:
            privacy.record_consent(
                self.db, [dataclasses.replace(e, customer_id=new_id) for e in consent]
            )
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
        customers.update_customer(self.db, customer, now=now, by=by, duplicate_ok=duplicate_ok)
        if consent:
            privacy.record_consent(self.db, list(consent))

    def conflicts(self, customer: Customer) -> list[Conflict]:
        return customers.find_conflicts(self.db, customer)

    def merge(self, keep_id: int, other_id: int, *, now: dt.datetime, by: str = "") -> Customer:
        return customers.merge_customers(self.db, keep_id, other_id, now=now, by=by)

    def find_by_member_or_phone(self, *, member_no: str = "", phone: str = "") -> int | None:
        return customers.find_by_member_or_phone(self.db, member_no=member_no, phone=phone)

    def all(self) -> Iterator[Customer]:
        return customer_rows.iter_customers(self.db)

    def consent_history(self, customer_id: int) -> list[ConsentEvent]:
        return privacy.consent_history(self.db, customer_id)

    def dates_in_window(
        self, month_days: Sequence[tuple[int, int]], *, consent_only: bool
    ) -> list[DatedCustomer]:
        return today.dates_in_window(self.db, month_days, consent_only=consent_only)

    def lapsed(
        self, *, seen_before: dt.datetime, min_visits: int, consent_only: bool, limit: int = 100
    ) -> list[LapsedCustomer]:
        return today.lapsed_customers(
            self.db,
            seen_before=seen_before,
            min_visits=min_visits,
            consent_only=consent_only,
            limit=limit,
        )

    def bulk_encoder(self) -> Callable[[Sequence[NewCustomer]], list[Any]]:
        return bulk_load.encode

    def bulk_load(self) -> AbstractContextManager[CustomerBulkLoad]:
        return bulk_load.bulk_load(self.db)
