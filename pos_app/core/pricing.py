"""Prices a cart in the order of docs/pricing.md, steps 1–6, one function per step.

Pure functions over the program, the cart and the clock: any two terminals (and HQ)
compute the same receipt from the same inputs. :func:`quote` is how every caller (the
sale, the checkout and payment screens) asks for a price; :func:`price_cart` runs the
steps. Tenders (step 7) and points earned (step 8) are in :mod:`pos_app.core.tenders`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from pos_app.core.errors import CodedError
from pos_app.core.messages import Msg
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
MANUAL_DISCOUNT = "manual_discount"
MIN_MANUAL_RATE = Decimal("0.10")  # a manual discount of at most 90% (1折)


class PricingError(CodedError):
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
    manual_rate: Decimal | None = None  # a supervisor-approved manual discount: 0.90 = 9折


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


@dataclass(frozen=True)
class PricedGift:
    """Step 4b: a gift a gift-with-purchase promotion gives with this cart (at ¥0)."""

    promotion: str
    promotion_name: str
    gift: str
    name: str
    value: Decimal
    choices: tuple[str, ...]  # the promotion's gifts in stock, the customer's to choose


@dataclass
class PricedCart:
    at: datetime
    tier: Tier | None
    lines: list[PricedLine]
    coupon_code: str | None
    coupon: CouponBatch | None
    pay_discount_applied: bool
    gifts: list[PricedGift] = field(default_factory=list)
    # gift-with-purchase promotions reached whose gifts are all out of stock
    gifts_out_of_stock: list[str] = field(default_factory=list)

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
    program: Program, code: str, at: datetime, used_codes: AbstractSet[str]
) -> tuple[CouponBatch | None, Msg | None]:
    """Find a coupon's batch, or say why the code cannot be used now."""
    batch = program.coupon_batch_for(code)
    if batch is None:
        return None, Msg("coupon.unknown", coupon=code)
    if not batch.window.contains(at, program.timezone):
        return batch, Msg("coupon.out_of_window", coupon=code, start=batch.window.start,
                          end=batch.window.end, day=program.business_day(at))
    if batch.single_use and code in used_codes:
        return batch, Msg("coupon.used", coupon=code)
    return batch, None


def check_coupon(
    program: Program,
    items: Sequence[CartItem],
    at: datetime,
    code: str,
    *,
    tier_code: str | None = None,
    used_coupons: AbstractSet[str] = frozenset(),
    current: str | None = None,
) -> PricedCart:
    """A coupon entered at the counter, checked at once against the cart as it stands:
    the cart priced with it, or PricingError naming why it is refused (not a code of
    this program, outside its dates, already used, a second coupon on the receipt, the
    spend not reached). The caller changes nothing when it is refused."""
    code = code.strip()
    if current and current != code:
        raise PricingError("coupon.one_per_receipt", current=current, coupon=code)
    batch, problem = coupon_problem(program, code, at, used_coupons)
    if problem:
        raise PricingError(problem)
    assert batch is not None
    if not items and batch.min_spend > 0:
        raise PricingError("coupon.cart_empty", coupon=code, min_spend=batch.min_spend)
    return quote(program, items, at, tier_code=tier_code, coupon=code, used_coupons=used_coupons)


def pays_wholly_with_stored_value(tender_kinds: Iterable[str]) -> bool:
    """Step 6's condition: stored value pays the whole remaining amount, that is every
    tender other than points is stored value (and there is at least one)."""
    kinds = [k for k in tender_kinds if k != "points"]
    return bool(kinds) and all(k == "stored_value" for k in kinds)


def quote(
    program: Program,
    items: Sequence[CartItem],
    at: datetime,
    *,
    tier_code: str | None = None,
    coupon: str | None = None,
    used_coupons: AbstractSet[str] = frozenset(),
    tenders: Iterable[str] = (),
    gift_choices: Mapping[str, str] | None = None,
    gift_stock: Mapping[str, int] | None = None,
) -> PricedCart:
    """What ``items`` cost at business time ``at``: the one price the sale, the checkout
    screen and the payment screen all ask for.

    ``tier_code`` is the attached member's tier (None: no member); ``coupon`` the code
    given, refused if it is in ``used_coupons`` (spent here or elsewhere, as HQ said);
    ``tenders`` the kinds of tender chosen so far, which decide the stored-value pay
    discount (:func:`pays_wholly_with_stored_value`); ``gift_choices`` the gift the
    customer chose per gift-with-purchase promotion, ``gift_stock`` the gifts on hand
    (None: not known, every gift taken as in stock). Raises PricingError naming what
    cannot be priced.
    """
    priced = price_cart(
        program,
        items,
        at,
        tier=program.tier(tier_code) if tier_code else None,
        coupon_code=coupon,
        used_coupons=used_coupons,
        pay_with_stored_value=pays_wholly_with_stored_value(tenders),
    )
    gifts_with_purchase(program, priced, gift_choices or {}, gift_stock)
    return priced


