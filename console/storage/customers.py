"""Customers, their phones, dates, visits, purchases and search index.

Every function takes the open ``sqlite_utils.Database`` of the database thread.
Writes run inside ``write_transaction`` (BEGIN IMMEDIATE); the search index is
updated in the same transaction as the customer, so a search never sees a half-saved
customer and an edit is findable at once.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

import sqlite_utils

from console.domain.customer import (
    Customer,
    ImportantDate,
    Language,
    PartialDate,
    Phone,
    Purchase,
    PurchaseItem,
    Tier,
    Visit,
)
from console.domain.names import has_cjk, romanise
from console.domain.search_text import (
    QueryPlan,
    SearchKeys,
    TermKind,
    customer_search_keys,
    national_part,
    phone_digits,
)
from console.domain.search_text import Tier as MatchTier
from console.storage.database import write_transaction

SUBSTRING_CANDIDATES = 2000


def _iso(value: dt.datetime) -> str:
    return value.isoformat(timespec="seconds")


def _parse_dt(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value)


def prepare(customer: Customer) -> Customer:
    """Fill derived fields: the romanisation of a Chinese name when none was typed."""
    if not customer.romanisation and has_cjk(customer.name):
        customer.romanisation = romanise(customer.name)
    return customer


def _keys_for(customer: Customer) -> SearchKeys:
    numbers = [p.number for p in customer.phones]
    return customer_search_keys(
        name=customer.name,
        preferred_name=customer.preferred_name,
        romanisation=customer.romanisation,
        email=customer.email,
        member_no=customer.member_no,
        phones=numbers,
        national_numbers=[national_part(phone_digits(n)) for n in numbers],
    )


def _customer_row(c: Customer, now: dt.datetime) -> dict[str, Any]:
    bday = c.birthday
    return {
        "name": c.name.strip(),
        "preferred_name": c.preferred_name.strip(),
        "romanisation": c.romanisation.strip(),
        "language": str(c.language),
        "email": c.email.strip(),
        "member_no": c.member_no.strip(),
        "birthday_month": bday.month if bday else None,
        "birthday_day": bday.day if bday else None,
        "birthday_year": bday.year if bday else None,
        "preferences": json.dumps(c.preferences, ensure_ascii=False),
        "dislikes": json.dumps(c.dislikes, ensure_ascii=False),
        "avoid_topics": json.dumps(c.avoid_topics, ensure_ascii=False),
        "notes": c.notes,
        "tier": str(c.tier),
        "assigned_staff": c.assigned_staff.strip(),
        "marketing_consent": int(c.marketing_consent),
        "customer_kind": c.customer_kind.strip(),
        "updated_at": _iso(now),
    }


def _write_index(
    db: sqlite_utils.Database, customer_id: int, keys: SearchKeys, last_visit: str
) -> None:
    db.execute("DELETE FROM search_terms WHERE customer_id = ?", [customer_id])
    db.conn.executemany(
        "INSERT OR IGNORE INTO search_terms (term, kind, last_visit, customer_id) "
        "VALUES (?, ?, ?, ?)",
        [(term, int(kind), last_visit, customer_id) for term, kind in keys.terms],
    )
    db.execute(
        "INSERT OR REPLACE INTO search_docs (customer_id, doc) VALUES (?, ?)",
        [customer_id, keys.doc],
    )


def _write_children(db: sqlite_utils.Database, customer_id: int, c: Customer) -> None:
    db.execute("DELETE FROM phones WHERE customer_id = ?", [customer_id])
    db.conn.executemany(
        "INSERT INTO phones (customer_id, e164, label, position) VALUES (?, ?, ?, ?)",
        [(customer_id, p.number, p.label, i) for i, p in enumerate(c.phones)],
    )
    db.execute("DELETE FROM important_dates WHERE customer_id = ?", [customer_id])
    db.conn.executemany(
        "INSERT INTO important_dates (customer_id, label, month, day, year) VALUES (?, ?, ?, ?, ?)",
        [(customer_id, d.label, d.date.month, d.date.day, d.date.year) for d in c.dates],
    )


def insert_customer(db: sqlite_utils.Database, customer: Customer, *, now: dt.datetime) -> int:
    prepare(customer)
    row = _customer_row(customer, now)
    row["created_at"] = _iso(now)
    with write_transaction(db):
        cursor = db.execute(
            f"INSERT INTO customers ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
        customer_id = int(cursor.lastrowid or 0)
        _write_children(db, customer_id, customer)
        _write_index(db, customer_id, _keys_for(customer), "")
    customer.id = customer_id
    return customer_id


def update_customer(db: sqlite_utils.Database, customer: Customer, *, now: dt.datetime) -> None:
    if customer.id is None:
        raise ValueError("customer has no id")
    prepare(customer)
    row = _customer_row(customer, now)
    with write_transaction(db):
        current = db.execute(
            "SELECT last_visit FROM customers WHERE id = ? AND merged_into IS NULL", [customer.id]
        ).fetchone()
        if current is None:
            raise LookupError(f"customer {customer.id} does not exist")
        db.execute(
            f"UPDATE customers SET {', '.join(f'{k} = ?' for k in row)} WHERE id = ?",
            [*row.values(), customer.id],
        )
        _write_children(db, customer.id, customer)
        _write_index(db, customer.id, _keys_for(customer), current[0])


def bulk_insert_customers(
    db: sqlite_utils.Database,
    customers: Iterable[Customer],
    *,
    now: dt.datetime,
    batch_size: int = 5000,
) -> int:
    """Insert many customers fast (import, demo). Returns the number inserted.

    One transaction per batch; the caller decides whether the whole import is atomic by
    wrapping the call in ``write_transaction``.
    """
    created = _iso(now)
    total = 0
    iterator = iter(customers)
    cols: list[str] | None = None
    while True:
        chunk = list(islice(iterator, batch_size))
        if not chunk:
            break
        with write_transaction(db):
            next_id = int(
                db.execute("SELECT coalesce(max(id), 0) + 1 FROM customers").fetchone()[0]
            )
            rows: list[tuple[Any, ...]] = []
            phones: list[tuple[int, str, str, int]] = []
            dates: list[tuple[int, str, int, int, int | None]] = []
            terms: list[tuple[str, int, str, int]] = []
            docs: list[tuple[int, str]] = []
            for offset, c in enumerate(chunk):
                prepare(c)
                cid = next_id + offset
                c.id = cid
                row = _customer_row(c, now)
                row["created_at"] = created
                row["id"] = cid
                if cols is None:
                    cols = list(row)
                rows.append(tuple(row[k] for k in cols))
                phones.extend((cid, p.number, p.label, i) for i, p in enumerate(c.phones))
                dates.extend((cid, d.label, d.date.month, d.date.day, d.date.year) for d in c.dates)
                keys = _keys_for(c)
                terms.extend((term, int(kind), "", cid) for term, kind in keys.terms)
                docs.append((cid, keys.doc))
            assert cols is not None
            conn = db.conn
            conn.executemany(
                f"INSERT INTO customers ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                rows,
            )
            conn.executemany(
                "INSERT INTO phones (customer_id, e164, label, position) VALUES (?, ?, ?, ?)",
                phones,
            )
            conn.executemany(
                "INSERT INTO important_dates (customer_id, label, month, day, year) "
                "VALUES (?, ?, ?, ?, ?)",
                dates,
            )
            conn.executemany(
                "INSERT OR IGNORE INTO search_terms (term, kind, last_visit, customer_id) "
                "VALUES (?, ?, ?, ?)",
                terms,
            )
            conn.executemany("INSERT INTO search_docs (customer_id, doc) VALUES (?, ?)", docs)
        total += len(chunk)
    return total


def _loads_list(value: str) -> list[str]:
    data = json.loads(value or "[]")
    return [str(x) for x in data] if isinstance(data, list) else []


def _customer_from_row(row: dict[str, Any]) -> Customer:
    birthday = None
    if row["birthday_month"] is not None:
        birthday = PartialDate(row["birthday_month"], row["birthday_day"], row["birthday_year"])
    return Customer(
        id=row["id"],
        name=row["name"],
        preferred_name=row["preferred_name"],
        romanisation=row["romanisation"],
        language=Language(row["language"])
        if row["language"] in Language._value2member_map_
        else Language.UNKNOWN,
        email=row["email"],
        member_no=row["member_no"],
        birthday=birthday,
        preferences=_loads_list(row["preferences"]),
        dislikes=_loads_list(row["dislikes"]),
        avoid_topics=_loads_list(row["avoid_topics"]),
        notes=row["notes"],
        tier=Tier(row["tier"]) if row["tier"] in Tier._value2member_map_ else Tier.REGULAR,
        assigned_staff=row["assigned_staff"],
        marketing_consent=bool(row["marketing_consent"]),
        customer_kind=row["customer_kind"],
        created_at=_parse_dt(row["created_at"]),
        updated_at=_parse_dt(row["updated_at"]),
    )


def get_customer(db: sqlite_utils.Database, customer_id: int) -> Customer | None:
    rows = list(db.query("SELECT * FROM customers WHERE id = ?", [customer_id]))
    if not rows:
        return None
    customer = _customer_from_row(rows[0])
    customer.phones = [
        Phone(r["e164"], r["label"])
        for r in db.query(
            "SELECT e164, label FROM phones WHERE customer_id = ? ORDER BY position, id",
            [customer_id],
        )
    ]
    customer.dates = [
        ImportantDate(r["label"], PartialDate(r["month"], r["day"], r["year"]))
        for r in db.query(
            "SELECT label, month, day, year FROM important_dates WHERE customer_id = ? ORDER BY id",
            [customer_id],
        )
    ]
    return customer


def merged_into(db: sqlite_utils.Database, customer_id: int) -> int | None:
    row = db.execute("SELECT merged_into FROM customers WHERE id = ?", [customer_id]).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def count_customers(db: sqlite_utils.Database) -> int:
    return int(db.execute("SELECT count(*) FROM customers WHERE merged_into IS NULL").fetchone()[0])


# --- duplicates and merge ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Conflict:
    """A phone, email or member number of *customer* that another customer already has."""

    field: str  # "phone", "email", "member_no"
    value: str
    other_id: int
    other_name: str


def find_conflicts(db: sqlite_utils.Database, customer: Customer) -> list[Conflict]:
    own = customer.id or -1
    found: list[Conflict] = []
    for phone in customer.phones:
        for r in db.query(
            "SELECT c.id, c.name FROM phones p JOIN customers c ON c.id = p.customer_id "
            "WHERE p.e164 = ? AND c.id != ? AND c.merged_into IS NULL",
            [phone.number, own],
        ):
            found.append(Conflict("phone", phone.number, r["id"], r["name"]))
    if customer.email.strip():
        for r in db.query(
            "SELECT id, name FROM customers WHERE lower(email) = lower(?) AND email != '' "
            "AND id != ? AND merged_into IS NULL",
            [customer.email.strip(), own],
        ):
            found.append(Conflict("email", customer.email.strip(), r["id"], r["name"]))
    if customer.member_no.strip():
        for r in db.query(
            "SELECT id, name FROM customers WHERE member_no = ? AND member_no != '' "
            "AND id != ? AND merged_into IS NULL",
            [customer.member_no.strip(), own],
        ):
            found.append(Conflict("member_no", customer.member_no.strip(), r["id"], r["name"]))
    return found


def merge_customers(
    db: sqlite_utils.Database, keep_id: int, other_id: int, *, now: dt.datetime
) -> Customer:
    """Fold *other* into *keep*: all visits, purchases, rewards, phones and dates move;
    empty fields of *keep* take *other*'s values; lists are united. *other* stays as a
    tombstone pointing at *keep* (nothing is hard-deleted) and leaves the search index."""
    if keep_id == other_id:
        raise ValueError("cannot merge a customer with itself")
    with write_transaction(db):
        keep = get_customer(db, keep_id)
        other = get_customer(db, other_id)
        if keep is None or other is None:
            raise LookupError("one of the customers to merge does not exist")
        if merged_into(db, keep_id) is not None or merged_into(db, other_id) is not None:
            raise ValueError("one of the customers was already merged")
        for name in (
            "preferred_name",
            "romanisation",
            "email",
            "member_no",
            "notes",
            "assigned_staff",
            "customer_kind",
        ):
            if not getattr(keep, name) and getattr(other, name):
                setattr(keep, name, getattr(other, name))
        if keep.birthday is None:
            keep.birthday = other.birthday
        if keep.language == Language.UNKNOWN:
            keep.language = other.language
        tiers = list(Tier)
        keep.tier = max(keep.tier, other.tier, key=tiers.index)
        keep.marketing_consent = keep.marketing_consent and other.marketing_consent
        for attr in ("preferences", "dislikes", "avoid_topics"):
            merged = list(dict.fromkeys([*getattr(keep, attr), *getattr(other, attr)]))
            setattr(keep, attr, merged)
        known = {p.number for p in keep.phones}
        keep.phones.extend(p for p in other.phones if p.number not in known)
        seen_dates = {(d.label, d.date) for d in keep.dates}
        keep.dates.extend(d for d in other.dates if (d.label, d.date) not in seen_dates)
        if keep.notes and other.notes and other.notes not in keep.notes:
            keep.notes = f"{keep.notes}\n{other.notes}"
        for table in ("visits", "purchases", "rewards_redeemed"):
            db.execute(
                f"UPDATE {table} SET customer_id = ? WHERE customer_id = ?", [keep_id, other_id]
            )
        db.execute(
            "UPDATE customers SET merged_into = ?, updated_at = ? WHERE id = ?",
            [keep_id, _iso(now), other_id],
        )
        db.execute("DELETE FROM search_terms WHERE customer_id = ?", [other_id])
        db.execute("DELETE FROM search_docs WHERE customer_id = ?", [other_id])
        # Phones move to the survivor; the tombstone keeps none so it is never matched.
        db.execute("DELETE FROM phones WHERE customer_id = ?", [other_id])
        db.execute("DELETE FROM important_dates WHERE customer_id = ?", [other_id])
        update_customer(db, keep, now=now)
        _refresh_visit_facts(db, keep_id)
    result = get_customer(db, keep_id)
    assert result is not None
    return result


# --- visits, purchases, rewards -----------------------------------------------------


def _refresh_visit_facts(db: sqlite_utils.Database, customer_id: int) -> None:
    count, last = db.execute(
        "SELECT count(*), coalesce(max(at), '') FROM visits WHERE customer_id = ?", [customer_id]
    ).fetchone()
    db.execute(
        "UPDATE customers SET visit_count = ?, last_visit = ? WHERE id = ?",
        [count, last, customer_id],
    )
    db.execute("UPDATE search_terms SET last_visit = ? WHERE customer_id = ?", [last, customer_id])


def record_visit(db: sqlite_utils.Database, visit: Visit) -> int:
    with write_transaction(db):
        if merged_into(db, visit.customer_id) is not None:
            raise ValueError("this customer was merged into another profile")
        cursor = db.execute(
            "INSERT INTO visits (customer_id, at, store, staff, note) VALUES (?, ?, ?, ?, ?)",
            [visit.customer_id, _iso(visit.at), visit.store, visit.staff, visit.note],
        )
        _refresh_visit_facts(db, visit.customer_id)
    visit.id = int(cursor.lastrowid or 0)
    return visit.id


def record_purchase(db: sqlite_utils.Database, purchase: Purchase) -> int:
    if not purchase.items:
        raise ValueError("a purchase needs at least one item")
    with write_transaction(db):
        cursor = db.execute(
            "INSERT INTO purchases (customer_id, at, store, channel, currency, total_minor) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                purchase.customer_id,
                _iso(purchase.at),
                purchase.store,
                purchase.channel,
                purchase.currency,
                purchase.total_minor,
            ],
        )
        pid = int(cursor.lastrowid or 0)
        db.conn.executemany(
            "INSERT INTO purchase_items (purchase_id, name, quantity, price_minor, category) "
            "VALUES (?, ?, ?, ?, ?)",
            [(pid, i.name, i.quantity, i.price_minor, i.category) for i in purchase.items],
        )
    purchase.id = pid
    return pid


def bulk_insert_history(
    db: sqlite_utils.Database,
    visits: Sequence[tuple[int, dt.datetime, str, str, str]],
    purchases: Sequence[tuple[int, dt.datetime, str, str, str, list[PurchaseItem]]],
) -> None:
    """Insert many visits ``(customer_id, at, store, staff, note)`` and purchases
    ``(customer_id, at, store, channel, currency, items)`` in one transaction, then
    refresh the visit facts of the customers touched."""
    with write_transaction(db):
        conn = db.conn
        conn.executemany(
            "INSERT INTO visits (customer_id, at, store, staff, note) VALUES (?, ?, ?, ?, ?)",
            [(cid, _iso(at), store, staff, note) for cid, at, store, staff, note in visits],
        )
        next_id = int(db.execute("SELECT coalesce(max(id), 0) + 1 FROM purchases").fetchone()[0])
        rows: list[tuple[Any, ...]] = []
        items: list[tuple[int, str, int, int, str]] = []
        for offset, (cid, at, store, channel, currency, its) in enumerate(purchases):
            pid = next_id + offset
            rows.append(
                (pid, cid, _iso(at), store, channel, currency, sum(i.total_minor for i in its))
            )
            items.extend((pid, i.name, i.quantity, i.price_minor, i.category) for i in its)
        conn.executemany(
            "INSERT INTO purchases (id, customer_id, at, store, channel, currency, total_minor) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.executemany(
            "INSERT INTO purchase_items (purchase_id, name, quantity, price_minor, category) "
            "VALUES (?, ?, ?, ?, ?)",
            items,
        )
        touched = sorted({v[0] for v in visits})
        conn.executemany(
            "UPDATE customers SET "
            "visit_count = (SELECT count(*) FROM visits WHERE customer_id = ?1), "
            "last_visit = (SELECT coalesce(max(at), '') FROM visits WHERE customer_id = ?1) "
            "WHERE id = ?1",
            [(cid,) for cid in touched],
        )
        conn.executemany(
            "UPDATE search_terms SET last_visit = (SELECT last_visit FROM customers WHERE id = ?1) "
            "WHERE customer_id = ?1",
            [(cid,) for cid in touched],
        )


def list_visits(
    db: sqlite_utils.Database, customer_id: int, *, offset: int = 0, limit: int = 50
) -> list[Visit]:
    return [
        Visit(r["customer_id"], _parse_dt(r["at"]), r["store"], r["staff"], r["note"], r["id"])
        for r in db.query(
            "SELECT * FROM visits WHERE customer_id = ? ORDER BY at DESC, id DESC LIMIT ? OFFSET ?",
            [customer_id, limit, offset],
        )
    ]


def list_purchases(
    db: sqlite_utils.Database, customer_id: int, *, offset: int = 0, limit: int = 50
) -> list[Purchase]:
    heads = list(
        db.query(
            "SELECT * FROM purchases WHERE customer_id = ? "
            "ORDER BY at DESC, id DESC LIMIT ? OFFSET ?",
            [customer_id, limit, offset],
        )
    )
    if not heads:
        return []
    ids = [h["id"] for h in heads]
    items: dict[int, list[PurchaseItem]] = {i: [] for i in ids}
    marks = ",".join("?" * len(ids))
    for r in db.query(
        f"SELECT purchase_id, name, quantity, price_minor, category FROM purchase_items "
        f"WHERE purchase_id IN ({marks}) ORDER BY id",
        ids,
    ):
        items[r["purchase_id"]].append(
            PurchaseItem(r["name"], r["quantity"], r["price_minor"], r["category"])
        )
    return [
        Purchase(
            h["customer_id"],
            _parse_dt(h["at"]),
            items[h["id"]],
            h["store"],
            h["channel"],
            h["currency"],
            h["id"],
        )
        for h in heads
    ]


def count_purchases(db: sqlite_utils.Database, customer_id: int) -> int:
    return int(
        db.execute(
            "SELECT count(*) FROM purchases WHERE customer_id = ?", [customer_id]
        ).fetchone()[0]
    )


def count_visits(db: sqlite_utils.Database, customer_id: int) -> int:
    return int(
        db.execute("SELECT count(*) FROM visits WHERE customer_id = ?", [customer_id]).fetchone()[0]
    )


@dataclass(slots=True)
class PurchaseFacts:
    spend_by_currency: dict[str, int] = field(default_factory=dict)
    favourite_items: list[tuple[str, int]] = field(default_factory=list)
    qualifying_quantity: int = 0
    rewards_redeemed: int = 0
    last_purchase: dt.datetime | None = None


def purchase_facts(
    db: sqlite_utils.Database, customer_id: int, *, loyalty_category: str, favourites: int = 3
) -> PurchaseFacts:
    facts = PurchaseFacts()
    for r in db.query(
        "SELECT currency, sum(total_minor) AS total, max(at) AS last FROM purchases "
        "WHERE customer_id = ? GROUP BY currency ORDER BY total DESC",
        [customer_id],
    ):
        facts.spend_by_currency[r["currency"]] = int(r["total"] or 0)
        last = _parse_dt(r["last"])
        if facts.last_purchase is None or last > facts.last_purchase:
            facts.last_purchase = last
    facts.favourite_items = [
        (r["name"], int(r["qty"]))
        for r in db.query(
            "SELECT i.name, sum(i.quantity) AS qty FROM purchases p "
            "JOIN purchase_items i ON i.purchase_id = p.id WHERE p.customer_id = ? "
            "GROUP BY i.name ORDER BY qty DESC, i.name LIMIT ?",
            [customer_id, favourites],
        )
    ]
    row = db.execute(
        "SELECT coalesce(sum(i.quantity), 0) FROM purchases p JOIN purchase_items i "
        "ON i.purchase_id = p.id WHERE p.customer_id = ? "
        "AND (trim(?) = '' OR lower(trim(i.category)) = lower(trim(?)))",
        [customer_id, loyalty_category, loyalty_category],
    ).fetchone()
    facts.qualifying_quantity = int(row[0])
    facts.rewards_redeemed = int(
        db.execute(
            "SELECT count(*) FROM rewards_redeemed WHERE customer_id = ?", [customer_id]
        ).fetchone()[0]
    )
    return facts


def redeem_reward(
    db: sqlite_utils.Database, customer_id: int, *, at: dt.datetime, staff: str, note: str = ""
) -> int:
    with write_transaction(db):
        cursor = db.execute(
            "INSERT INTO rewards_redeemed (customer_id, at, staff, note) VALUES (?, ?, ?, ?)",
            [customer_id, _iso(at), staff, note],
        )
    return int(cursor.lastrowid or 0)


# --- search --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: int
    name: str
    preferred_name: str
    phones: tuple[str, ...]
    member_no: str
    email: str
    last_visit: str
    tier: str
    visit_count: int
    match: MatchTier


def _term_lookup(
    db: sqlite_utils.Database, term: str, kind: TermKind, prefix: bool, limit: int
) -> list[tuple[str, int]]:
    if prefix:
        upper = term + "\U0010ffff"
        sql = (
            "SELECT last_visit, customer_id FROM search_terms "
            "WHERE term >= ? AND term < ? AND kind = ? ORDER BY last_visit DESC LIMIT ?"
        )
        rows = db.execute(sql, [term, upper, int(kind), limit]).fetchall()
    else:
        sql = (
            "SELECT last_visit, customer_id FROM search_terms "
            "WHERE term = ? AND kind = ? ORDER BY last_visit DESC LIMIT ?"
        )
        rows = db.execute(sql, [term, int(kind), limit]).fetchall()
    return [(str(r[0]), int(r[1])) for r in rows]


def _substring_lookup(db: sqlite_utils.Database, folded: str, limit: int) -> list[tuple[str, int]]:
    # *folded* holds letters and digits only, so quoting it as an FTS5 string is safe.
    phrase = '"' + folded.replace('"', '""') + '"'
    rows = db.execute(
        "SELECT c.last_visit, c.id FROM ("
        "  SELECT rowid AS id FROM search_docs_fts WHERE search_docs_fts MATCH ? LIMIT ?"
        ") AS f JOIN customers c ON c.id = f.id",
        [phrase, SUBSTRING_CANDIDATES],
    ).fetchall()
    ranked = sorted(((str(r[0]), int(r[1])) for r in rows), reverse=True)
    return ranked[:limit]


def search(db: sqlite_utils.Database, plan: QueryPlan, *, limit: int = 20) -> list[SearchHit]:
    """Best matches first: exact, then prefix, then substring; ties by most recent visit."""
    if plan.empty or limit <= 0:
        return []
    best: dict[int, tuple[MatchTier, str]] = {}
    tiers: dict[MatchTier, list[tuple[str, int]]] = {}
    for lookup in plan.lookups:
        for kind in lookup.kinds:
            tiers.setdefault(lookup.tier, []).extend(
                _term_lookup(db, lookup.term, kind, lookup.prefix, limit)
            )
    ordered: list[int] = []

    def take(tier: MatchTier, found: Iterable[tuple[str, int]]) -> None:
        for last_visit, cid in sorted(found, reverse=True):
            if cid not in best and len(ordered) < limit:
                best[cid] = (tier, last_visit)
                ordered.append(cid)

    for tier in sorted(tiers):
        take(tier, tiers[tier])
    if len(ordered) < limit and plan.substring:
        take(MatchTier.SUBSTRING, _substring_lookup(db, plan.substring, limit + len(ordered)))
    return _hits(db, ordered, best)


def _hits(
    db: sqlite_utils.Database, ids: list[int], best: dict[int, tuple[MatchTier, str]]
) -> list[SearchHit]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = {
        r["id"]: r
        for r in db.query(
            f"SELECT id, name, preferred_name, member_no, email, last_visit, tier, visit_count "
            f"FROM customers WHERE id IN ({marks}) AND merged_into IS NULL",
            ids,
        )
    }
    phones: dict[int, list[str]] = {i: [] for i in ids}
    for r in db.query(
        f"SELECT customer_id, e164 FROM phones WHERE customer_id IN ({marks}) "
        "ORDER BY position, id",
        ids,
    ):
        phones[r["customer_id"]].append(r["e164"])
    hits = []
    for cid in ids:
        row = rows.get(cid)
        if row is None:
            continue
        hits.append(
            SearchHit(
                id=cid,
                name=row["name"],
                preferred_name=row["preferred_name"],
                phones=tuple(phones[cid]),
                member_no=row["member_no"],
                email=row["email"],
                last_visit=row["last_visit"],
                tier=row["tier"],
                visit_count=row["visit_count"],
                match=best[cid][0],
            )
        )
    return hits


def like_search(db: sqlite_utils.Database, text: str, *, limit: int = 20) -> list[int]:
    """The plainest alternative (``LIKE '%q%'`` over names, phones, emails, member numbers),
    kept only so benchmarks can show what the index buys."""
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = db.execute(
        "SELECT id FROM customers WHERE merged_into IS NULL AND (name LIKE ?1 ESCAPE '\\' "
        "OR preferred_name LIKE ?1 ESCAPE '\\' OR email LIKE ?1 ESCAPE '\\' "
        "OR member_no LIKE ?1 ESCAPE '\\' OR id IN (SELECT customer_id FROM phones "
        "WHERE e164 LIKE ?1 ESCAPE '\\')) ORDER BY last_visit DESC LIMIT ?2",
        [pattern, limit],
    ).fetchall()
    return [int(r[0]) for r in rows]


# --- the Today view ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DatedCustomer:
    customer_id: int
    name: str
    preferred_name: str
    label: str
    date: PartialDate
    tier: str
    marketing_consent: bool


def dates_in_window(
    db: sqlite_utils.Database, month_days: Sequence[tuple[int, int]], *, consent_only: bool
) -> list[DatedCustomer]:
    """Birthdays and other important dates falling on any of *month_days*."""
    if not month_days:
        return []
    pairs = ",".join("(?, ?)" for _ in month_days)
    flat = [x for md in month_days for x in md]
    consent = "AND c.marketing_consent = 1" if consent_only else ""
    found: list[DatedCustomer] = []
    for r in db.query(
        f"SELECT id, name, preferred_name, birthday_month AS m, birthday_day AS d, "
        f"birthday_year AS y, tier, marketing_consent FROM customers c "
        f"WHERE (birthday_month, birthday_day) IN (VALUES {pairs}) "
        f"AND merged_into IS NULL {consent}",
        flat,
    ):
        found.append(
            DatedCustomer(
                r["id"],
                r["name"],
                r["preferred_name"],
                "birthday",
                PartialDate(r["m"], r["d"], r["y"]),
                r["tier"],
                bool(r["marketing_consent"]),
            )
        )
    for r in db.query(
        f"SELECT c.id, c.name, c.preferred_name, d.label, d.month AS m, d.day AS d, d.year AS y, "
        f"c.tier, c.marketing_consent FROM important_dates d "
        f"JOIN customers c ON c.id = d.customer_id "
        f"WHERE (d.month, d.day) IN (VALUES {pairs}) AND c.merged_into IS NULL {consent}",
        flat,
    ):
        found.append(
            DatedCustomer(
                r["id"],
                r["name"],
                r["preferred_name"],
                r["label"],
                PartialDate(r["m"], r["d"], r["y"]),
                r["tier"],
                bool(r["marketing_consent"]),
            )
        )
    return found


@dataclass(frozen=True, slots=True)
class LapsedCustomer:
    customer_id: int
    name: str
    preferred_name: str
    last_visit: str
    visit_count: int
    tier: str


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
            r["id"], r["name"], r["preferred_name"], r["last_visit"], r["visit_count"], r["tier"]
        )
        for r in db.query(
            f"SELECT id, name, preferred_name, last_visit, visit_count, tier FROM customers "
            f"WHERE last_visit != '' AND last_visit < ? AND merged_into IS NULL {consent} "
            f"AND (visit_count >= ? OR tier IN ('gold', 'vip')) "
            f"ORDER BY visit_count DESC, last_visit DESC LIMIT ?",
            [_iso(seen_before), min_visits, limit],
        )
    ]


# --- export --------------------------------------------------------------------------


def iter_customers(db: sqlite_utils.Database, *, batch_size: int = 2000) -> Iterator[Customer]:
    """Every live customer with phones and dates, in id order, in constant memory."""
    last_id = 0
    while True:
        rows = list(
            db.query(
                "SELECT * FROM customers WHERE id > ? AND merged_into IS NULL ORDER BY id LIMIT ?",
                [last_id, batch_size],
            )
        )
        if not rows:
            return
        ids = [r["id"] for r in rows]
        marks = ",".join("?" * len(ids))
        phones: dict[int, list[Phone]] = {i: [] for i in ids}
        for r in db.query(
            f"SELECT customer_id, e164, label FROM phones WHERE customer_id IN ({marks}) "
            f"ORDER BY customer_id, position, id",
            ids,
        ):
            phones[r["customer_id"]].append(Phone(r["e164"], r["label"]))
        dates: dict[int, list[ImportantDate]] = {i: [] for i in ids}
        for r in db.query(
            f"SELECT customer_id, label, month, day, year FROM important_dates "
            f"WHERE customer_id IN ({marks}) ORDER BY id",
            ids,
        ):
            dates[r["customer_id"]].append(
                ImportantDate(r["label"], PartialDate(r["month"], r["day"], r["year"]))
            )
        for row in rows:
            customer = _customer_from_row(row)
            customer.phones = phones[row["id"]]
            customer.dates = dates[row["id"]]
            yield customer
        last_id = ids[-1]


def find_by_member_or_phone(
    db: sqlite_utils.Database, *, member_no: str = "", phone: str = ""
) -> int | None:
    """The live customer with this member number, else this E.164 phone."""
    if member_no:
        row = db.execute(
            "SELECT id FROM customers WHERE member_no = ? AND merged_into IS NULL LIMIT 1",
            [member_no],
        ).fetchone()
        if row:
            return int(row[0])
    if phone:
        row = db.execute(
            "SELECT c.id FROM phones p JOIN customers c ON c.id = p.customer_id "
            "WHERE p.e164 = ? AND c.merged_into IS NULL LIMIT 1",
            [phone],
        ).fetchone()
        if row:
            return int(row[0])
    return None


# --- settings ------------------------------------------------------------------------


def get_setting(db: sqlite_utils.Database, key: str) -> Any:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return None if row is None else json.loads(row[0])


def set_setting(db: sqlite_utils.Database, key: str, value: Any) -> None:
    with write_transaction(db):
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value, ensure_ascii=False)],
        )
