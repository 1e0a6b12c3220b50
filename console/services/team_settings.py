"""Settings in team mode: the organisation's and the store's live on the console server
(one loyalty rule, one follow-up rule, one active phrasebook for every console), this
computer's own stay in its ``settings.json`` (its phone extension, its listener, its
screen language before sign-in).

:class:`TeamSettings` answers what :class:`~console.services.settings.SettingsService`
answers, so a command or a widget does not know which mode it is in: console-scope
options are read and written here, the others are the server's ``settings`` service
(:mod:`console.services.remote`), checked and audited there.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

from console.domain.loyalty import LoyaltyRule
from console.domain.options import ALL_OPTIONS, Option, Scope
from console.repositories.console_settings import ConsoleSettings
from console.services.remote import Caller, RemoteService
from console.services.settings import Change

T = TypeVar("T")


class TeamSettings:
    def __init__(self, caller: Caller, config: ConsoleSettings) -> None:
        self._server = RemoteService(caller, "settings")
        self.config = config
        #: Called with every :class:`Change` made through this object.
        self.listeners: list[Callable[[Change], None]] = []

    @staticmethod
    def _here(option: Option[Any]) -> bool:
        return option.scope is Scope.CONSOLE

    async def get(self, option: Option[T]) -> T:
        if self._here(option):
            return option.coerce(self.config.get(option.key))
        value: T = await self._server.get(option)
        return value

    def get_now(self, option: Option[T]) -> T:
        if self._here(option):
            return option.coerce(self.config.get(option.key))
        value: T = self._server.get_now(option)
        return value

    async def values(self) -> dict[str, Any]:
        shared: dict[str, Any] = await self._server.values()
        for option in ALL_OPTIONS:
            if self._here(option):
                shared[option.key] = option.coerce(self.config.get(option.key))
        return shared

    async def set(self, option: Option[T], value: T) -> Change:
        if self._here(option):
            # Kept in this computer's file; the server checks the right and audits it.
            value = option.validate(value)
            before = option.coerce(self.config.get(option.key))
            await self._server.record_console_change(option, before, value)
            self.config.put(option.key, value)
            return self._changed(Change(option, before, value))
        return self._changed(await self._server.set(option, value))

    async def reset(self, option: Option[Any]) -> Change:
        if self._here(option):
            before = option.coerce(self.config.get(option.key))
            await self._server.record_console_change(option, before, None, reset=True)
            self.config.put(option.key, None)
            return self._changed(Change(option, before, option.default))
        return self._changed(await self._server.reset(option))

    def set_now(self, option: Option[T], value: T) -> Change:
        return asyncio.run(self.set(option, value))

    async def loyalty_rule(self) -> LoyaltyRule:
        rule: LoyaltyRule = await self._server.loyalty_rule()
        return rule

    def _changed(self, change: Change) -> Change:
        for listener in list(self.listeners):
            listener(change)
        return change
