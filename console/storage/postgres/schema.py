"""The PostgreSQL schema, as ordered named steps (the same idea as SQLite's migrations).

Each step runs once, in its own transaction, recorded in ``schema_migrations``; a
database that has a step this app does not know was migrated by a newer app and is
refused untouched. Several servers starting at once take an advisory lock, so one of them
migrates and the others wait and find nothing left to do.
"""

from __future__ import annotations

from collections.abc import Callable

import psycopg
from psycopg import sql

from console.repositories.errors import StoreError
from console.repositories.staff import REDACTED

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


@step("0003_staff_audit")
def _staff_audit(conn: psycopg.Connection) -> None:
    # Staff accounts: ids from an identity column; names unique in any case by an index on
    # lower(name) (the repository turns its violation into StaffNameTaken).
    conn.execute(
        "CREATE TABLE staff ("
        " id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
        " name text NOT NULL CHECK (name <> ''),"
        " role text NOT NULL CHECK (role IN ('agent', 'trainer', 'manager', 'admin')),"
        " store text NOT NULL DEFAULT '',"
        " extension text NOT NULL DEFAULT '',"
        " language text NOT NULL DEFAULT '',"
        " secret_hash text NOT NULL,"
        " active boolean NOT NULL DEFAULT true,"
        " created_at timestamptz NOT NULL,"
        " updated_at timestamptz NOT NULL)"
    )
    conn.execute("CREATE UNIQUE INDEX staff_name_any_case ON staff (lower(name))")
    # The sign-in attempts and the audit trail are hash chains (storage/sqlite/audit_chain.py
    # states the rule; both backends hash the same bytes). An entry's id is part of its
    # hash, so ids come from the chain's head (no gaps), not from a sequence: the append
    # locks the head row, see staff_repository.py. `fields` stays text, the exact JSON
    # that was hashed (jsonb would re-serialise it and the digest would no longer match).
    conn.execute(
        "CREATE TABLE sign_in_attempts ("
        " id bigint PRIMARY KEY CHECK (id > 0),"
        " staff_id bigint REFERENCES staff (id),"
        " name text NOT NULL,"
        " at timestamptz NOT NULL,"
        " outcome text NOT NULL"
        "  CHECK (outcome IN ('ok', 'wrong', 'locked', 'unknown', 'inactive')),"
        " prev_hash text NOT NULL,"
        " hash text NOT NULL)"
    )
    conn.execute("CREATE INDEX sign_in_attempts_staff ON sign_in_attempts (staff_id, at)")
    conn.execute(
        "CREATE TABLE audit ("
        " id bigint PRIMARY KEY CHECK (id > 0),"
        " at timestamptz NOT NULL,"
        " actor text NOT NULL,"
        " actor_role text NOT NULL DEFAULT '',"
        " action text NOT NULL,"
        " entity text NOT NULL DEFAULT '',"
        " entity_id text NOT NULL DEFAULT '',"
        " fields text NOT NULL DEFAULT '{}',"
        " detail text NOT NULL DEFAULT '',"
        " fields_digest text NOT NULL,"
        " prev_hash text NOT NULL,"
        " hash text NOT NULL)"
    )
    conn.execute("CREATE INDEX audit_at ON audit (at)")
    conn.execute("CREATE INDEX audit_entity ON audit (entity, entity_id, at)")
    conn.execute("CREATE INDEX audit_actor ON audit (lower(actor), at)")
    # Each chain's newest id, its hash and the number of entries, moved forward by every
    # append in the same transaction. Both rows exist from the start, so an append only
    # ever locks and updates its row (never races to insert it).
    conn.execute(
        "CREATE TABLE chain_heads ("
        " name text PRIMARY KEY CHECK (name IN ('audit', 'sign_in_attempts')),"
        " last_id bigint NOT NULL,"
        " last_hash text NOT NULL,"
        " entries bigint NOT NULL)"
    )
    conn.execute(
        "INSERT INTO chain_heads (name, last_id, last_hash, entries)"
        " VALUES ('audit', 0, '', 0), ('sign_in_attempts', 0, '', 0)"
    )
    # Append-only, as on SQLite: the one change allowed is erasure's, which blanks an
    # audit entry's values and nothing else (its digest and hash stay, so the chain still
    # verifies). TRUNCATE fires no row triggers: a statement trigger refuses it too.
    conn.execute(
        "CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$"
        " BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation'; END $$"
    )
    conn.execute(
        "CREATE FUNCTION audit_only_redaction() RETURNS trigger LANGUAGE plpgsql AS $$"
        " BEGIN"
        f"  IF NEW.fields = '{REDACTED}'"
        "   AND (NEW.id, NEW.at, NEW.actor, NEW.actor_role, NEW.action, NEW.entity,"
        "        NEW.entity_id, NEW.detail, NEW.fields_digest, NEW.prev_hash, NEW.hash)"
        "   IS NOT DISTINCT FROM"
        "       (OLD.id, OLD.at, OLD.actor, OLD.actor_role, OLD.action, OLD.entity,"
        "        OLD.entity_id, OLD.detail, OLD.fields_digest, OLD.prev_hash, OLD.hash)"
        "  THEN RETURN NEW; END IF;"
        "  RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'restrict_violation';"
        " END $$"
    )
    conn.execute(
        "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
        " FOR EACH ROW EXECUTE FUNCTION audit_only_redaction()"
    )
    for table, message in (
        ("audit", "the audit trail is append-only"),
        ("sign_in_attempts", "sign-in attempts are append-only"),
        ("chain_heads", "the chain heads only move forward"),
    ):
        events = "DELETE" if table != "sign_in_attempts" else "UPDATE OR DELETE"
        conn.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE {events} ON {table}"
            f" FOR EACH ROW EXECUTE FUNCTION refuse_change('{message}')"
        )
        conn.execute(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}"
            f" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('{message}')"
        )
    conn.execute(
        "CREATE TRIGGER chain_heads_forward BEFORE UPDATE ON chain_heads FOR EACH ROW"
        " WHEN (NEW.name IS DISTINCT FROM OLD.name OR NEW.last_id <= OLD.last_id"
        "       OR NEW.entries <= OLD.entries)"
        " EXECUTE FUNCTION refuse_change('the chain heads only move forward')"
    )
    # Erasure's one path for a role without UPDATE on the audit table (grant_server_role):
    # blanks the values of the listed entries, as the owner, and nothing else.
    conn.execute(
        "CREATE FUNCTION redact_audit_entries(ids bigint[]) RETURNS bigint"
        " LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS $$"
        f"  WITH done AS (UPDATE audit SET fields = '{REDACTED}'"
        f"   WHERE id = ANY(ids) AND fields <> '{REDACTED}' RETURNING 1)"
        "  SELECT count(*) FROM done $$"
    )
    conn.execute("REVOKE ALL ON FUNCTION redact_audit_entries(bigint[]) FROM PUBLIC")


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


