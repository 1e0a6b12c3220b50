"""The customers repository (see :mod:`console.repositories`).

A customer's record with its phones and important dates, duplicate checks, merges, the
Today lists, and the bulk path that imports and demo fills use.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol

from console.domain.consent import ConsentEvent
from console.domain.customer import (
    Conflict,
    Customer,
    ImportantDate,
    PartialDate,
    Phone,
    Purchase,
    PurchaseItem,
    Visit,
)
from console.domain.names import has_cjk, romanise
from console.domain.search_text import index_entry

#: The columns of the customers table a customer's own fields fill (not the id, when it
#: was created, the visit facts, merges), in the order both stores write them.
CUSTOMER_ROW_COLUMNS = (
    "name",
    "preferred_name",
    "romanisation",
    "language",
    "email",
    "member_no",
    "birthday_month",
    "birthday_day",
    "birthday_year",
    "preferences",
    "dislikes",
    "avoid_topics",
    "notes",
    "tier",
    "assigned_staff",
    "marketing_consent",
    "customer_kind",
    "updated_at",
    "greetings_consent",
)


@dataclass(frozen=True, slots=True)
class DatedCustomer:
    """A customer whose birthday or other important date falls in a Today window."""

    customer_id: int
    name: str
    preferred_name: str
    label: str
    date: PartialDate
    tier: str
    greetings_consent: bool


@dataclass(frozen=True, slots=True)
class LapsedCustomer:
    """A good customer not seen for a while (Today's "we miss you" list)."""

    customer_id: int
    name: str
    preferred_name: str
    last_visit: str
    visit_count: int
    tier: str


def fill_derived(customer: Customer) -> Customer:
    """Fill derived fields: the romanisation of a Chinese name when none was typed."""
    if not customer.romanisation and has_cjk(customer.name):
        customer.romanisation = romanise(customer.name)
    return customer


@dataclass(slots=True)
class NewCustomer:
    """A new customer with their history, ready for :meth:`CustomerBulkLoad.add`: derived
    fields filled and search keys computed. Pure Python on plain values, so a worker
    process can make these while the store writes the previous batch."""

    customer: Customer
    #: When the record is made (its created and updated time).
    added_at: dt.datetime
    #: The customer's search document and terms (:func:`console.domain.search_text.index_entry`).
    names: str
    terms: str
    #: Their history (``customer_id`` is ignored: the store gives the customer an id).
    visits: list[Visit] = field(default_factory=list)
    purchases: list[Purchase] = field(default_factory=list)

    @classmethod
    def of(
        cls,
        customer: Customer,
        *,
        now: dt.datetime,
        visits: Sequence[Visit] = (),
        purchases: Sequence[Purchase] = (),
    ) -> NewCustomer:
        fill_derived(customer)
        names, terms = index_entry(
            customer.name,
            customer.preferred_name,
            customer.romanisation,
            customer.email,
            customer.member_no,
            tuple(p.number for p in customer.phones),
        )
        return cls(customer, now, names, terms, list(visits), list(purchases))

    def __reduce__(self) -> tuple[Any, ...]:
        # A worker process sends thousands of these per chunk: as plain tuples they
        # pickle and unpickle several times faster than nested slotted dataclasses (whose
        # default pickling goes through Python-level __getstate__/__setstate__), and the
        # unpickling runs in the receiving process, beside the database thread.
        customer = list(_customer_fields(self.customer))
        customer[_PHONES] = [(p.number, p.label) for p in customer[_PHONES]]
        customer[_DATES] = [(d.label, _date_fields(d.date)) for d in customer[_DATES]]
        if (birthday := customer[_BIRTHDAY]) is not None:
            customer[_BIRTHDAY] = _date_fields(birthday)
        return (
            _new_customer,
            (
                customer,
                self.added_at,
                self.names,
                self.terms,
                [_visit_fields(v) for v in self.visits],
                [(_purchase_fields(p), [_item_fields(i) for i in p.items]) for p in self.purchases],
            ),
        )


def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


# Every field of each class, in order (a field added later travels too); a customer's
# phones, dates and birthday, and a purchase's items, as tuples of their fields.
_CUSTOMER = _names(Customer)
_PHONES, _DATES, _BIRTHDAY = (_CUSTOMER.index(n) for n in ("phones", "dates", "birthday"))
_ITEMS = _names(Purchase).index("items")
_customer_fields = operator.attrgetter(*_CUSTOMER)
_date_fields = operator.attrgetter(*_names(PartialDate))
_visit_fields = operator.attrgetter(*_names(Visit))
_item_fields = operator.attrgetter(*_names(PurchaseItem))
_purchase_fields = operator.attrgetter(*(n for n in _names(Purchase) if n != "items"))


def _new_customer(
    customer: list[Any],
    added_at: dt.datetime,
    names: str,
    terms: str,
    visits: list[tuple[Any, ...]],
    purchases: list[tuple[tuple[Any, ...], list[tuple[Any, ...]]]],
) -> NewCustomer:
    """A :class:`NewCustomer` from what its ``__reduce__`` gave."""
    customer[_PHONES] = [Phone(number, label) for number, label in customer[_PHONES]]
    customer[_DATES] = [ImportantDate(label, PartialDate(*d)) for label, d in customer[_DATES]]
    if (birthday := customer[_BIRTHDAY]) is not None:
        customer[_BIRTHDAY] = PartialDate(*birthday)
    made = []
    for fields, items in purchases:
        head = list(fields)
        head.insert(_ITEMS, [PurchaseItem(*item) for item in items])
        made.append(Purchase(*head))
    return NewCustomer(
        Customer(*customer), added_at, names, terms, [Visit(*v) for v in visits], made
    )


@dataclass(frozen=True, slots=True)
class Loaded:
    """What one :meth:`CustomerBulkLoad.add` wrote."""

    customers: int
    visits: int
    purchases: int


class CustomerBulkLoad(Protocol):
    """Many new customers inside the caller's write transaction (an import, a demo fill)."""

    def conflicts(self, new: NewCustomer) -> list[Conflict]:
        """:meth:`CustomerRepository.conflicts` of a new customer (with what this load
        wrote so far)."""
        ...

    def add(self, batch: Sequence[NewCustomer], *, keep_duplicates: bool = False) -> Loaded:
        """Write *batch* (customers, phones, dates, search index, history); sets each
        customer's id. A customer whose phone, e-mail or member number is in use (in the
        database or earlier in the batch) makes the batch fail with DuplicateFound, or with
        *keep_duplicates* is kept as a duplicate on purpose (demo data)."""
        ...

    def expect_many(self) -> None:
        """The load turned out large: from now on duplicate checks may answer from the
        keys in use read once (and kept up to date by :meth:`add`), not one query each."""
        ...

    def conflicts_encoded(self, row: Any) -> list[Conflict]:
        """:meth:`conflicts` of a new customer in the store's own form (see
        :meth:`CustomerRepository.bulk_encoder`)."""
        ...

    def add_encoded(self, batch: Sequence[Any], *, keep_duplicates: bool = False) -> Loaded:
        """:meth:`add` of new customers in the store's own form (see
        :meth:`CustomerRepository.bulk_encoder`); no ids are set anywhere."""
        ...


class CustomerRepository(Protocol):
    """Customers, their phones and important dates (live ones: a merged customer stays as
    a tombstone pointing at the survivor)."""

    def get(self, customer_id: int) -> Customer | None:
        """The customer (a tombstone too: see :meth:`merged_into`), or None."""
        ...

    def merged_into(self, customer_id: int) -> int | None:
        """The survivor a merged customer points at, or None."""
        ...

    def count(self) -> int:
        """Live customers."""
        ...

    def add(
        self,
        customer: Customer,
        *,
        now: dt.datetime,
        by: str = "",
        consent: Sequence[ConsentEvent] = (),
        duplicate_ok: bool = False,
    ) -> int:
        """Insert *customer* as version 1 saved by *by* (and the consent history entries
        *consent*, whose ``customer_id`` the new id replaces); sets its id and version and
        returns the id.

        No two live customers share a phone, an e-mail (in any case) or a member number,
        except customers kept as duplicates on purpose (*duplicate_ok*: staff chose "save
        anyway", to merge later); the store enforces it and refuses with
        :class:`~console.domain.customer.DuplicateFound` (nothing is saved then)."""
        ...

    def update(
        self,
        customer: Customer,
        *,
        now: dt.datetime,
        by: str = "",
        consent: Sequence[ConsentEvent] = (),
        duplicate_ok: bool = False,
    ) -> None:
        """Save *customer* over its record as the next version, saved by *by*.

        LookupError when it does not exist (or was merged away);
        :class:`~console.domain.versions.ChangedMeanwhile` when ``customer.version`` is set
        and the record has moved past it (then nothing is saved). A customer without a
        version (None) is saved over whatever is there. DuplicateFound as :meth:`add`.
        """
        ...

    def conflicts(self, customer: Customer) -> list[Conflict]:
        """Other live customers already using one of its phones, its e-mail (any case) or
        its member number: phones first (in the customer's order), then e-mail, then
        member number."""
        ...

    def merge(self, keep_id: int, other_id: int, *, now: dt.datetime, by: str = "") -> Customer:
        """Fold *other* into *keep* (history, phones and dates move; empty fields of
        *keep* take *other*'s values); *other* stays as a tombstone. Returns *keep*."""
        ...

    def find_by_member_or_phone(self, *, member_no: str = "", phone: str = "") -> int | None:
        """The live customer with this member number, else this E.164 phone."""
        ...

    def all(self) -> Iterator[Customer]:
        """Every live customer with phones and dates, in id order, in constant memory
        (consume it inside the job)."""
        ...

    def consent_history(self, customer_id: int) -> list[ConsentEvent]:
        """The customer's consent answers, oldest first."""
        ...

    def dates_in_window(
        self, month_days: Sequence[tuple[int, int]], *, consent_only: bool
    ) -> list[DatedCustomer]:
        """Birthdays and other important dates falling on any of *month_days*."""
        ...

    def lapsed(
        self, *, seen_before: dt.datetime, min_visits: int, consent_only: bool, limit: int = 100
    ) -> list[LapsedCustomer]:
        """Good customers (many visits or a high tier) not seen since *seen_before*."""
        ...

    def bulk_encoder(self) -> Callable[[Sequence[NewCustomer]], list[Any]] | None:
        """A function that turns new customers into this store's own form for
        :meth:`CustomerBulkLoad.add_encoded` (plain values), or None if the store has none.
        It is a module-level function, so a worker process can run it (an import or demo
        fill encodes there what the database thread would otherwise encode, and only
        plain values cross)."""
        ...

    def bulk_load(self) -> AbstractContextManager[CustomerBulkLoad]:
        """The documented fast path for many new customers, inside the job's transaction
        (see :class:`CustomerBulkLoad`)."""
        ...
