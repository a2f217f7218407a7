"""PNG previews: the layout drawn with a CJK font, QR and logo."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from receipts import examples, png_render
from receipts.layout import Layout, TextRow
from receipts.png_render import (
    MARGIN,
    FontNotFoundError,
    find_cjk_font,
    layout_to_png,
    render_png,
    save_png,
)


def test_png_is_the_paper_width() -> None:
    for width, dots in ((32, 384), (42, 504), (48, 576)):
        img = render_png(examples.sale("zh"), width)
        assert img.width == dots + 2 * MARGIN
        assert img.height > 1000


def test_cjk_glyphs_are_drawn_not_tofu() -> None:
    def row(text: str) -> Image.Image:
        return layout_to_png(Layout(32, (TextRow(text),)))

    zhong, guo = row("中"), row("国")
    assert ImageChops.difference(zhong, guo).getbbox() is not None  # distinct glyphs
    blank = row("")
    assert ImageChops.difference(zhong, blank).getbbox() is not None


def test_qr_and_logo_are_drawn(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGB", (200, 60), "black").save(logo)
    with_logo = render_png(examples.sale("zh", logo_path=logo), 48)
    without = render_png(examples.sale("zh"), 48)
    assert with_logo.height == without.height + 60
    no_qr = render_png(replace(examples.sale("zh"), qr_payload=None), 48)
    qr_height = without.height - no_qr.height - 30  # the QR and the number under it
    assert qr_height > 150
    footer = without.crop((0, no_qr.height - MARGIN - 30, without.width,
                           no_qr.height - MARGIN - 30 + qr_height))
    dark = sum(1 for p in footer.convert("L").get_flattened_data() if p < 128)
    assert dark > footer.width * footer.height // 10  # black modules of the QR


def test_save_png(tmp_path: Path) -> None:
    out = save_png(examples.z_report("en"), tmp_path / "z.png", 32)
    with Image.open(out) as img:
        assert img.format == "PNG" and img.width == 384 + 2 * MARGIN


def test_no_cjk_font_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(png_render.shutil, "which", lambda _: None)
    monkeypatch.setattr(png_render, "KNOWN_FONTS", ("/nonexistent/font.ttc",))
    with pytest.raises(FontNotFoundError, match="fonts-wqy-microhei"):
        find_cjk_font()


def test_the_installed_cjk_font_is_found() -> None:
    assert find_cjk_font().suffix in (".ttc", ".ttf", ".otf")
