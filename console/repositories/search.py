"""The search repository (see :mod:`console.repositories`)."""

from __future__ import annotations

from typing import Protocol

from console.domain.search_text import QueryPlan, SearchHit


class SearchRepository(Protocol):
    """Finding customers by name, phone, e-mail or member number as staff type."""

    def find(self, plan: QueryPlan, *, limit: int = 20) -> list[SearchHit]:
        """Best matches first: exact, then prefix, then substring; ties by most recent
        visit. An empty plan finds nothing."""
        ...

    def rebuild(self) -> int:
        """Index every live customer afresh; returns how many."""
        ...
