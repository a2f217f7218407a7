"""Checkout: scan goods, quantity, line void, price override (approved), member by card
or phone, coupon typed or scanned, every discount per line, the pole display follows."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
)

from pos_app.core import catalog, sales
from pos_app.core.errors import PosError
from pos_app.core.money import MoneyError, parse_money
from pos_app.core.pricing import CartItem, PricedCart, PricingError, quote
from pos_app.core.program import Program
from pos_app.core.staff import Operator
from pos_app.ui.approval import ask_approval
from pos_app.ui.context import Context
from pos_app.ui.device_bridge import PresentedCard
from pos_app.ui.feedback import Banner
from pos_app.ui.i18n_util import N_, _
from pos_app.ui.labels import discount_label, discount_source, tier_label
from pos_app.ui.operations import Op
from pos_app.ui.operations import checkout as checkout_ops
from pos_app.ui.operations import members as member_ops
from pos_app.ui.screen import Screen, Shell
from pos_app.ui.widgets import button, money_text, role_label, set_message, title

_Index = QModelIndex | QPersistentModelIndex


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

    def requests(self) -> list[sales.LineRequest]:
        return [
            sales.LineRequest(ln.code, ln.item.qty, ln.item.override_price) for ln in self.lines
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
    )

    @classmethod
    def make(cls, ctx: Context, shell: Shell) -> CheckoutScreen:
        return cls(ctx, shell.start_payment)

    def __init__(self, ctx: Context, on_pay: Callable[[Cart, PricedCart], None]) -> None:
        super().__init__(ctx)
        self.on_pay = on_pay
        self.cart = Cart()
        self.priced: PricedCart | None = None
        self.scan_times: list[float] = []  # when each pending scan arrived (bench)
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
        for col, w in ((0, 40), (1, 200), (2, 52), (3, 90), (5, 100)):
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

        right = QVBoxLayout()
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
        right.addStretch(1)
        self.pay_button = button(_("Pay"), "F12", accent=True)
        self.pay_button.setObjectName("pay_button")
        self.pay_button.setMinimumHeight(72)
        self.pay_button.clicked.connect(self.pay)
        right.addWidget(self.pay_button)
        root.addLayout(right, 3)
        self.refresh()

    def row_height(self, discounts: int) -> int:
        line = self.table.fontMetrics().lineSpacing()
        return max(2, discounts) * line + 14

    # ------------------------------------------------------------------ events
    def on_show(self) -> None:
        self.code_field.setFocus()

    def on_key(self, key: str) -> bool:
        self.message.clear()  # the next action clears the last message
        actions = {
            "F3": self.set_qty,
            "F4": self.void_line,
            "F5": self.override_price,
            "F6": self.member_field.setFocus,
            "F7": self.coupon_field.setFocus,
            "F12": self.pay,
        }
        fn = actions.get(key)
        if fn is None:
            return False
        fn()
        return True

    def on_scan(self, code: str) -> bool:
        self.scan_times.append(time.perf_counter())
        self.add_code(code)
        return True

    def on_card(self, card: PresentedCard) -> bool:
        self.attach_member(card.identifier, card=True)
        return True

    def _typed_code(self) -> None:
        code = self.code_field.text().strip()
        self.code_field.clear()
        if code:
            self.add_code(code)

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
            self.cart.lines.append(CartLine(code, item))
            self.refresh(select_last=True)
            return

        def done(res: tuple[str, Any]) -> None:
            kind, value = res
            if kind == "item":
                self.cart.lines.append(CartLine(code, value))
                self.refresh(select_last=True)
            elif kind == "coupon":
                self.set_coupon(value)
            else:
                self._show_member(value)

        Op(self.ctx, checkout_ops.look_up_code, t, code).success(done).failure(self.fail).run()

    def attach_member(self, text: str, card: bool = False) -> None:
        if not text.strip():
            return
        ctx = self.ctx
        Op(ctx, member_ops.look_up, ctx.terminal, text, card).success(self._show_member).failure(
            self.fail
        ).run()

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
        code = code.strip()
        if not code:
            self.cart.coupon = None
            self.refresh()
            return
        def done(used: set[str]) -> None:
            old = (self.cart.coupon, self.cart.used_coupons)
            self.cart.coupon, self.cart.used_coupons = code, used
            if not self.refresh():
                self.cart.coupon, self.cart.used_coupons = old
                self.refresh(keep_message=True)
                return
            self.coupon_field.setText(code)
            set_message(self.message, _("Coupon %1 applied").replace("%1", code), ok=True)

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
        ln = self.cart.lines[row]
        ln.item = replace(ln.item, qty=self.qty.value())
        self.refresh(select=row)

    def void_line(self) -> None:
        row = self.selected_row()
        if row < 0:
            return
        del self.cart.lines[row]
        self.refresh(select=min(row, len(self.cart.lines) - 1))

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
            ln = self.cart.lines[row]
            ln.item = replace(ln.item, override_price=price)
            self.price_field.clear()
            self.refresh(select=row)

        self.approval = ask_approval(self.ctx, self, "price_override", approved)

    def pay(self) -> None:
        if not self.cart.lines or self.priced is None:
            set_message(self.message, _("The cart is empty"))
            return
        self.on_pay(self.cart, self.priced)

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
        return self.cart.quote(t.program, t.now())

    def refresh(
        self, select: int | None = None, select_last: bool = False, keep_message: bool = False
    ) -> bool:
        ok = True
        try:
            priced = self.price()
        except (PricingError, PosError) as e:
            set_message(self.message, e)
            return False
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
        if not keep_message and ok:
            self.message.clear()
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
        row = len(self.cart.lines) - 1 if select_last else select
        if row is not None and row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
            self.qty.setValue(self.cart.lines[row].item.qty)
        if select_last and self.scan_times and self.line_visible is not None:
            self.line_visible(self.scan_times.pop(0))
        elif select_last and self.scan_times:
            self.scan_times.pop(0)
        return ok
