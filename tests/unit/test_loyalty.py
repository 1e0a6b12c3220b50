"""Stamp-card loyalty: the rule, its text form, and the status staff see."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.customer import PurchaseItem
from console.domain.loyalty import LoyaltyRule, LoyaltyStatus, loyalty_status

RULE = LoyaltyRule()


@pytest.mark.parametrize(
    ("quantity", "redeemed", "stamps", "available", "needed"),
    [
        (0, 0, 0, 0, 10),
        (1, 0, 1, 0, 9),
        (9, 0, 9, 0, 1),
        (10, 0, 0, 1, 10),
        (11, 0, 1, 1, 9),
        (10, 1, 0, 0, 10),
        (19, 1, 9, 0, 1),
        (20, 1, 0, 1, 10),
        (25, 1, 5, 1, 5),
        (25, 0, 5, 2, 5),
        (30, 1, 0, 2, 10),
        (5, 3, 5, 0, 5),  # more redeemed than earned (a goodwill reward) shows none
        (-4, 0, 0, 0, 10),  # more returned than bought counts as nothing
    ],
)
def test_reward_boundaries(
    quantity: int, redeemed: int, stamps: int, available: int, needed: int
) -> None:
    assert loyalty_status(quantity, redeemed, RULE) == LoyaltyStatus(
        stamps=stamps, rewards_available=available, stamps_needed=needed, rule=RULE
    )


def test_negative_redeemed_count_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        loyalty_status(10, -1, RULE)


@pytest.mark.parametrize(
    ("quantity", "redeemed", "rule", "expected"),
    [
        (7, 0, RULE, "7 of 10 stamps"),
        (0, 0, RULE, "0 of 10 stamps"),
        (10, 0, RULE, "Reward available — tell them: a free drink"),
        (25, 1, RULE, "Reward available — tell them: a free drink"),
        (25, 0, RULE, "2 rewards available — tell them: a free drink"),
        (4, 0, LoyaltyRule(5, "haircut", "a free wash"), "4 of 5 stamps"),
        (
            5,
            0,
            LoyaltyRule(5, "haircut", "a free wash"),
            "Reward available — tell them: a free wash",
        ),
    ],
)
def test_message(quantity: int, redeemed: int, rule: LoyaltyRule, expected: str) -> None:
    assert loyalty_status(quantity, redeemed, rule).message() == expected


@pytest.mark.parametrize("every", [1, 0, -10])
def test_rule_needs_at_least_two_stamps(every: int) -> None:
    with pytest.raises(ValueError, match="at least 2"):
        LoyaltyRule(every=every)


@pytest.mark.parametrize(
    ("category", "expected"),
    [("drink", "a free drink"), ("haircut", "a free haircut"), ("", "a free item")],
)
def test_blank_reward_says_what_the_stamps_are_for(category: str, expected: str) -> None:
    assert LoyaltyRule(every=10, category=category, reward="  ").reward == expected


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("every 10th drink free", LoyaltyRule(10, "drink", "a free drink")),
        ("  Every  10th   drink  FREE. ", LoyaltyRule(10, "drink", "a free drink")),
        ("every 10 drink free", LoyaltyRule(10, "drink", "a free drink")),
        ("every 2nd coffee free", LoyaltyRule(2, "coffee", "a free coffee")),
        ("every 10th free", LoyaltyRule(10, "", "a free item")),
        ("every 3rd item free", LoyaltyRule(3, "", "a free item")),
        ("every 5th haircut earns a free wash", LoyaltyRule(5, "haircut", "a free wash")),
        (
            "every 8th gluten free cake free",
            LoyaltyRule(8, "gluten free cake", "a free gluten free cake"),
        ),
    ],
)
def test_parse(text: str, rule: LoyaltyRule) -> None:
    assert LoyaltyRule.parse(text) == rule


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        (LoyaltyRule(), "every 10th drink free"),
        (LoyaltyRule(2, "coffee", "a free coffee"), "every 2nd coffee free"),
        (LoyaltyRule(11, "", "a free item"), "every 11th item free"),
        (LoyaltyRule(21, "tea", "a free cake"), "every 21st tea earns a free cake"),
        (LoyaltyRule(5, "haircut", "a free wash"), "every 5th haircut earns a free wash"),
    ],
)
def test_describe_and_read_back(rule: LoyaltyRule, text: str) -> None:
    assert rule.describe() == text
    assert LoyaltyRule.parse(text) == rule


@pytest.mark.parametrize(
    "text",
    ["", "every drink free", "every tenth drink free", "10th drink free", "every 1st drink free"],
)
def test_parse_refuses_other_text(text: str) -> None:
    with pytest.raises(ValueError, match=r"every 10th drink free|at least 2"):
        LoyaltyRule.parse(text)


def test_qualifying_items() -> None:
    items = [
        PurchaseItem("latte", quantity=2, category="drink"),
        PurchaseItem("Tea", quantity=1, category=" Drink "),
        PurchaseItem("cake", quantity=3, category="food"),
        PurchaseItem("latte (returned)", quantity=-1, category="drink"),
    ]
    assert LoyaltyRule().qualifying_quantity(items) == 2
    assert LoyaltyRule(category="").qualifying_quantity(items) == 5
    assert LoyaltyRule(category="food").qualifying_quantity(items) == 3
    assert LoyaltyRule(category="haircut").qualifying_quantity(items) == 0
    assert LoyaltyRule().qualifying_quantity([PurchaseItem("x", -3, category="drink")]) == 0


@given(
    quantity=st.integers(min_value=0, max_value=10_000),
    redeemed=st.integers(min_value=0, max_value=2_000),
    every=st.integers(min_value=2, max_value=100),
)
def test_status_accounts_for_every_stamp(quantity: int, redeemed: int, every: int) -> None:
    status = loyalty_status(quantity, redeemed, LoyaltyRule(every=every))
    assert 0 <= status.stamps < every
    assert status.stamps + status.stamps_needed == every
    assert status.rewards_available == max(0, (quantity - status.stamps) // every - redeemed)
