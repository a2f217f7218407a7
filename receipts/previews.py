"""Regenerate docs/receipts/<template>-<lang>.png (run scripts/receipt-previews)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw

from . import examples
from .png_render import _font, find_cjk_font, save_png


def demo_logo(path: Path) -> Path:
    """A small store logo (the examples' store) to show where a logo prints."""
    img = Image.new("RGB", (240, 72), "white")
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((2, 2, 237, 69), radius=14, outline="black", width=4)
    font = _font(str(find_cjk_font()))
    d.text((120, 36), "悦华 YUEHUA", font=font, fill="black", anchor="mm")
    img.save(path)
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=Path("docs/receipts"),
                    help="directory for the PNGs (default docs/receipts)")
    args = ap.parse_args(argv)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        logo = demo_logo(Path(tmp) / "logo.png")
        for template in examples.TEMPLATES:
            for lang in ("zh", "en"):
                doc = examples.example(template, lang)
                if template == "sale":
                    doc = examples.sale(lang, logo_path=logo)
                written.append(save_png(doc, args.out / f"{template}-{lang}.png", 48))
        written.append(save_png(examples.sale("zh", logo_path=logo),
                                args.out / "sale-zh-58mm.png", 32))
    for p in written:
        print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
