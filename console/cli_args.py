"""Typed command-line arguments with ranges: the one place that says what a number, a date
or a port may be, so a hostile value (``--limit 99999999999999999999``,
``--to 9999-12-31``, ``nan``) is a usage error (exit 2) in one sentence, never an
overflow deep inside SQLite or the date arithmetic.

argparse turns an :class:`argparse.ArgumentTypeError` raised here into
``service-console …: error: argument --limit: <our sentence>`` and exit status 2.
Kept apart from ``console.cli`` so the command modules can use it without an import
cycle.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import getpass
import math
import re
import sys
from collections.abc import Callable, Iterable
from typing import Any, NoReturn

from console.domain import messages as m
from console.services.wording import ENGLISH, environment_language, say

SQLITE_MAX_INT = 2**63 - 1


class UsageError(Exception):
    """A usage error in any subcommand: ``cli.main`` prints it in one line, exit 2 (a
    message code in the locale's language; ``str()`` is the English)."""

    def __init__(self, message: str | m.Message) -> None:
        super().__init__(str(message))
        if isinstance(message, m.Message):
            self.message = message


def _argparse_pattern(cls: type[m.Message]) -> re.Pattern[str]:
    """argparse's English text of *cls* as a pattern whose groups are the code's fields
    (``%s`` and ``%r`` name the code's only field)."""
    if cls is m.ArgExpectedCount:  # ngettext: "expected 1 argument", "expected 2 arguments"
        return re.compile(r"expected (?P<count>\d+) arguments?")
    only = next((field.name for field in dataclasses.fields(cls)), "")
    parts = re.split(r"(%\(\w+\)[sr]|%[sr])", cls.ARGPARSE)  # type: ignore[attr-defined]
    pattern = ""
    for part in parts:
        named = re.fullmatch(r"%\((\w+)\)[sr]|%[sr]", part)
        if named:
            name = named.group(1) or only
            pattern += f"(?P<{'problem' if name == 'message' else name}>.+?)"
        else:
            pattern += re.escape(part)
    return re.compile(pattern, re.DOTALL)


_ARGPARSE_CODES: tuple[type[m.Message], ...] = (
    m.ArgAbout,
    m.ArgsRequired,
    m.ArgOneOfRequired,
    m.ArgsUnrecognized,
    m.ArgInvalidChoice,
    m.ArgInvalidValue,
    m.ArgExpectedOne,
    m.ArgExpectedAtMostOne,
    m.ArgExpectedAtLeastOne,
    m.ArgNotAllowedWith,
    m.ArgIgnoredExplicit,
    m.ArgAmbiguous,
    m.ArgExpectedCount,
)


@functools.cache
def _argparse_patterns() -> list[tuple[re.Pattern[str], type[m.Message]]]:
    return [(_argparse_pattern(cls), cls) for cls in _ARGPARSE_CODES]


def argparse_message(text: str) -> m.Message | str:
    """argparse's finished error *text* read back into its code (the inner problem of
    ``argument X: …`` too); a text argparse did not make (our own, already in the reader's
    words) comes back as it is."""
    for pattern, cls in _argparse_patterns():
        found = pattern.fullmatch(text)
        if found is None:
            continue
        fields: dict[str, object] = dict(found.groupdict())
        if cls is m.ArgAbout:
            fields["problem"] = argparse_message(str(fields["problem"]))
        if cls is m.ArgExpectedCount:
            fields["count"] = int(str(fields["count"]))
        return cls(**fields)
    return text


class _Formatter(argparse.HelpFormatter):
    """Help with argparse's framing ("usage: ") in the locale's language."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        if prefix is None:
            prefix = say(m.Word(m.HELP_USAGE))
        super().add_usage(usage, actions, groups, prefix)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one sentence (the usage block stays in
    ``--help``); subcommand parsers are made of the same class.

    argparse's own words (its errors, "usage:", its group titles and ``-h``'s help) are
    said in the locale's language like every other line: errors are read back into
    message codes (:func:`argparse_message`); English stays argparse's text as it is.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = say(m.Word(m.HELP_POSITIONALS))
        self._optionals.title = say(m.Word(m.HELP_OPTIONS))
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = say(m.Word(m.HELP_HELP))

    def error(self, message: str) -> NoReturn:
        if environment_language() == ENGLISH:  # scripts: argparse's text, byte for byte
            self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")
        self.exit(2, say(m.UsageLine(self.prog, argparse_message(message))) + "\n")


EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2999, 12, 31)  # leaves room for "the day after" arithmetic


def integer(low: int, high: int, what: str = m.A_WHOLE_NUMBER) -> Callable[[str], int]:
    """A whole number from *low* to *high* (inclusive)."""

    def parse(text: str) -> int:
        cleaned = text.strip().replace("_", "")
        if not cleaned.lstrip("+-").isdigit() or len(cleaned) > 25:
            raise argparse.ArgumentTypeError(say(m.NotAKind(repr(text), m.Word(what))))
        value = int(cleaned)
        if not low <= value <= high:
            refusal = m.KindOutOfRange(m.Word(what), f"{low:,}", f"{high:,}")
            raise argparse.ArgumentTypeError(say(refusal))
        return value

    parse.__name__ = "integer"
    return parse


def decimal(low: float, high: float, what: str = m.A_NUMBER) -> Callable[[str], float]:
    """A finite number from *low* to *high* (no nan, no inf)."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(say(m.NotAKind(repr(text), m.Word(what)))) from None
        if not math.isfinite(value) or not low <= value <= high:
            refusal = m.KindOutOfRange(m.Word(what), f"{low:g}", f"{high:g}")
            raise argparse.ArgumentTypeError(say(refusal))
        return value

    parse.__name__ = "decimal"
    return parse


def iso_date(text: str) -> str:
    """A date written YYYY-MM-DD between 1900 and 2999; kept as the text given."""
    try:
        value = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(say(m.NotAnIsoDate(repr(text)))) from None
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        refusal = m.DateOutOfRange(text, str(EARLIEST_DATE), str(LATEST_DATE))
        raise argparse.ArgumentTypeError(say(refusal))
    return text.strip()


def staff_name(text: str) -> str:
    """A staff member's name as typed after ``--as``: not empty, no control characters."""
    cleaned = text.strip()
    if not cleaned:
        raise argparse.ArgumentTypeError(say(m.GiveSignInName()))
    if any(ch < " " or "\x7f" <= ch <= "\x9f" for ch in cleaned):
        raise argparse.ArgumentTypeError(say(m.NameHoldsControls()))
    return cleaned


def unusable(argv: list[str]) -> m.Message | None:
    """Why an argument can be neither a file name nor text: a NUL character (no shell can
    pass one; a file name cannot hold one) or bytes that are not UTF-8 (Python keeps them
    as lone surrogates, which SQLite and the terminal refuse)."""
    for number, arg in enumerate(argv, start=1):
        if "\x00" in arg:
            return m.ArgumentHoldsNul(number)
        if any("\ud800" <= ch <= "\udfff" for ch in arg):
            return m.ArgumentNotUtf8(number)
    return None


port = integer(1, 65535, m.A_PORT_NUMBER)
record_id = integer(1, SQLITE_MAX_INT, m.A_RECORD_NUMBER)
count = integer(0, 10_000_000, m.A_COUNT)
limit = integer(1, 100_000, m.A_LIMIT)
offset = integer(0, 1_000_000_000, m.AN_OFFSET)
seed = integer(0, SQLITE_MAX_INT, m.A_SEED)


def add_period(parser: argparse.ArgumentParser) -> None:
    """``--from DATE --to DATE`` (inclusive dates, as typed; checked by :func:`iso_date`)."""
    for flag, dest in (("--from", "date_from"), ("--to", "date_to")):
        parser.add_argument(
            flag, dest=dest, type=iso_date, metavar="DATE", help="YYYY-MM-DD (inclusive)"
        )


def read_secret(what: m.Message) -> str:
    """*what* (a PIN, a password) from the terminal, asked in the locale's language (not
    echoed), or one line of stdin."""
    if sys.stdin.isatty():
        return getpass.getpass(say(m.Prompt(what)))
    line = sys.stdin.readline()
    if not line:
        raise UsageError(m.ExpectedOnStdin(what))
    return line.rstrip("\r\n")
