"""Members and cards: enrollment rules, personal data encrypted and masked, card numbers
in sequence with a check digit, card media, supplementary cards, lost cards."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select
from stdnum import luhn

from pos_app.core import members
from pos_app.core.errors import PosError
from pos_app.core.models import Member, TierChange
from pos_app.core.staff import CONSOLE
from pos_app.core.terminal import DB_FILE, Terminal

from .conftest import KETTLE
from .helpers import cash, enroll, member_state, points, sell, sv

D = Decimal
ID_NO = "11010519491231002X"  # a valid GB 11643 number, born 1949-12-31


def do_enroll(t: Terminal, **kw: object) -> Member:
    with t.tx() as s:
        return members.enroll(t, s, members.Enrollment(**kw), CONSOLE)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "kw,msg",
    [
        ({"name": "张三", "phone": "12345"}, "not a valid mainland China number"),
        ({"name": "张三", "phone": "01065529988"}, "not a mainland mobile number"),
        ({"name": "张三", "phone": "+14155552671"}, "not a valid mainland China number"),
        ({"name": "", "phone": "13800138000"}, "name is required"),
        ({"name": "张三"}, "phone is required"),
        (
            {"name": "张三", "phone": "13800138000", "birthday": date(2010, 1, 1)},
            "applicant is 16; members must be 18 or older",
        ),
        (
            {"name": "张三", "phone": "13800138000", "id_number": "110105194912310021"},
            "not a valid resident ID",
        ),
        (
            {
                "name": "张三",
                "phone": "13800138000",
                "id_number": ID_NO,
                "birthday": date(1950, 1, 1),
            },
            "does not match the ID number's 1949-12-31",
        ),
        ({"name": "张三", "phone": "13800138000", "email": "zhang@"}, "not an email address"),
        (
            {"name": "张三", "phone": "13800138000", "media": "punchcard"},
            "card media must be one of",
        ),
        (
            {"name": "张三", "phone": "13800138000", "card_no": "88000100000019"},
            "wrong check digit",
        ),
        ({"name": "张三", "phone": "13800138000", "media": "nfc", "media_id": "XYZ"}, "hex"),
    ],
)
def test_enrollment_refuses_bad_input(terminal: Terminal, kw: dict[str, object], msg: str) -> None:
    with pytest.raises(PosError, match=msg):
        do_enroll(terminal, **kw)
    with terminal.read() as s:
        assert s.scalars(select(Member)).first() is None


def test_enroll_and_duplicate_phone(terminal: Terminal) -> None:
    m = do_enroll(
        terminal,
        name="王芳",
        phone="+86 138-0013-8000",
        birthday=date(1990, 5, 20),
        marketing_consent=True,
        email="w@example.com",
    )
    assert m.marketing_consent and m.marketing_consent_at == terminal.now()
    with pytest.raises(PosError, match=r"phone 138\*\*\*\*8000 already belongs to a member"):
        do_enroll(terminal, name="Other", phone="13800138000")
    with terminal.tx() as s:
        found = members.find_by_phone(terminal, s, "138 0013 8000")
        assert found.id == m.id
        summary = members.summary(terminal, s, found)
    assert summary["phone"] == "138****8000"
    assert summary["tier"] == "regular"
    with terminal.read() as s:
        change = s.scalars(select(TierChange)).one()
    assert (change.to_tier, change.reason) == ("regular", "enrolled")


def test_personal_data_encrypted_at_rest(terminal: Terminal) -> None:
    do_enroll(terminal, name="王芳", phone="13800138000", id_number=ID_NO)
    terminal.close()
    raw = b"".join(p.read_bytes() for p in terminal.data_dir.glob(DB_FILE + "*"))
    assert b"13800138000" not in raw
    assert ID_NO.encode() not in raw
    assert "13800138000".encode("utf-16-le") not in raw
    with terminal.read() as s:
        m = s.scalars(select(Member)).one()
        assert m.phone_enc and b"13800138000" not in m.phone_enc
        assert members.reveal_phone(terminal, m) == "13800138000"


def test_card_numbers_in_sequence_with_check_digit(terminal: Terminal) -> None:
    cards = [enroll(terminal, phone=f"1390013900{i}") for i in range(3)]
    assert cards == ["88000100000012", "88000100000020", "88000100000038"]
    assert all(luhn.is_valid(c) for c in cards)


def test_card_media_find_the_same_member(terminal: Terminal) -> None:
    card = enroll(terminal)
    with terminal.tx() as s:
        c = members.find_card(s, card)
        members.bind_media(s, c, "nfc", "04:a1:b2:c3:d4:e5:f6")
        members.bind_media(s, c, "ic", "3B8F8001")
        members.bind_media(s, c, "magstripe", None)
    with terminal.tx() as s:
        for ident, media in [
            ("04A1B2C3D4E5F6", "nfc"),
            ("3B8F8001", "ic"),
            (card, "magstripe"),
            (card, "barcode"),
            (card, None),
        ]:
            assert members.find_card(s, ident, media).card_no == card
    other = enroll(terminal, phone="13900139000")
    with terminal.tx() as s, pytest.raises(PosError, match="already bound to another card"):
        members.bind_media(s, members.find_card(s, other), "nfc", "04A1B2C3D4E5F6")


def test_lost_card_blocked_at_once_and_replaced(terminal: Terminal) -> None:
    card = enroll(terminal, topup="1000.00")
    sell(terminal, [(KETTLE, 4)], [cash()], card=card)
    before = member_state(terminal, card)
    with terminal.tx() as s:
        members.block_card(terminal, s, card, CONSOLE, "lost")
    with pytest.raises(PosError, match="is blocked: it cannot be used"):
        sell(terminal, [(KETTLE, 1)], [sv()], card=card)
    with terminal.tx() as s:
        new = members.replace_card(terminal, s, card, CONSOLE).card_no
    assert new != card
    assert member_state(terminal, new) == before  # balance and points moved
    assert member_state(terminal, card)[:2] == (D("0.00"), D("0.00"))
    sell(terminal, [(KETTLE, 1)], [points(100), sv()], card=new)
    with terminal.tx() as s, pytest.raises(PosError, match="already replaced"):
        members.replace_card(terminal, s, card, CONSOLE)


def test_anonymous_card(terminal: Terminal) -> None:
    m = do_enroll(terminal, anonymous=True)
    assert m.anonymous and m.phone_hash is None
    with pytest.raises(PosError, match="anonymous card takes no ID number"):
        do_enroll(terminal, anonymous=True, id_number=ID_NO)
