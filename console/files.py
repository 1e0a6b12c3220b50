"""Every file the app writes is whole and private.

Exports, backups, phrasebook exports, PDFs and CSVs are written to a temporary file in the
target's folder, flushed to disk (``fsync``) and renamed over the target in one step, so
the target is always either the old file or the complete new one — a full disk, a crash
or ``kill -9`` half-way leaves the old file as it was (and no ``.partial`` behind unless
the process itself was killed).

Files are created 0600 and the folders this module creates 0700, whatever the umask:
customer data is readable by the user who runs the console only. The database and its
``-wal``/``-shm`` companions are made 0600 after SQLite creates them
(:func:`make_private`).

This is the lowest layer that does file I/O (plain standard library), so storage,
services, the command line and the window all use it.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, TextIO, cast

FILE_MODE = 0o600
FOLDER_MODE = 0o700

#: The one call that puts bytes into a file being written (tests make it fail with ENOSPC).
_write = os.write


class WriteFailed(OSError):
    """A file could not be written; the target was left as it was. ``str()`` is one
    sentence for the user; ``path`` and ``reason`` (the English words of :func:`reason_for`,
    or the system's) let the command line and the window say it in the reader's language
    (``console.domain.messages.write_failed``); ``not_a_file`` when the target is a folder
    or a device."""

    def __init__(
        self,
        errno_: int | None,
        text: str,
        path: str = "",
        reason: str = "",
        *,
        not_a_file: bool = False,
    ) -> None:
        super().__init__(errno_, text)
        self.path = path
        self.reason = reason
        self.not_a_file = not_a_file

    def __str__(self) -> str:
        return str(self.strerror)


def reason_for(exc: OSError) -> str:
    """Why *exc* stopped a write, in a few English words (the system's for a rare error)."""
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EROFS: "the disk is read-only",
        errno.ENOENT: "the folder does not exist",
        errno.EISDIR: "it is a folder",
        errno.ENOTDIR: "a part of the path is not a folder",
        errno.ENAMETOOLONG: "the name is too long",
    }
    return reasons.get(exc.errno or 0) or (exc.strerror or str(exc)).rstrip(".")


def describe(exc: OSError, path: Path | str) -> str:
    """One sentence for *exc* raised while writing *path* (the old file is untouched)."""
    reason = reason_for(exc)
    return f"{path} was not written: {reason}; any previous file there was left unchanged."


def write_failed(exc: OSError, path: Path | str) -> WriteFailed:
    """:class:`WriteFailed` for *exc* raised while writing *path*."""
    return WriteFailed(exc.errno, describe(exc, path), str(path), reason_for(exc))


def private_folder(folder: Path | str) -> Path:
    """Create *folder* (and missing parents) 0700; existing folders keep their mode."""
    folder = Path(folder)
    missing: list[Path] = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for part in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(part, FOLDER_MODE)
            os.chmod(part, FOLDER_MODE)  # mkdir's mode is masked by the umask
    return folder


def make_private(*paths: Path | str) -> None:
    """Set existing files among *paths* to 0600 (the database, its WAL, a backup)."""
    for path in paths:
        with contextlib.suppress(OSError):  # missing, or not ours to change: best effort
            if stat.S_IMODE(os.stat(path).st_mode) != FILE_MODE:
                os.chmod(path, FILE_MODE)


def database_files(path: Path | str) -> list[Path]:
    """A SQLite database and the companions SQLite keeps beside it."""
    path = Path(path)
    return [path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))]


def fsync_folder(folder: Path | str) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a directory
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class _FdWriter(io.RawIOBase):
    """A raw file over an open descriptor whose writes all go through :data:`_write`."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        return _write(self.fd, data)

    def fileno(self) -> int:
        return self.fd


@contextlib.contextmanager
def temporary_beside(path: Path | str, *, create_folder: bool = False) -> Iterator[Path]:
    """A new empty 0600 file in *path*'s folder for writers that need a name (SQLite,
    QPdfWriter). On success it is fsynced and renamed over *path*; on error removed.
    A missing folder is an error unless *create_folder* (then it is made 0700)."""
    target = Path(path)
    if target.is_symlink():  # write the file it points to; never replace the link itself
        target = target.resolve()
    if target.exists() and not target.is_file():
        # Renaming over a device (as root: /dev/full, /dev/null) or a folder would replace
        # it; a pipe or a terminal cannot be written all-or-nothing either.
        raise WriteFailed(
            errno.EINVAL,
            f"{path} was not written: it is a folder or a device, not a file; "
            "nothing there was changed.",
            str(path),
            not_a_file=True,
        )
    folder = target.parent
    try:
        if create_folder:
            private_folder(folder)
        fd, name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".partial")
    except OSError as exc:
        raise write_failed(exc, target) from None
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        make_private(temp)
        with open(temp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(temp, target)
        fsync_folder(folder)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError) and not isinstance(exc, WriteFailed):
            raise write_failed(exc, target) from None
        raise


@contextlib.contextmanager
def atomic_open(
    path: Path | str,
    *,
    encoding: str = "utf-8",
    newline: str | None = None,
    create_folder: bool = False,
) -> Iterator[TextIO]:
    """Open *path* for writing text, all or nothing: ``with atomic_open(p) as fh: ...``.

    The new content replaces the file only when the block ends without an error; an
    OSError (full disk) becomes :class:`WriteFailed` with one sentence, and the old file
    stays.
    """
    with _atomic_binary(Path(path), create_folder) as raw:
        text = io.TextIOWrapper(cast(IO[bytes], raw), encoding=encoding, newline=newline)
        try:
            yield text
            text.flush()
        finally:
            text.detach()  # the binary writer below flushes, syncs and closes


@contextlib.contextmanager
def _atomic_binary(path: Path, create_folder: bool) -> Iterator[io.BufferedWriter]:
    with temporary_beside(path, create_folder=create_folder) as temp:
        fd = os.open(temp, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_BINARY", 0))
        buffered = io.BufferedWriter(cast(Any, _FdWriter(fd)))
        try:
            yield buffered
            buffered.flush()
            os.fsync(fd)
        finally:
            with contextlib.suppress(OSError, ValueError):
                buffered.close()  # after a failed write its flush fails again: ignored
            os.close(fd)


def write_bytes(path: Path | str, data: bytes, *, create_folder: bool = False) -> None:
    """Replace *path* with *data*, all or nothing (see :func:`atomic_open`)."""
    with _atomic_binary(Path(path), create_folder) as fh:
        fh.write(data)


def write_text(
    path: Path | str, text: str, *, encoding: str = "utf-8", create_folder: bool = False
) -> None:
    """Replace *path* with *text*, all or nothing (see :func:`atomic_open`)."""
    with atomic_open(path, encoding=encoding, newline="", create_folder=create_folder) as fh:
        fh.write(text)
