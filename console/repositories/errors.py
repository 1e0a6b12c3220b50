"""Errors any store raises for its own reasons, in one sentence for staff."""

from __future__ import annotations


class StoreError(Exception):
    """The store could not do what was asked (disk full, damaged file, lost server…);
    ``str(exc)`` is one sentence a person can act on, never a driver's traceback."""
