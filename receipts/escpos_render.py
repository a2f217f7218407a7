"""ESC/POS rendering for Chinese thermal printers (GB18030), through python-escpos.

The bytes are built with python-escpos's ``Dummy`` printer (style, QR, image, drawer
kick and cut commands) and returned; the devices layer sends them (USB, serial or
TCP 9100) and spools them. Text is written as raw GB18030 bytes after ``ESC @`` and
``FS &`` (enter Chinese character mode): python-escpos's own encoding guess sends
text that has only CJK punctuation as ``??`` and writes '¥' in four bytes that many
printers cannot print, which is why the receipts use the full-width '￥' (A3A4).
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

import qrcode
from PIL import Image

from .document import ReceiptDocument
from .layout import PAPER_DOTS, PAPER_MM, Layout, LogoRow, QrRow, TextRow
from .templates import layout

log = logging.getLogger(__name__)

ESC_INIT = b"\x1b@"
FS_KANJI_ON = b"\x1c&"  # FS &: Chinese (double-byte) character mode
GS_SIZE_NORMAL = b"\x1d!\x00"
GS_SIZE_TALL = b"\x1d!\x01"  # double height only: columns stay valid
ESC_BOLD_ON = b"\x1bE\x01"
ESC_BOLD_OFF = b"\x1bE\x00"
ENCODING = "gb18030"


def render_escpos(
    doc: ReceiptDocument,
    width: int = 48,
    *,
    qr_native: bool = True,
    open_drawer: bool | None = None,
    cut: bool = True,
    encoding: str = ENCODING,
) -> bytes:
    """The document as ESC/POS bytes for a GB18030 printer of ``width`` columns.

    ``open_drawer=None`` kicks the drawer (pin 2) for a sale, refund or top-up with
    a cash tender, never for a reprint. ``qr_native=False`` prints the QR code as a
    raster image for printers without ``GS ( k``. ``encoding="gbk"`` is for older
    printers with only the two-byte GBK set: characters outside it (emoji, rare
    ideographs) print as '?'.
    """
    return layout_to_escpos(layout(doc, width), qr_native=qr_native,
                            open_drawer=open_drawer, cut=cut, encoding=encoding)


def layout_to_escpos(
    lay: Layout,
    *,
    qr_native: bool = True,
    open_drawer: bool | None = None,
    cut: bool = True,
    encoding: str = ENCODING,
) -> bytes:
    if encoding.lower().replace("-", "") not in ("gb18030", "gbk"):
        raise ValueError(f"encoding: must be gb18030 or gbk, got {encoding!r}")
    # python-escpos loads its printer profiles on import (~0.15 s): only when printing
    from escpos.printer import Dummy

    p = Dummy()
    # the paper's printable width, so python-escpos checks images against it (the
    # default profile leaves it unknown); an instance attribute: the shared profile
    # data is not changed
    p.profile.profile_data = {
        **p.profile.profile_data,
        "media": {"dpi": 203, "width": {"mm": PAPER_MM[lay.width],
                                         "pixels": PAPER_DOTS[lay.width]}},
    }
    p._raw(ESC_INIT + FS_KANJI_ON)
    bold = tall = False
    pending: list[bytes] = []

    def flush() -> None:
        if pending:
            p._raw(b"".join(pending))
            pending.clear()

    for row in lay.rows:
        if isinstance(row, TextRow):
            if row.bold != bold:
                pending.append(ESC_BOLD_ON if row.bold else ESC_BOLD_OFF)
                bold = row.bold
            if row.tall != tall:
                pending.append(GS_SIZE_TALL if row.tall else GS_SIZE_NORMAL)
                tall = row.tall
            pending.append(row.text.rstrip().encode(encoding, "replace") + b"\n")
            continue
        flush()
        if isinstance(row, QrRow):
            if qr_native:
                p.set(align="center")
                p.qr(row.payload, native=True, size=6 if lay.width > 32 else 5)
                p.set(align="left")
            else:
                p.image(_qr_image(row.payload, PAPER_DOTS[lay.width]))
        elif isinstance(row, LogoRow):
            img = _logo_image(row.path, PAPER_DOTS[lay.width])
            if img is not None:
                p.image(img)
    flush()
    if bold:
        p._raw(ESC_BOLD_OFF)
    if tall:
        p._raw(GS_SIZE_NORMAL)
    if lay.open_drawer if open_drawer is None else open_drawer:
        p.cashdraw(2)
    if cut:
        p.cut()
    return p.output


def _centered(img: Image.Image, dots: int) -> Image.Image:
    """``img`` (fitted to ``dots``) centered on a white strip the paper's width."""
    if img.width > dots:
        img = img.resize((dots, max(1, img.height * dots // img.width)))
    canvas = Image.new("RGB", (dots, img.height), "white")
    canvas.paste(img, ((dots - img.width) // 2, 0))
    return canvas


@lru_cache(maxsize=64)
def _qr_image(payload: str, dots: int) -> Image.Image:
    qr = qrcode.QRCode(box_size=6, border=2)
    qr.add_data(payload)
    qr.make(fit=True)
    return _centered(qr.make_image().get_image().convert("RGB"), dots)


def _logo_image(path: Path, dots: int) -> Image.Image | None:
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as e:
        log.warning("receipt logo %s not printed: %s", path, e)
        return None
    return _logo_cached(path, mtime, dots)


@lru_cache(maxsize=8)
def _logo_cached(path: Path, mtime: int, dots: int) -> Image.Image | None:
    try:
        with Image.open(path) as src:
            img = src.convert("RGBA")
    except OSError as e:
        log.warning("receipt logo %s not printed: %s", path, e)
        return None
    bg = Image.new("RGB", img.size, "white")
    bg.paste(img, mask=img.getchannel("A"))
    return _centered(bg, dots)
