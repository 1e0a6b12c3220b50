"""PostgreSQL fixtures (a pytest plugin, listed in tests/conftest.py).

``pg_cluster``: one throwaway cluster per test session (tests/pg_cluster.py), started
only when a test asks for it. ``postgres_store``: a fresh database per test, created from
a template that was migrated once, so a test costs a CREATE DATABASE (tens of ms), not a
migration.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from tests import pg_cluster

if TYPE_CHECKING:
    from console.storage.postgres.store import PostgresStore

_TEMPLATE = "sc_template"
_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster_dsn() -> Iterator[str]:
    """The admin DSN of a cluster with a migrated template database."""
    from console.storage.postgres.store import PostgresStore, create_database

    if pg_cluster.bin_dir() is None and not os.environ.get("CI"):
        # A developer's machine without PostgreSQL: the PostgreSQL cases are skipped with
        # the reason in the summary. CI (CI=true, as .ci/run sets) installs it, and there
        # a missing server fails the run instead of skipping.
        pytest.skip(
            "PostgreSQL's server programs are not installed "
            "(Debian: apt-get install postgresql postgresql-contrib); .ci/run installs them"
        )
    with pg_cluster.running() as cluster:
        admin = cluster.dsn()
        create_database(admin, _TEMPLATE)
        with PostgresStore(cluster.dsn(_TEMPLATE), max_connections=1):
            pass  # migrated; closed again so that the template has no connections
        yield admin


@pytest.fixture
def postgres_store(pg_cluster_dsn: str) -> Iterator[PostgresStore]:
    from console.storage.postgres.store import PostgresStore, create_database

    name = f"sc_test_{next(_numbers)}"
    create_database(pg_cluster_dsn, name, template=_TEMPLATE)
    dsn = pg_cluster_dsn.rsplit("/", 1)[0] + "/" + name
    store = PostgresStore(dsn, max_connections=4)
    store.open()
    try:
        yield store
    finally:
        store.close()
