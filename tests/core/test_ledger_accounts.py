"""The ledger's accounts, remembered per database connection once committed: an
account made in a transaction (or a savepoint) that is then rolled back is never
taken for one that exists, and entries always land on the account they name."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

from sqlalchemy import event

from pos_app.core import ledger, sales, stored_value, training
from pos_app.core.staff import CONSOLE
from pos_app.core.terminal import DB_FILE, Terminal

from .conftest import COAT, KETTLE
from .helpers import CASHIER, SUPERVISOR, cash, enroll, sell


class Undo(Exception):
    pass


def entries_of(t: Terminal, sale_no: str) -> list[tuple[str, int]]:
    """The sale's journal entries as (account code, amount), read with sqlite3."""
    con = sqlite3.connect(t.data_dir / DB_FILE)
    try:
        return con.execute(
            "SELECT a.code, e.amount FROM entries e JOIN accounts a ON a.id = e.account_id "
            "JOIN sales s ON s.journal_id = e.journal_id WHERE s.sale_no = ? ORDER BY e.id",
            (sale_no,),
        ).fetchall()
    finally:
        con.close()


def verify_ok(t: Terminal) -> None:
    with t.read() as s:
        assert ledger.verify(s).problems == []


def first_sale_rolled_back(t: Terminal) -> None:
    """The terminal's first sale, written and then rolled back: it made the revenue
    account, which the rollback undid."""
    try:
        with t.tx() as s:
            sales.make_sale(
                t, s, sales.SaleRequest([sales.LineRequest(KETTLE, 1)], [cash()]), CASHIER
            )
            raise Undo
    except Undo:
        pass


def test_an_account_undone_by_a_rollback_is_made_again(terminal: Terminal) -> None:
    first_sale_rolled_back(terminal)
    # a top-up commits new accounts, which take the ids the undone ones had
    card = enroll(terminal, phone="13900139000")
    with terminal.tx() as s:
        stored_value.topup(terminal, s, card, Decimal("500.00"), "cash", CONSOLE)
    out = sell(terminal, [(COAT, 1)], [cash()])
    total = int(out.sale.total * 100)
    assert ("sales:revenue", -total) in entries_of(terminal, out.sale.sale_no)
    assert ("cash:drawer", total) in entries_of(terminal, out.sale.sale_no)
    verify_ok(terminal)


def test_an_account_undone_with_a_training_sale_is_made_again(terminal: Terminal) -> None:
    req = sales.SaleRequest([sales.LineRequest(KETTLE, 1)], [cash()])
    with terminal.tx() as s:  # a training sale: its savepoint is rolled back
        training.training_sale(terminal, s, req, SUPERVISOR, None, lambda _s, out: out)
    card = enroll(terminal, phone="13900139000")
    with terminal.tx() as s:
        stored_value.topup(terminal, s, card, Decimal("500.00"), "cash", CONSOLE)
    out = sell(terminal, [(COAT, 1)], [cash()])
    assert ("sales:revenue", -int(out.sale.total * 100)) in entries_of(
        terminal, out.sale.sale_no
    )
    verify_ok(terminal)


def test_a_committed_account_is_not_looked_up_again(terminal: Terminal) -> None:
    sell(terminal, [(KETTLE, 1)], [cash()])  # the revenue and drawer accounts exist now
    looked_up: list[str] = []

    def watch(_c: object, _cur: object, statement: str, *_a: object) -> None:
        if "accounts.code = " in statement:
            looked_up.append(statement)

    event.listen(terminal.engine, "before_cursor_execute", watch)
    try:
        out = sell(terminal, [(COAT, 1)], [cash()])
    finally:
        event.remove(terminal.engine, "before_cursor_execute", watch)
    assert looked_up == []
    assert [code for code, _ in entries_of(terminal, out.sale.sale_no)] == [
        "sales:revenue", "cash:drawer"
    ]
    verify_ok(terminal)
