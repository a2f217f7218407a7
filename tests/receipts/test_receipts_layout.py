"""Column layout: CJK counts two columns, wrapping never splits a character."""

from __future__ import annotations

import pytest

from receipts.layout import (
    center,
    char_width,
    check_width,
    clean,
    display_width,
    hanging,
    left_right,
    wrap,
)


def test_display_width_counts_cjk_and_fullwidth_as_two() -> None:
    assert display_width("abc") == 3
    assert display_width("羊绒围巾") == 8
    assert display_width("￥12.00") == 7  # full-width yen sign
    assert display_width("，。") == 4  # CJK punctuation
    assert char_width("×") == 2  # ambiguous: printed as a GB double-byte glyph
    assert char_width("e\u0301"[1]) == 0  # combining accent


def test_wrap_never_splits_a_cjk_character() -> None:
    rows = wrap("羊毛双面呢大衣驼色", 5)
    assert rows == ["羊毛", "双面", "呢大", "衣驼", "色"]
    assert all(display_width(r) <= 5 for r in rows)


def test_wrap_breaks_latin_at_spaces_and_cuts_long_words() -> None:
    assert wrap("Double-faced wool coat", 12) == ["Double-faced", "wool coat"]
    assert wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert wrap("", 10) == [""]


def test_hanging_indent_keeps_the_lead_and_indents_the_rest() -> None:
    rows = hanging("  促销 双11彩妆会员7折 限时", 16, 4)
    assert rows == ["  促销 双11彩妆", "    会员7折 限时"]
    assert wrap("消费 徐家汇店 +356分", 16) == ["消费 徐家汇店", "+356分"]  # a token moves whole
    assert wrap("满减 服装满500减200", 10) == ["满减 服装", "满500减200"]
    assert hanging("   Promo Double 11 cosmetics", 20, 5) == [
        "   Promo Double 11", "     cosmetics"]


def test_left_right_aligns_amounts_to_the_edge() -> None:
    assert left_right("应付金额", "￥883.15", 32) == ["应付金额" + " " * 16 + "￥883.15"]
    rows = left_right("   促销 双11彩妆会员7折 超长的促销活动名称", "-96.00", 32, indent=5)
    assert rows[-1].endswith("-96.00") and all(display_width(r) <= 32 for r in rows)
    assert rows[1].startswith("     ")


def test_center() -> None:
    assert center("销售小票", 32) == [" " * 12 + "销售小票"]
    assert center("销售小票", 6) == ["销售小", "  票"]


def test_clean_replaces_control_characters() -> None:
    assert clean("大衣\x1bp\n\tX") == "大衣 p  X"
    assert clean("a\u200bb") == "a b"  # zero-width space is a format character


def test_widths() -> None:
    assert check_width(42) == 42
    with pytest.raises(ValueError, match="width: must be one of"):
        check_width(40)
