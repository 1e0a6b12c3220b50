"""Hash chains over the audit trail and the sign-in attempts: tamper-evident, verifiable.

Triggers make both tables append-only for the app, but anyone holding the database and
its key can drop a trigger. The chains make such edits visible afterwards:

* Every row carries ``hash`` = SHA-256 over a canonical serialisation of the row — a
  compact JSON array of a version tag, its id, every column, and ``prev_hash``, the hash
  of the row before it (``""`` for the first). Changing, deleting, inserting or
  reordering a row breaks the link from that row on.
* An audit entry's ``fields`` (the before → after values, the only personal data in the
  trail) enter the hash through ``fields_digest`` = SHA-256 of the stored text. Erasure
  may replace the values with ``{"redacted": true}`` and leaves the digest (and the hash)
  as they were; it must also append, in the same transaction, an entry with action
  ``redact`` on entity ``audit`` that lists the redacted entry ids ("redacted for erasure
  of customer N"). The verifier accepts blanked values only for entries listed by such a
  (itself intact) entry; anything else that changed ``fields`` is reported.
* An entry's ``console`` (on a console server: the enrolled console that sent the
  request; on a desk: empty) enters the hash too. An entry without one hashes exactly as
  before the column existed (version tag ``audit/1``), so a trail written before
  migration ``0018_audit_console`` still verifies untouched; an entry with one is hashed
  under ``audit/2`` with the console's name before ``prev_hash``. Changing the name, or
  blanking it, or naming a console on an entry that had none, changes the hash.
* ``chain_heads`` keeps, per chain, the last id, its hash and the number of rows,
  updated in the same transaction as every append (a trigger refuses moving it back),
  so deleting the newest rows shows too.

The hashes and the checks are :mod:`console.repositories.hash_chains` (PostgreSQL keeps
the same chains); this module appends to and walks the chains in the SQLite file.

Limits (README): a chain kept inside the file it protects proves that nobody edited
it *without also recomputing every later hash and the head*. Someone who knows this
code and holds the key can forge a consistent chain; the head printed by ``audit
verify`` (and logged at every backup) compared with an earlier copy exposes that.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sqlite_utils

from console.domain import messages as m
from console.repositories.hash_chains import (
    ATTEMPT_COLUMNS,
    ATTEMPT_ROW,
    ATTEMPTS,
    AUDIT,
    AUDIT_COLUMNS,
    AUDIT_COLUMNS_0009,
    AUDIT_ROW,
    attempt_hash,
    audit_hash,
    check_row,
    digest,
    listed_redactions,
    walk_end,
)
from console.repositories.staff import REDACTED, Break, ChainReport

# Re-exported for storage's own callers (the rules themselves: repositories/hash_chains.py).
__all__ = [
    "REDACTED",
    "Break",
    "ChainReport",
    "attempt_hash",
    "audit_hash",
    "digest",
]


# --- appending (inside the caller's write transaction) ----------------------------------


def _head(db: sqlite_utils.Database, chain: str) -> tuple[int, str, int]:
    row = db.execute(
        "SELECT last_id, last_hash, entries FROM chain_heads WHERE name = ?", [chain]
    ).fetchone()
    if row is None:
        return 0, "", 0
    return int(row[0]), str(row[1]), int(row[2])


def _advance(db: sqlite_utils.Database, chain: str, last_id: int, last_hash: str) -> None:
    db.execute(
        "INSERT INTO chain_heads (name, last_id, last_hash, entries) VALUES (?, ?, ?, 1) "
        "ON CONFLICT (name) DO UPDATE SET last_id = excluded.last_id, "
        "last_hash = excluded.last_hash, entries = chain_heads.entries + 1",
        [chain, last_id, last_hash],
    )


def _next_id(db: sqlite_utils.Database, table: str, head_id: int) -> int:
    top = db.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
    return max(int(top), head_id) + 1


def append_audit_row(db: sqlite_utils.Database, values: dict[str, str]) -> int:
    """Insert one audit entry chained to the head; call inside a write transaction."""
    head_id, head_hash, _ = _head(db, AUDIT)
    entry_id = _next_id(db, AUDIT, head_id)
    fields_digest = digest(values["fields"])
    row_hash = audit_hash(
        entry_id,
        **{k: values[k] for k in AUDIT_COLUMNS if k != "fields"},
        fields_digest=fields_digest,
        prev_hash=head_hash,
    )
    db.execute(
        "INSERT INTO audit (id, at, actor, actor_role, action, entity, entity_id, fields, "
        "detail, console, fields_digest, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            entry_id,
            *(values[k] for k in AUDIT_COLUMNS),
            fields_digest,
            head_hash,
            row_hash,
        ],
    )
    _advance(db, AUDIT, entry_id, row_hash)
    return entry_id


def append_attempt_row(
    db: sqlite_utils.Database, staff_id: int | None, name: str, at: str, outcome: str
) -> int:
    """Insert one sign-in attempt chained to the head; call inside a write transaction."""
    head_id, head_hash, _ = _head(db, ATTEMPTS)
    attempt_id = _next_id(db, ATTEMPTS, head_id)
    row_hash = attempt_hash(
        attempt_id, staff_id=staff_id, name=name, at=at, outcome=outcome, prev_hash=head_hash
    )
    db.execute(
        "INSERT INTO sign_in_attempts (id, staff_id, name, at, outcome, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [attempt_id, staff_id, name, at, outcome, head_hash, row_hash],
    )
    _advance(db, ATTEMPTS, attempt_id, row_hash)
    return attempt_id


def chain_existing(db: sqlite_utils.Database) -> None:
    """Chain every row already in both tables, in id order, and set the heads (the
    migration that introduced the chains, before the audit trail had a ``console``
    column; triggers must be off meanwhile)."""
    for table in (AUDIT, ATTEMPTS):
        prev = ""
        last_id = 0
        count = 0
        columns = AUDIT_COLUMNS_0009 if table == AUDIT else ATTEMPT_COLUMNS
        select = ", ".join(("id", *columns))
        rows = db.execute(f"SELECT {select} FROM {table} ORDER BY id").fetchall()
        updates: list[list[Any]] = []
        for row in rows:
            values = dict(zip(("id", *columns), row, strict=True))
            row_id = int(values.pop("id"))
            if table == AUDIT:
                fields_digest = digest(str(values["fields"]))
                row_hash = audit_hash(
                    row_id,
                    **{k: str(values[k]) for k in columns if k != "fields"},
                    fields_digest=fields_digest,
                    prev_hash=prev,
                )
                updates.append([fields_digest, prev, row_hash, row_id])
            else:
                row_hash = attempt_hash(
                    row_id,
                    staff_id=values["staff_id"],
                    name=str(values["name"]),
                    at=str(values["at"]),
                    outcome=str(values["outcome"]),
                    prev_hash=prev,
                )
                updates.append([prev, row_hash, row_id])
            prev, last_id, count = row_hash, row_id, count + 1
        if table == AUDIT:
            db.conn.executemany(
                "UPDATE audit SET fields_digest = ?, prev_hash = ?, hash = ? WHERE id = ?", updates
            )
        else:
            db.conn.executemany(
                "UPDATE sign_in_attempts SET prev_hash = ?, hash = ? WHERE id = ?", updates
            )
        if count:
            db.execute(
                "INSERT INTO chain_heads (name, last_id, last_hash, entries) VALUES (?, ?, ?, ?)",
                [table, last_id, prev, count],
            )


# --- verifying --------------------------------------------------------------------------


def _redacted_ids(db: sqlite_utils.Database) -> set[int]:
    """Entries an intact ``redact`` entry says erasure blanked."""
    allowed: set[int] = set()
    for row in db.execute(
        f"SELECT {', '.join(AUDIT_ROW)} FROM audit WHERE action = 'redact' AND entity = 'audit'"
    ):
        allowed |= listed_redactions(dict(zip(AUDIT_ROW, row, strict=True)))
    return allowed


def _rows(db: sqlite_utils.Database, table: str) -> Iterator[dict[str, Any]]:
    names = AUDIT_ROW if table == AUDIT else ATTEMPT_ROW
    cursor = db.execute(f"SELECT {', '.join(names)} FROM {table} ORDER BY id")
    for row in cursor:
        yield dict(zip(names, row, strict=True))


def verify_chain(db: sqlite_utils.Database, table: str) -> ChainReport:
    """Walk one chain from its first row to its head; report the first break."""
    redacted = _redacted_ids(db) if table == AUDIT else set()
    head_id, head_hash, head_entries = _head(db, table)
    prev: dict[str, Any] | None = None
    count = 0
    for values in _rows(db, table):
        count += 1
        row_id = int(values["id"])
        if row_id > head_id:
            problem = m.ChainAfterEnd() if values["hash"] else m.ChainNoHash()
            return ChainReport(
                table, count, head_id, head_hash, Break(row_id, str(values["at"]), problem)
            )
        found = check_row(table, values, prev, redacted)
        if found is not None:
            return ChainReport(
                table, count, head_id, head_hash, Break(row_id, str(values["at"]), found)
            )
        prev = values
    return walk_end(table, count, (head_id, head_hash, head_entries), prev)


def verify_all(db: sqlite_utils.Database) -> list[ChainReport]:
    """Both chains, read in one snapshot."""
    with db.atomic():
        return [verify_chain(db, AUDIT), verify_chain(db, ATTEMPTS)]
