"""Errors of the PostgreSQL store's own (imported by the adapters and the repositories)."""

from __future__ import annotations


class NotOnPostgresYet(NotImplementedError):
    """An aggregate (or the part of one) whose PostgreSQL tables are not written yet
    (issue 15 adds them one by one; the shared tests say which)."""
