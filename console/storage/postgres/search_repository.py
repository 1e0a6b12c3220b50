"""The search repository on PostgreSQL (implements :mod:`console.repositories.search`).

The same look-ups and the same ranking as the desk's full-text indexes
(``console/storage/sqlite/search_index.py``), on the tables of ``0008_search``:

* every customer's tagged terms (" wzhangwei tzhang s张 p8765…") are rows of
  ``search_terms``, each with the customer's rank key (``0015_search_ranks``), keyed
  ``(term, rank_key)``: an exact look-up reads the newest matches off the index, a prefix
  is a range of its btree (bytes, ``COLLATE "C"``), and "ends with these digits" a prefix
  of the reversed digits;
* 3+ character substrings of the folded names are a ``LIKE`` over ``search_docs.names``
  with a ``pg_trgm`` index;
* a prefix that more than :data:`MANY` customers' terms start with (``d``, ``zh``) walks
  the most recently seen customers, newest first, until it has *limit* of them (the
  same answer, found sooner); fewer matches are ranked at once, from the index alone;
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
from typing import TYPE_CHECKING

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
from console.storage.sqlite.search_index import RANK_ID_BITS, rank_key

#: The customer id in a rank key's low bits.
RANK_ID_MASK = (1 << RANK_ID_BITS) - 1
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


def term_rows(rank: int, terms: str) -> list[tuple[str, int]]:
    """``search_terms`` rows of one customer's index text (*rank*: its rank key)."""
    return [(term, rank) for term in dict.fromkeys(terms.split())]


def write_index(
    conn: psycopg.Connection, customer_id: int, names: str, terms: str, rank: int
) -> None:
    """Index (or index again) one customer."""
    write_deferred_terms(conn)
    old = conn.execute(
        "SELECT terms, rank_key FROM search_docs WHERE customer_id = %s", [customer_id]
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
        before, old_rank = set(str(old[0]).split()), int(old[1])
        gone, added = before - new_terms, new_terms - before
        if gone:
            conn.execute(
                "DELETE FROM search_terms WHERE rank_key = %s AND term = ANY(%s)",
                [old_rank, sorted(gone)],
            )
        if old_rank != rank:
            _move_terms(conn, sorted(before & new_terms), old_rank, rank)
    if added:
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO search_terms (term, rank_key) VALUES (%s, %s)",
                [(t, rank) for t in sorted(added)],
            )


def _move_terms(conn: psycopg.Connection, terms: list[str], old: int, new: int) -> None:
    """Give a customer's *terms* its new rank key."""
    if terms:
        conn.execute(
            "UPDATE search_terms SET rank_key = %s WHERE rank_key = %s AND term = ANY(%s)",
            [new, old, terms],
        )


def drop(conn: psycopg.Connection, customer_ids: Sequence[int]) -> None:
    """Take customers out of the index (merged away, erased)."""
    write_deferred_terms(conn)
    ids = list(customer_ids)
    conn.execute(
        "DELETE FROM search_terms t USING search_docs d WHERE d.customer_id = ANY(%s) "
        "AND t.rank_key = d.rank_key "
        "AND t.term = ANY(string_to_array(btrim(d.terms, ' '), ' '))",
        [ids],
    )
    conn.execute("DELETE FROM search_docs WHERE customer_id = ANY(%s)", [ids])


def set_rank(conn: psycopg.Connection, customer_id: int, last_visit: dt.datetime | None) -> None:
    """Move one customer (its document and its terms) to the rank of its (new) last
    visit."""
    write_deferred_terms(conn)  # a bulk load's, in this transaction: moved with the rest
    rank = rank_of(last_visit, customer_id)
    old = conn.execute(
        "SELECT rank_key, terms FROM search_docs WHERE customer_id = %s FOR UPDATE",
        [customer_id],
    ).fetchone()
    if old is None or int(old[0]) == rank:
        return
    conn.execute("UPDATE search_docs SET rank_key = %s WHERE customer_id = %s", [rank, customer_id])
    _move_terms(conn, sorted(set(str(old[1]).split())), int(old[0]), rank)


