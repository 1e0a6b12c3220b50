"""``import customers|purchases`` and ``export customers`` through the console server
(issue 15): the file goes up in parts (an upload bound to the console), the server runs
the desk's import on PostgreSQL with the desk's rights and audit, and the command prints
what it prints with ``--db``; the export comes back streamed, byte for byte the desk's."""

from __future__ import annotations

import asyncio
import io
import sys
from pathlib import Path
from typing import cast

import pytest

from console import cli
from console.domain import protocol
from console.repositories.staff import AuditQuery
from console.server.http import STATE
from console.services import secrets, transfers
from console.services.bulk import BulkService, UploadRefused
from console.services.remote import RemoteService
from console.services.server_client import ServerClient, ServerRefused
from tests.team_fixtures import AGENT_PIN, PIN, Running, add_team_staff

HEADER = "name,preferred_name,phones,email,member_no,birthday,tier,preferences,notes\n"
GOOD_CSV = (
    HEADER + "张伟,张先生,138 1234 5678;work:+86 10 8765 4321,zw@example.com,M-1,1990-05-01,VIP,"
    'Earl Grey no sugar;quiet table,"likes the window\nsecond line"\n'
    "Zoë O'Brien,Zoë,+44 20 7946 0958,zoe@example.com,M-2,--02-29,gold,size 39,\n"
    "Ravi Patel,Dr. Patel,,,,,,,\n"
    "=cmd,'+x,139 0000 1111,,-42,,,=1+1,\n"
)
BAD_CSV = (
    HEADER + "Good Person,,138 0000 0001,,,,,,\n"
    ",no name,,,,,,,\n"
    "Bad Phone,,12,,,,,,\n"
    "Bad Tier,,,,,,platinum,,\n"
)
PURCHASES_CSV = (
    "member_no,phone,date,item,quantity,price,currency,store\n"
    "M-1,,2026-11-01 09:30,Latte,2,30.5,cny,Jing'an\n"
    "M-1,,2026-11-01 09:30,Cake,1,18,CNY,Jing'an\n"
    ",+44 20 7946 0958,2026-11-02,Tea,1,4.20,GBP,London\n"
    "M-404,,2026-11-02,Tea,1,4,CNY,\n"
)


def _cli(
    capsys: pytest.CaptureFixture[str], *argv: str, pin: str | None = None
) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of one command (the PIN on stdin)."""
    real = sys.stdin
    sys.stdin = io.StringIO(f"{pin}\n" if pin else "")
    out = io.StringIO()
    capsys.readouterr()
    try:
        code = cli.main(list(argv), out=out)
    finally:
        sys.stdin = real
    return code, out.getvalue(), capsys.readouterr().err


@pytest.fixture
def desk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A desk's database with the team's people: Mei (admin) and Tom (agent), same PINs."""
    db = tmp_path / "desk.db"
    assert _cli(capsys, "staff", "add", "--db", str(db), "--name", "Mei", "--role", "admin",
                pin=PIN)[0] == 0  # fmt: skip
    real = sys.stdin
    sys.stdin = io.StringIO(f"{PIN}\n{AGENT_PIN}\n")
    try:
        added = cli.main(
            ["staff", "add", "--db", str(db), "--as", "Mei", "--name", "Tom", "--role", "agent"],
            out=io.StringIO(),
        )
    finally:
        sys.stdin = real
    assert added == 0
    return db


@pytest.fixture
def team(server: Running, monkeypatch: pytest.MonkeyPatch) -> Running:
    """The server with Mei and Tom, and this command line enrolled on it."""
    add_team_staff(server.store, server.clock)
    client = server.console("Back office")
    assert client.token
    monkeypatch.setenv(secrets.DEVICE_TOKEN_ENV, client.token)
    return server


