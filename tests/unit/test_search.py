"""Search, the front desk's main door: every kind of query, ranking, freshness, hostile input."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.domain.customer import Customer, Phone, Tier
from console.domain.search_text import (
    SearchHit,
    customer_search_keys,
    fold,
    index_entry,
    plan_query,
)
from console.domain.search_text import Tier as MatchTier
from console.repositories import Repositories, Store
from console.repositories.customers import NewCustomer, fill_derived
from console.services.customers import CustomerService
from tests.unit.conftest import ALL_BACKENDS, NOW, add_customer, add_visit, run, search_names

#: Every search test runs on both stores (they must find the same customers in the same
#: order: see also test_search_parity.py).
both = pytest.mark.parametrize("backend", ALL_BACKENDS, indirect=True)

ZHANG_WEI_PHONE = "+8613812345678"
BEIJING_LANDLINE = "+861087654321"  # (010) 8765 4321
LONDON_PHONE = "+442079460958"  # 020 7946 0958


def find(store: Store, query: str, limit: int = 20) -> list[SearchHit]:
    """The search repository's hits for *query*, as the service plans it."""
    plan = plan_query(query)
    return store.read_now(lambda r: r.search.find(plan, limit=limit))


@pytest.fixture
def people(backend: Store) -> dict[str, int]:
    """A small front desk: Chinese and English names, phones, emails, member numbers."""
    return {
        "zhang_wei": add_customer(
            backend,
            "张伟",
            phones=[ZHANG_WEI_PHONE],
            preferred_name="张先生",
            member_no="VIP-0042",
        ),
        "zhang_weiming": add_customer(backend, "張偉明"),  # stored in Traditional script
        "li_na": add_customer(backend, "李娜", phones=["+8613900001111"]),
        "zoe": add_customer(
            backend,
            "Zoë O'Brien",
            email="Zoe.OBrien@Example.com",
            member_no="M-1001",
            phones=[LONDON_PHONE],
        ),
        "patel": add_customer(
            backend, "Ravi Patel", preferred_name="Dr. Patel", phones=[BEIJING_LANDLINE]
        ),
        "jose": add_customer(backend, "José Ñúñez"),
    }


# --- every kind of query ------------------------------------------------------------


@both
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # any part of the name, any script
        ("张伟", "张伟"),
        ("伟明", "張偉明"),
        ("李娜", "李娜"),
        ("娜", "李娜"),
        ("patel", "Ravi Patel"),
        ("Ravi", "Ravi Patel"),
        ("avi pat", "Ravi Patel"),
        ("dr. patel", "Ravi Patel"),
        ("张先生", "张伟"),
        # case, accents, punctuation
        ("ZOË", "Zoë O'Brien"),
        ("zoe", "Zoë O'Brien"),
        ("obrien", "Zoë O'Brien"),
        ("O'BRIEN", "Zoë O'Brien"),
        ("zoe obrien", "Zoë O'Brien"),
        ("jose nunez", "José Ñúñez"),
        ("nunez", "José Ñúñez"),
        ("ＺＯＥ", "Zoë O'Brien"),  # full-width
        # Simplified / Traditional
        ("張偉", "张伟"),
        ("张伟明", "張偉明"),
        # pinyin, full and initials
        ("zhangwei", "张伟"),
        ("zhang wei", "张伟"),
        ("Zhang Wei", "张伟"),
        ("zw", "张伟"),
        ("zhangweiming", "張偉明"),
        ("zwm", "張偉明"),
        ("lina", "李娜"),
        # phone in any format, and by its last 4+ digits
        ("+86 138-1234-5678", "张伟"),
        ("+86 138 1234 5678", "张伟"),
        ("13812345678", "张伟"),
        ("138 1234 5678", "张伟"),
        ("(138) 1234-5678", "张伟"),
        ("１３８１２３４５６７８", "张伟"),
        ("5678", "张伟"),
        ("45678", "张伟"),
        ("12345678", "张伟"),
        ("+44 20 7946 0958", "Zoë O'Brien"),
        ("0958", "Zoë O'Brien"),
        # member number, email
        ("VIP-0042", "张伟"),
        ("vip0042", "张伟"),
        ("M-1001", "Zoë O'Brien"),
        ("zoe.obrien@example.com", "Zoë O'Brien"),
        ("ZOE.OBRIEN@EXAMPLE.COM", "Zoë O'Brien"),
        ("zoe.obrien@", "Zoë O'Brien"),
    ],
)
def test_query_finds_customer_first(
    backend: Store, people: dict[str, int], query: str, expected: str
) -> None:
    names = search_names(backend, query)
    assert names, f"{query!r} found nobody"
    assert names[0] == expected, f"{query!r} → {names}"


