"""The one error a form's fields come back with, whichever service checked them."""

from __future__ import annotations


class ValidationFailed(ValueError):
    """Field errors keyed by field name (``name``, ``phones``, ``birthday``, ``email``)."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors
