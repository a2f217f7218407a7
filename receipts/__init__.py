"""Receipts and slips: one document model, laid out for 58/80 mm paper (32/42/48
columns) and rendered to ESC/POS bytes (GB18030), plain text and PNG previews.

Build a :class:`ReceiptDocument` (see :mod:`receipts.document`), then call
:func:`render_escpos`, :func:`render_text` or :func:`render_png`.
"""

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
from .escpos_render import render_escpos
from .jobs import print_job_bytes, reprint
from .layout import WIDTHS, display_width
from .mask import mask_card, mask_phone
from .png_render import render_png, save_png
from .templates import layout
from .text_render import render_text

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
