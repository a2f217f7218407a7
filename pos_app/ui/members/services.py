"""Services and gifts tab (权益与礼品): what the member is entitled to ("干洗: 不限次";
"体检: 剩 1 次，至 2027-12-01"), a use recorded with the staff who served (refused
when used up or expired), and a gift given for the member's points."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QListWidget

from pos_app.ui.i18n_util import N_, _
from pos_app.ui.members.tab import Counter, MemberTab
from pos_app.ui.operations import Op
from pos_app.ui.operations import members as member_ops
from pos_app.ui.widgets import button


class ServicesTab(MemberTab):
    label = N_("Services & gifts")

    def __init__(self, counter: Counter) -> None:
        super().__init__(counter)
        form = QFormLayout(self)
        self.services = QListWidget()
        self.services.setObjectName("entitlements")
        form.addRow(_("Services"), self.services)
        self.service = QComboBox()
        self.service.setObjectName("service")
        for svc in self.ctx.terminal.program.services:
            self.service.addItem(svc.name, svc.code)
        self.served_by = QLineEdit()
        self.served_by.setObjectName("served_by")
        self.served_by.setPlaceholderText(_("Staff code of who served (default: you)"))
        form.addRow(_("Service"), self.service)
        form.addRow(_("Served by"), self.served_by)
        self.use_button = button(_("Record the use"), "F12", accent=True)
        self.use_button.setObjectName("use_service")
        self.use_button.clicked.connect(self.finish)
        form.addRow("", self.use_button)
        self.gift = QComboBox()
        self.gift.setObjectName("gift")
        for g in self.ctx.terminal.program.gifts:
            if g.points:
                self.gift.addItem(f"{g.name} — {g.points} {_('points')}", g.code)
        form.addRow(_("Gift for points"), self.gift)
        self.redeem_button = button(_("Give the gift for points"))
        self.redeem_button.setObjectName("redeem_gift")
        self.redeem_button.clicked.connect(self.redeem)
        form.addRow("", self.redeem_button)

    def member_shown(self, m: dict[str, Any]) -> None:
        self.services.clear()
        for line in m.get("entitlements_text", []):
            self.services.addItem(line)
        if not m.get("entitlements_text"):
            self.services.addItem(_("No services"))

    def finish(self) -> None:
        """Record one use of the chosen service."""
        member = self.member()
        if member is None or self.service.currentData() is None:
            return
        ctx = self.ctx
        op = Op(ctx, member_ops.use_service, ctx.terminal, ctx.who, member["card"],
                str(self.service.currentData()), self.served_by.text().strip() or None)
        op.success(self._used).failure(self.counter.fail).run()

    def _used(self, res: tuple[dict[str, Any], str]) -> None:
        m, line = res
        self.served_by.clear()
        self.counter.show_member(m)
        self.counter.ok(_("Recorded: %1").replace("%1", line))

    def redeem(self) -> None:
        """Give the chosen gift for the member's points."""
        member = self.member()
        if member is None or self.gift.currentData() is None:
            return
        ctx = self.ctx
        op = Op(ctx, member_ops.redeem_gift, ctx.terminal, ctx.who, member["card"],
                str(self.gift.currentData()))
        op.success(self._redeemed).failure(self.counter.fail).run()

    def _redeemed(self, res: tuple[dict[str, Any], str]) -> None:
        m, name = res
        self.counter.show_member(m)
        self.counter.ok(_("Gift given: %1; %2 points left").replace("%1", name)
                        .replace("%2", str(m["points"])))
