"""Signing real staff in for tests (the ``staff_name``/``role`` settings that used to stand
in for sign-in are gone): ``identity = signed_in(runner, "agent", "Li")`` gives an
:class:`Identity` whose session is an agent named Li; ``switch(identity, "manager")`` signs
somebody else in on the same identity. The first account, an admin named Boss, is made
when needed. Async twins (``a_signed_in``, ``a_switch``) for tests on a running loop."""

from __future__ import annotations

import asyncio
import contextlib

from console.domain.clock import Clock
from console.domain.staff import StaffNameTaken
from console.repositories import Store
from console.services.identity import Identity
from console.services.staff import AuditService, StaffService

BOSS, PIN = "Boss", "5820"


async def a_switch(identity: Identity, role: str, name: str | None = None) -> Identity:
    staff = identity.staff
    assert staff is not None
    name = name or role.title()
    if await staff.needs_first_admin():
        await staff.add_staff(None, name=BOSS, role="admin", secret=PIN)
    if name != BOSS:
        boss = await staff.sign_in(BOSS, PIN)
        with contextlib.suppress(StaffNameTaken):
            await staff.add_staff(boss, name=name, role=role, secret=PIN)
    await staff.sign_in(name, PIN)
    return identity


async def a_signed_in(
    store: Store, role: str, name: str | None = None, clock: Clock | None = None
) -> Identity:
    staff = StaffService(store, AuditService(store, clock))
    return await a_switch(Identity(store, None, staff, clock=clock), role, name)


def switch(identity: Identity, role: str, name: str | None = None) -> Identity:
    return asyncio.run(a_switch(identity, role, name))


def signed_in(
    store: Store, role: str, name: str | None = None, clock: Clock | None = None
) -> Identity:
    return asyncio.run(a_signed_in(store, role, name, clock))
