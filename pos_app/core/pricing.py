"""Prices a cart in the exact order of pricing.md (steps 1–6).

Pure functions over the program, the cart and the clock: any two terminals (and HQ)
compute the same receipt from the same inputs. Tenders (step 7) and points earned
(step 8) are in :mod:`pos_app.core.tenders`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from pos_app.core.money import ZERO, money, round_half_up
from pos_app.core.program import CouponBatch, Program, Promotion, Tier
from pos_app.core.sharing import share_out

# Discount sources, as shown on the receipt and kept with every line.
MEMBER_PRICE = "member_price"
PROMOTION = "promotion"
TIER = "tier"
SPEND_GET_OFF = "spend_get_off"
COUPON = "coupon"
PAY_DISCOUNT = "pay_discount"
PRICE_OVERRIDE = "price_override"


class PricingError(ValueError):
    """A cart that cannot be priced as asked (bad quantity, coupon not valid, ...)."""


@dataclass(frozen=True)
class CartItem:
    """One line as the cashier rang it up."""

    sku: str
    name: str
    category: str
    unit_price: Decimal
    qty: int = 1
    member_price: Decimal | None = None
    member_discount: bool = True
    override_price: Decimal | None = None  # a supervisor-approved unit price


@dataclass(frozen=True)
class Discount:
    source: str  # one of the constants above
    code: str  # promotion code, tier code, coupon code, ...
    name: str  # what the receipt prints
    amount: Decimal  # positive yuan taken off this line


@dataclass
class PricedLine:
    no: int  # 1-based line number on the receipt
    sku: str
    name: str
    category: str
    qty: int
    list_price: Decimal  # the catalog unit price
    unit_price: Decimal  # the step-1 unit price (member price where it applies)
    base: Decimal  # step 1
    after_promotion: Decimal  # step 2
    after_tier: Decimal  # step 3
    after_spend_get_off: Decimal  # step 4
    after_coupon: Decimal  # step 5
    amount: Decimal  # step 6: what the line finally costs
    discounts: list[Discount] = field(default_factory=list)

    @property
    def discount_total(self) -> Decimal:
        return sum((d.amount for d in self.discounts), ZERO)


@dataclass
class PricedCart:
    at: datetime
    tier: Tier | None
    lines: list[PricedLine]
    coupon_code: str | None
    coupon: CouponBatch | None
    pay_discount_applied: bool

    @property
    def total(self) -> Decimal:
        return sum((ln.amount for ln in self.lines), ZERO)

    @property
    def list_total(self) -> Decimal:
        return sum((money(ln.list_price * ln.qty) for ln in self.lines), ZERO)

    @property
    def discount_total(self) -> Decimal:
        return sum((ln.discount_total for ln in self.lines), ZERO)

    def total_after(self, step: str) -> Decimal:
        return sum((getattr(ln, step) for ln in self.lines), ZERO)


def active_promotions(program: Program, at: datetime, member: bool) -> list[Promotion]:
    return [
        p
        for p in program.promotions
        if p.window.contains(at, program.timezone) and (member or not p.vip_only)
    ]


def coupon_problem(
    program: Program, code: str, at: datetime, used_codes: set[str] | frozenset[str]
) -> tuple[CouponBatch | None, str | None]:
    """Find a coupon's batch, or say why the code cannot be used now."""
    batch = program.coupon_batch_for(code)
    if batch is None:
        return None, f"coupon {code!r} is not a code of this program"
    if not batch.window.contains(at, program.timezone):
        return batch, (
            f"coupon {code!r} is valid {batch.window.start} to {batch.window.end}, "
            f"not on {program.business_day(at)}"
        )
    if batch.single_use and code in used_codes:
        return batch, f"coupon {code!r} has already been used"
    return batch, None


