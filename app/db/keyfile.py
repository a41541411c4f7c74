"""The key file `keys.json`: the database key, wrapped once per user password and once by the recovery code.

The database key is 32 random bytes. For each user, a key is derived from the password with scrypt
(N=2^15, r=8, p=1: about 0.1 s and 32 MiB, parameters stored beside each wrap so they can be raised later) and
the database key is sealed with ChaCha20-Poly1305, the wrap's name bound as associated data. The printed
recovery code (125 bits) gets a wrap of its own, so a forgotten password loses nothing. The file also names
the unit and role so the login window can show them; the database itself holds the authoritative copy.
It contains no personal data of any victim.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app.core.errors import UserError
from app.core.fsutil import atomic_write_bytes

FORMAT = "tnld-keys"
VERSION = 1
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed back by hand
RECOVERY_GROUPS, RECOVERY_GROUP_LEN = 5, 5


class WrongSecret(Exception):
    """The password or recovery code does not unwrap the key."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _derive(secret: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(secret.encode("utf-8"))


def wrap_key(db_key: bytes, secret: str, wrap_id: str) -> dict[str, Any]:
    salt, nonce = os.urandom(16), os.urandom(12)
    kek = _derive(secret, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    sealed = ChaCha20Poly1305(kek).encrypt(nonce, db_key, f"tnld-key-wrap/1:{wrap_id}".encode())
    return {"kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": _b64(salt), "nonce": _b64(nonce),
            "sealed": _b64(sealed)}


def unwrap_key(wrap: dict[str, Any], secret: str, wrap_id: str) -> bytes:
    try:
        kek = _derive(secret, _unb64(wrap["salt"]), int(wrap["n"]), int(wrap["r"]), int(wrap["p"]))
        return ChaCha20Poly1305(kek).decrypt(_unb64(wrap["nonce"]), _unb64(wrap["sealed"]),
                                             f"tnld-key-wrap/1:{wrap_id}".encode())
    except InvalidTag as exc:
        raise WrongSecret(wrap_id) from exc


def new_recovery_code() -> str:
    chars = [secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_LEN)]
    groups = ["".join(chars[i:i + RECOVERY_GROUP_LEN]) for i in range(0, len(chars), RECOVERY_GROUP_LEN)]
    return "-".join(groups)


def normalise_recovery_code(text: str) -> str:
    """The code as typed back: case and dashes or spaces do not matter."""
    compact = re.sub(r"[^0-9A-Za-z]", "", text).upper()
    groups = [compact[i:i + RECOVERY_GROUP_LEN] for i in range(0, len(compact), RECOVERY_GROUP_LEN)]
    return "-".join(groups)


@dataclass
class KeyFile:
    path: Path
    data: dict[str, Any]

    @classmethod
    def create(cls, path: Path, *, role: str, unit: str, unit_name: str, db_key: bytes, admin: str,
               password: str, recovery_code: str) -> KeyFile:
        data = {
            "format": FORMAT,
            "version": VERSION,
            "role": role,
            "unit": unit,
            "unit_name": unit_name,
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "default_user": admin,
            "wraps": {
                f"user:{admin}": wrap_key(db_key, password, f"user:{admin}"),
                "recovery": wrap_key(db_key, normalise_recovery_code(recovery_code), "recovery"),
            },
        }
        keyfile = cls(Path(path), data)
        keyfile.save()
        return keyfile

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise UserError("datadir.keyfile_damaged", path=str(path), reason=str(exc)) from exc
        return cls.from_data(Path(path), data)

    @classmethod
    def from_data(cls, path: Path, data: Any) -> KeyFile:
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("wraps"), dict):
            raise UserError("datadir.keyfile_damaged", path=str(path), reason="not a TNLĐ key file")
        if data.get("version") != VERSION:
            raise UserError("db.newer", names=f"keys.json version {data.get('version')}")
        return cls(Path(path), data)

    def save(self) -> None:
        atomic_write_bytes(self.path, json.dumps(self.data, ensure_ascii=False, indent=1).encode("utf-8"))

    def to_bytes(self) -> bytes:
        return json.dumps(self.data, ensure_ascii=False, indent=1).encode("utf-8")

    @property
    def role(self) -> str:
        return self.data["role"]

    @property
    def unit(self) -> str:
        return self.data["unit"]

    @property
    def default_user(self) -> str:
        return self.data.get("default_user", "")

    def users(self) -> list[str]:
        return sorted(name[5:] for name in self.data["wraps"] if name.startswith("user:"))

    def unlock(self, user: str, password: str) -> bytes:
        wrap = self.data["wraps"].get(f"user:{user}")
        if wrap is None:
            # Spend the same time as a real attempt, so a wrong user name is not told apart by timing.
            _derive(password, b"\0" * 16, SCRYPT_N, SCRYPT_R, SCRYPT_P)
            raise WrongSecret(user)
        return unwrap_key(wrap, password, f"user:{user}")

    def unlock_with_recovery(self, code: str) -> bytes:
        return unwrap_key(self.data["wraps"]["recovery"], normalise_recovery_code(code), "recovery")

    def set_password(self, user: str, db_key: bytes, password: str) -> None:
        self.data["wraps"][f"user:{user}"] = wrap_key(db_key, password, f"user:{user}")
        self.save()

    def remove_user(self, user: str) -> None:
        self.data["wraps"].pop(f"user:{user}", None)
        self.save()
