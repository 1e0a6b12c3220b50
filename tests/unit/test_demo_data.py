"""Demo data: deterministic, realistic, unique where it must be, valid phone numbers."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Callable

import opencc
import phonenumbers
import pytest

from console.domain.customer import Customer, Language, Tier
from console.domain.names import romanise
from console.domain.phones import normalise_phone
from console.services import demo_data
from console.services.demo_data import (
    CATEGORIES,
    CHANNELS,
    CUSTOMER_KINDS,
    REGIONS,
    STAFF,
    STORE_CURRENCY,
    PurchaseRow,
    VisitRow,
    generate_customers,
    generate_history,
    history_window,
)

TODAY = dt.date(2026, 11, 28)
MANY = 20_000
CJK = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
EMAIL = re.compile(r"^[a-z0-9._-]+@example\.(com|cn|org)$")


@pytest.fixture(scope="module")
def customers() -> list[Customer]:
    return list(generate_customers(MANY, today=TODAY))


def _share(items: list[Customer], predicate: Callable[[Customer], bool]) -> float:
    return sum(1 for c in items if predicate(c)) / len(items)


# --------------------------------------------------------------------------- determinism


def test_same_seed_same_customers_and_history() -> None:
    first = list(generate_customers(500, seed=11, today=TODAY))
    second = list(generate_customers(500, seed=11, today=TODAY))
    assert first == second
    for index in (0, 7, 499):
        assert generate_history(index, seed=11, today=TODAY) == generate_history(
            index, seed=11, today=TODAY
        )


def test_different_seeds_differ() -> None:
    a = list(generate_customers(200, seed=1, today=TODAY))
    b = list(generate_customers(200, seed=2, today=TODAY))
    c = list(generate_customers(200, seed=-1, today=TODAY))
    assert [x.name for x in a] != [x.name for x in b]
    assert [x.phones for x in a] != [x.phones for x in b]
    assert [x.name for x in a] != [x.name for x in c]
    histories_a = [generate_history(i, seed=1, today=TODAY) for i in range(50)]
    histories_b = [generate_history(i, seed=2, today=TODAY) for i in range(50)]
    assert histories_a != histories_b


def test_a_chunk_equals_the_same_slice_of_a_longer_run() -> None:
    whole = list(generate_customers(400, seed=3, today=TODAY))
    chunk = list(generate_customers(120, seed=3, today=TODAY, start_member_no=151))
    assert chunk == whole[150:270]
    assert chunk[0].member_no == "M00000151"


def test_generator_is_lazy_and_counts_exactly() -> None:
    assert list(generate_customers(0, today=TODAY)) == []
    assert len(list(generate_customers(7, today=TODAY))) == 7
    first = next(iter(generate_customers(10**6, today=TODAY)))
    assert first.member_no == "M00000001"
    assert first.id is None


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"count": -1}, "negative"),
        ({"count": 1, "start_member_no": 0}, "at least 1"),
        ({"count": 1, "region": "XX"}, "unknown region"),
        ({"count": 10**9, "region": "HK"}, "phone numbers"),
    ],
)
def test_bad_arguments_are_refused_at_call_time(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        generate_customers(**kwargs)  # type: ignore[arg-type]


def test_bad_history_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="customer_index"):
        generate_history(-1, today=TODAY)
    with pytest.raises(ValueError, match="negative"):
        generate_history(0, today=TODAY, purchases_per_customer=-1.0)


# --------------------------------------------------------------------------- uniqueness and phones


@pytest.mark.slow
def test_member_numbers_and_phones_are_unique(customers: list[Customer]) -> None:
    members = [c.member_no for c in customers]
    assert len(set(members)) == MANY
    assert members[0] == "M00000001"
    assert members[-1] == f"M{MANY:08d}"
    numbers = [p.number for c in customers for p in c.phones]
    assert len(set(numbers)) == len(numbers)
    assert all(1 <= len(c.phones) <= 2 for c in customers)
    assert 0.15 < _share(customers, lambda c: len(c.phones) == 2) < 0.35


@pytest.mark.slow
def test_a_sample_of_phones_is_valid_e164(customers: list[Customer]) -> None:
    numbers = [p.number for c in customers for p in c.phones][::5][:2000]
    assert len(numbers) == 2000
    for number in numbers:
        assert normalise_phone(number) == number
    prefixes = Counter(n[:3] for n in numbers)
    assert prefixes["+86"] > 1000  # mainland mobiles dominate in the default region
    assert any(n.startswith("+852") for n in numbers)
    assert any(n.startswith("+886") for n in numbers)
    assert any(n.startswith("+44") for n in numbers)
    assert any(n.startswith("+1") for n in numbers)


def test_every_number_range_is_valid_at_both_ends() -> None:
    for region, plan in demo_data._PLANS.items():
        for prefix in plan.prefixes:
            for suffix in (0, plan.suffix_count - 1):
                text = str(plan.suffix_base + suffix).zfill(plan.suffix_width)
                parsed = phonenumbers.parse(plan.country_code + prefix + text)
                assert phonenumbers.is_valid_number(parsed), (region, prefix, text)
                assert phonenumbers.region_code_for_number(parsed) == region


@pytest.mark.parametrize("region", REGIONS)
def test_local_customers_get_numbers_of_the_region(region: str) -> None:
    batch = list(generate_customers(1000, today=TODAY, region=region))
    numbers = [p.number for c in batch for p in c.phones]
    assert len(set(numbers)) == len(numbers)
    code = str(phonenumbers.country_code_for_region(region))
    mainland = [c for c in batch if c.language is Language.ZH_HANS]
    assert all(c.phones[0].number.startswith("+" + code) for c in mainland)
    for number in numbers[::10]:
        assert normalise_phone(number) == number


# --------------------------------------------------------------------------- the mixture


@pytest.mark.slow
def test_mixture_proportions(customers: list[Customer]) -> None:
    languages = Counter(c.language for c in customers)
    assert 0.50 < languages[Language.ZH_HANS] / MANY < 0.60
    assert 0.07 < languages[Language.ZH_HANT] / MANY < 0.13
    assert 0.30 < languages[Language.EN] / MANY < 0.40
    tiers = Counter(c.tier for c in customers)
    assert 0.65 < tiers[Tier.REGULAR] / MANY < 0.75
    assert 0.14 < tiers[Tier.SILVER] / MANY < 0.22
    assert 0.06 < tiers[Tier.GOLD] / MANY < 0.12
    assert 0.01 < tiers[Tier.VIP] / MANY < 0.05
    assert 0.55 < _share(customers, lambda c: bool(c.email)) < 0.65
    assert 0.75 < _share(customers, lambda c: c.birthday is not None) < 0.85
    birthdays = [c.birthday for c in customers if c.birthday is not None]
    assert 0.10 < sum(1 for b in birthdays if b.year is None) / len(birthdays) < 0.20
    assert any((b.month, b.day) == (2, 29) for b in birthdays)
    assert 0.15 < _share(customers, lambda c: bool(c.dates)) < 0.25
    assert 0.60 < _share(customers, lambda c: c.marketing_consent) < 0.70
    assert 0.5 < _share(customers, lambda c: bool(c.preferences)) < 0.9
    assert 0.1 < _share(customers, lambda c: bool(c.dislikes)) < 0.4
    assert 0.01 < _share(customers, lambda c: bool(c.avoid_topics)) < 0.1
    assert 0.05 < _share(customers, lambda c: bool(c.notes)) < 0.25
    assert 0.2 < _share(customers, lambda c: bool(c.customer_kind)) < 0.5
    assert {c.customer_kind for c in customers} == {"", *CUSTOMER_KINDS}


@pytest.mark.slow
def test_staff_are_assigned_to_gold_and_vip_only(customers: list[Customer]) -> None:
    staff = {name for names in STAFF.values() for name in names}
    for c in customers:
        if c.tier in (Tier.GOLD, Tier.VIP):
            assert c.assigned_staff in staff
        else:
            assert c.assigned_staff == ""
    assigned = {c.assigned_staff for c in customers if c.assigned_staff}
    assert any(CJK.match(name) for name in assigned)
    assert any(name.isascii() for name in assigned)


@pytest.mark.slow
def test_chinese_names_are_chinese_and_common_ones_recur(customers: list[Customer]) -> None:
    chinese = [c for c in customers if c.language in (Language.ZH_HANS, Language.ZH_HANT)]
    assert all(CJK.match(c.name) for c in chinese)
    names = Counter(c.name for c in chinese)
    assert names["张伟"] > 10 and names["王芳"] > 5 and names["李娜"] > 5
    surnames = Counter(c.name[0] for c in chinese if c.language is Language.ZH_HANS)
    assert surnames.most_common(3)[0][0] in "王李张"
    assert any(c.name.startswith(("欧阳", "司马", "上官")) for c in chinese)


@pytest.mark.slow
def test_simplified_romanisation_matches_the_app(customers: list[Customer]) -> None:
    """Romanisation is filled in so storage need not run pypinyin; it is what it would get."""
    simplified = [c for c in customers if c.language is Language.ZH_HANS]
    for customer in {c.name: c for c in simplified}.values():
        assert customer.romanisation == romanise(customer.name), customer.name


@pytest.mark.slow
def test_simplified_and_traditional_scripts(customers: list[Customer]) -> None:
    converter = opencc.OpenCC("t2s")

    def to_simplified(name: str) -> str:
        # Character by character: phrase rules would turn 沈思远 into 沉思远.
        return "".join(converter.convert(ch) for ch in name)

    simplified = [c.name for c in customers if c.language is Language.ZH_HANS]
    traditional = [c.name for c in customers if c.language is Language.ZH_HANT]
    assert all(to_simplified(name) == name for name in set(simplified))
    written_traditionally = [n for n in traditional if to_simplified(n) != n]
    assert len(written_traditionally) > 0.7 * len(traditional)
    assert "陳" in "".join(traditional) and "黃" in "".join(traditional)
    hant = [c for c in customers if c.language is Language.ZH_HANT]
    assert all(c.phones[0].number.startswith(("+852", "+886")) for c in hant)
    assert any(c.romanisation.startswith("Chan ") for c in hant)  # Hong Kong style
    assert any(re.match(r"^Chen \w+-\w+$", c.romanisation) for c in hant)  # Taiwan style


@pytest.mark.slow
def test_english_names_have_accents_and_apostrophes(customers: list[Customer]) -> None:
    english = [c for c in customers if c.language is Language.EN]
    names = " ".join(c.name for c in english)
    assert "'" in names  # O'Brien, D'Souza
    assert any(not c.name.isascii() for c in english)  # Zoë, José, Müller
    assert any("-" in c.name for c in english)  # Smith-Jones
    for token in ("Zoë", "O'Brien", "Patel", "Nguyen"):
        assert token in names
    assert all(c.romanisation == "" for c in english)
    assert all(len(c.name.split()) >= 2 for c in english)


@pytest.mark.slow
def test_forms_of_address(customers: list[Customer]) -> None:
    preferred = Counter(c.preferred_name for c in customers)
    assert preferred["王先生"] > 20 and preferred["李女士"] > 20
    assert any(p.endswith("老师") for p in preferred)
    assert any(p.startswith("Mr. ") for p in preferred)
    assert any(p.startswith("Dr. ") for p in preferred)
    assert any(p.startswith("Ms. ") for p in preferred)
    assert any(p.endswith("太") for p in preferred)  # 陳太, Hong Kong
    english = [c for c in customers if c.language is Language.EN]
    assert any(c.preferred_name == c.name.split()[0] for c in english)


@pytest.mark.slow
def test_emails_are_ascii_on_example_domains(customers: list[Customer]) -> None:
    emails = [c.email for c in customers if c.email]
    assert all(EMAIL.match(e) for e in emails), [e for e in emails if not EMAIL.match(e)][:5]
    domains = Counter(e.rsplit("@", 1)[1] for e in emails)
    assert set(domains) == {"example.com", "example.cn", "example.org"}


@pytest.mark.slow
def test_dates_and_free_text(customers: list[Customer]) -> None:
    for c in customers:
        if c.birthday is not None and c.birthday.year is not None:
            assert TODAY.year - 86 <= c.birthday.year <= TODAY.year - 18
        for important in c.dates:
            assert important.label
            assert important.date.year is None or important.date.year < TODAY.year
    labels = Counter(d.label for c in customers for d in c.dates)
    assert "结婚纪念日" in labels and "Wedding anniversary" in labels
    texts = Counter(p for c in customers for p in c.preferences)
    assert "Earl Grey, no sugar" in texts and "不要香菜" in texts
    dislikes = Counter(d for c in customers for d in c.dislikes)
    assert "peanut allergy" in dislikes and "海鲜过敏" in dislikes


# --------------------------------------------------------------------------- history


def _histories(
    count: int, purchases: float = 5.0, visits: float = 6.0
) -> list[tuple[list[VisitRow], list[PurchaseRow]]]:
    return [
        generate_history(
            i, today=TODAY, purchases_per_customer=purchases, visits_per_customer=visits
        )
        for i in range(count)
    ]


def test_history_window_is_four_years_before_today() -> None:
    start, end = history_window(TODAY)
    assert start == dt.datetime(2022, 11, 28)
    assert end == dt.datetime(2026, 11, 28)
    assert history_window(dt.date(2028, 2, 29))[0] == dt.datetime(2024, 2, 29)
    assert history_window(dt.date(2104, 2, 29))[0] == dt.datetime(2100, 2, 28)


@pytest.mark.slow
def test_history_is_in_the_window_sorted_and_consistent() -> None:
    start, end = history_window(TODAY)
    physical = {store for store in STORE_CURRENCY if not store.startswith("Online")}
    for visits, purchases in _histories(3000):
        times = [v[0] for v in visits]
        assert times == sorted(times)
        for at, store, staff, note in visits:
            assert start <= at < end
            assert store in physical
            assert staff in STAFF[store]
            assert isinstance(note, str)
        times = [p[0] for p in purchases]
        assert times == sorted(times)
        for at, store, channel, currency, items in purchases:
            assert start <= at < end
            assert currency == STORE_CURRENCY[store]
            assert channel in CHANNELS
            if store.startswith("Online"):
                assert channel != "in store"
            assert 1 <= len(items) <= 3
            assert len({item.name for item in items}) == len(items)
            for item in items:
                assert item.price_minor > 0
                assert 1 <= item.quantity <= 3
                assert item.category in CATEGORIES


@pytest.mark.slow
def test_history_counts_vary_around_the_means() -> None:
    histories = _histories(5000)
    purchases = [len(p) for _, p in histories]
    visits = [len(v) for v, _ in histories]
    assert 4.5 < sum(purchases) / len(purchases) < 5.5
    assert 5.4 < sum(visits) / len(visits) < 6.6
    assert 0.05 < sum(1 for v, p in histories if not v and not p) / len(histories) < 0.3
    assert max(purchases) >= 30  # a few heavy regulars
    last_seen = [max([e[0] for e in v] + [e[0] for e in p]) for v, p in histories if v or p]
    _, end = history_window(TODAY)
    lapsed = sum(1 for at in last_seen if (end - at).days > 365) / len(last_seen)
    assert 0.05 < lapsed < 0.4  # "we miss you" candidates
    channels = Counter(p[2] for _, ps in histories for p in ps)
    assert set(channels) == set(CHANNELS)
    currencies = Counter(p[3] for _, ps in histories for p in ps)
    assert set(currencies) == {"CNY", "HKD", "TWD", "GBP"}
    categories = Counter(i.category for _, ps in histories for p in ps for i in p[4])
    assert set(categories) == set(CATEGORIES)


def test_history_scales_with_the_means() -> None:
    assert all(h == ([], []) for h in _histories(200, purchases=0, visits=0))
    light = sum(len(p) for _, p in _histories(1000, purchases=1.0))
    heavy = sum(len(p) for _, p in _histories(1000, purchases=10.0))
    assert 5 * light < heavy


def test_history_matches_the_customer() -> None:
    """Hong Kong customers shop in Hong Kong; VIPs shop more than regulars and are
    usually served by their account manager."""
    batch = list(generate_customers(2000, today=TODAY))
    by_tier: dict[Tier, list[int]] = {}
    served = by_manager = 0
    hong_kong: Counter[str] = Counter()
    for index, customer in enumerate(batch):
        visits, purchases = generate_history(index, today=TODAY)
        by_tier.setdefault(customer.tier, []).append(len(purchases))
        if customer.phones[0].number.startswith("+852"):
            hong_kong.update(p[3] for p in purchases)
            assert all(v[1] != "London Covent Garden" for v in visits)
        if customer.assigned_staff:
            served += len(visits)
            by_manager += sum(1 for v in visits if v[2] == customer.assigned_staff)

    def mean(values: list[int]) -> float:
        return sum(values) / len(values)

    assert mean(by_tier[Tier.VIP]) > 2 * mean(by_tier[Tier.REGULAR])
    assert by_manager > 0.4 * served
    assert hong_kong["HKD"] > 0.7 * sum(hong_kong.values())
    assert set(hong_kong) <= {"HKD", "CNY", "TWD"}


def test_history_defaults_to_today() -> None:
    now = dt.datetime.now()
    for visits, purchases in (generate_history(i) for i in range(200)):
        assert all(v[0] < now for v in visits)
        assert all(p[0] < now for p in purchases)


def test_history_items_use_minor_units_of_a_real_catalogue() -> None:
    items = {
        (store, item.name): item.price_minor
        for _, purchases in _histories(2000)
        for _, store, _, _, basket in purchases
        for item in basket
    }
    assert items[("Shanghai Jing'an", "Latte 拿铁")] == 3400
    names = {name for _, name in items}
    assert {"Earl Grey 伯爵红茶", "Oolong 乌龙茶", "Flat white 澳白", "Gift card 礼品卡"} <= names
    for (_, name), price in items.items():
        assert unicodedata.category(name[0]).startswith("L")
        assert price % 5 == 0
