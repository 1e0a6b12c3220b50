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
    WHOLE = 0  # a whole value: full name, preferred name, member no, email, phone digits
    TOKEN = 1  # one word of a value: "zhang", "wei", "patel", an email's local part
    CJK_START = 2  # the first 1–2 Chinese characters of a name: 张, 张伟 for 张伟明
    CJK_INNER = 3  # any other 1–2 character fragment of a Chinese name: 伟, 伟明, 明
    PHONE_REV = 4  # a phone's national digits reversed, for "last N digits"


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


def national_part(e164_digits: str) -> str:
    """The national significant number of E.164 digits (country codes are prefix-free)."""
    for size in (1, 2, 3):
        if e164_digits[:size] in _COUNTRY_CODES:
            return e164_digits[size:]
    return e164_digits


@dataclass(slots=True)
class SearchKeys:
    terms: set[tuple[str, TermKind]] = field(default_factory=set)
    doc: str = ""


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
    """Everything a customer can be found by. *phones* are E.164; *national_numbers*
    their national significant numbers (digits) where known.

    A word that is also a whole value is kept once, as the whole value: prefix look-ups
    search both kinds, and exact look-ups only whole values.
    """
    whole: set[str] = set()
    tokens: set[str] = set()
    cjk_start: set[str] = set()
    cjk_inner: set[str] = set()
    reversed_phones: set[str] = set()
    doc_parts: list[str] = []
    for value in (name, preferred_name):
        folded = fold(value)
        if not folded:
            continue
        whole.add(folded)
        doc_parts.append(folded)
        tokens.update(words(value))
        if has_cjk(folded):
            start, inner = _cjk_fragments(folded)
            cjk_start |= start
            cjk_inner |= inner
            syllables = [s for s in (fold(p) for p in pinyin_syllables(value)) if s]
            if syllables:
                full = "".join(syllables)
                whole.add(full)
                whole.add("".join(s[0] for s in syllables))
                tokens.update(syllables)
                doc_parts.append(full)
    if romanisation:
        folded = fold(romanisation)
        if folded:
            whole.add(folded)
            tokens.update(words(romanisation))
            doc_parts.append(folded)
    if email:
        lowered = clean(email.strip().lower())
        if lowered:
            whole.add(lowered)
            local = fold(lowered.partition("@")[0])
            if local:
                tokens.add(local)
    if member_no:
        folded = fold(member_no)
        if folded:
            whole.add(folded)
    for e164 in phones:
        digits = phone_digits(e164)
        if digits:
            whole.add(digits)
    for national in national_numbers:
        digits = phone_digits(national)
        if digits:
            whole.add(digits)
            reversed_phones.add(digits[::-1])
    cjk_inner -= cjk_start
    tokens -= whole
    terms = {(t, TermKind.WHOLE) for t in whole}
    terms.update((t, TermKind.TOKEN) for t in tokens)
    terms.update((t, TermKind.CJK_START) for t in cjk_start)
    terms.update((t, TermKind.CJK_INNER) for t in cjk_inner)
    terms.update((t, TermKind.PHONE_REV) for t in reversed_phones)
    return SearchKeys(terms, " ".join(dict.fromkeys(doc_parts)))


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


def _phone_plan(text: str, folded: str) -> QueryPlan:
    digits = digits_only(text)
    lookups = [Lookup(Tier.EXACT, digits, (TermKind.WHOLE,))]
    # How numbers are said: 00 for the + of an international number, and a national
    # trunk 0 before the area code (010 8765 4321 is +86 10 8765 4321).
    if digits.startswith("00") and len(digits) > 2:
        lookups.append(Lookup(Tier.EXACT, digits[2:], (TermKind.WHOLE,)))
    elif digits.startswith("0") and len(digits) > MIN_SUFFIX_DIGITS:
        lookups.append(Lookup(Tier.EXACT, digits[1:], (TermKind.WHOLE,)))
    if len(digits) >= MIN_SUFFIX_DIGITS:
        lookups.append(Lookup(Tier.PREFIX, digits[::-1], (TermKind.PHONE_REV,), prefix=True))
        lookups.append(Lookup(Tier.PREFIX, digits, (TermKind.WHOLE,), prefix=True))
    return QueryPlan(folded, tuple(lookups), digits if len(digits) >= MIN_SUBSTRING else None)


def plan_query(query: str) -> QueryPlan:
    """Turn whatever was typed into look-ups. Never raises; hostile text folds away."""
    text = clean(query.replace("\x00", "")[:MAX_QUERY])
    folded = fold(text)
    if not folded:
        return QueryPlan("", (), None)
    if _PHONE_LIKE.fullmatch(text.strip()):
        return _phone_plan(text, folded)
    lookups: list[Lookup] = []
    email = text.strip().lower()
    if "@" in email:
        lookups.append(Lookup(Tier.EXACT, email, (TermKind.WHOLE,)))
        lookups.append(Lookup(Tier.PREFIX, email, (TermKind.WHOLE,), prefix=True))
    lookups.append(Lookup(Tier.EXACT, folded, (TermKind.WHOLE,)))
    if has_cjk(folded) and len(folded) <= 2:
        lookups.append(Lookup(Tier.PREFIX, folded, (TermKind.CJK_START,)))
        lookups.append(Lookup(Tier.SUBSTRING, folded, (TermKind.CJK_INNER,)))
        return QueryPlan(folded, tuple(lookups), None)
    lookups.append(Lookup(Tier.PREFIX, folded, (TermKind.WHOLE, TermKind.TOKEN), prefix=True))
    substring = folded if len(folded) >= MIN_SUBSTRING else None
    return QueryPlan(folded, tuple(lookups), substring)
