"""Masking of personal data before it reaches a receipt.

Receipts, slips and previews only ever carry masked phone and card numbers
(保密管理: personal data is shown masked). Callers mask with these helpers; the
document model refuses a phone or card that is not masked (see
:func:`check_masked_phone` and :func:`check_masked_card`).
"""

from __future__ import annotations

import re

_DIGITS = re.compile(r"\d")


def mask_phone(phone: str) -> str:
    """Mask a phone number, keeping the first 3 and last 4 digits: '138****8000'.

    Spaces, dashes and a leading '+86' / '86' country code are dropped first.
    """
    digits = re.sub(r"[\s\-()]", "", phone)
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if not digits.isdigit() or not 7 <= len(digits) <= 15:
        raise ValueError(f"phone: not a phone number: {phone!r}")
    return digits[:3] + "****" + digits[-4:]


def mask_card(card_no: str) -> str:
    """Mask a card number, keeping the first 4 and last 4 characters: '8800****1234'.

    Card numbers shorter than 9 characters keep only their last 4.
    """
    s = re.sub(r"[\s\-]", "", card_no)
    if not s.isalnum() or len(s) < 5:
        raise ValueError(f"card: not a card number: {card_no!r}")
    if len(s) < 9:
        return "****" + s[-4:]
    return s[:4] + "****" + s[-4:]


def check_masked_phone(value: str, field: str = "masked_phone") -> None:
    """Refuse a phone number that is not masked (ValueError naming the field)."""
    if "*" not in value or len(_DIGITS.findall(value)) > 7:
        raise ValueError(
            f"{field}: phone number is not masked ({len(_DIGITS.findall(value))} digits "
            f"visible); pass receipts.mask.mask_phone(phone), e.g. '138****8000'"
        )


def check_masked_card(value: str, field: str = "masked_card") -> None:
    """Refuse a card number that is not masked (ValueError naming the field)."""
    if "*" not in value or len(_DIGITS.findall(value)) > 8:
        raise ValueError(
            f"{field}: card number is not masked; pass receipts.mask.mask_card(card_no), "
            f"e.g. '8800****1234'"
        )
