"""Optimistic concurrency: a record two people may edit carries a version; saving over a
newer version than the one the form was opened with is refused with who saved it and when.
"""

from __future__ import annotations

import datetime as dt


class ChangedMeanwhile(Exception):
    """Someone saved the record after this copy of it was read: nothing was saved.

    *by* is who saved the newer version ('' when unknown, as for records saved before
    versions existed) and *at* when (the store's wall time; None when unknown).
    """

    def __init__(
        self, entity: str, entity_id: int, *, by: str, at: dt.datetime | None, version: int
    ) -> None:
        who = by or "someone else"
        when = f" at {at:%Y-%m-%d %H:%M}" if at is not None else ""
        super().__init__(
            f"{entity} #{entity_id} was changed by {who}{when} after you opened it; "
            "nothing was saved (reload to see their change)"
        )
        self.entity = entity
        self.entity_id = entity_id
        self.by = by
        self.at = at
        self.version = version
