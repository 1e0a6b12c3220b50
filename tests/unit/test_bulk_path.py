"""The bulk path's shortcuts give what the plain path gives: a new customer crosses a
process boundary whole, and a batch's instants are stored as dump() stores them."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

from console.domain.customer import Customer, Purchase, PurchaseItem, Visit
from console.repositories.customers import NewCustomer
from console.storage.sqlite import instants
from tests.unit.local_zone import local_zone
from tests.unit.test_customers_storage import _full_customer

NOW = dt.datetime(2026, 11, 28, 10, 0)


def test_a_new_customer_pickles_whole() -> None:
    customer = _full_customer()
    customer.id, customer.version, customer.changed_by = 7, 3, "Li Na"
    customer.created_at = NOW - dt.timedelta(days=3)
    customer.updated_at = NOW
    new = NewCustomer.of(
        customer,
        now=NOW,
        visits=[Visit(0, NOW - dt.timedelta(days=1), "Central", "Li Na", "tea")],
        purchases=[
            Purchase(
                0,
                NOW - dt.timedelta(hours=5),
                [PurchaseItem("Earl Grey", 2, 4500, "tea"), PurchaseItem("Scone", 1, 1800)],
                "Central",
                "online",
                "HKD",
            ),
            Purchase(0, NOW, [PurchaseItem("Cake", 1, 3000)]),
        ],
    )
    back = pickle.loads(pickle.dumps([new, new]))
    assert back[0] == new and back[1] == new
    assert back[0].customer.birthday == customer.birthday
    assert type(back[0].customer.language) is type(customer.language)
    bare = NewCustomer.of(Customer("Wang Wei"), now=NOW)
    assert pickle.loads(pickle.dumps(bare)) == bare


def _moments() -> list[dt.datetime]:
    """Every 10 minutes of 2025 and 2026 (each DST change of the zones below), both folds,
    and a few aware values."""
    start = dt.datetime(2025, 1, 1)
    walls = [start + dt.timedelta(minutes=10 * i) for i in range(6 * 24 * 730)]
    walls += [m.replace(fold=1, microsecond=123456) for m in walls[::7]]
    aware = [dt.datetime(2026, 3, 8, 7, 30, tzinfo=dt.UTC), dt.datetime(2026, 1, 1, tzinfo=dt.UTC)]
    return walls + aware


@pytest.mark.parametrize(
    "zone",
    ["Asia/Shanghai", "America/New_York", "Australia/Lord_Howe", "Europe/Dublin", "UTC"],
)
def test_a_batch_stores_instants_as_dump_does(zone: str) -> None:
    # Lord Howe moves by half an hour; Dublin's "winter time" is the negative DST.
    with local_zone(zone):
        batch = instants.Batch()
        moments = _moments()
        assert [batch(m) for m in moments] == [instants.dump(m) for m in moments]


def test_a_batch_made_in_one_zone_is_not_used_in_another() -> None:
    # A batch is made per bulk write (the zone cannot change under it); a new one sees
    # the new zone.
    wall = dt.datetime(2026, 7, 1, 9, 0)
    with local_zone("Asia/Shanghai"):
        assert instants.Batch()(wall) == "2026-07-01T01:00:00.000000+00:00"
    with local_zone("America/New_York"):
        assert instants.Batch()(wall) == "2026-07-01T13:00:00.000000+00:00"