_STATUSES = "'new', 'in_progress', 'resolved', 'followed_up', 'closed', 'voided'"
#: The complaint histories: append-only (storage/sqlite/schema.py 0004_complaints).
COMPLAINT_HISTORIES = ("complaint_events", "complaint_promises", "complaint_follow_ups")


@step("0005_complaints")
def _complaints(conn: psycopg.Connection) -> None:
    # The tables of SQLite's 0004/0013/0015 with instants as timestamptz. customer_id has
    # no foreign key yet: the customers tables come to PostgreSQL in a later step, which
    # adds it (until then the repository refuses complaints linked to a customer).
    # Nothing is deleted: a voided complaint keeps its row, status 'voided' and a reason.
    conn.execute(
        "CREATE TABLE complaints ("
        " id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
        " customer_id bigint,"
        " caller_name text NOT NULL DEFAULT '',"
        " caller_contact text NOT NULL DEFAULT '',"
        " call_id text,"
        " channel text NOT NULL,"
        " store text NOT NULL DEFAULT '',"
        " agent text NOT NULL DEFAULT '',"
        " received_at timestamptz NOT NULL,"
        " customer_words text NOT NULL,"
        " understanding text NOT NULL DEFAULT '',"
        " confirmed boolean NOT NULL DEFAULT false,"
        " emotion text NOT NULL DEFAULT 'calm',"
        " apology text NOT NULL DEFAULT '',"
        " wants text,"
        " wants_note text NOT NULL DEFAULT '',"
        " options_offered jsonb NOT NULL DEFAULT '[]',"
        " option_chosen text NOT NULL DEFAULT '',"
        " compensation_kind text,"
        " compensation_amount_minor bigint,"
        " compensation_currency text NOT NULL DEFAULT '',"
        " cause text,"
        " sub_cause text NOT NULL DEFAULT '',"
        " responsibility text,"
        " wording text NOT NULL DEFAULT '',"
        " reply text NOT NULL DEFAULT '',"
        f" status text NOT NULL DEFAULT 'new' CHECK (status IN ({_STATUSES})),"
        " promise_due timestamptz,"
        " first_response_at timestamptz,"
        " resolved_at timestamptz,"
        " follow_up_due timestamptz,"
        " followed_up_at timestamptz,"
        " satisfaction smallint CHECK (satisfaction BETWEEN 1 AND 5),"
        " void_reason text NOT NULL DEFAULT '',"
        " notified text NOT NULL DEFAULT '' CHECK (notified IN ('', 'due_soon', 'overdue')),"
        " version bigint NOT NULL DEFAULT 1 CHECK (version >= 1),"
        " changed_by text NOT NULL DEFAULT '',"
        " updated_at timestamptz NOT NULL)"
    )
    open_ = "status IN ('new', 'in_progress')"
    for name, columns, where in (
        ("open_due", "promise_due NULLS FIRST, id", open_),
        ("open_received", "received_at", open_),
        ("agent", "agent, status, promise_due", ""),
        ("status_follow_up", "status, follow_up_due", ""),
        ("customer", "customer_id, status", "customer_id IS NOT NULL"),
        ("report", "received_at, store, status", ""),
        ("follow_up_due", "follow_up_due, store, status", "follow_up_due IS NOT NULL"),
    ):
        conn.execute(
            f"CREATE INDEX complaints_{name} ON complaints ({columns})"
            + (f" WHERE {where}" if where else "")
        )
    conn.execute(
        "CREATE TABLE complaint_events ("
        " id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
        " complaint_id bigint NOT NULL REFERENCES complaints (id),"
        " at timestamptz NOT NULL,"
        " by text NOT NULL DEFAULT '',"
        f" before text CHECK (before IN ({_STATUSES})),"
        f" after text NOT NULL CHECK (after IN ({_STATUSES})),"
        " note text NOT NULL DEFAULT '')"
    )
    conn.execute(
        "CREATE TABLE complaint_promises ("
        " id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
        " complaint_id bigint NOT NULL REFERENCES complaints (id),"
        " at timestamptz NOT NULL,"
        " by text NOT NULL DEFAULT '',"
        " due timestamptz NOT NULL,"
        " previous_due timestamptz,"
        " note text NOT NULL DEFAULT '')"
    )
    conn.execute(
        "CREATE TABLE complaint_follow_ups ("
        " id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
        " complaint_id bigint NOT NULL REFERENCES complaints (id),"
        " at timestamptz NOT NULL,"
        " by text NOT NULL DEFAULT '',"
        " satisfaction smallint NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),"
        " note text NOT NULL DEFAULT '')"
    )
    conn.execute("CREATE INDEX complaint_follow_ups_at ON complaint_follow_ups (at)")
    # Append-only, as on SQLite: the one change allowed is erasure's, which blanks the
    # free-text note and nothing else. TRUNCATE fires no row triggers: refused apart.
    conn.execute(
        "CREATE FUNCTION complaint_history_only_blank_note() RETURNS trigger"
        " LANGUAGE plpgsql AS $$"
        " BEGIN"
        "  IF TG_OP = 'UPDATE' AND NEW.note = ''"
        "   AND to_jsonb(NEW) - 'note' = to_jsonb(OLD) - 'note' THEN RETURN NEW; END IF;"
        "  RAISE EXCEPTION '% are append-only', replace(TG_TABLE_NAME, '_', ' ')"
        "   USING ERRCODE = 'restrict_violation';"
        " END $$"
    )
    for table in COMPLAINT_HISTORIES:
        conn.execute(f"CREATE INDEX {table}_complaint ON {table} (complaint_id, id)")
        conn.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}"
            " FOR EACH ROW EXECUTE FUNCTION complaint_history_only_blank_note()"
        )
        conn.execute(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}"
            f" FOR EACH STATEMENT EXECUTE FUNCTION"
            f" refuse_change('{table.replace('_', ' ')} are append-only')"
        )
    message = "complaints are never deleted; void them with a reason"
    conn.execute(
        "CREATE TRIGGER complaints_no_delete BEFORE DELETE ON complaints"
        f" FOR EACH ROW EXECUTE FUNCTION refuse_change('{message}')"
    )
    conn.execute(
        "CREATE TRIGGER complaints_no_truncate BEFORE TRUNCATE ON complaints"
        f" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('{message}')"
    )
    # The complaint form as someone typed it, for that person at that console only.
    conn.execute(
        "CREATE TABLE complaint_drafts ("
        " key text PRIMARY KEY,"
        " owner text NOT NULL DEFAULT '',"
        " console text NOT NULL DEFAULT '',"
        " saved_at timestamptz NOT NULL,"
        " summary text NOT NULL DEFAULT '',"
        " payload text NOT NULL)"
    )
    conn.execute("CREATE INDEX complaint_drafts_owner ON complaint_drafts (owner, console)")


