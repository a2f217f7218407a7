"""Card stock: finance's batch of numbers in sequence with Luhn check digits, a store
registering it, each card moving in_stock -> issued -> active -> blocked with every move
kept and audited, and a card not registered to the store refused at issue."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from stdnum import luhn

from pos_app.core import card_stock, ledger, members, staff
from pos_app.core.errors import PosError
from pos_app.core.models import AuditEntry, CardMove, OutboxEvent, StockCard
from pos_app.core.staff import CONSOLE
from pos_app.core.terminal import Terminal
from pos_app.demo import PROGRAM

from .conftest import Clock
from .helpers import SUPERVISOR

MANAGER = staff.Operator("3001", "manager")


def make_batch(t: Terminal, start: str = "890100000001", count: int = 10) -> str:
    with t.tx() as s:
        return card_stock.create_batch(t, s, "VIP5000", "ic", start, count, MANAGER).batch_no


def test_a_batch_is_numbered_in_sequence_with_check_digits(terminal: Terminal) -> None:
    no = make_batch(terminal)
    with terminal.read() as s:
        note = card_stock.delivery_note(s.scalars(select(card_stock.CardBatch)).one())
    assert note == {"batch": no, "product": "VIP5000", "media": "ic",
                    "first": "8901000000019", "last": "8901000000100", "count": 10}
    nos = card_stock.numbers("890100000001", 10)
    assert [n[:-1] for n in nos] == [str(890100000000 + i) for i in range(1, 11)]
    assert all(luhn.is_valid(n) for n in nos)
    with pytest.raises(PosError, match="already holds numbers"):
        make_batch(terminal, "890100000005", 3)
    with pytest.raises(PosError, match="no card product 'NOPE'"), terminal.tx() as s:
        card_stock.create_batch(terminal, s, "NOPE", "ic", "890200000001", 1, MANAGER)
    with pytest.raises(PosError, match="comes on ic, nfc, not 'magstripe'"), terminal.tx() as s:
        card_stock.create_batch(terminal, s, "VIP5000", "magstripe", "890200000001", 1, MANAGER)
    with pytest.raises(PosError, match="VIP5000 begin with 8901"), terminal.tx() as s:
        card_stock.create_batch(terminal, s, "VIP5000", "ic", "7000000001", 2, MANAGER)


def test_received_issued_blocked_each_move_kept_audited_and_sent(terminal: Terminal) -> None:
    batch = make_batch(terminal)
    with terminal.tx() as s:
        r = card_stock.receive(terminal, s, SUPERVISOR, batch_no=batch,
                               first="8901000000027", last="8901000000043")
    assert r.cards == ["8901000000027", "8901000000035", "8901000000043"]
    with terminal.tx() as s:
        m = members.enroll(terminal, s, members.Enrollment(
            name="李雷", phone="13912345678", card_no="8901000000035"), SUPERVISOR)
        card = members.main_card(s, m)
        assert [cm.media for cm in card.media] == ["ic", "virtual"]
        members.block_card(terminal, s, card.card_no, SUPERVISOR)
    with terminal.read() as s:
        moves = [(m.from_status, m.to_status, m.staff) for m in card_stock.history(s, card.card_no)]
        assert moves == [("", "in_stock", "2001"), ("in_stock", "issued", "2001"),
                         ("issued", "active", "2001"), ("active", "blocked", "2001")]
        audited = [a.action for a in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]
        assert audited.count("card_move") == 3 and "card_receive" in audited
        stock = card_stock.stock(terminal, s)
        assert stock["products"] == [{"product": "VIP5000", "name": "VIP储值卡 ¥5,000",
                                      "media": "ic", "in_stock": 2, "issued": 0, "sold": 0,
                                      "active": 0, "blocked": 1, "expired": 0}]
        assert [c["card"] for c in stock["in_stock"]] == ["8901000000027", "8901000000043"]
        kinds = [e.kind for e in s.scalars(select(OutboxEvent).order_by(OutboxEvent.seq))]
        assert kinds.count("card_stock") == 4  # made, received, issued, active
        assert ledger.verify(s).ok


def test_a_card_not_registered_here_is_refused_at_issue(
        terminal: Terminal, tmp_path: Path, clock: Clock) -> None:
    batch = make_batch(terminal)
    with terminal.tx() as s:
        note = card_stock.delivery_note(
            s.scalars(select(card_stock.CardBatch)).one())
    other = Terminal.init(tmp_path / "s2", store="S002", terminal="T01", franchisee="F-EAST",
                          program_file=PROGRAM, clock=clock)
    with other.tx() as s:
        card_stock.receive(other, s, SUPERVISOR, note=note, last="8901000000027")
    other.close()
    # this store never received the batch: none of its cards can be issued here
    for no in ("8901000000019", "8901000000100", "8901000000118"):
        with pytest.raises(PosError, match="is not registered to store S001"), \
                terminal.tx() as s:
            members.enroll(terminal, s, members.Enrollment(
                name="李雷", phone="13912345678", card_no=no), CONSOLE)
    with terminal.tx() as s:
        card_stock.receive(terminal, s, SUPERVISOR, batch_no=batch, first="8901000000035")
    with pytest.raises(PosError, match="registered or issued already"), terminal.tx() as s:
        card_stock.receive(terminal, s, SUPERVISOR, batch_no=batch, first="8901000000035")
    with terminal.read() as s:
        assert s.scalars(select(StockCard.card_no)).all()[0] == "8901000000035"
        assert len(s.scalars(select(CardMove)).all()) == 8  # 0035 .. 0100
        assert not s.scalars(select(members.Member)).all()


def test_a_delivery_note_with_a_wrong_number_is_refused(terminal: Terminal) -> None:
    note = {"batch": "HQ-0001", "product": "VIP5000", "media": "nfc",
            "first": "8901000000019", "last": "8901000000100", "count": 10}
    for bad, message in [({"first": "8901000000018"}, "wrong check digit"),
                         ({"count": 9}, "do not end at"),
                         ({"product": "X"}, "no card product"),
                         ({"count": "ten"}, "not readable")]:
        with pytest.raises(PosError, match=message), terminal.tx() as s:
            card_stock.receive(terminal, s, SUPERVISOR, note={**note, **bad})
    with terminal.read() as s:
        assert s.scalars(select(StockCard)).all() == []


def test_a_yearly_card_issued_on_29_february_runs_to_28_february(terminal: Terminal) -> None:
    from datetime import datetime

    from .conftest import TZ

    sc = StockCard(product="VIP5000")
    until = card_stock.validity(terminal, sc, datetime(2028, 2, 29, 10, 0, tzinfo=TZ))
    assert until is not None and until.date().isoformat() == "2029-02-28"
    assert card_stock.validity(terminal, StockCard(product="GIFT1000"), terminal.now()) is None
