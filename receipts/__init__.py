"""Receipts and slips: one document model, laid out for 58/80 mm paper (32/42/48
columns) and rendered to ESC/POS bytes (GB18030), plain text and PNG previews.

Build a :class:`ReceiptDocument` (see :mod:`receipts.document`), then call
:func:`render_escpos`, :func:`render_text` or :func:`render_png`.

The renderers that need PIL and qrcode (ESC/POS, PNG, print jobs) are a lazy map: their
modules load on first use, so saving a sale's receipt (``pos sale``) does not pay for them.
"""

import importlib
from typing import TYPE_CHECKING, Any

from .document import (
    CardTransaction,
    Discount,
    DiscountSource,
    EnrollmentInfo,
    ExpiringLot,
    Kind,
    MemberInfo,
    PointsInfo,
    ReceiptDocument,
    ReceiptLine,
    ShiftReport,
    StoredValueInfo,
    StoreInfo,
    Tender,
    TenderKind,
    TenderTotal,
    TopUpInfo,
    Totals,
)
from .layout import WIDTHS, display_width
from .mask import mask_card, mask_phone
from .templates import layout
from .text_render import render_text

if TYPE_CHECKING:
    from .escpos_render import render_escpos
    from .jobs import print_job_bytes, reprint
    from .png_render import render_png, save_png

_LAZY = {
    "render_escpos": "escpos_render",
    "print_job_bytes": "jobs",
    "reprint": "jobs",
    "render_png": "png_render",
    "save_png": "png_render",
}

__all__ = [
    "WIDTHS",
    "CardTransaction",
    "Discount",
    "DiscountSource",
    "EnrollmentInfo",
    "ExpiringLot",
    "Kind",
    "MemberInfo",
    "PointsInfo",
    "ReceiptDocument",
    "ReceiptLine",
    "ShiftReport",
    "StoreInfo",
    "StoredValueInfo",
    "Tender",
    "TenderKind",
    "TenderTotal",
    "TopUpInfo",
    "Totals",
    "display_width",
    "layout",
    "mask_card",
    "mask_phone",
    "print_job_bytes",
    "render_escpos",
    "render_png",
    "render_text",
    "reprint",
    "save_png",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
