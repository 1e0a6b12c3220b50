"""The window in team mode: two consoles on one real console server (127.0.0.1,
PostgreSQL). Staff sign in through the server; what one console saves, the other finds;
a server that stops answering is said at once (banner and status bar), what is on screen
stays, a write is refused with the reason, and the console sees by itself when the
server is back."""

from __future__ import annotations

import asyncio
import os
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from console.domain.clock import FixedClock
from console.domain.customer import Customer, Phone
from console.server.http import make_app
from console.services.remote import RemoteService
from console.services.server_client import ServerRefused
from console.storage.postgres.store import PostgresStore
from console.wiring.services import TeamWindow, team_window
from tests.team_fixtures import AGENT_PIN, NOW, PIN, Running, add_team_staff

#: Stopping the server while the console is talking to it (on purpose, below) can leave
#: aiohttp a connection it accepted during shutdown, whose transport it drops unclosed;
#: the garbage collector then warns about it in whichever test runs next.
pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


class Restartable:
    """The console server on one loopback port that a test can stop and start again."""

    def __init__(self, store: PostgresStore, clock: FixedClock) -> None:
        self.store, self.clock = store, clock
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self.url = f"http://127.0.0.1:{self.port}"
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.runner: web.AppRunner | None = None

    def _do(self, coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(15)

    def start(self) -> None:
        async def go() -> web.AppRunner:
            runner = web.AppRunner(make_app(self.store, self.clock), access_log=None)
            await runner.setup()
            await web.TCPSite(runner, "127.0.0.1", self.port, reuse_address=True).start()
            return runner

        self.runner = self._do(go())

    def stop(self) -> None:
        if self.runner is not None:
            self._do(self.runner.cleanup())
            self.runner = None

    def close(self) -> None:
        self.stop()
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()

    def running(self) -> Running:
        return Running(self.url, self.store, self.clock)


@pytest.fixture
def restartable(postgres_store: PostgresStore) -> Iterator[Restartable]:
    server = Restartable(postgres_store, FixedClock(NOW))
    server.start()
    add_team_staff(postgres_store, server.clock)
    try:
        yield server
    finally:
        server.close()


def _window(server: Running, name: str) -> TeamWindow:
    token = server.console(name).token
    assert token
    return team_window(server.url, FixedClock(NOW), token=token)


def _signed_in(qtbot: Any, qloop: Any, team: TeamWindow, name: str, pin: str) -> Any:
    """A console window on *team*, started, with *name* signed in through its sign-in
    window."""
    from console.app import Console

    console = Console(team=team, require_sign_in=True, clock=FixedClock(NOW))
    qtbot.addWidget(console.window)
    console.started = qloop.create_task(console.start(demo=False))  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: console.sign_in is not None and console.sign_in.isVisible())
    assert console.sign_in is not None
    qtbot.addWidget(console.sign_in)
    assert not console.sign_in.first_run, "a team's first admin is made on the server"
    console.sign_in.name.setText(name)
    console.sign_in.pin.setText(pin)
    console.sign_in.submit()
    qtbot.waitUntil(console.started.done, timeout=15000)  # type: ignore[attr-defined]
    console.started.result()  # type: ignore[attr-defined]
    return console


def _close(run: Callable[..., Any], console: Any) -> None:
    run(console.stop_phone())
    run(console.stop_team())
    console.window.tasks.cancel_all()
    # The screens it opened, closed as a person would (a window left open with its own
    # tasks keeps the test's event loop from starting the next test's).
    for name in ("_consoles_window", "_staff_window", "_audit_window", "_settings_window"):
        window = getattr(console, name, None)
        if window is not None:
            window.tasks.cancel_all()
            window.close()


