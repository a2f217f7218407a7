"""The entry point: ``--json`` after the command, an unknown command refused (exit 2,
one line), and start-up cost paid only by the command that needs it: checked in new
processes by the modules they import (``PYTHONPROFILEIMPORTTIME``), so a heavy import
creeping back into ``pos --help`` fails here."""

from __future__ import annotations

import contextlib
import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pos_app.cli import main
from tests.ops import first_schema

from .conftest import KETTLE, assert_refused, bad_ids, pos

POS = Path(sys.executable).parent / "pos"
HEAVY = ("sqlalchemy", "alembic", "PySide6", "fastapi", "uvicorn", "httpx")


def imported(*argv: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run the installed ``pos``; the top-level packages it imported."""
    env = {**os.environ, "PYTHONPROFILEIMPORTTIME": "1"}
    r = subprocess.run([str(POS), *argv], capture_output=True, text=True, env=env, timeout=60)
    names = {line.rsplit("|", 1)[1].strip() for line in r.stderr.splitlines()
             if line.startswith("import time:") and "|" in line}
    return r, {n.split(".")[0] for n in names}


def test_json_after_the_command(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(data), "ledger", "verify", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True


BAD: list[tuple[list[str], str]] = [
    (["frobnicate"], "invalid choice"),
]


@pytest.mark.parametrize("argv,message", BAD, ids=bad_ids(BAD))
def test_bad_input_exits_2_and_changes_nothing(data: Path, capsys: pytest.CaptureFixture[str],
                                               argv: list[str], message: str) -> None:
    assert_refused(capsys, data, argv, message)


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["frobnicate"]])
def test_help_and_version_load_no_heavy_library(argv: list[str]) -> None:
    r, packages = imported(*argv)
    assert r.returncode == (2 if argv == ["frobnicate"] else 0), r.stderr
    assert "pos_app" in packages  # the probe sees the project's imports
    assert packages.isdisjoint(HEAVY), sorted(packages & set(HEAVY))


def test_a_command_on_a_current_ledger_loads_no_alembic(
        data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = pos(capsys, data, "member", "enroll", "--name", "王芳", "--phone", "13800138000")["card"]
    for argv in (["member", "show", "--card", card],
                 ["sale", "--member-card", card, "--item", KETTLE, "--tender", "cash"]):
        r, packages = imported("--data-dir", str(data), *argv)
        assert r.returncode == 0, r.stderr
        assert "sqlalchemy" in packages
        # nor the image libraries: a sale saves its receipt, it does not render it
        unwanted = {"alembic", "PySide6", "fastapi", "uvicorn", "httpx", "PIL", "qrcode"}
        assert packages.isdisjoint(unwanted), sorted(packages & unwanted)


def test_a_plain_sale_loads_no_library_it_does_not_use(data: Path) -> None:
    """A cash sale without a member reads no personal data, no PIN, no phone or ID
    number: the libraries for those load only where they are used."""
    r, packages = imported("--data-dir", str(data), "sale", "--item", KETTLE, "--tender", "cash")
    assert r.returncode == 0, r.stderr
    assert "sqlalchemy" in packages and "receipts" in packages
    unwanted = {"cryptography", "argon2", "phonenumbers", "stdnum", "xml"}
    assert packages.isdisjoint(unwanted), sorted(packages & unwanted)


@pytest.mark.parametrize("collecting", [True, False])
def test_the_collector_is_left_as_it_was(data: Path, capsys: pytest.CaptureFixture[str],
                                         collecting: bool) -> None:
    """``main(argv)`` in a caller's process pauses the collector for start-up only and
    freezes nothing of the caller's (the console script's own run freezes)."""
    was = gc.isenabled()
    frozen = gc.get_freeze_count()
    (gc.enable if collecting else gc.disable)()
    try:
        for argv in (["ledger", "verify"], ["frobnicate"], ["--version"]):
            with contextlib.suppress(SystemExit):
                main(["--data-dir", str(data), *argv])
            assert gc.isenabled() is collecting, argv
        assert gc.get_freeze_count() == frozen
    finally:
        (gc.enable if was else gc.disable)()
    capsys.readouterr()


def test_a_ledger_behind_is_migrated_with_alembic(tmp_path: Path) -> None:
    """The cheap revision check still sends an old ledger through the migrations."""
    d = tmp_path / "old"
    first_schema.load_fixture(d)
    r, packages = imported("--data-dir", str(d), "ledger", "verify")
    assert r.returncode == 0, r.stderr
    assert "alembic" in packages
    assert list((d / "backups").glob("pre-upgrade-0001-*.sqlite"))
