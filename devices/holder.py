"""Writing the holder's record (pos_app/core/chip.py) to a chip card or NFC tag from the
running reader: what every reader's ``write_holder`` checks before it writes, and how a
write that did not happen is told (:class:`ChipWriteRefused`, coded for the screens).

A reader that can write has ``holder_media`` (the media it writes) and
``write_holder(card_no, record, expected_uid, wait_s) -> uid``, run in the reader's own
thread by :meth:`devices.manager.DeviceManager.write_holder`."""

from __future__ import annotations

from devices.base import DeviceProblem

MAGIC = b"PH1"  # a holder's record begins so (pos_app/core/chip.py)
NUMBER_AT = 6  # the card number's length byte is at 5, the number from 6


class ChipWriteRefused(DeviceProblem):
    """The holder's record was not written. ``code``: ``no_card`` (none in the reader or
    on the pad within the wait), ``wrong_card`` (a chip bound to another card, or one
    carrying another card's record) or ``write_failed`` (the card refused or was pulled
    out; the reader or its service is not there)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def written_number(data: bytes | None) -> str | None:
    """The card number a holder's record on a chip names, or None (blank or foreign)."""
    if not data or len(data) <= NUMBER_AT or bytes(data[:3]) != MAGIC:
        return None
    n = data[5]
    try:
        return bytes(data[NUMBER_AT:NUMBER_AT + n]).decode("ascii") or None
    except UnicodeDecodeError:
        return None


def check_target(card_no: str, expected_uid: str | None, uid: str,
                 old_record: bytes | None) -> None:
    """Refuse (``wrong_card``) to write ``card_no``'s record to a chip whose UID is not
    the one bound to that card, or that already carries another card's record."""
    if expected_uid and uid and uid.upper() != expected_uid.upper():
        raise ChipWriteRefused("wrong_card", f"the chip in the reader is {uid}, the card "
                               f"issued is bound to {expected_uid.upper()}")
    other = written_number(old_record)
    if other is not None and other != card_no:
        raise ChipWriteRefused("wrong_card", "the chip in the reader carries another "
                               "card's holder record")
