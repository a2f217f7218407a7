"""Checkout: scan goods, quantity, line void, price override (approved), member by card
or phone, coupon typed or scanned, every discount per line, the pole display follows."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.core import catalog, counter, parking, sales
from pos_app.core.errors import PosError
from pos_app.core.money import MoneyError, parse_money
from pos_app.core.pricing import CartItem, PricedCart, PricingError, check_coupon, quote
from pos_app.core.program import Program
from pos_app.core.staff import Operator
from pos_app.ui import printing
from pos_app.ui.approval import ask_approval
from pos_app.ui.confirm import ConfirmDialog, ReasonDialog
from pos_app.ui.context import Context
from pos_app.ui.device_bridge import PresentedCard
from pos_app.ui.discount import DiscountDialog
from pos_app.ui.feedback import Banner
from pos_app.ui.i18n_util import N_, _, error_text
from pos_app.ui.labels import discount_label, discount_source, tier_label
from pos_app.ui.operations import Op
from pos_app.ui.operations import checkout as checkout_ops
from pos_app.ui.operations import members as member_ops
from pos_app.ui.parked import RecallDialog
from pos_app.ui.price_check import PriceCheckDialog
from pos_app.ui.screen import Screen, Shell
from pos_app.ui.shift import ensure_shift
from pos_app.ui.widgets import button, money_text, role_label, set_message, title

_Index = QModelIndex | QPersistentModelIndex
CANCEL_REASONS = (
    N_("The customer does not want it"),
    N_("Scanned in error"),
    N_("The customer is short of money"),
    N_("Price query"),
)
NO_SALE_REASONS = (
    N_("Change for a customer"),
    N_("Counting the float"),
    N_("Cash taken to the safe"),
)


class ToolsPane(QScrollArea):
    """A pane that scrolls its tools up and down: as wide as they need, and asking the
    page for no height of its own, so the screen around it never grows past the window."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), 120)

    def minimumSizeHint(self) -> QSize:
        inner = self.widget()
        width = inner.minimumSizeHint().width() if inner is not None else 0
        return QSize(width + self.verticalScrollBar().sizeHint().width(), 120)


@dataclass
class CartLine:
    code: str
    item: CartItem


@dataclass
class Cart:
    lines: list[CartLine] = field(default_factory=list)
    member: dict[str, Any] | None = None  # members.summary, plus "how" it was attached
    member_card: str | None = None  # the card number the sale is booked to
    coupon: str | None = None
    used_coupons: set[str] = field(default_factory=set)
    approver: Operator | None = None  # who approved the price overrides
    gift_stock: dict[str, int] | None = None  # the store's gifts on hand (None: unknown)

    def snapshot(self) -> list[CartLine]:
        """The lines as they are now (to put back when a change is refused)."""
        return [CartLine(ln.code, ln.item) for ln in self.lines]

    def line_of(self, item: CartItem) -> int | None:
        """The row of ``item`` at its own price, if it is in the cart."""
        for row, ln in enumerate(self.lines):
            if (ln.item.sku == item.sku and ln.item.override_price is None
                    and ln.item.manual_rate is None):
                return row
        return None

    def requests(self) -> list[sales.LineRequest]:
        return [
            sales.LineRequest(ln.code, ln.item.qty, ln.item.override_price, ln.item.manual_rate)
            for ln in self.lines
        ]

    def quote(self, program: Program, at: datetime, tenders: Iterable[str] = ()) -> PricedCart:
        """The cart's price for its member, coupon and the tender kinds chosen, by the
        core's one quote (the sale prices its request the same way)."""
        return quote(
            program,
            [ln.item for ln in self.lines],
            at,
            tier_code=self.member["tier"] if self.member else None,
            coupon=self.coupon,
            used_coupons=self.used_coupons,
            tenders=tenders,
            gift_stock=self.gift_stock,
        )


def member_html(m: dict[str, Any]) -> str:
    """The member panel: tier, points, stored value, expiring points, birthday."""
    sv = m["stored_value"]
    rows = [
        f"<b>{m['name'] or _('Anonymous card')}</b> &nbsp; {m['phone'] or ''}",
        _("Tier") + f": <b>{tier_label(m['tier'], m['tier_name'])}</b>",
        _("Points") + f": <b>{m['points']}</b>",
        _("Stored value") + f": <b>{money_text(sv['total'])}</b> "
        + f"({_('principal')} {money_text(sv['principal'])}, "
        + f"{_('bonus')} {money_text(sv['bonus'])})",
    ]
    for x in m["points_expiring"]:
        rows.append(
            _("%1 points expire on %2")
            .replace("%1", str(x["points"]))
            .replace("%2", x["expires"])
        )
    if m["supplementary"]:
        rows.append(_("Supplementary card"))
    return "<br>".join(rows)


