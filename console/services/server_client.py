"""A console's client of the console server (the command line's, for now): the
protocol of :mod:`console.domain.protocol` over the standard library's HTTP client, so
that the command line starts fast and never loads Qt or aiohttp. Each thread keeps one
HTTP/1.1 connection to the server open between requests (a new TCP connection, and on
HTTPS a TLS handshake, per search cost more than the search), and opens a new one when
the server has closed it.

Refusals come back as :class:`ServerRefused` with the protocol's code; sign-in refusals
as :class:`~console.services.staff.SignInRefused` with the desk's message (worded in the
reader's language like on a desk). A server that cannot be reached is
:class:`ServerUnreachable`, one sentence.
"""

from __future__ import annotations

import codecs
import dataclasses
import http.client
import ipaddress
import json
import re
import ssl
import struct
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from console.domain import messages as msg
from console.domain import protocol
from console.domain.roles import NotAllowed, Permission, Role
from console.repositories.errors import StoreError
from console.services import wire
from console.services.staff import SignInRefused

SERVER_ENV = "SERVICE_CONSOLE_SERVER"
TIMEOUT = 15.0
#: A kept connection idle for longer than this is not used again but replaced (aiohttp
#: closes idle keep-alive connections after 75 s; this stays well inside that).
IDLE_REUSE = 30.0


class ServerUnreachable(StoreError):
    """The server did not answer (down, wrong address, TLS refused)."""


