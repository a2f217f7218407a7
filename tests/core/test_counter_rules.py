"""Rules the counter checks as they are entered: a coupon at entry, and the most stored
value a card may pay (what the sale path would take, no more)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from pos_app.core import catalog, members, pricing
from pos_app.core.errors import PosError
from pos_app.core.pricing import PricingError, check_coupon
from pos_app.core.staff import CONSOLE
from pos_app.core.tenders import stored_value_room
from pos_app.core.terminal import Terminal
from tests.core.conftest import COAT, D11, KETTLE
from tests.core.helpers import cash, enroll, sell, sv

D = Decimal


def items(t: Terminal, *codes: str) -> list[pricing.CartItem]:
    with t.read() as s:
        found = [catalog.cart_item(s, c) for c in codes]
    assert all(found)
    return found  # type: ignore[return-value]


def test_a_coupon_is_refused_at_entry_with_the_reason(terminal: Terminal) -> None:
    p = terminal.program
    coat = items(terminal, COAT)
    kettle = items(terminal, KETTLE)
    with pytest.raises(PricingError, match="not a code of this program"):
        check_coupon(p, coat, D11, "NOPE-1")
    with pytest.raises(PricingError, match="valid 2026-11-01 to 2026-11-11"):
        check_coupon(p, coat, D11 + timedelta(days=5), "D11-50-0001")
    with pytest.raises(PricingError, match="already been used"):
        check_coupon(p, coat, D11, "D11-50-0001", used_coupons={"D11-50-0001"})
    with pytest.raises(PricingError, match="one coupon per receipt"):
        check_coupon(p, coat, D11, "D11-50-0002", current="D11-50-0001")
    with pytest.raises(PricingError, match="needs a spend of 300.00.*259.00"):
        check_coupon(p, kettle, D11, "D11-50-0001")
    with pytest.raises(PricingError, match="the cart is empty"):
        check_coupon(p, [], D11, "D11-50-0001")
    priced = check_coupon(p, coat, D11, "D11-50-0001")
    assert priced.coupon_code == "D11-50-0001"
    assert priced.total == pricing.quote(p, coat, D11).total - D("50.00")


def test_stored_value_room_is_what_the_sale_path_takes(terminal: Terminal) -> None:
    main = enroll(terminal, topup="1000.00")  # 1,000.00 + 120.00 bonus
    with terminal.tx() as s:
        card = members.find_card(s, main)
        room = stored_value_room(terminal, s, card, D11)
        assert (room.amount, room.why) == (D("1120.00"), "stored value balance ￥1,120.00")
        assert stored_value_room(terminal, s, card, D11, D("1000.00")).amount == D("120.00")
        sup = members.supplementary(terminal, s, main, CONSOLE, holder_name="王小芳",
                                    limit_per_sale=D("300.00"), limit_per_day=D("500.00"))
        sup_no = sup.card_no
    with terminal.read() as s:
        room = stored_value_room(terminal, s, members.find_card(s, sup_no), D11)
    assert room.amount == D("300.00") and "per sale" in room.why
    spent = sell(terminal, [(KETTLE, 1)], [sv()], card=sup_no).sale.total
    left = D("500.00") - spent
    with terminal.read() as s:
        room = stored_value_room(terminal, s, members.find_card(s, sup_no), D11)
    assert room.amount == left and "a day" in room.why and str(spent) in room.why
    # the sale path refuses one cent more, and takes exactly the room
    with pytest.raises(PosError, match="a day"):
        sell(terminal, [(COAT, 1)], [sv(str(left + D("0.01"))), cash()], card=sup_no)
    out = sell(terminal, [(COAT, 1)], [sv(str(left)), cash()], card=sup_no)
    assert out.sale.tenders[0].amount == left


def test_a_manual_discount_needs_a_supervisor(terminal: Terminal) -> None:
    from pos_app.core import sales
    from pos_app.core.errors import NotAllowed
    from tests.core.helpers import CASHIER, SUPERVISOR

    req = sales.SaleRequest(
        lines=[sales.LineRequest(KETTLE, 1, manual_rate=D("0.85"))], tenders=[cash()]
    )
    with terminal.tx() as s, pytest.raises(NotAllowed, match="supervisor"):
        sales.make_sale(terminal, s, req, CASHIER)
    with terminal.tx() as s:
        out = sales.make_sale(terminal, s, req, CASHIER, SUPERVISOR)
        assert out.sale.total == D("220.15")  # 259.00 x 0.85
        assert out.sale.approved_by == "2001"
    bad = sales.SaleRequest(
        lines=[sales.LineRequest(KETTLE, 1, manual_rate=D("0.05"))], tenders=[cash()]
    )
    with terminal.tx() as s, pytest.raises(PosError, match="manual discount keeps"):
        sales.make_sale(terminal, s, bad, CASHIER, SUPERVISOR)
