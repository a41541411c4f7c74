"""Backups and restore (SPEC § 8).

A backup file (`*.tnldbak`) is a zip holding `manifest.json` (format, unit, time, counts, SHA-256 of each member,
signed with the workstation's key), `keys.json` (the wrapped key: no personal data) and `tnld.db` (a page copy of
the database, still encrypted with the database key). So a backup reveals no name or ID number, and opens with the
passwords that were valid when it was made. Automatic backups go to `backups/auto/`, at most one a day, the last
14 kept.

Restore trusts the person, not the file: into a data folder that is set up, only a logged-in admin of that folder
restores, and only a backup of the same unit made by the same workstation (both read from inside the backup's
encrypted database, which the manifest must agree with). It is done in two steps, so that people see what they
are about to replace: `inspect_backup` (the backup's unit, date and counts against today's), then `restore`.

A power cut in a restore never leaves a folder that no key file opens: the backup's key file is written beside
today's (`keys.restore-ID.json`) before the database is replaced, and moved over `keys.json` after; the restore's
audit row, written into the restored database, names the same ID. The next login completes the restore or drops
the file (`finish_cut_restore`).
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import secrets
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from app import __version__
from app.core.errors import UserError
from app.core.fsutil import (
    atomic_write_bytes,
    atomic_writer,
    fsync_dir,
    input_file,
    is_disk_full,
    make_private,
    os_reason,
    private_folder,
    storage_error,
    unreadable,
)
from app.core.messages import Ref, role_names
from app.core.progress import Cancel, Cancelled, Progress, Steps
from app.core.progress import check as check_cancel
from app.db.audit import AuditLog
from app.db.audit import head as audit_head
from app.db.connection import (
    CopyCancelled,
    DatabaseError,
    WrongKey,
    connect,
    copy_database,
    integrity_errors,
    write_transaction,
)
from app.db.folderlock import FolderLock, exclusive_access
from app.db.keyfile import LOCK_NAME, LOCK_WAIT, KeyFile, WrongSecret
from app.exchange.identity import BadCertificate, Identity, PublicIdentity, load_certificate, phone_groups
from app.services.workspace import EXCLUSIVE_WAIT, DataDir, Session

log = logging.getLogger(__name__)

FORMAT = "tnld-backup"
VERSION = 1
AUTO_KEEP = 14
AUTO_INTERVAL = dt.timedelta(hours=24)
MAX_MEMBER = 8 * 1024**3
MAX_BACKUP = 2 * MAX_MEMBER
MAX_SMALL_MEMBER = 1024**2  # manifest.json and keys.json are read into memory
SPACE_MARGIN = 64 * 1024**2  # free space kept on the disk beyond the copies a restore makes
CHUNK = 1 << 20
PENDING_KEYS = "keys.restore-"  # + the restore's ID + ".json": the backup's key file, until the database is in place


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
    if kind != "auto":  # the automatic backups are the program's own, whoever is logged in
        session.require("action.backup", "admin")
    out = Path(out)
    if out.is_dir():
        raise UserError("file.not_file", path=str(out))
    if out.exists() and not overwrite:
        raise UserError("file.exists", path=str(out))
    from app.services.keys import own_identity

    identity = own_identity(session)  # made now if the folder predates keys: the copy then holds them
    steps = Steps(progress, cancel, 1000)
    keyfile = session.datadir.keyfile()
    detail = {"kind": kind}
    # The copy is made beside the backup file, on its disk (it is encrypted): the data disk may be the full one.
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=".backup-") as temp:
        db_copy = Path(temp) / "tnld.db"
        try:
            copy_database(session.db, db_copy, session.key, steps.part(800), cancel)
        except CopyCancelled:
            raise Cancelled() from None
        at = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
        _audit_copy(db_copy, session.key, session.user, out.name, detail, at)
        steps.check()
        keys = keyfile.to_bytes()
        copied = connect(db_copy, session.key)
        try:
            counts = _counts(copied)
        finally:
            copied.close()
        manifest = sign_manifest({
            "format": FORMAT,
            "version": VERSION,
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "app_version": __version__,
            "role": session.role,
            "unit": session.unit,
            "unit_name": session.unit_name,
            "kind": kind,
            "counts": asdict(counts),
            "files": {"keys.json": hashlib.sha256(keys).hexdigest(), "tnld.db": _sha256_file(db_copy)},
        }, identity)
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
    except DatabaseError as exc:
        # A full data disk is when a backup to another disk matters most: keep it (its copy holds the row).
        if not is_disk_full(exc):
            out.unlink(missing_ok=True)
            raise
        log.warning("backup not recorded in the audit log: the data disk is full")
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


AUTO_GLOB = "tnld-*.tnldbak"


def _automatic_folder(folder: Path) -> Path:
    return DataDir(Path(folder)).backups / "auto"


@dataclass(frozen=True)
class AutoBackup:
    path: Path
    made_at: dt.datetime  # local time (the automatic backup sets the file's time to when it was made)
    size: int


def automatic_backups(folder: Path) -> list[AutoBackup]:
    """The automatic backups kept in the data folder *folder* (`backups/auto/`), newest first. Reads no backup:
    what one holds is known only once it is opened with a password (`inspect_backup`, `inspect_damaged`)."""
    found = []
    auto = _automatic_folder(folder)
    for path in auto.glob(AUTO_GLOB) if auto.is_dir() else ():
        try:
            info = path.stat()
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode):
            found.append(AutoBackup(path, dt.datetime.fromtimestamp(info.st_mtime), info.st_size))
    return sorted(found, key=lambda backup: (backup.made_at, backup.path.name), reverse=True)


def auto_backup_due(folder: Path, now: dt.datetime | None = None) -> bool:
    """Whether `auto_backup` would make a backup now: none yet, the newest older than a day, or made "later" than
    *now* (a clock that went back). Creates nothing; cheap enough for a timer."""
    now = now or dt.datetime.now()
    newest = automatic_backups(folder)
    if not newest:
        return True
    return not dt.timedelta(0) <= now - newest[0].made_at < AUTO_INTERVAL


def auto_backup(session: Session, now: dt.datetime | None = None, *, progress: Progress | None = None,
                cancel: Cancel | None = None) -> Path | None:
    """Make the daily backup if the newest one is older than a day; keep the last 14. Returns the new file.
    *progress* and *cancel* as for `write_backup` (a cancel leaves no file)."""
    folder = private_folder(session.datadir.backups / "auto")
    now = now or dt.datetime.now()

    def by_time() -> list[Path]:
        return sorted(folder.glob(AUTO_GLOB), key=lambda p: (p.stat().st_mtime, p.name))

    # Old PCs lose their clock when the CMOS battery dies: a clock that went back makes a backup due too.
    if not auto_backup_due(session.datadir.path, now):
        return None
    path = folder / f"tnld-{now:%Y%m%d-%H%M%S}.tnldbak"
    write_backup(session, path, kind="auto", overwrite=True, progress=progress, cancel=cancel)
    stamp = now.timestamp()
    os.utime(path, (stamp, stamp))
    for old in by_time()[:-AUTO_KEEP]:
        if old != path:
            old.unlink(missing_ok=True)
    return path


@dataclass(frozen=True)
class AutoOutcome:
    path: Path | None  # the new backup; None when none was due, or it could not be made
    problem: UserError | None = None  # why it could not be made (a full disk, a folder that cannot be written)


def auto_backup_safely(session: Session, now: dt.datetime | None = None, *, progress: Progress | None = None,
                       cancel: Cancel | None = None) -> AutoOutcome:
    """The daily backup after work that is saved already (a command that changed data, the desktop window
    open for a day or closing): a backup that cannot be written is logged and returned as the problem to tell
    the user, never raised, since nothing of the saved work depends on it. A bug is raised (the crash report);
    a cancel raises `Cancelled` (no file)."""
    try:
        return AutoOutcome(auto_backup(session, now, progress=progress, cancel=cancel))
    except Cancelled:
        raise
    except Exception as exc:  # noqa: BLE001 - sorted below: only problems of the disk become a problem to tell
        problem = exc if isinstance(exc, UserError) else storage_error(exc, session.datadir.backups)
        if problem is None:
            raise
        log.warning("automatic backup not made: %s", problem.code)
        return AutoOutcome(None, problem)


def _canonical(manifest: dict) -> bytes:
    """The bytes a manifest's signature covers: every field but the signature, in canonical JSON."""
    body = {key: value for key, value in manifest.items() if key != "signature"}
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def sign_manifest(manifest: dict, identity: Identity) -> dict:
    """The manifest with the workstation's certificate and its signature over everything else."""
    signed = dict(manifest, signer=identity.public.pem())
    signed["signature"] = base64.b64encode(identity.sign(_canonical(signed))).decode("ascii")
    return signed


