"""Errors any store raises for its own reasons, in one sentence for staff."""

from __future__ import annotations

from console.domain.messages import Message


class StoreError(Exception):
    """The store could not do what was asked (disk full, damaged file, lost server…);
    ``str(exc)`` is one sentence a person can act on, never a driver's traceback.
    Raised with a :class:`Message` instead of a sentence, it has a ``message`` attribute
    that keeps it (to be said in the reader's language), and ``str()`` is its English."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # a Message goes on to a co-base that keeps it too
        if len(args) == 1 and isinstance(args[0], Message):
            self.message = args[0]
            self.args = (str(args[0]),)


class NotFound(LookupError):
    """A record asked for by its id is not there; ``message`` says which (``str()`` is its
    English, so code that catches LookupError reads the same words as before)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message