def _shots(tmp_path: Path) -> Path:
    shots = Path(os.environ.get("SCREENSHOT_DIR", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    return shots


def test_two_consoles_share_customers_and_staff_sign_in_through_the_server(
    qtbot: Any, qloop: Any, run: Callable[..., Any], server: Running, tmp_path: Path
) -> None:
    add_team_staff(server.store, server.clock)
    console = _signed_in(qtbot, qloop, _window(server, "Front desk 1"), "Tom", AGENT_PIN)
    try:
        window = console.window
        assert console.signed_in_as.text().startswith("Tom · agent")
        assert console.server_badge.text() == "Team · server connected"
        assert console.server_badge.toolTip() == server.url
        assert not console.server_banner.isVisible()
        assert not console.backup_action.isVisible(), "the server's database is backed up there"
        assert not console.consoles_action.isVisible(), "agents do not manage consoles"
        # Another console (the call center's) adds a customer; this one finds it.
        other = RemoteService(server.console("Call center 7"), "customers")
        customer_id = run(
            other.save(
                Customer(name="Yu Hua", preferred_name="Mr. Yu", phones=[Phone("+8613812345678")])
            )
        )
        window.search.setText("yu hua")
        qtbot.waitUntil(lambda: window.results_model.rowCount() == 1, timeout=10000)
        window.open_customer(customer_id)
        qtbot.waitUntil(lambda: window.profile.profile is not None, timeout=10000)
        assert window.profile.profile.customer.name == "Yu Hua"
        window.log_visit(customer_id)
        qtbot.waitUntil(
            lambda: "Visit logged" in window.statusBar().currentMessage(), timeout=10000
        )
        # The visit is the team's: the other console sees it, audited as Tom.
        profile = run(other.profile(customer_id))
        assert profile.visit_count == 1
        window.grab().save(str(_shots(tmp_path) / "team-window-en.png"))
    finally:
        _close(run, console)


def test_a_wrong_pin_is_refused_by_the_server_with_the_desks_words(
    qtbot: Any, qloop: Any, run: Callable[..., Any], server: Running
) -> None:
    from console.app import Console

    add_team_staff(server.store, server.clock)
    console = Console(
        team=_window(server, "Front desk 2"), require_sign_in=True, clock=FixedClock(NOW)
    )
    qtbot.addWidget(console.window)
    started = qloop.create_task(console.start(demo=False))
    try:
        qtbot.waitUntil(lambda: console.sign_in is not None and console.sign_in.isVisible())
        sign_in = console.sign_in
        assert sign_in is not None
        sign_in.name.setText("Tom")
        sign_in.pin.setText("000000")
        sign_in.submit()
        qtbot.waitUntil(lambda: sign_in.message.isVisible() and sign_in.button.isEnabled())
        assert "PIN" in sign_in.message.text()
        assert console.staff.session is None and not started.done()
        sign_in.pin.setText(AGENT_PIN)  # the right PIN then opens the window
        sign_in.submit()
        qtbot.waitUntil(started.done, timeout=15000)
        started.result()
        assert console.staff.session is not None and console.staff.session.name == "Tom"
    finally:
        _close(run, console)


def test_an_admin_sees_the_consoles_and_revokes_one(
    qtbot: Any, qloop: Any, run: Callable[..., Any], server: Running, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    add_team_staff(server.store, server.clock)
    stolen = server.console("Lost laptop")
    console = _signed_in(qtbot, qloop, _window(server, "Front desk 1"), "Mei", PIN)
    try:
        assert console.consoles_action.isVisible()
        console.consoles_action.trigger()
        consoles = console._consoles_window
        assert consoles is not None
        qtbot.addWidget(consoles)
        qtbot.waitUntil(lambda: consoles.table.rowCount() == 2, timeout=10000)
        names = [consoles.table.item(row, 0).text() for row in range(2)]
        assert sorted(names) == ["Front desk 1", "Lost laptop"]
        consoles.table.selectRow(names.index("Lost laptop"))
        consoles.revoke_selected()
        box = consoles.confirm
        assert isinstance(box, QMessageBox)
        box.grab().save(str(_shots(tmp_path) / "team-revoke-console-en.png"))
        confirm = next(b for b in box.buttons() if b.objectName() == "confirmRevokeButton")
        confirm.click()
        qtbot.waitUntil(lambda: "Revoked" in consoles.message.text(), timeout=10000)
        assert "Lost laptop" in consoles.message.text()
        row = names.index("Lost laptop")
        qtbot.waitUntil(lambda: consoles.table.item(row, 3).text().startswith("revoked"))
        assert consoles.table.item(names.index("Front desk 1"), 3).text() == "in use"
        consoles.grab().save(str(_shots(tmp_path) / "team-consoles-en.png"))
        with pytest.raises(ServerRefused, match="revoked"):
            RemoteService(stolen, "customers").search_now("yu")
        # The other admin screens work on the team's data too.
        console.open_staff_window()
        staff = console._staff_window
        qtbot.waitUntil(lambda: staff.table.rowCount() == 2, timeout=10000)
        console.open_audit_window()
        audit = console._audit_window
        qtbot.waitUntil(lambda: "entries" in audit.message.text(), timeout=10000)
        actions = {entry.action for entry in audit.model._rows}
        assert {"sign_in", "revoke"} <= actions, actions
        settings = console.open_settings_window()
        assert settings.may_edit
        qtbot.waitUntil(lambda: settings.fields["store_name"].editor.text() == "", timeout=10000)
        settings.fields["store_name"].editor.setText("Jing'an Temple")  # type: ignore[union-attr]
        settings._commit(settings.fields["store_name"])
        team_settings = RemoteService(server.console("Check"), "settings")
        from console.services import settings as opts

        qtbot.waitUntil(
            lambda: team_settings.get_now(opts.STORE_NAME) == "Jing'an Temple", timeout=10000
        )
    finally:
        _close(run, console)


def test_a_lost_server_is_said_at_once_writes_are_refused_and_it_reconnects_by_itself(
    qtbot: Any, qloop: Any, run: Callable[..., Any], restartable: Restartable, tmp_path: Path
) -> None:
    server = restartable.running()
    other = RemoteService(server.console("Call center 7"), "customers")
    customer_id = run(other.save(Customer(name="Grace Lin", phones=[Phone("+886912345678")])))
    console = _signed_in(qtbot, qloop, _window(server, "Front desk 1"), "Tom", AGENT_PIN)
    console.server_watch.retry_ms = 200
    try:
        window = console.window
        window.open_customer(customer_id)
        qtbot.waitUntil(lambda: window.profile.profile is not None, timeout=10000)
        restartable.stop()
        # A write while the server is away: refused with the reason, nothing lost.
        window.log_visit(customer_id)
        qtbot.waitUntil(console.server_banner.isVisible, timeout=10000)
        qtbot.waitUntil(lambda: "Not done" in window.statusBar().currentMessage(), timeout=10000)
        message = window.statusBar().currentMessage()
        assert "cannot be reached" in message and server.url in message
        assert console.server_badge.text() == "Team · server lost"
        assert window.profile.profile is not None, "what is on screen stays"
        assert window.profile.profile.customer.name == "Grace Lin"
        window.grab().save(str(_shots(tmp_path) / "team-server-lost-en.png"))
        # Back: the console notices by itself (no click), and says so.
        restartable.start()
        qtbot.waitUntil(lambda: not console.server_banner.isVisible(), timeout=10000)
        assert console.server_badge.text() == "Team · server connected"
        assert "answers again" in window.statusBar().currentMessage()
        assert run(other.profile(customer_id)).visit_count == 0, "the refused visit was not logged"
    finally:
        _close(run, console)


def test_the_window_in_team_mode_needs_an_enrolled_console(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from console import cli

    monkeypatch.delenv("SERVICE_CONSOLE_DEVICE_TOKEN", raising=False)
    assert cli.main(["--server", "http://127.0.0.1:9"]) == 1
    err = capsys.readouterr().err
    assert "enrol --server http://127.0.0.1:9 CODE" in err


def test_service_console_server_opens_the_window_on_the_server(
    server: Running, tmp_path: Path
) -> None:
    """``service-console --server URL`` (no subcommand): the window, signing in through
    the server (CI's smoke test form: it stops once the sign-in window shows)."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    env = {
        **os.environ,
        "SERVICE_CONSOLE_SMOKE_TEST": "1",
        "SERVICE_CONSOLE_DEVICE_TOKEN": str(server.console("Front desk 9").token),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(root),
    }
    done = subprocess.run(
        [sys.executable, "-m", "console.cli", "--server", server.url],
        check=False,
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "sign-in window shown" in done.stdout


def test_a_session_the_server_ended_locks_the_console_for_a_new_sign_in(
    qtbot: Any, qloop: Any, run: Callable[..., Any], server: Running
) -> None:
    import datetime as dt

    add_team_staff(server.store, server.clock)
    console = _signed_in(qtbot, qloop, _window(server, "Front desk 1"), "Tom", AGENT_PIN)
    try:
        assert console.lock is not None and not console.lock.is_locked
        server.clock.advance(dt.timedelta(hours=9))  # idle longer than a session lasts
        console.window.search.setText("yu")
        qtbot.waitUntil(lambda: console.lock is not None and console.lock.is_locked, timeout=10000)
        assert console.staff.session is None
        sign_in = console.sign_in
        assert sign_in is not None and sign_in.isVisible()
        qtbot.waitUntil(lambda: "sign in again" in sign_in.message.text())
        assert sign_in.message.isVisible()
        sign_in.name.setText("Tom")
        sign_in.pin.setText(AGENT_PIN)
        sign_in.submit()
        qtbot.waitUntil(lambda: not console.lock.is_locked, timeout=10000)
        assert console.staff.session is not None and console.staff.session.name == "Tom"
    finally:
        _close(run, console)


def test_what_another_console_changes_shows_here_by_itself(
    qtbot: Any, qloop: Any, run: Callable[..., Any], server: Running, tmp_path: Path
) -> None:
    """Live updates: an open profile, the phrasebook every checked field uses, and the
    complaint badge follow another console's saves without anyone pressing refresh."""
    from console.domain.phrasebook import EntryKind, Language, PhraseEntry, Severity

    add_team_staff(server.store, server.clock)
    console = _signed_in(qtbot, qloop, _window(server, "Front desk 1"), "Tom", AGENT_PIN)
    office = server.console("Back office")
    office.sign_in("Mei", PIN)
    customers = RemoteService(office, "customers")
    try:
        assert console.live is not None
        qtbot.waitUntil(console.live.ready.is_set, timeout=10000)
        window = console.window
        customer_id = run(customers.save(Customer(name="Yu Hua", phones=[Phone("+8613812345678")])))
        window.open_customer(customer_id)
        qtbot.waitUntil(lambda: window.profile.profile is not None, timeout=10000)
        assert window.profile.profile.visit_count == 0
        # The back office logs a visit: the open profile shows it by itself.
        run(customers.log_visit(customer_id))
        qtbot.waitUntil(
            lambda: window.profile.profile is not None and window.profile.profile.visit_count == 1,
            timeout=10000,
        )
        # A trainer adds a taboo term: this console's checker knows it at once.
        assert not console.checker.check("what a zorgle")
        phrasebooks = RemoteService(office, "phrasebooks")
        run(
            phrasebooks.add_entry(
                PhraseEntry(
                    kind=EntryKind.TABOO,
                    language=Language.EN,
                    text="zorgle",
                    severity=Severity.WARN,
                    replacements=("lovely",),
                    reason="Made-up word.",
                )
            )
        )
        qtbot.waitUntil(lambda: bool(console.checker.check("what a zorgle")), timeout=10000)
        window.grab().save(str(_shots(tmp_path) / "team-live-profile-en.png"))
    finally:
        _close(run, console)


def test_a_revoked_console_is_locked_at_once(
    qtbot: Any, qloop: Any, run: Callable[..., Any], server: Running
) -> None:
    add_team_staff(server.store, server.clock)
    console = _signed_in(qtbot, qloop, _window(server, "Lost laptop"), "Tom", AGENT_PIN)
    office = server.console("Back office")
    office.sign_in("Mei", PIN)
    try:
        assert console.live is not None
        qtbot.waitUntil(console.live.ready.is_set, timeout=10000)
        ids = {c["name"]: c["id"] for c in office.consoles()}
        office.revoke(ids["Lost laptop"])
        qtbot.waitUntil(lambda: console.lock is not None and console.lock.is_locked, timeout=10000)
        assert console.staff.session is None
        sign_in = console.sign_in
        assert sign_in is not None and "revoked" in sign_in.message.text()
    finally:
        _close(run, console)


def test_the_complaint_queue_and_the_profiles_badge_follow_another_consoles_complaint(
    qtbot: Any, qloop: Any, run: Callable[..., Any], server: Running
) -> None:
    """Issue 16: a complaint logged on another console appears in this console's open
    queue and as the open-complaint badge on the profile on screen, without a refresh."""
    import datetime as dt

    from console.domain.complaint import Complaint
    from console.services.complaints import Queue

    add_team_staff(server.store, server.clock)
    console = _signed_in(qtbot, qloop, _window(server, "Front desk 1"), "Tom", AGENT_PIN)
    office = server.console("Call center 7")
    office.sign_in("Mei", PIN)
    try:
        assert console.live is not None
        qtbot.waitUntil(console.live.ready.is_set, timeout=10000)
        window = console.window
        customer_id = run(
            RemoteService(office, "customers").save(
                Customer(name="Yu Hua", phones=[Phone("+8613812345678")])
            )
        )
        window.open_customer(customer_id)
        qtbot.waitUntil(lambda: window.profile.profile is not None, timeout=10000)
        badge = window.profile.complaint_badge
        assert not badge.isVisibleTo(window)
        features = window.complaints
        assert features is not None
        queues = features.show_queue(Queue.DUE_SOON)
        qtbot.addWidget(queues)
        qtbot.waitUntil(lambda: queues._loaded_once, timeout=10000)
        assert queues.models[Queue.DUE_SOON].total == 0
        complaints = RemoteService(office, "complaints")
        run(
            complaints.create(
                Complaint(
                    customer_id=customer_id,
                    customer_words="The tea was cold.",
                    promise_due=NOW + dt.timedelta(minutes=20),  # due soon
                )
            )
        )
        qtbot.waitUntil(lambda: queues.models[Queue.DUE_SOON].total == 1, timeout=10000)
        qtbot.waitUntil(lambda: badge.isVisibleTo(window), timeout=10000)
        queues.close()
    finally:
        _close(run, console)


def _underlined(editor: Any, word: str) -> bool:
    """Is *word* in *editor* drawn with the checker's underline (what the highlighter
    laid out, not what the checker would say now)?"""
    from PySide6.QtGui import QTextCharFormat

    block = editor.document().begin()
    while block.isValid():
        start = block.text().find(word)
        layout = block.layout()
        if start >= 0 and layout is not None:
            for span in layout.formats():
                underline = span.format.underlineStyle()
                if (
                    span.start <= start
                    and span.start + span.length >= start + len(word)
                    and underline == QTextCharFormat.UnderlineStyle.WaveUnderline
                ):
                    return True
        block = block.next()
    return False


def test_an_open_checked_editor_re_checks_in_place_when_the_phrasebook_changes_elsewhere(
    qtbot: Any, qloop: Any, run: Callable[..., Any], server: Running
) -> None:
    """Issue 16, "phrasebook re-check in an open editor": Tom has a customer form open on
    his console, its checked notes half written, the cursor mid-text and an edit to undo;
    a trainer on another console makes a word in them taboo. Tom's notes underline it by
    themselves, and nothing he was doing moves: same text, same cursor, the undo history
    intact (undo takes back his last edit, not a re-check)."""
    from PySide6.QtGui import QTextCursor

    from console.domain.phrasebook import EntryKind, Language, PhraseEntry, Severity

    add_team_staff(server.store, server.clock)
    console = _signed_in(qtbot, qloop, _window(server, "Front desk 1"), "Tom", AGENT_PIN)
    office = server.console("Training room")
    office.sign_in("Mei", PIN)
    dialog = None
    try:
        assert console.live is not None
        qtbot.waitUntil(console.live.ready.is_set, timeout=10000)
        window = console.window
        window.new_customer()
        qtbot.waitUntil(lambda: bool(window._dialogs) and window._dialogs[-1].isVisible())
        dialog = window._dialogs[-1]
        notes = dialog.notes
        assert notes.objectName() == "notesEdit" and hasattr(notes, "hits")
        notes.setFocus()
        notes.setPlainText("Prefers a quiet table by the window.")
        # Tom types a word in the middle (one edit to undo) ...
        cursor = notes.textCursor()
        cursor.setPosition(len("Prefers a"))
        notes.setTextCursor(cursor)
        qtbot.keyClicks(notes, " blorpish")
        typed = "Prefers a blorpish quiet table by the window."
        assert notes.toPlainText() == typed
        assert notes.document().isUndoAvailable()
        # ... and goes on with the cursor mid-text, a few characters selected.
        cursor = notes.textCursor()
        cursor.setPosition(len("Prefers a blorpish quiet "))
        cursor.setPosition(len("Prefers a blorpish quiet table"), QTextCursor.MoveMode.KeepAnchor)
        notes.setTextCursor(cursor)
        at = (cursor.anchor(), cursor.position())
        assert not notes.hits() and not _underlined(notes, "blorpish")

        # A trainer on another console makes the word taboo in the active phrasebook.
        run(
            RemoteService(office, "phrasebooks").add_entry(
                PhraseEntry(
                    kind=EntryKind.TABOO,
                    language=Language.EN,
                    text="blorpish",
                    severity=Severity.WARN,
                    replacements=("lovely",),
                    reason="Made-up word.",
                )
            )
        )
        qtbot.waitUntil(lambda: _underlined(notes, "blorpish"), timeout=10000)
        assert [h.finding.matched for h in notes.hits()] == ["blorpish"]
        assert notes.toPlainText() == typed
        now = notes.textCursor()
        assert (now.anchor(), now.position()) == at
        # The re-check added no undo step: one undo takes back what Tom typed.
        assert notes.document().isUndoAvailable()
        notes.undo()
        assert notes.toPlainText() == "Prefers a quiet table by the window."
        notes.redo()
        assert notes.toPlainText() == typed
        qtbot.waitUntil(lambda: _underlined(notes, "blorpish"))
    finally:
        if dialog is not None:
            dialog.reject()
        _close(run, console)