@dataclass(frozen=True)
class Counts:
    accidents: int
    incidents: int
    users: int


def _counts(db) -> Counts:
    def count(table: str) -> int:
        if not db[table].exists():  # a backup older than incidents
            return 0
        return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    return Counts(count("accidents"), count("incidents"), count("users"))


def _fingerprint(db) -> str | None:
    """The fingerprint of the workstation's certificate held in *db*, or None (a folder older than keys).
    Raises ValueError when the certificate there cannot be read."""
    if not db["own_keys"].exists():
        return None
    row = db.execute("SELECT certificate FROM own_keys WHERE id = 1").fetchone()
    if row is None:
        return None
    try:
        return load_certificate(str(row[0]).encode("ascii")).fingerprint
    except (BadCertificate, UnicodeEncodeError) as exc:
        raise ValueError(str(exc)) from None


@dataclass(frozen=True)
class BackupInfo:
    """What a backup holds, read from inside its encrypted database, and what it would replace."""

    path: Path
    unit: str
    unit_name: str
    role: str
    created_at: str  # from the (signed) manifest
    app_version: str
    kind: str
    counts: Counts
    user: str  # the user whose password opened it
    digest: str  # SHA-256 of its database: `restore(confirmed=info)` refuses a file changed since
    signed: bool  # the manifest carries a valid signature by the key inside the database
    fingerprint: str | None  # the workstation key the database holds
    replaces: bool  # the data folder has a database that a restore replaces
    current: Counts | None = None  # today's counts in the data folder (None when it cannot be read)
    current_unit: str | None = None
    current_unit_name: str | None = None
    warnings: tuple[str, ...] = field(default=())  # message codes


