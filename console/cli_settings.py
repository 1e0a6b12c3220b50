"""``service-console settings list|get|set|reset``: read and change the settings.

    service-console settings list [--db PATH] [--json]
    service-console settings get NAME [--db PATH]
    service-console settings set NAME VALUE --as ADMIN [--db PATH]
    service-console settings reset NAME --as ADMIN [--db PATH]

``list`` prints name, value, default, scope and description (``--json``: an array of
objects with those keys).
Exit 0 success; 1 refused (an unknown name, a value outside the allowed values or range,
or somebody who is not an admin — one sentence on stderr); 2 usage. Reading needs no
sign-in (the local operator holds the file and its key); changing signs ``--as`` in (PIN
from stdin, or asked for on a terminal) and needs ``Permission.EDIT_SETTINGS``; every
change and every refusal is in the audit trail. Console-scope values (this computer) are
read from and written to the config folder's ``settings.json``, the rest to the database.
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
from console.services.wording import catalogue, environment_language, error_text, say

EXIT_OK, EXIT_REJECTED = 0, 1

AddDb = Callable[[argparse.ArgumentParser], None]


def add_parsers(sub: Any, add_db: AddDb) -> None:
    settings = sub.add_parser("settings", help="list, read and change the settings (admins)")
    settings_sub = settings.add_subparsers(dest="action", metavar="ACTION")
    listing = settings_sub.add_parser(
        "list", help="every setting: name, value, default, scope, description"
    )
    add_db(listing)
    listing.add_argument("--json", action="store_true", help="print a JSON array of objects")
    get = settings_sub.add_parser("get", help="print one setting's value")
    add_db(get)
    get.add_argument("name", metavar="NAME")
    change = settings_sub.add_parser("set", help="change a setting (admins; PIN from stdin)")
    add_db(change)
    change.add_argument("name", metavar="NAME")
    change.add_argument("value", metavar="VALUE", help="yes/no for switches; '' for empty")
    reset = settings_sub.add_parser(
        "reset", help="put a setting back to its default (admins; PIN from stdin)"
    )
    add_db(reset)
    reset.add_argument("name", metavar="NAME")
    for p in (change, reset):
        p.add_argument(
            "--as",
            dest="actor",
            type=cli_args.staff_name,
            metavar="ADMIN",
            required=True,
            help="the admin making the change (their PIN is read from stdin or asked for)",
        )


def row(option: Any, value: Any) -> dict[str, Any]:
    """One setting as ``settings list --json`` prints it."""
    return {
        "name": option.key,
        "value": value,
        "default": option.default,
        "scope": option.scope.value,
        "description": option.doc,
    }


def cmd_settings(
    args: argparse.Namespace, out: TextIO, open_services: Callable[[argparse.Namespace], Any]
) -> int:
    from console.domain.options import ALL_OPTIONS, Invalid, UnknownSetting, option_named
    from console.domain.roles import NotAllowed
    from console.services.staff import SignInRefused

    if args.action is None:
        raise cli_args.UsageError(m.SaySettingsAction())
    try:
        option = option_named(args.name) if args.action != "list" else None
        value = option.parse(args.value) if option is not None and args.action == "set" else None
    except (UnknownSetting, Invalid) as exc:
        print(error_text(exc), file=sys.stderr)
        return EXIT_REJECTED

    if args.action in ("list", "get"):
        args.actor = None  # reading needs no one signed in
    services = open_services(args)
    try:
        service = services.settings
        if args.action == "list":
            values = asyncio.run(service.values())
            rows = [row(o, values[o.key]) for o in ALL_OPTIONS]
            if args.json:
                out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
            else:
                docs = catalogue(environment_language(), "Settings")  # the registry's words
                for o in ALL_OPTIONS:
                    out.write(
                        f"{o.key}\t{o.show(values[o.key])}\t{o.show(o.default)}\t"
                        f"{o.scope.value}\t{docs.get(o.doc) or o.doc}\n"
                    )
            return EXIT_OK
        assert option is not None
        if args.action == "get":
            out.write(option.show(service.get_now(option)) + "\n")
            return EXIT_OK
        if args.action == "set":
            change = asyncio.run(service.set(option, value))
        else:
            change = asyncio.run(service.reset(option))
        was = option.show(change.before)
        now = option.show(change.after)
        done = m.SettingChangedToDefault if change.after == option.default else m.SettingChanged
        out.write(say(done(option.key, now, was)) + "\n")
        return EXIT_OK
    except (SignInRefused, NotAllowed, Invalid) as exc:
        print(error_text(exc), file=sys.stderr)
        return EXIT_REJECTED
    finally:
        services.close()
