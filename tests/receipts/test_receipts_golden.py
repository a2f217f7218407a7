"""Golden text renderings of every template, Chinese and English, 32/42/48 columns.

The goldens are tests/receipts/golden/<template>-<lang>-<width>.txt. After an
intended layout change, regenerate them and read the diff before committing:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/receipts/test_receipts_golden.py -q
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from receipts import WIDTHS, display_width, examples, render_text

GOLDEN = Path(__file__).parent / "golden"
CASES = [(t, lang, w) for t in examples.TEMPLATES for lang in ("zh", "en") for w in WIDTHS]


@pytest.mark.parametrize(("template", "lang", "width"), CASES)
def test_golden_text(template: str, lang: str, width: int) -> None:
    text = render_text(examples.example(template, lang), width)
    path = GOLDEN / f"{template}-{lang}-{width}.txt"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"missing golden {path}; run with UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{path.name} differs from the golden"
    for n, row in enumerate(text.splitlines(), 1):
        assert display_width(row) <= width, f"{path.name} row {n} is wider than {width}"


def test_every_golden_file_belongs_to_a_case() -> None:
    expected = {f"{t}-{lang}-{w}.txt" for t, lang, w in CASES}
    assert {p.name for p in GOLDEN.glob("*.txt")} == expected


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_reprint_is_marked_and_otherwise_the_same_receipt(lang: str) -> None:
    original = render_text(examples.sale(lang), 48)
    again = render_text(examples.reprint_example(lang), 48)
    mark = "*** 重印 REPRINT ***" if lang == "zh" else "*** REPRINT ***"
    assert "REPRINT" not in original and "重印" not in original
    # under the title and at the bottom, centered
    assert [r.strip() for r in again.splitlines()].count(mark) == 2
    for row in original.splitlines():
        assert row in again.splitlines()
