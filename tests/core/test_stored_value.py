"""Stored value: the bonus ladder, principal and bonus kept apart and spent in the
program's order, the prepaid-card caps, the real-name threshold, never cash out."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from pos_app.core import members, stored_value
from pos_app.core.errors import PosError
from pos_app.core.staff import CONSOLE
from pos_app.core.terminal import Terminal

from .conftest import KETTLE
from .helpers import SUPERVISOR, enroll, member_state, sell, sv

D = Decimal


def topup(t: Terminal, card: str, amount: str, tender: str = "cash") -> stored_value.TopupResult:
    with t.tx() as s:
        return stored_value.topup(t, s, card, D(amount), tender, CONSOLE)


@pytest.mark.parametrize(
    "amount,bonus",
    [
        ("100.00", "0.00"),
        ("499.99", "0.00"),
        ("500.00", "50.00"),
        ("999.99", "50.00"),
        ("1000.00", "120.00"),
        ("3000.00", "450.00"),
    ],
)
def test_bonus_ladder(terminal: Terminal, amount: str, bonus: str) -> None:
    card = enroll(terminal)
    res = topup(terminal, card, amount)
    assert (res.principal, res.bonus) == (D(amount), D(bonus))


def test_registered_and_anonymous_caps(terminal: Terminal) -> None:
    card = enroll(terminal)
    topup(terminal, card, "3000.00")  # 3450 with bonus
    with pytest.raises(PosError, match=r"over the ￥5,000.00 cap of a registered card"):
        topup(terminal, card, "1600.00")
    topup(terminal, card, "1430.00")  # exactly 5000.00 (bonus 120 included)
    assert sum(member_state(terminal, card)[:2]) == D("5000.00")
    with terminal.tx() as s:
        anon = members.enroll(terminal, s, members.Enrollment(anonymous=True), CONSOLE)
        anon_no = members.main_card(s, anon).card_no
    with pytest.raises(PosError, match=r"over the ￥1,000.00 cap of an anonymous card"):
        topup(terminal, anon_no, "1000.00")  # +120 bonus
    topup(terminal, anon_no, "880.00")  # + 50 bonus = 930


def test_real_name_threshold(terminal: Terminal) -> None:
    rules = dataclasses.replace(terminal.program.stored_value, max_balance_registered=D("50000.00"))
    terminal.program = dataclasses.replace(terminal.program, stored_value=rules)
    card = enroll(terminal)
    with pytest.raises(PosError, match="needs the holder's ID number on file"):
        topup(terminal, card, "10000.00")
    topup(terminal, card, "9999.99")
    with_id = enroll(
        terminal, phone="13900139000", id_number="11010519491231002X", birthday=date(1949, 12, 31)
    )
    topup(terminal, with_id, "10000.00")


@pytest.mark.parametrize(
    "amount,tender,msg",
    [
        ("0.00", "cash", "above zero"),
        ("-5.00", "cash", "above zero"),
        ("100.00", "stored_value", "paid by cash, bank_card, other"),
        ("100.00", "points", "paid by cash, bank_card, other"),
    ],
)
def test_bad_topups(terminal: Terminal, amount: str, tender: str, msg: str) -> None:
    card = enroll(terminal)
    with pytest.raises(PosError, match=msg):
        topup(terminal, card, amount, tender)
    assert member_state(terminal, card) == (D("0.00"), D("0.00"), 0)


@pytest.mark.parametrize(
    "order,expect",
    [
        ("principal_first", (D("259.00"), D("0.00"))),
        ("bonus_first", (D("139.00"), D("120.00"))),
        ("proportional", (D("231.25"), D("27.75"))),  # 259 x 120/1120 = 27.75 from bonus
    ],
)
def test_spend_order(terminal: Terminal, order: str, expect: tuple[Decimal, Decimal]) -> None:
    rules = dataclasses.replace(
        terminal.program.stored_value, bonus_spend_order=order, pay_discount=D("1.00")
    )
    terminal.program = dataclasses.replace(terminal.program, stored_value=rules)
    card = enroll(terminal)
    topup(terminal, card, "1000.00")  # 1000 + 120
    out = sell(terminal, [(KETTLE, 1)], [sv()], card=card)
    t = out.sale.tenders[0]
    assert (t.principal, t.bonus) == expect
    assert member_state(terminal, card)[:2] == (D("1000.00") - expect[0], D("120.00") - expect[1])


def test_stored_value_is_never_cash_out(terminal: Terminal) -> None:
    """A refund of a stored-value sale goes back to the card, never to the cash drawer."""
    from pos_app.core import refunds

    card = enroll(terminal)
    topup(terminal, card, "500.00")
    out = sell(terminal, [(KETTLE, 1)], [sv()], card=card)
    with terminal.tx() as s:
        r = refunds.refund(terminal, s, out.sale.sale_no, None, SUPERVISOR)
    assert [x.kind for x in r.tenders] == ["stored_value"]
    assert member_state(terminal, card)[:2] == (D("500.00"), D("50.00"))
