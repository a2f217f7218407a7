"""Cards tab: block a lost card (anyone), replace a blocked one (supervisor; the balance
and the supplementary cards move to the new card), issue supplementary cards with
per-sale and per-day limits."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from pos_app.core.errors import PosError
from pos_app.core.money import MoneyError, parse_money
from pos_app.core.pii import mask_card
from pos_app.core.staff import Operator
from pos_app.ui.approval import ApprovalDialog, ask_approval
from pos_app.ui.confirm import ConfirmDialog
from pos_app.ui.i18n_util import N_, _
from pos_app.ui.members.card_source import CardSource
from pos_app.ui.members.tab import Counter, MemberTab
from pos_app.ui.operations import Op
from pos_app.ui.operations import members as member_ops
from pos_app.ui.widgets import button


def _money_or_none(text: str) -> Decimal | None:
    return parse_money(text) if text.strip() else None


class CardsTab(MemberTab):
    label = N_("Cards")

    def __init__(self, counter: Counter) -> None:
        super().__init__(counter)
        self.approval: ApprovalDialog | None = None
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.block_button = button(_("Block lost card"), danger=True)
        self.block_button.setObjectName("block_button")
        self.block_button.clicked.connect(self.block)
        row.addWidget(self.block_button)
        self.replace_button = button(_("Replace blocked card (supervisor)"))
        self.replace_button.setObjectName("replace_button")
        self.replace_button.clicked.connect(self.replace)
        row.addWidget(self.replace_button)
        self.chip_button = button(_("Write chip"))
        self.chip_button.setObjectName("chip_button")
        self.chip_button.setToolTip(_("Write the card number and the holder's check to "
                                      "the chip of the card shown"))
        self.chip_button.clicked.connect(self.write_chip)
        self.chip_button.setEnabled(False)
        row.addWidget(self.chip_button)
        lay.addLayout(row)
        self.card = CardSource()
        lay.addWidget(QLabel(_("New or supplementary card")))
        lay.addWidget(self.card)
        form = QFormLayout()
        self.holder = QLineEdit()
        self.holder.setObjectName("supp_holder")
        self.per_sale = QLineEdit()
        self.per_sale.setObjectName("supp_per_sale")
        self.per_sale.setPlaceholderText(_("no limit"))
        self.per_day = QLineEdit()
        self.per_day.setObjectName("supp_per_day")
        self.per_day.setPlaceholderText(_("no limit"))
        form.addRow(_("Holder name"), self.holder)
        form.addRow(_("Limit per sale"), self.per_sale)
        form.addRow(_("Limit per day"), self.per_day)
        lay.addLayout(form)
        self.supp_button = button(_("Issue supplementary card"))
        self.supp_button.setObjectName("supp_button")
        self.supp_button.clicked.connect(self.supplementary)
        lay.addWidget(self.supp_button)
        lay.addStretch(1)

    def card_source(self) -> CardSource:
        return self.card

    def member_shown(self, m: dict[str, Any]) -> None:
        """Write chip: for a chip card, where a reader here writes it."""
        media = m.get("chip")
        self.chip_button.setEnabled(media is not None and self.ctx.devices.writes_holder(media))

    def write_chip(self) -> None:
        member = self.member()
        if member is not None:
            self.counter.write_chip(member["card"])

    def block(self) -> None:
        member = self.member()
        if member is None:
            return
        ctx = self.ctx
        card_no = member["card"]

        def blocked(m: dict[str, Any]) -> None:
            self.counter.show_member(m)
            self.counter.ok(_("Card %1 is blocked").replace("%1", mask_card(card_no)))

        op = Op(ctx, member_ops.block_lost_card, ctx.terminal, ctx.who, card_no, member)
        op.success(blocked).failure(self.counter.fail)
        # blocking cannot be undone at the counter: asked first
        self.confirming = ConfirmDialog(
            self, _("Block card %1 as lost? It cannot pay or earn until replaced.")
            .replace("%1", mask_card(card_no)), _("Block card"))
        self.confirming.accepted.connect(lambda: op.run())  # the lambda keeps op alive
        self.confirming.open()

    def replace(self) -> None:
        member = self.member()
        if member is None:
            return
        try:
            new_no, media, media_id = self.card.value()
        except PosError as e:
            self.counter.fail(e)
            return
        ctx = self.ctx
        t, who = ctx.terminal, ctx.who
        old = member["card"]

        def replaced(m: dict[str, Any]) -> None:
            self.card.reset()
            self.counter.show_member(m)
            self.counter.ok(
                _("New card %1 carries the balance").replace("%1", mask_card(m["card"]))
            )
            if m.get("chip"):  # a chip card: its holder's record written now
                self.counter.write_chip(m["card"])

        def approved(approver: Operator | None) -> None:
            by = approver.code if approver else None
            Op(ctx, member_ops.replace_card, t, who, old, new_no, media, media_id, by).success(
                replaced
            ).failure(self.counter.fail).run()

        self.approval = ask_approval(ctx, self, "replace_card", approved)

    def supplementary(self) -> None:
        member = self.member()
        if member is None:
            return
        try:
            per_sale = _money_or_none(self.per_sale.text())
            per_day = _money_or_none(self.per_day.text())
            card_no, media, media_id = self.card.value()
        except (MoneyError, PosError) as e:
            self.counter.fail(e)
            return
        ctx = self.ctx
        main = member["card"]
        holder = self.holder.text().strip()

        def issued(no: str) -> None:
            self.card.reset()
            for f in (self.holder, self.per_sale, self.per_day):
                f.clear()
            note = _("Supplementary card %1 issued").replace("%1", mask_card(no))
            self.counter.load(main, card=True, note=note)
            self.counter.write_chip(no)  # where it is a chip card

        Op(
            ctx,
            member_ops.issue_supplementary,
            ctx.terminal,
            ctx.who,
            main,
            holder,
            per_sale,
            per_day,
            card_no,
            media,
            media_id,
        ).success(issued).failure(self.counter.fail).run()
