"""Manual discount (手工折扣): the selected line or the whole sale at a rate in 折 (9 = 90%
kept, 8.5 = 85% kept), after a supervisor approves; the sale writes it on each line and
an audit row tied to the sale's number."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.pricing import MIN_MANUAL_RATE
from pos_app.ui.i18n_util import _
from pos_app.ui.widgets import role_label


def parse_rate(text: str) -> Decimal | None:
    """'9' or '9折' -> 0.90, '8.5' -> 0.85, '95' -> 0.95; None where it is no rate."""
    text = text.strip().removesuffix("折").strip()
    try:
        v = Decimal(text)
    except InvalidOperation:
        return None
    rate = v / 10 if v < 10 else v / 100
    if not MIN_MANUAL_RATE <= rate < 1 or rate != rate.quantize(Decimal("0.01")):
        return None
    return rate.quantize(Decimal("0.01"))


class DiscountDialog(QDialog):
    def __init__(self, parent: QWidget, line_text: str) -> None:
        super().__init__(parent)
        self.setObjectName("manual_discount")
        self.setWindowTitle(_("Manual discount"))
        self.setMinimumWidth(480)
        self.rate: Decimal | None = None
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.rate_field = QLineEdit()
        self.rate_field.setObjectName("discount_rate")
        self.rate_field.setPlaceholderText(_("In 折: 9 = 10% off, 8.5 = 15% off"))
        form.addRow(_("Discount (折)"), self.rate_field)
        self.whole = QCheckBox(_("The whole sale"))
        self.whole.setObjectName("discount_whole_sale")
        form.addRow(QLabel(line_text), self.whole)
        lay.addLayout(form)
        self.message = role_label("error")
        lay.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Apply"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.rate_field.setFocus()

    def accept(self) -> None:
        rate = parse_rate(self.rate_field.text())
        if rate is None:
            self.message.setText(_("Give the discount in 折, from 1 to 9.9 (9 = 10% off)"))
            return
        self.rate = rate
        super().accept()
