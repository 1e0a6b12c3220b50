"""The staff repository on PostgreSQL (implements :mod:`console.repositories.staff`).

The same facts as on SQLite (``storage/sqlite/staff.py``) and the same hash chains
(``storage/sqlite/audit_chain.py``): the hash of an entry, the check of one link and the
end of a walk are :mod:`console.repositories.hash_chains`' functions, so a trail verifies
the same way on both backends. Times are ``timestamptz``; an entry's time enters its
hash as the same UTC text SQLite stores.
Account rows, the change report of an update, an entry's fields text and the erasure's
``redact`` entry come from :mod:`console.repositories.staff_rows`, as on SQLite.

Many writers. An entry's id is part of its hash and the chain has no gaps, so ids come
from the chain's head row, not from a sequence, and appends must be one at a time. Every
write job (nearly every one appends: a change and its record are one transaction) first
takes its turn with :data:`CHAIN_TURN`, a self-conflicting lock on ``chain_heads``, as
the first statement of its transaction, BEFORE the SERIALIZABLE snapshot is taken (LOCK
TABLE takes none): a writer that waited starts from the head the previous one left, so
waiting costs a wait, not a serialization failure and a rerun of the whole job (with the
head row merely locked FOR UPDATE, a waiter's snapshot predates the head it waited for:
measured, 24 concurrent appenders exhausted the store's retries). The append also locks
the head row FOR UPDATE, so a transaction that skipped the turn still cannot fork the
chain: it fails and is retried. Readers never wait (SELECT does not conflict with it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
from collections.abc import Generator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg import errors as pg_errors

from console.domain import messages as m
from console.domain.staff import AuditEntry, StaffMember, StaffNameTaken, queues_text

# One rule for both backends: the canonical hash of a row and the check of one link.
from console.repositories import hash_chains, staff_rows
from console.repositories.staff import (
    ATTEMPTS_CHAIN,
    AUDIT_CHAIN,
    REDACTED,
    AuditQuery,
    AuditRecord,
    Break,
    ChainReport,
    Credentials,
    NewStaff,
    StaffNotFound,
    StaffRepository,
    StaffUpdate,
)

_STAFF_COLUMNS = ", ".join(staff_rows.STAFF_COLUMNS)
_CHANGEABLE = ", ".join(staff_rows.CHANGEABLE)
_AUDIT_ENTRY_COLUMNS = ", ".join(staff_rows.AUDIT_ENTRY_COLUMNS)
_NAME_INDEX = "staff_name_any_case"
_AUDIT_COLUMNS = (
    "id, at, actor, actor_role, action, entity, entity_id, fields, detail, console, "
    "fields_digest, prev_hash, hash"
)
_ATTEMPT_COLUMNS = "id, staff_id, name, at, outcome, prev_hash, hash"
_cursors = itertools.count(1)

#: The first statement of every write job (PostgresStore._write): one writer at a time
#: appends to the chains, each from the head the last one committed (module docstring).
CHAIN_TURN = "LOCK TABLE chain_heads IN SHARE ROW EXCLUSIVE MODE"


_iso = staff_rows.chain_time  # an instant as the chain hashes it (and SQLite stores it)


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC)


def _aware(moment: dt.datetime) -> dt.datetime:
    _iso(moment)  # refuses a naive time, as SQLite does
    return moment


def _filters(query: AuditQuery | None) -> tuple[str, list[Any]]:
    """A WHERE clause (or "") for *query*, as SQLite's ``_audit_filters``."""
    q = query or AuditQuery()
    where: list[str] = []
    params: list[Any] = []
    if q.since is not None:
        where.append("at >= %s")
        params.append(_aware(q.since))
    if q.until is not None:
        where.append("at < %s")
        params.append(_aware(q.until))
    if q.actor:
        where.append("lower(actor) = lower(%s)")
        params.append(q.actor)
    if q.action:
        where.append("action = %s")
        params.append(q.action)
    if q.entity:
        where.append("entity = %s")
        params.append(q.entity)
    if q.entity_id is not None and str(q.entity_id) != "":
        where.append("entity_id = %s")
        params.append(str(q.entity_id))
    return (" WHERE " + " AND ".join(where) if where else ""), params