@both
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # the international prefix 00 instead of +
        ("0086 138 1234 5678", "张伟"),
        ("008613812345678", "张伟"),
        ("0044 20 7946 0958", "Zoë O'Brien"),
        # national format with the trunk prefix 0, as people say their landline
        ("010 8765 4321", "Ravi Patel"),
        ("(010) 8765-4321", "Ravi Patel"),
        ("020 7946 0958", "Zoë O'Brien"),
    ],
)
def test_phone_with_international_or_trunk_prefix(
    backend: Store, people: dict[str, int], query: str, expected: str
) -> None:
    """'Phone in any format': 00 for + and a national trunk 0 are how numbers are said."""
    assert search_names(backend, query)[:1] == [expected]


@both
def test_single_chinese_character_finds_every_name_containing_it(
    backend: Store, people: dict[str, int]
) -> None:
    assert set(search_names(backend, "伟")) == {"张伟", "張偉明"}
    assert set(search_names(backend, "偉")) == {"张伟", "張偉明"}
    assert set(search_names(backend, "张")) == {"张伟", "張偉明"}
    assert search_names(backend, "明") == ["張偉明"]
    assert search_names(backend, "王") == []


@both
def test_two_chinese_characters_in_the_middle_of_a_name(backend: Store) -> None:
    add_customer(backend, "欧阳娜娜")
    add_customer(backend, "司马相如")
    assert search_names(backend, "阳娜") == ["欧阳娜娜"]
    assert search_names(backend, "相如") == ["司马相如"]
    assert search_names(backend, "欧阳") == ["欧阳娜娜"]
    assert search_names(backend, "马") == ["司马相如"]


@both
def test_substring_of_a_latin_name(backend: Store, people: dict[str, int]) -> None:
    assert search_names(backend, "brie") == ["Zoë O'Brien"]
    assert search_names(backend, "atel") == ["Ravi Patel"]


@both
def test_suffix_search_needs_four_digits(backend: Store, people: dict[str, int]) -> None:
    plan = plan_query("678")
    assert all(lookup.term != "876" for lookup in plan.lookups)
    hits = find(backend, "5678")
    assert [h.id for h in hits][:1] == [people["zhang_wei"]]
    assert hits[0].phones == (ZHANG_WEI_PHONE,)


@both
def test_results_carry_what_tells_two_namesakes_apart(backend: Store) -> None:
    first = add_customer(
        backend, "Wang Fang", preferred_name="Ms. Wang", phones=["+8613800001234"], tier=Tier.VIP
    )
    second = add_customer(backend, "Wang Fang", phones=["+8613900009876"], member_no="C-77")
    add_visit(backend, first, dt.datetime(2026, 11, 1, 15, 0))
    hits = {h.id: h for h in find(backend, "wang fang")}
    assert hits[first].preferred_name == "Ms. Wang"
    assert hits[first].phones == ("+8613800001234",)
    assert hits[first].tier == "vip"
    assert hits[first].last_visit == "2026-11-01T15:00:00"
    assert hits[first].visit_count == 1
    assert hits[second].member_no == "C-77"
    assert hits[second].last_visit == ""


# --- ranking ---------------------------------------------------------------------------


@both
def test_exact_then_prefix_then_substring(backend: Store) -> None:
    joanne = add_customer(backend, "Joanne")
    anna = add_customer(backend, "Anna")
    ann = add_customer(backend, "Ann")
    # Even a very recent visit does not lift a weaker match above a stronger one.
    add_visit(backend, joanne, dt.datetime(2026, 11, 27, 9, 0))
    add_visit(backend, anna, dt.datetime(2026, 11, 20, 9, 0))
    hits = find(backend, "ann")
    assert [(h.id, h.match) for h in hits] == [
        (ann, MatchTier.EXACT),
        (anna, MatchTier.PREFIX),
        (joanne, MatchTier.SUBSTRING),
    ]


