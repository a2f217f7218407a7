"""What every command runs with: a command on the ledger needs a set-up folder and
leaves none behind when there is none."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run


def test_commands_need_an_initialised_folder(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "none"), "ledger", "verify")
    assert code == 2 and "run 'pos init' first" in err
    assert not (tmp_path / "none").exists()
