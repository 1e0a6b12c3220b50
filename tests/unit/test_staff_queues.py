"""Queue membership (issue 16): the call queues a staff member answers, kept on the staff
record on both backends (the server's routing by them: test_call_targets.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from console.domain.clock import FixedClock
from console.domain.staff import in_queue, parse_queues, queues_text
from console.domain.validation import ValidationFailed
from console.repositories import Store
from console.repositories.staff import AuditQuery
from console.services.staff import AuditService, StaffService
from tests.unit.conftest import run

T0 = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)


# --- the names ------------------------------------------------------------------------


def test_queue_names_are_trimmed_deduplicated_in_any_case_and_kept_as_given() -> None:
    assert parse_queues(" Sales, support ,,SALES, VIP ") == ("Sales", "support", "VIP")
    assert parse_queues(["vip", " Vip", ""]) == ("vip",)
    assert parse_queues("") == ()
    assert queues_text([" Sales", "support", "sales"]) == "Sales,support"


def test_queue_membership_matches_trimmed_in_any_case() -> None:
    assert in_queue(("Sales", "support"), " SALES ")
    assert in_queue(("售后",), "售后")
    assert not in_queue(("Sales",), "sale")
    assert not in_queue(("Sales",), "")
    assert not in_queue((), "sales")


# --- stored on the staff record, on both backends --------------------------------------


@pytest.fixture
def staff(backend: Store) -> StaffService:
    clock = FixedClock(T0)
    return StaffService(backend, AuditService(backend, clock=clock), clock=clock)


def test_queues_round_trip_on_the_staff_record(staff: StaffService, backend: Store) -> None:
    run(staff.add_staff(None, name="Grace", role="admin", secret="7391"))
    admin = run(staff.sign_in("grace", "7391"))
    added = run(
        staff.add_staff(
            admin, name="Li Na", role="agent", secret="5820", queues=" Sales, support,sales"
        )
    )
    assert added.queues == ("Sales", "support")
    read = backend.read_now(lambda r: r.staff.get(added.id))
    assert read.queues == ("Sales", "support")
    found = backend.read_now(lambda r: r.staff.find("li na"))
    assert found is not None and found.member.queues == ("Sales", "support")
    assert [m.queues for m in run(staff.list_staff(admin))] == [(), ("Sales", "support")]
    # Signing in carries them (the server routes by the signed-in member).
    assert run(staff.sign_in("Li Na", "5820")).staff.queues == ("Sales", "support")

    changed = run(staff.change_staff(admin, added.id, queues=["VIP", " vip"]))
    assert changed.queues == ("VIP",)
    assert backend.read_now(lambda r: r.staff.get(added.id)).queues == ("VIP",)
    cleared = run(staff.change_staff(admin, added.id, queues=""))
    assert cleared.queues == ()

    def audited(action: str) -> list[dict[str, object]]:
        query = AuditQuery(action=action, entity="staff", entity_id=added.id)
        return [e.fields for e in backend.read_now(lambda r: r.staff.audit_entries(query))]

    (created,) = audited("create")
    assert created["queues"] == [None, "Sales,support"]
    assert audited("update") == [{"queues": ["VIP", ""]}, {"queues": ["Sales,support", "VIP"]}]


def test_an_overlong_queue_name_is_refused_by_field(staff: StaffService) -> None:
    run(staff.add_staff(None, name="Grace", role="admin", secret="7391"))
    admin = run(staff.sign_in("grace", "7391"))
    with pytest.raises(ValidationFailed) as caught:
        run(staff.add_staff(admin, name="Li Na", role="agent", secret="5820", queues="q" * 121))
    assert set(caught.value.errors) == {"queues"}
    member = run(staff.add_staff(admin, name="Li Na", role="agent", secret="5820"))
    with pytest.raises(ValidationFailed):
        run(staff.change_staff(admin, member.id, queues=["sales", "q" * 121]))
    assert run(staff.list_staff(admin))[1].queues == ()
