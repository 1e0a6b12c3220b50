"""Schema migrations (sqlite-utils Migrations), applied at open, never destructive.

The schema generation is also written to ``PRAGMA user_version`` so that an older app
can recognise a database made by a newer one and refuse it instead of rewriting it.
Add new steps at the end; never edit a step that has shipped.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from typing import TypeVar

import sqlite_utils
from sqlite_utils.migrations import Migrations

from console.storage.sqlite import driver, instants
from console.storage.sqlite.search_index import rebuild_search_index

log = logging.getLogger(__name__)

APPLICATION_ID = 0x53435331  # "SCS1": marks the file as a Service Console database
MIGRATION_SET = "service_console"

migrations = Migrations(MIGRATION_SET)
# Our own ordered list of the steps' names (sqlite-utils keeps its list private).
MIGRATION_NAMES: list[str] = []
PENDING_SEARCH_REBUILD = "_pending_search_rebuild"


Step = TypeVar("Step", bound=Callable[[sqlite_utils.Database], None])


def migration(name: str) -> Callable[[Step], Step]:
    """Register a schema step with sqlite-utils under *name* and remember its name."""

    def register(fn: Step) -> Step:
        MIGRATION_NAMES.append(name)
        migrations(name=name)(fn)
        return fn

    return register


class SchemaTooNew(Exception):
    def __init__(self, found: int, known: int) -> None:
        super().__init__(f"schema {found} is newer than {known}")
        self.found = found
        self.known = known


class ForeignDatabase(Exception):
    """An SQLite file that belongs to some other program."""


@migration("0001_customers")
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


@migration("0002_search")
def _m0002_search(db: sqlite_utils.Database) -> None:
    # One row per live customer: what the two full-text indexes below hold. Its
    # rank_key orders customers by most recent visit, so every look-up reads matches
    # newest first and stops after a page ("ties broken by most recent visit" for free);
    # as the primary key it also keeps the rows in that order on disk, for prefix scans:
    #   rank_key = ((Unix seconds of the last visit) + 1) << 30 | customer_id
    # with 0 seconds for "never visited" (see console.storage.sqlite.search_index.rank_key).
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
        # Customers saved before search existed are indexed once every step has run (the
        # indexing code reads the customer table as the newest schema has it).
        db.execute(f"CREATE TABLE IF NOT EXISTS {PENDING_SEARCH_REBUILD} (pending INTEGER)")


@migration("0003_phrasebooks")
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


@migration("0004_complaints")
def _m0004_complaints(db: sqlite_utils.Database) -> None:
    # Times are Unix seconds (UTC) in INTEGER columns: compact, compared and subtracted
    # directly by the queues and reports; local dates are converted at the service.
    # Nothing is deleted: a voided complaint keeps its row, status 'voided' and a reason.
    statuses = "'new', 'in_progress', 'resolved', 'followed_up', 'closed', 'voided'"
    db.execute(
        f"""
        CREATE TABLE complaints (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER REFERENCES customers(id),
            caller_name TEXT NOT NULL DEFAULT '',
            caller_contact TEXT NOT NULL DEFAULT '',
            call_id TEXT,
            channel TEXT NOT NULL,
            store TEXT NOT NULL DEFAULT '',
            agent TEXT NOT NULL DEFAULT '',
            received_at INTEGER NOT NULL,
            customer_words TEXT NOT NULL,
            understanding TEXT NOT NULL DEFAULT '',
            confirmed INTEGER NOT NULL DEFAULT 0,
            emotion TEXT NOT NULL DEFAULT 'calm',
            apology TEXT NOT NULL DEFAULT '',
            wants TEXT,
            wants_note TEXT NOT NULL DEFAULT '',
            options_offered TEXT NOT NULL DEFAULT '[]',
            option_chosen TEXT NOT NULL DEFAULT '',
            compensation_kind TEXT,
            compensation_amount_minor INTEGER,
            compensation_currency TEXT NOT NULL DEFAULT '',
            cause TEXT,
            sub_cause TEXT NOT NULL DEFAULT '',
            responsibility TEXT,
            wording TEXT NOT NULL DEFAULT '',
            reply TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ({statuses})),
            promise_due INTEGER,
            first_response_at INTEGER,
            resolved_at INTEGER,
            follow_up_due INTEGER,
            followed_up_at INTEGER,
            satisfaction INTEGER CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),
            void_reason TEXT NOT NULL DEFAULT '',
            notified TEXT NOT NULL DEFAULT '' CHECK (notified IN ('', 'due_soon', 'overdue')),
            updated_at INTEGER NOT NULL
        )
        """
    )
    # Queues: open complaints by promise (partial: only the open ones are indexed) and
    # by arrival; one agent's open complaints; follow-ups waiting; a customer's badge.
    open_ = "status IN ('new', 'in_progress')"
    db.execute(f"CREATE INDEX idx_complaints_open_due ON complaints(promise_due) WHERE {open_}")
    db.execute(
        f"CREATE INDEX idx_complaints_open_received ON complaints(received_at) WHERE {open_}"
    )
    db.execute("CREATE INDEX idx_complaints_agent ON complaints(agent, status, promise_due)")
    db.execute("CREATE INDEX idx_complaints_status_follow_up ON complaints(status, follow_up_due)")
    db.execute("CREATE INDEX idx_complaints_customer ON complaints(customer_id, status)")
    # Reports: one covering index over the received period holds every figure the
    # aggregates need, so a year is read from the index without touching the rows.
    db.execute(
        "CREATE INDEX idx_complaints_report ON complaints(received_at, store, status, cause, "
        "sub_cause, first_response_at, resolved_at, promise_due, customer_id, caller_contact)"
    )
    # Follow-up calls are counted by their own date and joined to their complaint for
    # its status and store: this index answers that join without reading the rows.
    db.execute("CREATE INDEX idx_complaints_id_status ON complaints(id, status, store)")
    db.execute(
        "CREATE INDEX idx_complaints_follow_up_due ON complaints(follow_up_due, store, status, "
        "followed_up_at) WHERE follow_up_due IS NOT NULL"
    )
    # Append-only histories: status changes, promises (made and extended, so the original
    # due time stays), follow-up calls.
    db.execute(
        f"""
        CREATE TABLE complaint_events (
            id INTEGER PRIMARY KEY,
            complaint_id INTEGER NOT NULL REFERENCES complaints(id),
            at INTEGER NOT NULL,
            by TEXT NOT NULL DEFAULT '',
            before TEXT CHECK (before IS NULL OR before IN ({statuses})),
            after TEXT NOT NULL CHECK (after IN ({statuses})),
            note TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute(
        """
        CREATE TABLE complaint_promises (
            id INTEGER PRIMARY KEY,
            complaint_id INTEGER NOT NULL REFERENCES complaints(id),
            at INTEGER NOT NULL,
            by TEXT NOT NULL DEFAULT '',
            due INTEGER NOT NULL,
            previous_due INTEGER,
            note TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute(
        """
        CREATE TABLE complaint_follow_ups (
            id INTEGER PRIMARY KEY,
            complaint_id INTEGER NOT NULL REFERENCES complaints(id),
            at INTEGER NOT NULL,
            by TEXT NOT NULL DEFAULT '',
            satisfaction INTEGER NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
            note TEXT NOT NULL DEFAULT ''
        )
        """
    )
    for table in ("complaint_events", "complaint_promises", "complaint_follow_ups"):
        db.execute(f"CREATE INDEX idx_{table}_complaint ON {table}(complaint_id, id)")
        # The one change allowed: erasing a customer blanks the free-text note.
        same = " AND ".join(
            f'NEW."{c.name}" IS OLD."{c.name}"' for c in db.table(table).columns if c.name != "note"
        )
        for event, when in (("UPDATE", f"WHEN NOT (NEW.note = '' AND {same})"), ("DELETE", "")):
            db.execute(
                f"""
                CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} {when}
                BEGIN
                    SELECT RAISE(ABORT, '{table.replace("_", " ")} are append-only');
                END
                """
            )
    db.execute("CREATE INDEX idx_complaint_follow_ups_at ON complaint_follow_ups(at)")
    db.execute(
        """
        CREATE TRIGGER complaints_no_delete BEFORE DELETE ON complaints
        BEGIN
            SELECT RAISE(ABORT, 'complaints are never deleted; void them with a reason');
        END
        """
    )
    # Drafts of the complaint form, saved as the agent types (one per open form).
    db.execute(
        """
        CREATE TABLE complaint_drafts (
            key TEXT PRIMARY KEY,
            saved_at INTEGER NOT NULL,
            summary TEXT NOT NULL DEFAULT '',
            payload TEXT NOT NULL
        )
        """
    )


@migration("0005_calls")
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


@migration("0006_staff_audit")
def _m0006_staff_audit(db: sqlite_utils.Database) -> None:
    # Staff accounts; the PIN or password only as a salted scrypt hash (domain/staff.py).
    db.execute(
        """
        CREATE TABLE staff (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            role TEXT NOT NULL CHECK (role IN ('agent', 'trainer', 'manager', 'admin')),
            store TEXT NOT NULL DEFAULT '',
            extension TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT '',
            secret_hash TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    # Every sign-in attempt, for lockout and for the audit trail.
    db.execute(
        """
        CREATE TABLE sign_in_attempts (
            id INTEGER PRIMARY KEY,
            staff_id INTEGER REFERENCES staff(id),
            name TEXT NOT NULL,
            at TEXT NOT NULL,
            outcome TEXT NOT NULL
                CHECK (outcome IN ('ok', 'wrong', 'locked', 'unknown', 'inactive'))
        )
        """
    )
    db.execute("CREATE INDEX idx_sign_in_attempts_staff ON sign_in_attempts(staff_id, at)")
    # Append-only audit trail: who, when, what, which record, which fields (before → after).
    # The only change allowed is the redaction of field values when a customer is erased.
    db.execute(
        """
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            actor_role TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL,
            entity TEXT NOT NULL DEFAULT '',
            entity_id TEXT NOT NULL DEFAULT '',
            fields TEXT NOT NULL DEFAULT '{}',
            detail TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX idx_audit_at ON audit(at)")
    db.execute("CREATE INDEX idx_audit_entity ON audit(entity, entity_id, at)")
    db.execute("CREATE INDEX idx_audit_actor ON audit(actor COLLATE NOCASE, at)")
    db.execute(
        """
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN
            SELECT RAISE(ABORT, 'the audit trail is append-only');
        END
        """
    )
    db.execute(
        """
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        WHEN NOT (
            NEW.fields = '{"redacted": true}'
            AND NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.actor IS OLD.actor
            AND NEW.actor_role IS OLD.actor_role AND NEW.action IS OLD.action
            AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id
            AND NEW.detail IS OLD.detail
        )
        BEGIN
            SELECT RAISE(ABORT, 'the audit trail is append-only');
        END
        """
    )


@migration("0007_privacy")
def _m0007_privacy(db: sqlite_utils.Database) -> None:
    # Consent per purpose. The old single flag asked "may we send birthday greetings and
    # offers?", so both purposes start from it.
    db.execute("ALTER TABLE customers ADD COLUMN greetings_consent INTEGER NOT NULL DEFAULT 0")
    db.execute("UPDATE customers SET greetings_consent = marketing_consent")
    db.execute("ALTER TABLE customers ADD COLUMN erased_at TEXT")
    # When and how each consent was given or withdrawn; append-only except that erasure
    # may blank the free-text note.
    db.execute(
        """
        CREATE TABLE consent_events (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            purpose TEXT NOT NULL CHECK (purpose IN ('greetings', 'marketing')),
            granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
            at TEXT NOT NULL,
            method TEXT NOT NULL,
            recorded_by TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX idx_consent_events_customer ON consent_events(customer_id, id)")
    db.execute(
        """
        CREATE TRIGGER consent_events_no_delete BEFORE DELETE ON consent_events
        BEGIN
            SELECT RAISE(ABORT, 'consent history is append-only');
        END
        """
    )
    db.execute(
        """
        CREATE TRIGGER consent_events_no_update BEFORE UPDATE ON consent_events
        WHEN NOT (
            NEW.note = '' AND NEW.id IS OLD.id AND NEW.customer_id IS OLD.customer_id
            AND NEW.purpose IS OLD.purpose AND NEW.granted IS OLD.granted
            AND NEW.at IS OLD.at AND NEW.method IS OLD.method
            AND NEW.recorded_by IS OLD.recorded_by
        )
        BEGIN
            SELECT RAISE(ABORT, 'consent history is append-only');
        END
        """
    )


@migration("0008_erasure_register")
def _m0008_erasure_register(db: sqlite_utils.Database) -> None:
    # Which customers were erased, and when: ids only, nothing personal. A restore of an
    # older backup re-applies it, so an erased customer does not come back. No foreign
    # key: the register outlives the rows it names (and restores of other copies).
    db.execute(
        """
        CREATE TABLE erasures (
            customer_id INTEGER PRIMARY KEY,
            erased_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        "INSERT OR IGNORE INTO erasures (customer_id, erased_at) "
        "SELECT id, erased_at FROM customers WHERE erased_at IS NOT NULL AND erased_at <> ''"
    )


@migration("0009_audit_chain")
def _m0009_audit_chain(db: sqlite_utils.Database) -> None:
    # Hash chains over the audit trail and the sign-in attempts (storage/audit_chain.py):
    # each row's hash covers its columns and the hash of the row before it; chain_heads
    # keeps each chain's newest id and hash so deleting the newest rows shows too.
    from console.storage.sqlite.audit_chain import chain_existing  # storage imports schema

    db.execute("DROP TRIGGER audit_no_update")
    for column in ("fields_digest", "prev_hash", "hash"):
        db.execute(f"ALTER TABLE audit ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
    for column in ("prev_hash", "hash"):
        db.execute(f"ALTER TABLE sign_in_attempts ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
    db.execute(
        """
        CREATE TABLE chain_heads (
            name TEXT PRIMARY KEY,
            last_id INTEGER NOT NULL,
            last_hash TEXT NOT NULL,
            entries INTEGER NOT NULL
        )
        """
    )
    chain_existing(db)
    # Erasure may blank an entry's values and nothing else: the digest and hash stay, so
    # the chain still verifies (a `redact` entry lists what was blanked).
    db.execute(
        """
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        WHEN NOT (
            NEW.fields = '{"redacted": true}'
            AND NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.actor IS OLD.actor
            AND NEW.actor_role IS OLD.actor_role AND NEW.action IS OLD.action
            AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id
            AND NEW.detail IS OLD.detail AND NEW.fields_digest IS OLD.fields_digest
            AND NEW.prev_hash IS OLD.prev_hash AND NEW.hash IS OLD.hash
        )
        BEGIN
            SELECT RAISE(ABORT, 'the audit trail is append-only');
        END
        """
    )
    for event in ("UPDATE", "DELETE"):
        db.execute(
            f"""
            CREATE TRIGGER sign_in_attempts_no_{event.lower()} BEFORE {event}
            ON sign_in_attempts
            BEGIN
                SELECT RAISE(ABORT, 'sign-in attempts are append-only');
            END
            """
        )
    db.execute(
        """
        CREATE TRIGGER chain_heads_no_delete BEFORE DELETE ON chain_heads
        BEGIN
            SELECT RAISE(ABORT, 'the chain heads only move forward');
        END
        """
    )
    db.execute(
        """
        CREATE TRIGGER chain_heads_forward BEFORE UPDATE ON chain_heads
        WHEN NEW.name IS NOT OLD.name OR NEW.last_id <= OLD.last_id
            OR NEW.entries <= OLD.entries
        BEGIN
            SELECT RAISE(ABORT, 'the chain heads only move forward');
        END
        """
    )


@migration("0010_customer_instants")
def _m0010_customer_instants(db: sqlite_utils.Database) -> None:
    # Customers' and their history's times were naive local ISO text (the wall time of
    # the computer that wrote them); from here on they are UTC instants (instants.dump).
    # A naive value is read in the zone of the computer running this (where it was
    # written), DST fold 0. The search ranks derive from the last visit: rebuilt after.
    db.conn.create_function("migrate_instant", 1, instants.migrate_text, deterministic=True)
    db.execute(
        "UPDATE customers SET created_at = migrate_instant(created_at), "
        "updated_at = migrate_instant(updated_at), "
        "last_visit = coalesce(migrate_instant(last_visit), '')"
    )
    for table in ("visits", "purchases", "rewards_redeemed"):
        db.execute(f"UPDATE {table} SET at = migrate_instant(at)")
    if db.execute("SELECT EXISTS (SELECT 1 FROM customers WHERE last_visit != '')").fetchone()[0]:
        db.execute(f"CREATE TABLE IF NOT EXISTS {PENDING_SEARCH_REBUILD} (pending INTEGER)")


@migration("0011_customer_keys")
def _m0011_customer_keys(db: sqlite_utils.Database) -> None:
    # No two live customers share a phone, an e-mail (ASCII case folded, as the duplicate
    # check compares) or a member number, enforced by the database, so that two consoles
    # saving at once cannot both get past the check. Staff may still keep a duplicate on purpose
    # ("save anyway", to merge later): the keys it shares are marked (email_shared,
    # member_no_shared, a phone's shared) and the indexes leave those out. Duplicates
    # already stored stay: every holder of a key after its first (lowest id) is marked.
    db.execute("ALTER TABLE customers ADD COLUMN email_shared INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE customers ADD COLUMN member_no_shared INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE phones ADD COLUMN shared INTEGER NOT NULL DEFAULT 0")
    db.execute(
        "UPDATE phones SET shared = 1 WHERE id IN (SELECT id FROM (SELECT id, row_number() "
        "OVER (PARTITION BY e164 ORDER BY customer_id, id) AS n FROM phones) WHERE n > 1)"
    )
    for column, key in (("email", "lower(email)"), ("member_no", "member_no")):
        db.execute(
            f"UPDATE customers SET {column}_shared = 1 WHERE id IN (SELECT id FROM ("
            f"SELECT id, row_number() OVER (PARTITION BY {key} ORDER BY id) AS n "
            f"FROM customers WHERE {column} != '' AND merged_into IS NULL) WHERE n > 1)"
        )
    # Enforced by triggers over the lookup indexes the duplicate check already uses
    # (idx_customers_email, idx_customers_member_no, idx_phones_e164) rather than by a
    # second, unique index per key that every write would also maintain. RAISE(ABORT) is
    # a constraint error: storage turns it into the duplicate check's refusal.
    live_key_taken = (
        "NEW.merged_into IS NULL AND ("
        "(NEW.email != '' AND NEW.email_shared = 0 AND EXISTS (SELECT 1 FROM customers c "
        "WHERE lower(c.email) = lower(NEW.email) AND c.email != '' AND c.email_shared = 0 "
        "AND c.merged_into IS NULL AND c.id != NEW.id)) OR "
        "(NEW.member_no != '' AND NEW.member_no_shared = 0 AND EXISTS (SELECT 1 "
        "FROM customers c WHERE c.member_no = NEW.member_no AND c.member_no != '' "
        "AND c.member_no_shared = 0 AND c.merged_into IS NULL AND c.id != NEW.id)))"
    )
    phone_taken = (
        "NEW.shared = 0 AND EXISTS (SELECT 1 FROM phones p JOIN customers c "
        "ON c.id = p.customer_id WHERE p.e164 = NEW.e164 AND p.shared = 0 "
        "AND p.customer_id != NEW.customer_id AND c.merged_into IS NULL)"
    )
    for name, event, table, taken in (
        ("customer_keys_unique_insert", "INSERT", "customers", live_key_taken),
        (
            "customer_keys_unique_update",
            "UPDATE OF email, member_no, merged_into, email_shared, member_no_shared",
            "customers",
            live_key_taken,
        ),
        ("phone_unique_insert", "INSERT", "phones", phone_taken),
        ("phone_unique_update", "UPDATE OF e164, shared, customer_id", "phones", phone_taken),
    ):
        db.execute(
            f"CREATE TRIGGER {name} BEFORE {event} ON {table} WHEN {taken} "
            "BEGIN SELECT RAISE(ABORT, 'a phone, e-mail or member number is taken'); END"
        )


@migration("0012_customer_versions")
def _m0012_customer_versions(db: sqlite_utils.Database) -> None:
    # Optimistic concurrency: every save of a customer's record moves its version on and
    # says who saved it (with updated_at, when); a save over a newer version is refused.
    db.execute("ALTER TABLE customers ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
    db.execute("ALTER TABLE customers ADD COLUMN changed_by TEXT NOT NULL DEFAULT ''")


# --- issue 13: one stored form for instants, versions and owned drafts ---------------------

_COMPLAINT_INSTANTS = {
    "complaints": (
        "received_at",
        "promise_due",
        "first_response_at",
        "resolved_at",
        "follow_up_due",
        "followed_up_at",
        "updated_at",
    ),
    "complaint_events": ("at",),
    "complaint_promises": ("at", "due", "previous_due"),
    "complaint_follow_ups": ("at",),
    "complaint_drafts": ("saved_at",),
}


def _epoch_text(value: int | float | str | None) -> int | float | str | None:
    """A legacy Unix-seconds value as stored instant text (anything else unchanged)."""
    return instants.from_epoch(value) if isinstance(value, int | float) else value


@migration("0013_complaint_instants")
def _m0013_complaint_instants(db: sqlite_utils.Database) -> None:
    # Complaint times were Unix seconds in INTEGER columns; they become the one stored
    # form of an instant (storage/sqlite/instants.py: UTC ISO text of fixed width, so the
    # queues' and reports' range comparisons still work, as text). The append-only and
    # no-delete triggers are set aside while the values are rewritten and the columns
    # retyped (sqlite-utils' transform rebuilds each table and keeps its indexes), then
    # put back exactly as they were.
    tables = tuple(_COMPLAINT_INSTANTS)
    marks = ", ".join("?" * len(tables))
    triggers = db.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({marks})",
        tables,
    ).fetchall()
    for name, _ in triggers:
        db.execute(f'DROP TRIGGER "{name}"')
    db.conn.create_function("_epoch_text", 1, _epoch_text, deterministic=True)
    for table, columns in _COMPLAINT_INSTANTS.items():
        sets = ", ".join(f"{c} = _epoch_text({c})" for c in columns)
        db.execute(f"UPDATE {table} SET {sets}")
        db.table(table).transform(types=dict.fromkeys(columns, str))
    for _, sql in triggers:
        db.execute(sql)
    # The rebuilt tables get fresh statistics for the planner (this also makes SQLite's
    # statistics table now, with the schema, rather than at some later close).
    for table in tables:
        db.execute(f"ANALYZE {table}")


_CALL_INSTANTS = ("started_at", "answered_at", "ended_at", "called_back_at")


@migration("0014_call_instants")
def _m0014_call_instants(db: sqlite_utils.Database) -> None:
    # Call times were naive wall times of this computer's zone ("2026-11-02T09:00:00");
    # they become UTC instants in the one stored form, read in the zone they were written
    # in (this computer's), so a call logged before a DST change still sorts and shows
    # right after it.
    db.conn.create_function("_local_text", 1, instants.migrate_text, deterministic=True)
    sets = ", ".join(f"{c} = _local_text({c})" for c in _CALL_INSTANTS)
    db.execute(f"UPDATE calls SET {sets}")


@migration("0015_complaint_versions_drafts")
def _m0015_complaint_versions_drafts(db: sqlite_utils.Database) -> None:
    # Optimistic concurrency: every change bumps a complaint's version and says who made
    # it (updated_at says when); a save made from an older version is refused. Existing
    # complaints start at version 1, last changed by whoever wrote their last history entry.
    db.execute("ALTER TABLE complaints ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
    db.execute("ALTER TABLE complaints ADD COLUMN changed_by TEXT NOT NULL DEFAULT ''")
    db.execute(
        "UPDATE complaints SET changed_by = coalesce((SELECT e.by FROM complaint_events e "
        "WHERE e.complaint_id = complaints.id ORDER BY e.id DESC LIMIT 1), agent)"
    )
    # Drafts belong to the person and the console that typed them. Older drafts say
    # neither, and are offered to nobody (a complaint draft holds a customer's words).
    db.execute("ALTER TABLE complaint_drafts ADD COLUMN owner TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE complaint_drafts ADD COLUMN console TEXT NOT NULL DEFAULT ''")
    db.execute("CREATE INDEX idx_complaint_drafts_owner ON complaint_drafts(owner, console)")


def _instant_text(value: str | None) -> str | None:
    """A stored time as an instant's text; empty and unreadable values stay as they are
    (a database must still open; the reader reports what it cannot read)."""
    from console.storage.sqlite.instants import migrate_text

    if not value:
        return value
    try:
        return migrate_text(value)
    except ValueError:
        return value


def _to_instants(
    db: sqlite_utils.Database, table: str, key: str, *columns: str, where: str = "1"
) -> None:
    """Rewrite *columns* of the rows of *table* as stored instants (UTC text, see
    :mod:`console.storage.sqlite.instants`): naive text was written as this computer's
    wall time, aware text keeps its instant; already-converted values stay as they are."""
    names = ", ".join(columns)
    rows = db.execute(f"SELECT {key}, {names} FROM {table} WHERE {where}").fetchall()
    updates = [
        [*(_instant_text(value) for value in row[1:]), row[0]]
        for row in rows
        if any(value != _instant_text(value) for value in row[1:])
    ]
    if updates:
        assignments = ", ".join(f"{column} = ?" for column in columns)
        db.conn.executemany(f"UPDATE {table} SET {assignments} WHERE {key} = ?", updates)


@migration("0016_phrasebook_instants")
def _m0016_phrasebook_instants(db: sqlite_utils.Database) -> None:
    # Phrasebook times were naive local text ("2026-11-28T10:00:00"): now UTC instants.
    # The history is append-only: its guard steps aside for the rewrite, then returns.
    _to_instants(db, "phrasebooks", "id", "created_at")
    _to_instants(db, "phrasebook_entries", "id", "changed_at")
    db.execute("DROP TRIGGER phrasebook_history_no_update")
    _to_instants(db, "phrasebook_history", "id", "at")
    db.execute(
        """
        CREATE TRIGGER phrasebook_history_no_update
        BEFORE UPDATE ON phrasebook_history
        BEGIN
            SELECT RAISE(ABORT, 'phrasebook history is append-only');
        END
        """
    )


@migration("0017_privacy_instants")
def _m0017_privacy_instants(db: sqlite_utils.Database) -> None:
    # Consent and erasure times were ISO text with the local offset (or none): now UTC
    # instants. The audit trail is not touched: it always held UTC text, and its rows
    # are hash-chained. Consent history is append-only: its guard steps aside meanwhile.
    db.execute("DROP TRIGGER consent_events_no_update")
    _to_instants(db, "consent_events", "id", "at")
    db.execute(
        """
        CREATE TRIGGER consent_events_no_update BEFORE UPDATE ON consent_events
        WHEN NOT (
            NEW.note = '' AND NEW.id IS OLD.id AND NEW.customer_id IS OLD.customer_id
            AND NEW.purpose IS OLD.purpose AND NEW.granted IS OLD.granted
            AND NEW.at IS OLD.at AND NEW.method IS OLD.method
            AND NEW.recorded_by IS OLD.recorded_by
        )
        BEGIN
            SELECT RAISE(ABORT, 'consent history is append-only');
        END
        """
    )
    _to_instants(db, "erasures", "customer_id", "erased_at")
    _to_instants(db, "customers", "id", "erased_at", where="erased_at <> ''")


@migration("0018_audit_console")
def _m0018_audit_console(db: sqlite_utils.Database) -> None:
    # Which enrolled console sent the request an entry records (a console server's
    # trail; a desk leaves it empty). Entries without one hash as before (audit/1), so
    # the rows already chained verify untouched; the guard learns the new column, so
    # erasure's blanking still may not change it.
    db.execute("ALTER TABLE audit ADD COLUMN console TEXT NOT NULL DEFAULT ''")
    db.execute("DROP TRIGGER audit_no_update")
    db.execute(
        """
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        WHEN NOT (
            NEW.fields = '{"redacted": true}'
            AND NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.actor IS OLD.actor
            AND NEW.actor_role IS OLD.actor_role AND NEW.action IS OLD.action
            AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id
            AND NEW.detail IS OLD.detail AND NEW.fields_digest IS OLD.fields_digest
            AND NEW.prev_hash IS OLD.prev_hash AND NEW.hash IS OLD.hash
            AND NEW.console IS OLD.console
        )
        BEGIN
            SELECT RAISE(ABORT, 'the audit trail is append-only');
        END
        """
    )


@migration("0019_staff_queues")
def _m0019_staff_queues(db: sqlite_utils.Database) -> None:
    # The call queues a staff member answers (a server routes a call naming only a queue
    # to its members' consoles): the names as given, separated by commas ("sales,vip").
    db.execute("ALTER TABLE staff ADD COLUMN queues TEXT NOT NULL DEFAULT ''")


def known_version() -> int:
    return len(MIGRATION_NAMES)


def check_not_newer(conn: sqlite3.Connection) -> None:
    """Raise SchemaTooNew / ForeignDatabase. Reads only: nothing is written."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    tables = {
        str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if app_id not in (0, APPLICATION_ID) or (
        app_id == 0
        and tables
        and "customers" not in tables
        and Migrations.migrations_table not in tables
    ):
        raise ForeignDatabase("the file belongs to another program")
    if version > known_version():
        raise SchemaTooNew(version, known_version())
    known = set(MIGRATION_NAMES)
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


#: Steps that rewrite every row of large tables (each stored time, as UTC text). The rows
#: grow and their pages split: a database that went through one is compacted afterwards
#: (see :func:`migrate`).
REWRITING_STEPS = frozenset(
    {"0010_customer_instants", "0013_complaint_instants", "0014_call_instants"}
)


def migrate(db: sqlite_utils.Database) -> None:
    pending = [m.name for m in migrations.pending(db)]
    if not pending:
        return
    # A database made before a rewriting step (not a new one: it has nothing to rewrite).
    rewritten = bool(REWRITING_STEPS.intersection(pending)) and bool(migrations.applied(db))
    migrations.apply(db)
    if PENDING_SEARCH_REBUILD in db.table_names():
        rebuild_search_index(db)
        db.execute(f"DROP TABLE {PENDING_SEARCH_REBUILD}")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {known_version()}")
    if rewritten and not db.conn.in_transaction:
        # Once, after the rewrite: at 1,000,000 customers the migration takes 268 s and
        # this 21 s more, and the customer profile is read in 21 ms p50 after it, 27 ms
        # without (README, Performance). VACUUM is all or nothing: should it fail (no room
        # for the copy), the database stays as the migration left it, correct, and the
        # next rewriting migration tries again.
        try:
            db.execute("VACUUM")
        except driver.OperationalError as exc:
            log.warning("the database was migrated but not compacted: %s", exc)


# Migrations 0010-0012: customers, their history and the search index (issue 13).
