"""Every setting an admin may change: its type, default, allowed values or range, scope,
page in the Settings window, and a label and help text marked for Qt translation.

Plain Python (no Qt): ``QT_TRANSLATE_NOOP`` below only returns its text, so lupdate can
find the marked strings here (``console.ui.i18n.source_files`` lists this module) while the
command line prints the English. The window translates the same strings with
``QCoreApplication.translate("Settings", …)``.

Validation is declared, not written as a chain of ``if option is …``: a range, a list of
choices, a maximum length, or a named check. A refusal is an :class:`Invalid` (a
``ValueError``) whose ``template`` and ``params`` the window translates and whose ``str()``
is one English sentence naming the allowed values or range.
"""

from __future__ import annotations

import enum
import ipaddress
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from console.domain.phones import is_valid_region

T = TypeVar("T")

CONTEXT = "Settings"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # lupdate reads this name
    """Mark *text* for translation in *context*; translated where it is shown."""
    return text


class Scope(enum.StrEnum):
    """Where a value lives."""

    CONSOLE = "console"  # this computer: the config folder's settings.json
    STORE = "store"  # the store this database belongs to
    ORGANISATION = "organisation"  # rules the whole business shares
    PERSON = "person"  # one staff member (their staff record)


class Topic(enum.StrEnum):
    """The Settings window's pages."""

    STORE = "store"
    PHONE = "phone"
    COMPLAINTS = "complaints"
    SECURITY = "security"
    LANGUAGE = "language"


TOPIC_TITLES: dict[Topic, str] = {
    Topic.STORE: QT_TRANSLATE_NOOP("Settings", "Store"),
    Topic.PHONE: QT_TRANSLATE_NOOP("Settings", "Phone"),
    Topic.COMPLAINTS: QT_TRANSLATE_NOOP("Settings", "Complaints & loyalty"),
    Topic.SECURITY: QT_TRANSLATE_NOOP("Settings", "Security & backups"),
    Topic.LANGUAGE: QT_TRANSLATE_NOOP("Settings", "Language"),
}

# Refusal sentences: {name} is the option's key on the command line, its label in the window.
RANGE = QT_TRANSLATE_NOOP("Settings", "{name} must be a whole number from {low} to {high}.")
CHOICES = QT_TRANSLATE_NOOP("Settings", "{name} must be one of: {choices}.")
YES_NO = QT_TRANSLATE_NOOP("Settings", "{name} must be yes or no.")
NOT_EMPTY = QT_TRANSLATE_NOOP("Settings", "{name} cannot be empty: give up to {high} characters.")
TEXT = QT_TRANSLATE_NOOP("Settings", "{name} must be text of up to {high} characters.")
TOO_LONG = QT_TRANSLATE_NOOP("Settings", "{name} can be at most {high} characters long.")
CONTROL = QT_TRANSLATE_NOOP("Settings", "{name} cannot hold control characters or line breaks.")
REGION = QT_TRANSLATE_NOOP(
    "Settings", "{name} must be a two-letter region code such as CN, HK, TW, GB or US."
)
ZONE = QT_TRANSLATE_NOOP(
    "Settings",
    "{name} must be a time zone such as Asia/Shanghai or Europe/London, "
    "or empty for the computer's own.",
)
HOST = QT_TRANSLATE_NOOP(
    "Settings", "{name} must be an IP address to listen on, such as 127.0.0.1 or ::1."
)


class Invalid(ValueError):
    """A value an option refuses. ``str()``: one English sentence; the window translates
    ``template`` (context "Settings") and formats it with ``params`` and its own label."""

    def __init__(self, option: Option[Any], template: str, **params: Any) -> None:
        self.option = option
        self.template = template
        self.params = params
        super().__init__(template.format(name=option.key, **params))


def _no_control(text: str) -> bool:
    return not any(ch < " " or "\x7f" <= ch <= "\x9f" for ch in text)


def zone_named(name: str) -> ZoneInfo:
    """The IANA zone *name*; ValueError with a clear message for an unknown one."""
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError, OSError):  # "Asia" is a folder
        raise ValueError(
            f"{name!r} is not a time zone such as Asia/Shanghai or Europe/London"
        ) from None


def _zone_ok(value: str) -> bool:
    if not value.strip():
        return True
    try:
        zone_named(value)
    except ValueError:
        return False
    return True


def _host_ok(value: str) -> bool:
    try:
        ipaddress.ip_address(value.strip())
    except ValueError:
        return False
    return True


def _region_ok(value: str) -> bool:
    return len(value) == 2 and value.isupper() and is_valid_region(value)


