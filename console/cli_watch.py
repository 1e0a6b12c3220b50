"""``service-console watch``: one line per change on the team's data, as it happens
(the console server's live updates), for scripts, dashboards and tests.

Registered by :mod:`console.cli`; aiohttp is loaded only when the command runs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Callable
from typing import Any, TextIO

from console import cli_args
from console.domain import messages as m
from console.domain.consoles import ChangeNotice
from console.services.wording import say

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2
AddDb = Callable[[argparse.ArgumentParser], None]


def add_parser(sub: Any, add_db: AddDb) -> None:
    watch = sub.add_parser(
        "watch",
        help="print one line per change on the team's data as it happens (--server)",
        description="Print one line per change on the console server's data as it "
        "happens (what changed, never its content), flushed after each line. Runs until "
        "interrupted. Exit status: 0 done, 1 refused (not enrolled, revoked), 2 usage.",
    )
    add_db(watch)
    watch.add_argument("--json", action="store_true", help="one JSON object per line")
    watch.add_argument(
        "--after",
        type=cli_args.offset,
        metavar="SEQ",
        help="first print every change after number SEQ (default: from now on)",
    )
    watch.add_argument(
        "--count",
        type=cli_args.limit,
        metavar="N",
        help="stop after N changes (default: run until interrupted)",
    )


def line(notice: ChangeNotice, as_json: bool) -> str:
    """One change as ``watch`` prints it (README: "watch")."""
    if as_json:
        return json.dumps(notice.to_json(), ensure_ascii=False, separators=(",", ":"))
    who = " · ".join(part for part in (notice.console, notice.staff) if part)
    at = notice.at.astimezone().isoformat(timespec="seconds")
    return "\t".join(
        [str(notice.seq), at, notice.entity, notice.entity_id, notice.action, who]
    ).rstrip("\t")


def cmd_watch(args: argparse.Namespace, out: TextIO) -> int:
    from console.services import secrets
    from console.services.live import LiveFeed

    url = getattr(args, "server", None)
    if not url:
        print(f"service-console: {say(m.WatchNeedsServer())}", file=sys.stderr)
        return EXIT_USAGE
    token = secrets.device_token(url)
    if not token:
        command = f"service-console enrol --server {url} CODE"
        refusal = m.NotEnrolled(url, command, secrets.DEVICE_TOKEN_ENV)
        print(f"service-console: {say(refusal)}", file=sys.stderr)
        return EXIT_REJECTED
    limit: int | None = args.count
    printed = 0

    async def watch() -> int:
        nonlocal printed
        done = asyncio.Event()

        def show(notice: ChangeNotice) -> None:
            nonlocal printed
            if done.is_set():
                return
            out.write(line(notice, args.json) + "\n")
            out.flush()
            printed += 1
            if limit is not None and printed >= limit:
                done.set()

        feed = LiveFeed(url, token, show, after=args.after)
        running = feed.start()
        finished = asyncio.ensure_future(done.wait())
        await asyncio.wait({running, finished}, return_when=asyncio.FIRST_COMPLETED)
        finished.cancel()
        await feed.stop()
        if feed.revoked:
            print(f"service-console: {say(m.ConsoleWasRevoked())}", file=sys.stderr)
            return EXIT_REJECTED
        return EXIT_OK

    try:
        return asyncio.run(watch())
    except KeyboardInterrupt:
        return EXIT_OK
