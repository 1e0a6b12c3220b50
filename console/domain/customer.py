"""Customer aggregate: the plain data staff need to serve a person well.

No Qt, no SQL, no I/O. Money is kept in integer minor units (cents, fen) so that
sums are exact; dates are ``datetime.date`` / ``datetime.datetime`` (naive, local time
of the store).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from dataclasses import dataclass, field

from console.domain import messages as m
from console.domain.messages import Message
from console.domain.text import clean_text


class Tier(enum.StrEnum):
    REGULAR = "regular"
    SILVER = "silver"
    GOLD = "gold"
    VIP = "vip"

    @classmethod
    def parse(cls, text: str) -> Tier:
        """Accept the value in any case; empty means regular. Raises ValueError."""
        value = text.strip().lower()
        if not value:
            return cls.REGULAR
        try:
            return cls(value)
        except ValueError:
            allowed = tuple(t.value for t in cls)
            raise m.Refusal(m.UnknownTier(repr(text), allowed)) from None


class Language(enum.StrEnum):
    """The customer's language, used for greetings; empty when unknown."""

    UNKNOWN = ""
    EN = "en"
    ZH_HANS = "zh-Hans"
    ZH_HANT = "zh-Hant"


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date whose year may be unknown (``--MM-DD``)."""

    month: int
    day: int
    year: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise m.Refusal(m.MonthOutOfRange(self.month))
        # Validate against a leap year when the year is unknown so 29 Feb is allowed.
        year = self.year if self.year is not None else 2000
        if self.year is not None and not 1 <= self.year <= 9999:
            raise m.Refusal(m.YearOutOfRange(self.year))
        try:
            dt.date(year, self.month, self.day)
        except ValueError:
            if self.year is not None:
                written = f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
                raise m.Refusal(m.NoSuchDay(written)) from None
            raise m.Refusal(m.NoSuchDay(f"--{self.month:02d}-{self.day:02d}")) from None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY-MM-DD`` or ``--MM-DD``. Raises ValueError with a clear reason."""
        value = text.strip()
        try:
            if value.startswith("--") and len(value) == 7 and value[4] == "-":
                return cls(int(value[2:4]), int(value[5:7]))
            if len(value) == 10 and value[4] == "-" and value[7] == "-":
                return cls(int(value[5:7]), int(value[8:10]), int(value[0:4]))
        except m.Refusal:  # a month, year or day the calendar does not have
            raise
        except ValueError:  # not digits: said below
            pass
        raise m.Refusal(m.NotABirthday(repr(text), "YYYY-MM-DD", "--MM-DD"))

    def iso(self) -> str:
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.iso()


@dataclass(slots=True)
class Phone:
    """A phone number in E.164 (``+8613812345678``) with a label (mobile, home, work)."""

    number: str
    label: str = "mobile"


@dataclass(slots=True)
class ImportantDate:
    """A date that matters to the customer: wedding anniversary, a child's birthday."""

    label: str
    date: PartialDate


@dataclass(slots=True)
class Customer:
    name: str
    id: int | None = None
    preferred_name: str = ""
    romanisation: str = ""
    language: Language = Language.UNKNOWN
    phones: list[Phone] = field(default_factory=list)
    email: str = ""
    member_no: str = ""
    birthday: PartialDate | None = None
    dates: list[ImportantDate] = field(default_factory=list)
    preferences: list[str] = field(default_factory=list)
    dislikes: list[str] = field(default_factory=list)
    avoid_topics: list[str] = field(default_factory=list)
    notes: str = ""
    tier: Tier = Tier.REGULAR
    assigned_staff: str = ""
    marketing_consent: bool = False  # offers and news ("marketing" purpose)
    customer_kind: str = ""
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    greetings_consent: bool = False  # birthday and anniversary greetings
    #: The stored record's version when this copy was read (None: a new customer, or a
    #: caller that does not check) and who saved that version (see domain.versions).
    version: int | None = None
    changed_by: str = ""


@dataclass(slots=True)
class Visit:
    customer_id: int
    at: dt.datetime
    store: str = ""
    staff: str = ""
    note: str = ""
    id: int | None = None


@dataclass(slots=True)
class PurchaseItem:
    name: str
    quantity: int = 1
    price_minor: int = 0
    category: str = ""

    @property
    def total_minor(self) -> int:
        return self.quantity * self.price_minor


@dataclass(slots=True)
class Purchase:
    customer_id: int
    at: dt.datetime
    items: list[PurchaseItem] = field(default_factory=list)
    store: str = ""
    channel: str = "in store"
    currency: str = "CNY"
    id: int | None = None

    @property
    def total_minor(self) -> int:
        return sum(item.total_minor for item in self.items)


# --- bounds ---------------------------------------------------------------------------
# Money is an integer of minor units in SQLite (64-bit). These limits keep every sum a
# profile, a report or a loyalty count makes far inside that range, and are far above
# anything a shop sells: a till slip of a billion is a typing error, not a sale.

