from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from pos_app import logging_setup
from pos_app.cli import main


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture(autouse=True)
def _no_outside_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """No config file of the machine running the tests is picked up."""
    monkeypatch.delenv("POS_CONFIG", raising=False)
    monkeypatch.delenv("POS_DATA_DIR", raising=False)
    monkeypatch.delenv("POS_LOG_STDERR", raising=False)
    monkeypatch.setattr("pos_app.config.candidates", lambda: [tmp_path / "none.toml"])
    yield
    logging_setup.teardown()


@pytest.fixture
def pos(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    def run(*argv: str) -> Run:
        capsys.readouterr()
        code = main(list(argv))
        got = capsys.readouterr()
        return Run(code, got.out, got.err)

    return run


@pytest.fixture
def demo_dir(tmp_path: Path, pos: Callable[..., Run]) -> Path:
    d = tmp_path / "data"
    r = pos("--data-dir", str(d), "--json", "demo")
    assert r.code == 0, r.err
    assert r.json()["total"] == "883.15"
    return d
