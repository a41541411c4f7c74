"""The key file `keys.json`: who can open the database, and with what (docs/design.md, "Keys and passwords").

Version 2. Each user has an X25519 key pair: the public half in clear, the private half sealed with
ChaCha20-Poly1305 under a key derived from the user's password by scrypt (N=2^17, r=8, p=1: about 0.4 s and
128 MiB; the parameters are stored with each wrap, so they can be raised later and old wraps still open). The
database key (32 random bytes) is then sealed *to* each user's public key (X25519 with a fresh ephemeral key,
HKDF-SHA256, ChaCha20-Poly1305, the wrap's name bound as associated data). So an admin can give the database a
new key and seal it to every remaining user without knowing their passwords. The admin key (Ed25519, see
`app.db.adminkey`) is sealed the same way to each admin only. The printed recovery code seals the database key
and the admin key under scrypt, like a password.

The sealed keys are grouped by database key ("keys", newest first): normally one group; two only while a change
of key is under way, so that a power cut between re-encrypting the database and saving this file never leaves a
database that no wrap opens (login keeps the group that opens the database and drops the other).

Version 1 (TNLĐ 0.1–0.3) sealed the database key directly under each password (scrypt N=2^15). Such a file is
read as version 2 with those "legacy" wraps; each user is given a key pair at their next login.

The file also names the unit and role so the login window can show them; the database itself holds the
authoritative copy. It contains no personal data of any victim.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import copy
import datetime as dt
import hashlib
import json
import os
import re
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app.core.errors import UserError
from app.core.fsutil import atomic_write_bytes, fsync_dir, os_reason
from app.core.messages import Ref

FORMAT = "tnld-keys"
VERSION = 2
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
# The test suite alone sets this (tests/conftest.py, pytest_configure): its ~1,500 logins and set-ups, most in `tnld`
# subprocesses, would otherwise spend most of the suite's time in scrypt. New wraps then cost 2^12; everything else
# runs as it does for users. A test checks that the program's own cost is 2^17 without it, and the bench clears it.
TEST_KDF_VARIABLE = "TNLD_TEST_FAST_KDF"
if os.environ.get(TEST_KDF_VARIABLE) == "1":
    SCRYPT_N = 2**12
SEAL = "x25519-hkdf-sha256-chacha20poly1305"
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed back by hand
RECOVERY_GROUPS, RECOVERY_GROUP_LEN = 5, 5
LOCK_NAME = "keys.lock"
UNDO_NAME = ".keys.json.undo"  # the key file as it was, while the database's part of a change is saved
LOCK_WAIT = 30.0
MAX_SIZE = 16 * 1024 * 1024  # a key file of 200 users is about 200 KB
# What a wrap may ask of scrypt (the file is not trusted: a hostile cost must not exhaust memory or the CPU).
SCRYPT_MIN_N, SCRYPT_MAX_N, SCRYPT_MAX_R, SCRYPT_MAX_P = 2**10, 2**20, 32, 16
SCRYPT_MAX_MEMORY = 2**30  # bytes: 128 · n · r
SCRYPT_MAX_WORK = 2**23  # n · r · p: 8 times today's cost
# Errors that a damaged or hostile file can still raise deep inside (a wrap changed in memory, a library's check).
DAMAGE = (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError, MemoryError, RecursionError,
          binascii.Error)


class WrongSecret(Exception):
    """The password or recovery code does not unwrap the key."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def scrypt_cost_ok(n: Any, r: Any, p: Any) -> bool:
    """True for scrypt parameters this program accepts from a file: n a power of two in a sane range, r and p
    small, at most 1 GiB of memory and 8 times today's work. (Out of range, the library panics, runs out of
    memory, or works for hours.)"""
    if not all(type(value) is int for value in (n, r, p)):
        return False
    return (SCRYPT_MIN_N <= n <= SCRYPT_MAX_N and n & (n - 1) == 0 and 1 <= r <= SCRYPT_MAX_R
            and 1 <= p <= SCRYPT_MAX_P and 128 * n * r <= SCRYPT_MAX_MEMORY and n * r * p <= SCRYPT_MAX_WORK)


