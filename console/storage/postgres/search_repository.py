"""The search repository on PostgreSQL (implements :mod:`console.repositories.search`).

The same look-ups and the same ranking as the desk's full-text indexes
(``console/storage/sqlite/search_index.py``), on the tables of ``0008_search``:

* every customer's tagged terms (" wzhangwei tzhang s张 p8765…") are rows of
  ``search_terms``; an exact look-up is equality, a prefix a range of its btree (bytes,
  ``COLLATE "C"``), and "ends with these digits" a prefix of the reversed digits;
* 3+ character substrings of the folded names are a ``LIKE`` over ``search_docs.names``
  with a ``pg_trgm`` index;
* a term that more than :data:`MANY` customers share (林, ``zw``, a short prefix) walks
  the most recently seen customers, newest first, until it has *limit* of them (the
  same answer, found sooner: ranking every match costs an index probe each); fewer
  matches are ranked at once;
* every look-up takes the newest *limit* matches by ``rank_key`` (latest visit first,
  then the newer customer: :func:`console.storage.sqlite.search_index.rank_key`, shared
  so both stores order alike), and the tiers are merged as on SQLite.

The index is written in the customer's own transaction (see ``customers_repository``).
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import psycopg

from console.domain.customer import Customer
from console.domain.search_text import (
    TAGS,
    Lookup,
    QueryPlan,
    SearchHit,
    TermKind,
    customer_search_keys,
    phone_forms,
)
from console.domain.search_text import Tier as MatchTier
from console.repositories.customers import fill_derived
from console.repositories.search import SearchRepository
from console.storage.postgres.customer_rows import iter_customers
from console.storage.sqlite.search_index import RANK_ID_BITS, WALK_ROWS, rank_key

_RANK_ID_MASK = (1 << RANK_ID_BITS) - 1
_NAME_KINDS = frozenset({TermKind.WHOLE, TermKind.TOKEN})


def rank_of(last_visit: dt.datetime | None, customer_id: int) -> int:
    """The search rank key of a customer last seen at *last_visit* (None: never)."""
    return rank_key(last_visit.isoformat() if last_visit is not None else "", customer_id)


def local_text(moment: dt.datetime | None) -> str:
    """A stored instant as this computer's wall time in ISO text, to the second ('' for
    none): what hits and Today's rows carry as ``last_visit`` (as on SQLite)."""
    if moment is None:
        return ""
    return moment.astimezone().replace(tzinfo=None).isoformat(timespec="seconds")


def index_of(customer: Customer) -> tuple[str, str]:
    """``(names document, index text)`` of a customer (derived fields filled)."""
    keys = customer_search_keys(
        name=customer.name,
        preferred_name=customer.preferred_name,
        romanisation=customer.romanisation,
        email=customer.email,
        member_no=customer.member_no,
        phones=[p.number for p in customer.phones],
    )
    return keys.doc, keys.index_text()


def term_rows(customer_id: int, terms: str) -> list[tuple[str, int]]:
    """``search_terms`` rows of one customer's index text."""
    return [(term, customer_id) for term in dict.fromkeys(terms.split())]


def write_index(
    conn: psycopg.Connection, customer_id: int, names: str, terms: str, rank: int
) -> None:
    """Index (or index again) one customer."""
    write_deferred_terms(conn)
    old = conn.execute(
        "SELECT terms FROM search_docs WHERE customer_id = %s", [customer_id]
    ).fetchone()
    new_terms = set(terms.split())
    if old is None:
        conn.execute(
            "INSERT INTO search_docs (customer_id, rank_key, names, terms) VALUES (%s, %s, %s, %s)",
            [customer_id, rank, names, terms],
        )
        gone: set[str] = set()
        added = new_terms
    else:
        conn.execute(
            "UPDATE search_docs SET rank_key = %s, names = %s, terms = %s WHERE customer_id = %s",
            [rank, names, terms, customer_id],
        )
        before = set(str(old[0]).split())
        gone, added = before - new_terms, new_terms - before
    if gone:
        conn.execute(
            "DELETE FROM search_terms WHERE customer_id = %s AND term = ANY(%s)",
            [customer_id, sorted(gone)],
        )
    if added:
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO search_terms (term, customer_id) VALUES (%s, %s)",
                [(t, customer_id) for t in sorted(added)],
            )