@step("0006_calls")
def _calls(conn: psycopg.Connection) -> None:
    # SQLite's 0005/0014: every call the PBX reports; call_id is the PBX's id. customer_id
    # has no foreign key yet (see 0005_complaints).
    conn.execute(
        "CREATE TABLE calls ("
        " id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
        " call_id text NOT NULL UNIQUE,"
        " direction text NOT NULL CHECK (direction IN ('in', 'out')),"
        " from_number text NOT NULL DEFAULT '',"
        " to_number text NOT NULL DEFAULT '',"
        " number text,"
        " customer_id bigint,"
        " match text NOT NULL DEFAULT 'none' CHECK (match IN ('exact', 'probable', 'none')),"
        " candidates bigint[] NOT NULL DEFAULT '{}',"
        " state text NOT NULL CHECK (state IN ('ringing', 'answered', 'ended', 'missed')),"
        " users text[] NOT NULL DEFAULT '{}',"
        " queue text NOT NULL DEFAULT '',"
        " answered_by text NOT NULL DEFAULT '',"
        " cause text NOT NULL DEFAULT '',"
        " started_at timestamptz NOT NULL,"
        " answered_at timestamptz,"
        " ended_at timestamptz,"
        " called_back_at timestamptz)"
    )
    conn.execute("CREATE INDEX calls_started ON calls (started_at, id)")
    conn.execute("CREATE INDEX calls_customer ON calls (customer_id, started_at)")
    conn.execute("CREATE INDEX calls_number ON calls (number, started_at)")


