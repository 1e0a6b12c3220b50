"""The one error a form's fields come back with, whichever service checked them."""

from __future__ import annotations

from console.domain.messages import Message


class ValidationFailed(ValueError):
    """Field errors keyed by field name (``name``, ``phones``, ``birthday``, ``email``), each
    a message code the window and the command line put into words (``str()``: English)."""

    def __init__(self, errors: dict[str, Message]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors
