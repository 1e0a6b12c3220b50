"""The privacy repository on PostgreSQL (implements :mod:`console.repositories.privacy`).

The desk's rules (``console/storage/sqlite/privacy.py``) on the server's tables:

* consent history is append-only ``consent_events`` (a trigger refuses any change but
  the blanking of a note), each change setting the customer's current answer in the same
  transaction;
* which rows belong to a customer is read from the catalogue: the customer's row,
  customers merged into it, every table with a foreign key to ``customers`` and, in
  turn, to those tables. A table added later is exported without anyone remembering it,
  and erasure refuses to run until it has a rule in :data:`ERASURE`;
* erasure deletes or blanks by those rules, anonymises the customer's row, takes it out
  of the search index, blanks the audit entries' values through
  ``redact_audit_entries`` (with a ``redact`` entry) and adds the ids to the erasure
  register (``0009_privacy``), all in the job's transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import psycopg

from console.domain import messages as msg
from console.domain.consent import ConsentEvent
from console.repositories.errors import NotFound
from console.repositories.privacy import CustomerExport, ErasureIncomplete, PrivacyRepository
from console.storage.postgres import search_repository as index
from console.storage.postgres.customer_rows import instant
from console.storage.postgres.customers_repository import consent_history, record_consent
from console.storage.postgres.staff_repository import PostgresStaff
from console.storage.sqlite.privacy import CUSTOMER_AUDIT_ENTITIES, ERASED_NAME

__all__ = ["ERASED_NAME", "ERASURE", "NOT_CUSTOMER_DATA", "PostgresPrivacy", "customer_links"]

#: Tables that hold no customer's personal data (or hold it only through the linked
#: tables): every table must be either linked to ``customers`` or listed here (a test
#: checks it), so a new table is classified on purpose.
NOT_CUSTOMER_DATA = frozenset(
    {
        "schema_migrations",
        "settings",
        "enrolment_codes",
        "consoles",
        "phrasebooks",
        "phrasebook_entries",
        "phrasebook_history",
        "staff",
        "sign_in_attempts",
        "audit",  # exported and redacted by entity (CUSTOMER_AUDIT_ENTITIES)
        "chain_heads",
        "complaint_drafts",  # half-typed forms: exported and deleted by payload customer_id
        "erasures",  # the erasure register: ids and times, nothing personal
        "search_terms",  # the terms of a search document: dropped with it (search_docs)
        "changes",  # the changes feed: which record changed and how, ids and kinds only
        "staff_sessions",  # staff signed in on consoles: token digests, ids and times
    }
)


@dataclass(frozen=True, slots=True)
class Link:
    """Rows of *table* whose *column* is among the keys of *parent*.*parent_column*."""

    table: str
    column: str
    parent: str
    parent_column: str


def customer_links(conn: psycopg.Connection) -> list[Link]:
    """Every foreign-key path from ``customers`` to other tables, parents first."""
    keys = conn.execute(
        "SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text, "
        "fa.attname FROM pg_constraint c "
        "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
        "JOIN pg_attribute fa ON fa.attrelid = c.confrelid AND fa.attnum = c.confkey[1] "
        "WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace "
        "ORDER BY 1, 2"
    ).fetchall()
    links: list[Link] = []
    seen = {"customers"}
    frontier = ["customers"]
    while frontier:
        parent = frontier.pop(0)
        for table, column, other, other_column in keys:
            if other != parent or table == "customers":
                continue
            links.append(Link(table, column, parent, other_column))
            if table not in seen:
                seen.add(table)
                frontier.append(table)
    return links


def _customer_ids(conn: psycopg.Connection, customer_id: int) -> list[int]:
    """The customer and any records merged into it (tombstones keep their data)."""
    rows = conn.execute(
        "WITH RECURSIVE merged (id) AS (SELECT %s::bigint UNION "
        "SELECT c.id FROM customers c JOIN merged m ON c.merged_into = m.id) "
        "SELECT id FROM merged",
        [customer_id],
    ).fetchall()
    return [customer_id, *sorted(int(r[0]) for r in rows if int(r[0]) != customer_id)]


def _plain(value: Any) -> Any:
    """A stored value as JSON holds it (instants as SQLite stores them: UTC ISO text)."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat(timespec="microseconds")
    return value