_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_TIP = Qt.ItemDataRole.ToolTipRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ALIGNS = (_RIGHT, _LEFT, _RIGHT, _RIGHT, _LEFT, _RIGHT)


# the cart's column widths (#, item, qty, price, discounts, amount): the discounts stretch
# on a wide screen; on a narrow one the item's name and the discounts share, the unit
# price hidden
WIDE_COLUMNS = ((0, 40), (1, 200), (2, 52), (3, 90), (5, 100))
NARROW_COLUMNS = ((0, 30), (2, 44), (5, 84))


class CartModel(QAbstractTableModel):
    """The priced cart as table rows. The cells' text is made once per pricing, so the
    view's many data() calls while painting are list look-ups."""

    HEADERS = (N_("#"), N_("Item"), N_("Qty"), N_("Price"), N_("Discounts"), N_("Amount"))

    def __init__(self) -> None:
        super().__init__()
        self.priced: PricedCart | None = None
        self.rows: list[tuple[str, str, str, str, str, str]] = []
        self._headers = [_(h) for h in self.HEADERS]

    def set_priced(self, priced: PricedCart | None) -> None:
        old = len(self.rows)
        rows = [
            (
                str(ln.no),
                ln.name,
                str(ln.qty),
                f"{ln.unit_price:.2f}",
                "\n".join(f"{discount_label(d)} −{d.amount:.2f}" for d in ln.discounts),
                f"{ln.amount:.2f}",
            )
            for ln in (priced.lines if priced else [])
        ]
        if len(rows) == old + 1 and old > 0:
            changed = [i for i in range(old) if rows[i] != self.rows[i]]
            self.priced = priced
            self.beginInsertRows(QModelIndex(), old, old)
            self.rows = rows
            self.endInsertRows()
            if changed:
                self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], 5))
            return
        self.beginResetModel()
        self.priced = priced
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY
    ) -> Any:
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if role == _DISPLAY:
            return self.rows[index.row()][index.column()]
        if role == _ALIGN:
            return _ALIGNS[index.column()]
        if role == _TIP and index.column() == 4 and self.priced is not None:
            ln = self.priced.lines[index.row()]
            return "\n".join(
                f"{discount_label(d)} ({discount_source(d.source)}) −{d.amount:.2f}"
                for d in ln.discounts
            )
        if role == _TIP and index.column() == 1:  # the whole name and the unit price
            row = self.rows[index.row()]
            return f"{row[1]} · {_('Price')} {row[3]}"
        return None