@both
def test_ties_are_broken_by_most_recent_visit(backend: Store) -> None:
    never = add_customer(backend, "Anna Smith")
    old = add_customer(backend, "Anna Lee")
    recent = add_customer(backend, "Anna Wong")
    add_visit(backend, old, dt.datetime(2024, 3, 1, 12, 0))
    add_visit(backend, recent, dt.datetime(2026, 11, 2, 12, 0))
    assert [h.id for h in find(backend, "anna")] == [
        recent,
        old,
        never,
    ]

    # A visit today moves the old customer to the top at once.
    add_visit(backend, old, dt.datetime(2026, 11, 28, 9, 30))
    assert [h.id for h in find(backend, "anna")] == [
        old,
        recent,
        never,
    ]


@both
def test_ties_among_chinese_fragment_matches_follow_last_visit(backend: Store) -> None:
    a = add_customer(backend, "王伟")
    b = add_customer(backend, "张伟")
    c = add_customer(backend, "李伟")
    add_visit(backend, a, dt.datetime(2026, 1, 1, 10, 0))
    add_visit(backend, c, dt.datetime(2026, 6, 1, 10, 0))
    add_visit(backend, b, dt.datetime(2025, 6, 1, 10, 0))
    assert [h.id for h in find(backend, "伟")] == [c, a, b]


@both
def test_limit_is_respected(backend: Store) -> None:
    for i in range(30):
        add_customer(backend, f"Chen Jie {i}")
    assert len(find(backend, "chen", limit=7)) == 7
    assert len(find(backend, "chen")) == 20
    assert find(backend, "chen", limit=0) == []


# --- freshness: edits, merges ------------------------------------------------------------


@both
def test_an_edit_is_findable_at_once_and_the_old_name_is_gone(
    backend: Store, service: CustomerService
) -> None:
    cid = add_customer(backend, "Li Lei", phones=["+8613700001111"])
    customer = backend.read_now(lambda r: r.customers.get(cid))
    assert customer is not None
    customer.name = "Han Meimei"
    customer.phones = [Phone("+8613700002222")]
    run(service.save(customer))

    assert search_names(backend, "han meimei") == ["Han Meimei"]
    assert search_names(backend, "meimei") == ["Han Meimei"]
    assert search_names(backend, "2222") == ["Han Meimei"]
    assert search_names(backend, "li lei") == []
    assert search_names(backend, "lilei") == []
    assert search_names(backend, "13700001111") == []
    assert search_names(backend, "1111") == []


@both
def test_edit_of_a_chinese_name_updates_fragments_and_pinyin(backend: Store) -> None:
    cid = add_customer(backend, "张伟")
    customer = backend.read_now(lambda r: r.customers.get(cid))
    assert customer is not None
    customer.name = "王芳"
    customer.romanisation = ""
    backend.write_now(lambda r: r.customers.update(customer, now=NOW))
    assert search_names(backend, "芳") == ["王芳"]
    assert search_names(backend, "wangfang") == ["王芳"]
    assert search_names(backend, "伟") == []
    assert search_names(backend, "zhangwei") == []
    assert search_names(backend, "zw") == []


@both
def test_merged_customer_disappears_from_search(backend: Store) -> None:
    keep = add_customer(backend, "Chen Jing", phones=["+8613600001111"])
    dup = add_customer(
        backend, "陈静", phones=["+8613600002222"], email="jing@example.com", member_no="D-9"
    )
    backend.write_now(lambda r: r.customers.merge(keep, dup, now=NOW))
    for query in ("chen jing", "陈静", "静", "jing@example.com", "D-9", "2222", "13600002222"):
        ids = [h.id for h in find(backend, query)]
        assert dup not in ids, query
    # The survivor is found by what it inherited.
    for query in ("jing@example.com", "D-9", "13600002222", "2222"):
        ids = [h.id for h in find(backend, query)]
        assert ids[:1] == [keep], query


# --- hostile input -------------------------------------------------------------------------

