"""The PostgreSQL store: jobs of the repositories on a connection pool.

:class:`PostgresStore` implements :class:`console.repositories.Store`. Jobs are plain
functions of the repositories, as on SQLite; they run on a small thread pool, each with a
connection from a psycopg pool, in one transaction:

* ``read`` jobs in a READ ONLY REPEATABLE READ transaction (one consistent snapshot);
* ``write`` jobs SERIALIZABLE, retried from the start (a few times, with a short random
  pause) when PostgreSQL reports a serialization failure or a deadlock, so a job that
  reads and then writes never acts on a state another writer has just changed. Each
  first takes its turn on the audit chain (``CHAIN_TURN``, before its snapshot: see
  ``staff_repository.py``), so writers wait for one another rather than run again.

Driver errors become :class:`~console.repositories.errors.StoreError` with one sentence
(the server is down, the password is wrong, the disk is full), never a traceback.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextvars
import logging
import random
import time
from collections.abc import AsyncIterator, Callable
from typing import Any, TypeVar

import psycopg
from psycopg import IsolationLevel, sql
from psycopg import errors as pg_errors
from psycopg_pool import ConnectionPool, PoolTimeout

from console.domain import messages as msg
from console.repositories.acting import ACTING
from console.repositories.errors import StoreError
from console.storage.postgres import schema
from console.storage.postgres.repositories import PostgresRepositories
from console.storage.postgres.staff_repository import CHAIN_TURN

log = logging.getLogger(__name__)

T = TypeVar("T")

#: How many times a write job is run when PostgreSQL keeps refusing it for a conflict.
WRITE_ATTEMPTS = 8
_RETRY = (pg_errors.SerializationFailure, pg_errors.DeadlockDetected)


class DatabaseUnreachable(StoreError):
    pass


def redacted(dsn: str) -> str:
    """*dsn* without its password (for messages and logs)."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(dsn)
    except psycopg.ProgrammingError:
        return "the database address given"
    host = info.get("host") or "localhost"
    port = info.get("port") or "5432"
    name = info.get("dbname") or info.get("user") or ""
    return f"{host}:{port}/{name}"


def explain(exc: BaseException, dsn: str) -> StoreError | None:
    """One sentence for a driver error, or None for a bug (raised as is)."""
    where = redacted(dsn)
    if isinstance(exc, _RETRY):  # OperationalErrors too, but the server was reached
        return StoreError(msg.PgBusy(where))
    if isinstance(exc, PoolTimeout | psycopg.OperationalError):
        text = str(exc).lower()
        if "password" in text or "authentication" in text:
            return StoreError(msg.PgCredentials(where))
        if isinstance(exc, pg_errors.DiskFull):
            return StoreError(msg.PgDiskFull(where))
        if isinstance(exc, pg_errors.QueryCanceled):
            return StoreError(msg.PgSlow(where))
        return DatabaseUnreachable(msg.PgUnreachable(where))
    if isinstance(exc, pg_errors.InsufficientPrivilege):
        return StoreError(msg.PgNotAllowed(where))
    return None


def _mode(
    conn: psycopg.Connection, isolation: IsolationLevel | None, read_only: bool | None
) -> None:
    """How *conn*'s next BEGIN starts its transaction (set here, outside a transaction:
    no trip to the server)."""
    if conn.isolation_level != isolation:
        conn.isolation_level = isolation
    if conn.read_only != read_only:
        conn.read_only = read_only


