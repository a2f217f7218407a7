"""ESC/POS bytes: sent to a TCP printer socket on 127.0.0.1 with python-escpos's
Network printer, captured, and decoded here: GB18030 text, cut, drawer kick, QR."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from receipts import display_width, examples, render_escpos, render_text
from receipts.escpos_decode import decode
from tests.receipts.printer_socket import print_over_tcp


def text_rows(text: str) -> list[str]:
    """The text rendering's rows that the printer prints as text (QR/logo are
    placeholders in the text rendering), right-stripped."""
    return [r for r in text.splitlines() if not r.strip().startswith(("[QR ", "[LOGO]"))]


@pytest.mark.parametrize("width", [32, 48])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sale_over_tcp_decodes_to_the_receipt(lang: str, width: int) -> None:
    doc = examples.sale(lang)
    sent = render_escpos(doc, width)
    got = print_over_tcp(sent)
    assert got == sent
    d = decode(got)
    assert d.commands[:2] == ["init", "kanji_on"]  # ESC @, FS &: Chinese mode first
    assert d.lines == text_rows(render_text(doc, width))
    total_row = [r for r in d.lines if r.startswith("应付金额" if lang == "zh" else "TOTAL")]
    assert total_row and total_row[0].endswith("￥883.15")
    assert d.qr_payloads == ["SH001-03-20261109-0012"]
    assert b"\x1d(k" in got  # GS ( k: native QR
    assert d.drawer_kicks == 1 and b"\x1bp\x00" in got  # ESC p 0: kick pin 2, cash sale
    assert d.cuts == 1 and got.endswith(b"\x1dV\x00")  # GS V 0: cut at the end
    assert d.commands.index("drawer_kick pin=0") < d.commands.index("cut=0")


def test_gb18030_text_and_fullwidth_yuan_sign() -> None:
    got = print_over_tcp(render_escpos(examples.sale("zh"), 48))
    assert "销售小票".encode("gb18030") in got
    assert "￥883.15".encode("gb18030") == b"\xa3\xa4883.15"
    assert b"\xa3\xa4883.15" in got  # ￥ is two bytes (A3 A4) every GB printer has
    assert "¥".encode("gb18030") not in got  # the half-width yen is four bytes in GB18030
    assert b"??" not in got


def test_text_with_only_cjk_punctuation_is_not_turned_into_question_marks() -> None:
    # python-escpos' own text() guesses an encoding only from CJK ideographs; a row
    # of CJK punctuation alone would become '??'
    store = replace(examples.store("zh"), footer_lines=("，。！（）【】",))
    doc = replace(examples.sale("zh"), store=store)
    got = render_escpos(doc, 48)
    assert "，。！（）【】".encode("gb18030") in got
    assert b"??" not in got
    assert "，。！（）【】" in [r.strip() for r in decode(got).lines]


@pytest.mark.parametrize("template", examples.TEMPLATES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_template_decodes_to_its_text(template: str, lang: str) -> None:
    doc = examples.example(template, lang)
    for width in (32, 42, 48):
        raw = render_escpos(doc, width)
        d = decode(raw)
        assert d.lines == text_rows(render_text(doc, width)), (template, width)
        assert d.cuts == 1
        for row in d.lines:
            assert display_width(row) <= width, (template, width, row)


def test_drawer_only_for_cash_and_never_on_a_reprint() -> None:
    assert decode(render_escpos(examples.sale("zh"), 48)).drawer_kicks == 1
    assert decode(render_escpos(examples.refund("zh"), 48)).drawer_kicks == 1
    assert decode(render_escpos(examples.topup("zh"), 48)).drawer_kicks == 0  # WeChat Pay
    assert decode(render_escpos(examples.balance("zh"), 48)).drawer_kicks == 0
    assert decode(render_escpos(examples.reprint_example("zh"), 48)).drawer_kicks == 0
    forced = render_escpos(examples.balance("zh"), 48, open_drawer=True)
    assert decode(forced).drawer_kicks == 1


def test_reprint_bytes_carry_the_mark() -> None:
    d = decode(print_over_tcp(render_escpos(examples.reprint_example("zh"), 32)))
    assert [r.strip() for r in d.lines].count("*** 重印 REPRINT ***") == 2
    assert any("重印人：赵敏 (9001)" in r for r in d.lines)


def test_image_qr_for_printers_without_native_qr() -> None:
    raw = render_escpos(examples.sale("zh"), 48, qr_native=False)
    d = decode(raw)
    assert d.qr_payloads == [] and b"\x1d(k" not in raw
    assert d.images == 1 and "image 576x" in " ".join(d.commands)


def test_logo_is_printed_as_a_raster_image_the_paper_width(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGB", (800, 100), "black").save(logo)  # wider than 58 mm: scaled down
    raw = render_escpos(examples.sale("zh", logo_path=logo), 32)
    d = decode(raw)
    assert d.images == 1 and d.commands[2].startswith("image 384x")
    assert d.lines == text_rows(render_text(examples.sale("zh", logo_path=logo), 32))


def test_missing_logo_prints_the_receipt_and_says_why(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    missing = tmp_path / "nope.png"
    with caplog.at_level(logging.WARNING, logger="receipts.escpos_render"):
        raw = render_escpos(examples.sale("zh", logo_path=missing), 48)
    assert decode(raw).images == 0
    assert "销售小票".encode("gb18030") in raw
    assert str(missing) in caplog.text


def test_control_characters_in_names_cannot_inject_printer_commands() -> None:
    line = replace(examples.sale("zh").lines[0], name="大衣\x1bp\x00\x19\xfa\n\x1dV\x00")
    doc = replace(examples.sale("zh"), lines=(line, *examples.sale("zh").lines[1:]))
    raw = render_escpos(doc, 48)
    d = decode(raw)  # raises on any unexpected control byte
    assert d.drawer_kicks == 1 and d.cuts == 1


def test_unknown_width_is_refused() -> None:
    with pytest.raises(ValueError, match="width"):
        render_escpos(examples.sale("zh"), 40)


def test_gbk_printers_get_a_question_mark_for_characters_outside_gbk() -> None:
    line = replace(examples.sale("zh").lines[0], name="大衣😀")
    doc = replace(examples.sale("zh"), lines=(line, *examples.sale("zh").lines[1:]))
    assert "1. 大衣😀" in decode(render_escpos(doc, 48)).lines  # GB18030: four bytes
    gbk = decode(render_escpos(doc, 48, encoding="gbk"), encoding="gbk")
    assert "1. 大衣?" in gbk.lines
    with pytest.raises(ValueError, match="encoding"):
        render_escpos(doc, 48, encoding="utf-8")
