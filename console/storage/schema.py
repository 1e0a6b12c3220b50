"""Schema migrations (sqlite-utils Migrations), applied at open, never destructive.

The schema generation is also written to ``PRAGMA user_version`` so that an older app
can recognise a database made by a newer one and refuse it instead of rewriting it.
Add new steps at the end; never edit a step that has shipped.
"""

from __future__ import annotations

import sqlite3

import sqlite_utils
from sqlite_utils.migrations import Migrations

APPLICATION_ID = 0x53435331  # "SCS1": marks the file as a Service Console database
MIGRATION_SET = "service_console"

migrations = Migrations(MIGRATION_SET)


class SchemaTooNew(Exception):
    def __init__(self, found: int, known: int) -> None:
        super().__init__(f"schema {found} is newer than {known}")
        self.found = found
        self.known = known


class ForeignDatabase(Exception):
    """An SQLite file that belongs to some other program."""


@migrations(name="0001_customers")
def _m0001_customers(db: sqlite_utils.Database) -> None:
    db.execute(
        """
        CREATE TABLE customers (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            preferred_name TEXT NOT NULL DEFAULT '',
            romanisation TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            member_no TEXT NOT NULL DEFAULT '',
            birthday_month INTEGER,
            birthday_day INTEGER,
            birthday_year INTEGER,
            preferences TEXT NOT NULL DEFAULT '[]',
            dislikes TEXT NOT NULL DEFAULT '[]',
            avoid_topics TEXT NOT NULL DEFAULT '[]',
            notes TEXT NOT NULL DEFAULT '',
            tier TEXT NOT NULL DEFAULT 'regular',
            assigned_staff TEXT NOT NULL DEFAULT '',
            marketing_consent INTEGER NOT NULL DEFAULT 0,
            customer_kind TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            visit_count INTEGER NOT NULL DEFAULT 0,
            last_visit TEXT NOT NULL DEFAULT '',
            merged_into INTEGER REFERENCES customers(id)
        )
        """
    )
    db.execute("CREATE INDEX idx_customers_member_no ON customers(member_no) WHERE member_no != ''")
    db.execute("CREATE INDEX idx_customers_email ON customers(lower(email)) WHERE email != ''")
    db.execute(
        "CREATE INDEX idx_customers_birthday ON customers(birthday_month, birthday_day) "
        "WHERE birthday_month IS NOT NULL"
    )
    db.execute("CREATE INDEX idx_customers_last_visit ON customers(last_visit)")
    db.execute(
        """
        CREATE TABLE phones (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            e164 TEXT NOT NULL,
            label TEXT NOT NULL DEFAULT 'mobile',
            position INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    db.execute("CREATE INDEX idx_phones_customer ON phones(customer_id)")
    db.execute("CREATE INDEX idx_phones_e164 ON phones(e164)")
    db.execute(
        """
        CREATE TABLE important_dates (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            label TEXT NOT NULL,
            month INTEGER NOT NULL,
            day INTEGER NOT NULL,
            year INTEGER
        )
        """
    )
    db.execute("CREATE INDEX idx_dates_customer ON important_dates(customer_id)")
    db.execute("CREATE INDEX idx_dates_month_day ON important_dates(month, day)")
    db.execute(
        """
        CREATE TABLE visits (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            at TEXT NOT NULL,
            store TEXT NOT NULL DEFAULT '',
            staff TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX idx_visits_customer_at ON visits(customer_id, at)")
    db.execute(
        """
        CREATE TABLE purchases (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            at TEXT NOT NULL,
            store TEXT NOT NULL DEFAULT '',
            channel TEXT NOT NULL DEFAULT '',
            currency TEXT NOT NULL DEFAULT 'CNY',
            total_minor INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    db.execute("CREATE INDEX idx_purchases_customer_at ON purchases(customer_id, at)")
    db.execute(
        """
        CREATE TABLE purchase_items (
            id INTEGER PRIMARY KEY,
            purchase_id INTEGER NOT NULL REFERENCES purchases(id),
            name TEXT NOT NULL,
            quantity INTEGER NOT NULL DEFAULT 1,
            price_minor INTEGER NOT NULL DEFAULT 0,
            category TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX idx_purchase_items_purchase ON purchase_items(purchase_id)")
    db.execute(
        """
        CREATE TABLE rewards_redeemed (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            at TEXT NOT NULL,
            staff TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX idx_rewards_customer ON rewards_redeemed(customer_id)")
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


@migrations(name="0002_search")
def _m0002_search(db: sqlite_utils.Database) -> None:
    # One row per live customer: what the two full-text indexes below hold. Its
    # rank_key orders customers by most recent visit, so every look-up reads matches
    # newest first and stops after a page ("ties broken by most recent visit" for free);
    # as the primary key it also keeps the rows in that order on disk, for prefix scans:
    #   rank_key = ((Unix seconds of the last visit) + 1) << 30 | customer_id
    # with 0 seconds for "never visited" (see console.storage.customers.rank_key).
    db.execute(
        """
        CREATE TABLE search_docs (
            rank_key INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL UNIQUE REFERENCES customers(id),
            names TEXT NOT NULL,
            terms TEXT NOT NULL
        )
        """
    )
    # Whole values, words, Chinese fragments, identifiers and reversed phone digits, one
    # tagged token each (" wzhangwei tzhang s张 x...", see console.domain.search_text):
    # exact look-ups are single-token queries, prefixes are prefix queries.
    db.execute(
        """
        CREATE VIRTUAL TABLE search_terms USING fts5(
            terms, content='search_docs', content_rowid='rank_key',
            tokenize='ascii', detail='none', columnsize=0
        )
        """
    )
    # Substrings of 3+ characters of the names: a trigram index.
    db.execute(
        """
        CREATE VIRTUAL TABLE search_docs_fts USING fts5(
            names, content='search_docs', content_rowid='rank_key', tokenize='trigram',
            columnsize=0
        )
        """
    )
    # Both indexes follow search_docs through triggers, in the writer's transaction.
    # (columnsize=0: nothing here is ranked by relevance, so no per-row sizes to keep.)
    db.execute(
        """
        CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
            INSERT INTO search_terms (rowid, terms) VALUES (new.rank_key, new.terms);
            INSERT INTO search_docs_fts (rowid, names) VALUES (new.rank_key, new.names);
        END
        """
    )
    db.execute(
        """
        CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
            INSERT INTO search_terms (search_terms, rowid, terms)
                VALUES ('delete', old.rank_key, old.terms);
            INSERT INTO search_docs_fts (search_docs_fts, rowid, names)
                VALUES ('delete', old.rank_key, old.names);
        END
        """
    )
    db.execute(
        """
        CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN
            INSERT INTO search_terms (search_terms, rowid, terms)
                VALUES ('delete', old.rank_key, old.terms);
            INSERT INTO search_docs_fts (search_docs_fts, rowid, names)
                VALUES ('delete', old.rank_key, old.names);
            INSERT INTO search_terms (rowid, terms) VALUES (new.rank_key, new.terms);
            INSERT INTO search_docs_fts (rowid, names) VALUES (new.rank_key, new.names);
        END
        """
    )
    if db.execute("SELECT 1 FROM customers LIMIT 1").fetchone():
        # Customers saved before search existed (storage imports schema: import lazily).
        from console.storage.customers import rebuild_search_index

        rebuild_search_index(db)


@migrations(name="0003_phrasebooks")
def _m0003_phrasebooks(db: sqlite_utils.Database) -> None:
    # One phrasebook per brand; the active one is the ``active_phrasebook`` setting.
    db.execute(
        """
        CREATE TABLE phrasebooks (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            created_at TEXT NOT NULL
        )
        """
    )
    # A deleted entry is hidden (deleted = 1) but kept, so its history stays whole.
    db.execute(
        """
        CREATE TABLE phrasebook_entries (
            id INTEGER PRIMARY KEY,
            phrasebook_id INTEGER NOT NULL REFERENCES phrasebooks(id),
            kind TEXT NOT NULL CHECK (kind IN ('approved', 'taboo')),
            language TEXT NOT NULL,
            text TEXT NOT NULL,
            severity TEXT CHECK (severity IS NULL OR severity IN ('block', 'warn', 'hint')),
            replacements TEXT NOT NULL DEFAULT '[]',
            reason TEXT NOT NULL DEFAULT '',
            situation TEXT,
            exceptions TEXT NOT NULL DEFAULT '[]',
            variant_insensitive INTEGER NOT NULL DEFAULT 1,
            author TEXT NOT NULL DEFAULT '',
            changed_at TEXT NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    db.execute(
        "CREATE INDEX idx_phrasebook_entries_book ON phrasebook_entries(phrasebook_id, deleted)"
    )
    # Append-only: every change with the entry before and after it (JSON, NULL when the
    # entry was absent or deleted), so any earlier version can be restored.
    db.execute(
        """
        CREATE TABLE phrasebook_history (
            id INTEGER PRIMARY KEY,
            entry_id INTEGER NOT NULL REFERENCES phrasebook_entries(id),
            phrasebook_id INTEGER NOT NULL REFERENCES phrasebooks(id),
            action TEXT NOT NULL
                CHECK (action IN ('create', 'update', 'delete', 'restore', 'import')),
            before TEXT,
            after TEXT,
            author TEXT NOT NULL,
            at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX idx_phrasebook_history_entry ON phrasebook_history(entry_id, id)")
    db.execute("CREATE INDEX idx_phrasebook_history_book ON phrasebook_history(phrasebook_id, id)")
    for event in ("UPDATE", "DELETE"):
        db.execute(
            f"""
            CREATE TRIGGER phrasebook_history_no_{event.lower()}
            BEFORE {event} ON phrasebook_history
            BEGIN
                SELECT RAISE(ABORT, 'phrasebook history is append-only');
            END
            """
        )


@migrations(name="0005_calls")
def _m0005_calls(db: sqlite_utils.Database) -> None:
    # Every call the PBX reports (Generic CTI events), matched to a customer when the
    # number allows. call_id is the PBX's id (unique per call session). ``number`` is the
    # customer's side in E.164 (NULL: withheld or not a valid number); ``match`` says how
    # customer_id was found; ``candidates`` (JSON ids) are the customers sharing the
    # number when the agent has to choose.
    db.execute(
        """
        CREATE TABLE calls (
            id INTEGER PRIMARY KEY,
            call_id TEXT NOT NULL UNIQUE,
            direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
            from_number TEXT NOT NULL DEFAULT '',
            to_number TEXT NOT NULL DEFAULT '',
            number TEXT,
            customer_id INTEGER REFERENCES customers(id),
            match TEXT NOT NULL DEFAULT 'none' CHECK (match IN ('exact', 'probable', 'none')),
            candidates TEXT NOT NULL DEFAULT '[]',
            state TEXT NOT NULL
                CHECK (state IN ('ringing', 'answered', 'ended', 'missed')),
            users TEXT NOT NULL DEFAULT '[]',
            queue TEXT NOT NULL DEFAULT '',
            answered_by TEXT NOT NULL DEFAULT '',
            cause TEXT NOT NULL DEFAULT '',
            started_at TEXT NOT NULL,
            answered_at TEXT,
            ended_at TEXT,
            called_back_at TEXT
        )
        """
    )
    db.execute("CREATE INDEX idx_calls_started ON calls(started_at)")
    db.execute("CREATE INDEX idx_calls_customer ON calls(customer_id, started_at)")
    db.execute("CREATE INDEX idx_calls_number ON calls(number, started_at)")


def known_version() -> int:
    return len(migrations._migrations)


def check_not_newer(conn: sqlite3.Connection) -> None:
    """Raise SchemaTooNew / ForeignDatabase. Reads only: nothing is written."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    tables = {
        str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if app_id not in (0, APPLICATION_ID) or (
        app_id == 0 and tables and "customers" not in tables and "_sqlite_migrations" not in tables
    ):
        raise ForeignDatabase("the file belongs to another program")
    if version > known_version():
        raise SchemaTooNew(version, known_version())
    known = {m.name for m in migrations._migrations}
    applied: list[str] = []
    if Migrations.migrations_table in tables:
        applied = [
            str(r[0])
            for r in conn.execute(
                f"SELECT name FROM {Migrations.migrations_table} WHERE migration_set = ?",
                [MIGRATION_SET],
            )
        ]
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise SchemaTooNew(version + len(unknown), known_version())


def migrate(db: sqlite_utils.Database) -> None:
    if not migrations.pending(db):
        return
    migrations.apply(db)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {known_version()}")