@dataclass(frozen=True)
class Option(Generic[T]):
    """One setting. ``doc`` is the English help text (also the CLI's description)."""

    key: str
    default: T
    doc: str
    scope: Scope = Scope.ORGANISATION
    topic: Topic = Topic.STORE
    label: str = ""
    low: int | None = None
    high: int | None = None
    choices: tuple[str, ...] = ()
    check: Callable[[str], bool] | None = field(default=None, compare=False)
    check_template: str = ""
    may_be_empty: bool = True
    listed: bool = True  # False: kept by the app itself, never set by hand

    @property
    def kind(self) -> type:
        return type(self.default)

    def coerce(self, value: Any) -> T:
        """A stored value as this option's type; the default for a missing, mistyped or
        no longer valid one, so an older or hand-edited database never breaks the app."""
        if value is None:
            return self.default
        try:
            return self.validate(value)
        except Invalid:
            return self.default

    def validate(self, value: Any) -> T:
        """*value* when this option allows it, else :class:`Invalid`."""
        kind = self.kind
        if kind is bool:
            if not isinstance(value, bool):
                raise Invalid(self, YES_NO)
            return value  # type: ignore[return-value]
        if kind is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise Invalid(self, RANGE, low=self.low, high=self.high)
            if (self.low is not None and value < self.low) or (
                self.high is not None and value > self.high
            ):
                raise Invalid(self, RANGE, low=self.low, high=self.high)
            return value  # type: ignore[return-value]
        if self.choices and (not isinstance(value, str) or value not in self.choices):
            raise Invalid(self, CHOICES, choices=self.describe_choices())
        if not isinstance(value, str):
            raise Invalid(self, TEXT, high=self.high or 200)
        if self.choices:
            if value not in self.choices:
                raise Invalid(self, CHOICES, choices=self.describe_choices())
            return value  # type: ignore[return-value]
        high = self.high or 200
        if not _no_control(value):
            raise Invalid(self, CONTROL)
        if not value.strip() and not self.may_be_empty:
            raise Invalid(self, NOT_EMPTY, high=high)
        if len(value) > high:
            raise Invalid(self, TOO_LONG, high=high)
        if self.check is not None and value.strip() and not self.check(value):
            raise Invalid(self, self.check_template)
        return value  # type: ignore[return-value]

    def parse(self, text: str) -> T:
        """The value typed as *text* (command line, window), validated."""
        kind = self.kind
        if kind is bool:
            words = text.strip().casefold()
            if words in ("yes", "true", "on", "1"):
                return True  # type: ignore[return-value]
            if words in ("no", "false", "off", "0"):
                return False  # type: ignore[return-value]
            raise Invalid(self, YES_NO)
        if kind is int:
            cleaned = text.strip()
            if not cleaned.lstrip("+-").isdigit() or len(cleaned) > 12:
                raise Invalid(self, RANGE, low=self.low, high=self.high)
            return self.validate(int(cleaned))
        value = text.strip() if self.check is not None or self.choices else text
        return self.validate(value)

    def show(self, value: Any) -> str:
        """*value* as the command line prints it (and :meth:`parse` reads it back)."""
        if isinstance(value, bool):
            return "yes" if value else "no"
        return str(value)

    def describe_choices(self) -> str:
        return ", ".join(c if c else "(empty)" for c in self.choices)


def _text(
    key: str,
    default: str,
    doc: str,
    label: str,
    scope: Scope,
    topic: Topic,
    **kw: Any,
) -> Option[str]:
    return Option(key, default, doc, scope, topic, label, **kw)


def _number(
    key: str,
    default: int,
    doc: str,
    label: str,
    scope: Scope,
    topic: Topic,
    low: int,
    high: int,
) -> Option[int]:
    return Option(key, default, doc, scope, topic, label, low=low, high=high)


# --- store -------------------------------------------------------------------------
STORE_NAME = _text(
    "store_name",
    "Shanghai Jing'an",
    QT_TRANSLATE_NOOP("Settings", "The store's name, as visits and complaints record it."),
    QT_TRANSLATE_NOOP("Settings", "Store name"),
    Scope.STORE,
    Topic.STORE,
    high=80,
    may_be_empty=False,
)
TIME_ZONE = _text(
    "time_zone",
    "",
    QT_TRANSLATE_NOOP(
        "Settings",
        "The store's time zone (e.g. Asia/Shanghai) for greetings, promises, follow-ups "
        "and report periods; empty: the computer's own.",
    ),
    QT_TRANSLATE_NOOP("Settings", "Time zone"),
    Scope.STORE,
    Topic.STORE,
    high=64,
    check=_zone_ok,
    check_template=ZONE,
)
DEFAULT_REGION = _text(
    "default_region",
    "CN",
    QT_TRANSLATE_NOOP(
        "Settings", "Region for phone numbers typed without a +country code (e.g. CN, HK, TW)."
    ),
    QT_TRANSLATE_NOOP("Settings", "Region"),
    Scope.STORE,
    Topic.STORE,
    high=2,
    check=_region_ok,
    check_template=REGION,
    may_be_empty=False,
)

