"""The calls repository on SQLite (implements :mod:`console.repositories.calls`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlite_utils

from console.domain.calls import Call, CallerNumber, Match, MatchKind
from console.repositories.calls import Brief, CallBack
from console.storage.sqlite import calls as store


class SqliteCalls:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def match_number(self, number: CallerNumber) -> Match:
        return store.match_number(self.db, number)

    def get(self, call_id: str) -> Call | None:
        return store.get_call(self.db, call_id)

    def add(self, call: Call) -> Call | None:
        return store.insert_call(self.db, call)

    def update(self, call: Call) -> None:
        store.update_call(self.db, call)

    def recent(self, *, limit: int = 20) -> list[Call]:
        return store.recent_calls(self.db, limit=limit)

    def for_customer(self, customer_id: int, *, limit: int = 50) -> list[Call]:
        return store.customer_calls(self.db, customer_id, limit=limit)

    def call_backs(self, *, limit: int = 100) -> list[CallBack]:
        return store.call_backs(self.db, limit=limit)

    def briefs(self, ids: Sequence[int]) -> dict[int, Brief]:
        return store.customer_briefs(self.db, ids)

    def mark_called_back(self, customer_id: int, at: dt.datetime) -> int:
        return store.mark_called_back(self.db, customer_id, at)

    def link(self, call_id: str, customer_id: int, match: MatchKind) -> Call | None:
        return store.link_call(self.db, call_id, customer_id, match)
