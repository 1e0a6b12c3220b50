"""``service-console backup`` and ``service-console restore``."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from console.cli_staff import add_as
from console.domain import messages as m
from console.domain.clock import SystemClock
from console.services.wording import error_text, say

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2

AddDb = Callable[[argparse.ArgumentParser], None]


def add_parsers(sub: Any, add_db: AddDb) -> None:
    backup = sub.add_parser(
        "backup", help="copy the database (safe while the app runs) and check the copy"
    )
    add_db(backup)
    add_as(backup)
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
    add_as(restore)
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
    """Managers and admins only (``--as``); audited; the audit trail is verified too."""
    from console.cli_staff import act_as
    from console.domain.roles import NotAllowed, Permission
    from console.services.backup import BackupFailed, BackupService
    from console.services.paths import resolve_db_path
    from console.services.settings import SettingsService
    from console.services.staff import SignInRefused
    from console.wiring.desk import open_runner
    from console.wiring.local import this_computer

    runner = open_runner(resolve_db_path(args.db))
    try:
        identity = act_as(runner, args.actor, Permission.BACK_UP, "database")
        settings = SettingsService(runner, this_computer(), identity)
        service = BackupService(runner, settings, files=runner.files, identity=identity)
        target = Path(args.output) if args.output else None
        result = asyncio.run(service.backup_now(target=target))
    except (BackupFailed, SignInRefused, NotAllowed) as exc:
        print(error_text(exc), file=sys.stderr)
        return EXIT_REJECTED
    finally:
        runner.close()
    out.write(say(m.BackedUp(f"{result.customers:,}", str(result.path), f"{result.size:,}")) + "\n")
    if not result.trail_intact:
        print(say(m.BackupTrailBroken(result.trail_problems)), file=sys.stderr)
    return EXIT_OK


def _authorise_restore(args: argparse.Namespace, db: Path) -> None:
    """Sign in and require the restore right in the database at *db*."""
    from console.cli_staff import act_as
    from console.domain.roles import Permission
    from console.wiring.desk import open_runner

    runner = open_runner(db)
    try:
        act_as(runner, args.actor, Permission.RESTORE, "database")
    finally:
        runner.close()


def _record_restore(live: Path, args: argparse.Namespace, customers: int) -> None:
    """The restore's audit entry goes into the restored database (the one in use now)."""
    from console.cli_staff import _services
    from console.services.identity import Identity
    from console.services.staff import staff_member
    from console.wiring.desk import open_runner

    runner = open_runner(live)
    try:
        staff, _audit = _services(runner)
        member = staff_member(runner, args.actor)
        if member is not None:
            from console.domain.staff import Session

            staff.session = Session(member, SystemClock().utc())
        identity = Identity(runner, staff=staff)
        asyncio.run(
            identity.record(
                "restore",
                "database",
                fields={"customers": customers, "file": Path(args.file).name},
                detail=f"restored by {args.actor}",
            )
        )
    finally:
        runner.close()


def cmd_restore(args: argparse.Namespace, out: TextIO) -> int:
    from console.domain.roles import NotAllowed
    from console.services.backup import RestoreRefused, backup_name
    from console.services.paths import resolve_db_path
    from console.services.staff import SignInRefused
    from console.wiring.desk import DamagedDatabaseError, DatabaseRunner, choose_key

    live = resolve_db_path(args.db)
    key = choose_key(live)
    files = DatabaseRunner(live, key).files  # the files only: nothing is opened
    try:
        info = files.check(Path(args.file))
    except RestoreRefused as exc:
        print(error_text(exc), file=sys.stderr)
        return EXIT_REJECTED
    if not args.yes:
        sound = m.SoundBackup(args.file, f"{info.customers:,}", "--yes", str(live))
        print(say(sound), file=sys.stderr)
        return EXIT_USAGE
    # Who may restore is decided by the database in use; when there is none (a lost
    # disk), by the restored one — removed again if the answer is no.
    existed = live.exists()
    if existed:
        try:
            _authorise_restore(args, live)
        except (SignInRefused, NotAllowed) as exc:
            print(error_text(exc), file=sys.stderr)
            return EXIT_REJECTED
        except DamagedDatabaseError:
            existed = False  # a damaged database cannot say who may: the restored one does
    safety = live.parent / "backups" / backup_name(SystemClock().local_naive(), "before-restore")
    try:
        restored = files.restore(Path(args.file), safety)
    except RestoreRefused as exc:
        print(error_text(exc), file=sys.stderr)
        return EXIT_REJECTED
    if key is not None and key.raw is not None:
        from console.wiring.desk import remember_key

        remember_key(live, key.raw)  # a fresh file (the damaged one was set aside) has a new salt
    if not existed:
        try:
            _authorise_restore(args, live)
        except (SignInRefused, NotAllowed) as exc:
            for leftover in (live, *(live.with_name(live.name + s) for s in ("-wal", "-shm"))):
                leftover.unlink(missing_ok=True)
            print(say(m.NothingRestored(error_text(exc))), file=sys.stderr)
            return EXIT_REJECTED
    _record_restore(live, args, info.customers)
    said: list[m.Message] = [m.Restored(f"{info.customers:,}", str(live))]
    if safety.exists():
        said.append(m.RestoredSavedPrevious(str(safety)))
    if restored.erased_again:
        said.append(m.RestoredErasedAgain(len(restored.erased_again)))
    out.write("".join(say(part) for part in said) + "\n")
    return EXIT_OK


def cmd_encrypt(args: argparse.Namespace, out: TextIO) -> int:
    from console.services.paths import resolve_db_path
    from console.wiring.desk import encrypt_database

    passphrase = None
    if args.passphrase_stdin:
        passphrase = sys.stdin.readline().rstrip("\r\n")
        if len(passphrase) < 10:
            print(say(m.PassphraseTooShort(10)), file=sys.stderr)
            return EXIT_REJECTED
    report = encrypt_database(resolve_db_path(args.db), passphrase)
    done = m.EncryptedWithPassphrase if passphrase else m.EncryptedWithKeychain
    out.write(say(done(str(report.path), report.tables, f"{report.rows:,}")) + "\n")
    return EXIT_OK
