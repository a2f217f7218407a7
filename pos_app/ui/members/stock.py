"""Card stock tab: the store's cards per product and status, the cards in stock
(lowest number first), and the chosen one put on the enroll form to be issued."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from pos_app.core.card_stock import STATUSES
from pos_app.core.errors import PosError
from pos_app.core.messages import status
from pos_app.core.staff import Operator
from pos_app.ui.approval import ApprovalDialog, ask_approval
from pos_app.ui.device_bridge import PresentedCard
from pos_app.ui.i18n_util import N_, _, error_text
from pos_app.ui.members.card_sale import CardSaleDialog, CardSaleTerms
from pos_app.ui.members.card_source import media_name
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
        self.issue_button = button(_("Issue this card"), "F12", accent=True)
        self.issue_button.setObjectName("stock_issue")
        self.issue_button.clicked.connect(self.finish)
        lay.addWidget(self.issue_button)
        self.sell_button = button(_("Sell this card at face (cash)"))
        self.sell_button.setObjectName("stock_sell")
        self.sell_button.clicked.connect(lambda: self.sell())
        # the other actions two by two: the tab fits an 800-pixel-wide screen with the
        # numpad open, and a 768-pixel-high one unscrolled
        row = QGridLayout()
        self.refresh_button = button(_("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        row.addWidget(self.refresh_button, 0, 0)
        row.addWidget(self.sell_button, 0, 1)
        self.sell_terms_button = button(_("Sell on terms..."))
        self.sell_terms_button.setObjectName("stock_sell_terms")
        self.sell_terms_button.clicked.connect(self.sell_on_terms)
        row.addWidget(self.sell_terms_button, 1, 0)
        self.grant_button = button(_("Give by the spending rule"))
        self.grant_button.setObjectName("stock_grant")
        self.grant_button.clicked.connect(self.grant)
        row.addWidget(self.grant_button, 1, 1)
        lay.addLayout(row)
        self.sale_dialog: CardSaleDialog | None = None
        self.approval: ApprovalDialog | None = None

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
            lines.append(f"{p['name']} · {media_name(p['media'])}: {counts}")
        self.summary.setText("\n".join(lines) or _("No cards registered to this store"))
        self.cards.clear()
        for c in data["in_stock"]:
            item = QListWidgetItem(f"{c['card']}  {c['product']}  {media_name(c['media'])}")
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

    def _chosen(self) -> tuple[str, str, str | None] | None:
        """The chosen card, its product and the holder it goes to (the member shown; no
        one for an anonymous product)."""
        item = self.cards.currentItem()
        if item is None:
            self.counter.fail(PosError(_("Choose a card in stock first")))
            return None
        card_no, _media, product = item.data(256)
        member = self.counter.member
        holder = member["card"] if member is not None and not member["anonymous"] else None
        product_of = self.ctx.terminal.program.card_product(product)
        if product_of is not None and product_of.anonymous:
            holder = None
        return card_no, product, holder

    def sell(self, terms: CardSaleTerms | None = None,
             approver: Operator | None = None) -> None:
        """Sell the chosen card at face in cash (or on ``terms``): a registered card to the
        member shown, an anonymous one to whoever pays (the core refuses what the product
        does not allow)."""
        chosen = self._chosen()
        if chosen is None:
            return
        card_no, product, holder = chosen
        ctx = self.ctx
        op = Op(ctx, member_ops.sell_card, ctx.terminal, ctx.who, card_no, product, holder,
                terms, approver)
        op.success(self._sold).failure(self.counter.fail)
        # a card sale takes money: it needs an open shift (offered when none is open)
        ensure_shift(ctx, self, _("a card sale"), op.run, self.counter.fail)

    def sell_on_terms(self) -> None:
        """The sale dialog (count, rate below face, tender, buyer); below face needs a
        supervisor's PIN."""
        chosen = self._chosen()
        program = self.ctx.terminal.program
        p = program.card_product(chosen[1]) if chosen is not None else None
        if chosen is None or p is None:
            return
        dlg = self.sale_dialog = CardSaleDialog(
            self, p, chosen[0], program.stored_value.real_name_purchase_at)

        def agreed() -> None:
            terms = dlg.terms
            if terms is None:
                return
            if terms.price == p.face_value:
                self.sell(terms)
            else:
                self.approval = ask_approval(self.ctx, self, "card_sale_discount",
                                             lambda a: self.sell(terms, a))

        dlg.accepted.connect(agreed)
        dlg.open()

    def grant(self) -> None:
        """Give the member shown the chosen card by the product's spending rule."""
        chosen = self._chosen()
        if chosen is None:
            return
        member = self.member()
        if member is None:
            return
        ctx = self.ctx
        Op(ctx, member_ops.grant_card, ctx.terminal, ctx.who, chosen[0], chosen[1],
           member["card"]).success(self._granted).failure(self.counter.fail).run()

    def _granted(self, m: dict[str, Any]) -> None:
        self.counter.show_member(m)
        self.counter.ok(_("Card given: %1").replace("%1", m["card_sale"]))
        self.refresh()
        self.counter.write_chip(m["card"])  # a chip card: its holder's record written now

    def _sold(self, m: dict[str, Any]) -> None:
        self.ctx.devices.kick_drawer()
        self.counter.show_member(m)
        self.counter.ok(_("Card sold: %1").replace("%1", m["card_sale"]))
        self.refresh()
        self.counter.write_chip(m["card"])  # a chip card: its holder's record written now
