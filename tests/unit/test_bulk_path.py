"""The bulk path's shortcuts give what the plain path gives: a new customer crosses a
process boundary whole, a batch's instants are stored as dump() stores them, and a large
batch's keys are refused set-wise exactly as the row triggers refuse them."""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle

import pytest
import sqlite_utils

from console.domain.customer import (
    Conflict,
    Customer,
    DuplicateFound,
    Phone,
    Purchase,
    PurchaseItem,
    Visit,
)
from console.repositories import Repositories
from console.repositories.customers import Loaded, NewCustomer
from console.storage.sqlite import bulk_load, customer_rows, driver, instants
from console.storage.sqlite.runner import DatabaseRunner
from console.storage.sqlite.transactions import write_transaction
from tests.unit.conftest import add_customer
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


# --- uniqueness in a large batch: checked set-wise, refused as the row triggers refuse ----

_TRIGGERS = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?) ORDER BY 1"


def _holders(runner: DatabaseRunner) -> int:
    """A live holder of a phone, an e-mail and a member number, and a merged one."""
    keep = add_customer(
        runner, "Wang Fang", phones=["+8613812345678"], email="wang@example.com", member_no="M-7"
    )
    gone = add_customer(runner, "Old Li", phones=["+8613900000009"], email="li@example.com")
    runner.write_now(lambda r: r.customers.merge(keep, gone, now=NOW))
    return keep


#: (the batch's one new customer, refused?). The rest of the batch is unique filler.
_CASES = [
    (Customer("Twin", phones=[Phone("+8613812345678")]), True),
    (Customer("Twin", email="WANG@Example.com"), True),
    (Customer("Twin", member_no="M-7"), True),
    (Customer("Twin", email="li@example.com"), False),  # its holder was merged away
    (Customer("Twin", phones=[Phone("+8613700000001")], email="new@example.com"), False),
]


def _load(
    runner: DatabaseRunner, batch: list[Customer], *, keep: bool = False
) -> tuple[str, str] | Loaded:
    """Load *batch* in one transaction: what it wrote, or the refusal (its type and text)."""

    def job(r: Repositories) -> Loaded:
        with r.customers.bulk_load() as load:
            return load.add([NewCustomer.of(c, now=NOW) for c in batch], keep_duplicates=keep)

    try:
        return runner.write_now(job)
    except (DuplicateFound, *driver.IntegrityError) as exc:
        return (type(exc).__name__, str(exc))


@pytest.mark.parametrize(("twin", "refused"), _CASES)
def test_a_large_batch_is_refused_exactly_as_row_by_row(
    runner: DatabaseRunner, monkeypatch: pytest.MonkeyPatch, twin: Customer, refused: bool
) -> None:
    _holders(runner)
    filler = [Customer(f"Filler {i}", phones=[Phone(f"+86136{i:08d}")]) for i in range(20)]
    outcomes = []
    for set_wise_from in (10_000, 1):  # the row triggers, then the set-wise check
        monkeypatch.setattr(bulk_load, "SET_WISE_FROM", set_wise_from)
        batch = [*filler[:10], copy.deepcopy(twin), *filler[10:]]
        outcomes.append(_load(runner, batch))
        assert runner.call(lambda db: db.execute(_TRIGGERS, bulk_load.ROW_TRIGGERS).fetchall())
        if not refused:  # written: take it out again for the second way
            runner.call(_forget_batch)
    assert outcomes[0] == outcomes[1]
    assert isinstance(outcomes[0], tuple) == refused
    if refused:
        assert outcomes[1] == ("IntegrityError", bulk_load.TAKEN)


def _forget_batch(db: sqlite_utils.Database) -> None:
    with write_transaction(db):
        for table in ("phones", "search_docs"):
            db.execute(f"DELETE FROM {table} WHERE customer_id > 2")
        db.execute("DELETE FROM customers WHERE id > 2")


