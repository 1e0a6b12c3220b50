"""How customers are found: text folding, the search keys of a customer, query plans.

Matching ignores case, width, accents, punctuation and Simplified/Traditional
differences by comparing *folded* text: ``fold("O'Brien") == fold("obrien")`` and
``fold("張偉") == fold("张伟")``. Folded text is a key only; it is never shown.

A customer is indexed under *terms* (exact and prefix look-ups, 1–2 character Chinese
fragments, reversed phone digits for "last 4 digits" searches) and a *document* (3+
character substrings of the names through a trigram index). A query becomes a list of
tiers tried in order — exact, then prefix, then substring — so the best matches come
first.

Everything here is pure and cheap: importing a million customers computes these keys a
million times, so the common cases (ASCII text, E.164 phones) take fast paths that give
the same result as the general code.
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

import opencc
import phonenumbers

from console.domain.names import has_cjk, pinyin_syllables
from console.domain.phones import digits_only

_T2S = opencc.OpenCC("t2s")
_EXTRA_FOLDS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i", "ß": "ss"}
)
# NUL and lone surrogates cannot be encoded for SQLite or OpenCC: they are dropped first.
_UNENCODABLE = re.compile("[\x00\ud800-\udfff]")
_ASCII_JUNK = re.compile(r"[^a-z0-9]+")
_COUNTRY_CODES = frozenset(str(code) for code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE)


class TermKind(enum.IntEnum):
    WHOLE = 0  # a whole name value: full name, preferred name, pinyin, initials, romanisation
    TOKEN = 1  # one word of a name that is not a whole value: "zhang", "wei", "patel"
    CJK_START = 2  # the first 1–2 Chinese characters of a name: 张, 张伟 for 张伟明
    CJK_INNER = 3  # any other 1–2 character fragment of a Chinese name: 伟, 伟明, 明
    PHONE_REV = 4  # digits of a phone (E.164) or member number reversed: "last N digits"
    IDENT = 5  # an identifier: member number, e-mail address (folded)
    PHONE = 6  # a whole phone number in any form (looked up in the phone table, not a term)


#: The one-letter tag of each indexed kind: a term is stored as one token, tag + term.
TAGS: dict[TermKind, str] = {
    TermKind.WHOLE: "w",
    TermKind.TOKEN: "t",
    TermKind.CJK_START: "s",
    TermKind.CJK_INNER: "i",
    TermKind.PHONE_REV: "p",
    TermKind.IDENT: "x",
}


class Tier(enum.IntEnum):
    EXACT = 0
    PREFIX = 1
    SUBSTRING = 2


def clean(text: str) -> str:
    """*text* without the characters no index can hold (NUL, lone surrogates)."""
    return _UNENCODABLE.sub("", text) if not text.isascii() or "\x00" in text else text


@functools.lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """The matching key of *text*: letters and digits only, case/width/accent/script folded."""
    if not text:
        return ""
    if text.isascii():  # NFKC/NFKD leave ASCII alone; casefold is lower()
        return _ASCII_JUNK.sub("", text.lower())
    text = _UNENCODABLE.sub("", text)
    value = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    value = "".join(ch for ch in value if not unicodedata.combining(ch))
    value = value.casefold().translate(_EXTRA_FOLDS)
    if has_cjk(value):
        value = _T2S.convert(value)
    return "".join(ch for ch in value if ch.isalnum())


_WORD_SPLIT = re.compile(r"[\W_]+", re.UNICODE)


def words(text: str) -> list[str]:
    """Folded words of *text* (split at spaces and punctuation, except apostrophes)."""
    cleaned = text.replace("'", "").replace("’", "")
    return [f for f in (fold(w) for w in _WORD_SPLIT.split(cleaned)) if f]


def _cjk_fragments(folded: str) -> tuple[set[str], set[str]]:
    """1–2 character fragments of the Chinese part: (at the start, elsewhere)."""
    start: set[str] = set()
    inner: set[str] = set()
    joined = "".join(ch for ch in folded if has_cjk(ch))
    if not joined:
        return start, inner
    for size in (1, 2):
        for i in range(len(joined) - size + 1):
            frag = joined[i : i + size]
            (start if i == 0 else inner).add(frag)
    inner -= start
    return start, inner


def phone_digits(number: str) -> str:
    """Digits of a phone number; E.164 text (``+8613812345678``) takes a fast path."""
    if number.isascii():
        if number.isdigit():
            return number
        if number[:1] == "+" and number[1:].isdigit():
            return number[1:]
    return digits_only(number)


MAX_E164_DIGITS = 15


@functools.lru_cache(maxsize=1024)
def phone_forms(digits: str) -> tuple[str, ...]:
    """Every E.164 number that typed *digits* can be: as an international number, or as
    the national number after any country calling code."""
    if not digits.isdigit() or len(digits) > MAX_E164_DIGITS:
        return ()
    forms = ["+" + digits]
    forms.extend(
        f"+{code}{digits}" for code in _COUNTRY_CODES if len(code) + len(digits) <= MAX_E164_DIGITS
    )
    return tuple(forms)


@dataclass(slots=True)
class SearchKeys:
    terms: set[tuple[str, TermKind]] = field(default_factory=set)
    doc: str = ""  # folded names, for substrings

    def index_text(self) -> str:
        """The terms as the search_terms index stores them: `` wzhangwei tzhang s张 …``.

        Each term is one token (tag + term; folded terms are letters and digits only)
        and every token follows a space, so ``" t" + q`` is found in the text exactly
        when some word starts with *q*.
        """
        return "".join([f" {TAGS[kind]}{term}" for term, kind in self.terms])


@functools.lru_cache(maxsize=262144)
def _name_keys(
    name: str, preferred_name: str, romanisation: str
) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], str, str]:
    """Whole values, words, Chinese start and inner fragments, the substring document and
    the index text of those terms (see :meth:`SearchKeys.index_text`) of a customer's
    names (names repeat, so this is cached)."""
    whole: set[str] = set()
    tokens: set[str] = set()
    doc_parts: list[str] = []
    start: set[str] = set()
    inner: set[str] = set()
    folded = fold(name)
    if folded:
        whole.add(folded)
        doc_parts.append(folded)
        tokens.update(words(name))
        if has_cjk(folded):
            start, inner = _cjk_fragments(folded)
            syllables = [s for s in (fold(p) for p in pinyin_syllables(name)) if s]
            if syllables:
                full = "".join(syllables)
                whole.add(full)
                whole.add("".join(s[0] for s in syllables))
                tokens.update(syllables)
                doc_parts.append(full)
    folded = fold(preferred_name)
    if folded:
        # The preferred form of address is found whole, by its words and by substrings;
        # its fragments (先生, 女士) and pinyin would only match half the customers.
        whole.add(folded)
        tokens.update(words(preferred_name))
        doc_parts.append(folded)
    folded = fold(romanisation)
    if folded:
        whole.add(folded)
        tokens.update(words(romanisation))
        doc_parts.append(folded)
    tokens -= whole
    text = "".join(
        [f" {TAGS[TermKind.WHOLE]}{t}" for t in whole]
        + [f" {TAGS[TermKind.TOKEN]}{t}" for t in tokens]
        + [f" {TAGS[TermKind.CJK_START]}{t}" for t in start]
        + [f" {TAGS[TermKind.CJK_INNER]}{t}" for t in inner]
    )
    return (
        frozenset(whole),
        frozenset(tokens),
        frozenset(start),
        frozenset(inner),
        " ".join(dict.fromkeys(doc_parts)),
        text,
    )


def customer_search_keys(
    *,
    name: str,
    preferred_name: str = "",
    romanisation: str = "",
    email: str = "",
    member_no: str = "",
    phones: Iterable[str] = (),
    national_numbers: Iterable[str] = (),
) -> SearchKeys:
    """Everything a customer can be found by. *phones* are E.164.

    A word that is also a whole value is kept once, as the whole value: prefix look-ups
    search both kinds, exact look-ups only whole values. *national_numbers* is accepted
    for compatibility; a phone's reversed E.164 digits cover its national number too.
    """
    del national_numbers
    whole, tokens, start, inner, doc, _text = _name_keys(name, preferred_name, romanisation)
    terms: set[tuple[str, TermKind]] = {(t, TermKind.WHOLE) for t in whole}
    terms.update([(t, TermKind.TOKEN) for t in tokens])
    terms.update([(t, TermKind.CJK_START) for t in start])
    terms.update([(t, TermKind.CJK_INNER) for t in inner])
    if email:
        folded = fold(email.strip())
        if folded:
            terms.add((folded, TermKind.IDENT))
    if member_no:
        folded = fold(member_no)
        if folded:
            terms.add((folded, TermKind.IDENT))
            # Staff read out the last digits of a card as of a phone (M00012345: 2345).
            digits = digits_only(folded)
            if len(digits) >= MIN_SUFFIX_DIGITS:
                terms.add((digits[::-1], TermKind.PHONE_REV))
    for number in phones:
        digits = phone_digits(number)
        if digits:
            terms.add((digits[::-1], TermKind.PHONE_REV))
    return SearchKeys(terms, doc)


def index_entry(
    name: str,
    preferred_name: str,
    romanisation: str,
    email: str,
    member_no: str,
    phones: tuple[str, ...],
) -> tuple[str, str]:
    """``(names document, index text)`` of one customer: what bulk loads store. Plain
    arguments and results, so that a worker process can compute it.

    The same terms as ``customer_search_keys(...).index_text()`` (perhaps in another
    order), built faster: a million-customer import computes it a million times. The
    names' part comes whole from the cache; the identifiers' terms are few.
    """
    *_, doc, text = _name_keys(name, preferred_name, romanisation)
    terms: dict[str, None] = {}
    if email:
        folded = fold(email.strip())
        if folded:
            terms[f" {_IDENT_TAG}{folded}"] = None
    if member_no:
        folded = fold(member_no)
        if folded:
            terms[f" {_IDENT_TAG}{folded}"] = None
            digits = digits_only(folded)
            if len(digits) >= MIN_SUFFIX_DIGITS:
                terms[f" {_PHONE_REV_TAG}{digits[::-1]}"] = None
    for number in phones:
        digits = phone_digits(number)
        if digits:
            terms[f" {_PHONE_REV_TAG}{digits[::-1]}"] = None
    return doc, text + "".join(terms)


_IDENT_TAG = TAGS[TermKind.IDENT]
_PHONE_REV_TAG = TAGS[TermKind.PHONE_REV]


def index_entries(
    rows: list[tuple[str, str, str, str, str, tuple[str, ...]]],
) -> list[tuple[str, str]]:
    """:func:`index_entry` for many customers (one round trip to a worker process)."""
    return [index_entry(*row) for row in rows]


@dataclass(frozen=True, slots=True)
class Lookup:
    """One index look-up: equality (or prefix when *prefix*) on *term* among *kinds*."""

    tier: Tier
    term: str
    kinds: tuple[TermKind, ...]
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class QueryPlan:
    folded: str
    lookups: tuple[Lookup, ...]
    substring: str | None  # 3+ characters for the trigram index, when useful

    @property
    def empty(self) -> bool:
        return not self.lookups and self.substring is None


_PHONE_LIKE = re.compile(r"[\d\s+\-().０-９]+")
MIN_SUFFIX_DIGITS = 4
MIN_SUBSTRING = 3
MAX_QUERY = 200
_NAMES = (TermKind.WHOLE, TermKind.IDENT)
_PREFIXES = (TermKind.WHOLE, TermKind.TOKEN, TermKind.IDENT)


def _phone_plan(text: str, folded: str) -> QueryPlan:
    digits = digits_only(text)
    lookups = [Lookup(Tier.EXACT, digits, (TermKind.PHONE,))]
    # How numbers are said: 00 for the + of an international number, and a national
    # trunk 0 before the area code (010 8765 4321 is +86 10 8765 4321).
    if digits.startswith("00") and len(digits) > 2:
        lookups.append(Lookup(Tier.EXACT, digits[2:], (TermKind.PHONE,)))
    elif digits.startswith("0") and len(digits) > MIN_SUFFIX_DIGITS:
        lookups.append(Lookup(Tier.EXACT, digits[1:], (TermKind.PHONE,)))
    # A member number or an e-mail address may be all digits too.
    lookups.append(Lookup(Tier.EXACT, digits, (TermKind.IDENT,)))
    if len(digits) >= MIN_SUFFIX_DIGITS:
        lookups.append(Lookup(Tier.PREFIX, digits[::-1], (TermKind.PHONE_REV,), prefix=True))
        lookups.append(Lookup(Tier.PREFIX, digits, (TermKind.IDENT,), prefix=True))
    return QueryPlan(folded, tuple(lookups), digits if len(digits) >= MIN_SUBSTRING else None)


def plan_query(query: str) -> QueryPlan:
    """Turn whatever was typed into look-ups. Never raises; hostile text folds away."""
    text = clean(query.replace("\x00", "")[:MAX_QUERY])
    folded = fold(text)
    if not folded:
        return QueryPlan("", (), None)
    if _PHONE_LIKE.fullmatch(text.strip()):
        return _phone_plan(text, folded)
    lookups = [Lookup(Tier.EXACT, folded, _NAMES)]
    if has_cjk(folded) and len(folded) <= 2:
        lookups.append(Lookup(Tier.PREFIX, folded, (TermKind.CJK_START,)))
        lookups.append(Lookup(Tier.SUBSTRING, folded, (TermKind.CJK_INNER,)))
        return QueryPlan(folded, tuple(lookups), None)
    lookups.append(Lookup(Tier.PREFIX, folded, _PREFIXES, prefix=True))
    substring = folded if len(folded) >= MIN_SUBSTRING else None
    return QueryPlan(folded, tuple(lookups), substring)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One customer in a search result, as the list and the call card show it."""

    id: int
    name: str
    preferred_name: str
    phones: tuple[str, ...]
    member_no: str
    email: str
    last_visit: str
    tier: str
    visit_count: int
    match: Tier
