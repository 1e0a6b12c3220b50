"""The PostgreSQL schema, as ordered named steps (the same idea as SQLite's migrations).

Each step runs once, in its own transaction, recorded in ``schema_migrations``; a
database that has a step this app does not know was migrated by a newer app and is
refused untouched. Several servers starting at once take an advisory lock, so one of them
migrates and the others wait and find nothing left to do.
"""

from __future__ import annotations

from collections.abc import Callable

import psycopg

from console.repositories.errors import StoreError

Step = Callable[[psycopg.Connection], None]

STEPS: list[tuple[str, Step]] = []

#: Any constant 64-bit number unique to this app: the key of the migration lock.
_LOCK = 0x5EC0_C0DE_0015


def step(name: str) -> Callable[[Step], Step]:
    def register(fn: Step) -> Step:
        if any(known == name for known, _ in STEPS):
            raise ValueError(f"two migration steps named {name}")
        STEPS.append((name, fn))
        return fn

    return register


class NewerSchemaError(StoreError):
    pass


@step("0001_settings")
def _settings(conn: psycopg.Connection) -> None:
    conn.execute(
        "CREATE TABLE settings ( key text PRIMARY KEY CHECK (key <> ''), value jsonb NOT NULL)"
    )


@step("0002_consoles")
def _consoles(conn: psycopg.Connection) -> None:
    conn.execute(
        "CREATE TABLE enrolment_codes ("
        " code_digest text PRIMARY KEY,"
        " expires_at timestamptz NOT NULL,"
        " made_by text NOT NULL)"
    )
    conn.execute(
        "CREATE TABLE consoles ("
        " id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
        " name text NOT NULL CHECK (name <> ''),"
        " token_digest text NOT NULL UNIQUE,"
        " enrolled_at timestamptz NOT NULL,"
        " enrolled_by text NOT NULL,"
        " revoked_at timestamptz,"
        " revoked_by text NOT NULL DEFAULT '')"
    )


#: SQLite's COLLATE NOCASE folds ASCII letters only: so do the phrasebook names here.
_ASCII_LOWER = "translate({}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"


@step("0004_phrasebooks")
def _phrasebooks(conn: psycopg.Connection) -> None:
    # One book per brand, its name unique ignoring ASCII case (the constraint decides for
    # every writer); ``version`` counts its changes (the row every change updates, so two
    # writers of one book are serialized and the counter follows the commit order).
    conn.execute(
        "CREATE TABLE phrasebooks ("
        " id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
        " name text NOT NULL CHECK (name <> '' AND name = btrim(name)),"
        f" name_key text GENERATED ALWAYS AS ({_ASCII_LOWER.format('name')}) STORED"
        "  CONSTRAINT phrasebooks_name_unique UNIQUE,"
        " created_at timestamptz NOT NULL,"
        " version bigint NOT NULL DEFAULT 0 CHECK (version >= 0))"
    )
    # A deleted entry is hidden (deleted) but kept, so its history stays whole.
    conn.execute(
        "CREATE TABLE phrasebook_entries ("
        " id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
        " phrasebook_id bigint NOT NULL REFERENCES phrasebooks (id),"
        " kind text NOT NULL CHECK (kind IN ('approved', 'taboo')),"
        " language text NOT NULL,"
        " text text NOT NULL,"
        " severity text CHECK (severity IN ('block', 'warn', 'hint')),"
        " replacements text[] NOT NULL DEFAULT '{}',"
        " reason text NOT NULL DEFAULT '',"
        " situation text,"
        " exceptions text[] NOT NULL DEFAULT '{}',"
        " variant_insensitive boolean NOT NULL DEFAULT true,"
        " author text NOT NULL DEFAULT '',"
        " changed_at timestamptz NOT NULL,"
        " deleted boolean NOT NULL DEFAULT false)"
    )
    conn.execute(
        "CREATE INDEX phrasebook_entries_book ON phrasebook_entries (phrasebook_id, deleted, id)"
    )
    # Append-only: every change with the entry before and after it (NULL when absent or
    # deleted) and the book's version it made (one change, one version).
    conn.execute(
        "CREATE TABLE phrasebook_history ("
        " id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
        " entry_id bigint NOT NULL REFERENCES phrasebook_entries (id),"
        " phrasebook_id bigint NOT NULL REFERENCES phrasebooks (id),"
        " book_version bigint NOT NULL,"
        " action text NOT NULL"
        "  CHECK (action IN ('create', 'update', 'delete', 'restore', 'import')),"
        " before jsonb,"
        " after jsonb,"
        " author text NOT NULL,"
        " at timestamptz NOT NULL,"
        " UNIQUE (phrasebook_id, book_version))"
    )
    conn.execute("CREATE INDEX phrasebook_history_entry ON phrasebook_history (entry_id, id)")
    conn.execute(
        "CREATE FUNCTION phrasebook_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$"
        " BEGIN RAISE EXCEPTION 'phrasebook history is append-only'"
        " USING ERRCODE = 'integrity_constraint_violation'; END $$"
    )
    conn.execute(
        "CREATE TRIGGER phrasebook_history_no_change BEFORE UPDATE OR DELETE"
        " ON phrasebook_history FOR EACH ROW EXECUTE FUNCTION phrasebook_history_append_only()"
    )
    conn.execute(
        "CREATE TRIGGER phrasebook_history_no_truncate BEFORE TRUNCATE"
        " ON phrasebook_history FOR EACH STATEMENT"
        " EXECUTE FUNCTION phrasebook_history_append_only()"
    )


def applied(conn: psycopg.Connection) -> list[str]:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
    )
    return [row[0] for row in conn.execute("SELECT name FROM schema_migrations ORDER BY name")]


def migrate(conn: psycopg.Connection) -> list[str]:
    """Bring the database up to this app's schema; the names of the steps it ran."""
    ran: list[str] = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK])
        done = set(applied(conn))
        known = {name for name, _ in STEPS}
        newer = sorted(done - known)
        if newer:
            raise NewerSchemaError(
                "this database was set up by a newer version of Service Console "
                f"(it has {newer[-1]}); update the server before starting it"
            )
        for name, fn in STEPS:
            if name in done:
                continue
            with conn.transaction():
                fn(conn)
                conn.execute("INSERT INTO schema_migrations (name) VALUES (%s)", [name])
            ran.append(name)
    return ran
