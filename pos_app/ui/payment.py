"""Payment: split tenders (points, stored value, cash with change, bank-card reference,
other); stored value asks for the member's card; the stored-value pay discount shown
before it is chosen; receipt printed and the drawer opened for cash."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pos_app.core import sales
from pos_app.core.errors import PosError
from pos_app.core.money import ZERO, MoneyError, parse_money
from pos_app.core.pricing import PricedCart, PricedGift
from pos_app.core.tenders import (
    Room,
    TenderRequest,
    max_points_value,
    points_value,
    points_within_limit,
)
from pos_app.ui.checkout import Cart
from pos_app.ui.context import Context
from pos_app.ui.device_bridge import PresentedCard
from pos_app.ui.feedback import Banner
from pos_app.ui.i18n_util import N_, _, error_text
from pos_app.ui.operations import Op
from pos_app.ui.operations import payment as payment_ops
from pos_app.ui.operations.payment import SaleDone
from pos_app.ui.screen import Screen, Shell
from pos_app.ui.widgets import button, money_text, role_label, set_message, title

TENDER_NAMES = {
    "points": N_("Points"),
    "stored_value": N_("Stored value"),
    "cash": N_("Cash"),
    "bank_card": N_("Bank card"),
    "other": N_("Other"),
}


class PaymentScreen(Screen):
    name = "payment"
    label = N_("Payment")
    title_text = N_("Payment")
    keys = (
        ("F3", N_("Pay with points")),
        ("F4", N_("Pay with stored value (card presented)")),
        ("F5", N_("Cash")),
        ("F6", N_("Bank card (reference)")),
        ("F7", N_("Other tender")),
        ("Ctrl+R", N_("Remove the last tender")),
        ("F12", N_("Complete the sale")),
    )

    @classmethod
    def make(cls, ctx: Context, shell: Shell) -> PaymentScreen:
        return cls(ctx, shell.payment_done, shell.more_goods)

    def __init__(
        self,
        ctx: Context,
        on_done: Callable[[SaleDone | None], None],
        on_goods: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(ctx)
        self.on_done = on_done
        self.on_goods = on_goods  # an item scanned here: back to the cart with it
        self.cart = Cart()
        self.priced: PricedCart | None = None
        self.priced_sv: PricedCart | None = None
        self.quotes: dict[tuple[str, ...], PricedCart] = {}  # by the tender kinds chosen
        self.tenders: list[TenderRequest] = []
        self.waiting_card = False
        self.sv_card: str | None = None
        self.sv_room: Room | None = None  # what the presented card may pay of this sale
        lay = QVBoxLayout(self)
        lay.addWidget(title(_("Payment")))
        grid = QGridLayout()
        self.total = role_label("total")
        self.total.setObjectName("pay_total")
        grid.addWidget(QLabel(_("Total")), 0, 0)
        grid.addWidget(self.total, 0, 1)
        self.sv_preview = role_label("card")
        self.sv_preview.setObjectName("sv_preview")
        grid.addWidget(self.sv_preview, 1, 0, 1, 2)
        self.member_line = QLabel()
        self.member_line.setWordWrap(True)
        grid.addWidget(self.member_line, 2, 0, 1, 2)
        self.lost = role_label("error")
        self.lost.setObjectName("discount_lost")
        grid.addWidget(self.lost, 3, 0, 1, 2)
        self.gift_line = role_label("card")  # 满赠: the gift this sale gives
        self.gift_line.setObjectName("gift_line")
        grid.addWidget(self.gift_line, 4, 0, 1, 2)
        # 满赠 with a choice: the customer picks among the promotion's gifts in stock
        self.gift_choice_box = QWidget()
        self.gift_choice_box.setObjectName("gift_choices")
        self.gift_choice_form = QFormLayout(self.gift_choice_box)
        self.gift_choice_form.setContentsMargins(0, 0, 0, 0)
        self.gift_choices: dict[str, QComboBox] = {}  # by promotion code
        grid.addWidget(self.gift_choice_box, 5, 0, 1, 2)
        lay.addLayout(grid)
        self.credited = QLineEdit()
        self.credited.setObjectName("credited_staff")
        self.credited.setPlaceholderText(_("Staff code of the assistant (optional)"))
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel(_("Tenders")))
        self.tender_list = QListWidget()
        self.tender_list.setObjectName("tenders")
        self.tender_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        left.addWidget(self.tender_list, 1)
        self.due = role_label("total")
        self.due.setObjectName("due")
        left.addWidget(self.due)
        credited = QHBoxLayout()
        credited.addWidget(QLabel(_("Credited to")))
        credited.addWidget(self.credited, 1)
        self.credited_name = QLabel()  # the assistant's name, as the code is typed
        self.credited_name.setObjectName("credited_name")
        credited.addWidget(self.credited_name)
        left.addLayout(credited)
        self.staff_names: dict[str, str] | None = None  # read once, at the first payment
        self.credited.textChanged.connect(self._show_assistant)
        self.gift_points = QComboBox()  # a gift bought with the member's points
        self.gift_points.setObjectName("gift_for_points")
        self.gift_points.addItem(_("No gift for points"), None)
        for g in ctx.terminal.program.gifts:
            if g.points:
                self.gift_points.addItem(f"{g.name} — {g.points} {_('points')}", g.code)
        gift_row = QHBoxLayout()
        gift_row.addWidget(QLabel(_("Gift for points")))
        gift_row.addWidget(self.gift_points, 1)
        left.addLayout(gift_row)
        # a non-member sale above the program's threshold: was membership offered?
        self.offered = QCheckBox(_("Membership offered to the customer"))
        self.offered.setObjectName("membership_offered")
        left.addWidget(self.offered)
        body.addLayout(left, 3)
        right = QVBoxLayout()
        form = QGridLayout()
        self.amount = QLineEdit()
        self.amount.setObjectName("amount")
        self.amount.setPlaceholderText(_("Amount (empty: the rest)"))
        self.points = QSpinBox()
        self.points.setObjectName("points")
        self.points.setRange(0, 10_000_000)
        self.points.setSingleStep(100)
        self.reference = QLineEdit()
        self.reference.setObjectName("reference")
        self.reference.setPlaceholderText(_("Slip / voucher reference"))
        self.card_field = QLineEdit()
        self.card_field.setObjectName("sv_card")
        self.card_field.setPlaceholderText(_("Present the member card, or type its number"))
        self.card_field.returnPressed.connect(
            lambda: self._card_given(self.card_field.text(), typed=True)
        )
        form.addWidget(QLabel(_("Amount")), 0, 0)
        form.addWidget(self.amount, 0, 1)
        form.addWidget(QLabel(_("Points")), 1, 0)
        form.addWidget(self.points, 1, 1)
        form.addWidget(QLabel(_("Reference")), 2, 0)
        form.addWidget(self.reference, 2, 1)
        form.addWidget(QLabel(_("Member card")), 3, 0)
        form.addWidget(self.card_field, 3, 1)
        right.addLayout(form)
        buttons = QGridLayout()
        self.buttons = {}
        for i, (kind, key) in enumerate(
            (("points", "F3"), ("stored_value", "F4"), ("cash", "F5"),
             ("bank_card", "F6"), ("other", "F7"))
        ):
            b = button(_(TENDER_NAMES[kind]), key)
            b.setObjectName(f"tender_{kind}")
            b.clicked.connect(lambda _c=False, k=kind: self.add_tender(k))
            buttons.addWidget(b, i // 3, i % 3)
            self.buttons[kind] = b
        self.remove_button = button(_("Remove last"), "Ctrl+R")
        self.remove_button.clicked.connect(self.remove_last)
        buttons.addWidget(self.remove_button, 1, 2)
        right.addLayout(buttons)
        self.message = Banner()
        self.message.setObjectName("pay_message")
        right.addWidget(self.message)
        right.addStretch(1)
        row = QHBoxLayout()
        self.back_button = button(_("Back"), "Esc")
        self.back_button.clicked.connect(lambda: self.on_done(None))
        self.complete_button = button(_("Complete"), "F12", accent=True)
        self.complete_button.setObjectName("complete")
        self.complete_button.setMinimumHeight(72)
        self.complete_button.clicked.connect(self.complete)
        row.addWidget(self.back_button)
        row.addWidget(self.complete_button, 1)
        right.addLayout(row)
        body.addLayout(right, 2)
        lay.addLayout(body, 1)

    # ------------------------------------------------------------------ set-up
    def start(self, cart: Cart, priced: PricedCart) -> None:
        self.cart = cart
        self.priced = priced
        self.quotes = {}
        self.priced_sv = self.quote([TenderRequest("stored_value")]) if cart.member else None
        self.tenders = []
        self.sv_card = None
        self.sv_room = None
        self.waiting_card = False
        self.amount.clear()
        self.reference.clear()
        self.card_field.clear()
        self.points.setValue(0)
        self.message.clear()
        has_member = cart.member is not None
        self._gifts_and_offer(cart, priced)
        self._assistants()
        # a supplementary card never pays with the main member's points
        self.buttons["points"].setEnabled(has_member and not (cart.member or {}).get(
            "supplementary"))
        self.buttons["stored_value"].setEnabled(has_member)
        if cart.member:
            m = cart.member
            usable = self.usable_points()
            self.member_line.setText(
                _("Member %1: %2 points (up to %3 usable here), stored value %4")
                .replace("%1", m["name"] or _("Anonymous card"))
                .replace("%2", str(m["points"]))
                .replace("%3", str(usable))
                .replace("%4", money_text(m["stored_value"]["total"]))
            )
        else:
            self.member_line.setText(_("No member: points and stored value need a member"))
        plain = self.quote([])
        if self.priced_sv is not None and self.priced_sv.total != plain.total:
            self.sv_preview.setText(
                _("Paid wholly from stored value: %1 (saves %2)")
                .replace("%1", money_text(self.priced_sv.total))
                .replace("%2", money_text(plain.total - self.priced_sv.total))
            )
            self.sv_preview.show()
        else:
            self.sv_preview.hide()
        self.refresh()

    def _assistants(self) -> None:
        """The staff list the assistant is picked from (typed, chosen, or a badge scan)."""
        def got(names: dict[str, str]) -> None:
            self.staff_names = names
            box = QCompleter(list(names), self.credited)
            box.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
            self.credited.setCompleter(box)
            self._show_assistant()

        if self.staff_names is None:
            Op(self.ctx, payment_ops.assistants, self.ctx.terminal).success(got).failure(
                lambda e: set_message(self.message, e)).run()

    def _show_assistant(self) -> None:
        code = self.credited.text().strip()
        names = self.staff_names or {}
        self.credited_name.setText(names.get(code, "?" if code and names else ""))

    def _gifts_and_offer(self, cart: Cart, priced: PricedCart) -> None:
        """The gift a 满赠 gives (a list to choose from where the promotion offers more
        than one gift in stock, the first in stock chosen), the gift-for-points choice (a
        member's, not a supplementary card's) and the "membership offered" prompt of a
        non-member sale above ``[performance] offer_membership_above``."""
        gifts = [_("Gift: %1 (value %2)").replace("%1", g.name).replace("%2",
                                                                       money_text(g.value))
                 for g in priced.gifts if len(g.choices) < 2]
        gifts += [_("No gift for %1: out of stock").replace("%1", code)
                  for code in priced.gifts_out_of_stock]
        self.gift_line.setText("<br>".join(gifts))
        self.gift_line.setVisible(bool(gifts))
        self._gift_choices([g for g in priced.gifts if len(g.choices) >= 2])
        self.gift_points.setCurrentIndex(0)
        self.gift_points.setEnabled(cart.member is not None and not (cart.member or {}).get(
            "supplementary"))
        above = self.ctx.terminal.program.performance.offer_membership_above
        self.offered.setChecked(False)
        self.offered.setVisible(cart.member is None and above is not None
                                and priced.total >= above)

    def _gift_choices(self, offered: list[PricedGift]) -> None:
        """One list per 满赠 that offers a choice: its gifts in stock, with their value."""
        while self.gift_choice_form.rowCount():
            self.gift_choice_form.removeRow(0)
        self.gift_choices = {}
        program = self.ctx.terminal.program
        for g in offered:
            box = QComboBox()
            box.setObjectName(f"gift_choice_{g.promotion}")
            for code in g.choices:
                gift = program.gift(code)
                name, value = (gift.name, gift.value) if gift else (code, ZERO)
                box.addItem(_("%1 (value %2)").replace("%1", name)
                            .replace("%2", money_text(value)), code)
            box.setCurrentIndex(max(0, box.findData(g.gift)))
            self.gift_choices[g.promotion] = box
            self.gift_choice_form.addRow(
                _("Gift of %1").replace("%1", g.promotion_name), box)
        self.gift_choice_box.setVisible(bool(offered))

    def chosen_gifts(self) -> dict[str, str]:
        """The gift chosen for each 满赠 that offers a choice (promotion → gift)."""
        return {promo: str(box.currentData()) for promo, box in self.gift_choices.items()}

    def on_show(self) -> None:
        self.amount.setFocus()

    def on_key(self, key: str) -> bool:
        self.message.clear()
        kinds = {"F3": "points", "F4": "stored_value", "F5": "cash", "F6": "bank_card",
                 "F7": "other"}
        if key in kinds:
            self.add_tender(kinds[key])
        elif key == "Ctrl+R":
            self.remove_last()
        elif key == "F12":
            self.complete()
        elif key == "Esc":
            self.on_done(None)
        else:
            return False
        return True

    def on_card(self, card: PresentedCard) -> bool:
        self._card_given(card.identifier, typed=False)
        return True

    def on_scan(self, code: str) -> bool:
        """Every scan reaches the sale, whatever field has focus (never the amount): a
        member card's barcode pays by stored value when asked for; goods go back to the
        cart and onto it while no tender is entered (with tenders entered it is refused,
        so none is lost silently)."""
        if self.waiting_card:
            self._card_given(code, typed=False)
        elif self.tenders or self.on_goods is None:
            set_message(self.message, _("Scanned %1: take back the tenders (Ctrl+R) or go "
                                        "back to the cart (Esc) to add goods").replace("%1", code))
        else:
            self.on_goods(code)
        return True

    # ------------------------------------------------------------------ figures
    def quote(self, tenders: list[TenderRequest] | None = None) -> PricedCart:
        """The cart's price when paid by ``tenders`` (default: those chosen so far), at
        the business time the checkout priced it; the core's quote decides the pay discount."""
        assert self.priced is not None
        kinds = tuple(x.kind for x in (self.tenders if tenders is None else tenders))
        if kinds not in self.quotes:
            self.quotes[kinds] = self.cart.quote(self.ctx.terminal.program, self.priced.at, kinds)
        return self.quotes[kinds]

    def sale_total(self, tenders: list[TenderRequest] | None = None) -> Decimal:
        return self.quote(tenders).total

    def usable_points(self) -> int:
        """Points the member may still tender: whole redeem units within the program's
        share of the sale as the tenders chosen so far price it, and within their points."""
        m = self.cart.member
        if m is None:
            return 0
        t = self.ctx.terminal
        rules = t.program.points
        cap = max_points_value(t, self.sale_total())
        taken = [x for x in self.tenders if x.kind == "points"]
        room = cap - sum((points_value(t, x.points or 0) for x in taken), ZERO)
        have = m["points"] - sum(x.points or 0 for x in taken)
        units = min(int(room / rules.redeem_unit_value), have // rules.redeem_unit_points)
        return max(0, units * rules.redeem_unit_points)

    def points_problem(self, tenders: list[TenderRequest]) -> str | None:
        """Why the sale path would refuse the points of ``tenders`` (the points limit is on
        the total these tenders pay: after the pay discount where stored value pays the
        rest); None where it would take them."""
        t = self.ctx.terminal
        total = self.sale_total(tenders)
        paid = ZERO
        for x in tenders:
            if x.kind == "points":
                try:
                    paid += points_within_limit(t, total, x.points or 0, paid)
                except PosError as e:
                    return error_text(e)
        return None

    def paid(self, tenders: list[TenderRequest] | None = None) -> Decimal:
        t = self.ctx.terminal
        out = ZERO
        for x in self.tenders if tenders is None else tenders:
            if x.kind == "points":
                out += points_value(t, x.points or 0)
            else:
                out += x.amount or ZERO
        return out

    def remaining(self) -> Decimal:
        return self.sale_total() - self.paid()

    def discount_lost(self) -> str:
        """What the tenders chosen give up, said before Complete: the stored-value pay
        discount applies only when stored value pays all but points."""
        if self.priced_sv is None or not any(x.kind == "stored_value" for x in self.tenders):
            return ""
        lost = self.sale_total() - self.priced_sv.total
        others = sorted({_(TENDER_NAMES[x.kind]) for x in self.tenders
                         if x.kind not in ("stored_value", "points")})
        if lost <= 0 or not others:
            return ""
        return (_("The stored-value pay discount (%1) is lost: %2 pays part of this sale, "
                  "and the discount applies only when stored value pays all but points")
                .replace("%1", money_text(lost)).replace("%2", "、".join(others)))

    def sv_left(self) -> Decimal | None:
        """What the presented card may still pay of this sale (None: no card yet)."""
        if self.sv_room is None:
            return None
        taken = sum((x.amount or ZERO for x in self.tenders if x.kind == "stored_value"), ZERO)
        return max(ZERO, self.sv_room.amount - taken)

    def points_to_fill(self) -> int:
        """F3 with no number: the most points allowed, within what is still due."""
        rules = self.ctx.terminal.program.points
        usable = self.usable_points()
        units_due = int(self.remaining() / rules.redeem_unit_value)
        return max(0, min(usable, units_due * rules.redeem_unit_points))

    def refresh(self) -> None:
        self.tender_list.clear()
        t = self.ctx.terminal
        for x in self.tenders:
            name = _(TENDER_NAMES[x.kind])
            if x.kind == "points":
                val = points_value(t, x.points or 0)
                self.tender_list.addItem(f"{name}: {x.points} → {money_text(val)}")
            else:
                extra = f"  ({x.reference})" if x.reference else ""
                self.tender_list.addItem(f"{name}: {money_text(x.amount or ZERO)}{extra}")
        self.total.setText(money_text(self.sale_total()))
        rem = self.remaining()
        if rem > 0:
            self.due.setText(_("Still due: %1").replace("%1", money_text(rem)))
        else:
            self.due.setText(_("Change: %1").replace("%1", money_text(-rem)))
        self.complete_button.setEnabled(bool(self.tenders) and rem <= 0)
        self.points.setMaximum(self.usable_points())
        self.lost.setText(self.discount_lost())
        self.lost.setVisible(bool(self.lost.text()))
        self.ctx.devices.show_total(self.sale_total())

    # ------------------------------------------------------------------ tenders
    def add_tender(self, kind: str) -> None:
        self.message.clear()
        if self.remaining() <= 0:
            set_message(self.message, _("Nothing is left to pay"))
            return
        if kind == "points":
            pts = self.points.value() or self.points_to_fill()
            if pts <= 0:
                set_message(self.message, _("No points can pay this sale: %1").replace(
                    "%1", self.no_points_reason()))
                return
            if not self._take(TenderRequest("points", points=pts)):
                return
            self.points.setValue(0)
            self.refresh()
            return
        if kind == "stored_value" and not self.sv_card:
            self.waiting_card = True
            set_message(self.message, _("Present the member card (swipe, tap or insert)"),
                        ok=True)
            self.card_field.setFocus()
            return
        text = self.amount.text().strip()
        if text:
            try:
                amount = parse_money(text)
            except MoneyError as e:
                set_message(self.message, e)
                return
        else:
            trial = [*self.tenders, TenderRequest(kind, Decimal("0.01"))]
            amount = self.sale_total(trial) - self.paid()
            left = self.sv_left() if kind == "stored_value" else None
            if left is not None and amount > left:
                amount = left  # the most the card may pay; the rest by another tender
        if kind == "stored_value" and not self._sv_allowed(amount):
            return
        ref = self.reference.text().strip() or None
        if kind == "bank_card" and not ref:
            set_message(self.message, _("Enter the bank-card slip reference"))
            self.reference.setFocus()
            return
        if not self._take(TenderRequest(kind, amount, reference=ref)):
            return
        self.amount.clear()
        self.reference.clear()
        self.refresh()

    def _sv_allowed(self, amount: Decimal) -> bool:
        """Stored value above what the card may pay is refused here, with the rule."""
        left = self.sv_left()
        if left is None or self.sv_room is None:
            return True
        if amount <= left and left > 0:
            return True
        set_message(self.message, _("The card may pay at most %1 of this sale: %2")
                    .replace("%1", money_text(left))
                    .replace("%2", error_text(PosError(self.sv_room.why))))
        self.amount.selectAll()
        return False

    def no_points_reason(self) -> str:
        m = self.cart.member
        if m is None:
            return _("no member")
        t = self.ctx.terminal
        cap = max_points_value(t, self.sale_total())
        return (_("%1 points held; points may pay at most %2 of this sale")
                .replace("%1", str(m["points"])).replace("%2", money_text(cap)))

    def _take(self, tender: TenderRequest) -> bool:
        """Add ``tender`` unless the sale path would refuse the points it leaves."""
        problem = self.points_problem([*self.tenders, tender])
        if problem:
            set_message(self.message, problem)
            return False
        self.tenders.append(tender)
        return True

    def _card_given(self, identifier: str, typed: bool) -> None:
        if not identifier.strip() or self.cart.member is None:
            return
        ctx = self.ctx
        member_id = self.cart.member["member_id"]

        at = self.priced.at if self.priced is not None else ctx.terminal.now()

        def done(res: tuple[dict[str, Any], Room]) -> None:
            m, room = res
            if m["member_id"] != member_id:
                set_message(self.message, _("This card belongs to another member"))
                return
            self.sv_card = m["card"]
            self.sv_room = room
            self.cart.member_card = m["card"]
            self.card_field.setText(m["card"][:4] + "…" + m["card"][-4:])
            if self.waiting_card:
                self.waiting_card = False
                self.add_tender("stored_value")

        Op(ctx, payment_ops.stored_value_card, ctx.terminal, identifier, at).success(done).failure(
            lambda e: set_message(self.message, e)
        ).run()

    def remove_last(self) -> None:
        if self.tenders:
            self.tenders.pop()
            self.refresh()

    # ------------------------------------------------------------------ complete
    def complete(self) -> None:
        if not self.tenders or self.remaining() > 0:
            set_message(self.message, _("Not paid yet: %1 still due").replace(
                "%1", money_text(self.remaining())))
            return
        ctx, cart = self.ctx, self.cart
        t = ctx.terminal
        who = ctx.who
        req = sales.SaleRequest(
            lines=cart.requests(),
            tenders=list(self.tenders),
            member_card=cart.member_card,
            coupon=cart.coupon,
            credited_staff=self.credited.text().strip() or None,
            gift_choices=self.chosen_gifts(),
            gifts_for_points=[str(self.gift_points.currentData())]
            if self.gift_points.currentData() else [],
            membership_offered=self.offered.isChecked() if not self.offered.isHidden()
            else None,
        )
        approver = cart.approver
        self.complete_button.setEnabled(False)

        def done(res: SaleDone) -> None:
            ctx.devices.print_receipt(res.sale_no, res.printout.escpos, res.printout.text)
            if res.cash:
                ctx.devices.kick_drawer()
            ctx.devices.show_total(res.total, res.total + res.change, res.change)
            self.on_done(res)

        def failed(e: Exception) -> None:
            self.complete_button.setEnabled(True)
            set_message(self.message, e)

        Op(ctx, payment_ops.complete_sale, t, who, req, approver).success(done).failure(
            failed
        ).run()