def price_cart(
    program: Program,
    items: Sequence[CartItem],
    at: datetime,
    *,
    tier: Tier | None = None,
    coupon_code: str | None = None,
    used_coupons: AbstractSet[str] = frozenset(),
    pay_with_stored_value: bool = False,
) -> PricedCart:
    """Price ``items`` at business time ``at`` for a member in ``tier`` (None: no member).

    ``pay_with_stored_value`` applies step 6 (the whole remaining amount is paid from
    stored value). Raises PricingError for a coupon that cannot be used, naming why.
    """
    if at.tzinfo is None:
        raise PricingError("pricing.naive_time")
    promos = active_promotions(program, at, member=tier is not None)
    item_promos = [p for p in promos if p.kind == "percent_off"]
    lines = [price_line(no, it, tier, item_promos) for no, it in enumerate(items, start=1)]
    apply_spend_get_off(lines, [p for p in promos if p.kind == "spend_get_off"])
    batch = apply_coupon(program, lines, coupon_code, at, used_coupons)
    applied = pay_with_stored_value and apply_pay_discount(lines, program.stored_value.pay_discount)
    return PricedCart(
        at=at,
        tier=tier,
        lines=lines,
        coupon_code=coupon_code if batch else None,
        coupon=batch,
        pay_discount_applied=applied,
    )


def price_line(
    no: int, it: CartItem, tier: Tier | None, item_promos: list[Promotion]
) -> PricedLine:
    """Steps 1–3 for one line; steps 4–6 start from its step-3 amount."""
    if it.qty <= 0:
        raise PricingError("pricing.bad_qty", line=no, item=it.sku, qty=it.qty)
    if it.unit_price < 0:
        raise PricingError("pricing.negative_price", line=no, item=it.sku)
    unit, discounts = base_price(it, member=tier is not None)
    base = money(unit * it.qty)
    best, promoted = best_item_promotion(it, base, item_promos)
    after_tier, step_discounts = apply_tier(it, tier, base, best, promoted)
    after_tier, manual = apply_manual(no, it, after_tier)
    return PricedLine(
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
        discounts=discounts + step_discounts + manual,
    )


def apply_manual(no: int, it: CartItem, amount: Decimal) -> tuple[Decimal, list[Discount]]:
    """A manual discount (手工折扣, a supervisor's approval) on the line after its tier:
    ``manual_rate`` 0.90 keeps 90% of it. Later steps (满减, coupon) start from there."""
    rate = it.manual_rate
    if rate is None:
        return amount, []
    if not MIN_MANUAL_RATE <= rate < 1:
        raise PricingError("pricing.manual_rate", line=no, item=it.sku, min=MIN_MANUAL_RATE,
                           rate=rate)
    after = round_half_up(amount * rate)
    if after >= amount:
        return amount, []
    return after, [Discount(MANUAL_DISCOUNT, f"{rate}", "手工折扣", amount - after)]


def base_price(it: CartItem, member: bool) -> tuple[Decimal, list[Discount]]:
    """Step 1: the unit price (an approved override, else the member price for a member,
    else the list price) and the discount it makes on the list price, if any."""
    if it.override_price is not None:
        unit, source, code, name = money(it.override_price), PRICE_OVERRIDE, "override", "改价"
    elif member and it.member_price is not None:
        unit, source, code, name = money(it.member_price), MEMBER_PRICE, "member_price", "会员价"
    else:
        return money(it.unit_price), []
    if unit >= it.unit_price:
        return unit, []
    return unit, [Discount(source, code, name, money((it.unit_price - unit) * it.qty))]


def best_item_promotion(
    it: CartItem, base: Decimal, item_promos: list[Promotion]
) -> tuple[Promotion | None, Decimal]:
    """Step 2: the item promotion giving the lowest price, and that price (none on an
    overridden price; between equal prices the first promotion of the program)."""
    best: Promotion | None = None
    promoted = base
    if it.override_price is not None:
        return best, promoted
    for p in item_promos:
        if p.applies_to(it.sku, it.category):
            assert p.multiplier is not None
            price = round_half_up(base * p.multiplier)
            if price < promoted:
                best, promoted = p, price
    return best, promoted


