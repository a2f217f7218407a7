"""The customer display: on a second monitor facing the customer, the lines of the sale,
the total, and after payment what was paid and the change (找零), in large figures.

It follows what the app sends the pole display (:class:`~pos_app.ui.device_bridge.DeviceBridge`
emits each job as ``customer_shown``), reading the lines from the checkout's priced cart,
so the cashier's screens do nothing for it.

Where it shows: terminal.toml's ``[counter] customer_display`` (``$POS_CUSTOMER_DISPLAY``
over it) is ``auto`` (the default: full screen on a second monitor when one is
connected, else nowhere), ``off``, or ``window`` (a window on the cashier's own screen,
for a store whose second monitor is a mirrored one, and for trying it out)."""

from __future__ import annotations

import os
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from devices.events import ShowItem, ShowLines, ShowTotal
from pos_app.config import CUSTOMER_DISPLAY, CUSTOMER_DISPLAY_ENV
from pos_app.core.pricing import PricedCart
from pos_app.ui.i18n_util import _
from pos_app.ui.widgets import money_text

SETTING = CUSTOMER_DISPLAY_ENV
MODES = CUSTOMER_DISPLAY
MOST_LINES = 12  # the last lines of a long sale; the total counts them all


def customer_screen(main: QScreen | None, screens: list[QScreen]) -> QScreen | None:
    """The monitor for the customer: the first one that is not the cashier's."""
    return next((s for s in screens if s is not main), None)


class CustomerDisplay(QWidget):
    def __init__(self, lines: Callable[[], PricedCart | None]) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("customer_display")
        self.setWindowTitle(_("Customer display"))
        self.lines_of = lines
        self.setStyleSheet(
            "QWidget#customer_display { background: #0b3d91; }"
            "QLabel { color: white; font-size: 26px; }"
            "QLabel#cd_total { font-size: 56px; font-weight: bold; }"
            "QLabel#cd_change { font-size: 64px; font-weight: bold; color: #ffd75e; }"
        )
        lay = QVBoxLayout(self)
        lay.setContentsMargins(40, 30, 40, 30)
        self.welcome = QLabel(_("Welcome"))
        self.welcome.setObjectName("cd_welcome")
        self.welcome.setStyleSheet("font-size: 34px; font-weight: bold;")
        lay.addWidget(self.welcome)
        self.table = QLabel()
        self.table.setObjectName("cd_lines")
        self.table.setTextFormat(Qt.TextFormat.RichText)
        self.table.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        lay.addWidget(self.table, 1)
        self.total = QLabel()
        self.total.setObjectName("cd_total")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        lay.addWidget(self.total)
        self.paid = QLabel()
        self.paid.setObjectName("cd_paid")
        self.paid.setAlignment(Qt.AlignmentFlag.AlignRight)
        lay.addWidget(self.paid)
        self.change = QLabel()
        self.change.setObjectName("cd_change")
        self.change.setAlignment(Qt.AlignmentFlag.AlignRight)
        lay.addWidget(self.change)
        self._pending = False
        self.clear()

    def clear(self) -> None:
        self.table.clear()
        self.total.clear()
        self.paid.clear()
        self.change.clear()

    def follow(self, job: object) -> None:
        """One job the pole display was sent: redraw from the cart (after the scan's own
        work, so a scan never waits for the customer's screen)."""
        if isinstance(job, ShowTotal) and job.change is not None:
            self.show_paid(job.total, job.paid, job.change)
        elif isinstance(job, ShowTotal | ShowItem):
            if not self._pending:
                self._pending = True
                QTimer.singleShot(0, self.show_cart)
        elif isinstance(job, ShowLines) and not self.change.text():
            self.clear()  # the cart emptied; the change of a finished sale stays till the next

    def show_cart(self) -> None:
        self._pending = False
        priced = self.lines_of()
        self.paid.clear()
        self.change.clear()
        if priced is None or not priced.lines:
            self.clear()
            return
        rows = "".join(
            f"<tr><td>{ln.name}</td><td align='right'>×{ln.qty}</td>"
            f"<td align='right'>{money_text(ln.amount)}</td></tr>"
            for ln in priced.lines[-MOST_LINES:]
        )
        self.table.setText(f"<table width='100%' cellpadding='6'>{rows}</table>")
        saved = priced.discount_total
        text = _("Total %1").replace("%1", money_text(priced.total))
        self.total.setText(text)
        if saved:
            self.paid.setText(_("You save %1").replace("%1", money_text(saved)))

    def show_paid(self, total: Decimal, paid: Decimal | None, change: Decimal) -> None:
        self.total.setText(_("Total %1").replace("%1", money_text(total)))
        self.paid.setText(_("Paid %1").replace("%1", money_text(paid or total)))
        self.change.setText(_("Change %1").replace("%1", money_text(change)))


def open_for(
    main: QWidget, lines: Callable[[], PricedCart | None], mode: str | None = None
) -> CustomerDisplay | None:
    """The customer display for the cashier's window ``main``, shown where the setting
    says (see the module's doc); None where there is none."""
    mode = (mode or os.environ.get(SETTING, "auto")).strip().lower()
    if mode not in MODES:
        mode = "auto"
    if mode == "off":
        return None
    screen = customer_screen(main.screen(), QGuiApplication.screens())
    if screen is None and mode == "auto":
        return None
    display = CustomerDisplay(lines)
    if screen is not None:
        display.setScreen(screen)
        display.setGeometry(screen.geometry())
        display.showFullScreen()
    else:
        display.resize(800, 600)
        display.show()
    return display
