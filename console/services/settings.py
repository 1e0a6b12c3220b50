"""Typed settings with registered defaults, stored in the database's settings table.

Each option has a key, a type and a default; reading an unset or malformed value
gives the default, so an older database never breaks a newer app.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Generic, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from console.domain.loyalty import LoyaltyRule
from console.domain.phones import is_valid_region
from console.domain.roles import Role
from console.storage import customers as store
from console.storage.runner import DatabaseRunner

T = TypeVar("T")


def zone_named(name: str) -> ZoneInfo:
    """The IANA zone *name*; ValueError with a clear message for an unknown one."""
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"{name!r} is not a time zone such as Asia/Shanghai or Europe/London"
        ) from None


def system_zone() -> ZoneInfo:
    """The computer's own IANA zone, without extra packages: ``$TZ`` when it names a zone,
    else the target of ``/etc/localtime`` (Linux, macOS) or ``/etc/timezone`` (Debian);
    UTC when none of these names one (e.g. Windows: set the ``time_zone`` setting)."""
    candidates: list[str] = []
    tz = os.environ.get("TZ", "").lstrip(":").strip()
    if tz:
        candidates.append(tz)
    try:
        target = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    try:
        with open("/etc/timezone", encoding="utf-8") as fh:
            candidates.append(fh.read().strip())
    except OSError:
        pass
    for name in candidates:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return ZoneInfo("UTC")


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
INTERFACE_LANGUAGE = Option(
    "interface_language",
    "",
    "Interface language before anyone signs in: en, zh_CN or zh_TW (empty: the system's)",
)
AUTO_LOCK_MINUTES = Option(
    "auto_lock_minutes", 5, "Lock the console after this many idle minutes (0: never)"
)
BACKUP_EVERY_HOURS = Option(
    "backup_every_hours", 24, "Take a scheduled backup this often (0 turns them off)"
)
BACKUP_KEEP = Option("backup_keep", 14, "How many scheduled backups to keep")
BACKUP_FOLDER = Option(
    "backup_folder", "", "Where backups go (default: 'backups' beside the database)"
)
FOLLOW_UP_DAYS = Option(
    "follow_up_days", 7, "Resolving a complaint schedules its follow-up call this many days later"
)
TIME_ZONE = Option(
    "time_zone",
    "",
    "IANA time zone of this store (e.g. Asia/Shanghai) for promises, follow-ups and "
    "report periods; empty: the computer's own zone",
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
# The database's own word that its customers are made up: set by the demo fill (before
# the first customer is written), kept in the file so a renamed copy still says so.
# Not in ALL_OPTIONS: nobody sets it by hand, and nothing clears it.
DEMO_DATABASE = Option(
    "demo_database", False, "This database holds made-up demo customers (export refuses it)"
)

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
    INTERFACE_LANGUAGE,
    AUTO_LOCK_MINUTES,
    BACKUP_EVERY_HOURS,
    BACKUP_KEEP,
    BACKUP_FOLDER,
    FOLLOW_UP_DAYS,
    TIME_ZONE,
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
    if option in (BACKUP_EVERY_HOURS, AUTO_LOCK_MINUTES) and int(value) < 0:  # type: ignore[call-overload]
        raise ValueError(f"{option.key} cannot be negative (0 turns it off)")
    if option in (MISS_YOU_MONTHS, OCCASION_DAYS, BACKUP_KEEP, FOLLOW_UP_DAYS) and int(value) < 1:  # type: ignore[call-overload]
        raise ValueError(f"{option.key} must be at least 1")
    if option is INTERFACE_LANGUAGE and str(value) not in ("", "en", "zh_CN", "zh_TW"):
        raise ValueError("interface_language is en, zh_CN, zh_TW or empty (the system's)")
    if option is ROLE:
        Role.parse(str(value))
    if option is TIME_ZONE and str(value).strip():
        zone_named(str(value))
    if option is CTI_PORT and not 1 <= int(value) <= 65535:  # type: ignore[call-overload]
        raise ValueError("cti_port must be between 1 and 65535")
    if option is CTI_HOST and not str(value).strip():
        raise ValueError("cti_host needs an interface address such as 127.0.0.1")
    if option is ACTIVE_PHRASEBOOK and not str(value).strip():
        raise ValueError("the active phrasebook needs a name")
