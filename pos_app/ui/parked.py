"""The parked carts (挂单) waiting at this terminal, to pick one to recall (取单): when it
was parked, by whom, the member's card (masked), how many items, the total then."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from pos_app.core.parking import Parked
from pos_app.ui.i18n_util import _
from pos_app.ui.widgets import money_text


class RecallDialog(QDialog):
    def __init__(self, parent: QWidget, waiting: list[Parked], tz: object) -> None:
        super().__init__(parent)
        self.setObjectName("recall")
        self.setWindowTitle(_("Recall a parked cart"))
        self.setMinimumSize(560, 360)
        self.waiting = waiting
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(_("Parked carts: choose one and press Enter")))
        self.list = QListWidget()
        self.list.setObjectName("parked_list")
        # each cart's line wraps (time, cashier, member, items, total): never sideways
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for p in waiting:
            at = p.parked_at.astimezone(tz)  # type: ignore[arg-type]
            member = p.member_masked or _("no member")
            self.list.addItem(
                _("No. %1 · %2 · by %3 · %4 · %5 items · %6")
                .replace("%1", str(p.id)).replace("%2", f"{at:%m-%d %H:%M}")
                .replace("%3", p.cashier).replace("%4", member)
                .replace("%5", str(p.items)).replace("%6", money_text(p.total))
            )
        self.list.setCurrentRow(len(waiting) - 1)  # the last parked: most often wanted
        self.list.itemActivated.connect(lambda _i: self.accept())
        lay.addWidget(self.list, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Recall"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.list.setFocus()

    def chosen(self) -> Parked | None:
        row = self.list.currentRow()
        return self.waiting[row] if 0 <= row < len(self.waiting) else None
