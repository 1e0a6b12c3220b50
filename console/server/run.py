"""Starting the console server: the store, the listen address, TLS.

* ``--listen HOST:PORT`` (``[::1]:8740`` for IPv6; the port defaults to 8740, the host to
  127.0.0.1).
* TLS (``--tls-cert`` and ``--tls-key``, PEM files) is required for any address but the
  loopback ones (127.0.0.1, ::1, localhost): staff PINs and device tokens never cross a
  network in clear.
* The store is opened (and migrated) before the server listens; a database of a newer
  version is refused with one sentence.
* Call events (``/cti/<token>``, :mod:`console.server.calls`) only with a token:
  ``--cti-token-file FILE`` (its first line) or ``SERVICE_CONSOLE_CTI_TOKEN``; on an
  address but the loopback ones it must be at least 24 characters.
"""

from __future__ import annotations

import ipaddress
import os
import ssl
from collections.abc import Callable
from dataclasses import dataclass

from aiohttp import web

from console.domain import messages as msg
from console.domain import protocol
from console.storage.postgres.store import PostgresStore

LOOPBACK = {"127.0.0.1", "::1", "localhost"}


class ServeRefused(msg.Refusal):
    """The server cannot start as asked; ``message`` says why (a message code, said in the
    reader's language; ``str()`` is the English sentence)."""


@dataclass(frozen=True, slots=True)
class Listen:
    host: str
    port: int

    @property
    def loopback(self) -> bool:
        return self.host.lower() in LOOPBACK

    def url(self, tls: bool) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{'https' if tls else 'http'}://{host}:{self.port}"


def parse_listen(text: str) -> Listen:
    """``HOST:PORT``, ``HOST``, ``:PORT`` or ``[IPv6]:PORT``; ServeRefused otherwise."""
    text = text.strip()
    host, port_text = text, ""
    if text.startswith("["):
        inside, _, rest = text[1:].partition("]")
        host = inside
        if rest:
            if not rest.startswith(":"):
                raise ServeRefused(msg.ListenNotHostPort(repr(text)))
            port_text = rest[1:]
    elif text.count(":") == 1:
        host, port_text = text.split(":")
    elif text.count(":") > 1:
        raise ServeRefused(msg.ListenIpv6Brackets(repr(text)))
    host = host or "127.0.0.1"
    port = protocol.DEFAULT_PORT
    if port_text:
        if not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
            raise ServeRefused(msg.ListenPortRange(repr(text)))
        port = int(port_text)
    if not _host_ok(host):
        raise ServeRefused(msg.ListenBadHost(repr(text), repr(host)))
    return Listen(host, port)


def _host_ok(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        labels = host.split(".")
        return len(host) <= 253 and all(
            label and len(label) <= 63 and label.replace("-", "").isalnum() for label in labels
        )


def tls_context(listen: Listen, cert: str | None, key: str | None) -> ssl.SSLContext | None:
    """The TLS context to serve with, or None for plain HTTP on a loopback address."""
    if bool(cert) != bool(key):
        raise ServeRefused(msg.TlsBothOrNeither())
    if not cert or not key:
        if not listen.loopback:
            raise ServeRefused(msg.TlsNeeded(listen.host))
        return None
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        context.load_cert_chain(cert, key)
    except FileNotFoundError as exc:
        raise ServeRefused(msg.TlsFileMissing(str(exc.filename))) from None
    except (ssl.SSLError, OSError) as exc:
        raise ServeRefused(msg.TlsUnusable(str(exc))) from None
    return context


#: Where the server's call-event token comes from without ``--cti-token-file``.
CTI_TOKEN_ENV = "SERVICE_CONSOLE_CTI_TOKEN"
#: The shortest call-event token a server on the network takes (as a console's listener).
MIN_CTI_TOKEN = 24
#: A token file's first line at most (the token and its line end).
MAX_CTI_TOKEN_LINE = 1024


def cti_token(listen: Listen, path: str | None) -> str | None:
    """The phone system's token for ``/cti/<token>``: the first line of *path*, else
    $SERVICE_CONSOLE_CTI_TOKEN; None when neither is set (no call events)."""
    if path:
        try:
            with open(path, encoding="utf-8") as file:
                # A bounded read: a device such as /dev/zero has no first line.
                line = file.readline(MAX_CTI_TOKEN_LINE + 1)
        except (OSError, UnicodeDecodeError) as exc:
            problem = getattr(exc, "strerror", None) or str(exc)
            said = msg.Untranslated(f"{path}: {problem}")
            raise ServeRefused(msg.CallTokenInstead(said, CTI_TOKEN_ENV)) from None
        token = line.strip()
        if len(line) > MAX_CTI_TOKEN_LINE or not all("!" <= c <= "~" for c in token):
            said = msg.Untranslated(f"{path}: the first line is not a token")
            raise ServeRefused(msg.CallTokenInstead(said, CTI_TOKEN_ENV))
    else:
        token = os.environ.get(CTI_TOKEN_ENV, "").strip()
    if not token:
        return None
    if not listen.loopback and len(token) < MIN_CTI_TOKEN:
        problem = f"the call-event token is shorter than {MIN_CTI_TOKEN} characters"
        raise ServeRefused(msg.CallTokenInstead(msg.Untranslated(problem), CTI_TOKEN_ENV))
    return token


def open_store(dsn: str) -> PostgresStore:
    """The server's store, migrated (StoreError with one sentence when it cannot be:
    unreachable, wrong credentials, a newer schema)."""
    if not dsn.startswith(("postgresql://", "postgres://")) and "=" not in dsn:
        raise ServeRefused(msg.DatabaseNotPostgres())
    store = PostgresStore(dsn)
    try:
        store.open()
    except BaseException:
        store.close()
        raise
    return store


def grant_role(store: PostgresStore, role: str) -> None:
    """Let the login *role* run the server on *store*'s database (migrated), without the
    right to change or remove the audit trail (:func:`grant_server_role`). Run as the
    database's owner. ServeRefused when *role* is not a login of this cluster."""
    import psycopg

    from console.storage.postgres.schema import grant_server_role

    if not role or len(role) > 63:
        raise ServeRefused(msg.NotARoleName(repr(role)))
    try:
        with psycopg.connect(store.dsn, autocommit=True) as conn:
            found = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role]).fetchone()
            if found is None:
                raise ServeRefused(msg.NoSuchRole(repr(role), f"createuser --pwprompt {role}"))
            with conn.transaction():
                grant_server_role(conn, role)
    except psycopg.Error as exc:
        raise ServeRefused(msg.GrantFailed(str(exc).strip())) from None


def serve(
    dsn: str,
    listen_text: str,
    cert: str | None,
    key: str | None,
    say: Callable[[msg.Message], None],
    cti_token_file: str | None = None,
) -> None:
    """Serve until interrupted (ServeRefused or StoreError before listening)."""
    from console.server.http import make_app

    listen = parse_listen(listen_text)
    context = tls_context(listen, cert, key)
    token = cti_token(listen, cti_token_file)
    store = open_store(dsn)
    try:
        app = make_app(store, cti_token=token)
        say(msg.ServerListening(listen.url(context is not None)))
        web.run_app(
            app,
            host=listen.host,
            port=listen.port,
            ssl_context=context,
            print=None,
            access_log=None,
        )
    finally:
        store.close()
