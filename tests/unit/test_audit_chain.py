"""The audit trail and the sign-in attempts are hash chains: tampering through the app's
own connection is found by ``audit verify``; erasure keeps the chain intact; parallel
sign-in attempts are checked one at a time, so the lock comes at the fourth wrong PIN."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import json
import random
import sqlite3
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from console import cli
from console.domain.clock import FixedClock
from console.domain.staff import MAX_FAILURES
from console.repositories import Store
from console.services.staff import AuditService, SignInRefused, StaffService
from console.storage.sqlite import audit_chain, schema
from console.storage.sqlite import staff as store
from console.storage.sqlite.runner import DatabaseRunner
from tests.unit.conftest import ALL_BACKENDS, add_customer, run

T0 = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)


class Ticking(FixedClock):
    """A UTC clock that moves a second on every reading."""

    def __init__(self) -> None:
        super().__init__(T0)

    def utc(self) -> dt.datetime:
        self.advance(seconds=1)
        return super().utc()


@pytest.fixture
def trail(db_path: Path) -> Path:
    """A database with an admin, a manager, a few sign-ins and customer entries."""
    with DatabaseRunner(db_path) as runner:
        clock = Ticking()
        audit = AuditService(runner, clock=clock)
        staff = StaffService(runner, audit, clock=clock)
        run(staff.add_staff(None, name="Grace", role="admin", secret="7391"))
        admin = run(staff.sign_in("Grace", "7391"))
        run(staff.add_staff(admin, name="Wang Fang", role="manager", secret="5820"))
        with pytest.raises(SignInRefused):
            run(staff.sign_in("Wang Fang", "0007"))
        run(staff.sign_in("Wang Fang", "5820"))
        for n in range(3):
            run(audit.record(admin, "create", "customer", 7, {"name": [None, f"Yu Hua {n}"]}))
        run(audit.record(admin, "view", "customer", 8))
    return db_path


def verify(db_path: Path) -> tuple[int, str, str]:
    out = io.StringIO()
    err = io.StringIO()
    real = sys.stderr
    sys.stderr = err
    try:
        code = cli.main(["audit", "verify", "--db", str(db_path)], out=out)
    finally:
        sys.stderr = real
    return code, out.getvalue(), err.getvalue()


def tamper(db_path: Path, *statements: str, params: list[Any] | None = None) -> None:
    """Run SQL through the app's own kind of connection (keys, pragmas, migrations)."""
    with DatabaseRunner(db_path) as runner:

        def go(db: sqlite_utils.Database) -> None:
            for sql in statements:
                db.execute(sql, params or [])

        runner.call(go)


def entry(db_path: Path, entry_id: int, table: str = "audit") -> tuple[int, str]:
    with DatabaseRunner(db_path) as runner:
        row = runner.call(
            lambda db: db.execute(f"SELECT id, at FROM {table} WHERE id = ?", [entry_id]).fetchone()
        )
    return int(row[0]), str(row[1])


def test_an_untouched_trail_verifies(trail: Path) -> None:
    code, out, err = verify(trail)
    assert code == 0, err
    assert out.startswith("audit trail intact: 9 entries")
    assert "sign-in attempts intact: 3" in out


def test_triggers_still_refuse_plain_edits(trail: Path) -> None:
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        tamper(trail, "UPDATE audit SET fields = '{}' WHERE id = 8")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        tamper(trail, "DELETE FROM sign_in_attempts")
    with pytest.raises(sqlite3.DatabaseError, match="only move forward"):
        tamper(trail, "DELETE FROM chain_heads")


def test_changed_values_are_found(trail: Path) -> None:
    tamper(trail, "DROP TRIGGER audit_no_update", "UPDATE audit SET fields = '{}' WHERE id = 8")
    code, _, err = verify(trail)
    entry_id, at = entry(trail, 8)
    assert code == 1
    assert f"audit entry #{entry_id} ({at})" in err and "field values differ" in err


def test_blanking_values_outside_an_erasure_is_found(trail: Path) -> None:
    # The trigger lets erasure's redaction through; the chain knows no erasure asked.
    tamper(trail, "UPDATE audit SET fields = '{\"redacted\": true}' WHERE id = 8")
    code, _, err = verify(trail)
    assert code == 1
    assert "audit entry #8 (" in err and "blanked without an erasure" in err


def test_changed_actor_is_found(trail: Path) -> None:
    tamper(trail, "DROP TRIGGER audit_no_update", "UPDATE audit SET actor = 'nobody' WHERE id = 5")
    code, _, err = verify(trail)
    assert code == 1 and "audit entry #5 (" in err and "changed after it was recorded" in err


