"""Import customers through the console server, as a console does (issue 15).

    python -m tests.benchmarks.bench_server_import [--customers 1000000] [--dir /tmp/sc-bench]

A throwaway PostgreSQL cluster (tests/pg_cluster.py) and, in their own processes as on a
team's machines, ``service-console serve`` on loopback and the console's commands:
``server init`` (the admin), ``server enrol-code`` and ``enrol --print-token``, then the
timed ``import customers --server URL --as ADMIN FILE`` (the file goes up in parts, the
server runs the desk's import on PostgreSQL) and ``export customers --server … -o``.
The CSV is ``bench_import``'s (made when missing, reused when complete). Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from console.domain import protocol
from console.services.server_client import ServerClient
from console.storage.postgres.store import create_database
from tests import pg_cluster
from tests.benchmarks.bench_import import _write_csv

PIN = "739154"
ADMIN = "Mei"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _cli(*argv: str, stdin: str = "", env: dict[str, str] | None = None) -> tuple[str, str, float]:
    """Run ``service-console ARGV`` in a new process: its stdout, stderr, wall seconds."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "console.cli", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{argv[:2]} exited {done.returncode}: {done.stderr.strip()}")
    return done.stdout, done.stderr, seconds


def _wait_for(url: str, process: subprocess.Popen[bytes], seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the server stopped before it listened")
        try:
            with urllib.request.urlopen(f"{url}{protocol.API}/hello", timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the server did not listen in time")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/sc-bench"))
    parser.add_argument(
        "--setting",
        action="append",
        default=[],
        help="a server setting for the throwaway cluster, e.g. shared_buffers=1GB (repeatable)",
    )
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    csv_path = args.dir / f"customers-{args.customers}.csv"
    csv_info = _write_csv(csv_path, args.customers, args.seed)
    load_before = os.getloadavg()
    env = dict(os.environ)
    with pg_cluster.running(tuple(args.setting)) as cluster:
        create_database(cluster.dsn(), "bench")
        dsn = cluster.dsn("bench")
        _cli("server", "init", "--database", dsn, "--admin", ADMIN, stdin=f"{PIN}\n", env=env)
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, "-m", "console.cli", "serve", "--database", dsn, "--listen",
             f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )  # fmt: skip
        try:
            _wait_for(url, server)
            code = _cli("server", "enrol-code", "--database", dsn, env=env)[0].split()[0]
            token = _cli("enrol", "--server", url, code, "--name", "Bench", "--print-token",
                         env=env)[0].split()[-1]  # fmt: skip
            env["SERVICE_CONSOLE_DEVICE_TOKEN"] = token
            # The upload alone (then dropped), to tell sending from importing.
            client = ServerClient(url, token)
            started = time.perf_counter()
            with csv_path.open("rb") as source:
                size = source.seek(0, 2)
                upload = client.upload(source, size)
            upload_seconds = time.perf_counter() - started
            client.discard_upload(upload)

            said, _err, import_seconds = _cli(
                "import", "customers", "--server", url, "--as", ADMIN, str(csv_path),
                stdin=f"{PIN}\n", env=env,
            )  # fmt: skip
            load_after_import = os.getloadavg()
            exported = args.dir / f"server-export-{args.customers}.csv"
            _out, export_said, export_seconds = _cli(
                "export", "customers", "--server", url, "--as", ADMIN, "-o", str(exported),
                stdin=f"{PIN}\n", env=env,
            )  # fmt: skip
            export_bytes = exported.stat().st_size
            exported.unlink()
        finally:
            server.terminate()
            server.wait(30)
    print(
        json.dumps(
            {
                "cpu_count": os.cpu_count(),
                "load_average_before": [round(v, 2) for v in load_before],
                "load_average_after_import": [round(v, 2) for v in load_after_import],
                "server_settings": args.setting,
                "csv": {"path": str(csv_path), **csv_info},
                "upload_only": {
                    "bytes": size,
                    "part_bytes": protocol.UPLOAD_PART,
                    "seconds": round(upload_seconds, 2),
                    "mb_per_second": round(size / upload_seconds / 1e6, 1),
                },
                "import_customers_server": {
                    "said": said.strip(),
                    "seconds": round(import_seconds, 1),
                    "rows_per_second": round(args.customers / import_seconds),
                },
                "export_customers_server": {
                    "said": export_said.strip(),
                    "bytes": export_bytes,
                    "seconds": round(export_seconds, 1),
                },
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
