"""PNG preview of a receipt, for the UI and the docs: the same rows the printer gets,
drawn on a grid of 12 x 24-dot cells (the thermal printer's font A at 203 dpi), so
32 columns are 384 dots (58 mm) and 48 columns 576 dots (80 mm). Needs a CJK
TrueType font (Debian: fonts-wqy-microhei).
"""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .document import ReceiptDocument
from .escpos_render import _logo_image, _qr_image
from .layout import PAPER_DOTS, Layout, LogoRow, QrRow, TextRow, char_width
from .templates import layout

CELL_W = 12
CELL_H = 24
ROW_H = 30  # cell height plus the printer's default line spacing
MARGIN = 16
FONT_SIZE = 20

KNOWN_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
)


class FontNotFoundError(RuntimeError):
    """No CJK TrueType font to draw a receipt preview with."""


def find_cjk_font() -> Path:
    """A CJK font file: fontconfig's match for Chinese, else a known path."""
    if shutil.which("fc-match"):
        try:
            out = subprocess.run(
                ["fc-match", "-f", "%{file}", "WenQuanYi Micro Hei Mono:lang=zh-cn"],
                capture_output=True, text=True, timeout=5, check=False,
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            out = ""
        if out and Path(out).suffix.lower() in (".ttc", ".ttf", ".otf") and _has_cjk(Path(out)):
            return Path(out)
    for p in KNOWN_FONTS:
        if Path(p).is_file():
            return Path(p)
    raise FontNotFoundError(
        "no CJK TrueType font found for the receipt preview (tried fc-match and "
        f"{', '.join(KNOWN_FONTS)}); install fonts-wqy-microhei or pass font_path="
    )


def _has_cjk(path: Path) -> bool:
    try:
        font = ImageFont.truetype(str(path), FONT_SIZE)
    except OSError:
        return False
    return font.getmask("中").getbbox() is not None and font.getlength("中") > FONT_SIZE / 2


@lru_cache(maxsize=4)
def _font(path: str) -> ImageFont.FreeTypeFont:
    if path.endswith(".ttc"):  # prefer the collection's monospaced face
        for index in (1, 0):
            try:
                f = ImageFont.truetype(path, FONT_SIZE, index=index)
            except OSError:
                continue
            if index == 0 or "Mono" in (f.getname()[0] or ""):
                return f
    return ImageFont.truetype(path, FONT_SIZE)


def layout_to_png(lay: Layout, *, font_path: Path | None = None) -> Image.Image:
    font = _font(str(font_path or find_cjk_font()))
    dots = PAPER_DOTS[lay.width]
    parts: list[Image.Image] = []
    for row in lay.rows:
        if isinstance(row, TextRow):
            parts.append(_text_row(row, dots, font))
        elif isinstance(row, QrRow):
            parts.append(_qr_image(row.payload, dots))
        elif isinstance(row, LogoRow):
            logo = _logo_image(row.path, dots)
            if logo is not None:
                parts.append(logo)
    height = sum(p.height for p in parts) + 2 * MARGIN
    page = Image.new("RGB", (dots + 2 * MARGIN, height), "white")
    y = MARGIN
    for p in parts:
        page.paste(p, (MARGIN, y))
        y += p.height
    ImageDraw.Draw(page).rectangle((0, 0, page.width - 1, page.height - 1), outline=(200, 200, 200))
    return page


def _text_row(row: TextRow, dots: int, font: ImageFont.FreeTypeFont) -> Image.Image:
    img = Image.new("RGB", (dots, ROW_H), "white")
    draw = ImageDraw.Draw(img)
    x = 0
    top = (ROW_H - CELL_H) // 2
    for ch in row.text:
        w = char_width(ch)
        if ch != " " and w:
            # center the glyph in its one or two cells
            gx = x + (w * CELL_W - font.getlength(ch)) / 2
            draw.text((gx, top), ch, font=font, fill="black")
            if row.bold:
                draw.text((gx + 1, top), ch, font=font, fill="black")
        x += w * CELL_W
    if row.tall:
        img = img.resize((dots, ROW_H * 2), Image.Resampling.BICUBIC)
    return img


def render_png(doc: ReceiptDocument, width: int = 48, *,
               font_path: Path | None = None) -> Image.Image:
    """A picture of the printed receipt (paper ``width`` columns)."""
    return layout_to_png(layout(doc, width), font_path=font_path)


def save_png(doc: ReceiptDocument, path: Path, width: int = 48, *,
             font_path: Path | None = None) -> Path:
    img = render_png(doc, width, font_path=font_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, optimize=True)
    return path
