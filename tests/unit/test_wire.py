"""Values on the wire between console and server (console.services.wire): records,
message codes and refusals come back as the same Python values; nothing else is made."""

from __future__ import annotations

import datetime as dt
import decimal
import json
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from console.domain import messages as msg
from console.domain.complaint import (
    Action,
    Channel,
    Complaint,
    ComplaintChanged,
    Emotion,
    Status,
    TransitionRefused,
)
from console.domain.customer import (
    Conflict,
    Customer,
    DuplicateFound,
    Language,
    PartialDate,
    Phone,
)
from console.domain.roles import NotAllowed, Permission, Role
from console.domain.validation import ValidationFailed
from console.domain.versions import ChangedMeanwhile
from console.services import remote, wire

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _through(value: Any) -> Any:
    """*value* sent as JSON text and read back."""
    return wire.decode(json.loads(json.dumps(wire.encode(value))))


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        0,
        -7,
        2.5,
        "您好 Mr. Yu",
        [1, "a", None],
        (1, (2, 3)),
        {"a": 1, "b": [1, 2]},
        {1: "one", (2, 3): "pair"},
        {"$": "not a tag"},
        frozenset({"x", "y"}),
        {3, 4},
        dt.datetime(2026, 12, 5, 9, 30, 15, 123456, tzinfo=dt.UTC),
        dt.datetime(2026, 12, 5, 9, 30, tzinfo=SHANGHAI),
        dt.datetime(2026, 12, 5, 9, 30),
        dt.date(2026, 2, 28),
        dt.time(14, 5),
        dt.timedelta(hours=26, seconds=3),
        decimal.Decimal("12.50"),
        SHANGHAI,
        Status.IN_PROGRESS,
        Role.MANAGER,
    ],
)
def test_plain_values_come_back_the_same(value: Any) -> None:
    back = _through(value)
    assert back == value
    assert type(back) is type(value)


def test_an_aware_time_keeps_its_offset_and_zone() -> None:
    london = ZoneInfo("Europe/London")
    when = dt.datetime(2026, 3, 28, 12, 30, tzinfo=london)
    back = _through(when)
    assert back == when and back.tzinfo == london
    # A day later, in the zone: across the change to summer time, as on the sender's side.
    assert (back + dt.timedelta(days=1)).utcoffset() == dt.timedelta(hours=1)


def test_records_come_back_with_their_nested_records_and_enums() -> None:
    customer = Customer(
        name="余先生",
        id=7,
        language=Language.ZH_HANT,
        phones=[Phone("+8613800000000", "mobile")],
        birthday=PartialDate(month=5, day=4),
        preferences=["Earl Grey, no sugar"],
        created_at=dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC),
        version=3,
        changed_by="Mei",
    )
    back = _through(customer)
    assert back == customer
    assert isinstance(back.phones[0], Phone) and isinstance(back.birthday, PartialDate)
    complaint = Complaint(
        id=402,
        channel=Channel.PHONE,
        emotion=Emotion.ANGRY,
        options_offered=["refund", "replacement"],
        received_at=dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC),
    )
    assert _through(complaint) == complaint


def test_message_codes_come_back_as_the_same_message() -> None:
    message = msg.AccountLocked(15)
    back = _through(message)
    assert back == message and str(back) == str(message)


@pytest.mark.parametrize(
    "error",
    [
        NotAllowed(Role.AGENT, Permission.MANAGE_STAFF),
        ChangedMeanwhile(
            "customer", 7, by="Mei", at=dt.datetime(2026, 12, 5, 9, 0, tzinfo=dt.UTC), version=4
        ),
        ComplaintChanged(402, "Tom", dt.datetime(2026, 12, 5, 9, 0, tzinfo=dt.UTC)),
        TransitionRefused(Status.CLOSED, Action.RESOLVE),
        DuplicateFound([Conflict("phone", "+8613800000000", 9, "Mr. Yu")]),
        ValidationFailed({"name": msg.AccountSwitchedOff(), "birthday": msg.AccountLocked(3)}),
        ValueError("a plain refusal"),
        LookupError("no such thing"),
    ],
)
def test_refusals_come_back_as_the_same_exception(error: Exception) -> None:
    back = _through(error)
    assert type(back) is type(error)
    assert str(back) == str(error)
    if isinstance(error, NotAllowed):
        assert back.message == error.message
    if isinstance(error, ValidationFailed):
        assert back.errors == error.errors


@pytest.mark.parametrize(
    "data",
    [
        {"$": "dc", "t": "subprocess:Popen", "f": {"args": ["rm", "-rf", "/"]}},
        {"$": "dc", "t": "console.ui.main_window:MainWindow", "f": {}},
        {"$": "dc", "t": "console.storage.sqlite.runner:DatabaseRunner", "f": {}},
        {"$": "dc", "t": "console.domain.customer:os", "f": {}},
        {"$": "exc", "t": "builtins:SystemExit", "a": {"text": "bye"}},
        {"$": "dc", "t": "console.domain.customer:Customer", "f": {"nme": "typo"}},
        {"$": "enum", "t": "console.domain.complaint:Status", "v": "no such status"},
        {"$": "eval", "v": "1+1"},
        {"$": "date", "v": 20261205},
        {"$": "tuple", "v": "not a list"},
    ],
)
def test_a_reader_makes_nothing_but_this_apps_records(data: dict[str, Any]) -> None:
    with pytest.raises(wire.WireError):
        wire.decode(data)


def test_what_cannot_be_sent_is_said() -> None:
    with pytest.raises(wire.NotOnTheWire):
        wire.encode(lambda: None)
    with pytest.raises(wire.NotOnTheWire):
        wire.encode(open)


def test_only_listed_methods_can_be_called() -> None:
    assert remote.remote_name("customers", "search_now") == "search"
    assert remote.remote_name("complaints", "queue") == "queue"
    for service, method in [
        ("customers", "_store"),
        ("customers", "bulk_import"),
        ("backup", "back_up"),
        ("staff", "sign_in"),
        ("settings", "write"),
    ]:
        with pytest.raises(remote.NotRemote):
            remote.remote_name(service, method)
