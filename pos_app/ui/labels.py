"""Names the screens show for things the core and the device table name in code: device
kinds, discounts, tiers. In Chinese the program's own names (its promotions, coupons and
tiers are named in Chinese); in English the kind of discount and its code."""

from __future__ import annotations

from pos_app.core.pricing import Discount
from pos_app.ui import i18n_util
from pos_app.ui.i18n_util import N_, _

DEVICE_KINDS = {
    "scanner": N_("Scanner"),
    "card_reader": N_("Card reader"),
    "printer": N_("Receipt printer"),
    "pole_display": N_("Pole display"),
    "drawer": N_("Cash drawer"),
    "customer_display": N_("Customer display"),
}
HEALTH_NAMES = {"ok": N_("ok"), "degraded": N_("degraded"), "offline": N_("offline")}
DISCOUNT_SOURCES = {
    "member_price": N_("member price"),
    "promotion": N_("promotion"),
    "tier": N_("tier"),
    "spend_get_off": N_("spend & get off"),
    "coupon": N_("coupon"),
    "pay_discount": N_("stored-value pay discount"),
    "price_override": N_("price override"),
    "manual_discount": N_("manual discount"),
}
# sources whose name is the program's (a promotion's, a coupon batch's, a tier's)
_NAMED = {"promotion", "tier", "spend_get_off", "coupon"}


def chinese() -> bool:
    return i18n_util.current_language().startswith("zh")


def device_kind(kind: str) -> str:
    """A device by its kind (扫码枪, 读卡器...): the configured names are the installer's."""
    return _(DEVICE_KINDS[kind]) if kind in DEVICE_KINDS else kind


def discount_source(source: str) -> str:
    return _(DISCOUNT_SOURCES[source]) if source in DISCOUNT_SOURCES else source


def discount_label(d: Discount) -> str:
    """A line's discount as the cashier reads it."""
    if chinese():
        return d.name
    label = discount_source(d.source)
    return f"{label} {d.code}" if d.source in _NAMED and d.code else label


def tier_label(code: str | None, name: str | None) -> str:
    """A tier: the program's (Chinese) name, or its code in English."""
    if chinese() or not code:
        return name or ""
    return code.replace("_", " ").capitalize()
