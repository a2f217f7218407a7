"""The terminal's books of a card against HQ's, at every sync. HQ's change feed gives,
for each card it sends, what this terminal's applied events moved on the card at HQ
(``terminal_own``, sync/hq/anchors.py). The terminal adds up the same from its own
ledger: every entry on the card's accounts except those of events still in flight
(after HQ's watermark), of events HQ refused, of its alignments to HQ's balances and
compensations, and of journals older than the outbox; with the entries of events HQ
gave back after a restore from an older backup. A journal written into the file
by hand, with or without a forged record, counts here and not at HQ: the two differ and
the terminal raises an alert (a ``balance_mismatch`` event, which HQ turns into an alert
for its staff, and a problem ``pos sync`` prints)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from pos_app.core import ledger, outbox
from pos_app.core.messages import Msg
from pos_app.core.pii import mask_card
from pos_app.core.terminal import Terminal

_OWN = text(
    "SELECT COALESCE(SUM(e.amount), 0) FROM entries e"
    " JOIN accounts a ON a.id = e.account_id"
    " JOIN journal j ON j.id = e.journal_id"
    " LEFT JOIN outbox o ON o.event_id = j.event_id"
    " WHERE a.code IN (:p, :b) AND j.record_kind != 'adjustment'"
    " AND (o.id IS NULL OR (o.seq <= :wm AND o.status != 'rejected'"
    " AND o.kind != 'ledger_backfill'))"
)


# events this terminal holds without their journal: those HQ gave back after a restore
# from an older backup (the ledger rows went with the disk; HQ holds them)
_RESTORED = text(
    "SELECT o.payload FROM outbox o WHERE o.seq <= :wm AND o.status != 'rejected'"
    " AND o.payload LIKE :like"
    " AND NOT EXISTS (SELECT 1 FROM journal j WHERE j.event_id = o.event_id)"
)


def own_cents(s: Session, card_no: str, watermark: int) -> int:
    codes = {f"sv:card:{card_no}:principal", f"sv:card:{card_no}:bonus"}
    total = int(s.scalar(_OWN, {"p": f"sv:card:{card_no}:principal",
                                "b": f"sv:card:{card_no}:bonus", "wm": watermark}) or 0)
    for (payload,) in s.execute(_RESTORED, {"wm": watermark, "like": f"%sv:card:{card_no}:%"}):
        for code, amount, _unit in json.loads(payload).get("entries", []):
            if code in codes:
                total += int(amount)
    return total


def check_card(t: Terminal, s: Session, cd: dict[str, Any], watermark: int) -> str | None:
    """Compare this terminal's books of the card with HQ's; on a difference record a
    ``balance_mismatch`` event and return the problem."""
    if cd.get("main_card") or cd.get("terminal_own") is None:
        return None  # a supplementary card pays from its main card's accounts
    here = own_cents(s, cd["card"], watermark)
    hq = ledger.cents(Decimal(cd["terminal_own"]))
    if here == hq:
        return None
    # shown as what the card holds (its accounts are liabilities, credit negative)
    outbox.record(t, s, "balance_mismatch", {
        "card": cd["card"], "here": ledger.yuan(-here), "hq": ledger.yuan(-hq),
        "watermark": watermark}, t.now())
    return Msg("sync.card_mismatch", card=mask_card(cd["card"]), here=ledger.yuan(-here),
               hq=ledger.yuan(-hq))
