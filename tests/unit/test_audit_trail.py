"""Every create, update, view, merge, visit and purchase leaves an audit entry."""

from __future__ import annotations

import datetime as dt

import pytest

from console.domain.customer import Customer, Phone, PurchaseItem
from console.repositories import Store
from console.services.customers import CustomerService
from console.services.identity import Identity
from console.services.settings import SettingsService
from console.services.staff import AuditService, StaffService
from console.storage.sqlite import staff as audit_store
from console.storage.sqlite.runner import DatabaseRunner
from tests.unit.conftest import Clock, run


@pytest.fixture
def staff(backend: Store) -> StaffService:
    service = StaffService(backend, AuditService(backend))
    run(service.add_staff(None, name="Grace Ho", role="admin", secret="7391"))
    admin = run(service.sign_in("Grace Ho", "7391"))
    run(service.add_staff(admin, name="Li Na", role="agent", secret="5820"))
    run(service.sign_in("Li Na", "5820"))
    return service


@pytest.fixture
def signed_in(
    runner: DatabaseRunner, settings: SettingsService, staff: StaffService, clock: Clock
) -> CustomerService:
    return CustomerService(
        runner, settings, clock=clock, identity=Identity(runner, settings, staff)
    )


def entries(runner: DatabaseRunner, **filters: object) -> list[audit_store.AuditEntry]:
    return list(reversed(runner.call(audit_store.query_audit, limit=None, **filters)))


def test_create_update_and_view_are_recorded_with_before_and_after(
    runner: DatabaseRunner, signed_in: CustomerService
) -> None:
    customer_id = run(
        signed_in.save(Customer(name="Yu Hua", phones=[Phone("+8613812345678")], tier="gold"))
    )
    customer = run(signed_in.get(customer_id))
    assert customer is not None
    customer.preferred_name = "Mr. Yu"
    customer.tier = "vip"
    run(signed_in.save(customer))
    run(signed_in.save(customer))  # nothing changed: nothing recorded
    assert run(signed_in.profile(customer_id)) is not None
    runner.call(lambda db: None)  # the queued view entry is written before this returns
    log = entries(runner, entity="customer")
    assert [(e.action, e.actor, e.actor_role) for e in log] == [
        ("create", "Li Na", "agent"),
        ("update", "Li Na", "agent"),
        ("view", "Li Na", "agent"),
    ]
    created, updated, _viewed = log
    assert created.entity_id == str(customer_id)
    assert created.fields["name"] == [None, "Yu Hua"]
    assert created.fields["tier"] == [None, "gold"]
    assert "preferred_name" not in created.fields  # empty fields are not listed
    assert updated.fields == {"preferred_name": ["", "Mr. Yu"], "tier": ["gold", "vip"]}


def test_visits_purchases_rewards_and_merges_are_recorded(
    runner: DatabaseRunner, signed_in: CustomerService, clock: Clock
) -> None:
    first = run(signed_in.save(Customer(name="Wang Fang")))
    second = run(signed_in.save(Customer(name="Wang Fang (dup)"), allow_duplicates=True))
    visit = run(signed_in.log_visit(first))
    assert visit.staff == "Li Na"  # the signed-in person, not a setting
    clock.advance(dt.timedelta(minutes=5))
    run(signed_in.add_purchase(first, [PurchaseItem("Latte", 2, 3200)], currency="CNY"))
    run(signed_in.redeem_reward(first))
    run(signed_in.merge(first, second))
    actions = [
        (e.action, e.entity, e.entity_id)
        for e in entries(runner, actor="Li Na")
        if e.entity != "staff"  # signing in
    ]
    assert actions == [
        ("create", "customer", str(first)),
        ("create", "customer", str(second)),
        ("create", "visit", str(first)),
        ("create", "purchase", str(first)),
        ("update", "reward", str(first)),
        ("merge", "customer", str(first)),
        ("merge", "customer", str(second)),
    ]
    purchase = entries(runner, entity="purchase")[0]
    assert purchase.fields == {"items": [None, ["2 × Latte"]]}


def test_without_sign_in_the_command_line_account_is_named(
    runner: DatabaseRunner, service: CustomerService
) -> None:
    run(service.save(Customer(name="Zoë O'Brien")))
    (entry,) = entries(runner, action="create")
    assert entry.actor.startswith("cli:")
