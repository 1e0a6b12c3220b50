"""Customer storage: round trips, duplicates and merge, visits, purchase facts, lazy pages."""

from __future__ import annotations

import datetime as dt

import pytest

from console.domain.customer import (
    Customer,
    DuplicateFound,
    ImportantDate,
    Language,
    PartialDate,
    Phone,
    PurchaseItem,
    Tier,
)
from console.domain.search_text import plan_query
from console.domain.versions import ChangedMeanwhile
from console.storage.sqlite import customers as store
from console.storage.sqlite import history as history_store
from console.storage.sqlite import instants
from console.storage.sqlite import search_index as search_store
from console.storage.sqlite import settings as settings_store
from console.storage.sqlite import today as today_store
from console.storage.sqlite.runner import DatabaseRunner
from tests.benchmarks import bulk
from tests.unit.conftest import NOW, add_customer, add_purchase, add_visit

D = dt.datetime


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


def test_round_trip_of_every_field(runner: DatabaseRunner) -> None:
    original = _full_customer()
    cid = runner.call(store.insert_customer, original, now=NOW)
    assert original.id == cid
    loaded = runner.call(store.get_customer, cid)
    assert loaded is not None
    expected = _full_customer()
    expected.id = cid
    expected.created_at = NOW
    expected.updated_at = NOW
    expected.version = 1  # a new record's first version
    assert loaded == expected


def test_round_trip_of_a_minimal_customer(runner: DatabaseRunner) -> None:
    cid = add_customer(runner, "Bob")
    loaded = runner.call(store.get_customer, cid)
    assert loaded == Customer(name="Bob", id=cid, created_at=NOW, updated_at=NOW, version=1)


def test_birthday_with_year_and_without(runner: DatabaseRunner) -> None:
    with_year = add_customer(runner, "A", birthday=PartialDate(7, 14, 1989))
    without = add_customer(runner, "B", birthday=PartialDate(2, 29))
    a = runner.call(store.get_customer, with_year)
    b = runner.call(store.get_customer, without)
    assert a is not None and b is not None
    assert a.birthday == PartialDate(7, 14, 1989)
    assert b.birthday == PartialDate(2, 29, None)
    assert b.birthday.iso() == "--02-29"


def test_chinese_name_gets_a_romanisation_and_a_typed_one_is_kept(runner: DatabaseRunner) -> None:
    derived = runner.call(store.get_customer, add_customer(runner, "张伟"))
    typed = runner.call(store.get_customer, add_customer(runner, "曾伟", romanisation="Tsang Wai"))
    latin = runner.call(store.get_customer, add_customer(runner, "Anna"))
    assert derived is not None and typed is not None and latin is not None
    assert derived.romanisation.lower().replace(" ", "") == "zhangwei"
    assert typed.romanisation == "Tsang Wai"
    assert latin.romanisation == ""


def test_update_replaces_every_field_and_keeps_created_at(runner: DatabaseRunner) -> None:
    cid = add_customer(runner, "Old Name", phones=["+8613812345678"], preferences=["tea"])
    customer = runner.call(store.get_customer, cid)
    assert customer is not None
    customer.name = "New Name"
    customer.phones = [Phone("+8613900001111", "work")]
    customer.preferences = []
    customer.dates = [ImportantDate("anniversary", PartialDate(5, 20))]
    customer.tier = Tier.VIP
    customer.marketing_consent = True
    later = NOW + dt.timedelta(days=3)
    runner.call(store.update_customer, customer, now=later)
    loaded = runner.call(store.get_customer, cid)
    assert loaded is not None
    assert loaded.name == "New Name"
    assert loaded.phones == [Phone("+8613900001111", "work")]
    assert loaded.preferences == []
    assert loaded.dates == [ImportantDate("anniversary", PartialDate(5, 20))]
    assert loaded.tier is Tier.VIP
    assert loaded.marketing_consent is True
    assert loaded.created_at == NOW
    assert loaded.updated_at == later


def test_update_of_unknown_customer_raises(runner: DatabaseRunner) -> None:
    with pytest.raises(LookupError):
        runner.call(store.update_customer, Customer(name="Ghost", id=4242), now=NOW)
    with pytest.raises(ValueError):
        runner.call(store.update_customer, Customer(name="No id"), now=NOW)


def test_get_unknown_customer_is_none(runner: DatabaseRunner) -> None:
    assert runner.call(store.get_customer, 99) is None


