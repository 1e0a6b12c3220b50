"""Customer use cases: find, open, greet, edit, merge, log visits and purchases, Today.

Async API for the window (work runs on the database thread); the same methods serve the
CLI through ``asyncio.run``. No Qt, no SQL here: storage functions do the SQL.
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
from console.repositories import Repositories
from console.services import settings as opts
from console.services._bridge import raw_db
from console.services.identity import Identity, Record
from console.services.settings import SettingsService
from console.storage.sqlite import customers as store
from console.storage.sqlite import privacy as privacy_store
from console.storage.sqlite.customers import DatedCustomer, LapsedCustomer
from console.storage.sqlite.database import Db
from console.storage.sqlite.runner import DatabaseRunner

# Raised by this service; the domain defines it (staff and complaints raise it too).
__all__ = ["ValidationFailed"]


class DuplicateFound(ValueError):
    def __init__(self, conflicts: list[Conflict]) -> None:
        what = ", ".join(
            f"{c.field} {c.value} belongs to {c.other_name} (#{c.other_id})" for c in conflicts
        )
        super().__init__(f"already in use: {what}")
        self.conflicts = conflicts


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


_NOT_AUDITED = frozenset({"id"})


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
        runner: DatabaseRunner,
        settings: SettingsService,
        clock: Clock | None = None,
        *,
        identity: Identity | None = None,
    ) -> None:
        self._runner = runner
        self._settings = settings
        self.clock = clock or (identity.clock if identity is not None else SystemClock())
        self._identity = identity or Identity(runner, settings, clock=self.clock)

    def now(self) -> dt.datetime:
        """Wall time in the store, to the second, as customers' records keep it."""
        return self.clock.local_naive()

    # --- finding ---------------------------------------------------------------------

    async def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        plan = plan_query(query)
        if plan.empty:
            return []
        return await self._runner.run(store.search, plan, limit=limit)

    def search_now(self, query: str, limit: int = 20) -> list[SearchHit]:
        plan = plan_query(query)
        if plan.empty:
            return []
        return self._runner.call(store.search, plan, limit=limit)

    async def get(self, customer_id: int) -> Customer | None:
        return await self._runner.run(store.get_customer, customer_id)

    async def profile(self, customer_id: int) -> Profile | None:
        rule = await self._settings.loyalty_rule()
        window = await self._settings.get(opts.OCCASION_DAYS)
        now = self.now()
        profile = await self._runner.run(_load_profile, customer_id, rule, window, now, self.PAGE)
        if profile is not None:
            await self._identity.record_later("view", "customer", customer_id)
        return profile

    async def visits_page(self, customer_id: int, offset: int, limit: int = PAGE) -> list[Visit]:
        return await self._runner.run(store.list_visits, customer_id, offset=offset, limit=limit)

    async def purchases_page(
        self, customer_id: int, offset: int, limit: int = PAGE
    ) -> list[Purchase]:
        return await self._runner.run(store.list_purchases, customer_id, offset=offset, limit=limit)

    # --- editing ---------------------------------------------------------------------

    async def region(self) -> str:
        return await self._settings.get(opts.DEFAULT_REGION)

    async def conflicts(self, customer: Customer) -> list[Conflict]:
        return await self._runner.run(store.find_conflicts, customer)

    async def save(
        self,
        customer: Customer,
        *,
        allow_duplicates: bool = False,
        consent_method: Method = Method.IN_PERSON,
    ) -> int:
        """Insert or update. Raises ValidationFailed or DuplicateFound; saves nothing then.

        A change to a consent flag is kept in the consent history, given *consent_method*.
        """
        given, customer = customer, clean_customer(customer)
        errors = validate_customer(customer)
        if errors:
            raise ValidationFailed(errors)
        if not allow_duplicates:
            conflicts = await self.conflicts(customer)
            if conflicts:
                raise DuplicateFound(conflicts)
        now = self.now()
        me = await self._identity.name()
        consent_at = self.clock.now().replace(microsecond=0)
        if customer.id is None:

            def insert(repos: Repositories) -> int:
                db = raw_db(repos)
                new_id = store.insert_customer(db, customer, now=now)
                events = _consent_events(new_id, None, customer, consent_method, me, consent_at)
                if events:
                    privacy_store.record_consent(db, events)
                return new_id

            created: int = await self._identity.apply(
                insert,
                lambda new_id: [
                    Record("create", "customer", new_id, customer_changes(None, customer))
                ],
            )
            given.id = created
            return created
        customer_id = customer.id
        before = await self.get(customer_id)
        changes = customer_changes(before, customer)
        events = _consent_events(customer_id, before, customer, consent_method, me, consent_at)

        def update(repos: Repositories) -> None:
            db = raw_db(repos)
            store.update_customer(db, customer, now=now)
            if events:
                privacy_store.record_consent(db, events)

        records = [Record("update", "customer", customer_id, changes)] if changes else []
        await self._identity.apply(update, records)
        return customer_id

    async def consent_history(self, customer_id: int) -> list[ConsentEvent]:
        return await self._runner.run(privacy_store.consent_history, customer_id)

    async def merge(self, keep_id: int, other_id: int) -> Customer:
        now = self.now()
        kept: Customer = await self._identity.apply(
            lambda r: store.merge_customers(raw_db(r), keep_id, other_id, now=now),
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
            lambda r: store.record_visit(raw_db(r), visit),
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
        await self._identity.apply(lambda r: store.record_purchase(raw_db(r), purchase), [record])
        return purchase

    async def redeem_reward(self, customer_id: int) -> None:
        staff = await self._identity.name()
        now = self.now()
        await self._identity.apply(
            lambda r: store.redeem_reward(raw_db(r), customer_id, at=now, staff=staff),
            [Record("update", "reward", customer_id, detail="reward given")],
        )

    # --- Today -------------------------------------------------------------------------

    async def today(self) -> TodayLists:
        days = await self._settings.get(opts.OCCASION_DAYS)
        months = await self._settings.get(opts.MISS_YOU_MONTHS)
        min_visits = await self._settings.get(opts.MISS_YOU_MIN_VISITS)
        now = self.now()
        return await self._runner.run(_load_today, now, days, months, min_visits)


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


def _load_profile(
    db: Db,
    customer_id: int,
    rule: LoyaltyRule,
    window: int,
    now: dt.datetime,
    page: int,
) -> Profile | None:
    customer = store.get_customer(db, customer_id)
    if customer is None:
        return None
    if (target := store.merged_into(db, customer_id)) is not None:
        return _load_profile(db, target, rule, window, now, page)
    visits = store.list_visits(db, customer_id, limit=page)
    visit_count = store.count_visits(db, customer_id)
    facts = store.purchase_facts(db, customer_id, loyalty_category=rule.category)
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
        purchase_count=store.count_purchases(db, customer_id),
        spend_by_currency=facts.spend_by_currency,
        favourite_items=facts.favourite_items,
        last_purchase=facts.last_purchase,
        loyalty=loyalty,
        loyalty_rule=rule,
        occasions=occasions,
        recent_visits=visits,
        recent_purchases=store.list_purchases(db, customer_id, limit=page),
    )


def _load_today(db: Db, now: dt.datetime, days: int, months: int, min_visits: int) -> TodayLists:
    today = now.date()
    window = month_day_window(today, days)
    dated = store.dates_in_window(db, window, consent_only=True)
    by_key = {(d.customer_id, d.label, d.date): d for d in dated}
    occasions = upcoming_occasions(
        [(d.customer_id, d.label, d.date) for d in dated], today, within_days=days
    )
    paired = [(o, by_key[(o.customer_id, o.label, o.date)]) for o in occasions]
    seen_before = now - dt.timedelta(days=round(months * 30.44))
    lapsed = store.lapsed_customers(
        db, seen_before=seen_before, min_visits=min_visits, consent_only=True
    )
    return TodayLists(today, paired, lapsed)


async def count_customers(runner: DatabaseRunner) -> int:
    return await runner.run(store.count_customers)


def customer_count(runner: DatabaseRunner) -> int:
    """:func:`count_customers` for the command line, which has no event loop."""
    return runner.call(store.count_customers)
