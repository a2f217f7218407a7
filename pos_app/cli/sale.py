"""``pos sale``: ring up and pay a sale, its receipt saved in the same transaction."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy.orm import Session

from pos_app.cli.language import tr
from pos_app.cli.operator import operator
from pos_app.cli.output import emit
from pos_app.cli.values import parse_amount, parse_at
from pos_app.cli.views import gift_json, print_sale, sale_json
from pos_app.core import gifts, members, offline, sales, training
from pos_app.core.errors import PosError
from pos_app.core.money import MoneyError, format_money, parse_money, to_str
from pos_app.core.staff import Operator
from pos_app.core.tenders import TENDER_KINDS, TenderRequest
from pos_app.core.terminal import Terminal
from receipts.from_core import sale_document
from receipts.records import save_receipt


def add_sale(x: argparse.ArgumentParser) -> None:
    x.add_argument("--at", help="business time, ISO-8601: with --training, or a late entry "
                   "(a manager, or --approver MANAGER)")
    x.add_argument("--training", action="store_true",
                   help="training mode: priced and paid as a sale, nothing kept as money")
    x.add_argument("--member-card")
    x.add_argument("--item", action="append", help="BARCODE[*QTY], repeatable")
    x.add_argument("--override", action="append", help="CODE=PRICE (needs a supervisor)")
    x.add_argument("--coupon")
    x.add_argument("--tender", action="append", help="KIND[:AMOUNT], repeatable")
    x.add_argument("--assistant", "--credited-staff", dest="credited_staff", metavar="CODE",
                   help="the shop assistant the sale is credited to (业绩)")
    x.add_argument("--membership-offered", choices=["yes", "no"],
                   help="a non-member sale: was membership offered ([performance])")
    x.add_argument("--gift", action="append", metavar="PROMOTION=GIFT",
                   help="the gift the customer chose for a gift-with-purchase promotion")
    x.add_argument("--gift-for-points", action="append", metavar="GIFT",
                   help="a gift bought with the member's points, repeatable")
    x.set_defaults(func=cmd_sale)


def parse_gift_choices(texts: list[str] | None) -> dict[str, str]:
    """``--gift PROMOTION=GIFT``, repeatable."""
    out: dict[str, str] = {}
    for text in texts or []:
        promo, _, gift = text.partition("=")
        if not promo.strip() or not gift.strip():
            raise PosError("cli.gift_choice", text=text)
        out[promo.strip()] = gift.strip()
    return out


def parse_item(text: str) -> sales.LineRequest:
    """``--item BARCODE[*QTY]`` (a SKU too)."""
    code, _, qty = text.partition("*")
    if not code:
        raise PosError("cli.item_code", text=text)
    if qty and not (qty.isascii() and qty.isdigit() and len(qty) <= 9):
        raise PosError("cli.item_qty", text=text)
    return sales.LineRequest(code=code, qty=int(qty) if qty else 1)


def parse_tender(text: str) -> TenderRequest:
    """``--tender KIND[:AMOUNT]``: ``points:N``, ``cash:500``, ``bank_card:300@REF``."""
    kind, _, amount = text.partition(":")
    if kind not in TENDER_KINDS:
        raise PosError("cli.tender_kind", text=text, allowed=", ".join(TENDER_KINDS))
    if kind == "points":
        if not (amount.isascii() and amount.isdigit() and len(amount) <= 12):
            raise PosError("cli.tender_points", text=text)
        return TenderRequest(kind="points", points=int(amount))
    ref = None
    if kind in ("bank_card", "other") and "@" in amount:
        amount, _, ref = amount.partition("@")
    try:
        value = parse_money(amount) if amount else None
    except MoneyError as e:
        raise PosError("cli.option_value", option="--tender", text=text, problem=e.msg) from None
    return TenderRequest(kind=kind, amount=value, reference=ref)


def cmd_sale(args: argparse.Namespace, t: Terminal) -> int:
    at = parse_at(args.at, t)
    lines = [parse_item(x) for x in args.item or []]
    for ov in args.override or []:
        code, _, price = ov.partition("=")
        match = [ln for ln in lines if ln.code == code]
        if not match or not price:
            raise PosError("cli.override", text=ov)
        for ln in match:
            ln.override_price = parse_amount(price, "--override")
    req = sales.SaleRequest(
        lines=lines,
        tenders=[parse_tender(x) for x in args.tender or []],
        member_card=args.member_card,
        coupon=args.coupon,
        at=at,
        credited_staff=args.credited_staff,
        gift_choices=parse_gift_choices(args.gift),
        gifts_for_points=list(args.gift_for_points or []),
        membership_offered=None if args.membership_offered is None
        else args.membership_offered == "yes",
    )
    action = "training_sale" if args.training else "late_entry" if at else "sale"
    who, approver = operator(args, t, action)
    if args.training:
        return _training(args, t, req, who, approver)
    allowed_by = training.check_late_entry(t, at, who, approver) if at else None
    with t.tx() as s:
        out = sales.make_sale(t, s, req, who, approver)
        if allowed_by:
            training.mark_late_entry(t, s, out.sale, who, allowed_by)
        save_receipt(s, sale_document(t, s, out.sale.sale_no), at=t.now())
        member = members.summary(t, s, out.member, out.card) if out.member else None
        data = sale_json(t, out, member)
        data["late_entry_by"] = allowed_by
        data["gifts"] = gift_json(gifts.of_sale(s, out.sale.id))
        data["gifts_out_of_stock"] = out.priced.gifts_out_of_stock if out.priced else []
        data["membership_offered"] = out.sale.membership_offered
        credit = offline.credit_of(s, out.sale.sale_no)  # stored value spent while HQ was away
        data["offline_credit"] = to_str(credit) if credit is not None else None
    emit(args, data, lambda: print_sale(data))
    if credit is not None and not args.json:
        print(tr("out.offline_credit", amount=format_money(credit)))
    return 0


def _training(args: argparse.Namespace, t: Terminal, req: sales.SaleRequest, who: Operator,
              approver: Operator | None) -> int:
    """A training sale: shown as a sale, marked TRAINING, nothing kept but the audit row."""

    def show(s: Session, out: sales.SaleOutcome) -> dict[str, Any]:
        member = members.summary(t, s, out.member, out.card) if out.member else None
        return sale_json(t, out, member)

    with t.tx() as s:
        no, data = training.training_sale(t, s, req, who, approver, show)
    data.update(sale_id=no, receipt_no=no, training=True)

    def text() -> None:
        print(tr("out.training"))
        print_sale(data)

    emit(args, data, text)
    return 0