def drop(conn: psycopg.Connection, customer_ids: Sequence[int]) -> None:
    """Take customers out of the index (merged away, erased)."""
    write_deferred_terms(conn)
    ids = list(customer_ids)
    conn.execute(
        "DELETE FROM search_terms t USING search_docs d WHERE d.customer_id = ANY(%s) "
        "AND t.customer_id = d.customer_id "
        "AND t.term = ANY(string_to_array(btrim(d.terms, ' '), ' '))",
        [ids],
    )
    conn.execute("DELETE FROM search_docs WHERE customer_id = ANY(%s)", [ids])


def set_rank(conn: psycopg.Connection, customer_id: int, last_visit: dt.datetime | None) -> None:
    """Move one customer to the rank of its (new) last visit."""
    conn.execute(
        "UPDATE search_docs SET rank_key = %s WHERE customer_id = %s",
        [rank_of(last_visit, customer_id), customer_id],
    )


# --- queries ----------------------------------------------------------------------------


def _tagged(term: str, kinds: Iterable[TermKind]) -> list[str]:
    return [TAGS[kind] + term for kind in kinds if kind in TAGS]


#: A look-up that matches more customers than this (a common Chinese character, common
#: initials, a short prefix) walks the newest customers instead of ranking every match:
#: ranking costs an index probe per matching customer (15,000 of them for 林 among a
#: million customers: 100 ms), the walk about limit / (share of customers matching)
#: rows; both cost about the same near sqrt(20 × a million) matches.
MANY = 4000
#: How far that walk goes (newest customers first) before it gives up and ranks every
#: match: 50,000 rows hold 20 matches of anything shared by more than 0.2 % of a million.
MANY_WALK_ROWS = 50_000


def _terms(conn: psycopg.Connection, lookup: Lookup, limit: int) -> list[int]:
    """Rank keys of the newest *limit* customers with a term of the look-up's kinds equal
    to (or, for a prefix, starting with) its term."""
    tagged = _tagged(lookup.term, lookup.kinds)
    if not tagged:
        return []
    if lookup.prefix:
        # *term* is folded (letters and digits only): nothing in it is special to LIKE.
        where = " OR ".join(["t.term LIKE %s"] * len(tagged))
        params: list[Any] = [f"{t}%" for t in tagged]
    else:
        where, params = "t.term = ANY(%s)", [tagged]
    # Up to MANY matches are ranked by an index probe each (ANY(ARRAY(...)): never a scan
    # of every search document, which the planner chose for a join on a few thousand);
    # more are not ranked here (NULL, evaluated only when needed), but walked below.
    few = conn.execute(
        "WITH few AS MATERIALIZED ("
        f"SELECT t.customer_id FROM search_terms t WHERE {where} LIMIT %s) "
        "SELECT CASE WHEN (SELECT count(*) FROM few) <= %s THEN ARRAY("
        "SELECT d.rank_key FROM search_docs d "
        "WHERE d.customer_id = ANY(ARRAY(SELECT customer_id FROM few)) "
        "ORDER BY d.rank_key DESC LIMIT %s) END",
        [*params, MANY + 1, MANY, limit],
    ).fetchone()
    if few is not None and few[0] is not None:
        return [int(k) for k in few[0]]
    walked = _walk(conn, lookup, limit, MANY_WALK_ROWS)
    if walked is not None:
        return walked
    rows = conn.execute(  # many matches, mostly among customers not seen lately
        "SELECT d.rank_key FROM search_docs d WHERE d.customer_id = ANY(ARRAY("
        f"SELECT t.customer_id FROM search_terms t WHERE {where})) "
        "ORDER BY d.rank_key DESC LIMIT %s",
        [*params, limit],
    ).fetchall()
    return [int(r[0]) for r in rows]


def _walk(
    conn: psycopg.Connection, lookup: Lookup, limit: int, rows: int = WALK_ROWS
) -> list[int] | None:
    """The newest *limit* customers with a term of the look-up's kinds equal to (or, for
    a prefix, starting with) its term, if the *rows* most recently seen customers hold
    that many; else None (SQLite's walk: the same answer as the index gives)."""
    end = "%" if lookup.prefix else " %"
    patterns = [f"% {t}{end}" for t in _tagged(lookup.term, lookup.kinds)]
    found = conn.execute(
        "SELECT rank_key FROM ("
        "SELECT rank_key, terms FROM search_docs ORDER BY rank_key DESC LIMIT %s"
        ") newest WHERE terms || ' ' LIKE ANY(%s) ORDER BY rank_key DESC LIMIT %s",
        [rows, patterns, limit],
    ).fetchall()
    if len(found) < limit:
        return None
    return [int(r[0]) for r in found]


