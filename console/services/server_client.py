"""A console's client of the console server (the command line's, for now): the
protocol of :mod:`console.domain.protocol` over the standard library's HTTP client, so
that the command line starts fast and never loads Qt or aiohttp.

Refusals come back as :class:`ServerRefused` with the protocol's code; sign-in refusals
as :class:`~console.services.staff.SignInRefused` with the desk's message (worded in the
reader's language like on a desk). A server that cannot be reached is
:class:`ServerUnreachable`, one sentence.
"""

from __future__ import annotations

import ipaddress
import json
import ssl
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from console.domain import messages as msg
from console.domain import protocol
from console.repositories.errors import StoreError
from console.services import wire
from console.services.staff import SignInRefused

SERVER_ENV = "SERVICE_CONSOLE_SERVER"
TIMEOUT = 15.0


class ServerUnreachable(StoreError):
    """The server did not answer (down, wrong address, TLS refused)."""


class ServerRefused(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


def server_url(text: str) -> str:
    """A server's address, checked: ``https://host[:port]``; ``http://`` only for a
    loopback host. ValueError with one sentence otherwise."""
    text = text.strip().rstrip("/")
    parts = urllib.parse.urlsplit(text if "://" in text else f"https://{text}")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{text!r} is not a server address like https://console-server:8740")
    if parts.path or parts.query or parts.fragment or parts.username:
        raise ValueError(f"{text!r}: give only the server's address, https://host:port")
    try:
        port = parts.port or protocol.DEFAULT_PORT
    except ValueError:
        raise ValueError(f"{text!r}: the port must be from 1 to 65535") from None
    host = parts.hostname
    if parts.scheme == "http" and not _loopback(host):
        raise ValueError(
            f"{text!r}: a server on another computer is reached with https:// only "
            "(PINs and tokens never cross a network in clear)"
        )
    shown = f"[{host}]" if ":" in host else host
    return f"{parts.scheme}://{shown}:{port}"


def _loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


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
        request = urllib.request.Request(
            self.url + protocol.API + path, data=data, headers=headers, method=method
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                return self._data(answer.status, answer.read())
        except urllib.error.HTTPError as exc:
            return self._data(exc.code, exc.read())
        except (urllib.error.URLError, TimeoutError, ssl.SSLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ServerUnreachable(
                f"the console server at {self.url} cannot be reached ({reason})"
            ) from None

    def _data(self, status: int, raw: bytes) -> Any:
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
        if not isinstance(body, dict):
            raise ServerUnreachable(
                f"{self.url} answered HTTP {status} without the console protocol: "
                "is it a console server?"
            )
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
