"""Write transactions: the one helper every storage module shares.

Apart from :mod:`console.storage.sqlite.database` (which opens connections and runs the
migrations) so that the modules a migration calls, such as the search index's rebuild in
:mod:`console.storage.sqlite.search_index`, do not import the module that imports them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import sqlite_utils


@contextlib.contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """A write transaction started with BEGIN IMMEDIATE (nested: a savepoint)."""
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        conn.rollback()  # a no-op when an error already ended the transaction
        raise
    else:
        conn.commit()
