"""Personal data: phone and ID number encrypted at rest (AES-GCM), found by a keyed
hash (HMAC-SHA256), and shown masked (138****8000)."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 64  # 32 for AES-256-GCM, 32 for the lookup HMAC


class PiiVault:
    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError("the personal-data key must be 64 bytes")
        self._aead = AESGCM(key[:32])
        self._mac_key = key[32:]

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
            return cls(path.read_bytes())
        except FileNotFoundError as e:
            raise ValueError(f"personal-data key file missing: {path}") from e

    def encrypt(self, field: str, value: str) -> bytes:
        nonce = secrets.token_bytes(12)
        return nonce + self._aead.encrypt(nonce, value.encode("utf-8"), field.encode())

    def decrypt(self, field: str, blob: bytes) -> str:
        return self._aead.decrypt(blob[:12], blob[12:], field.encode()).decode("utf-8")

    def lookup_hash(self, field: str, value: str) -> str:
        return hmac.new(self._mac_key, f"{field}:{value}".encode(), hashlib.sha256).hexdigest()


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