def _derive(secret: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    if not scrypt_cost_ok(n, r, p):
        raise ValueError(f"scrypt parameters out of range (n={n!r}, r={r!r}, p={p!r})")
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(secret.encode("utf-8"))


def key_id(db_key: bytes) -> str:
    """A short name for a database key (in the key file and the audit log); it reveals nothing of the key."""
    return hashlib.sha256(b"tnld-key-id/1" + db_key).hexdigest()[:16]


# Sealing under a secret (password, recovery code) with scrypt.
def seal_with_secret(payload: bytes, secret: str, label: str) -> dict[str, Any]:
    salt, nonce = os.urandom(16), os.urandom(12)
    kek = _derive(secret, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    sealed = ChaCha20Poly1305(kek).encrypt(nonce, payload, label.encode())
    return {"kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": _b64(salt), "nonce": _b64(nonce),
            "sealed": _b64(sealed)}


def open_with_secret(wrap: dict[str, Any], secret: str, label: str) -> bytes:
    try:
        kek = _derive(secret, _unb64(wrap["salt"]), wrap["n"], wrap["r"], wrap["p"])
        return ChaCha20Poly1305(kek).decrypt(_unb64(wrap["nonce"]), _unb64(wrap["sealed"]), label.encode())
    except InvalidTag as exc:
        raise WrongSecret(label) from exc


# Version 1's wraps, kept so that old names of the functions still work (tests, the frozen fixture).
def wrap_key(db_key: bytes, secret: str, wrap_id: str) -> dict[str, Any]:
    return seal_with_secret(db_key, secret, f"tnld-key-wrap/1:{wrap_id}")


def unwrap_key(wrap: dict[str, Any], secret: str, wrap_id: str) -> bytes:
    return open_with_secret(wrap, secret, f"tnld-key-wrap/1:{wrap_id}")


# Sealing to a public key: anyone can seal, only the holder of the private key opens.
def _seal_key(shared: bytes, ephemeral: bytes, public: bytes, name: str) -> ChaCha20Poly1305:
    info = b"tnld-seal/2:" + name.encode() + ephemeral + public
    return ChaCha20Poly1305(HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared))


def seal_to(public: bytes, payload: bytes, name: str) -> dict[str, Any]:
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
    nonce = os.urandom(12)
    sealed = _seal_key(shared, ephemeral_public, public, name).encrypt(nonce, payload, f"tnld-seal/2:{name}".encode())
    return {"alg": SEAL, "ephemeral": _b64(ephemeral_public), "nonce": _b64(nonce), "sealed": _b64(sealed)}


def open_sealed(wrap: dict[str, Any], private: X25519PrivateKey, name: str) -> bytes:
    ephemeral = _unb64(wrap["ephemeral"])
    public = private.public_key().public_bytes_raw()
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
        return _seal_key(shared, ephemeral, public, name).decrypt(_unb64(wrap["nonce"]), _unb64(wrap["sealed"]),
                                                                  f"tnld-seal/2:{name}".encode())
    except (InvalidTag, ValueError) as exc:
        raise WrongSecret(name) from exc


def new_recovery_code() -> str:
    chars = [secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_LEN)]
    groups = ["".join(chars[i:i + RECOVERY_GROUP_LEN]) for i in range(0, len(chars), RECOVERY_GROUP_LEN)]
    return "-".join(groups)


def normalise_recovery_code(text: str) -> str:
    """The code as typed back: case and dashes or spaces do not matter."""
    compact = re.sub(r"[^0-9A-Za-z]", "", text).upper()
    groups = [compact[i:i + RECOVERY_GROUP_LEN] for i in range(0, len(compact), RECOVERY_GROUP_LEN)]
    return "-".join(groups)


def _private_label(user: str) -> str:
    return f"tnld-user-key/2:{user}"


RECOVERY_LABEL = "tnld-key-wrap/2:recovery"


