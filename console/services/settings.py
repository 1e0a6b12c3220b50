"""Reading and changing settings, each where its scope says it lives.

The options themselves (type, default, range, scope, label) are declared in
:mod:`console.domain.options` and re-exported here for the existing callers. Console-scope
values (this computer: phone listener, language before sign-in, backup folder) live in the
config folder's ``settings.json`` (a :class:`ConsoleSettings` the composition root
passes in); the rest in the database's
settings table. The first read moves console-scope values an older database still holds
into the config file (unless this computer has its own already) and removes them from the
database, and drops the retired ``staff_name``/``role`` settings.

* :meth:`SettingsService.get` / :meth:`get_now` read (an unset or invalid value gives the
  default, so an older database never breaks a newer app).
* :meth:`SettingsService.set` / :meth:`reset` are the admin's change: they require
  ``Permission.EDIT_SETTINGS`` through :meth:`Identity.require` (a refusal is audited),
  validate, and write the value and its audit entry (before → after) in one transaction.
* :meth:`SettingsService.write` is for a service that checked its own permission already
  (making a phrasebook active needs EDIT_PHRASEBOOK; the language picked on the sign-in
  screen needs nobody): validated and audited, not checked again.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from console.domain.loyalty import LoyaltyRule
from console.domain.options import (
    ACTIVE_PHRASEBOOK,
    ALL_OPTIONS,
    AUTO_LOCK_MINUTES,
    BACKUP_EVERY_HOURS,
    BACKUP_FOLDER,
    BACKUP_KEEP,
    BY_KEY,
    CONSOLE_KEYS,
    CTI_AGENT,
    CTI_ENABLED,
    CTI_EXTENSION,
    CTI_HOST,
    CTI_OPTIONS,
    CTI_PORT,
    DEFAULT_REGION,
    DEMO_DATABASE,
    FOLLOW_UP_DAYS,
    INTERFACE_LANGUAGE,
    LOYALTY_CATEGORY,
    LOYALTY_EVERY,
    LOYALTY_REWARD,
    MISS_YOU_MIN_VISITS,
    MISS_YOU_MONTHS,
    OCCASION_DAYS,
    RETIRED_KEYS,
    STORE_NAME,
    TIME_ZONE,
    Invalid,
    Option,
    Scope,
    UnknownSetting,
    option_named,
    zone_named,
)
from console.domain.roles import Permission
from console.repositories import Repositories, Store
from console.repositories.console_settings import ConsoleSettings

if TYPE_CHECKING:
    from console.services.identity import Identity

__all__ = [
    "ACTIVE_PHRASEBOOK",
    "ALL_OPTIONS",
    "AUTO_LOCK_MINUTES",
    "BACKUP_EVERY_HOURS",
    "BACKUP_FOLDER",
    "BACKUP_KEEP",
    "CTI_AGENT",
    "CTI_ENABLED",
    "CTI_EXTENSION",
    "CTI_HOST",
    "CTI_OPTIONS",
    "CTI_PORT",
    "DEFAULT_REGION",
    "DEMO_DATABASE",
    "FOLLOW_UP_DAYS",
    "INTERFACE_LANGUAGE",
    "LOYALTY_CATEGORY",
    "LOYALTY_EVERY",
    "LOYALTY_REWARD",
    "MISS_YOU_MIN_VISITS",
    "MISS_YOU_MONTHS",
    "OCCASION_DAYS",
    "STORE_NAME",
    "TIME_ZONE",
    "Change",
    "ConsoleSettings",
    "Invalid",
    "Option",
    "Scope",
    "SettingsService",
    "UnknownSetting",
    "option_named",
    "read",
    "system_zone",
    "validate",
    "zone_named",
]

T = TypeVar("T")


def system_zone() -> ZoneInfo:
    """The computer's own IANA zone, without extra packages: ``$TZ`` when it names a zone,
    else the target of ``/etc/localtime`` (Linux, macOS) or ``/etc/timezone`` (Debian);
    UTC when none of these names one (e.g. Windows: set the ``time_zone`` setting)."""
    candidates: list[str] = []
    tz = os.environ.get("TZ", "").lstrip(":").strip()
    if tz:
        candidates.append(tz)
    try:
        target = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    try:
        with open("/etc/timezone", encoding="utf-8") as fh:
            candidates.append(fh.read().strip())
    except OSError:
        pass
    for name in candidates:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return ZoneInfo("UTC")


def validate(option: Option[T], value: T) -> T:
    """*value* if *option* allows it, else :class:`Invalid` (a ValueError)."""
    return option.validate(value)


@dataclass(frozen=True, slots=True)
class Change:
    """What a set or reset did."""

    option: Option[Any]
    before: Any
    after: Any

    @property
    def changed(self) -> bool:
        return bool(self.before != self.after)


_MOVED_KEYS = sorted(CONSOLE_KEYS | set(RETIRED_KEYS))


def _held_keys(repos: Repositories) -> list[str]:
    """Console-scope and retired keys an older database still holds."""
    return [key for key in _MOVED_KEYS if repos.settings.get(key) is not None]


def migrate(repos: Repositories, config: ConsoleSettings) -> None:
    """Move console-scope values out of an older database (a write job): into the
    config file where this computer has none of its own, then out of the database; drop
    the retired stand-ins for sign-in."""
    keys = _held_keys(repos)
    if not keys:
        return
    held = config.load()
    moved = dict(held)
    for key in keys:
        if key in CONSOLE_KEYS and key not in held:
            moved[key] = BY_KEY[key].coerce(repos.settings.get(key))
    if moved != held:
        config.save(moved)
    for key in keys:
        repos.settings.delete(key)


def read(repos: Repositories, option: Option[T], config: ConsoleSettings) -> T:
    """*option*'s value, inside a store's job (console scope: this computer's settings)."""
    if option.scope is Scope.CONSOLE:
        return option.coerce(config.get(option.key))
    return option.coerce(repos.settings.get(option.key))


class NoConsoleSettings:
    """What a settings service has when its caller gave it no console settings (a
    service that only reads the store's settings): console-scope options read their
    defaults, changing one is refused, and an older database's console values stay
    where they are (they move on the first read by a console that has its file)."""

    def load(self) -> dict[str, Any]:
        return {}

    def get(self, key: str) -> Any:
        return None

    def save(self, values: dict[str, Any]) -> None:
        raise RuntimeError("this computer's settings were not given to the settings service")

    def put(self, key: str, value: Any) -> dict[str, Any]:
        raise RuntimeError("this computer's settings were not given to the settings service")


class SettingsService:
    def __init__(
        self,
        store: Store,
        config: ConsoleSettings | None = None,
        identity: Identity | None = None,
    ) -> None:
        """*config*: this computer's settings (the composition root passes
        :class:`console.storage.console_config.ConsoleConfig`); without it see
        :class:`NoConsoleSettings`."""
        self._store = store
        self.config: ConsoleSettings = NoConsoleSettings() if config is None else config
        self._identity = identity
        self._migrated = False
        #: Called with every :class:`Change` made through this service (the window
        #: applies it at once: a new listener port restarts the listener).
        self.listeners: list[Callable[[Change], None]] = []

    @property
    def identity(self) -> Identity:
        if self._identity is None:
            from console.services.identity import Identity

            self._identity = Identity(self._store, self)
        return self._identity

    @identity.setter
    def identity(self, identity: Identity) -> None:
        self._identity = identity

    def _migrate(self, repos: Repositories) -> None:
        migrate(repos, self.config)
        self._migrated = True

    async def _ensure_migrated(self) -> None:
        """The first read moves what an older database holds for this computer (a write
        only when there is something to move)."""
        if isinstance(self.config, NoConsoleSettings):
            return  # nowhere to move them to
        if not self._migrated:
            if await self._store.read(_held_keys):
                await self._store.write(self._migrate)
            self._migrated = True

    async def get(self, option: Option[T]) -> T:
        await self._ensure_migrated()
        return await self._store.read(lambda r: read(r, option, self.config))

    def get_now(self, option: Option[T]) -> T:
        """Blocking read for the CLI."""
        if not self._migrated and not isinstance(self.config, NoConsoleSettings):
            if self._store.read_now(_held_keys):
                self._store.write_now(self._migrate)
            self._migrated = True
        return self._store.read_now(lambda r: read(r, option, self.config))

    async def values(self) -> dict[str, Any]:
        """Every listed option's value, by key (one trip to the database thread)."""
        await self._ensure_migrated()
        return await self._store.read(
            lambda r: {o.key: read(r, o, self.config) for o in ALL_OPTIONS}
        )

    async def set(self, option: Option[T], value: T) -> Change:
        """An admin's change: EDIT_SETTINGS (refusal audited), validated, audited."""
        await self.identity.require(Permission.EDIT_SETTINGS, "setting")
        return await self.write(option, value)

    async def reset(self, option: Option[Any]) -> Change:
        """Back to the default (the stored value is removed), as :meth:`set`."""
        await self.identity.require(Permission.EDIT_SETTINGS, "setting")
        return await self._write(option, option.default, remove=True)

    def set_now(self, option: Option[T], value: T) -> Change:
        """Blocking :meth:`set` for the CLI and tests (no event loop running)."""
        import asyncio

        return asyncio.run(self.set(option, value))

    async def write(self, option: Option[T], value: T, by: Identity | None = None) -> Change:
        """Validated and audited (as *by*, else this service's identity), for a caller
        that checked the permission itself."""
        return await self._write(option, option.validate(value), remove=False, by=by)

    async def _write(
        self, option: Option[Any], value: Any, *, remove: bool, by: Identity | None = None
    ) -> Change:
        from console.services.identity import Record

        config = self.config
        console = option.scope is Scope.CONSOLE
        previous_file: dict[str, Any] | None = None

        await self._ensure_migrated()

        def change(repos: Repositories) -> Change:
            nonlocal previous_file
            before = read(repos, option, config)
            if console:
                previous_file = config.put(option.key, None if remove else value)
            elif remove:
                repos.settings.delete(option.key)
            else:
                repos.settings.put(option.key, value)
            return Change(option, before, value)

        def records(result: Change) -> list[Record]:
            return [
                Record(
                    "reset" if remove else "update",
                    "setting",
                    option.key,
                    fields={option.key: [result.before, result.after]},
                    detail=f"scope: {option.scope.value}",
                )
            ]

        try:
            result = await (by or self.identity).apply(change, records)
        except BaseException:
            # The audit entry did not commit: put this computer's file back as it was.
            if previous_file is not None:
                config.save(previous_file)
            raise
        for listener in list(self.listeners):
            listener(result)
        return result

    async def record_console_change(
        self, option: Option[Any], before: Any, after: Any, *, reset: bool = False
    ) -> None:
        """A console's own setting, changed on that console (team mode: its file is not
        here): EDIT_SETTINGS is checked (a refusal audited) and the change audited, as
        :meth:`set` does on a desk."""
        if option.scope is not Scope.CONSOLE:
            raise ValueError(f"{option.key} is not a console's own setting")
        await self.identity.require(Permission.EDIT_SETTINGS, "setting")
        after = option.default if reset else option.validate(after)
        await self.identity.record(
            "reset" if reset else "update",
            "setting",
            option.key,
            fields={option.key: [option.coerce(before), after]},
            detail=f"scope: {option.scope.value}",
        )

    async def loyalty_rule(self) -> LoyaltyRule:
        return LoyaltyRule(
            every=await self.get(LOYALTY_EVERY),
            category=await self.get(LOYALTY_CATEGORY),
            reward=await self.get(LOYALTY_REWARD),
        )