class CheckoutScreen(Screen):
    name = "checkout"
    key = "F2"
    label = N_("Checkout")
    title_text = N_("Checkout")
    keys = (
        ("F3", N_("Quantity of the selected line")),
        ("F4", N_("Void the selected line")),
        ("F5", N_("Price override (supervisor)")),
        ("F6", N_("Member: card or phone")),
        ("F7", N_("Coupon")),
        ("F12", N_("Pay")),
        ("Ctrl+G", N_("Park the cart (挂单)")),
        ("Ctrl+Q", N_("Recall a parked cart (取单)")),
        ("Ctrl+N", N_("Cancel the whole sale, with a reason (整单取消)")),
        ("Ctrl+M", N_("Detach the member")),
        ("Ctrl+J", N_("Price check (查价), nothing added")),
        ("Ctrl+P", N_("Reprint the last receipt (supervisor)")),
        ("Ctrl+O", N_("Open the cash drawer, no sale (a reason)")),
        ("Ctrl+T", N_("Manual discount on the line or the sale (supervisor)")),
    )

    @classmethod
    def make(cls, ctx: Context, shell: Shell) -> CheckoutScreen:
        return cls(ctx, shell.start_payment)

    def __init__(self, ctx: Context, on_pay: Callable[[Cart, PricedCart], None]) -> None:
        super().__init__(ctx)
        self.on_pay = on_pay
        self.cart = Cart()
        self.priced: PricedCart | None = None
        self.gift_stock: dict[str, int] | None = None
        self.scan_times: list[float] = []  # when each pending scan arrived (bench)
        self.confirming: QDialog | None = None  # the question asked, if any
        self.recalling: RecallDialog | None = None
        self.checking: PriceCheckDialog | None = None
        self.pending_qty = 1  # 数量: "3*" typed before a code
        self.line_visible: Callable[[float], None] | None = None

        root = QHBoxLayout(self)
        left = QVBoxLayout()
        head = QHBoxLayout()
        head.addWidget(title(_("Checkout")))
        self.last_sale = role_label("ok")
        self.last_sale.setObjectName("last_sale")
        self.last_sale.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(self.last_sale, 1)
        left.addLayout(head)
        entry = QHBoxLayout()
        self.code_field = QLineEdit()
        self.code_field.setObjectName("item_code")
        self.code_field.setPlaceholderText(_("Scan or type a barcode / SKU, Enter"))
        self.code_field.returnPressed.connect(self._typed_code)
        entry.addWidget(self.code_field, 1)
        left.addLayout(entry)
        self.message = Banner()  # problems next to the cart, large, with a sound
        self.message.setObjectName("message")
        left.addWidget(self.message)
        self.model = CartModel()
        self.table = QTableView()
        self.table.setObjectName("cart")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)  # discounts are one per line; no wrapping to lay out
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for col, w in WIDE_COLUMNS:
            self.table.setColumnWidth(col, w)
        self.table.verticalHeader().setDefaultSectionSize(self.row_height(0))
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        left.addWidget(self.table, 1)
        totals = QGridLayout()
        self.list_total = QLabel()
        self.discount_total = QLabel()
        self.total = role_label("total")
        self.total.setObjectName("total")
        totals.addWidget(QLabel(_("List price")), 0, 0)
        totals.addWidget(self.list_total, 0, 1)
        totals.addWidget(QLabel(_("Discounts")), 1, 0)
        totals.addWidget(self.discount_total, 1, 1)
        totals.addWidget(QLabel(_("To pay")), 2, 0)
        totals.addWidget(self.total, 2, 1)
        left.addLayout(totals)
        root.addLayout(left, 5)

        # The member, coupon and counter tools scroll in their own pane, so that on a low
        # screen (1366x768, 800x600) the total and Pay never leave the window.
        tools = QWidget()
        tools.setObjectName("checkout_tools")
        right = QVBoxLayout(tools)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(QLabel(_("Member (card or phone)")))
        self.member_field = QLineEdit()
        self.member_field.setObjectName("member_field")
        self.member_field.setPlaceholderText(_("Swipe / tap / insert, or type card or phone"))
        self.member_field.returnPressed.connect(self._member_typed)
        right.addWidget(self.member_field)
        self.member_info = role_label("card", _("No member"))
        self.member_info.setObjectName("member_info")
        self.member_info.setTextFormat(Qt.TextFormat.RichText)
        right.addWidget(self.member_info)
        self.greeting = role_label("greeting")
        self.greeting.setObjectName("greeting")
        right.addWidget(self.greeting)
        right.addWidget(QLabel(_("Coupon")))
        self.coupon_field = QLineEdit()
        self.coupon_field.setObjectName("coupon_field")
        self.coupon_field.setPlaceholderText(_("Type or scan the coupon code"))
        self.coupon_field.returnPressed.connect(lambda: self.set_coupon(self.coupon_field.text()))
        right.addWidget(self.coupon_field)
        qty_row = QHBoxLayout()
        self.qty = QSpinBox()
        self.qty.setObjectName("qty")
        self.qty.setRange(1, 9999)
        qty_row.addWidget(QLabel(_("Qty")))
        qty_row.addWidget(self.qty, 1)
        self.qty_button = button(_("Set qty"), "F3")
        self.qty_button.clicked.connect(self.set_qty)
        qty_row.addWidget(self.qty_button)
        right.addLayout(qty_row)
        price_row = QHBoxLayout()
        self.price_field = QLineEdit()
        self.price_field.setObjectName("override_price")
        self.price_field.setPlaceholderText(_("New unit price"))
        price_row.addWidget(self.price_field, 1)
        self.price_button = button(_("Override"), "F5")
        self.price_button.clicked.connect(self.override_price)
        price_row.addWidget(self.price_button)
        right.addLayout(price_row)
        self.void_button = button(_("Void line"), "F4", danger=True)
        self.void_button.clicked.connect(self.void_line)
        right.addWidget(self.void_button)
        ops = QGridLayout()
        self.park_button = button(_("Park"), "Ctrl+G")
        self.park_button.setObjectName("park")
        self.park_button.clicked.connect(lambda: self.park())
        self.recall_button = button(_("Recall"), "Ctrl+Q")
        self.recall_button.setObjectName("recall")
        self.recall_button.clicked.connect(self.recall)
        self.cancel_button = button(_("Cancel sale"), "Ctrl+N", danger=True)
        self.cancel_button.setObjectName("cancel_sale")
        self.cancel_button.clicked.connect(self.cancel_sale)
        self.detach_button = button(_("Detach member"), "Ctrl+M")
        self.detach_button.setObjectName("detach_member")
        self.detach_button.clicked.connect(self.detach_member)
        ops.addWidget(self.park_button, 0, 0)
        ops.addWidget(self.recall_button, 0, 1)
        self.check_button = button(_("Price check"), "Ctrl+J")
        self.check_button.setObjectName("price_check")
        self.check_button.clicked.connect(self.price_check)
        self.reprint_button = button(_("Reprint"), "Ctrl+P")
        self.reprint_button.setObjectName("reprint")
        self.reprint_button.clicked.connect(self.reprint_last)
        self.drawer_button = button(_("Open drawer"), "Ctrl+O")
        self.drawer_button.setObjectName("no_sale")
        self.drawer_button.clicked.connect(self.open_drawer)
        ops.addWidget(self.detach_button, 1, 0)
        ops.addWidget(self.cancel_button, 1, 1)
        ops.addWidget(self.check_button, 2, 0)
        ops.addWidget(self.reprint_button, 2, 1)
        self.discount_button = button(_("Discount"), "Ctrl+T")
        self.discount_button.setObjectName("discount")
        self.discount_button.clicked.connect(self.manual_discount)
        ops.addWidget(self.drawer_button, 3, 0)
        ops.addWidget(self.discount_button, 3, 1)
        right.addLayout(ops)
        right.addStretch(1)
        self.tools = ToolsPane()
        self.tools.setObjectName("checkout_tools_pane")
        self.tools.setWidgetResizable(True)
        self.tools.setFrameShape(QFrame.Shape.NoFrame)
        self.tools.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tools.setWidget(tools)
        side = QVBoxLayout()
        side.addWidget(self.tools, 1)
        self.pay_button = button(_("Pay"), "F12", accent=True)
        self.pay_button.setObjectName("pay_button")
        self.pay_button.setMinimumHeight(72)
        self.pay_button.clicked.connect(self.pay)
        side.addWidget(self.pay_button)
        root.addLayout(side, 3)
        self.refresh()

    def fit_width(self, narrow: bool) -> None:
        """On a narrow screen (800 px) the cart shows every column it keeps without
        scrolling sideways: the item's name and its discounts share the room left (elided,
        whole in their tooltips), the unit price is left to the price check, the tooltip
        and the receipt."""
        hh = self.table.horizontalHeader()
        self.table.setColumnHidden(3, narrow)
        hh.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch if narrow
                                else QHeaderView.ResizeMode.Interactive)
        widths = NARROW_COLUMNS if narrow else WIDE_COLUMNS
        for col, w in widths:
            self.table.setColumnWidth(col, w)
        self.table.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if narrow
            else Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def row_height(self, discounts: int) -> int:
        line = self.table.fontMetrics().lineSpacing()
        return max(2, discounts) * line + 14

    # ------------------------------------------------------------------ events
    def on_show(self) -> None:
        self.code_field.setFocus()
        if self.ctx.terminal.program.gifts:
            self.read_gift_stock()

    def on_key(self, key: str) -> bool:
        if self.confirming is not None:  # a question is open: Esc keeps, nothing else
            if key == "Esc":
                self.confirming.reject()
            return True
        self.message.clear()  # the next action clears the last message
        actions = {
            "F3": self.set_qty,
            "F4": self.void_line,
            "F5": self.override_price,
            "F6": self.member_field.setFocus,
            "F7": self.coupon_field.setFocus,
            "F12": self.pay,
            "Ctrl+G": self.park,
            "Ctrl+Q": self.recall,
            "Ctrl+N": self.cancel_sale,
            "Ctrl+M": self.detach_member,
            "Ctrl+J": self.price_check,
            "Ctrl+P": self.reprint_last,
            "Ctrl+O": self.open_drawer,
            "Ctrl+T": self.manual_discount,
        }
        fn = actions.get(key)
        if fn is None:
            return False
        fn()
        return True

    def on_scan(self, code: str) -> bool:
        if self.checking is not None:  # price check open: the scan is looked up, not sold
            self.checking.look_up(code)
            return True
        self.scan_times.append(time.perf_counter())
        self.add_code(code)
        return True

    def on_card(self, card: PresentedCard) -> bool:
        self.attach_member(card.identifier, card=True, holder=card.holder)
        return True

    def _typed_code(self) -> None:
        """A typed code; ``3*CODE`` (数量) rings up three at once."""
        text = self.code_field.text().strip()
        self.code_field.clear()
        qty, star, code = text.partition("*")
        if star and qty.isdigit() and code.strip():
            n = int(qty)
            if not 1 <= n <= sales.MAX_QTY:
                set_message(self.message, _("Quantity must be 1 to %1").replace(
                    "%1", str(sales.MAX_QTY)))
                return
            self.pending_qty = n
            self.add_code(code.strip())
        elif text:
            self.add_code(text)

    # ------------------------------------------------------------------ actions
    def add_code(self, code: str) -> None:
        """A scanned or typed code: an item, else a coupon, else a member card."""
        self.message.clear()
        if not self.cart.lines:
            self.last_sale.clear()  # a new sale: the last one's line goes
        t = self.ctx.terminal
        # An item is looked up right here: one indexed read that begins deferred, so in WAL
        # mode it never waits for a sale being written (a fraction of a millisecond), and
        # the hop to the database thread and back (about 5 ms) stays out of scan -> line.
        with t.read() as s:
            item = catalog.cart_item(s, code)
        if item is not None:
            self.add_item(code, item)
            return

        def done(res: tuple[str, Any]) -> None:
            kind, value = res
            if kind == "item":
                self.add_item(code, value)
            elif kind == "coupon":
                self.set_coupon(value)
            else:
                self._show_member(value)

        Op(self.ctx, checkout_ops.look_up_code, t, code).success(done).failure(self.fail).run()

    def add_item(self, code: str, item: CartItem) -> None:
        """One more of ``item``: on its line where the same item is already in the cart
        with its own price (terminal.toml's ``[counter] same_item = "new_line"`` keeps
        separate lines), else on a new line."""
        before = self.cart.snapshot()
        n, self.pending_qty = self.pending_qty, 1
        row = None if self.ctx.counter.same_item_new_line else self.cart.line_of(item)
        if row is None:
            self.cart.lines.append(CartLine(code, replace(item, qty=n) if n != 1 else item))
            row = len(self.cart.lines) - 1
        else:
            ln = self.cart.lines[row]
            if ln.item.qty + n > sales.MAX_QTY:
                set_message(self.message, _("At most %1 of one item").replace(
                    "%1", str(sales.MAX_QTY)))
                return
            ln.item = replace(ln.item, qty=ln.item.qty + n)
        self.refresh(select=row, scanned=True, before=before)

    def attach_member(self, text: str, card: bool = False, holder: bytes | None = None) -> None:
        if not text.strip():
            return
        ctx = self.ctx
        Op(ctx, member_ops.look_up, ctx.terminal, text, card, holder).success(
            self._show_member).failure(self.fail).run()

    def _member_typed(self) -> None:
        self.attach_member(self.member_field.text())

    def _show_member(self, m: dict[str, Any]) -> None:
        self.cart.member = m
        self.cart.member_card = m["card"]
        self.member_field.clear()
        self.member_info.setText(member_html(m))
        self.greeting.setText(
            _("Happy birthday, %1!").replace("%1", m["name"] or "") if m["birthday_today"] else ""
        )
        self.message.clear()
        self.refresh()
        self.code_field.setFocus()

    def set_coupon(self, code: str) -> None:
        """A coupon typed or scanned: checked at once against the cart (unknown, dates,
        used here or elsewhere, one per receipt, the spend reached) and refused with the
        reason, changing nothing. An empty field takes the coupon off."""
        code = code.strip()
        if not code:
            if self.cart.coupon:
                old, self.cart.coupon = self.cart.coupon, None
                self.refresh()
                set_message(self.message, _("Coupon %1 taken off").replace("%1", old), ok=True)
            self.coupon_field.clear()
            return
        if code == self.cart.coupon:
            self.coupon_field.setText(code)
            return
        t = self.ctx.terminal
        cart = self.cart

        def done(used: set[str]) -> None:
            if cart is not self.cart:
                return  # the sale was finished or parked meanwhile
            try:
                priced = check_coupon(
                    t.program, [ln.item for ln in cart.lines], t.now(), code,
                    tier_code=cart.member["tier"] if cart.member else None,
                    used_coupons=used, current=cart.coupon,
                )
            except PricingError as e:
                self.coupon_field.setText(cart.coupon or "")
                set_message(self.message, _("Coupon %1 refused: %2")
                            .replace("%1", code).replace("%2", error_text(e)))
                return
            cart.coupon, cart.used_coupons = code, used
            self.refresh()
            self.coupon_field.setText(code)
            off = sum((d.amount for ln in priced.lines for d in ln.discounts
                       if d.source == "coupon"), Decimal("0"))
            set_message(self.message, _("Coupon %1 applied: %2 off")
                        .replace("%1", code).replace("%2", money_text(off)), ok=True)

        Op(self.ctx, checkout_ops.used_coupons, self.ctx.terminal).success(done).failure(
            self.fail
        ).run()

    def selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            return rows[0].row()
        return len(self.cart.lines) - 1

    def set_qty(self) -> None:
        row = self.selected_row()
        if row < 0:
            return
        before = self.cart.snapshot()
        ln = self.cart.lines[row]
        ln.item = replace(ln.item, qty=self.qty.value())
        self.refresh(select=row, before=before)

    def void_line(self) -> None:
        """Void the selected line after the cashier confirms (a second F4 while asked
        voids nothing more)."""
        row = self.selected_row()
        if row < 0 or self.confirming is not None:
            return
        ln = self.cart.lines[row]
        text = (_("Void line %1: %2 × %3?")
                .replace("%1", str(row + 1)).replace("%2", ln.item.name)
                .replace("%3", str(ln.item.qty)))

        def yes() -> None:
            if row < len(self.cart.lines) and self.cart.lines[row] is ln:
                before = self.cart.snapshot()
                del self.cart.lines[row]
                self.refresh(select=min(row, len(self.cart.lines) - 1), before=before)

        self.confirm(text, _("Void line"), yes)

    def confirm(self, text: str, action: str, yes: Callable[[], None]) -> None:
        """Ask before a destructive action: Enter does it, Esc keeps things as they are.
        One question at a time; keys pressed while it is open do nothing else."""
        dlg = ConfirmDialog(self, text, action)
        self.confirming = dlg

        def finished(result: int) -> None:
            self.confirming = None
            dlg.deleteLater()
            if result == QDialog.DialogCode.Accepted:
                yes()
            self.code_field.setFocus()

        dlg.finished.connect(finished)
        dlg.open()

    def override_price(self) -> None:
        row = self.selected_row()
        if row < 0:
            return
        try:
            price = parse_money(self.price_field.text())
        except MoneyError as e:
            set_message(self.message, e)
            return

        def approved(approver: Operator | None) -> None:
            if approver is not None:
                self.cart.approver = approver
            if row >= len(self.cart.lines):
                return
            before = self.cart.snapshot()
            ln = self.cart.lines[row]
            ln.item = replace(ln.item, override_price=price)
            self.price_field.clear()
            self.refresh(select=row, before=before)

        self.approval = ask_approval(self.ctx, self, "price_override", approved)

    def manual_discount(self) -> None:
        """手工折扣 on the selected line or the whole sale, a supervisor approving."""
        row = self.selected_row()
        if row < 0 or self.confirming is not None:
            if row < 0:
                set_message(self.message, _("The cart is empty"))
            return
        ln = self.cart.lines[row]
        dlg = DiscountDialog(self, _("Line %1: %2").replace("%1", str(row + 1))
                             .replace("%2", ln.item.name))
        self.confirming = dlg

        def apply(rate: Decimal, whole: bool, approver: Operator | None) -> None:
            if approver is not None:
                self.cart.approver = approver
            before = self.cart.snapshot()
            rows = range(len(self.cart.lines)) if whole else [row]
            for r in rows:
                if r < len(self.cart.lines):
                    x = self.cart.lines[r]
                    x.item = replace(x.item, manual_rate=rate)
            if self.refresh(select=row, before=before):
                set_message(self.message, _("Manual discount %1折 applied").replace(
                    "%1", f"{rate * 10:g}"), ok=True)

        def finished(result: int) -> None:
            self.confirming = None
            dlg.deleteLater()
            rate = dlg.rate
            if result == QDialog.DialogCode.Accepted and rate is not None:
                whole = dlg.whole.isChecked()
                self.approval = ask_approval(self.ctx, self, "manual_discount",
                                             lambda a: apply(rate, whole, a))

        dlg.finished.connect(finished)
        dlg.open()

    def pay(self) -> None:
        if not self.cart.lines or self.priced is None:
            set_message(self.message, _("The cart is empty"))
            return
        ensure_shift(self.ctx, self, _("a sale"), self._to_payment, self.fail)

    def _to_payment(self) -> None:
        if self.cart.lines and self.priced is not None:
            self.on_pay(self.cart, self.priced)

    # ------------------------------------------------------------------ park / recall
    def park(self, then: Callable[[], None] | None = None) -> None:
        """Put the cart aside (挂单), kept in the ledger until recalled; the counter is
        free for the next customer. ``then`` runs once it is parked (log-out)."""
        cart, priced = self.cart, self.priced
        if not cart.lines or priced is None:
            if then is not None:
                then()
            else:
                set_message(self.message, _("The cart is empty"))
            return
        ctx = self.ctx
        t, who = ctx.terminal, ctx.who
        lines = [parking.ParkedLine(ln.code, ln.item.qty, ln.item.override_price,
                                    ln.item.manual_rate) for ln in cart.lines]

        def done(p: parking.Parked) -> None:
            if cart is self.cart:
                self.clear()
            set_message(self.message, _("Cart parked as no. %1 (%2 items, %3): Ctrl+Q recalls it")
                        .replace("%1", str(p.id)).replace("%2", str(p.items))
                        .replace("%3", money_text(p.total)), ok=True)
            if then is not None:
                then()

        Op(ctx, checkout_ops.park_cart, t, who, lines, priced.total, cart.member_card,
           cart.coupon, cart.approver.code if cart.approver else None
           ).success(done).failure(self.fail).run()

    def recall(self) -> None:
        """Choose a parked cart and take it back onto the counter (取单), priced afresh."""
        if self.cart.lines:
            set_message(self.message, _("Finish or park this sale first (Ctrl+G)"))
            return
        t = self.ctx.terminal

        def chosen(waiting: list[parking.Parked]) -> None:
            if not waiting:
                set_message(self.message, _("No cart is parked"))
                return
            dlg = RecallDialog(self, waiting, t.program.timezone)
            self.recalling = dlg

            def finished(result: int) -> None:
                self.recalling = None
                dlg.deleteLater()
                p = dlg.chosen()
                if result == QDialog.DialogCode.Accepted and p is not None:
                    self._take_back(p)

            dlg.finished.connect(finished)
            dlg.open()

        Op(self.ctx, checkout_ops.parked_carts, t).success(chosen).failure(self.fail).run()

    def _take_back(self, p: parking.Parked) -> None:
        ctx = self.ctx
        t, who = ctx.terminal, ctx.who

        def done(back: checkout_ops.Recalled) -> None:
            cart = Cart(coupon=back.coupon, used_coupons=back.used_coupons,
                        approver=back.approver)
            cart.lines = [CartLine(code, item) for code, item in back.lines]
            if back.member is not None:
                cart.member = back.member
                cart.member_card = back.member["card"]
            gone = back.gone
            self.cart = cart
            self._member_panel()
            self.coupon_field.setText(cart.coupon or "")
            self.refresh(select=len(cart.lines) - 1)
            text = _("Parked cart no. %1 recalled").replace("%1", str(p.id))
            if gone:
                text += " · " + _("left out: %1").replace("%1", "; ".join(gone))
            if not self.message.text():
                set_message(self.message, text, ok=not gone)

        Op(ctx, checkout_ops.recall_cart, t, who, p, error_text
           ).success(done).failure(self.fail).run()

    # ------------------------------------------------------------------ cancel, detach
    def cancel_sale(self) -> None:
        """整单取消: the whole cart goes, after the cashier confirms with a reason; a
        supervisor approves above the set amount; the audit log keeps what it was."""
        cart, priced = self.cart, self.priced
        if not cart.lines or priced is None or self.confirming is not None:
            if not cart.lines:
                set_message(self.message, _("The cart is empty"))
            return
        ctx = self.ctx
        t, who = ctx.terminal, ctx.who
        dlg = ReasonDialog(
            self,
            _("Cancel the whole sale: %1 items, %2?")
            .replace("%1", str(sum(ln.item.qty for ln in cart.lines)))
            .replace("%2", money_text(priced.total)),
            _("Cancel sale"),
            [_(r) for r in CANCEL_REASONS],
        )
        self.confirming = dlg
        lines = [(ln.code, ln.item.qty) for ln in cart.lines]
        total = priced.total

        def cancel(reason: str, approver: Operator | None) -> None:
            def done(_r: None) -> None:
                if cart is self.cart:
                    self.clear()
                set_message(self.message, _("Sale cancelled: %1").replace("%1", reason), ok=True)

            Op(ctx, checkout_ops.cancel_sale, t, who, lines, total, reason, approver,
               cart.member_card).success(done).failure(self.fail).run()

        def finished(result: int) -> None:
            self.confirming = None
            dlg.deleteLater()
            if result != QDialog.DialogCode.Accepted:
                return
            reason = dlg.text()
            self.approval = ask_approval(ctx, self, counter.cancel_action(total),
                                         lambda a: cancel(reason, a))

        dlg.finished.connect(finished)
        dlg.open()

    def detach_member(self) -> None:
        """Take the member off the sale (the wrong card was read); prices follow."""
        if self.cart.member is None:
            set_message(self.message, _("No member is attached"))
            return
        self.cart.member = None
        self.cart.member_card = None
        self._member_panel()
        self.refresh()
        set_message(self.message, _("Member detached"), ok=True)

    # ------------------------------------------------------------------ price, reprint, drawer
    def price_check(self) -> None:
        """查价: a dialog that prices what is scanned or typed, adding nothing."""
        if self.checking is not None:
            return
        m = self.cart.member
        dlg = PriceCheckDialog(self.ctx, self, m["tier"] if m else None)
        self.checking = dlg

        def finished(_r: int) -> None:
            self.checking = None
            dlg.deleteLater()
            self.code_field.setFocus()

        dlg.finished.connect(finished)
        dlg.open()

    def reprint_last(self) -> None:
        """The last receipt printed here again, marked 重印 / REPRINT (a supervisor
        approves; audited)."""
        ctx = self.ctx
        t, who = ctx.terminal, ctx.who

        def approved(approver: Operator | None) -> None:
            def done(p: printing.Printout) -> None:
                ctx.devices.print_receipt(p.receipt_no, p.escpos, p.text)
                set_message(self.message, _("Receipt %1 reprinted").replace(
                    "%1", p.receipt_no), ok=True)

            Op(ctx, checkout_ops.reprint_last, t, who, approver
               ).success(done).failure(self.fail).run()

        self.approval = ask_approval(ctx, self, "reprint", approved)

    def open_drawer(self) -> None:
        """The drawer opened with no sale, after a reason is given (audited)."""
        if self.confirming is not None:
            return
        ctx = self.ctx
        t, who = ctx.terminal, ctx.who
        dlg = ReasonDialog(self, _("Open the cash drawer with no sale?"), _("Open drawer"),
                           [_(r) for r in NO_SALE_REASONS], keep=_("Cancel"))
        self.confirming = dlg

        def finished(result: int) -> None:
            self.confirming = None
            dlg.deleteLater()
            if result != QDialog.DialogCode.Accepted:
                return
            reason = dlg.text()

            def done(_r: None) -> None:
                ctx.devices.kick_drawer()
                set_message(self.message, _("Drawer opened: %1").replace("%1", reason), ok=True)

            Op(ctx, checkout_ops.open_drawer, t, who, reason
               ).success(done).failure(self.fail).run()

        dlg.finished.connect(finished)
        dlg.open()

    def _member_panel(self) -> None:
        m = self.cart.member
        self.member_info.setText(member_html(m) if m else _("No member"))
        self.greeting.setText(
            _("Happy birthday, %1!").replace("%1", m["name"] or "")
            if m and m["birthday_today"] else ""
        )

    def clear(self) -> None:
        self.cart = Cart()
        self.member_info.setText(_("No member"))
        self.greeting.clear()
        self.coupon_field.clear()
        self.refresh()

    def fail(self, e: Exception) -> None:
        set_message(self.message, e)

    # ------------------------------------------------------------------ pricing
    def price(self) -> PricedCart | None:
        if not self.cart.lines:
            return None
        t = self.ctx.terminal
        self.cart.gift_stock = self.gift_stock
        return self.cart.quote(t.program, t.now())

    def read_gift_stock(self) -> None:
        """The store's gifts on hand, read when the counter is shown (after each sale):
        a 满赠 is quoted with what is in stock, as the sale will give it."""
        def got(stock: dict[str, int]) -> None:
            self.gift_stock = stock
            if self.cart.lines:
                self.refresh()

        Op(self.ctx, checkout_ops.gift_stock, self.ctx.terminal).success(got).failure(
            self.fail).run()

    def refresh(
        self,
        select: int | None = None,
        scanned: bool = False,
        keep_message: bool = False,
        before: list[CartLine] | None = None,
    ) -> bool:
        """Price the cart and show it. Where the change just made cannot be priced, the
        screen never shows a cart that is not the sale: a coupon the cart no longer
        qualifies for comes off (and the cashier is told why); anything else puts the
        lines back as they were (``before``) with the reason. False: the change was
        refused."""
        ok = True
        note: str | BaseException = ""
        try:
            priced = self.price()
        except (PricingError, PosError) as e:
            priced, dropped = self._without_coupon(e)
            note = dropped
            if not dropped:
                ok = False
                if before is not None:
                    self.cart.lines = before
                try:
                    priced = self.price()
                except (PricingError, PosError):
                    priced = None  # nothing sensible to show: the cart goes
                    self.cart.lines = []
                note = e
        self.show_priced(priced)
        if note:
            set_message(self.message, note)
        elif not keep_message:
            self.message.clear()
        row = select
        if row is not None and 0 <= row < len(self.cart.lines):
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
            self.qty.setValue(self.cart.lines[row].item.qty)
        if scanned and self.scan_times:
            at = self.scan_times.pop(0)
            if self.line_visible is not None:
                self.line_visible(at)
        return ok

    def _without_coupon(self, e: Exception) -> tuple[PricedCart | None, str]:
        """Where the coupon is why the cart cannot be priced: the cart without it, and
        what to tell the cashier; else (None, "")."""
        code = self.cart.coupon
        if not code:
            return None, ""
        self.cart.coupon = None
        try:
            priced = self.price()
        except (PricingError, PosError):
            self.cart.coupon = code
            return None, ""
        self.coupon_field.clear()
        return priced, _("Coupon %1 taken off: %2").replace("%1", code).replace(
            "%2", error_text(e))

    def show_priced(self, priced: PricedCart | None) -> None:
        self.priced = priced
        self.model.set_priced(priced)
        if priced is not None:
            # a line grows with its discounts (every yuan of discount visible); sizes are
            # set here, row by row, not measured by the view (which would ask every cell)
            vh = self.table.verticalHeader()
            for r, ln in enumerate(priced.lines):
                h = self.row_height(len(ln.discounts))
                if vh.sectionSize(r) != h:
                    vh.resizeSection(r, h)
        if priced is None:
            self.list_total.setText(money_text(Decimal("0")))
            self.discount_total.setText(money_text(Decimal("0")))
            self.total.setText(money_text(Decimal("0")))
            self.ctx.devices.show_text(_("Welcome"))
        else:
            self.list_total.setText(money_text(priced.list_total))
            self.discount_total.setText("−" + money_text(priced.discount_total))
            self.total.setText(money_text(priced.total))
            last = priced.lines[-1]
            self.ctx.devices.show_item(last.name, last.amount)
