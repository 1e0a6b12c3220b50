"""Customer storage: round trips, duplicates and merge, visits, purchase facts, lazy pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from console.domain.customer import (
    Customer,
    DuplicateFound,
    ImportantDate,
    Language,
    PartialDate,
    Phone,
    Purchase,
    PurchaseItem,
    Tier,
    Visit,
)
from console.domain.search_text import plan_query
from console.domain.versions import ChangedMeanwhile
from console.repositories import Repositories, Store
from console.repositories.customers import Loaded, NewCustomer
from console.storage.sqlite import customers as store
from console.storage.sqlite import instants
from console.storage.sqlite.runner import DatabaseRunner
from tests.benchmarks import bulk
from tests.unit.conftest import ALL_BACKENDS, NOW, add_customer, add_purchase, add_visit

D = dt.datetime
#: The tests of the repositories' behaviour run on every store; those that take the
#: ``runner`` fixture reach into SQLite itself (its bulk helpers, its rows) and stay there.
both = pytest.mark.parametrize("backend", ALL_BACKENDS, indirect=True)


def _full_customer() -> Customer:
    return Customer(
        name="余文乐",
        preferred_name="余先生",
        romanisation="Yu Wenle",
        language=Language.ZH_HANT,
        phones=[
            Phone("+8613812345678", "mobile"),
            Phone("+85291234567", "work HK"),
            Phone("+861087654321", "home"),
        ],
        email="yu.wenle@example.com",
        member_no="G-2024-0007",
        birthday=PartialDate(2, 29),
        dates=[
            ImportantDate("wedding anniversary", PartialDate(10, 1, 2015)),
            ImportantDate("daughter's birthday", PartialDate(12, 31)),
        ],
        preferences=["Earl Grey, no sugar", "quiet table", "size 39"],
        dislikes=["peanuts (allergy)", "coriander"],
        avoid_topics=["his divorce"],
        notes="Prefers to be called in the afternoon.\nSecond line — 第二行 😀",
        tier=Tier.GOLD,
        assigned_staff="Li Na",
        marketing_consent=True,
        customer_kind="walk-in",
    )


@both
def test_round_trip_of_every_field(backend: Store) -> None:
    original = _full_customer()
    cid = backend.write_now(lambda r: r.customers.add(original, now=NOW))
    assert original.id == cid
    loaded = backend.read_now(lambda r: r.customers.get(cid))
    assert loaded is not None
    expected = _full_customer()
    expected.id = cid
    expected.created_at = NOW
    expected.updated_at = NOW
    expected.version = 1  # a new record's first version
    assert loaded == expected


@both
def test_round_trip_of_a_minimal_customer(backend: Store) -> None:
    cid = add_customer(backend, "Bob")
    loaded = backend.read_now(lambda r: r.customers.get(cid))
    assert loaded == Customer(name="Bob", id=cid, created_at=NOW, updated_at=NOW, version=1)


@both
def test_birthday_with_year_and_without(backend: Store) -> None:
    with_year = add_customer(backend, "A", birthday=PartialDate(7, 14, 1989))
    without = add_customer(backend, "B", birthday=PartialDate(2, 29))
    a = backend.read_now(lambda r: r.customers.get(with_year))
    b = backend.read_now(lambda r: r.customers.get(without))
    assert a is not None and b is not None
    assert a.birthday == PartialDate(7, 14, 1989)
    assert b.birthday == PartialDate(2, 29, None)
    assert b.birthday.iso() == "--02-29"


@both
def test_chinese_name_gets_a_romanisation_and_a_typed_one_is_kept(backend: Store) -> None:
    ids = [
        add_customer(backend, "张伟"),
        add_customer(backend, "曾伟", romanisation="Tsang Wai"),
        add_customer(backend, "Anna"),
    ]
    derived, typed, latin = backend.read_now(lambda r: [r.customers.get(i) for i in ids])
    assert derived is not None and typed is not None and latin is not None
    assert derived.romanisation.lower().replace(" ", "") == "zhangwei"
    assert typed.romanisation == "Tsang Wai"
    assert latin.romanisation == ""


@both
def test_update_replaces_every_field_and_keeps_created_at(backend: Store) -> None:
    cid = add_customer(backend, "Old Name", phones=["+8613812345678"], preferences=["tea"])
    customer = backend.read_now(lambda r: r.customers.get(cid))
    assert customer is not None
    customer.name = "New Name"
    customer.phones = [Phone("+8613900001111", "work")]
    customer.preferences = []
    customer.dates = [ImportantDate("anniversary", PartialDate(5, 20))]
    customer.tier = Tier.VIP
    customer.marketing_consent = True
    later = NOW + dt.timedelta(days=3)
    backend.write_now(lambda r: r.customers.update(customer, now=later))
    loaded = backend.read_now(lambda r: r.customers.get(cid))
    assert loaded is not None
    assert loaded.name == "New Name"
    assert loaded.phones == [Phone("+8613900001111", "work")]
    assert loaded.preferences == []
    assert loaded.dates == [ImportantDate("anniversary", PartialDate(5, 20))]
    assert loaded.tier is Tier.VIP
    assert loaded.marketing_consent is True
    assert loaded.created_at == NOW
    assert loaded.updated_at == later


@both
def test_update_of_unknown_customer_raises(backend: Store) -> None:
    with pytest.raises(LookupError):
        backend.write_now(lambda r: r.customers.update(Customer(name="Ghost", id=4242), now=NOW))
    with pytest.raises(ValueError):
        backend.write_now(lambda r: r.customers.update(Customer(name="No id"), now=NOW))


@both
def test_get_unknown_customer_is_none(backend: Store) -> None:
    assert backend.read_now(lambda r: r.customers.get(99)) is None


def test_bulk_insert_round_trips_and_counts(runner: DatabaseRunner) -> None:
    batch = [_full_customer() for _ in range(3)]
    for i, c in enumerate(batch):
        c.member_no = f"B-{i}"
        c.phones = [Phone(f"+8613800000{i:03d}", "mobile")]
    assert runner.call(bulk.bulk_insert_customers, batch, now=NOW, batch_size=2) == 3
    assert [c.id for c in batch] == [1, 2, 3]
    assert runner.read_now(lambda r: r.customers.count()) == 3
    loaded = runner.read_now(lambda r: r.customers.get(2))
    assert loaded is not None
    assert loaded.member_no == "B-1"
    assert loaded.dates == _full_customer().dates
    assert loaded.phones == [Phone("+8613800000001", "mobile")]


def test_iter_customers_yields_every_live_customer_in_order(runner: DatabaseRunner) -> None:
    ids = [add_customer(runner, f"C{i}", phones=[f"+8613800000{i:03d}"]) for i in range(7)]
    got = list(runner.call(lambda db: list(store.iter_customers(db, batch_size=3))))
    assert [c.id for c in got] == ids
    assert got[4].phones == [Phone("+8613800000004")]


# --- duplicates ---------------------------------------------------------------------------


@both
def test_find_conflicts_by_phone_email_and_member_no(backend: Store) -> None:
    existing = add_customer(
        backend,
        "Wang Fang",
        phones=["+8613812345678"],
        email="Fang@Example.com",
        member_no="M-1",
    )
    candidate = Customer(
        name="Fang Wang",
        phones=[Phone("+8613900001111"), Phone("+8613812345678")],
        email="fang@example.COM",
        member_no="M-1",
    )
    conflicts = backend.read_now(lambda r: r.customers.conflicts(candidate))
    assert {(c.field, c.value, c.other_id, c.other_name) for c in conflicts} == {
        ("phone", "+8613812345678", existing, "Wang Fang"),
        ("email", "fang@example.COM", existing, "Wang Fang"),
        ("member_no", "M-1", existing, "Wang Fang"),
    }


@both
def test_no_conflict_with_oneself_or_with_empty_values(backend: Store) -> None:
    cid = add_customer(backend, "A", phones=["+8613812345678"], email="a@example.com")
    add_customer(backend, "B")  # empty email and member number
    me = backend.read_now(lambda r: r.customers.get(cid))
    assert me is not None
    assert backend.read_now(lambda r: r.customers.conflicts(me)) == []
    assert backend.read_now(lambda r: r.customers.conflicts(Customer(name="C"))) == []


@both
def test_merged_tombstone_is_no_conflict(backend: Store) -> None:
    keep = add_customer(backend, "Keep")
    gone = add_customer(backend, "Gone", email="gone@example.com", member_no="G-1")
    backend.write_now(lambda r: r.customers.merge(keep, gone, now=NOW))
    conflicts = backend.read_now(
        lambda r: r.customers.conflicts(
            Customer(name="X", email="gone@example.com", member_no="G-1")
        )
    )
    # The values now belong to the survivor, never to the tombstone.
    assert {c.other_id for c in conflicts} == {keep}


# --- merge --------------------------------------------------------------------------------


@both
def test_merge_moves_history_and_fills_empty_fields(backend: Store) -> None:
    keep = add_customer(
        backend,
        "Chen Jing",
        phones=["+8613600001111"],
        preferences=["green tea"],
        tier=Tier.SILVER,
        marketing_consent=True,
    )
    other = add_customer(
        backend,
        "陈静",
        preferred_name="陈小姐",
        phones=["+8613600002222", "+8613600001111"],
        email="jing@example.com",
        member_no="D-9",
        birthday=PartialDate(3, 8, 1990),
        dates=[ImportantDate("anniversary", PartialDate(6, 1))],
        preferences=["green tea", "window seat"],
        dislikes=["loud music"],
        notes="met at the opening",
        tier=Tier.GOLD,
        marketing_consent=True,
    )
    add_visit(backend, keep, D(2026, 1, 5, 10, 0))
    add_visit(backend, other, D(2026, 3, 5, 10, 0))
    add_visit(backend, other, D(2025, 12, 1, 10, 0))
    add_purchase(backend, other, D(2026, 3, 5, 10, 5), [PurchaseItem("Latte", 2, 3000, "drink")])
    add_purchase(backend, keep, D(2026, 1, 5, 10, 5), [PurchaseItem("Mocha", 1, 3200, "drink")])
    backend.write_now(lambda r: r.history.redeem_reward(other, at=D(2026, 3, 5, 10, 6), staff="Li"))

    merged = backend.write_now(lambda r: r.customers.merge(keep, other, now=NOW))

    assert merged.id == keep
    assert merged.name == "Chen Jing"
    assert merged.preferred_name == "陈小姐"
    assert merged.email == "jing@example.com"
    assert merged.member_no == "D-9"
    assert merged.birthday == PartialDate(3, 8, 1990)
    assert merged.dates == [ImportantDate("anniversary", PartialDate(6, 1))]
    assert merged.preferences == ["green tea", "window seat"]
    assert merged.dislikes == ["loud music"]
    assert merged.notes == "met at the opening"
    assert merged.tier is Tier.GOLD
    assert [p.number for p in merged.phones] == ["+8613600001111", "+8613600002222"]

    assert backend.read_now(lambda r: r.history.count_visits(keep)) == 3
    assert backend.read_now(lambda r: r.history.count_visits(other)) == 0
    assert backend.read_now(lambda r: r.history.count_purchases(keep)) == 2
    assert backend.read_now(lambda r: r.history.count_purchases(other)) == 0
    facts = backend.read_now(lambda r: r.history.purchase_facts(keep, loyalty_category="drink"))
    assert facts.rewards_redeemed == 1
    assert facts.qualifying_quantity == 3

    assert _visit_facts(backend, keep) == (3, "2026-03-05T10:00:00")


@both
def test_merge_leaves_a_tombstone_outside_search_counts_and_exports(
    backend: Store,
) -> None:
    keep = add_customer(backend, "Keep Me")
    other = add_customer(
        backend,
        "Zhou Xun",
        birthday=PartialDate(11, 28),
        marketing_consent=True,
        tier=Tier.VIP,
    )
    add_visit(backend, other, D(2025, 1, 1, 10, 0))
    assert backend.read_now(lambda r: r.customers.count()) == 2

    backend.write_now(lambda r: r.customers.merge(keep, other, now=NOW))

    assert backend.read_now(lambda r: r.customers.merged_into(other)) == keep
    assert backend.read_now(lambda r: r.customers.merged_into(keep)) is None
    assert backend.read_now(lambda r: r.customers.count()) == 1
    assert [c.id for c in backend.read_now(lambda r: list(r.customers.all()))] == [keep]
    assert [h.id for h in backend.read_now(lambda r: r.search.find(plan_query("zhou xun")))] == []
    # The survivor inherited the birthday; the tombstone itself is not listed twice.
    dated = backend.read_now(lambda r: r.customers.dates_in_window([(11, 28)], consent_only=False))
    assert [d.customer_id for d in dated] == [keep]
    lapsed = backend.read_now(
        lambda r: r.customers.lapsed(seen_before=NOW, min_visits=1, consent_only=False)
    )
    assert [c.customer_id for c in lapsed] == [keep]


@both
def test_merge_joins_both_notes_and_keeps_the_survivors_values(backend: Store) -> None:
    keep = add_customer(
        backend, "Keep", notes="allergic to nuts", email="keep@example.com", tier=Tier.VIP
    )
    other = add_customer(backend, "Other", notes="prefers mornings", email="other@example.com")
    merged = backend.write_now(lambda r: r.customers.merge(keep, other, now=NOW))
    assert merged.notes == "allergic to nuts\nprefers mornings"
    assert merged.email == "keep@example.com"
    assert merged.tier is Tier.VIP
    assert merged.name == "Keep"


@both
def test_merge_keeps_consent_only_when_both_gave_it(backend: Store) -> None:
    keep = add_customer(backend, "A", marketing_consent=True, greetings_consent=True)
    other = add_customer(backend, "B", marketing_consent=False, greetings_consent=True)
    merged = backend.write_now(lambda r: r.customers.merge(keep, other, now=NOW))
    assert (merged.marketing_consent, merged.greetings_consent) == (False, True)


@both
def test_merge_refuses_self_unknown_and_repeated_merges(backend: Store) -> None:
    a = add_customer(backend, "A")
    b = add_customer(backend, "B")
    c = add_customer(backend, "C")
    with pytest.raises(ValueError):
        backend.write_now(lambda r: r.customers.merge(a, a, now=NOW))
    with pytest.raises(LookupError):
        backend.write_now(lambda r: r.customers.merge(a, 999, now=NOW))
    backend.write_now(lambda r: r.customers.merge(a, b, now=NOW))
    with pytest.raises(ValueError):
        backend.write_now(lambda r: r.customers.merge(c, b, now=NOW))
    with pytest.raises(ValueError):
        backend.write_now(lambda r: r.customers.merge(b, c, now=NOW))
    assert backend.read_now(lambda r: r.customers.count()) == 2


@both
def test_visit_on_a_merged_customer_is_refused(backend: Store) -> None:
    a = add_customer(backend, "A")
    b = add_customer(backend, "B")
    backend.write_now(lambda r: r.customers.merge(a, b, now=NOW))
    with pytest.raises(ValueError, match="merged"):
        add_visit(backend, b, NOW)
    assert backend.read_now(lambda r: r.history.count_visits(b)) == 0


# --- visits -------------------------------------------------------------------------------


def _visit_facts(store: Store, cid: int) -> tuple[int, str]:
    """The customer's stored visit count and last visit (as the store's wall time)."""
    if isinstance(store, DatabaseRunner):
        row = store.call(
            lambda db: db.execute(
                "SELECT visit_count, last_visit FROM customers WHERE id = ?", [cid]
            ).fetchone()
        )
        last = instants.load_local(row[1]).isoformat() if row[1] else ""
        return int(row[0]), last
    count, at = store.read_now(
        lambda r: r.conn.execute(  # type: ignore[attr-defined]
            "SELECT visit_count, last_visit FROM customers WHERE id = %s", [cid]
        ).fetchone()
    )
    return int(count), at.astimezone().replace(tzinfo=None).isoformat() if at else ""


@both
def test_visit_count_and_last_visit_follow_every_visit(backend: Store) -> None:
    cid = add_customer(backend, "A")
    assert _visit_facts(backend, cid) == (0, "")
    add_visit(backend, cid, D(2026, 5, 1, 12, 0))
    assert _visit_facts(backend, cid) == (1, "2026-05-01T12:00:00")
    add_visit(backend, cid, D(2026, 9, 1, 12, 0))
    # A visit logged late (from a paper list) does not move last_visit back.
    add_visit(backend, cid, D(2026, 2, 1, 12, 0))
    assert _visit_facts(backend, cid) == (3, "2026-09-01T12:00:00")
    assert backend.read_now(lambda r: r.history.count_visits(cid)) == 3


@both
def test_visit_keeps_store_staff_and_note(backend: Store) -> None:
    cid = add_customer(backend, "A")
    vid = add_visit(backend, cid, D(2026, 5, 1, 12, 0), note="birthday cake")
    (visit,) = backend.read_now(lambda r: r.history.visits(cid))
    assert visit.id == vid
    assert (visit.at, visit.store, visit.staff, visit.note) == (
        D(2026, 5, 1, 12, 0),
        "Jing'an",
        "Li",
        "birthday cake",
    )


# --- purchases ------------------------------------------------------------------------------


@both
def test_purchase_round_trip_with_items(backend: Store) -> None:
    cid = add_customer(backend, "A")
    pid = add_purchase(
        backend,
        cid,
        D(2026, 11, 1, 9, 30),
        [PurchaseItem("Latte", 2, 3050, "drink"), PurchaseItem("Croissant", 1, 1800, "food")],
        currency="HKD",
    )
    (purchase,) = backend.read_now(lambda r: r.history.purchases(cid))
    assert purchase.id == pid
    assert purchase.at == D(2026, 11, 1, 9, 30)
    assert purchase.currency == "HKD"
    assert purchase.store == "Jing'an"
    assert purchase.items == [
        PurchaseItem("Latte", 2, 3050, "drink"),
        PurchaseItem("Croissant", 1, 1800, "food"),
    ]
    assert purchase.total_minor == 7900


@both
def test_purchase_without_items_is_refused(backend: Store) -> None:
    cid = add_customer(backend, "A")
    with pytest.raises(ValueError):
        add_purchase(backend, cid, NOW, [])
    assert backend.read_now(lambda r: r.history.count_purchases(cid)) == 0


@both
def test_purchase_facts(backend: Store) -> None:
    cid = add_customer(backend, "A")
    other = add_customer(backend, "B")
    add_purchase(backend, cid, D(2026, 1, 1, 9), [PurchaseItem("Latte", 3, 3000, "drink")])
    add_purchase(
        backend,
        cid,
        D(2026, 2, 1, 9),
        [PurchaseItem("Mocha", 2, 3200, "drink"), PurchaseItem("Cake", 4, 2500, "food")],
    )
    add_purchase(backend, cid, D(2026, 3, 1, 9), [PurchaseItem("Latte", 1, 4000, "drink")], "HKD")
    add_purchase(backend, other, D(2026, 4, 1, 9), [PurchaseItem("Latte", 50, 3000, "drink")])
    backend.write_now(lambda r: r.history.redeem_reward(cid, at=D(2026, 3, 2, 9), staff="Li"))
    backend.write_now(lambda r: r.history.redeem_reward(other, at=D(2026, 4, 2, 9), staff="Li"))

    facts = backend.read_now(lambda r: r.history.purchase_facts(cid, loyalty_category="drink"))
    assert facts.spend_by_currency == {"CNY": 9000 + 6400 + 10000, "HKD": 4000}
    assert list(facts.spend_by_currency) == ["CNY", "HKD"]  # largest first
    assert facts.favourite_items == [("Cake", 4), ("Latte", 4), ("Mocha", 2)]
    assert facts.qualifying_quantity == 6
    assert facts.rewards_redeemed == 1
    assert facts.last_purchase == D(2026, 3, 1, 9)

    everything = backend.read_now(
        lambda r: r.history.purchase_facts(cid, loyalty_category="", favourites=1)
    )
    assert everything.qualifying_quantity == 10
    assert everything.favourite_items == [("Cake", 4)]


@both
def test_favourites_tie_break_by_name_as_sqlite_sorts_text(backend: Store) -> None:
    """Equal quantities are listed by name in SQLite's BINARY order (UTF-8 bytes, which is
    code point order): upper case before lower case, accents and Chinese after ASCII."""
    cid = add_customer(backend, "A")
    names = ["拿铁", "latte", "Latte", "Éclair", "eclair", "Zest", "乌龙茶", "Ｌatte"]
    for name in names:
        add_purchase(backend, cid, NOW, [PurchaseItem(name, 2, 1000, "drink")])
    add_purchase(backend, cid, NOW, [PurchaseItem("Mocha", 1, 1000, "food")])
    facts = backend.read_now(
        lambda r: r.history.purchase_facts(cid, loyalty_category="drink", favourites=20)
    )
    expected = sorted(names, key=lambda name: name.encode())
    assert facts.favourite_items == [(name, 2) for name in expected] + [("Mocha", 1)]
    assert facts.qualifying_quantity == 2 * len(names)
    assert (
        backend.read_now(
            lambda r: r.history.purchase_facts(cid, loyalty_category="drink", favourites=-1)
        ).favourite_items
        == facts.favourite_items
    )
    assert (
        backend.read_now(
            lambda r: r.history.purchase_facts(cid, loyalty_category="drink", favourites=0)
        ).favourite_items
        == []
    )


@both
def test_loyalty_category_matches_ignoring_case(backend: Store) -> None:
    """The loyalty rule matches categories case-insensitively (console/domain/loyalty.py);
    an item typed as "Drink" must earn a stamp under the rule "drink"."""
    cid = add_customer(backend, "A")
    add_purchase(backend, cid, NOW, [PurchaseItem("Latte", 2, 3000, "Drink")])
    add_purchase(backend, cid, NOW, [PurchaseItem("Tea", 1, 2000, "drink")])
    facts = backend.read_now(lambda r: r.history.purchase_facts(cid, loyalty_category="drink"))
    assert facts.qualifying_quantity == 3


@both
def test_purchase_facts_of_a_customer_without_purchases(backend: Store) -> None:
    cid = add_customer(backend, "A")
    facts = backend.read_now(lambda r: r.history.purchase_facts(cid, loyalty_category="drink"))
    assert facts.spend_by_currency == {}
    assert facts.favourite_items == []
    assert facts.qualifying_quantity == 0
    assert facts.rewards_redeemed == 0
    assert facts.last_purchase is None


# --- lazy pages -----------------------------------------------------------------------------


def test_visits_come_in_pages_newest_first(runner: DatabaseRunner) -> None:
    cid = add_customer(runner, "A")
    start = D(2026, 1, 1, 9, 0)
    history = [(cid, start + dt.timedelta(days=i), "S", "Li", f"v{i}") for i in range(120)]
    runner.call(bulk.bulk_insert_history, history, [])
    first = runner.read_now(lambda r: r.history.visits(cid, offset=0, limit=50))
    second = runner.read_now(lambda r: r.history.visits(cid, offset=50, limit=50))
    last = runner.read_now(lambda r: r.history.visits(cid, offset=100, limit=50))
    assert [len(first), len(second), len(last)] == [50, 50, 20]
    notes = [v.note for v in first + second + last]
    assert notes == [f"v{i}" for i in reversed(range(120))]
    assert runner.read_now(lambda r: r.history.visits(cid, offset=120, limit=50)) == []
    assert _visit_facts(runner, cid) == (120, (start + dt.timedelta(days=119)).isoformat())


def test_ten_thousand_purchases_come_in_pages(runner: DatabaseRunner) -> None:
    cid = add_customer(runner, "Big Spender")
    start = D(2020, 1, 1, 9, 0)
    purchases = [
        (
            cid,
            start + dt.timedelta(hours=i),
            "S",
            "in store",
            "CNY",
            [PurchaseItem(f"item {i}", 1, 100, "drink" if i % 2 else "food")],
        )
        for i in range(10_000)
    ]
    runner.call(bulk.bulk_insert_history, [], purchases)
    assert runner.read_now(lambda r: r.history.count_purchases(cid)) == 10_000
    page = runner.read_now(lambda r: r.history.purchases(cid, offset=0, limit=50))
    assert len(page) == 50
    assert page[0].items == [PurchaseItem("item 9999", 1, 100, "drink")]
    assert page[0].at == start + dt.timedelta(hours=9999)
    deep = runner.read_now(lambda r: r.history.purchases(cid, offset=9_990, limit=50))
    assert [p.items[0].name for p in deep] == [f"item {i}" for i in reversed(range(10))]
    facts = runner.read_now(lambda r: r.history.purchase_facts(cid, loyalty_category="drink"))
    assert facts.qualifying_quantity == 5_000
    assert facts.spend_by_currency == {"CNY": 1_000_000}


# --- Today queries ---------------------------------------------------------------------------


@both
def test_dates_in_window_finds_birthdays_and_other_dates(backend: Store) -> None:
    a = add_customer(backend, "A", birthday=PartialDate(12, 30), greetings_consent=True)
    b = add_customer(
        backend,
        "B",
        dates=[ImportantDate("wedding anniversary", PartialDate(1, 2, 2010))],
        greetings_consent=True,
    )
    add_customer(backend, "C", birthday=PartialDate(12, 30), greetings_consent=False)
    add_customer(backend, "D", birthday=PartialDate(6, 1), greetings_consent=True)
    window = [(12, 29), (12, 30), (12, 31), (1, 1), (1, 2)]
    consenting = backend.read_now(lambda r: r.customers.dates_in_window(window, consent_only=True))
    assert sorted((d.customer_id, d.label) for d in consenting) == [
        (a, "birthday"),
        (b, "wedding anniversary"),
    ]
    everyone = backend.read_now(lambda r: r.customers.dates_in_window(window, consent_only=False))
    assert len(everyone) == 3
    assert backend.read_now(lambda r: r.customers.dates_in_window([], consent_only=False)) == []


@both
def test_lapsed_customers_are_good_customers_not_seen_recently(backend: Store) -> None:
    loyal = add_customer(backend, "Loyal", marketing_consent=True)
    gold = add_customer(backend, "Gold", tier=Tier.GOLD, marketing_consent=True)
    casual = add_customer(backend, "Casual", marketing_consent=True)
    recent = add_customer(backend, "Recent", marketing_consent=True)
    silent = add_customer(backend, "No consent", marketing_consent=False)
    for _ in range(5):
        add_visit(backend, loyal, D(2025, 3, 1, 10))
        add_visit(backend, recent, D(2026, 11, 1, 10))
        add_visit(backend, silent, D(2025, 3, 1, 10))
    add_visit(backend, gold, D(2025, 1, 1, 10))
    add_visit(backend, casual, D(2025, 1, 1, 10))
    cutoff = D(2026, 5, 28, 10)
    lapsed = backend.read_now(
        lambda r: r.customers.lapsed(seen_before=cutoff, min_visits=5, consent_only=True)
    )
    assert [c.customer_id for c in lapsed] == [loyal, gold]
    everyone = backend.read_now(
        lambda r: r.customers.lapsed(seen_before=cutoff, min_visits=5, consent_only=False)
    )
    assert {c.customer_id for c in everyone} == {loyal, gold, silent}


# --- settings ----------------------------------------------------------------------------------


@both
def test_settings_round_trip(backend: Store) -> None:
    assert backend.read_now(lambda r: r.settings.get("store_name")) is None
    backend.write_now(lambda r: r.settings.put("store_name", "上海静安店"))
    backend.write_now(lambda r: r.settings.put("loyalty_every", 8))
    backend.write_now(lambda r: r.settings.put("loyalty_every", 12))
    assert backend.read_now(lambda r: r.settings.get("store_name")) == "上海静安店"
    assert backend.read_now(lambda r: r.settings.get("loyalty_every")) == 12


# --- versions ---------------------------------------------------------------------------------


@both
def test_an_update_from_a_stale_copy_is_refused_in_storage_too(backend: Store) -> None:
    cid = add_customer(backend, "Zhou Min")
    first = backend.read_now(lambda r: r.customers.get(cid))
    second = backend.read_now(lambda r: r.customers.get(cid))
    assert first is not None and second is not None
    second.notes = "theirs"
    backend.write_now(lambda r: r.customers.update(second, now=D(2026, 11, 28, 11, 0), by="Wang"))
    assert second.version == 2
    first.notes = "mine"
    with pytest.raises(ChangedMeanwhile) as info:
        backend.write_now(lambda r: r.customers.update(first, now=NOW, by="Li"))
    assert (info.value.by, info.value.at, info.value.version) == (
        "Wang",
        D(2026, 11, 28, 11, 0),
        2,
    )
    stored = backend.read_now(lambda r: r.customers.get(cid))
    assert stored is not None and stored.notes == "theirs"
    # A caller that does not track versions (version None) saves over what is there.
    first.version = None
    backend.write_now(lambda r: r.customers.update(first, now=NOW, by="Li"))
    stored = backend.read_now(lambda r: r.customers.get(cid))
    assert stored is not None and (stored.notes, stored.version) == ("mine", 3)


@both
def test_a_merge_moves_both_versions_on(backend: Store) -> None:
    keep = add_customer(backend, "A")
    other = add_customer(backend, "B")
    backend.write_now(lambda r: r.customers.merge(keep, other, now=NOW, by="Li"))
    versions = [backend.read_now(lambda r, i=i: r.customers.get(i)) for i in (keep, other)]
    assert [(c.version, c.changed_by) for c in versions if c] == [(2, "Li"), (2, "Li")]


# --- unique keys (0011_customer_keys) -------------------------------------------------------


@both
@pytest.mark.parametrize(
    ("fields", "conflict"),
    [
        ({"phones": [Phone("+8613812345678")]}, ("phone", "+8613812345678")),
        ({"email": "WANG@example.com"}, ("email", "WANG@example.com")),
        ({"member_no": "M-7"}, ("member_no", "M-7")),
    ],
)
def test_the_database_refuses_a_second_holder_of_a_key(
    backend: Store, fields: dict[str, object], conflict: tuple[str, str]
) -> None:
    first = backend.write_now(
        lambda r: r.customers.add(
            Customer(
                "Wang Fang",
                phones=[Phone("+8613812345678")],
                email="wang@example.com",
                member_no="M-7",
            ),
            now=NOW,
        )
    )
    twin = Customer("Wang Fang (twin)", **fields)  # type: ignore[arg-type]
    # Straight to the insert, past the duplicate check: the constraint alone refuses, with
    # the check's refusal.
    with pytest.raises(DuplicateFound) as info:
        backend.write_now(lambda r: r.customers.add(twin, now=NOW))
    assert [(c.field, c.value, c.other_id) for c in info.value.conflicts] == [(*conflict, first)]
    assert backend.read_now(lambda r: r.customers.count()) == 1
    # Kept on purpose ("save anyway"), it is saved; so are later edits of it.
    twin_id = backend.write_now(lambda r: r.customers.add(twin, now=NOW, duplicate_ok=True))
    twin.notes = "same person? merge later"
    backend.write_now(lambda r: r.customers.update(twin, now=NOW, duplicate_ok=True))
    assert backend.read_now(lambda r: r.customers.count()) == 2
    # An edit that is not kept on purpose is refused too.
    with pytest.raises(DuplicateFound):
        backend.write_now(lambda r: r.customers.update(twin, now=NOW))
    stored = backend.read_now(lambda r: r.customers.get(twin_id))
    assert stored is not None and stored.notes == "same person? merge later"


@both
def test_a_merge_leaves_no_shared_keys_behind(backend: Store) -> None:
    keep = add_customer(backend, "A", phones=["+8613812345678"])
    other = add_customer(backend, "B", phones=["+8613812345678"], email="b@example.com")
    backend.write_now(lambda r: r.customers.merge(keep, other, now=NOW))
    # The survivor holds the keys alone now, so the constraint covers them again.
    with pytest.raises(DuplicateFound):
        backend.write_now(lambda r: r.customers.add(Customer("C", email="B@example.com"), now=NOW))
    with pytest.raises(DuplicateFound):
        backend.write_now(
            lambda r: r.customers.add(Customer("C", phones=[Phone("+8613812345678")]), now=NOW)
        )


@both
def test_a_bulk_load_refuses_or_keeps_customers_that_share_keys(backend: Store) -> None:
    first = add_customer(backend, "Wang Wei", email="wangwei@example.com")

    def load(keep: bool) -> Callable[[Repositories], Loaded]:
        def job(r: Repositories) -> Loaded:
            batch = [
                NewCustomer.of(Customer("Wang Wei 2", email="WangWei@example.com"), now=NOW),
                NewCustomer.of(Customer("Li Na", phones=[Phone("+8613900000001")]), now=NOW),
                NewCustomer.of(Customer("Li Na 2", phones=[Phone("+8613900000001")]), now=NOW),
            ]
            with r.customers.bulk_load() as bulk:
                return bulk.add(batch, keep_duplicates=keep)

        return job

    with pytest.raises(DuplicateFound):
        backend.write_now(load(keep=False))
    assert backend.read_now(lambda r: r.customers.count()) == 1  # nothing of the batch
    assert backend.write_now(load(keep=True)).customers == 3  # demo data: kept, as staff would
    assert backend.read_now(lambda r: r.customers.count()) == 4
    # The first holders still hold their keys alone: a new customer cannot take them.
    for twin in (
        Customer("New", email="wangwei@example.com"),
        Customer("New", phones=[Phone("+8613900000001")]),
    ):
        with pytest.raises(DuplicateFound) as info:
            backend.write_now(lambda r, c=twin: r.customers.add(c, now=NOW))
        assert info.value.conflicts
    assert first == 1


@both
def test_a_bulk_load_writes_history_visit_facts_and_the_search_index(backend: Store) -> None:
    at = D(2026, 3, 1, 9, 30)

    def job(r: Repositories) -> Loaded:
        batch = [
            NewCustomer.of(
                Customer("张伟明", phones=[Phone("+8613900000001")], member_no="M-1"),
                now=NOW,
                visits=[Visit(0, at, "S", "Li"), Visit(0, at - dt.timedelta(days=3), "S", "Li")],
                purchases=[Purchase(0, at, [PurchaseItem("Latte", 2, 3000, "drink")])],
            ),
            NewCustomer.of(Customer("Anna Berg", email="anna@example.com"), now=NOW),
        ]
        with r.customers.bulk_load() as load:
            load.expect_many()
            assert load.conflicts(NewCustomer.of(Customer("X", member_no="M-1"), now=NOW)) == []
            loaded = load.add(batch)
            assert [c.field for c in load.conflicts(batch[0])] == []  # itself
            assert [
                c.field
                for c in load.conflicts(
                    NewCustomer.of(Customer("Y", email="ANNA@example.com"), now=NOW)
                )
            ] == ["email"]
            return loaded

    assert backend.write_now(job) == Loaded(2, 2, 1)
    zhang = backend.read_now(lambda r: r.customers.find_by_member_or_phone(member_no="M-1"))
    assert zhang is not None
    assert _visit_facts(backend, zhang) == (2, "2026-03-01T09:30:00")
    assert backend.read_now(lambda r: r.history.count_purchases(zhang)) == 1
    assert [h.id for h in backend.read_now(lambda r: r.search.find(plan_query("伟明")))] == [zhang]
    assert [h.name for h in backend.read_now(lambda r: r.search.find(plan_query("ber")))] == [
        "Anna Berg"
    ]
    loaded = backend.read_now(lambda r: r.customers.get(zhang))
    assert loaded is not None and loaded.romanisation and loaded.phones == [Phone("+8613900000001")]


@both
def test_a_long_load_still_finds_duplicates_in_the_database_and_in_what_it_wrote(
    backend: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past a few checks a load answers from the keys it read once (PostgreSQL after
    QUERIED_CHECKS, both after expect_many): the answers stay those of the queries."""
    from console.storage.postgres import bulk_load as pg_bulk

    monkeypatch.setattr(pg_bulk, "QUERIED_CHECKS", 2)
    first = add_customer(backend, "In DB", phones=["+8613900000001"], email="db@example.com")

    def fields(load: object, customer: Customer) -> list[tuple[str, int]]:
        found = load.conflicts(NewCustomer.of(customer, now=NOW))  # type: ignore[attr-defined]
        return [(c.field, c.other_id) for c in found]

    def job(r: Repositories) -> list[list[tuple[str, int]]]:
        answers = []
        with r.customers.bulk_load() as load:
            for _ in range(3):  # past QUERIED_CHECKS
                answers.append(fields(load, Customer("A", email="DB@example.com")))
            loaded = NewCustomer.of(Customer("Loaded", member_no="L-1"), now=NOW)
            load.add([loaded])
            answers.append(fields(load, Customer("B", member_no="L-1")))
            answers.append(fields(load, Customer("C", phones=[Phone("+8613900000001")])))
            answers.append(fields(load, Customer("D", phones=[Phone("+8613900000002")])))
            # A save beside the load: what it holds is seen too.
            r.customers.add(Customer("Saved", phones=[Phone("+8613900000002")]), now=NOW)
            answers.append(fields(load, Customer("E", phones=[Phone("+8613900000002")])))
            assert loaded.customer.id is not None
        return answers

    answers = backend.write_now(job)
    assert answers[:3] == [[("email", first)]] * 3
    assert answers[3] == [("member_no", first + 1)]
    assert answers[4] == [("phone", first)]
    assert answers[5] == []
    assert answers[6] == [("phone", first + 2)]


@both
def test_a_bulk_load_writes_search_text_that_needs_escaping(backend: Store) -> None:
    """Loads write folded search text whole (nothing in it to escape); text that is not
    (a caller's own NewCustomer) still goes in intact."""
    odd = NewCustomer(
        Customer("Odd"), NOW, names="odd\\name\twith\ttabs", terms=" wodd tback\\slash"
    )
    plain = NewCustomer.of(Customer("Plain Person"), now=NOW)

    def job(r: Repositories) -> Loaded:
        with r.customers.bulk_load() as load:
            return load.add([odd, plain])

    assert backend.write_now(job).customers == 2
    assert [h.name for h in backend.read_now(lambda r: r.search.find(plan_query("odd")))] == ["Odd"]
    assert [h.name for h in backend.read_now(lambda r: r.search.find(plan_query("plain")))] == [
        "Plain Person"
    ]
