"""The bulk path's shortcuts give what the plain path gives: a new customer crosses a
process boundary whole."""

from __future__ import annotations

import datetime as dt
import pickle

from console.domain.customer import Customer, Purchase, PurchaseItem, Visit
from console.repositories.customers import NewCustomer
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