def price_cart(
    program: Program,
    items: list[CartItem],
    at: datetime,
    *,
    tier: Tier | None = None,
    coupon_code: str | None = None,
    used_coupons: set[str] | frozenset[str] = frozenset(),
    pay_with_stored_value: bool = False,
) -> PricedCart:
    """Price ``items`` at business time ``at`` for a member in ``tier`` (None: no member).

    ``pay_with_stored_value`` applies step 6 (the whole remaining amount is paid from
    stored value). Raises PricingError for a coupon that cannot be used, naming why.
    """
    if at.tzinfo is None:
        raise PricingError("the sale time must carry a time zone")
    member = tier is not None
    promos = active_promotions(program, at, member)
    item_promos = [p for p in promos if p.kind == "percent_off"]
    spend_promos = [p for p in promos if p.kind == "spend_get_off"]

    lines: list[PricedLine] = []
    for no, it in enumerate(items, start=1):
        if it.qty <= 0:
            raise PricingError(f"line {no} ({it.sku}): quantity must be at least 1, got {it.qty}")
        if it.unit_price < 0:
            raise PricingError(f"line {no} ({it.sku}): price must not be negative")
        discounts: list[Discount] = []
        # Step 1: base.
        use_member_price = member and it.member_price is not None and it.override_price is None
        if it.override_price is not None:
            unit = money(it.override_price)
            if unit < it.unit_price:
                discounts.append(
                    Discount(
                        PRICE_OVERRIDE, "override", "改价", money((it.unit_price - unit) * it.qty)
                    )
                )
        elif use_member_price:
            assert it.member_price is not None
            unit = money(it.member_price)
            if unit < it.unit_price:
                discounts.append(
                    Discount(
                        MEMBER_PRICE,
                        "member_price",
                        "会员价",
                        money((it.unit_price - unit) * it.qty),
                    )
                )
        else:
            unit = money(it.unit_price)
        base = money(unit * it.qty)

        # Step 2: item promotions, the lowest resulting price wins.
        best: Promotion | None = None
        promoted = base
        if it.override_price is None:
            for p in item_promos:
                if p.applies_to(it.sku, it.category):
                    assert p.multiplier is not None
                    price = round_half_up(base * p.multiplier)
                    if price < promoted:
                        best, promoted = p, price

        # Step 3: tier discount.
        after_tier = promoted
        tier_wins = False
        tier_eligible = (
            tier is not None
            and it.member_discount
            and not use_member_price
            and it.override_price is None
            and tier.discount < 1
        )
        if tier_eligible:
            assert tier is not None
            if best is None:
                after_tier = round_half_up(base * tier.discount)
            elif best.stack_with_tier:
                after_tier = round_half_up(promoted * tier.discount)
            else:
                tier_price = round_half_up(base * tier.discount)
                if tier_price < promoted:
                    after_tier, tier_wins = tier_price, True
        if best is not None and not tier_wins:
            discounts.append(Discount(PROMOTION, best.code, best.name, base - promoted))
        if tier_eligible and after_tier < (base if tier_wins else promoted):
            assert tier is not None
            start = base if tier_wins else promoted
            discounts.append(Discount(TIER, tier.code, tier.name, start - after_tier))

        lines.append(
            PricedLine(
                no=no,
                sku=it.sku,
                name=it.name,
                category=it.category,
                qty=it.qty,
                list_price=money(it.unit_price),
                unit_price=unit,
                base=base,
                after_promotion=promoted,
                after_tier=after_tier,
                after_spend_get_off=after_tier,
                after_coupon=after_tier,
                amount=after_tier,
                discounts=discounts,
            )
        )

    # Step 4: spend-get-off, on step-3 subtotals of each promotion's lines.
    for p in spend_promos:
        assert p.threshold is not None and p.off is not None
        eligible = [ln for ln in lines if p.applies_to(ln.sku, ln.category)]
        subtotal = sum((ln.after_tier for ln in eligible), ZERO)
        if not eligible or subtotal < p.threshold:
            continue
        times = int(subtotal // p.threshold) if p.repeat else 1
        remaining = sum((ln.after_spend_get_off for ln in eligible), ZERO)
        off = min(p.off * times, remaining)
        if off <= 0:
            continue
        shares = share_out(off, [ln.after_spend_get_off for ln in eligible])
        for ln, s in zip(eligible, shares, strict=True):
            if s:
                ln.after_spend_get_off -= s
                ln.discounts.append(Discount(SPEND_GET_OFF, p.code, p.name, s))
    for ln in lines:
        ln.after_coupon = ln.amount = ln.after_spend_get_off

    # Step 5: coupon, one per sale, min_spend on the step-4 total.
    batch: CouponBatch | None = None
    if coupon_code:
        batch, problem = coupon_problem(program, coupon_code, at, used_coupons)
        if problem:
            raise PricingError(problem)
        assert batch is not None
        step4_total = sum((ln.after_spend_get_off for ln in lines), ZERO)
        if step4_total < batch.min_spend:
            raise PricingError(
                f"coupon {coupon_code!r} needs a spend of {batch.min_spend} after discounts; "
                f"this sale is {step4_total}"
            )
        value = min(batch.value, step4_total)
        if value > 0:
            shares = share_out(value, [ln.after_spend_get_off for ln in lines])
            for ln, s in zip(lines, shares, strict=True):
                ln.after_coupon = ln.after_spend_get_off - s
                if s:
                    ln.discounts.append(Discount(COUPON, coupon_code, batch.name, s))
    for ln in lines:
        ln.amount = ln.after_coupon

    # Step 6: stored-value pay discount, only when stored value pays the whole remainder.
    applied = False
    pay_discount = program.stored_value.pay_discount
    if pay_with_stored_value and pay_discount < 1:
        total = sum((ln.after_coupon for ln in lines), ZERO)
        off = total - round_half_up(total * pay_discount)
        if off > 0:
            applied = True
            shares = share_out(off, [ln.after_coupon for ln in lines])
            for ln, s in zip(lines, shares, strict=True):
                ln.amount = ln.after_coupon - s
                if s:
                    ln.discounts.append(Discount(PAY_DISCOUNT, "stored_value", "储值支付优惠", s))

    return PricedCart(
        at=at,
        tier=tier,
        lines=lines,
        coupon_code=coupon_code if batch else None,
        coupon=batch,
        pay_discount_applied=applied,
    )
