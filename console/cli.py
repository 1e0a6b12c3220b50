"""Command line: the same services as the window, without importing Qt.

Exit codes: 0 success, 1 rejected input, 2 usage error (``lint``: 0 nothing flagged,
1 something flagged, 2 error). Errors go to stderr in one clear sentence.

Modules are imported inside the commands that need them, so that a quick command such
as ``service-console lint`` starts fast (and nothing here imports Qt).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from console import cli_args
from console.domain import messages as m
from console.domain.text import escape_controls
from console.services.wording import error_text, say

if TYPE_CHECKING:
    from console.domain.phrase_matcher import Finding, Matcher
    from console.services.identity import Identity
    from console.services.imports import ImportResult
    from console.wiring.desk import DatabaseRunner
    from console.wiring.services import Services

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2
EXIT_FINDINGS = 1  # lint: something was flagged


UsageError = cli_args.UsageError


def _add_db(
    parser: argparse.ArgumentParser | argparse._MutuallyExclusiveGroup, *, top: bool = False
) -> None:
    # Subcommands leave --db unset unless given, so `service-console --db X search …`
    # and `service-console search --db X …` mean the same.
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None if top else argparse.SUPPRESS,
        help="database file (default: $SERVICE_CONSOLE_DB, else the user data folder)",
    )
    parser.add_argument(
        "--server",
        metavar="URL",
        default=None if top else argparse.SUPPRESS,
        help="work on the team's console server instead of a database file "
        "(default: $SERVICE_CONSOLE_SERVER; enrol this console first)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = cli_args.Parser(
        prog="service-console",
        description="Service Console: know the customer, say the right words, keep promises. "
        "Run with no subcommand to open the window.",
    )
    _add_db(parser, top=True)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="use the demo database (console-DEMO.db in the user data folder, filled with "
        "made-up customers on first use) instead of the real one; with --db, that file",
    )
    parser.add_argument(
        "--no-demo",
        action="store_true",
        help="deprecated, does nothing: a new database always starts empty (use --demo)",
    )
    parser.add_argument(
        "--cti-port",
        type=cli_args.port,
        metavar="N",
        help="port for call events (default: setting, 8735)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser(
        "demo",
        help="fill the demo database (or a new --db file, marked as a demo) with made-up customers",
        description="Fill the demo database, console-DEMO.db in the user data folder (with "
        "--db: that new file), with realistic made-up customers, and mark it as a demo so "
        "'export customers' refuses it. Open it with: service-console --demo",
    )
    _add_db(demo)
    demo.add_argument(
        "--customers",
        type=cli_args.integer(1, 10_000_000, m.A_NUMBER_OF_CUSTOMERS),
        default=2000,
        metavar="N",
        help="how many (default 2000)",
    )
    demo.add_argument(
        "--seed", type=cli_args.seed, default=7, metavar="S", help="random seed (default 7)"
    )
    demo.add_argument(
        "--purchases-per-customer",
        type=cli_args.decimal(0, 100, m.AN_AVERAGE_OF_PURCHASES),
        default=5.0,
        metavar="X",
        help="average purchases per customer (default 5)",
    )
    demo.add_argument(
        "--complaints",
        type=cli_args.integer(0, 1_000_000, m.A_NUMBER_OF_COMPLAINTS),
        default=0,
        metavar="N",
        help="also add N demo complaints",
    )

    from console import cli_staff

    imp = sub.add_parser("import", help="import customers or purchases from CSV (managers)")
    imp_sub = imp.add_subparsers(dest="what", metavar="WHAT")
    for what in ("customers", "purchases"):
        p = imp_sub.add_parser(what, help=f"import {what} from a UTF-8 CSV file with a header")
        _add_db(p)
        p.add_argument(
            "--region", metavar="CC", help="region for phone numbers without +country code"
        )
        p.add_argument("--dry-run", action="store_true", help="check the file, import nothing")
        p.add_argument(
            "--skip-invalid", action="store_true", help="import the good rows, report the rest"
        )
        cli_staff.add_as(p)
        p.add_argument("file", metavar="FILE.csv")

    exp = sub.add_parser("export", help="export customers as CSV or JSON (managers)")
    exp_sub = exp.add_subparsers(dest="what", metavar="WHAT")
    p = exp_sub.add_parser("customers", help="every customer, round-trips with import")
    _add_db(p)
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    p.add_argument(
        "--consent",
        choices=("marketing", "greetings"),
        help="only customers who agreed to this purpose (for a mailing list)",
    )
    cli_staff.add_as(p)

    search = sub.add_parser("search", help="find customers as the search box does")
    _add_db(search)
    search.add_argument("--limit", type=cli_args.limit, default=20, metavar="N")
    search.add_argument("--json", action="store_true", help="print a JSON array")
    search.add_argument(
        "--jsonl",
        action="store_true",
        help="read one JSON string per stdin line, print one JSON array per line",
    )
    search.add_argument("query", nargs="?", metavar="QUERY")

    lint = sub.add_parser(
        "lint",
        help="check text against the phrasebook (exit 0 nothing flagged, 1 flagged, 2 error)",
        description="Check TEXT (or stdin) for taboo terms of the active phrasebook (or FILE). "
        "Exit status: 0 nothing flagged, 1 something flagged, 2 error.",
    )
    source = lint.add_mutually_exclusive_group()
    _add_db(source)
    source.add_argument(
        "--phrasebook",
        metavar="FILE",
        help="check against this CSV or JSON phrasebook instead of the database's active one",
    )
    output = lint.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print one JSON object per finding")
    output.add_argument(
        "--jsonl",
        action="store_true",
        help="read one JSON string per stdin line, print one JSON array of findings per line",
    )
    lint.add_argument("text", nargs="?", metavar="TEXT", help="the text (default: read stdin)")

    book = sub.add_parser("phrasebook", help="import or export a phrasebook (CSV or JSON)")
    book_sub = book.add_subparsers(dest="action", metavar="ACTION")
    book_import = book_sub.add_parser(
        "import",
        help="make a phrasebook hold exactly the entries of a file (all or nothing)",
    )
    book_export = book_sub.add_parser("export", help="write a phrasebook to a CSV or JSON file")
    for p, verb in ((book_import, "import into"), (book_export, "export")):
        _add_db(p)
        p.add_argument(
            "--name",
            metavar="BOOK",
            help=f"the phrasebook to {verb} (default: the active one)"
            + ("; created when missing" if p is book_import else ""),
        )
        p.add_argument(
            "--format", choices=("csv", "json"), help="default: from the file's extension"
        )
    book_import.add_argument("file", metavar="FILE")
    book_import.add_argument(
        "--as",
        dest="actor",
        type=cli_args.staff_name,
        metavar="NAME",
        help="the trainer, manager or admin importing (PIN from stdin); "
        "default: the local operator",
    )
    book_export.add_argument("file", metavar="FILE", help="where to write (- for stdout)")

    cli_staff.add_parsers(sub, _add_db)
    cli_staff.add_privacy_parsers(sub, _add_db)
    from console import cli_backup

    cli_backup.add_parsers(sub, _add_db)
    from console import cli_settings

    cli_settings.add_parsers(sub, _add_db)
    from console import cli_complaints

    cli_complaints.add_parsers(sub, _add_db)
    from console import cli_calls

    cli_calls.add_parsers(sub, _add_db)
    from console import cli_watch

    cli_watch.add_parser(sub, _add_db)
    from console import cli_server

    cli_server.add_parsers(sub)
    return parser


def _lazy(module: str, name: str) -> Callable[[argparse.Namespace, TextIO], int]:
    """A command handler imported only when its command runs (fast start)."""

    def handler(args: argparse.Namespace, out: TextIO) -> int:
        import importlib

        command: Callable[[argparse.Namespace, TextIO], int] = getattr(
            importlib.import_module(f"console.{module}"), name
        )
        return command(args, out)

    return handler


def cmd_staff(args: argparse.Namespace, out: TextIO) -> int:
    from console import cli_staff

    if args.command == "audit":
        return cli_staff.cmd_audit(args, out, _services)
    if args.command == "staff":
        return cli_staff.cmd_staff(args, out, _services)
    return cli_staff.cmd_customer(args, out, _services)


#: Commands about a local database file, and what a team uses instead.
FILE_ONLY = frozenset({"encrypt", "backup", "restore"})
#: Team-mode commands with their own --server or --database.
TEAM_COMMANDS = frozenset({"serve", "server", "enrol", "consoles"})


def _team_mode(args: argparse.Namespace) -> int | None:
    """Check ``--server`` (or ``$SERVICE_CONSOLE_SERVER``) against the command: keeps the
    checked address in ``args.server``; an exit code when the command cannot run that way."""
    from console.wiring.services import server_address

    if args.command in TEAM_COMMANDS:
        return None
    try:
        url = server_address(getattr(args, "server", None))
    except m.Refusal as exc:  # not a server address
        raise UsageError(exc.message) from None
    args.server = url
    if url is None:
        return None
    if args.db is not None or args.demo:
        raise UsageError(m.DbOrServer())
    if args.command in FILE_ONLY:
        print(f"service-console: {say(m.FileOnlyCommand(args.command))}", file=sys.stderr)
        return EXIT_REJECTED
    if args.command == "demo":
        print(f"service-console: {say(m.DemoIsADesksFile())}", file=sys.stderr)
        return EXIT_REJECTED
    return None  # every other command works through the server


def _services(args: argparse.Namespace) -> Services:
    """The services this command works with: on the console server when ``--server``
    was given, else on the database file (``--db``)."""
    from console.wiring.services import desk_services, team_services

    actor = getattr(args, "actor", None)

    def pin(name: str) -> str:
        return cli_args.read_secret(m.PinFor(name))

    if args.server:
        return team_services(args.server, actor, pin)
    return desk_services(args.db, actor, pin)


def _open(db_arg: str | None) -> DatabaseRunner:
    """The database, encrypted with its key from the keychain (or the passphrase in
    $SERVICE_CONSOLE_DB_PASSPHRASE); a plain file from an older version opens as it is."""
    from console.services.paths import resolve_db_path
    from console.wiring.desk import open_runner

    return open_runner(resolve_db_path(db_arg))


def _act_as(runner: DatabaseRunner, name: str, permission: str, entity: str) -> Identity | None:
    """Sign in the ``--as`` manager and check the right; None (refusal printed, and
    audited) when they may not."""
    from console import cli_staff
    from console.domain.roles import NotAllowed, Permission
    from console.services.staff import SignInRefused

    try:
        return cli_staff.act_as(runner, name, Permission[permission], entity)
    except (SignInRefused, NotAllowed) as exc:
        print(error_text(exc), file=sys.stderr)
        return None


def _record(identity: Identity, action: str, entity: str, fields: dict[str, object]) -> None:
    """The audit entry of a bulk command: who, how many rows, which file (no personal data)."""
    import asyncio

    asyncio.run(identity.record(action, entity, fields=fields))


def _hit_json(hit: object) -> dict[str, object]:
    from console.domain.search_text import SearchHit

    assert isinstance(hit, SearchHit)
    return {
        "id": hit.id,
        "name": hit.name,
        "preferred_name": hit.preferred_name,
        "phones": list(hit.phones),
        "member_no": hit.member_no,
        "last_visit": hit.last_visit or None,
        "tier": hit.tier,
    }


def _json_text(value: object, indent: int | None = None) -> str:
    """JSON with every control character escaped (json escapes C0 only; C1 controls,
    DEL and bidi overrides become ``\\uXXXX`` too, so a terminal shows them as text)."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    if args.limit < 1:
        raise UsageError(m.OptionAtLeastOne("--limit"))
    if args.jsonl and args.query is not None:
        raise UsageError(m.QueryOrJsonl())
    if not args.jsonl and args.query is None:
        raise UsageError(m.QueryMissing())
    services = _services(args)
    try:
        service = services.customers
        if args.jsonl:
            for number, line in enumerate(sys.stdin, start=1):
                if not line.strip():
                    continue
                try:
                    query = json.loads(line)
                except json.JSONDecodeError:
                    print(say(m.LineNotJsonString(number)), file=sys.stderr)
                    return EXIT_REJECTED
                if not isinstance(query, str):
                    print(say(m.LineNotJsonString(number)), file=sys.stderr)
                    return EXIT_REJECTED
                hits = service.search_now(query, args.limit)
                out.write(_json_text([_hit_json(h) for h in hits]) + "\n")
                out.flush()
            return EXIT_OK
        hits = service.search_now(args.query, args.limit)
        if args.json:
            out.write(_json_text([_hit_json(h) for h in hits], indent=2) + "\n")
        else:
            for h in hits:
                tail = h.phones[0][-4:] if h.phones else "----"
                preferred = f" ({h.preferred_name})" if h.preferred_name else ""
                last = say(
                    m.SearchLastVisit(h.last_visit[:10]) if h.last_visit else m.SearchNeverVisited()
                )
                # Stored text is cleaned, but older rows may hold control characters:
                # never hand a terminal an escape sequence or a bidi override.
                out.write(
                    escape_controls(
                        f"#{h.id}\t{h.name}{preferred}\t…{tail}\t{h.member_no}\t{h.tier}\t{last}",
                        keep="\t",
                    )
                    + "\n"
                )
            if not hits:
                print(say(m.NoCustomerFound()), file=sys.stderr)
        return EXIT_OK
    finally:
        services.close()


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from console.services import imports
    from console.services.customers import customer_count
    from console.services.demo import fill_demo, is_demo_database
    from console.services.paths import resolve_demo_db_path
    from console.wiring.desk import open_runner

    if args.customers < 1:
        raise UsageError(m.OptionAtLeastOne("--customers"))
    runner = open_runner(resolve_demo_db_path(args.db))
    command = "service-console --demo" + (f" --db {runner.path}" if args.db else "")
    try:
        if is_demo_database(runner) and (existing := customer_count(runner)):
            out.write(say(m.DemoAlreadyFilled(str(runner.path), f"{existing:,}", command)) + "\n")
            return EXIT_OK
        report = fill_demo(
            runner,
            customers=args.customers,
            seed=args.seed,
            purchases_per_customer=args.purchases_per_customer,
            progress=lambda done: (
                print(say(m.DemoProgress(f"{done:,}")), file=sys.stderr)
                if done % 100_000 == 0
                else None
            ),
        )
        if args.complaints > 0:
            from console.services.demo_complaints import fill_demo_complaints

            fill_demo_complaints(runner, args.complaints, args.seed)
    except imports.Rejected as exc:
        print(error_text(exc), file=sys.stderr)
        return EXIT_REJECTED
    finally:
        runner.close()
    added = m.DemoAdded(
        f"{report.customers:,}", f"{report.visits:,}", f"{report.purchases:,}", str(runner.path)
    )
    out.write(say(added) + "\n" + say(m.DemoMarked(command)) + "\n")
    if args.complaints > 0:
        out.write(say(m.DemoComplaintsAdded(f"{args.complaints:,}")) + "\n")
    return EXIT_OK


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    from console.services import imports

    if args.what is None:
        raise UsageError(m.SayWhatToImport())
    path = Path(args.file)
    if not path.is_file():
        print(say(m.NotAFileToRead(str(path))), file=sys.stderr)
        return EXIT_REJECTED
    if args.server:
        return _import_through_server(args, out, path)
    runner = _open(args.db)
    try:
        from console.services.settings import DEFAULT_REGION, SettingsService

        region = args.region or SettingsService(runner).get_now(DEFAULT_REGION)
        _check_region(region)
        identity = _act_as(runner, args.actor, "IMPORT", args.what)
        if identity is None:
            return EXIT_REJECTED
        importer = (
            imports.import_customers if args.what == "customers" else imports.import_purchases
        )
        result = importer(
            runner,
            path,
            region=region.upper(),
            dry_run=args.dry_run,
            skip_invalid=args.skip_invalid,
        )
        _record(
            identity,
            "import",
            args.what,
            {"rows": result.imported, "bad_rows": len(result.errors), "file": path.name}
            | ({"dry_run": True} if args.dry_run else {}),
        )
    finally:
        runner.close()
    return _import_said(args, out, result)