def _file(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return str(path)


def _both(
    capsys: pytest.CaptureFixture[str], team: Running, desk: Path, *argv: str, pin: str = PIN
) -> tuple[tuple[int, str, str], tuple[int, str, str]]:
    """The same command with ``--server`` and with ``--db``."""
    remote = _cli(capsys, *argv, "--server", team.url, pin=pin)
    local = _cli(capsys, *argv, "--db", str(desk), pin=pin)
    return remote, local


def _export(capsys: pytest.CaptureFixture[str], where: tuple[str, str], *argv: str) -> str:
    code, out, err = _cli(capsys, "export", "customers", *where, "--as", "Mei", *argv, pin=PIN)
    assert code == 0, err
    return out


def _server_customers(team: Running) -> int:
    return int(
        team.store.read_now(lambda r: r.conn.execute("SELECT count(*) FROM customers").fetchone())[
            0
        ]
    )


def test_a_good_file_imports_as_on_a_desk_and_exports_the_same_bytes(
    team: Running, desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _file(tmp_path, "good customers.csv", GOOD_CSV)
    remote, local = _both(capsys, team, desk, "import", "customers", "--as", "Mei", good)
    assert remote == local
    assert remote == (0, "imported 4 customers; skipped 0 bad row(s)\n", "")
    assert _server_customers(team) == 4

    # The same customers: the exports (CSV, JSON, to stdout, with -o) are the same bytes.
    server, db = ("--server", team.url), ("--db", str(desk))
    for argv in ((), ("--format", "json"), ("--consent", "marketing")):
        assert _export(capsys, server, *argv) == _export(capsys, db, *argv)
    assert "张伟" in _export(capsys, server) and "'=cmd" in _export(capsys, server)
    remote_file, desk_file = tmp_path / "team.csv", tmp_path / "desk.csv"
    remote_file.write_text("the previous file")
    code, out, err = _cli(
        capsys, "export", "customers", *server, "--as", "Mei", "-o", str(remote_file), pin=PIN
    )
    desk_said = _cli(
        capsys, "export", "customers", *db, "--as", "Mei", "-o", str(desk_file), pin=PIN
    )
    assert (code, out, err.replace(str(remote_file), "FILE")) == (
        desk_said[0],
        desk_said[1],
        desk_said[2].replace(str(desk_file), "FILE"),
    )
    assert err.startswith("exported 4 customers to ")
    assert remote_file.read_bytes() == desk_file.read_bytes()
    assert remote_file.stat().st_mode & 0o777 == 0o600

    # Purchases for those customers: the same lines (a bad row rejects the file), then
    # with --skip-invalid the same good rows.
    purchases = _file(tmp_path, "p.csv", PURCHASES_CSV)
    remote, local = _both(capsys, team, desk, "import", "purchases", "--as", "Mei", purchases)
    assert remote == local and remote[0] == 1 and "M-404" in remote[2]
    argv = ("import", "purchases", "--as", "Mei", "--skip-invalid", purchases)
    remote, local = _both(capsys, team, desk, *argv)
    assert remote == local and remote[:2] == (
        0,
        "imported 3 purchases; skipped 1 bad row(s)\n",
    )

    # The server's audit trail says who, how many and which file — never a customer's data.
    entries = asyncio.run(team.store.read(lambda r: r.staff.audit_entries(AuditQuery())))
    done = [
        (e.actor, e.action, e.entity, e.fields) for e in entries if e.action in ("import", "export")
    ]
    assert (
        "Mei",
        "import",
        "customers",
        {"rows": 4, "bad_rows": 0, "file": "good customers.csv"},
    ) in done
    assert ("Mei", "export", "customers", {"rows": 4, "file": "team.csv", "format": "csv"}) in done
    assert (
        "Mei",
        "export",
        "customers",
        {"rows": 4, "file": "(standard output)", "format": "json"},
    ) in done
    assert not any("张伟" in str(fields) for *_, fields in done)


def test_a_rejected_file_changes_nothing_with_the_same_lines(
    team: Running,
    desk: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bad = _file(tmp_path, "bad.csv", BAD_CSV)
    remote, local = _both(capsys, team, desk, "import", "customers", "--as", "Mei", bad)
    assert remote == local
    code, out, err = remote
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "line 3, column name: name is empty",
        "line 4, column phones: '12' is not a valid phone number for region CN",
        "line 5, column tier: unknown tier 'platinum' (use one of: regular, silver, gold, vip)",
        "3 bad row(s); nothing was imported (fix them, or use --skip-invalid to import the "
        "good rows)",
    ]
    assert _server_customers(team) == 0
    # In the reader's language, as a desk says it.
    from tests.unit.test_cli_words import speak

    speak(monkeypatch, "zh_CN.UTF-8")
    remote, local = _both(capsys, team, desk, "import", "customers", "--as", "Mei", bad)
    assert remote == local and remote[0] == 1
    assert any("\u4e00" <= ch <= "\u9fff" for ch in remote[2])
    assert _server_customers(team) == 0


def test_dry_run_and_skip_invalid_say_what_a_desk_says(
    team: Running, desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _file(tmp_path, "bad.csv", BAD_CSV)
    good = _file(tmp_path, "good.csv", GOOD_CSV)
    remote, local = _both(
        capsys, team, desk, "import", "customers", "--as", "Mei", "--dry-run", good
    )
    assert remote == local == (0, "would import 4 customers; skipped 0 bad row(s)\n", "")
    assert _server_customers(team) == 0
    argv = ("import", "customers", "--as", "Mei", "--dry-run", "--skip-invalid", bad)
    assert _both(capsys, team, desk, *argv)[0] == _both(capsys, team, desk, *argv)[1]
    assert _server_customers(team) == 0
    remote, local = _both(
        capsys, team, desk, "import", "customers", "--as", "Mei", "--skip-invalid", bad
    )
    assert remote == local
    assert remote[:2] == (0, "imported 1 customers; skipped 3 bad row(s)\n")
    assert len(remote[2].splitlines()) == 3
    assert _server_customers(team) == 1


def test_an_agent_is_refused_as_on_a_desk_before_any_file_is_sent(
    team: Running, desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _file(tmp_path, "good.csv", GOOD_CSV)
    remote, local = _both(
        capsys, team, desk, "import", "customers", "--as", "Tom", good, pin=AGENT_PIN
    )
    assert remote == local == (1, "", "an agent may not import (ask: manager, admin)\n")
    remote, local = _both(capsys, team, desk, "export", "customers", "--as", "Tom", pin=AGENT_PIN)
    assert remote == local == (1, "", "an agent may not export (ask: manager, admin)\n")
    remote, local = _both(
        capsys, team, desk, "import", "customers", "--as", "Mei", good, pin="000000"
    )
    assert remote == local and remote[0] == 1
    assert _server_customers(team) == 0
    assert not list(_uploads_folder(team).iterdir())
    refused = asyncio.run(
        team.store.read(lambda r: r.staff.audit_entries(AuditQuery(action="refused")))
    )
    assert {(e.actor, e.entity) for e in refused} >= {("Tom", "customers")}


def _uploads_folder(team: Running) -> Path:
    """The server's private folder of uploads (the test server's app state)."""
    assert team.app is not None
    uploads = team.app[STATE].uploads
    assert uploads is not None
    return uploads.folder


def test_a_file_crossing_many_parts(
    team: Running,
    desk: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = "".join(
        f"Person {n},,+86 138 {n:04d} {n:04d},p{n}@example.com,M-{n},,,,\n" for n in range(300)
    )
    big = _file(tmp_path, "many.csv", "\ufeff" + HEADER + rows)
    monkeypatch.setattr(transfers, "PART", 97)  # about 170 parts
    sent: list[int] = []
    real = ServerClient._bytes

    def counting(
        self: ServerClient, method: str, path: str, data: bytes | None, timeout: float | None = None
    ) -> tuple[int, bytes, str]:
        if method == "PUT":
            sent.append(len(data or b""))
        return real(self, method, path, data, timeout)

    monkeypatch.setattr(ServerClient, "_bytes", counting)
    remote, local = _both(capsys, team, desk, "import", "customers", "--as", "Mei", big)
    assert remote == local == (0, "imported 300 customers; skipped 0 bad row(s)\n", "")
    assert len(sent) > 100 and max(sent) == 97 and sum(sent) == Path(big).stat().st_size
    assert _export(capsys, ("--server", team.url)) == _export(capsys, ("--db", str(desk)))
    assert not list(_uploads_folder(team).iterdir())  # deleted after the import


def test_an_upload_is_its_consoles_alone_and_limited(team: Running, tmp_path: Path) -> None:
    mine = team.console("Front desk 1")
    mine.sign_in("Mei", PIN)
    other = team.console("Front desk 2")
    other.sign_in("Mei", PIN)
    data = GOOD_CSV.encode()
    upload = mine.upload(io.BytesIO(data), len(data), part=10)
    # Another console cannot read, write, drop or import it, even as the same person.
    for attempt in (
        lambda: other.upload_status(upload),
        lambda: other.discard_upload(upload),
    ):
        with pytest.raises(ServerRefused) as refused:
            attempt()
        assert (refused.value.status, refused.value.code) == (404, "no_such_upload")
    theirs = cast(BulkService, _imports(other))
    with pytest.raises(UploadRefused) as unusable:
        asyncio.run(theirs.import_customers(upload, region="CN"))
    assert "holds no file" in str(unusable.value)
    assert _server_customers(team) == 0
    # Its own console can: once.
    ours = cast(BulkService, _imports(mine))
    result = asyncio.run(ours.import_customers(upload, region="CN", file_name="x.csv"))
    assert (result.imported, result.errors) == (4, [])
    with pytest.raises(UploadRefused):
        asyncio.run(ours.import_customers(upload, region="CN"))
    with pytest.raises(UploadRefused):  # never a path
        asyncio.run(ours.import_customers("/etc/passwd", region="CN"))

    # Too large, past its size, a gap, unfinished, expired: refused with a clear sentence.
    with pytest.raises(ServerRefused) as large:
        mine.upload(io.BytesIO(b""), protocol.MAX_UPLOAD + 1)
    assert (large.value.status, large.value.code) == (413, "upload_too_large")
    assert (
        str(large.value.message)
        == f"a file sent to the console server may be at most {protocol.MAX_UPLOAD} bytes"
    )
    half = str(mine._call("POST", "/uploads", {"size": 100})["upload"])
    assert mine._bytes("PUT", f"/uploads/{half}?offset=0", b"x" * 10)[0] == 200
    status, raw, _ = mine._bytes("PUT", f"/uploads/{half}?offset=50", b"x" * 10)  # a gap
    assert status == 409 and b"upload_offset" in raw
    status, raw, _ = mine._bytes("PUT", f"/uploads/{half}?offset=0", b"x" * 101)  # past its size
    assert status == 413 and b"upload_too_large" in raw
    assert mine.upload_status(half)["received"] == 10
    with pytest.raises(UploadRefused) as unfinished:
        asyncio.run(ours.import_customers(half, region="CN"))
    assert "not complete" in str(unfinished.value)
    late = mine.upload(io.BytesIO(data), len(data))
    team.clock.advance(seconds=protocol.UPLOAD_IDLE + 1)
    with pytest.raises(ServerRefused) as expired:
        mine.upload_status(late)
    assert expired.value.code == "no_such_upload"
    assert not list(_uploads_folder(team).iterdir())


def _imports(client: ServerClient) -> RemoteService:
    return RemoteService(client, "imports")


def test_a_file_over_the_limit_is_refused_before_it_is_sent(
    team: Running,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    good = _file(tmp_path, "good.csv", GOOD_CSV)
    monkeypatch.setattr(protocol, "MAX_UPLOAD", 100)
    code, out, err = _cli(
        capsys, "import", "customers", "--server", team.url, "--as", "Mei", good, pin=PIN
    )
    assert (code, out) == (1, "")
    assert err == "service-console: a file sent to the console server may be at most 100 bytes\n"
    assert _server_customers(team) == 0


def test_an_export_that_fails_midway_leaves_the_previous_file(
    team: Running,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    good = _file(tmp_path, "good.csv", GOOD_CSV)
    assert _cli(capsys, "import", "customers", "--server", team.url, "--as", "Mei", good,
                pin=PIN)[0] == 0  # fmt: skip
    from console.repositories.errors import StoreError
    from console.services import imports

    def failing(store: object, out: io.TextIOBase, fmt: str, **kwargs: object) -> int:
        out.write("name,preferred_name\r\n" + "x" * 200_000)  # some frames have gone out
        raise StoreError("the database went away")

    monkeypatch.setattr(imports, "export_customers", failing)
    target = tmp_path / "mailing.csv"
    target.write_text("the previous file")
    code, out, err = _cli(
        capsys, "export", "customers", "--server", team.url, "--as", "Mei", "-o", str(target),
        pin=PIN,
    )  # fmt: skip
    assert (code, out) == (1, "")
    assert err == "service-console: the database went away\n"
    assert target.read_text() == "the previous file"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".mailing")] == []
    exported = asyncio.run(
        team.store.read(lambda r: r.staff.audit_entries(AuditQuery(action="export")))
    )
    assert exported == []  # not recorded: nothing was exported


def test_every_customer_is_read_in_order_in_and_outside_a_transaction(
    team: Running, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import psycopg

    from console.storage.postgres.customer_rows import iter_customers

    rows = "".join(f"Person {n},,+86 138 {n:04d} {n:04d},,M-{n},,,,\n" for n in range(7))
    many = _file(tmp_path, "seven.csv", HEADER + rows)
    assert _cli(capsys, "import", "customers", "--server", team.url, "--as", "Mei", many,
                pin=PIN)[0] == 0  # fmt: skip
    inside = team.store.read_now(
        lambda r: [(c.id, c.name, c.phones) for c in iter_customers(r.conn, batch_size=3)]
    )
    with psycopg.connect(team.store.dsn, autocommit=True) as conn:  # no transaction
        outside = [(c.id, c.name, c.phones) for c in iter_customers(conn, batch_size=3)]
    assert inside == outside
    assert [name for _id, name, _phones in inside] == [f"Person {n}" for n in range(7)]
    assert [i for i, *_ in inside] == sorted(i for i, *_ in inside)
