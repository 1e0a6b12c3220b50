"""What staff see at a glance: badges that change what they say, and field validation."""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass

from console.domain.customer import Customer, Tier
from console.domain.loyalty import LoyaltyStatus
from console.domain.messages import Message, PromisedAnswer
from console.domain.occasions import Occasion


class BadgeKind(enum.StrEnum):
    OPEN_COMPLAINT = "open_complaint"
    BIRTHDAY_TODAY = "birthday_today"
    BIRTHDAY_SOON = "birthday_soon"
    OCCASION = "occasion"
    REWARD = "reward"
    VIP = "vip"
    FIRST_VISIT = "first_visit"
    AVOID = "avoid"


@dataclass(frozen=True, slots=True)
class Badge:
    kind: BadgeKind
    text: str
    detail: str = ""
    said: Message | None = None  # the detail as a message code, for the window's language


@dataclass(frozen=True, slots=True)
class OpenComplaint:
    summary: str
    promised_by: dt.datetime | None


def _when(days: int) -> str:
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return f"in {days} days"


def build_badges(
    customer: Customer,
    *,
    occasions: Sequence[Occasion],
    loyalty: LoyaltyStatus,
    visit_count: int,
    open_complaints: Sequence[OpenComplaint] = (),
) -> list[Badge]:
    """Most important first: an open complaint changes the whole tone of the greeting."""
    badges: list[Badge] = []
    for complaint in open_complaints:
        due = (
            f" — we promised an answer by {complaint.promised_by:%d %b %H:%M}"
            if complaint.promised_by
            else ""
        )
        said = (
            PromisedAnswer(complaint.summary, complaint.promised_by)
            if complaint.promised_by
            else None
        )
        badges.append(
            Badge(BadgeKind.OPEN_COMPLAINT, "Open complaint", f"{complaint.summary}{due}", said)
        )
    for occasion in occasions:
        if occasion.label == "birthday":
            kind = BadgeKind.BIRTHDAY_TODAY if occasion.days_away == 0 else BadgeKind.BIRTHDAY_SOON
            text = (
                "Birthday today"
                if occasion.days_away == 0
                else f"Birthday {_when(occasion.days_away)}"
            )
        else:
            kind = BadgeKind.OCCASION
            text = f"{occasion.label.capitalize()} {_when(occasion.days_away)}"
        detail = f"{occasion.occurs_on:%d %b}"
        if occasion.years:
            detail += f" ({occasion.years})"
        badges.append(Badge(kind, text, detail))
    if loyalty.rewards_available > 0:
        badges.append(Badge(BadgeKind.REWARD, "Reward available — tell them", loyalty.message()))
    if customer.tier in (Tier.VIP, Tier.GOLD):
        badges.append(
            Badge(
                BadgeKind.VIP, customer.tier.value.upper() if customer.tier is Tier.VIP else "Gold"
            )
        )
    if visit_count == 0:
        badges.append(Badge(BadgeKind.FIRST_VISIT, "First visit", "Make them feel welcome"))
    if customer.avoid_topics:
        badges.append(Badge(BadgeKind.AVOID, "Topics to avoid", "; ".join(customer.avoid_topics)))
    return badges


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def is_valid_email(text: str) -> bool:
    return bool(_EMAIL.match(text.strip()))
