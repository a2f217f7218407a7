"""Supervisor approval: a supervisor (or manager) enters their staff code and PIN.

Non-blocking: :func:`ask_approval` opens the dialog and calls ``on_approved(approver)``
when a PIN of enough rank was checked (on the database thread)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.staff import Operator
from pos_app.ui.context import Context
from pos_app.ui.i18n_util import N_, _
from pos_app.ui.operations import Op
from pos_app.ui.operations import staff as staff_ops
from pos_app.ui.widgets import role_label, set_message

ACTION_NAMES = {
    "price_override": N_("price override"),
    "refund": N_("refund"),
    "replace_card": N_("card replacement"),
    "open_shift": N_("opening a shift"),
    "close_shift": N_("closing a shift"),
    "void_after_payment": N_("void after payment"),
    "manual_discount": N_("manual discount"),
    "cancel_sale_large": N_("cancelling a sale above the set amount"),
    "reprint": N_("reprinting a receipt"),
    "tier_review": N_("a tier change"),
    "group_enroll": N_("a group enrollment"),
    "card_sale_discount": N_("a card sold below face"),
}


class ApprovalDialog(QDialog):
    def __init__(self, ctx: Context, action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.action = action
        self.approver: Operator | None = None
        self.setWindowTitle(_("Supervisor approval"))
        self.setMinimumWidth(460)
        lay = QVBoxLayout(self)
        what = _(ACTION_NAMES.get(action, action.replace("_", " ")))
        lay.addWidget(QLabel(_("Approval needed for: %1").replace("%1", what)))
        form = QFormLayout()
        self.code = QLineEdit()
        self.code.setObjectName("approver_code")
        self.pin = QLineEdit()
        self.pin.setObjectName("approver_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(_("Supervisor code"), self.code)
        form.addRow(_("PIN"), self.pin)
        lay.addLayout(form)
        self.message = role_label("error")
        lay.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Approve"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

    def check(self) -> None:
        code, pin = self.code.text().strip(), self.pin.text()
        t = self.ctx.terminal
        action = self.action

        def done(op: Operator) -> None:
            self.approver = op
            self.accept()

        def failed(e: Exception) -> None:
            self.pin.clear()
            set_message(self.message, e)

        Op(self.ctx, staff_ops.approve, t, code, pin, action).success(done).failure(failed).run()


def ask_approval(
    ctx: Context,
    parent: QWidget,
    action: str,
    on_approved: Callable[[Operator | None], None],
) -> ApprovalDialog | None:
    """Run ``on_approved(None)`` at once when the operator may do ``action``; otherwise
    ask for a supervisor's PIN first. Returns the dialog shown (for tests)."""
    if ctx.may(action):
        on_approved(None)
        return None
    dlg = ApprovalDialog(ctx, action, parent)
    dlg.accepted.connect(lambda: on_approved(dlg.approver))
    # the keyboard back to the main window when the dialog closes (an X kiosk has no
    # window manager to hand it back, and the F-keys would stop working)
    dlg.finished.connect(lambda _r: parent.window().activateWindow())
    parent.setProperty("approval_open", True)
    dlg.open()
    return dlg
