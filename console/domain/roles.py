"""Staff roles and what they may do.

The signed-in role arrives with staff sign-in; until then the ``role`` setting stands in
for it. The rules live here and are enforced by the services (not only by the UI).
"""

from __future__ import annotations

import enum

from console.domain import messages as msg


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
            allowed = tuple(member.value for member in cls)
            raise msg.Refusal(msg.UnknownRole(text, allowed)) from None

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
        return may(self, Permission.EDIT_PHRASEBOOK)


class Permission(enum.StrEnum):
    """Everything a service may refuse. Checked in the services, not only in the UI."""

    READ_CUSTOMER = "read_customer"
    EDIT_CUSTOMER = "edit_customer"
    LOG_VISIT = "log_visit"
    LOG_PURCHASE = "log_purchase"
    LOG_COMPLAINT = "log_complaint"
    EDIT_PHRASEBOOK = "edit_phrasebook"
    VOID_COMPLAINT = "void_complaint"
    VIEW_REPORTS = "view_reports"
    EXPORT = "export"
    IMPORT = "import"  # bulk: every row of a CSV file into the database
    BACK_UP = "back_up"
    RESTORE = "restore"
    ERASE_CUSTOMER = "erase_customer"
    VIEW_AUDIT = "view_audit"
    MANAGE_STAFF = "manage_staff"
    EDIT_SETTINGS = "edit_settings"


_AGENT = frozenset(
    {
        Permission.READ_CUSTOMER,
        Permission.EDIT_CUSTOMER,
        Permission.LOG_VISIT,
        Permission.LOG_PURCHASE,
        Permission.LOG_COMPLAINT,
    }
)
_TRAINER = _AGENT | {Permission.EDIT_PHRASEBOOK}
_MANAGER = _TRAINER | {
    Permission.VOID_COMPLAINT,
    Permission.VIEW_REPORTS,
    Permission.EXPORT,
    Permission.IMPORT,
    Permission.BACK_UP,
    Permission.RESTORE,
    Permission.ERASE_CUSTOMER,
    Permission.VIEW_AUDIT,
}
_ADMIN = _MANAGER | {Permission.MANAGE_STAFF, Permission.EDIT_SETTINGS}

#: Each role's rights: agents serve customers; trainers also keep the phrasebook; managers
#: also void complaints, see reports and the audit trail, export, import, back up and
#: restore (bulk personal data of every customer) and erase; admins also
#: manage staff and settings.
PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.AGENT: _AGENT,
    Role.TRAINER: _TRAINER,
    Role.MANAGER: _MANAGER,
    Role.ADMIN: _ADMIN,
}


class NotAllowed(PermissionError):
    """A role tried something it may not do; ``message`` says what and who may (``str()``:
    the English sentence)."""

    def __init__(self, role: Role, permission: Permission) -> None:
        who = tuple(r.value for r, perms in PERMISSIONS.items() if permission in perms)
        self.message = msg.ActionNotAllowed(role.value, permission.value, who)
        super().__init__(str(self.message))
        self.role = role
        self.permission = permission


def may(role: Role, permission: Permission) -> bool:
    return permission in PERMISSIONS[role]


def require(role: Role, permission: Permission) -> None:
    """Raise :class:`NotAllowed` unless *role* has *permission*."""
    if not may(role, permission):
        raise NotAllowed(role, permission)
