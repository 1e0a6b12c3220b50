"""Customer use cases: find, open, greet, edit, merge, log visits and purchases, Today.

Async API for the window (work runs on the store's thread); the same methods serve the
CLI through ``asyncio.run``. No Qt, no SQL here: jobs of the repositories
(:mod:`console.repositories`) run on a :class:`~console.repositories.Store`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from console.domain import messages as msg
from console.domain.clock import Clock, SystemClock
from console.domain.consent import ConsentEvent, Method, Purpose
from console.domain.customer import (
    Conflict,
    Customer,
    DuplicateFound,
    Phone,
    Purchase,
    PurchaseItem,
    Visit,
    clean_customer,
    clean_item,
    purchase_problems,
)
from console.domain.greeting import greeting_line, relative_since
from console.domain.loyalty import LoyaltyRule, LoyaltyStatus, loyalty_status
from console.domain.names import default_address
from console.domain.occasions import Occasion, month_day_window, upcoming_occasions
from console.domain.phones import InvalidPhone, normalise_phone
from console.domain.profile import Badge, build_badges, is_valid_email
from console.domain.search_text import SearchHit, plan_query
from console.domain.text import clean_text
from console.domain.validation import ValidationFailed
from console.domain.versions import ChangedMeanwhile
from console.repositories import Repositories, Store
from console.repositories.customers import DatedCustomer, LapsedCustomer
from console.services import settings as opts
from console.services.identity import Identity, Record
from console.services.settings import SettingsService

# Raised by this service; the domain defines it (staff and complaints raise it too).
__all__ = [
    "ChangedMeanwhile",
    "DatedCustomer",
    "DuplicateFound",
    "LapsedCustomer",
    "ValidationFailed",
]


@dataclass(slots=True)
class Profile:
    customer: Customer
    greeting: str
    badges: list[Badge]
    visit_count: int
    last_visit: dt.datetime | None
    last_seen: str
    purchase_count: int
    spend_by_currency: dict[str, int]
    favourite_items: list[tuple[str, int]]
    last_purchase: dt.datetime | None
    loyalty: LoyaltyStatus
    loyalty_rule: LoyaltyRule
    occasions: list[Occasion]
    recent_visits: list[Visit] = field(default_factory=list)
    recent_purchases: list[Purchase] = field(default_factory=list)


@dataclass(slots=True)
class TodayLists:
    today: dt.date
    occasions: list[tuple[Occasion, DatedCustomer]]
    lapsed: list[LapsedCustomer]


def normalise_phones(raw: list[tuple[str, str]], region: str) -> tuple[list[Phone], list[str]]:
    """(label, text) pairs → E.164 phones and error messages for the bad ones."""
    phones: list[Phone] = []
    errors: list[str] = []
    seen: set[str] = set()
    for label, text in raw:
        if not text.strip():
            continue
        try:
            number = normalise_phone(text, region)
        except InvalidPhone as exc:
            errors.append(str(exc))
            continue
        if number not in seen:
            seen.add(number)
            phones.append(Phone(number, label.strip() or "mobile"))
    return phones, errors


_E164 = re.compile(r"\+[1-9][0-9]{6,14}")


def validate_customer(customer: Customer) -> dict[str, msg.Message]:
    errors: dict[str, msg.Message] = {}
    if not customer.name.strip():
        errors["name"] = msg.NoCustomerName()
    if customer.email.strip() and not is_valid_email(customer.email):
        errors["email"] = msg.NotAnEmail(customer.email.strip())
    # Phones reach storage already normalised (normalise_phones); anything else would be
    # stored unsearchable, so refuse it rather than save it.
    bad = [p.number for p in customer.phones if not _E164.fullmatch(p.number)]
    if bad:
        errors["phones"] = msg.NotAPhone(tuple(bad))
    return errors


#: Bookkeeping, not the customer's data (the audit entry itself says who and when).
_NOT_AUDITED = frozenset({"id", "version", "changed_by"})


def customer_changes(before: Customer | None, after: Customer) -> dict[str, list[Any]]:
    """Changed fields as ``{field: [before, after]}`` (all non-empty ones for a new one)."""
    new = dataclasses.asdict(after)
    old = dataclasses.asdict(before) if before is not None else {}
    changes: dict[str, list[Any]] = {}
    for key, value in new.items():
        if key in _NOT_AUDITED:
            continue
        previous = old.get(key)
        if before is None and value in (None, "", [], False):
            continue
        if previous != value:
            changes[key] = [previous, value]
    return changes


class CustomerService:
    PAGE = 50

    def __init__(
        self,
        store: Store,
        settings: SettingsService,
        clock: Clock | None = None,
        *,
        identity: Identity | None = None,
    ) -> None:
        self._store = store
        self._settings = settings
        self.clock = clock or (identity.clock if identity is not None else SystemClock())
        # TRANSITIONAL (issue 13): Identity still names the SQLite runner; it takes a Store
        # once the identity service moves onto the seam.
        self._identity = identity or Identity(store, settings, clock=self.clock)

    def now(self) -> dt.datetime:
        """Wall time in the store, to the second, as customers' records keep it."""
        return self.clock.local_naive()

    # --- finding ---------------------------------------------------------------------

    async def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        plan = plan_query(query)
        if plan.empty:
            return []
        return await self._store.read(lambda r: r.search.find(plan, limit=limit))

    def search_now(self, query: str, limit: int = 20) -> list[SearchHit]:
        plan = plan_query(query)
        if plan.empty:
            return []
        return self._store.read_now(lambda r: r.search.find(plan, limit=limit))

    async def get(self, customer_id: int) -> Customer | None:
        return await self._store.read(lambda r: r.customers.get(customer_id))

    async def profile(self, customer_id: int) -> Profile | None:
        rule = await self._settings.loyalty_rule()
        window = await self._settings.get(opts.OCCASION_DAYS)
        now = self.now()
        page = self.PAGE
        profile = await self._store.read(
            lambda r: load_profile(r, customer_id, rule, window, now, page)
        )
        if profile is not None:
            await self._identity.record_later("view", "customer", customer_id)
        return profile

    async def visits_page(self, customer_id: int, offset: int, limit: int = PAGE) -> list[Visit]:
        return await self._store.read(
            lambda r: r.history.visits(customer_id, offset=offset, limit=limit)
        )

    async def purchases_page(
        self, customer_id: int, offset: int, limit: int = PAGE
    ) -> list[Purchase]:
        return await self._store.read(
            lambda r: r.history.purchases(customer_id, offset=offset, limit=limit)
        )

    # --- editing ---------------------------------------------------------------------

    async def region(self) -> str:
        return await self._settings.get(opts.DEFAULT_REGION)

    async def conflicts(self, customer: Customer) -> list[Conflict]:
        return await self._store.read(lambda r: r.customers.conflicts(customer))

    async def save(
        self,
        customer: Customer,
        *,
        allow_duplicates: bool = False,
        consent_method: Method = Method.IN_PERSON,
    ) -> int:
        """Insert or update. Raises ValidationFailed, DuplicateFound or (an update of a
        customer someone saved since it was read: ``customer.version`` is behind)
        ChangedMeanwhile; saves nothing then.

        The duplicate check and the record as it was (for the audit entry and the consent
        history) are read inside the write's transaction: another console's save in
        between cannot slip past them. A change to a consent flag is kept in the consent
        history, given *consent_method*.
        """
        given, customer = customer, clean_customer(customer)
        errors = validate_customer(customer)
        if errors:
            raise ValidationFailed(errors)
        now = self.now()
        me = await self._identity.name()
        consent_at = self.clock.now().replace(microsecond=0)

        def check_duplicates(repos: Repositories) -> bool:
            """Whether the customer is kept as a duplicate on purpose (else raises)."""
            conflicts = repos.customers.conflicts(customer)
            if conflicts and not allow_duplicates:
                raise DuplicateFound(conflicts)
            return bool(conflicts)

        if customer.id is None:
            # The new id replaces the events' customer_id (0 here) when they are written.
            given_events = _consent_events(0, None, customer, consent_method, me, consent_at)

            def insert(repos: Repositories) -> int:
                duplicate = check_duplicates(repos)
                return repos.customers.add(
                    customer, now=now, by=me, consent=given_events, duplicate_ok=duplicate
                )

            created: int = await self._identity.apply(
                insert,
                lambda new_id: [
                    Record("create", "customer", new_id, customer_changes(None, customer))
                ],
            )
            given.id, given.version, given.changed_by = created, customer.version, me
            return created
        customer_id = customer.id

        def update(repos: Repositories) -> dict[str, list[Any]]:
            before = repos.customers.get(customer_id)
            if (
                before is not None
                and customer.version is not None
                and before.version != customer.version
            ):
                raise ChangedMeanwhile(
                    "customer",
                    customer_id,
                    by=before.changed_by,
                    at=before.updated_at,
                    version=before.version or 0,
                )
            duplicate = check_duplicates(repos)
            events = _consent_events(customer_id, before, customer, consent_method, me, consent_at)
            repos.customers.update(customer, now=now, by=me, consent=events, duplicate_ok=duplicate)
            return customer_changes(before, customer)

        await self._identity.apply(
            update,
            lambda changes: [Record("update", "customer", customer_id, changes)] if changes else [],
        )
        given.version, given.changed_by = customer.version, me
        return customer_id

    async def consent_history(self, customer_id: int) -> list[ConsentEvent]:
        return await self._store.read(lambda r: r.customers.consent_history(customer_id))

    async def merge(self, keep_id: int, other_id: int) -> Customer:
        now = self.now()
        me = await self._identity.name()
        kept: Customer = await self._identity.apply(
            lambda r: r.customers.merge(keep_id, other_id, now=now, by=me),
            [
                Record("merge", "customer", keep_id, detail=f"#{other_id} merged into #{keep_id}"),
                Record("merge", "customer", other_id, detail=f"merged into #{keep_id}"),
            ],
        )
        return kept

    async def log_visit(
        self, customer_id: int, *, note: str = "", staff: str | None = None
    ) -> Visit:
        store_name = await self._settings.get(opts.STORE_NAME)
        staff_name = staff if staff is not None else await self._identity.name()
        visit = Visit(customer_id, self.now(), store_name, staff_name, clean_text(note, True))
        await self._identity.apply(
            lambda r: r.history.add_visit(visit),
            [Record("create", "visit", customer_id, {"at": [None, visit.at.isoformat()]})],
        )
        return visit

    async def add_purchase(
        self,
        customer_id: int,
        items: list[PurchaseItem],
        *,
        currency: str,
        channel: str = "in store",
    ) -> Purchase:
        items = [clean_item(i) for i in items]
        problems = purchase_problems(items, currency.upper())
        if problems:
            raise ValidationFailed({f"item {n}": said for n, said in enumerate(problems, 1)})
        store_name = await self._settings.get(opts.STORE_NAME)
        purchase = Purchase(customer_id, self.now(), items, store_name, channel, currency.upper())
        record = Record(
            "create",
            "purchase",
            customer_id,
            {"items": [None, [f"{i.quantity} × {i.name}" for i in items]]},
        )
        await self._identity.apply(lambda r: r.history.add_purchase(purchase), [record])
        return purchase

    async def redeem_reward(self, customer_id: int) -> None:
        staff = await self._identity.name()
        now = self.now()
        await self._identity.apply(
            lambda r: r.history.redeem_reward(customer_id, at=now, staff=staff),
            [Record("update", "reward", customer_id, detail="reward given")],
        )

    # --- Today -------------------------------------------------------------------------

    async def today(self) -> TodayLists:
        days = await self._settings.get(opts.OCCASION_DAYS)
        months = await self._settings.get(opts.MISS_YOU_MONTHS)
        min_visits = await self._settings.get(opts.MISS_YOU_MIN_VISITS)
        now = self.now()
        return await self._store.read(lambda r: _load_today(r, now, days, months, min_visits))


