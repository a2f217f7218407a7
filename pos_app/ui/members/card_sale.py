"""Selling a stock card with terms (售卡): below face at a rate in 折 (a supervisor's PIN;
the core refuses below the product's lowest rate), how many anonymous cards from the one
chosen, the tender, and the buyer's name and ID number that a purchase reaching the
program's real-name threshold must keep."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.card_sales import MAX_CARDS
from pos_app.core.money import format_money, round_half_up
from pos_app.core.program import CardProduct
from pos_app.ui.discount import parse_rate
from pos_app.ui.i18n_util import _
from pos_app.ui.members.topup import TENDERS
from pos_app.ui.widgets import role_label


@dataclass(frozen=True)
class CardSaleTerms:
    count: int
    price: Decimal  # each card's
    tender: str
    buyer_name: str | None
    buyer_id_number: str | None


class CardSaleDialog(QDialog):
    def __init__(self, parent: QWidget, product: CardProduct, card_no: str,
                 real_name_at: Decimal) -> None:
        super().__init__(parent)
        self.setObjectName("card_sale")
        self.setWindowTitle(_("Sell cards"))
        self.setMinimumWidth(520)
        self.product = product
        self.real_name_at = real_name_at
        self.terms: CardSaleTerms | None = None
        lowest = round_half_up(product.face_value * product.min_sale_rate)
        lay = QVBoxLayout(self)
        head = QLabel(_("%1 from card %2: face %3, lowest %4 with a supervisor's approval")
                      .replace("%1", product.name).replace("%2", card_no)
                      .replace("%3", format_money(product.face_value))
                      .replace("%4", format_money(lowest)))
        head.setWordWrap(True)
        lay.addWidget(head)
        form = QFormLayout()
        self.count = QSpinBox()
        self.count.setObjectName("card_sale_count")
        self.count.setRange(1, MAX_CARDS if product.anonymous else 1)
        form.addRow(_("Number of cards"), self.count)
        self.rate = QLineEdit()
        self.rate.setObjectName("card_sale_rate")
        self.rate.setPlaceholderText(_("Empty: at face; in 折: 8 = 80% of face"))
        form.addRow(_("Discount (折)"), self.rate)
        self.tender = QComboBox()
        self.tender.setObjectName("card_sale_tender")
        for code, label in TENDERS:
            self.tender.addItem(_(label), code)
        form.addRow(_("Paid by"), self.tender)
        self.buyer_name = QLineEdit()
        self.buyer_name.setObjectName("card_sale_buyer_name")
        self.buyer_id = QLineEdit()
        self.buyer_id.setObjectName("card_sale_buyer_id")
        form.addRow(_("Buyer's name"), self.buyer_name)
        form.addRow(_("Buyer's ID number"), self.buyer_id)
        lay.addLayout(form)
        note = QLabel(_("A purchase of %1 or more keeps the buyer's name and ID number")
                      .replace("%1", format_money(real_name_at)))
        note.setWordWrap(True)
        lay.addWidget(note)
        self.total = QLabel()
        self.total.setObjectName("card_sale_total")
        lay.addWidget(self.total)
        self.message = role_label("error")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Sell"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.count.valueChanged.connect(self._show_total)
        self.rate.textChanged.connect(self._show_total)
        self._show_total()
        self.rate.setFocus()

    def _price(self) -> Decimal | None:
        if not self.rate.text().strip():
            return self.product.face_value
        rate = parse_rate(self.rate.text())
        return None if rate is None else round_half_up(self.product.face_value * rate)

    def _show_total(self) -> None:
        price = self._price()
        self.total.setText("" if price is None else _("To pay: %1").replace(
            "%1", format_money(price * self.count.value())))

    def accept(self) -> None:
        price = self._price()
        if price is None:
            self.message.setText(_("Give the discount in 折, from 1 to 9.9 (9 = 10% off)"))
            return
        name, idn = self.buyer_name.text().strip(), self.buyer_id.text().strip()
        if (self.product.anonymous and price * self.count.value() >= self.real_name_at
                and not (name and idn)):
            self.message.setText(_("This purchase reaches %1: give the buyer's name and ID "
                                   "number").replace("%1", format_money(self.real_name_at)))
            return
        self.terms = CardSaleTerms(self.count.value(), price, str(self.tender.currentData()),
                                   name or None, idn or None)
        super().accept()
