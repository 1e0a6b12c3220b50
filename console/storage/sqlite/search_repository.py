"""The search repository on SQLite (implements :mod:`console.repositories.search`)."""

from __future__ import annotations

import sqlite_utils

from console.domain.search_text import QueryPlan, SearchHit
from console.storage.sqlite import search_index


class SqliteSearch:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def find(self, plan: QueryPlan, *, limit: int = 20) -> list[SearchHit]:
        return search_index.search(self.db, plan, limit=limit)

    def rebuild(self) -> int:
        return search_index.rebuild_search_index(self.db)
