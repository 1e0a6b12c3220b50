"""Migrations of the customers' tables (0010-0012, issue 13), on databases written the old
way: UTC instants from naive local times."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from console.domain.customer import Customer, DuplicateFound, Phone, PurchaseItem, Visit
from console.domain.customer import Purchase as PurchaseRecord
from console.domain.search_text import plan_query
from console.storage.sqlite import customers as store
from console.storage.sqlite import history as history_store
from console.storage.sqlite import search_index
from console.storage.sqlite.runner import DatabaseRunner

D = dt.datetime


@pytest.fixture
def zone() -> Iterator[Callable[[str], None]]:
    """Set the computer's time zone for the rest of the test (restored after)."""
    before = os.environ.get("TZ")

    def use(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield use
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def _old_style_database(path: Path, rows: dict[str, str]) -> dict[str, int]:
    """A database whose customers' times are naive local text (before 0010): a customer
    with a visit, a purchase and a reward, and one never seen."""
    with DatabaseRunner(path) as runner:
        seen = runner.call(store.insert_customer, Customer("Seen Before"), now=D(2026, 1, 1))
        never = runner.call(store.insert_customer, Customer("Never Seen"), now=D(2026, 1, 1))
        runner.call(history_store.record_visit, Visit(seen, D(2026, 1, 1)))
        runner.call(
            history_store.record_purchase,
            PurchaseRecord(seen, D(2026, 1, 1), [PurchaseItem("Tea")]),
        )
        runner.call(history_store.redeem_reward, seen, at=D(2026, 1, 1), staff="Li")

        def write_old(db: object) -> None:
            conn = db.conn  # type: ignore[attr-defined]
            at = rows["at"]
            conn.execute(
                "UPDATE customers SET created_at = ?, updated_at = ?, last_visit = ? WHERE id = ?",
                [rows["created"], rows["created"], at, seen],
            )
            conn.execute(
                "UPDATE customers SET created_at = ?, updated_at = ? WHERE id = ?",
                [rows["created"], rows["created"], never],
            )
            for table in ("visits", "purchases", "rewards_redeemed"):
                conn.execute(f"UPDATE {table} SET at = ?", [at])
            conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0010_customer_instants'")
            conn.commit()

        runner.call(write_old)
    return {"seen": seen, "never": never}


def _stored(runner: DatabaseRunner, sql: str) -> list[str]:
    return [str(r[0]) for r in runner.call(lambda db: db.execute(sql).fetchall())]


def test_naive_local_times_become_utc_instants_and_read_back_in_any_zone(
    tmp_path: Path, zone: Callable[[str], None]
) -> None:
    zone("Asia/Shanghai")  # +08:00, no DST
    path = tmp_path / "old.db"
    ids = _old_style_database(path, {"created": "2026-03-08T09:30:00", "at": "2026-03-08T09:45:00"})
    with DatabaseRunner(path) as runner:  # opening migrates
        seen = runner.call(store.get_customer, ids["seen"])
        assert seen is not None
        assert seen.created_at == D(2026, 3, 8, 9, 30)  # the same wall time in the same zone
        assert seen.updated_at == D(2026, 3, 8, 9, 30)
        assert [v.at for v in runner.call(history_store.list_visits, ids["seen"])] == [
            D(2026, 3, 8, 9, 45)
        ]
        assert runner.call(history_store.list_purchases, ids["seen"])[0].at == D(2026, 3, 8, 9, 45)
        # Stored as UTC instants, one format; "never visited" stays empty.
        assert _stored(runner, "SELECT last_visit FROM customers ORDER BY id") == [
            "2026-03-08T01:45:00.000000+00:00",
            "",
        ]
        for table in ("visits", "purchases", "rewards_redeemed"):
            assert _stored(runner, f"SELECT at FROM {table}") == [
                "2026-03-08T01:45:00.000000+00:00"
            ]
        assert (
            _stored(runner, "SELECT created_at FROM customers")
            == ["2026-03-08T01:30:00.000000+00:00"] * 2
        )
        # The search ranks follow the converted last visit.
        keys = dict(
            runner.call(
                lambda db: db.execute("SELECT customer_id, rank_key FROM search_docs").fetchall()
            )
        )
        assert keys[ids["seen"]] == search_index.rank_key("2026-03-08T01:45:00+00:00", ids["seen"])
        assert keys[ids["never"]] == ids["never"]
        hits = runner.call(search_index.search, plan_query("seen"))
        assert [h.name for h in hits][:1] == ["Seen Before"]
        assert hits[0].last_visit == "2026-03-08T09:45:00"  # shown as the store's wall time
    zone("Europe/London")  # the same instants on a computer in another zone
    with DatabaseRunner(path) as runner:
        seen = runner.call(store.get_customer, ids["seen"])
        assert seen is not None
        assert seen.created_at == D(2026, 3, 8, 1, 30)
        assert [v.at for v in runner.call(history_store.list_visits, ids["seen"])] == [
            D(2026, 3, 8, 1, 45)
        ]


def test_an_ambiguous_wall_time_is_read_as_the_first_of_the_two(
    tmp_path: Path, zone: Callable[[str], None]
) -> None:
    zone("America/New_York")  # 1 Nov 2026, 01:30 happens twice (EDT, then EST)
    path = tmp_path / "old.db"
    ids = _old_style_database(path, {"created": "2026-11-01T01:30:00", "at": "2026-11-01T01:30:00"})
    with DatabaseRunner(path) as runner:
        assert _stored(runner, "SELECT at FROM visits") == ["2026-11-01T05:30:00.000000+00:00"]
        seen = runner.call(store.get_customer, ids["seen"])
        assert seen is not None and seen.created_at == D(2026, 11, 1, 1, 30)


def _free_pages(path: Path, *, add: int = 0) -> int:
    """The database's free pages, after freeing *add* more (a table made and dropped);
    opened plainly, not migrated."""
    conn = sqlite3.connect(path)
    try:
        if add:
            conn.execute("CREATE TABLE ballast (b BLOB)")
            conn.executemany("INSERT INTO ballast VALUES (zeroblob(4000))", [()] * add)
            conn.commit()
            conn.execute("DROP TABLE ballast")
            conn.commit()
        return int(conn.execute("PRAGMA freelist_count").fetchone()[0])
    finally:
        conn.close()


def test_a_database_is_compacted_once_after_its_times_are_rewritten(
    tmp_path: Path, zone: Callable[[str], None]
) -> None:
    zone("Asia/Shanghai")
    path = tmp_path / "old.db"
    ids = _old_style_database(path, {"created": "2026-03-08T09:30:00", "at": "2026-03-08T09:45:00"})
    assert _free_pages(path, add=50) >= 50  # pages a rewrite would leave behind, say
    # Opening migrates (0010: every customer's and visit's time), then compacts: VACUUM
    # leaves no free page.
    with DatabaseRunner(path) as runner:
        seen = runner.call(store.get_customer, ids["seen"])
        assert seen is not None and seen.created_at == D(2026, 3, 8, 9, 30)
        assert _stored(runner, "SELECT at FROM visits") == ["2026-03-08T01:45:00.000000+00:00"]
        assert runner.call(lambda db: db.execute("PRAGMA freelist_count").fetchone()[0]) == 0
        assert runner.call(lambda db: db.execute("PRAGMA integrity_check").fetchone()[0]) == "ok"
    # Opening a database with nothing to migrate leaves it alone (no VACUUM on every start).
    assert _free_pages(path, add=50) >= 50
    assert _free_pages(path) >= 50


def test_new_times_are_written_as_utc(runner: DatabaseRunner, zone: Callable[[str], None]) -> None:
    zone("Asia/Shanghai")
    cid = runner.call(store.insert_customer, Customer("Zhou Min"), now=D(2026, 5, 1, 8, 0))
    runner.call(history_store.record_visit, Visit(cid, D(2026, 5, 1, 7, 59)))
    assert _stored(runner, "SELECT created_at || ' ' || last_visit FROM customers") == [
        "2026-05-01T00:00:00.000000+00:00 2026-04-30T23:59:00.000000+00:00"
    ]


def test_customers_from_before_versions_start_at_version_one(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with DatabaseRunner(path) as runner:
        cid = runner.call(store.insert_customer, Customer("Zhou Min"), now=D(2026, 1, 1))

        def before_versions(db: object) -> None:
            conn = db.conn  # type: ignore[attr-defined]
            conn.execute("ALTER TABLE customers DROP COLUMN version")
            conn.execute("ALTER TABLE customers DROP COLUMN changed_by")
            conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0012_customer_versions'")
            conn.commit()

        runner.call(before_versions)
    with DatabaseRunner(path) as runner:
        customer = runner.call(store.get_customer, cid)
        assert customer is not None and (customer.version, customer.changed_by) == (1, "")
        customer.notes = "saved after the upgrade"
        runner.call(store.update_customer, customer, now=D(2026, 1, 2), by="Li")
        again = runner.call(store.get_customer, cid)
        assert again is not None and (again.version, again.changed_by) == (2, "Li")


def test_duplicates_stored_before_the_unique_keys_are_kept_and_new_ones_refused(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    with DatabaseRunner(path) as runner:

        def before_keys(db: object) -> None:
            conn = db.conn  # type: ignore[attr-defined]
            for trigger in (
                "customer_keys_unique_insert",
                "customer_keys_unique_update",
                "phone_unique_insert",
                "phone_unique_update",
            ):
                conn.execute(f"DROP TRIGGER {trigger}")
            conn.execute("ALTER TABLE customers DROP COLUMN email_shared")
            conn.execute("ALTER TABLE customers DROP COLUMN member_no_shared")
            conn.execute("ALTER TABLE phones DROP COLUMN shared")
            conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0011_customer_keys'")
            conn.commit()

        runner.call(before_keys)

        def old_rows(db: object) -> None:  # as duplicates were saved before: no checks
            conn = db.conn  # type: ignore[attr-defined]
            at = "2026-01-01T00:00:00.000000+00:00"
            for cid, name, email, member_no in [
                (1, "Wang Fang", "wang@example.com", "M-1"),
                (2, "Wang Fang 2", "WANG@example.com", ""),
                (3, "Li Lei", "", "M-1"),
                (4, "Zhou Min", "zhou@example.com", "M-4"),
            ]:
                conn.execute(
                    "INSERT INTO customers (id, name, email, member_no, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [cid, name, email, member_no, at, at],
                )
            conn.executemany(
                "INSERT INTO phones (customer_id, e164, label, position) VALUES (?, ?, '', 0)",
                [(1, "+8613800000001"), (4, "+8613800000001"), (4, "+8613800000004")],
            )
            conn.commit()

        runner.call(old_rows)
    with DatabaseRunner(path) as runner:  # opening migrates
        shared = runner.call(
            lambda db: db.execute(
                "SELECT id, email_shared, member_no_shared FROM customers ORDER BY id"
            ).fetchall()
        )
        # Every holder of a key after its first is marked, for that key only.
        assert [tuple(r) for r in shared] == [(1, 0, 0), (2, 1, 0), (3, 0, 1), (4, 0, 0)]
        phones = runner.call(
            lambda db: db.execute(
                "SELECT customer_id, e164, shared FROM phones ORDER BY id"
            ).fetchall()
        )
        assert [tuple(r) for r in phones] == [
            (1, "+8613800000001", 0),
            (4, "+8613800000001", 1),
            (4, "+8613800000004", 0),
        ]
        assert runner.call(store.count_customers) == 4
        for twin in (
            Customer("New", email="Zhou@example.com"),
            Customer("New", member_no="M-4"),
            Customer("New", phones=[Phone("+8613800000001")]),
        ):
            with pytest.raises(DuplicateFound):
                runner.call(store.insert_customer, twin, now=D(2026, 2, 1))
