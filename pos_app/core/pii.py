"""Personal data encrypted at rest: name, phone, ID number, birthday, email, address
(AES-256-GCM, the field's name bound in as associated data), found only where the counter
must find a member by a keyed hash (HMAC-SHA256 of phone and ID number), and shown masked
(138****8000, 王*).

The chain's personal-data key has versions: HQ rotates it (``pos hq rotate-pii-key``)
and each terminal fetches the new version at its next sync and re-encrypts its members.
A sealed value carries its key version (``PK`` + 4-byte version + nonce + ciphertext), so
every version still in the key ring decrypts until the value is sealed again; values
sealed before versions existed (nonce + ciphertext) are tried with each key in the ring.

The key ring lives in DATA/secrets/pii.key (mode 600): JSON ``{"current": n, "keys":
{"n": base64}}``; a key file of 64 raw bytes is read as version 1.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 64  # 32 for AES-256-GCM, 32 for the lookup HMAC
MAGIC = b"PK"
_HEAD = len(MAGIC) + 4
# The personal fields of a member and where they are sealed (column of members/cards).
FIELDS = ("name", "phone", "id_number", "birthday", "email", "address")


class PiiVault:
    def __init__(self, key: bytes | dict[int, bytes], current: int | None = None) -> None:
        keys = {1: key} if isinstance(key, bytes) else dict(key)
        for k in keys.values():
            if len(k) != KEY_BYTES:
                raise ValueError("the personal-data key must be 64 bytes")
        if not keys:
            raise ValueError("the personal-data key ring is empty")
        self.keys = keys
        self.version = current if current is not None else max(keys)
        if self.version not in keys:
            raise ValueError(f"the key ring has no version {self.version}")
        self._mac_key = keys[self.version][32:]

    @cached_property
    def _aeads(self) -> dict[int, AESGCM]:
        # cryptography is loaded when a value is first sealed or opened: a command that
        # handles no personal data (a sale without a member) does not pay for it
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        return {v: AESGCM(k[:32]) for v, k in self.keys.items()}

    @property
    def key(self) -> bytes:
        """The current version's key."""
        return self.keys[self.version]

    def with_key(self, version: int, key: bytes) -> PiiVault:
        """This ring with ``key`` added as version ``version`` and made current."""
        return PiiVault({**self.keys, version: key}, version)

    @classmethod
    def create_key_file(cls, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(path.parent, 0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(secrets.token_bytes(KEY_BYTES))

    @classmethod
    def from_key_file(cls, path: Path) -> PiiVault:
        try:
            raw = path.read_bytes()
        except FileNotFoundError as e:
            raise ValueError(f"personal-data key file missing: {path}") from e
        if len(raw) == KEY_BYTES:
            return cls(raw)
        try:
            ring = json.loads(raw)
            keys = {int(v): base64.b64decode(k) for v, k in ring["keys"].items()}
            return cls(keys, int(ring["current"]))
        except (ValueError, KeyError, TypeError) as e:
            raise ValueError(f"personal-data key file unreadable: {path}") from e

    def save(self, path: Path) -> None:
        """Write the ring (atomically, mode 600)."""
        body = json.dumps({"current": self.version,
                           "keys": {str(v): base64.b64encode(k).decode()
                                    for v, k in sorted(self.keys.items())}})
        tmp = path.with_suffix(".new")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(body)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)

    def encrypt(self, field: str, value: str) -> bytes:
        nonce = secrets.token_bytes(12)
        head = MAGIC + self.version.to_bytes(4, "big")
        return head + nonce + self._aeads[self.version].encrypt(
            nonce, value.encode("utf-8"), field.encode())

    def decrypt(self, field: str, blob: bytes) -> str:
        from cryptography.exceptions import InvalidTag  # loaded with _aeads

        blob = bytes(blob)
        version = version_of(blob)
        if version is not None and version in self._aeads:
            try:
                return self._open(version, field, blob[_HEAD:])
            except InvalidTag:
                pass  # an old nonce that happens to start like a version head
        for v in sorted(self._aeads, reverse=True):
            try:
                return self._open(v, field, blob)
            except InvalidTag:
                continue
        raise ValueError(f"no personal-data key in the ring opens this {field}"
                         f" (key version {version})")

    def _open(self, version: int, field: str, body: bytes) -> str:
        return self._aeads[version].decrypt(body[:12], body[12:], field.encode()).decode("utf-8")

    def current(self, blob: bytes | None) -> bool:
        """Whether a sealed value is sealed with the current key version."""
        return blob is None or version_of(bytes(blob)) == self.version

    def lookup_hash(self, field: str, value: str) -> str:
        return hmac.new(self._mac_key, f"{field}:{value}".encode(), hashlib.sha256).hexdigest()

    # optional fields -----------------------------------------------------------------

    def seal(self, field: str, value: str | date | None) -> bytes | None:
        if value is None or value == "":
            return None
        return self.encrypt(field, value.isoformat() if isinstance(value, date) else value)

    def open(self, field: str, blob: bytes | None) -> str | None:
        return self.decrypt(field, blob) if blob else None

    def open_date(self, field: str, blob: bytes | None) -> date | None:
        text = self.open(field, blob)
        return date.fromisoformat(text) if text else None


def version_of(blob: bytes) -> int | None:
    """The key version a sealed value names, or None for one sealed before versions."""
    if len(blob) > _HEAD + 12 and blob[:len(MAGIC)] == MAGIC:
        return int.from_bytes(blob[len(MAGIC):_HEAD], "big")
    return None


def mask_name(name: str | None) -> str:
    """'王芳' -> '王*', 'Zhang Wei' -> 'Z********' (the first character only)."""
    name = (name or "").strip()
    if not name:
        return ""
    return name[0] + "*" * max(1, len(name) - 1)


def mask_birthday(birthday: date | None) -> str | None:
    """1990-05-20 -> '****-05-20' (the day to greet on, not the age)."""
    return f"****-{birthday:%m-%d}" if birthday else None


def mask_email(email: str | None) -> str | None:
    """'zhang.san@example.cn' -> 'z***@example.cn'."""
    if not email:
        return None
    local, _, domain = email.partition("@")
    return f"{local[:1]}***@{domain}"


def mask_address(address: str | None) -> str | None:
    """'上海市黄浦区南京东路100号' -> '上海市黄浦区****' (the district, not the door)."""
    if not address:
        return None
    keep = min(6, max(1, len(address) // 2))
    return address[:keep] + "****"


def mask_phone(phone: str) -> str:
    """'13800138000' -> '138****8000'."""
    digits = phone[-11:] if len(phone) >= 11 else phone
    if len(digits) < 7:
        return "*" * len(digits)
    return f"{digits[:3]}****{digits[-4:]}"


def mask_id_number(id_no: str) -> str:
    """'110101199003074514' -> '110***********4514'."""
    if len(id_no) < 8:
        return "*" * len(id_no)
    return f"{id_no[:3]}{'*' * (len(id_no) - 7)}{id_no[-4:]}"


def mask_card(card_no: str) -> str:
    """'88000100000018' -> '8800******0018' (first four and last four shown)."""
    if len(card_no) <= 8:
        return card_no[:2] + "*" * max(0, len(card_no) - 4) + card_no[-2:]
    return f"{card_no[:4]}{'*' * (len(card_no) - 8)}{card_no[-4:]}"
