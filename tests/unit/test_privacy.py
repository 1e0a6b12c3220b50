"""Customers' rights: consent history, export of everything, erasure everywhere."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from console.domain.consent import Method, Purpose
from console.domain.customer import Customer, ImportantDate, PartialDate, Phone, PurchaseItem
from console.domain.roles import NotAllowed
from console.repositories import Store
from console.services import wording
from console.services.customers import CustomerService
from console.services.identity import Identity
from console.services.privacy import PrivacyService
from console.services.settings import SettingsService
from console.storage.postgres import privacy_repository as pg
from console.storage.sqlite import privacy as store
from console.storage.sqlite.runner import DatabaseRunner
from tests.people import signed_in
from tests.unit.conftest import ALL_BACKENDS, Clock, run, search_names

#: Consent, export and erasure through the services run on every store; the tests that
#: take ``runner`` look into SQLite's own file, WAL, backups and triggers (PostgreSQL's
#: counterparts are at the end of this file).
both = pytest.mark.parametrize("backend", ALL_BACKENDS, indirect=True)

NAME = "Quintessa Canarywood"
PHONE = "+8613987654321"


@pytest.fixture
def identity(backend: Store, settings: SettingsService) -> Identity:
    return signed_in(backend, "manager")


@pytest.fixture
def customers(
    backend: Store, settings: SettingsService, identity: Identity, clock: Clock
) -> CustomerService:
    return CustomerService(backend, settings, clock=clock, identity=identity)


@pytest.fixture
def privacy(backend: Store, identity: Identity) -> PrivacyService:
    return PrivacyService(backend, identity)


def canary(customers: CustomerService, clock: Clock) -> int:
    cid = run(
        customers.save(
            Customer(
                name=NAME,
                preferred_name="Ms. Canarywood",
                phones=[Phone(PHONE, "mobile")],
                email="quintessa@example.com",
                member_no="M-777123",
                birthday=PartialDate(3, 14, 1985),
                dates=[ImportantDate("wedding anniversary", PartialDate(6, 1, 2010))],
                preferences=["Earl Grey, no sugar"],
                notes="allergic to walnuts",
                greetings_consent=True,
            )
        )
    )
    run(customers.log_visit(cid, note="came with her sister"))
    clock.advance(dt.timedelta(minutes=3))
    run(customers.add_purchase(cid, [PurchaseItem("Oolong", 2, 4800, "drink")], currency="CNY"))
    run(customers.redeem_reward(cid))
    return cid


# --- consent --------------------------------------------------------------------------


@both
def test_consent_changes_are_kept_per_purpose_with_how_and_who(
    backend: Store, customers: CustomerService, privacy: PrivacyService, clock: Clock
) -> None:
    cid = canary(customers, clock)
    customer = run(customers.get(cid))
    assert customer is not None
    customer.marketing_consent = True
    run(customers.save(customer, consent_method=Method.WRITTEN))
    run(privacy.set_consent(cid, Purpose.GREETINGS, False, Method.PHONE, "asked on the phone"))
    history = run(privacy.consent_history(cid))
    assert [(e.purpose, e.granted, e.method) for e in history] == [
        (Purpose.GREETINGS, True, Method.IN_PERSON),
        (Purpose.MARKETING, True, Method.WRITTEN),
        (Purpose.GREETINGS, False, Method.PHONE),
    ]
    assert (
        history[-1].describe()
        == "withdrew consent for birthday and anniversary greetings on the phone"
    )
    now = run(customers.get(cid))
    assert now is not None and (now.greetings_consent, now.marketing_consent) == (False, True)


@both
def test_the_today_view_respects_withdrawn_greetings_consent(
    backend: Store, customers: CustomerService, privacy: PrivacyService, clock: Clock
) -> None:
    cid = run(
        customers.save(
            Customer(name="Birthday Today", birthday=PartialDate(11, 28), greetings_consent=True)
        )
    )
    assert [c.customer_id for _o, c in run(customers.today()).occasions] == [cid]
    run(privacy.set_consent(cid, Purpose.GREETINGS, False))
    assert run(customers.today()).occasions == []


def test_consent_history_is_append_only(runner: DatabaseRunner, privacy: PrivacyService) -> None:
    cid = runner.call(
        lambda db: (
            db.execute(
                "INSERT INTO customers (name, created_at, updated_at) VALUES ('X', 'a', 'a')"
            ).lastrowid
        )
    )
    run(privacy.set_consent(cid, Purpose.MARKETING, True, note="signed form #12"))
    for sql in ("UPDATE consent_events SET granted = 0", "DELETE FROM consent_events"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            runner.call(lambda db, sql=sql: db.execute(sql))


# --- export ---------------------------------------------------------------------------


def test_every_table_is_either_customer_data_or_declared_not_to_be(
    runner: DatabaseRunner,
) -> None:
    tables = set(runner.call(lambda db: db.table_names())) - {"_sqlite_migrations"}
    linked = {link.table for link in runner.call(store.customer_links)} | {"customers"}
    unclassified = tables - linked - store.NOT_CUSTOMER_DATA
    assert not unclassified, f"say whether these hold customer data: {sorted(unclassified)}"
    assert not (linked & store.NOT_CUSTOMER_DATA)
    assert linked - {"customers"} <= set(store.ERASURE), "every linked table needs a rule"


def linked_tables(backend: Store) -> set[str]:
    """The tables the store finds linked to customers (from its own schema)."""
    if isinstance(backend, DatabaseRunner):
        return {link.table for link in backend.call(store.customer_links)}
    return {link.table for link in backend.read_now(lambda r: pg.customer_links(r.conn))}  # type: ignore[attr-defined]


@both
def test_export_holds_every_linked_table_and_the_audit_entries(
    backend: Store, customers: CustomerService, privacy: PrivacyService, clock: Clock
) -> None:
    cid = canary(customers, clock)
    other = run(customers.save(Customer(name="Someone Else", phones=[Phone("+8613800000000")])))
    data = run(privacy.export_customer(cid))
    linked = linked_tables(backend)
    assert set(data["tables"]) == linked | {"customers", "complaint_drafts"}
    for table in linked | {"customers"}:
        rows = data["tables"][table]
        owner_column = "id" if table == "customers" else None
        if owner_column:
            assert [r["id"] for r in rows] == [cid]
    tables = data["tables"]
    assert [p["e164"] for p in tables["phones"]] == [PHONE]
    assert [d["label"] for d in tables["important_dates"]] == ["wedding anniversary"]
    assert [v["note"] for v in tables["visits"]] == ["came with her sister"]
    assert [i["name"] for i in tables["purchase_items"]] == ["Oolong"]
    assert len(tables["rewards_redeemed"]) == 1
    assert [(c["purpose"], c["granted"]) for c in tables["consent_events"]] == [("greetings", 1)]
    assert len(tables["search_docs"]) == 1
    assert all(r.get("customer_id", cid) == cid for t in tables.values() for r in t)
    assert other not in {r.get("customer_id") for t in tables.values() for r in t}
    actions = [(a["action"], a["entity"]) for a in data["audit"]]
    assert ("create", "customer") in actions and ("create", "purchase") in actions
    assert ("view", "customer") not in actions  # no profile opened in this test


@both
def test_export_and_erase_need_a_manager(
    backend: Store, settings: SettingsService, customers: CustomerService, clock: Clock
) -> None:
    cid = canary(customers, clock)
    agentish = PrivacyService(backend, signed_in(backend, "trainer"))
    with pytest.raises(NotAllowed):
        run(agentish.export_customer(cid))
    with pytest.raises(NotAllowed):
        run(agentish.erase_customer(cid, "asked"))


# --- erasure --------------------------------------------------------------------------


def test_erasure_removes_personal_data_everywhere_and_keeps_figures(
    runner: DatabaseRunner,
    customers: CustomerService,
    privacy: PrivacyService,
    clock: Clock,
    db_path: Path,
) -> None:
    cid = canary(customers, clock)
    keep = run(customers.save(Customer(name="Kept Customer", phones=[Phone("+8613811112222")])))
    assert search_names(runner, "canarywood") == [NAME]
    redacted = run(privacy.erase_customer(cid, "customer asked to be forgotten")).redacted
    assert redacted >= 3  # create customer, visit, purchase (+ reward, consent…)
    for query in (NAME, "canarywood", "quintessa", PHONE, "4321", "13987654321", "777123"):
        assert search_names(runner, query) == [], query
    assert search_names(runner, "Kept") == ["Kept Customer"]
    erased = run(customers.get(cid))
    assert erased is not None
    assert (erased.name, erased.phones, erased.email, erased.birthday, erased.notes) == (
        store.ERASED_NAME,
        [],
        "",
        None,
        "",
    )
    # Figures still count the visit and the purchase.
    counts = runner.call(
        lambda db: (
            db.execute("SELECT count(*) FROM visits WHERE customer_id = ?", [cid]).fetchone()[0],
            db.execute("SELECT count(*) FROM purchases WHERE customer_id = ?", [cid]).fetchone()[0],
        )
    )
    assert counts == (1, 1)
    assert runner.call(store.is_erased, cid)
    # Nothing readable is left in the files.
    runner.call(lambda db: db.execute("PRAGMA wal_checkpoint(TRUNCATE)"))
    blob = db_path.read_bytes() + (
        Path(f"{db_path}-wal").read_bytes() if Path(f"{db_path}-wal").exists() else b""
    )
    for needle in (b"Canarywood", b"quintessa@", b"walnuts", b"13987654321", b"12345678931"):
        assert needle not in blob, needle
    assert b"Kept Customer" in blob
    # The erasure itself is recorded; the old values are gone from the audit trail.
    data = runner.call(store.export_customer, cid)
    assert data.tables["phones"] == []
    assert all(
        a["fields"] in ({"redacted": True}, {}) for a in data.audit if a["action"] != "erase"
    )
    assert [a["detail"] for a in data.audit if a["action"] == "erase"] == [
        "customer asked to be forgotten"
    ]
    assert keep


@both
def test_erasure_covers_records_merged_into_the_customer(
    backend: Store, customers: CustomerService, privacy: PrivacyService
) -> None:
    keep = run(customers.save(Customer(name="Wang Fang", phones=[Phone("+8613800001111")])))
    dup = run(
        customers.save(
            Customer(name="Wang Fang (old card)", phones=[Phone("+8613800002222")]),
            allow_duplicates=True,
        )
    )
    run(customers.merge(keep, dup))
    run(privacy.erase_customer(keep, "asked"))
    names = [backend.read_now(lambda r, i=i: r.customers.get(i)) for i in (keep, dup)]
    assert [c.name for c in names if c] == [store.ERASED_NAME, store.ERASED_NAME]
    assert search_names(backend, "2222") == []


@both
def test_erasure_needs_a_reason_and_an_unknown_table_stops_it(
    backend: Store,
    customers: CustomerService,
    privacy: PrivacyService,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cid = canary(customers, clock)
    with pytest.raises(ValueError, match="say why") as refused:
        run(privacy.erase_customer(cid, " "))
    said = wording.error_text(refused.value, "zh_CN")
    assert said == "请说明清除该客户资料的原因（例如：客户本人要求）"
    monkeypatch.delitem(store.ERASURE, "visits")
    monkeypatch.delitem(pg.ERASURE, "visits")
    with pytest.raises(store.ErasureIncomplete, match="visits"):
        run(privacy.erase_customer(cid, "asked"))
    assert search_names(backend, "canarywood") == [NAME]  # nothing was erased


@both
def test_erasure_keeps_complaints_countable_but_removes_what_the_customer_said(
    backend: Store,
    settings: SettingsService,
    customers: CustomerService,
    privacy: PrivacyService,
    clock: Clock,
) -> None:
    from dataclasses import replace
    from zoneinfo import ZoneInfo

    from console.domain.complaint import Action, CauseCategory, Complaint, ComplaintChanged, Status
    from console.services.complaints import ComplaintService

    cid = canary(customers, clock)
    complaints = ComplaintService(backend, settings, zone=ZoneInfo("Asia/Shanghai"))
    complaint_id = run(
        complaints.create(
            Complaint(
                customer_id=cid,
                caller_name=NAME,
                caller_contact=PHONE,
                customer_words="Quintessa's teapot arrived cracked",
                apology="非常抱歉",
                cause=CauseCategory.DELIVERY,
                status=Status.RESOLVED,
            )
        )
    )
    run(complaints.act(complaint_id, Action.REOPEN, "Canarywood called again"))
    seen = run(complaints.get(complaint_id))
    assert seen is not None
    run(complaints.save_draft("k1", "Canarywood", {"customer_id": cid, "words": "Quintessa"}))
    run(complaints.save_draft("k2", "someone", {"customer_id": cid + 100, "words": "other"}))
    exported = run(privacy.export_customer(cid))
    assert [c["id"] for c in exported["tables"]["complaints"]] == [complaint_id]
    assert [d["key"] for d in exported["tables"]["complaint_drafts"]] == ["k1"]
    run(privacy.erase_customer(cid, "asked"))
    detail = run(complaints.get(complaint_id))
    assert detail is not None
    c = detail.complaint
    assert (c.caller_name, c.caller_contact, c.customer_words, c.apology) == (
        "",
        "",
        "(erased)",
        "",
    )
    assert c.cause is CauseCategory.DELIVERY and c.customer_id == cid  # still counted
    assert all(h.note == "" for h in detail.history)
    assert [d.key for d in run(complaints.drafts())] == ["k2"]
    # A window still showing the complaint as it was cannot write the customer's words back.
    assert c.version == seen.complaint.version + 1
    with pytest.raises(ComplaintChanged):
        run(complaints.update(replace(seen.complaint, customer_words="Quintessa's teapot")))


# --- erasure is complete or says what is not (issue 12) ---------------------------------


def test_an_erased_customer_stays_erased_after_restoring_an_older_backup(
    runner: DatabaseRunner,
    customers: CustomerService,
    privacy: PrivacyService,
    clock: Clock,
    db_path: Path,
    tmp_path: Path,
) -> None:
    from console.storage.sqlite.backup import backup_to, restore_into

    cid = canary(customers, clock)
    runner.call(backup_to, tmp_path / "older.db")  # made before the erasure
    run(privacy.erase_customer(cid, "customer asked"))
    register = runner.call(store.erasure_register)
    assert list(register) == [cid]
    row = runner.call(lambda db: db.execute("SELECT * FROM erasures").fetchall())
    assert NAME not in repr(row) and PHONE not in repr(row)  # ids and times only
    runner.close()
    info = restore_into(tmp_path / "older.db", db_path, tmp_path / "backups" / "safety.db")
    assert info.erased_again == (cid,)
    with DatabaseRunner(db_path) as again:
        assert search_names(again, "canarywood") == []
        assert again.call(store.is_erased, cid)
        assert again.call(store.erasure_register) == register
    for path in db_path.parent.glob("console.db*"):
        assert b"Canarywood" not in path.read_bytes(), path.name


def test_the_erasure_says_how_long_older_backups_keep_the_customer(
    runner: DatabaseRunner,
    customers: CustomerService,
    identity: Identity,
    clock: Clock,
    db_path: Path,
) -> None:
    from console.services.backup import BackupService
    from console.services.settings import BACKUP_EVERY_HOURS, BACKUP_KEEP

    cid = canary(customers, clock)
    settings = SettingsService(runner)
    backups = BackupService(runner, settings, clock, files=runner.files)
    privacy = PrivacyService(runner, identity, clock, backups)
    assert run(privacy.erase_customer(cid, "asked")).complete  # no backups: nothing holds it
    other = canary(customers, clock)
    run(settings.set(BACKUP_EVERY_HOURS, 24))
    run(settings.set(BACKUP_KEEP, 14))
    assert run(backups.backup_if_due()) is not None  # a scheduled backup now
    result = run(privacy.erase_customer(other, "asked"))
    assert not result.complete and result.wal_cleared
    first_new = clock.local_naive() + dt.timedelta(hours=24)
    until = first_new + dt.timedelta(hours=24 * 13)
    assert result.backups.scheduled_until == until
    text = result.describe()
    assert f"older backups still hold this customer until {until:%Y-%m-%d %H:%M}" in text
    assert "when the oldest is rotated out" in text
    run(backups.backup_now())  # a manual one is never rotated out
    text = run(privacy.erase_customer(canary(customers, clock), "asked")).describe()
    assert "1 manual or pre-restore backup(s) hold this customer until someone deletes" in text


def test_erasure_waits_for_the_wal_or_says_it_could_not_finish(
    runner: DatabaseRunner,
    customers: CustomerService,
    privacy: PrivacyService,
    clock: Clock,
    db_path: Path,
) -> None:
    cid = canary(customers, clock)
    reader = sqlite3.connect(db_path, isolation_level=None)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM customers").fetchone()  # holds a read snapshot
        result = run(privacy.erase_customer(cid, "asked", wait_seconds=0.2))
        assert not result.wal_cleared and not result.complete
        assert "could not finish" in result.describe()
        assert "personal data removed" in result.describe()
        assert Path(f"{db_path}-wal").stat().st_size > 0
    finally:
        reader.rollback()
        reader.close()
    other = canary(customers, clock)
    result = run(privacy.erase_customer(other, "asked", wait_seconds=0.2))
    assert result.wal_cleared and "could not finish" not in result.describe()
    assert Path(f"{db_path}-wal").stat().st_size == 0


# --- PostgreSQL's own: its schema, its triggers, its rows --------------------------------


def _pg_rows(
    backend: Store, sql: str, params: list[object] | None = None
) -> list[tuple[object, ...]]:
    return backend.read_now(lambda r: r.conn.execute(sql, params or []).fetchall())  # type: ignore[attr-defined]


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
def test_every_postgres_table_is_either_customer_data_or_declared_not_to_be(
    backend: Store,
) -> None:
    tables = {
        str(r[0])
        for r in _pg_rows(backend, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    }
    linked = linked_tables(backend) | {"customers"}
    unclassified = tables - linked - pg.NOT_CUSTOMER_DATA
    assert not unclassified, f"say whether these hold customer data: {sorted(unclassified)}"
    assert not (linked & pg.NOT_CUSTOMER_DATA)
    assert linked - {"customers"} <= set(pg.ERASURE), "every linked table needs a rule"
    assert set(pg.ERASURE) == set(store.ERASURE)  # the same rules as the desk's


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
def test_postgres_erasure_removes_personal_data_from_every_table_and_keeps_figures(
    backend: Store, customers: CustomerService, privacy: PrivacyService, clock: Clock
) -> None:
    from psycopg import errors as pg_errors

    cid = canary(customers, clock)
    keep = run(customers.save(Customer(name="Kept Customer", phones=[Phone("+8613811112222")])))
    redacted = run(privacy.erase_customer(cid, "customer asked to be forgotten")).redacted
    assert redacted >= 3
    for query in (NAME, "canarywood", "quintessa", PHONE, "4321", "13987654321", "777123"):
        assert search_names(backend, query) == [], query
    assert search_names(backend, "Kept") == ["Kept Customer"]
    # No table's text holds the customer's words any more (every row as text, folded
    # as the search index folds it).
    for (table,) in _pg_rows(
        backend, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
    ):
        text = " ".join(str(r[0]) for r in _pg_rows(backend, f'SELECT t::text FROM "{table}" t'))
        for needle in ("canarywood", "quintessa", "walnuts", "13987654321", "12345678931"):
            assert needle not in text.lower(), (table, needle)
    assert _pg_rows(
        backend,
        "SELECT (SELECT count(*) FROM visits WHERE customer_id = %s), "
        "(SELECT count(*) FROM purchases WHERE customer_id = %s), "
        "(SELECT count(*) FROM erasures WHERE customer_id = %s)",
        [cid, cid, cid],
    ) == [(1, 1, 1)]
    assert backend.read_now(lambda r: pg.is_erased(r.conn, cid))  # type: ignore[attr-defined]
    data = run(privacy.export_customer(cid))
    assert data["tables"]["phones"] == []
    assert [a["detail"] for a in data["audit"] if a["action"] == "erase"] == [
        "customer asked to be forgotten"
    ]
    # Consent history stays append-only (erasure only blanked its notes).
    with pytest.raises(pg_errors.RestrictViolation, match="append-only"):
        backend.write_now(
            lambda r: r.conn.execute("UPDATE consent_events SET granted = NOT granted")  # type: ignore[attr-defined]
        )
    with pytest.raises(pg_errors.RestrictViolation, match="append-only"):
        backend.write_now(lambda r: r.conn.execute("DELETE FROM consent_events"))  # type: ignore[attr-defined]
    assert keep
