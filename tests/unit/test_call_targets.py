"""Who a call routed by the server is for (``console.server.calls.targets``): the agents
it names, else the extension it rings, else the members of its queue signed in, else
everyone signed in (issue 16). Plain rules: no server, no database."""

from __future__ import annotations

import datetime as dt

from console.domain.calls import Call, CtiEvent, Direction, EventKind
from console.server.calls import SignedIn, targets
from console.services.calls import CallUpdate

T0 = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)


def update(kind: EventKind = EventKind.NEW_CALL, **fields: object) -> CallUpdate:
    values: dict[str, object] = {
        "call_id": "c1",
        "from_number": "+8613800138000",
        "to_number": "4000",
        "direction": Direction.IN,
    }
    values.update(fields)
    event = CtiEvent(kind=kind, **values)  # type: ignore[arg-type]
    call = Call(
        call_id=event.call_id,
        direction=event.direction,
        from_number=event.from_number,
        to_number=event.to_number,
        started_at=T0,
    )
    return CallUpdate(event=event, call=call, for_me=True, created=True, changed=True)


#: Console 1: Tom (sales), 2: Mei (support, vip), 3: Ana (no queue), 4: Raj (Sales).
SIGNED_IN = [
    SignedIn(1, "Tom", "2041", ("sales",)),
    SignedIn(2, "Mei", "2042", ("support", "VIP")),
    SignedIn(3, "Ana", "2043"),
    SignedIn(4, "Raj", "2044", ("Sales",)),
]


def test_a_queue_call_naming_nobody_pops_for_the_queues_members() -> None:
    assert targets(update(queue="sales"), SIGNED_IN) == ({1, 4}, {2, 3})
    assert targets(update(queue=" vip "), SIGNED_IN) == ({2}, {1, 3, 4})


def test_a_queue_with_nobody_of_it_signed_in_pops_for_everyone() -> None:
    assert targets(update(queue="billing"), SIGNED_IN) == ({1, 2, 3, 4}, set())
    assert targets(update(queue="sales"), SIGNED_IN[1:3]) == ({2, 3}, set())


def test_no_queue_and_nobody_named_pops_for_everyone() -> None:
    assert targets(update(), SIGNED_IN) == ({1, 2, 3, 4}, set())


def test_named_agents_keep_priority_over_the_queue() -> None:
    # `user` names Mei (not in sales): hers alone.
    assert targets(update(queue="sales", users=("Mei",)), SIGNED_IN) == ({2}, {1, 3, 4})
    # `answeringNumber` is Ana's extension.
    assert targets(update(queue="sales", answering_number="2043"), SIGNED_IN)[0] == {3}
    # It rings Mei's extension itself.
    assert targets(update(queue="sales", to_number="2042"), SIGNED_IN)[0] == {2}
    # Named but not signed in: nobody, as before (not the queue).
    assert targets(update(queue="sales", users=("Zoe",)), SIGNED_IN)[0] == set()


def test_a_later_event_naming_nobody_is_for_the_consoles_that_showed_the_call() -> None:
    # Popped on Tom's and Raj's consoles (sales); the hangup names nobody, no queue.
    hangup = update(EventKind.HANGUP)
    assert targets(hangup, SIGNED_IN, popped={1, 4}) == ({1, 4}, {2, 3})
    # An answer naming its agent is theirs (the router also sends it, as not theirs, to
    # every console the call popped on: CallRouter.route).
    answered = update(EventKind.ANSWER, users=("Raj",))
    assert targets(answered, SIGNED_IN, popped={1, 4})[0] == {4}
    # A console that popped it and has since signed out is not among the targets.
    assert targets(hangup, SIGNED_IN[1:], popped={1, 4})[0] == {4}
    # A call the router does not know (popped before a restart): the rules of a new call.
    assert targets(update(EventKind.HANGUP, queue="sales"), SIGNED_IN)[0] == {1, 4}
    assert targets(hangup, SIGNED_IN)[0] == {1, 2, 3, 4}
    # A new call is routed afresh, whatever a repeat's record says.
    assert targets(update(queue="vip"), SIGNED_IN, popped={1})[0] == {2}