#: Largest price of one unit: 10,000,000.00.
MAX_PRICE_MINOR = 10_000_000_00
#: Largest quantity of one line.
MAX_QUANTITY = 100_000
#: Largest total of one purchase: 1,000,000,000.00.
MAX_PURCHASE_TOTAL_MINOR = 1_000_000_000_00


def purchase_problems(items: list[PurchaseItem], currency: str = "") -> list[Message]:
    """Why these purchase lines cannot be saved (empty: they can), as message codes.
    Names, quantities, prices and the total are checked against the bounds above."""
    problems: list[Message] = []
    if not items:
        return [m.NoItems()]
    for item in items:
        name = item.name.strip()
        if not name:
            problems.append(m.ItemWithoutName())
        if item.quantity <= 0:
            problems.append(m.QuantityTooSmall(name))
        elif item.quantity > MAX_QUANTITY:
            problems.append(m.QuantityTooLarge(name, f"{item.quantity:,}", f"{MAX_QUANTITY:,}"))
        if item.price_minor < 0:
            problems.append(m.NegativePrice(name))
        elif item.price_minor > MAX_PRICE_MINOR:
            price = format_money(item.price_minor, currency).strip()
            problems.append(
                m.PriceTooHigh(name, price, format_money(MAX_PRICE_MINOR, currency).strip())
            )
    if not problems:
        total = sum(i.quantity * i.price_minor for i in items)
        if total > MAX_PURCHASE_TOTAL_MINOR:
            problems.append(
                m.TotalTooHigh(
                    format_money(total, currency).strip(),
                    format_money(MAX_PURCHASE_TOTAL_MINOR, currency).strip(),
                )
            )
    return problems


# --- clean text ------------------------------------------------------------------------

_MULTILINE_FIELDS = frozenset({"notes"})


def clean_customer(customer: Customer) -> Customer:
    """A copy of *customer* whose text holds no control characters (notes keep lines)."""
    changes: dict[str, object] = {}
    for f in dataclasses.fields(customer):
        value = getattr(customer, f.name)
        if isinstance(value, str) and not isinstance(value, enum.Enum):
            cleaned = clean_text(value, multiline=f.name in _MULTILINE_FIELDS)
            if cleaned != value:
                changes[f.name] = cleaned
        elif f.name in ("preferences", "dislikes", "avoid_topics"):
            cleaned_list = [clean_text(v) for v in value]
            if cleaned_list != value:
                changes[f.name] = cleaned_list
    phones = [Phone(clean_text(p.number), clean_text(p.label)) for p in customer.phones]
    if any(a != b for a, b in zip(phones, customer.phones, strict=True)):
        changes["phones"] = phones
    dates = [ImportantDate(clean_text(d.label), d.date) for d in customer.dates]
    if any(a != b for a, b in zip(dates, customer.dates, strict=True)):
        changes["dates"] = dates
    return dataclasses.replace(customer, **changes) if changes else customer  # type: ignore[arg-type]


def clean_item(item: PurchaseItem) -> PurchaseItem:
    return dataclasses.replace(item, name=clean_text(item.name), category=clean_text(item.category))


def format_money(amount_minor: int, currency: str) -> str:
    """Plain, locale-neutral money text (``CNY 1,234.50``); the UI may format with QLocale."""
    sign = "-" if amount_minor < 0 else ""
    whole, cents = divmod(abs(amount_minor), 100)
    return f"{currency} {sign}{whole:,}.{cents:02d}"


def parse_money(text: str) -> int:
    """Parse ``12``, ``12.5`` or ``12.50`` into minor units. Raises ValueError."""
    value = text.strip().replace(",", "")
    if not value:
        raise m.Refusal(m.PriceEmpty())
    negative = value.startswith("-")
    if negative:
        value = value[1:]
    whole, _, frac = value.partition(".")
    if not whole.isdigit() and not (whole == "" and frac.isdigit()):
        raise m.Refusal(m.NotAnAmount(repr(text)))
    if frac and (not frac.isdigit() or len(frac) > 2):
        raise m.Refusal(m.TooManyDecimals(repr(text)))
    minor = int(whole or "0") * 100 + int((frac + "00")[:2] if frac else "0")
    return -minor if negative else minor


@dataclass(frozen=True, slots=True)
class Conflict:
    """A phone, email or member number of *customer* that another customer already has."""

    field: str  # "phone", "email", "member_no"
    value: str
    other_id: int
    other_name: str


class DuplicateFound(ValueError):
    """A customer's phone, e-mail or member number belongs to other customers (nothing was
    saved); staff may save it anyway, to merge later."""

    def __init__(self, conflicts: list[Conflict]) -> None:
        what = ", ".join(
            f"{c.field} {c.value} belongs to {c.other_name} (#{c.other_id})" for c in conflicts
        )
        super().__init__(f"already in use: {what}")
        self.conflicts = conflicts
