"""The history repository on SQLite (implements :mod:`console.repositories.history`)."""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from console.domain.customer import Purchase, Visit
from console.repositories.history import PurchaseFacts
from console.storage.sqlite import history


class SqliteHistory:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def add_visit(self, visit: Visit) -> int:
        return history.record_visit(self.db, visit)

    def add_purchase(self, purchase: Purchase) -> int:
        return history.record_purchase(self.db, purchase)

    def redeem_reward(
        self, customer_id: int, *, at: dt.datetime, staff: str, note: str = ""
    ) -> int:
        return history.redeem_reward(self.db, customer_id, at=at, staff=staff, note=note)

    def visits(self, customer_id: int, *, offset: int = 0, limit: int = 50) -> list[Visit]:
        return history.list_visits(self.db, customer_id, offset=offset, limit=limit)

    def purchases(self, customer_id: int, *, offset: int = 0, limit: int = 50) -> list[Purchase]:
        return history.list_purchases(self.db, customer_id, offset=offset, limit=limit)

    def count_visits(self, customer_id: int) -> int:
        return history.count_visits(self.db, customer_id)

    def count_purchases(self, customer_id: int) -> int:
        return history.count_purchases(self.db, customer_id)

    def purchase_facts(
        self, customer_id: int, *, loyalty_category: str, favourites: int = 3
    ) -> PurchaseFacts:
        return history.purchase_facts(
            self.db, customer_id, loyalty_category=loyalty_category, favourites=favourites
        )
