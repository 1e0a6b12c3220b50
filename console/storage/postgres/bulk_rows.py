"""New customers as PostgreSQL's bulk path COPYs them, made where the file is parsed (the
import's worker process): :func:`encode` is PostgreSQL's ``bulk_encoder``.

Each customer becomes the lines of ``COPY … FROM STDIN`` text format that the bulk load
writes, all but what only the database thread knows: the ids it reserves (a customer's,
its purchases') and, for demo data kept as duplicates, which keys are shared. Those are
put in front of (or behind) each line there, which is a string concatenation, so the
database thread mostly sends while PostgreSQL works, as SQLite's encoder lets it.

Text is escaped as psycopg's ``Copy.write_row`` escapes it (backslash, tab, newline,
carriage return, backspace, form feed, vertical tab), so the stored values are those the
rows written one by one gave. Pure Python on plain values: no driver here.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import string
from collections.abc import Sequence
from typing import Any

from console.repositories.customers import CUSTOMER_ROW_COLUMNS, NewCustomer
from console.storage.sqlite.search_index import RANK_ID_BITS, rank_key

#: The columns of a customer's line: the id, then :data:`ROW` (what :func:`encode`
#: makes), then the two "kept as a duplicate on purpose" flags.
CUSTOMER_COLUMNS = (
    "id",
    "created_at",
    "visit_count",
    "last_visit",
    *CUSTOMER_ROW_COLUMNS,
    "email_shared",
    "member_no_shared",
)

#: A new customer as the bulk path writes it (a tuple: cheap to send between processes).
#: ``(row, phones, numbers, dates, doc, terms, visits, purchases, name, email, email
#: key, member number)``:
#:
#: * *row*: the customer's line from ``created_at`` to ``greetings_consent`` (no tab
#:   before, none after);
#: * *phones*: each phone's line after the customer id (``\te164\tlabel\tposition\tshared\n``,
#:   shared when the number came earlier in the customer's own list), *numbers* its
#:   numbers in order;
#: * *dates*, *visits*: lines after the customer id;
#: * *doc*: ``(rank key without the id, "names\tterms")``; *terms*: ``(text, count)``,
#:   the distinct terms (escaped) each followed by a newline, before which a tab and the
#:   customer's rank key go to make ``search_terms`` lines, and how many;
#: * *purchases*: ``(line after purchase id and customer id, [item lines after the
#:   purchase id])``;
#: * the keys that must be unique: the e-mail as typed (stripped) and ASCII case folded,
#:   the member number (stripped).
Encoded = tuple[Any, ...]
(
    ROW,
    PHONES,
    NUMBERS,
    DATES,
    DOC,
    TERMS,
    VISITS,
    PURCHASES,
    NAME,
    EMAIL,
    EMAIL_KEY,
    MEMBER_NO,
) = range(12)

_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_SPECIAL = re.compile("[\b\t\n\v\f\r\\\\]")
_ESCAPES = str.maketrans(
    {
        "\b": "\\b",
        "\t": "\\t",
        "\n": "\\n",
        "\v": "\\v",
        "\f": "\\f",
        "\r": "\\r",
        "\\": "\\\\",
    }
)
NULL = "\\N"
_RANK_ID_MASK = (1 << RANK_ID_BITS) - 1


def text(value: str) -> str:
    """*value* as a field of COPY's text format."""
    return value.translate(_ESCAPES) if _SPECIAL.search(value) else value


def _fields(values: Sequence[str]) -> str:
    """Already-formatted *values* (text still raw) as tab-separated fields."""
    joined = "\t".join(values)
    if not _SPECIAL.search("".join(values)):
        return joined
    return "\t".join(v.translate(_ESCAPES) for v in values)


def flag(value: bool) -> str:
    return "t" if value else "f"


def _number(value: int | None) -> str:
    return NULL if value is None else str(value)


@functools.lru_cache(maxsize=65536)
def _json_tuple(items: tuple[str, ...]) -> str:
    # Preferences repeat ("oat milk", "window seat"): each list is encoded once.
    return text(json.dumps(items, ensure_ascii=False))