class ServerRefused(Exception):
    """The server said no: ``code`` is the protocol's (stable), ``str()`` the server's English
    sentence; ``message``, when the code is one this console knows and the sentence is the one
    it knows for it, the same words as a message code (said in the reader's language)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        said = read_back(code, message)
        if said is not None:
            self.message = said


def _known(code: str, text: str) -> list[msg.Message]:
    """The messages the server may have said with *code* (numbers read from *text*)."""
    if code == protocol.CODE_REFUSED:
        return [msg.EnrolCodeRefused()]
    if code == protocol.CONSOLE_UNKNOWN:
        return [msg.ConsoleUnknown()]
    if code == protocol.CONSOLE_REVOKED:
        return [msg.ConsoleWasRevoked()]
    if code == protocol.SESSION_REQUIRED:
        return [msg.SessionRequired()]
    if code == protocol.INTERNAL:
        return [msg.ServerInternalError()]
    if code == protocol.NOT_ALLOWED:  # a role's refusal: which role, which action
        return [NotAllowed(role, action).message for role in Role for action in Permission]
    if code == protocol.UPDATE_APP:
        version = str(protocol.PROTOCOL)
        return [
            msg.AppTooOld(version, protocol.OLDEST, protocol.PROTOCOL),
            *(
                message
                for oldest, newest in re.findall(r"speaks (?:protocol )?(\d+)–(\d+)", text)[:1]
                for message in (
                    msg.AppTooOld(version, int(oldest), int(newest)),
                    msg.ServerTooOld(int(oldest), int(newest), version),
                )
            ),
        ]
    if code == protocol.NO_SUCH_CONSOLE:
        return [msg.NoSuchConsole(n) for n in re.findall(r"^there is no console #(\d+)$", text)]
    if code == protocol.TOO_LARGE:
        return [msg.RequestTooLarge(n) for n in re.findall(r"at most (\d+) bytes$", text)]
    if code == protocol.UPLOAD_TOO_LARGE:
        return [msg.UploadTooLarge(n) for n in re.findall(r"at most (\d+) bytes$", text)]
    if code == protocol.NO_SUCH_UPLOAD:
        return [msg.NoSuchUpload(n) for n in re.findall(r"holds no file (\S+) from", text)]
    return []


def read_back(code: str, text: str) -> msg.Message | None:
    """The message code the server's *text* was said from, when *code* is a known protocol
    code and *text* its English word for word (else None: the server's English is kept)."""
    for candidate in _known(code, text):
        if str(candidate) == text:
            return candidate
    return None


def server_url(text: str) -> str:
    """A server's address, checked: ``https://host[:port]``; ``http://`` only for a
    loopback host. A :class:`~console.domain.messages.Refusal` (a ValueError) otherwise."""
    text = text.strip().rstrip("/")
    parts = urllib.parse.urlsplit(text if "://" in text else f"https://{text}")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise msg.Refusal(msg.NotAServerAddress(repr(text)))
    if parts.path or parts.query or parts.fragment or parts.username:
        raise msg.Refusal(msg.OnlyTheServerAddress(repr(text)))
    try:
        port = parts.port or protocol.DEFAULT_PORT
    except ValueError:
        raise msg.Refusal(msg.ServerPortRange(repr(text))) from None
    host = parts.hostname
    if parts.scheme == "http" and not _loopback(host):
        raise msg.Refusal(msg.HttpsOnly(repr(text)))
    shown = f"[{host}]" if ":" in host else host
    return f"{parts.scheme}://{shown}:{port}"


def _loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _close_all(connections: set[http.client.HTTPConnection]) -> None:
    while connections:
        try:
            connections.pop().close()
        except KeyError:  # another thread took the last one
            break


_SIGN_IN: dict[str, Callable[[dict[str, Any]], msg.Message]] = {
    msg.NoSuchAccount.CODE: lambda p: msg.NoSuchAccount(),
    msg.AccountSwitchedOff.CODE: lambda p: msg.AccountSwitchedOff(),
    msg.AccountLocked.CODE: lambda p: msg.AccountLocked(int(p.get("minutes", 15))),
}


@dataclass
class ServerClient:
    url: str
    token: str | None = None
    session: str | None = None
    timeout: float = TIMEOUT

    #: One persistent HTTP/1.1 connection per thread (the window's calls run on worker
    #: threads, the command line's on its own): not a field, never compared or shown.
    _local: threading.local = field(
        default_factory=threading.local, init=False, repr=False, compare=False
    )
    #: Every connection this client opened and has not closed (whichever thread's): closed
    #: by :meth:`close`, or when the client is dropped.
    _open: set[http.client.HTTPConnection] = field(
        default_factory=set, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        weakref.finalize(self, _close_all, self._open)

    def _connection(self) -> tuple[http.client.HTTPConnection, bool]:
        """This thread's connection to the server, and whether it served a request before
        (one idle for longer than :data:`IDLE_REUSE` is closed and opened again)."""
        local = self._local
        conn: http.client.HTTPConnection | None = getattr(local, "conn", None)
        if conn is not None and (
            getattr(local, "url", None) != self.url
            or time.monotonic() - getattr(local, "used", 0.0) > IDLE_REUSE
        ):
            conn.close()
            conn = None
        if conn is None:
            parts = urllib.parse.urlsplit(self.url)
            host, port = parts.hostname or "", parts.port
            if parts.scheme == "https":
                # The same checks as urllib's: the system's CAs (or SSL_CERT_FILE), the name.
                conn = http.client.HTTPSConnection(
                    host, port, timeout=self.timeout, context=ssl.create_default_context()
                )
            else:
                conn = http.client.HTTPConnection(host, port, timeout=self.timeout)
            local.conn, local.url, local.reused = conn, self.url, False
            self._open.add(conn)
        return conn, bool(getattr(local, "reused", False))

    def _drop(self) -> None:
        """Close this thread's connection (its next request opens a new one)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._open.discard(conn)
            self._local.conn = None

    def close(self) -> None:
        """Close the client's connections (a later request opens a new one)."""
        self._drop()
        _close_all(self._open)

    def _exchange(
        self, method: str, target: str, data: bytes | None, headers: dict[str, str]
    ) -> tuple[int, bytes]:
        """One request and its answer on this thread's connection. A connection kept from
        an earlier request that the server has closed meanwhile (it ends idle keep-alive
        connections) fails before any answer: the request is then sent once more on a new
        connection — the same bytes, so a write keeps its ``request_id``."""
        for attempt in (1, 2):
            conn, reused = self._connection()
            try:
                conn.request(method, target, body=data, headers=headers)
                answer = conn.getresponse()
                raw = answer.read()
            except (ConnectionResetError, BrokenPipeError, http.client.RemoteDisconnected):
                self._drop()
                if reused and attempt == 1:
                    continue
                raise
            except BaseException:
                self._drop()  # a half-read answer must not be taken for the next one's
                raise
            if answer.will_close:
                self._drop()
            else:
                self._local.reused = True
                self._local.used = time.monotonic()
            return answer.status, raw
        raise AssertionError("unreachable")

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        headers = {
            protocol.HEADER: str(protocol.PROTOCOL),
            "Accept": "application/json",
            "User-Agent": "service-console",
        }
        data = None
        if body is not None:
            headers["Content-Type"] = "application/json"
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if self.session:
            headers[protocol.SESSION_HEADER] = self.session
        target = urllib.parse.urlsplit(self.url).path.rstrip("/") + protocol.API + path
        try:
            status, raw = self._exchange(method, target, data, headers)
        except (http.client.HTTPException, TimeoutError, ssl.SSLError, OSError) as exc:
            raise ServerUnreachable(msg.ServerCannotBeReached(self.url, str(exc))) from None
        return self._data(status, raw)

    def _data(self, status: int, raw: bytes) -> Any:
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
        if not isinstance(body, dict):
            raise ServerUnreachable(msg.NotAConsoleServer(self.url, status))
        if status == 200 and "data" in body:
            return body["data"]
        found = body.get("error")
        error: dict[str, Any] = found if isinstance(found, dict) else {}
        code = str(error.get("code", ""))
        message = str(error.get("message", ""))
        given = error.get("params")
        params: dict[str, Any] = given if isinstance(given, dict) else {}
        if code in _SIGN_IN:
            raise SignInRefused(_SIGN_IN[code](params))
        if code == protocol.REFUSED and "raised" in error:
            # The service's own refusal, made again here (same type, same arguments).
            try:
                refusal = wire.decode(error["raised"])
            except wire.WireError:
                refusal = None
            if isinstance(refusal, Exception):
                raise refusal
        raise ServerRefused(status, code or "unknown", message or f"HTTP {status}")

    # --- the endpoints ---------------------------------------------------------------

    def hello(self) -> dict[str, Any]:
        data: dict[str, Any] = self._call("GET", "/hello")
        return data

    def enrol(self, code: str, name: str) -> dict[str, Any]:
        """{"console": {...}, "token": "..."}: keep the token, it is shown once."""
        data: dict[str, Any] = self._call(
            "POST", "/enrol", {"request_id": str(uuid.uuid4()), "code": code, "name": name}
        )
        return data

    def sign_in(self, name: str, pin: str) -> dict[str, Any]:
        data: dict[str, Any] = self._call(
            "POST", "/sign-in", {"request_id": str(uuid.uuid4()), "name": name, "pin": pin}
        )
        self.session = str(data["session"])
        return data

    def sign_out(self) -> None:
        if self.session:
            self._call("POST", "/sign-out", {"request_id": str(uuid.uuid4())})
            self.session = None

    def call_service(self, service: str, method: str, arguments: dict[str, Any]) -> Any:
        """One service call (:mod:`console.services.remote`): the result on the wire,
        or the service's refusal raised as it was raised on the server."""
        body = {"request_id": str(uuid.uuid4()), **arguments}
        return self._call("POST", f"/call/{service}/{method}", body)

    def changes(self, after: int = 0, limit: int = 1000) -> dict[str, Any]:
        """``{"changes": [{"seq", "entity", "id", "action", "at"}], "last": N}``."""
        data: dict[str, Any] = self._call("GET", f"/changes?after={after}&limit={limit}")
        return data

    def consoles(self) -> list[dict[str, Any]]:
        data: list[dict[str, Any]] = self._call("GET", "/consoles")
        return data

    def revoke(self, console_id: int) -> dict[str, Any]:
        data: dict[str, Any] = self._call(
            "POST", f"/consoles/{console_id}/revoke", {"request_id": str(uuid.uuid4())}
        )
        return data

    # --- files (issue 15): uploads in parts, a long call, a streamed export ------------

    def _bytes(
        self, method: str, path: str, data: bytes | None, timeout: float | None = None
    ) -> tuple[int, bytes, str]:
        """One request with a raw body (an upload's part) or none: status, body, type."""
        headers = {protocol.HEADER: str(protocol.PROTOCOL), "User-Agent": "service-console"}
        if data is not None:
            headers["Content-Type"] = "application/octet-stream"
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if self.session:
            headers[protocol.SESSION_HEADER] = self.session
        request = urllib.request.Request(
            self.url + protocol.API + path, data=data, headers=headers, method=method
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout or self.timeout) as answer:
                return answer.status, answer.read(), answer.headers.get("Content-Type", "")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read(), ""
        except (urllib.error.URLError, TimeoutError, ssl.SSLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ServerUnreachable(msg.ServerCannotBeReached(self.url, str(reason))) from None

    def upload(
        self,
        source: BinaryIO,
        size: int,
        part: int = protocol.UPLOAD_PART,
        attempts: int = 3,
    ) -> str:
        """Send *size* bytes of *source* as a new upload, *part* bytes per request (a part
        whose answer was lost is sent again: it lands at the same offset); its id."""
        created: dict[str, Any] = self._call(
            "POST", "/uploads", {"request_id": str(uuid.uuid4()), "size": size}
        )
        upload_id = str(created["upload"])
        offset = 0
        while offset < size:
            source.seek(offset)
            data = source.read(min(part, size - offset))
            if not data:  # the file shrank while it was sent
                raise ServerRefused(400, protocol.BAD_REQUEST, "the file changed while it was sent")
            for attempt in range(1, attempts + 1):
                try:
                    status, raw, _type = self._bytes(
                        "PUT", f"/uploads/{upload_id}?offset={offset}", data
                    )
                    answer: dict[str, Any] = self._data(status, raw)
                    break
                except ServerUnreachable:
                    if attempt == attempts:
                        raise
                except ServerRefused as exc:
                    if exc.code != protocol.UPLOAD_OFFSET or attempt == attempts:
                        raise
                    answer = self.upload_status(upload_id)  # resume where the server is
                    break
            offset = int(answer["received"])
        return upload_id

    def upload_status(self, upload_id: str) -> dict[str, Any]:
        """``{"upload", "size", "received", …}`` of this console's upload."""
        data: dict[str, Any] = self._data(*self._bytes("GET", f"/uploads/{upload_id}", None)[:2])
        return data

    def discard_upload(self, upload_id: str) -> None:
        self._data(*self._bytes("DELETE", f"/uploads/{upload_id}", None)[:2])

    def call_service_waiting(
        self, service: str, method: str, arguments: dict[str, Any], timeout: float
    ) -> Any:
        """:meth:`call_service` for a call that may take minutes (an import)."""
        return dataclasses.replace(self, timeout=timeout).call_service(service, method, arguments)

    def export_customers(
        self, fmt: str, consent: str | None, file_name: str, write: Callable[[str], object]
    ) -> int:
        """Every customer as the server's store writes them, handed to *write* as it comes
        (the export's frames); the number of customers. A refusal is raised as the
        service's own; an answer cut off is ServerUnreachable (a file being written from
        it must be thrown away)."""
        query = urllib.parse.urlencode(
            {"format": fmt, "file": file_name} | ({"consent": consent} if consent else {})
        )
        headers = {protocol.HEADER: str(protocol.PROTOCOL), "User-Agent": "service-console"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if self.session:
            headers[protocol.SESSION_HEADER] = self.session
        request = urllib.request.Request(
            f"{self.url}{protocol.API}/exports/customers?{query}", headers=headers
        )
        cut_off = ServerUnreachable(msg.ServerCannotBeReached(self.url, "the answer was cut off"))
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                if answer.headers.get("Content-Type", "") != protocol.STREAM_TYPE:
                    return int(self._data(answer.status, answer.read()))
                decoder = codecs.getincrementaldecoder("utf-8")()
                while True:
                    head = answer.read(5)
                    if len(head) < 5:
                        raise cut_off
                    kind, length = head[:1], struct.unpack(">I", head[1:])[0]
                    payload = answer.read(length)
                    if len(payload) < length:
                        raise cut_off
                    if kind == protocol.FRAME_DATA:
                        write(decoder.decode(payload))
                    elif kind == protocol.FRAME_END:
                        decoder.decode(b"", final=True)
                        return int(json.loads(payload)["rows"])
                    else:
                        return int(self._data(500, payload))  # raises the refusal
        except urllib.error.HTTPError as exc:
            return int(self._data(exc.code, exc.read()))
        except (urllib.error.URLError, TimeoutError, ssl.SSLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ServerUnreachable(msg.ServerCannotBeReached(self.url, str(reason))) from None
