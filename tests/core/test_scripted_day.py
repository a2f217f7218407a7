"""A scripted day: 1,000 random sales, top-ups, refunds and enrollments on one terminal,
some through the command line, ending with `pos ledger verify` clean and the books
agreeing with the sales records."""

from __future__ import annotations

import random
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from pos_app import cli
from pos_app.core import ledger, members, refunds, sales, stored_value
from pos_app.core.errors import PosError
from pos_app.core.models import Account, Sale, Topup
from pos_app.core.tenders import TenderRequest
from pos_app.core.terminal import Terminal

from .conftest import COAT, CREAM, KETTLE, LIPSTICK, RICE, SCARF, SOCKS, TEA, TOTE, Clock
from .helpers import CASHIER, SUPERVISOR, enroll

GOODS = [COAT, SCARF, LIPSTICK, TEA, KETTLE, CREAM, SOCKS, TOTE, RICE]
OPS = 1000
SEED = 20261109


def test_scripted_day(terminal: Terminal, clock: Clock) -> None:
    rng = random.Random(SEED)
    clock.at = clock.at.replace(hour=9)
    cards = [enroll(terminal, phone=f"1380013{i:04d}") for i in range(20)]
    counts = dict.fromkeys(("sale", "topup", "refund", "enroll", "refused", "cli"), 0)
    sale_nos: list[str] = []
    for op in range(OPS):
        clock.advance(seconds=30)
        r = rng.random()
        try:
            if r < 0.6:
                card = rng.choice(cards) if rng.random() < 0.7 else None
                cart = [sales.LineRequest(rng.choice(GOODS), rng.randint(1, 3))
                        for _ in range(rng.randint(1, 5))]
                kinds = rng.choice([["cash"], ["bank_card"], ["points", "cash"],
                                    ["stored_value"], ["stored_value", "cash"]])
                if card is None:
                    kinds = [k for k in kinds if k in ("cash", "bank_card")] or ["cash"]
                tenders = []
                for k in kinds:
                    if k == "points":
                        tenders.append(TenderRequest("points", points=100))
                    elif k == "stored_value" and len(kinds) > 1:
                        tenders.append(TenderRequest("stored_value", Decimal("10.00")))
                    else:
                        tenders.append(TenderRequest(k))
                coupon = f"D11-50-000{rng.randint(1, 3)}" if rng.random() < 0.05 else None
                if op % 10 == 0:
                    # at the script's clock: a late entry, a manager approving
                    argv = ["--data-dir", str(terminal.data_dir), "--approver", "3001",
                            "--approver-pin", "3333", "sale", "--at", clock.at.isoformat()]
                    if card:
                        argv += ["--member-card", card]
                    for ln in cart:
                        argv += ["--item", f"{ln.code}*{ln.qty}"]
                    for tr in tenders:
                        argv += ["--tender", tr.kind + (f":{tr.points}" if tr.points else
                                                        f":{tr.amount}" if tr.amount else "")]
                    if coupon:
                        argv += ["--coupon", coupon]
                    code = cli.main(argv)
                    counts["cli" if code == 0 else "refused"] += 1
                    continue
                with terminal.tx() as s:
                    out = sales.make_sale(terminal, s, sales.SaleRequest(
                        cart, tenders, member_card=card, coupon=coupon), CASHIER)
                sale_nos.append(out.sale.sale_no)
                counts["sale"] += 1
            elif r < 0.75:
                with terminal.tx() as s:
                    stored_value.topup(terminal, s, rng.choice(cards),
                                       Decimal(rng.choice(["100.00", "500.00", "1000.00"])),
                                       rng.choice(["cash", "bank_card"]), CASHIER)
                counts["topup"] += 1
            elif r < 0.95 and sale_nos:
                no = rng.choice(sale_nos)
                with terminal.tx() as s:
                    sale = sales.find_sale(s, no)
                    open_lines = [(ln.no, ln.qty - ln.refunded_qty) for ln in sale.lines
                                  if ln.qty > ln.refunded_qty]
                    if not open_lines:
                        raise PosError("fully refunded")
                    ln_no, left = rng.choice(open_lines)
                    refunds.refund(terminal, s, no, [(ln_no, rng.randint(1, left))], SUPERVISOR)
                counts["refund"] += 1
            else:
                cards.append(enroll(terminal, phone=f"1390013{op:04d}"))
                counts["enroll"] += 1
        except PosError:
            counts["refused"] += 1  # over a cap, points short, coupon used: nothing written
        if op % 250 == 0:
            clock.advance(hours=1)
    assert counts["sale"] > 350 and counts["refund"] > 100 and counts["topup"] > 100
    assert counts["cli"] > 40

    with terminal.read() as s:
        rep = ledger.verify(s)
        assert rep.problems == []
        # the books agree with the sales records
        sold = sum((x.total for x in s.scalars(select(Sale).where(Sale.kind == "sale"))),
                   Decimal(0))
        back = sum((x.total for x in s.scalars(select(Sale).where(Sale.kind == "refund"))),
                   Decimal(0))
        acc = {a.code: a for a in s.scalars(select(Account))}
        assert ledger.yuan(-acc["sales:revenue"].balance) == sold
        assert ledger.yuan(acc["sales:returns"].balance) == back
        topped = sum((x.amount + x.bonus for x in s.scalars(select(Topup))), Decimal(0))
        held = sum((ledger.yuan(-a.balance) for code, a in acc.items()
                    if code.startswith("sv:card:")), Decimal(0))
        spent = sum((t.amount for sale in s.scalars(select(Sale)) for t in sale.tenders
                     if t.kind == "stored_value" and sale.kind == "sale"), Decimal(0))
        returned = sum((t.amount for sale in s.scalars(select(Sale)) for t in sale.tenders
                        if t.kind == "stored_value" and sale.kind == "refund"), Decimal(0))
        assert held == topped - spent + returned
        for card in cards[:5]:
            members.summary(terminal, s, members.find_card(s, card).member)
    terminal.close()
    r = subprocess.run([Path(sys.executable).parent / "pos", "--data-dir", str(terminal.data_dir),
                        "ledger", "verify"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.startswith("ledger ok:")
