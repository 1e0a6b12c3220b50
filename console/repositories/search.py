"""The search repository (see :mod:`console.repositories`)."""

from __future__ import annotations

from typing import Protocol


class SearchRepository(Protocol):
    """Filled in as the services move onto the repository (issue 13)."""
