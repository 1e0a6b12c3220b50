"""``service-console calls`` and ``service-console cti-test`` (public command lines)."""

from __future__ import annotations

import asyncio
import io
import json
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from console import cli
from console.domain.calls import parse_event
from console.services.calls import CallEvents, CallService, CallUpdate
from console.services.cti import CtiServer
from console.services.customers import CustomerService
from console.services.secrets import CTI_TOKEN_ENV
from console.services.settings import SettingsService
from console.storage.sqlite.runner import DatabaseRunner
from tests.unit.conftest import add_customer

TOKEN = "cli-test-token-0123456789abcdefgh"


def main(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.main(list(argv), out=out)
    return code, out.getvalue()


def _event(kind: str, call_id: str, **extra: str) -> dict[str, list[str]]:
    fields = {"event": kind, "callId": call_id, "from": "+8613812345678", "direction": "in"}
    fields.update(extra)
    return {k: [v] for k, v in fields.items()}


def test_calls_json_lists_recent_calls(db_path: Path) -> None:
    with DatabaseRunner(db_path) as runner:
        li = add_customer(runner, "李娜", phones=["+8613812345678"])
        calls = CallService(runner, CustomerService(runner, SettingsService(runner)))
        calls.handle_now(parse_event(_event("newCall", "a")))
        calls.handle_now(parse_event(_event("hangup", "a", cause="cancel")))
        calls.handle_now(parse_event(_event("newCall", "b", **{"from": "13900000000"})))
    code, out = main("calls", "--db", str(db_path), "--json")
    assert code == 0
    listed = json.loads(out)
    assert {c["callId"] for c in listed} == {"a", "b"}
    by_id = {c["callId"]: c for c in listed}
    a, b = by_id["a"], by_id["b"]
    assert (a["from"], a["direction"], a["state"], a["customer_id"], a["match"]) == (
        "+8613812345678",
        "in",
        "missed",
        li,
        "exact",
    )
    assert (b["state"], b["customer_id"], b["match"]) == ("ringing", None, "none")
    for call in listed:
        assert {"started_at", "answered_at", "ended_at"} <= call.keys()
    assert a["ended_at"] is not None and a["answered_at"] is None

    code, out = main("calls", "--db", str(db_path), "--limit", "1", "--json")
    assert code == 0 and len(json.loads(out)) == 1
    code, out = main("calls", "--db", str(db_path))
    assert code == 0 and "missed" in out and "+8613812345678" in out


def test_calls_usage_errors(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main("calls", "--db", str(db_path), "--limit", "0")[0] == 2
    assert "--limit" in capsys.readouterr().err
    assert main("cti-test", "--port", "1")[0] == 2  # --from is required
    assert main("--cti-port", "70000")[0] == 2


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_cti_test_sends_a_new_call_to_a_running_console(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(CTI_TOKEN_ENV, TOKEN)
    updates: list[CallUpdate] = []

    async def scenario() -> tuple[int, str]:
        with DatabaseRunner(db_path) as runner:
            add_customer(runner, "李娜", phones=["+8613812345678"])
            calls = CallService(runner, CustomerService(runner, SettingsService(runner)))
            events = CallEvents(calls, updates.append)
            events.start()
            server = CtiServer(events.submit, TOKEN, port=0)
            await server.start()
            try:
                out = io.StringIO()
                argv = ["cti-test", "--port", str(server.port), "--from", "138 1234 5678"]
                code = await asyncio.to_thread(cli.main, argv, out)
                await events.idle()
            finally:
                await server.stop()
                await events.stop()
            return code, out.getvalue()

    code, out = asyncio.run(scenario())
    assert code == 0, capsys.readouterr().err
    assert "accepted" in out and TOKEN not in out
    [update] = updates
    assert update.event.from_number == "138 1234 5678"
    assert update.call.call_id.startswith("cti-test-")
    assert update.call.customer_id is not None


def test_cti_test_says_when_nobody_listens(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(CTI_TOKEN_ENV, TOKEN)
    code, _ = main("cti-test", "--port", str(_free_port()), "--from", "13812345678")
    assert code == 1
    assert "no console is listening" in capsys.readouterr().err


def test_cti_test_needs_a_token(capsys: pytest.CaptureFixture[str]) -> None:
    import keyring

    keyring.delete_password("service-console", "cti-token")
    code, _ = main("cti-test", "--port", str(_free_port()), "--from", "13812345678")
    assert code == 1
    assert "no call-event token yet" in capsys.readouterr().err


def test_cti_test_reports_a_refused_token(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(CTI_TOKEN_ENV, "not-the-token")

    async def scenario() -> int:
        server = CtiServer(lambda e, r: None, TOKEN, port=0)
        await server.start()
        try:
            argv = ["cti-test", "--port", str(server.port), "--from", "13812345678"]
            return await asyncio.to_thread(cli.main, argv, io.StringIO())
        finally:
            await server.stop()

    assert asyncio.run(scenario()) == 1
    assert "refused the call (403): wrong token" in capsys.readouterr().err


def test_call_commands_import_neither_qt_nor_aiohttp(db_path: Path) -> None:
    code = textwrap.dedent(
        f"""
        import io, json, sys
        from console.cli import main
        codes = [
            main(["calls", "--db", {str(db_path)!r}, "--json"], out=io.StringIO()),
            main(["cti-test", "--port", "{_free_port()}", "--from", "1"], out=io.StringIO()),
        ]
        heavy = sorted(
            m for m in sys.modules
            if m.split(".")[0] in ("PySide6", "shiboken6", "qasync", "aiohttp")
        )
        print(json.dumps({{"codes": codes, "heavy": heavy}}))
        """
    )
    env = {**os.environ, CTI_TOKEN_ENV: TOKEN}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {"codes": [0, 1], "heavy": []}
