"""Consent per purpose: may we send birthday greetings? offers and news?

Each change is kept with when, how and by whom it was given or withdrawn; the latest
event per purpose is the customer's current answer. The Today view's birthday list and
greetings follow ``greetings``; "we miss you" cards and marketing exports follow
``marketing``.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass


class Purpose(enum.StrEnum):
    GREETINGS = "greetings"  # birthday and anniversary greetings
    MARKETING = "marketing"  # offers, news, "we miss you"

    @property
    def label(self) -> str:
        return {
            Purpose.GREETINGS: "birthday and anniversary greetings",
            Purpose.MARKETING: "offers and news",
        }[self]


class Method(enum.StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    WRITTEN = "written"  # a signed form
    ONLINE = "online"
    IMPORT = "import"  # came with imported data

    @property
    def label(self) -> str:
        return {
            Method.IN_PERSON: "in person",
            Method.PHONE: "on the phone",
            Method.WRITTEN: "on a signed form",
            Method.ONLINE: "online",
            Method.IMPORT: "with imported data",
        }[self]


@dataclass(frozen=True, slots=True)
class ConsentEvent:
    customer_id: int
    purpose: Purpose
    granted: bool
    at: dt.datetime
    method: Method
    recorded_by: str = ""
    note: str = ""

    def describe(self) -> str:
        verb = "agreed to" if self.granted else "withdrew consent for"
        return f"{verb} {self.purpose.label} {self.method.label}"
