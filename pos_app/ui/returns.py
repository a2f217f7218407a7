"""Returns: find the sale by receipt number or by scanning the receipt's QR code; choose
lines and quantities; see what goes back to each tender and which points are taken back
before it is done (a supervisor approves)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from pos_app.core.errors import PosError
from pos_app.core.staff import Operator
from pos_app.ui import printing
from pos_app.ui.approval import ask_approval
from pos_app.ui.context import Context
from pos_app.ui.feedback import Banner
from pos_app.ui.i18n_util import N_, _
from pos_app.ui.operations import Op
from pos_app.ui.operations import returns as returns_ops
from pos_app.ui.operations.returns import RefundView
from pos_app.ui.payment import TENDER_NAMES
from pos_app.ui.screen import Screen
from pos_app.ui.shift import ensure_shift
from pos_app.ui.widgets import button, money_text, role_label, set_message, title


class ReturnsScreen(Screen):
    name = "returns"
    key = "F9"
    label = N_("Returns")
    title_text = N_("Returns")
    keys = (
        ("F6", N_("Receipt number (or scan the receipt's QR code)")),
        ("F5", N_("Preview what goes back")),
        ("F12", N_("Refund (supervisor)")),
    )

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.sale: dict[str, Any] | None = None
        self._after = ""  # what the last refund gave back, shown after the reload
        lay = QVBoxLayout(self)
        lay.addWidget(title(_("Returns")))
        row = QHBoxLayout()
        self.receipt_field = QLineEdit()
        self.receipt_field.setObjectName("receipt_no")
        self.receipt_field.setPlaceholderText(_("Receipt number, or scan the receipt's QR code"))
        self.receipt_field.returnPressed.connect(lambda: self.load(self.receipt_field.text()))
        row.addWidget(self.receipt_field, 1)
        b = button(_("Find"), "F6")
        b.clicked.connect(lambda: self.load(self.receipt_field.text()))
        row.addWidget(b)
        lay.addLayout(row)
        self.header = role_label("card", "")
        self.header.setObjectName("sale_header")
        lay.addWidget(self.header)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("return_lines")
        self.table.setHorizontalHeaderLabels(
            [_("Return"), _("Item"), _("Sold"), _("Returned"), _("Qty to return"), _("Paid")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(52)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        self.preview = role_label("card", "")
        self.preview.setObjectName("refund_preview")
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.preview)
        self.message = Banner()  # problems large, with a sound
        self.message.setObjectName("returns_message")
        lay.addWidget(self.message)
        btns = QHBoxLayout()
        self.preview_button = button(_("Preview"), "F5")
        self.preview_button.setObjectName("refund_preview_button")
        self.preview_button.clicked.connect(self.show_preview)
        self.refund_button = button(_("Refund"), "F12", accent=True)
        self.refund_button.setObjectName("refund_button")
        self.refund_button.clicked.connect(self.refund)
        btns.addWidget(self.preview_button)
        btns.addWidget(self.refund_button)
        lay.addLayout(btns)

    def on_show(self) -> None:
        self.receipt_field.setFocus()

    def on_key(self, key: str) -> bool:
        if key == "F6":
            self.receipt_field.setFocus()
        elif key == "F5":
            self.show_preview()
        elif key == "F12":
            self.refund()
        else:
            return False
        return True

    def on_scan(self, code: str) -> bool:
        """The receipt's QR code carries its receipt number."""
        self.receipt_field.setText(code)
        self.load(code)
        return True

    def load(self, sale_no: str) -> None:
        sale_no = sale_no.strip()
        if not sale_no:
            return
        Op(self.ctx, returns_ops.find_sale, self.ctx.terminal, sale_no).success(
            self.show_sale
        ).failure(self.fail).run()

    def show_sale(self, sale: dict[str, Any]) -> None:
        self.sale = sale
        self.preview.setText(self._after)
        self._after = ""
        tenders = ", ".join(
            f"{_(TENDER_NAMES[k])} {money_text(a)}" + (f" ({p})" if p else "")
            for k, a, p in sale["tenders"]
        )
        self.header.setText(f"{sale['sale_no']}  {sale['time']}  {money_text(sale['total'])}"
                            f"  —  {tenders}")
        self.table.setRowCount(len(sale["lines"]))
        for r, (no, name, qty, done, amount) in enumerate(sale["lines"]):
            box = QCheckBox()
            box.setEnabled(qty > done)
            self.table.setCellWidget(r, 0, box)
            self.table.setItem(r, 1, QTableWidgetItem(f"{no}. {name}"))
            self.table.setItem(r, 2, QTableWidgetItem(str(qty)))
            self.table.setItem(r, 3, QTableWidgetItem(str(done)))
            spin = QSpinBox()
            spin.setRange(1, max(1, qty - done))
            spin.setValue(max(1, qty - done))
            spin.setEnabled(qty > done)
            self.table.setCellWidget(r, 4, spin)
            self.table.setItem(r, 5, QTableWidgetItem(f"{amount:.2f}"))

    def chosen(self) -> list[tuple[int, int | None]]:
        if self.sale is None:
            return []
        out: list[tuple[int, int | None]] = []
        for r, line in enumerate(self.sale["lines"]):
            box = self.table.cellWidget(r, 0)
            spin = self.table.cellWidget(r, 4)
            assert isinstance(box, QCheckBox) and isinstance(spin, QSpinBox)
            if box.isChecked():
                out.append((line[0], spin.value()))
        return out

    def describe(self, v: RefundView, done: bool) -> str:
        head = (_("Refunded %1 as %2") if done else _("Will refund %1")).replace(
            "%1", money_text(v.total)).replace("%2", v.refund_no)
        rows = [f"<b>{head}</b>"]
        for kind, amount, pts in v.tenders:
            extra = " " + _("(%1 points back)").replace("%1", str(pts)) if pts else ""
            rows.append(f"→ {_(TENDER_NAMES[kind])}: {money_text(amount)}{extra}")
        if v.points_taken_back:
            rows.append(_("Points taken back: %1").replace("%1", str(v.points_taken_back)))
        if v.coupon_returned:
            rows.append(_("The coupon can be used again"))
        return "<br>".join(rows)

    def fail(self, e: Exception) -> None:
        set_message(self.message, e)

    def show_preview(self) -> None:
        lines = self.chosen()
        if self.sale is None or not lines:
            self.fail(PosError(_("Choose the lines to return")))
            return
        ctx, sale_no = self.ctx, self.sale["sale_no"]
        op = Op(ctx, returns_ops.preview_refund, ctx.terminal, ctx.who, sale_no, lines)
        op.success(lambda v: self.preview.setText(self.describe(v, False))).failure(self.fail)
        ensure_shift(ctx, self, _("a refund"), op.run, self.fail)

    def refund(self) -> None:
        lines = self.chosen()
        if self.sale is None or not lines:
            self.fail(PosError(_("Choose the lines to return")))
            return
        ctx = self.ctx
        t, who = ctx.terminal, ctx.who
        sale_no = self.sale["sale_no"]

        def approved(approver: Operator | None) -> None:
            def done(res: tuple[RefundView, printing.Printout, bool]) -> None:
                view, p, cash = res
                ctx.devices.print_receipt(p.receipt_no, p.escpos, p.text)
                if cash:
                    ctx.devices.kick_drawer()
                self._after = self.describe(view, True)
                self.load(sale_no)
                set_message(self.message, _("Refund %1 done").replace("%1", view.refund_no),
                            ok=True)

            Op(ctx, returns_ops.refund, t, who, sale_no, lines, approver).success(done).failure(
                self.fail
            ).run()

        def ask() -> None:
            self.approval = ask_approval(ctx, self, "refund", approved)

        ensure_shift(ctx, self, _("a refund"), ask, self.fail)
