"""Worker processes that end with their parent.

Imports parse and demo fills generate in spawned worker processes. When the console is
killed (``kill -9``, a crash, a power button held down on a frozen desktop), nothing
tells such a worker to stop: it waits on its task queue forever, and keeps the
multiprocessing resource tracker alive with it (the tracker ends once every process
holding its pipe is gone). :func:`watch_parent` is the initializer of every such pool:

* on Linux, the kernel sends the worker SIGKILL when the thread that started it ends
  (``prctl(PR_SET_PDEATHSIG)``; the pools here live inside one job of the database
  thread, which outlives them);
* everywhere, a daemon thread checks twice a second whether the parent is still the
  parent (an orphan is re-parented, so ``os.getppid()`` changes) and ends the process.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time

#: How often the fallback thread looks at the parent, in seconds.
POLL_SECONDS = 0.5
_PR_SET_PDEATHSIG = 1


def _die_with_parent_linux() -> None:
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)


def _poll(parent: int) -> None:
    while True:
        time.sleep(POLL_SECONDS)
        if os.getppid() != parent:
            os._exit(1)  # the parent is gone: nobody will read what this process makes


def watch_parent(parent: int | None = None) -> None:
    """End this (worker) process when its parent process dies. *parent*: the pid the
    parent had when it started the worker (default: the current parent)."""
    expected = parent if parent is not None else os.getppid()
    if expected == os.getpid():
        return  # run in the parent itself (a pool stand-in): nothing to watch
    if sys.platform.startswith("linux"):
        _die_with_parent_linux()
    if os.getppid() != expected:  # the parent died before the watch started
        os._exit(1)
    threading.Thread(target=_poll, args=(expected,), name="watch-parent", daemon=True).start()
