"""Customers' rights: consent history, "everything about me" as JSON, and erasure.

Which rows belong to a customer is found from the schema itself: the customer's row,
customers merged into it, every table with a foreign key to ``customers``, and every
table with a foreign key to one of those (purchase items, complaint events…), followed
transitively. A table added later is therefore exported without anyone remembering to
add it; erasure refuses to run until the new table has a rule in :data:`ERASURE`, and a
test fails meanwhile.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from console.domain import messages as msg
from console.domain.consent import ConsentEvent, Method, Purpose
from console.repositories.errors import NotFound
from console.repositories.privacy import CustomerExport, ErasureIncomplete
from console.storage.sqlite import instants
from console.storage.sqlite.staff import redact_audit
from console.storage.sqlite.transactions import write_transaction

#: Audit entities whose entity_id is a customer id.
CUSTOMER_AUDIT_ENTITIES = ("customer", "visit", "purchase", "reward", "consent")

ERASED_NAME = "Erased customer"
FTS_INDEXES = ("search_terms", "search_docs_fts")

#: Tables that hold no customer's personal data (or hold it only through the tables
#: above): every table must be either linked to ``customers`` or listed here, so a new
#: table is classified on purpose (a test checks it).
NOT_CUSTOMER_DATA = frozenset(
    {
        "settings",
        "phrasebooks",
        "phrasebook_entries",
        "phrasebook_history",
        "staff",
        "sign_in_attempts",
        "audit",  # exported and redacted by entity (see CUSTOMER_AUDIT_ENTITIES)
        "chain_heads",  # the newest id and hash of the audit and sign-in chains
        "complaint_drafts",  # half-typed forms: exported and deleted by payload customer_id
        "erasures",  # the erasure register: customer ids and times, nothing personal
        "sqlite_stat1",  # SQLite's planner statistics: row counts per index, no values
        # Full-text indexes over search_docs, kept in step by triggers and rewritten on
        # erasure (FTS_INDEXES).
        "search_terms",
        "search_terms_data",
        "search_terms_idx",
        "search_terms_config",
        "search_terms_docsize",
        "search_docs_fts",
        "search_docs_fts_data",
        "search_docs_fts_idx",
        "search_docs_fts_config",
        "search_docs_fts_docsize",
    }
)


__all__ = ["ErasureIncomplete"]


@dataclass(frozen=True, slots=True)
class Link:
    """Rows of *table* whose *column* is among the keys of *parent*.*parent_column*."""

    table: str
    column: str
    parent: str
    parent_column: str


def customer_links(db: sqlite_utils.Database) -> list[Link]:
    """Every foreign-key path from ``customers`` to other tables, parents first."""
    links: list[Link] = []
    seen = {"customers"}
    frontier = ["customers"]
    tables = [t for t in db.table_names() if not t.startswith(("sqlite_", "_"))]
    while frontier:
        parent = frontier.pop(0)
        for table in tables:
            if table == "customers":
                continue
            for fk in db.table(table).foreign_keys:
                if fk.other_table == parent:
                    links.append(Link(table, str(fk.column), parent, str(fk.other_column)))
                    if table not in seen:
                        seen.add(table)
                        frontier.append(table)
    return links


def _customer_ids(db: sqlite_utils.Database, customer_id: int) -> list[int]:
    """The customer and any records merged into it (tombstones keep their data)."""
    ids = [customer_id]
    frontier = [customer_id]
    while frontier:
        rows = db.execute(
            "SELECT id FROM customers WHERE merged_into = ?", [frontier.pop()]
        ).fetchall()
        for (merged,) in rows:
            if merged not in ids:
                ids.append(merged)
                frontier.append(merged)
    return ids


def _rows(db: sqlite_utils.Database, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _linked_rows(
    db: sqlite_utils.Database, customer_id: int, links: list[Link] | None = None
) -> tuple[list[int], dict[str, list[dict[str, Any]]]]:
    ids = _customer_ids(db, customer_id)
    found: dict[str, list[dict[str, Any]]] = {
        "customers": _rows(
            db, f"SELECT * FROM customers WHERE id IN ({','.join('?' * len(ids))})", ids
        )
    }
    for link in links if links is not None else customer_links(db):
        keys = sorted({row[link.parent_column] for row in found.get(link.parent, [])})
        if not keys:
            found.setdefault(link.table, [])
            continue
        rows = _rows(
            db,
            f'SELECT * FROM "{link.table}" WHERE "{link.column}" IN '
            f"(SELECT value FROM json_each(?))",
            [json.dumps(keys)],
        )
        existing = found.setdefault(link.table, [])
        known = {json.dumps(r, sort_keys=True, default=str) for r in existing}
        existing.extend(r for r in rows if json.dumps(r, sort_keys=True, default=str) not in known)
    return ids, found


def export_customer(db: sqlite_utils.Database, customer_id: int) -> CustomerExport:
    """Everything held about one customer, table by table, plus the audit entries."""
    ids, found = _linked_rows(db, customer_id)
    if not found["customers"]:
        raise NotFound(msg.NoCustomerNumbered(customer_id))
    placeholders = ",".join("?" * len(CUSTOMER_AUDIT_ENTITIES))
    id_list = json.dumps([str(i) for i in ids])
    audit = _rows(
        db,
        f"SELECT id, at, actor, actor_role, action, entity, entity_id, fields, detail "
        f"FROM audit WHERE entity IN ({placeholders}) "
        f"AND entity_id IN (SELECT value FROM json_each(?)) ORDER BY at, id",
        [*CUSTOMER_AUDIT_ENTITIES, id_list],
    )
    for entry in audit:
        entry["fields"] = json.loads(entry["fields"])
    drafts = _rows(db, _DRAFTS_SQL.format(verb="SELECT *"), [id_list])
    for draft in drafts:
        draft["payload"] = json.loads(draft["payload"])
    found["complaint_drafts"] = drafts
    return CustomerExport(customer_id, found, audit)


# Unsaved complaint forms keep the customer's number inside their JSON payload.
_DRAFTS_SQL = (
    "{verb} FROM complaint_drafts WHERE json_valid(payload) AND "
    "CAST(json_extract(payload, '$.customer_id') AS TEXT) IN (SELECT value FROM json_each(?))"
)


# --- erasure --------------------------------------------------------------------------


def _delete(db: sqlite_utils.Database, table: str, column: str, keys: list[Any]) -> None:
    db.execute(
        f'DELETE FROM "{table}" WHERE "{column}" IN (SELECT value FROM json_each(?))',
        [json.dumps(keys)],
    )


def _blank(*assignments: str) -> Callable[[sqlite_utils.Database, str, str, list[Any]], None]:
    def rule(db: sqlite_utils.Database, table: str, column: str, keys: list[Any]) -> None:
        db.execute(
            f'UPDATE "{table}" SET {", ".join(assignments)} '
            f'WHERE "{column}" IN (SELECT value FROM json_each(?))',
            [json.dumps(keys)],
        )

    return rule


def _keep(db: sqlite_utils.Database, table: str, column: str, keys: list[Any]) -> None:
    """No personal data in this table: its rows stay countable."""


#: How each table linked to a customer is erased: delete personal rows, blank personal
#: columns of rows that statistics still count, or keep rows that hold nothing personal.
ERASURE: dict[str, Callable[[sqlite_utils.Database, str, str, list[Any]], None]] = {
    "phones": _delete,
    "important_dates": _delete,
    "search_docs": _delete,  # triggers remove the full-text entries with them
    "visits": _blank("note = ''"),
    "purchases": _keep,  # dates, stores, totals: what sales figures need
    "purchase_items": _keep,  # what was bought, not who
    "rewards_redeemed": _blank("note = ''"),
    "consent_events": _blank("note = ''"),  # when and how consent changed stays provable
    # Complaints stay countable (category, cause, times, status, store) for the figures;
    # what the customer said and everything that identifies them goes.
    "complaints": _blank(
        "caller_name = ''",
        "caller_contact = ''",
        "customer_words = '(erased)'",
        "understanding = ''",
        "apology = ''",
        "wants_note = ''",
        "options_offered = '[]'",
        "option_chosen = ''",
        "wording = ''",
        "reply = ''",
        "void_reason = CASE WHEN void_reason = '' THEN '' ELSE '(erased)' END",
        # A new version: a form still open on the old words cannot save them back.
        "version = version + 1",
        "changed_by = ''",
    ),
    "complaint_events": _blank("note = ''"),
    "complaint_promises": _blank("note = ''"),
    "complaint_follow_ups": _blank("note = ''"),
    # Calls stay countable (times, answered or missed); the customer's number goes.
    "calls": _blank(
        "number = NULL",
        "candidates = '[]'",
        "from_number = CASE WHEN direction = 'in' THEN '' ELSE from_number END",
        "to_number = CASE WHEN direction = 'out' THEN '' ELSE to_number END",
    ),
}


def erase_customer(
    db: sqlite_utils.Database,
    customer_id: int,
    *,
    now: dt.datetime,
    actor: str = "system",
    actor_role: str = "",
    console: str = "",
) -> int:
    """Remove or anonymise everything personal about one customer (and records merged
    into it); returns how many audit entries were redacted. All or nothing."""
    with write_transaction(db):
        links = customer_links(db)
        ids, found = _linked_rows(db, customer_id, links)
        if not found["customers"]:
            raise NotFound(msg.NoCustomerNumbered(customer_id))
        missing = sorted({link.table for link in links} - set(ERASURE))
        if missing:
            raise ErasureIncomplete(f"no erasure rule for {', '.join(missing)}; nothing was erased")
        # Children before parents, so deleting rows never strands a foreign key.
        for link in reversed(links):
            keys = sorted({row[link.parent_column] for row in found.get(link.parent, [])})
            if keys:
                ERASURE[link.table](db, link.table, link.column, keys)
        db.execute(
            f"""
            UPDATE customers SET
                name = '{ERASED_NAME}', preferred_name = '', romanisation = '', language = '',
                email = '', member_no = '', birthday_month = NULL, birthday_day = NULL,
                birthday_year = NULL, preferences = '[]', dislikes = '[]', avoid_topics = '[]',
                notes = '', assigned_staff = '', marketing_consent = 0, customer_kind = '',
                erased_at = ?
            WHERE id IN (SELECT value FROM json_each(?))
            """,
            [instants.dump(now), json.dumps(ids)],
        )
        # The chain keeps each entry's digest, so blanking values leaves it verifiable;
        # a `redact` entry lists what was blanked (storage/audit_chain.py).
        redacted = redact_audit(
            db,
            CUSTOMER_AUDIT_ENTITIES,
            ids,
            customer_id=customer_id,
            at=now,
            actor=actor,
            actor_role=actor_role,
            console=console,
        )
        db.execute(_DRAFTS_SQL.format(verb="DELETE"), [json.dumps([str(i) for i in ids])])
        # The register: a restore of an older backup erases these customers again.
        db.execute(
            "INSERT OR IGNORE INTO erasures (customer_id, erased_at) "
            "SELECT value, ? FROM json_each(?)",
            [instants.dump(now), json.dumps(ids)],
        )
        # Deleting from an FTS5 index only adds "deleted" markers; the old segments keep
        # the tokens until they are merged. Rewrite both indexes so no trace stays.
        for fts in FTS_INDEXES:
            db.execute(f"INSERT INTO {fts} ({fts}) VALUES ('optimize')")
    # Old page images stay in the write-ahead log until it is emptied: the caller runs
    # clear_wal() once the audit entry is written too (secure_delete zeroes the file's).
    return redacted


def clear_wal(db: sqlite_utils.Database, wait_ms: int = 5000) -> bool:
    """Copy the write-ahead log into the database and empty it, so old page images (an
    erased customer's) leave the WAL; wait up to *wait_ms* for other connections' read
    snapshots. False when a reader still holds one: the WAL could not be emptied."""
    from console.storage.sqlite.database import BUSY_TIMEOUT_MS

    db.execute(f"PRAGMA busy_timeout = {max(int(wait_ms), 0)}")
    try:
        row = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return row is None or int(row[0]) == 0


def erasure_register(db: sqlite_utils.Database) -> dict[int, str]:
    """Every erased customer id and when it was erased (nothing personal)."""
    if "erasures" not in db.table_names():
        return {}
    return {
        int(cid): str(at)
        for cid, at in db.execute("SELECT customer_id, erased_at FROM erasures").fetchall()
    }


def reapply_erasures(db: sqlite_utils.Database, register: dict[int, str]) -> list[int]:
    """After a restore: erase again every customer in *register* that the restored copy
    still holds, and keep the register complete. Returns the ids erased again."""
    again: list[int] = []
    with write_transaction(db):
        for customer_id, erased_at in sorted(register.items()):
            row = db.execute(
                "SELECT erased_at FROM customers WHERE id = ?", [customer_id]
            ).fetchone()
            if row is not None and not row[0]:
                erase_customer(db, customer_id, now=instants.load(erased_at))
                again.append(customer_id)
            db.execute(
                "INSERT OR IGNORE INTO erasures (customer_id, erased_at) VALUES (?, ?)",
                [customer_id, instants.migrate_text(erased_at)],
            )
    clear_wal(db)
    return again


def is_erased(db: sqlite_utils.Database, customer_id: int) -> bool:
    row = db.execute("SELECT erased_at FROM customers WHERE id = ?", [customer_id]).fetchone()
    return bool(row and row[0])


# --- consent --------------------------------------------------------------------------

_CONSENT_COLUMN = {"greetings": "greetings_consent", "marketing": "marketing_consent"}


def record_consent(db: sqlite_utils.Database, events: list[ConsentEvent]) -> None:
    """Append consent changes and set each customer's current answer, in one transaction."""
    with write_transaction(db):
        for event in events:
            db.execute(
                "INSERT INTO consent_events (customer_id, purpose, granted, at, method, "
                "recorded_by, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    event.customer_id,
                    event.purpose.value,
                    int(event.granted),
                    instants.dump(event.at),
                    event.method.value,
                    event.recorded_by,
                    event.note,
                ],
            )
            db.execute(
                f"UPDATE customers SET {_CONSENT_COLUMN[event.purpose.value]} = ? WHERE id = ?",
                [int(event.granted), event.customer_id],
            )


def consent_history(db: sqlite_utils.Database, customer_id: int) -> list[ConsentEvent]:
    return [
        ConsentEvent(
            customer_id=int(row[0]),
            purpose=Purpose(row[1]),
            granted=bool(row[2]),
            at=instants.load(row[3]).astimezone(),  # aware, in this computer's zone
            method=Method(row[4]) if row[4] in Method._value2member_map_ else Method.IN_PERSON,
            recorded_by=str(row[5]),
            note=str(row[6]),
        )
        for row in db.execute(
            "SELECT customer_id, purpose, granted, at, method, recorded_by, note "
            "FROM consent_events WHERE customer_id = ? ORDER BY id",
            [customer_id],
        ).fetchall()
    ]
