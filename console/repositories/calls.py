"""The calls repository (see :mod:`console.repositories`): the call log, who a number
belongs to, and the call-back list. Call times are naive wall times in the store's zone
(as the domain's :class:`~console.domain.calls.Call` keeps them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from console.domain.calls import Call, CallerNumber, Match, MatchKind


@dataclass(frozen=True, slots=True)
class CallBack:
    """A known customer whose last call was missed and has not been returned yet."""

    call: Call
    customer_id: int
    name: str
    preferred_name: str
    missed_count: int


@dataclass(frozen=True, slots=True)
class Brief:
    """Enough about a customer to tell callers apart on a card or in the chooser."""

    id: int
    name: str
    preferred_name: str
    last_visit: str  # ISO date-time or ''
    phones: tuple[str, ...]
    visit_count: int


class CallRepository(Protocol):
    def match_number(self, number: CallerNumber) -> Match:
        """Who *number* belongs to: its exact owners, else the customers whose phone ends
        in its last digits (live customers only)."""
        ...

    def get(self, call_id: str) -> Call | None: ...

    def add(self, call: Call) -> Call | None:
        """Log a new call (its ``id`` from the database); None, and nothing written, when
        its call_id is already logged."""
        ...

    def update(self, call: Call) -> None:
        """Write the progress of a call (state, answer, hangup, who it is from)."""
        ...

    def recent(self, *, limit: int = 20) -> list[Call]: ...

    def for_customer(self, customer_id: int, *, limit: int = 50) -> list[Call]:
        """A customer's calls, newest first."""
        ...

    def call_backs(self, *, limit: int = 100) -> list[CallBack]:
        """Missed inbound calls from known customers, newest first, one per customer."""
        ...

    def briefs(self, ids: Sequence[int]) -> dict[int, Brief]: ...

    def mark_called_back(self, customer_id: int, at: dt.datetime) -> int:
        """Close every open missed call of a customer; returns how many."""
        ...

    def link(self, call_id: str, customer_id: int, match: MatchKind) -> Call | None:
        """Say who a call was from (the agent chose, created or attached the customer)."""
        ...