# --- queries ----------------------------------------------------------------------------


def _tagged(term: str, kinds: Iterable[TermKind]) -> list[str]:
    return [TAGS[kind] + term for kind in kinds if kind in TAGS]


#: A prefix is looked up in steps, each cheap where the one before would be dear:
#:
#: 1. up to FEW matches (most prefixes typed at a desk) are read off the term index and
#:    ranked at once (0.2–1 µs a key, the busier the machine the more);
#: 2. more: the PEEK_ROWS newest customers are walked (0.3–1 µs each, off the walking
#:    index, with the patterns to try): a prefix that many share (``d``, ``zh``,
#:    ``mil``) has its 20 there; if some are there, the walk goes as far as they say
#:    the rest are (``and``: 17 among 2,000, so 20 among about 3,500);
#: 3. else up to MANY matches are read and ranked (``white``: 5,000 keys, 2–5 ms);
#: 4. else MANY_WALK_ROWS newest customers are walked, and if even they do not hold
#:    enough, every match is ranked.
FEW = 500
PEEK_ROWS = 2000
MANY = 20_000
MANY_WALK_ROWS = 20_000


def _walk_on(
    conn: psycopg.Connection, column: str, needles: list[str], limit: int, most: int
) -> list[int] | None:
    """The newest *limit* documents whose *column* holds one of the *needles*, found by
    walking the PEEK_ROWS newest, then as far as the share found so far says (and half
    again), up to *most*; None if none are among the PEEK_ROWS newest (the matches are
    few, or mostly among customers not seen lately) or *most* do not hold enough."""
    length = PEEK_ROWS
    while True:
        found = _walk_short(conn, column, needles, limit, length)
        if len(found) >= limit:
            return _walk_docs(conn, column, needles, limit, length, found)
        if not found or length >= most:
            return None
        length = min(most, max(2 * length, -(-length * limit * 3 // (2 * len(found)))))


def _newest(conn: psycopg.Connection, tagged: list[str], limit: int) -> list[int]:
    """Rank keys of the newest *limit* customers with one of the *tagged* terms: read
    backwards off the term index, *limit* rows a term at most."""
    branches = " UNION ALL ".join(
        ["(SELECT rank_key FROM search_terms WHERE term = %s ORDER BY rank_key DESC LIMIT %s)"]
        * len(tagged)
    )
    rows = conn.execute(
        f"SELECT DISTINCT rank_key FROM ({branches}) m ORDER BY rank_key DESC LIMIT %s",
        [*(v for t in tagged for v in (t, limit)), limit],
    ).fetchall()
    return [int(r[0]) for r in rows]


def _ranges(tagged: list[str]) -> tuple[str, list[str]]:
    """The term index's ranges of the *tagged* prefixes: one range each (an OR of them
    would be a bitmap scan, which reads the table). *term* is folded (letters and digits
    only): nothing in it is special to LIKE."""
    ranges = " UNION ALL ".join(
        ["(SELECT rank_key FROM search_terms WHERE term LIKE %s)"] * len(tagged)
    )
    return ranges, [f"{t}%" for t in tagged]


def _rank_few(
    conn: psycopg.Connection, tagged: list[str], most: int, limit: int
) -> list[int] | None:
    """The newest *limit* customers with a term starting with one of *tagged*, ranked
    off the term index if at most *most* terms match; else None."""
    ranges, patterns = _ranges(tagged)
    few = conn.execute(
        f"WITH m AS MATERIALIZED (SELECT rank_key FROM ({ranges}) r LIMIT %s) "
        "SELECT CASE WHEN (SELECT count(*) FROM m) <= %s THEN ARRAY("
        "SELECT DISTINCT rank_key FROM m ORDER BY rank_key DESC LIMIT %s) END",
        [*patterns, most + 1, most, limit],
    ).fetchone()
    if few is None or few[0] is None:
        return None
    return [int(k) for k in few[0]]


def _terms(conn: psycopg.Connection, lookup: Lookup, limit: int) -> list[int]:
    """Rank keys of the newest *limit* customers with a term of the look-up's kinds equal
    to (or, for a prefix, starting with) its term."""
    tagged = _tagged(lookup.term, lookup.kinds)
    if not tagged:
        return []
    if not lookup.prefix:
        return _newest(conn, tagged, limit)
    ranked = _rank_few(conn, tagged, FEW, limit)
    if ranked is not None:
        return ranked
    # A walk looks for a term starting with the look-up's: after the space before every
    # term in the index text.
    needles = [f" {t}" for t in tagged]
    walked = _walk_on(conn, "terms", needles, limit, MANY_WALK_ROWS)
    if walked is not None:
        return walked
    ranked = _rank_few(conn, tagged, MANY, limit)
    if ranked is not None:
        return ranked
    walked = _walk_docs(conn, "terms", needles, limit, MANY_WALK_ROWS)
    if walked is not None:
        return walked
    ranges, patterns = _ranges(tagged)
    rows = conn.execute(  # many matches, mostly among customers not seen lately
        f"SELECT DISTINCT rank_key FROM ({ranges}) m ORDER BY rank_key DESC LIMIT %s",
        [*patterns, limit],
    ).fetchall()
    return [int(r[0]) for r in rows]


#: A search document is walked from the walking index (``search_docs_walk``: its names
#: and terms stored in the index, read without the table) when both together take up to
#: this many bytes; longer ones (a btree entry has room for about 2,700) are looked at
#: apart, through ``search_docs_long``: hardly any, and none in most stores. (The
#: planner uses those partial indexes for the conditions below, written as theirs in
#: ``0015_search_ranks``.)
WALK_BYTES = 2000
_SHORT = f"octet_length(names) + octet_length(terms) <= {WALK_BYTES}"
_LONG = f"octet_length(names) + octet_length(terms) > {WALK_BYTES}"


def _holds(column: str, needles: list[str]) -> str:
    """SQL: *column* holds one of the *needles* (as many ``%s`` as needles). ``strpos``
    rather than ``LIKE '%…%'``: a walk checks thousands of documents, and strpos takes
    half the time."""
    return "(" + " OR ".join([f"strpos({column}, %s) > 0"] * len(needles)) + ")"


def _walk_short(
    conn: psycopg.Connection, column: str, needles: list[str], limit: int, rows: int
) -> list[int]:
    """Up to *limit* of the *rows* newest documents short enough for the walking index
    whose *column* (an SQL text expression over ``names`` and ``terms``) holds one of
    the *needles*, newest first: read from that index alone (about 0.25 µs a document
    instead of a table page each, 2 µs)."""
    found = conn.execute(
        "SELECT rank_key FROM ("
        f"SELECT rank_key, names, terms FROM search_docs WHERE {_SHORT} "
        "ORDER BY rank_key DESC LIMIT %s"
        f") newest WHERE {_holds(column, needles)} ORDER BY rank_key DESC LIMIT %s",
        [rows, *needles, limit],
    ).fetchall()
    return [int(r[0]) for r in found]


def _walk_docs(
    conn: psycopg.Connection,
    column: str,
    needles: list[str],
    limit: int,
    rows: int,
    found: list[int] | None = None,
) -> list[int] | None:
    """The newest *limit* documents whose *column* holds one of the *needles*, if the
    *rows* newest documents hold that many; else None. *found*: what a walk of the
    short documents found already (at least *limit* of them)."""
    if found is None:
        found = _walk_short(conn, column, needles, limit, rows)
    if len(found) < limit:
        return None
    long = conn.execute(
        f"SELECT rank_key FROM search_docs WHERE {_LONG} AND {_holds(column, needles)} "
        "ORDER BY rank_key DESC LIMIT %s",
        [*needles, limit],
    ).fetchall()
    return sorted([*found, *(int(r[0]) for r in long)], reverse=True)[:limit]


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


#: A substring is first looked for among the PEEK_ROWS newest customers (0.5 ms, from
#: the walking index); if it finds none there, the substring is rare (under about 1,500
#: customers of a million have it) and the trigram index finds every match, whose table
#: pages are read and checked (3 µs each); if it finds some, the walk goes on as far as
#: their share says, up to SUBSTRING_WALK_ROWS (a common substring: ``%ivia%`` has
#: 11,000 matches, 30 ms through the trigram index), then ranks every match after all.
SUBSTRING_WALK_ROWS = 20_000


def _substring(conn: psycopg.Connection, text: str, limit: int) -> list[int]:
    # *text* is folded (letters and digits only): nothing in it is special to LIKE.
    walked = _walk_on(conn, "names", [text], limit, SUBSTRING_WALK_ROWS)
    if walked is not None:
        return walked
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
            cid = key & RANK_ID_MASK
            if cid not in tiers:
                tiers[cid] = tier
                ordered.append(cid)
                if len(ordered) == limit:
                    return _hits(conn, ordered, tiers)
    return _hits(conn, ordered, tiers)


def _hits(conn: psycopg.Connection, ids: list[int], tiers: dict[int, MatchTier]) -> list[SearchHit]:
    if not ids:
        return []
    # One statement, the phones with each customer (a trip fewer on every search).
    rows = {
        int(r[0]): r
        for r in conn.execute(
            "SELECT c.id, c.name, c.preferred_name, c.member_no, c.email, c.last_visit, "
            "c.tier, c.visit_count, ARRAY(SELECT p.e164 FROM phones p "
            "WHERE p.customer_id = c.id ORDER BY p.position, p.id) "
            "FROM customers c WHERE c.id = ANY(%s) AND c.merged_into IS NULL",
            [ids],
        ).fetchall()
    }
    return [
        SearchHit(
            id=cid,
            name=row[1],
            preferred_name=row[2],
            phones=tuple(row[8]),
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
    # In the index's order of terms ("term<TAB>rank" sorts by term first: a tab sorts
    # before every letter and digit), so each batch fills neighbouring pages of the btree.
    terms = sorted(
        f"{term}\t{rank}\n" for _cid, rank, _names, text in plain for term in set(text.split())
    )
    with conn.cursor() as cur:
        with cur.copy("COPY search_docs (customer_id, rank_key, names, terms) FROM STDIN") as copy:
            copy.write("".join([f"{c}\t{r}\t{n}\t{t}\n" for c, r, n, t in plain]))
            for doc in other:
                copy.write_row(doc)
        with cur.copy("COPY search_terms (term, rank_key) FROM STDIN") as copy:
            copy.write("".join(terms))
            for _cid, rank, _names, text in other:
                for row in term_rows(rank, text):
                    copy.write_row(row)


@dataclass(slots=True)
class _Waiting:
    """``search_terms`` COPY text of customers a bulk load wrote (``term<TAB>rank
    key<NEWLINE>`` lines, several to a piece) and how many lines it holds."""

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
    :func:`write_index`, :func:`set_rank`, :func:`drop`, the call matcher) writes the
    deferred ones first, and the bulk load writes the rest when it ends
    (:func:`write_deferred_terms`) or drops them when it fails
    (:func:`discard_deferred_terms`)."""
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

    Sorted as UTF-8 bytes (the order of ``COLLATE "C"``; "term<TAB>rank" sorts by term
    first, a tab sorting before every letter and digit): bytes compare faster than
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
        cur.copy("COPY search_terms (term, rank_key) FROM STDIN") as copy,
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