class PostgresStore:
    def __init__(self, dsn: str, *, max_connections: int = 8, timeout: float = 10.0) -> None:
        self.dsn = dsn
        self._timeout = timeout
        self._pool = ConnectionPool(
            dsn,
            min_size=1,
            max_size=max_connections,
            open=False,
            timeout=timeout,
            name="service-console",
            kwargs={"autocommit": True, "application_name": "service-console"},
        )
        self._executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=max_connections, thread_name_prefix="service-console-pg"
        )
        self._closed = False

    def open(self) -> list[str]:
        """Connect and migrate; the migration steps that ran. StoreError if it cannot.

        The first connection is made directly (a refused or unknown address fails at
        once with its reason, instead of a pool retrying in the background until its
        timeout); the pool opens after the schema is right."""
        try:
            with psycopg.connect(
                self.dsn, autocommit=True, connect_timeout=max(1, round(self._timeout))
            ) as conn:
                ran = schema.migrate(conn)
            self._pool.open(wait=False)
            return ran
        except StoreError:
            raise
        except Exception as exc:
            clear = explain(exc, self.dsn)
            if clear is None:
                raise
            raise clear from exc

    # -- running jobs -------------------------------------------------------------------

    def _read(self, job: Callable[[Any], T]) -> T:
        with self._pool.connection() as conn:
            # Said in the BEGIN itself ("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"):
            # one trip to the server fewer than a SET TRANSACTION after it, on every read
            # (two per console's search: its token, then the search).
            _mode(conn, IsolationLevel.REPEATABLE_READ, True)
            with conn.transaction():
                return job(PostgresRepositories(conn))

    def _write(self, job: Callable[[Any], T]) -> T:
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                with self._pool.connection() as conn:
                    _mode(conn, None, None)  # a plain BEGIN (a read may have set its own)
                    with conn.transaction():
                        conn.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE")
                        conn.execute(CHAIN_TURN)  # before the snapshot: staff_repository.py
                        who = ACTING.get()
                        if who is not None:  # named on the changes feed's notes
                            # After the turn: this SELECT takes the snapshot, which must
                            # not be older than the turn (or writes fail to serialize).
                            conn.execute(
                                "SELECT set_config(%s, %s, true), set_config(%s, %s, true)",
                                [
                                    schema.ACTING_CONSOLE,
                                    who.console,
                                    schema.ACTING_STAFF,
                                    who.staff,
                                ],
                            )
                        return job(PostgresRepositories(conn))
            except _RETRY:
                if attempt == WRITE_ATTEMPTS:
                    raise
                time.sleep(random.uniform(0, 0.005 * 2**attempt))
        raise AssertionError("unreachable")

    def _guarded(self, fn: Callable[[Callable[[Any], T]], T], job: Callable[[Any], T]) -> T:
        try:
            return fn(job)
        except StoreError:
            raise
        except Exception as exc:
            clear = explain(exc, self.dsn)
            if clear is None:
                raise
            raise clear from exc

    def _submit(
        self, fn: Callable[[Callable[[Any], T]], T], job: Callable[[Any], T]
    ) -> concurrent.futures.Future[T]:
        if self._closed:
            raise StoreError(msg.PgClosed())
        # The caller's context goes along: who the write is made for (ACTING).
        context = contextvars.copy_context()
        return self._executor.submit(context.run, self._guarded, fn, job)

    async def read(self, job: Callable[[Any], T]) -> T:
        return await asyncio.wrap_future(self._submit(self._read, job))

    async def write(self, job: Callable[[Any], T]) -> T:
        return await asyncio.wrap_future(self._submit(self._write, job))

    def read_now(self, job: Callable[[Any], T]) -> T:
        return self._submit(self._read, job).result()

    def write_now(self, job: Callable[[Any], T]) -> T:
        return self._submit(self._write, job).result()

    def write_later(self, job: Callable[[Any], T]) -> concurrent.futures.Future[T]:
        return self._submit(self._write, job)

    async def announcements(self) -> AsyncIterator[None]:
        """Yield once listening, then once per committed write that changed the feed
        (``LISTEN``: NOTIFY is sent on commit by the feed's triggers). Ends — or raises —
        when the connection is lost; the caller listens again and reads the feed."""
        async with await psycopg.AsyncConnection.connect(
            self.dsn, autocommit=True, connect_timeout=max(1, round(self._timeout))
        ) as conn:
            await conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(schema.CHANGES_CHANNEL)))
            yield
            async for _notice in conn.notifies():
                yield

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._executor.shutdown(wait=True)
        self._pool.close()

    def __enter__(self) -> PostgresStore:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def create_database(admin_dsn: str, name: str, *, template: str | None = None) -> None:
    """CREATE DATABASE *name* (tests and ``server init`` on a fresh cluster)."""
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        query = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template:
            query = sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(template)
            )
        conn.execute(query)


__all__ = ["DatabaseUnreachable", "PostgresStore", "create_database", "explain", "redacted"]