def _phones(conn: psycopg.Connection, digits: str, limit: int) -> list[int]:
    """Customers with a phone that *digits* spell in full (with or without country code)."""
    forms = phone_forms(digits)
    if not forms:
        return []
    rows = conn.execute(
        "SELECT d.rank_key FROM phones p JOIN search_docs d ON d.customer_id = p.customer_id "
        "WHERE p.e164 = ANY(%s) ORDER BY d.rank_key DESC LIMIT %s",
        [list(forms), limit],
    ).fetchall()
    return [int(r[0]) for r in rows]


def _lookup(conn: psycopg.Connection, lookup: Lookup, limit: int) -> list[int]:
    kinds = lookup.kinds
    if TermKind.PHONE in kinds:
        return _phones(conn, lookup.term, limit)
    # Short name prefixes need no walk first (SQLite's, WALK_ROWS): _terms counts the
    # matches in the index and walks only when there are many.
    return _terms(conn, lookup, limit)


def _substring(conn: psycopg.Connection, text: str, limit: int) -> list[int]:
    # *text* is folded (letters and digits only): nothing in it is special to LIKE.
    rows = conn.execute(
        "SELECT rank_key FROM search_docs WHERE names LIKE %s ORDER BY rank_key DESC LIMIT %s",
        [f"%{text}%", limit],
    ).fetchall()
    return [int(r[0]) for r in rows]


def search(conn: psycopg.Connection, plan: QueryPlan, *, limit: int = 20) -> list[SearchHit]:
    """Best matches first: exact, then prefix, then substring; ties by most recent visit."""
    write_deferred_terms(conn)
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
            found.update(_lookup(conn, lookup, limit))
        if tier == MatchTier.SUBSTRING and plan.substring:
            found.update(_substring(conn, plan.substring, limit))
        for key in sorted(found, reverse=True):
            cid = key & _RANK_ID_MASK
            if cid not in tiers:
                tiers[cid] = tier
                ordered.append(cid)
                if len(ordered) == limit:
                    return _hits(conn, ordered, tiers)
    return _hits(conn, ordered, tiers)


def _hits(conn: psycopg.Connection, ids: list[int], tiers: dict[int, MatchTier]) -> list[SearchHit]:
    if not ids:
        return []
    rows = {
        int(r[0]): r
        for r in conn.execute(
            "SELECT id, name, preferred_name, member_no, email, last_visit, tier, visit_count "
            "FROM customers WHERE id = ANY(%s) AND merged_into IS NULL",
            [ids],
        ).fetchall()
    }
    phones: dict[int, list[str]] = {i: [] for i in ids}
    for cid, e164 in conn.execute(
        "SELECT customer_id, e164 FROM phones WHERE customer_id = ANY(%s) ORDER BY position, id",
        [ids],
    ).fetchall():
        phones[int(cid)].append(e164)
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
            visit_count=int(row[7]),
            match=tiers[cid],
        )
        for cid in ids
        if (row := rows.get(cid)) is not None
    ]


def rebuild(conn: psycopg.Connection) -> int:
    """Index every live customer afresh."""
    discard_deferred_terms(conn)  # indexed again below
    conn.execute("DELETE FROM search_terms")
    conn.execute("DELETE FROM search_docs")
    last_visits: dict[int, dt.datetime | None] = dict(
        conn.execute("SELECT id, last_visit FROM customers WHERE merged_into IS NULL").fetchall()
    )
    docs: list[tuple[int, int, str, str]] = []
    for customer in iter_customers(conn):
        assert customer.id is not None
        names, terms = index_of(fill_derived(customer))
        docs.append((customer.id, rank_of(last_visits.get(customer.id), customer.id), names, terms))
    copy_docs(conn, docs)
    return len(docs)


_COPY_SPECIAL = ("\\", "\t", "\n", "\r")


def _copy_ready(*texts: str) -> bool:
    """Whether *texts* go into COPY's text format as they are (nothing to escape)."""
    return not any(ch in text for text in texts for ch in _COPY_SPECIAL)


