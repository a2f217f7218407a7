"""Top-up tab: the amount, the tender and its reference; the bonus from the ladder, the
balance after, the card's cap and what may still be added, previewed as typed (the
core refuses over the cap and below the real-name threshold's ID); the slip printed,
the drawer opened for cash."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit

from pos_app.core.money import ZERO, MoneyError, parse_money
from pos_app.ui import printing
from pos_app.ui.i18n_util import N_, _, error_text
from pos_app.ui.members.tab import Counter, MemberTab
from pos_app.ui.operations import Op
from pos_app.ui.operations import members as member_ops
from pos_app.ui.shift import ensure_shift
from pos_app.ui.widgets import button, money_text, role_label

TENDERS = (("cash", N_("Cash")), ("bank_card", N_("Bank card")), ("other", N_("Other")))


class TopupTab(MemberTab):
    label = N_("Top up")

    def __init__(self, counter: Counter) -> None:
        super().__init__(counter)
        form = QFormLayout(self)
        self.amount = QLineEdit()
        self.amount.setObjectName("topup_amount")
        self.amount.textChanged.connect(self.preview_topup)
        self.tender = QComboBox()
        for kind, name in TENDERS:
            self.tender.addItem(_(name), kind)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(_("Slip / voucher reference"))
        self.preview = role_label("card")
        self.preview.setObjectName("topup_preview")
        ladder = ", ".join(
            _("from %1 +%2")
            .replace("%1", money_text(r.min_topup))
            .replace("%2", money_text(r.bonus))
            for r in self.ctx.terminal.program.stored_value.topup_bonus
        )
        form.addRow(_("Amount"), self.amount)
        form.addRow(_("Paid by"), self.tender)
        form.addRow(_("Reference"), self.reference)
        ladder_label = QLabel(ladder)
        ladder_label.setWordWrap(True)
        form.addRow(_("Bonus ladder"), ladder_label)
        form.addRow(_("Preview"), self.preview)
        self.button = button(_("Top up"), "F12", accent=True)
        self.button.setObjectName("topup_button")
        self.button.clicked.connect(self.finish)
        form.addRow("", self.button)

    def member_shown(self, m: dict[str, Any]) -> None:
        self.preview_topup()

    def preview_topup(self) -> None:
        text = self.amount.text().strip()
        member = self.counter.member
        if not text or member is None:
            self.preview.setText(_("Find a member, then enter an amount"))
            return
        try:
            amount = parse_money(text)
        except MoneyError as e:
            self.preview.setText(error_text(e))
            return
        rules = self.ctx.terminal.program.stored_value
        bonus = rules.bonus_for(amount)
        before = Decimal(member["stored_value"]["total"])
        anonymous = member["anonymous"]
        cap = rules.max_balance_anonymous if anonymous else rules.max_balance_registered
        after = before + amount + bonus
        room = max(ZERO, cap - before - bonus)
        lines = [
            _("Bonus: %1").replace("%1", money_text(bonus)),
            _("Balance after: %1").replace("%1", money_text(after)),
            _("Card cap %1; at most %2 more can be added")
            .replace("%1", money_text(cap))
            .replace("%2", money_text(room)),
        ]
        if after > cap:
            lines.append("<b>" + _("Over the cap: this top-up will be refused") + "</b>")
        if amount >= rules.real_name_purchase_at:
            lines.append(_("Real-name purchase: the holder's ID number must be on file"))
        self.preview.setText("<br>".join(lines))

    def finish(self) -> None:
        """Top up the member's card by the amount typed."""
        member = self.member()
        if member is None:
            return
        try:
            amount = parse_money(self.amount.text())
        except MoneyError as e:
            self.counter.fail(e)
            return
        ctx = self.ctx
        tender = str(self.tender.currentData())
        ref = self.reference.text().strip() or None
        op = Op(ctx, member_ops.top_up, ctx.terminal, ctx.who, member["card"], amount, tender, ref)
        op.success(lambda res: self._topped_up(res, tender)).failure(self.counter.fail)
        # a top-up takes money: it needs an open shift (offered when none is open)
        ensure_shift(ctx, self, _("a top-up"), op.run, self.counter.fail)

    def _topped_up(self, res: tuple[dict[str, Any], printing.Printout], tender: str) -> None:
        m, p = res
        self.ctx.devices.print_receipt(p.receipt_no, p.escpos, p.text)
        if tender == "cash":
            self.ctx.devices.kick_drawer()
        self.amount.clear()
        self.reference.clear()
        self.counter.show_member(m)
        total = money_text(m["stored_value"]["total"])
        self.counter.ok(_("Topped up: balance %1").replace("%1", total))
