"""Typed settings with registered defaults, stored in the database's settings table.

Each option has a key, a type and a default; reading an unset or malformed value
gives the default, so an older database never breaks a newer app.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from console.domain.loyalty import LoyaltyRule
from console.domain.phones import is_valid_region
from console.domain.roles import Role
from console.storage import customers as store
from console.storage.runner import DatabaseRunner

T = TypeVar("T")


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T
    doc: str

    def coerce(self, value: Any) -> T:
        if value is None:
            return self.default
        expected = type(self.default)
        if expected is bool:
            return value if isinstance(value, bool) else self.default  # type: ignore[return-value]
        if isinstance(value, expected):
            return value
        return self.default


DEFAULT_REGION = Option(
    "default_region", "CN", "Region for phone numbers typed without +country code"
)
STORE_NAME = Option("store_name", "Shanghai Jing'an", "This console's store")
STAFF_NAME = Option("staff_name", "", "Who is working at this console (until sign-in exists)")
LOYALTY_EVERY = Option("loyalty_every", 10, "Every Nth qualifying item is free")
LOYALTY_CATEGORY = Option("loyalty_category", "drink", "Purchase item category that earns a stamp")
LOYALTY_REWARD = Option(
    "loyalty_reward", "a free drink", "What the reward is, in the words staff say"
)
MISS_YOU_MONTHS = Option(
    "miss_you_months", 6, "'We miss you' after this many months without a visit"
)
MISS_YOU_MIN_VISITS = Option(
    "miss_you_min_visits", 5, "Visits that make a customer a good customer"
)
OCCASION_DAYS = Option("occasion_days", 7, "Birthdays and anniversaries shown this many days ahead")
ACTIVE_PHRASEBOOK = Option(
    "active_phrasebook", "Default", "The phrasebook (one per brand) staff are checked against"
)
ROLE = Option(
    "role",
    "trainer",
    "The signed-in role until staff sign-in exists: agent, trainer, manager or admin",
)
# Phone screen-pop (Generic CTI listener, see console.services.cti).
CTI_ENABLED = Option("cti_enabled", True, "Listen for call events from the phone system")
CTI_PORT = Option("cti_port", 8735, "Port of the call-event listener (--cti-port overrides)")
CTI_HOST = Option(
    "cti_host",
    "127.0.0.1",
    "Interface the call-event listener binds to; anything but 127.0.0.1/::1 is explicit",
)
CTI_AGENT = Option("cti_agent", "", "This console's agent as the phone system names it (user)")
CTI_EXTENSION = Option("cti_extension", "", "This console's phone extension; empty: pop every call")
CTI_OPTIONS: tuple[Option[Any], ...] = (CTI_ENABLED, CTI_PORT, CTI_HOST, CTI_AGENT, CTI_EXTENSION)

ALL_OPTIONS: tuple[Option[Any], ...] = (
    DEFAULT_REGION,
    STORE_NAME,
    STAFF_NAME,
    LOYALTY_EVERY,
    LOYALTY_CATEGORY,
    LOYALTY_REWARD,
    MISS_YOU_MONTHS,
    MISS_YOU_MIN_VISITS,
    OCCASION_DAYS,
    ACTIVE_PHRASEBOOK,
    ROLE,
    *CTI_OPTIONS,
)


class SettingsService:
    def __init__(self, runner: DatabaseRunner) -> None:
        self._runner = runner

    async def get(self, option: Option[T]) -> T:
        return option.coerce(await self._runner.run(store.get_setting, option.key))

    def get_now(self, option: Option[T]) -> T:
        """Blocking read for the CLI."""
        return option.coerce(self._runner.call(store.get_setting, option.key))

    async def set(self, option: Option[T], value: T) -> None:
        validate(option, value)
        await self._runner.run(store.set_setting, option.key, value)

    def set_now(self, option: Option[T], value: T) -> None:
        validate(option, value)
        self._runner.call(store.set_setting, option.key, value)

    async def loyalty_rule(self) -> LoyaltyRule:
        return LoyaltyRule(
            every=await self.get(LOYALTY_EVERY),
            category=await self.get(LOYALTY_CATEGORY),
            reward=await self.get(LOYALTY_REWARD),
        )


def validate(option: Option[T], value: T) -> None:
    if not isinstance(value, type(option.default)):
        raise ValueError(f"{option.key} must be a {type(option.default).__name__}")
    if option is DEFAULT_REGION and not is_valid_region(str(value)):
        raise ValueError(f"{value!r} is not a region code such as CN, HK, TW, GB or US")
    if option is LOYALTY_EVERY and int(value) < 2:  # type: ignore[call-overload]
        raise ValueError("the loyalty rule needs every 2nd item or more")
    if option in (MISS_YOU_MONTHS, OCCASION_DAYS) and int(value) < 1:  # type: ignore[call-overload]
        raise ValueError(f"{option.key} must be at least 1")
    if option is ROLE:
        Role.parse(str(value))
    if option is CTI_PORT and not 1 <= int(value) <= 65535:  # type: ignore[call-overload]
        raise ValueError("cti_port must be between 1 and 65535")
    if option is CTI_HOST and not str(value).strip():
        raise ValueError("cti_host needs an interface address such as 127.0.0.1")
    if option is ACTIVE_PHRASEBOOK and not str(value).strip():
        raise ValueError("the active phrasebook needs a name")
