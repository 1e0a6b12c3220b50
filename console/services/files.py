"""Writing files whole and private, for the window and the command line.

The atomic writer lives in storage (:mod:`console.storage.files`: the lowest layer that
does file I/O, used by backups and the console's config file too); widgets and commands
reach it here, so that they never import storage.
"""

from __future__ import annotations

from console.storage.files import (
    WriteFailed,
    atomic_open,
    describe,
    private_folder,
    temporary_beside,
    write_bytes,
    write_text,
)

__all__ = [
    "WriteFailed",
    "atomic_open",
    "describe",
    "private_folder",
    "temporary_beside",
    "write_bytes",
    "write_text",
]
