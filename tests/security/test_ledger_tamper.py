"""Edits of the ledger file made as an insider would, with sqlite3 in a connection of its
own (dropping the append-only triggers first), then ``pos ledger verify`` and
``pos audit verify`` run in a new process: each edit is named and the exit is 1.

The demo ledger: sale S001-T01-000001 (member, points earned), top-ups 000002 and 000003
(card 88000100000012 ¥1,000 + ¥120 bonus, card 88000100000038), sale 000004 (¥883.15,
points tender and cash, 1035 points earned into lot 2). The numbers of sale 000004's
journal and event, and of the last journal and event, are read from the file (:class:`Numbers`)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from pos_app.core.data_folder import DB_FILE

CARD = "88000100000012"
SALE = "S001-T01-000004"


def pos(data: Path, *argv: str) -> tuple[int, dict]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POS_")}
    r = subprocess.run(
        [sys.executable, "-m", "pos_app.cli", "--data-dir", str(data), "--json", *argv],
        capture_output=True, text=True, timeout=120, env=env,
    )
    assert r.stdout, r.stderr
    return r.returncode, json.loads(r.stdout)


@pytest.fixture(scope="module")
def demo_image(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("demo") / "data"
    code, out = pos(d, "demo")
    assert code == 0 and out["total"] == "883.15"
    return d


@pytest.fixture
def data(demo_image: Path, tmp_path: Path) -> Path:
    d = tmp_path / "data"
    shutil.copytree(demo_image, d)
    code, out = pos(d, "ledger", "verify")
    assert (code, out["problems"]) == (0, [])
    return d


@dataclass(frozen=True)
class Numbers:
    """Sale 000004's journal and event numbers, and the last of each, as the file has
    them before an edit."""

    journal: int
    event: int
    last_journal: int
    last_event: int


@pytest.fixture
def no(data: Path) -> Numbers:
    con = sqlite3.connect(data / DB_FILE)
    try:
        journal, event = con.execute(
            "SELECT j.seq, o.seq FROM sales s JOIN journal j ON j.id = s.journal_id"
            " JOIN outbox o ON o.event_id = j.event_id WHERE s.sale_no = ?", (SALE,)).fetchone()
        last_journal = con.execute("SELECT max(seq) FROM journal").fetchone()[0]
        last_event = con.execute("SELECT max(seq) FROM outbox").fetchone()[0]
    finally:
        con.close()
    return Numbers(journal, event, last_journal, last_event)


@pytest.fixture
def db(data: Path) -> Iterator[sqlite3.Connection]:
    con = sqlite3.connect(data / DB_FILE, isolation_level=None)
    for trig in ("entries_no_update", "entries_no_delete", "audit_log_no_delete",
                 "audit_log_no_update"):
        con.execute(f"DROP TRIGGER IF EXISTS {trig}")
    con.execute("BEGIN")
    yield con
    con.close()


def _commit(con: sqlite3.Connection) -> None:
    con.execute("COMMIT")
    con.close()


def _account(con: sqlite3.Connection, code: str) -> int:
    return con.execute("SELECT id FROM accounts WHERE code = ?", (code,)).fetchone()[0]


def _move(con: sqlite3.Connection, code: str, delta: int) -> None:
    con.execute("UPDATE accounts SET balance = balance + ? WHERE code = ?", (delta, code))


def _delete_sale(con: sqlite3.Connection, sid: int) -> None:
    """The sale row with its lines, discounts, tenders, shares and coupon use."""
    for table in ("line_discounts", "line_tender_shares"):
        con.execute(f"DELETE FROM {table} WHERE line_id IN"
                    " (SELECT id FROM sale_lines WHERE sale_id = ?)", (sid,))
    for table in ("sale_lines", "sale_tenders", "coupon_uses"):
        con.execute(f"DELETE FROM {table} WHERE sale_id = ?", (sid,))
    con.execute("DELETE FROM sales WHERE id = ?", (sid,))


def _problems(data: Path, *cmd: str) -> list[str]:
    code, out = pos(data, *cmd)
    assert code == 1, out
    assert out["ok"] is False
    return list(out["problems"])


def _found(problems: list[str], *fragments: str) -> None:
    for f in fragments:
        assert any(f in p for p in problems), (f, problems)


def test_an_inserted_balanced_journal_crediting_a_card_is_found(
    data: Path, no: Numbers, db: sqlite3.Connection
) -> None:
    """¥1,000 of stored value credited to a card by a journal that balances and moves
    the account balances with it: no record books it and no event carries it."""
    db.execute(
        "INSERT INTO journal (seq, event_id, kind, business_time, recorded_at, franchisee,"
        " store, terminal, staff, ref) SELECT ?, ?, 'topup', business_time, recorded_at,"
        " franchisee, store, terminal, staff, 'x' FROM journal WHERE seq = ?",
        (no.last_journal + 1, str(uuid.uuid4()), no.last_journal))
    jid = db.execute("SELECT id FROM journal WHERE seq = ?", (no.last_journal + 1,)).fetchone()[0]
    for code, amount in (("cash:drawer", 100000), (f"sv:card:{CARD}:principal", -100000)):
        db.execute("INSERT INTO entries (journal_id, account_id, amount, unit)"
                   " VALUES (?, ?, ?, 'CNY')", (jid, _account(db, code), amount))
        _move(db, code, amount)
    db.execute("UPDATE counters SET value = ? WHERE name = 'journal'", (no.last_journal + 1,))
    _commit(db)
    _found(_problems(data, "ledger", "verify"),
           f"journal {no.last_journal + 1} (topup x): names no business record",
           f"journal {no.last_journal + 1} (topup x): has no outbox event")


def test_a_journal_given_a_forged_topup_record_is_still_found(
    data: Path, no: Numbers, db: sqlite3.Connection
) -> None:
    """The same credit with a top-up row made for it: the journal still has no event."""
    db.execute(
        "INSERT INTO journal (seq, event_id, kind, business_time, recorded_at, franchisee,"
        " store, terminal, staff, ref, record_kind, record_ref) SELECT ?, ?, 'topup',"
        " business_time, recorded_at, franchisee, store, terminal, staff, 'S001-T01-000005',"
        " 'topup', 'S001-T01-000005' FROM journal WHERE seq = ?",
        (no.last_journal + 1, str(uuid.uuid4()), no.last_journal))
    jid = db.execute("SELECT id FROM journal WHERE seq = ?", (no.last_journal + 1,)).fetchone()[0]
    for code, amount in (("cash:drawer", 100000), (f"sv:card:{CARD}:principal", -100000)):
        db.execute("INSERT INTO entries (journal_id, account_id, amount, unit)"
                   " VALUES (?, ?, ?, 'CNY')", (jid, _account(db, code), amount))
        _move(db, code, amount)
    card_id = db.execute("SELECT id FROM cards WHERE card_no = ?", (CARD,)).fetchone()[0]
    db.execute("INSERT INTO topups (topup_no, journal_id, card_id, amount, bonus, tender,"
               " business_time, staff) SELECT 'S001-T01-000005', ?, ?, 100000, 0, 'cash',"
               " business_time, staff FROM topups LIMIT 1", (jid, card_id))
    db.execute("UPDATE counters SET value = ? WHERE name = 'journal'", (no.last_journal + 1,))
    _commit(db)
    problems = _problems(data, "ledger", "verify")
    _found(problems, f"journal {no.last_journal + 1} (topup S001-T01-000005): has no outbox event")
    assert not any("names no business record" in p for p in problems)


def test_a_lowered_sale_total_is_found(data: Path, db: sqlite3.Connection) -> None:
    db.execute("UPDATE sales SET total = total - 10000 WHERE sale_no = ?", (SALE,))
    _commit(db)
    _found(_problems(data, "ledger", "verify"),
           f"sale {SALE}: total ¥783.15 but its journal books ¥883.15",
           f"sale {SALE}: lines add up to ¥883.15, not the total ¥783.15",
           f"sale {SALE}: tenders add up to ¥883.15, not the total ¥783.15")


def test_a_points_lot_raised_with_its_entries_is_found(
    data: Path, no: Numbers, db: sqlite3.Connection
) -> None:
    """Lot 2 (the sale's 1035 points) raised by 1000 with the journal's entries and the
    account balances moved to match: the lots and the books agree with each other, but
    not with the sale, nor with the event that carried the journal."""
    jid = db.execute("SELECT journal_id FROM sales WHERE sale_no = ?", (SALE,)).fetchone()[0]
    db.execute("UPDATE point_lots SET points = points + 1000, remaining = remaining + 1000"
               " WHERE sale_no = ?", (SALE,))
    member = db.execute("SELECT code FROM accounts WHERE code LIKE 'points:member:%'"
                        " AND balance < 0").fetchone()[0]
    for code, delta in ((member, -1000), ("points:issued", 1000)):
        # the entry that earned the points (the member's account also has the redemption)
        db.execute("UPDATE entries SET amount = amount + ? WHERE id = (SELECT id FROM entries"
                   " WHERE journal_id = ? AND account_id = ? AND amount * ? > 0)",
                   (delta, jid, _account(db, code), delta))
        _move(db, code, delta)
    _commit(db)
    problems = _problems(data, "ledger", "verify")
    _found(problems, f"sale {SALE}: 1035 points earned but its journal issued 2035",
           f"(sale {SALE}): entries differ from those its event {no.event} carried")
    # the books themselves still balance: only the ties find it
    assert not any("does not balance" in p or "lots hold" in p for p in problems)


def test_a_deleted_sale_is_found(data: Path, no: Numbers, db: sqlite3.Connection) -> None:
    sid = db.execute("SELECT id FROM sales WHERE sale_no = ?", (SALE,)).fetchone()[0]
    _delete_sale(db, sid)
    _commit(db)
    _found(_problems(data, "ledger", "verify"),
           f"journal {no.journal} (sale {SALE}): its sale record {SALE} is missing")


def test_a_sale_deleted_with_its_journal_and_event_is_found(
    data: Path, no: Numbers, db: sqlite3.Connection
) -> None:
    """The whole last sale taken out consistently (record, journal, entries, balances,
    lots, event): the journal and event counters still count it."""
    assert (no.journal, no.event) == (no.last_journal, no.last_event)  # the last of each
    sid, jid = db.execute("SELECT id, journal_id FROM sales WHERE sale_no = ?",
                          (SALE,)).fetchone()
    _delete_sale(db, sid)
    for acc, amount in db.execute("SELECT account_id, amount FROM entries WHERE journal_id = ?",
                                  (jid,)).fetchall():
        db.execute("UPDATE accounts SET balance = balance - ? WHERE id = ?", (amount, acc))
    for lot_id, pts in db.execute("SELECT lot_id, points FROM point_lot_uses"
                                  " WHERE journal_id = ?", (jid,)).fetchall():
        db.execute("UPDATE point_lots SET remaining = remaining + ? WHERE id = ?", (pts, lot_id))
    db.execute("DELETE FROM point_lot_uses WHERE journal_id = ?", (jid,))
    db.execute("DELETE FROM point_lots WHERE journal_id = ?", (jid,))
    db.execute("DELETE FROM entries WHERE journal_id = ?", (jid,))
    eid = db.execute("SELECT event_id FROM journal WHERE id = ?", (jid,)).fetchone()[0]
    db.execute("DELETE FROM journal WHERE id = ?", (jid,))
    db.execute("DELETE FROM outbox WHERE event_id = ?", (eid,))
    _commit(db)
    _found(_problems(data, "ledger", "verify"),
           f"journal: {no.last_journal} numbered but {no.last_journal - 1} kept",
           f"outbox: {no.last_event} numbered but {no.last_event - 1} kept")


def test_a_deleted_last_audit_row_is_found(data: Path, db: sqlite3.Connection) -> None:
    last = db.execute("SELECT max(id) FROM audit_log").fetchone()[0]
    db.execute("DELETE FROM audit_log WHERE id = ?", (last,))
    _commit(db)
    for cmd in (("audit", "verify"), ("ledger", "verify")):
        _found(_problems(data, *cmd),
               f"audit log: {last} rows written but {last - 1} kept",
               f"audit row {last} named by event")


def test_consistent_two_sided_edits_are_found(data: Path, no: Numbers,
                                              db: sqlite3.Connection) -> None:
    """¥100 taken off the sale everywhere the sale is written: its total, a line, the
    line's cash share, the cash tender, the revenue and cash entries and both balances.
    Every recomputation agrees; the event that carried the sale to HQ does not."""
    sid, jid = db.execute("SELECT id, journal_id FROM sales WHERE sale_no = ?",
                          (SALE,)).fetchone()
    db.execute("UPDATE sales SET total = total - 10000 WHERE id = ?", (sid,))
    line = db.execute("SELECT id FROM sale_lines WHERE sale_id = ? ORDER BY no LIMIT 1",
                      (sid,)).fetchone()[0]
    db.execute("UPDATE sale_lines SET amount = amount - 10000 WHERE id = ?", (line,))
    cash_no = db.execute("SELECT no FROM sale_tenders WHERE sale_id = ? AND kind = 'cash'",
                         (sid,)).fetchone()[0]
    db.execute("UPDATE sale_tenders SET amount = amount - 10000, tendered = tendered - 10000"
               " WHERE sale_id = ? AND no = ?", (sid, cash_no))
    db.execute("UPDATE line_tender_shares SET amount = amount - 10000 WHERE line_id = ?"
               " AND tender_no = ?", (line, cash_no))
    for code, delta in (("sales:revenue", 10000), ("cash:drawer", -10000)):
        db.execute("UPDATE entries SET amount = amount + ? WHERE journal_id = ?"
                   " AND account_id = ?", (delta, jid, _account(db, code)))
        _move(db, code, delta)
    _commit(db)
    problems = _problems(data, "ledger", "verify")
    assert problems == [f"journal {no.journal} (sale {SALE}): entries differ from those its "
                        f"event {no.event} carried"]
