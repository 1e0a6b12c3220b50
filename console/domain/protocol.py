"""The console server's protocol, as data both sides share (team mode, issue 15).

JSON over HTTP(S) under ``/api/v1``. Every request names the console's protocol version
in the :data:`HEADER` header; a version the server does not speak is answered with HTTP
426 and the error code :data:`UPDATE_APP` ("update the app"). Answers are JSON objects:
``{"data": …}`` on success, ``{"error": {"code": …, "message": …}}`` otherwise (codes
below are stable; messages are English sentences for logs and scripts).

Plain Python: no I/O.
"""

from __future__ import annotations

import uuid

#: The protocol version this app speaks, and the versions a server accepts. 2: the
#: records a console reads name more (an audit entry its console, a staff member their
#: call queues), and a console reads a record field by field, refusing one it does not
#: know; a console of version 1 is told to update the app rather than failing on them.
PROTOCOL = 2
OLDEST = 2
HEADER = "Service-Console-Protocol"
#: The staff session (from ``POST /api/v1/sign-in``), next to the device token.
SESSION_HEADER = "Service-Console-Session"
API = "/api/v1"
DEFAULT_PORT = 8740
#: Files a console sends (``POST /api/v1/uploads``, then its parts): at most this many bytes.
MAX_UPLOAD = 2 * 1024**3
#: An upload nobody touched for this long (seconds) is deleted with its bytes.
UPLOAD_IDLE = 3600.0
#: The console's part size (each part is one request, well under the 4 MiB a request may carry).
UPLOAD_PART = 1024 * 1024
#: The streamed export's frames: ``kind`` (1 byte), length (4 bytes, big-endian), payload.
FRAME_DATA, FRAME_END, FRAME_ERROR = b"d", b"e", b"x"
STREAM_TYPE = "application/vnd.service-console.stream"

# Error codes (HTTP status in brackets).
UPDATE_APP = "update_app"  # [426] the console's protocol version is not spoken here
BAD_REQUEST = "bad_request"  # [400] not JSON, a field missing or of the wrong kind
NOT_FOUND = "not_found"  # [404] no such endpoint
METHOD_NOT_ALLOWED = "method_not_allowed"  # [405]
TOO_LARGE = "request_too_large"  # [413]
CONSOLE_UNKNOWN = "console_unknown"  # [401] no device token, or one the server never made
CONSOLE_REVOKED = "console_revoked"  # [401] the console was revoked: enrol it again
CODE_REFUSED = "enrolment_code_refused"  # [403] unknown, used or expired enrolment code
BAD_CONSOLE_NAME = "bad_console_name"  # [400]
SESSION_REQUIRED = "session_required"  # [401] sign in first (or the session ran out)
NOT_ALLOWED = "not_allowed"  # [403] the signed-in role may not do this
NO_SUCH_CONSOLE = "no_such_console"  # [404]
NO_SUCH_CALL = "no_such_call"  # [404] the server offers no such service or method
REFUSED = "refused"  # [422] the service said no; "raised" carries the refusal (wire form)
NO_SUCH_UPLOAD = "no_such_upload"  # [404] no such upload of this console (used, expired)
UPLOAD_TOO_LARGE = "upload_too_large"  # [413] a file larger than MAX_UPLOAD, or past its size
UPLOAD_OFFSET = "upload_offset"  # [409] a part that does not start where the file ends so far
UNAVAILABLE = "server_unavailable"  # [503] the server cannot reach its database
INTERNAL = "internal_error"  # [500] a bug on the server (details in its log only)
# Sign-in refusals carry the desk's message codes: staff.sign_in_refused,
# staff.account_locked (with "params": {"minutes": N}), staff.account_switched_off [403].


def version_of(header: str | None) -> int | None:
    """The version a request names, or None when it names none (or not a number)."""
    if header is None:
        return None
    text = header.strip()
    if not text.isdigit() or len(text) > 6:
        return None
    return int(text)


def compatible(version: int | None) -> bool:
    return version is not None and OLDEST <= version <= PROTOCOL


def request_id(value: object) -> str | None:
    """A write's client-made id (a UUID, any case, canonical form back); None if not one."""
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return None
