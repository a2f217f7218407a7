"""Amounts as HQ keeps them: whole cents in integers, yuan as exact strings."""

from __future__ import annotations

from typing import Any


def yuan(cents: int) -> str:
    """1234 -> '12.34' (exact)."""
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"


def to_cents(value: Any) -> int:
    """'12.34' (yuan as the outbox writes it) -> 1234, exactly."""
    whole, _, frac = str(value).partition(".")
    neg = whole.startswith("-")
    whole = whole.lstrip("-") or "0"
    c = int(whole) * 100 + int((frac + "00")[:2])
    return -c if neg else c
