"""Calls routed by the server, in the window (issue 16): the PBX posts to the console
server, and the call pops on the signed-in console's Calls dock as from its own
listener; a call another agent answers leaves this console's queue."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from console.domain.calls import CallState
from console.domain.clock import FixedClock
from console.server.http import CALLS
from console.storage.postgres.store import PostgresStore
from console.ui.call_cards import CALL_ID_ROLE
from tests.team_fixtures import AGENT_PIN, NOW, PIN, Running, add_team_staff, serving
from tests.ui.test_team_window import _close, _signed_in, _window
from tests.unit.test_server_cti import TOKEN, post

pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


@pytest.fixture
def center(postgres_store: PostgresStore) -> Iterator[Running]:
    with serving(postgres_store, FixedClock(NOW), cti_token=TOKEN) as running:
        add_team_staff(running.store, running.clock)
        yield running


def _call(call_id: str, **more: str) -> dict[str, str]:
    return {
        "event": "newCall",
        "callId": call_id,
        "from": "+8613812345678",
        "to": "+862150001000",
        "direction": "in",
        **more,
    }


def test_a_call_the_server_routes_pops_here_and_goes_when_another_agent_answers(
    qtbot: Any, qloop: Any, run: Callable[..., Any], center: Running
) -> None:
    console = _signed_in(qtbot, qloop, _window(center, "Desk of Tom"), "Tom", AGENT_PIN)
    center.console("Desk of Mei").sign_in("Mei", PIN)
    url = f"{center.url}/cti/{TOKEN}"
    try:
        assert console.live is not None
        qtbot.waitUntil(console.live.ready.is_set, timeout=10000)
        desk = console.call_desk
        assert post(url, _call("c-1", user="Tom")) == (200, {})
        qtbot.waitUntil(lambda: "c-1" in desk.cards, timeout=10000)
        assert desk.current is not None and desk.current.call_id == "c-1"
        # A call for the whole queue rings here too; Mei answers it: it leaves Tom's queue.
        assert post(url, _call("c-2", queue="sales")) == (200, {})
        qtbot.waitUntil(lambda: "c-2" in desk.cards, timeout=10000)
        answer = {"event": "answer", "callId": "c-2", "user": "Mei", "direction": "in"}
        assert post(url, answer) == (200, {})
        qtbot.waitUntil(lambda: "c-2" not in desk.cards, timeout=10000)
        assert "c-1" in desk.cards
        assert desk.cards["c-1"].call.state is CallState.RINGING
        # A call for Mei alone never rings here.
        assert post(url, _call("c-3", user="Mei")) == (200, {})
        assert post(url, _call("c-4", user="Tom")) == (200, {})
        qtbot.waitUntil(lambda: "c-4" in desk.cards, timeout=10000)
        assert "c-3" not in desk.cards
    finally:
        _close(run, console)


def test_a_console_that_reconnects_gets_the_calls_still_live_for_it_once(
    qtbot: Any, qloop: Any, run: Callable[..., Any], center: Running
) -> None:
    """Tom's console stops listening (a blip) while Mei answers a queue call he shows and
    a new call for him rings; when it listens again the server sends it the calls still
    live for it: the answered one leaves his queue, the new one pops, the one he shows
    keeps its one card, and one he dismissed does not come back."""
    console = _signed_in(qtbot, qloop, _window(center, "Desk of Tom"), "Tom", AGENT_PIN)
    center.console("Desk of Mei").sign_in("Mei", PIN)
    url = f"{center.url}/cti/{TOKEN}"
    assert center.app is not None
    router = center.app[CALLS]
    try:
        live = console.live
        assert live is not None
        qtbot.waitUntil(live.ready.is_set, timeout=10000)
        desk = console.call_desk
        for call in (_call("c-1", user="Tom"), _call("c-2", queue="sales"), _call("c-3")):
            assert post(url, call) == (200, {})
        qtbot.waitUntil(lambda: {"c-1", "c-2", "c-3"} <= set(desk.cards), timeout=10000)
        assert desk.current is not None and desk.current.call_id == "c-1"
        desk.dismiss("c-3")
        run(live.stop())
        assert not live.connected
        answer = {"event": "answer", "callId": "c-2", "user": "Mei", "direction": "in"}
        assert post(url, answer) == (200, {})
        assert post(url, _call("c-4", user="Tom")) == (200, {})
        qtbot.waitUntil(
            lambda: (
                "c-4" in router.latest
                and router.latest["c-2"].update.call.state is CallState.ANSWERED
            ),
            timeout=10000,
        )
        assert set(desk.cards) == {"c-1", "c-2"}, "not listening: nothing came"
        live.start()
        qtbot.waitUntil(lambda: "c-4" in desk.cards and "c-2" not in desk.cards, timeout=10000)
        qtbot.wait(200)  # anything else replayed has arrived
        assert set(desk.cards) == {"c-1", "c-4"}
        shown = [desk.queue.item(row).data(CALL_ID_ROLE) for row in range(desk.queue.count())]
        assert sorted(shown) == ["c-1", "c-4"], "one card per call"
        assert desk.current is not None and desk.current.call_id == "c-1"
    finally:
        _close(run, console)
