"""Plain-text rendering: for the screen, the electronic journal and golden tests."""

from __future__ import annotations

from .document import ReceiptDocument
from .layout import Layout, LogoRow, QrRow, TextRow, center
from .templates import layout


def layout_to_text(lay: Layout) -> str:
    out: list[str] = []
    for row in lay.rows:
        if isinstance(row, TextRow):
            out.append(row.text.rstrip())
        elif isinstance(row, QrRow):
            out.extend(center(f"[QR {row.payload}]", lay.width))
        elif isinstance(row, LogoRow):
            out.extend(center("[LOGO]", lay.width))
    return "\n".join(out) + "\n"


def render_text(doc: ReceiptDocument, width: int = 48) -> str:
    """The document as text, ``width`` columns (CJK characters count as two)."""
    return layout_to_text(layout(doc, width))
