"""Phone numbers: normalise to E.164 with a default region (phonenumbers)."""

from __future__ import annotations

import functools
import re

import phonenumbers

from console.domain import messages as m
from console.domain.messages import Message

DEFAULT_REGION = "CN"


class InvalidPhone(ValueError):
    """The text is not a valid phone number for the region; ``message`` says why
    (``str()`` is the English sentence)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def digits_only(text: str) -> str:
    """All ASCII digits in *text*, in order (full-width digits count)."""
    if text.isascii():  # the common case (imports call this for every member number)
        return _NOT_DIGITS.sub("", text)
    return "".join(
        ch for ch in text if (ch.isdigit() and ch.isascii()) or "０" <= ch <= "９"
    ).translate(_FULLWIDTH_DIGITS)


_NOT_DIGITS = re.compile(r"[^0-9]+")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


@functools.lru_cache(maxsize=65536)
def normalise_phone(text: str, region: str = DEFAULT_REGION) -> str:
    """Return the E.164 form of *text* (``+8613812345678``), or raise InvalidPhone.

    Accepts any common format: spaces, dashes, dots, brackets, ``00`` or ``+``
    international prefixes, full-width digits.
    """
    raw = text.strip().translate(_FULLWIDTH_DIGITS)
    if not raw:
        raise InvalidPhone(m.PhoneEmpty())
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    try:
        parsed = phonenumbers.parse(raw, region.upper() or None)
    except phonenumbers.NumberParseException:
        raise InvalidPhone(m.NotAPhoneNumber(repr(text))) from None
    if not phonenumbers.is_valid_number(parsed):
        raise InvalidPhone(m.PhoneNotValidInRegion(repr(text), region.upper()))
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    """Human-friendly international form for display; falls back to the input."""
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def is_valid_region(region: str) -> bool:
    return region.upper() in phonenumbers.SUPPORTED_REGIONS


def national_digits(e164: str) -> str:
    """The national significant number of an E.164 string, without parsing metadata.

    Country calling codes are prefix-free, so the first 1–3 digits that form a known
    code are the country code.
    """
    digits = digits_only(e164)
    codes = phonenumbers.COUNTRY_CODE_TO_REGION_CODE
    for size in (1, 2, 3):
        if int(digits[:size] or "0") in codes:
            return digits[size:]
    return digits