#: The keys no two live customers share (ASCII case folded for e-mail, as the duplicate
#: check compares): partial unique indexes, which leave out tombstones and the keys staff
#: kept as duplicates on purpose (``*_shared``). Their violation becomes DuplicateFound.
CUSTOMER_KEY_INDEXES = ("customers_email_unique", "customers_member_no_unique", "phones_unique")


def ascii_lower(expr: str) -> str:
    """SQL: *expr* with ASCII letters lowered (SQLite's lower() and NOCASE; nothing else)."""
    return _ASCII_LOWER.format(expr)


EMAIL_KEY = ascii_lower("email")


@step("0007_customers")
def _customers(conn: psycopg.Connection) -> None:
    # SQLite's 0001/0007/0010/0011/0012 in one step: instants are timestamptz (the
    # last visit NULL for never), consent flags booleans, lists jsonb. Ids come from
    # identity columns BY DEFAULT, so a bulk load can reserve a batch's ids first
    # (nextval) and COPY the rows with them.
    conn.execute(
        "CREATE TABLE customers ("
        " id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
        " name text NOT NULL,"
        " preferred_name text NOT NULL DEFAULT '',"
        " romanisation text NOT NULL DEFAULT '',"
        " language text NOT NULL DEFAULT '',"
        " email text NOT NULL DEFAULT '',"
        " member_no text NOT NULL DEFAULT '',"
        " birthday_month smallint,"
        " birthday_day smallint,"
        " birthday_year integer,"
        " preferences jsonb NOT NULL DEFAULT '[]',"
        " dislikes jsonb NOT NULL DEFAULT '[]',"
        " avoid_topics jsonb NOT NULL DEFAULT '[]',"
        " notes text NOT NULL DEFAULT '',"
        " tier text NOT NULL DEFAULT 'regular',"
        " assigned_staff text NOT NULL DEFAULT '',"
        " marketing_consent boolean NOT NULL DEFAULT false,"
        " greetings_consent boolean NOT NULL DEFAULT false,"
        " customer_kind text NOT NULL DEFAULT '',"
        " created_at timestamptz NOT NULL,"
        " updated_at timestamptz NOT NULL,"
        " visit_count integer NOT NULL DEFAULT 0,"
        " last_visit timestamptz,"
        " merged_into bigint REFERENCES customers (id),"
        " erased_at timestamptz,"
        " email_shared boolean NOT NULL DEFAULT false,"
        " member_no_shared boolean NOT NULL DEFAULT false,"
        " version bigint NOT NULL DEFAULT 1 CHECK (version >= 1),"
        " changed_by text NOT NULL DEFAULT '')"
    )
    # One index per key, which both decides and finds: a live customer's key with 0 in
    # the second column is unique; a key kept as a duplicate on purpose has its own id
    # there, so it never collides (and look-ups by the key still use the first column).
    live = "merged_into IS NULL"
    for name, column, key in (
        ("customers_email_unique", "email", EMAIL_KEY),
        ("customers_member_no_unique", "member_no", "member_no"),
    ):
        shared = f"{column}_shared"
        conn.execute(
            f"CREATE UNIQUE INDEX {name} ON customers"
            f" ({key}, (CASE WHEN {shared} THEN id ELSE 0 END))"
            f" WHERE {column} <> '' AND {live}"
        )
    conn.execute(
        "CREATE INDEX customers_birthday ON customers (birthday_month, birthday_day)"
        " WHERE birthday_month IS NOT NULL"
    )
    conn.execute(
        "CREATE INDEX customers_merged_into ON customers (merged_into)"
        " WHERE merged_into IS NOT NULL"
    )
    # A tombstone keeps no phones (they move to the survivor) and an erased customer
    # none at all, so "live" needs no join here. The same number twice in one customer's
    # list is marked shared after its first (SQLite allows it too).
    conn.execute(
        "CREATE TABLE phones ("
        " id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
        " customer_id bigint NOT NULL REFERENCES customers (id),"
        " e164 text NOT NULL,"
        " label text NOT NULL DEFAULT 'mobile',"
        " position integer NOT NULL DEFAULT 0,"
        " shared boolean NOT NULL DEFAULT false)"
    )
    conn.execute("CREATE INDEX phones_customer ON phones (customer_id)")
    conn.execute(
        "CREATE UNIQUE INDEX phones_unique ON phones (e164, (CASE WHEN shared THEN id ELSE 0 END))"
    )
    conn.execute(
        "CREATE TABLE important_dates ("
        " id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
        " customer_id bigint NOT NULL REFERENCES customers (id),"
        " label text NOT NULL,"
        " month smallint NOT NULL,"
        " day smallint NOT NULL,"
        " year integer)"
    )
    conn.execute("CREATE INDEX important_dates_customer ON important_dates (customer_id)")
    conn.execute("CREATE INDEX important_dates_month_day ON important_dates (month, day)")
    conn.execute(
        "CREATE TABLE visits ("
        " id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
        " customer_id bigint NOT NULL REFERENCES customers (id),"
        " at timestamptz NOT NULL,"
        " store text NOT NULL DEFAULT '',"
        " staff text NOT NULL DEFAULT '',"
        " note text NOT NULL DEFAULT '')"
    )
    conn.execute("CREATE INDEX visits_customer_at ON visits (customer_id, at)")
    conn.execute(
        "CREATE TABLE purchases ("
        " id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
        " customer_id bigint NOT NULL REFERENCES customers (id),"
        " at timestamptz NOT NULL,"
        " store text NOT NULL DEFAULT '',"
        " channel text NOT NULL DEFAULT '',"
        " currency text NOT NULL DEFAULT 'CNY',"
        " total_minor bigint NOT NULL DEFAULT 0)"
    )
    conn.execute("CREATE INDEX purchases_customer_at ON purchases (customer_id, at)")
    conn.execute(
        "CREATE TABLE purchase_items ("
        " id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
        " purchase_id bigint NOT NULL REFERENCES purchases (id),"
        " name text NOT NULL,"
        " quantity bigint NOT NULL DEFAULT 1,"
        " price_minor bigint NOT NULL DEFAULT 0,"
        " category text NOT NULL DEFAULT '')"
    )
    conn.execute("CREATE INDEX purchase_items_purchase ON purchase_items (purchase_id)")
    conn.execute(
        "CREATE TABLE rewards_redeemed ("
        " id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
        " customer_id bigint NOT NULL REFERENCES customers (id),"
        " at timestamptz NOT NULL,"
        " staff text NOT NULL DEFAULT '',"
        " note text NOT NULL DEFAULT '')"
    )
    conn.execute("CREATE INDEX rewards_redeemed_customer ON rewards_redeemed (customer_id)")
    # When and how each consent was given or withdrawn: append-only except that erasure
    # may blank the free-text note (the complaint histories' rule, shared).
    conn.execute(
        "CREATE TABLE consent_events ("
        " id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
        " customer_id bigint NOT NULL REFERENCES customers (id),"
        " purpose text NOT NULL CHECK (purpose IN ('greetings', 'marketing')),"
        " granted boolean NOT NULL,"
        " at timestamptz NOT NULL,"
        " method text NOT NULL,"
        " recorded_by text NOT NULL DEFAULT '',"
        " note text NOT NULL DEFAULT '')"
    )
    conn.execute("CREATE INDEX consent_events_customer ON consent_events (customer_id, id)")
    conn.execute(
        "CREATE TRIGGER consent_events_append_only BEFORE UPDATE OR DELETE ON consent_events"
        " FOR EACH ROW EXECUTE FUNCTION complaint_history_only_blank_note()"
    )
    conn.execute(
        "CREATE TRIGGER consent_events_no_truncate BEFORE TRUNCATE ON consent_events"
        " FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('consent events are append-only')"
    )
    # The customers of complaints and calls (0005/0006 left the foreign keys for now).
    for table in ("complaints", "calls"):
        conn.execute(
            f"ALTER TABLE {table} ADD CONSTRAINT {table}_customer"
            " FOREIGN KEY (customer_id) REFERENCES customers (id)"
        )


