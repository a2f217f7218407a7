"""``pos catalog import`` through the entry: a missing file refused whole. (The import
itself, progress and the installed command: tests/core/test_catalog.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import assert_refused, bad_ids

BAD: list[tuple[list[str], str]] = [
    (["catalog", "import", "missing.csv"], "catalog file not found"),
]


@pytest.mark.parametrize("argv,message", BAD, ids=bad_ids(BAD))
def test_bad_input_exits_2_and_changes_nothing(data: Path, capsys: pytest.CaptureFixture[str],
                                               argv: list[str], message: str) -> None:
    assert_refused(capsys, data, argv, message)