# --- organisation ------------------------------------------------------------------
LOYALTY_EVERY = _number(
    "loyalty_every",
    10,
    QT_TRANSLATE_NOOP("Settings", "Every Nth qualifying item is free."),
    QT_TRANSLATE_NOOP("Settings", "Reward every"),
    Scope.ORGANISATION,
    Topic.COMPLAINTS,
    2,
    1000,
)
LOYALTY_CATEGORY = _text(
    "loyalty_category",
    "drink",
    QT_TRANSLATE_NOOP("Settings", "The purchase category that earns a stamp (empty: every item)."),
    QT_TRANSLATE_NOOP("Settings", "Stamp for each"),
    Scope.ORGANISATION,
    Topic.COMPLAINTS,
    high=40,
)
LOYALTY_REWARD = _text(
    "loyalty_reward",
    "a free drink",
    QT_TRANSLATE_NOOP("Settings", "What the reward is, in the words staff say."),
    QT_TRANSLATE_NOOP("Settings", "Reward"),
    Scope.ORGANISATION,
    Topic.COMPLAINTS,
    high=80,
)
FOLLOW_UP_DAYS = _number(
    "follow_up_days",
    7,
    QT_TRANSLATE_NOOP(
        "Settings", "Resolving a complaint schedules its follow-up call this many days later."
    ),
    QT_TRANSLATE_NOOP("Settings", "Follow-up after (days)"),
    Scope.ORGANISATION,
    Topic.COMPLAINTS,
    1,
    365,
)
MISS_YOU_MONTHS = _number(
    "miss_you_months",
    6,
    QT_TRANSLATE_NOOP("Settings", "'We miss you' after this many months without a visit."),
    QT_TRANSLATE_NOOP("Settings", "'We miss you' after (months)"),
    Scope.ORGANISATION,
    Topic.COMPLAINTS,
    1,
    120,
)
MISS_YOU_MIN_VISITS = _number(
    "miss_you_min_visits",
    5,
    QT_TRANSLATE_NOOP("Settings", "Visits that make a customer a good customer."),
    QT_TRANSLATE_NOOP("Settings", "Good customer after (visits)"),
    Scope.ORGANISATION,
    Topic.COMPLAINTS,
    1,
    1000,
)
OCCASION_DAYS = _number(
    "occasion_days",
    7,
    QT_TRANSLATE_NOOP("Settings", "Birthdays and anniversaries are shown this many days ahead."),
    QT_TRANSLATE_NOOP("Settings", "Occasions ahead (days)"),
    Scope.ORGANISATION,
    Topic.COMPLAINTS,
    1,
    365,
)
ACTIVE_PHRASEBOOK = _text(
    "active_phrasebook",
    "Default",
    QT_TRANSLATE_NOOP("Settings", "The phrasebook (one per brand) that staff are checked against."),
    QT_TRANSLATE_NOOP("Settings", "Active phrasebook"),
    Scope.ORGANISATION,
    Topic.COMPLAINTS,
    high=80,
    may_be_empty=False,
)
AUTO_LOCK_MINUTES = _number(
    "auto_lock_minutes",
    5,
    QT_TRANSLATE_NOOP("Settings", "Lock the console after this many idle minutes (0: never)."),
    QT_TRANSLATE_NOOP("Settings", "Lock after idle (minutes)"),
    Scope.ORGANISATION,
    Topic.SECURITY,
    0,
    1440,
)
BACKUP_EVERY_HOURS = _number(
    "backup_every_hours",
    24,
    QT_TRANSLATE_NOOP("Settings", "Take a scheduled backup this often (0 turns them off)."),
    QT_TRANSLATE_NOOP("Settings", "Back up every (hours)"),
    Scope.ORGANISATION,
    Topic.SECURITY,
    0,
    720,
)
BACKUP_KEEP = _number(
    "backup_keep",
    14,
    QT_TRANSLATE_NOOP("Settings", "How many scheduled backups to keep."),
    QT_TRANSLATE_NOOP("Settings", "Backups kept"),
    Scope.ORGANISATION,
    Topic.SECURITY,
    1,
    1000,
)

