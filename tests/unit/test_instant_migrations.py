"""Phrasebook, consent and erasure times move to stored UTC instants (migrations
0016_phrasebook_instants and 0017_privacy_instants): rows an older version wrote — naive
wall time, or ISO text with the local offset — under one time zone read back as the same
instants under another, and the hash-chained audit trail is left exactly as it was."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from console.domain.roles import Role
from console.domain.staff import hash_secret
from console.repositories.staff import AuditRecord, NewStaff
from console.storage.sqlite.runner import DatabaseRunner
from tests.unit.conftest import add_customer

SHANGHAI = ZoneInfo("Asia/Shanghai")
NEW_YORK = ZoneInfo("America/New_York")
MIGRATIONS = ("0016_phrasebook_instants", "0017_privacy_instants")


def _zone(name: str) -> None:
    os.environ["TZ"] = name
    time.tzset()


@pytest.fixture
def zones() -> Iterator[None]:
    """Lets the test move the computer between zones; puts its own zone back."""
    before = os.environ.get("TZ")
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


def _as_written_before(path: Path) -> dict[str, object]:
    """A database holding times as the older version wrote them (in Shanghai), with the
    two migrations not applied yet. Returns the instants those times stand for."""
    summer = dt.datetime(2026, 7, 1, 9, 30, tzinfo=SHANGHAI)
    winter = dt.datetime(2026, 1, 15, 18, 5, 7, tzinfo=SHANGHAI)
    with DatabaseRunner(path) as runner:
        cid = add_customer(runner, "Mei Lin")

        def write(db: object) -> None:
            execute = db.execute  # type: ignore[attr-defined]
            execute(
                "INSERT INTO phrasebooks (id, name, created_at) VALUES (1, 'Brand', ?)",
                [summer.replace(tzinfo=None).isoformat(timespec="seconds")],
            )
            execute(
                "INSERT INTO phrasebook_entries (id, phrasebook_id, kind, language, text, "
                "author, changed_at) VALUES (1, 1, 'taboo', 'en', 'you guys', 'Li', ?)",
                [winter.replace(tzinfo=None).isoformat(timespec="seconds")],
            )
            execute(
                "INSERT INTO phrasebook_history (entry_id, phrasebook_id, action, before, after, "
                "author, at) VALUES (1, 1, 'create', NULL, ?, 'Li', ?)",
                [
                    '{"kind": "taboo", "language": "en", "text": "you guys"}',
                    winter.replace(tzinfo=None).isoformat(timespec="seconds"),
                ],
            )
            # Consent times were written with the local offset.
            execute(
                "INSERT INTO consent_events (customer_id, purpose, granted, at, method) "
                "VALUES (?, 'greetings', 1, ?, 'in_person')",
                [cid, summer.isoformat()],
            )
            execute(
                "INSERT INTO erasures (customer_id, erased_at) VALUES (999, ?)",
                [winter.isoformat()],
            )

        runner.call(write)
        # The audit trail and sign-in attempts, as the staff repository writes them.
        now = dt.datetime(2026, 7, 1, 1, 30, tzinfo=dt.UTC)

        def audited(repos: object) -> None:
            staff = repos.staff  # type: ignore[attr-defined]
            member = staff.add(NewStaff("Boss", Role.ADMIN, hash_secret("5820")), now)
            staff.record_attempt(member.id, member.name, now, "ok")
            staff.append_audit(AuditRecord(now, "Boss", "admin", "sign_in", "staff", member.id))

        runner.write_now(audited)
    _unapply(path)
    return {"summer": summer, "winter": winter, "customer": cid}


def _unapply(path: Path) -> None:
    """Mark the two migrations as not applied (the database an older version left)."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute("DELETE FROM _sqlite_migrations WHERE name IN (?, ?)", MIGRATIONS)
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            conn.execute(f"PRAGMA user_version = {version - len(MIGRATIONS)}")
    finally:
        conn.close()


