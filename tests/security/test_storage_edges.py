"""The disk and the ledger file refusing a write: a full disk (a small tmpfs filled up),
a read-only data folder (a read-only bind mount), a ledger locked by another program,
and 30 sales rung up at once on one terminal. Each refusal is exit 2 with one line and
nothing lost; every sale of the 30 completes. Through ``pos`` in new processes; the
mounts need root (the tests run as root) and are undone whatever happens."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.core.conftest import KETTLE

from .store import POS, make_store, ok, pos, refused, sql

SALE = ("sale", "--item", KETTLE, "--tender", "cash")


def _sales(d: Path) -> int:
    return int(sql(d, "select count(*) from sales")[0][0])


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_store(tmp_path_factory.mktemp("store"))


def _mount(*argv: str) -> None:
    subprocess.run(["mount", *argv], check=True, capture_output=True)


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 16 MB tmpfs of the test's own."""
    where = tmp_path / "tmpfs"
    where.mkdir()
    _mount("-t", "tmpfs", "-o", "size=16m,mode=0700", "tmpfs", str(where))
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def _fill(where: Path) -> Path:
    """Write files until the file system is full (big blocks, then single bytes)."""
    for name, block in (("filler", 65536), ("filler-tail", 1)):
        fd = os.open(where / name, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            while os.write(fd, b"\0" * block):
                pass
        except OSError:
            pass
        finally:
            os.close(fd)
    assert shutil.disk_usage(where).free < 64 * 1024
    return where / "filler"


def test_a_full_disk_refuses_the_sale_in_one_line_and_loses_nothing(
    template: Path, tmpfs: Path
) -> None:
    d = tmpfs / "data"
    shutil.copytree(template, d)
    ok(pos(d, *SALE))
    before = _sales(d)
    filler = _fill(tmpfs)
    for _ in range(3):
        r = pos(d, *SALE)
        refused(r, "is full; nothing was changed")
        assert str(d) in r.stderr
    filler.unlink()
    (tmpfs / "filler-tail").unlink()
    assert _sales(d) == before
    ok(pos(d, "ledger", "verify"))
    ok(pos(d, "audit", "verify"))
    ok(pos(d, *SALE))
    assert _sales(d) == before + 1


def test_a_read_only_data_folder_refuses_in_one_line_and_loses_nothing(
    template: Path, tmp_path: Path
) -> None:
    d = tmp_path / "data"
    shutil.copytree(template, d)
    ok(pos(d, *SALE))
    before = _sales(d)
    ro = tmp_path / "ro"
    ro.mkdir()
    _mount("--bind", str(d), str(ro))
    try:
        _mount("-o", "remount,ro,bind", str(ro))
        r = pos(ro, *SALE)
        refused(r, f"the data folder {ro} is read-only; nothing was changed")
        r = pos(ro, "--language", "zh_CN", *SALE)
        assert r.returncode == 2 and "只读" in r.stderr, r.stderr
    finally:
        subprocess.run(["umount", "-l", str(ro)], check=False)
    assert _sales(d) == before
    ok(pos(d, "ledger", "verify"))
    ok(pos(d, *SALE))


def test_a_locked_ledger_refuses_after_the_busy_timeout(template: Path,
                                                        tmp_path: Path) -> None:
    d = tmp_path / "data"
    shutil.copytree(template, d)
    before = _sales(d)
    other = sqlite3.connect(d / "pos.sqlite", isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        started = time.monotonic()
        r = pos(d, *SALE, env={"POS_BUSY_TIMEOUT_MS": "1500"})
        refused(r, "the ledger is locked by another program (waited 1 s); nothing was "
                   "changed")
        assert time.monotonic() - started >= 1.5
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _sales(d) == before
    ok(pos(d, *SALE))
    assert _sales(d) == before + 1


def test_thirty_sales_at_once_all_complete(template: Path, tmp_path: Path) -> None:
    """30 ``pos sale`` processes started together on one terminal: every one completes
    (each writer waits its turn for the write lock, BEGIN IMMEDIATE), 30 sales with 30
    receipt numbers, and the ledger verifies."""
    d = tmp_path / "data"
    shutil.copytree(template, d)
    before = _sales(d)
    env = {**os.environ, "POS_BUSY_TIMEOUT_MS": "180000"}  # a busy 2-core machine
    procs = [subprocess.Popen([str(POS), "--data-dir", str(d), "--json", *SALE],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=env) for _ in range(30)]
    results = [(p.wait(timeout=600), p.stdout.read(), p.stderr.read())  # type: ignore[union-attr]
               for p in procs]
    failed = [(code, err) for code, _out, err in results if code != 0]
    assert failed == []
    assert _sales(d) == before + 30
    receipts = {r[0] for r in sql(d, "select sale_no from sales")}
    assert len(receipts) == before + 30
    ok(pos(d, "ledger", "verify"))
    ok(pos(d, "audit", "verify"))
