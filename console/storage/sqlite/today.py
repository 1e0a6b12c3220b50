"""The Today view's queries: dates coming up, good customers not seen for a while."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlite_utils

from console.domain.customer import PartialDate
from console.repositories.customers import DatedCustomer, LapsedCustomer
from console.storage.sqlite.customer_rows import iso, local_text


def dates_in_window(
    db: sqlite_utils.Database, month_days: Sequence[tuple[int, int]], *, consent_only: bool
) -> list[DatedCustomer]:
    """Birthdays and other important dates falling on any of *month_days*."""
    if not month_days:
        return []
    pairs = ",".join("(?, ?)" for _ in month_days)
    flat = [x for md in month_days for x in md]
    consent = "AND c.greetings_consent = 1" if consent_only else ""
    # Birthdays as "month = ? AND day IN (…)" per month, which the birthday index answers
    # (a row-value IN list made SQLite read all the customers: 0.26 s for a million).
    days_by_month: dict[int, list[int]] = {}
    for month, day in month_days:
        days_by_month.setdefault(month, []).append(day)
    by_month = " OR ".join(
        f"(c.birthday_month = ? AND c.birthday_day IN ({', '.join('?' * len(days))}))"
        for days in days_by_month.values()
    )
    by_month_args = [x for month, days in days_by_month.items() for x in (month, *days)]
    conn = db.conn
    found = [
        DatedCustomer(cid, name, preferred, "birthday", PartialDate(m, d, y), tier, bool(ok))
        for cid, name, preferred, m, d, y, tier, ok in conn.execute(
            f"SELECT c.id, c.name, c.preferred_name, c.birthday_month, c.birthday_day, "
            f"c.birthday_year, c.tier, c.greetings_consent FROM customers c "
            f"WHERE ({by_month}) AND c.merged_into IS NULL {consent} ORDER BY c.id",
            by_month_args,
        )
    ]
    found.extend(
        DatedCustomer(cid, name, preferred, label, PartialDate(m, d, y), tier, bool(ok))
        for cid, name, preferred, label, m, d, y, tier, ok in conn.execute(
            f"SELECT c.id, c.name, c.preferred_name, d.label, d.month, d.day, d.year, "
            f"c.tier, c.greetings_consent FROM important_dates d "
            f"JOIN customers c ON c.id = d.customer_id "
            f"WHERE (d.month, d.day) IN (VALUES {pairs}) AND c.merged_into IS NULL {consent}",
            flat,
        )
    )
    return found


def lapsed_customers(
    db: sqlite_utils.Database,
    *,
    seen_before: dt.datetime,
    min_visits: int,
    consent_only: bool,
    limit: int = 100,
) -> list[LapsedCustomer]:
    """Good customers (many visits or a high tier) not seen since *seen_before*."""
    consent = "AND marketing_consent = 1" if consent_only else ""
    return [
        LapsedCustomer(
            r["id"],
            r["name"],
            r["preferred_name"],
            local_text(r["last_visit"]),
            r["visit_count"],
            r["tier"],
        )
        for r in db.query(
            # +last_visit: read the table in order rather than through the last-visit
            # index. When many customers are lapsed (a third of a million in the
            # benchmark) the index's random reads took 1.2 s; one pass takes 0.25 s.
            f"SELECT id, name, preferred_name, last_visit, visit_count, tier FROM customers "
            f"WHERE +last_visit != '' AND +last_visit < ? AND merged_into IS NULL "
            f"AND erased_at IS NULL {consent} "
            f"AND (visit_count >= ? OR tier IN ('gold', 'vip')) "
            f"ORDER BY visit_count DESC, last_visit DESC LIMIT ?",
            [iso(seen_before), min_visits, limit],
        )
    ]
