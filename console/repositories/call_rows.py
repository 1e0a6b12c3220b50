"""Call-log rows ↔ domain objects, shared by both stores (no I/O, no SQL).

Both backends keep the call log in a ``calls`` table of the same columns, in the same
order; they differ only in how their driver takes and gives a call time (UTC text on
SQLite, ``timestamptz`` on PostgreSQL; the domain holds naive wall times of this
computer's zone) and the two lists (JSON text, arrays). A backend describes those in
one :class:`CallRows`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from console.domain.calls import (
    Call,
    CallerNumber,
    CallState,
    Direction,
    Match,
    MatchKind,
    choose_match,
)
from console.repositories.calls import Brief, CallBack

#: At most this many customers are weighed for a last-digits match (a probable match
#: needs one customer alone at the longest shared ending; more than this is noise).
SUFFIX_CANDIDATES = 50

#: A whole call row, in the order :meth:`CallRows.call` reads it.
COLUMNS = (
    "id",
    "call_id",
    "direction",
    "from_number",
    "to_number",
    "number",
    "customer_id",
    "match",
    "candidates",
    "state",
    "users",
    "queue",
    "answered_by",
    "cause",
    "started_at",
    "answered_at",
    "ended_at",
    "called_back_at",
)


def match_caller(
    number: CallerNumber,
    exact: list[int],
    suffix_candidates: Callable[[str], dict[int, list[str]]],
) -> Match:
    """Who *number* belongs to, given its *exact* owners: those, else the customers whose
    phone ends in its last digits (looked up only then)."""
    if exact or number.suffix is None:
        return choose_match(number, exact)
    return choose_match(number, [], suffix_candidates(number.suffix))


@dataclass(frozen=True, slots=True)
class CallRows:
    """How one backend's driver takes and gives the values that differ."""

    #: A call time (naive: this computer's wall time; None stays None) as stored, and back.
    dump_time: Callable[[dt.datetime | None], Any]
    load_time: Callable[[Any], dt.datetime | None]
    #: The candidates (customer ids) and the users rung, as stored, and back.
    dump_candidates: Callable[[list[int]], Any]
    dump_users: Callable[[list[str]], Any]
    load_list: Callable[[Any], Sequence[Any]]
    #: A customer's stored last visit as a brief shows it.
    last_visit: Callable[[Any], str]

    def call(self, row: Sequence[Any]) -> Call:
        """The call of a row of :data:`COLUMNS`."""
        started = self.load_time(row[14])
        assert started is not None
        return Call(
            id=int(row[0]),
            call_id=row[1],
            direction=Direction(row[2]),
            from_number=row[3],
            to_number=row[4],
            number=row[5],
            customer_id=row[6],
            match=MatchKind(row[7]),
            candidates=tuple(int(i) for i in self.load_list(row[8])),
            state=CallState(row[9]),
            users=tuple(self.load_list(row[10])),
            queue=row[11],
            answered_by=row[12],
            cause=row[13],
            started_at=started,
            answered_at=self.load_time(row[15]),
            ended_at=self.load_time(row[16]),
            called_back_at=self.load_time(row[17]),
        )

    def call_back(self, row: Sequence[Any]) -> CallBack:
        """A row of :data:`COLUMNS` followed by the customer's name, preferred name and
        how many calls of theirs were missed."""
        call = self.call(row[:18])
        assert call.customer_id is not None
        return CallBack(call, call.customer_id, row[18], row[19], int(row[20]))

    def insert_values(self, call: Call) -> tuple[Any, ...]:
        """(call_id, direction, from_number, to_number, number, customer_id, match,
        candidates, state, users, queue, answered_by, cause, started_at, answered_at,
        ended_at) of a new call."""
        return (
            call.call_id,
            call.direction.value,
            call.from_number,
            call.to_number,
            call.number,
            call.customer_id,
            call.match.value,
            self.dump_candidates(list(call.candidates)),
            call.state.value,
            self.dump_users(list(call.users)),
            call.queue,
            call.answered_by,
            call.cause,
            self.dump_time(call.started_at),
            self.dump_time(call.answered_at),
            self.dump_time(call.ended_at),
        )

    def update_values(self, call: Call) -> tuple[Any, ...]:
        """(state, answered_by, answered_at, ended_at, cause, customer_id, match,
        candidates, called_back_at, call_id) of a call's progress."""
        return (
            call.state.value,
            call.answered_by,
            self.dump_time(call.answered_at),
            self.dump_time(call.ended_at),
            call.cause,
            call.customer_id,
            call.match.value,
            self.dump_candidates(list(call.candidates)),
            self.dump_time(call.called_back_at),
            call.call_id,
        )

    def brief(self, row: Sequence[Any], phones: Mapping[int, list[str]]) -> Brief:
        """(id, name, preferred_name, last_visit, visit_count), with the customer's phones."""
        cid = int(row[0])
        return Brief(
            cid, row[1], row[2], self.last_visit(row[3]), tuple(phones.get(cid, ())), int(row[4])
        )
