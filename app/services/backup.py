"""Backups and restore (SPEC § 8).

A backup file (`*.tnldbak`) is a zip holding `manifest.json` (format, unit, time, SHA-256 of each member),
`keys.json` (the wrapped key: no personal data) and `tnld.db` (a page copy of the database, still encrypted
with the database key). So a backup reveals no name or ID number, and opens with the passwords that were valid
when it was made. Automatic backups go to `backups/auto/`, at most one a day, the last 14 kept.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from app import __version__
from app.core.errors import UserError
from app.core.fsutil import atomic_writer, fsync_dir, input_file, is_disk_full, make_private, private_folder
from app.core.messages import Ref
from app.db.audit import AuditLog
from app.db.connection import CopyCancelled, DatabaseError, WrongKey, connect, copy_database, integrity_errors
from app.db.keyfile import KeyFile, WrongSecret
from app.services.workspace import DataDir, Session

log = logging.getLogger(__name__)

FORMAT = "tnld-backup"
VERSION = 1
AUTO_KEEP = 14
AUTO_INTERVAL = dt.timedelta(hours=24)
MAX_MEMBER = 8 * 1024**3
MAX_BACKUP = 2 * MAX_MEMBER


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_backup(session: Session, out: Path, kind: str = "manual", progress=None, cancel=None) -> Path:
    """Write a backup of the open database to *out* (atomically). The audit row is part of the copy.

    *progress(done, total)* follows the pages copied; *cancel()* returning true stops it, leaving no file."""
    out = Path(out)
    try:
        with session.db.atomic():
            session.audit.append(session.user, "backup", "file", out.name, {"kind": kind})
    except DatabaseError as exc:
        # A full data disk is when a backup to another disk matters most: make it, without its audit row.
        session.audit.forget_head()
        if not is_disk_full(exc):
            raise
        log.warning("backup not recorded in the audit log: the data disk is full")
    keyfile = session.datadir.keyfile()
    # The copy is made beside the backup file, on its disk (it is encrypted): the data disk may be the full one.
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=".backup-") as temp:
        db_copy = Path(temp) / "tnld.db"
        try:
            copy_database(session.db, db_copy, session.key, progress, cancel)
        except CopyCancelled:
            with session.db.atomic():
                session.audit.append(session.user, "backup_cancelled", "file", out.name, {"kind": kind})
            raise UserError("operation.cancelled") from None
        keys = keyfile.to_bytes()
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "app_version": __version__,
            "role": session.role,
            "unit": session.unit,
            "kind": kind,
            "files": {"keys.json": hashlib.sha256(keys).hexdigest(), "tnld.db": _sha256_file(db_copy)},
        }
        with atomic_writer(out) as handle, zipfile.ZipFile(handle, "w", zipfile.ZIP_STORED) as archive:
            archive.writestr("manifest.json", json.dumps(manifest, indent=1))
            archive.writestr("keys.json", keys)
            archive.write(db_copy, "tnld.db")
    log.info("backup written (%s)", kind)
    return out


def auto_backup(session: Session, now: dt.datetime | None = None) -> Path | None:
    """Make the daily backup if the newest one is older than a day; keep the last 14. Returns the new file."""
    folder = private_folder(session.datadir.backups / "auto")
    now = now or dt.datetime.now()

    def by_time() -> list[Path]:
        return sorted(folder.glob("tnld-*.tnldbak"), key=lambda p: (p.stat().st_mtime, p.name))

    existing = by_time()
    if existing:
        newest = dt.datetime.fromtimestamp(existing[-1].stat().st_mtime)
        # Old PCs lose their clock when the CMOS battery dies: a clock that went back makes a backup due too.
        if dt.timedelta(0) <= now - newest < AUTO_INTERVAL:
            return None
    path = folder / f"tnld-{now:%Y%m%d-%H%M%S}.tnldbak"
    write_backup(session, path, kind="auto")
    stamp = now.timestamp()
    os.utime(path, (stamp, stamp))
    for old in by_time()[:-AUTO_KEEP]:
        if old != path:
            old.unlink(missing_ok=True)
    return path


@dataclass(frozen=True)
class RestoreResult:
    unit: str
    created_at: str
    accidents: int
    saved_copy: Path | None


def _read_backup(path: Path, temp: Path) -> tuple[dict, KeyFile, Path]:
    path = input_file(path, MAX_BACKUP)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        from app.core.filekinds import wrong_kind

        raise wrong_kind(path, expected=("backup",), quiet=("zip", "other", "json", "empty")) or UserError(
            "backup.not_backup", path=str(path), reason=str(exc)) from exc
    with archive:
        names = archive.namelist()
        if sorted(names) != ["keys.json", "manifest.json", "tnld.db"]:
            raise UserError("backup.not_backup", path=str(path), reason=", ".join(names))
        if any(info.file_size > MAX_MEMBER for info in archive.infolist()):
            raise UserError("backup.damaged", path=str(path), reason="member too large")
        if archive.getinfo("manifest.json").file_size > 1024**2 or archive.getinfo("keys.json").file_size > 1024**2:
            raise UserError("backup.damaged", path=str(path), reason="member too large")
        try:
            manifest = json.loads(archive.read("manifest.json"))
            keys = archive.read("keys.json")
            archive.extract("tnld.db", temp)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
            # bad CRC, truncated, not JSON, an unknown compression method, zip passwords: all mean damaged
            if isinstance(exc, OSError) and is_disk_full(exc):
                raise
            raise UserError("backup.damaged", path=str(path), reason=str(exc)) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise UserError("backup.not_backup", path=str(path), reason="no TNLĐ manifest")
    if manifest.get("version") != VERSION:
        raise UserError("db.newer", names=f"backup format {manifest.get('version')}")
    db_file = temp / "tnld.db"
    make_private(db_file)
    files = manifest.get("files")
    if (not isinstance(files, dict) or not isinstance(manifest.get("created_at"), str)
            or files.get("keys.json") != hashlib.sha256(keys).hexdigest() or files.get("tnld.db") != _sha256_file(db_file)):
        raise UserError("backup.damaged", path=str(path), reason="checksum mismatch")
    try:
        keyfile = KeyFile.from_data(temp / "keys.json", json.loads(keys))
    except (ValueError, RecursionError) as exc:
        raise UserError("backup.damaged", path=str(path), reason=str(exc)) from exc
    return manifest, keyfile, db_file


def restore(data_dir: Path, backup: Path, user: str | None, password: str) -> RestoreResult:
    """Replace the data folder's database by the backup's, after checking it completely.

    The user must be an admin in the backup, with the password valid in it. The current database is first
    copied to `backups/before-restore-…` so that a restore never loses a record either.
    """
    datadir = DataDir(Path(data_dir))
    backup = Path(backup)
    private_folder(datadir.path)
    with tempfile.TemporaryDirectory(dir=datadir.path, prefix=".restore-") as temp_name:
        temp = Path(temp_name)
        manifest, keyfile, db_file = _read_backup(backup, temp)
        if datadir.is_initialised():
            current_unit = datadir.keyfile().unit
            if current_unit != manifest.get("unit"):
                raise UserError("backup.other_unit", backup_unit=manifest.get("unit"), unit=current_unit)
        user = user or keyfile.default_user
        try:
            key = keyfile.unlock(user, password)
        except WrongSecret:
            raise UserError("login.failed") from None
        except (KeyError, ValueError, TypeError, AttributeError, MemoryError) as exc:  # a key wrap that is not one
            raise UserError("backup.damaged", path=str(backup), reason="keys.json") from exc
        try:
            db = connect(db_file, key)
        except WrongKey as exc:
            raise UserError("backup.damaged", path=str(backup), reason=str(exc)) from exc
        try:
            problems = integrity_errors(db)
            if problems:
                raise UserError("backup.damaged", path=str(backup), reason="; ".join(problems[:3]))
            row = db.execute("SELECT role, active FROM users WHERE name = ?", (user,)).fetchone()
            if row is None or not row[1]:
                raise UserError("login.failed")
            if row[0] != "admin":
                raise UserError("role.forbidden", user=user, role=row[0], action=Ref("action.restore"), needed="admin")
            accidents = db.execute("SELECT count(*) FROM accidents").fetchone()[0]
            with db.atomic():
                AuditLog(db).append(user, "restore", "file", backup.name, {"backup_created_at": manifest["created_at"]})
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            db.close()
        saved_copy = _save_current(datadir)
        # The old WAL belongs to the old database: it must not be replayed into the restored one.
        for suffix in ("-wal", "-shm"):
            Path(str(datadir.db_path) + suffix).unlink(missing_ok=True)
        os.replace(db_file, datadir.db_path)
        fsync_dir(datadir.path)
        keyfile.path = datadir.keyfile_path
        keyfile.save()
    log.info("restored a backup of %s", manifest["created_at"])
    return RestoreResult(manifest["unit"], manifest["created_at"], accidents, saved_copy)


def _save_current(datadir: DataDir) -> Path | None:
    """Copy the current database files (with their WAL) aside before they are replaced."""
    if not datadir.db_path.exists():
        return None
    target = private_folder(datadir.backups / f"before-restore-{dt.datetime.now():%Y%m%d-%H%M%S}")
    for name in ("tnld.db", "tnld.db-wal", "keys.json"):
        source = datadir.path / name
        if source.exists():
            shutil.copy2(source, target / name)
            make_private(target / name)
    with contextlib.suppress(OSError):
        fsync_dir(target)
    return target
