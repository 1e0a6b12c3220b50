"""The audit trail's details as message codes, read back from the words recorded.

The services write a detail's English sentence into the audit trail (a permanent record:
what was written stays written, and older entries have only the words). To show a detail
in the reader's language, :func:`audit_detail` finds the message it was made from — every
permission refusal, a setting's scope, a merge, a reward, an export, why a sign-in failed,
a backup's note — or None for a detail a person typed (a reason for erasing), which is
shown as it is.

Plain Python: no Qt, no I/O.
"""

from __future__ import annotations

import functools
import re

from console.domain import messages as m
from console.domain.roles import PERMISSIONS, Permission, Role


@functools.cache
def _refusals() -> dict[str, m.Message]:
    """Every refusal sentence a service records, by its English words."""
    found: dict[str, m.Message] = {}
    for permission in Permission:
        who = tuple(r.value for r, perms in PERMISSIONS.items() if permission in perms)
        for role in Role:
            message = m.ActionNotAllowed(role.value, permission.value, who)
            found[str(message)] = message
    return found


_PATTERNS: tuple[tuple[re.Pattern[str], type[m.Message]], ...] = (
    (re.compile(r"scope: (?P<scope>[a-z]+)"), m.SettingScope),
    (re.compile(r"merged into #(?P<keep>\d+)"), m.MergedInto),
    (re.compile(r"#(?P<other>\d+) merged into #(?P<keep>\d+)"), m.MergedFrom),
    (re.compile(r"(?P<count>\d+) entr(?:y|ies) as CSV"), m.AuditExported),
    (re.compile(r"WARNING: (?P<problem>.+)"), m.TrailWarning),
)
_FIXED: dict[str, m.Message] = {
    str(said): said
    for said in (
        m.RewardGiven(),
        m.CustomerExported(),
        m.AttemptWrong(),
        m.AttemptInactive(),
        m.AttemptLocked(),
        m.LockedAfterWrongPins(),
        m.TrailIntact(),
    )
}


def audit_detail(text: str) -> m.Message | None:
    """The message an audit detail was recorded from; None for words a person wrote."""
    if text.startswith("scheduled; "):  # a scheduled backup's note
        note = audit_detail(text.removeprefix("scheduled; "))
        return m.ScheduledBackupNote(note) if note is not None else None
    if text in _FIXED:
        return _FIXED[text]
    if text in _refusals():
        return _refusals()[text]
    for pattern, cls in _PATTERNS:
        if match := pattern.fullmatch(text):
            values = {
                key: int(value) if value.isdigit() else value
                for key, value in match.groupdict().items()
            }
            return cls(**values)
    return None
