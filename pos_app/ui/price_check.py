"""Price check (查价): scan or type an item to see its price now (list, member price,
today's promotions, the attached member's tier) without putting it in the cart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos_app.core.pricing import CartItem, PricedLine
from pos_app.ui.context import Context
from pos_app.ui.i18n_util import _, error_text
from pos_app.ui.operations import Op
from pos_app.ui.operations.checkout import price_now
from pos_app.ui.widgets import money_text, role_label


class PriceCheckDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget, tier_code: str | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tier_code = tier_code
        self.setObjectName("price_check")
        self.setWindowTitle(_("Price check"))
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(_("Scan or type the item (nothing is added to the cart)")))
        self.code = QLineEdit()
        self.code.setObjectName("price_check_code")
        self.code.returnPressed.connect(lambda: self.look_up(self.code.text()))
        lay.addWidget(self.code)
        self.shown = role_label("card", "")
        self.shown.setObjectName("price_check_result")
        self.shown.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.shown)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.code.setFocus()

    def look_up(self, code: str) -> None:
        """The item's price as a sale would ring it up now (read on the database thread)."""
        code = code.strip()
        self.code.clear()
        if not code:
            return
        (Op(self.ctx, price_now, self.ctx.terminal, code, self.tier_code)
         .success(self.show_price).failure(self.show_refusal).run())

    def show_refusal(self, e: Exception) -> None:
        """No such item, or the program cannot price it: said in the cashier's language."""
        self.shown.setText(error_text(e))

    def show_price(self, found: tuple[CartItem, PricedLine]) -> None:
        item, ln = found
        rows = [f"<b>{ln.name}</b> ({ln.sku})",
                _("List price") + f": {money_text(ln.list_price)}"]
        if item.member_price is not None:
            rows.append(_("Member price") + f": {money_text(item.member_price)}")
        for d in ln.discounts:
            rows.append(f"{d.name} −{money_text(d.amount)}")
        rows.append(_("Price now") + f": <b>{money_text(ln.amount)}</b>")
        self.shown.setText("<br>".join(rows))