class PostgresStaff:
    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn

    def _one(self, query: str, params: Sequence[Any] = ()) -> Any:
        row = self.conn.execute(query, params).fetchone()
        assert row is not None
        return row[0]

    # --- accounts ---------------------------------------------------------------------

    def count(self) -> int:
        return int(self._one("SELECT count(*) FROM staff"))

    def add(self, new: NewStaff, now: dt.datetime) -> StaffMember:
        try:  # the index on lower(name) decides, for every writer
            with self.conn.transaction():  # a savepoint: the job's transaction stays usable
                row = self.conn.execute(
                    "INSERT INTO staff (name, role, store, extension, queues, secret_hash,"
                    " created_at, updated_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)"
                    f" RETURNING {_STAFF_COLUMNS}",
                    [
                        new.name,
                        new.role.value,
                        new.store,
                        new.extension,
                        queues_text(new.queues),
                        new.secret_hash,
                        _aware(now),
                        now,
                    ],
                ).fetchone()
        except pg_errors.UniqueViolation as exc:
            if exc.diag.constraint_name != _NAME_INDEX:
                raise
            raise StaffNameTaken(new.name) from None
        assert row is not None
        return staff_rows.member(row)

    def get(self, staff_id: int) -> StaffMember:
        row = self.conn.execute(
            f"SELECT {_STAFF_COLUMNS} FROM staff WHERE id = %s", [staff_id]
        ).fetchone()
        if row is None:
            raise StaffNotFound(f"no staff member #{staff_id}")
        return staff_rows.member(row)

    def find(self, name: str) -> Credentials | None:
        row = self.conn.execute(
            f"SELECT {_STAFF_COLUMNS}, secret_hash FROM staff WHERE lower(name) = lower(%s)",
            [name.strip()],
        ).fetchone()
        return None if row is None else staff_rows.credentials(row)

    def all_staff(self) -> list[StaffMember]:
        rows = self.conn.execute(
            f'SELECT {_STAFF_COLUMNS} FROM staff ORDER BY lower(name) COLLATE "C", id'
        ).fetchall()
        return [staff_rows.member(row) for row in rows]

    def update(self, staff_id: int, now: dt.datetime, changes: Mapping[str, Any]) -> StaffUpdate:
        staff_rows.refuse_unchangeable(changes)
        before = self.conn.execute(
            f"SELECT {_CHANGEABLE} FROM staff WHERE id = %s FOR UPDATE",
            [staff_id],
        ).fetchone()
        if before is None:
            raise StaffNotFound(f"no staff member #{staff_id}")
        old = dict(zip(staff_rows.CHANGEABLE, before, strict=True))
        old["active"] = int(old["active"])  # reported as SQLite reports it (1 → 0)
        written, diff = staff_rows.staff_changes(old, changes)
        for key, stored in written.items():
            self.conn.execute(
                f"UPDATE staff SET {key} = %s WHERE id = %s",  # key: one of CHANGEABLE
                [bool(stored) if key == "active" else stored, staff_id],
            )
        if diff:
            self.conn.execute(
                "UPDATE staff SET updated_at = %s WHERE id = %s", [_aware(now), staff_id]
            )
        return StaffUpdate(self.get(staff_id), diff)

    # --- the chains: appending ----------------------------------------------------------

    def _head_for_append(self, chain: str, table: str) -> tuple[int, str]:
        """Lock *chain*'s head row (see the module's docstring) and choose the next id."""
        row = self.conn.execute(
            "SELECT last_id, last_hash FROM chain_heads WHERE name = %s FOR UPDATE", [chain]
        ).fetchone()
        if row is None:
            raise RuntimeError(f"the {chain} chain has no head (schema 0003_staff_audit)")
        # Past any row someone slipped in beyond the head (verify reports that row).
        top = int(self._one(f"SELECT coalesce(max(id), 0) FROM {table}"))
        return max(top, int(row[0])) + 1, str(row[1])

    def _advance(self, chain: str, last_id: int, last_hash: str) -> None:
        self.conn.execute(
            "UPDATE chain_heads SET last_id = %s, last_hash = %s, entries = entries + 1"
            " WHERE name = %s",
            [last_id, last_hash, chain],
        )

    def record_attempt(
        self, staff_id: int | None, name: str, at: dt.datetime, outcome: str
    ) -> None:
        attempt_id, prev = self._head_for_append(ATTEMPTS_CHAIN, "sign_in_attempts")
        row_hash = hash_chains.attempt_hash(
            attempt_id, staff_id=staff_id, name=name, at=_iso(at), outcome=outcome, prev_hash=prev
        )
        self.conn.execute(
            "INSERT INTO sign_in_attempts (id, staff_id, name, at, outcome, prev_hash, hash)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s)",
            [attempt_id, staff_id, name, at, outcome, prev, row_hash],
        )
        self._advance(ATTEMPTS_CHAIN, attempt_id, row_hash)

    def wrong_attempts_since(self, staff_id: int, since: dt.datetime) -> list[dt.datetime]:
        last_ok = self._one(
            "SELECT coalesce(max(id), 0) FROM sign_in_attempts"
            " WHERE staff_id = %s AND outcome = 'ok'",
            [staff_id],
        )
        rows = self.conn.execute(
            "SELECT at FROM sign_in_attempts WHERE staff_id = %s AND outcome = 'wrong'"
            " AND at > %s AND id > %s ORDER BY at, id",
            [staff_id, _aware(since), int(last_ok)],
        ).fetchall()
        return [row[0].astimezone(dt.UTC) for row in rows]

    def append_audit(self, record: AuditRecord) -> int:
        text = staff_rows.fields_text(record.fields)
        entry_id, prev = self._head_for_append(AUDIT_CHAIN, "audit")
        values = {
            "at": _iso(record.at),
            "actor": record.actor,
            "actor_role": record.actor_role,
            "action": record.action,
            "entity": record.entity,
            "entity_id": str(record.entity_id),
            "detail": record.detail,
            "console": record.console,
        }
        fields_digest = hash_chains.digest(text)
        row_hash = hash_chains.audit_hash(
            entry_id, **values, fields_digest=fields_digest, prev_hash=prev
        )
        self.conn.execute(
            "INSERT INTO audit (id, at, actor, actor_role, action, entity, entity_id, fields,"
            " detail, console, fields_digest, prev_hash, hash)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            [
                entry_id,
                record.at,
                record.actor,
                record.actor_role,
                record.action,
                record.entity,
                values["entity_id"],
                text,
                record.detail,
                record.console,
                fields_digest,
                prev,
                row_hash,
            ],
        )
        self._advance(AUDIT_CHAIN, entry_id, row_hash)
        return entry_id

    # --- the audit trail: reading ---------------------------------------------------------

    def audit_entries(
        self, query: AuditQuery | None = None, *, offset: int = 0, limit: int | None = 200
    ) -> list[AuditEntry]:
        where, params = _filters(query)
        sql = f"SELECT {_AUDIT_ENTRY_COLUMNS} FROM audit{where} ORDER BY at DESC, id DESC"
        if limit is not None:
            sql += " LIMIT %s OFFSET %s"
            params += [limit, offset]
        return [
            staff_rows.audit_entry(row, _utc) for row in self.conn.execute(sql, params).fetchall()
        ]

    def count_audit(self, query: AuditQuery | None = None) -> int:
        where, params = _filters(query)
        return int(self._one(f"SELECT count(*) FROM audit{where}", params))

    def last_audit_at(self, query: AuditQuery) -> dt.datetime | None:
        where, params = _filters(query)
        found = self._one(f"SELECT max(at) FROM audit{where}", params)
        return None if found is None else found.astimezone(dt.UTC)

    def redact_audit(
        self,
        entities: Sequence[str],
        entity_ids: Sequence[str | int],
        *,
        customer_id: int,
        at: dt.datetime,
        actor: str,
        actor_role: str,
        console: str = "",
    ) -> int:
        ids = [
            int(row[0])
            for row in self.conn.execute(
                "SELECT id FROM audit WHERE entity = ANY(%s) AND entity_id = ANY(%s)"
                " AND fields <> %s ORDER BY id",
                [list(entities), [str(i) for i in entity_ids], REDACTED],
            ).fetchall()
        ]
        if not ids:
            return 0
        # Erasure's one path into the audit table (a role without UPDATE may call it).
        self.conn.execute("SELECT redact_audit_entries(%s)", [ids])
        self.append_audit(
            staff_rows.redaction(
                ids,
                customer_id=customer_id,
                at=at,
                actor=actor,
                actor_role=actor_role,
                console=console,
            )
        )
        return len(ids)

    # --- the chains: verifying -----------------------------------------------------------

    def verify_chains(self) -> list[ChainReport]:
        """Both chains in the job's snapshot (a read job: one REPEATABLE READ snapshot)."""
        return [self._verify(AUDIT_CHAIN), self._verify(ATTEMPTS_CHAIN)]

    def _rows(self, chain: str, where: str = "") -> Generator[dict[str, Any], None, None]:
        """The rows of *chain* in id order, as the shared link check reads them."""
        columns = _AUDIT_COLUMNS if chain == AUDIT_CHAIN else _ATTEMPT_COLUMNS
        table = "audit" if chain == AUDIT_CHAIN else "sign_in_attempts"
        names = tuple(columns.split(", "))
        # Streamed through a server-side cursor (a trail can be long); closed with the walk.
        name = f"verify_{next(_cursors)}"
        with self.conn.cursor(name=name) as cursor:
            cursor.itersize = 2000
            cursor.execute(f"SELECT {columns} FROM {table}{where} ORDER BY id")
            for row in cursor:
                values = dict(zip(names, row, strict=True))
                values["at"] = _iso(values["at"])
                yield values

    def _redacted_ids(self) -> set[int]:
        """Entries an intact ``redact`` entry says erasure blanked."""
        allowed: set[int] = set()
        for values in self._rows(AUDIT_CHAIN, " WHERE action = 'redact' AND entity = 'audit'"):
            allowed |= hash_chains.listed_redactions(values)
        return allowed

    def _verify(self, chain: str) -> ChainReport:
        """Walk one chain from its first row to its head; the first break (as SQLite's
        ``verify_chain``, link by link with the same check)."""
        redacted = self._redacted_ids() if chain == AUDIT_CHAIN else set()
        head = self.conn.execute(
            "SELECT last_id, last_hash, entries FROM chain_heads WHERE name = %s", [chain]
        ).fetchone()
        head_id, head_hash, head_entries = (
            (int(head[0]), str(head[1]), int(head[2])) if head else (0, "", 0)
        )

        def report(count: int, broken: Break | None) -> ChainReport:
            return ChainReport(chain, count, head_id, head_hash, broken)

        prev: dict[str, Any] | None = None
        count = 0
        rows = self._rows(chain)
        with contextlib.closing(rows):  # its cursor closes even when a break ends the walk
            for values in rows:
                count += 1
                row_id = int(values["id"])
                if row_id > head_id:
                    return report(count, Break(row_id, values["at"], m.ChainAfterEnd()))
                found = hash_chains.check_row(chain, values, prev, redacted)
                if found is not None:
                    return report(count, Break(row_id, values["at"], found))
                prev = values
        return hash_chains.walk_end(chain, count, (head_id, head_hash, head_entries), prev)


if TYPE_CHECKING:  # mypy checks that the adapter implements the interface

    def _implements(conn: psycopg.Connection) -> StaffRepository:
        return PostgresStaff(conn)
