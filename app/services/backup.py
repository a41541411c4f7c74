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
from app.core.fsutil import atomic_writer, fsync_dir
from app.core.messages import Ref
from app.core.progress import Cancel, Cancelled, Progress, Steps
from app.db.audit import AuditLog
from app.db.connection import (
    CopyCancelled,
    WrongKey,
    connect,
    copy_database,
    integrity_errors,
    write_transaction,
)
from app.db.folderlock import exclusive_access
from app.db.keyfile import KeyFile, WrongSecret
from app.services.workspace import DataDir, Session

log = logging.getLogger(__name__)

FORMAT = "tnld-backup"
VERSION = 1
AUTO_KEEP = 14
AUTO_INTERVAL = dt.timedelta(hours=24)
MAX_MEMBER = 8 * 1024**3


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_backup(session: Session, out: Path, kind: str = "manual", overwrite: bool = False,
                 progress: Progress | None = None, cancel: Cancel | None = None) -> Path:
    """Write a backup of the open database to *out* (atomically); an existing *out* is refused unless *overwrite*.

    The copy holds its own audit row: the row is added to the copy, then, once the file is complete, to the
    database with the same time (so with the same hash, unless another change came in between). *progress(done,
    total)* follows the pages copied and the file written; a cancel raises `Cancelled` and leaves no file and no
    audit row."""
    out = Path(out)
    if out.is_dir():
        raise UserError("file.not_file", path=str(out))
    if out.exists() and not overwrite:
        raise UserError("file.exists", path=str(out))
    steps = Steps(progress, cancel, 1000)
    keyfile = session.datadir.keyfile()
    detail = {"kind": kind}
    with tempfile.TemporaryDirectory(dir=session.datadir.path, prefix=".backup-") as temp:
        db_copy = Path(temp) / "tnld.db"
        try:
            copy_database(session.db, db_copy, session.key, steps.part(800), cancel)
        except CopyCancelled:
            raise Cancelled() from None
        at = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
        _audit_copy(db_copy, session.key, session.user, out.name, detail, at)
        steps.check()
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
        written = steps.part(200)
        size = db_copy.stat().st_size
        with atomic_writer(out) as handle, zipfile.ZipFile(handle, "w", zipfile.ZIP_STORED) as archive:
            archive.writestr("manifest.json", json.dumps(manifest, indent=1))
            archive.writestr("keys.json", keys)
            with archive.open(zipfile.ZipInfo.from_file(db_copy, "tnld.db"), "w") as member, \
                    db_copy.open("rb") as source:
                for block in iter(lambda: source.read(4 << 20), b""):
                    member.write(block)
                    written(source.tell(), size)  # asks cancel too: a cancel leaves no file
    try:
        with session.transaction():
            session.audit.append(session.user, "backup", "file", out.name, detail, at=at)
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    steps.finish()
    log.info("backup written (%s)", kind)
    return out


def _audit_copy(db_copy: Path, key: bytes, user: str, name: str, detail: dict, at: str) -> None:
    """Add the backup's audit row to the copy itself, and fold the copy's write-ahead log into its file."""
    db = connect(db_copy, key)
    try:
        with write_transaction(db):
            AuditLog(db).append(user, "backup", "file", name, detail, at=at)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()


def auto_backup(session: Session, now: dt.datetime | None = None) -> Path | None:
    """Make the daily backup if the newest one is older than a day; keep the last 14. Returns the new file."""
    folder = session.datadir.backups / "auto"
    folder.mkdir(parents=True, exist_ok=True)
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
    write_backup(session, path, kind="auto", overwrite=True)
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
    if not path.exists():
        raise UserError("file.missing", path=str(path))
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise UserError("backup.not_backup", path=str(path), reason=str(exc)) from exc
    with archive:
        names = archive.namelist()
        if sorted(names) != ["keys.json", "manifest.json", "tnld.db"]:
            raise UserError("backup.not_backup", path=str(path), reason=", ".join(names))
        if any(info.file_size > MAX_MEMBER for info in archive.infolist()):
            raise UserError("backup.damaged", path=str(path), reason="member too large")
        try:
            manifest = json.loads(archive.read("manifest.json"))
            keys = archive.read("keys.json")
            archive.extract("tnld.db", temp)
        except (zipfile.BadZipFile, json.JSONDecodeError, OSError, ValueError) as exc:
            raise UserError("backup.damaged", path=str(path), reason=str(exc)) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise UserError("backup.not_backup", path=str(path), reason="no TNLĐ manifest")
    if manifest.get("version") != VERSION:
        raise UserError("db.newer", names=f"backup format {manifest.get('version')}")
    db_file = temp / "tnld.db"
    files = manifest.get("files", {})
    if files.get("keys.json") != hashlib.sha256(keys).hexdigest() or files.get("tnld.db") != _sha256_file(db_file):
        raise UserError("backup.damaged", path=str(path), reason="checksum mismatch")
    try:
        keyfile = KeyFile.from_data(temp / "keys.json", json.loads(keys))
    except json.JSONDecodeError as exc:
        raise UserError("backup.damaged", path=str(path), reason=str(exc)) from exc
    return manifest, keyfile, db_file


def restore(data_dir: Path, backup: Path, user: str | None, password: str) -> RestoreResult:
    """Replace the data folder's database by the backup's, after checking it completely.

    The user must be an admin in the backup, with the password valid in it. The current database is first
    copied to `backups/before-restore-…` so that a restore never loses a record either.
    """
    datadir = DataDir(Path(data_dir))
    backup = Path(backup)
    datadir.path.mkdir(parents=True, exist_ok=True)
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
            with write_transaction(db):
                AuditLog(db).append(user, "restore", "file", backup.name, {"backup_created_at": manifest["created_at"]})
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            db.close()
        # Nobody may have the database open while it is replaced: a session still writing would lose its work
        # into the old file (an `add` reported done and lost). Wait briefly for them, else refuse.
        with exclusive_access(datadir.path):
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
    target = datadir.backups / f"before-restore-{dt.datetime.now():%Y%m%d-%H%M%S}"
    target.mkdir(parents=True, exist_ok=True)
    for name in ("tnld.db", "tnld.db-wal", "keys.json"):
        source = datadir.path / name
        if source.exists():
            shutil.copy2(source, target / name)
    with contextlib.suppress(OSError):
        fsync_dir(target)
    return target
