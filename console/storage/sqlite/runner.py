"""The SQLite store: one thread owns the connection; everyone else sends it work.

:class:`DatabaseRunner` implements :class:`console.repositories.Store`: services hand it
jobs of the repositories (``read``/``write``, a write in one transaction). The raw
``run``/``call`` of a function of the connection are for storage itself and its tests.

sqlite-utils connects with ``check_same_thread=True``, so the connection is opened on
the worker thread and used only there. The GUI thread never waits on it: services
``await runner.run(fn, ...)``; the CLI, which has no event loop to keep alive, may call
``runner.call(fn, ...)``.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

import sqlite_utils

from console import files
from console.storage.sqlite import driver
from console.storage.sqlite.backup import SqliteDatabaseFiles
from console.storage.sqlite.database import connect, explain
from console.storage.sqlite.driver import DbKey
from console.storage.sqlite.repositories import SqliteRepositories
from console.storage.sqlite.transactions import write_transaction

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")


def housekeeping(db: sqlite_utils.Database) -> None:
    """Tidy-ups at close (``PRAGMA optimize``). They never change the outcome of work
    that already committed: any error is logged, never raised (a committed import that
    reports failure would be retried, and every row would come in twice)."""
    try:
        db.execute("PRAGMA optimize")
    except Exception:
        log.warning("housekeeping at close failed (the work itself was saved)", exc_info=True)


class DatabaseRunner:
    def __init__(self, path: Path | str, key: DbKey | None = None) -> None:
        self.path = Path(path)
        self.key = key  # None: a plain SQLite file; else an SQLCipher database
        self._executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="service-console-db"
        )
        self._db: sqlite_utils.Database | None = None
        self._closed = False

    def open(self) -> None:
        """Open and migrate the database on the worker thread; raises StorageError."""

        def _open() -> None:
            if self._db is None:  # opening twice (open, then `with`) keeps one connection
                if not self.path.parent.exists():
                    files.private_folder(self.path.parent)  # a new folder: 0700
                self._db = connect(self.path, self.key)
                # The database, its WAL and shared memory: 0600 whatever the umask (SQLite
                # creates later WAL files with the database file's mode).
                files.make_private(*files.database_files(self.path))

        self._executor.submit(_open).result()

    def _bound(
        self, fn: Callable[Concatenate[sqlite_utils.Database, P], T], *args: Any, **kwargs: Any
    ) -> Callable[[], T]:
        def job() -> T:
            if self._db is None:
                raise RuntimeError("the database is not open")
            try:
                return fn(self._db, *args, **kwargs)
            except driver.Error as exc:
                # Disk full, locked, damaged, truncated: one sentence instead of a traceback.
                clear = explain(exc, self.path, self.key)
                if clear is None:
                    raise
                raise clear from exc

        return job

    def submit(
        self, fn: Callable[Concatenate[sqlite_utils.Database, P], T], *args: Any, **kwargs: Any
    ) -> concurrent.futures.Future[T]:
        return self._executor.submit(self._bound(fn, *args, **kwargs))

    def call(
        self, fn: Callable[Concatenate[sqlite_utils.Database, P], T], *args: Any, **kwargs: Any
    ) -> T:
        """Run *fn(db, ...)* on the database thread and wait for it (CLI, tests)."""
        return self.submit(fn, *args, **kwargs).result()

    async def run(
        self, fn: Callable[Concatenate[sqlite_utils.Database, P], T], *args: Any, **kwargs: Any
    ) -> T:
        """Run *fn(db, ...)* on the database thread without blocking the event loop."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._executor, functools.partial(self._bound(fn, *args, **kwargs))
        )

    @property
    def files(self) -> SqliteDatabaseFiles:
        """The database as files (backups, restores): what the backup service needs."""
        return SqliteDatabaseFiles(self.path, self.key)

    # -- the Store interface: jobs of the repositories ---------------------------------

    @staticmethod
    def _read_job(job: Callable[[Any], T]) -> Callable[[sqlite_utils.Database], T]:
        def run(db: sqlite_utils.Database) -> T:
            return job(SqliteRepositories(db))

        return run

    @staticmethod
    def _write_job(job: Callable[[Any], T]) -> Callable[[sqlite_utils.Database], T]:
        def run(db: sqlite_utils.Database) -> T:
            with write_transaction(db):
                return job(SqliteRepositories(db))

        return run

    async def read(self, job: Callable[[Any], T]) -> T:
        return await self.run(self._read_job(job))

    async def write(self, job: Callable[[Any], T]) -> T:
        return await self.run(self._write_job(job))

    def read_now(self, job: Callable[[Any], T]) -> T:
        return self.call(self._read_job(job))

    def write_now(self, job: Callable[[Any], T]) -> T:
        return self.call(self._write_job(job))

    def write_later(self, job: Callable[[Any], T]) -> concurrent.futures.Future[T]:
        return self.submit(self._write_job(job))

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True

        def _close() -> None:
            if self._db is not None:
                try:
                    housekeeping(self._db)
                finally:
                    try:
                        self._db.close()
                    except Exception:  # the work was committed; closing cannot undo it
                        log.warning("closing %s failed", self.path, exc_info=True)
                    self._db = None

        try:
            self._executor.submit(_close).result()
        finally:
            self._executor.shutdown(wait=True)

    def __enter__(self) -> DatabaseRunner:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