def test_deleted_entries_are_found(trail: Path) -> None:
    tamper(trail, "DROP TRIGGER audit_no_delete", "DELETE FROM audit WHERE id IN (4, 5)")
    code, _, err = verify(trail)
    assert code == 1
    assert "audit entry #6 (" in err and "2 entries before it (#4–#5) missing (deleted)" in err


def test_deleting_the_newest_entries_is_found(trail: Path) -> None:
    tamper(trail, "DROP TRIGGER audit_no_delete", "DELETE FROM audit WHERE id >= 8")
    code, _, err = verify(trail)
    assert code == 1
    assert "audit entry #8: the newest entries (#8–#9) are missing (deleted)" in err


def test_a_backdated_insert_is_found(trail: Path) -> None:
    tamper(
        trail,
        "INSERT INTO audit (at, actor, action, entity, entity_id) VALUES "
        "('2026-01-02T03:04:05.000000+00:00', 'Grace', 'delete', 'customer', '9')",
    )
    code, _, err = verify(trail)
    assert code == 1
    assert "audit entry #10 (2026-01-02T03:04:05.000000+00:00): inserted outside the app" in err


def test_a_backdated_entry_with_a_forged_hash_is_found(trail: Path) -> None:
    # Someone who knows the scheme appends a well-formed link dated months back.
    with DatabaseRunner(trail) as runner:
        runner.call(
            store.append_audit,
            at=T0 - dt.timedelta(days=90),
            actor="Grace",
            actor_role="admin",
            action="delete",
            entity="customer",
            entity_id=9,
        )
    code, _, err = verify(trail)
    assert code == 1
    assert "audit entry #10 (2026-08-30" in err and "inserted out of order" in err


def test_swapped_entries_are_found(trail: Path) -> None:
    tamper(
        trail,
        "DROP TRIGGER audit_no_update",
        "UPDATE audit SET id = 100 WHERE id = 6",
        "UPDATE audit SET id = 6 WHERE id = 7",
        "UPDATE audit SET id = 7 WHERE id = 100",
    )
    code, _, err = verify(trail)
    assert code == 1
    assert "audit entry #6 (" in err and "inserted out of order" in err


def test_lifting_a_lock_by_deleting_attempts_fails_and_is_found(db_path: Path) -> None:
    clock = Ticking()
    with DatabaseRunner(db_path) as runner:
        audit = AuditService(runner, clock=clock)
        staff = StaffService(runner, audit, clock=clock)
        run(staff.add_staff(None, name="Grace", role="admin", secret="7391"))
        for _ in range(MAX_FAILURES):
            with pytest.raises(SignInRefused):
                run(staff.sign_in("Grace", "0007"))
    tamper(db_path, "DROP TRIGGER sign_in_attempts_no_delete", "DELETE FROM sign_in_attempts")
    with DatabaseRunner(db_path) as runner:
        staff = StaffService(runner, AuditService(runner, clock=clock), clock=clock)
        # The lock is also an audit entry: the right PIN is still refused.
        with pytest.raises(SignInRefused, match="locked"):
            run(staff.sign_in("Grace", "7391"))
    code, _, err = verify(db_path)
    assert code == 1
    deleted = MAX_FAILURES  # the wrong attempts, all deleted; the next one is found
    assert f"sign-in attempt #{deleted + 1} (" in err
    assert f"{deleted} entries before it (#1–#{deleted}) missing" in err


def test_erasure_keeps_the_chain_intact_and_says_what_it_redacted(db_path: Path) -> None:
    from console.services.identity import Identity
    from console.services.privacy import PrivacyService
    from console.services.settings import SettingsService

    with DatabaseRunner(db_path) as runner:
        clock = Ticking()
        audit = AuditService(runner, clock=clock)
        staff = StaffService(runner, audit, clock=clock)
        run(staff.add_staff(None, name="Grace", role="admin", secret="7391"))
        run(staff.sign_in("Grace", "7391"))
        cid = add_customer(runner, "Yu Hua", phones=["+8613812345678"])
        admin = staff.session
        run(audit.record(admin, "create", "customer", cid, {"name": [None, "Yu Hua"]}))
        run(audit.record(admin, "update", "customer", cid, {"notes": ["", "tea"]}))
        identity = Identity(runner, SettingsService(runner), staff, clock=clock)
        privacy = PrivacyService(runner, identity, clock=clock)
        assert run(privacy.erase_customer(cid, "customer asked")).redacted == 2
        redact = runner.call(store.query_audit, action="redact")
    assert len(redact) == 1
    assert redact[0].detail == f"redacted for erasure of customer {cid}"
    assert redact[0].entity == "audit" and redact[0].actor == "Grace"  # who erased
    assert len(redact[0].fields["entries"]) == 2
    code, out, err = verify(db_path)
    assert code == 0, err
    assert "Yu Hua" not in out + err


