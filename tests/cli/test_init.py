"""``pos init``: a bad program or store code leaves no folder behind; a folder that
already holds a ledger is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos_app.demo import PROGRAM

from .conftest import assert_refused, bad_ids, run


def test_init_refuses_bad_program_and_leaves_nothing(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "program.toml"
    bad.write_text(PROGRAM.read_text(encoding="utf-8").replace('discount = "0.95"',
                                                                "discount = 0.95"))
    d = tmp_path / "new"
    code, _, err = run(capsys, "--data-dir", str(d), "init", "--store", "S1", "--terminal", "T1",
                       "--franchisee", "F", "--program", str(bad))
    assert code == 2
    assert "line 31: tiers[1].discount" in err
    assert not d.exists()
    code, _, err = run(capsys, "--data-dir", str(d), "init", "--store", "S 1", "--terminal",
                       "T1", "--franchisee", "F", "--program", str(PROGRAM))
    assert code == 2 and "store must be 1-40 letters" in err and not d.exists()


BAD: list[tuple[list[str], str]] = [
    (["init", "--store", "S1", "--terminal", "T1", "--franchisee", "F", "--program",
      str(PROGRAM)], "already holds a terminal ledger"),
]


@pytest.mark.parametrize("argv,message", BAD, ids=bad_ids(BAD))
def test_bad_input_exits_2_and_changes_nothing(data: Path, capsys: pytest.CaptureFixture[str],
                                               argv: list[str], message: str) -> None:
    assert_refused(capsys, data, argv, message)