def _json(items: Sequence[str]) -> str:
    return _json_tuple(tuple(items)) if items else "[]"


def _terms(index_text: str) -> tuple[str, int]:
    """The distinct terms of *index_text*, escaped, each followed by a newline (escaped
    text holds none of its own), and how many."""
    terms = [text(t) for t in dict.fromkeys(index_text.split())]
    return "".join(t + "\n" for t in terms), len(terms)


def rank_base(last_visit: dt.datetime | None) -> int:
    """The search rank key of a customer last seen at *last_visit*, without its id (the
    key is this ``|`` the id: :func:`console.storage.sqlite.search_index.rank_key`)."""
    if last_visit is None:
        return 0
    return rank_key(last_visit.isoformat(), 1) & ~_RANK_ID_MASK


class _Instants:
    """Instants as stored (:func:`customer_rows.instant`), as COPY text, each distinct
    time converted once (an import stamps every customer with the same time)."""

    def __init__(self) -> None:
        self._done: dict[dt.datetime, tuple[dt.datetime, str]] = {}

    def __call__(self, moment: dt.datetime) -> tuple[dt.datetime, str]:
        found = self._done.get(moment)
        if found is None:
            aware = moment if moment.tzinfo is not None else moment.astimezone()
            found = (aware, str(aware))
            self._done[moment] = found
        return found


def encode(batch: Sequence[NewCustomer]) -> list[Encoded]:
    """*batch* as the bulk path writes it (pure Python: runs in a worker process too)."""
    stamps = _Instants()
    encoded: list[Encoded] = []
    for new in batch:
        c = new.customer
        stamp = stamps(new.added_at)[1]
        visits = []
        last_visit: tuple[dt.datetime, str] | None = None
        for v in new.visits:
            at = stamps(v.at)
            if last_visit is None or at[0] > last_visit[0]:
                last_visit = at
            visits.append(f"\t{at[1]}\t{_fields((v.store, v.staff, v.note))}\n")
        bday = c.birthday
        email = c.email.strip()
        member_no = c.member_no.strip()
        row = "\t".join(
            (
                stamp,
                str(len(visits)),
                NULL if last_visit is None else last_visit[1],
                _fields(
                    (
                        c.name.strip(),
                        c.preferred_name.strip(),
                        c.romanisation.strip(),
                        str(c.language),
                        email,
                        member_no,
                    )
                ),
                NULL if bday is None else str(bday.month),
                NULL if bday is None else str(bday.day),
                NULL if bday is None else _number(bday.year),
                _json(c.preferences),
                _json(c.dislikes),
                _json(c.avoid_topics),
                _fields((c.notes, str(c.tier), c.assigned_staff.strip())),
                flag(bool(c.marketing_consent)),
                _fields((c.customer_kind.strip(),)),
                stamp,
                flag(bool(c.greetings_consent)),
            )
        )
        seen: set[str] = set()
        phones = []
        for i, p in enumerate(c.phones):
            phones.append(f"\t{_fields((p.number, p.label))}\t{i}\t{flag(p.number in seen)}\n")
            seen.add(p.number)
        purchases = []
        for bought in new.purchases:
            where = _fields((bought.store, bought.channel, bought.currency))
            head = f"\t{stamps(bought.at)[1]}\t{where}\t{bought.total_minor}\n"
            items = [
                f"\t{text(i.name)}\t{i.quantity}\t{i.price_minor}\t{text(i.category)}\n"
                for i in bought.items
            ]
            purchases.append((head, items))
        encoded.append(
            (
                row,
                phones,
                tuple(p.number for p in c.phones),
                [
                    f"\t{text(d.label)}\t{d.date.month}\t{d.date.day}\t{_number(d.date.year)}\n"
                    for d in c.dates
                ],
                (
                    rank_base(None if last_visit is None else last_visit[0]),
                    _fields((new.names, new.terms)),
                ),
                _terms(new.terms),
                visits,
                purchases,
                c.name,
                email,
                email.translate(_ASCII_LOWER) if email else "",
                member_no,
            )
        )
    return encoded
