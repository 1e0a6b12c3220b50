"""The unit of work: a store runs jobs against the repositories, one transaction each."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Protocol, TypeVar

from console.repositories.calls import CallRepository
from console.repositories.complaints import ComplaintRepository
from console.repositories.customers import CustomerRepository
from console.repositories.history import HistoryRepository
from console.repositories.phrasebooks import PhrasebookRepository
from console.repositories.privacy import PrivacyRepository
from console.repositories.search import SearchRepository
from console.repositories.settings import SettingsRepository
from console.repositories.staff import StaffRepository

T = TypeVar("T")


class Repositories(Protocol):
    """Every aggregate's repository, bound to one connection (and its transaction)."""

    @property
    def customers(self) -> CustomerRepository: ...
    @property
    def search(self) -> SearchRepository: ...
    @property
    def history(self) -> HistoryRepository: ...
    @property
    def complaints(self) -> ComplaintRepository: ...
    @property
    def calls(self) -> CallRepository: ...
    @property
    def phrasebooks(self) -> PhrasebookRepository: ...
    @property
    def staff(self) -> StaffRepository: ...
    @property
    def privacy(self) -> PrivacyRepository: ...
    @property
    def settings(self) -> SettingsRepository: ...


Job = Callable[[Repositories], T]


class Store(Protocol):
    """Where a console's data lives. A job is a plain function of the repositories; it
    runs on the store's own thread (the GUI never waits on the disk).

    ``write`` jobs run in ONE transaction: everything they change (a row, its audit
    entries, its history) commits together or not at all, and what they read inside the
    job is the latest committed state (read-then-write is safe against other writers).
    Errors a store raises for its own reasons (disk full, damaged, locked) carry one
    clear sentence for staff, never a driver's traceback.
    """

    async def read(self, job: Job[T]) -> T:
        """Run *job* and return its result without blocking the event loop."""
        ...

    async def write(self, job: Job[T]) -> T:
        """Run *job* in one write transaction."""
        ...

    def read_now(self, job: Job[T]) -> T:
        """``read`` for callers without an event loop (the command line)."""
        ...

    def write_now(self, job: Job[T]) -> T:
        """``write`` for callers without an event loop (the command line)."""
        ...

    def write_later(self, job: Job[T]) -> Future[T]:
        """Queue a write behind the current work without waiting (a profile view's audit
        entry: the panel should not wait for a disk flush)."""
        ...