@dataclass
class Opened:
    """What a user's password opened: the database keys it unwraps (newest first, with their group's index) and
    the user's private key (None for a user still on a version 1 wrap)."""

    user: str
    keys: list[tuple[int, bytes]]
    private: X25519PrivateKey | None
    private_n: int  # the scrypt cost of the wrap that opened: below SCRYPT_N it is sealed again at login

    @property
    def legacy(self) -> bool:
        return self.private is None


@dataclass(frozen=True)
class Recovered:
    index: int
    db_key: bytes
    admin_seed: bytes | None  # None for a version 1 recovery wrap (it holds the database key only)
    n: int


def _keep_aside(path: Path, undo: Path) -> None:
    """A second name for the key file as it is (a hard link: no space needed), or else a copy."""
    try:
        os.link(path, undo)
        return
    except OSError:
        pass
    atomic_write_bytes(undo, path.read_bytes())


class _Damaged(Exception):
    """A field of the key file that is not what this program writes (the reason, in English, for the message)."""


def _field(container: dict, name: str, kinds: type | tuple[type, ...], where: str, *, optional: bool = False) -> Any:
    if name not in container:
        if optional:
            return None
        raise _Damaged(f"{where}: {name} missing")
    value = container[name]
    if isinstance(value, bool) or not isinstance(value, kinds):
        raise _Damaged(f"{where}: {name} has the wrong type")
    return value


def _bytes_field(container: dict, name: str, where: str, lengths: tuple[int, ...]) -> None:
    text = _field(container, name, str, where)
    try:
        value = _unb64(text)
    except (ValueError, binascii.Error):  # UnicodeEncodeError is a ValueError
        raise _Damaged(f"{where}: {name} is not base64") from None
    if len(value) not in lengths:
        raise _Damaged(f"{where}: {name} has {len(value)} bytes")


def _check_secret_wrap(wrap: Any, where: str, sealed: tuple[int, ...]) -> None:
    if not isinstance(wrap, dict) or wrap.get("kdf") != "scrypt":
        raise _Damaged(f"{where}: not a password wrap")
    if not scrypt_cost_ok(wrap.get("n"), wrap.get("r"), wrap.get("p")):
        raise _Damaged(f"{where}: scrypt parameters out of range")
    _bytes_field(wrap, "salt", where, tuple(range(8, 65)))
    _bytes_field(wrap, "nonce", where, (12,))
    _bytes_field(wrap, "sealed", where, sealed)
    if wrap.get("v", 2) != 2:
        raise _Damaged(f"{where}: unknown wrap version")


def _check_sealed_wrap(wrap: Any, where: str) -> None:
    if not isinstance(wrap, dict) or wrap.get("alg") != SEAL:
        raise _Damaged(f"{where}: not a sealed key")
    _bytes_field(wrap, "ephemeral", where, (32,))
    _bytes_field(wrap, "nonce", where, (12,))
    _bytes_field(wrap, "sealed", where, (32 + 16,))


KEY_SEALED = (32 + 16,)  # a 32-byte key and ChaCha20-Poly1305's tag
RECOVERY_SEALED = (32 + 16, 64 + 16)  # the database key, and the admin key's seed after it (version 2)


