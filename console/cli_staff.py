"""``service-console staff …`` and ``service-console audit``: accounts and the audit trail.

PINs are never taken from the command line (shell history, ``ps``): they are asked for
with no echo on a terminal, or read one per line from stdin when it is not a terminal —
first the acting admin's or manager's PIN (``--as NAME``), then the new account's PIN.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import getpass
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from console import cli_args
from console.domain import messages as msg
from console.services.wording import error_text, say

if TYPE_CHECKING:
    from console.domain.roles import Permission
    from console.domain.staff import Session
    from console.services.identity import Identity
    from console.services.privacy import PrivacyService
    from console.services.staff import AuditService, StaffDesk, StaffService
    from console.wiring.desk import DatabaseRunner
    from console.wiring.services import Services

    OpenServices = Callable[[argparse.Namespace], Services]

EXIT_OK, EXIT_REJECTED = 0, 1

AddDb = Callable[[argparse.ArgumentParser], None]


CliUsage = cli_args.UsageError  # cli.main turns it into exit code 2


def add_parsers(sub: Any, add_db: AddDb) -> None:
    staff = sub.add_parser("staff", help="add, list and change staff accounts")
    staff_sub = staff.add_subparsers(dest="action", metavar="ACTION")
    add = staff_sub.add_parser(
        "add",
        help="add an account (the first one must be --role admin; after that --as an admin)",
    )
    add_db(add)
    add.add_argument("--name", required=True, help="the name staff sign in with")
    add.add_argument(
        "--role", required=True, help="agent, trainer, manager or admin (first account: admin)"
    )
    add.add_argument("--store", default="", help="the store they work at")
    add.add_argument("--extension", default="", help="their phone extension (screen-pop)")
    add.add_argument(
        "--queues",
        default="",
        metavar="Q1,Q2",
        help="the call queues they answer, separated by commas (e.g. sales,support): "
        "a call the server routes that names only a queue pops for its members",
    )
    add.add_argument(
        "--as",
        dest="actor",
        type=cli_args.staff_name,
        metavar="NAME",
        help="the admin adding the account",
    )
    listing = staff_sub.add_parser("list", help="list accounts (admins)")
    add_db(listing)
    listing.add_argument(
        "--as", dest="actor", type=cli_args.staff_name, metavar="NAME", required=True
    )
    listing.add_argument("--json", action="store_true", help="print a JSON array")

    audit = sub.add_parser(
        "audit", help="read or export the audit trail (managers), or verify its hash chain"
    )
    add_db(audit)
    audit_sub = audit.add_subparsers(dest="audit_action", metavar="[verify]")
    verify = audit_sub.add_parser(
        "verify",
        help="check that no entry was changed, removed or slipped in "
        "(exit 0 intact, 1 broken: names the first broken entry)",
    )
    add_db(verify)
    audit.add_argument(
        "--as", dest="actor", type=cli_args.staff_name, metavar="NAME", help="a manager or admin"
    )
    cli_args.add_period(audit)
    audit.add_argument("--actor", dest="who", metavar="NAME", help="only this staff member")
    audit.add_argument("--action", help="create, update, view, export, erase, sign_in, …")
    audit.add_argument("--entity", help="customer, staff, complaint, …")
    audit.add_argument("--id", dest="entity_id", help="one record's entries")
    fmt = audit.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print a JSON array, newest first")
    fmt.add_argument("--csv", action="store_true", help="print CSV (recorded as an export)")


def add_privacy_parsers(sub: Any, add_db: AddDb) -> None:
    customer = sub.add_parser(
        "customer", help="export everything about one customer, or erase them (managers)"
    )
    customer_sub = customer.add_subparsers(dest="action", metavar="ACTION")
    export = customer_sub.add_parser("export", help="everything held about a customer as JSON")
    erase = customer_sub.add_parser(
        "erase", help="remove or anonymise a customer's personal data everywhere"
    )
    for p in (export, erase):
        add_db(p)
        p.add_argument(
            "id", type=cli_args.record_id, metavar="ID", help="the customer's number (#id)"
        )
        p.add_argument(
            "--as", dest="actor", type=cli_args.staff_name, metavar="NAME", required=True
        )
    export.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    erase.add_argument("--reason", required=True, help="why (e.g. 'customer asked')")
    erase.add_argument("--yes", action="store_true", help="really erase (cannot be undone)")


def cmd_customer(args: argparse.Namespace, out: TextIO, open_services: OpenServices) -> int:
    from console.domain.roles import NotAllowed
    from console.services.privacy import ErasureIncomplete
    from console.services.staff import SignInRefused

    if args.action is None:
        raise CliUsage(msg.SayCustomerAction())

    async def go(privacy: PrivacyService) -> int:
        if args.action == "export":
            data = await privacy.export_customer(args.id)
            text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
            if args.output:
                from console import files

                files.write_text(args.output, text)  # all or nothing, 0600
            else:
                out.write(text)
            return EXIT_OK
        if not args.yes:
            raise CliUsage(msg.ErasureNeedsYes())
        result = await privacy.erase_customer(args.id, args.reason)
        out.write(say(result.said()) + "\n")
        return EXIT_OK if result.wal_cleared else EXIT_REJECTED

    try:
        services = open_services(args)
        try:
            return asyncio.run(go(services.privacy))
        finally:
            services.close()
    except (SignInRefused, NotAllowed, ErasureIncomplete, ValueError) as exc:
        print(error_text(exc), file=sys.stderr)
        return EXIT_REJECTED
    except LookupError as exc:  # NotFound says which customer in the reader's language
        print(error_text(exc).strip("'\""), file=sys.stderr)
        return EXIT_REJECTED


def _services(runner: DatabaseRunner) -> tuple[StaffService, AuditService]:
    from console.services.staff import AuditService, StaffService

    audit = AuditService(runner)
    return StaffService(runner, audit), audit


async def _sign_in(staff: StaffService, name: str) -> Session:
    return await staff.sign_in(name, cli_args.read_secret(msg.PinFor(name)))


def act_as(runner: DatabaseRunner, name: str, permission: Permission, entity: str) -> Identity:
    """Sign *name* in (PIN from stdin) and require *permission*: the bulk commands
    (export, import, backup, restore) are for managers and admins. Raises SignInRefused
    or NotAllowed (the refusal is audited); returns the identity to record the work."""
    from console.services.identity import Identity

    staff, _audit = _services(runner)
    identity = Identity(runner, staff=staff)

    async def go() -> None:
        await _sign_in(staff, name)
        await identity.require(permission, entity)

    asyncio.run(go())
    return identity


def add_as(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as",
        dest="actor",
        metavar="NAME",
        required=True,
        help="the manager or admin doing it (their PIN is read from stdin or asked for)",
    )


def _date(text: str | None, flag: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CliUsage(msg.FlagNotADate(flag, repr(text))) from None


def cmd_staff(args: argparse.Namespace, out: TextIO, open_services: OpenServices) -> int:
    from console.domain.roles import NotAllowed
    from console.domain.staff import StaffNameTaken
    from console.domain.validation import ValidationFailed
    from console.services.staff import SignInRefused

    if args.action is None:
        raise CliUsage(msg.SayStaffAction())

    def go(staff: StaffDesk) -> int:
        if args.action == "add" and not args.actor and not asyncio.run(staff.needs_first_admin()):
            raise CliUsage(msg.AccountsExist())
        if args.action == "list":
            members = asyncio.run(staff.list_staff())
            if args.json:
                rows = [
                    {
                        "id": m.id,
                        "name": m.name,
                        "role": m.role.value,
                        "store": m.store,
                        "extension": m.extension,
                        "queues": list(m.queues),
                        "active": m.active,
                    }
                    for m in members
                ]
                out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
            else:
                for m in members:
                    state = "" if m.active else f"\t{say(msg.StaffSwitchedOffMark())}"
                    queues = f"\t{','.join(m.queues)}" if m.queues else ""
                    out.write(
                        f"#{m.id}\t{m.name}\t{m.role.value}\t{m.store}\t{m.extension}"
                        f"{queues}{state}\n"
                    )
            return EXIT_OK
        secret = cli_args.read_secret(msg.NewSecretFor(args.name))
        if sys.stdin.isatty() and getpass.getpass(say(msg.Prompt(msg.SecretAgain()))) != secret:
            print(say(msg.PinsDiffer()), file=sys.stderr)
            return EXIT_REJECTED
        member = asyncio.run(
            staff.add_staff(
                name=args.name,
                role=args.role,
                secret=secret,
                store_name=args.store,
                extension=args.extension,
                queues=args.queues,
            )
        )
        role = msg.Word(msg.ROLE_NAMES[member.role.value])
        out.write(say(msg.StaffAdded(role, member.name, member.id)) + "\n")
        return EXIT_OK

    try:
        services = open_services(args)
        try:
            return go(services.staff)
        finally:
            services.close()
    except ValidationFailed as exc:
        for field, message in exc.errors.items():
            print(f"{field}: {say(message)}", file=sys.stderr)
        return EXIT_REJECTED
    except (SignInRefused, NotAllowed, StaffNameTaken, PermissionError) as exc:
        print(error_text(exc), file=sys.stderr)
        return EXIT_REJECTED


def cmd_audit_verify(out: TextIO, staff: StaffDesk) -> int:
    """``audit verify``: exit 0 when both chains hold, 1 naming the first broken entry."""
    reports = asyncio.run(staff.verify())
    broken = [r for r in reports if not r.intact]
    for report in broken:
        said = report.said()
        print(say(said) if said is not None else report.describe(), file=sys.stderr)
    if broken:
        return EXIT_REJECTED
    trail, attempts = reports
    intact = msg.AuditTrailIntact(
        trail.entries, trail.head_id, trail.head_hash[:16] or "-", attempts.entries
    )
    out.write(say(intact) + "\n")
    return EXIT_OK


def cmd_audit(args: argparse.Namespace, out: TextIO, open_services: OpenServices) -> int:
    from console.domain.roles import NotAllowed
    from console.services.staff import SignInRefused

    verify = getattr(args, "audit_action", None) == "verify"
    if verify:
        args.actor = None  # anyone who can open the trail may check it
    elif not args.actor:
        raise CliUsage(msg.SayWhoReadsTheTrail())
    date_from = _date(args.date_from, "--from")
    date_to = _date(args.date_to, "--to")
    filters: dict[str, Any] = {
        "actor": args.who,
        "action": args.action,
        "entity": args.entity,
        "entity_id": args.entity_id,
    }
    from console.domain.clock import SystemClock

    zone = SystemClock().now().tzinfo  # this computer's days, as on a desk
    if date_from:
        filters["since"] = dt.datetime.combine(date_from, dt.time(), zone)
    if date_to:
        filters["until"] = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time(), zone)

    def go(staff: StaffDesk) -> int:
        if verify:
            return cmd_audit_verify(out, staff)
        if args.csv:
            out.write(asyncio.run(staff.export_csv(**filters)))
            return EXIT_OK
        entries = asyncio.run(staff.entries(limit=None, **filters))
        if args.json:
            out.write(
                json.dumps([e.to_json() for e in entries], ensure_ascii=False, indent=2) + "\n"
            )
        else:
            for e in entries:
                entity = msg.audit_entity(e.entity)
                if e.entity_id:
                    what = say(msg.AuditRecord(entity, str(e.entity_id)))
                else:
                    what = say(entity) if isinstance(entity, msg.Word) else entity
                # The console (on a server) only when there is one: a desk's lines are
                # as they always were.
                console = f"\t{e.console}" if e.console else ""
                out.write(
                    f"{e.at.isoformat(timespec='seconds')}\t{e.actor}\t{e.action}\t{what}"
                    f"{console}\n"
                )
        return EXIT_OK

    try:
        services = open_services(args)
        try:
            return go(services.staff)
        finally:
            services.close()
    except (SignInRefused, NotAllowed) as exc:
        print(error_text(exc), file=sys.stderr)
        return EXIT_REJECTED
