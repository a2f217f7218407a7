"""Balance slip (余额单): look a member up by card or phone, show the slip, print it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLineEdit, QPlainTextEdit, QVBoxLayout

from pos_app.core.errors import PosError
from pos_app.ui import printing
from pos_app.ui.checkout import member_html
from pos_app.ui.context import Context
from pos_app.ui.device_bridge import PresentedCard
from pos_app.ui.feedback import Banner
from pos_app.ui.i18n_util import N_, _
from pos_app.ui.operations import Op
from pos_app.ui.operations import balance as balance_ops
from pos_app.ui.screen import Screen
from pos_app.ui.widgets import button, role_label, set_message, title

SLIP_WIDTH = 560  # px: the slip's 48 columns, beside the member on a wide screen
SLIP_HEIGHT = 320  # px: the slip below the member on a narrow screen


class BalanceScreen(Screen):
    name = "balance"
    key = "F10"
    label = N_("Balance")
    title_text = N_("Balance slip")
    keys = (
        ("F6", N_("Find a member by card or phone")),
        ("F12", N_("Print the balance slip")),
    )

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.member: dict[str, Any] | None = None
        self.slip: printing.Printout | None = None
        lay = QVBoxLayout(self)
        lay.addWidget(title(_("Balance slip")))
        row = QHBoxLayout()
        self.find_field = QLineEdit()
        self.find_field.setObjectName("balance_find")
        self.find_field.setPlaceholderText(_("Card number or phone; or present the card"))
        self.find_field.returnPressed.connect(lambda: self.load(self.find_field.text()))
        row.addWidget(self.find_field, 1)
        b = button(_("Find"), "F6")
        b.clicked.connect(lambda: self.load(self.find_field.text()))
        row.addWidget(b)
        lay.addLayout(row)
        self.body = body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.info = role_label("card", _("No member selected"))
        self.info.setObjectName("balance_info")
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setAlignment(Qt.AlignmentFlag.AlignTop)
        body.addWidget(self.info, 1)
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("slip_preview")
        self.preview.setReadOnly(True)
        mono = QFont("WenQuanYi Micro Hei Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSize(11)
        self.preview.setFont(mono)
        self.preview.setMinimumWidth(SLIP_WIDTH)
        body.addWidget(self.preview, 1)
        lay.addLayout(body, 1)
        self.message = Banner()  # problems large, with a sound
        lay.addWidget(self.message)
        self.print_button = button(_("Print slip"), "F12", accent=True)
        self.print_button.setObjectName("print_slip")
        self.print_button.clicked.connect(self.print_slip)
        lay.addWidget(self.print_button)

    def fit_width(self, narrow: bool) -> None:
        """On a narrow screen the member above the slip, the slip scrolling sideways."""
        self.body.setDirection(
            QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        )
        self.preview.setMinimumWidth(0 if narrow else SLIP_WIDTH)
        self.preview.setMinimumHeight(SLIP_HEIGHT if narrow else 0)

    def on_show(self) -> None:
        self.find_field.setFocus()

    def on_key(self, key: str) -> bool:
        if key == "F6":
            self.find_field.setFocus()
        elif key == "F12":
            self.print_slip()
        else:
            return False
        return True

    def on_card(self, card: PresentedCard) -> bool:
        self.load(card.identifier, card=True)
        return True

    def on_scan(self, code: str) -> bool:
        self.load(code, card=True)
        return True

    def load(self, text: str, card: bool = False) -> None:
        if not text.strip():
            return
        ctx = self.ctx
        Op(ctx, balance_ops.preview_slip, ctx.terminal, ctx.who, text, card, _("preview")).success(
            self._show
        ).failure(self.fail).run()

    def _show(self, res: tuple[dict[str, Any], printing.Printout]) -> None:
        self.member, self.slip = res
        self.find_field.clear()
        self.info.setText(member_html(self.member))
        self.preview.setPlainText(self.slip.text)
        self.message.clear()

    def fail(self, e: Exception) -> None:
        set_message(self.message, e)

    def print_slip(self) -> None:
        if self.member is None:
            self.fail(PosError(_("Find a member first")))
            return
        ctx = self.ctx
        Op(ctx, balance_ops.print_slip, ctx.terminal, ctx.who, self.member["card"]).success(
            self._printed
        ).failure(self.fail).run()

    def _printed(self, p: printing.Printout) -> None:
        self.slip = p
        self.preview.setPlainText(p.text)
        self.ctx.devices.print_receipt(p.receipt_no, p.escpos, p.text)
        set_message(self.message, _("Slip %1 printed").replace("%1", p.receipt_no), ok=True)
