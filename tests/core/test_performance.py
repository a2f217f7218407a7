"""Staff performance through the core: sales credited to the assistant (else the
cashier), a qualifying non-member sale credited only where membership was offered,
refunds netted, enrollments and card-sale commission counted, a day and a month."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pos_app.core import performance, refunds, sales
from pos_app.core.errors import NotAllowed, NotFound, PosError
from pos_app.core.terminal import Terminal

from .conftest import COAT, KETTLE, Clock
from .helpers import CASHIER, SUPERVISOR, cash, enroll

D = Decimal
DAY = date(2026, 11, 9)


def sell(t: Terminal, code: str, card: str | None = None, assistant: str | None = None,
         offered: bool | None = None) -> sales.SaleOutcome:
    req = sales.SaleRequest(lines=[sales.LineRequest(code, 1)], tenders=[cash()],
                            member_card=card, credited_staff=assistant,
                            membership_offered=offered)
    with t.tx() as s:
        return sales.make_sale(t, s, req, CASHIER)


def report(t: Terminal, start: date = DAY, end: date = DAY) -> dict[str, dict[str, object]]:
    with t.read() as s:
        return {f.staff: f.as_dict() for f in performance.report(t, s, start, end, SUPERVISOR)}


def test_per_staff_figures_for_a_day_and_a_month(terminal: Terminal, clock: Clock) -> None:
    card = enroll(terminal)  # enrolled by the console
    sell(terminal, COAT, card, assistant="2001")  # member: 699.00 - 200 (满减) = 499.00
    credited_sale = sell(terminal, COAT, assistant="2001", offered=True)  # offered: credited
    not_offered = sell(terminal, COAT, assistant="2001", offered=False)
    sell(terminal, COAT, assistant="2001")  # not asked: not offered either
    sell(terminal, KETTLE)  # no assistant: credited to the cashier (offered: not asked)
    with terminal.tx() as s:
        performance.record_commission(s, "2001", D("800.00"), "card_sale", "C-1", clock.at)
    rep = report(terminal)
    a = rep["2001"]
    assert (a["sales"], a["orders"], a["vip_sales"], a["vip_share"]) == (
        "998.00", 2, "499.00", "0.5000")
    assert (a["not_credited"], a["not_credited_amount"], a["commission"]) == (2, "998.00",
                                                                               "800.00")
    assert rep["console"]["enrollments"] == 1
    assert not_offered.sale.membership_offered is False
    clock.advance(days=1)
    with terminal.tx() as s:  # refunds the next day: off the assistant's sales where the
        refunds.refund(terminal, s, credited_sale.sale.sale_no, None, SUPERVISOR)  # sale was
        refunds.refund(terminal, s, not_offered.sale.sale_no, None, SUPERVISOR)  # credited
    next_day = report(terminal, date(2026, 11, 10), date(2026, 11, 10))
    assert (next_day["2001"]["sales"], next_day["2001"]["not_credited"]) == ("-499.00", 0)
    with terminal.read() as s:
        start, end, kind = performance.period("2026-11")
        month = {f.staff: f for f in performance.report(terminal, s, start, end, SUPERVISOR)}
    assert (start, end, kind) == (date(2026, 11, 1), date(2026, 11, 30), "month")
    assert month["2001"].sales == D("499.00") and month["2001"].orders == 2  # 998 - 499
    assert rep["1001"]["not_credited"] == 1  # the kettle, ¥199 > ¥100, not offered


def test_refused(terminal: Terminal) -> None:
    with pytest.raises(NotAllowed, match="needs a supervisor"), terminal.read() as s:
        performance.report(terminal, s, DAY, DAY, CASHIER)
    for bad, code in (("2026-13", "performance.bad_month"), ("2026-11-31", "performance.bad_day"),
                      ("yesterday", "performance.bad_day")):
        with pytest.raises(PosError) as e:
            performance.period(bad)
        assert e.value.msg.code == code
    with pytest.raises(NotFound, match="no active staff member 7777"):
        sell(terminal, COAT, assistant="7777")