def _check_file(data: dict) -> None:
    """Every field of a key file (version 2, or 1 read as 2) has the type, encoding and length this program
    writes; `_Damaged` names the first that does not."""
    for name in ("role", "unit"):
        _field(data, name, str, "keys.json")
    for name in ("unit_name", "created_at", "default_user"):
        _field(data, name, str, "keys.json", optional=True)
    users = _field(data, "users", dict, "keys.json")
    for user, entry in users.items():
        where = f"user {user[:40]}"
        if not user or len(user) > 200 or not isinstance(entry, dict):
            raise _Damaged(where)
        _bytes_field(entry, "public", where, (32,))
        _check_secret_wrap(entry.get("private"), where, KEY_SEALED)
    groups = _field(data, "keys", list, "keys.json")
    if not groups or len(groups) > 16:
        raise _Damaged("no keys" if not groups else "too many key groups")
    for number, group in enumerate(groups, 1):
        where = f"key group {number}"
        if not isinstance(group, dict):
            raise _Damaged(where)
        group_id = group.get("id")
        if group_id is not None and not (isinstance(group_id, str) and re.fullmatch(r"[0-9a-f]{16}", group_id)):
            raise _Damaged(f"{where}: id")
        _field(group, "created_at", str, where, optional=True)
        admin_public = group.get("admin_public")
        if admin_public is not None and not (isinstance(admin_public, str)
                                             and re.fullmatch(r"[0-9a-f]{64}", admin_public)):
            raise _Damaged(f"{where}: admin_public")
        wraps = _field(group, "wraps", dict, where)
        for name, wrap in wraps.items():
            kind, _, user = name.partition(":")
            if name == "recovery":
                _check_secret_wrap(wrap, f"{where}, recovery", RECOVERY_SEALED)
            elif kind == "user" and user and isinstance(wrap, dict) and wrap.get("kdf") == "scrypt":
                _check_secret_wrap(wrap, f"{where}, {name[:45]}", KEY_SEALED)  # a version 1 wrap
            elif kind in ("user", "admin") and user:
                _check_sealed_wrap(wrap, f"{where}, {name[:45]}")
            else:
                raise _Damaged(f"{where}: unknown wrap {name[:45]}")


