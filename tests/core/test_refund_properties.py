"""Property: however a sale was paid and however its refund is split into pieces, the
refunds together give back exactly the total, each tender and the points."""

from __future__ import annotations

import random
import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos_app.core import catalog, ledger, refunds, shifts, staff
from pos_app.core.errors import PosError
from pos_app.core.tenders import TenderRequest
from pos_app.core.terminal import Terminal
from pos_app.demo import CATALOG, PROGRAM, STAFF

from .conftest import COAT, CREAM, D11, KETTLE, LIPSTICK, RICE, SCARF, SOCKS, TEA, TOTE, Clock
from .helpers import SUPERVISOR, cash, enroll, member_state, points, sell, sv

GOODS = [COAT, SCARF, LIPSTICK, TEA, KETTLE, CREAM, SOCKS, TOTE, RICE]

_state: dict[str, object] = {}


def _terminal() -> tuple[Terminal, str]:
    """One terminal for all examples (a new one each would spend the time on migrations)."""
    if "t" not in _state:
        tmp = Path(tempfile.mkdtemp(prefix="pos-prop-"))
        t = Terminal.init(
            tmp / "data",
            store="S001",
            terminal="T01",
            franchisee="F-EAST",
            program_file=PROGRAM,
            clock=Clock(D11),
        )
        with t.tx() as s:
            catalog.import_file(s, CATALOG, t.now())
            for code, name, role, pin in STAFF:
                staff.add_staff(s, code, name, role, pin)
            shifts.open_shift(t, s, Decimal("500.00"), SUPERVISOR)
        card = enroll(t, tier="gold")
        _state["t"], _state["card"] = t, card
    return _state["t"], _state["card"]  # type: ignore[return-value]


def _top_up(t: Terminal, card: str) -> None:
    from pos_app.core import stored_value
    from pos_app.core.staff import CONSOLE

    p, b, _ = member_state(t, card)
    if p + b < Decimal("2000"):
        with t.tx() as s:
            stored_value.topup(t, s, card, Decimal("1000.00"), "cash", CONSOLE)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    cart=st.lists(st.tuples(st.sampled_from(GOODS), st.integers(1, 4)), min_size=1, max_size=6),
    member=st.booleans(),
    pay=st.sampled_from(["cash", "points+cash", "sv", "sv+cash", "points+sv+bank", "bank"]),
    coupon=st.booleans(),
    seed=st.integers(0, 2**32),
)
def test_refund_in_pieces_returns_exactly(cart, member, pay, coupon, seed) -> None:  # type: ignore[no-untyped-def]
    pieces = random.Random(seed)  # not drawn from hypothesis: the state decides how many
    t, card = _terminal()
    _top_up(t, card)
    # earn points first if the member is short
    if member and member_state(t, card)[2] < 1000:
        sell(t, [(KETTLE, 9)], [cash()], card=card)
    tenders = {
        "cash": [cash()],
        "points+cash": [points(100), cash()],
        "sv": [sv()],
        "sv+cash": [sv("1.00"), cash()],
        "points+sv+bank": [points(100), sv("0.50"), TenderRequest("bank_card")],
        "bank": [TenderRequest("bank_card", reference="REF1")],
    }[pay]
    if not member:
        tenders = [x for x in tenders if x.kind not in ("points", "stored_value")] or [cash()]
        if tenders[-1].amount is not None:
            tenders = [cash()]
    code = None
    if coupon:
        code = f"D11-50-000{pieces.randint(1, 3)}"
    before = member_state(t, card)
    try:
        out = sell(t, cart, tenders, card=card if member else None, coupon=code)
    except PosError as e:  # a cart the rules refuse (coupon in use, points cap...) is fine
        assert any(
            w in str(e)
            for w in ("coupon", "points may pay", "more than the", "cover", "stored value ￥")
        )
        assert member_state(t, card) == before
        return
    sale = out.sale
    # refund in random pieces
    remaining = {ln.no: ln.qty for ln in sale.lines}
    pieces_back = []
    while remaining:
        no = pieces.choice(sorted(remaining))
        q = pieces.randint(1, remaining[no])
        with t.tx() as s:
            pieces_back.append(refunds.refund(t, s, sale.sale_no, [(no, q)], SUPERVISOR))
        remaining[no] -= q
        if not remaining[no]:
            del remaining[no]
    assert sum((r.refund.total for r in pieces_back), Decimal(0)) == sale.total
    for tender in sale.tenders:
        back = [x for r in pieces_back for x in r.tenders if x.kind == tender.kind]
        assert sum((x.amount for x in back), Decimal(0)) == tender.amount
        assert sum(x.points for x in back) == tender.points
        assert sum((x.principal for x in back), Decimal(0)) == tender.principal
        assert sum((x.bonus for x in back), Decimal(0)) == tender.bonus
    assert sum(r.points_taken_back for r in pieces_back) == out.points_earned
    assert member_state(t, card) == before
    assert pieces_back[-1].coupon_returned == bool(sale.coupon_code)
    with t.read() as s:
        assert ledger.verify(s).problems == []
