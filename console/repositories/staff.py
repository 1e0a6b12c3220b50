"""The staff repository (see :mod:`console.repositories`)."""

from __future__ import annotations

from typing import Protocol


class StaffRepository(Protocol):
    """Filled in as the services move onto the repository (issue 13)."""
