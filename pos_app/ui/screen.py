"""The base of every screen: a widget with the app context, scan and card hooks."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from pos_app.ui.context import Context
from pos_app.ui.device_bridge import PresentedCard


class Screen(QWidget):
    name = "screen"
    title_text = "Screen"  # N_() marked in each screen; translated where shown
    # (key, description) pairs for the help overlay; descriptions are translated there
    keys: tuple[tuple[str, str], ...] = ()

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName(self.name)

    def on_show(self) -> None:
        """Called each time the screen is shown."""

    def on_scan(self, code: str) -> bool:
        """A barcode was scanned while this screen is shown. False: not taken."""
        return False

    def on_card(self, card: PresentedCard) -> bool:
        return False

    def on_key(self, key: str) -> bool:
        """An F-key; True if this screen handled it."""
        return False
