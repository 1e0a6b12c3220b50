"""Staff roles and what they may do.

The signed-in role arrives with staff sign-in; until then the ``role`` setting stands in
for it. The rules live here and are enforced by the services (not only by the UI).
"""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    AGENT = "agent"
    TRAINER = "trainer"
    MANAGER = "manager"
    ADMIN = "admin"

    @classmethod
    def parse(cls, text: str) -> Role:
        """Accept a role in any case; raises ValueError for an unknown one."""
        value = text.strip().lower()
        try:
            return cls(value)
        except ValueError:
            allowed = ", ".join(member.value for member in cls)
            raise ValueError(f"unknown role {text!r} (use one of: {allowed})") from None

    @classmethod
    def parse_or_agent(cls, text: str) -> Role:
        """An unknown role gets the least rights (agent)."""
        try:
            return cls.parse(text)
        except ValueError:
            return cls.AGENT

    @property
    def can_edit_phrasebook(self) -> bool:
        """Only trainers and managers (and admins) change the phrasebook."""
        return self is not Role.AGENT