@step("0008_search")
def _search(conn: psycopg.Connection) -> None:
    # One document per live customer, as SQLite's search_docs: its rank_key orders
    # customers by most recent visit (console.storage.sqlite.search_index.rank_key), the
    # names are the folded names for 3+ character substrings (a pg_trgm index; LIKE
    # rechecks every candidate, so characters pg_trgm does not index still match
    # exactly), and terms is the index text (" wzhangwei tzhang s张 ..."), kept whole
    # for the walk over the newest customers and to know which terms to drop.
    conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    conn.execute(
        "CREATE TABLE search_docs ("
        " customer_id bigint PRIMARY KEY REFERENCES customers (id),"
        " rank_key bigint NOT NULL CONSTRAINT search_docs_rank UNIQUE,"
        " names text NOT NULL,"
        " terms text NOT NULL)"
    )
    conn.execute("CREATE INDEX search_docs_names ON search_docs USING gin (names gin_trgm_ops)")
    # One row per tagged term of a customer: exact look-ups are equality, prefixes (and
    # "ends with these digits": phone digits are stored reversed) a range of the btree,
    # which compares bytes (COLLATE "C"), as SQLite's full-text index does. No foreign
    # key: a bulk load writes fifteen terms a customer, and a check each would double
    # its time; the rows follow their document in the same statements (search.py).
    conn.execute(
        "CREATE TABLE search_terms ("
        ' term text COLLATE "C" NOT NULL,'
        " customer_id bigint NOT NULL,"
        " PRIMARY KEY (term, customer_id))"
    )