def apply_tier(
    it: CartItem, tier: Tier | None, base: Decimal, best: Promotion | None, promoted: Decimal
) -> tuple[Decimal, list[Discount]]:
    """Step 3: the line after the tier discount, and the step-2 and step-3 discounts it
    keeps (where the tier price beats a non-stacking promotion, only the tier's)."""
    eligible = (
        tier is not None
        and it.member_discount
        and it.member_price is None
        and it.override_price is None
        and tier.discount < 1
    )
    promotion = [] if best is None else [Discount(PROMOTION, best.code, best.name, base - promoted)]
    if not eligible:
        return promoted, promotion
    assert tier is not None
    start = promoted
    if best is None or best.stack_with_tier:
        after_tier = round_half_up(promoted * tier.discount)
    else:
        tier_price = round_half_up(base * tier.discount)
        after_tier = min(tier_price, promoted)
        if tier_price < promoted:
            start, promotion = base, []
    if after_tier < start:
        promotion.append(Discount(TIER, tier.code, tier.name, start - after_tier))
    return after_tier, promotion


def apply_spend_get_off(lines: list[PricedLine], spend_promos: list[Promotion]) -> None:
    """Step 4: each spend-get-off in program order, judged on the step-3 subtotal of its
    lines and shared over what earlier ones left of them."""
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


def apply_coupon(
    program: Program,
    lines: list[PricedLine],
    code: str | None,
    at: datetime,
    used_coupons: AbstractSet[str],
) -> CouponBatch | None:
    """Step 5: one coupon per sale, ``min_spend`` on the step-4 total, its value (at most
    that total) shared over all lines. Returns the coupon's batch (None: no coupon)."""
    if not code:
        return None
    batch, problem = coupon_problem(program, code, at, used_coupons)
    if problem:
        raise PricingError(problem)
    assert batch is not None
    step4_total = sum((ln.after_spend_get_off for ln in lines), ZERO)
    if step4_total < batch.min_spend:
        raise PricingError("coupon.min_spend", coupon=code, min_spend=batch.min_spend,
                           total=step4_total)
    value = min(batch.value, step4_total)
    if value > 0:
        shares = share_out(value, [ln.after_spend_get_off for ln in lines])
        for ln, s in zip(lines, shares, strict=True):
            ln.after_coupon = ln.after_spend_get_off - s
            if s:
                ln.discounts.append(Discount(COUPON, code, batch.name, s))
    for ln in lines:
        ln.amount = ln.after_coupon
    return batch


def apply_pay_discount(lines: list[PricedLine], pay_discount: Decimal) -> bool:
    """Step 6: the stored-value pay discount on the step-5 total, shared over the lines.
    The caller decides it applies (:func:`pays_wholly_with_stored_value`). Returns
    whether it took anything off."""
    if pay_discount >= 1:
        return False
    total = sum((ln.after_coupon for ln in lines), ZERO)
    off = total - round_half_up(total * pay_discount)
    if off <= 0:
        return False
    shares = share_out(off, [ln.after_coupon for ln in lines])
    for ln, s in zip(lines, shares, strict=True):
        ln.amount = ln.after_coupon - s
        if s:
            ln.discounts.append(Discount(PAY_DISCOUNT, "stored_value", "储值支付优惠", s))
    return True


def gifts_with_purchase(
    program: Program,
    priced: PricedCart,
    choices: Mapping[str, str],
    stock: Mapping[str, int] | None,
) -> None:
    """Step 4b: each gift-with-purchase promotion (满赠) active at the sale's time whose
    lines' step-4 subtotal reaches its threshold gives one gift: the one chosen, else
    the first of its gifts in stock; none while none is in stock (named in
    ``gifts_out_of_stock``). Prices are not changed. PricingError for a choice that is
    not among the promotion's gifts or not in stock, or for a promotion that gives
    nothing here."""
    left = dict(stock) if stock is not None else None
    reached: set[str] = set()
    promos = active_promotions(program, priced.at, member=priced.tier is not None)
    for p in [p for p in promos if p.kind == "gift_with_purchase"]:
        assert p.threshold is not None
        eligible = [ln for ln in priced.lines if p.applies_to(ln.sku, ln.category)]
        if not eligible or sum((ln.after_spend_get_off for ln in eligible), ZERO) < p.threshold:
            continue
        reached.add(p.code)
        in_stock = tuple(g for g in p.gifts if left is None or left.get(g, 0) > 0)
        chosen = choices.get(p.code)
        if chosen is not None and chosen not in p.gifts:
            raise PricingError("gift.not_offered", gift=chosen, promotion=p.code,
                               gifts=", ".join(p.gifts))
        if chosen is not None and chosen not in in_stock:
            gift = program.gift(chosen)
            raise PricingError("gift.out_of_stock", gift=gift.name if gift else chosen,
                               code=chosen)
        if chosen is None:
            chosen = in_stock[0] if in_stock else None
        if chosen is None:
            priced.gifts_out_of_stock.append(p.code)
            continue
        if left is not None:
            left[chosen] -= 1
        gift = program.gift(chosen)
        assert gift is not None
        priced.gifts.append(PricedGift(p.code, p.name, gift.code, gift.name, gift.value,
                                       in_stock))
    for code in choices:
        if code not in reached:
            raise PricingError("gift.no_promotion", promotion=code)
