"""every journal tied to its business record and its outbox event; adjustments; the
audit log counted

Existing ledgers are backfilled: each journal names the sale, refund, top-up or shift it
books, or a new adjustment row (points expiries, transfers, HQ alignments, compensations);
journals that never had an outbox event (shift open and close, HQ alignments) get one,
appended to the event chain; the audit counter starts at the rows kept.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""
import hashlib
import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

GENESIS = "0" * 64
_ADJUSTMENT_KINDS = {
    "points_expire": ("expiry", "points ran out"),
    "points_transfer": ("transfer", "points transferred"),
    "card_replace": ("transfer", "stored value to a replacement card"),
    "hq_balance": ("adjustment", "aligned to HQ"),
    "compensation": ("adjustment", "event refused by HQ undone"),
}
# journals older than the outbox get an event HQ keeps but does not apply
_EVENT_KINDS = {"shift_open": "shift_opened", "shift_close": "shift_closed",
                "hq_balance": "hq_balance"}


def _canonical(data: Any) -> str:
    # the outbox's canonical JSON (pos_app.core.outbox.canonical), frozen here
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def upgrade() -> None:
    op.add_column("journal", sa.Column("record_kind", sa.String(20), nullable=False,
                                       server_default=""))
    op.add_column("journal", sa.Column("record_ref", sa.String(40), nullable=False,
                                       server_default=""))
    op.create_index("ix_journal_record", "journal", ["record_kind", "record_ref"])
    op.create_table(
        "adjustments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("adj_no", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=80), nullable=False),
        sa.Column("journal_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("staff", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(["journal_id"], ["journal.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("adj_no"),
        sa.UniqueConstraint("journal_id"),
    )
    _backfill(op.get_bind())


def _set_counter(c: sa.Connection, name: str, value: int) -> None:
    c.execute(sa.text("DELETE FROM counters WHERE name = :n"), {"n": name})
    c.execute(sa.text("INSERT INTO counters (name, value) VALUES (:n, :v)"),
              {"n": name, "v": value})


def _backfill(c: sa.Connection) -> None:
    c.execute(sa.text(
        "UPDATE journal SET record_kind = (SELECT kind FROM sales WHERE journal_id = journal.id),"
        " record_ref = (SELECT sale_no FROM sales WHERE journal_id = journal.id)"
        " WHERE id IN (SELECT journal_id FROM sales)"))
    c.execute(sa.text(
        "UPDATE journal SET record_kind = 'topup',"
        " record_ref = (SELECT topup_no FROM topups WHERE journal_id = journal.id)"
        " WHERE id IN (SELECT journal_id FROM topups)"))
    c.execute(sa.text(
        "UPDATE journal SET record_kind = 'shift', record_ref = substr(ref, 7)"
        " WHERE kind IN ('shift_open', 'shift_close') AND ref LIKE 'shift %'"))
    n = 0
    for jid, kind, at, staff in c.execute(sa.text(
            "SELECT id, kind, recorded_at, staff FROM journal WHERE record_kind = ''"
            " ORDER BY seq")).all():
        n += 1
        adj, reason = _ADJUSTMENT_KINDS.get(kind, ("adjustment", kind))
        no = f"A{n:06d}"
        c.execute(sa.text(
            "INSERT INTO adjustments (adj_no, kind, reason, journal_id, at, staff)"
            " VALUES (:no, :k, :r, :j, :at, :st)"),
            {"no": no, "k": adj, "r": reason, "j": jid, "at": at, "st": staff})
        c.execute(sa.text("UPDATE journal SET record_kind = :k, record_ref = :no WHERE id = :j"),
                  {"k": adj, "no": no, "j": jid})
    if n:
        _set_counter(c, "adjustment", n)
    audits = c.execute(sa.text("SELECT count(*) FROM audit_log")).scalar() or 0
    _set_counter(c, "audit", audits)
    _backfill_events(c)


def _backfill_events(c: sa.Connection) -> None:
    info = c.execute(sa.text(
        "SELECT franchisee, store, terminal, epoch FROM terminal_info WHERE id = 1")).first()
    if info is None:
        return
    missing = c.execute(sa.text(
        "SELECT id, seq, event_id, kind, business_time, recorded_at, record_kind, record_ref"
        " FROM journal WHERE event_id NOT IN (SELECT event_id FROM outbox) ORDER BY seq")).all()
    if not missing:
        return
    last = c.execute(sa.text("SELECT seq, hash FROM outbox ORDER BY seq DESC LIMIT 1")).first()
    seq, prev = (last[0], last[1]) if last else (0, GENESIS)
    for jid, jseq, eid, kind, btime, rtime, rkind, rref in missing:
        entries = [list(r) for r in c.execute(sa.text(
            "SELECT a.code, e.amount, e.unit FROM entries e JOIN accounts a"
            " ON a.id = e.account_id WHERE e.journal_id = :j ORDER BY e.id"), {"j": jid})]
        payload = _canonical({"journal_seq": jseq, "journal_event": eid,
                              "record": [rkind, rref], "local_entries": entries,
                              "backfilled": True})
        seq += 1
        ev_kind = _EVENT_KINDS.get(kind, "ledger_backfill")
        header = {"event_id": eid, "franchisee": info[0], "store": info[1],
                  "terminal": info[2], "epoch": info[3], "seq": seq, "kind": ev_kind,
                  "business_time": btime, "recorded_at": rtime}
        digest = hashlib.sha256((prev + _canonical(header) + payload).encode()).hexdigest()
        c.execute(sa.text(
            "INSERT INTO outbox (event_id, epoch, seq, kind, business_time, recorded_at,"
            " payload, prev_hash, hash, status) VALUES (:e, :ep, :s, :k, :bt, :rt, :p, :ph,"
            " :h, 'pending')"),
            {"e": eid, "ep": info[3], "s": seq, "k": ev_kind, "bt": btime, "rt": rtime,
             "p": payload, "ph": prev, "h": digest})
        prev = digest
    _set_counter(c, "outbox", seq)


def downgrade() -> None:
    op.drop_table("adjustments")
    op.drop_index("ix_journal_record", table_name="journal")
    with op.batch_alter_table("journal", schema=None) as batch_op:
        batch_op.drop_column("record_ref")
        batch_op.drop_column("record_kind")
