"""``service-console backup`` and ``service-console restore``."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from console.domain.clock import SystemClock

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2

AddDb = Callable[[argparse.ArgumentParser], None]


def add_parsers(sub: Any, add_db: AddDb) -> None:
    backup = sub.add_parser(
        "backup", help="copy the database (safe while the app runs) and check the copy"
    )
    add_db(backup)
    backup.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="where to write (default: a dated file in the backups folder)",
    )
    restore = sub.add_parser(
        "restore",
        help="replace the database with a checked backup (the current one is saved first)",
    )
    add_db(restore)
    restore.add_argument("file", metavar="FILE", help="the backup to restore")
    restore.add_argument(
        "--yes", action="store_true", help="really replace the database (close the app first)"
    )
    encrypt = sub.add_parser(
        "encrypt",
        help="encrypt a plain database (key kept in the keychain); close the app first",
    )
    add_db(encrypt)
    encrypt.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="use a passphrase read from stdin instead of a key in the keychain",
    )


def cmd_backup(args: argparse.Namespace, out: TextIO) -> int:
    from console.cli import _open
    from console.services.backup import BackupService
    from console.services.settings import SettingsService
    from console.storage.backup import BackupFailed, backup_to

    runner = _open(args.db)
    try:
        if args.output:
            info = runner.call(backup_to, Path(args.output))
        else:
            info = asyncio.run(BackupService(runner, SettingsService(runner)).backup_now())
    except BackupFailed as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_REJECTED
    finally:
        runner.close()
    out.write(f"backed up {info.customers:,} customers to {info.path} ({info.size:,} bytes)\n")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, out: TextIO) -> int:

    from console.services.database_access import choose_key
    from console.services.paths import resolve_db_path
    from console.storage.backup import RestoreRefused, backup_name, check_backup, restore_into

    live = resolve_db_path(args.db)
    key = choose_key(live)
    try:
        info = check_backup(args.file, key)
    except RestoreRefused as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_REJECTED
    if not args.yes:
        print(
            f"{args.file} is a sound backup ({info.customers:,} customers); add --yes to "
            f"replace {live} with it (close the app first)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    safety = live.parent / "backups" / backup_name(SystemClock().local_naive(), "before-restore")
    try:
        restore_into(args.file, live, safety, key)
    except RestoreRefused as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_REJECTED
    saved = f"; the previous database was saved to {safety}" if safety.exists() else ""
    out.write(f"restored {info.customers:,} customers into {live}{saved}\n")
    return EXIT_OK


def cmd_encrypt(args: argparse.Namespace, out: TextIO) -> int:
    from console.services.database_access import encrypt_database
    from console.services.paths import resolve_db_path

    passphrase = None
    if args.passphrase_stdin:
        passphrase = sys.stdin.readline().rstrip("\r\n")
        if len(passphrase) < 10:
            print("the passphrase needs at least 10 characters", file=sys.stderr)
            return EXIT_REJECTED
    report = encrypt_database(resolve_db_path(args.db), passphrase)
    kept = "with your passphrase" if passphrase else "with a key kept in this computer's keychain"
    out.write(
        f"encrypted {report.path} ({report.tables} tables, {report.rows:,} rows) {kept}; "
        "the plain file was overwritten and removed\n"
    )
    return EXIT_OK
