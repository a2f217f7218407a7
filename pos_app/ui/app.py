"""The cashier app: QApplication set-up (CJK font, translator, style), the main window
with the screens, the shortcuts, and the status bar that always shows the link to HQ and
each device's health.

The screens are the list :data:`SCREENS`: the window builds them, its navigation bar, its
shortcuts and the F1 help from what each screen declares (``pos_app.ui.screen.Screen``)
through one keymap (``pos_app.ui.keymap``). Adding a screen is one module and one line
in :data:`SCREENS`."""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.config import Counter, counter_settings
from pos_app.core.messages import recognise
from pos_app.core.pricing import PricedCart
from pos_app.core.rights import RANK
from pos_app.core.staff import Operator
from pos_app.core.terminal import Terminal
from pos_app.ui import customer_display, i18n_util, printing
from pos_app.ui.balance import BalanceScreen
from pos_app.ui.checkout import Cart, CheckoutScreen
from pos_app.ui.context import Context
from pos_app.ui.device_bridge import DeviceBridge, PresentedCard
from pos_app.ui.feedback import BusyIndicator, SaleDonePanel
from pos_app.ui.help import HelpOverlay
from pos_app.ui.i18n_util import N_, _
from pos_app.ui.keymap import BACK_KEY, HELP_KEY, LOGOUT_KEY, build, help_html, screen_of
from pos_app.ui.labels import HEALTH_NAMES, device_kind
from pos_app.ui.login import LoginScreen
from pos_app.ui.members import MembersScreen
from pos_app.ui.numpad import Numpad
from pos_app.ui.operations import Op
from pos_app.ui.payment import PaymentScreen, SaleDone
from pos_app.ui.returns import ReturnsScreen
from pos_app.ui.screen import Screen
from pos_app.ui.shift import ShiftScreen
from pos_app.ui.staff_report import StaffReportScreen
from pos_app.ui.status import HqLink, hq_link
from pos_app.ui.wedge_filter import WedgeFilter
from pos_app.ui.widgets import STYLE, button, money_text, set_message
from pos_app.ui.worker import Runner

log = logging.getLogger(__name__)
S = TypeVar("S", bound=Screen)

# every screen of the app, the navigation bar in this order (a screen with a key)
SCREENS: tuple[type[Screen], ...] = (
    LoginScreen,
    CheckoutScreen,
    PaymentScreen,
    MembersScreen,
    ReturnsScreen,
    BalanceScreen,
    ShiftScreen,
    StaffReportScreen,
)
KEYMAP = build(SCREENS)
CJK_FONTS = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),  # fonts-wqy-microhei
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),  # fonts-noto-cjk
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
)
# the sizes the window is made for (docs/ui.md); below NARROW wide the layouts reflow
SIZES = ((800, 600), (1024, 768), (1366, 768), (1920, 1080))
SMALLEST = SIZES[0]
NARROW = 1200


def fitting_size(available: tuple[int, int]) -> tuple[int, int]:
    """The window's first size: 1280×800, or the whole screen where it is smaller."""
    return min(1280, max(SMALLEST[0], available[0])), min(800, max(SMALLEST[1], available[1]))


def scrolling(screen: QWidget) -> QScrollArea:
    """A screen in a page that scrolls up and down where the window is too low for it
    (never sideways: the screens reflow to the width)."""
    page = QScrollArea()
    page.setObjectName(f"page_{screen.objectName()}")
    page.setWidgetResizable(True)
    page.setFrameShape(QFrame.Shape.NoFrame)
    page.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    page.setWidget(screen)
    return page


ROLE_NAMES = {"cashier": N_("Cashier"), "supervisor": N_("Supervisor"), "manager": N_("Manager")}


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication (one per process), with the CJK font and the style."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    # the database thread hands results back within a millisecond even while the UI
    # thread runs Python (the default switch interval would let it wait up to 5 ms)
    sys.setswitchinterval(0.001)
    app.setApplicationName("store-pos")
    family = load_cjk_font()
    font = QFont(family) if family else app.font()
    font.setPointSize(12)
    app.setFont(font)
    app.setStyleSheet(STYLE)
    return app