def _rows(conn: psycopg.Connection, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, params)
    names = [d.name for d in cursor.description or ()]
    return [
        {name: _plain(value) for name, value in zip(names, row, strict=True)}
        for row in cursor.fetchall()
    ]


def _linked_rows(
    conn: psycopg.Connection, customer_id: int, links: list[Link]
) -> tuple[list[int], dict[str, list[dict[str, Any]]]]:
    ids = _customer_ids(conn, customer_id)
    found: dict[str, list[dict[str, Any]]] = {
        "customers": _rows(conn, "SELECT * FROM customers WHERE id = ANY(%s) ORDER BY id", [ids])
    }
    for link in links:
        keys = sorted({row[link.parent_column] for row in found.get(link.parent, [])})
        existing = found.setdefault(link.table, [])
        if not keys:
            continue
        rows = _rows(
            conn,
            f'SELECT * FROM "{link.table}" WHERE "{link.column}" = ANY(%s) ORDER BY 1',
            [keys],
        )
        known = {json.dumps(r, sort_keys=True, default=str) for r in existing}
        existing.extend(r for r in rows if json.dumps(r, sort_keys=True, default=str) not in known)
    return ids, found


def _drafts(conn: psycopg.Connection, ids: list[int]) -> list[dict[str, Any]]:
    """Unsaved complaint forms whose JSON payload names one of the customers."""
    wanted = {str(i) for i in ids}
    found = []
    for row in _rows(conn, "SELECT * FROM complaint_drafts ORDER BY key", []):
        try:
            payload = json.loads(row["payload"])
        except ValueError:
            continue
        if isinstance(payload, dict) and str(payload.get("customer_id")) in wanted:
            found.append({**row, "payload": payload})
    return found


def export_customer(conn: psycopg.Connection, customer_id: int) -> CustomerExport:
    ids, found = _linked_rows(conn, customer_id, customer_links(conn))
    if not found["customers"]:
        raise NotFound(msg.NoCustomerNumbered(customer_id))
    audit = _rows(
        conn,
        "SELECT id, at, actor, actor_role, action, entity, entity_id, fields, detail "
        "FROM audit WHERE entity = ANY(%s) AND entity_id = ANY(%s) ORDER BY at, id",
        [list(CUSTOMER_AUDIT_ENTITIES), [str(i) for i in ids]],
    )
    for entry in audit:
        entry["fields"] = json.loads(entry["fields"])
    found["complaint_drafts"] = _drafts(conn, ids)
    return CustomerExport(customer_id, found, audit)


# --- erasure --------------------------------------------------------------------------

Rule = Callable[[psycopg.Connection, str, str, list[Any]], None]


def _delete(conn: psycopg.Connection, table: str, column: str, keys: list[Any]) -> None:
    conn.execute(f'DELETE FROM "{table}" WHERE "{column}" = ANY(%s)', [keys])


def _drop_documents(conn: psycopg.Connection, table: str, column: str, keys: list[Any]) -> None:
    index.drop(conn, keys)  # the documents and their terms


def _blank(*assignments: str) -> Rule:
    def rule(conn: psycopg.Connection, table: str, column: str, keys: list[Any]) -> None:
        conn.execute(
            f'UPDATE "{table}" SET {", ".join(assignments)} WHERE "{column}" = ANY(%s)', [keys]
        )

    return rule


def _keep(conn: psycopg.Connection, table: str, column: str, keys: list[Any]) -> None:
    """No personal data in this table: its rows stay countable."""


