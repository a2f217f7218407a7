"""Shift: open with a cash float, X report during the shift, close with a cash count and
the Z report (a supervisor opens and closes)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pos_app.core import shifts
from pos_app.core.errors import PosError
from pos_app.core.money import MoneyError, parse_money
from pos_app.core.staff import Operator
from pos_app.ui import printing
from pos_app.ui.approval import ApprovalDialog, ask_approval
from pos_app.ui.context import Context
from pos_app.ui.i18n_util import N_, _
from pos_app.ui.operations import Op
from pos_app.ui.operations import shift as shift_ops
from pos_app.ui.screen import Screen
from pos_app.ui.widgets import button, money_text, role_label, set_message, title

if TYPE_CHECKING:
    pass


def run_open(
    ctx: Context,
    amount: Decimal,
    approver: Operator | None,
    done: Callable[[int], None],
    fail: Callable[[Exception], None],
) -> None:
    """Open the shift with ``amount`` in the drawer (on the database thread), kick the
    drawer for the float, then ``done(shift_no)``."""
    def opened(no: int) -> None:
        ctx.devices.kick_drawer()  # the float goes in
        done(no)

    Op(ctx, shift_ops.open_shift, ctx.terminal, ctx.who, amount, approver).success(
        opened
    ).failure(fail).run()


class OpenShiftDialog(QDialog):
    """Asked when money is about to be taken with no shift open: the cash float, then
    (for a cashier) a supervisor's approval; ``on_open`` runs once the shift is open."""

    def __init__(
        self, ctx: Context, parent: QWidget, what: str, on_open: Callable[[], None]
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.owner = parent
        self.on_open = on_open
        self.approval: ApprovalDialog | None = None
        self.setObjectName("open_shift_dialog")
        self.setWindowTitle(_("No shift is open"))
        self.setMinimumWidth(480)
        lay = QVBoxLayout(self)
        ask = QLabel(_("No shift is open: %1 needs one. Open a shift now?").replace("%1", what))
        ask.setWordWrap(True)
        lay.addWidget(ask)
        form = QFormLayout()
        self.float_field = QLineEdit()
        self.float_field.setObjectName("offer_cash_float")
        self.float_field.setPlaceholderText(_("Cash put in the drawer, e.g. 500"))
        form.addRow(_("Cash float"), self.float_field)
        lay.addLayout(form)
        self.message = role_label("error")
        lay.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Open shift"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.open_shift)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.float_field.setFocus()

    def open_shift(self) -> None:
        try:
            amount = parse_money(self.float_field.text())
        except MoneyError as e:
            set_message(self.message, e)
            return
        ctx = self.ctx

        def approved(approver: Operator | None) -> None:
            def done(_no: int) -> None:
                self.accept()
                # the keyboard back to the main window (an X kiosk has no window
                # manager to hand it back when the dialogs close)
                main = self.owner.window()
                main.raise_()
                main.activateWindow()
                self.on_open()

            run_open(ctx, amount, approver, done, lambda e: set_message(self.message, e))

        self.approval = ask_approval(ctx, self, "open_shift", approved)


def ensure_shift(
    ctx: Context,
    parent: QWidget,
    what: str,
    then: Callable[[], None],
    fail: Callable[[Exception], None],
) -> None:
    """Run ``then()`` when a shift is open; else offer to open one first (an
    :class:`OpenShiftDialog`, a child of ``parent``). Sales, refunds and top-ups need an
    open shift: the core refuses them without one.

    The open shift is read right here, one indexed read that in WAL mode never waits for
    a writer, so F12 goes straight to the payment screen."""
    try:
        with ctx.terminal.read() as s:
            is_open = shifts.current(s) is not None
    except PosError as e:
        fail(e)
        return
    if is_open:
        then()
        return
    for old in parent.findChildren(OpenShiftDialog):
        old.deleteLater()
    OpenShiftDialog(ctx, parent, what, then).open()


class ShiftScreen(Screen):
    name = "shift"
    key = "F11"
    label = N_("Shift")
    title_text = N_("Shift")
    keys = (
        ("F3", N_("Open the shift with the cash float (supervisor)")),
        ("F4", N_("X report")),
        ("F5", N_("Close with the cash count and Z report (supervisor)")),
    )

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        lay = QVBoxLayout(self)
        lay.addWidget(title(_("Shift")))
        self.state = role_label("card", "")
        self.state.setObjectName("shift_state")
        lay.addWidget(self.state)
        form = QFormLayout()
        self.float_field = QLineEdit()
        self.float_field.setObjectName("cash_float")
        self.count_field = QLineEdit()
        self.count_field.setObjectName("cash_count")
        form.addRow(_("Cash float"), self.float_field)
        form.addRow(_("Cash counted"), self.count_field)
        lay.addLayout(form)
        row = QHBoxLayout()
        self.open_button = button(_("Open shift"), "F3", accent=True)
        self.open_button.setObjectName("open_shift")
        self.open_button.clicked.connect(self.open_shift)
        self.x_button = button(_("X report"), "F4")
        self.x_button.setObjectName("x_report")
        self.x_button.clicked.connect(self.x_report)
        self.close_button = button(_("Close shift, Z report"), "F5", danger=True)
        self.close_button.setObjectName("close_shift")
        self.close_button.clicked.connect(self.close_shift)
        for b in (self.open_button, self.x_button, self.close_button):
            row.addWidget(b)
        lay.addLayout(row)
        self.message = role_label("error")
        self.message.setObjectName("shift_message")
        lay.addWidget(self.message)
        self.report = QPlainTextEdit()
        self.report.setObjectName("shift_report")
        self.report.setReadOnly(True)
        mono = QFont("WenQuanYi Micro Hei Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSize(11)
        self.report.setFont(mono)
        lay.addWidget(self.report, 1)

    def on_show(self) -> None:
        self.refresh_state()

    def on_key(self, key: str) -> bool:
        fn = {"F3": self.open_shift, "F4": self.x_report, "F5": self.close_shift}.get(key)
        if fn is None:
            return False
        fn()
        return True

    def fail(self, e: Exception) -> None:
        set_message(self.message, e)

    def refresh_state(self) -> None:
        Op(self.ctx, shift_ops.open_shift_now, self.ctx.terminal).success(self._show_state).failure(
            self.fail
        ).run()

    def _show_state(self, sh: shift_ops.OpenShift | None) -> None:
        if sh is None:
            self.state.setText(_("No shift is open"))
            return
        self.state.setText(
            _("Shift %1 open since %2 by %3, float %4")
            .replace("%1", str(sh.shift_no))
            .replace("%2", sh.opened_at)
            .replace("%3", sh.opened_by)
            .replace("%4", money_text(sh.cash_float))
        )

    def _amount(self, field: QLineEdit) -> Decimal | None:
        try:
            return parse_money(field.text())
        except MoneyError as e:
            self.fail(e)
            field.setFocus()
            return None

    def open_shift(self) -> None:
        amount = self._amount(self.float_field)
        if amount is None:
            return
        ctx = self.ctx

        def approved(approver: Operator | None) -> None:
            def done(no: int) -> None:
                self.float_field.clear()
                set_message(self.message, _("Shift %1 opened").replace("%1", str(no)), ok=True)
                self.refresh_state()

            run_open(ctx, amount, approver, done, self.fail)

        self.approval = ask_approval(ctx, self, "open_shift", approved)

    def x_report(self) -> None:
        ctx = self.ctx
        t, who = ctx.terminal, ctx.who

        def done(p: printing.Printout) -> None:
            self.report.setPlainText(p.text)
            ctx.devices.print_receipt(p.receipt_no, p.escpos, p.text)
            self.message.clear()

        Op(ctx, shift_ops.x_report, t, who).success(done).failure(self.fail).run()

    def close_shift(self) -> None:
        counted = self._amount(self.count_field)
        if counted is None:
            return
        ctx = self.ctx
        t, who = ctx.terminal, ctx.who

        def approved(approver: Operator | None) -> None:
            def done(res: tuple[shifts.ShiftFigures, printing.Printout]) -> None:
                f, p = res
                self.count_field.clear()
                self.report.setPlainText(p.text)
                ctx.devices.print_receipt(p.receipt_no, p.escpos, p.text)
                diff = f.difference or Decimal("0")
                set_message(
                    self.message,
                    _("Shift %1 closed; expected %2, counted %3, difference %4")
                    .replace("%1", str(f.shift_no))
                    .replace("%2", money_text(f.expected_cash))
                    .replace("%3", money_text(counted))
                    .replace("%4", money_text(diff)),
                    ok=diff == 0,
                )
                self.refresh_state()

            Op(ctx, shift_ops.close_shift, t, who, counted, approver).success(done).failure(
                self.fail
            ).run()

        self.approval = ask_approval(ctx, self, "close_shift", approved)
