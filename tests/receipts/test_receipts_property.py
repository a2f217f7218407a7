"""Property tests: random CJK/ASCII names and amounts.

No row is ever wider than the paper (text and decoded ESC/POS), and every amount
printed equals the document's (the core's) figure, in order, nothing more.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos_app.core.money import ZERO, format_money
from receipts import (
    WIDTHS,
    Discount,
    DiscountSource,
    ReceiptDocument,
    ReceiptLine,
    Tender,
    TenderKind,
    Totals,
    display_width,
    examples,
    render_escpos,
    render_text,
)
from receipts.escpos_decode import decode
from receipts.layout import clean, left_right, wrap

CJK = [chr(c) for c in range(0x4E00, 0x4E00 + 400)] + list("，。！（）【】￥、：；“”") + ["😀"]
ASCII = list("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -#/()&+")
# names never hold a '.': a decimal point followed by two digits would read as an amount
NAME = st.text(alphabet=st.sampled_from([*CJK, *ASCII, "\n", "\x1b", "\t", "×", "·"]),
               min_size=1, max_size=60)
AMOUNT_RE = re.compile(r"-?￥?\d{1,3}(?:,\d{3})*\.\d{2}")


def cents(n: int) -> Decimal:
    return (Decimal(n) / 100).quantize(Decimal("0.01"))


@st.composite
def receipt_lines(draw: st.DrawFn) -> ReceiptLine:
    price = cents(draw(st.integers(1, 9_999_999)))
    qty = draw(st.integers(1, 20))
    base = price * qty
    left = int(base * 100)
    discounts = []
    for _ in range(draw(st.integers(0, 4))):
        off = draw(st.integers(0, left))
        left -= off
        discounts.append(Discount(draw(st.sampled_from(list(DiscountSource))), draw(NAME),
                                  cents(off)))
    final = base - sum((d.amount for d in discounts), ZERO)
    return ReceiptLine(sku=str(draw(st.integers(10**7, 10**13 - 1))), name=draw(NAME),
                       qty=qty, unit_price=price, base_amount=base,
                       discounts=tuple(discounts), final_amount=final)


@st.composite
def sales(draw: st.DrawFn) -> ReceiptDocument:
    lines = tuple(draw(st.lists(receipt_lines(), min_size=1, max_size=6)))
    subtotal = sum((ln.base_amount for ln in lines), ZERO)
    total = sum((ln.final_amount for ln in lines), ZERO)
    extra_cash = cents(draw(st.integers(0, 10_000)))
    card_part = cents(draw(st.integers(0, int(total * 100))))
    tenders = []
    if card_part:
        tenders.append(Tender(TenderKind.BANK_CARD, card_part, reference="6222****0001"))
    tenders.append(Tender(TenderKind.CASH, total - card_part + extra_cash))
    return replace(
        examples.sale(draw(st.sampled_from(["zh", "en"]))),
        lines=lines, totals=Totals(subtotal, subtotal - total, total),
        tenders=tuple(tenders), change=extra_cash, member=None, points=None,
        stored_value=None,
    )


def expected_amounts(doc: ReceiptDocument) -> list[str]:
    """Every money figure of the document, in the order the receipt shows them."""
    out: list[str] = []
    for ln in doc.lines:
        out += [format_money(ln.unit_price, sign=False), format_money(ln.base_amount, sign=False)]
        out += [format_money(-d.amount, sign=False) for d in ln.discounts]
        if ln.discounts:
            out.append(format_money(ln.final_amount, sign=False))
    assert doc.totals is not None
    out.append(format_money(doc.totals.subtotal))
    if doc.totals.discount_total:
        out.append("-" + format_money(doc.totals.discount_total))
    out.append(format_money(doc.totals.total))
    out += [format_money(t.amount) for t in doc.tenders]
    out.append(format_money(doc.change))
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sales())
def test_rows_fit_and_amounts_equal_the_documents_figures(doc: ReceiptDocument) -> None:
    expected = expected_amounts(doc)
    for width in WIDTHS:
        text = render_text(doc, width)
        rows = text.splitlines()
        for row in rows:
            assert display_width(row) <= width, (width, row)
        assert AMOUNT_RE.findall(text) == expected, width
        # amounts are right-aligned: each row holding an amount ends with it
        for row in rows:
            found = AMOUNT_RE.findall(row)
            if found and " x " not in row:
                assert row.endswith(found[-1]), row
        printed = decode(render_escpos(doc, width)).lines
        for row in printed:
            assert display_width(row) <= width, (width, row)
        assert AMOUNT_RE.findall("\n".join(printed)) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from([*CJK, *ASCII, "\n"]), max_size=120),
       st.integers(2, 48), st.integers(2, 48))
def test_wrap_never_exceeds_the_width_nor_loses_a_character(text: str, first: int,
                                                             rest: int) -> None:
    rows = wrap(text, first, rest)
    assert display_width(rows[0]) <= first
    for row in rows[1:]:
        assert display_width(row) <= rest
    assert "".join(rows).replace(" ", "") == clean(text).replace(" ", "")


@settings(max_examples=300, deadline=None)
@given(NAME, st.integers(0, 10**9), st.sampled_from(WIDTHS), st.integers(0, 8))
def test_left_right_puts_the_whole_amount_at_the_right_edge(label: str, n: int, width: int,
                                                           indent: int) -> None:
    value = format_money(cents(n))
    rows = left_right(label, value, width, indent)
    assert all(display_width(r) <= width for r in rows)
    assert rows[-1].endswith(value) and display_width(rows[-1]) == width
    assert sum(r.count(value) for r in rows) >= 1
