"""The consoles repository: enrolment codes and enrolled consoles (the server's store)."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from console.domain.consoles import ChangeNotice, EnrolledConsole


class ConsoleRepository(Protocol):
    def add_code(self, code_digest: str, *, expires_at: dt.datetime, made_by: str) -> None:
        """Keep an enrolment code (its digest) until it is used or expires."""
        ...

    def take_code(self, code_digest: str, *, now: dt.datetime) -> bool:
        """Use up a code: True once for a code that exists and has not expired (expired
        codes are forgotten on the way)."""
        ...

    def add(self, name: str, *, token_digest: str, at: dt.datetime, by: str) -> EnrolledConsole: ...

    def by_token(self, token_digest: str) -> EnrolledConsole | None:
        """The console holding this token, revoked or not."""
        ...

    def get(self, console_id: int) -> EnrolledConsole | None: ...

    def all(self) -> list[EnrolledConsole]:
        """Every console ever enrolled, newest first."""
        ...

    def revoke(self, console_id: int, *, at: dt.datetime, by: str) -> EnrolledConsole | None:
        """Revoke a console (its token stops working at once); None if there is none.
        Revoking twice keeps the first revocation."""
        ...

    def changes_after(self, seq: int, *, limit: int) -> list[ChangeNotice]:
        """The changes feed after number *seq*, oldest first, at most *limit*."""
        ...

    def last_change(self) -> int:
        """The newest number in the changes feed (0 when it is empty)."""
        ...