def test_bulk_insert_round_trips_and_counts(runner: DatabaseRunner) -> None:
    batch = [_full_customer() for _ in range(3)]
    for i, c in enumerate(batch):
        c.member_no = f"B-{i}"
        c.phones = [Phone(f"+8613800000{i:03d}", "mobile")]
    assert runner.call(bulk.bulk_insert_customers, batch, now=NOW, batch_size=2) == 3
    assert [c.id for c in batch] == [1, 2, 3]
    assert runner.call(store.count_customers) == 3
    loaded = runner.call(store.get_customer, 2)
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


def test_find_conflicts_by_phone_email_and_member_no(runner: DatabaseRunner) -> None:
    existing = add_customer(
        runner,
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
    conflicts = runner.call(store.find_conflicts, candidate)
    assert {(c.field, c.value, c.other_id, c.other_name) for c in conflicts} == {
        ("phone", "+8613812345678", existing, "Wang Fang"),
        ("email", "fang@example.COM", existing, "Wang Fang"),
        ("member_no", "M-1", existing, "Wang Fang"),
    }


def test_no_conflict_with_oneself_or_with_empty_values(runner: DatabaseRunner) -> None:
    cid = add_customer(runner, "A", phones=["+8613812345678"], email="a@example.com")
    add_customer(runner, "B")  # empty email and member number
    me = runner.call(store.get_customer, cid)
    assert me is not None
    assert runner.call(store.find_conflicts, me) == []
    assert runner.call(store.find_conflicts, Customer(name="C")) == []


def test_merged_tombstone_is_no_conflict(runner: DatabaseRunner) -> None:
    keep = add_customer(runner, "Keep")
    gone = add_customer(runner, "Gone", email="gone@example.com", member_no="G-1")
    runner.call(store.merge_customers, keep, gone, now=NOW)
    conflicts = runner.call(
        store.find_conflicts, Customer(name="X", email="gone@example.com", member_no="G-1")
    )
    # The values now belong to the survivor, never to the tombstone.
    assert {c.other_id for c in conflicts} == {keep}


# --- merge --------------------------------------------------------------------------------


def test_merge_moves_history_and_fills_empty_fields(runner: DatabaseRunner) -> None:
    keep = add_customer(
        runner,
        "Chen Jing",
        phones=["+8613600001111"],
        preferences=["green tea"],
        tier=Tier.SILVER,
        marketing_consent=True,
    )
    other = add_customer(
        runner,
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
    add_visit(runner, keep, D(2026, 1, 5, 10, 0))
    add_visit(runner, other, D(2026, 3, 5, 10, 0))
    add_visit(runner, other, D(2025, 12, 1, 10, 0))
    add_purchase(runner, other, D(2026, 3, 5, 10, 5), [PurchaseItem("Latte", 2, 3000, "drink")])
    add_purchase(runner, keep, D(2026, 1, 5, 10, 5), [PurchaseItem("Mocha", 1, 3200, "drink")])
    runner.call(history_store.redeem_reward, other, at=D(2026, 3, 5, 10, 6), staff="Li")

    merged = runner.call(store.merge_customers, keep, other, now=NOW)

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

    assert runner.call(history_store.count_visits, keep) == 3
    assert runner.call(history_store.count_visits, other) == 0
    assert runner.call(history_store.count_purchases, keep) == 2
    assert runner.call(history_store.count_purchases, other) == 0
    facts = runner.call(history_store.purchase_facts, keep, loyalty_category="drink")
    assert facts.rewards_redeemed == 1
    assert facts.qualifying_quantity == 3

    assert _visit_facts(runner, keep) == (3, "2026-03-05T10:00:00")


def test_merge_leaves_a_tombstone_outside_search_counts_and_exports(
    runner: DatabaseRunner,
) -> None:
    keep = add_customer(runner, "Keep Me")
    other = add_customer(
        runner,
        "Zhou Xun",
        birthday=PartialDate(11, 28),
        marketing_consent=True,
        tier=Tier.VIP,
    )
    add_visit(runner, other, D(2025, 1, 1, 10, 0))
    assert runner.call(store.count_customers) == 2

    runner.call(store.merge_customers, keep, other, now=NOW)

    assert runner.call(store.merged_into, other) == keep
    assert runner.call(store.merged_into, keep) is None
    assert runner.call(store.count_customers) == 1
    assert [c.id for c in runner.call(lambda db: list(store.iter_customers(db)))] == [keep]
    assert [h.id for h in runner.call(search_store.search, plan_query("zhou xun"))] == []
    # The survivor inherited the birthday; the tombstone itself is not listed twice.
    dated = runner.call(today_store.dates_in_window, [(11, 28)], consent_only=False)
    assert [d.customer_id for d in dated] == [keep]
    lapsed = runner.call(
        today_store.lapsed_customers, seen_before=NOW, min_visits=1, consent_only=False
    )
    assert [c.customer_id for c in lapsed] == [keep]


def test_merge_joins_both_notes_and_keeps_the_survivors_values(runner: DatabaseRunner) -> None:
    keep = add_customer(
        runner, "Keep", notes="allergic to nuts", email="keep@example.com", tier=Tier.VIP
    )
    other = add_customer(runner, "Other", notes="prefers mornings", email="other@example.com")
    merged = runner.call(store.merge_customers, keep, other, now=NOW)
    assert merged.notes == "allergic to nuts\nprefers mornings"
    assert merged.email == "keep@example.com"
    assert merged.tier is Tier.VIP
    assert merged.name == "Keep"


def test_merge_keeps_consent_only_when_both_gave_it(runner: DatabaseRunner) -> None:
    keep = add_customer(runner, "A", marketing_consent=True, greetings_consent=True)
    other = add_customer(runner, "B", marketing_consent=False, greetings_consent=True)
    merged = runner.call(store.merge_customers, keep, other, now=NOW)
    assert (merged.marketing_consent, merged.greetings_consent) == (False, True)


def test_merge_refuses_self_unknown_and_repeated_merges(runner: DatabaseRunner) -> None:
    a = add_customer(runner, "A")
    b = add_customer(runner, "B")
    c = add_customer(runner, "C")
    with pytest.raises(ValueError):
        runner.call(store.merge_customers, a, a, now=NOW)
    with pytest.raises(LookupError):
        runner.call(store.merge_customers, a, 999, now=NOW)
    runner.call(store.merge_customers, a, b, now=NOW)
    with pytest.raises(ValueError):
        runner.call(store.merge_customers, c, b, now=NOW)
    with pytest.raises(ValueError):
        runner.call(store.merge_customers, b, c, now=NOW)
    assert runner.call(store.count_customers) == 2


def test_visit_on_a_merged_customer_is_refused(runner: DatabaseRunner) -> None:
    a = add_customer(runner, "A")
    b = add_customer(runner, "B")
    runner.call(store.merge_customers, a, b, now=NOW)
    with pytest.raises(ValueError, match="merged"):
        add_visit(runner, b, NOW)
    assert runner.call(history_store.count_visits, b) == 0


# --- visits -------------------------------------------------------------------------------


def _visit_facts(runner: DatabaseRunner, cid: int) -> tuple[int, str]:
    """The customer's stored visit count and last visit (as the store's wall time)."""
    row = runner.call(
        lambda db: db.execute(
            "SELECT visit_count, last_visit FROM customers WHERE id = ?", [cid]
        ).fetchone()
    )
    last = instants.load_local(row[1]).isoformat() if row[1] else ""
    return int(row[0]), last


def test_visit_count_and_last_visit_follow_every_visit(runner: DatabaseRunner) -> None:
    cid = add_customer(runner, "A")
    assert _visit_facts(runner, cid) == (0, "")
    add_visit(runner, cid, D(2026, 5, 1, 12, 0))
    assert _visit_facts(runner, cid) == (1, "2026-05-01T12:00:00")
    add_visit(runner, cid, D(2026, 9, 1, 12, 0))
    # A visit logged late (from a paper list) does not move last_visit back.
    add_visit(runner, cid, D(2026, 2, 1, 12, 0))
    assert _visit_facts(runner, cid) == (3, "2026-09-01T12:00:00")
    assert runner.call(history_store.count_visits, cid) == 3


def test_visit_keeps_store_staff_and_note(runner: DatabaseRunner) -> None:
    cid = add_customer(runner, "A")
    vid = add_visit(runner, cid, D(2026, 5, 1, 12, 0), note="birthday cake")
    (visit,) = runner.call(history_store.list_visits, cid)
    assert visit.id == vid
    assert (visit.at, visit.store, visit.staff, visit.note) == (
        D(2026, 5, 1, 12, 0),
        "Jing'an",
        "Li",
        "birthday cake",
    )


# --- purchases ------------------------------------------------------------------------------


def test_purchase_round_trip_with_items(runner: DatabaseRunner) -> None:
    cid = add_customer(runner, "A")
    pid = add_purchase(
        runner,
        cid,
        D(2026, 11, 1, 9, 30),
        [PurchaseItem("Latte", 2, 3050, "drink"), PurchaseItem("Croissant", 1, 1800, "food")],
        currency="HKD",
    )
    (purchase,) = runner.call(history_store.list_purchases, cid)
    assert purchase.id == pid
    assert purchase.at == D(2026, 11, 1, 9, 30)
    assert purchase.currency == "HKD"
    assert purchase.store == "Jing'an"
    assert purchase.items == [
        PurchaseItem("Latte", 2, 3050, "drink"),
        PurchaseItem("Croissant", 1, 1800, "food"),
    ]
    assert purchase.total_minor == 7900


def test_purchase_without_items_is_refused(runner: DatabaseRunner) -> None:
    cid = add_customer(runner, "A")
    with pytest.raises(ValueError):
        add_purchase(runner, cid, NOW, [])
    assert runner.call(history_store.count_purchases, cid) == 0


def test_purchase_facts(runner: DatabaseRunner) -> None:
    cid = add_customer(runner, "A")
    other = add_customer(runner, "B")
    add_purchase(runner, cid, D(2026, 1, 1, 9), [PurchaseItem("Latte", 3, 3000, "drink")])
    add_purchase(
        runner,
        cid,
        D(2026, 2, 1, 9),
        [PurchaseItem("Mocha", 2, 3200, "drink"), PurchaseItem("Cake", 4, 2500, "food")],
    )
    add_purchase(runner, cid, D(2026, 3, 1, 9), [PurchaseItem("Latte", 1, 4000, "drink")], "HKD")
    add_purchase(runner, other, D(2026, 4, 1, 9), [PurchaseItem("Latte", 50, 3000, "drink")])
    runner.call(history_store.redeem_reward, cid, at=D(2026, 3, 2, 9), staff="Li")
    runner.call(history_store.redeem_reward, other, at=D(2026, 4, 2, 9), staff="Li")

    facts = runner.call(history_store.purchase_facts, cid, loyalty_category="drink")
    assert facts.spend_by_currency == {"CNY": 9000 + 6400 + 10000, "HKD": 4000}
    assert list(facts.spend_by_currency) == ["CNY", "HKD"]  # largest first
    assert facts.favourite_items == [("Cake", 4), ("Latte", 4), ("Mocha", 2)]
    assert facts.qualifying_quantity == 6
    assert facts.rewards_redeemed == 1
    assert facts.last_purchase == D(2026, 3, 1, 9)

    everything = runner.call(history_store.purchase_facts, cid, loyalty_category="", favourites=1)
    assert everything.qualifying_quantity == 10
    assert everything.favourite_items == [("Cake", 4)]


def test_favourites_tie_break_by_name_as_sqlite_sorts_text(runner: DatabaseRunner) -> None:
    """Equal quantities are listed by name in SQLite's BINARY order (UTF-8 bytes, which is
    code point order): upper case before lower case, accents and Chinese after ASCII."""
    cid = add_customer(runner, "A")
    names = ["拿铁", "latte", "Latte", "Éclair", "eclair", "Zest", "乌龙茶", "Ｌatte"]
    for name in names:
        add_purchase(runner, cid, NOW, [PurchaseItem(name, 2, 1000, "drink")])
    add_purchase(runner, cid, NOW, [PurchaseItem("Mocha", 1, 1000, "food")])
    facts = runner.call(history_store.purchase_facts, cid, loyalty_category="drink", favourites=20)
    expected = sorted(names, key=lambda name: name.encode())
    assert facts.favourite_items == [(name, 2) for name in expected] + [("Mocha", 1)]
    assert facts.qualifying_quantity == 2 * len(names)
    assert (
        runner.call(
            history_store.purchase_facts, cid, loyalty_category="drink", favourites=-1
        ).favourite_items
        == facts.favourite_items
    )
    assert (
        runner.call(
            history_store.purchase_facts, cid, loyalty_category="drink", favourites=0
        ).favourite_items
        == []
    )


def test_loyalty_category_matches_ignoring_case(runner: DatabaseRunner) -> None:
    """The loyalty rule matches categories case-insensitively (console/domain/loyalty.py);
    an item typed as "Drink" must earn a stamp under the rule "drink"."""
    cid = add_customer(runner, "A")
    add_purchase(runner, cid, NOW, [PurchaseItem("Latte", 2, 3000, "Drink")])
    add_purchase(runner, cid, NOW, [PurchaseItem("Tea", 1, 2000, "drink")])
    facts = runner.call(history_store.purchase_facts, cid, loyalty_category="drink")
    assert facts.qualifying_quantity == 3


def test_purchase_facts_of_a_customer_without_purchases(runner: DatabaseRunner) -> None:
    cid = add_customer(runner, "A")
    facts = runner.call(history_store.purchase_facts, cid, loyalty_category="drink")
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
    first = runner.call(history_store.list_visits, cid, offset=0, limit=50)
    second = runner.call(history_store.list_visits, cid, offset=50, limit=50)
    last = runner.call(history_store.list_visits, cid, offset=100, limit=50)
    assert [len(first), len(second), len(last)] == [50, 50, 20]
    notes = [v.note for v in first + second + last]
    assert notes == [f"v{i}" for i in reversed(range(120))]
    assert runner.call(history_store.list_visits, cid, offset=120, limit=50) == []
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
    assert runner.call(history_store.count_purchases, cid) == 10_000
    page = runner.call(history_store.list_purchases, cid, offset=0, limit=50)
    assert len(page) == 50
    assert page[0].items == [PurchaseItem("item 9999", 1, 100, "drink")]
    assert page[0].at == start + dt.timedelta(hours=9999)
    deep = runner.call(history_store.list_purchases, cid, offset=9_990, limit=50)
    assert [p.items[0].name for p in deep] == [f"item {i}" for i in reversed(range(10))]
    facts = runner.call(history_store.purchase_facts, cid, loyalty_category="drink")
    assert facts.qualifying_quantity == 5_000
    assert facts.spend_by_currency == {"CNY": 1_000_000}


# --- Today queries ---------------------------------------------------------------------------


def test_dates_in_window_finds_birthdays_and_other_dates(runner: DatabaseRunner) -> None:
    a = add_customer(runner, "A", birthday=PartialDate(12, 30), greetings_consent=True)
    b = add_customer(
        runner,
        "B",
        dates=[ImportantDate("wedding anniversary", PartialDate(1, 2, 2010))],
        greetings_consent=True,
    )
    add_customer(runner, "C", birthday=PartialDate(12, 30), greetings_consent=False)
    add_customer(runner, "D", birthday=PartialDate(6, 1), greetings_consent=True)
    window = [(12, 29), (12, 30), (12, 31), (1, 1), (1, 2)]
    consenting = runner.call(today_store.dates_in_window, window, consent_only=True)
    assert sorted((d.customer_id, d.label) for d in consenting) == [
        (a, "birthday"),
        (b, "wedding anniversary"),
    ]
    everyone = runner.call(today_store.dates_in_window, window, consent_only=False)
    assert len(everyone) == 3
    assert runner.call(today_store.dates_in_window, [], consent_only=False) == []


def test_lapsed_customers_are_good_customers_not_seen_recently(runner: DatabaseRunner) -> None:
    loyal = add_customer(runner, "Loyal", marketing_consent=True)
    gold = add_customer(runner, "Gold", tier=Tier.GOLD, marketing_consent=True)
    casual = add_customer(runner, "Casual", marketing_consent=True)
    recent = add_customer(runner, "Recent", marketing_consent=True)
    silent = add_customer(runner, "No consent", marketing_consent=False)
    for _ in range(5):
        add_visit(runner, loyal, D(2025, 3, 1, 10))
        add_visit(runner, recent, D(2026, 11, 1, 10))
        add_visit(runner, silent, D(2025, 3, 1, 10))
    add_visit(runner, gold, D(2025, 1, 1, 10))
    add_visit(runner, casual, D(2025, 1, 1, 10))
    cutoff = D(2026, 5, 28, 10)
    lapsed = runner.call(
        today_store.lapsed_customers, seen_before=cutoff, min_visits=5, consent_only=True
    )
    assert [c.customer_id for c in lapsed] == [loyal, gold]
    everyone = runner.call(
        today_store.lapsed_customers, seen_before=cutoff, min_visits=5, consent_only=False
    )
    assert {c.customer_id for c in everyone} == {loyal, gold, silent}


# --- settings ----------------------------------------------------------------------------------


def test_settings_round_trip(runner: DatabaseRunner) -> None:
    assert runner.call(settings_store.get_setting, "store_name") is None
    runner.call(settings_store.set_setting, "store_name", "上海静安店")
    runner.call(settings_store.set_setting, "loyalty_every", 8)
    runner.call(settings_store.set_setting, "loyalty_every", 12)
    assert runner.call(settings_store.get_setting, "store_name") == "上海静安店"
    assert runner.call(settings_store.get_setting, "loyalty_every") == 12


# --- versions ---------------------------------------------------------------------------------


def test_an_update_from_a_stale_copy_is_refused_in_storage_too(runner: DatabaseRunner) -> None:
    cid = add_customer(runner, "Zhou Min")
    first = runner.call(store.get_customer, cid)
    second = runner.call(store.get_customer, cid)
    assert first is not None and second is not None
    second.notes = "theirs"
    runner.call(store.update_customer, second, now=D(2026, 11, 28, 11, 0), by="Wang")
    assert second.version == 2
    first.notes = "mine"
    with pytest.raises(ChangedMeanwhile) as info:
        runner.call(store.update_customer, first, now=NOW, by="Li")
    assert (info.value.by, info.value.at, info.value.version) == (
        "Wang",
        D(2026, 11, 28, 11, 0),
        2,
    )
    stored = runner.call(store.get_customer, cid)
    assert stored is not None and stored.notes == "theirs"
    # A caller that does not track versions (version None) saves over what is there.
    first.version = None
    runner.call(store.update_customer, first, now=NOW, by="Li")
    stored = runner.call(store.get_customer, cid)
    assert stored is not None and (stored.notes, stored.version) == ("mine", 3)


def test_a_merge_moves_both_versions_on(runner: DatabaseRunner) -> None:
    keep = add_customer(runner, "A")
    other = add_customer(runner, "B")
    runner.call(store.merge_customers, keep, other, now=NOW, by="Li")
    versions = runner.call(
        lambda db: db.execute("SELECT version, changed_by FROM customers ORDER BY id").fetchall()
    )
    assert [tuple(v) for v in versions] == [(2, "Li"), (2, "Li")]


# --- unique keys (0011_customer_keys) -------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "conflict"),
    [
        ({"phones": [Phone("+8613812345678")]}, ("phone", "+8613812345678")),
        ({"email": "WANG@example.com"}, ("email", "WANG@example.com")),
        ({"member_no": "M-7"}, ("member_no", "M-7")),
    ],
)
def test_the_database_refuses_a_second_holder_of_a_key(
    runner: DatabaseRunner, fields: dict[str, object], conflict: tuple[str, str]
) -> None:
    first = runner.call(
        store.insert_customer,
        Customer(
            "Wang Fang", phones=[Phone("+8613812345678")], email="wang@example.com", member_no="M-7"
        ),
        now=NOW,
    )
    twin = Customer("Wang Fang (twin)", **fields)  # type: ignore[arg-type]
    # Straight to the insert, past the duplicate check: the constraint alone refuses, with
    # the check's refusal.
    with pytest.raises(DuplicateFound) as info:
        runner.call(store.insert_customer, twin, now=NOW)
    assert [(c.field, c.value, c.other_id) for c in info.value.conflicts] == [(*conflict, first)]
    assert runner.call(store.count_customers) == 1
    # Kept on purpose ("save anyway"), it is saved; so are later edits of it.
    twin_id = runner.call(store.insert_customer, twin, now=NOW, duplicate_ok=True)
    twin.notes = "same person? merge later"
    runner.call(store.update_customer, twin, now=NOW, duplicate_ok=True)
    assert runner.call(store.count_customers) == 2
    # An edit that is not kept on purpose is refused too.
    with pytest.raises(DuplicateFound):
        runner.call(store.update_customer, twin, now=NOW)
    stored = runner.call(store.get_customer, twin_id)
    assert stored is not None and stored.notes == "same person? merge later"


def test_a_merge_leaves_no_shared_keys_behind(runner: DatabaseRunner) -> None:
    keep = add_customer(runner, "A", phones=["+8613812345678"])
    other = add_customer(runner, "B", phones=["+8613812345678"], email="b@example.com")
    runner.call(store.merge_customers, keep, other, now=NOW)
    # The survivor holds the keys alone now, so the constraint covers them again.
    with pytest.raises(DuplicateFound):
        runner.call(store.insert_customer, Customer("C", email="B@example.com"), now=NOW)
    with pytest.raises(DuplicateFound):
        runner.call(store.insert_customer, Customer("C", phones=[Phone("+8613812345678")]), now=NOW)