@dataclass(frozen=True)
class RestoreResult:
    info: BackupInfo
    saved_copy: Path | None

    @property
    def unit(self) -> str:
        return self.info.unit

    @property
    def created_at(self) -> str:
        return self.info.created_at

    @property
    def accidents(self) -> int:
        return self.info.counts.accidents


class _Steps:
    """One progress bar over several steps: each step reports its own bytes, offset by the steps before it."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.offset = progress, max(total, 1), 0

    def report(self, done: int) -> None:
        if self.progress is not None:
            self.progress(min(self.offset + done, self.total), self.total)

    def finish(self) -> None:
        """The end (today's database may have shrunk since it was measured: its WAL is folded in on closing)."""
        if self.progress is not None:
            self.progress(self.total, self.total)


def _copy_file(source, target: Path, steps: _Steps, cancel: Cancel | None) -> str:
    """Copy an open binary file into *target* in blocks, fsynced; returns its SHA-256."""
    digest = hashlib.sha256()
    done = 0
    with target.open("wb") as sink:
        while True:
            check_cancel(cancel)
            block = source.read(CHUNK)
            if not block:
                break
            sink.write(block)
            digest.update(block)
            done += len(block)
            steps.report(done)
        sink.flush()
        os.fsync(sink.fileno())
    steps.offset += done
    return digest.hexdigest()


def _current_size(datadir: DataDir) -> int:
    return sum(path.stat().st_size for path in (datadir.db_path, Path(str(datadir.db_path) + "-wal"))
               if path.exists())


def _check_space(folder: Path, needed: int) -> None:
    free = shutil.disk_usage(folder).free
    if free < needed + SPACE_MARGIN:
        raise UserError("backup.no_space", path=str(folder), needed=(needed + SPACE_MARGIN) // 1024**2 + 1,
                        free=free // 1024**2)


def _read_archive(path: Path, temp: Path, steps: _Steps, cancel: Cancel | None, aside: int) -> tuple[dict, bytes, Path]:
    """Check the zip's members and sizes, extract the database (with progress) and check every checksum."""
    path = input_file(path, MAX_BACKUP)
    from app.core.filekinds import wrong_kind

    try:
        archive = zipfile.ZipFile(path)
    except OSError as exc:  # no permission, a failing stick: the file is not judged, it was not read
        raise unreadable(path, exc) from exc
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise wrong_kind(path, expected=("backup",), quiet=("zip", "other", "json", "empty")) or UserError(
            "backup.not_backup", path=str(path), reason=Ref("reason.not_zip")) from exc
    with archive:
        names = archive.namelist()
        if sorted(names) != ["keys.json", "manifest.json", "tnld.db"]:
            raise wrong_kind(path, expected=("backup",), quiet=("zip", "other", "json", "empty")) or UserError(
                "backup.not_backup", path=str(path), reason=Ref("reason.members", names=", ".join(names[:5])))
        members = {info.filename: info for info in archive.infolist()}
        if members["tnld.db"].file_size > MAX_MEMBER or any(
            members[name].file_size > MAX_SMALL_MEMBER for name in ("manifest.json", "keys.json")
        ):
            raise UserError("backup.damaged", path=str(path), reason=Ref("reason.member_too_large"))
        _check_space(temp, members["tnld.db"].file_size + aside)
        steps.total = max(members["tnld.db"].file_size + aside, 1)
        db_file = temp / "tnld.db"
        try:
            manifest = json.loads(archive.read("manifest.json"))
            keys = archive.read("keys.json")
            with archive.open("tnld.db") as source:
                db_digest = _copy_file(source, db_file, steps, cancel)
        except (zipfile.BadZipFile, json.JSONDecodeError, UnicodeDecodeError, ValueError, EOFError, RecursionError,
                NotImplementedError, RuntimeError) as exc:  # unknown compression, an encrypted member
            log.warning("a backup's archive is damaged: %s", exc)
            raise UserError("backup.damaged", path=str(path), reason=Ref("reason.damaged_archive")) from exc
        except OSError as exc:
            if is_disk_full(exc):
                raise
            raise UserError("backup.damaged", path=str(path), reason=os_reason(exc)) from exc
    make_private(db_file)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise UserError("backup.not_backup", path=str(path), reason=Ref("reason.no_manifest"))
    if manifest.get("version") != VERSION:
        raise UserError("db.newer", names=f"backup format {manifest.get('version')}")
    files = manifest.get("files")
    if not isinstance(files, dict) or files.get("keys.json") != hashlib.sha256(keys).hexdigest() \
            or files.get("tnld.db") != db_digest:
        raise UserError("backup.damaged", path=str(path), reason=Ref("reason.checksum"))
    return manifest, keys, db_file


def _signer(manifest: dict, path: Path) -> PublicIdentity | None:
    """The certificate that signed the manifest (checked), or None for a backup made before backups were signed."""
    if "signature" not in manifest and "signer" not in manifest:
        return None
    try:
        signer = load_certificate(str(manifest["signer"]).encode("ascii"))
        signature = base64.b64decode(str(manifest["signature"]).encode("ascii"), validate=True)
    except (KeyError, BadCertificate, ValueError, UnicodeEncodeError):
        raise UserError("backup.forged", path=str(path), reason=Ref("reason.signature_unreadable")) from None
    if not signer.verify(signature, _canonical(manifest)):
        raise UserError("backup.forged", path=str(path), reason=Ref("reason.signature_mismatch"))
    return signer


def _audit_root(db) -> str | None:
    """The hash of the audit chain's first row (the folder's set-up): every database that descends from one set-up
    shares it, one set up elsewhere cannot have it (the row holds the time of the set-up to the millisecond)."""
    try:
        row = db.execute("SELECT hash FROM audit WHERE seq = 1").fetchone()
    except DatabaseError:
        return None
    return str(row[0]) if row is not None and row[0] else None


def _meta(db) -> dict[str, str]:
    return {row[0]: row[1] for row in db.execute("SELECT key, value FROM meta")}


@dataclass
class _Opened:
    info: BackupInfo
    keyfile: KeyFile
    key: bytes
    db_file: Path


def _target(target: Session | Path | str) -> tuple[Session | None, DataDir]:
    """The session (restore into a set-up folder) or the folder (a new one); refuse a set-up folder without a
    logged-in admin of it."""
    if isinstance(target, Session):
        target.require("action.restore", "admin")
        return target, target.datadir
    datadir = DataDir(Path(target))
    if datadir.is_initialised():
        raise UserError("restore.login_needed", path=str(datadir.path))
    return None, datadir


def _open_backup(session: Session | None, datadir: DataDir, backup: Path, user: str | None, password: str | None,
                 temp: Path, steps: _Steps, cancel: Cancel | None, aside: int) -> _Opened:
    if not password:
        raise UserError("password.missing")
    manifest, keys, db_file = _read_archive(backup, temp, steps, cancel, aside)
    signer = _signer(manifest, backup)
    try:
        keyfile = KeyFile.from_bytes(temp / "keys.json", keys)
        user = user or (session.user if session is not None else keyfile.default_user)
        key = keyfile.unlock(user, password)
    except WrongSecret:
        raise UserError("backup.password" if session is not None else "login.failed", user=user) from None
    except UserError as exc:  # a damaged or hostile keys.json inside the backup: the backup is damaged
        if exc.code != "datadir.keyfile_damaged":
            raise
        raise UserError("backup.damaged", path=str(backup), reason=Ref("reason.backup_keys", reason=exc.params["reason"])) from None
    try:
        db = connect(db_file, key)
    except WrongKey as exc:
        log.warning("a backup's database does not open: %s", exc)
        raise UserError("backup.damaged", path=str(backup), reason=Ref("reason.not_database")) from exc
    try:
        problems = integrity_errors(db)
        if problems:
            log.warning("a backup's database is not consistent: %s", "; ".join(problems[:3]))
            raise UserError("backup.damaged", path=str(backup), reason=Ref("reason.backup_problems"))
        meta = _meta(db)
        counts = _counts(db)
        try:
            fingerprint = _fingerprint(db)
        except ValueError:
            raise UserError("backup.damaged", path=str(backup), reason=Ref("reason.backup_certificate")) from None
        row = db.execute("SELECT role, active FROM users WHERE name = ?", (user,)).fetchone()
        root = _audit_root(db)
    finally:
        db.close()
    unit, unit_name, role = meta.get("unit", ""), meta.get("unit_name", ""), meta.get("role", "")
    # The database is the authority (it opens only with the key): the label must say the same.
    label_unit = manifest.get("unit")
    if label_unit != unit or keyfile.unit != unit or manifest.get("unit_name", unit_name) != unit_name:
        raise UserError("backup.relabelled", path=str(backup),
                        label=f"{label_unit} {manifest.get('unit_name', '')}".strip(), unit=f"{unit} {unit_name}")
    if manifest.get("role") != role or keyfile.role != role:
        raise UserError("backup.forged", path=str(backup), reason=Ref("reason.backup_role"))
    label_counts = manifest.get("counts", {})
    if not isinstance(label_counts, dict) or any(label_counts.get(k, v) != v for k, v in asdict(counts).items()):
        raise UserError("backup.forged", path=str(backup), reason=Ref("reason.backup_counts"))
    if signer is not None and signer.fingerprint != fingerprint:
        raise UserError("backup.forged", path=str(backup),
                        reason=Ref("reason.backup_signer"))
    warnings = () if signer is not None else ("backup.unsigned",)
    if row is None or not row[1]:
        raise UserError("backup.user_inactive" if session is not None else "login.failed", user=user)
    current = current_unit = current_unit_name = None
    if session is not None:
        if (unit, role) != (session.unit, session.role):
            raise UserError("backup.other_unit", backup_unit=f"{unit} {unit_name}",
                            unit=f"{session.unit} {session.unit_name}")
        try:
            own = _fingerprint(session.db)
        except ValueError:
            raise UserError("keys.damaged") from None
        if own is not None and fingerprint is not None:
            if own != fingerprint:
                raise UserError("backup.other_workstation", path=str(backup), backup_key=phone_groups(fingerprint),
                                key=phone_groups(own))
        elif root is None or root != _audit_root(session.db):
            # No workstation key to compare (a backup made before them, or one deleted inside, its label left
            # unsigned): it must descend from this folder's set-up, as its audit chain's first row shows.
            raise UserError("backup.unknown_workstation", path=str(backup))
        current, current_unit, current_unit_name = _counts(session.db), session.unit, session.unit_name
    elif row[0] != "admin":
        raise UserError("role.forbidden", user=user, role=role_names(row[0]), action=Ref("action.restore"),
                        needed=role_names("admin"))
    info = BackupInfo(
        path=backup, unit=unit, unit_name=unit_name, role=role, created_at=str(manifest.get("created_at", "")),
        app_version=str(manifest.get("app_version", "")), kind=str(manifest.get("kind", "")), counts=counts,
        user=user, digest=manifest["files"]["tnld.db"], signed=signer is not None, fingerprint=fingerprint,
        replaces=session is not None or datadir.db_path.exists(), current=current, current_unit=current_unit,
        current_unit_name=current_unit_name, warnings=warnings,
    )
    return _Opened(info, keyfile, key, db_file)


def inspect_backup(target: Session | Path, backup: Path, user: str | None, password: str | None, *,
                   progress: Progress | None = None, cancel: Cancel | None = None) -> BackupInfo:
    """Open and check a backup completely, and say what it holds against what the data folder holds today.

    *target* is a logged-in admin's session of a set-up data folder, or the path of a folder not set up (a new
    computer). *password* is *user*'s in the backup (default: the session's user, or the backup's first admin);
    usually the same as today's. Refuses a damaged, relabelled or forged backup, another unit's or another
    workstation's. *progress(done, total)* follows the bytes extracted; *cancel()* returning true stops."""
    session, datadir = _target(target)
    with _folder_for(datadir.path, keep=False), \
            tempfile.TemporaryDirectory(dir=datadir.path, prefix=".restore-") as temp:
        return _open_backup(session, datadir, Path(backup), user, password, Path(temp), _Steps(progress, 0), cancel,
                            0).info


@contextlib.contextmanager
def _folder_for(path: Path, keep: bool):
    """The folder *path* made (private) for a restore's temporary files when missing, and the folders made here
    removed again when they are still empty after the block fails, or always unless *keep*: a look at a backup,
    or a refused restore, into a new computer's folder leaves the folder as it was (missing, or empty), so the
    set-up wizard still offers itself."""
    made = []
    for folder in (path, *path.parents):
        if folder.exists():
            break
        made.append(folder)  # the deepest first
    private_folder(path)

    def remove_made() -> None:
        for folder in made:
            try:
                folder.rmdir()  # only an empty one
            except OSError:
                break

    try:
        yield
    except BaseException:
        remove_made()
        raise
    if not keep:
        remove_made()


def restore(target: Session | Path, backup: Path, user: str | None, password: str | None, *,
            confirmed: bool | BackupInfo = False, progress: Progress | None = None, cancel: Cancel | None = None,
            wait: float = EXCLUSIVE_WAIT, on_wait=None) -> RestoreResult:
    """Replace the data folder's database by the backup's, after the checks of `inspect_backup`.

    A folder that holds a database is replaced only when *confirmed* (True, or the `BackupInfo` the user was shown:
    then a backup file changed since is refused, and so is a restore once today's counts are no longer those shown:
    they are read again when the folder is held alone). The current database is first copied to
    `backups/before-restore-…`. The replacement needs the folder alone: from a session, the session's own hold is
    made exclusive (other windows and commands get *wait* seconds to close, else `datadir.in_use` and nothing
    changes) and the session is reopened on the restored database."""
    session, datadir = _target(target)
    backup = Path(backup)
    steps = _Steps(progress, 0)
    with _folder_for(datadir.path, keep=True), \
            tempfile.TemporaryDirectory(dir=datadir.path, prefix=".restore-") as temp_name:
        aside = _current_size(datadir)
        opened = _open_backup(session, datadir, backup, user, password, Path(temp_name), steps, cancel, aside)
        info = opened.info
        if info.replaces and not confirmed:
            raise UserError("restore.confirm", backup=info.counts.accidents,
                            today=info.current.accidents if info.current is not None else "?")
        if isinstance(confirmed, BackupInfo) and confirmed.digest != info.digest:
            raise UserError("restore.changed", path=str(backup))
        check_cancel(cancel)
        detail: dict = {"backup_created_at": info.created_at, "restore_id": secrets.token_hex(8)}
        if session is not None:
            # What the user was shown (or what this call read) is what may be replaced: compared again once the
            # folder is held alone, since an `add` may finish while the restore waits for it.
            shown = confirmed.current if isinstance(confirmed, BackupInfo) and confirmed.current else info.current
            saved_copy = _replace_in_session(session, opened, backup.name, detail, shown, steps, cancel, wait)
        else:
            # Nobody may have the database open while it is replaced: a session still writing would lose its work
            # into the old file (an `add` reported done and lost). Wait briefly for them, else refuse.
            with exclusive_access(datadir.path, timeout=wait, on_wait=on_wait):
                if datadir.is_initialised():  # set up by someone else meanwhile
                    raise UserError("restore.login_needed", path=str(datadir.path))
                _audit_restore(opened, backup.name, detail)
                saved_copy = _replace(datadir, opened, detail["restore_id"], steps, cancel)
    log.info("restored a backup of %s", info.created_at)
    return RestoreResult(info, saved_copy)


def inspect_damaged(folder: Path, backup: Path, user: str | None, password: str | None, *,
                    progress: Progress | None = None, cancel: Cancel | None = None) -> BackupInfo:
    """What a backup holds, for a set-up folder whose database nobody can log in to (damaged or missing): checked
    as `restore_damaged` checks it (an admin of the backup; this folder's unit and role, as its key file says).
    Changes nothing in the folder."""
    datadir = DataDir(Path(folder))
    keyfile = datadir.keyfile()
    with tempfile.TemporaryDirectory(dir=datadir.path, prefix=".restore-") as temp:
        return _open_for_damaged(datadir, keyfile, Path(backup), user, password, Path(temp), _Steps(progress, 0),
                                 cancel).info


def restore_damaged(folder: Path, backup: Path, user: str | None, password: str | None, *,
                    confirmed: bool | BackupInfo = False, progress: Progress | None = None,
                    cancel: Cancel | None = None, wait: float = EXCLUSIVE_WAIT, on_wait=None) -> RestoreResult:
    """Replace the database of a set-up folder that nobody can log in to because it is damaged or missing (what
    a login then says: `db.damaged`, `db.missing`) by a backup's, without a session.

    Never a way around a login: refused (`restore.not_damaged`, nothing changed) unless, with the folder held
    alone, the database is found missing or damaged (`workspace.database_problem`, opened with the keys *user*'s
    *password* opens in today's key file and with the backup's key). The backup is checked as for a new
    computer (opened with *password*, *user* an admin in it), and must be of this folder's unit and role as its
    key file says. The damaged files (database, WAL, and a copy of the key file that opens them) are moved to
    `backups/damaged-…`, never deleted; the backup is put in place as `restore` does (a power cut is completed
    or undone at the next login), with an audit row `restore_damaged` naming the folder set aside. *confirmed*:
    the `BackupInfo` shown (`inspect_damaged`): a backup file changed since is refused."""
    datadir = DataDir(Path(folder))
    keyfile = datadir.keyfile()
    backup = Path(backup)
    steps = _Steps(progress, 0)
    with tempfile.TemporaryDirectory(dir=datadir.path, prefix=".restore-") as temp_name:
        opened = _open_for_damaged(datadir, keyfile, backup, user, password, Path(temp_name), steps, cancel)
        info = opened.info
        if isinstance(confirmed, BackupInfo) and confirmed.digest != info.digest:
            raise UserError("restore.changed", path=str(backup))
        try:
            keys = [key for _index, key in keyfile.open_user(info.user, password or "").keys]
        except WrongSecret:  # a password changed since the backup: its key may still open the database
            keys = []
        check_cancel(cancel)
        with exclusive_access(datadir.path, timeout=wait, on_wait=on_wait):
            from app.services.workspace import database_problem

            problem = database_problem(datadir, [*keys, opened.key], cancel)
            if problem is None:
                raise UserError("restore.not_damaged", path=str(datadir.db_path))
            check_cancel(cancel)
            aside = _aside_folder(datadir, "damaged")
            detail = {"backup_created_at": info.created_at, "restore_id": secrets.token_hex(8),
                      "problem": problem.code, "reason": str(problem.params.get("reason", "")),
                      "set_aside": aside.name}
            _audit_restore(opened, backup.name, detail, action="restore_damaged")
            _set_aside(datadir, aside)
            try:
                _replace(datadir, opened, detail["restore_id"], steps, None)  # past this point, no cancel
            except BaseException:
                if not datadir.db_path.exists():
                    _put_back(datadir, aside)
                raise
    log.warning("replaced a %s database by the backup of %s; the old files are in %s", problem.code,
                info.created_at, aside.name)
    return RestoreResult(info, aside)


def _open_for_damaged(datadir: DataDir, keyfile: KeyFile, backup: Path, user: str | None, password: str | None,
                      temp: Path, steps: _Steps, cancel: Cancel | None) -> _Opened:
    """The backup opened as for a new computer (an admin in it), and refused unless it is of this folder's unit
    and role (read from its database, against the folder's key file: the database cannot be read)."""
    opened = _open_backup(None, datadir, backup, user, password, temp, steps, cancel, 0)
    info = opened.info
    if (info.unit, info.role) != (keyfile.unit, keyfile.role):
        raise UserError("backup.other_unit", backup_unit=f"{info.unit} {info.unit_name}",
                        unit=f"{keyfile.unit} {keyfile.unit_name}")
    return opened


DAMAGED_FILES = ("tnld.db", "tnld.db-wal", "tnld.db-shm")


def _aside_folder(datadir: DataDir, kind: str) -> Path:
    """A new folder name in `backups/` for files set aside (never one that exists)."""
    stamp = f"{kind}-{dt.datetime.now():%Y%m%d-%H%M%S}"
    target = datadir.backups / stamp
    number = 1
    while target.exists():
        number += 1
        target = datadir.backups / f"{stamp}-{number}"
    return target


def _set_aside(datadir: DataDir, target: Path) -> None:
    """Move the database files into *target* (a rename: no copy of a large file on a disk that may be full) with
    a copy of the key file that opens them, fsynced; on a failure everything is moved back."""
    private_folder(target)
    try:
        shutil.copyfile(datadir.keyfile_path, target / "keys.json")
        make_private(target / "keys.json")
        _fsync_file(target / "keys.json")
        for name in DAMAGED_FILES:
            source = datadir.path / name
            if source.exists() or source.is_symlink():
                os.replace(source, target / name)
        fsync_dir(target)
        fsync_dir(datadir.path)
        with contextlib.suppress(OSError):
            fsync_dir(datadir.backups)
    except BaseException:
        _put_back(datadir, target)
        raise


def _put_back(datadir: DataDir, target: Path) -> None:
    """Undo `_set_aside`: the files moved back where they were, the folder set aside removed."""
    for name in DAMAGED_FILES:
        moved = target / name
        if (moved.exists() or moved.is_symlink()) and not (datadir.path / name).exists():
            os.replace(moved, datadir.path / name)
    with contextlib.suppress(OSError):
        fsync_dir(datadir.path)
    if not any((target / name).exists() for name in DAMAGED_FILES):
        shutil.rmtree(target, ignore_errors=True)


def _audit_restore(opened: _Opened, name: str, detail: dict, action: str = "restore") -> None:
    """The restore's audit row, in the restored database before it is put in place (its ID names the pending key
    file: a database that holds the row is the restored one)."""
    db = connect(opened.db_file, opened.key)
    try:
        with write_transaction(db):
            AuditLog(db).append(opened.info.user, action, "file", name, detail)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()


def _replace_in_session(session: Session, opened: _Opened, name: str, detail: dict, shown: Counts | None,
                        steps: _Steps, cancel: Cancel | None, wait: float) -> Path | None:
    """The replacement from a logged-in session: its shared hold made exclusive, today's counts read again and
    refused if they are no longer the *shown* ones, the restore's audit row written (with the head of today's
    chain as it is now), its connection closed, and the session opened again on whichever database is in place
    afterwards."""
    closed = replaced = False
    try:
        with session.exclusive(timeout=wait):
            today = _counts(session.db)
            if shown is not None and today != shown:
                raise UserError("restore.today_changed", shown_accidents=shown.accidents, accidents=today.accidents,
                                shown_incidents=shown.incidents, incidents=today.incidents, shown_users=shown.users,
                                users=today.users)
            length, head_hash = audit_head(session.db)
            _audit_restore(opened, name, dict(detail, replaced_head=f"{length}:{head_hash}",
                                              replaced_accidents=today.accidents))
            session.db.close()
            closed = True
            saved_copy = _replace(session.datadir, opened, detail["restore_id"], steps, cancel)
            replaced = True
    finally:
        if closed:
            session.reopen(opened.key if replaced else None)
    row = session.db.execute("SELECT role FROM users WHERE name = ?", (session.user,)).fetchone()
    session.user_role = row[0] if row is not None else session.user_role
    with contextlib.suppress(AttributeError):
        del session._identity  # type: ignore[attr-defined] - the keys cached by app.services.keys
    return saved_copy


def _fsync_file(path: Path) -> None:
    with open(path, "r+b") as handle:
        os.fsync(handle.fileno())


def _pending_keys(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{PENDING_KEYS}*.json"))


def _replace(datadir: DataDir, opened: _Opened, restore_id: str, steps: _Steps, cancel: Cancel | None) -> Path | None:
    """Put the restored database and its key file in place so that, whenever the power goes, a key file in the
    folder opens the database there: the backup's key file beside today's first, then the database, then the key
    file over today's. A cut in between is completed or undone at the next login (`finish_cut_restore`)."""
    saved_copy = _save_current(datadir, steps, cancel)
    for stale in _pending_keys(datadir.path):  # of a restore into a new folder cut short: this one replaces it
        stale.unlink(missing_ok=True)
    pending = datadir.path / f"{PENDING_KEYS}{restore_id}.json"
    atomic_write_bytes(pending, opened.keyfile.to_bytes())  # fsynced, and the folder too
    try:
        _fsync_file(opened.db_file)
        # The old WAL belongs to the old database: it must not be replayed into the restored one.
        for suffix in ("-wal", "-shm"):
            Path(str(datadir.db_path) + suffix).unlink(missing_ok=True)
        os.replace(opened.db_file, datadir.db_path)
    except BaseException:
        pending.unlink(missing_ok=True)  # today's database is still in place, with today's key file
        raise
    fsync_dir(datadir.path)
    os.replace(pending, datadir.keyfile_path)
    fsync_dir(datadir.path)
    steps.finish()
    return saved_copy


Opener = Callable[[KeyFile], list[bytes]]  # the database keys a user's secret opens in a key file (WrongSecret: none)


def finish_cut_restore(datadir: DataDir, user: str, opener: Opener) -> tuple[str, dict] | None:
    """Complete or undo a restore that a power cut or a crash left half done; called at login and recover, under
    the folder's lock (no restore is running: it holds the lock alone). Nothing to do without a pending key file.

    A database that a key opens and that holds the restore's audit row is the restored one: the restore is
    completed (audited `restore_finished`) and the notice `restore.finished` returned. A database without that
    row is today's: the pending file is dropped. When the user's secret opens today's key file but its keys no
    longer open the database, while it opens nothing in the backup's, the database in place is the restored one
    too: the restore is completed, and `restore.finished_login` raised (log in with a password of the backup's
    time). A wrong secret, or a database neither key file opens, changes nothing: the login says what is wrong."""
    if not _pending_keys(datadir.path) or not datadir.db_path.is_file():
        return None
    lock = FolderLock(datadir.path, LOCK_NAME).acquire(exclusive=True, timeout=LOCK_WAIT)
    try:
        for pending in _pending_keys(datadir.path):
            notice = _settle_restore(datadir, pending, user, opener)
            if notice is not None:
                return notice
        return None
    finally:
        lock.release()


def _settle_restore(datadir: DataDir, pending: Path, user: str, opener: Opener) -> tuple[str, dict] | None:
    restore_id = pending.name[len(PENDING_KEYS):-len(".json")]
    try:
        ours = opener(KeyFile.load(datadir.keyfile_path))
    except WrongSecret:
        ours = []
    try:
        theirs = opener(KeyFile.load(pending))
    except Exception:  # noqa: BLE001 - a wrong secret, or a pending file damaged by hand: it opens nothing
        theirs = []
    for key in ours + theirs:
        try:
            db = connect(datadir.db_path, key)
        except WrongKey:
            continue
        try:
            restored = _last_restore_id(db) == restore_id
            if restored:
                with write_transaction(db):
                    AuditLog(db).append(user, "restore_finished", "file", pending.name, {"restore_id": restore_id})
        finally:
            db.close()
        if not restored:  # cut before the database was replaced: today's is in place, with today's key file
            pending.unlink(missing_ok=True)
            log.warning("dropped the key file of a restore cut short before it replaced the database")
            return None
        return _complete_restore(datadir, pending, told=bool(theirs))
    if ours and not theirs:  # today's key no longer opens the database: it is the restored one
        return _complete_restore(datadir, pending, told=False)
    return None


def _last_restore_id(db) -> str | None:
    try:
        row = db.execute("SELECT detail FROM audit WHERE action IN ('restore', 'restore_damaged') "
                         "ORDER BY seq DESC LIMIT 1").fetchone()
        detail = json.loads(row[0]) if row is not None and row[0] else {}
    except (DatabaseError, ValueError, TypeError):
        return None
    return detail.get("restore_id") if isinstance(detail, dict) else None


def _complete_restore(datadir: DataDir, pending: Path, told: bool) -> tuple[str, dict]:
    os.replace(pending, datadir.keyfile_path)
    fsync_dir(datadir.path)
    log.warning("completed a restore that a power cut or a crash had interrupted")
    if not told:  # the secret given is not one of the backup's: say which passwords open the folder now
        raise UserError("restore.finished_login")
    return ("restore.finished", {})


def _save_current(datadir: DataDir, steps: _Steps | None = None, cancel: Cancel | None = None) -> Path | None:
    """Copy the current database files (with their WAL) aside before they are replaced, fsynced: after the
    replacement they are the only copy of the data of today. Cancelled, it leaves nothing."""
    if not datadir.db_path.exists():
        return None
    steps = steps or _Steps(None, 0)
    stamp = f"before-restore-{dt.datetime.now():%Y%m%d-%H%M%S}"
    target = datadir.backups / stamp
    number = 1
    while target.exists():  # two restores in one second: never overwrite the first one's copy
        number += 1
        target = datadir.backups / f"{stamp}-{number}"
    private_folder(target)
    try:
        for name in ("tnld.db", "tnld.db-wal", "keys.json"):
            source = datadir.path / name
            if source.exists():
                with source.open("rb") as handle:
                    _copy_file(handle, target / name, steps, cancel)
                shutil.copystat(source, target / name)
                make_private(target / name)
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    with contextlib.suppress(OSError):
        fsync_dir(target)
        fsync_dir(datadir.backups)
    return target
