"""Every customer at once on the console server: ``import customers|purchases`` of a file
a console sent (an upload, :mod:`console.server.uploads`) and ``export customers``,
with the desk's rights and audit (issue 15).

The import and the export are the desk's own (:mod:`console.services.imports`): the same
parsing, checks, all-or-nothing transaction and result. What the command line does around
them on a desk — sign the ``--as`` person in, require the right (a refusal is audited),
record who, how many rows and which file's name — is done here on the server's store, as
the signed-in staff member or, without one, as the console with an agent's rights.

A file is named by the id of an upload this console made; the server resolves it (the
*files* it is given). A console never names a path on the server.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from console.domain import messages as msg
from console.domain.clock import Clock
from console.domain.phones import is_valid_region
from console.domain.roles import Permission
from console.repositories import Store
from console.services import imports
from console.services.identity import Identity

#: The server's resolver: an upload id of the calling console → its file, for the length
#: of the ``with`` block (then deleted). Raises :class:`UploadRefused`.
Files = Callable[[str], contextlib.AbstractContextManager[Path]]

WHAT = ("customers", "purchases")


class UploadRefused(msg.Refusal):
    """The upload named cannot be used (unknown, another console's, expired, not complete)."""


def file_label(name: str) -> str:
    """The file's name for the audit trail: its last part only, at most 200 characters."""
    last = name.replace("\\", "/").rsplit("/", 1)[-1]
    return "".join(ch for ch in last if ch.isprintable())[:200]


class BulkService:
    def __init__(
        self, store: Store, identity: Identity, clock: Clock, files: Files | None = None
    ) -> None:
        self._store = store
        self._identity = identity
        self._clock = clock
        self._files = files

    async def may_import(self, what: str) -> None:
        """NotAllowed (and the refusal audited) unless whoever acts may import *what*:
        asked before a file is sent."""
        if what not in WHAT:
            raise ValueError(f"cannot import {what!r} (customers or purchases)")
        await self._identity.require(Permission.IMPORT, what)

    async def import_customers(
        self,
        upload: str,
        *,
        region: str,
        dry_run: bool = False,
        skip_invalid: bool = False,
        file_name: str = "",
    ) -> imports.ImportResult:
        return await self._import("customers", upload, region, dry_run, skip_invalid, file_name)

    async def import_purchases(
        self,
        upload: str,
        *,
        region: str,
        dry_run: bool = False,
        skip_invalid: bool = False,
        file_name: str = "",
    ) -> imports.ImportResult:
        return await self._import("purchases", upload, region, dry_run, skip_invalid, file_name)

    async def _import(
        self,
        what: str,
        upload: str,
        region: str,
        dry_run: bool,
        skip_invalid: bool,
        file_name: str,
    ) -> imports.ImportResult:
        await self.may_import(what)
        if not isinstance(region, str) or not is_valid_region(region):
            raise msg.Refusal(msg.NotARegionCode(repr(region)))
        if self._files is None or not isinstance(upload, str):
            raise UploadRefused(msg.NoSuchUpload(str(upload)))
        with self._files(upload) as path:
            if what == "customers":
                result = await asyncio.to_thread(
                    imports.import_customers,
                    self._store,
                    path,
                    region=region.upper(),
                    dry_run=dry_run,
                    skip_invalid=skip_invalid,
                    clock=self._clock,
                )
            else:
                result = await asyncio.to_thread(
                    imports.import_purchases,
                    self._store,
                    path,
                    region=region.upper(),
                    dry_run=dry_run,
                    skip_invalid=skip_invalid,
                )
        fields: dict[str, object] = {
            "rows": result.imported,
            "bad_rows": len(result.errors),
            "file": file_label(file_name),
        }
        await self._identity.record(
            "import", what, fields=fields | ({"dry_run": True} if dry_run else {})
        )
        return result

    async def may_export(self) -> None:
        """NotAllowed (audited) unless whoever acts may export every customer."""
        await self._identity.require(Permission.EXPORT, "customers")

    async def export_customers(
        self, out: TextIO, fmt: str, *, consent: str | None = None, file_name: str = ""
    ) -> int:
        """Write every customer (with *consent*: those who agreed) to *out* as the desk
        does, then record it; the number of customers."""
        await self.may_export()
        count = await asyncio.to_thread(
            imports.export_customers, self._store, out, fmt, consent=consent
        )
        fields: dict[str, object] = {"rows": count, "file": file_label(file_name) or "?"}
        await self._identity.record("export", "customers", fields=fields | {"format": fmt})
        return count
