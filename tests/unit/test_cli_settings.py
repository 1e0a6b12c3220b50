"""``service-console settings list|get|set|reset``: the public contract (issue 14)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from console import cli
from console.storage.console_config import ConsoleConfig
from console.storage.sqlite import settings as settings_store
from console.storage.sqlite import staff as staff_store
from tests.people import BOSS, PIN, signed_in
from tests.unit.conftest import runner_for


def main(monkeypatch: pytest.MonkeyPatch, stdin: str, *argv: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    out = io.StringIO()
    code = cli.main(list(argv), out=out)
    return code, out.getvalue()


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "console.db"
    with runner_for(path) as runner:
        signed_in(runner, "agent", "Ann")  # Boss (admin) and Ann (agent)
    return str(path)


def test_list_json_has_the_documented_keys(monkeypatch: pytest.MonkeyPatch, db: str) -> None:
    code, out = main(monkeypatch, "", "settings", "list", "--db", db, "--json")
    assert code == 0
    rows = json.loads(out)
    assert all(set(r) == {"name", "value", "default", "scope", "description"} for r in rows)
    by_name = {r["name"]: r for r in rows}
    assert "role" not in by_name and "staff_name" not in by_name
    assert by_name["cti_port"] == {
        "name": "cti_port",
        "value": 8735,
        "default": 8735,
        "scope": "console",
        "description": "Port of the call-event listener (--cti-port overrides).",
    }
    assert by_name["cti_enabled"]["value"] is True
    assert by_name["store_name"]["scope"] == "store"
    assert by_name["loyalty_every"]["scope"] == "organisation"


def test_list_and_get_print_values(monkeypatch: pytest.MonkeyPatch, db: str) -> None:
    code, out = main(monkeypatch, "", "settings", "list", "--db", db)
    assert code == 0
    first = out.splitlines()[0].split("\t")
    assert first[:4] == ["store_name", "Shanghai Jing'an", "Shanghai Jing'an", "store"]
    assert main(monkeypatch, "", "settings", "get", "cti_enabled", "--db", db) == (0, "yes\n")
    assert main(monkeypatch, "", "settings", "get", "follow_up_days", "--db", db) == (0, "7\n")


def test_an_admin_sets_and_resets_with_the_pin_from_stdin(
    monkeypatch: pytest.MonkeyPatch, db: str
) -> None:
    code, out = main(
        monkeypatch, PIN + "\n", "settings", "set", "store_name", "Xintiandi", "--as", BOSS,
        "--db", db,
    )  # fmt: skip
    assert (code, out) == (0, "store_name = Xintiandi; was Shanghai Jing'an\n")
    assert main(monkeypatch, "", "settings", "get", "store_name", "--db", db) == (
        0,
        "Xintiandi\n",
    )
    code, out = main(
        monkeypatch, PIN + "\n", "settings", "set", "cti_extension", "204", "--as", BOSS,
        "--db", db,
    )  # fmt: skip
    assert code == 0
    assert ConsoleConfig().load() == {"cti_extension": "204"}
    with runner_for(Path(db)) as runner:
        assert runner.call(settings_store.get_setting, "cti_extension") is None
    code, out = main(
        monkeypatch, PIN + "\n", "settings", "reset", "store_name", "--as", BOSS, "--db", db
    )
    assert (code, out) == (0, "store_name = Shanghai Jing'an (the default); was Xintiandi\n")
    with runner_for(Path(db)) as runner:
        entries = runner.call(lambda d: staff_store.query_audit(d, entity="setting"))
    assert [(e.action, e.entity_id, e.actor) for e in entries] == [
        ("reset", "store_name", BOSS),
        ("update", "cti_extension", BOSS),
        ("update", "store_name", BOSS),
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["set", "role", "admin"], "'role' is not a setting"),
        (["get", "staff_name"], "'staff_name' is not a setting"),
        (["reset", "nope"], "'nope' is not a setting"),
        (["set", "cti_port", "99999"], "cti_port must be a whole number from 1 to 65535."),
        (["set", "cti_port", "eighty"], "cti_port must be a whole number from 1 to 65535."),
        (["set", "loyalty_every", "1"], "loyalty_every must be a whole number from 2 to 1000."),
        (
            ["set", "interface_language", "fr"],
            "interface_language must be one of: (empty), en, zh_CN, zh_TW.",
        ),
        (["set", "default_region", "XX"], "default_region must be a two-letter region code"),
        (["set", "time_zone", "Mars/Base"], "time_zone must be a time zone such as"),
        (["set", "cti_enabled", "maybe"], "cti_enabled must be yes or no."),
    ],
)
def test_refusals_exit_1_in_one_sentence(
    monkeypatch: pytest.MonkeyPatch,
    db: str,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    if argv[0] in ("set", "reset"):
        argv = [*argv, "--as", BOSS]
    code, out = main(monkeypatch, PIN + "\n", "settings", *argv, "--db", db)
    err = capsys.readouterr().err
    assert (code, out) == (1, "")
    assert message in err and err.count("\n") == 1


def test_a_non_admin_is_refused_and_the_refusal_audited(
    monkeypatch: pytest.MonkeyPatch, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = main(
        monkeypatch, PIN + "\n", "settings", "set", "store_name", "Mine", "--as", "Ann",
        "--db", db,
    )  # fmt: skip
    assert code == 1
    assert "agent" in capsys.readouterr().err
    code, _ = main(
        monkeypatch, "0000\n", "settings", "reset", "store_name", "--as", BOSS, "--db", db
    )
    assert code == 1  # a wrong PIN
    with runner_for(Path(db)) as runner:
        refused = runner.call(lambda d: staff_store.query_audit(d, action="refused"))
        assert [(e.actor, e.entity) for e in refused] == [("Ann", "setting")]
        assert runner.call(settings_store.get_setting, "store_name") is None


@pytest.mark.parametrize(
    "argv",
    [
        ["settings"],
        ["settings", "get"],
        ["settings", "set", "store_name"],
        ["settings", "set", "store_name", "X"],  # no --as
        ["settings", "reset", "store_name"],
        ["settings", "list", "--yaml"],
    ],
)
def test_usage_errors_exit_2(monkeypatch: pytest.MonkeyPatch, db: str, argv: list[str]) -> None:
    assert main(monkeypatch, "", *argv, "--db", db)[0] == 2
