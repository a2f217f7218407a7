"""The core's records as the command line shows them: the JSON of a sale, a tender and a
member (docs/cli.md), and their lines for people."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pos_app.cli.language import kind, tr
from pos_app.core.messages import Msg
from pos_app.core.money import format_money, to_str
from pos_app.core.pii import mask_card

if TYPE_CHECKING:  # for the types only: showing a member needs no sale code
    from pos_app.core import sales
    from pos_app.core.terminal import Terminal


def sale_json(t: Terminal, out: sales.SaleOutcome, member: dict[str, Any] | None) -> dict[str, Any]:
    sale = out.sale
    return {
        "sale_id": sale.sale_no,
        "receipt_no": sale.sale_no,
        "business_time": sale.business_time.astimezone(t.program.timezone).isoformat(),
        "recorded_at": sale.recorded_at.astimezone(t.program.timezone).isoformat(),
        "total": to_str(sale.total),
        "lines": [
            {
                "no": ln.no,
                "sku": ln.sku,
                "name": ln.name,
                "qty": ln.qty,
                "unit_price": to_str(ln.unit_price),
                "base": to_str(ln.base),
                "amount": to_str(ln.amount),
                "points_earned": ln.points_earned,
                "discounts": [
                    {"source": d.source, "code": d.code, "name": d.name, "amount": to_str(d.amount)}
                    for d in ln.discounts
                ],
            }
            for ln in sale.lines
        ],
        "tenders": [tender_json(tr) for tr in sale.tenders],
        "change": to_str(sale.change),
        "points_earned": sale.points_earned,
        "coupon": sale.coupon_code,
        "pay_discount_applied": sale.pay_discount_applied,
        "tier_upgrade": out.tier_upgrade,
        "credited_staff": sale.credited_staff,
        "member": member,
    }


def tender_json(tr: Any) -> dict[str, Any]:
    d: dict[str, Any] = {"kind": tr.kind, "amount": to_str(tr.amount)}
    if tr.kind == "points":
        d["points"] = tr.points
    if tr.kind == "stored_value":
        d["principal"] = to_str(tr.principal)
        d["bonus"] = to_str(tr.bonus)
    if tr.kind == "cash":
        d["tendered"] = to_str(tr.tendered)
    if tr.reference:
        d["reference"] = tr.reference
    return d


def print_sale(data: dict[str, Any]) -> None:
    print(tr("out.sale_head", sale=data["sale_id"], time=data["business_time"]))
    for ln in data["lines"]:
        print(
            f"  {ln['no']:>2} {ln['sku']:<12} {ln['name'][:20]:<20} x{ln['qty']:<3} "
            f"{format_money(Decimal(ln['base'])):>12} -> {format_money(Decimal(ln['amount'])):>12}"
        )
        for d in ln["discounts"]:
            print(
                f"       - {d['name']} ({d['source']} {d['code']}) "
                f"{format_money(-Decimal(d['amount']))}"
            )
    for g in data.get("gifts", []):
        how = (Msg("out.gift_for_points", points=g["points"]) if g["source"] == "points"
               else g["promotion"])
        print(tr("out.gift_line", gift=f"{g['gift']:<12}", name=f"{g['name'][:20]:<20}",
                 zero=format_money(Decimal("0")), value=format_money(Decimal(g["value"])),
                 how=how))
    for code in data.get("gifts_out_of_stock", []):
        print(tr("out.gift_out_of_stock", gift=code))
    print(tr("out.total", amount=format_money(Decimal(data["total"]))))
    for t in data["tenders"]:
        paid = format_money(Decimal(t["amount"]))
        if "points" in t:
            print(tr("out.paid_points", kind=kind(t["kind"]), amount=paid, points=t["points"]))
        else:
            print(tr("out.paid", kind=kind(t["kind"]), amount=paid))
    if Decimal(data["change"]):
        print(tr("out.change", amount=format_money(Decimal(data["change"]))))
    if data["member"]:
        print_member(data["member"], indent="  ")
        print(tr("out.points_earned", points=data["points_earned"]))


def print_member(m: dict[str, Any], indent: str = "") -> None:
    sv = m["stored_value"]
    print(indent + tr("out.member", id=m["member_id"], name=m["name"] or Msg("out.anonymous"),
                      phone=m["phone"] or "", card=mask_card(m["card"]),
                      tier_name=m["tier_name"], tier=m["tier"]))
    print(indent + tr("out.member_balance", points=m["points"],
                      total=format_money(Decimal(sv["total"])),
                      principal=format_money(Decimal(sv["principal"])),
                      bonus=format_money(Decimal(sv["bonus"]))))
    shown = [str(m[k]) for k in ("birthday", "email", "address") if m.get(k)]
    if shown:
        print(f"{indent}{' '.join(shown)}")
    for lot in m["points_expiring"]:
        print(indent + tr("out.points_expire", points=lot["points"], date=lot["expires"]))


def gift_json(rows: list[Any]) -> list[dict[str, Any]]:
    """A sale's gifts (``sale_gifts`` rows): at ¥0 on the sale, with their value."""
    return [{"gift": g.gift_code, "name": g.name, "value": to_str(g.value), "source": g.source,
             "promotion": g.promotion, "points": g.points, "settled_as": g.settled_as}
            for g in rows]