def test_a_redaction_entry_cannot_be_forged_to_cover_blanking(trail: Path) -> None:
    tamper(
        trail,
        "DROP TRIGGER audit_no_update",
        "UPDATE audit SET fields = '{\"redacted\": true}' WHERE id = 8",
        "UPDATE audit SET action = 'redact', entity = 'audit', "
        "fields = '{\"entries\": [8]}' WHERE id = 9",
    )
    code, _, err = verify(trail)
    assert code == 1 and "audit entry #8 (" in err


def test_an_existing_trail_is_chained_by_the_migration(db_path: Path) -> None:
    conn = sqlite3.connect(db_path, isolation_level=None)
    old = sqlite_utils.Database(conn)
    schema.migrations.apply(old, stop_before="0009_audit_chain")
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {len(schema.migrations.applied(old))}")
    for n in range(3):
        conn.execute(
            "INSERT INTO audit (at, actor, action, entity, entity_id, fields) "
            "VALUES (?, 'Grace', 'update', 'customer', '7', ?)",
            [f"2026-11-0{n + 1}T00:00:00.000000+00:00", json.dumps({"n": [n, n + 1]})],
        )
    conn.execute(
        "INSERT INTO sign_in_attempts (staff_id, name, at, outcome) "
        "VALUES (NULL, 'x', '2026-11-01T00:00:00.000000+00:00', 'unknown')"
    )
    conn.close()
    code, out, err = verify(db_path)
    assert code == 0, err
    assert out.startswith("audit trail intact: 3 entries") and "attempts intact: 1" in out
    with DatabaseRunner(db_path) as runner:
        reports = runner.call(audit_chain.verify_all)
    assert all(r.intact for r in reports)


# --- PIN lockout under parallel attempts ---------------------------------------------------


def _attempt_order(runner: DatabaseRunner) -> list[str]:
    return runner.call(
        lambda db: [
            str(r[0])
            for r in db.execute(
                "SELECT outcome FROM sign_in_attempts WHERE name = 'Wang Fang' ORDER BY id"
            ).fetchall()
        ]
    )


def _check_serial(outcomes: list[str], answers: list[str]) -> None:
    """The recorded attempts are what one-at-a-time checking produces: never more than
    MAX_FAILURES wrong PINs since the last success, the fourth locks, then only 'locked'
    (the right PIN included)."""
    assert len(outcomes) == 20
    wrong_since_ok = 0
    locked = False
    for outcome in outcomes:
        if locked:
            assert outcome == "locked"
            continue
        assert outcome in ("wrong", "ok")
        wrong_since_ok = 0 if outcome == "ok" else wrong_since_ok + 1
        locked = wrong_since_ok == MAX_FAILURES
    assert locked
    # At most three attempts were told "wrong PIN"; the fourth wrong was told "locked".
    # The rule: at most 4 wrong PINs are ever checked before the lock.
    if "ok" not in outcomes:
        assert outcomes.count("wrong") <= 4
    assert answers.count("mismatch") <= (MAX_FAILURES - 1) * (1 + outcomes.count("ok"))
    if "ok" not in outcomes:
        assert answers.count("mismatch") == MAX_FAILURES - 1
        assert answers.count("locked") == 20 - (MAX_FAILURES - 1)


def _answer(exc: BaseException | None) -> str:
    if exc is None:
        return "in"
    return "locked" if "locked" in str(exc) else "mismatch"


@pytest.fixture
def manager_db(db_path: Path) -> Path:
    with DatabaseRunner(db_path) as runner:
        audit = AuditService(runner, clock=FixedClock(T0))
        staff = StaffService(runner, audit, clock=FixedClock(T0))
        admin_member = run(staff.add_staff(None, name="Grace", role="admin", secret="7391"))
        admin = run(staff.sign_in("Grace", "7391"))
        assert admin.staff.id == admin_member.id
        run(staff.add_staff(admin, name="Wang Fang", role="manager", secret="5820"))
    return db_path


def _pins(seed: int, right_last: bool = False) -> list[str]:
    pins = [f"{1000 + n * 37}" for n in range(19)] + ["5820"]
    if not right_last:
        random.Random(seed).shuffle(pins)
    return pins


