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
import datetime as dt
import getpass
import math
import sys
from collections.abc import Callable
from typing import NoReturn

SQLITE_MAX_INT = 2**63 - 1


class UsageError(Exception):
    """A usage error in any subcommand: ``cli.main`` prints it in one line, exit 2."""


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one sentence (the usage block stays in
    ``--help``); subcommand parsers are made of the same class."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2999, 12, 31)  # leaves room for "the day after" arithmetic


def integer(low: int, high: int, what: str = "a whole number") -> Callable[[str], int]:
    """A whole number from *low* to *high* (inclusive)."""

    def parse(text: str) -> int:
        cleaned = text.strip().replace("_", "")
        if not cleaned.lstrip("+-").isdigit() or len(cleaned) > 25:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}")
        value = int(cleaned)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{what} must be from {low:,} to {high:,}")
        return value

    parse.__name__ = "integer"
    return parse


def decimal(low: float, high: float, what: str = "a number") -> Callable[[str], float]:
    """A finite number from *low* to *high* (no nan, no inf)."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}") from None
        if not math.isfinite(value) or not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{what} must be from {low:g} to {high:g}")
        return value

    parse.__name__ = "decimal"
    return parse


def iso_date(text: str) -> str:
    """A date written YYYY-MM-DD between 1900 and 2999; kept as the text given."""
    try:
        value = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date like 2026-11-28 (YYYY-MM-DD)"
        ) from None
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise argparse.ArgumentTypeError(
            f"{text} is out of range: use a date from {EARLIEST_DATE} to {LATEST_DATE}"
        )
    return text.strip()


def staff_name(text: str) -> str:
    """A staff member's name as typed after ``--as``: not empty, no control characters."""
    cleaned = text.strip()
    if not cleaned:
        raise argparse.ArgumentTypeError("give the name you sign in with")
    if any(ch < " " or "\x7f" <= ch <= "\x9f" for ch in cleaned):
        raise argparse.ArgumentTypeError("a name cannot hold control characters")
    return cleaned


def unusable(argv: list[str]) -> str | None:
    """Why an argument can be neither a file name nor text: a NUL character (no shell can
    pass one; a file name cannot hold one) or bytes that are not UTF-8 (Python keeps them
    as lone surrogates, which SQLite and the terminal refuse)."""
    for number, arg in enumerate(argv, start=1):
        if "\x00" in arg:
            return f"argument {number} holds a NUL character, which no file name or text may"
        if any("\ud800" <= ch <= "\udfff" for ch in arg):
            return f"argument {number} is not UTF-8 text"
    return None


port = integer(1, 65535, "a port number")
record_id = integer(1, SQLITE_MAX_INT, "a record number")
count = integer(0, 10_000_000, "a count")
limit = integer(1, 100_000, "a limit")
offset = integer(0, 1_000_000_000, "an offset")
seed = integer(0, SQLITE_MAX_INT, "a seed")


def add_period(parser: argparse.ArgumentParser) -> None:
    """``--from DATE --to DATE`` (inclusive dates, as typed; checked by :func:`iso_date`)."""
    for flag, dest in (("--from", "date_from"), ("--to", "date_to")):
        parser.add_argument(
            flag, dest=dest, type=iso_date, metavar="DATE", help="YYYY-MM-DD (inclusive)"
        )


def read_secret(prompt: str) -> str:
    """A PIN or passphrase: asked for on a terminal (not echoed), else one line of stdin."""
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline()
    if not line:
        raise UsageError(f"{prompt.rstrip(': ')} was expected on stdin")
    return line.rstrip("\r\n")
