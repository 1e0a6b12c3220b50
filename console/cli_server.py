"""Team mode on the command line: ``serve``, ``server init|enrol-code|grant``,
``enrol`` and ``consoles list|revoke`` (README: "Team mode: the console server").

The server commands (``serve``, ``server …``) run on the server host with the database's
address; they reach the server package lazily (it opens PostgreSQL). The console
commands (``enrol``, ``consoles``) talk to a server over HTTPS with the standard
library's client: no Qt, no aiohttp, a quick start.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import getpass
import json
import os
import socket
import sys
from typing import Any, TextIO

from console import cli_args
from console.domain import messages as m
from console.services.wording import error_text, say

EXIT_OK, EXIT_REJECTED = 0, 1
CliUsage = cli_args.UsageError


def add_parsers(sub: Any) -> None:
    serve = sub.add_parser(
        "serve",
        help="run the console server (team mode) on a PostgreSQL database",
        description="Run the console server: migrates the database, then serves consoles. "
        "TLS is required unless it listens on 127.0.0.1, ::1 or localhost.",
    )
    _add_database(serve)
    serve.add_argument(
        "--listen", default="127.0.0.1:8740", metavar="HOST:PORT", help="default 127.0.0.1:8740"
    )
    serve.add_argument("--tls-cert", metavar="FILE", help="the server's certificate (PEM)")
    serve.add_argument("--tls-key", metavar="FILE", help="its private key (PEM)")
    serve.add_argument(
        "--cti-token-file",
        metavar="FILE",
        help="take call events from the phone system at /cti/<token>, with the token on "
        "this file's first line (default: $SERVICE_CONSOLE_CTI_TOKEN; neither: no call events)",
    )

    server = sub.add_parser("server", help="set up a console server's database (server host)")
    server_sub = server.add_subparsers(dest="server_action", metavar="ACTION")
    init = server_sub.add_parser(
        "init", help="migrate the database and create the first admin (PIN from stdin)"
    )
    _add_database(init)
    init.add_argument("--admin", required=True, type=cli_args.staff_name, metavar="NAME")
    code = server_sub.add_parser(
        "enrol-code", help="print a one-time code that enrols one console (good for 24 hours)"
    )
    _add_database(code)
    grant = server_sub.add_parser(
        "grant",
        help="let a PostgreSQL login run the server, without the right to change or remove "
        "the audit trail (run as the database's owner, after init and after upgrades)",
    )
    _add_database(grant)
    grant.add_argument("--role", required=True, metavar="ROLE", help="the login serve uses")

    enrol = sub.add_parser(
        "enrol",
        help="enrol this console with a console server (one-time code from the server host)",
    )
    _add_server(enrol)
    enrol.add_argument("code", metavar="CODE")
    enrol.add_argument(
        "--name", metavar="NAME", help="this console's name in the list (default: host name)"
    )
    enrol.add_argument(
        "--print-token",
        action="store_true",
        help="print the console's token instead of keeping it in the keychain (for "
        "scripts: set SERVICE_CONSOLE_DEVICE_TOKEN to it)",
    )

    consoles = sub.add_parser("consoles", help="list or revoke enrolled consoles (admins)")
    consoles_sub = consoles.add_subparsers(dest="consoles_action", metavar="ACTION")
    listing = consoles_sub.add_parser("list", help="every console enrolled, newest first")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    revoke = consoles_sub.add_parser("revoke", help="revoke a console: its token stops at once")
    revoke.add_argument("id", type=cli_args.record_id, metavar="ID")
    for p in (listing, revoke):
        _add_server(p)
        p.add_argument(
            "--as",
            dest="actor",
            type=cli_args.staff_name,
            metavar="NAME",
            required=True,
            help="an admin (PIN from stdin or asked for)",
        )


def _add_database(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database", required=True, metavar="DSN", help="postgresql://user@host/dbname"
    )


def _add_server(parser: argparse.ArgumentParser) -> None:
    # Unset unless given here, so `service-console --server URL consoles list` works too.
    parser.add_argument(
        "--server",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="the console server (default: $SERVICE_CONSOLE_SERVER)",
    )


def _server(args: argparse.Namespace) -> str:
    from console.services.server_client import SERVER_ENV, server_url

    given = getattr(args, "server", None) or os.environ.get(SERVER_ENV, "").strip()
    if not given:
        raise CliUsage(m.SayWhichServer(SERVER_ENV))
    try:
        return server_url(given)
    except m.Refusal as exc:
        raise CliUsage(exc.message) from None


# --- on the server host ---------------------------------------------------------------


def cmd_serve(args: argparse.Namespace, out: TextIO) -> int:
    from console.server.run import ServeRefused, serve

    try:
        serve(
            args.database,
            args.listen,
            args.tls_cert,
            args.tls_key,
            lambda line: print(say(line), file=out, flush=True),
            args.cti_token_file,
        )
    except ServeRefused as exc:
        print(f"service-console: {error_text(exc)}", file=sys.stderr)
        return EXIT_REJECTED
    return EXIT_OK


def cmd_server(args: argparse.Namespace, out: TextIO) -> int:
    from console.server.run import ServeRefused, grant_role, open_store

    if args.server_action is None:
        raise CliUsage(m.SayServerAction())
    try:
        store = open_store(args.database)
    except ServeRefused as exc:
        raise CliUsage(exc.message) from None
    with store:
        if args.server_action == "init":
            return _init(args, out, store)
        if args.server_action == "grant":
            try:
                grant_role(store, args.role)
            except ServeRefused as exc:
                print(f"service-console: {error_text(exc)}", file=sys.stderr)
                return EXIT_REJECTED
            out.write(say(m.RoleMayRunServer(args.role)) + "\n")
            return EXIT_OK
        return _enrol_code(out, store)


def _init(args: argparse.Namespace, out: TextIO, store: Any) -> int:
    from console.domain.validation import ValidationFailed
    from console.services.staff import AuditService, StaffService

    staff = StaffService(store, AuditService(store))
    if not asyncio.run(staff.needs_first_admin()):
        print(f"service-console: {say(m.ServerHasStaff())}", file=sys.stderr)
        return EXIT_REJECTED
    secret = cli_args.read_secret(m.NewSecretFor(args.admin))
    if sys.stdin.isatty() and getpass.getpass(say(m.Prompt(m.SecretAgain()))) != secret:
        print(say(m.PinsDiffer()), file=sys.stderr)
        return EXIT_REJECTED
    try:
        member = asyncio.run(staff.add_staff(None, name=args.admin, role="admin", secret=secret))
    except ValidationFailed as exc:
        for field, message in exc.errors.items():
            print(f"{field}: {say(message)}", file=sys.stderr)
        return EXIT_REJECTED
    except PermissionError as exc:
        print(error_text(exc), file=sys.stderr)
        return EXIT_REJECTED
    out.write(say(m.ServerReady(member.name, member.id)) + "\n")
    return EXIT_OK


def _enrol_code(out: TextIO, store: Any) -> int:
    from console.domain.consoles import CODE_LIFETIME
    from console.services.consoles import ConsoleService
    from console.services.identity import Identity

    code = asyncio.run(ConsoleService(store, Identity(store)).make_code())
    hours = int(CODE_LIFETIME.total_seconds() // 3600)
    out.write(f"{code}\n")
    command = f"service-console enrol --server https://THIS-HOST:8740 {code}"
    print(say(m.EnrolCodeHint(hours, command)), file=sys.stderr)
    return EXIT_OK


# --- on a console ---------------------------------------------------------------------


def cmd_enrol(args: argparse.Namespace, out: TextIO) -> int:
    from console.services import secrets
    from console.services.server_client import ServerClient, ServerRefused

    url = _server(args)
    name = args.name or socket.gethostname() or "console"
    try:
        answer = ServerClient(url).enrol(args.code, name)
    except ServerRefused as exc:
        print(f"service-console: {error_text(exc)}", file=sys.stderr)
        return EXIT_REJECTED
    console, token = answer["console"], str(answer["token"])
    if args.print_token:
        out.write(f"{token}\n")
        return EXIT_OK
    try:
        secrets.store_device_token(url, token)
    except secrets.SecretUnavailable as exc:
        kept = m.EnrolledButNotKept(console["id"], error_text(exc))
        print(f"service-console: {say(kept)}", file=sys.stderr)
        return EXIT_REJECTED
    out.write(say(m.Enrolled(console["id"], console["name"], url)) + "\n")
    return EXIT_OK


def cmd_consoles(args: argparse.Namespace, out: TextIO) -> int:
    from console.repositories.errors import StoreError
    from console.services import secrets
    from console.services.server_client import ServerClient, ServerRefused
    from console.services.staff import SignInRefused

    if args.consoles_action is None:
        raise CliUsage(m.SayEitherAction("consoles list", "consoles revoke ID"))
    url = _server(args)
    token = secrets.device_token(url)
    if not token:
        command = f"service-console enrol --server {url} CODE"
        missing = m.NotEnrolled(url, command, secrets.DEVICE_TOKEN_ENV)
        print(f"service-console: {say(missing)}", file=sys.stderr)
        return EXIT_REJECTED
    client = ServerClient(url, token)
    try:
        client.sign_in(args.actor, cli_args.read_secret(m.PinFor(args.actor)))
        try:
            if args.consoles_action == "list":
                found = client.consoles()
                if args.json:
                    out.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")
                for c in [] if args.json else found:
                    revoked = m.ConsoleRevokedAt(str(c["revoked_at"]), str(c["revoked_by"]))
                    state = "" if c["active"] else f"\t{say(revoked)}"
                    enrolled = say(m.ConsoleEnrolledAt(str(c["enrolled_at"])))
                    out.write(f"#{c['id']}\t{c['name']}\t{enrolled}{state}\n")
            else:
                done = client.revoke(args.id)
                out.write(say(m.ConsoleRevoked(done["id"], done["name"])) + "\n")
        finally:
            with contextlib.suppress(ServerRefused, StoreError):  # e.g. it revoked itself
                client.sign_out()
    except SignInRefused as exc:
        print(error_text(exc), file=sys.stderr)
        return EXIT_REJECTED
    except ServerRefused as exc:
        print(f"service-console: {error_text(exc)}", file=sys.stderr)
        return EXIT_REJECTED
    return EXIT_OK
