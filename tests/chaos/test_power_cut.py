"""Power cut: images of a busy terminal's ledger file and WAL, taken at random moments,
opened as after a crash. Every sale acknowledged to the cashier (committed, the receipt
printed) is there, and the ledger, the audit log and the outbox chain verify.

The busy terminal is a real process ringing up sales. At each random moment it is frozen
(SIGSTOP) and the database file and its WAL are copied as they are on disk; a second
image has a torn WAL: a random part beyond what was fsynced when the last acknowledged
sale committed is lost where there is any, and a half-written frame of random bytes
follows (a power cut loses the unsynced tail and tears the write in progress).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from pos_app.core import catalog, ledger, outbox, reconcile, staff
from pos_app.core.models import Sale
from pos_app.core.terminal import DB_FILE, KEY_FILE, PROGRAM_FILE, Terminal
from pos_app.demo import CATALOG, PROGRAM, STAFF

from ..core.helpers import enroll, open_till

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOTS = int(os.environ.get("POWER_CUT_SNAPSHOTS", "24"))
SEED = int(os.environ.get("POWER_CUT_SEED", "7"))


def _image(src: Path, dst: Path, wal_keep: int | None, torn_tail: bytes = b"") -> None:
    dst.mkdir(parents=True)
    shutil.copyfile(src / DB_FILE, dst / DB_FILE)
    wal = src / f"{DB_FILE}-wal"
    if wal.exists():
        data = wal.read_bytes()
        kept = data if wal_keep is None else data[:wal_keep]
        (dst / f"{DB_FILE}-wal").write_bytes(kept + torn_tail)
    shutil.copyfile(src / PROGRAM_FILE, dst / PROGRAM_FILE)
    (dst / KEY_FILE).parent.mkdir()
    shutil.copyfile(src / KEY_FILE, dst / KEY_FILE)


def _check(image: Path, acked: list[str]) -> int:
    con = sqlite3.connect(image / DB_FILE)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    t = Terminal.open(image)
    try:
        with t.read() as s:
            present = set(s.scalars(select(Sale.sale_no)))
            missing = [no for no in acked if no not in present]
            assert missing == [], f"acknowledged sales lost in {image.name}: {missing[:5]}"
            assert ledger.verify(s).problems == []
            assert staff.verify_audit(s) == []
            assert outbox.verify_chain(t, s) == []
            assert reconcile.verify(s) == []
            return len(present)
    finally:
        t.close()


def test_power_cut_images_keep_every_acknowledged_sale(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    data = tmp_path / "data"
    t = Terminal.init(data, store="S001", terminal="T01", franchisee="F-EAST", program_file=PROGRAM)
    with t.tx() as s:
        catalog.import_file(s, CATALOG, t.now())
        for code, name, role, pin in STAFF:
            staff.add_staff(s, code, name, role, pin)
        open_till(t, s)  # the day starts: a shift with its float
    card = enroll(t, topup="1000.00")
    t.close()
    ack = tmp_path / "acks"
    ack.touch()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.chaos.busy_terminal", str(data), str(ack), str(SEED), card],
        cwd=ROOT,
    )
    checked = 0
    sales_seen = 0
    try:
        deadline = time.monotonic() + 60
        while not ack.read_text().strip():
            assert proc.poll() is None, "the busy terminal died"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        for i in range(SNAPSHOTS):
            time.sleep(rng.uniform(0.01, 0.25))
            os.kill(proc.pid, signal.SIGSTOP)
            try:
                lines = ack.read_text().splitlines()
                acked = [ln.split()[0] for ln in lines]
                synced_wal = int(lines[-1].split()[1]) if lines else 0
                wal = data / f"{DB_FILE}-wal"
                wal_size = wal.stat().st_size if wal.exists() else 0
                _image(data, tmp_path / f"img{i}", None)
                keep = rng.randint(min(synced_wal, wal_size), wal_size) if wal_size else None
                tail = rng.randbytes(rng.randint(1, 4096 + 24))
                _image(data, tmp_path / f"img{i}-torn", keep, tail)
            finally:
                os.kill(proc.pid, signal.SIGCONT)
            sales_seen = max(sales_seen, _check(tmp_path / f"img{i}", acked))
            _check(tmp_path / f"img{i}-torn", acked)
            checked += 2
            shutil.rmtree(tmp_path / f"img{i}")
            shutil.rmtree(tmp_path / f"img{i}-torn")
    finally:
        proc.kill()
        proc.wait()
    assert checked == 2 * SNAPSHOTS
    assert sales_seen > SNAPSHOTS  # the terminal was busy while the images were taken
