"""Tier and history tab: the member's tier changes, last sales and top-ups; the tier set
by hand (a manager's) with a reason."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from pos_app.core.errors import PosError
from pos_app.core.messages import recognise
from pos_app.core.staff import Operator
from pos_app.ui.approval import ApprovalDialog, ask_approval
from pos_app.ui.i18n_util import N_, _, msg_text
from pos_app.ui.labels import tier_label
from pos_app.ui.members.tab import Counter, MemberTab
from pos_app.ui.operations import Op
from pos_app.ui.operations import members as member_ops
from pos_app.ui.operations.members import MemberHistory
from pos_app.ui.widgets import button, money_text


def tier_reason(text: str) -> str:
    """Why a tier changed, in the language shown: the ledger keeps it as its English text
    (``upgrade: single purchase ￥X ≥ ￥Y``), recognised here as its coded message."""
    said = recognise(text, "tier.reason.")
    return msg_text(said) if said is not None else text


def history_html(h: MemberHistory) -> str:
    """The history as the tab shows it."""
    changes = [f"{at} {escape(old)} → {escape(new)} ({escape(tier_reason(reason))})"
               for at, old, new, reason in h.tier_changes]
    sales = [
        f"{at} {no} {_('sale') if kind == 'sale' else _('refund')} {money_text(total)}"
        for at, no, kind, total in h.sales
    ]
    tops = [
        f"{at} {no} +{money_text(amount)} (+{money_text(bonus)})"
        for at, no, amount, bonus in h.topups
    ]
    parts = [
        f"<b>{_('Tier changes')}</b>",
        *changes,
        f"<b>{_('Recent sales')}</b>",
        *(sales or ["—"]),
        f"<b>{_('Top-ups')}</b>",
        *(tops or ["—"]),
    ]
    return "<br>".join(parts)


class HistoryTab(MemberTab):
    label = N_("Tier and history")

    def __init__(self, counter: Counter) -> None:
        super().__init__(counter)
        self.approval: ApprovalDialog | None = None
        lay = QVBoxLayout(self)
        self.history = QLabel()
        self.history.setObjectName("history")
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.RichText)
        self.history.setAlignment(Qt.AlignmentFlag.AlignTop)
        lay.addWidget(self.history, 1)
        row = QHBoxLayout()
        self.tier_combo = QComboBox()
        self.tier_combo.setObjectName("tier_combo")
        self.tier_combo.setMinimumWidth(150)
        for tier in self.ctx.terminal.program.tiers:
            self.tier_combo.addItem(tier.name, tier.code)
        self.tier_reason = QLineEdit()
        self.tier_reason.setObjectName("tier_reason")
        self.tier_reason.setPlaceholderText(_("Reason (e.g. competitor's VIP card honoured)"))
        self.tier_button = button(_("Set tier (manager)"))
        self.tier_button.setObjectName("tier_button")
        self.tier_button.clicked.connect(self.set_tier)
        row.addWidget(self.tier_combo)
        row.addWidget(self.tier_reason, 1)
        row.addWidget(self.tier_button)
        lay.addLayout(row)

    def member_shown(self, m: dict[str, Any]) -> None:
        h = m.get("history")
        self.history.setText(history_html(h) if isinstance(h, MemberHistory) else "")

    def set_tier(self) -> None:
        member = self.member()
        if member is None:
            return
        reason = self.tier_reason.text().strip()
        if not reason:
            self.counter.fail(PosError(_("Give the reason for the tier change")))
            return
        ctx = self.ctx
        t, who = ctx.terminal, ctx.who
        card_no = member["card"]
        code = str(self.tier_combo.currentData())

        def done(m: dict[str, Any]) -> None:
            self.tier_reason.clear()
            self.counter.show_member(m)
            tier = tier_label(m["tier"], m["tier_name"])
            self.counter.ok(_("Tier is now %1").replace("%1", tier))

        def approved(approver: Operator | None) -> None:
            by = approver.code if approver else None
            Op(ctx, member_ops.set_tier, t, who, card_no, code, reason, by).success(
                done
            ).failure(self.counter.fail).run()

        self.approval = ask_approval(ctx, self, "tier_review", approved)