def test_old_times_read_back_as_the_same_instants_in_another_zone(
    zones: None, tmp_path: Path
) -> None:
    path = tmp_path / "older.db"
    _zone("Asia/Shanghai")
    expected = _as_written_before(path)
    with DatabaseRunner(path) as runner:  # opening applies the two migrations
        applied = runner.call(
            lambda db: [r[0] for r in db.execute("SELECT name FROM _sqlite_migrations")]
        )
        raw = runner.call(
            lambda db: [
                db.execute("SELECT created_at FROM phrasebooks").fetchone()[0],
                db.execute("SELECT changed_at FROM phrasebook_entries").fetchone()[0],
                db.execute("SELECT at FROM phrasebook_history").fetchone()[0],
                db.execute("SELECT at FROM consent_events").fetchone()[0],
                db.execute("SELECT erased_at FROM erasures").fetchone()[0],
            ]
        )
    assert set(MIGRATIONS) <= set(applied)
    summer = expected["summer"]
    winter = expected["winter"]
    assert isinstance(summer, dt.datetime) and isinstance(winter, dt.datetime)
    utc = [
        summer.astimezone(dt.UTC),
        winter.astimezone(dt.UTC),
        winter.astimezone(dt.UTC),
        summer.astimezone(dt.UTC),
        winter.astimezone(dt.UTC),
    ]
    assert raw == [moment.isoformat(timespec="microseconds") for moment in utc]

    _zone("America/New_York")  # the computer moves (or its zone setting changes)
    with DatabaseRunner(path) as runner:
        book = runner.read_now(lambda r: r.phrasebooks.find_phrasebook("Brand"))
        entry = runner.read_now(lambda r: r.phrasebooks.get_entry(1)).entry
        history = runner.read_now(lambda r: r.phrasebooks.entry_history(1))
        consent = runner.read_now(
            lambda r: r.privacy.consent_history(int(expected["customer"]))  # type: ignore[call-overload]
        )
    assert book is not None
    # Phrasebook times are wall time in the computer's zone (now New York): the same instants.
    assert book.created_at.replace(tzinfo=NEW_YORK) == summer
    assert book.created_at == summer.astimezone(NEW_YORK).replace(tzinfo=None)
    assert entry.changed_at is not None
    assert entry.changed_at.replace(tzinfo=NEW_YORK) == winter
    assert [h.at.replace(tzinfo=NEW_YORK) for h in history] == [winter]
    assert [c.at for c in consent] == [summer]
    assert consent[0].at.utcoffset() == summer.astimezone(NEW_YORK).utcoffset()


def test_the_audit_trail_is_not_rewritten_and_still_verifies(zones: None, tmp_path: Path) -> None:
    path = tmp_path / "older.db"
    _zone("Asia/Shanghai")
    _as_written_before(path)
    before = _raw_audit(path)  # read without opening through the app: not migrated yet
    assert before
    _zone("America/New_York")
    with DatabaseRunner(path) as runner:  # migrates
        applied = runner.call(
            lambda db: [r[0] for r in db.execute("SELECT name FROM _sqlite_migrations")]
        )
        reports = runner.read_now(lambda r: r.staff.verify_chains())
        entries = runner.read_now(lambda r: r.staff.audit_entries())
    assert set(MIGRATIONS) <= set(applied)
    assert _raw_audit(path) == before
    assert all(report.intact for report in reports), [r.describe() for r in reports]
    assert [e.at for e in entries if e.action == "sign_in"] == [
        dt.datetime(2026, 7, 1, 1, 30, tzinfo=dt.UTC)
    ]


def _raw_audit(path: Path) -> list[tuple[object, ...]]:
    """The audit rows read without opening the database through the app (so without
    migrating it)."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return (
            conn.execute("SELECT * FROM audit ORDER BY id").fetchall()
            + conn.execute("SELECT * FROM sign_in_attempts ORDER BY id").fetchall()
        )
    finally:
        conn.close()


def test_migrating_twice_changes_nothing(zones: None, tmp_path: Path) -> None:
    """Values already stored as instants (a database migrated before) stay as they are."""
    path = tmp_path / "older.db"
    _zone("Asia/Shanghai")
    _as_written_before(path)
    with DatabaseRunner(path):
        pass
    once = _raw_times(path)
    _unapply(path)
    _zone("America/New_York")
    with DatabaseRunner(path):
        pass
    assert _raw_times(path) == once


def _raw_times(path: Path) -> list[object]:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return [
            conn.execute("SELECT created_at FROM phrasebooks").fetchall(),
            conn.execute("SELECT changed_at FROM phrasebook_entries").fetchall(),
            conn.execute("SELECT at FROM phrasebook_history").fetchall(),
            conn.execute("SELECT at FROM consent_events").fetchall(),
            conn.execute("SELECT erased_at FROM erasures").fetchall(),
        ]
    finally:
        conn.close()