def _check_region(region: str) -> None:
    from console.domain.phones import is_valid_region

    if not is_valid_region(region):
        raise UsageError(m.NotARegionCode(repr(region)))


def _import_through_server(args: argparse.Namespace, out: TextIO, path: Path) -> int:
    """``import … --server``: the file goes to the console server in parts and the
    server's import runs on it, as the signed-in ``--as`` person (the desk's rights,
    audit and result); printed as on a desk."""
    from console.domain.roles import NotAllowed
    from console.services.bulk import UploadRefused
    from console.services.settings import DEFAULT_REGION
    from console.services.staff import SignInRefused

    if args.region:
        _check_region(args.region)
    try:
        services = _services(args)
    except SignInRefused as exc:
        print(error_text(exc), file=sys.stderr)
        return EXIT_REJECTED
    try:
        region = args.region or services.settings.get_now(DEFAULT_REGION)
        _check_region(region)
        assert services.transfers is not None
        result = services.transfers.import_file(
            args.what,
            path,
            region=region.upper(),
            dry_run=args.dry_run,
            skip_invalid=args.skip_invalid,
        )
    except NotAllowed as exc:
        print(error_text(exc), file=sys.stderr)
        return EXIT_REJECTED
    except UploadRefused as exc:
        print(f"service-console: {error_text(exc)}", file=sys.stderr)
        return EXIT_REJECTED
    finally:
        services.close()
    return _import_said(args, out, result)


