"""Background work for widgets: strong references, preemption by name, one error route.

Every coroutine a widget starts goes through :class:`Tasks`: it keeps the task alive,
cancels the previous task of the same name (search-as-you-type), and reports
exceptions to one handler that logs them and tells the user.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

log = logging.getLogger(__name__)

ErrorHandler = Callable[[BaseException], None]


class Tasks:
    def __init__(self, on_error: ErrorHandler | None = None) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()
        self._named: dict[str, asyncio.Task[Any]] = {}
        self.on_error = on_error

    def start(
        self, coro: Coroutine[Any, Any, Any], *, name: str | None = None
    ) -> asyncio.Task[Any]:
        if name is not None:
            previous = self._named.pop(name, None)
            if previous is not None and not previous.done():
                previous.cancel()
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        if name is not None:
            self._named[name] = task
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        for key, value in list(self._named.items()):
            if value is task:
                del self._named[key]
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            log.error("background task failed", exc_info=exc)
            if self.on_error is not None:
                self.on_error(exc)

    @property
    def pending(self) -> int:
        return sum(1 for t in self._tasks if not t.done())

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()