HOSTILE = [
    "",
    " ",
    "\t\n ",
    '"',
    '""',
    "'",
    "*",
    "zh*",
    "AND",
    "a AND b",
    "OR",
    "NOT",
    "NEAR(",
    "NEAR(a b)",
    "(",
    ")",
    "()",
    "((((",
    "^",
    ":",
    "col:zhang",
    "%",
    "_",
    "\\",
    "--",
    "; DROP TABLE customers; --",
    "\x00",
    "zh\x00ang",
    "\x01\x02\x1b[31m",
    "\u200b",
    "\ufeff",
    "😀",
    "😀😀😀",
    "👨‍👩‍👧",
    "𠮷",
    "x" * 10_000,
    "伟" * 5_000,
    "9" * 5_000,
    "a@" + "b" * 5_000,
    "@",
    "+",
    "-",
    "+()-",
]


@both
@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_input_never_raises(
    service: CustomerService, people: dict[str, int], query: str
) -> None:
    hits = run(service.search(query))
    assert isinstance(hits, list)
    assert service.search_now(query) == hits


@both
def test_hostile_input_leaves_the_database_intact(
    backend: Store, service: CustomerService, people: dict[str, int]
) -> None:
    for query in HOSTILE:
        service.search_now(query)
    assert backend.read_now(lambda r: r.customers.count()) == len(people)


@both
def test_empty_and_blank_queries_return_nothing(
    service: CustomerService, people: dict[str, int]
) -> None:
    for query in ("", " ", "\x00", "'\"*()"):
        assert service.search_now(query) == []
        assert plan_query(query).empty


@both
@pytest.mark.parametrize("query", ["a\ud800@b", "zoe@\udfff", "\ud83d@x.com", "伟\ud800"])
def test_lone_surrogates_never_raise(
    service: CustomerService, people: dict[str, int], query: str
) -> None:
    """A lone surrogate arrives e.g. from ``search --jsonl`` (JSON "\\ud800" is legal)."""
    assert isinstance(service.search_now(query), list)


@both
@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(query=st.text())
def test_any_text_never_raises(
    service: CustomerService, people: dict[str, int], query: str
) -> None:
    hits = service.search_now(query)
    assert isinstance(hits, list)
    assert len(hits) <= 20
    assert len({h.id for h in hits}) == len(hits)


@both
@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    query=st.lists(
        st.sampled_from(
            [
                '"',
                "'",
                "*",
                "AND",
                "OR",
                "NOT",
                "NEAR(",
                "(",
                ")",
                "^",
                ":",
                "@",
                "+",
                "-",
                "\x00",
                "\x1f",
                " ",
                "伟",
                "張",
                "zh",
                "5678",
                "😀",
                "\ud800",
                "%",
                "_",
            ]
        )
        | st.text(max_size=5),
        max_size=12,
    ).map("".join)
)
def test_any_mix_of_query_syntax_never_raises(
    service: CustomerService, people: dict[str, int], query: str
) -> None:
    assert isinstance(service.search_now(query), list)


@settings(deadline=None)
@given(query=st.text())
def test_plan_query_never_raises(query: str) -> None:
    plan = plan_query(query)
    assert plan.empty == (not plan.lookups and plan.substring is None)
    assert plan.empty == (fold(query.replace("\x00", "")[:200]) == "")


# --- folding ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("O'Brien", "obrien"),
        ("Zoë", "ZOE"),
        ("張偉", "张伟"),
        ("ＡＢＣ１２３", "abc123"),
        ("Straße", "strasse"),
        ("Łódź", "lodz"),
    ],
)
def test_fold_equates(a: str, b: str) -> None:
    assert fold(a) == fold(b)
    assert fold(a)


@both
def test_customer_search_through_the_service_is_async(
    service: CustomerService, people: dict[str, int]
) -> None:
    hits = run(service.search("张伟"))
    assert [h.id for h in hits][:1] == [people["zhang_wei"]]
    assert run(service.search("张伟", limit=1)) == hits[:1]


def bulk_add(store: Store, customers: list[Customer], *, batch_size: int) -> int:
    """Load *customers* through the repositories' bulk path, *batch_size* at a time."""

    def job(r: Repositories) -> int:
        with r.customers.bulk_load() as load:
            return sum(
                load.add(
                    [NewCustomer.of(c, now=NOW) for c in customers[i : i + batch_size]]
                ).customers
                for i in range(0, len(customers), batch_size)
            )

    return store.write_now(job)


