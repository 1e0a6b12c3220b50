"""TRANSITIONAL (issue 13): the SQLite connection behind a repositories object.

Lets a service that has not moved onto its repository yet keep calling the storage
functions inside ``Identity.apply``. Every use goes before issue 13 closes; the module
goes with the last one.
"""

from __future__ import annotations

from typing import Any

from console.repositories import Repositories


def raw_db(repos: Repositories) -> Any:
    return repos.db  # type: ignore[attr-defined]
