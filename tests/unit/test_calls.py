"""Calls: the Generic CTI fields, number matching and the call log (domain, storage, service)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from console.domain.calls import (
    MIN_MATCH_DIGITS,
    CallState,
    CtiEvent,
    Direction,
    EventKind,
    InvalidEvent,
    MatchKind,
    choose_match,
    is_for_agent,
    json_fields,
    parse_event,
    read_number,
)
from console.repositories import Store
from console.services import settings as opts
from console.services.calls import CallService
from console.services.customers import CustomerService, DuplicateFound
from console.services.settings import SettingsService
from console.storage.sqlite import calls as call_store
from console.storage.sqlite import customers as store
from console.storage.sqlite.runner import DatabaseRunner
from tests.unit.conftest import ALL_BACKENDS, NOW, Clock, add_customer, run


def fields(**values: str | list[str]) -> dict[str, list[str]]:
    renamed = {"from_": "from"}
    return {renamed.get(k, k): v if isinstance(v, list) else [v] for k, v in values.items()}


def event(kind: str = "newCall", call_id: str = "c1", **values: str | list[str]) -> CtiEvent:
    base: dict[str, str | list[str]] = {
        "event": kind,
        "callId": call_id,
        "from_": "+8613812345678",
        "to": "+862155550000",
        "direction": "in",
    }
    base.update(values)
    return parse_event(fields(**base))


# --- the event format ----------------------------------------------------------------


def test_parse_event_reads_every_field() -> None:
    e = parse_event(
        fields(
            event="answer",
            callId="abc-123",
            from_="493055571600",
            to="491711234567890",
            direction="out",
            user=["Alice", " Bob "],
            queue="helpdesk",
            answeringNumber="42",
            extra="ignored",
        )
    )
    assert e.kind is EventKind.ANSWER
    assert e.call_id == "abc-123"
    assert (e.from_number, e.to_number) == ("493055571600", "491711234567890")
    assert e.direction is Direction.OUT
    assert e.users == ("Alice", "Bob")
    assert (e.queue, e.answering_number) == ("helpdesk", "42")
    assert e.other_party == "491711234567890"


def test_user_brackets_and_default_direction() -> None:
    e = parse_event({"event": ["newCall"], "callId": ["x"], "user[]": ["Li", "Wang"]})
    assert e.users == ("Li", "Wang")
    assert e.direction is Direction.IN


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"callId": ["x"]}, "'event' is missing"),
        ({"event": ["ring"], "callId": ["x"]}, "'event' must be one of"),
        ({"event": ["newCall"]}, "'callId' is missing"),
        ({"event": ["newCall"], "callId": ["a b"]}, "printable ASCII"),
        ({"event": ["newCall"], "callId": ["x" * 251]}, "longer than 250"),
        ({"event": ["newCall"], "callId": ["x"], "direction": ["sideways"]}, "'in' or 'out'"),
        ({"event": ["newCall", "hangup"], "callId": ["x"]}, "given 2 times"),
        ({"event": ["newCall"], "callId": ["x"], "from": ["1\x002"]}, "control characters"),
        ({"event": ["newCall"], "callId": ["x"], "from": ["1" * 65]}, "longer than 64"),
        ({"event": ["newCall"], "callId": ["x"], "user": ["u"] * 33}, "more than 32"),
    ],
)
def test_parse_event_refuses_malformed(values: dict[str, list[str]], message: str) -> None:
    with pytest.raises(InvalidEvent, match=message):
        parse_event(values)


def test_json_fields() -> None:
    assert json_fields({"event": "newCall", "from": 4930, "user": ["a", "b"]}) == {
        "event": ["newCall"],
        "from": ["4930"],
        "user": ["a", "b"],
    }
    for bad in ([1], "x", {"user": [1]}, {"from": None}, {"from": True}, {"x": {"a": 1}}):
        with pytest.raises(InvalidEvent):
            json_fields(bad)


# --- reading numbers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "region", "e164", "extension"),
    [
        ("+8613812345678", "CN", "+8613812345678", ""),
        ("138 1234 5678", "CN", "+8613812345678", ""),
        ("8613812345678", "CN", "+8613812345678", ""),  # no plus, as PBXs send it
        ("008613812345678", "CN", "+8613812345678", ""),
        ("(021) 5555-1234", "CN", "+862155551234", ""),
        ("021 5555 1234 ext. 12", "CN", "+862155551234", "12"),
        ("021-55551234#7", "CN", "+862155551234", "7"),
        ("+86 21 5555 1234;ext=99", "CN", "+862155551234", "99"),
        ("020 7946 0958", "GB", "+442079460958", ""),
        ("493055571600", "CN", "+493055571600", ""),  # Zammad's example, German
        ("＋８６　１３８１２３４５６７８", "CN", "+8613812345678", ""),
        ("sip:+8613812345678@192.168.1.10", "CN", "+8613812345678", ""),  # IP phones
        ('"Li Na" <sip:13812345678@pbx.example.com;user=phone>', "CN", "+8613812345678", ""),
        ("tel:+86-21-5555-1234;ext=8", "CN", "+862155551234", "8"),
    ],
)
def test_read_number(raw: str, region: str, e164: str, extension: str) -> None:
    number = read_number(raw, region)
    assert number.e164 == e164
    assert number.extension == extension
    assert not number.withheld


@pytest.mark.parametrize("raw", ["", "anonymous", "Unknown", "restricted", "  "])
def test_withheld_numbers(raw: str) -> None:
    number = read_number(raw, "CN")
    assert number.withheld and number.e164 is None and number.suffix is None


def test_short_extension_has_no_suffix() -> None:
    assert read_number("204", "CN").suffix is None
    assert read_number("9013812345678", "CN").suffix == "2345678"


def test_choose_match_rules() -> None:
    number = read_number("9013812345678", "CN")  # outside-line 9 + trunk 0: not valid
    assert number.e164 is None
    assert choose_match(number, [5]).kind is MatchKind.EXACT
    assert choose_match(number, [5, 6]).customer_ids == (5, 6)
    assert choose_match(number, [], {}).kind is MatchKind.NONE
    probable = choose_match(number, [], {1: ["+8613812345678"], 2: ["+8613912345678"]})
    # 1 shares 11 digits, 2 shares 7: the longest ending alone wins
    assert probable.kind is MatchKind.PROBABLE and probable.customer_id == 1
    tie = choose_match(number, [], {1: ["+8613812345678"], 2: ["+85213812345678"]})
    assert tie.kind is MatchKind.PROBABLE and tie.ambiguous and tie.customer_id is None
    short = choose_match(number, [], {3: ["+8613800045678"]})  # 5 digits: not enough
    assert short.kind is MatchKind.NONE
    assert MIN_MATCH_DIGITS == 7


def test_is_for_agent() -> None:
    e = event(user=["Li Na", "Wang"])
    assert is_for_agent(e)  # nothing configured: every call
    assert is_for_agent(e, agent="li na")
    assert not is_for_agent(e, agent="Zhou")
    assert not is_for_agent(e, extension="204")
    assert is_for_agent(event(to="204"), extension="204")
    assert is_for_agent(event("answer", answeringNumber="204"), extension="204")
    assert not is_for_agent(event("answer", answeringNumber="205"), extension="204")
    assert is_for_agent(event(), extension="204")  # names nobody: rings everyone
    assert is_for_agent(event("answer", answeringNumber="sip:204@pbx"), extension="204")


# --- storage and service --------------------------------------------------------------


#: The call service's tests run on every store (those taking ``runner`` or ``db_path``
#: test SQLite's own functions and migrations).
both = pytest.mark.parametrize("backend", ALL_BACKENDS, indirect=True)


@pytest.fixture
def calls(backend: Store, service: CustomerService, clock: Clock) -> CallService:
    return CallService(backend, service, clock=clock)


@both
def test_new_call_exact_match(backend: Store, calls: CallService) -> None:
    li = add_customer(backend, "李娜", phones=["+8613812345678"])
    update = run(calls.handle(event(from_="138 1234 5678")))
    assert update.created and update.changed and update.for_me
    call = update.call
    assert (call.customer_id, call.match, call.state) == (li, MatchKind.EXACT, CallState.RINGING)
    assert call.number == "+8613812345678"
    assert update.people[li].name == "李娜"


@both
@pytest.mark.parametrize(
    "sent",
    ["+86 138 1234 5678", "8613812345678", "008613812345678", "138-1234-5678 x 22"],
)
def test_national_and_international_forms_match_exactly(
    backend: Store, calls: CallService, sent: str
) -> None:
    li = add_customer(backend, "李娜", phones=["+8613812345678"])
    call = run(calls.handle(event(from_=sent))).call
    assert (call.customer_id, call.match) == (li, MatchKind.EXACT)


@both
def test_landline_with_extension(backend: Store, calls: CallService) -> None:
    shop = add_customer(backend, "Jing'an Florist", phones=["+862155551234"])
    call = run(calls.handle(event(from_="021-5555 1234 ext. 301"))).call
    assert (call.customer_id, call.match) == (shop, MatchKind.EXACT)


@both
def test_last_digits_fallback_is_probable(backend: Store, calls: CallService) -> None:
    li = add_customer(backend, "李娜", phones=["+8613812345678"])
    add_customer(backend, "Member", member_no="M2345678")  # same last digits: not a phone
    call = run(calls.handle(event(from_="9013812345678"))).call
    assert (call.customer_id, call.match) == (li, MatchKind.PROBABLE)


@both
def test_two_customers_sharing_a_number_need_a_choice(backend: Store, calls: CallService) -> None:
    a = add_customer(backend, "Wang Fang", phones=["+8613812345678"])
    b = add_customer(backend, "Wang Lei", phones=["+8613812345678"])
    call = run(calls.handle(event())).call
    assert call.customer_id is None
    assert call.match is MatchKind.EXACT
    assert sorted(call.candidates) == sorted([a, b])
    linked = run(calls.link(call.call_id, b))
    assert linked is not None and linked.customer_id == b and linked.candidates == ()


@both
def test_unknown_and_withheld(backend: Store, calls: CallService) -> None:
    add_customer(backend, "Someone", phones=["+8613900000000"])
    unknown = run(calls.handle(event(call_id="u", from_="13812345678"))).call
    assert (unknown.customer_id, unknown.match) == (None, MatchKind.NONE)
    withheld = run(calls.handle(event(call_id="w", from_="anonymous"))).call
    assert (withheld.customer_id, withheld.number) == (None, None)


@both
def test_merged_customers_do_not_match(backend: Store, calls: CallService) -> None:
    keep = add_customer(backend, "Keep", phones=["+8613700000000"])
    gone = add_customer(backend, "Gone", phones=["+8613812345678"])
    backend.write_now(lambda r: r.customers.merge(keep, gone, now=NOW))
    call = run(calls.handle(event())).call
    assert call.customer_id == keep


@both
def test_answer_then_hangup_logs_duration(backend: Store, calls: CallService, clock: Clock) -> None:
    li = add_customer(backend, "李娜", phones=["+8613812345678"])
    run(calls.handle(event()))
    clock.set(NOW + dt.timedelta(seconds=5))
    answered = run(calls.handle(event("answer", answeringNumber="204", user=["Mei"]))).call
    assert answered.state is CallState.ANSWERED and answered.answered_by == "204"
    clock.set(NOW + dt.timedelta(seconds=185))
    ended = run(calls.handle(event("hangup", cause="normalClearing"))).call
    assert ended.state is CallState.ENDED
    assert ended.duration == dt.timedelta(seconds=180)
    assert ended.cause == "normalClearing"
    assert [c.call_id for c in run(calls.customer_calls(li))] == ["c1"]
    # late and repeated events change nothing
    again = run(calls.handle(event("answer")))
    assert not again.changed and again.call.state is CallState.ENDED
    assert not run(calls.handle(event())).changed


@both
def test_missed_call_lands_in_call_backs_until_returned(
    backend: Store, calls: CallService, clock: Clock
) -> None:
    li = add_customer(backend, "李娜", phones=["+8613812345678"])
    run(calls.handle(event(call_id="m1")))
    missed = run(calls.handle(event("hangup", call_id="m1", cause="cancel"))).call
    assert missed.state is CallState.MISSED
    run(calls.handle(event(call_id="m2")))
    run(calls.handle(event("hangup", call_id="m2", cause="noAnswer")))
    run(calls.handle(event(call_id="u1", from_="13900000001")))  # unknown: not listed
    run(calls.handle(event("hangup", call_id="u1")))
    backs = run(calls.call_backs())
    assert [(b.customer_id, b.call.call_id, b.missed_count) for b in backs] == [(li, "m2", 2)]
    # an answered outbound call to them takes them off the list
    clock.set(NOW + dt.timedelta(minutes=3))
    out = event(call_id="o1", direction="out", from_="204", to="13812345678")
    run(calls.handle(out))
    run(calls.handle(event("answer", call_id="o1", direction="out", to="13812345678")))
    assert run(calls.call_backs()) == []


@both
def test_mark_called_back(backend: Store, calls: CallService) -> None:
    li = add_customer(backend, "李娜", phones=["+8613812345678"])
    run(calls.handle(event()))
    run(calls.handle(event("hangup")))
    assert run(calls.mark_called_back(li)) == 1
    assert run(calls.call_backs()) == []


@both
def test_outbound_unanswered_is_not_missed(backend: Store, calls: CallService) -> None:
    add_customer(backend, "李娜", phones=["+8613812345678"])
    out = {"direction": "out", "from_": "204", "to": "+8613812345678"}
    call = run(calls.handle(event(**out))).call
    assert call.customer_id is not None
    assert run(calls.handle(event("hangup", **out))).call.state is CallState.ENDED


@both
def test_hangup_without_new_call_is_still_logged(backend: Store, calls: CallService) -> None:
    li = add_customer(backend, "李娜", phones=["+8613812345678"])
    update = run(calls.handle(event("hangup", call_id="lost")))
    assert update.created
    assert (update.call.state, update.call.customer_id) == (CallState.MISSED, li)


@both
def test_agent_setting_decides_who_pops(calls: CallService, settings: SettingsService) -> None:
    run(settings.set(opts.CTI_EXTENSION, "204"))
    assert not run(calls.handle(event(call_id="a", user=["205"]))).for_me
    assert run(calls.handle(event(call_id="b", user=["204"]))).for_me
    run(settings.set(opts.CTI_AGENT, "Mei"))
    assert run(calls.handle(event(call_id="c", user=["Mei"]))).for_me


@both
def test_attach_number_to_existing_customer(backend: Store, calls: CallService) -> None:
    li = add_customer(backend, "李娜", phones=["+8613900000000"])
    call = run(calls.handle(event(from_="13812345678"))).call
    assert call.customer_id is None
    linked = run(calls.attach_number(call.call_id, li))
    assert linked is not None and linked.customer_id == li
    customer = backend.read_now(lambda r: r.customers.get(li))
    assert customer is not None
    assert [p.number for p in customer.phones] == ["+8613900000000", "+8613812345678"]
    # now the number is known
    assert run(calls.handle(event(call_id="c2", from_="13812345678"))).call.customer_id == li


@both
def test_attach_refuses_a_number_of_someone_else(backend: Store, calls: CallService) -> None:
    add_customer(backend, "Wang", phones=["+8613812345678"])
    li = add_customer(backend, "李娜")
    run(calls.handle(event()))
    with pytest.raises(DuplicateFound):
        run(calls.attach_number("c1", li))
    withheld = run(calls.handle(event(call_id="w", from_="anonymous"))).call
    with pytest.raises(ValueError, match="not a phone number"):
        run(calls.attach_number(withheld.call_id, li))


@both
def test_recent_calls_newest_first(calls: CallService, clock: Clock) -> None:
    for i in range(3):
        clock.set(NOW + dt.timedelta(minutes=i))
        run(calls.handle(event(call_id=f"c{i}")))
    assert [c.call_id for c in calls.recent_now(2)] == ["c2", "c1"]


def test_suffix_candidates_are_bounded(runner: DatabaseRunner) -> None:
    # SQLite's own look-up function (the bound is not visible through the repository).
    for i in range(call_store.SUFFIX_CANDIDATES + 5):
        add_customer(runner, f"C{i}", phones=[f"+861{i:03d}2345678"])
    found = runner.call(call_store.suffix_candidates, "2345678")
    assert 0 < len(found) <= call_store.SUFFIX_CANDIDATES
    assert runner.call(call_store.suffix_candidates, "not-digits") == {}


def test_migration_0005_adds_the_call_log_to_an_older_database(db_path: Path) -> None:
    from console.storage.sqlite import schema

    with DatabaseRunner(db_path) as r:
        li = add_customer(r, "李娜", phones=["+8613812345678"])
    conn = sqlite3.connect(db_path)  # as an app without calls left it
    conn.execute("DROP TABLE calls")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0005_calls'")
    conn.execute(f"PRAGMA user_version = {schema.known_version() - 1}")
    conn.commit()
    conn.close()
    with DatabaseRunner(db_path) as r:
        assert "calls" in r.call(lambda db: db.table_names())
        assert r.call(store.get_customer, li) is not None
        applied = r.call(lambda db: [m.name for m in schema.migrations.applied(db)])
        assert "0005_calls" in applied


@both
def test_new_call_is_matched_with_its_profile_before_it_is_written(
    backend: Store, calls: CallService
) -> None:
    li = add_customer(backend, "李娜", phones=["+8613812345678"], preferred_name="Ms. Li")
    update = run(calls.receive(event()))
    assert update.pending and update.call.id is None
    assert update.profile is not None and update.profile.customer.id == li
    assert "Ms. Li" in update.profile.greeting
    assert calls.recent_now() == []  # the pop does not wait for the disk
    logged = run(calls.commit(update))
    assert not logged.pending and logged.call.id is not None
    assert [c.call_id for c in calls.recent_now()] == ["c1"]
    # another writer logged it in between: the event is applied to theirs, not lost
    second = run(calls.receive(event(call_id="c2")))
    run(calls.handle(event("hangup", call_id="c2")))
    assert run(calls.commit(second)).call.state is CallState.MISSED
    # no profile for outbound calls or calls for another agent
    out = run(calls.receive(event(call_id="c3", direction="out", to="13812345678")))
    assert out.call.customer_id == li and out.profile is None


def test_naive_local_call_times_migrate_to_the_same_instants(db_path: Path) -> None:
    import sqlite_utils

    from console.storage.sqlite import schema
    from tests.unit.local_zone import local_zone

    # Written by a console in Shanghai as its wall time, migrated there too.
    with local_zone("Asia/Shanghai"):
        old = sqlite_utils.Database(db_path)
        schema.migrations.apply(old, stop_before="0014_call_instants")
        old.execute(
            "INSERT INTO calls (call_id, direction, state, started_at, answered_at, ended_at) "
            "VALUES ('c9', 'in', 'ended', '2026-11-02T09:00:00', '2026-11-02T09:00:05', "
            "'2026-11-02T09:03:00')"
        )
        old.conn.commit()
        old.close()
        with DatabaseRunner(db_path) as r:
            stored = r.call(
                lambda db: db.execute("SELECT started_at, called_back_at FROM calls").fetchone()
            )
    assert stored == ("2026-11-02T01:00:00.000000+00:00", None)
    shanghai = dt.timezone(dt.timedelta(hours=8))
    started = dt.datetime(2026, 11, 2, 9, 0, tzinfo=shanghai)
    # Read in another zone: the same instants, as that computer's wall time.
    with local_zone("America/New_York"), DatabaseRunner(db_path) as r:
        call = r.read_now(lambda repos: repos.calls.get("c9"))
        assert call is not None
        assert call.started_at.astimezone(dt.UTC) == started
        assert call.started_at == dt.datetime(2026, 11, 1, 20, 0)  # EST, naive local
        assert call.ended_at is not None
        assert call.ended_at.astimezone(dt.UTC) == started + dt.timedelta(minutes=3)


# --- the call log through the repository, on every backend with calls ------------------------


@both
def test_the_call_log_keeps_each_call_once_newest_first(backend: Store) -> None:
    from console.domain.calls import Call
    from tests.unit.local_zone import local_zone

    def logged(call_id: str, minutes: int) -> Call:
        start = dt.datetime(2026, 11, 2, 9, 0) + dt.timedelta(minutes=minutes)  # Shanghai
        return Call(
            call_id, Direction.IN, "anonymous", "+862155550000", start, users=("Mei", "204")
        )

    with local_zone("Asia/Shanghai"):
        # A withheld number needs no customer to know it matches nobody.
        match = backend.read_now(lambda r: r.calls.match_number(read_number("anonymous", "CN")))
        assert (match.customer_id, match.kind, match.customer_ids) == (None, MatchKind.NONE, ())
        first = backend.write_now(lambda r: r.calls.add(logged("c1", 0)))
        assert first is not None and first.id is not None
        assert backend.write_now(lambda r: r.calls.add(logged("c1", 5))) is None  # once
        assert backend.read_now(lambda r: r.calls.get("c1")) == first
        for call_id, minutes in (("c2", 3), ("c0", -3)):
            backend.write_now(lambda r, c=call_id, m=minutes: r.calls.add(logged(c, m)))
        first.state, first.answered_by = CallState.ENDED, "204"
        first.answered_at = first.started_at + dt.timedelta(seconds=5)
        first.ended_at = first.started_at + dt.timedelta(seconds=185)
        first.cause = "normalClearing"
        backend.write_now(lambda r: r.calls.update(first))
        recent = backend.read_now(lambda r: r.calls.recent(limit=2))
        assert [c.call_id for c in recent] == ["c2", "c1"]
        assert backend.read_now(lambda r: r.calls.get("zz")) is None
        assert backend.read_now(lambda r: r.calls.for_customer(1)) == []
    # Read on a computer in New York: the same instants, as its wall time.
    with local_zone("America/New_York"):
        again = backend.read_now(lambda r: r.calls.get("c1"))
        assert again is not None and again.users == ("Mei", "204")
        assert again.started_at == dt.datetime(2026, 11, 1, 20, 0)  # EST since Nov 1
        assert again.duration == dt.timedelta(seconds=180)
        assert (again.state, again.answered_by, again.cause) == (
            CallState.ENDED,
            "204",
            "normalClearing",
        )