@both
def test_bulk_inserted_customers_are_searchable(backend: Store) -> None:
    batch = [Customer(name=f"客户{i}号", phones=[Phone(f"+86139{i:08d}")]) for i in range(1, 120)]
    assert bulk_add(backend, batch, batch_size=50) == 119
    assert search_names(backend, "客户77号") == ["客户77号"]
    assert search_names(backend, "13900000077") == ["客户77号"]


# --- member numbers by their last digits --------------------------------------------


@both
@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("0042", True),  # VIP-0042: the last 4 digits, as staff read a card
        ("2345", False),
        ("1001", True),  # M-1001
        ("001", False),  # fewer than 4 digits is no suffix
        ("042", False),
    ],
)
def test_member_number_by_its_last_four_digits(
    backend: Store, people: dict[str, int], query: str, found: bool
) -> None:
    names = search_names(backend, query)
    member = {"0042": "张伟", "1001": "Zoë O'Brien"}.get(query)
    if found:
        assert names[:1] == [member]
    else:
        assert "张伟" not in names and "Zoë O'Brien" not in names


@both
def test_member_number_by_more_of_its_last_digits(backend: Store) -> None:
    card = add_customer(backend, "Card Holder", member_no="M00012345")
    other = add_customer(backend, "Other Holder", member_no="M00099345")
    for query in ("2345", "12345", "012345", "00012345"):
        hits = find(backend, query)
        assert [h.id for h in hits] == [card], query
        assert hits[0].match == MatchTier.PREFIX
    assert {h.id for h in find(backend, "9345")} == {other}
    assert find(backend, "345") == []  # 3 digits: no suffix search


@both
def test_member_number_suffix_and_phone_suffix_both_count(backend: Store) -> None:
    by_card = add_customer(backend, "By Card", member_no="88885678")
    by_phone = add_customer(backend, "By Phone", phones=["+8613800005678"])
    assert set(search_names(backend, "5678")) == {"By Card", "By Phone"}
    hits = find(backend, "5678")
    assert {h.id for h in hits} == {by_card, by_phone}


@both
def test_a_changed_member_number_is_found_by_its_new_digits_only(
    backend: Store,
) -> None:
    cid = add_customer(backend, "Renewed Card", member_no="M-11112222")
    assert search_names(backend, "2222") == ["Renewed Card"]
    customer = backend.read_now(lambda r: r.customers.get(cid))
    assert customer is not None
    customer.member_no = "M-33334444"
    backend.write_now(lambda r: r.customers.update(customer, now=NOW))
    assert search_names(backend, "4444") == ["Renewed Card"]
    assert search_names(backend, "2222") == []


@both
def test_bulk_loaded_member_numbers_are_found_by_their_last_digits(backend: Store) -> None:
    batch = [Customer(name=f"Member {i}", member_no=f"C-{i:06d}") for i in range(1, 120)]
    assert bulk_add(backend, batch, batch_size=50) == 119
    assert search_names(backend, "0077") == ["Member 77"]
    assert search_names(backend, "000118") == ["Member 118"]


def test_index_entry_holds_exactly_the_search_keys_terms() -> None:
    """Bulk loads store index_entry (fast); single edits customer_search_keys."""
    from console.services.demo_data import generate_customers

    customers = list(generate_customers(3000, seed=5, today=NOW.date()))
    customers += [
        Customer(name="Zoë O'Brien", email="Zoe@X.com", member_no="zoe@x.com"),
        Customer(name="张伟", member_no="13812345678", phones=[Phone("+8613812345678")]),
        Customer(name="", email="  ", member_no="---"),
    ]
    for c in customers:
        fill_derived(c)
        phones = tuple(p.number for p in c.phones)
        doc, text = index_entry(
            c.name, c.preferred_name, c.romanisation, c.email, c.member_no, phones
        )
        keys = customer_search_keys(
            name=c.name,
            preferred_name=c.preferred_name,
            romanisation=c.romanisation,
            email=c.email,
            member_no=c.member_no,
            phones=phones,
        )
        assert doc == keys.doc
        assert sorted(text.split(" ")) == sorted(keys.index_text().split(" "))
        assert len(text) == len(keys.index_text())  # no term twice
