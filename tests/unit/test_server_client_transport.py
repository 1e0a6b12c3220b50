"""The console's client keeps one HTTP/1.1 connection per thread and survives a server
that closed it meanwhile (an idle keep-alive connection ends on the server's side).

A small standard-library HTTP server stands in for the console server, so these tests
count connections and requests exactly (no PostgreSQL needed)."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from console.services import server_client
from console.services.server_client import ServerClient, ServerUnreachable


@dataclass
class Seen:
    connections: int = 0
    requests: list[str] = field(default_factory=list)
    #: Close the connection after every answer, without saying so (as a server does when
    #: a kept connection's idle time runs out between two requests).
    drop_after_answer: bool = False
    #: Close a new connection as soon as it is accepted, without answering.
    refuse_answers: bool = False


@pytest.fixture
def fake() -> Iterator[tuple[str, Seen]]:
    seen = Seen()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def setup(self) -> None:
            super().setup()
            seen.connections += 1

        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            seen.requests.append(f"{self.command} {self.path} {body.decode()}")
            if seen.refuse_answers:
                self.close_connection = True
                return
            raw = json.dumps({"data": {"n": len(seen.requests)}}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)
            self.wfile.flush()
            if seen.drop_after_answer:
                self.close_connection = True

        do_GET = _answer
        do_POST = _answer

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", seen
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def test_requests_share_one_connection(fake: tuple[str, Seen]) -> None:
    url, seen = fake
    client = ServerClient(url, "token")
    assert [client.hello()["n"] for _ in range(3)] == [1, 2, 3]
    assert seen.connections == 1


def test_the_client_survives_the_server_closing_an_idle_connection(
    fake: tuple[str, Seen],
) -> None:
    url, seen = fake
    seen.drop_after_answer = True
    client = ServerClient(url, "token")
    assert client.hello()["n"] == 1
    # The server has closed the kept connection; the next calls go out on new ones.
    assert client.call_service("customers", "search", {"args": ["yu"]})["n"] == 2
    assert client.hello()["n"] == 3
    assert seen.connections == 3
    assert len(seen.requests) == 3  # each sent once: none lost, none doubled


def test_a_write_sent_again_keeps_its_request_id(fake: tuple[str, Seen]) -> None:
    url, seen = fake
    client = ServerClient(url, "token")
    client.hello()
    seen.refuse_answers = True  # the kept connection and the new one close unanswered
    with pytest.raises(ServerUnreachable):
        client.call_service("customers", "save", {"args": []})
    # Sent on the kept connection, then once on a new one — not more — with the same id.
    writes = [r for r in seen.requests if r.startswith("POST")]
    assert 1 <= len(writes) <= 2
    assert len({json.loads(r.split(" ", 2)[2])["request_id"] for r in writes}) == 1


def test_a_new_connection_that_fails_is_not_tried_again(fake: tuple[str, Seen]) -> None:
    url, seen = fake
    seen.refuse_answers = True
    with pytest.raises(ServerUnreachable):
        ServerClient(url, "token").hello()
    assert len(seen.requests) == 1


def test_a_connection_idle_too_long_is_replaced(
    fake: tuple[str, Seen], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, seen = fake
    client = ServerClient(url, "token")
    client.hello()
    monkeypatch.setattr(server_client, "IDLE_REUSE", -1.0)
    client.hello()
    assert seen.connections == 2 and len(seen.requests) == 2


def test_each_thread_has_its_own_connection(fake: tuple[str, Seen]) -> None:
    url, seen = fake
    client = ServerClient(url, "token")
    client.hello()
    threads = [threading.Thread(target=lambda: [client.hello() for _ in range(3)]) for _ in "ab"]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    client.hello()
    assert len(seen.requests) == 8
    assert seen.connections == 3
