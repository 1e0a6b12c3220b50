"""The history repository (see :mod:`console.repositories`): visits, purchases, rewards."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

from console.domain.customer import Purchase, Visit


@dataclass(slots=True)
class PurchaseFacts:
    """What a profile shows of a customer's purchases."""

    spend_by_currency: dict[str, int] = field(default_factory=dict)
    favourite_items: list[tuple[str, int]] = field(default_factory=list)
    qualifying_quantity: int = 0
    rewards_redeemed: int = 0
    last_purchase: dt.datetime | None = None


class HistoryRepository(Protocol):
    def add_visit(self, visit: Visit) -> int:
        """Record *visit* (the customer's visit count and last visit follow); sets and
        returns its id. ValueError for a merged customer."""
        ...

    def add_purchase(self, purchase: Purchase) -> int:
        """Record *purchase* with its items; sets and returns its id."""
        ...

    def redeem_reward(
        self, customer_id: int, *, at: dt.datetime, staff: str, note: str = ""
    ) -> int: ...

    def visits(self, customer_id: int, *, offset: int = 0, limit: int = 50) -> list[Visit]:
        """Newest first."""
        ...

    def purchases(self, customer_id: int, *, offset: int = 0, limit: int = 50) -> list[Purchase]:
        """Newest first, with their items."""
        ...

    def count_visits(self, customer_id: int) -> int: ...

    def count_purchases(self, customer_id: int) -> int: ...

    def purchase_facts(
        self, customer_id: int, *, loyalty_category: str, favourites: int = 3
    ) -> PurchaseFacts:
        """Spend per currency (largest first), the *favourites* most bought items (all for
        -1), the quantity that counts for the loyalty rule, rewards redeemed, last
        purchase."""
        ...
