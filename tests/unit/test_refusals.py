"""One permission path: every service refuses through ``Identity.require`` (or, for an
explicit session, the same :func:`require_or_record`), and every refusal leaves the same
audit entry — who (name and role), ``refused``, the entity, and what was refused."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import pytest

from console.domain.options import STORE_NAME
from console.domain.roles import NotAllowed, Permission, Role
from console.repositories import Store
from console.repositories.staff import AuditQuery
from console.services.backup import BackupService
from console.services.identity import Identity
from console.services.phrasebooks import PermissionDenied, PhrasebookService
from console.services.privacy import PrivacyService
from console.services.settings import SettingsService
from console.services.staff import AuditService
from console.storage.console_config import ConsoleConfig
from tests.people import signed_in
from tests.unit.conftest import ALL_BACKENDS, run

# Staff, audit and settings are on PostgreSQL; the privacy and phrasebook services refuse
# before they touch their own aggregates, and backups are a desk's (skipped elsewhere).
pytestmark = pytest.mark.parametrize("backend", ALL_BACKENDS, indirect=True)


@dataclass(frozen=True)
class Case:
    permission: Permission
    entity: str
    attempt: Callable[[Store, Identity], Awaitable[Any]]
    raises: type[Exception] = NotAllowed


def _settings(store: Store, identity: Identity) -> SettingsService:
    return SettingsService(store, ConsoleConfig(), identity)


def _backup(store: Store, identity: Identity) -> Awaitable[Any]:
    files = getattr(store, "files", None)
    if files is None:
        pytest.skip("a store without local files has no file backups")
    return BackupService(
        store, _settings(store, identity), files=files, identity=identity
    ).backup_now()


def _session(identity: Identity) -> Any:
    assert identity.staff is not None and identity.staff.session is not None
    return identity.staff.session


CASES = {
    "settings": Case(
        Permission.EDIT_SETTINGS,
        "setting",
        lambda s, i: _settings(s, i).set(STORE_NAME, "Elsewhere"),
    ),
    "backup": Case(Permission.BACK_UP, "database", _backup),
    "privacy": Case(
        Permission.EXPORT, "customer", lambda s, i: PrivacyService(s, i).export_customer(1)
    ),
    "phrasebooks": Case(
        Permission.EDIT_PHRASEBOOK,
        "phrasebook",
        lambda s, i: PhrasebookService(s, _settings(s, i), identity=i).create_phrasebook("Mine"),
        PermissionDenied,
    ),
    "staff": Case(
        Permission.MANAGE_STAFF,
        "staff",
        lambda s, i: i.staff.list_staff(_session(i)),  # type: ignore[union-attr]
    ),
    "audit": Case(
        Permission.VIEW_AUDIT,
        "audit",
        lambda s, i: AuditService(s, i.clock).entries(_session(i)),
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_a_refusal_in_every_service_is_recorded_the_same_way(backend: Store, name: str) -> None:
    case = CASES[name]
    identity = signed_in(backend, "agent", "Li")
    with pytest.raises(case.raises):
        run(case.attempt(backend, identity))
    refused = run(backend.read(lambda r: r.staff.audit_entries(AuditQuery(action="refused"))))
    assert [
        (e.actor, e.actor_role, e.action, e.entity, e.entity_id, e.fields, e.detail)
        for e in refused
    ] == [
        (
            "Li",
            "agent",
            "refused",
            case.entity,
            "",
            {},
            str(NotAllowed(Role.AGENT, case.permission)),
        )
    ]
