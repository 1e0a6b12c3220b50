"""Stamp-card loyalty: "every 10th drink free", and telling staff when it is earned.

Semantics (one rule per store):

- Each qualifying unit bought earns one stamp: a purchase item whose category matches the
  rule's category (case-insensitive; an empty rule category means every item) earns
  ``quantity`` stamps. Returns (negative quantities) take stamps back.
- Every ``every`` stamps earn one reward. Stamps are never spent: rewards earned are
  ``stamps // every`` over the customer's whole history, and rewards already redeemed
  are subtracted from them. So 25 stamps with 1 reward redeemed leave 1 reward available
  and 5 stamps toward the next.
- Staff should say so when a reward is available, rather than wait to be asked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from console.domain.customer import PurchaseItem
from console.domain.greeting import ordinal_en
from console.domain.messages import LoyaltyEarns, LoyaltyFree, Message

_ANY_ITEM_NOUNS = frozenset({"", "item", "items", "purchase", "purchases"})
_RULE_TEXT = re.compile(
    r"every\s+(?P<every>\d+)(?:st|nd|rd|th)?\s*(?P<noun>.*?)\s+"
    r"(?:free|earns\s+(?P<reward>.+?))\s*\.?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class LoyaltyRule:
    """Every ``every``-th qualifying item earns ``reward``.

    *category* is the purchase item category that earns stamps (``""`` = every item).
    A blank *reward* becomes "a free <category>" ("a free item" for every item).
    Raises ValueError if *every* is less than 2.
    """

    every: int = 10
    category: str = "drink"
    reward: str = "a free drink"

    def __post_init__(self) -> None:
        if isinstance(self.every, bool) or not isinstance(self.every, int) or self.every < 2:
            raise ValueError(f"a reward needs at least 2 stamps (every={self.every!r})")
        if not self.reward.strip():
            # A blank setting must not break every profile: say what the stamps are for.
            object.__setattr__(self, "reward", _free(self.category.strip()))

    @classmethod
    def parse(cls, text: str) -> LoyaltyRule:
        """Parse ``every 10th drink free`` or ``every 5th haircut earns a free wash``.

        Case and spacing are free; the ordinal suffix is optional. With ``free`` the reward
        is "a free <noun>". The noun ``item`` (or none: ``every 10th free``) means every
        item counts. Raises ValueError with an example of the expected form.
        """
        match = _RULE_TEXT.fullmatch(" ".join(text.split()))
        if match is None:
            raise ValueError(
                f"{text!r} is not a loyalty rule (write e.g. 'every 10th drink free' "
                "or 'every 5th haircut earns a free wash')"
            )
        noun = match["noun"].strip()
        category = "" if noun.lower() in _ANY_ITEM_NOUNS else noun
        reward = match["reward"] or _free(category)
        return cls(every=int(match["every"]), category=category, reward=reward.strip())

    def describe(self) -> str:
        """The rule in words; :meth:`parse` reads it back to an equal rule."""
        noun = self.category.strip() or "item"
        head = f"every {ordinal_en(self.every)} {noun}"
        if self.reward == _free(self.category.strip()):
            return f"{head} free"
        return f"{head} earns {self.reward}"

    def words(self) -> Message:
        """The rule as a message (:meth:`describe` in English; the window's language)."""
        category = self.category.strip()
        if self.reward == _free(category):
            return LoyaltyFree(self.every, category)
        return LoyaltyEarns(self.every, category, self.reward)

    def qualifies(self, category: str) -> bool:
        """True if an item of *category* earns a stamp."""
        wanted = self.category.strip().casefold()
        return not wanted or category.strip().casefold() == wanted

    def qualifying_quantity(self, items: Iterable[PurchaseItem]) -> int:
        """Stamps earned by *items* (returns subtract; never below 0)."""
        return max(0, sum(item.quantity for item in items if self.qualifies(item.category)))


@dataclass(frozen=True, slots=True)
class LoyaltyStatus:
    """Where a customer stands: ``stamps`` toward the next reward (0 … every-1),
    ``rewards_available`` earned but not yet redeemed, ``stamps_needed`` until the next
    reward (1 … every)."""

    stamps: int
    rewards_available: int
    stamps_needed: int
    rule: LoyaltyRule

    def message(self) -> str:
        """One line for staff: what to tell the customer, or how far the card is."""
        if self.rewards_available == 1:
            return f"Reward available — tell them: {self.rule.reward}"
        if self.rewards_available > 1:
            return f"{self.rewards_available} rewards available — tell them: {self.rule.reward}"
        return f"{self.stamps} of {self.rule.every} stamps"


def loyalty_status(
    qualifying_quantity: int, rewards_redeemed: int, rule: LoyaltyRule
) -> LoyaltyStatus:
    """Status from all qualifying units ever bought and all rewards ever redeemed.

    Rewards available are ``qualifying_quantity // every - rewards_redeemed``, never below
    0 (more redeemed than earned, e.g. a goodwill reward, shows 0). A negative quantity
    (more returned than bought) counts as 0. Raises ValueError if *rewards_redeemed* is
    negative.
    """
    if rewards_redeemed < 0:
        raise ValueError(f"rewards redeemed {rewards_redeemed} is negative")
    earned, stamps = divmod(max(0, qualifying_quantity), rule.every)
    return LoyaltyStatus(
        stamps=stamps,
        rewards_available=max(0, earned - rewards_redeemed),
        stamps_needed=rule.every - stamps,
        rule=rule,
    )


def _free(category: str) -> str:
    return f"a free {category or 'item'}"
