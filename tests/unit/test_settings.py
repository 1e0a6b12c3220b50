"""The settings registry, scopes, permission and audit (issue 14)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from console.domain import options as o
from console.domain.roles import NotAllowed
from console.services.settings import SettingsService
from console.storage.console_config import ConsoleConfig
from console.storage.postgres.staff_repository import PostgresStaff
from console.storage.sqlite import settings as settings_store
from console.storage.sqlite import staff as staff_store
from console.storage.sqlite.runner import DatabaseRunner
from tests.people import signed_in, switch
from tests.unit.conftest import run

# option → (good values, bad values); every listed option appears here.
CASES: dict[str, tuple[list[Any], list[Any]]] = {
    "store_name": (["Xintiandi", "新天地店", "x" * 80], ["", "   ", "x" * 81, "a\nb", 3]),
    "time_zone": (
        ["", "Asia/Shanghai", "Europe/London", "UTC"],
        ["Mars/Olympus", "+8", "Asia", "../../etc/passwd", 8],
    ),
    "default_region": (["CN", "HK", "TW", "GB", "US"], ["", "cn", "XX", "CHN", 1]),
    "cti_enabled": ([True, False], ["yes", 1, None]),
    "cti_port": ([1, 8735, 65535], [0, 65536, -1, "8735", True]),
    "cti_host": (["127.0.0.1", "::1", "0.0.0.0"], ["", "localhost", "999.1.1.1", "a b"]),
    "cti_agent": (["", "alice", "x" * 80], ["x" * 81, "a\tb"]),
    "cti_extension": (["", "204", "x" * 32], ["x" * 33, "20\n4"]),
    "follow_up_days": ([1, 7, 365], [0, 366, -3, 2.5]),
    "loyalty_every": ([2, 10, 1000], [1, 0, 1001, False]),
    "loyalty_category": (["", "drink", "haircut"], ["x" * 41, "\x07"]),
    "loyalty_reward": (["", "a free drink"], ["x" * 81]),
    "miss_you_months": ([1, 6, 120], [0, 121]),
    "miss_you_min_visits": ([1, 5, 1000], [0, 1001]),
    "occasion_days": ([1, 7, 365], [0, 366]),
    "active_phrasebook": (["Default", "Aurora Hotel"], ["", "  ", "x" * 81]),
    "auto_lock_minutes": ([0, 5, 1440], [-1, 1441]),
    "backup_every_hours": ([0, 24, 720], [-1, 721]),
    "backup_keep": ([1, 14, 1000], [0, 1001]),
    "backup_folder": (["", "/srv/backups", "D:\\Backups"], ["a\x00b", "x" * 1001]),
    "interface_language": (["", "en", "zh_CN", "zh_TW"], ["fr", "zh", "EN", None]),
}


def test_every_option_is_covered_and_declares_its_scope_and_words() -> None:
    assert set(CASES) == {opt.key for opt in o.ALL_OPTIONS}
    assert "staff_name" not in o.BY_KEY and "role" not in o.BY_KEY
    scopes = {opt.key: opt.scope for opt in o.ALL_OPTIONS}
    assert {k for k, s in scopes.items() if s is o.Scope.CONSOLE} == {
        "cti_enabled",
        "cti_port",
        "cti_host",
        "cti_agent",
        "cti_extension",
        "interface_language",
        "backup_folder",
    }
    assert {k for k, s in scopes.items() if s is o.Scope.STORE} == {
        "store_name",
        "time_zone",
        "default_region",
    }
    for opt in o.ALL_OPTIONS:
        assert opt.label and opt.doc.endswith("."), opt.key
        opt.validate(opt.default)  # every default is allowed


@pytest.mark.parametrize("key", sorted(CASES))
def test_each_option_accepts_good_and_refuses_bad_values_in_one_sentence(key: str) -> None:
    opt = o.BY_KEY[key]
    good, bad = CASES[key]
    for value in good:
        assert opt.validate(value) == value
        assert opt.parse(opt.show(value)) == value  # what the CLI prints reads back
    for value in bad:
        with pytest.raises(o.Invalid) as caught:
            opt.validate(value)
        sentence = str(caught.value)
        assert sentence.startswith(key) and sentence.endswith(".")
        assert sentence.count(". ") == 0, sentence  # one sentence
        if opt.low is not None:
            assert f"from {opt.low} to {opt.high}" in sentence
        if opt.choices:
            assert "en, zh_CN, zh_TW" in sentence


def test_text_is_parsed_for_numbers_and_switches() -> None:
    assert o.CTI_PORT.parse(" 9000 ") == 9000
    assert o.CTI_ENABLED.parse("no") is False and o.CTI_ENABLED.parse("YES") is True
    for text in ("nan", "1e3", "9" * 30, "", "0x10"):
        with pytest.raises(o.Invalid, match="from 1 to 65535"):
            o.CTI_PORT.parse(text)
    with pytest.raises(o.Invalid, match="yes or no"):
        o.CTI_ENABLED.parse("maybe")


def test_unknown_names_are_refused() -> None:
    with pytest.raises(o.UnknownSetting, match="settings list"):
        o.option_named("role")


# --- scopes ------------------------------------------------------------------------


def test_the_config_file_is_in_the_isolated_config_folder(tmp_path: Path) -> None:
    import os

    path = ConsoleConfig().path
    assert path.is_relative_to(Path(os.environ["XDG_CONFIG_HOME"]))
    assert not path.is_relative_to(Path.home() / ".config") or str(Path.home()).startswith(
        str(tmp_path.parent.parent)
    )


def test_console_values_live_in_the_config_file_not_the_database(
    runner: DatabaseRunner, settings: SettingsService, db_path: Path, tmp_path: Path
) -> None:
    run(settings.set(o.CTI_EXTENSION, "204"))
    run(settings.set(o.CTI_PORT, 9001))
    run(settings.set(o.STORE_NAME, "Xintiandi"))
    assert runner.call(settings_store.get_setting, "cti_extension") is None
    assert runner.call(settings_store.get_setting, "store_name") == "Xintiandi"
    saved = json.loads(settings.config.path.read_text(encoding="utf-8"))
    assert saved == {"cti_extension": "204", "cti_port": 9001}
    assert settings.config.path.stat().st_mode & 0o777 == 0o600
    assert run(settings.get(o.CTI_EXTENSION)) == "204"

    # A copy of the database on another computer (another config folder) has the store
    # but not this computer's extension.
    runner.close()
    copy = tmp_path / "copy.db"
    shutil.copy(db_path, copy)
    with DatabaseRunner(copy) as other:
        elsewhere = SettingsService(other, ConsoleConfig(tmp_path / "other" / "settings.json"))
        assert elsewhere.get_now(o.CTI_EXTENSION) == ""
        assert elsewhere.get_now(o.CTI_PORT) == 8735
        assert elsewhere.get_now(o.STORE_NAME) == "Xintiandi"


def test_an_older_database_gives_its_console_values_to_the_config_file_once(
    runner: DatabaseRunner, tmp_path: Path
) -> None:
    for key, value in (("cti_extension", "301"), ("staff_name", "Li"), ("role", "agent")):
        runner.call(settings_store.set_setting, key, value)
    runner.call(settings_store.set_setting, "cti_port", 70000)  # invalid: the default
    config = ConsoleConfig(tmp_path / "cfg" / "settings.json")
    settings = SettingsService(runner, config)
    assert settings.get_now(o.CTI_EXTENSION) == "301"
    assert config.load() == {"cti_extension": "301", "cti_port": 8735}
    for key in ("cti_extension", "cti_port", "staff_name", "role"):
        assert runner.call(settings_store.get_setting, key) is None
    # This computer's own value wins over an older database's.
    runner.call(settings_store.set_setting, "cti_extension", "999")
    assert SettingsService(runner, config).get_now(o.CTI_EXTENSION) == "301"


def test_without_this_computers_settings_console_values_keep_their_defaults(
    runner: DatabaseRunner,
) -> None:
    """A settings service given no console settings (one that only reads the store's
    options) reads console options as their defaults, refuses to change them (nothing
    is recorded), and leaves an older database's console values for a console that has
    its file to move."""
    runner.call(settings_store.set_setting, "cti_extension", "301")
    admin = signed_in(runner, "admin")
    settings = SettingsService(runner, identity=admin)
    assert settings.get_now(o.CTI_EXTENSION) == ""
    assert run(settings.get(o.CTI_PORT)) == 8735
    with pytest.raises(RuntimeError, match="this computer's settings"):
        run(settings.set(o.CTI_EXTENSION, "204"))
    assert runner.call(staff_store.query_audit, entity="setting") == []
    assert runner.call(settings_store.get_setting, "cti_extension") == "301"
    run(settings.set(o.STORE_NAME, "Xintiandi"))  # the store's own options work as ever
    assert settings.get_now(o.STORE_NAME) == "Xintiandi"


# --- permission and audit -----------------------------------------------------------


def audit(runner: DatabaseRunner) -> list[Any]:
    return runner.call(lambda db: staff_store.query_audit(db, limit=None))


def test_only_admins_change_settings_and_refusals_are_audited(
    runner: DatabaseRunner, settings: SettingsService
) -> None:
    identity = signed_in(runner, "manager", "Meg")
    settings.identity = identity
    before = len(audit(runner))
    for attempt in (settings.set(o.STORE_NAME, "Mine"), settings.reset(o.CTI_PORT)):
        with pytest.raises(NotAllowed):
            run(attempt)
    entries = audit(runner)[: len(audit(runner)) - before]
    refused = [e for e in entries if e.action == "refused"]
    assert len(refused) == 2 and {e.actor for e in refused} == {"Meg"}
    assert run(settings.get(o.STORE_NAME)) == "Shanghai Jing'an"

    switch(identity, "admin", "Ada")
    change = run(settings.set(o.STORE_NAME, "Xintiandi"))
    assert (change.before, change.after) == ("Shanghai Jing'an", "Xintiandi")
    run(settings.set(o.CTI_PORT, 9100))
    run(settings.reset(o.CTI_PORT))
    newest = audit(runner)[:3]
    assert [(e.action, e.entity, e.entity_id, e.actor) for e in newest] == [
        ("reset", "setting", "cti_port", "Ada"),
        ("update", "setting", "cti_port", "Ada"),
        ("update", "setting", "store_name", "Ada"),
    ]
    assert newest[0].fields == {"cti_port": [9100, 8735]}
    assert newest[2].fields == {"store_name": ["Shanghai Jing'an", "Xintiandi"]}
    assert run(settings.get(o.CTI_PORT)) == 8735
    assert "cti_port" not in settings.config.load()


def test_an_invalid_value_changes_nothing(
    settings: SettingsService, runner: DatabaseRunner
) -> None:
    count = len(audit(runner))
    with pytest.raises(o.Invalid, match="from 2 to 1000"):
        run(settings.set(o.LOYALTY_EVERY, 1))
    assert run(settings.get(o.LOYALTY_EVERY)) == 10
    assert len(audit(runner)) == count


def test_a_failing_audit_entry_leaves_the_value_and_the_file_unchanged(
    settings: SettingsService, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(settings.set(o.CTI_EXTENSION, "204"))

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(staff_store, "append_audit", broken)  # SQLite's
    monkeypatch.setattr(PostgresStaff, "append_audit", broken)  # PostgreSQL's
    for option, value in ((o.CTI_EXTENSION, "305"), (o.STORE_NAME, "Gone")):
        with pytest.raises(RuntimeError):
            run(settings.set(option, value))
    monkeypatch.undo()
    assert run(settings.get(o.CTI_EXTENSION)) == "204"
    assert run(settings.get(o.STORE_NAME)) == "Shanghai Jing'an"


def test_changes_are_told_to_listeners(settings: SettingsService) -> None:
    seen: list[tuple[str, Any]] = []
    settings.listeners.append(lambda change: seen.append((change.option.key, change.after)))
    run(settings.set(o.CTI_PORT, 9200))
    run(settings.reset(o.CTI_PORT))
    assert seen == [("cti_port", 9200), ("cti_port", 8735)]
