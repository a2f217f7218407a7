"""The chain's personal-data key at HQ and HQ's member copies sealed with it.

The key has versions, kept in ``hq_secrets``: ``pii_key`` is version 1, ``pii_key.N``
version N, ``pii_key.current`` names the one in use. ``pos hq rotate-pii-key`` adds a
version and seals HQ's member copies with it; each registered, unrevoked terminal takes
the new version in its next handshake (logged as ``pii_key.fetch``) and seals its own
members again. Every version stays in the ring, so values sealed with an older one
(events still on their way, older backups) still open.

A member copy at HQ (``hq_members.data``) holds its personal data only sealed: name,
phone, ID number, birthday, email and address as ``*_enc`` (base64 of
:meth:`PiiVault.encrypt`), phone and ID number found by keyed hashes."""

from __future__ import annotations

import base64
import json
import secrets
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.outbox import canonical
from pos_app.core.pii import KEY_BYTES, PiiVault
from sync.hq.models import HqMember, HqSecret

FIRST = "pii_key"
CURRENT = "pii_key.current"
# a payload's plain field (from terminals of before every field was sealed) -> sealed key
PLAIN = {"name": "name_enc", "birthday": "birthday_enc", "email": "email_enc",
         "address": "address_enc"}
SEALED = {"name_enc": "name", "phone_enc": "phone", "id_no_enc": "id_number",
          "birthday_enc": "birthday", "email_enc": "email", "address_enc": "address"}
HASHED = {"phone_enc": "phone_hash", "id_no_enc": "id_no_hash"}


def _secret_name(version: int) -> str:
    return FIRST if version == 1 else f"{FIRST}.{version}"


def ring(s: Session) -> PiiVault:
    """Every version of the chain's key, the current one current (version 1 is made on
    first use)."""
    keys: dict[int, bytes] = {}
    current = None
    for row in s.scalars(select(HqSecret)):
        if row.name == CURRENT:
            current = int(row.value)
        elif row.name == FIRST:
            keys[1] = base64.b64decode(row.value)
        elif row.name.startswith(FIRST + ".") and row.name[len(FIRST) + 1:].isdigit():
            keys[int(row.name[len(FIRST) + 1:])] = base64.b64decode(row.value)
    if not keys:
        key = secrets.token_bytes(KEY_BYTES)
        s.add(HqSecret(name=FIRST, value=base64.b64encode(key).decode()))
        s.flush()
        keys[1] = key
    return PiiVault(keys, current if current in keys else max(keys))


def rotate(s: Session) -> tuple[int, int]:
    """Add a new version of the chain's key, make it current and seal HQ's member copies
    with it. Returns (the new version, member copies sealed again)."""
    old = ring(s)
    version = max(old.keys) + 1
    key = secrets.token_bytes(KEY_BYTES)
    s.add(HqSecret(name=_secret_name(version), value=base64.b64encode(key).decode()))
    cur = s.get(HqSecret, CURRENT)
    if cur is None:
        s.add(HqSecret(name=CURRENT, value=str(version)))
    else:
        cur.value = str(version)
    new = old.with_key(version, key)
    n = 0
    for m in s.scalars(select(HqMember)):
        data = seal_member(new, json.loads(m.data))
        m.data = canonical(data)
        m.phone_hash = data.get("phone_hash")
        n += 1
    s.flush()
    return version, n


def _b64(blob: bytes) -> str:
    return base64.b64encode(blob).decode()


def seal_member(v: PiiVault, payload: dict[str, Any]) -> dict[str, Any]:
    """A member's payload as HQ keeps it: plain personal fields sealed, every sealed
    field sealed with the current key version, the lookup hashes made with it."""
    out = dict(payload)
    for plain, col in PLAIN.items():
        value = out.pop(plain, None)
        if value and not out.get(col):
            out[col] = _b64(v.encrypt(SEALED[col], str(value)))
    for col, field in SEALED.items():
        blob = out.get(col)
        if not blob:
            continue
        raw = base64.b64decode(blob)
        try:
            clear = v.decrypt(field, raw)
        except ValueError:
            continue  # sealed with a key HQ never gave out: kept as it came
        if not v.current(raw):
            out[col] = _b64(v.encrypt(field, clear))
        if col in HASHED:
            out[HASHED[col]] = v.lookup_hash(field, clear)
    return out


def open_field(v: PiiVault, data: dict[str, Any], field: str) -> str:
    """One personal field of a member copy in clear ('' when there is none)."""
    col = {f: c for c, f in SEALED.items()}[field]
    blob = data.get(col)
    if blob:
        return v.decrypt(field, base64.b64decode(blob))
    plain = data.get(field)
    return str(plain) if plain else ""
