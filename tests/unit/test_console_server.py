"""The console server end to end: a real aiohttp server on 127.0.0.1 (a free port) on a
throwaway PostgreSQL database, driven by the console's client and by the command line."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg
import pytest

from console import cli
from console.domain import protocol
from console.domain.clock import SystemClock
from console.server.http import SESSION_IDLE
from console.server.run import ServeRefused, parse_listen, tls_context
from console.services import secrets
from console.services.server_client import (
    ServerClient,
    ServerRefused,
    ServerUnreachable,
    server_url,
)
from console.services.staff import SignInRefused
from console.storage.postgres.store import PostgresStore, create_database
from tests.team_fixtures import PIN, Running, add_team_staff


def _raw(
    url: str, path: str, headers: dict[str, str], body: bytes | None = None
) -> tuple[int, dict]:
    request = urllib.request.Request(
        url + path, data=body, headers=headers, method="POST" if body is not None else "GET"
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_hello_names_the_server_and_its_protocol(server: Running) -> None:
    hello = ServerClient(server.url).hello()
    assert hello["server"] == "service-console"
    assert hello["protocol"] == protocol.PROTOCOL
    status, body = _raw(server.url, "/api/v1/hello", {})  # a plain check without the header
    assert status == 200 and body["data"]["protocol"] == protocol.PROTOCOL


@pytest.mark.parametrize("version", ["0", str(protocol.PROTOCOL + 1), "one", None])
def test_an_incompatible_version_is_told_to_update_the_app(
    server: Running, version: str | None
) -> None:
    headers = {} if version is None else {protocol.HEADER: version}
    for path in ("/api/v1/consoles", "/api/v1/enrol"):
        status, body = _raw(server.url, path, headers, b"{}" if path.endswith("enrol") else None)
        assert status == 426
        assert body["error"]["code"] == "update_app"
        assert "update" in body["error"]["message"]
    if version is not None:
        status, body = _raw(server.url, "/api/v1/hello", headers)
        assert (status, body["error"]["code"]) == (426, "update_app")


def test_enrol_with_a_code_once(server: Running) -> None:
    code = server.code()
    answer = ServerClient(server.url).enrol(code.lower().replace("-", " "), "  Front   desk 2 ")
    assert answer["console"]["name"] == "Front desk 2" and answer["console"]["active"]
    assert len(answer["token"]) >= 43
    with pytest.raises(ServerRefused) as used:
        ServerClient(server.url).enrol(code, "Front desk 3")
    assert (used.value.status, used.value.code) == (403, "enrolment_code_refused")
    with pytest.raises(ServerRefused) as unknown:
        ServerClient(server.url).enrol("AAAA-BBBB-CCCC-DDDD", "Front desk 3")
    assert unknown.value.code == "enrolment_code_refused"
    # The stored form of the token is a digest; the used code is gone.
    with psycopg.connect(server.store.dsn) as conn:
        tokens = conn.execute("SELECT token_digest FROM consoles").fetchall()
        assert answer["token"] not in {t[0] for t in tokens}
        assert conn.execute("SELECT count(*) FROM enrolment_codes").fetchone() == (0,)


def test_an_expired_code_is_refused(server: Running) -> None:
    code = server.code()
    server.clock.advance(hours=24, seconds=1)
    with pytest.raises(ServerRefused) as expired:
        ServerClient(server.url).enrol(code, "Front desk 2")
    assert expired.value.code == "enrolment_code_refused"


def test_a_bad_name_or_body_is_refused_with_a_code(server: Running) -> None:
    with pytest.raises(ServerRefused) as bad:
        ServerClient(server.url).enrol(server.code(), "Desk\x07")
    assert (bad.value.status, bad.value.code) == (400, "bad_console_name")
    headers = {protocol.HEADER: str(protocol.PROTOCOL), "Content-Type": "application/json"}
    for body in (b"not json", b"[1]", b'{"code": 5, "name": "x"}', b'{"request_id": "nope"}'):
        status, answer = _raw(server.url, "/api/v1/enrol", headers, body)
        assert (status, answer["error"]["code"]) == (400, "bad_request")
    status, answer = _raw(
        server.url, "/api/v1/nothing-here", {protocol.HEADER: str(protocol.PROTOCOL)}
    )
    assert (status, answer["error"]["code"]) == (401, "console_unknown")


def test_every_endpoint_but_hello_and_enrol_needs_a_device_token(server: Running) -> None:
    add_team_staff(server.store, server.clock)
    for token in (None, "made-up-token"):
        client = ServerClient(server.url, token)
        with pytest.raises(ServerRefused) as refused:
            client.sign_in("Mei", PIN)
        assert (refused.value.status, refused.value.code) == (401, "console_unknown")
    status, body = _raw(
        server.url,
        "/api/v1/consoles",
        {protocol.HEADER: str(protocol.PROTOCOL), "Authorization": "Basic abc"},
    )
    assert (status, body["error"]["code"]) == (401, "console_unknown")


def test_sign_in_through_the_server_shares_the_lockout_across_consoles(server: Running) -> None:
    add_team_staff(server.store, server.clock)
    one, two = server.console("Front desk 1"), server.console("Front desk 2")
    for client in (one, two, one):  # three wrong PINs, from two consoles
        with pytest.raises(SignInRefused) as wrong:
            client.sign_in("Tom", "111222")
        assert wrong.value.message.code == "staff.sign_in_refused"
    with pytest.raises(SignInRefused) as fourth:
        two.sign_in("Tom", "111222")
    assert fourth.value.message.code == "staff.account_locked"
    assert fourth.value.message.params() == {"minutes": 15}
    for client in (one, two):  # the right PIN is not even checked while locked
        with pytest.raises(SignInRefused) as locked:
            client.sign_in("Tom", "246810")
        assert locked.value.message.code == "staff.account_locked"
    with pytest.raises(SignInRefused) as nobody:
        one.sign_in("Nobody", PIN)
    assert nobody.value.message.code == "staff.sign_in_refused"
    server.clock.advance(minutes=16)
    assert two.sign_in("Tom", "246810")["staff"] == {"id": 2, "name": "Tom", "role": "agent"}


def test_admins_list_and_revoke_consoles_and_a_revoked_console_is_refused_at_once(
    server: Running,
) -> None:
    add_team_staff(server.store, server.clock)
    admin, other = server.console("Back office"), server.console("Front desk 2")
    other.sign_in("Tom", "246810")
    with pytest.raises(ServerRefused) as agent:
        other.consoles()
    assert (agent.value.status, agent.value.code) == (403, "not_allowed")
    with pytest.raises(ServerRefused) as no_session:
        admin.consoles()
    assert (no_session.value.status, no_session.value.code) == (401, "session_required")
    admin.sign_in("Mei", PIN)
    # A session belongs to the console that signed in: another console cannot use it.
    stolen = ServerClient(server.url, other.token, admin.session)
    with pytest.raises(ServerRefused) as borrowed:
        stolen.consoles()
    assert borrowed.value.code == "session_required"
    listed = admin.consoles()
    assert [c["name"] for c in listed] == ["Front desk 2", "Back office"]
    target = listed[0]["id"]
    done = admin.revoke(target)
    assert done["active"] is False and done["revoked_by"] == "Mei"
    with pytest.raises(ServerRefused) as revoked:
        other.consoles()
    assert (revoked.value.status, revoked.value.code) == (401, "console_revoked")
    with pytest.raises(ServerRefused) as revoked_sign_in:
        other.sign_in("Tom", "246810")
    assert revoked_sign_in.value.code == "console_revoked"
    assert admin.revoke(target)["revoked_at"] == done["revoked_at"]  # the first one stays
    with pytest.raises(ServerRefused) as missing:
        admin.revoke(999)
    assert (missing.value.status, missing.value.code) == (404, "no_such_console")
    # Audited: the enrolments in the consoles' names, the revocation in the admin's.
    with psycopg.connect(server.store.dsn) as conn:
        rows = conn.execute(
            "SELECT actor, action, entity_id FROM audit WHERE entity = 'console' ORDER BY id"
        ).fetchall()
    assert ("Mei", "revoke", str(target)) in [(a, b, str(c)) for a, b, c in rows]
    assert [a for a, b, _ in rows if b == "enrol"] == [
        "console:1:Back office",
        "console:2:Front desk 2",
    ]
    assert [b for _, b, _ in rows].count("revoke") == 1


def test_a_session_ends_after_it_is_idle(server: Running) -> None:
    add_team_staff(server.store, server.clock)
    admin = server.console()
    admin.sign_in("Mei", PIN)
    assert len(admin.consoles()) == 1
    server.clock.advance(seconds=SESSION_IDLE + 1)
    with pytest.raises(ServerRefused) as ended:
        admin.consoles()
    assert ended.value.code == "session_required"


@pytest.mark.parametrize("listen", ["0.0.0.0:8740", "192.168.1.5", "[::]:9000", "server.example"])
def test_a_non_loopback_address_needs_tls(listen: str) -> None:
    with pytest.raises(ServeRefused, match="needs TLS"):
        tls_context(parse_listen(listen), None, None)


@pytest.mark.parametrize("listen", ["127.0.0.1:8740", "localhost", "[::1]:9000", ":8741"])
def test_plain_http_on_loopback(listen: str) -> None:
    assert tls_context(parse_listen(listen), None, None) is None


def test_listen_addresses() -> None:
    assert parse_listen("[::1]:9000").url(tls=True) == "https://[::1]:9000"
    assert parse_listen("localhost").port == 8740
    for bad in ("host:99999", "::1", "a b:80", "host:x"):
        with pytest.raises(ServeRefused):
            parse_listen(bad)
    with pytest.raises(ServeRefused, match="both"):
        tls_context(parse_listen("0.0.0.0"), "cert.pem", None)


def test_server_addresses_for_consoles() -> None:
    assert server_url("https://console-server") == "https://console-server:8740"
    assert server_url("http://127.0.0.1:9000/") == "http://127.0.0.1:9000"
    for bad in ("http://console-server:8740", "ftp://x", "https://x/api", "https://x:99999"):
        with pytest.raises(ValueError):
            server_url(bad)


def _cli(
    args: list[str], stdin: str = "", monkeypatch: pytest.MonkeyPatch | None = None
) -> tuple[int, str]:
    out = io.StringIO()
    assert monkeypatch is not None
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return cli.main(args, out), out.getvalue()


def test_serve_refuses_plain_http_on_a_network_address(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = _cli(
        ["serve", "--database", "postgresql://nobody@127.0.0.1:1/none", "--listen", "0.0.0.0:8740"],
        monkeypatch=monkeypatch,
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "needs TLS" in err and err.count("\n") == 1 and "Traceback" not in err


def test_serve_refuses_a_newer_schema(
    postgres_store: PostgresStore,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with psycopg.connect(postgres_store.dsn, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_migrations (name) VALUES ('9999_from_the_future')")
    code, out = _cli(
        ["serve", "--database", postgres_store.dsn, "--listen", "127.0.0.1:8740"],
        monkeypatch=monkeypatch,
    )
    err = capsys.readouterr().err
    assert code == 1 and out == ""
    assert "newer version" in err and err.count("\n") == 1 and "Traceback" not in err


def test_server_init_enrol_code_and_enrol_on_the_command_line(
    server: Running, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    dsn = server.store.dsn
    # The command line's clock is the system's: the server's reads the same time here.
    server.clock.set(SystemClock().utc())
    code, out = _cli(
        ["server", "init", "--database", dsn, "--admin", "Mei"], PIN + "\n", monkeypatch
    )
    assert code == 0 and "added admin Mei" in out
    code, _ = _cli(["server", "init", "--database", dsn, "--admin", "Li"], PIN + "\n", monkeypatch)
    assert code == 1 and "has staff already" in capsys.readouterr().err

    code, printed = _cli(["server", "enrol-code", "--database", dsn], monkeypatch=monkeypatch)
    assert code == 0
    enrol_code = printed.strip()
    code, token = _cli(
        ["enrol", "--server", server.url, enrol_code, "--name", "Script box", "--print-token"],
        monkeypatch=monkeypatch,
    )
    assert code == 0
    token = token.strip()
    assert ServerClient(server.url, token).sign_in("Mei", PIN)["console"] == 1
    assert secrets.device_token(server_url(server.url)) is None  # printed, not kept

    code, _ = _cli(["enrol", "--server", server.url, enrol_code], monkeypatch=monkeypatch)
    assert code == 1 and "unknown, used or expired" in capsys.readouterr().err
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")  # the server's refusal in the reader's language
    code, _ = _cli(["enrol", "--server", server.url, enrol_code], monkeypatch=monkeypatch)
    assert (code, capsys.readouterr().err) == (
        1,
        "service-console: 这个注册代码无效、已用过或已过期；请在服务器上生成新的代码："
        "service-console server enrol-code\n",
    )
    monkeypatch.setenv("LANG", "C")

    # Kept in the (test's in-memory) keychain; SERVICE_CONSOLE_SERVER replaces --server.
    monkeypatch.setenv("SERVICE_CONSOLE_SERVER", server.url)
    code, printed = _cli(["server", "enrol-code", "--database", dsn], monkeypatch=monkeypatch)
    code, out = _cli(["enrol", printed.strip(), "--name", "Front desk 2"], monkeypatch=monkeypatch)
    assert code == 0 and "enrolled as console #2 (Front desk 2)" in out
    assert secrets.device_token(server_url(server.url))
    code, out = _cli(["consoles", "list", "--as", "Mei"], PIN + "\n", monkeypatch)
    assert code == 0
    assert [line.split("\t")[1] for line in out.splitlines()] == ["Front desk 2", "Script box"]
    code, out = _cli(["consoles", "revoke", "1", "--as", "Mei"], PIN + "\n", monkeypatch)
    assert (code, out) == (0, "console #1 (Script box) is revoked\n")
    # The listing's fixed words in the locale's language; the English stays as scripts read it.
    for locale, enrolled, revoked in [
        ("zh_CN.UTF-8", "\t注册于 ", r"\t已于 \S+ 被 Mei 撤销$"),
        ("zh_TW.UTF-8", "\t註冊於 ", r"\t已於 \S+ 被 Mei 撤銷$"),
        ("C", "\tenrolled ", r"\trevoked \S+ by Mei$"),
    ]:
        monkeypatch.delenv("LC_ALL", raising=False)
        monkeypatch.delenv("LC_MESSAGES", raising=False)
        monkeypatch.setenv("LANG", locale)
        code, out = _cli(["consoles", "list", "--as", "Mei"], PIN + "\n", monkeypatch)
        rows = out.splitlines()
        assert code == 0 and all(enrolled in row for row in rows), out
        assert [bool(re.search(revoked, row)) for row in rows] == [False, True], out
    code, _ = _cli(["consoles", "list", "--as", "Mei"], "000000\n", monkeypatch)
    assert code == 1 and "do not match" in capsys.readouterr().err
    # The script's token now stops working.
    monkeypatch.setenv("SERVICE_CONSOLE_DEVICE_TOKEN", token)
    code, _ = _cli(["consoles", "list", "--as", "Mei"], PIN + "\n", monkeypatch)
    assert code == 1 and "revoked" in capsys.readouterr().err


def test_console_commands_without_a_server_or_token_say_what_to_do(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("SERVICE_CONSOLE_SERVER", raising=False)
    code, _ = _cli(["enrol", "AAAA"], monkeypatch=monkeypatch)
    assert code == 2 and "--server" in capsys.readouterr().err
    code, _ = _cli(
        ["consoles", "list", "--server", "http://127.0.0.1:1", "--as", "Mei"],
        monkeypatch=monkeypatch,
    )
    assert code == 1 and "not enrolled" in capsys.readouterr().err
    code, _ = _cli(["enrol", "--server", "http://127.0.0.1:1", "AAAA"], monkeypatch=monkeypatch)
    err = capsys.readouterr().err
    assert code == 1 and "cannot be reached" in err and "Traceback" not in err
    code, _ = _cli(["enrol", "--server", "http://console-server", "AAAA"], monkeypatch=monkeypatch)
    assert code == 2 and "https://" in capsys.readouterr().err


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")
def test_serve_migrates_a_new_database_and_serves_over_tls(
    pg_cluster_dsn: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = f"sc_serve_{os.getpid()}"
    create_database(pg_cluster_dsn, name)  # empty: serve migrates it
    dsn = pg_cluster_dsn.rsplit("/", 1)[0] + "/" + name
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    openssl = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
    openssl += ["-keyout", str(key), "-out", str(cert), "-subj", "/CN=localhost"]
    openssl += ["-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"]
    subprocess.run(
        openssl,
        check=True,
        capture_output=True,
    )
    port = _free_port()
    command = [sys.executable, "-m", "console.cli", "serve", "--database", dsn]
    command += ["--listen", f"127.0.0.1:{port}", "--tls-cert", str(cert), "--tls-key", str(key)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        assert f"https://127.0.0.1:{port}" in proc.stdout.readline()
        monkeypatch.setenv("SSL_CERT_FILE", str(cert))
        client = ServerClient(f"https://127.0.0.1:{port}")
        deadline = time.monotonic() + 30
        while True:
            try:
                hello = client.hello()
                break
            except ServerUnreachable:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.1)
        assert hello["protocol"] == protocol.PROTOCOL
        with pytest.raises(ServerUnreachable):  # plain HTTP is not served there
            ServerClient(f"http://127.0.0.1:{port}", timeout=5).hello()
        with psycopg.connect(dsn) as conn:
            steps = conn.execute("SELECT count(*) FROM schema_migrations").fetchone()
        assert steps is not None and steps[0] >= 4
    finally:
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "Traceback" not in err


def test_server_grant_lets_a_login_run_the_server_but_never_rewrite_the_trail(
    server: Running, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    dsn = server.store.dsn
    role = f"sc_server_{os.getpid()}_{time.monotonic_ns() % 100000}"
    code, _ = _cli(["server", "grant", "--database", dsn, "--role", role], monkeypatch=monkeypatch)
    assert code == 1 and "there is no PostgreSQL role" in capsys.readouterr().err
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "{role}" LOGIN')
    try:
        code, out = _cli(
            ["server", "grant", "--database", dsn, "--role", role], monkeypatch=monkeypatch
        )
        assert code == 0 and out.startswith(f"{role} may now run the server")
        add_team_staff(server.store, server.clock)
        as_server = dsn.replace("postgresql://postgres@", f"postgresql://{role}@")
        with psycopg.connect(as_server, autocommit=True) as conn:
            assert conn.execute("SELECT count(*) FROM staff").fetchone() == (2,)
            for statement in (
                "DELETE FROM audit",
                "UPDATE audit SET actor = 'x'",
                "UPDATE audit SET console = 'x'",
                "TRUNCATE staff_sessions",
            ):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(statement)
            # Staff sessions are the server's to keep and end (sign-out, idle, revoked).
            conn.execute("UPDATE staff_sessions SET last_used_at = last_used_at")
            conn.execute("DELETE FROM staff_sessions")
    finally:
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f'DROP OWNED BY "{role}"')
            conn.execute(f'DROP ROLE "{role}"')
