"""CD5220 pole display on a pty: bytes decoded back into the two lines."""

from __future__ import annotations

from decimal import Decimal

import pytest

from devices.base import DeviceConfig, DeviceLost
from devices.events import ShowItem, ShowLines, ShowTotal
from devices.pole_display import PoleDisplay, encode_lines, fit


def screen(data: bytes, encoding: str = "ascii") -> tuple[str, str]:
    """Replay CD5220 bytes: the last upper and lower lines shown."""
    upper = lower = ""
    for part in data.split(b"\x1bQ")[1:]:
        line = part[1:].split(b"\r")[0].decode(encoding)
        if part[:1] == b"A":
            upper = line
        elif part[:1] == b"B":
            lower = line
    return upper, lower


def test_item_total_change_on_the_wire(pty_line):
    d = PoleDisplay(DeviceConfig("pole", "pole_display", "serial", {"port": pty_line.port}))
    d.open()
    try:
        assert pty_line.read_available(0.2).startswith(b"\x1b@")
        d.handle(ShowItem("Coca-Cola 330ml can, chilled", Decimal("3.50")))
        assert screen(pty_line.read_available()) == ("Coca-Cola 330ml can,", "                3.50")
        d.handle(ShowTotal(Decimal("1234.5")))
        assert screen(pty_line.read_available()) == ("TOTAL               ", "            1,234.50")
        d.handle(ShowTotal(Decimal("1234.50"), paid=Decimal("1300"), change=Decimal("65.50")))
        assert screen(pty_line.read_available()) == ("PAID 1,300.00       ", "CHANGE 65.50        ")
        d.handle(ShowLines("Welcome", "欢迎光临"))
        assert screen(pty_line.read_available()) == ("Welcome             ", "????                ")
    finally:
        d.close()


def test_chinese_display_columns():
    data = encode_lines(ShowItem("可口可乐 330ml 冰镇装", Decimal("3.5")), encoding="gb18030")
    up, low = screen(data, "gb18030")
    assert up == "可口可乐 330ml 冰镇 " and len(up.encode("gb18030")) == 20
    assert low.strip() == "3.50"
    assert len(fit("合计合计合计合计合计合计", 20, "gb18030")) == 20


def test_money_must_be_decimal():
    from pos_app.core.money import MoneyError

    with pytest.raises(MoneyError):
        encode_lines(ShowItem("x", 3.5))  # type: ignore[arg-type]


def test_unplugged_display_is_lost(pty_line):
    d = PoleDisplay(DeviceConfig("pole", "pole_display", "serial", {"port": pty_line.port}))
    d.open()
    pty_line.close()
    with pytest.raises(DeviceLost):
        for _ in range(50):
            d.handle(ShowLines("a" * 20, "b" * 20))
    d.close()
