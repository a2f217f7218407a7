"""Exact decimal yuan. Never a binary float.

All money in the terminal is a :class:`decimal.Decimal` quantized to the cent
(0.01 yuan), rounded half-up. Parsing accepts the forms staff and HQ write
("1234.5", "1,234.50", "￥1,234.50", "¥12"), never a float.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

from pos_app.core.errors import CodedError

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
YUAN_SIGN = "￥"  # full-width: prints on GB18030 thermal printers as two bytes

_MONEY_RE = re.compile(
    r"^(-)?[￥¥]?(-)?([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]{1,2}))?$", re.ASCII)


class MoneyError(CodedError):
    """A money amount that cannot be read or is not allowed here."""


def money(value: Decimal | int | str) -> Decimal:
    """Return ``value`` as yuan rounded half-up to the cent.

    Accepts Decimal, int or a string; refuses float so that no binary fraction can
    enter a money path.
    """
    if isinstance(value, bool) or isinstance(value, float):
        raise MoneyError("money.float", value=repr(value))
    if isinstance(value, str):
        return parse_money(value)
    if isinstance(value, int):
        return Decimal(value).quantize(CENT)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise MoneyError("money.not_finite", value=repr(value))
        return value.quantize(CENT, rounding=ROUND_HALF_UP)
    raise MoneyError("money.not_amount", value=repr(value))


def round_half_up(value: Decimal) -> Decimal:
    """Round an exact intermediate result half-up to the cent."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def floor_cent(value: Decimal) -> Decimal:
    """Floor a non-negative exact amount to the cent (used by the sharing rule)."""
    return value.quantize(CENT, rounding=ROUND_DOWN)


MAX_WHOLE_DIGITS = 15  # a trillion yuan and more: a typing slip, never an amount


def parse_money(text: str) -> Decimal:
    """Parse '1234.50', '1,234.50', '￥1,234.50' or '-￥3.00' into exact yuan.

    At most two decimals are accepted: '1.005' is an error, not a silent rounding.
    """
    # full-width digits and points as a Chinese input method types them are ASCII ones;
    # any other script's digits (١٢٣, ²) are refused, not read as numbers
    if any(c.isnumeric() and not c.isascii() and not "０" <= c <= "９" for c in text):
        raise MoneyError("money.non_ascii_digits", text=text[:30])
    s = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    m = _MONEY_RE.match(s)
    if not m:
        raise MoneyError("money.not_yuan", text=text)
    neg = bool(m.group(1) or m.group(2))
    whole = m.group(3).replace(",", "")
    frac = m.group(4) or "0"
    if len(whole.lstrip("0")) > MAX_WHOLE_DIGITS:
        raise MoneyError("money.too_large", text=text[:30], digits=MAX_WHOLE_DIGITS)
    try:
        d = Decimal(f"{whole}.{frac}")
    except InvalidOperation as e:  # pragma: no cover - regex already checked
        raise MoneyError("money.not_yuan_short", text=text) from e
    d = d.quantize(CENT)
    return -d if neg else d


def format_money(amount: Decimal, *, sign: bool = True) -> str:
    """Format as '￥1,234.50' (or '1,234.50' with sign=False); negatives as '-￥3.00'."""
    q = money(amount)
    body = f"{abs(q):,.2f}"
    prefix = "-" if q < 0 else ""
    return f"{prefix}{YUAN_SIGN if sign else ''}{body}"


def to_str(amount: Decimal) -> str:
    """Two-decimal string without grouping, for JSON and files: '1234.50'."""
    return f"{money(amount):.2f}"


def parse_multiplier(text: str, *, what: str = "multiplier") -> Decimal:
    """Parse an exact decimal multiplier like '0.95' (never a float)."""
    if isinstance(text, float | bool):
        raise MoneyError("money.decimal_as_string", what=what, value=repr(text))
    try:
        d = Decimal(str(text).strip())
    except InvalidOperation as e:
        raise MoneyError("money.not_decimal", what=what, text=text) from e
    if not d.is_finite():
        raise MoneyError("money.decimal_not_finite", what=what, text=text)
    return d
