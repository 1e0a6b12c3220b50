"""A throwaway PostgreSQL cluster for the tests: initdb in a temporary folder, on
127.0.0.1 and a free port, stopped at the end of the session.

Needs PostgreSQL's server programs (Debian: ``postgresql``; ``.ci/run`` installs them).
As root (CI containers), the cluster runs as the ``postgres`` account, as PostgreSQL
requires. The server never inherits ``faketime``: the suite runs with the date moved, and
a database server with a moved clock is not what a console meets.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

_DROP_ENV = ("LD_PRELOAD", "FAKETIME", "FAKETIME_NO_CACHE", "DONT_FAKE_MONOTONIC")


def bin_dir() -> Path | None:
    found = shutil.which("pg_config")
    if found:
        out = subprocess.run([found, "--bindir"], capture_output=True, text=True, check=False)
        candidate = Path(out.stdout.strip())
        if (candidate / "initdb").exists():
            return candidate
    for path in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(path, "initdb").exists():
            return Path(path)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    def __init__(
        self, bindir: Path, settings: tuple[str, ...] = (), keep: Path | None = None
    ) -> None:
        self.bindir = bindir
        self.settings = settings
        #: A folder the cluster stays in after it stops (a benchmark's data, loaded once),
        #: or None for a temporary one removed at the end.
        self.keep = keep
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
        self.root = keep if keep is not None else Path(tempfile.mkdtemp(prefix="sc-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.env = {k: v for k, v in os.environ.items() if k not in _DROP_ENV}
        self.env["TZ"] = "UTC"
        self._as: list[str] = []
        if os.geteuid() == 0:
            account = pwd.getpwnam("postgres")
            os.chown(self.root, account.pw_uid, account.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]

    def _run(self, *args: str) -> None:
        done = subprocess.run(
            [*self._as, *args], env=self.env, capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {done.stdout}\n{done.stderr}")

    def start(self) -> None:
        if not (self.data / "PG_VERSION").exists():
            self._initdb()
        self._listen()

    def _initdb(self) -> None:
        self._run(
            str(self.bindir / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )

    def _listen(self) -> None:
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=200" + "".join(f" -c {setting}" for setting in self.settings)
        )
        self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.root / "log"),
            "-w",
            "start",
        )

    def stop(self) -> None:
        mode = "immediate" if self.keep is None else "fast"  # a kept one shuts down cleanly
        with contextlib.suppress(RuntimeError):
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", mode, "stop")
        if self.keep is None:
            shutil.rmtree(self.root, ignore_errors=True)

    def dsn(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"


@contextlib.contextmanager
def running(settings: tuple[str, ...] = (), keep: Path | None = None) -> Iterator[Cluster]:
    """A started cluster; *settings* (``name=value``) are passed to the server (the
    benchmarks size its memory as a server's). With *keep*, the cluster lives in that
    folder and is used again by the next run (made there the first time)."""
    bindir = bin_dir()
    if bindir is None:
        raise RuntimeError(
            "PostgreSQL's server programs are not installed (Debian: apt-get install "
            "postgresql postgresql-contrib); .ci/run installs them"
        )
    cluster = Cluster(bindir, settings, keep)
    cluster.start()
    try:
        yield cluster
    finally:
        cluster.stop()
