"""What each business event carries to HQ (the outbox payloads). Personal data travels
only encrypted or hashed; bank-card data only as the slip reference."""

from __future__ import annotations

import base64
from typing import Any

from sqlalchemy.orm import Session

from pos_app.core import offline
from pos_app.core.models import Card, CardMedia, Member, Sale, SaleTender


def _b64(blob: bytes | None) -> str | None:
    return base64.b64encode(blob).decode("ascii") if blob else None


def card_ref(s: Session, card_id: int | None) -> dict[str, Any] | None:
    if card_id is None:
        return None
    card = s.get(Card, card_id)
    assert card is not None
    return {
        "card": card.card_no,
        "franchisee": card.franchisee,
        "member": card.member.uid if card.member else None,
    }


def tender(s: Session, tr: SaleTender) -> dict[str, Any]:
    return {
        "no": tr.no,
        "kind": tr.kind,
        "amount": tr.amount,
        "tendered": tr.tendered,
        "points": tr.points,
        "principal": tr.principal,
        "bonus": tr.bonus,
        "card": card_ref(s, tr.card_id),
        "reference": tr.reference,
    }


def sale_line(ln: Any, discounts: list[dict[str, Any]]) -> dict[str, Any]:
    """A sale line as its event carries it, from a ``SaleLine`` or its row as a dict."""
    get = ln.get if isinstance(ln, dict) else ln.__getattribute__
    return {
        "no": get("no"),
        "original_line": get("original_line_id"),
        "sku": get("sku"),
        "name": get("name"),
        "category": get("category"),
        "qty": get("qty"),
        "list_price": get("list_price"),
        "unit_price": get("unit_price"),
        "base": get("base"),
        "amount": get("amount"),
        "points_earned": get("points_earned"),
        "discounts": discounts,
    }


def sale(
    s: Session,
    sale_row: Sale,
    tier_upgrade: str | None = None,
    lines: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A sale or refund as its event carries it; ``lines``: its lines already built
    (:func:`sale_line`), else read from ``sale_row``."""
    member = s.get(Member, sale_row.member_id) if sale_row.member_id else None
    original = s.get(Sale, sale_row.original_id) if sale_row.original_id else None
    return {
        "sale_no": sale_row.sale_no,
        "kind": sale_row.kind,
        "original_sale_no": original.sale_no if original else None,
        "member": member.uid if member else None,
        "card": card_ref(s, sale_row.card_id),
        "tier": sale_row.tier_code,
        "tier_upgrade": tier_upgrade,
        "coupon": sale_row.coupon_code,
        "total": sale_row.total,
        "change": sale_row.change,
        "points_earned": sale_row.points_earned,
        "pay_discount_applied": sale_row.pay_discount_applied,
        "cashier": sale_row.cashier,
        "credited_staff": sale_row.credited_staff,
        "approved_by": sale_row.approved_by,
        "lines": lines
        if lines is not None
        else [
            sale_line(
                ln,
                [
                    {"source": d.source, "code": d.code, "name": d.name, "amount": d.amount}
                    for d in ln.discounts
                ],
            )
            for ln in sale_row.lines
        ],
        "tenders": [tender(s, tr) for tr in sale_row.tenders],
        "offline_credit": offline.take_credit(s, sale_row.sale_no, sale_row.business_time)
        if sale_row.kind == "sale"
        else None,
    }


def member(m: Member, media: list[CardMedia] | None = None) -> dict[str, Any]:
    return {
        "member": m.uid,
        "name_enc": _b64(m.name_enc),
        "gender": m.gender,
        "birthday_enc": _b64(m.birthday_enc),
        "phone_hash": m.phone_hash,
        "phone_enc": _b64(m.phone_enc),
        "phone_last4": m.phone_last4,
        "id_no_hash": m.id_no_hash,
        "id_no_enc": _b64(m.id_no_enc),
        "email_enc": _b64(m.email_enc),
        "address_enc": _b64(m.address_enc),
        "tier": m.tier_code,
        "anonymous": m.anonymous,
        "marketing_consent": m.marketing_consent,
        "marketing_consent_at": m.marketing_consent_at,
        "enrolled_at": m.enrolled_at,
        "franchisee": m.franchisee,
        "store": m.store,
        "media": [
            {"card": cm.card.card_no, "media": cm.media, "identifier": cm.identifier}
            for cm in media or []
        ],
    }
