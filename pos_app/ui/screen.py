"""The base of every screen: a widget with the app context, scan and card hooks, and
what the screen declares about itself for the main window.

Each screen declares:

* ``name``: its id (the widget's object name, the key of ``MainWindow.screens``);
* ``key``: the key that opens it from anywhere (``None``: not on the navigation bar);
* ``label``: its name on the navigation bar and in the F1 help (``N_()`` marked);
* ``role``: the least role that may open it (``None``: before anyone logs in);
* ``title_text``: its heading in the F1 help (``N_()`` marked);
* ``keys``: its own keys and what they do (:func:`pos_app.ui.keymap.screen_key`)
  (never a key the whole app uses: :mod:`pos_app.ui.keymap` checks it).

The main window builds its screens, navigation bar, shortcuts and help from the list
``pos_app.ui.app.SCREENS``; a screen that needs more than the context to be built
overrides :meth:`Screen.make`.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtWidgets import QWidget

from pos_app.core.pricing import PricedCart
from pos_app.core.staff import Operator
from pos_app.ui.context import Context
from pos_app.ui.device_bridge import PresentedCard


class Shell(Protocol):
    """What a screen may ask of the main window."""

    def show_screen(self, name: str) -> None: ...

    def logged_in(self, op: Operator, name: str) -> None: ...

    def set_language(self, language: str) -> None: ...

    def start_payment(self, cart: Any, priced: PricedCart) -> None: ...

    def payment_done(self, res: Any) -> None: ...

    def more_goods(self, code: str) -> None: ...


class Screen(QWidget):
    name = "screen"
    key: str | None = None
    label = "Screen"  # N_() marked in each screen; translated where shown
    role: str | None = "cashier"
    title_text = "Screen"  # N_() marked in each screen; translated where shown
    # (key, description) pairs for the help overlay; descriptions are translated there
    keys: tuple[tuple[str, str], ...] = ()

    @classmethod
    def make(cls, ctx: Context, shell: Shell) -> Screen:
        """The screen for the main window ``shell`` (most need only the context)."""
        return cls(ctx)

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
        """One of the screen's own keys (``keys``); True if this screen handled it."""
        return False