def _import_said(args: argparse.Namespace, out: TextIO, result: ImportResult) -> int:
    """The import's lines and exit code (the same on a desk and through a server)."""
    for error in result.errors:
        print(say(error.said), file=sys.stderr)
    if result.errors and not args.skip_invalid:
        print(say(m.ImportRejected(len(result.errors), "--skip-invalid")), file=sys.stderr)
        return EXIT_REJECTED
    summary = {
        (False, "customers"): m.ImportedCustomers,
        (False, "purchases"): m.ImportedPurchases,
        (True, "customers"): m.WouldImportCustomers,
        (True, "purchases"): m.WouldImportPurchases,
    }[bool(args.dry_run), args.what]
    out.write(say(summary(f"{result.imported:,}", len(result.errors))) + "\n")
    return EXIT_REJECTED if result.errors and result.imported == 0 else EXIT_OK


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from console.services import imports

    if args.what is None:
        raise UsageError(m.SayWhatToExport())
    if args.server:
        return _export_through_server(args, out)
    runner = _open(args.db)
    try:
        identity = _act_as(runner, args.actor, "EXPORT", "customers")
        if identity is None:
            return EXIT_REJECTED
        from console.services.settings import DEMO_DATABASE, SettingsService

        if SettingsService(runner).get_now(DEMO_DATABASE):
            # Made-up people must never reach a mailing list (nor any other list).
            from console.services.paths import resolve_db_path

            refused = m.DemoNotExported(str(runner.path), str(resolve_db_path(None)))
            print(say(refused), file=sys.stderr)
            return EXIT_REJECTED
        if args.output:
            from console import files

            # All or nothing: a full disk leaves the previous file as it was.
            try:
                with files.atomic_open(args.output, newline="") as fh:
                    count = imports.export_customers(runner, fh, args.format, consent=args.consent)
            except files.WriteFailed as exc:
                print(error_text(exc), file=sys.stderr)
                return EXIT_REJECTED
            print(say(m.ExportedCustomers(f"{count:,}", args.output)), file=sys.stderr)
        else:
            count = imports.export_customers(runner, out, args.format, consent=args.consent)
        fields: dict[str, object] = {
            "rows": count,
            "file": Path(args.output).name if args.output else "(standard output)",
        }
        _record(identity, "export", "customers", fields | {"format": args.format})
    finally:
        runner.close()
    return EXIT_OK


