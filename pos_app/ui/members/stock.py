"""Card stock tab: the store's cards per product and status, the cards in stock
(lowest number first), and the chosen one put on the enroll form to be issued."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from pos_app.core.card_stock import STATUSES
from pos_app.core.errors import PosError
from pos_app.core.messages import status
from pos_app.ui.device_bridge import PresentedCard
from pos_app.ui.i18n_util import N_, _, error_text
from pos_app.ui.members.tab import Counter, MemberTab
from pos_app.ui.operations import Op
from pos_app.ui.operations import members as member_ops
from pos_app.ui.shift import ensure_shift
from pos_app.ui.widgets import button


class StockTab(MemberTab):
    label = N_("Card stock")

    def __init__(self, counter: Counter, issue: Any) -> None:
        super().__init__(counter)
        self.issue_to = issue  # called with the chosen PresentedCard
        lay = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("stock_summary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.cards = QListWidget()
        self.cards.setObjectName("stock_list")
        lay.addWidget(self.cards, 1)
        self.refresh_button = button(_("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        lay.addWidget(self.refresh_button)
        self.issue_button = button(_("Issue this card"), "F12", accent=True)
        self.issue_button.setObjectName("stock_issue")
        self.issue_button.clicked.connect(self.finish)
        lay.addWidget(self.issue_button)
        self.sell_button = button(_("Sell this card at face (cash)"))
        self.sell_button.setObjectName("stock_sell")
        self.sell_button.clicked.connect(self.sell)
        lay.addWidget(self.sell_button)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        ctx = self.ctx
        Op(ctx, member_ops.card_stock, ctx.terminal, ctx.who).success(self._shown).failure(
            self.counter.fail
        ).run()

    def _shown(self, data: dict[str, Any]) -> None:
        lines = []
        for p in data["products"]:
            counts = ", ".join(f"{error_text(PosError(status(k)))} {p[k]}"
                               for k in STATUSES if p[k])
            lines.append(f"{p['name']} ({p['media']}): {counts}")
        self.summary.setText("\n".join(lines) or _("No cards registered to this store"))
        self.cards.clear()
        for c in data["in_stock"]:
            item = QListWidgetItem(f"{c['card']}  {c['product']}  {c['media']}")
            item.setData(256, (c["card"], c["media"], c["product"]))  # Qt.UserRole
            self.cards.addItem(item)
        if self.cards.count():
            self.cards.setCurrentRow(0)

    def finish(self) -> None:
        """Put the chosen stock card on the enroll form."""
        item = self.cards.currentItem()
        if item is None:
            self.counter.fail(PosError(_("Choose a card in stock first")))
            return
        card_no, media, _product = item.data(256)
        self.issue_to(PresentedCard(media, card_no, None))

    def sell(self) -> None:
        """Sell the chosen card at face: a registered card to the member shown, an
        anonymous one to whoever pays (the core refuses what the product does not allow)."""
        item = self.cards.currentItem()
        if item is None:
            self.counter.fail(PosError(_("Choose a card in stock first")))
            return
        card_no, _media, product = item.data(256)
        member = self.counter.member
        holder = member["card"] if member is not None and not member["anonymous"] else None
        product_of = self.ctx.terminal.program.card_product(product)
        if product_of is not None and product_of.anonymous:
            holder = None
        ctx = self.ctx
        op = Op(ctx, member_ops.sell_card, ctx.terminal, ctx.who, card_no, product, holder)
        op.success(self._sold).failure(self.counter.fail)
        # a card sale takes money: it needs an open shift (offered when none is open)
        ensure_shift(ctx, self, _("a card sale"), op.run, self.counter.fail)

    def _sold(self, m: dict[str, Any]) -> None:
        self.ctx.devices.kick_drawer()
        self.counter.show_member(m)
        self.counter.ok(_("Card sold: %1").replace("%1", m["card_sale"]))
        self.refresh()
