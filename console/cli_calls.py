"""Command line for calls: ``calls`` (the call log) and ``cti-test`` (a sample newCall).

Registered by :mod:`console.cli`; nothing here imports Qt or aiohttp (``cti-test`` talks
HTTP through the standard library, so it starts fast). Exit codes as elsewhere: 0 done,
1 rejected (no console listening, token refused), 2 usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from console import cli_args
from console.domain import messages as m
from console.services.wording import error_text, say

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2

AddDb = Callable[[argparse.ArgumentParser], None]


def add_parsers(sub: Any, add_db: AddDb) -> None:
    """Add ``calls`` and ``cti-test`` to the top-level subparsers."""
    calls = sub.add_parser("calls", help="list recent phone calls (newest first)")
    add_db(calls)
    calls.add_argument(
        "--limit", type=cli_args.limit, default=20, metavar="N", help="how many (default 20)"
    )
    calls.add_argument("--json", action="store_true", help="print a JSON array")

    test = sub.add_parser(
        "cti-test",
        help="send a sample newCall to a running console (checks PBX settings)",
        description="Send a sample Generic CTI newCall event to the console listening on "
        "this machine, as a PBX would. Exit status: 0 accepted, 1 not accepted, 2 usage.",
    )
    add_db(test)
    test.add_argument(
        "--port",
        type=cli_args.port,
        metavar="N",
        help="the console's call-event port (default: setting)",
    )
    test.add_argument(
        "--from", dest="from_number", required=True, metavar="NUMBER", help="the caller's number"
    )


def call_json(call: Any) -> dict[str, object]:
    """One call as ``calls --json`` prints it (public contract)."""
    duration = call.duration

    def iso(value: Any) -> str | None:
        return None if value is None else value.isoformat(timespec="seconds")

    return {
        "callId": call.call_id,
        "from": call.from_number,
        "to": call.to_number,
        "direction": call.direction.value,
        "state": call.state.value,
        "number": call.number,
        "customer_id": call.customer_id,
        "match": call.match.value,
        "candidates": list(call.candidates),
        "answered_by": call.answered_by or None,
        "cause": call.cause or None,
        "started_at": iso(call.started_at),
        "answered_at": iso(call.answered_at),
        "ended_at": iso(call.ended_at),
        "duration_s": None if duration is None else int(duration.total_seconds()),
        "called_back_at": iso(call.called_back_at),
    }


def _usage(message: m.Message) -> int:
    print(f"service-console: {say(message)}", file=sys.stderr)
    return EXIT_USAGE


def cmd_calls(
    args: argparse.Namespace, out: TextIO, open_services: Callable[[argparse.Namespace], Any]
) -> int:
    from console.domain.calls import format_duration

    if args.limit < 1:
        return _usage(m.OptionAtLeastOne("--limit"))
    services = open_services(args)
    try:
        calls = services.calls.recent_now(args.limit)
    finally:
        services.close()
    if args.json:
        out.write(json.dumps([call_json(c) for c in calls], ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    for c in calls:
        who = f"#{c.customer_id} ({c.match.value})" if c.customer_id is not None else c.match.value
        if c.candidates:
            who = say(m.CallOneOf(tuple(f"#{i}" for i in c.candidates)))
        out.write(
            f"{c.started_at:%Y-%m-%d %H:%M:%S}\t{c.direction.value}\t{c.other_party or '-'}\t"
            f"{c.state.value}\t{format_duration(c.duration) or '-'}\t{who}\t{c.call_id}\n"
        )
    if not calls:
        print(say(m.NoCallsLogged()), file=sys.stderr)
    return EXIT_OK


def _this_consoles_settings() -> dict[str, Any]:
    """The CTI settings in this computer's settings.json (all of them are a console's)."""
    from console.services import settings as opts
    from console.wiring.local import this_computer

    config = this_computer()
    wanted = (opts.CTI_PORT, opts.CTI_HOST, opts.CTI_AGENT, opts.CTI_EXTENSION)
    return {o.key: o.coerce(config.get(o.key)) for o in wanted}


def _settings_of(db_arg: str | None, open_db: Callable[[str | None], Any]) -> dict[str, Any]:
    """The CTI settings of the database, when it exists (cti-test never creates one)."""
    from console.services import settings as opts
    from console.services.paths import resolve_db_path
    from console.wiring.local import this_computer

    wanted = (opts.CTI_PORT, opts.CTI_HOST, opts.CTI_AGENT, opts.CTI_EXTENSION)
    values: dict[str, Any] = {o.key: o.default for o in wanted}
    path = Path(resolve_db_path(db_arg))
    if not path.is_file():
        return values
    runner = open_db(db_arg)
    try:
        service = opts.SettingsService(runner, this_computer())
        values["cti_port"] = service.get_now(opts.CTI_PORT)
        for option in (opts.CTI_HOST, opts.CTI_AGENT, opts.CTI_EXTENSION):
            values[option.key] = service.get_now(option)
    finally:
        runner.close()
    return values


def cmd_cti_test(
    args: argparse.Namespace, out: TextIO, open_db: Callable[[str | None], Any]
) -> int:
    from console.domain.calls import is_loopback
    from console.services.secrets import CTI_TOKEN_ENV, SecretUnavailable, cti_token

    if args.port is not None and not 1 <= args.port <= 65535:
        return _usage(m.CtiPortRange("--port"))
    number = args.from_number.strip()
    if not number:
        return _usage(m.NeedsPhoneNumber())
    if getattr(args, "server", None):
        # Team mode: the listener is this console's own (a desk phone); its settings are
        # this computer's, never the server's.
        settings = _this_consoles_settings()
    else:
        settings = _settings_of(getattr(args, "db", None), open_db)
    port = args.port or int(settings["cti_port"])
    host = str(settings["cti_host"])
    if is_loopback(host) or host in ("0.0.0.0", "::", ""):
        host = "127.0.0.1"
    try:
        token = cti_token(create=False)
    except SecretUnavailable as exc:
        print(error_text(exc), file=sys.stderr)
        return EXIT_REJECTED
    if not token:
        print(say(m.NoCallToken(CTI_TOKEN_ENV)), file=sys.stderr)
        return EXIT_REJECTED
    fields = {
        "event": "newCall",
        "from": number,
        "to": str(settings["cti_extension"]) or "cti-test",
        "direction": "in",
        "callId": f"cti-test-{uuid.uuid4().hex}",
    }
    if settings["cti_agent"]:
        fields["user[]"] = str(settings["cti_agent"])
    shown_host = f"[{host}]" if ":" in host else host
    url = f"http://{shown_host}:{port}/cti/{urllib.parse.quote(token, safe='')}"
    shown = f"http://{shown_host}:{port}/cti/…"
    request = urllib.request.Request(
        url,
        data=urllib.parse.urlencode(fields).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            reply = response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace")
        with contextlib.suppress(ValueError, AttributeError):
            detail = str(json.loads(detail).get("error", detail))
        print(say(m.CallRefused(shown, exc.code, detail)), file=sys.stderr)
        return EXIT_REJECTED
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        print(say(m.NoConsoleListening(shown, str(reason))), file=sys.stderr)
        return EXIT_REJECTED
    out.write(say(m.CallSent(number, fields["callId"], shown, reply)) + "\n")
    return EXIT_OK