def _export_through_server(args: argparse.Namespace, out: TextIO) -> int:
    """``export customers --server``: the server's file, streamed, written as on a desk
    (``-o``: all or nothing; a refusal or a cut-off answer leaves the old file)."""
    from console import files
    from console.domain.roles import NotAllowed
    from console.services.staff import SignInRefused

    try:
        services = _services(args)
    except SignInRefused as exc:
        print(error_text(exc), file=sys.stderr)
        return EXIT_REJECTED
    try:
        transfers = services.transfers
        assert transfers is not None
        if args.output:
            name = Path(args.output).name
            try:
                with files.atomic_open(args.output, newline="") as fh:
                    count = transfers.export_customers(
                        fh, args.format, consent=args.consent, file_name=name
                    )
            except files.WriteFailed as exc:
                print(error_text(exc), file=sys.stderr)
                return EXIT_REJECTED
            print(say(m.ExportedCustomers(f"{count:,}", args.output)), file=sys.stderr)
        else:
            transfers.export_customers(
                out, args.format, consent=args.consent, file_name="(standard output)"
            )
    except NotAllowed as exc:
        print(error_text(exc), file=sys.stderr)
        return EXIT_REJECTED
    finally:
        services.close()
    return EXIT_OK


# --- lint ------------------------------------------------------------------------------


