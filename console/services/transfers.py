"""A console's side of the whole-file commands in team mode (issue 15): ``import
customers|purchases`` sends the file to the server in parts (an upload) and then asks the
server's import to run on it; ``export customers`` receives the server's file as it is
written. The results are the desk's (:class:`~console.services.imports.ImportResult`,
the number of customers), so the command prints what it prints with ``--db``."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from console.domain import messages as msg
from console.domain import protocol
from console.services import wire
from console.services.bulk import UploadRefused

if TYPE_CHECKING:
    from console.services.imports import ImportResult
    from console.services.server_client import ServerClient

#: Bytes per part of an upload (a module setting, so tests can send tiny parts).
PART = protocol.UPLOAD_PART
#: How long the console waits for the server's import (seconds): a million rows take minutes.
IMPORT_WAIT = 3600.0


class TeamTransfers:
    def __init__(self, client: ServerClient) -> None:
        self._client = client

    def _call(self, method: str, *args: Any, wait: float | None = None, **kwargs: Any) -> Any:
        arguments = {"args": wire.encode(list(args)), "kwargs": wire.encode(kwargs)}
        if wait is None:
            return wire.decode(self._client.call_service("imports", method, arguments))
        return wire.decode(
            self._client.call_service_waiting("imports", method, arguments, timeout=wait)
        )

    def import_file(
        self, what: str, path: Path, *, region: str, dry_run: bool, skip_invalid: bool
    ) -> ImportResult:
        """Import *path* (customers or purchases) on the server, as the desk imports it.

        The right is asked first (a refusal costs no upload); the file then goes in parts
        of :data:`PART` bytes; the server's import takes the upload and deletes it."""
        self._call("may_import", what)
        with path.open("rb") as source:
            size = source.seek(0, 2)
            if size > protocol.MAX_UPLOAD:
                raise UploadRefused(msg.UploadTooLarge(str(protocol.MAX_UPLOAD)))
            upload = self._client.upload(source, size, part=PART)
        try:
            result: ImportResult = self._call(
                f"import_{what}",
                upload,
                region=region,
                dry_run=dry_run,
                skip_invalid=skip_invalid,
                file_name=path.name,
                wait=IMPORT_WAIT,
            )
        except BaseException:
            with contextlib.suppress(Exception):  # used, or never taken: gone either way
                self._client.discard_upload(upload)
            raise
        return result

    def export_customers(
        self, out: TextIO, fmt: str, *, consent: str | None, file_name: str
    ) -> int:
        """Write every customer to *out* as the desk writes them; how many."""
        return self._client.export_customers(fmt, consent, file_name, out.write)
