"""Command line for complaints: ``complaints list`` and ``report complaints``.

Same services as the window (``ComplaintService`` through ``asyncio.run``), no Qt. Exit
codes as the rest of the CLI: 0 success, 1 rejected input (e.g. a database that cannot
be opened), 2 usage error; errors go to stderr in one sentence. Modules are imported
inside the commands so that other commands start fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import TYPE_CHECKING, Any, TextIO

from console import cli_args
from console.domain import messages as m
from console.services.wording import say

if TYPE_CHECKING:
    from collections.abc import Callable

    from console.wiring.services import Services

    OpenServices = Callable[[argparse.Namespace], Services]
    from console.services.complaints import QueueRow

STATUSES = ("new", "in_progress", "resolved", "followed_up", "closed", "voided")


def add_parsers(sub: Any, add_db: Any) -> None:
    """Register ``complaints`` and ``report`` on the main parser's subcommands."""
    complaints = sub.add_parser("complaints", help="list complaints (the queues, by status)")
    c_sub = complaints.add_subparsers(dest="action", metavar="ACTION")
    listing = c_sub.add_parser(
        "list",
        help="open complaints (default), those in one status, or the overdue ones",
        description="List complaints: the open ones by default (soonest promise first); "
        "--status S: those in status S (newest first); --overdue: open complaints whose "
        "promise has lapsed (soonest first).",
    )
    add_db(listing)
    listing.add_argument("--status", choices=STATUSES, metavar="S", help=", ".join(STATUSES))
    listing.add_argument("--overdue", action="store_true", help="only lapsed promises")
    listing.add_argument(
        "--limit", type=cli_args.limit, default=100, metavar="N", help="default 100"
    )
    listing.add_argument("--offset", type=cli_args.offset, default=0, metavar="N")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    _add_as(listing)

    report = sub.add_parser("report", help="reports for managers")
    r_sub = report.add_subparsers(dest="what", metavar="WHAT")
    rc = r_sub.add_parser(
        "complaints",
        help="complaint figures for a period (default: this month)",
        description="Complaint figures for the complaints received from --from to --to "
        "(inclusive, the store's local dates; default: the current month).",
    )
    add_db(rc)
    cli_args.add_period(rc)
    rc.add_argument("--store", metavar="S", help="one store only")
    rc.add_argument("--json", action="store_true", help="print one JSON object")
    _add_as(rc)


def _add_as(parser: Any) -> None:
    parser.add_argument(
        "--as",
        dest="actor",
        type=cli_args.staff_name,
        metavar="NAME",
        help="act as this staff member (PIN from stdin or asked for); on a console server a "
        "report needs a manager's or admin's sign-in",
    )


def row_json(row: QueueRow, now: dt.datetime) -> dict[str, Any]:
    """One complaint of ``complaints list --json`` (fields documented in README)."""
    from console.domain.complaint import countdown

    def iso(value: dt.datetime | None) -> str | None:
        return None if value is None else value.isoformat()

    due = row.follow_up_due if row.status.value == "resolved" else row.promise_due
    return {
        "id": row.id,
        "who": row.who,
        "customer_id": row.customer_id,
        "status": row.status.value,
        "channel": row.channel.value,
        "emotion": row.emotion.value,
        "store": row.store,
        "agent": row.agent,
        "received_at": iso(row.received_at),
        "promise_due": iso(row.promise_due),
        "promise": row.promise.value,
        "countdown": countdown(due, now) if due is not None and row.status.is_open else None,
        "follow_up_due": iso(row.follow_up_due),
        "summary": row.summary,
    }