@step("0009_privacy")
def _privacy(conn: psycopg.Connection) -> None:
    # The erasure register (SQLite's 0008): which customers were erased, and when; ids
    # only, nothing personal, and no foreign key (the register outlives the rows).
    conn.execute(
        "CREATE TABLE erasures ( customer_id bigint PRIMARY KEY, erased_at timestamptz NOT NULL)"
    )


#: What the changes feed notes (0010_changes): table → (entity, the column naming it,
#: whether the table is the entity's own — its rows are created/updated/deleted — or a
#: part of it, whose every change is an ``update`` of the entity).
CHANGE_SOURCES: dict[str, tuple[str, str, bool]] = {
    "customers": ("customer", "id", True),
    "phones": ("customer", "customer_id", False),
    "important_dates": ("customer", "customer_id", False),
    "visits": ("customer", "customer_id", False),
    "purchases": ("customer", "customer_id", False),
    "rewards_redeemed": ("customer", "customer_id", False),
    "consent_events": ("customer", "customer_id", False),
    "complaints": ("complaint", "id", True),
    "complaint_events": ("complaint", "complaint_id", False),
    "complaint_promises": ("complaint", "complaint_id", False),
    "complaint_follow_ups": ("complaint", "complaint_id", False),
    "phrasebooks": ("phrasebook", "id", True),
    "phrasebook_entries": ("phrasebook", "phrasebook_id", False),
    "staff": ("staff", "id", True),
    "settings": ("setting", "key", True),
    "consoles": ("console", "id", True),
    "calls": ("call", "call_id", True),
}
#: One statement touching more records than this is noted once, with the id ``*``
#: (an import: whoever shows such records reloads them).
CHANGE_BULK = 500


@step("0010_changes")
def _changes(conn: psycopg.Connection) -> None:
    # The changes feed: what changed (entity, id, action; never personal data), in commit
    # order, written by triggers in the same transaction as the change, so a console that
    # reconnects catches up from the last number it saw. Writes take the chain turn
    # (PostgresStore), so numbers are handed out in commit order and none is skipped.
    conn.execute(
        "CREATE TABLE changes ("
        " seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
        " at timestamptz NOT NULL DEFAULT now(),"
        " entity text NOT NULL,"
        " entity_id text NOT NULL,"
        " action text NOT NULL CHECK (action IN ('create', 'update', 'delete')))"
    )
    conn.execute(
        "CREATE FUNCTION note_changes() RETURNS trigger LANGUAGE plpgsql AS $$"
        " DECLARE"
        "  entity text := TG_ARGV[0];"
        "  action text;"
        "  ids text[];"
        " BEGIN"
        "  IF TG_ARGV[2] = 'part' OR TG_OP = 'UPDATE' THEN action := 'update';"
        "  ELSIF TG_OP = 'INSERT' THEN action := 'create';"
        "  ELSE action := 'delete';"
        "  END IF;"
        "  EXECUTE format("
        "   'SELECT array_agg(v) FROM"
        "    (SELECT DISTINCT %I::text AS v FROM changed_rows LIMIT %s) r',"
        f"   TG_ARGV[1], {CHANGE_BULK + 1}"
        "  ) INTO ids;"
        "  IF ids IS NULL THEN RETURN NULL; END IF;"
        f"  IF cardinality(ids) > {CHANGE_BULK} THEN"
        "   INSERT INTO changes (entity, entity_id, action) VALUES (entity, '*', action);"
        "  ELSE"
        "   INSERT INTO changes (entity, entity_id, action)"
        "    SELECT entity, id, action FROM unnest(ids) AS id ORDER BY id;"
        "  END IF;"
        "  RETURN NULL;"
        " END $$"
    )
    for table, (entity, column, own) in CHANGE_SOURCES.items():
        for event, rows in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            conn.execute(
                sql.SQL(
                    "CREATE TRIGGER {name} AFTER {event} ON {table}"
                    " REFERENCING {rows} TABLE AS changed_rows"
                    " FOR EACH STATEMENT EXECUTE FUNCTION note_changes({args})"
                ).format(
                    name=sql.Identifier(f"{table}_{event.lower()}_noted"),
                    event=sql.SQL(event),
                    table=sql.Identifier(table),
                    rows=sql.SQL(rows),
                    args=sql.SQL(", ").join(
                        sql.Literal(a) for a in (entity, column, "own" if own else "part")
                    ),
                )
            )
    # Append-only, like the audit trail.
    refusal = "the changes feed is append-only"
    conn.execute(
        "CREATE TRIGGER changes_append_only BEFORE UPDATE OR DELETE ON changes"
        f" FOR EACH ROW EXECUTE FUNCTION refuse_change('{refusal}')"
    )
    conn.execute(
        "CREATE TRIGGER changes_no_truncate BEFORE TRUNCATE ON changes"
        f" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('{refusal}')"
    )


