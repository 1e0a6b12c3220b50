"""The consoles repository: enrolment codes, enrolled consoles and the staff sessions
signed in on them (the server's store)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from console.domain.consoles import ChangeNotice, EnrolledConsole
from console.domain.staff import StaffMember


@dataclass(frozen=True, slots=True)
class StoredSession:
    """A staff session as the store keeps it (only its token's digest is stored): the
    console it was signed in on, the account as it is now, when it signed in and when
    it was last used (instants of the server's clock)."""

    console_id: int
    member: StaffMember
    signed_in_at: dt.datetime
    last_used_at: dt.datetime


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
        """Revoke a console (its token stops working at once) and end its staff sessions;
        None if there is none. Revoking twice keeps the first revocation."""
        ...

    # --- staff sessions ---------------------------------------------------------------

    def add_session(
        self,
        token_digest: str,
        *,
        console_id: int,
        staff_id: int,
        signed_in_at: dt.datetime,
        at: dt.datetime,
    ) -> None:
        """Keep a new staff session (its token's digest), last used *at*."""
        ...

    def session(self, token_digest: str) -> StoredSession | None:
        """The session with this token's digest, with its account as it is now."""
        ...

    def touch_session(self, token_digest: str, *, at: dt.datetime) -> None:
        """The session was used *at* (never moves its last use back)."""
        ...

    def end_session(self, token_digest: str) -> bool:
        """Forget one session (signed out, or found idle too long); False if none."""
        ...

    def end_idle_sessions(self, *, used_before: dt.datetime) -> int:
        """Forget every session last used before *used_before*; how many."""
        ...

    def signed_in(self, *, used_since: dt.datetime) -> list[StoredSession]:
        """Every session used since *used_since* whose account is switched on, on a
        console not revoked (who is signed in where: the server routes calls by it)."""
        ...

    def changes_after(self, seq: int, *, limit: int) -> list[ChangeNotice]:
        """The changes feed after number *seq*, oldest first, at most *limit*."""
        ...

    def last_change(self) -> int:
        """The newest number in the changes feed (0 when it is empty)."""
        ...
