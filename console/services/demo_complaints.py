"""Demo complaints: realistic cases from SERVICE-PRACTICE.md, in English and Chinese.

:func:`fill_demo_complaints` writes *n* complaints received over the three years before
*now*, in the order they arrived, with their whole history (status changes, promises,
follow-up calls) as the service would have written it: most resolved within their
promise and followed up within a week; some promises missed, some follow-ups forgotten,
a few customers dissatisfied (reopened), a few voided by a manager. Recent ones are
still open, so every queue has rows. The same seed gives the same data.
Used by ``service-console demo --complaints N`` and the benchmark (a million rows).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from console.domain.clock import SystemClock
from console.domain.complaint import (
    CauseCategory,
    Channel,
    Compensation,
    Complaint,
    Emotion,
    FollowUp,
    PromiseChange,
    Responsibility,
    Status,
    StatusChange,
    Want,
)
from console.repositories import Repositories, Store
from console.repositories.complaints import HistoricComplaint
from console.services.demo_data import STAFF

BATCH = 20_000
YEARS = 3


@dataclass(frozen=True, slots=True)
class _Case:
    cause: CauseCategory
    sub_cause: str
    words: str
    understanding: str
    wants: Want
    apology: str
    options: tuple[str, ...]
    wording: str = ""  # service attitude: what was said that went wrong


_APOLOGY_EN = "I'm sorry for the inconvenience."
_APOLOGY_ZH = "给您添麻烦了，非常抱歉。"

CASES: Final[tuple[_Case, ...]] = (
    _Case(
        CauseCategory.PRODUCT_QUALITY,
        "freezes",
        "I bought this phone a month ago, it freezes, the repair centre found nothing "
        "and today it happened again.",
        "Phone bought a month ago freezes; repair found nothing; happened again today; "
        "wants a replacement.",
        Want.EXCHANGE,
        _APOLOGY_EN,
        ("replacement", "second repair with a loan phone"),
    ),
    _Case(
        CauseCategory.PRODUCT_QUALITY,
        "死机",
        "手机买了一个月就死机，送修说没问题，今天又死机了。",
        "购买一个月的手机反复死机，维修未查出问题，顾客希望换新机。",
        Want.EXCHANGE,
        _APOLOGY_ZH,
        ("换新机", "再次检测并提供备用机"),
    ),
    _Case(
        CauseCategory.PRODUCT_QUALITY,
        "seam split",
        "The seam on the bag split after two weeks.",
        "Bag seam split after two weeks of normal use; wants it repaired or replaced.",
        Want.REPAIR,
        _APOLOGY_EN,
        ("free repair", "replacement"),
    ),
    _Case(
        CauseCategory.SERVICE_ATTITUDE,
        "remark about the discount",
        "After the manager gave me a discount the assistant said she wouldn't have.",
        "Assistant commented on the manager's discount; customer felt judged.",
        Want.APOLOGY_ONLY,
        _APOLOGY_EN,
        ("apology from the store manager",),
        "our manager is nice — if it were me I wouldn't have given you that",
    ),
    _Case(
        CauseCategory.SERVICE_ATTITUDE,
        "等候时的答复",
        "等了四十五分钟，前台只说“这里就是这样的”。",
        "等候四十五分钟，前台答复冷淡，顾客要求道歉和解释。",
        Want.EXPLANATION,
        "让您久等了，对不起。",
        ("店长致电道歉", "下次预约优先"),
        "这里就是这样的",
    ),
    _Case(
        CauseCategory.SERVICE_ATTITUDE,
        "推诿",
        "问退货流程，店员说这不归我管，找别人去。",
        "顾客咨询退货被推诿，希望有人负责处理。",
        Want.EXPLANATION,
        _APOLOGY_ZH,
        ("专人跟进退货",),
        "这不归我管，找别人去",
    ),
    _Case(
        CauseCategory.DELIVERY,
        "late delivery",
        "The sofa was promised for Saturday and nobody came or called.",
        "Delivery missed the promised Saturday without notice; wants a new slot and "
        "the delivery fee back.",
        Want.COMPENSATION,
        _APOLOGY_EN,
        ("refund of delivery fee", "priority slot on Monday"),
    ),
    _Case(
        CauseCategory.DELIVERY,
        "包裹破损",
        "快递送到时箱子压坏了，杯子碎了两个。",
        "快递包装破损，两只杯子碎裂，顾客希望补发。",
        Want.EXCHANGE,
        _APOLOGY_ZH,
        ("补发", "退款"),
    ),
    _Case(
        CauseCategory.PRICE_BILLING,
        "charged twice",
        "I was charged twice for the same order.",
        "Card charged twice for one order; wants the duplicate refunded.",
        Want.REFUND,
        _APOLOGY_EN,
        ("refund the duplicate charge",),
    ),
    _Case(
        CauseCategory.PRICE_BILLING,
        "会员价未生效",
        "我是会员，结账时没有按会员价。",
        "会员价未在结账时生效，顾客要求退还差价。",
        Want.REFUND,
        _APOLOGY_ZH,
        ("退还差价", "补发积分"),
    ),
    _Case(
        CauseCategory.ENVIRONMENT,
        "lagoon drained",
        "The lagoon outside our room was drained without notice.",
        "Lagoon drained without notice during the stay; guest wants it put right.",
        Want.COMPENSATION,
        _APOLOGY_EN,
        ("half the night's rate", "upgrade to a villa with a private pool"),
    ),
    _Case(
        CauseCategory.POLICY,
        "return window",
        "You won't take back a jacket I bought 35 days ago.",
        "Return refused after the 30-day window; customer asks for an exception.",
        Want.REFUND,
        _APOLOGY_EN,
        ("store credit", "exchange for another size"),
    ),
    _Case(
        CauseCategory.OTHER,
        "parking",
        "停车场指示不清楚，绕了半小时。",
        "停车指引不清，顾客建议改进。",
        Want.OTHER,
        _APOLOGY_ZH,
        ("赠送停车券",),
    ),
)

_CASE_WEIGHTS: Final = (14, 10, 8, 7, 6, 5, 10, 7, 8, 6, 3, 6, 4)
_WALK_IN_NAMES: Final = (
    "王先生",
    "李女士",
    "张小姐",
    "陳太太",
    "Mr Hughes",
    "Ms Okafor",
    "Tom Baker",
    "林小姐",
)
_SATISFACTION: Final = (5, 4, 3, 2, 1)
_SATISFACTION_WEIGHTS: Final = (40, 30, 16, 9, 5)
_STORES: Final = tuple(STAFF)
_CHANNELS: Final = tuple(Channel)
_CHANNEL_WEIGHTS: Final = (45, 35, 18, 2)
_EMOTIONS: Final = tuple(Emotion)
_VOID_REASONS: Final = ("duplicate of an earlier complaint", "entered on the wrong customer")


@dataclass(frozen=True, slots=True)
class DemoComplaints:
    complaints: int
    open: int
    first_id: int


def _at(seconds: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(seconds, dt.UTC)


def _opt(seconds: int | None) -> dt.datetime | None:
    return None if seconds is None else _at(seconds)


def _event(at: int, by: str, before: str | None, after: str, note: str) -> StatusChange:
    return StatusChange(_at(at), by, Status(before) if before else None, Status(after), note)


def _complaint_rows(
    rng: random.Random,
    n: int,
    start: int,
    now: int,
    *,
    customer_ids: int,
    callers: int,
    index0: int,
    total: int,
) -> list[HistoricComplaint]:
    out: list[HistoricComplaint] = []
    span = now - start
    cases = rng.choices(CASES, _CASE_WEIGHTS, k=n)
    channels = rng.choices(_CHANNELS, _CHANNEL_WEIGHTS, k=n)
    for k in range(n):
        events: list[StatusChange] = []
        promises: list[PromiseChange] = []
        follow_ups: list[FollowUp] = []
        received = start + (span * (index0 + k)) // total + rng.randrange(60)
        received = min(received, now - 60)
        case = cases[k]
        shop = rng.randrange(len(_STORES))
        store_name = _STORES[shop]
        staff = STAFF[store_name]
        agent = staff[rng.randrange(len(staff))]
        if customer_ids and rng.random() < 0.7:
            customer_id: int | None = 1 + rng.randrange(customer_ids)
            caller_name = caller_contact = ""
        else:
            customer_id = None
            caller = rng.randrange(callers)
            caller_name = _WALK_IN_NAMES[caller % len(_WALK_IN_NAMES)]
            caller_contact = f"+86139{caller:08d}"
        voided = rng.random() < 0.02
        on_the_spot = rng.random() < 0.25
        events.append(_event(received, agent, None, "new", "received"))
        promise_due: int | None = None
        if on_the_spot:
            first = resolved = received + 60 * rng.randrange(2, 20)
        else:
            promise_due = received + 3600 * rng.choice((2, 4, 8, 18, 24, 48))
            promises.append(PromiseChange(_at(received), agent, _at(promise_due), None, "promised"))
            first = received + 60 * rng.randrange(5, 240)
            # Four in five promises are kept; the rest are late by up to two days.
            if rng.random() < 0.8:
                resolved = received + rng.randrange(max(promise_due - received, 600))
            else:
                resolved = promise_due + rng.randrange(600, 2 * 86400)
            first = min(first, resolved)
        status = Status.NEW
        row_first: int | None = None
        row_resolved: int | None = None
        follow_up_due: int | None = None
        if first <= now:
            row_first = first
            if not on_the_spot:
                status = Status.IN_PROGRESS
                events.append(_event(first, agent, "new", "in_progress", ""))
        if resolved <= now:
            before = "new" if on_the_spot else "in_progress"
            events.append(
                _event(
                    resolved,
                    agent,
                    before,
                    "resolved",
                    "solved on the spot" if on_the_spot else "",
                )
            )
            status = Status.RESOLVED
            row_resolved = resolved
            follow_up_due = resolved + 7 * 86400
            called = resolved + rng.randrange(86400, 9 * 86400)
            if rng.random() < 0.88 and called <= now:
                satisfaction = rng.choices(_SATISFACTION, _SATISFACTION_WEIGHTS)[0]
                follow_ups.append(FollowUp(_at(called), agent, satisfaction, ""))
                events.append(_event(called, agent, "resolved", "followed_up", ""))
                status = Status.FOLLOWED_UP
                if satisfaction <= 2:
                    events.append(
                        _event(
                            called,
                            agent,
                            "followed_up",
                            "in_progress",
                            "dissatisfied at follow-up",
                        )
                    )
                    status = Status.IN_PROGRESS
                    if now - called > 14 * 86400:  # put right since, and closed
                        again = called + 3 * 86400
                        called_again = again + 2 * 86400
                        events.append(_event(again, agent, "in_progress", "resolved", ""))
                        events.append(_event(called_again, agent, "resolved", "followed_up", ""))
                        events.append(
                            _event(called_again + 86400, agent, "followed_up", "closed", "")
                        )
                        follow_ups.append(
                            FollowUp(_at(called_again), agent, 4, "happy with the fix")
                        )
                        status = Status.CLOSED
                        row_resolved = again
                        follow_up_due = again + 7 * 86400
                elif now - called > 3 * 86400:
                    events.append(_event(called + 3 * 86400, agent, "followed_up", "closed", ""))
                    status = Status.CLOSED
            elif now - resolved > 30 * 86400:  # never called back; closed by a manager
                events.append(_event(resolved + 30 * 86400, "", "resolved", "closed", "no answer"))
                status = Status.CLOSED
        void_reason = ""
        if voided:
            void_reason = _VOID_REASONS[rng.randrange(len(_VOID_REASONS))]
            events.append(_event(received + 600, "", status.value, "voided", void_reason))
            status = Status.VOIDED
        c = Complaint(
            customer_id=customer_id,
            caller_name=caller_name,
            caller_contact=caller_contact,
            channel=channels[k],
            store=store_name,
            agent=agent,
            customer_words=case.words,
            understanding=case.understanding,
            confirmed=True,
            emotion=_EMOTIONS[rng.randrange(3)],
            apology=case.apology,
            wants=case.wants,
            options_offered=list(case.options),
            option_chosen=case.options[0],
            compensation=(
                Compensation("voucher", 5000, "CNY") if case.wants is Want.COMPENSATION else None
            ),
            cause=case.cause,
            sub_cause=case.sub_cause,
            responsibility=Responsibility.OURS,
            wording_that_went_wrong=case.wording,
            received_at=_at(received),
            status=status,
            promise_due=_opt(promise_due),
            first_response_at=_opt(row_first),
            resolved_at=_opt(row_resolved),
            follow_up_due=_opt(follow_up_due),
            void_reason=void_reason,
        )
        out.append(HistoricComplaint(c, events, promises, follow_ups))
    return out


def _fill(
    repos: Repositories,
    n: int,
    seed: int,
    now: dt.datetime,
    progress: Callable[[int], None] | None,
) -> DemoComplaints:
    rng = random.Random(seed)
    end = int(now.timestamp())
    start = end - YEARS * 365 * 86400
    customer_ids = repos.complaints.highest_customer_id()
    first_id = 0
    callers = max(n // 4, 1)
    done = open_count = 0
    while done < n:
        size = min(BATCH, n - done)
        batch = _complaint_rows(
            rng,
            size,
            start,
            end,
            customer_ids=customer_ids,
            callers=callers,
            index0=done,
            total=n,
        )
        open_count += sum(h.complaint.status.is_open for h in batch)
        first = repos.complaints.add_historic(batch, now=now)
        first_id = first_id or first
        done += size
        if progress is not None:
            progress(done)
    return DemoComplaints(complaints=n, open=open_count, first_id=first_id)


def fill_demo_complaints(
    store: Store,
    n: int,
    seed: int = 7,
    *,
    now: dt.datetime | None = None,
    progress: Callable[[int], None] | None = None,
) -> DemoComplaints:
    """Add *n* demo complaints received over the three years before *now* (default: the
    current time), linked to existing customers when there are any (else walk-ins)."""
    if n < 1:
        raise ValueError("add at least one complaint")
    moment = now or SystemClock().utc().replace(microsecond=0)
    return store.write_now(lambda r: _fill(r, n, seed, moment, progress))