@pytest.fixture
def managers(backend: Store) -> Store:
    """A store (either backend) with an admin, Grace, and a manager, Wang Fang."""
    audit = AuditService(backend, clock=FixedClock(T0))
    staff = StaffService(backend, audit, clock=FixedClock(T0))
    run(staff.add_staff(None, name="Grace", role="admin", secret="7391"))
    admin = run(staff.sign_in("Grace", "7391"))
    run(staff.add_staff(admin, name="Wang Fang", role="manager", secret="5820"))
    return backend


def _outcomes(store: Store) -> list[str]:
    """Wang Fang's recorded attempts, in the order recorded (either backend)."""
    if isinstance(store, DatabaseRunner):
        return _attempt_order(store)
    import psycopg

    from console.storage.postgres.store import PostgresStore

    assert isinstance(store, PostgresStore)
    with psycopg.connect(store.dsn) as conn:
        rows = conn.execute(
            "SELECT outcome FROM sign_in_attempts WHERE name = 'Wang Fang' ORDER BY id"
        ).fetchall()
    return [str(r[0]) for r in rows]


@pytest.mark.parametrize("backend", ALL_BACKENDS, indirect=True)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_parallel_attempts_in_one_console_lock_at_the_fourth_wrong_pin(
    managers: Store, seed: int
) -> None:
    """On PostgreSQL the store runs several attempts at once, each on its own connection
    (SERIALIZABLE, retried on a conflict): they are still checked one at a time."""
    pins = _pins(seed, right_last=seed == 3)
    staff = StaffService(
        managers, AuditService(managers, clock=FixedClock(T0)), clock=FixedClock(T0)
    )

    async def attempt(pin: str) -> str:
        try:
            await staff.sign_in("Wang Fang", pin)
        except SignInRefused as exc:
            return _answer(exc)
        return _answer(None)

    async def all_at_once() -> list[str]:
        return list(await asyncio.gather(*(attempt(pin) for pin in pins)))

    answers = asyncio.run(all_at_once())
    outcomes = _outcomes(managers)
    _check_serial(outcomes, answers)
    if seed == 3:  # the right PIN came after the lock: refused
        assert answers[-1] == "locked" and outcomes[-1] == "locked"
    assert all(report.intact for report in run(AuditService(managers).verify()))


def test_parallel_attempts_on_separate_connections_lock_at_the_fourth_wrong_pin(
    manager_db: Path,
) -> None:
    pins = _pins(11)
    runners = [DatabaseRunner(manager_db) for _ in pins]
    for r in runners:
        r.open()
    start = threading.Barrier(len(pins))
    answers: list[str] = [""] * len(pins)

    def attempt(index: int) -> None:
        runner = runners[index]
        staff = StaffService(
            runner, AuditService(runner, clock=FixedClock(T0)), clock=FixedClock(T0)
        )
        start.wait()
        try:
            asyncio.run(staff.sign_in("Wang Fang", pins[index]))
        except SignInRefused as exc:
            answers[index] = _answer(exc)
        else:
            answers[index] = _answer(None)

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(len(pins))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    for r in runners:
        r.close()
    with DatabaseRunner(manager_db) as runner:
        outcomes = _attempt_order(runner)
    _check_serial(outcomes, answers)
    assert verify(manager_db)[0] == 0


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
def test_parallel_attempts_on_separate_servers_lock_at_the_fourth_wrong_pin(
    managers: Store,
) -> None:
    """Twenty console servers (a store each, on the same PostgreSQL database) try Wang
    Fang's PIN at once: the lockout is shared, so still only three are told "wrong"."""
    from console.storage.postgres.store import PostgresStore

    assert isinstance(managers, PostgresStore)
    pins = _pins(12)
    stores = [PostgresStore(managers.dsn, max_connections=1) for _ in pins]
    for s in stores:
        s.open()
    start = threading.Barrier(len(pins))
    answers: list[str] = [""] * len(pins)

    def attempt(index: int) -> None:
        store = stores[index]
        clock = FixedClock(T0)
        staff = StaffService(store, AuditService(store, clock=clock), clock=clock)
        start.wait()
        try:
            asyncio.run(staff.sign_in("Wang Fang", pins[index]))
        except SignInRefused as exc:
            answers[index] = _answer(exc)
        else:
            answers[index] = _answer(None)

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(len(pins))]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
    finally:
        for s in stores:
            s.close()
    _check_serial(_outcomes(managers), answers)
    assert all(report.intact for report in run(AuditService(managers).verify()))
