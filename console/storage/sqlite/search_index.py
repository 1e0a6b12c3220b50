"""The search index: one document per live customer (names and terms, ranked by last
visit) and the queries over it.

The index is written in the same transaction as the customer (an edit is findable at
once, a search never sees a half-saved customer).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from operator import itemgetter

import sqlite_utils

from console.domain.customer import Customer
from console.domain.search_text import (
    TAGS,
    Lookup,
    QueryPlan,
    SearchHit,
    SearchKeys,
    TermKind,
    customer_search_keys,
    phone_forms,
)
from console.domain.search_text import Tier as MatchTier
from console.repositories.customers import fill_derived
from console.storage.sqlite.customer_rows import iter_customers, local_text
from console.storage.sqlite.transactions import write_transaction

#: A customer id lives in the low bits of its search rank key (see :func:`rank_key`).
RANK_ID_BITS = 30
_RANK_ID_MASK = (1 << RANK_ID_BITS) - 1
_EPOCH = dt.datetime(1970, 1, 1)
_SECOND = dt.timedelta(seconds=1)


def rank_key(last_visit: str, customer_id: int) -> int:
    """Where a customer comes in search results among equals: latest visit first.

    ``(Unix seconds of the last visit + 1) << 30 | customer_id``, or just the id for a
    customer never seen (visits before 1970 count as 1970). The full-text indexes use it
    as their rowid, so a look-up reads its matches newest first and stops after a page;
    equal visit times fall back to the newer customer, as ``(last_visit, id)`` sorts.
    """
    if not 0 < customer_id <= _RANK_ID_MASK:
        raise ValueError(f"customer id {customer_id} is out of the search index's range")
    if not last_visit:
        return customer_id
    at = dt.datetime.fromisoformat(last_visit)
    if at.tzinfo is not None:  # stored instants are UTC (naive: before 0010_customer_instants)
        at = at.astimezone(dt.UTC).replace(tzinfo=None)
    return ((max((at - _EPOCH) // _SECOND, 0) + 1) << RANK_ID_BITS) | customer_id


def keys_for(customer: Customer) -> SearchKeys:
    return customer_search_keys(
        name=customer.name,
        preferred_name=customer.preferred_name,
        romanisation=customer.romanisation,
        email=customer.email,
        member_no=customer.member_no,
        phones=[p.number for p in customer.phones],
    )


def write_index(
    db: sqlite_utils.Database, customer_id: int, keys: SearchKeys, last_visit: str
) -> None:
    """Index (or index again) one customer."""
    # One statement: the full-text indexes follow through the triggers on search_docs.
    db.execute(
        "INSERT INTO search_docs (customer_id, rank_key, names, terms) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (customer_id) DO UPDATE SET rank_key = excluded.rank_key, "
        "names = excluded.names, terms = excluded.terms",
        [customer_id, rank_key(last_visit, customer_id), keys.doc, keys.index_text()],
    )


def drop(db: sqlite_utils.Database, customer_id: int) -> None:
    """Take a customer out of the index (merged away)."""
    db.execute("DELETE FROM search_docs WHERE customer_id = ?", [customer_id])


def insert_search_docs(db: sqlite_utils.Database, docs: list[tuple[int, int, str, str]]) -> None:
    """Insert ``(customer_id, rank_key, names, terms)`` rows in one statement, in rank order.

    One statement rather than one per row: a full-text index writes out its pending terms
    at every statement boundary inside a trigger and whenever rowids go backwards, and
    both would turn a bulk load into millions of tiny index segments.
    """
    if docs:
        docs.sort(key=itemgetter(1))
        db.execute(
            "INSERT INTO search_docs (customer_id, rank_key, names, terms) "
            "SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?)",
            [json.dumps(docs, ensure_ascii=False)],
        )


def set_rank(db: sqlite_utils.Database, customer_id: int, last_visit: str) -> None:
    """Move one customer to the rank of its (new) last visit."""
    db.execute(
        "UPDATE search_docs SET rank_key = ? WHERE customer_id = ?",
        [rank_key(last_visit, customer_id), customer_id],
    )


#: Above this many moves, search documents are moved by deleting and re-inserting them in
#: rank order rather than one update each (see :func:`insert_search_docs`).
_BULK_MOVES = 100


def move_rank_keys(db: sqlite_utils.Database, customer_ids: list[int]) -> None:
    """Give the search documents of *customer_ids* the rank keys of their last visits."""
    rows = db.execute(
        "SELECT d.customer_id, d.rank_key, c.last_visit, d.names, d.terms FROM search_docs d "
        "JOIN customers c ON c.id = d.customer_id "
        "WHERE d.customer_id IN (SELECT value FROM json_each(?))",
        [json.dumps(customer_ids)],
    ).fetchall()
    moves = [
        (cid, old, new, names, terms)
        for cid, old, last_visit, names, terms in rows
        if (new := rank_key(last_visit, cid)) != old
    ]
    if len(moves) <= _BULK_MOVES:
        db.conn.executemany(
            "UPDATE search_docs SET rank_key = ? WHERE customer_id = ?",
            [(new, cid) for cid, _old, new, _names, _terms in moves],
        )
        return
    db.execute(
        "DELETE FROM search_docs WHERE rank_key IN (SELECT value FROM json_each(?))",
        [json.dumps(sorted(old for _cid, old, _new, _names, _terms in moves))],
    )
    insert_search_docs(db, [(cid, new, names, terms) for cid, _old, new, names, terms in moves])


def rebuild_search_index(db: sqlite_utils.Database) -> int:
    """Index every live customer afresh (a database from before search existed)."""
    with write_transaction(db):
        db.execute("DELETE FROM search_docs")
        last_visits = dict(
            db.execute("SELECT id, last_visit FROM customers WHERE merged_into IS NULL").fetchall()
        )
        count = 0
        docs: list[tuple[int, int, str, str]] = []
        for customer in iter_customers(db):
            assert customer.id is not None
            keys = keys_for(fill_derived(customer))
            last_visit = str(last_visits.get(customer.id, ""))
            docs.append(
                (customer.id, rank_key(last_visit, customer.id), keys.doc, keys.index_text())
            )
            if len(docs) >= 5000:
                count += len(docs)
                insert_search_docs(db, docs)
                docs = []
        count += len(docs)
        insert_search_docs(db, docs)
    return count


# --- queries ---------------------------------------------------------------------


#: A prefix look-up of a name first reads this many of the most recently seen customers:
#: a short or common prefix ("w", "li", "zhang") fills a page there long before a prefix
#: query over the index would have merged the hundreds of thousands of words it matches.
#: Rarer prefixes then go to the index, where they are cheap.
WALK_ROWS = 4000
#: Prefixes this long go to the index at once: few words share them.
WALK_MAX_PREFIX = 6

_MATCH = {
    table: f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT ?"
    for table in ("search_terms", "search_docs_fts")
}
_NAME_KINDS = frozenset({TermKind.WHOLE, TermKind.TOKEN})


def _match(db: sqlite_utils.Database, table: str, query: str, limit: int) -> list[int]:
    """Rank keys of the newest *limit* matches of a full-text *query*."""
    return [int(r[0]) for r in db.conn.execute(_MATCH[table], (query, limit))]


def _terms_query(term: str, kinds: Sequence[TermKind], prefix: bool) -> str:
    # *term* is folded (letters and digits only), so it is safe inside an FTS5 string.
    star = "*" if prefix else ""
    return " OR ".join(f'"{TAGS[kind]}{term}"{star}' for kind in kinds)


def _walk(
    db: sqlite_utils.Database, term: str, kinds: Sequence[TermKind], limit: int
) -> list[int] | None:
    """The newest *limit* customers with a term of *kinds* starting with *term*, if the
    :data:`WALK_ROWS` most recently seen customers hold that many; else None.

    search_docs is stored in rank order, so this reads a few hundred adjacent pages; one
    GLOB (``* [wtx]zh*``: a token of any of the kinds that starts with the term) per row.
    """
    # *term* is folded (letters and digits only): nothing in it is special to GLOB.
    pattern = "* [" + "".join(TAGS[kind] for kind in kinds) + "]" + term + "*"
    found = db.conn.execute(
        "SELECT rank_key FROM ("
        "SELECT rank_key, terms FROM search_docs ORDER BY rank_key DESC LIMIT ?"
        ") WHERE terms GLOB ? LIMIT ?",
        (WALK_ROWS, pattern, limit),
    ).fetchall()
    if len(found) < limit:
        return None
    return sorted((int(r[0]) for r in found), reverse=True)


def _phone_lookup(db: sqlite_utils.Database, digits: str, limit: int) -> list[int]:
    """Customers with a phone that *digits* spell in full (with or without country code)."""
    forms = phone_forms(digits)
    if not forms:
        return []
    rows = db.conn.execute(
        "SELECT d.rank_key FROM phones p JOIN search_docs d ON d.customer_id = p.customer_id "
        f"WHERE p.e164 IN ({', '.join('?' * len(forms))}) ORDER BY d.rank_key DESC LIMIT ?",
        (*forms, limit),
    )
    return [int(r[0]) for r in rows]


def _lookup(db: sqlite_utils.Database, lookup: Lookup, limit: int) -> list[int]:
    """Rank keys of the newest *limit* customers matching one look-up of a plan."""
    kinds = lookup.kinds
    if TermKind.PHONE in kinds:
        return _phone_lookup(db, lookup.term, limit)
    if lookup.prefix and _NAME_KINDS.intersection(kinds) and len(lookup.term) <= WALK_MAX_PREFIX:
        walked = _walk(db, lookup.term, kinds, limit)
        if walked is not None:
            return walked
    return _match(db, "search_terms", _terms_query(lookup.term, kinds, lookup.prefix), limit)


def search(db: sqlite_utils.Database, plan: QueryPlan, *, limit: int = 20) -> list[SearchHit]:
    """Best matches first: exact, then prefix, then substring; ties by most recent visit.

    Every look-up reads its matches in rank-key order (newest visit first) and stops after
    *limit*, so a query costs about the same for 伟 (a hundred thousand matches) as for a
    phone number (one).
    """
    if plan.empty or limit <= 0:
        return []
    by_tier: dict[MatchTier, list[Lookup]] = {}
    for lookup in plan.lookups:
        by_tier.setdefault(lookup.tier, []).append(lookup)
    tiers: dict[int, MatchTier] = {}
    ordered: list[int] = []
    for tier in sorted(MatchTier):
        found: set[int] = set()
        for lookup in by_tier.get(tier, ()):
            found.update(_lookup(db, lookup, limit))
        if tier == MatchTier.SUBSTRING and plan.substring:
            found.update(_match(db, "search_docs_fts", f'"{plan.substring}"', limit))
        for key in sorted(found, reverse=True):
            cid = key & _RANK_ID_MASK
            if cid not in tiers:
                tiers[cid] = tier
                ordered.append(cid)
                if len(ordered) == limit:
                    return _hits(db, ordered, tiers)
    return _hits(db, ordered, tiers)


def _hits(
    db: sqlite_utils.Database, ids: list[int], tiers: dict[int, MatchTier]
) -> list[SearchHit]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    conn = db.conn
    rows = {
        r[0]: r
        for r in conn.execute(
            f"SELECT id, name, preferred_name, member_no, email, last_visit, tier, visit_count "
            f"FROM customers WHERE id IN ({marks}) AND merged_into IS NULL",
            ids,
        )
    }
    phones: dict[int, list[str]] = {i: [] for i in ids}
    for cid, e164 in conn.execute(
        f"SELECT customer_id, e164 FROM phones WHERE customer_id IN ({marks}) "
        f"ORDER BY position, id",
        ids,
    ):
        phones[cid].append(e164)
    return [
        SearchHit(
            id=cid,
            name=row[1],
            preferred_name=row[2],
            phones=tuple(phones[cid]),
            member_no=row[3],
            email=row[4],
            last_visit=local_text(row[5]),
            tier=row[6],
            visit_count=row[7],
            match=tiers[cid],
        )
        for cid in ids
        if (row := rows.get(cid)) is not None
    ]
