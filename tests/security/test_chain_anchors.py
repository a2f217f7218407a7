"""The event and audit chains sealed with the terminal's chain key, and anchored at HQ at
every sync. Each test edits the ledger file with the sqlite3 module in a connection of
its own, then runs ``pos ledger verify`` / ``pos audit verify`` / ``pos sync`` /
``pos hq verify`` in new processes against ``pos hq serve``."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import httpx
import pytest

from pos_app.core import sealing
from pos_app.core.outbox import GENESIS, canonical, event_hash
from pos_app.core.staff import _entry_hash
from pos_app.demo import CATALOG, PROGRAM
from tests.sync.test_server import free_port

ROOT = Path(__file__).resolve().parents[2]
ITEM = "6901234560084"


def pos(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("POS_")}
    return subprocess.run([sys.executable, "-m", "pos_app.cli", *args], cwd=ROOT,
                          env={**base, **(env or {})}, capture_output=True, text=True,
                          timeout=120)


class Hq:
    def __init__(self, cfg: Path, url: str) -> None:
        self.cfg, self.url = cfg, url

    def terminal(self, tmp: Path, name: str) -> list[str]:
        """A new terminal registered with this HQ, with a sale and a staff member added
        (an audit row after the last event), synced once."""
        reg = pos("hq", "register-terminal", "--config", str(self.cfg), "--store", "S001",
                  "--terminal", name, "--franchisee", "F-EAST")
        assert reg.returncode == 0, reg.stderr
        data = ["--data-dir", str(tmp / name)]
        assert pos(*data, "init", "--store", "S001", "--terminal", name, "--franchisee",
                   "F-EAST", "--program", str(PROGRAM)).returncode == 0
        assert pos(*data, "catalog", "import", str(CATALOG)).returncode == 0
        r = pos(*data, "sync", "register", "--hq", self.url,
                env={"POS_HQ_TOKEN": json.loads(reg.stdout)["token"]})
        assert r.returncode == 0, r.stderr
        r = pos(*data, "shift", "open", "--float", "500.00")  # sales need an open shift
        assert r.returncode == 0, r.stderr
        for _ in range(2):
            r = pos(*data, "sale", "--item", ITEM, "--tender", "cash")
            assert r.returncode == 0, r.stderr
        r = pos(*data, "staff", "add", "--code", "C9", "--name", "Li", "--role", "cashier",
                env={"POS_NEW_STAFF_PIN": "4711"})
        assert r.returncode == 0, r.stderr
        r = pos(*data, "sync")
        assert r.returncode == 0, r.stdout + r.stderr
        return data

    def verify(self) -> subprocess.CompletedProcess[str]:
        return pos("hq", "verify", "--config", str(self.cfg))


@pytest.fixture(scope="module")
def hq(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hq]:
    tmp = tmp_path_factory.mktemp("hq")
    cfg = tmp / "hq.toml"
    cfg.write_text(f'[hq]\ndatabase = "sqlite:///{tmp / "hq.sqlite"}"\nadmin_token = "adm"\n',
                   "utf-8")
    assert pos("hq", "verify", "--config", str(cfg)).returncode == 0  # makes the schema
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "pos_app.cli", "hq", "serve", "--config",
                               str(cfg), "--port", str(port)], cwd=ROOT,
                              start_new_session=True, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                httpx.get(f"http://127.0.0.1:{port}/healthz")
                break
            except httpx.TransportError:
                time.sleep(0.1)
        yield Hq(cfg, f"http://127.0.0.1:{port}")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def _connect(data: list[str]) -> sqlite3.Connection:
    con = sqlite3.connect(Path(data[1]) / "pos.sqlite", isolation_level=None)
    for trig in ("audit_log_no_update", "audit_log_no_delete", "audit_log_seal_once"):
        con.execute(f"DROP TRIGGER IF EXISTS {trig}")
    return con


def _problems(*cmd: str) -> list[str]:
    r = pos(*cmd)
    out = json.loads(r.stdout)
    assert r.returncode == 1, out
    return list(out["problems"])


def _found(problems: list[str], *fragments: str) -> None:
    for f in fragments:
        assert any(f in p for p in problems), (f, problems)


def _rechain_events(con: sqlite3.Connection, data: list[str], start: int,
                    key: bytes | None) -> None:
    """Recompute the SHA-256 event chain from event ``start`` on, as anyone can; with the
    key, seal it again too."""
    f, s, t = con.execute("SELECT franchisee, store, terminal FROM terminal_info").fetchone()
    row = con.execute("SELECT hash FROM outbox WHERE seq = ?", (start - 1,)).fetchone()
    prev = row[0] if row else GENESIS
    for seq, eid, epoch, kind, bt, rt, payload in con.execute(
            "SELECT seq, event_id, epoch, kind, business_time, recorded_at, payload FROM outbox"
            " WHERE seq >= ? ORDER BY seq", (start,)).fetchall():
        header = {"event_id": eid, "franchisee": f, "store": s, "terminal": t, "epoch": epoch,
                  "seq": seq, "kind": kind, "business_time": bt, "recorded_at": rt}
        h = event_hash(prev, header, payload)
        mac = sealing.seal(key, "event", h) if key else ""
        con.execute("UPDATE outbox SET prev_hash = ?, hash = ?, mac = ? WHERE seq = ?",
                    (prev, h, mac, seq))
        prev = h


def test_an_event_rewritten_and_rechained_is_found_by_its_seal(
    hq: Hq, tmp_path: Path
) -> None:
    data = hq.terminal(tmp_path, "T11")
    con = _connect(data)
    payload = json.loads(con.execute("SELECT payload FROM outbox WHERE kind = 'sale'"
                                     " ORDER BY seq LIMIT 1").fetchone()[0])
    payload["cashier"] = "nobody"
    seq = con.execute("SELECT seq FROM outbox WHERE kind = 'sale' ORDER BY seq LIMIT 1"
                      ).fetchone()[0]
    con.execute("UPDATE outbox SET payload = ? WHERE seq = ?", (canonical(payload), seq))
    _rechain_events(con, data, seq, key=None)
    con.close()
    _found(_problems(*data, "--json", "ledger", "verify"),
           f"outbox: event {seq} is not sealed by this terminal's chain key")


def test_an_audit_row_rewritten_and_rechained_is_found_by_its_seal(
    hq: Hq, tmp_path: Path
) -> None:
    data = hq.terminal(tmp_path, "T12")
    con = _connect(data)
    rid, prev, at, staff, action, subject, detail, approved = con.execute(
        "SELECT id, prev_hash, at, staff, action, subject, detail, approved_by FROM audit_log"
        " ORDER BY id DESC LIMIT 1").fetchone()
    detail = detail.replace("cashier", "manager")
    h = _entry_hash(prev, at, staff, action, subject, detail, approved)
    con.execute("UPDATE audit_log SET detail = ?, hash = ? WHERE id = ?", (detail, h, rid))
    con.close()
    for cmd in ("audit", "ledger"):
        _found(_problems(*data, "--json", cmd, "verify"),
               f"audit row {rid} is not sealed by this terminal's chain key")


def test_an_acknowledged_audit_row_removed_is_found_by_the_terminal(
    hq: Hq, tmp_path: Path
) -> None:
    """The last audit row (no event after it names it) removed and the counter lowered:
    every seal and count agrees, but HQ acknowledged that row at the sync."""
    data = hq.terminal(tmp_path, "T13")
    con = _connect(data)
    rid = con.execute("SELECT max(id) FROM audit_log").fetchone()[0]
    con.execute("DELETE FROM audit_log WHERE id = ?", (rid,))
    con.execute("UPDATE counters SET value = value - 1 WHERE name = 'audit'")
    con.close()
    for cmd in ("audit", "ledger"):
        problems = _problems(*data, "--json", cmd, "verify")
        assert len(problems) == 1, problems
        _found(problems, f"audit row {rid} acknowledged by HQ at")


def test_a_rewrite_with_the_terminals_own_key_is_found_by_hq(
    hq: Hq, tmp_path: Path
) -> None:
    """Whoever holds the chain key rewrites an acknowledged event, re-chains and reseals
    everything after it and the kept anchor: the terminal's own verify cannot tell; at
    the next sync HQ finds it, raises an alert and ``pos hq verify`` names the terminal."""
    data = hq.terminal(tmp_path, "T14")
    key = (Path(data[1]) / "secrets" / "chain.key").read_bytes()
    con = _connect(data)
    seq = con.execute("SELECT seq FROM outbox WHERE kind = 'sale' ORDER BY seq LIMIT 1"
                      ).fetchone()[0]
    payload = json.loads(con.execute("SELECT payload FROM outbox WHERE seq = ?",
                                     (seq,)).fetchone()[0])
    payload["cashier"] = "nobody"
    con.execute("UPDATE outbox SET payload = ? WHERE seq = ?", (canonical(payload), seq))
    _rechain_events(con, data, seq, key=key)
    kept = json.loads(con.execute("SELECT anchor FROM sync_state").fetchone()[0])
    anchor = json.loads(kept["anchor"])
    anchor["event_hash"] = con.execute("SELECT hash FROM outbox WHERE seq = ?",
                                       (anchor["event_seq"],)).fetchone()[0]
    text = canonical(anchor)
    con.execute("UPDATE sync_state SET anchor = ?", (json.dumps(
        {"anchor": text, "mac": sealing.seal(key, "anchor", text)}),))
    con.close()
    assert pos(*data, "ledger", "verify").returncode == 0
    assert hq.verify().returncode == 0  # nothing found before the sync
    r = pos(*data, "--json", "sync")
    assert r.returncode == 1, r.stdout + r.stderr
    assert "ledger was rewritten" in r.stdout + r.stderr
    v = hq.verify()
    assert v.returncode == 1
    _found(json.loads(v.stdout)["problems"], "S001/T14",
           f"event {anchor['event_seq']} acknowledged at")
    alerts = json.loads(pos("hq", "alerts", "--config", str(hq.cfg)).stdout)["alerts"]
    assert any(a["kind"] == "chain_rewritten" and "T14" in a["detail"] for a in alerts)


def test_a_card_credited_by_hand_is_found_at_the_next_sync(hq: Hq, tmp_path: Path) -> None:
    """¥1,000 credited to a card by a balanced journal written into the file (balances
    moved too), then spent at the till: at the sync HQ gives back what this terminal's
    events moved on the card, the terminal's books say ¥1,000 more, and the terminal
    raises the alert (``pos sync`` exits 1; HQ gets a ``balance_mismatch`` alert)."""
    data = hq.terminal(tmp_path, "T15")
    r = pos(*data, "--json", "member", "enroll", "--name", "Wang", "--phone", "13800138000")
    assert r.returncode == 0, r.stderr
    card = json.loads(r.stdout)["card"]
    assert pos(*data, "stored-value", "topup", "--card", card, "--amount", "100").returncode == 0
    r = pos(*data, "--json", "sync")
    assert r.returncode == 0, r.stdout + r.stderr
    con = _connect(data)
    con.execute(
        "INSERT INTO journal (seq, event_id, kind, business_time, recorded_at, franchisee,"
        " store, terminal, staff, ref, record_kind, record_ref) SELECT max(seq) + 1,"
        " 'forged-0000', 'topup', business_time, recorded_at, franchisee, store, terminal,"
        " staff, 'x', '', '' FROM journal")
    jid = con.execute("SELECT max(id) FROM journal").fetchone()[0]
    for code, amount in (("cash:drawer", 100000), (f"sv:card:{card}:principal", -100000)):
        acc = con.execute("SELECT id FROM accounts WHERE code = ?", (code,)).fetchone()[0]
        con.execute("INSERT INTO entries (journal_id, account_id, amount, unit)"
                    " VALUES (?, ?, ?, 'CNY')", (jid, acc, amount))
        con.execute("UPDATE accounts SET balance = balance + ? WHERE id = ?", (amount, acc))
    con.execute("UPDATE counters SET value = value + 1 WHERE name = 'journal'")
    con.close()
    r = pos(*data, "sale", "--member-card", card, "--item", ITEM, "--tender", "stored_value")
    assert r.returncode == 0, r.stderr
    r = pos(*data, "--json", "sync")
    assert r.returncode == 1, r.stdout + r.stderr
    out = r.stdout + r.stderr
    assert "this terminal's own events put" in out and "HQ holds" in out, out
    alerts = json.loads(pos("hq", "alerts", "--config", str(hq.cfg)).stdout)["alerts"]
    mine = [a for a in alerts if a["kind"] == "balance_mismatch" and card[-4:] in a["detail"]]
    assert len(mine) == 1, alerts
    here, held = (Decimal(x) for x in re.findall(r"¥(-?[\d.]+)", mine[0]["detail"]))
    assert here - held == Decimal("1000.00"), mine