@dataclass
class KeyFile:
    path: Path
    data: dict[str, Any]

    @classmethod
    def create(cls, path: Path, *, role: str, unit: str, unit_name: str, db_key: bytes, admin: str,
               password: str, recovery_code: str, admin_seed: bytes, admin_public: bytes) -> KeyFile:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        keyfile = cls(Path(path), {
            "format": FORMAT, "version": VERSION, "role": role, "unit": unit, "unit_name": unit_name,
            "created_at": now, "default_user": admin, "users": {}, "keys": [],
        })
        keyfile.set_user_keys(admin, password)
        keyfile.add_group(db_key, admin_seed, admin_public, recovery_code, users=[admin], admins=[admin])
        keyfile.save()
        return keyfile

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            with open(path, "rb") as handle:
                raw = handle.read(MAX_SIZE + 1)
        except OSError as exc:
            raise UserError("datadir.keyfile_damaged", path=str(path), reason=os_reason(exc)) from exc
        if len(raw) > MAX_SIZE:
            raise UserError("datadir.keyfile_damaged", path=str(path), reason=Ref("reason.too_large"))
        return cls.from_bytes(Path(path), raw)

    @classmethod
    def from_bytes(cls, path: Path, raw: bytes) -> KeyFile:
        """The key file in *raw*; `datadir.keyfile_damaged` for anything that is not a well-formed one."""
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError, MemoryError) as exc:
            reason = Ref("reason.too_deep" if isinstance(exc, RecursionError) else "reason.not_json")
            raise UserError("datadir.keyfile_damaged", path=str(path), reason=reason) from None
        return cls.from_data(Path(path), data)

    @classmethod
    def from_data(cls, path: Path, data: Any) -> KeyFile:
        """Check *data* field by field (types, base64, lengths, scrypt costs): every later use may trust it. A
        damaged or hostile file is `datadir.keyfile_damaged`, never a crash."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise UserError("datadir.keyfile_damaged", path=str(path), reason=Ref("reason.not_key_file"))
        version = data.get("version")
        if type(version) is int and version > VERSION:
            raise UserError("db.newer", names=f"keys.json version {version}")
        if version == 1 and type(version) is int:
            if not isinstance(data.get("wraps"), dict):
                raise UserError("datadir.keyfile_damaged", path=str(path), reason=Ref("reason.no_keys"))
            data = {key: value for key, value in data.items() if key != "wraps"} | {
                "version": VERSION, "users": {}, "keys": [{"id": None, "wraps": data["wraps"]}]}
        elif version != VERSION or type(version) is not int:
            raise UserError("datadir.keyfile_damaged", path=str(path),
                            reason=Ref("reason.key_file_version", version=repr(version)))
        try:
            _check_file(data)
        except _Damaged as damaged:
            raise UserError("datadir.keyfile_damaged", path=str(path),
                            reason=Ref("reason.key_file_entry", detail=str(damaged))) from None
        return cls(Path(path), data)

    def damaged(self, detail: str) -> UserError:
        """*detail*: for whoever supports the program (a field path, an exception's name), inside a sentence."""
        return UserError("datadir.keyfile_damaged", path=str(self.path),
                         reason=Ref("reason.key_file_entry", detail=detail))

    def save(self) -> None:
        atomic_write_bytes(self.path, self.to_bytes())

    def to_bytes(self) -> bytes:
        return json.dumps(self.data, ensure_ascii=False, indent=1).encode("utf-8")

    @classmethod
    @contextlib.contextmanager
    def updating(cls, path: Path) -> Iterator[KeyFile]:
        """Read, change and save the key file with no other TNLĐ process doing the same meanwhile (its own small
        lock, `keys.lock`): two sessions that add users at once must not lose one of them."""
        from app.db.folderlock import FolderLock

        lock = FolderLock(Path(path).parent, LOCK_NAME).acquire(exclusive=True, timeout=LOCK_WAIT)
        try:
            keyfile = cls.load(path)
            before = keyfile.to_bytes()
            yield keyfile
            if keyfile.to_bytes() != before:
                keyfile.save()
        finally:
            lock.release()

    @classmethod
    @contextlib.contextmanager
    def changed_before(cls, path: Path, change: Callable[[KeyFile], None]) -> Iterator[KeyFile]:
        """Change the key file (*change*) and save it, then run the block: the database's transaction of the same
        change. When the block fails (a full disk, a refusal), the key file is put back as it was by a rename,
        which needs no free space, so the two stay all or nothing. The key file's lock is held throughout (no
        other change of it can come in between and be undone); nothing here takes it inside a transaction."""
        from app.db.folderlock import FolderLock

        path = Path(path)
        undo = path.with_name(UNDO_NAME)
        lock = FolderLock(path.parent, LOCK_NAME).acquire(exclusive=True, timeout=LOCK_WAIT)
        try:
            undo.unlink(missing_ok=True)  # left by a power cut: the key file in place is the one to keep
            keyfile = cls.load(path)
            before = keyfile.to_bytes()
            change(keyfile)
            changed = keyfile.to_bytes() != before
            if changed:
                _keep_aside(path, undo)
                try:
                    keyfile.save()
                except BaseException:
                    undo.unlink(missing_ok=True)
                    raise
            try:
                yield keyfile
            except BaseException:
                if changed:
                    os.replace(undo, path)
                    fsync_dir(path.parent)
                raise
            if changed:
                undo.unlink(missing_ok=True)
        finally:
            lock.release()

    @property
    def role(self) -> str:
        return self.data["role"]

    @property
    def unit(self) -> str:
        return self.data["unit"]

    @property
    def unit_name(self) -> str:
        return self.data.get("unit_name", "")

    @property
    def default_user(self) -> str:
        return self.data.get("default_user", "")

    @property
    def groups(self) -> list[dict[str, Any]]:
        return self.data["keys"]

    def users(self) -> list[str]:
        names = set(self.data["users"])
        for group in self.groups:
            names.update(name[5:] for name in group["wraps"] if name.startswith("user:"))
        return sorted(names)

    def public_key(self, user: str) -> bytes | None:
        entry = self.data["users"].get(user)
        return _unb64(entry["public"]) if entry else None

    def is_legacy(self, user: str) -> bool:
        return user not in self.data["users"]

    # Opening.
    def open_user(self, user: str, password: str) -> Opened:
        """Open what *user*'s password opens; `WrongSecret` for a wrong password or an unknown user (after the
        same time spent: a wrong user name is not told apart by timing)."""
        try:
            return self._open_user(user, password)
        except DAMAGE as exc:
            raise self.damaged(type(exc).__name__) from None

    def _open_user(self, user: str, password: str) -> Opened:
        entry = self.data["users"].get(user)
        if entry is not None:
            private = X25519PrivateKey.from_private_bytes(open_with_secret(entry["private"], password,
                                                                           _private_label(user)))
            keys = []
            for index, group in enumerate(self.groups):
                wrap = group["wraps"].get(f"user:{user}")
                if wrap is not None and wrap.get("alg") == SEAL:
                    with contextlib.suppress(WrongSecret):
                        keys.append((index, open_sealed(wrap, private, f"user:{user}")))
            if not keys:
                raise WrongSecret(user)
            return Opened(user, keys, private, int(entry["private"]["n"]))
        legacy = [(index, group["wraps"][f"user:{user}"]) for index, group in enumerate(self.groups)
                  if group["wraps"].get(f"user:{user}", {}).get("kdf") == "scrypt"]
        if not legacy:
            _derive(password, b"\0" * 16, SCRYPT_N, SCRYPT_R, SCRYPT_P)
            raise WrongSecret(user)
        keys = [(index, unwrap_key(wrap, password, f"user:{user}")) for index, wrap in legacy]
        return Opened(user, keys, None, int(legacy[0][1]["n"]))

    def unlock(self, user: str, password: str) -> bytes:
        """The newest database key *user*'s password opens."""
        return self.open_user(user, password).keys[0][1]

    def admin_seed(self, opened: Opened, index: int) -> bytes | None:
        """The admin key sealed to *opened*'s user in group *index*, if any."""
        wrap = self.groups[index]["wraps"].get(f"admin:{opened.user}")
        if wrap is None or opened.private is None:
            return None
        try:
            return open_sealed(wrap, opened.private, f"admin:{opened.user}")
        except (WrongSecret, *DAMAGE):
            return None

    def open_recovery(self, code: str) -> list[Recovered]:
        try:
            return self._open_recovery(code)
        except DAMAGE as exc:
            raise self.damaged(type(exc).__name__) from None

    def _open_recovery(self, code: str) -> list[Recovered]:
        code = normalise_recovery_code(code)
        found = []
        for index, group in enumerate(self.groups):
            wrap = group["wraps"].get("recovery")
            if wrap is None:
                continue
            with contextlib.suppress(WrongSecret):
                if wrap.get("v") == 2:
                    payload = open_with_secret(wrap, code, RECOVERY_LABEL)
                    found.append(Recovered(index, payload[:32], payload[32:64] or None, int(wrap["n"])))
                else:
                    found.append(Recovered(index, unwrap_key(wrap, code, "recovery"), None, int(wrap["n"])))
        if not found:
            raise WrongSecret("recovery")
        return found

    def unlock_with_recovery(self, code: str) -> bytes:
        return self.open_recovery(code)[0].db_key

    def group_of(self, db_key: bytes) -> int:
        """The index of the group of *db_key* (a version 1 group gets its id here); a key file whose groups are
        named wrongly is damaged."""
        wanted = key_id(db_key)
        for index, group in enumerate(self.groups):
            if group.get("id") == wanted:
                return index
        for index, group in enumerate(self.groups):
            if group.get("id") is None:
                group["id"] = wanted
                return index
        raise self.damaged("no key group has the id of the database key")

    # Changing.
    def set_user_keys(self, user: str, password: str) -> X25519PrivateKey:
        """A new key pair for *user*, its private half sealed under *password*; the user's wraps, made for the
        old pair, are dropped (the caller seals what the user may open to the new public key)."""
        private = X25519PrivateKey.generate()
        self.data["users"][user] = {
            "public": _b64(private.public_key().public_bytes_raw()),
            "private": seal_with_secret(private.private_bytes_raw(), password, _private_label(user)),
        }
        for group in self.groups:
            group["wraps"].pop(f"user:{user}", None)
            group["wraps"].pop(f"admin:{user}", None)
        return private

    def reseal_private(self, user: str, private: X25519PrivateKey, password: str) -> None:
        """Seal *user*'s private key again (a new password, or stronger scrypt parameters)."""
        self.data["users"][user]["private"] = seal_with_secret(private.private_bytes_raw(), password,
                                                               _private_label(user))

    def wrap_for(self, index: int, user: str, db_key: bytes) -> None:
        public = self.public_key(user)
        if public is None:
            raise KeyError(user)
        self.groups[index]["wraps"][f"user:{user}"] = seal_to(public, db_key, f"user:{user}")

    def wrap_admin(self, index: int, user: str, admin_seed: bytes) -> None:
        public = self.public_key(user)
        if public is None:
            raise KeyError(user)
        self.groups[index]["wraps"][f"admin:{user}"] = seal_to(public, admin_seed, f"admin:{user}")

    def has_admin_wrap(self, index: int, user: str) -> bool:
        return f"admin:{user}" in self.groups[index]["wraps"]

    def drop_admin(self, user: str) -> None:
        for group in self.groups:
            group["wraps"].pop(f"admin:{user}", None)

    def user_state(self, user: str) -> dict[str, Any]:
        """What the file holds for *user* (key pair, wraps by group), to give back with `restore_user` when the
        change that replaced it does not happen."""
        names = (f"user:{user}", f"admin:{user}")
        return copy.deepcopy({"entry": self.data["users"].get(user), "wraps": [
            (group.get("id"), {name: wrap for name, wrap in group["wraps"].items() if name in names})
            for group in self.groups]})

    def restore_user(self, user: str, state: dict[str, Any]) -> None:
        if state["entry"] is None:
            self.data["users"].pop(user, None)
        else:
            self.data["users"][user] = copy.deepcopy(state["entry"])
        saved = {group_id: wraps for group_id, wraps in state["wraps"] if group_id is not None}
        for group in self.groups:
            group["wraps"].pop(f"user:{user}", None)
            group["wraps"].pop(f"admin:{user}", None)
            group["wraps"].update(copy.deepcopy(saved.get(group.get("id"), {})))

    def remove_user(self, user: str) -> None:
        self.data["users"].pop(user, None)
        for group in self.groups:
            group["wraps"].pop(f"user:{user}", None)
            group["wraps"].pop(f"admin:{user}", None)

    def set_recovery(self, index: int, code: str, db_key: bytes, admin_seed: bytes | None) -> None:
        wrap = seal_with_secret(db_key + (admin_seed or b""), normalise_recovery_code(code), RECOVERY_LABEL)
        self.groups[index]["wraps"]["recovery"] = wrap | {"v": 2}

    def recovery_holds_admin_key(self, index: int) -> bool:
        return self.groups[index]["wraps"].get("recovery", {}).get("v") == 2 and bool(
            self.groups[index].get("admin_public"))

    def add_group(self, db_key: bytes, admin_seed: bytes, admin_public: bytes, recovery_code: str, *,
                  users: list[str], admins: list[str]) -> list[str]:
        """Put a new database key first, sealed to *users* (and the admin key to *admins*) and to the recovery
        code. Returns the users it could not be sealed to: those still on a version 1 wrap, without a key pair."""
        self.groups.insert(0, {"id": key_id(db_key), "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                               "admin_public": admin_public.hex(), "wraps": {}})
        missing = []
        for user in users:
            if self.public_key(user) is None:
                missing.append(user)
                continue
            self.wrap_for(0, user, db_key)
            if user in admins:
                self.wrap_admin(0, user, admin_seed)
        self.set_recovery(0, recovery_code, db_key, admin_seed)
        return missing

    def keep_only(self, index: int) -> bool:
        """Drop every group but *index*; True when there were others."""
        if len(self.groups) == 1:
            return False
        self.data["keys"] = [self.groups[index]]
        return True

    def drop_group(self, group_id: str) -> None:
        self.data["keys"] = [group for group in self.groups if group.get("id") != group_id] or self.groups[:1]