def load_cjk_font() -> str | None:
    """Register the CJK font the receipts use (fonts-wqy-microhei from the set-up, or
    Noto CJK) with Qt, so Chinese renders on a fresh machine whatever fontconfig says."""
    path = next((p for p in CJK_FONTS if p.exists()), None)
    if path is None:
        # PIL only when the font is not in a known place (start-up cost)
        from receipts.png_render import FontNotFoundError, find_cjk_font

        try:
            path = find_cjk_font()
        except FontNotFoundError:
            log.warning("no CJK font found: run scripts/setup.sh (fonts-wqy-microhei)")
            return None
    fid = QFontDatabase.addApplicationFont(str(path))
    fams = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
    return fams[0] if fams else None


class MainWindow(QMainWindow):
    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(_("Store POS"))
        self.resize(*fitting_size(self.screen().availableGeometry().size().toTuple()))
        self.setMinimumSize(*SMALLEST)
        self.wedge = WedgeFilter(self.route_scan, parent=self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.wedge)
        ctx.devices.scanned.connect(self.route_scan)
        ctx.devices.card_presented.connect(self.route_card)
        ctx.devices.device_problem.connect(self.device_problem)
        ctx.devices.health_changed.connect(self.update_devices)
        for key in KEYMAP.keys():
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.ApplicationShortcut)
            sc.activated.connect(lambda k=key: self.key(k))
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(1000)
        self._status_timer.timeout.connect(self.update_status)
        self._status_timer.start()
        # a touch screen ([counter] touch = true): the numpad shows from the start
        self.touch = ctx.counter.touch
        self._numpad_on = self.touch
        self._shown = "login"
        self._compact: bool | None = None
        self.build()
        self.numpad_button.setChecked(self._numpad_on)
        self.customer = customer_display.open_for(
            self, lambda: self.checkout.priced, mode=ctx.counter.customer_display
        )
        if self.customer is not None:
            ctx.devices.customer_shown.connect(self.customer.follow)

    # ------------------------------------------------------------------ building
    def build(self) -> None:
        """(Re)build every screen in the current language."""
        ctx = self.ctx
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(8, 8, 8, 0)
        self.nav = QWidget()
        nav = QHBoxLayout(self.nav)
        nav.setContentsMargins(0, 0, 0, 0)
        nav.setSpacing(6)
        # (button, label, key): the label and key on one line, or on two on a narrow screen
        self._nav_texts: list[tuple[QPushButton, str, str]] = []
        self.nav_buttons: dict[str, QPushButton] = {}
        for cls in SCREENS:
            if cls.key is None:
                continue
            b = self._nav_button(_(cls.label), cls.key)
            b.setObjectName(f"nav_{cls.name}")
            b.clicked.connect(lambda _c=False, n=cls.name: self.show_screen(n))
            nav.addWidget(b)
            self.nav_buttons[cls.name] = b
        nav.addStretch(1)
        self.numpad_button = self._nav_button(_("Numpad"), "")
        self.numpad_button.setObjectName("numpad_toggle")
        self.numpad_button.setCheckable(True)
        self.numpad_button.toggled.connect(self._numpad_toggled)
        nav.addWidget(self.numpad_button)
        help_b = self._nav_button(_("Help"), HELP_KEY)
        help_b.clicked.connect(lambda: self.key(HELP_KEY))
        nav.addWidget(help_b)
        logout = self._nav_button(_("Log out"), LOGOUT_KEY)
        logout.setObjectName("logout")
        logout.clicked.connect(self.logout)
        nav.addWidget(logout)
        outer.addWidget(self.nav)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        body.addWidget(self.stack, 1)
        self.numpad = Numpad()
        self.numpad.setVisible(self._numpad_on)
        body.addWidget(self.numpad, 0, Qt.AlignmentFlag.AlignBottom)
        outer.addLayout(body, 1)
        self.screens: dict[str, Screen] = {}
        self.pages: dict[str, QScrollArea] = {}
        for cls in SCREENS:
            screen = cls.make(ctx, self)
            self.screens[cls.name] = screen
            self.pages[cls.name] = page = scrolling(screen)
            self.stack.addWidget(page)
        old = self.centralWidget()
        self.setCentralWidget(central)
        if old is not None:
            old.deleteLater()
        self.help = HelpOverlay(central)
        self.done_panel = SaleDonePanel(self.checkout, ctx.devices.scanned)
        self._build_status()
        self._compact = None
        self._fit_width(self.width())
        if ctx.operator is None:
            self.show_screen("login")
        else:
            self._set_who()
            self.show_screen("checkout")

    def _build_status(self) -> None:
        bar = self.statusBar()
        for w in getattr(self, "_status_widgets", []):
            bar.removeWidget(w)
            w.deleteLater()
        self.who_label = QLabel()
        self.who_label.setObjectName("who")
        self.hq_label = QLabel()
        self.hq_label.setObjectName("hq_status")
        self.devices_label = QLabel()
        self.devices_label.setObjectName("device_status")
        self.busy_label = QLabel()
        self.last_label = self.checkout.last_sale
        self.busy = BusyIndicator(self.ctx.runner)
        self._status_widgets = [self.who_label, self.hq_label, self.devices_label, self.busy]
        bar.addWidget(self.who_label)
        bar.addWidget(self.hq_label)
        bar.addWidget(self.devices_label, 1)
        bar.addPermanentWidget(self.busy)
        self.hq_label.setText(_("HQ: %1 · %2 events waiting").replace("%1", "…").replace("%2", "…"))
        self._hq_pending = False
        self._ticks = 0
        self.update_status()

    def update_status(self) -> None:
        self._ticks = getattr(self, "_ticks", 0) + 1
        if self._ticks % 2 == 1 and not getattr(self, "_hq_pending", False):
            self._hq_pending = True  # the link state is read on the database thread
            terminal = self.ctx.terminal
            Op(self.ctx, hq_link, terminal).success(self.show_hq).failure(self._hq_failed).run()
        self.update_devices()

    def _hq_failed(self, e: Exception) -> None:
        self._hq_pending = False
        log.warning("HQ link state unreadable: %s", e)

    def show_hq(self, link: HqLink) -> None:
        self._hq_pending = False
        state = _("online") if link.online else _("offline")
        self.hq_label.setText(
            _("HQ: %1 · %2 events waiting").replace("%1", state).replace("%2", str(link.waiting))
        )
        # sync's last error is kept in the ledger as English text: shown in the language
        # shown where it is one of sync's coded messages
        said = recognise(link.detail, "sync.")
        self.hq_label.setToolTip(i18n_util.msg_text(said) if said else _(link.detail))

    def update_devices(self) -> None:
        marks = {"ok": "●", "degraded": "◐", "offline": "○"}
        colors = {"ok": "#1b7f3b", "degraded": "#b26a00", "offline": "#b00020"}
        parts = []
        for d in self.ctx.devices.health():
            kind = device_kind(d.kind)
            tip = f"{kind}: {_(HEALTH_NAMES.get(d.health, d.health))}"
            tip += f" ({d.detail})" if d.detail else ""
            # on a narrow screen the marks alone; the names in their tooltips
            name = "" if self._compact else f" {kind}"
            parts.append(
                f"<span style='color:{colors.get(d.health, '#555')}' title='{tip}'>"
                f"{marks.get(d.health, '?')}</span>{name}"
            )
        self.devices_label.setText("&nbsp;&nbsp;".join(parts))

    def device_problem(self, device: str, message: str) -> None:
        kinds = {d.name: d.kind for d in self.ctx.devices.health()}
        self.statusBar().showMessage(f"{device_kind(kinds.get(device, device))}: {message}", 8000)
        self.update_devices()

    # ------------------------------------------------------------------ sizes
    def _nav_button(self, label: str, key: str) -> QPushButton:
        b = button(label, key)
        b.setMinimumWidth(0)
        b.setStyleSheet("min-width: 44px; padding: 2px 10px;")
        self._nav_texts.append((b, label, key))
        return b

    def _fit_width(self, width: int) -> None:
        """Reflow for the width the screens have (the window's, less the numpad's when it
        shows): on a narrow screen the navigation buttons put their key under their label,
        the screens reflow, and the status bar shows the devices' marks alone."""
        if self.numpad.isVisibleTo(self):
            width -= self.numpad.sizeHint().width()
        compact = width < NARROW
        if compact == self._compact:
            return
        self._compact = compact
        for b, label, key in self._nav_texts:
            if not key:
                b.setText(label)
            else:
                b.setText(f"{label}\n{key}" if compact else f"{label}  [{key}]")
        self.numpad.fit_width(compact)
        for screen in self.screens.values():
            fit = getattr(screen, "fit_width", None)
            if fit is not None:
                fit(compact)
            for b in screen.findChildren(QPushButton):  # "Pay  [F12]": the key below
                text = b.text()
                b.setText(text.replace("  [", "\n[") if compact else text.replace("\n[", "  ["))
        self.update_devices()

    def _numpad_toggled(self, on: bool) -> None:
        self._numpad_on = on
        self.numpad.setVisible(on or (self._shown == "login" and self.touch))
        self._fit_width(self.width())

    # ------------------------------------------------------------------ navigation
    @property
    def login(self) -> LoginScreen:
        return self.screen_as("login", LoginScreen)

    @property
    def checkout(self) -> CheckoutScreen:
        return self.screen_as("checkout", CheckoutScreen)

    @property
    def payment(self) -> PaymentScreen:
        return self.screen_as("payment", PaymentScreen)

    def __getattr__(self, name: str) -> Screen:
        # the other screens by name too (window.members is window.screens["members"])
        screens = self.__dict__.get("screens", {})
        if name in screens:
            return screens[name]
        raise AttributeError(name)

    def screen_as(self, name: str, kind: type[S]) -> S:
        """Screen ``name``, as the class it is."""
        screen = self.screens[name]
        assert isinstance(screen, kind)
        return screen

    def may_open(self, name: str) -> bool:
        """Whether the operator logged in may open screen ``name`` (its declared role)."""
        role = type(self.screens[name]).role
        if role is None:
            return True
        op = self.ctx.operator
        return op is not None and RANK[op.role] >= RANK[role]

    def current(self) -> Screen:
        return self.screens[self._shown]

    def show_screen(self, name: str) -> None:
        if name != "login" and self.ctx.operator is None:
            name = "login"
        if not self.may_open(name):
            label = _(type(self.screens[name]).label)
            text = _("%1 is not open to your role").replace("%1", label)
            self.statusBar().showMessage(text, 8000)
            return
        screen = self.screens[name]
        self._shown = name
        self.stack.setCurrentWidget(self.pages[name])
        self.nav.setVisible(name != "login")
        # the PIN on a touch screen: the numpad shows at the login whatever the toggle
        self.numpad.setVisible(self._numpad_on or (name == "login" and self.touch))
        for n, b in self.nav_buttons.items():
            if bool(b.property("accent")) != (n == name):  # re-styled only where it changes
                b.setProperty("accent", n == name)
                b.style().unpolish(b)
                b.style().polish(b)
        screen.on_show()

    def key(self, key: str) -> None:
        """One key of the keymap: the app's own keys mean the same on every screen; a
        screen's own keys go to the screen shown; Esc goes back (the screen's own back,
        else to checkout)."""
        if self.help.isVisible():
            if key in (HELP_KEY, BACK_KEY):
                self.help.hide()
            return
        if key == HELP_KEY:
            self.help.show_for(help_html(KEYMAP, self.current().name))
            return
        if self.ctx.operator is None:
            return
        if key == LOGOUT_KEY:
            self.logout()
            return
        target = screen_of(SCREENS, key)
        if target is not None:
            self.show_screen(target)
        elif key == BACK_KEY:
            if not self.current().on_key(key):
                self.show_screen("checkout")
        else:
            self.current().on_key(key)

    def route_scan(self, code: str) -> bool:
        """Every scan (wedge or device): to the screen shown, if it takes scans."""
        if self.ctx.operator is None:
            return False
        return self.current().on_scan(code)

    def route_card(self, card: PresentedCard) -> None:
        if self.ctx.operator is not None:
            self.current().on_card(card)

    # ------------------------------------------------------------------ flows
    def logged_in(self, op: Operator, name: str) -> None:
        self.ctx.operator = op
        self.ctx.operator_name = name
        self._set_who()
        self.show_screen("checkout")

    def _set_who(self) -> None:
        op = self.ctx.operator
        for name, b in self.nav_buttons.items():
            b.setVisible(self.may_open(name))
        if op is not None:
            self.who_label.setText(f"{self.ctx.operator_name} ({op.code}) · "
                                   f"{_(ROLE_NAMES.get(op.role, op.role))}")

    def logout(self) -> None:
        """Log out; a cart on the counter is parked first (挂单), never thrown away."""
        if self.ctx.operator is not None and self.checkout.cart.lines:
            self.checkout.park(then=self._logged_out)
        else:
            self._logged_out()

    def _logged_out(self) -> None:
        self.ctx.operator = None
        self.ctx.operator_name = ""
        self.checkout.clear()
        self.show_screen("login")

    def set_language(self, language: str) -> None:
        i18n_util.install(language)
        self.ctx.language = language
        self.build()

    def start_payment(self, cart: Cart, priced: PricedCart) -> None:
        self.payment.start(cart, priced)
        self.show_screen("payment")

    def more_goods(self, code: str) -> None:
        """Goods scanned on the payment screen: back to the cart, with them on it."""
        self.show_screen("checkout")
        self.checkout.add_code(code)

    def payment_done(self, res: SaleDone | None) -> None:
        if res is not None:
            self.checkout.clear()
            text = _("Sale %1: %2, change %3").replace("%1", res.sale_no).replace(
                "%2", money_text(res.total)).replace("%3", money_text(res.change))
            if res.points_earned:
                text += " · " + _("%1 points earned").replace("%1", str(res.points_earned))
            if res.offline_credit is not None:
                text += " · " + _("offline stored value used: %1").replace(
                    "%1", money_text(res.offline_credit))
            set_message(self.last_label, text, ok=True)
        self.show_screen("checkout")
        if res is not None:
            # in the same turn of the event loop as the screen switch: the window is
            # painted once, with the change over the emptied cart (bench/ui_stall.py: a
            # fifth less UI-thread work per Complete than painting the cart, then the
            # change in the next turn)
            summary = _("Sale %1 · total %2").replace("%1", res.sale_no).replace(
                "%2", money_text(res.total))
            self.done_panel.show_sale(money_text(res.change), summary, res.printout.text)

    def shutdown(self) -> None:
        """Stop the devices, finish the database work and remove the key filter."""
        self._status_timer.stop()
        if self.customer is not None:
            self.customer.close()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.wedge)
        self.ctx.devices.stop()
        self.ctx.runner.wait(10000)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_width(event.size().width())
        parent = self.help.parentWidget()
        if self.help.isVisible() and parent is not None:
            self.help.setGeometry(parent.rect())


