"""Chip cards carry their holder: at issue the counter writes the card number and a keyed
check of the holder's identity to the contact IC card and the NFC tag; on use the data
read from the chip must name the card presented and its check must hold, else the card
is refused.

The record (:data:`RECORD_LEN` bytes): ``PH1``, the personal-data key version (2 bytes,
big-endian), the card number's length and the number (ASCII, 32 bytes padded with 0),
and the check: the first 16 bytes of HMAC-SHA256 under the chain's personal-data key
(the version named; HQ gives every terminal the ring, so a chip written in one store
checks in every other) of the card number, the holder's member id chain-wide, name and
ID number. A card moved to another member, a holder's name or ID changed, a chip
copied onto another card or its bytes edited: the check fails.

A chip card is issued first and written next: a chip card issued on this terminal is
``chip_pending`` until its holder's record is written (``chip_written_at``), the one the
counter still has to write (:func:`unwritten_media`)."""

from __future__ import annotations

import hashlib
import hmac

from sqlalchemy.orm import Session

from pos_app.core import members
from pos_app.core.errors import PosError
from pos_app.core.models import Card
from pos_app.core.pii import mask_card
from pos_app.core.staff import Operator, audit, require
from pos_app.core.terminal import Terminal

MAGIC = b"PH1"
NUMBER_LEN = 32
MAC_LEN = 16
RECORD_LEN = len(MAGIC) + 2 + 1 + NUMBER_LEN + MAC_LEN  # 54
CHIP_MEDIA = ("ic", "nfc")


def _check(t: Terminal, s: Session, card: Card, version: int) -> bytes:
    key = t.vault.keys.get(version)
    if key is None:
        raise PosError("chip.unknown_key", version=version)
    m = card.member
    who = members.personal(t, m)
    text = "|".join([card.card_no, m.uid, who.get("name") or "", who.get("id_number") or ""])
    return hmac.new(key[32:], b"pos chip holder:" + text.encode(), hashlib.sha256).digest()[
        :MAC_LEN]


def record_for(t: Terminal, s: Session, card: Card) -> bytes:
    """The bytes to write to ``card``'s chip."""
    no = card.card_no.encode("ascii")
    version = t.vault.version
    return (MAGIC + version.to_bytes(2, "big") + bytes([len(no)]) + no.ljust(NUMBER_LEN, b"\0")
            + _check(t, s, card, version))


def parse(data: bytes) -> tuple[int, str, bytes]:
    """(key version, card number, check) of a record read from a chip."""
    data = bytes(data)
    if len(data) < RECORD_LEN or data[:3] != MAGIC or not 1 <= data[5] <= NUMBER_LEN:
        raise PosError("chip.no_record")
    version = int.from_bytes(data[3:5], "big")
    try:
        no = data[6:6 + data[5]].decode("ascii")
    except UnicodeDecodeError as e:
        raise PosError("chip.no_record") from e
    return version, no, data[6 + NUMBER_LEN:RECORD_LEN]


def check_record(t: Terminal, s: Session, data: bytes, presented: Card | None = None) -> Card:
    """The card a chip's record names, after its holder check held; ``presented``: the
    card the chip was found as (by its UID), which the record must name."""
    version, no, mac = parse(data)
    card = members.find_card(s, no)
    if presented is not None and presented.card_no != card.card_no:
        raise PosError("chip.other_card", card=mask_card(presented.card_no),
                       written=mask_card(no))
    if not hmac.compare_digest(mac, _check(t, s, card, version)):
        raise PosError("chip.bad_check", card=mask_card(no))
    return card


def chip_media(card: Card) -> str | None:
    """The card's chip medium ("ic" or "nfc"), or None for a card without a chip."""
    return next((m.media for m in card.media if m.media in CHIP_MEDIA), None)


def chip_uid(card: Card, media: str) -> str | None:
    """The chip or tag UID bound to the card for ``media``, if one is."""
    return next((m.identifier for m in card.media
                 if m.media == media and m.identifier != card.card_no), None)


def unwritten_media(card: Card) -> str | None:
    """The chip medium of a card issued here whose holder's record is not on its chip
    yet."""
    return chip_media(card) if card.chip_pending else None


def written(t: Terminal, s: Session, card: Card, media: str, who: Operator) -> None:
    """Record (and audit) that the holder's record was written to the card's chip or tag."""
    require(who, "chip_data", None)
    card.chip_written_at = t.now()
    card.chip_pending = False
    audit(s, t.now(), who, "chip_write", f"card {mask_card(card.card_no)}",
          {"media": media, "key_version": t.vault.version})
