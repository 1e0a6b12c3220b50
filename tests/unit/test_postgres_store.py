"""PostgreSQL's own behaviour: migrations, a newer schema, an unreachable server."""

from __future__ import annotations

import socket

import psycopg
import pytest

from console.repositories.errors import StoreError
from console.storage.postgres import schema
from console.storage.postgres.store import PostgresStore, create_database, redacted


def _dsn(admin: str, name: str) -> str:
    return admin.rsplit("/", 1)[0] + "/" + name


def test_a_fresh_database_is_migrated_once(pg_cluster_dsn: str) -> None:
    create_database(pg_cluster_dsn, "fresh_once")
    dsn = _dsn(pg_cluster_dsn, "fresh_once")
    first = PostgresStore(dsn)
    try:
        assert first.open() == [name for name, _ in schema.STEPS]
    finally:
        first.close()
    again = PostgresStore(dsn)
    try:
        assert again.open() == []  # nothing left to do
    finally:
        again.close()
    with psycopg.connect(dsn) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM schema_migrations ORDER BY name")]
    assert names == [name for name, _ in schema.STEPS]


def test_a_newer_schema_is_refused_untouched(pg_cluster_dsn: str) -> None:
    create_database(pg_cluster_dsn, "from_the_future")
    dsn = _dsn(pg_cluster_dsn, "from_the_future")
    with PostgresStore(dsn):
        pass
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_migrations (name) VALUES ('9999_from_a_newer_app')")
    store = PostgresStore(dsn)
    try:
        with pytest.raises(schema.NewerSchemaError, match="newer version"):
            store.open()
    finally:
        store.close()


def test_an_unreachable_server_is_one_sentence() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nobody listens here once the socket closes
    store = PostgresStore(f"postgresql://sc:secret@127.0.0.1:{port}/sc", timeout=1.0)
    try:
        with pytest.raises(StoreError) as caught:
            store.open()
    finally:
        store.close()
    message = str(caught.value)
    assert message == f"the database at 127.0.0.1:{port}/sc cannot be reached; try again"
    assert "secret" not in message


def test_redacted_hides_the_password() -> None:
    assert redacted("postgresql://alice:pw@db.example:6543/center") == "db.example:6543/center"
    assert redacted("host=db dbname=center password=pw") == "db:5432/center"


def test_a_write_that_keeps_conflicting_is_one_sentence(pg_cluster_dsn: str) -> None:
    """A job refused for a conflict on every attempt is not "cannot be reached"."""
    from psycopg import errors as pg_errors

    from console.storage.postgres.store import WRITE_ATTEMPTS

    create_database(pg_cluster_dsn, "always_conflicting")
    runs: list[int] = []

    def conflicting(r: object) -> None:
        runs.append(1)
        raise pg_errors.SerializationFailure("could not serialize access")

    store = PostgresStore(_dsn(pg_cluster_dsn, "always_conflicting"))
    with store, pytest.raises(StoreError) as caught:
        store.write_now(conflicting)
    assert len(runs) == WRITE_ATTEMPTS
    assert str(caught.value).endswith("is too busy to save this now; try again")
