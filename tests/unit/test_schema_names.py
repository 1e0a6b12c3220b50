"""The schema's own list of step names is the list sqlite-utils applies (public API only)."""

from __future__ import annotations

import sqlite_utils

from console.storage.sqlite import schema


def test_every_registered_step_is_in_our_ordered_list() -> None:
    fresh = sqlite_utils.Database(memory=True)
    assert [m.name for m in schema.migrations.pending(fresh)] == schema.MIGRATION_NAMES
    assert schema.known_version() == len(schema.MIGRATION_NAMES)


def test_a_fully_migrated_database_has_applied_every_step_in_order() -> None:
    db = sqlite_utils.Database(memory=True)
    schema.migrate(db)
    assert [m.name for m in schema.migrations.applied(db)] == schema.MIGRATION_NAMES
    assert not schema.migrations.pending(db)
