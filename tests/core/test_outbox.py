"""The outbox: every business event written in the same transaction as its ledger rows,
with a gapless sequence and a hash chain, and no personal data in clear."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy import select

from pos_app.core import members, outbox, refunds, tiers
from pos_app.core.errors import PosError
from pos_app.core.models import Journal, OutboxEvent
from pos_app.core.staff import CONSOLE
from pos_app.core.terminal import DB_FILE, Terminal

from .conftest import KETTLE
from .helpers import SUPERVISOR, cash, enroll, sell, sv


def events(t: Terminal) -> list[OutboxEvent]:
    with t.read() as s:
        return list(s.scalars(select(OutboxEvent).order_by(OutboxEvent.seq)))


def test_every_business_event_is_in_the_outbox(terminal: Terminal) -> None:
    card = enroll(terminal, topup="500.00")
    out = sell(terminal, [(KETTLE, 2)], [sv("100.00"), cash()], card=card)
    with terminal.tx() as s:
        refunds.refund(terminal, s, out.sale.sale_no, [(1, 1)], SUPERVISOR)
        members.bind_card(terminal, s, card, "nfc", "04AABBCCDD", CONSOLE)
        members.block_card(terminal, s, card, CONSOLE)
        members.replace_card(terminal, s, card, CONSOLE)
        tiers.set_tier(
            terminal,
            s,
            members.find_by_phone(terminal, s, "13800138000"),
            "gold",
            CONSOLE,
            "competitor's VIP card",
        )
    evs = events(terminal)
    assert [e.kind for e in evs] == [
        "shift_opened",  # the fixture's shift, opened before the first sale
        "member_enrolled",
        "topup",
        "sale",
        "refund",
        "card_bound",
        "card_blocked",
        "card_replaced",
        "tier_changed",
    ]
    assert [e.seq for e in evs] == list(range(1, len(evs) + 1))
    assert all(e.status == "pending" for e in evs)
    with terminal.read() as s:
        # the sale's event is the one its journal names (numbers read from the file)
        j = s.scalars(select(Journal).where(Journal.ref == out.sale.sale_no)).one()
        [sale_event] = [e for e in evs if e.event_id == j.event_id]
        assert sale_event.kind == "sale"
        assert outbox.verify_chain(terminal, s) == []
        assert outbox.waiting(s) == len(evs)
    sale = json.loads(sale_event.payload)
    assert sale["total"] == "518.00" and sale["card"]["card"] == card
    # the ledger entries travel with the event, balanced
    assert sum(amount for _, amount, unit in sale["entries"] if unit == "CNY") == 0


def test_a_refused_sale_writes_no_event(terminal: Terminal) -> None:
    before = len(events(terminal))
    with pytest.raises(PosError):
        sell(terminal, [(KETTLE, 1)], [cash("1.00")])
    assert len(events(terminal)) == before


def test_no_personal_data_in_clear(terminal: Terminal) -> None:
    enroll(
        terminal,
        phone="13800138000",
        id_number="11010519491231002X",
        birthday=__import__("datetime").date(1949, 12, 31),
    )
    payload = next(e.payload for e in events(terminal) if e.kind == "member_enrolled")
    assert "13800138000" not in payload and "11010519491231002X" not in payload
    data = json.loads(payload)
    assert data["phone_last4"] == "8000" and data["phone_enc"] and data["phone_hash"]


def test_chain_detects_a_changed_event(terminal: Terminal) -> None:
    enroll(terminal)
    sell(terminal, [(KETTLE, 1)], [cash()])
    seq = next(e.seq for e in events(terminal) if e.kind == "sale")
    con = sqlite3.connect(terminal.data_dir / DB_FILE)
    con.execute("update outbox set payload = replace(payload, '259.00', '1.00') where seq = ?",
                (seq,))
    con.commit()
    con.close()
    with terminal.read() as s:
        assert outbox.verify_chain(terminal, s) == [
            f"outbox: event {seq} content does not match its hash"
        ]