class _LintError(Exception):
    """Why lint cannot run (exit 2); one message per line."""

    def __init__(self, lines: Sequence[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = list(lines)


def _file_matcher(name: str) -> Matcher:
    from console.domain.phrase_matcher import Matcher
    from console.domain.phrasebook_io import PhrasebookFormatError, read_phrasebook

    path = Path(name)
    try:
        entries = read_phrasebook(path)
    except PhrasebookFormatError as exc:
        raise _LintError([f"{name}: {say(error.said)}" for error in exc.errors]) from None
    except OSError as exc:
        raise _LintError([say(m.CannotBeRead(name, str(exc.strerror or exc)))]) from None
    except ValueError as exc:
        raise _LintError([f"{name}: {error_text(exc)}"]) from None
    return Matcher.build(entries)


def _db_matcher(args: argparse.Namespace) -> Matcher:
    """The active phrasebook's matcher: the database file's, or the console server's
    (its entries, matched here)."""
    import asyncio

    from console.domain.phrase_matcher import Matcher
    from console.domain.phrasebook_io import PhrasebookFormatError
    from console.repositories.errors import StoreError as StorageError
    from console.services.phrasebooks import PhrasebookNotFound
    from console.services.server_client import ServerRefused
    from console.wiring.services import NotEnrolled

    try:
        services = _services(args)
    except (StorageError, NotEnrolled) as exc:
        raise _LintError([error_text(exc)]) from None
    try:
        if args.server:
            _book, entries, _version = asyncio.run(services.phrasebooks.entries_and_version())
            return Matcher.build(entries)
        return services.phrasebooks.matcher_now()
    except (StorageError, PhrasebookNotFound, ServerRefused) as exc:
        raise _LintError([error_text(exc)]) from None
    except PhrasebookFormatError as exc:
        said = [say(m.AboutDefaultPhrasebook(error.said)) for error in exc.errors]
        raise _LintError(said) from None
    finally:
        services.close()


def describe_finding(finding: Finding) -> str:
    """``start-end severity "matched" → replacements: reason`` (lint's human output)."""
    replacements = " | ".join(finding.replacements) or say(m.NoReplacement())
    line = (
        f'{finding.start}-{finding.end} {finding.severity.value} "{finding.matched}" '
        f"→ {replacements}"
    )
    return f"{line}: {finding.reason}" if finding.reason else line


def _lint_lines(matcher: Matcher, out: TextIO) -> int:
    flagged = False
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            text = json.loads(line)
        except json.JSONDecodeError:
            text = None
        if not isinstance(text, str):
            print(f"service-console: {say(m.StdinLineNotJsonString(number))}", file=sys.stderr)
            return EXIT_USAGE
        findings = matcher.check(text)
        flagged = flagged or bool(findings)
        out.write(json.dumps([f.as_dict() for f in findings], ensure_ascii=False) + "\n")
        out.flush()
    return EXIT_FINDINGS if flagged else EXIT_OK


def cmd_lint(args: argparse.Namespace, out: TextIO) -> int:
    if args.jsonl and args.text is not None:
        raise UsageError(m.TextOrJsonl())
    try:
        matcher = _file_matcher(args.phrasebook) if args.phrasebook else _db_matcher(args)
    except _LintError as exc:
        for line in exc.lines:
            print(line, file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.jsonl:
            return _lint_lines(matcher, out)
        text = args.text if args.text is not None else sys.stdin.read()
    except UnicodeDecodeError:
        print(f"service-console: {say(m.StdinNotUtf8())}", file=sys.stderr)
        return EXIT_USAGE
    findings = matcher.check(text)
    for finding in findings:
        if args.json:
            out.write(json.dumps(finding.as_dict(), ensure_ascii=False) + "\n")
        else:
            out.write(describe_finding(finding) + "\n")
    return EXIT_FINDINGS if findings else EXIT_OK


# --- phrasebook import / export ---------------------------------------------------------


def _phrasebook_format(file: str, chosen: str | None) -> str:
    from console.domain.phrasebook_io import FileFormat

    if chosen:
        return chosen
    if file == "-":
        return FileFormat.CSV.value
    try:
        return FileFormat.for_path(file).value
    except ValueError as exc:
        raise UsageError(m.OrSayFormat(error_text(exc))) from None


def cmd_phrasebook(args: argparse.Namespace, out: TextIO) -> int:
    from console.domain.phrasebook_io import read_phrasebook
    from console.domain.roles import NotAllowed
    from console.services.phrasebooks import (
        PermissionDenied,
        PhrasebookBusy,
        PhrasebookFormatError,
        PhrasebookInvalid,
        PhrasebookNotFound,
    )
    from console.services.staff import SignInRefused

    if args.action is None:
        raise UsageError(m.SayPhrasebookAction())
    fmt = _phrasebook_format(args.file, args.format)
    path = Path(args.file)
    if args.action == "import" and not path.is_file():
        print(say(m.NotAFileToRead(str(path))), file=sys.stderr)
        return EXIT_REJECTED
    if args.action != "import":
        args.actor = None  # exporting needs no one signed in
    try:
        services = _services(args)
    except (SignInRefused, NotAllowed) as exc:
        print(error_text(exc), file=sys.stderr)
        return EXIT_REJECTED
    try:
        service = services.phrasebooks
        if args.action == "import":
            # The file's bytes, read here: a console server never reads a console's path.
            report = service.import_now(path.read_bytes(), book=args.name, fmt=fmt)
            summary = report.summary
            done = m.PhrasebookCreatedAndImported if report.created else m.PhrasebookImported
            counts = (summary.added, summary.changed, summary.removed, summary.unchanged)
            grouped = [f"{count:,}" for count in counts]
            out.write(say(done(f"{summary.total:,}", report.phrasebook.name, *grouped)) + "\n")
            return EXIT_OK
        if args.file == "-":
            out.write(service.export_bytes_now(fmt, book=args.name).decode("utf-8-sig"))
            return EXIT_OK
        data = service.export_bytes_now(fmt, book=args.name)
        from console import files

        files.write_bytes(path, data)  # all or nothing, 0600
        count = len(read_phrasebook(data, fmt))
        exported = (
            m.PhrasebookExported(f"{count:,}", args.name, str(path))
            if args.name
            else m.ActivePhrasebookExported(f"{count:,}", str(path))
        )
        print(say(exported), file=sys.stderr)
        return EXIT_OK
    except PhrasebookFormatError as exc:
        for error in exc.errors:
            print(f"{path}: {say(error.said)}", file=sys.stderr)
        print(say(m.BadRowsNothingImported(len(exc.errors))), file=sys.stderr)
        return EXIT_REJECTED
    except PhrasebookInvalid as exc:
        for problem in exc.problems:
            print(f"{path}: {say(problem.message)}", file=sys.stderr)
        print(say(m.ProblemsNothingImported(len(exc.problems))), file=sys.stderr)
        return EXIT_REJECTED
    except (PermissionDenied, PhrasebookNotFound, PhrasebookBusy, ValueError) as exc:
        print(error_text(exc), file=sys.stderr)
        return EXIT_REJECTED
    except OSError as exc:
        cannot = m.CannotBeRead if args.action == "import" else m.CannotBeWritten
        print(say(cannot(str(path), str(exc.strerror or exc))), file=sys.stderr)
        return EXIT_REJECTED
    finally:
        services.close()


def cmd_complaints(args: argparse.Namespace, out: TextIO) -> int:
    from console import cli_complaints

    return cli_complaints.cmd_complaints(args, out, _services, UsageError)


def cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    from console import cli_complaints

    return cli_complaints.cmd_report(args, out, _services, UsageError)


def _log_file() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir("service-console", appauthor=False)) / "cli.log"


def _log_to_file() -> None:
    """Details (integrity findings, driver messages, unexpected errors) go to a log file,
    so the terminal gets one sentence. Left alone when logging is already set up (tests)."""
    import logging

    root = logging.getLogger()
    if root.handlers:
        return
    try:
        path = _log_file()
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    except OSError:
        handler = logging.NullHandler()  # no log folder: still never on the terminal
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def _os_error(exc: OSError) -> str:
    """One sentence for a file the command could not read or write."""
    import errno

    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        full = m.DiskFullFile(str(exc.filename)) if exc.filename else m.DiskFullOutput()
        return say(full)
    from console import files

    # A file written all or nothing says its own sentence (in the locale's language).
    detail = error_text(exc) if isinstance(exc, files.WriteFailed) else str(exc.strerror or exc)
    if exc.filename:
        return say(m.FileUnusable(str(exc.filename), detail))
    return say(m.SomeFileUnusable(detail))


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    argv = list(sys.argv[1:] if argv is None else argv)
    problem = cli_args.unusable(argv)
    if problem:
        print(f"service-console: {say(problem)}", file=sys.stderr)
        return EXIT_USAGE
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.command is not None:
        _log_to_file()
    try:
        if args.command is None:
            if args.cti_port is not None and not 1 <= args.cti_port <= 65535:
                raise UsageError(m.CtiPortRange())
            refused = _team_mode(args)
            if refused is not None:
                return refused
            from console.app import run_app

            return run_app(
                db_arg=args.db, demo=args.demo, cti_port=args.cti_port, server=args.server
            )
        refused = _team_mode(args)
        if refused is not None:
            return refused
        if args.demo and args.db is None and args.command != "demo":
            # `service-console --demo search …`: the same commands on the demo database.
            from console.services.paths import default_demo_db_path

            args.db = str(default_demo_db_path())
        import functools

        from console import cli_calls, cli_settings, cli_watch

        handler: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
            "search": cmd_search,
            "demo": cmd_demo,
            "import": cmd_import,
            "export": cmd_export,
            "lint": cmd_lint,
            "phrasebook": cmd_phrasebook,
            "staff": cmd_staff,
            "audit": cmd_staff,
            "customer": cmd_staff,
            "backup": _lazy("cli_backup", "cmd_backup"),
            "restore": _lazy("cli_backup", "cmd_restore"),
            "encrypt": _lazy("cli_backup", "cmd_encrypt"),
            "complaints": cmd_complaints,
            "report": cmd_report,
            "calls": functools.partial(cli_calls.cmd_calls, open_services=_services),
            "cti-test": functools.partial(cli_calls.cmd_cti_test, open_db=_open),
            "watch": cli_watch.cmd_watch,
            "settings": functools.partial(cli_settings.cmd_settings, open_services=_services),
            "serve": _lazy("cli_server", "cmd_serve"),
            "server": _lazy("cli_server", "cmd_server"),
            "enrol": _lazy("cli_server", "cmd_enrol"),
            "consoles": _lazy("cli_server", "cmd_consoles"),
        }
        return handler[args.command](args, out)
    except UsageError as exc:
        print(f"service-console: {error_text(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # e.g. `service-console export customers | head`: stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        return _one_sentence(exc, args)


def _one_sentence(exc: Exception, args: argparse.Namespace) -> int:
    """Whatever went wrong, the terminal gets one sentence and a documented exit code
    (lint: 2, others: 1); the traceback of an unexpected error goes to the log file."""
    import logging

    from console.repositories.errors import StoreError as StorageError  # late: startup time
    from console.services.server_client import ServerRefused
    from console.wiring.services import NotEnrolled

    code = EXIT_USAGE if args.command == "lint" else EXIT_REJECTED
    from console.domain.roles import NotAllowed
    from console.services.staff import SignInRefused

    if isinstance(exc, NotEnrolled | ServerRefused):
        print(f"service-console: {error_text(exc)}", file=sys.stderr)
    elif isinstance(exc, NotAllowed | SignInRefused | StorageError):
        print(error_text(exc), file=sys.stderr)
    elif isinstance(exc, OSError):
        print(_os_error(exc), file=sys.stderr)
    elif isinstance(exc, RecursionError):
        print(f"service-console: {say(m.NestedTooDeeply())}", file=sys.stderr)
    else:
        logging.getLogger("console.cli").error("unexpected error in %s", args.command, exc_info=exc)
        unexpected = m.UnexpectedError(type(exc).__name__, str(_log_file()))
        print(f"service-console: {say(unexpected)}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