def _consent_events(
    customer_id: int,
    before: Customer | None,
    after: Customer,
    method: Method,
    by: str,
    at: dt.datetime,
) -> list[ConsentEvent]:
    """Consent history entries for the flags that *after* changes (a new customer: the
    ones given)."""
    events = []
    for purpose, old, new in (
        (Purpose.GREETINGS, before and before.greetings_consent, after.greetings_consent),
        (Purpose.MARKETING, before and before.marketing_consent, after.marketing_consent),
    ):
        if bool(old) != new and (before is not None or new):
            events.append(
                ConsentEvent(
                    customer_id,
                    purpose,
                    new,
                    at,
                    method,
                    by,
                )
            )
    return events


def load_profile(
    repos: Repositories,
    customer_id: int,
    rule: LoyaltyRule,
    occasion_days: int,
    now: dt.datetime,
    page: int,
) -> Profile | None:
    """A customer's profile (a merged customer's survivor's), read in one job: the
    customer, their first *page* of visits and purchases, loyalty against *rule*, and the
    occasions within *occasion_days* of *now* (the store's wall time)."""
    customer = repos.customers.get(customer_id)
    if customer is None:
        return None
    if (target := repos.customers.merged_into(customer_id)) is not None:
        return load_profile(repos, target, rule, occasion_days, now, page)
    window = occasion_days
    visits = repos.history.visits(customer_id, limit=page)
    visit_count = repos.history.count_visits(customer_id)
    facts = repos.history.purchase_facts(customer_id, loyalty_category=rule.category)
    loyalty = loyalty_status(facts.qualifying_quantity, facts.rewards_redeemed, rule)
    dated = []
    if customer.birthday is not None:
        dated.append((customer_id, "birthday", customer.birthday))
    dated.extend((customer_id, d.label, d.date) for d in customer.dates)
    occasions = upcoming_occasions(dated, now.date(), within_days=window)
    last_visit = visits[0].at if visits else None
    address = customer.preferred_name or default_address(customer.name, str(customer.language))
    greeting = greeting_line(
        now=now,
        address=address,
        language=str(customer.language),
        visit_number=visit_count + 1,
        last_visit=last_visit.date() if last_visit else None,
    )
    last_seen = relative_since(last_visit.date(), now.date(), "en") if last_visit else "never"
    return Profile(
        customer=customer,
        greeting=greeting,
        badges=build_badges(
            customer, occasions=occasions, loyalty=loyalty, visit_count=visit_count
        ),
        visit_count=visit_count,
        last_visit=last_visit,
        last_seen=last_seen,
        purchase_count=repos.history.count_purchases(customer_id),
        spend_by_currency=facts.spend_by_currency,
        favourite_items=facts.favourite_items,
        last_purchase=facts.last_purchase,
        loyalty=loyalty,
        loyalty_rule=rule,
        occasions=occasions,
        recent_visits=visits,
        recent_purchases=repos.history.purchases(customer_id, limit=page),
    )


#: TRANSITIONAL: the calls service's name for :func:`load_profile` (goes with issue 13).
_load_profile = load_profile


def _load_today(
    repos: Repositories, now: dt.datetime, days: int, months: int, min_visits: int
) -> TodayLists:
    today = now.date()
    window = month_day_window(today, days)
    dated = repos.customers.dates_in_window(window, consent_only=True)
    by_key = {(d.customer_id, d.label, d.date): d for d in dated}
    occasions = upcoming_occasions(
        [(d.customer_id, d.label, d.date) for d in dated], today, within_days=days
    )
    paired = [(o, by_key[(o.customer_id, o.label, o.date)]) for o in occasions]
    seen_before = now - dt.timedelta(days=round(months * 30.44))
    lapsed = repos.customers.lapsed(
        seen_before=seen_before, min_visits=min_visits, consent_only=True
    )
    return TodayLists(today, paired, lapsed)


async def count_customers(store: Store) -> int:
    return await store.read(lambda r: r.customers.count())


def customer_count(store: Store) -> int:
    """:func:`count_customers` for the command line, which has no event loop."""
    return store.read_now(lambda r: r.customers.count())