def test_a_large_batch_repeating_a_key_within_itself_is_refused_with_the_key(
    runner: DatabaseRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk_load, "SET_WISE_FROM", 1)
    batch = [Customer("A", email="a@example.com"), Customer("B", email="A@EXAMPLE.COM")]
    assert _load(runner, batch) == (
        "DuplicateFound",
        str(DuplicateFound([Conflict("email", "a@example.com", 0, "A")])),
    )
    batch = [Customer("A", phones=[Phone("+8613800000001")])] * 2
    assert _load(runner, [copy.deepcopy(c) for c in batch])[0] == "DuplicateFound"
    assert runner.read_now(lambda r: r.customers.count()) == 0


def test_after_a_large_batch_the_database_refuses_duplicates_row_by_row_again(
    runner: DatabaseRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk_load, "SET_WISE_FROM", 1)
    batch = [Customer(f"C {i}", phones=[Phone(f"+86136{i:08d}")]) for i in range(3)]
    batch.append(Customer("Twin", phones=[Phone("+8613600000000")]))  # kept on purpose
    loaded = _load(runner, batch, keep=True)
    assert isinstance(loaded, Loaded) and loaded.customers == 4
    assert runner.call(lambda db: db.execute(_TRIGGERS, bulk_load.ROW_TRIGGERS).fetchall()) == [
        ("customer_keys_unique_insert",),
        ("phone_unique_insert",),
    ]

    def straight_insert(db: sqlite_utils.Database) -> None:  # past every check but the triggers
        db.execute(
            "INSERT INTO phones (customer_id, e164, label, position) "
            "VALUES (4, '+8613600000001', '', 1)"
        )

    with pytest.raises(driver.IntegrityError, match=bulk_load.TAKEN):
        runner.call(straight_insert)


@pytest.mark.parametrize(
    "items",
    [
        [],
        ["oat milk"],
        ["oat milk", "窗边的座位"],
        ['a "quote"', "back\\slash", "tab\tnew\nline\x01"],
    ],
)
def test_lists_are_stored_as_json_dumps_writes_them(items: list[str]) -> None:
    assert customer_rows._dumps_list(items) == json.dumps(items, ensure_ascii=False)
    assert json.loads(customer_rows._dumps_list(items)) == items


@pytest.mark.parametrize("many", [False, True])  # by query; from the keys read once
def test_an_encoded_customer_has_the_same_conflicts_and_is_written_the_same(
    runner: DatabaseRunner, many: bool
) -> None:
    _holders(runner)
    twins = [copy.deepcopy(twin) for twin, _refused in _CASES]

    def check(r: Repositories) -> list[tuple[list[Conflict], list[Conflict]]]:
        encode = r.customers.bulk_encoder()
        assert encode is not None
        with r.customers.bulk_load() as load:
            if many:
                load.expect_many()
            news = [NewCustomer.of(c, now=NOW) for c in twins]
            return [
                (load.conflicts(new), load.conflicts_encoded(row))
                for new, row in zip(news, encode(news), strict=True)
            ]

    for plain, encoded in runner.write_now(check):
        assert plain == encoded
    # Written encoded, read back as written plainly.
    fresh = [Customer("Zhao Lei", phones=[Phone("+8613512345678")], email="Zhao@Example.com")]

    def add_encoded(r: Repositories) -> Loaded:
        encode = r.customers.bulk_encoder()
        assert encode is not None
        with r.customers.bulk_load() as load:
            return load.add_encoded(encode([NewCustomer.of(c, now=NOW) for c in fresh]))

    assert runner.write_now(add_encoded) == Loaded(1, 0, 0)
    stored = runner.read_now(lambda r: r.customers.get(3))
    assert stored is not None
    assert (stored.name, stored.email, [p.number for p in stored.phones]) == (
        "Zhao Lei",
        "Zhao@Example.com",
        ["+8613512345678"],
    )