#: How each table linked to a customer is erased (SQLite's rules, table for table).
ERASURE: dict[str, Rule] = {
    "phones": _delete,
    "important_dates": _delete,
    "search_docs": _drop_documents,
    "visits": _blank("note = ''"),
    "purchases": _keep,
    "purchase_items": _keep,
    "rewards_redeemed": _blank("note = ''"),
    "consent_events": _blank("note = ''"),
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
        "version = version + 1",
        "changed_by = ''",
    ),
    "complaint_events": _blank("note = ''"),
    "complaint_promises": _blank("note = ''"),
    "complaint_follow_ups": _blank("note = ''"),
    "calls": _blank(
        "number = NULL",
        "candidates = '{}'",
        "from_number = CASE WHEN direction = 'in' THEN '' ELSE from_number END",
        "to_number = CASE WHEN direction = 'out' THEN '' ELSE to_number END",
    ),
}


def erase_customer(
    conn: psycopg.Connection,
    customer_id: int,
    *,
    now: dt.datetime,
    actor: str = "system",
    actor_role: str = "",
    console: str = "",
) -> int:
    """Remove or anonymise everything personal about one customer (and records merged
    into it); returns how many audit entries were redacted. All or nothing."""
    links = customer_links(conn)
    ids, found = _linked_rows(conn, customer_id, links)
    if not found["customers"]:
        raise NotFound(msg.NoCustomerNumbered(customer_id))
    missing = sorted({link.table for link in links} - set(ERASURE))
    if missing:
        raise ErasureIncomplete(f"no erasure rule for {', '.join(missing)}; nothing was erased")
    with conn.transaction():
        # Children before parents, so deleting rows never strands a foreign key.
        for link in reversed(links):
            keys = sorted({row[link.parent_column] for row in found.get(link.parent, [])})
            if keys:
                ERASURE[link.table](conn, link.table, link.column, keys)
        conn.execute(
            "UPDATE customers SET name = %s, preferred_name = '', romanisation = '', "
            "language = '', email = '', member_no = '', birthday_month = NULL, "
            "birthday_day = NULL, birthday_year = NULL, preferences = '[]', dislikes = '[]', "
            "avoid_topics = '[]', notes = '', assigned_staff = '', marketing_consent = false, "
            "customer_kind = '', erased_at = %s WHERE id = ANY(%s)",
            [ERASED_NAME, instant(now), ids],
        )
        redacted = PostgresStaff(conn).redact_audit(
            CUSTOMER_AUDIT_ENTITIES,
            ids,
            customer_id=customer_id,
            at=now,
            actor=actor,
            actor_role=actor_role,
            console=console,
        )
        drafts = [d["key"] for d in _drafts(conn, ids)]
        if drafts:
            conn.execute("DELETE FROM complaint_drafts WHERE key = ANY(%s)", [drafts])
        conn.execute(
            "INSERT INTO erasures (customer_id, erased_at) SELECT unnest(%s::bigint[]), %s "
            "ON CONFLICT (customer_id) DO NOTHING",
            [ids, instant(now)],
        )
    return redacted


def is_erased(conn: psycopg.Connection, customer_id: int) -> bool:
    row = conn.execute("SELECT erased_at FROM customers WHERE id = %s", [customer_id]).fetchone()
    return bool(row and row[0])


class PostgresPrivacy:
    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn

    def record_consent(self, events: Sequence[ConsentEvent]) -> None:
        record_consent(self.conn, events)

    def consent_history(self, customer_id: int) -> list[ConsentEvent]:
        return consent_history(self.conn, customer_id)

    def export_customer(self, customer_id: int) -> CustomerExport:
        return export_customer(self.conn, customer_id)

    def erase_customer(
        self,
        customer_id: int,
        *,
        now: dt.datetime,
        actor: str,
        actor_role: str,
        console: str = "",
    ) -> int:
        return erase_customer(
            self.conn, customer_id, now=now, actor=actor, actor_role=actor_role, console=console
        )

    def clear_erased_traces(self, wait_seconds: float) -> bool:
        # The server's files are PostgreSQL's: old row versions go at its next vacuum,
        # and no console reads them. Nothing here to wait for.
        return True


if TYPE_CHECKING:  # mypy checks that the adapter implements the interface

    def _implements(conn: psycopg.Connection) -> PrivacyRepository:
        return PostgresPrivacy(conn)
