"""The holder's record on a chip: the card number and a check under the chain's
personal-data key; refused when the chip names another card, when its bytes or the
holder's identity changed, or when its key version is not held."""

from __future__ import annotations

import pytest

from pos_app.core import chip, members
from pos_app.core.errors import PosError
from pos_app.core.terminal import Terminal

from .helpers import enroll


def test_the_record_checks_its_card_and_holder(terminal: Terminal) -> None:
    a = enroll(terminal, "13800138000", id_number="110101199003074514", birthday=None)
    b = enroll(terminal, "13900139000", name="李伟")
    with terminal.read() as s:
        card_a, card_b = members.find_card(s, a), members.find_card(s, b)
        rec = chip.record_for(terminal, s, card_a)
        assert len(rec) == chip.RECORD_LEN and rec[:3] == b"PH1"
        assert chip.check_record(terminal, s, rec, card_a).card_no == a
        assert chip.check_record(terminal, s, rec).card_no == a
        with pytest.raises(PosError, match="carries card"):  # copied onto card b's chip
            chip.check_record(terminal, s, rec, card_b)
        forged = rec[:6] + b.encode().ljust(32, b"\0") + rec[38:]  # number swapped
        with pytest.raises(PosError, match="does not match its holder"):
            chip.check_record(terminal, s, forged)
        flipped = rec[:-1] + bytes([rec[-1] ^ 1])
        with pytest.raises(PosError, match="does not match its holder"):
            chip.check_record(terminal, s, flipped)
        with pytest.raises(PosError, match="key version 9"):
            chip.check_record(terminal, s, rec[:3] + b"\x00\x09" + rec[5:])
        with pytest.raises(PosError, match="no holder record"):
            chip.check_record(terminal, s, b"\xff" * 54)
    with terminal.tx() as s:  # the card handed to someone else: its chip no longer holds
        card_a = members.find_card(s, a)
        card_a.member_id = members.find_card(s, b).member_id
        s.flush()
        s.expire_all()
        with pytest.raises(PosError, match="does not match its holder"):
            chip.check_record(terminal, s, rec)
        s.rollback()


def test_a_chip_card_issued_here_is_pending_until_written(terminal: Terminal) -> None:
    """A chip card issued on this terminal, or a chip bound to a card here, waits for
    its chip to be written; a card without a chip never does, nor one another store
    issued (known from HQ)."""
    from datetime import UTC, datetime

    from pos_app.core.models import Card, CardMedia
    from pos_app.core.staff import CONSOLE

    ic = enroll(terminal, "13800138001", media="ic", media_id="04A1B2C3D4E5AA")
    plain = enroll(terminal, "13800138002")
    with terminal.tx() as s:
        card = members.find_card(s, ic)
        assert chip.unwritten_media(card) == "ic" and card.chip_written_at is None
        assert chip.unwritten_media(members.find_card(s, plain)) is None
        members.bind_card(terminal, s, plain, "nfc", "04A1B2C3D4E5AC", CONSOLE)
        assert chip.unwritten_media(members.find_card(s, plain)) == "nfc"  # a chip bound
        chip.written(terminal, s, card, "ic", CONSOLE)
        assert chip.unwritten_media(card) is None and card.chip_written_at is not None
        # as the sync client makes a card another store issued
        other = Card(card_no="8800000000999", member_id=card.member_id, status="active",
                     issued_at=datetime.now(UTC), franchisee="F2")
        s.add(other)
        s.flush()
        s.add(CardMedia(card_id=other.id, media="nfc", identifier="04A1B2C3D4E5AB"))
        s.flush()
        s.refresh(other)
        assert chip.chip_media(other) == "nfc" and chip.unwritten_media(other) is None
