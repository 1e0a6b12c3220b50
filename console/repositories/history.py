"""The history repository (see :mod:`console.repositories`)."""

from __future__ import annotations

from typing import Protocol


class HistoryRepository(Protocol):
    """Filled in as the services move onto the repository (issue 13)."""
