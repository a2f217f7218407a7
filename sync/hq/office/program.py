"""Editing and publishing the program (TOML) and catalog (CSV): checked with the
terminal's own parsers before anything is published, a sample cart priced by the
terminal's pricing under the published and the edited program side by side, and a
publication now or at a set time (``service.publish_due`` publishes it when due)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core import catalog
from pos_app.core.pricing import CartItem, PricedCart, PricingError, quote
from pos_app.core.program import Program, ProgramError, parse_program
from sync.hq.models import HqMaster, HqScheduled
from sync.hq.office.access import Who, audit
from sync.hq.service import publish_in


@dataclass
class Check:
    """What checking a program and catalog found."""

    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    program: Program | None = None
    rows: list[catalog.Row] | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def published(s: Session, name: str) -> HqMaster | None:
    return s.get(HqMaster, name)


def check(program_text: str | None, catalog_text: str | None) -> Check:
    out = Check()
    if program_text:
        try:
            out.program = parse_program(program_text, "program.toml")
            out.warnings += list(out.program.warnings)
        except ProgramError as e:
            out.problems.append(str(e))
    if catalog_text:
        try:
            out.rows = catalog.parse_rows(catalog_text)
        except Exception as e:  # CatalogError and the parser's other refusals
            out.problems.append(str(e))
    if not program_text and not catalog_text:
        out.problems.append("nothing to check: give a program or a catalog")
    return out


@dataclass
class PreviewLine:
    sku: str
    name: str
    qty: int
    before: Decimal | None
    after: Decimal | None


@dataclass
class Preview:
    lines: list[PreviewLine]
    before_total: Decimal | None
    after_total: Decimal | None
    before_note: str = ""
    after_note: str = ""


def parse_cart(text: str, rows: list[catalog.Row]) -> list[CartItem]:
    """'SKU or barcode[*qty]' per line -> cart items from the catalog."""
    by_code = {r.sku: r for r in rows}
    by_code.update({r.barcode: r for r in rows if r.barcode})
    items = []
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        code, _, qty = line.partition("*")
        r = by_code.get(code.strip())
        if r is None:
            raise ValueError(f"cart line {n}: no item {code.strip()!r} in the catalog")
        try:
            q = int(qty) if qty.strip() else 1
        except ValueError:
            raise ValueError(f"cart line {n}: quantity {qty!r} is not a whole number") from None
        if not 1 <= q <= 999:
            raise ValueError(f"cart line {n}: quantity must be 1-999")
        items.append(CartItem(sku=r.sku, name=r.name, category=r.category, unit_price=r.price,
                              qty=q, member_price=r.member_price,
                              member_discount=r.member_discount))
    if not items:
        raise ValueError("the sample cart is empty")
    return items


def _price(p: Program, items: list[CartItem], at: datetime, tier: str, coupon: str,
           pay_sv: bool) -> tuple[PricedCart | None, str]:
    """The terminal's own quote for the cart (the price a sale would ring up)."""
    try:
        return quote(p, items, at, tier_code=tier or None, coupon=coupon or None,
                     tenders=["stored_value"] if pay_sv else []), ""
    except KeyError as e:  # a tier the program does not have
        return None, str(e.args[0])
    except PricingError as e:
        return None, str(e)


def preview(before: Program | None, after: Program, items: list[CartItem], at: datetime,
            tier: str = "", coupon: str = "", pay_sv: bool = False) -> Preview:
    """The sample cart under the published program (``before``) and the edited one."""
    old, old_note = _price(before, items, at, tier, coupon, pay_sv) if before else \
        (None, "no program published yet")
    new, new_note = _price(after, items, at, tier, coupon, pay_sv)
    lines = []
    for i, it in enumerate(items):
        lines.append(PreviewLine(it.sku, it.name, it.qty,
                                 old.lines[i].amount if old else None,
                                 new.lines[i].amount if new else None))
    return Preview(lines, old.total if old else None, new.total if new else None,
                   old_note, new_note)


def publish(s: Session, who: Who, program_text: str | None, catalog_text: str | None,
            start_at: datetime | None) -> dict[str, Any]:
    """Publish now (``start_at`` None or past) or schedule; refused unless it checks."""
    who.require("program.publish")
    c = check(program_text, catalog_text)
    if not c.ok:
        raise ValueError("; ".join(c.problems))
    out: dict[str, Any] = {}
    now = datetime.now(UTC)
    for name, body in (("program", program_text), ("catalog", catalog_text)):
        if not body:
            continue
        if start_at is not None and start_at > now:
            at = start_at.astimezone(UTC).isoformat(timespec="microseconds")
            row = HqScheduled(name=name, body=body, start_at=at, status="waiting",
                              by=who.login)
            s.add(row)
            s.flush()
            out[name] = {"scheduled": at, "id": row.id}
            audit(s, who.login, f"{name}_scheduled", name, f"at {at}", who.ip)
        else:
            v = publish_in(s, name, body)
            out[name] = {"version": v}
            audit(s, who.login, f"{name}_published", name, f"version {v}", who.ip)
    return out


def scheduled(s: Session) -> list[HqScheduled]:
    return list(s.scalars(select(HqScheduled).order_by(HqScheduled.start_at.desc())
                          .limit(50)))


def cancel(s: Session, who: Who, sid: int) -> None:
    who.require("program.publish")
    row = s.get(HqScheduled, sid)
    if row is None or row.status != "waiting":
        raise ValueError("only a publication still waiting can be cancelled")
    row.status = "cancelled"
    audit(s, who.login, f"{row.name}_cancelled", row.name, f"was due {row.start_at}", who.ip)