def warm_up(terminal: Terminal) -> None:
    """On the database thread, after start-up: import the receipts package and read the
    catalog's barcode index and rows once, so the first scans of the day do not wait
    for the disk (the operating system keeps the pages cached)."""
    printing.warm_up()
    from sqlalchemy import text

    with terminal.read() as s:
        s.execute(text("SELECT count(barcode) FROM items WHERE barcode >= ''")).scalar()
        s.execute(text("SELECT sum(length(name)) FROM items")).scalar()


def open_window(
    terminal: Terminal, language: str = i18n_util.DEFAULT_LANGUAGE,
    devices: DeviceBridge | None = None, counter: Counter | None = None,
) -> MainWindow:
    """Set up the app on ``terminal`` and return its (not yet shown) main window;
    ``counter``: the till's ``[counter]`` settings (default: the defaults with the
    environment's overrides, ``$POS_TOUCH`` and ``$POS_CUSTOMER_DISPLAY``)."""
    make_app()
    i18n_util.install(language)
    bridge = devices or DeviceBridge()
    ctx = Context(terminal=terminal, runner=Runner(), devices=bridge, language=language,
                  counter=counter or counter_settings(None))
    win = MainWindow(ctx)
    bridge.start()
    Op(ctx, warm_up, terminal).run()
    # what start-up made lives as long as the app: keep it out of the collector's
    # full passes (fewer, shorter pauses while scanning)
    gc.freeze()
    return win