@step("0011_audit_console")
def _audit_console(conn: psycopg.Connection) -> None:
    # Which enrolled console sent the request an audit entry records (SQLite's
    # 0018_audit_console). Entries without one hash as before (audit/1: see
    # storage/sqlite/audit_chain.py), so the trail already chained verifies untouched.
    # Adding a column with a constant default rewrites no row (the triggers stay off).
    conn.execute("ALTER TABLE audit ADD COLUMN console text NOT NULL DEFAULT ''")
    # Erasure's blanking may not change the console either.
    conn.execute(
        "CREATE OR REPLACE FUNCTION audit_only_redaction() RETURNS trigger"
        " LANGUAGE plpgsql AS $$"
        " BEGIN"
        f"  IF NEW.fields = '{REDACTED}'"
        "   AND (NEW.id, NEW.at, NEW.actor, NEW.actor_role, NEW.action, NEW.entity,"
        "        NEW.entity_id, NEW.detail, NEW.fields_digest, NEW.prev_hash, NEW.hash,"
        "        NEW.console)"
        "   IS NOT DISTINCT FROM"
        "       (OLD.id, OLD.at, OLD.actor, OLD.actor_role, OLD.action, OLD.entity,"
        "        OLD.entity_id, OLD.detail, OLD.fields_digest, OLD.prev_hash, OLD.hash,"
        "        OLD.console)"
        "  THEN RETURN NEW; END IF;"
        "  RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'restrict_violation';"
        " END $$"
    )


@step("0012_staff_sessions")
def _staff_sessions(conn: psycopg.Connection) -> None:
    # Staff sessions signed in through the server, kept here rather than in a server's
    # memory, so a restarted server keeps them and every server on the database shares
    # them. Only the SHA-256 digest of a session's token is stored; the account is read
    # fresh at each use (a switched-off account's sessions end, a new role applies). The
    # times are the server's clock's; a session idle for 8 hours is forgotten
    # (console/services/consoles.py). Revoking a console and signing out delete rows.
    conn.execute(
        "CREATE TABLE staff_sessions ("
        " token_digest text PRIMARY KEY CHECK (length(token_digest) = 64),"
        " console_id bigint NOT NULL REFERENCES consoles (id),"
        " staff_id bigint NOT NULL REFERENCES staff (id),"
        " signed_in_at timestamptz NOT NULL,"
        " last_used_at timestamptz NOT NULL)"
    )
    conn.execute("CREATE INDEX staff_sessions_console ON staff_sessions (console_id)")
    conn.execute("CREATE INDEX staff_sessions_last_used ON staff_sessions (last_used_at)")


#: The channel a committed change is announced on (``NOTIFY``, no payload: the server
#: reads the feed after the last number it saw, so a lost or merged notification loses
#: nothing).
CHANGES_CHANNEL = "service_console_changes"
#: Transaction settings naming who acted (``set_config(..., true)``; PostgresStore sets
#: them for a write made for a console or a staff member).
ACTING_CONSOLE = "service_console.console"
ACTING_STAFF = "service_console.staff"


@step("0013_live_changes")
def _live_changes(conn: psycopg.Connection) -> None:
    # Live updates: every note in the changes feed names the console and the staff
    # member it was made for (empty when the server host itself acted); a record is
    # noted once per transaction (saving a customer with their phones is one "create",
    # not a create and an update); and the transaction announces itself on commit
    # (NOTIFY is transactional: a rolled-back change is never announced), which wakes
    # every server listening.
    conn.execute(
        "ALTER TABLE changes ADD COLUMN console text NOT NULL DEFAULT '',"
        " ADD COLUMN staff text NOT NULL DEFAULT '',"
        " ADD COLUMN tx xid8 NOT NULL DEFAULT pg_current_xact_id()"
    )
    conn.execute("CREATE INDEX changes_tx ON changes (tx)")
    conn.execute(
        "CREATE OR REPLACE FUNCTION note_changes() RETURNS trigger LANGUAGE plpgsql AS $$"
        " DECLARE"
        "  v_entity text := TG_ARGV[0];"
        "  v_action text;"
        "  ids text[];"
        f"  v_console text := coalesce(current_setting('{ACTING_CONSOLE}', true), '');"
        f"  v_staff text := coalesce(current_setting('{ACTING_STAFF}', true), '');"
        " BEGIN"
        "  IF TG_ARGV[2] = 'part' OR TG_OP = 'UPDATE' THEN v_action := 'update';"
        "  ELSIF TG_OP = 'INSERT' THEN v_action := 'create';"
        "  ELSE v_action := 'delete';"
        "  END IF;"
        "  EXECUTE format("
        "   'SELECT array_agg(v) FROM"
        "    (SELECT DISTINCT %I::text AS v FROM changed_rows LIMIT %s) r',"
        f"   TG_ARGV[1], {CHANGE_BULK + 1}"
        "  ) INTO ids;"
        "  IF ids IS NULL THEN RETURN NULL; END IF;"
        f"  IF cardinality(ids) > {CHANGE_BULK} THEN ids := ARRAY['*']; END IF;"
        "  INSERT INTO changes (entity, entity_id, action, console, staff)"
        "   SELECT v_entity, id, v_action, v_console, v_staff FROM unnest(ids) AS id"
        "   WHERE NOT EXISTS (SELECT 1 FROM changes c WHERE c.tx = pg_current_xact_id()"
        "    AND c.entity = v_entity AND c.entity_id IN (id, '*'))"
        "   ORDER BY id;"
        f"  PERFORM pg_notify('{CHANGES_CHANNEL}', '');"
        "  RETURN NULL;"
        " END $$"
    )


