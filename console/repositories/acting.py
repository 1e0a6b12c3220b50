"""Who a write is made for, as the console server knows it: the enrolled console that
sent the request and the staff member signed in there. The server sets it around a
request (:func:`acting`); a store that keeps a changes feed (PostgreSQL) writes it on
each note, so ``watch`` and live updates can say who changed what. It travels with the
request's context (``contextvars``), so the store's worker thread sees the request's."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class Acting:
    console: str
    staff: str = ""


ACTING: ContextVar[Acting | None] = ContextVar("service_console_acting", default=None)


@contextmanager
def acting(console: str, staff: str = "") -> Iterator[Acting]:
    """Writes made inside the block are made for *console* (and *staff*)."""
    who = Acting(console, staff)
    token = ACTING.set(who)
    try:
        yield who
    finally:
        ACTING.reset(token)
