"""The balance slip's operations (see :mod:`pos_app.ui.operations`)."""

from __future__ import annotations

from typing import Any

from pos_app.core import members
from pos_app.core.staff import Operator
from pos_app.core.terminal import Terminal
from pos_app.ui import printing
from pos_app.ui.operations.members import look_up


def preview_slip(
    t: Terminal, who: Operator, text: str, card: bool, preview_no: str
) -> tuple[dict[str, Any], printing.Printout]:
    """The member found by ``text`` and their slip as it would print, numbered
    ``preview_no`` (a preview takes no receipt number)."""
    # receipts (PIL, qrcode) load on the database thread, not at app start
    from receipts.from_core import balance_document

    m = look_up(t, text, card)
    with t.read() as s:
        c = members.find_card(s, m["card"], active_only=False)
        doc = balance_document(t, s, c.member, c, cashier=who.code, receipt_no=preview_no)
    return m, printing.render(t, doc)


def print_slip(t: Terminal, who: Operator, card_no: str) -> printing.Printout:
    """The slip with the next receipt number, saved; what to print."""
    # receipts (PIL, qrcode) load on the database thread, not at app start
    from receipts.from_core import balance_document

    with t.tx() as s:
        c = members.find_card(s, card_no, active_only=False)
        doc = printing.keep(t, s, balance_document(t, s, c.member, c, cashier=who.code))
    return printing.render(t, doc)
