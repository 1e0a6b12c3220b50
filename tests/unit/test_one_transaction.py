"""A change and its record commit together: the row, its audit entry, its consent event,
its complaint history — all or nothing (issue 12, "Half-saved and leaked")."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from console.domain.clock import FixedClock
from console.domain.complaint import Complaint
from console.domain.consent import Purpose
from console.domain.customer import Customer, Phone, PurchaseItem
from console.services.complaints import ComplaintService
from console.services.customers import CustomerService
from console.services.settings import SettingsService
from console.storage.sqlite import customers as customer_store
from console.storage.sqlite import privacy as privacy_store
from console.storage.sqlite import staff as staff_store
from console.storage.sqlite.runner import DatabaseRunner
from tests.people import signed_in
from tests.unit.conftest import add_customer, run

SH = ZoneInfo("Asia/Shanghai")


class AuditBroken(RuntimeError):
    pass


def _count(runner: DatabaseRunner, sql: str) -> int:
    return int(runner.call(lambda db: db.execute(sql).fetchone()[0]))


@pytest.fixture
def broken_audit(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object, **__: object) -> int:
        raise AuditBroken("the audit insert failed")

    monkeypatch.setattr(staff_store, "append_audit", fail)


def test_a_failing_audit_insert_saves_no_customer_and_no_consent(
    runner: DatabaseRunner, service: CustomerService, broken_audit: None
) -> None:
    customer = Customer("Zhou Min", phones=[Phone("+8613800000042")], marketing_consent=True)
    with pytest.raises(AuditBroken):
        run(service.save(customer))
    assert _count(runner, "SELECT count(*) FROM customers") == 0
    assert _count(runner, "SELECT count(*) FROM consent_events") == 0
    assert _count(runner, "SELECT count(*) FROM audit") == 0


def test_a_failing_customer_insert_leaves_no_audit_entry(
    runner: DatabaseRunner, service: CustomerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_: object, **__: object) -> int:
        raise RuntimeError("disk I/O error")

    monkeypatch.setattr(customer_store, "insert_customer", fail)
    with pytest.raises(RuntimeError):
        run(service.save(Customer("Zhou Min", marketing_consent=True)))
    assert _count(runner, "SELECT count(*) FROM audit") == 0
    assert _count(runner, "SELECT count(*) FROM consent_events") == 0


def test_a_failing_consent_event_keeps_the_customer_unchanged(
    runner: DatabaseRunner, service: CustomerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    cid = run(service.save(Customer("Zhou Min")))
    customer = run(service.get(cid))
    assert customer is not None
    customer.marketing_consent = True
    customer.notes = "likes jasmine tea"

    def fail(*_: object, **__: object) -> None:
        raise RuntimeError("consent table unwritable")

    monkeypatch.setattr(privacy_store, "record_consent", fail)
    with pytest.raises(RuntimeError):
        run(service.save(customer))
    again = run(service.get(cid))
    assert again is not None
    assert not again.marketing_consent
    assert again.notes == ""
    assert _count(runner, "SELECT count(*) FROM audit WHERE action = 'update'") == 0


def test_a_saved_customer_has_its_audit_entry_and_consent_event(
    runner: DatabaseRunner, service: CustomerService
) -> None:
    cid = run(service.save(Customer("Zhou Min", marketing_consent=True)))
    assert _count(runner, f"SELECT count(*) FROM audit WHERE entity_id = '{cid}'") == 1
    events = runner.call(privacy_store.consent_history, cid)
    assert [(e.purpose, e.granted) for e in events] == [(Purpose.MARKETING, True)]


def test_a_failing_audit_insert_records_no_purchase_visit_or_merge(
    runner: DatabaseRunner, service: CustomerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = add_customer(runner, "Zhou Min")
    b = add_customer(runner, "Zhou M.")

    def fail(*_: object, **__: object) -> int:
        raise AuditBroken("the audit insert failed")

    monkeypatch.setattr(staff_store, "append_audit", fail)
    with pytest.raises(AuditBroken):
        run(service.add_purchase(a, [PurchaseItem("Tea", 1, 500)], currency="CNY"))
    with pytest.raises(AuditBroken):
        run(service.log_visit(a, note="first visit"))
    with pytest.raises(AuditBroken):
        run(service.merge(a, b))
    assert _count(runner, "SELECT count(*) FROM purchases") == 0
    assert _count(runner, "SELECT count(*) FROM visits") == 0
    assert _count(runner, "SELECT count(*) FROM customers WHERE merged_into IS NOT NULL") == 0


@pytest.fixture
def complaints(runner: DatabaseRunner) -> ComplaintService:
    settings = SettingsService(runner)
    now = dt.datetime(2026, 11, 2, 9, 0, tzinfo=SH)
    identity = signed_in(runner, "admin", "Li", FixedClock(now))
    return ComplaintService(runner, settings, clock=FixedClock(now), zone=SH, identity=identity)


def _complaint(svc: ComplaintService) -> Complaint:
    return Complaint(
        caller_name="Wang",
        customer_words="The phone freezes again.",
        promise_due=svc.now() + dt.timedelta(hours=2),
    )


def test_a_failing_audit_insert_saves_no_complaint_and_no_history(
    runner: DatabaseRunner, complaints: ComplaintService, broken_audit: None
) -> None:
    with pytest.raises(AuditBroken):
        run(complaints.create(_complaint(complaints)))
    assert _count(runner, "SELECT count(*) FROM complaints") == 0
    assert _count(runner, "SELECT count(*) FROM complaint_events") == 0


def test_a_complaint_and_its_create_entry_commit_together(
    runner: DatabaseRunner, complaints: ComplaintService
) -> None:
    cid = run(complaints.create(_complaint(complaints)))
    rows = runner.call(
        lambda db: db.execute(
            "SELECT action FROM audit WHERE entity = 'complaint' AND entity_id = ?", [str(cid)]
        ).fetchall()
    )
    assert [r[0] for r in rows] == ["create"]


def test_a_failing_audit_insert_adds_or_changes_no_staff_account(
    runner: DatabaseRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from console.services.staff import AuditService, StaffService

    staff = StaffService(runner, AuditService(runner))
    admin = run(staff.add_staff(None, name="Grace", role="admin", secret="7391"))
    session = run(staff.sign_in("Grace", "7391"))

    def fail(*_: object, **__: object) -> int:
        raise AuditBroken("the audit insert failed")

    monkeypatch.setattr(staff_store, "append_audit", fail)
    with pytest.raises(AuditBroken):
        run(staff.add_staff(session, name="Li Na", role="agent", secret="4826"))
    with pytest.raises(AuditBroken):
        run(staff.change_staff(session, admin.id, store="Harbour City"))
    assert _count(runner, "SELECT count(*) FROM staff") == 1
    assert _count(runner, "SELECT count(*) FROM staff WHERE store = 'Harbour City'") == 0
