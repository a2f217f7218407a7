"""The document model refuses what a receipt must never show; masking; reprint;
JSON round trip for reprint by number."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from decimal import Decimal as D

import pytest

from receipts import (
    MemberInfo,
    ReceiptLine,
    StoredValueInfo,
    Tender,
    TenderKind,
    Totals,
    examples,
    mask_card,
    mask_phone,
    print_job_bytes,
    render_text,
    reprint,
)
from receipts.escpos_decode import decode
from receipts.serialize import from_json, to_json


def test_mask_helpers() -> None:
    assert mask_phone("13812348000") == "138****8000"
    assert mask_phone("+86 138-1234-8000") == "138****8000"
    assert mask_card("8800 1234 5678 1234") == "8800****1234"
    assert mask_card("A12345") == "****2345"
    with pytest.raises(ValueError, match="phone"):
        mask_phone("hello")
    with pytest.raises(ValueError, match="card"):
        mask_card("12")


def test_unmasked_phone_is_refused_naming_the_field() -> None:
    with pytest.raises(ValueError, match=r"member\.masked_phone.*not masked"):
        MemberInfo(masked_phone="13812348000")
    with pytest.raises(ValueError, match=r"member\.masked_phone"):
        MemberInfo(masked_phone="+86 138 1234 8000")
    MemberInfo(masked_phone=mask_phone("13812348000"))


def test_unmasked_card_is_refused_naming_the_field() -> None:
    with pytest.raises(ValueError, match=r"member\.masked_card"):
        MemberInfo(masked_phone="138****8000", masked_card="8800123456781234")
    with pytest.raises(ValueError, match=r"tenders\[bank_card\]\.reference"):
        Tender(TenderKind.BANK_CARD, D("1.00"), reference="6222020200112233445")


def test_member_templates_show_only_the_masked_phone_and_card() -> None:
    for template in ("sale", "refund", "topup", "balance", "reprint"):
        for lang in ("zh", "en"):
            text = render_text(examples.example(template, lang), 48)
            assert "138****8000" in text and "8800****1234" in text


def test_float_money_is_refused() -> None:
    with pytest.raises(ValueError, match=r"totals\.subtotal: money must be a decimal"):
        Totals(subtotal=1.0, discount_total=D("0.00"), total=D("1.00"))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="whole cents"):
        Totals(subtotal=D("1.005"), discount_total=D("0.00"), total=D("1.005"))


def test_figures_that_do_not_add_up_are_refused() -> None:
    line = examples.sale().lines[0]
    with pytest.raises(ValueError, match=r"lines\[6901234500011\]\.final_amount"):
        replace(line, final_amount=D("490.20"))
    with pytest.raises(ValueError, match=r"totals\.total"):
        Totals(D("10.00"), D("1.00"), D("9.50"))
    with pytest.raises(ValueError, match=r"totals\.total: .* sum of the lines"):
        replace(examples.sale(), totals=Totals(D("1277.00"), D("393.86"), D("883.14")))
    with pytest.raises(ValueError, match=r"tenders: .* not the amount due 883.15"):
        replace(examples.sale(), change=D("36.84"))
    with pytest.raises(ValueError, match=r"stored_value\.total"):
        StoredValueInfo(D("1.00"), D("2.00"), D("4.00"))


def test_kind_specific_sections_are_required() -> None:
    with pytest.raises(ValueError, match="topup: a topup document needs it"):
        replace(examples.topup(), topup=None)
    with pytest.raises(ValueError, match="shift: a x_report document needs it"):
        replace(examples.x_report(), shift=None)
    z = examples.z_report()
    assert z.shift is not None
    with pytest.raises(ValueError, match=r"shift\.cash_counted: a Z report needs it"):
        replace(z, shift=replace(z.shift, cash_counted=None, cash_difference=None))
    with pytest.raises(ValueError, match=r"shift\.cash_difference"):
        replace(z.shift, cash_difference=D("0.00"))
    with pytest.raises(ValueError, match="lines: a sale document needs at least one line"):
        replace(examples.sale(), lines=())


def test_time_must_be_timezone_aware_and_language_known() -> None:
    with pytest.raises(ValueError, match="business_time: must be timezone-aware"):
        replace(examples.sale(), business_time=datetime(2026, 11, 9, 14, 0))
    with pytest.raises(ValueError, match="language"):
        replace(examples.sale(), language="fr")
    with pytest.raises(ValueError, match=r"qty"):
        ReceiptLine("1", "x", 1.5, D("1.00"), D("1.50"), (), D("1.50"))  # type: ignore[arg-type]


def test_weighed_quantity_prints_as_decimal() -> None:
    line = ReceiptLine("2000001", "散装核桃", D("1.250"), D("40.00"), D("50.00"), (), D("50.00"))
    doc = replace(examples.sale(), lines=(line,), totals=Totals(D("50.00"), D("0.00"),
                                                                 D("50.00")),
                  tenders=(Tender(TenderKind.CASH, D("50.00")),), change=D("0.00"))
    text = render_text(doc, 32)
    assert "1.25 x 40.00" in text


def test_reprint_marks_the_document_and_keeps_the_rest() -> None:
    doc = examples.sale()
    at = datetime(2026, 11, 11, 10, 0, tzinfo=timezone(timedelta(hours=8)))
    again = reprint(doc, at=at, by="赵敏 (9001)")
    assert again.reprint and not doc.reprint
    assert replace(again, reprint=False, reprinted_at=None, reprinted_by="") == doc
    raw = print_job_bytes(again, 48)
    d = decode(raw)
    assert "重印时间：2026-11-11 10:00:00" in d.lines
    assert d.drawer_kicks == 0


@pytest.mark.parametrize("template", examples.TEMPLATES)
def test_json_round_trip_reprints_the_same_receipt(template: str) -> None:
    for lang in ("zh", "en"):
        doc = examples.example(template, lang)
        back = from_json(to_json(doc))
        assert back == doc
        assert render_text(back, 42) == render_text(doc, 42)
        assert not _floats(json.loads(to_json(doc)))
    assert '"total": "883.15"' in to_json(examples.sale())


def _floats(data: object) -> list[float]:
    if isinstance(data, float):
        return [data]
    if isinstance(data, dict):
        return [f for v in data.values() for f in _floats(v)]
    if isinstance(data, list):
        return [f for v in data for f in _floats(v)]
    return []


def test_json_errors_name_the_field() -> None:
    text = to_json(examples.sale()).replace('"total": "883.15"', '"total": 883.15')
    with pytest.raises(ValueError, match=r"document\.totals\.total: money must be a string"):
        from_json(text)
    with pytest.raises(ValueError, match="format"):
        from_json('{"format": 99, "document": {}}')
