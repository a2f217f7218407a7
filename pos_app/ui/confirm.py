"""Asking before a destructive action (void a line, cancel a sale, block a card): the
question, the action's button (Enter) and Keep (Esc). Non-blocking: open it and listen
to ``finished``."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from pos_app.ui.i18n_util import _


class ConfirmDialog(QDialog):
    def __init__(self, parent: QWidget, text: str, action: str, keep: str | None = None
                 ) -> None:
        """``keep``: the other button's words (default Keep: the line, the sale, the
        card stay as they are)."""
        super().__init__(parent)
        self.setObjectName("confirm")
        self.setWindowTitle(_("Please confirm"))
        self.setMinimumWidth(460)
        lay = QVBoxLayout(self)
        self.question = QLabel(text)
        self.question.setObjectName("confirm_text")
        self.question.setWordWrap(True)
        lay.addWidget(self.question)
        self.buttons = QDialogButtonBox()
        self.yes = self.buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.no = self.buttons.addButton(keep or _("Keep"),
                                         QDialogButtonBox.ButtonRole.RejectRole)
        self.yes.setMinimumHeight(52)
        self.no.setMinimumHeight(52)
        self.yes.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)


class ReasonDialog(ConfirmDialog):
    """A confirmation that needs a reason (cancel the sale, open the drawer with no
    sale): the usual reasons to choose from, or one typed."""

    def __init__(self, parent: QWidget, text: str, action: str, reasons: list[str],
                 keep: str | None = None) -> None:
        super().__init__(parent, text, action, keep)
        self.reason = QComboBox()
        self.reason.setObjectName("reason")
        self.reason.setEditable(True)
        self.reason.addItems(reasons)
        self.reason.setCurrentIndex(-1)
        self.reason.setPlaceholderText(_("Choose or type the reason"))
        lay = self.layout()
        assert isinstance(lay, QVBoxLayout)
        lay.insertWidget(1, self.reason)
        self.message = QLabel()
        self.message.setProperty("role", "error")
        lay.insertWidget(2, self.message)
        self.reason.setFocus()

    def accept(self) -> None:
        if not self.reason.currentText().strip():
            self.message.setText(_("Give the reason first"))
            return
        super().accept()

    def text(self) -> str:
        return self.reason.currentText().strip()