# --- console (this computer) -------------------------------------------------------
BACKUP_FOLDER = _text(
    "backup_folder",
    "",
    QT_TRANSLATE_NOOP(
        "Settings", "Where this computer puts backups (empty: 'backups' beside the database)."
    ),
    QT_TRANSLATE_NOOP("Settings", "Backup folder"),
    Scope.CONSOLE,
    Topic.SECURITY,
    high=1000,
)
INTERFACE_LANGUAGE = _text(
    "interface_language",
    "",
    QT_TRANSLATE_NOOP(
        "Settings",
        "The screen language on this computer before anyone signs in (empty: the "
        "system's); after sign-in each person's own language applies.",
    ),
    QT_TRANSLATE_NOOP("Settings", "Language before sign-in"),
    Scope.CONSOLE,
    Topic.LANGUAGE,
    choices=("", "en", "zh_CN", "zh_TW"),
)
# Phone screen-pop (Generic CTI listener, see console.services.cti).
CTI_ENABLED = Option(
    "cti_enabled",
    True,
    QT_TRANSLATE_NOOP("Settings", "Listen for call events from the phone system."),
    Scope.CONSOLE,
    Topic.PHONE,
    QT_TRANSLATE_NOOP("Settings", "Phone listener on"),
)
CTI_PORT = _number(
    "cti_port",
    8735,
    QT_TRANSLATE_NOOP("Settings", "Port of the call-event listener (--cti-port overrides)."),
    QT_TRANSLATE_NOOP("Settings", "Listener port"),
    Scope.CONSOLE,
    Topic.PHONE,
    1,
    65535,
)
CTI_HOST = _text(
    "cti_host",
    "127.0.0.1",
    QT_TRANSLATE_NOOP(
        "Settings",
        "Address the call-event listener binds to; anything but 127.0.0.1 or ::1 "
        "accepts calls from the network.",
    ),
    QT_TRANSLATE_NOOP("Settings", "Listener address"),
    Scope.CONSOLE,
    Topic.PHONE,
    high=64,
    check=_host_ok,
    check_template=HOST,
    may_be_empty=False,
)
CTI_AGENT = _text(
    "cti_agent",
    "",
    QT_TRANSLATE_NOOP("Settings", "This console's agent as the phone system names it."),
    QT_TRANSLATE_NOOP("Settings", "Phone agent"),
    Scope.CONSOLE,
    Topic.PHONE,
    high=80,
)
CTI_EXTENSION = _text(
    "cti_extension",
    "",
    QT_TRANSLATE_NOOP("Settings", "This console's phone extension; empty: pop every call."),
    QT_TRANSLATE_NOOP("Settings", "Phone extension"),
    Scope.CONSOLE,
    Topic.PHONE,
    high=32,
)
CTI_OPTIONS: tuple[Option[Any], ...] = (CTI_ENABLED, CTI_PORT, CTI_HOST, CTI_AGENT, CTI_EXTENSION)

# The database's own word that its customers are made up: set by the demo fill (before
# the first customer is written), kept in the file so a renamed copy still says so.
# Not listed: nobody sets it by hand, and nothing clears it.
DEMO_DATABASE = Option(
    "demo_database",
    False,
    "This database holds made-up demo customers (export refuses it)",
    Scope.STORE,
    listed=False,
)

#: Every option an admin may change, in the order the window and ``settings list`` show.
ALL_OPTIONS: tuple[Option[Any], ...] = (
    STORE_NAME,
    TIME_ZONE,
    DEFAULT_REGION,
    *CTI_OPTIONS,
    FOLLOW_UP_DAYS,
    LOYALTY_EVERY,
    LOYALTY_CATEGORY,
    LOYALTY_REWARD,
    MISS_YOU_MONTHS,
    MISS_YOU_MIN_VISITS,
    OCCASION_DAYS,
    ACTIVE_PHRASEBOOK,
    AUTO_LOCK_MINUTES,
    BACKUP_EVERY_HOURS,
    BACKUP_KEEP,
    BACKUP_FOLDER,
    INTERFACE_LANGUAGE,
)

BY_KEY: dict[str, Option[Any]] = {o.key: o for o in ALL_OPTIONS}
CONSOLE_KEYS = frozenset(o.key for o in ALL_OPTIONS if o.scope is Scope.CONSOLE)

#: Settings from before sign-in existed: no longer read, removed on the first write.
RETIRED_KEYS = ("staff_name", "role")


class UnknownSetting(LookupError):
    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(
            f"{name!r} is not a setting; run 'service-console settings list' for the names."
        )

    def __str__(self) -> str:
        return str(self.args[0])


def option_named(name: str) -> Option[Any]:
    try:
        return BY_KEY[name.strip()]
    except KeyError:
        raise UnknownSetting(name) from None
