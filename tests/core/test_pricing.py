"""pricing.md, step by step: the worked example to the cent, and properties that hold
for any cart."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos_app.core.money import ZERO, round_half_up
from pos_app.core.pricing import (
    COUPON,
    MEMBER_PRICE,
    PAY_DISCOUNT,
    PROMOTION,
    SPEND_GET_OFF,
    TIER,
    CartItem,
    PricingError,
    pays_wholly_with_stored_value,
    price_cart,
    quote,
)
from pos_app.core.program import load_program
from pos_app.core.sharing import share_out
from pos_app.demo import PROGRAM

from .conftest import D11, TZ

P = load_program(PROGRAM)
D = Decimal

COAT = CartItem("COAT-001", "coat", "apparel", D("699.00"))
SCARF = CartItem("SCARF-002", "scarf", "apparel", D("129.00"), qty=2)
LIPSTICK = CartItem("LIP-003", "lipstick", "cosmetics", D("320.00"))


def test_worked_example_to_the_cent() -> None:
    cart = price_cart(
        P, [COAT, SCARF, LIPSTICK], D11, tier=P.tier("silver"), coupon_code="D11-50-0001"
    )
    steps = [
        (ln.base, ln.after_promotion, ln.after_tier, ln.after_spend_get_off, ln.after_coupon)
        for ln in cart.lines
    ]
    assert steps == [
        (D("699.00"), D("699.00"), D("664.05"), D("517.97"), D("490.21")),
        (D("258.00"), D("258.00"), D("245.10"), D("191.18"), D("180.94")),
        (D("320.00"), D("224.00"), D("224.00"), D("224.00"), D("212.00")),
    ]
    assert cart.total == D("883.15")
    # every discount kept with its source, so the receipt can explain each yuan
    assert [(d.source, d.code, d.amount) for d in cart.lines[2].discounts] == [
        (PROMOTION, "D11-COSMETICS", D("96.00")),
        (COUPON, "D11-50-0001", D("12.00")),
    ]
    assert [(d.source, d.amount) for d in cart.lines[0].discounts] == [
        (TIER, D("34.95")),
        (SPEND_GET_OFF, D("146.08")),
        (COUPON, D("27.76")),
    ]


def test_sharing_rule_leftover_cent_goes_to_largest_remainder() -> None:
    # step 4 of the example: 146.0815.. and 53.9184.. -> 146.08 and 53.92
    assert share_out(D("200.00"), [D("664.05"), D("245.10")]) == [D("146.08"), D("53.92")]
    # ties: the larger line, then the earlier line
    assert share_out(D("0.01"), [D("1.00"), D("1.00")]) == [D("0.01"), D("0.00")]
    assert share_out(D("0.01"), [D("1.00"), D("2.00")]) == [D("0.00"), D("0.01")]


def test_vip_only_promotion_needs_a_member() -> None:
    cart = price_cart(P, [LIPSTICK], D11)
    assert cart.total == D("320.00")
    assert cart.lines[0].discounts == []


def test_promotions_only_inside_their_window() -> None:
    after = datetime(2026, 11, 12, 0, 0, tzinfo=TZ)  # the day after Double 11 ended
    cart = price_cart(P, [COAT, SCARF, LIPSTICK], after, tier=P.tier("silver"))
    assert [ln.amount for ln in cart.lines] == [D("664.05"), D("245.10"), D("304.00")]
    last_minute = datetime(2026, 11, 11, 23, 59, 59, tzinfo=TZ)
    assert price_cart(P, [LIPSTICK], last_minute, tier=P.tier("silver")).total == D("224.00")


def test_member_price_takes_no_tier_discount() -> None:
    boots = CartItem("SHOE-004", "boots", "shoes", D("899.00"), member_price=D("799.00"))
    cart = price_cart(P, [boots], D11, tier=P.tier("gold"))
    assert cart.total == D("799.00")
    assert [d.source for d in cart.lines[0].discounts] == [MEMBER_PRICE]
    assert price_cart(P, [boots], D11).total == D("899.00")


def test_item_not_eligible_for_member_discount() -> None:
    tea = CartItem("TEA-005", "tea", "food", D("168.00"), member_discount=False)
    assert price_cart(P, [tea], D11, tier=P.tier("diamond")).total == D("168.00")


def test_stack_with_tier_multiplies_the_promoted_price() -> None:
    import dataclasses

    promo = dataclasses.replace(P.promotions[0], stack_with_tier=True)
    prog = dataclasses.replace(P, promotions=(promo, *P.promotions[1:]))
    cart = price_cart(prog, [LIPSTICK], D11, tier=P.tier("silver"))
    assert cart.total == round_half_up(D("224.00") * D("0.95")) == D("212.80")
    assert [d.source for d in cart.lines[0].discounts] == [PROMOTION, TIER]


def test_spend_get_off_threshold_and_repeat() -> None:
    import dataclasses

    below = price_cart(P, [CartItem("C", "c", "apparel", D("499.99"))], D11)
    assert below.total == D("499.99")
    at = price_cart(P, [CartItem("C", "c", "apparel", D("500.00"))], D11)
    assert at.total == D("300.00")
    rep = dataclasses.replace(P.promotions[1], repeat=True)
    prog = dataclasses.replace(P, promotions=(P.promotions[0], rep))
    assert price_cart(prog, [CartItem("C", "c", "apparel", D("1000.00"))], D11).total == D("600.00")


def test_coupon_rules() -> None:
    with pytest.raises(PricingError, match="needs a spend of 300.00"):
        price_cart(P, [SCARF], D11, coupon_code="D11-50-0002")
    with pytest.raises(PricingError, match="already been used"):
        price_cart(P, [COAT], D11, coupon_code="D11-50-0002", used_coupons={"D11-50-0002"})
    with pytest.raises(PricingError, match="not a code of this program"):
        price_cart(P, [COAT], D11, coupon_code="NOPE")
    late = datetime(2026, 11, 12, 9, 0, tzinfo=TZ)
    with pytest.raises(PricingError, match="valid 2026-11-01 to 2026-11-11"):
        price_cart(P, [COAT], late, coupon_code="D11-50-0002")


def test_pay_discount_only_when_stored_value_pays_all() -> None:
    plain = price_cart(P, [COAT], D11)
    sv = price_cart(P, [COAT], D11, pay_with_stored_value=True)
    assert sv.total == round_half_up(plain.total * D("0.98"))
    assert sv.pay_discount_applied and not plain.pay_discount_applied
    assert sv.lines[0].discounts[-1].source == PAY_DISCOUNT


@pytest.mark.parametrize(
    ("tenders", "applies"),
    [
        ((), False),
        (("stored_value",), True),
        (("points", "stored_value"), True),
        (("stored_value", "stored_value"), True),
        (("points",), False),
        (("stored_value", "cash"), False),
        (("points", "bank_card"), False),
    ],
)
def test_quote_takes_the_pay_discount_when_stored_value_pays_the_rest(
    tenders: tuple[str, ...], applies: bool
) -> None:
    assert pays_wholly_with_stored_value(tenders) is applies
    q = quote(P, [COAT, LIPSTICK], D11, tier_code="silver", coupon="D11-50-0002", tenders=tenders)
    same = price_cart(
        P,
        [COAT, LIPSTICK],
        D11,
        tier=P.tier("silver"),
        coupon_code="D11-50-0002",
        pay_with_stored_value=applies,
    )
    assert q.pay_discount_applied is applies and q.total == same.total
    assert q.tier is not None and q.tier.code == "silver" and q.coupon_code == "D11-50-0002"
    assert quote(P, [LIPSTICK], D11).total == D("320.00")  # no member: no vip-only promotion
    with pytest.raises(PricingError, match="already been used"):
        quote(P, [COAT], D11, coupon="D11-50-0002", used_coupons={"D11-50-0002"})


def test_naive_time_refused() -> None:
    with pytest.raises(PricingError, match="time zone"):
        price_cart(P, [COAT], datetime(2026, 11, 9, 14, 0))


# --- properties -------------------------------------------------------------------------

CATS = ["apparel", "cosmetics", "shoes", "food"]
prices = st.decimals(min_value=D("0.00"), max_value=D("5000.00"), places=2)
items = st.builds(
    lambda i, cat, price, qty, mp, md: CartItem(
        f"SKU{i}",
        f"item {i}",
        cat,
        price,
        qty,
        member_price=min(mp, price) if mp is not None else None,
        member_discount=md,
    ),
    st.integers(0, 10_000),
    st.sampled_from(CATS),
    prices,
    st.integers(1, 5),
    st.none() | prices,
    st.booleans(),
)
times = st.sampled_from(
    [D11, datetime(2026, 11, 20, 10, tzinfo=TZ), datetime(2026, 11, 7, 0, 0, tzinfo=TZ)]
)


@settings(max_examples=300, deadline=None)
@given(
    cart=st.lists(items, min_size=1, max_size=12),
    tier=st.none() | st.sampled_from([t.code for t in P.tiers]),
    at=times,
    coupon=st.booleans(),
    pay_sv=st.booleans(),
)
def test_pricing_properties(
    cart: list[CartItem], tier: str | None, at: datetime, coupon: bool, pay_sv: bool
) -> None:
    tier_obj = P.tier(tier) if tier else None
    code = "D11-50-0003" if coupon else None
    try:
        priced = price_cart(
            P, cart, at, tier=tier_obj, coupon_code=code, pay_with_stored_value=pay_sv
        )
    except PricingError as e:
        assert coupon and ("needs a spend" in str(e) or "valid 2026" in str(e))
        return
    # lines sum to the total, and no line goes below zero
    assert priced.total == sum((ln.amount for ln in priced.lines), ZERO)
    for ln in priced.lines:
        assert ln.amount >= 0
        assert ln.amount <= ln.base
        # every yuan of discount is explained by a source
        explained = sum((d.amount for d in ln.discounts if d.source != MEMBER_PRICE), ZERO)
        assert ln.base - ln.amount == explained
        assert all(d.amount > 0 for d in ln.discounts)
        assert ln.after_promotion >= ln.after_tier >= ln.after_spend_get_off >= ln.after_coupon
    # shares sum to each discount
    by_code: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)
    for ln in priced.lines:
        for d in ln.discounts:
            by_code[(d.source, d.code)] += d.amount
    step3 = sum((ln.after_tier for ln in priced.lines), ZERO)
    step4 = sum((ln.after_spend_get_off for ln in priced.lines), ZERO)
    step5 = sum((ln.after_coupon for ln in priced.lines), ZERO)
    for promo in P.promotions:
        if promo.kind != "spend_get_off" or (SPEND_GET_OFF, promo.code) not in by_code:
            continue
        eligible = sum(
            (ln.after_tier for ln in priced.lines if promo.applies_to(ln.sku, ln.category)), ZERO
        )
        assert eligible >= promo.threshold  # type: ignore[operator]
        assert by_code[(SPEND_GET_OFF, promo.code)] == min(promo.off, eligible)  # type: ignore[type-var]
    assert step3 - step4 == sum(
        (v for (src, _), v in by_code.items() if src == SPEND_GET_OFF), ZERO
    )
    if code and priced.coupon_code:
        assert by_code[(COUPON, code)] == min(D("50.00"), step4) or step4 == 0
        assert step4 - step5 == by_code.get((COUPON, code), ZERO)
    if priced.pay_discount_applied:
        assert by_code[(PAY_DISCOUNT, "stored_value")] == step5 - round_half_up(step5 * D("0.98"))
