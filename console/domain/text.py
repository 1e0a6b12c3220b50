"""Text that reaches the database is clean: no control characters, no bidi tricks.

Imported files, dialogs and the command line all pass free text through
:func:`clean_text` before it is stored. What goes:

* C0 controls (NUL, BEL, ESC, …) and DEL, except tab and line feed in multi-line fields
  (a carriage return is folded into a line feed there);
* C1 controls U+0080–U+009F (U+0085 NEXT LINE included);
* bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069),
  which can make a name or a note read differently from what is stored;
* line and paragraph separators (U+2028, U+2029): a line feed in multi-line fields,
  a space elsewhere.

Everything else, including emoji, CJK extension characters and the zero-width joiner
that emoji sequences need, is kept as it is.
"""

from __future__ import annotations

import re

_BIDI = "\u202a-\u202e\u2066-\u2069"
# Single-line fields: every C0 control, DEL, C1 controls and bidi controls go.
_SINGLE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")
# Multi-line fields keep tab and line feed.
_MULTI = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
_SEPARATORS = re.compile("[\u2028\u2029]")
_NEWLINES = re.compile("\r\n?")
_ANY_CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}\u2028\u2029]")


def clean_text(value: str, multiline: bool = False) -> str:
    """*value* without control characters (see the module notes).

    Single-line fields turn tabs and line breaks into spaces, so words stay apart;
    multi-line fields (notes, complaint descriptions) keep ``\\n`` and ``\\t``.
    """
    if not _ANY_CONTROL.search(value):
        return value  # the common case costs one scan
    if multiline:
        value = _NEWLINES.sub("\n", value)
        value = _SEPARATORS.sub("\n", value)
        return _MULTI.sub("", value)
    value = re.sub("[\t\n\r\u2028\u2029]", " ", value)
    return _SINGLE.sub("", value)


def has_controls(value: str) -> bool:
    """True when *value* holds a character :func:`clean_text` would remove or change."""
    return _ANY_CONTROL.search(value) is not None


def escape_controls(value: str, keep: str = "") -> str:
    """*value* safe to print on a terminal: controls as ``\\x1b``/``\\u202e`` escapes
    (characters in *keep*, say a tab between columns, are left as they are)."""

    def esc(m: re.Match[str]) -> str:
        char = m.group()
        if char in keep:
            return char
        code = ord(char)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _ANY_CONTROL.sub(esc, value)
