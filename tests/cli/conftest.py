"""Fixtures for the command line's tests: ``pos`` run in-process through its entry
(``pos_app.cli.main.main``) on a data folder set up with the demo program and catalog,
and a shift opened (``pos shift open``) as the day starts (``bare_data``: none)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pos_app.cli import main
from pos_app.demo import CATALOG, PROGRAM
from tests.core.conftest import COAT, KETTLE, LIPSTICK, SCARF, db_dump

__all__ = ["COAT", "KETTLE", "LIPSTICK", "MANAGER", "MANAGER_PIN", "SCARF", "assert_refused",
           "pos", "run"]
MANAGER, MANAGER_PIN = "3001", "3333"  # the data folder's manager, added at set-up


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    data = None
    if code == 0 and "--json" in argv:
        data = json.loads(out)
    return code, data if data is not None else out, err


@pytest.fixture
def bare_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    d = tmp_path / "data"
    assert run(capsys, "--data-dir", str(d), "init", "--store", "S001", "--terminal", "T01",
               "--franchisee", "F-EAST", "--program", str(PROGRAM))[0] == 0
    assert run(capsys, "--data-dir", str(d), "catalog", "import", str(CATALOG))[0] == 0
    assert run(capsys, "--data-dir", str(d), "staff", "add", "--code", MANAGER, "--name", "陈静",
               "--role", "manager", "--new-pin", MANAGER_PIN)[0] == 0
    return d


@pytest.fixture
def data(bare_data: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert run(capsys, "--data-dir", str(bare_data), "shift", "open", "--float", "500")[0] == 0
    return bare_data


def pos(capsys: pytest.CaptureFixture[str], d: Path, *argv: str) -> Any:
    code, out, err = run(capsys, "--data-dir", str(d), "--json", *argv)
    assert code == 0, err
    return out


def snapshot(d: Path) -> tuple[str, list[str]]:
    return db_dump(d), sorted(str(p.relative_to(d)) for p in d.rglob("*")
                              if not p.name.endswith(("-wal", "-shm")))


def assert_refused(capsys: pytest.CaptureFixture[str], data: Path, argv: list[str],
                   message: str) -> None:
    """Bad input exits 2 with a one-line reason and changes nothing. ``CARD`` in ``argv``
    stands for the card of a member enrolled first; one sale is rung up first too."""
    card = pos(capsys, data, "member", "enroll", "--name", "赵", "--phone", "13700137000")["card"]
    pos(capsys, data, "sale", "--item", KETTLE, "--tender", "cash")
    argv = [card if a == "CARD" else a for a in argv]
    before = snapshot(data)
    code, out, err = run(capsys, "--data-dir", str(data), *argv)
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("pos")
    assert message in lines[0]
    assert snapshot(data) == before


def bad_ids(cases: list[tuple[list[str], str]]) -> list[str]:
    return [" ".join(a[:2]) + f"-{i}" for i, (a, _) in enumerate(cases)]
