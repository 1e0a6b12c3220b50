"""CustomerService: the profile panel (greeting, badges), Today lists, validation, duplicates."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from console.domain.customer import (
    Customer,
    ImportantDate,
    Language,
    PartialDate,
    Phone,
    PurchaseItem,
    Tier,
)
from console.domain.profile import BadgeKind
from console.domain.versions import ChangedMeanwhile
from console.repositories import Store
from console.services import settings as opts
from console.services.customers import (
    CustomerService,
    DuplicateFound,
    Profile,
    ValidationFailed,
    normalise_phones,
)
from console.services.settings import SettingsService
from console.storage.postgres.customers_repository import PostgresCustomers
from console.storage.sqlite import customers_repository
from console.storage.sqlite.runner import DatabaseRunner
from tests.benchmarks import bulk
from tests.people import signed_in
from tests.unit.conftest import ALL_BACKENDS, Clock, add_customer, add_visit, run

#: The service's tests run on every store; those that take the ``runner`` fixture load
#: history with SQLite's own bulk helpers or read its audit table, and stay on SQLite.
both = pytest.mark.parametrize("backend", ALL_BACKENDS, indirect=True)

D = dt.datetime


def _profile(service: CustomerService, cid: int) -> Profile:
    profile = run(service.profile(cid))
    assert profile is not None
    return profile


def _kinds(profile: Profile) -> list[BadgeKind]:
    return [b.kind for b in profile.badges]


def _drinks(service: CustomerService, cid: int, count: int) -> None:
    run(service.add_purchase(cid, [PurchaseItem("Latte", count, 3000, "drink")], currency="cny"))


# --- greeting -------------------------------------------------------------------------------


@both
def test_greeting_has_preferred_name_and_visit_ordinal(
    backend: Store, service: CustomerService, clock: Clock
) -> None:
    cid = add_customer(backend, "Yu Wenle", preferred_name="Mr. Yu")
    for month in range(1, 7):
        add_visit(backend, cid, D(2026, month, 16, 15, 0))
    clock.set(D(2026, 11, 28, 14, 30))
    profile = _profile(service, cid)
    assert (
        profile.greeting == "Good afternoon, Mr. Yu — welcome back: 7th visit, last on 16 Jun 2026"
    )
    assert profile.visit_count == 6
    assert profile.last_visit == D(2026, 6, 16, 15, 0)
    assert profile.last_seen == "5 months ago"


@both
def test_greeting_of_a_first_visit_and_of_a_chinese_customer(
    backend: Store, service: CustomerService
) -> None:
    new = add_customer(backend, "Dr. Patel")
    profile = _profile(service, new)
    assert profile.greeting == "Good morning, Dr. Patel — welcome!"
    assert BadgeKind.FIRST_VISIT in _kinds(profile)
    assert profile.last_seen == "never"

    yu = add_customer(backend, "余文乐", preferred_name="余先生", language=Language.ZH_HANS)
    add_visit(backend, yu, D(2026, 11, 1, 10, 0))
    greeting = _profile(service, yu).greeting
    assert greeting.startswith("早上好，余先生，")
    assert "第2次" in greeting


@both
def test_logging_a_visit_updates_count_and_greeting(
    backend: Store, service: CustomerService, settings: SettingsService, clock: Clock
) -> None:
    cid = add_customer(backend, "Anna", preferred_name="Anna")
    run(settings.set(opts.STORE_NAME, "Xintiandi"))
    service = CustomerService(
        backend, settings, clock=clock, identity=signed_in(backend, "agent", "Li Na", clock)
    )
    clock.set(D(2026, 11, 2, 9, 15))
    visit = run(service.log_visit(cid, note="took the corner table"))
    assert (visit.store, visit.staff, visit.at) == ("Xintiandi", "Li Na", D(2026, 11, 2, 9, 15))
    clock.set(D(2026, 11, 28, 19, 0))
    profile = _profile(service, cid)
    assert profile.visit_count == 1
    assert profile.recent_visits[0].note == "took the corner table"
    assert profile.greeting == "Good evening, Anna — welcome back: 2nd visit, last on 2 Nov 2026"
    assert BadgeKind.FIRST_VISIT not in _kinds(profile)


@both
def test_profile_of_unknown_customer_is_none(service: CustomerService) -> None:
    assert run(service.profile(12345)) is None


@both
def test_profile_of_a_merged_customer_opens_the_survivor(
    backend: Store, service: CustomerService
) -> None:
    keep = add_customer(backend, "Keep")
    other = add_customer(backend, "Other")
    run(service.merge(keep, other))
    assert _profile(service, other).customer.id == keep


# --- badges --------------------------------------------------------------------------------


@both
def test_birthday_today_badge(backend: Store, service: CustomerService, clock: Clock) -> None:
    cid = add_customer(backend, "A", birthday=PartialDate(11, 28, 1990))
    other = add_customer(backend, "B", birthday=PartialDate(11, 27))
    profile = _profile(service, cid)
    birthday = [b for b in profile.badges if b.kind is BadgeKind.BIRTHDAY_TODAY]
    assert [b.text for b in birthday] == ["Birthday today"]
    assert "(36)" in birthday[0].detail
    # Yesterday's birthday is no badge.
    kinds = _kinds(_profile(service, other))
    assert BadgeKind.BIRTHDAY_TODAY not in kinds
    assert BadgeKind.BIRTHDAY_SOON not in kinds


@both
def test_birthday_this_week_across_the_year_end(
    backend: Store, service: CustomerService, clock: Clock
) -> None:
    clock.set(D(2026, 12, 29, 10, 0))
    cid = add_customer(backend, "A", birthday=PartialDate(1, 2))
    soon = [b for b in _profile(service, cid).badges if b.kind is BadgeKind.BIRTHDAY_SOON]
    assert [b.text for b in soon] == ["Birthday in 4 days"]
    assert soon[0].detail == "02 Jan"

    far = add_customer(backend, "B", birthday=PartialDate(1, 6))  # 8 days away
    assert BadgeKind.BIRTHDAY_SOON not in _kinds(_profile(service, far))


@both
def test_29_february_birthday_in_a_common_year(
    backend: Store, service: CustomerService, clock: Clock
) -> None:
    cid = add_customer(backend, "Leap", birthday=PartialDate(2, 29, 2000))
    clock.set(D(2027, 2, 28, 11, 0))
    badges = [b for b in _profile(service, cid).badges if b.kind is BadgeKind.BIRTHDAY_TODAY]
    assert [b.text for b in badges] == ["Birthday today"]
    clock.set(D(2027, 2, 27, 11, 0))
    assert [b.text for b in _profile(service, cid).badges if b.kind is BadgeKind.BIRTHDAY_SOON] == [
        "Birthday tomorrow"
    ]
    clock.set(D(2027, 3, 1, 11, 0))
    kinds = _kinds(_profile(service, cid))
    assert BadgeKind.BIRTHDAY_TODAY not in kinds
    assert BadgeKind.BIRTHDAY_SOON not in kinds


@both
def test_anniversary_badge(backend: Store, service: CustomerService) -> None:
    cid = add_customer(
        backend, "A", dates=[ImportantDate("wedding anniversary", PartialDate(11, 30, 2016))]
    )
    (badge,) = [b for b in _profile(service, cid).badges if b.kind is BadgeKind.OCCASION]
    assert badge.text == "Wedding anniversary in 2 days"
    assert "(10)" in badge.detail


@both
def test_reward_available_at_the_tenth_drink_and_gone_after_redeem(
    backend: Store, service: CustomerService
) -> None:
    cid = add_customer(backend, "Coffee Lover")
    _drinks(service, cid, 9)
    run(service.add_purchase(cid, [PurchaseItem("Cake", 3, 2000, "food")], currency="CNY"))
    profile = _profile(service, cid)
    assert BadgeKind.REWARD not in _kinds(profile)
    assert profile.loyalty.stamps == 9

    _drinks(service, cid, 1)
    profile = _profile(service, cid)
    (reward,) = [b for b in profile.badges if b.kind is BadgeKind.REWARD]
    assert reward.text == "Reward available — tell them"
    assert "a free drink" in reward.detail
    assert profile.loyalty.rewards_available == 1

    run(service.redeem_reward(cid))
    profile = _profile(service, cid)
    assert BadgeKind.REWARD not in _kinds(profile)
    assert profile.loyalty.rewards_available == 0
    assert profile.loyalty.stamps == 0


@both
def test_reward_rule_comes_from_settings(
    backend: Store, service: CustomerService, settings: SettingsService
) -> None:
    run(settings.set(opts.LOYALTY_EVERY, 5))
    run(settings.set(opts.LOYALTY_CATEGORY, "haircut"))
    run(settings.set(opts.LOYALTY_REWARD, "a free wash"))
    cid = add_customer(backend, "A")
    run(service.add_purchase(cid, [PurchaseItem("Cut", 5, 10000, "haircut")], currency="CNY"))
    profile = _profile(service, cid)
    assert profile.loyalty_rule.every == 5
    (reward,) = [b for b in profile.badges if b.kind is BadgeKind.REWARD]
    assert "a free wash" in reward.detail


@both
@pytest.mark.parametrize(
    ("tier", "text"), [(Tier.VIP, "VIP"), (Tier.GOLD, "Gold"), (Tier.SILVER, None)]
)
def test_vip_badge(backend: Store, service: CustomerService, tier: Tier, text: str | None) -> None:
    cid = add_customer(backend, "A", tier=tier)
    texts = [b.text for b in _profile(service, cid).badges if b.kind is BadgeKind.VIP]
    assert texts == ([text] if text else [])


@both
def test_profile_facts_spend_and_favourites(backend: Store, service: CustomerService) -> None:
    cid = add_customer(backend, "A")
    run(
        service.add_purchase(
            cid,
            [PurchaseItem("Latte", 2, 3000, "drink"), PurchaseItem("Cake", 1, 2500, "food")],
            currency="cny",
        )
    )
    run(service.add_purchase(cid, [PurchaseItem("Latte", 1, 4000, "drink")], currency="HKD"))
    profile = _profile(service, cid)
    assert profile.spend_by_currency == {"CNY": 8500, "HKD": 4000}
    assert profile.favourite_items[0] == ("Latte", 3)
    assert profile.purchase_count == 2
    # Same minute: the later entry first.
    assert [p.currency for p in profile.recent_purchases] == ["HKD", "CNY"]


@both
def test_add_purchase_validation_saves_nothing(backend: Store, service: CustomerService) -> None:
    cid = add_customer(backend, "A")
    for items in (
        [],
        [PurchaseItem("", 1, 100)],
        [PurchaseItem("Latte", 0, 100)],
        [PurchaseItem("Latte", 1, -1)],
    ):
        with pytest.raises(ValueError):
            run(service.add_purchase(cid, items, currency="CNY"))
    assert backend.read_now(lambda r: r.history.count_purchases(cid)) == 0


def test_profile_pages_load_lazily(runner: DatabaseRunner, service: CustomerService) -> None:
    cid = add_customer(runner, "Regular")
    start = D(2024, 1, 1, 9, 0)
    runner.call(
        bulk.bulk_insert_history,
        [(cid, start + dt.timedelta(days=i), "S", "Li", "") for i in range(130)],
        [
            (cid, start + dt.timedelta(hours=i), "S", "in store", "CNY", [PurchaseItem("Tea")])
            for i in range(10_000)
        ],
    )
    profile = _profile(service, cid)
    assert profile.purchase_count == 10_000
    assert len(profile.recent_purchases) == service.PAGE
    assert len(profile.recent_visits) == service.PAGE
    assert profile.visit_count == 130
    more = run(service.visits_page(cid, offset=service.PAGE))
    assert len(more) == service.PAGE
    assert more[0].at == profile.recent_visits[-1].at - dt.timedelta(days=1)
    tail = run(service.purchases_page(cid, offset=10_000 - 10))
    assert len(tail) == 10
    assert tail[-1].at == start


# --- Today ----------------------------------------------------------------------------------


@both
def test_today_lists_birthdays_and_anniversaries_with_consent_only(
    backend: Store, service: CustomerService
) -> None:
    today = add_customer(backend, "Today", birthday=PartialDate(11, 28), greetings_consent=True)
    soon = add_customer(
        backend,
        "Soon",
        dates=[ImportantDate("wedding anniversary", PartialDate(12, 3, 2000))],
        greetings_consent=True,
    )
    add_customer(backend, "No consent", birthday=PartialDate(11, 28), greetings_consent=False)
    add_customer(
        backend, "Offers only", birthday=PartialDate(11, 28), marketing_consent=True
    )  # may get offers, not birthday greetings
    add_customer(backend, "Too far", birthday=PartialDate(12, 6), greetings_consent=True)
    lists = run(service.today())
    assert lists.today == dt.date(2026, 11, 28)
    assert [(o.customer_id, o.label, o.days_away) for o, _ in lists.occasions] == [
        (today, "birthday", 0),
        (soon, "wedding anniversary", 5),
    ]
    assert all(c.greetings_consent for _, c in lists.occasions)
    assert [c.name for _, c in lists.occasions] == ["Today", "Soon"]


@both
def test_today_birthdays_across_the_year_end_and_29_february(
    backend: Store, service: CustomerService, clock: Clock
) -> None:
    new_year = add_customer(backend, "NY", birthday=PartialDate(1, 2), greetings_consent=True)
    leap = add_customer(backend, "Leap", birthday=PartialDate(2, 29), greetings_consent=True)
    clock.set(D(2026, 12, 29, 10, 0))
    assert [o.customer_id for o, _ in run(service.today()).occasions] == [new_year]
    clock.set(D(2027, 2, 25, 10, 0))
    assert [(o.customer_id, o.occurs_on) for o, _ in run(service.today()).occasions] == [
        (leap, dt.date(2027, 2, 28))
    ]


@both
def test_we_miss_you_lists_good_customers_not_seen_for_six_months(
    backend: Store, service: CustomerService
) -> None:
    def with_visits(name: str, count: int, last: D, **fields: object) -> int:
        cid = add_customer(backend, name, marketing_consent=True, **fields)  # type: ignore[arg-type]
        for i in range(count):
            add_visit(backend, cid, last - dt.timedelta(days=30 * i))
        return cid

    lapsed = with_visits("Lapsed regular", 8, D(2026, 4, 1, 12, 0))
    lapsed_vip = with_visits("Lapsed VIP", 1, D(2025, 10, 1, 12, 0), tier=Tier.VIP)
    with_visits("Recent regular", 8, D(2026, 11, 1, 12, 0))
    with_visits("Just under six months", 8, D(2026, 6, 10, 12, 0))
    with_visits("Casual", 2, D(2025, 1, 1, 12, 0))
    cid = add_customer(backend, "No consent", marketing_consent=False)
    for i in range(8):
        add_visit(backend, cid, D(2025, 1, 1, 12, 0) - dt.timedelta(days=i))
    add_customer(backend, "Never came", marketing_consent=True, tier=Tier.VIP)

    lapsed_ids = [c.customer_id for c in run(service.today()).lapsed]
    assert lapsed_ids == [lapsed, lapsed_vip]


@both
def test_we_miss_you_follows_the_months_setting(
    backend: Store, service: CustomerService, settings: SettingsService
) -> None:
    cid = add_customer(backend, "Regular", marketing_consent=True)
    for day in range(1, 6):
        add_visit(backend, cid, D(2026, 8, day, 12, 0))
    assert run(service.today()).lapsed == []
    run(settings.set(opts.MISS_YOU_MONTHS, 3))
    assert [c.customer_id for c in run(service.today()).lapsed] == [cid]


# --- validation and duplicates ----------------------------------------------------------------


@both
@pytest.mark.parametrize(
    ("customer", "field"),
    [
        (Customer(name=""), "name"),
        (Customer(name="   \t"), "name"),
        (Customer(name="Zoë", email="not-an-email"), "email"),
        (Customer(name="Zoë", email="zoe@"), "email"),
        (Customer(name="Zoë", email="zoe example@x.com"), "email"),
        (Customer(name="Zoë", phones=[Phone("12")]), "phones"),
        (Customer(name="Zoë", phones=[Phone("138 1234 5678")]), "phones"),
    ],
)
def test_validation_errors_raise_and_save_nothing(
    backend: Store, service: CustomerService, customer: Customer, field: str
) -> None:
    with pytest.raises(ValidationFailed) as info:
        run(service.save(customer))
    assert field in info.value.errors
    assert customer.id is None
    assert backend.read_now(lambda r: r.customers.count()) == 0


@both
def test_validation_reports_every_field_at_once(service: CustomerService) -> None:
    with pytest.raises(ValidationFailed) as info:
        run(service.save(Customer(name="", email="bad")))
    assert set(info.value.errors) == {"name", "email"}


@both
def test_invalid_edit_leaves_the_stored_customer_unchanged(
    backend: Store, service: CustomerService
) -> None:
    cid = add_customer(backend, "Kept", email="kept@example.com")
    customer = backend.read_now(lambda r: r.customers.get(cid))
    assert customer is not None
    customer.name = ""
    with pytest.raises(ValidationFailed):
        run(service.save(customer))
    stored = backend.read_now(lambda r: r.customers.get(cid))
    assert stored is not None
    assert stored.name == "Kept"


@both
@pytest.mark.parametrize(
    ("candidate", "field"),
    [
        (Customer(name="Twin", phones=[Phone("+8613812345678")]), "phone"),
        (Customer(name="Twin", email="WANG@example.com"), "email"),
        (Customer(name="Twin", member_no="M-7"), "member_no"),
    ],
)
def test_duplicates_raise_and_save_nothing(
    backend: Store, service: CustomerService, candidate: Customer, field: str
) -> None:
    candidate = copy.deepcopy(candidate)  # a save sets its id: each backend gets a fresh one
    existing = add_customer(
        backend, "Wang Fang", phones=["+8613812345678"], email="wang@example.com", member_no="M-7"
    )
    with pytest.raises(DuplicateFound) as info:
        run(service.save(candidate))
    assert [(c.field, c.other_id, c.other_name) for c in info.value.conflicts] == [
        (field, existing, "Wang Fang")
    ]
    assert "Wang Fang" in str(info.value)
    assert backend.read_now(lambda r: r.customers.count()) == 1

    # Staff may still save on purpose (then merge later).
    cid = run(service.save(candidate, allow_duplicates=True))
    assert cid != existing
    assert backend.read_now(lambda r: r.customers.count()) == 2


@both
def test_saving_oneself_is_no_duplicate(backend: Store, service: CustomerService) -> None:
    cid = run(
        service.save(Customer(name="Me", phones=[Phone("+8613812345678")], email="me@example.com"))
    )
    me = run(service.get(cid))
    assert me is not None
    me.notes = "likes jazz"
    assert run(service.save(me)) == cid
    again = run(service.get(cid))
    assert again is not None
    assert again.notes == "likes jazz"


@both
def test_merge_through_the_service_keeps_visits_and_purchases(
    backend: Store, service: CustomerService
) -> None:
    keep = add_customer(backend, "Keep")
    other = add_customer(backend, "Other", email="o@example.com")
    add_visit(backend, other, D(2026, 10, 1, 10, 0))
    _drinks(service, other, 2)
    merged = run(service.merge(keep, other))
    assert merged.email == "o@example.com"
    profile = _profile(service, keep)
    assert profile.visit_count == 1
    assert profile.purchase_count == 1


# --- phone normalisation for the edit dialog -----------------------------------------------------


def test_normalise_phones_reports_bad_numbers_and_drops_repeats() -> None:
    phones, errors = normalise_phones(
        [
            ("mobile", "138 1234 5678"),
            ("work", "+86 138-1234-5678"),
            ("", "  "),
            ("home", "(010) 8765 4321"),
            ("", "12"),
        ],
        "CN",
    )
    assert phones == [Phone("+8613812345678", "mobile"), Phone("+861087654321", "home")]
    assert len(errors) == 1
    assert "12" in errors[0]


# --- two consoles, one customer (optimistic concurrency) --------------------------------


@both
def test_a_save_over_a_newer_version_is_refused_with_who_and_when(
    backend: Store, settings: SettingsService, clock: Clock
) -> None:
    li = CustomerService(backend, settings, identity=signed_in(backend, "agent", "Li", clock))
    wang = CustomerService(backend, settings, identity=signed_in(backend, "agent", "Wang", clock))
    cid = run(li.save(Customer("Zhou Min", notes="likes tea")))
    mine = run(li.get(cid))  # both open the same customer
    theirs = run(wang.get(cid))
    assert mine is not None and theirs is not None and mine.version == theirs.version == 1
    clock.advance(minutes=5)
    theirs.notes = "likes jasmine tea"
    run(wang.save(theirs))
    mine.notes = "allergic to nuts"
    with pytest.raises(ChangedMeanwhile) as info:
        run(li.save(mine))
    assert (info.value.by, info.value.at, info.value.version) == (
        "Wang",
        clock.local_naive().replace(microsecond=0),
        2,
    )
    assert "Wang" in str(info.value)
    stored = run(li.get(cid))
    assert stored is not None
    assert (stored.notes, stored.version, stored.changed_by) == ("likes jasmine tea", 2, "Wang")
    # Reloaded, the same edit goes through as the next version.
    stored.notes = "allergic to nuts"
    assert run(li.save(stored)) == cid
    again = run(li.get(cid))
    assert again is not None
    assert (again.notes, again.version, again.changed_by) == ("allergic to nuts", 3, "Li")
    assert stored.version == 3  # the saved copy knows its new version


@both
def test_saving_twice_from_one_form_is_not_a_conflict(
    backend: Store, service: CustomerService
) -> None:
    cid = run(service.save(Customer("Zhou Min")))
    me = run(service.get(cid))
    assert me is not None
    me.notes = "first"
    run(service.save(me))
    me.notes = "second"
    run(service.save(me))  # the copy moved on with its own saves
    stored = run(service.get(cid))
    assert stored is not None and (stored.notes, stored.version) == ("second", 3)


def test_a_refused_save_writes_nothing(
    runner: DatabaseRunner, settings: SettingsService, clock: Clock
) -> None:
    li = CustomerService(runner, settings, identity=signed_in(runner, "agent", "Li", clock))
    cid = run(li.save(Customer("Zhou Min")))
    stale = run(li.get(cid))
    fresh = run(li.get(cid))
    assert stale is not None and fresh is not None
    fresh.email = "zhou@example.com"
    run(li.save(fresh))
    audit_before = runner.call(lambda db: db.execute("SELECT count(*) FROM audit").fetchone()[0])
    stale.marketing_consent = True
    with pytest.raises(ChangedMeanwhile):
        run(li.save(stale))
    assert runner.call(lambda db: db.execute("SELECT count(*) FROM audit").fetchone()[0]) == (
        audit_before
    )
    assert run(li.consent_history(cid)) == []
    stored = run(li.get(cid))
    assert stored is not None and not stored.marketing_consent and stored.version == 2


@both
def test_a_duplicate_that_slips_past_the_check_is_refused_with_the_same_message(
    backend: Store, service: CustomerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    existing = add_customer(backend, "Wang Fang", phones=["+8613812345678"])
    candidate = Customer(name="Wang Fang (2)", phones=[Phone("+8613812345678")])
    with pytest.raises(DuplicateFound) as checked:
        run(service.save(candidate))
    # As if another console saved Wang Fang between the check and the write: the unique
    # key refuses the write, and staff see the same refusal.
    monkeypatch.setattr(customers_repository.SqliteCustomers, "conflicts", lambda *_: [])
    monkeypatch.setattr(PostgresCustomers, "conflicts", lambda *_: [])
    with pytest.raises(DuplicateFound) as constrained:
        run(service.save(Customer(name="Wang Fang (2)", phones=[Phone("+8613812345678")])))
    assert str(constrained.value) == str(checked.value)
    assert [c.other_id for c in constrained.value.conflicts] == [existing]
    assert backend.read_now(lambda r: r.customers.count()) == 1