def cmd_complaints(
    args: argparse.Namespace, out: TextIO, open_services: OpenServices, usage: Any
) -> int:
    import asyncio

    from console.domain.complaint import Status
    from console.services.complaints import Queue

    if args.action is None:
        raise usage(m.SayComplaintsAction())
    if args.limit < 1:
        raise usage(m.OptionAtLeastOne("--limit"))
    if args.offset < 0:
        raise usage(m.OptionNotNegative("--offset"))
    if args.overdue and args.status not in (None, "new", "in_progress"):
        raise usage(m.OverdueNeedsOpen(args.status))
    services = open_services(args)
    try:
        service = services.complaints

        async def fetch() -> tuple[list[QueueRow], dt.datetime]:
            if args.overdue:
                rows = await service.queue(Queue.OVERDUE, args.offset, args.limit)
                if args.status:
                    rows = [r for r in rows if r.status.value == args.status]
            elif args.status:
                rows = await service.by_status(Status(args.status), args.offset, args.limit)
            else:
                rows = await service.queue(Queue.ALL_OPEN, args.offset, args.limit)
            return rows, await service.current_time()

        rows, now = asyncio.run(fetch())
    finally:
        services.close()
    if args.json:
        data = [row_json(r, now) for r in rows]
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    from console.domain.complaint import countdown_message

    for r in rows:
        item = row_json(r, now)
        due_at = r.follow_up_due if r.status.value == "resolved" else r.promise_due
        due = (
            say(countdown_message(due_at, now))
            if item["countdown"] and due_at is not None
            else (item["promise_due"] or "")[:16] or "-"
        )
        out.write(
            f"#{r.id}\t{r.status.value}\t{due}\t{r.who or '-'}\t{r.store}\t{r.agent}\t{r.summary}\n"
        )
    return 0


def _date(text: str, flag: str, usage: Any) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise usage(m.FlagNotADateSuchAs(flag, repr(text))) from None


def describe_report(data: dict[str, Any]) -> str:
    """The report as short human-readable lines."""

    def pct(value: float | None) -> str:
        return "-" if value is None else f"{value:.1f} %"

    def counts(by: dict[str, int]) -> str:
        return ", ".join(f"{k} {v}" for k, v in by.items()) or "-"

    period = (str(data["date_from"]), str(data["date_to"]))
    lines = [
        m.ReportHeadingAt(*period, data["store"]) if data["store"] else m.ReportHeading(*period),
        m.ReportReceived(data["received"]),
        m.ReportByCategory(counts(data["by_category"])),
        m.ReportByStatus(counts(data["by_status"])),
        m.ReportMedians(
            str(data["median_first_response_minutes"] or "-"),
            str(data["median_resolution_hours"] or "-"),
        ),
        m.ReportPromisesKept(
            data["promises_kept"], data["promises_made"], pct(data["promises_kept_pct"])
        ),
        m.ReportFollowUps(
            data["follow_ups_within_7_days"],
            data["follow_ups_due"],
            pct(data["follow_ups_within_7_days_pct"]),
        ),
        m.ReportDissatisfied(
            data["dissatisfied"], data["follow_ups_done"], pct(data["dissatisfaction_pct"])
        ),
        m.ReportFeedback(
            len(data["repeat_complainers"]),
            len(data["product_feedback"]),
            len(data["training_feedback"]),
        ),
    ]
    return "\n".join(say(line) for line in lines) + "\n"


def cmd_report(
    args: argparse.Namespace, out: TextIO, open_services: OpenServices, usage: Any
) -> int:
    import asyncio

    if args.what is None:
        raise usage(m.SayWhatToReport())
    date_from = _date(args.date_from, "--from", usage) if args.date_from else None
    date_to = _date(args.date_to, "--to", usage) if args.date_to else None
    if date_from and date_to and date_from > date_to:
        raise usage(m.FromAfterTo())
    services = open_services(args)
    try:
        service = services.complaints

        async def fetch() -> dict[str, Any]:
            start, end = date_from, date_to
            if start is None or end is None:
                today = await service.today()  # the store's date, not this computer's
                start = start or today.replace(day=1)
                end = end or _month_end(today)
            if start > end:
                raise usage(m.FromAfterThisMonth())
            report = await service.report(start, end, args.store)
            return report.to_json()

        data = asyncio.run(fetch())
    finally:
        services.close()
    if args.json:
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(describe_report(data))
    return 0


def _month_end(day: dt.date) -> dt.date:
    first_next = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return first_next - dt.timedelta(days=1)
