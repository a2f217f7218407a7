"""Exact decimal yuan: parse, format, round half-up, and never a float on money paths."""

from __future__ import annotations

import ast
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_app.core.money import (
    MoneyError,
    format_money,
    money,
    parse_money,
    round_half_up,
    to_str,
)

D = Decimal
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "text,value",
    [
        ("1234.5", "1234.50"),
        ("1,234.50", "1234.50"),
        ("￥1,234.50", "1234.50"),
        ("¥12", "12.00"),
        ("-￥3.00", "-3.00"),
        (" 0.01 ", "0.01"),
        ("1,000,000", "1000000.00"),
    ],
)
def test_parse(text: str, value: str) -> None:
    assert parse_money(text) == D(value)


@pytest.mark.parametrize("text", ["1.005", "abc", "1,23.00", "", "1e3", "12.3.4", "￥"])
def test_parse_refuses(text: str) -> None:
    with pytest.raises(MoneyError, match="not a money amount"):
        parse_money(text)


def test_format() -> None:
    assert format_money(D("1234.5")) == "￥1,234.50"
    assert format_money(D("-3")) == "-￥3.00"
    assert format_money(D("0.005")) == "￥0.01"  # half-up
    assert to_str(D("1234.5")) == "1234.50"


def test_half_up() -> None:
    assert round_half_up(D("0.125")) == D("0.13")
    assert round_half_up(D("0.135")) == D("0.14")  # not banker's rounding
    assert round_half_up(D("664.0500")) == D("664.05")


def test_float_refused() -> None:
    with pytest.raises(MoneyError, match="float"):
        money(0.1)  # type: ignore[arg-type]
    with pytest.raises(MoneyError, match="float"):
        money(True)


@given(st.decimals(min_value=D("-99999999.99"), max_value=D("99999999.99"), places=2))
def test_format_parse_round_trip(value: Decimal) -> None:
    assert parse_money(format_money(value)) == value
    assert parse_money(to_str(value)) == value


MONEY_PATHS = ["pos_app/core", "pos_app/cli", "pos_app/demo"]
NOT_MONEY = {"pos_app/cli/sync.py"}  # `pos sync --interval` is seconds between syncs


def float_uses(files: list[Path]) -> list[str]:
    """float(), float literals and the name float anywhere but money.py (which refuses it)."""
    found = []
    for f in files:
        tree = ast.parse(f.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            where = f"{f.name}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Constant) and isinstance(node.value, float):
                found.append(f"{where} float literal {node.value}")
            elif isinstance(node, ast.Name) and node.id == "float" and f.name != "money.py":
                found.append(f"{where} uses float")
    return found


def test_no_float_on_money_paths() -> None:
    """Money must never pass through a binary float: scan the core, the CLI, the demo."""
    files: list[Path] = []
    for base in MONEY_PATHS:
        root = ROOT / base
        files += [root] if root.is_file() else sorted(root.rglob("*.py"))
    files = [f for f in files if str(f.relative_to(ROOT)) not in NOT_MONEY]
    assert len(files) > 10
    assert float_uses(files) == []


def test_scanner_catches_a_float(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("price = 0.95 * amount\ntotal = float(price)\n")
    assert float_uses([bad]) == ["bad.py:1 float literal 0.95", "bad.py:2 uses float"]