@step("0014_staff_queues")
def _staff_queues(conn: psycopg.Connection) -> None:
    # The call queues a staff member answers (SQLite's 0019_staff_queues): the names as
    # given, separated by commas ("sales,vip"); the server routes a call naming only a
    # queue to its members' consoles (server/calls.py). A constant default rewrites no row.
    conn.execute("ALTER TABLE staff ADD COLUMN queues text NOT NULL DEFAULT ''")


@step("0015_search_ranks")
def _search_ranks(conn: psycopg.Connection) -> None:
    # Each search term carries its customer's rank key instead of the customer's id (the
    # id is the key's low bits), keyed (term, rank_key): a look-up reads the newest
    # matches straight off the index, as SQLite's full-text index does (its rowid is the
    # rank key), instead of fetching every match's rank from search_docs one probe at a
    # time (3,500 customers share 肖 among a million: 20 ms). The terms are derived
    # rows: they are written again from the documents (TRUNCATE keeps the grants).
    conn.execute("ALTER TABLE search_terms DROP CONSTRAINT search_terms_pkey")
    conn.execute("TRUNCATE search_terms")
    conn.execute(
        "ALTER TABLE search_terms DROP COLUMN customer_id, ADD COLUMN rank_key bigint NOT NULL"
    )
    conn.execute(
        "INSERT INTO search_terms (term, rank_key) SELECT DISTINCT term, d.rank_key"
        " FROM search_docs d, unnest(string_to_array(btrim(d.terms, ' '), ' ')) AS term"
        " WHERE term <> ''"
    )
    conn.execute("ALTER TABLE search_terms ADD PRIMARY KEY (term, rank_key)")
    # The walk over the newest customers (a term many share, a common substring) reads
    # the names and terms from this index alone, newest first, instead of a table page
    # per customer (0.25 instead of 2 µs a customer). A btree entry holds about 2,700
    # bytes, so documents longer than WALK_BYTES (search_repository) are left out of it
    # and looked at through the second, small index.
    short = "octet_length(names) + octet_length(terms) <= 2000"
    conn.execute(
        "CREATE INDEX search_docs_walk ON search_docs (rank_key) INCLUDE (names, terms)"
        f" WHERE {short}"
    )
    conn.execute(
        "CREATE INDEX search_docs_long ON search_docs (rank_key)"
        " WHERE octet_length(names) + octet_length(terms) > 2000"
    )


def grant_server_role(conn: psycopg.Connection, role: str) -> None:
    """Let *role* (the login ``service-console serve`` uses) read and write the tables,
    except that it can never UPDATE, DELETE or TRUNCATE the audit trail or the sign-in
    attempts, nor delete the chain heads, nor DELETE or TRUNCATE complaints and their
    histories (their triggers refuse it too): erasure's redaction reaches the audit table
    only through ``redact_audit_entries``. The staff sessions (``staff_sessions``) are
    the server's to add, touch and delete (sign-in, use, sign-out, idle expiry, a
    revoked console), never to truncate. Run by the database's owner after migrating
    (the owner, who can drop triggers, should not be the role the server runs as); again
    after an upgrade that adds tables."""
    who = sql.Identifier(role)
    chains = sql.SQL("audit, sign_in_attempts")
    histories = sql.SQL(", ").join(sql.Identifier(t) for t in COMPLAINT_HISTORIES)
    for statement in (
        "GRANT USAGE ON SCHEMA public TO {who}",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {who}",
        "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {who}",
        "REVOKE UPDATE, DELETE, TRUNCATE ON {chains} FROM {who}",
        "REVOKE DELETE, TRUNCATE ON chain_heads FROM {who}",
        "REVOKE DELETE, TRUNCATE ON complaints, {histories} FROM {who}",
        "REVOKE DELETE, TRUNCATE ON consent_events FROM {who}",
        "REVOKE UPDATE, DELETE, TRUNCATE ON changes FROM {who}",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON staff_sessions TO {who}",
        "REVOKE TRUNCATE ON staff_sessions FROM {who}",
        "REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM {who}",
        "GRANT EXECUTE ON FUNCTION redact_audit_entries(bigint[]) TO {who}",
    ):
        conn.execute(sql.SQL(statement).format(who=who, chains=chains, histories=histories))


def applied(conn: psycopg.Connection) -> list[str]:
    # Created only when missing: a server role without CREATE (grant_server_role) can
    # still start against a database its owner has migrated.
    if conn.execute("SELECT to_regclass('schema_migrations')").fetchone() == (None,):
        conn.execute(
            "CREATE TABLE schema_migrations ("
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