def copy_docs(conn: psycopg.Connection, docs: Sequence[tuple[int, int, str, str]]) -> None:
    """Write ``(customer_id, rank_key, names, terms)`` documents and their terms (new
    customers: nothing of them is indexed yet) with COPY.

    Names and terms are folded text (letters, digits and spaces), so the lines are
    written whole rather than row by row (a million customers have twelve million
    terms); anything else goes row by row, escaped by the driver."""
    if not docs:
        return
    plain = [d for d in docs if _copy_ready(d[2], d[3])]
    other = [d for d in docs if not _copy_ready(d[2], d[3])] if len(plain) < len(docs) else []
    # In the index's order ("term<TAB>id" sorts as (term, id) does: a tab sorts before
    # every letter and digit), so each batch fills neighbouring pages of the btree.
    terms = sorted(
        f"{term}\t{cid}\n" for cid, _rank, _names, text in plain for term in set(text.split())
    )
    with conn.cursor() as cur:
        with cur.copy("COPY search_docs (customer_id, rank_key, names, terms) FROM STDIN") as copy:
            copy.write("".join([f"{c}\t{r}\t{n}\t{t}\n" for c, r, n, t in plain]))
            for doc in other:
                copy.write_row(doc)
        with cur.copy("COPY search_terms (term, customer_id) FROM STDIN") as copy:
            copy.write("".join(terms))
            for cid, _rank, _names, text in other:
                for row in term_rows(cid, text):
                    copy.write_row(row)


@dataclass(slots=True)
class _Waiting:
    """``search_terms`` COPY text of customers a bulk load wrote (``term<TAB>customer
    id<NEWLINE>`` lines, several to a piece) and how many lines it holds."""

    pieces: list[str] = field(default_factory=list)
    lines: int = 0


#: The terms :func:`defer_terms` holds, per connection.
_deferred: weakref.WeakKeyDictionary[psycopg.Connection, _Waiting] = weakref.WeakKeyDictionary()
#: Deferred terms are written once this many wait (about 80,000 customers' worth).
DEFER_TERMS = 1_000_000
#: Lines per write of a deferred COPY.
_PIECE = 100_000


def defer_terms(conn: psycopg.Connection, text: str, lines: int) -> None:
    """Write *text* (*lines* lines of ``search_terms`` COPY text of new customers) later,
    many at once.

    The terms are the largest index by far (a dozen rows a customer), and a bulk load's
    batches would each insert across all of it: once it outgrows PostgreSQL's buffers,
    every batch reads and writes most of its pages again (a million customers' import
    spent most of its time there). Written in index order, many batches at a time, it is
    swept once per :data:`DEFER_TERMS` terms. Nothing in the transaction sees the
    difference: every reader and writer of the terms here (:func:`search`,
    :func:`write_index`, :func:`drop`, the call matcher) writes the deferred ones first,
    and the bulk load writes the rest when it ends (:func:`write_deferred_terms`) or
    drops them when it fails (:func:`discard_deferred_terms`)."""
    waiting = _deferred.get(conn)
    if waiting is None:
        waiting = _deferred[conn] = _Waiting()
    waiting.pieces.append(text)
    waiting.lines += lines
    if waiting.lines >= DEFER_TERMS:
        write_deferred_terms(conn)


def deferred_terms(conn: psycopg.Connection) -> int:
    """How many terms wait to be written on *conn*."""
    waiting = _deferred.get(conn)
    return 0 if waiting is None else waiting.lines


def write_deferred_terms(conn: psycopg.Connection) -> None:
    """Write the terms :func:`defer_terms` holds for *conn*, in the index's order.

    Sorted as UTF-8 bytes (the order of ``COLLATE "C"``; "term<TAB>id" sorts as (term,
    id) does, a tab sorting before every letter and digit): bytes compare faster than
    text, and they are what is sent."""
    waiting = _deferred.pop(conn, None)
    if waiting is None or not waiting.pieces:
        return
    lines = "".join(waiting.pieces).encode().split(b"\n")
    waiting.pieces.clear()
    lines.pop()  # after the last newline
    lines.sort()
    with (
        conn.cursor() as cur,
        cur.copy("COPY search_terms (term, customer_id) FROM STDIN") as copy,
    ):
        for start in range(0, len(lines), _PIECE):
            copy.write(b"\n".join(lines[start : start + _PIECE]) + b"\n")


def discard_deferred_terms(conn: psycopg.Connection) -> None:
    """Forget the terms :func:`defer_terms` holds for *conn* (their customers were not
    written after all: the transaction or its savepoint is rolled back)."""
    _deferred.pop(conn, None)


class PostgresSearch:
    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn

    def find(self, plan: QueryPlan, *, limit: int = 20) -> list[SearchHit]:
        return search(self.conn, plan, limit=limit)

    def rebuild(self) -> int:
        return rebuild(self.conn)


if TYPE_CHECKING:  # mypy checks that the adapter implements the interface

    def _implements(conn: psycopg.Connection) -> SearchRepository:
        return PostgresSearch(conn)
