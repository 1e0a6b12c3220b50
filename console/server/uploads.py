"""Files consoles send to the server (``POST /api/v1/uploads`` and its parts): kept in a
private temporary folder of the server (0700, files 0600), each bound to the console
that made it, at most :data:`~console.domain.protocol.MAX_UPLOAD` bytes, and deleted
once used (an import takes it), discarded, or idle for
:data:`~console.domain.protocol.UPLOAD_IDLE` seconds (the server's Clock, monotonic).

A console names an upload by the id the server gave it; the server never opens a path a
console names. Parts carry their offset, so a part sent again (a lost answer) writes the
same bytes at the same place.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from console.domain import messages as msg
from console.domain import protocol
from console.domain.clock import Clock

#: Uploads one console may hold at a time (each up to MAX_UPLOAD).
PER_CONSOLE = 4


class UploadError(Exception):
    """An upload request refused: HTTP ``status``, protocol ``code``, English ``str()``."""

    def __init__(
        self, status: int, code: str, said: msg.Message | str, params: dict[str, int] | None = None
    ) -> None:
        super().__init__(str(said))
        self.status = status
        self.code = code
        #: The message code, when there is one (the service's refusal carries it).
        self.said = said if isinstance(said, msg.Message) else None
        self.params = params or {}


@dataclass
class Upload:
    id: str
    console_id: int
    size: int
    path: Path
    received: int = 0
    last_used: float = 0.0
    taken: bool = False

    def json(self) -> dict[str, object]:
        return {"upload": self.id, "size": self.size, "received": self.received}


class Uploads:
    def __init__(self, clock: Clock, folder: Path | None = None) -> None:
        self.clock = clock
        self.folder = Path(tempfile.mkdtemp(prefix="service-console-uploads-", dir=folder))
        os.chmod(self.folder, 0o700)
        self._by_id: dict[str, Upload] = {}

    def _expire(self) -> None:
        now = self.clock.monotonic()
        for upload in list(self._by_id.values()):
            if not upload.taken and now - upload.last_used > protocol.UPLOAD_IDLE:
                self._drop(upload)

    def _drop(self, upload: Upload) -> None:
        self._by_id.pop(upload.id, None)
        with contextlib.suppress(FileNotFoundError):
            upload.path.unlink()

    def _mine(self, console_id: int, upload_id: str) -> Upload:
        self._expire()
        upload = self._by_id.get(upload_id)
        # Another console's upload is answered as one that does not exist.
        if upload is None or upload.console_id != console_id or upload.taken:
            raise UploadError(404, protocol.NO_SUCH_UPLOAD, msg.NoSuchUpload(upload_id))
        upload.last_used = self.clock.monotonic()
        return upload

    def create(self, console_id: int, size: int) -> Upload:
        """A new, empty upload of *size* bytes for *console_id*."""
        self._expire()
        if size > protocol.MAX_UPLOAD:
            raise UploadError(
                413, protocol.UPLOAD_TOO_LARGE, msg.UploadTooLarge(str(protocol.MAX_UPLOAD))
            )
        for old in sorted(
            (u for u in self._by_id.values() if u.console_id == console_id and not u.taken),
            key=lambda u: u.last_used,
        )[: max(0, self._count(console_id) - PER_CONSOLE + 1)]:
            self._drop(old)  # a console's oldest unfinished uploads make room
        upload_id = secrets.token_urlsafe(18)
        path = self.folder / f"{upload_id}.part"
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        upload = Upload(upload_id, console_id, size, path, last_used=self.clock.monotonic())
        self._by_id[upload_id] = upload
        return upload

    def _count(self, console_id: int) -> int:
        return sum(1 for u in self._by_id.values() if u.console_id == console_id and not u.taken)

    def status(self, console_id: int, upload_id: str) -> Upload:
        return self._mine(console_id, upload_id)

    def write(self, console_id: int, upload_id: str, offset: int, data: bytes) -> Upload:
        """Write *data* at *offset*: where the file ends so far, or before (a part sent
        again overwrites itself); never past the size given, never leaving a gap."""
        upload = self._mine(console_id, upload_id)
        if offset + len(data) > upload.size:
            raise UploadError(
                413,
                protocol.UPLOAD_TOO_LARGE,
                f"the upload {upload_id} is {upload.size} bytes; this part ends at "
                f"{offset + len(data)}",
            )
        if offset > upload.received:
            raise UploadError(
                409,
                protocol.UPLOAD_OFFSET,
                f"the upload {upload_id} has {upload.received} bytes; the next part starts there",
                {"received": upload.received},
            )
        with open(upload.path, "r+b") as fh:
            fh.seek(offset)
            fh.write(data)
        upload.received = max(upload.received, offset + len(data))
        return upload

    def discard(self, console_id: int, upload_id: str) -> None:
        self._drop(self._mine(console_id, upload_id))

    def take(self, console_id: int, upload_id: str) -> Upload:
        """The complete upload *upload_id* of *console_id*, for one use: it can no longer
        be named, and :meth:`done` deletes it afterwards."""
        upload = self._mine(console_id, upload_id)
        if upload.received < upload.size:
            raise UploadError(
                409,
                protocol.UPLOAD_OFFSET,
                msg.UploadIncomplete(upload_id, f"{upload.received:,}", f"{upload.size:,}"),
            )
        upload.taken = True
        return upload

    def done(self, upload: Upload) -> None:
        self._drop(upload)

    def close(self) -> None:
        self._by_id.clear()
        shutil.rmtree(self.folder, ignore_errors=True)
