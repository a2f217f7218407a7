"""Magnetic stripe data (ISO/IEC 7813 tracks 1 and 2, ISO 4909 track 3 kept raw).

A reader sends what it decoded as text, one or more tracks, each between its start
sentinel (``%`` track 1, ``;`` tracks 2/3) and the end sentinel ``?``, optionally followed
by the LRC character. A failed track is sent as ``%E?`` / ``;E?`` (``+E?`` on some readers).

Our own VIP and stored-value cards carry the card number in the track-2 number field
(configurable: track and slice). A bank card's track data is never kept: the result holds
only a masked reference (first 6 and last 4 digits), and :func:`repr` never shows data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from stdnum import luhn

TRACK1_CHARS = frozenset(chr(c) for c in range(0x20, 0x60))  # 6-bit ISO alphabet
TRACK2_CHARS = frozenset("0123456789:;<=>?")  # 4-bit ISO alphabet (BCD + controls)
MAX_SWIPE = 512


class SwipeError(ValueError):
    """A swipe that could not be read; show "swipe again" to the cashier."""

    code = "swipe_again"


@dataclass(frozen=True)
class Track:
    number: int  # 1, 2 or 3
    data: str = field(repr=False)  # between the sentinels
    lrc_ok: bool | None = None  # None: the reader did not pass an LRC

    @property
    def fields(self) -> list[str]:
        return self.data[1:].split("^") if self.number == 1 else self.data.split("=")


@dataclass(frozen=True)
class Swipe:
    """A decoded swipe. ``tracks`` is empty for bank cards (never kept)."""

    card_number: str | None
    bank_card: bool
    masked: str | None
    tracks: tuple[Track, ...] = field(default=(), repr=False)


def lrc_char(track_number: int, body_with_sentinels: str) -> str:
    """The LRC character for a track from start to end sentinel inclusive."""
    base, mask = (0x20, 0x3F) if track_number == 1 else (0x30, 0x0F)
    acc = 0
    for ch in body_with_sentinels:
        acc ^= (ord(ch) - base) & mask
    return chr(acc + base)


def mask_pan(pan: str) -> str:
    if len(pan) < 11:
        return "*" * len(pan)
    return pan[:6] + "*" * (len(pan) - 10) + pan[-4:]


def split_tracks(text: str, lrc: bool | None = None) -> list[Track]:
    """Find the tracks in a swipe; raises :class:`SwipeError` on bad or torn data.

    ``lrc``: True when the reader always sends the LRC after ``?``, False when it never
    does, None to accept it where it cannot be mistaken for the next start sentinel.
    """
    if len(text) > MAX_SWIPE:
        raise SwipeError("swipe data too long")
    tracks: list[Track] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in "\r\n\t ":
            i += 1
            continue
        if ch not in "%;+":
            raise SwipeError("no start sentinel: swipe again")
        end = text.find("?", i + 1)
        if end < 0:
            raise SwipeError("torn swipe (no end sentinel): swipe again")
        body = text[i + 1 : end]
        if body == "E":
            raise SwipeError("the reader could not read the stripe: swipe again")
        if ch == "%":
            number = 1
            alphabet = TRACK1_CHARS
        else:
            # ";" is track 2 unless track 2 was already seen (then track 3); "+" is track 3
            number = 3 if ch == "+" or any(t.number == 2 for t in tracks) else 2
            alphabet = TRACK2_CHARS
        if not body or any(c not in alphabet or c in "%;?" for c in body):
            raise SwipeError(f"bad characters on track {number}: swipe again")
        lrc_ok: bool | None = None
        j = end + 1
        if lrc is True and j >= n:
            raise SwipeError(f"LRC missing on track {number}: swipe again")
        if j < n and (lrc is True or (lrc is None and text[j] not in "%;+\r\n\t ")):
            lrc_ok = text[j] == lrc_char(number, ch + body + "?")
            if not lrc_ok:
                raise SwipeError(f"LRC mismatch on track {number}: swipe again")
            j += 1
        if any(t.number == number for t in tracks):
            raise SwipeError(f"track {number} twice in one swipe: swipe again")
        tracks.append(Track(number, body, lrc_ok))
        i = j
    if not tracks:
        raise SwipeError("empty swipe: swipe again")
    return tracks


def _pan(tracks: Sequence[Track]) -> str | None:
    for t in tracks:
        if t.number == 2:
            return t.fields[0]
        if t.number == 1 and t.data[:1].isalpha():
            return t.fields[0]
    return None


def is_bank_card(tracks: Sequence[Track], own_prefixes: Sequence[str] = ()) -> bool:
    """True unless the card is one of ours.

    With ``own_prefixes`` configured, a card is ours only when its number starts with one of
    them. Without, a card is a bank card when track 1 has format code ``B`` or the number
    is a Luhn-valid 13-19 digit PAN with an expiry/service code after the separator.
    """
    pan = _pan(tracks)
    if own_prefixes:
        return not (pan and pan.startswith(tuple(own_prefixes)))
    for t in tracks:
        if t.number == 1 and t.data.startswith("B"):
            return True
        if t.number == 2:
            f = t.fields
            if (
                len(f) >= 2
                and 13 <= len(f[0]) <= 19
                and f[0].isdigit()
                and luhn.is_valid(f[0])
                and len(f[1]) >= 7
            ):
                return True
    return False


def parse_swipe(
    data: bytes | str,
    *,
    number_track: int = 2,
    number_slice: tuple[int, int] | None = None,
    own_prefixes: Sequence[str] = (),
    lrc: bool | None = None,
) -> Swipe:
    """Decode one swipe. Our card number comes from the number field of ``number_track``.

    ``number_slice`` (start, end) cuts the number out of that field for chains whose
    card number is part of it. Track 3 has no number field: the whole track is used.
    """
    if isinstance(data, bytes | bytearray):
        try:
            text = bytes(data).decode("ascii")
        except UnicodeDecodeError:
            raise SwipeError("non-ASCII bytes in swipe: swipe again") from None
    else:
        text = data
    tracks = split_tracks(text, lrc)
    if is_bank_card(tracks, own_prefixes):
        pan = _pan(tracks)
        return Swipe(card_number=None, bank_card=True, masked=mask_pan(pan) if pan else None)
    wanted = [t for t in tracks if t.number == number_track]
    if not wanted:
        raise SwipeError(f"track {number_track} missing: swipe again")
    t = wanted[0]
    number = t.data if t.number == 3 else t.fields[0]
    if number_slice is not None:
        number = number[number_slice[0] : number_slice[1]]
    number = number.strip()
    if not number:
        raise SwipeError("no card number on the stripe: swipe again")
    return Swipe(card_number=number, bank_card=False, masked=None, tracks=tuple(tracks))
