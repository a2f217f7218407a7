"""Shift: open with a cash float, X report during the shift, close with a cash count and
the Z report (a supervisor opens and closes)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPlainTextEdit, QVBoxLayout
from sqlalchemy.orm import Session

from pos_app.core import shifts
from pos_app.core.money import MoneyError, parse_money
from pos_app.core.staff import Operator
from pos_app.core.terminal import Terminal
from pos_app.ui import printing
from pos_app.ui.approval import ask_approval
from pos_app.ui.context import Context
from pos_app.ui.i18n_util import N_, _
from pos_app.ui.screen import Screen
from pos_app.ui.widgets import button, money_text, role_label, set_message, title

if TYPE_CHECKING:
    from receipts import ReceiptDocument


def shift_document(
    t: Terminal, s: Session, f: shifts.ShiftFigures, cashier: str
) -> ReceiptDocument:
    """The X or Z report as a receipts document, from the core's shift figures."""
    # receipts (PIL, qrcode) load on the database thread, not at app start
    from receipts import Kind, ReceiptDocument, ShiftReport, TenderKind, TenderTotal
    from receipts.from_core import load_store, staff_label

    z = f.status == "closed"
    store = load_store(t)
    tz = t.program.timezone
    report = ShiftReport(
        shift_no=str(f.shift_no),
        opened_at=f.opened_at.astimezone(tz),
        sales_count=f.sales_count,
        sales_amount=f.sales_total,
        refunds_count=f.refunds_count,
        refunds_amount=f.refunds_total,
        net_amount=f.net_sales,
        discount_total=f.discount_total,
        tender_totals=tuple(
            TenderTotal(TenderKind(k), f.tender_counts.get(k, 0), v) for k, v in f.tenders.items()
        ),
        opening_float=f.cash_float,
        cash_expected=f.expected_cash,
        member_sales_amount=f.member_sales_total,
        topup_count=f.topups_count,
        topup_principal=f.topups_total,
        topup_bonus=f.topup_bonus_given,
        points_earned=max(0, f.points_earned),
        points_redeemed=max(0, f.points_redeemed),
        members_enrolled=f.members_enrolled,
        closed_at=f.closed_at.astimezone(tz) if z and f.closed_at else None,
        z_number=f.shift_no if z else None,
        cash_counted=f.counted_cash if z else None,
        cash_difference=f.difference if z else None,
    )
    now = t.now()
    return ReceiptDocument(
        kind=Kind.Z_REPORT if z else Kind.X_REPORT,
        store=store.info,
        receipt_no=f"SHIFT{f.shift_no:04d}-{'Z' if z else 'X'}{now:%H%M%S}",
        business_time=now,
        cashier=staff_label(s, cashier),
        language=store.language,
        shift=report,
    )


class ShiftScreen(Screen):
    name = "shift"
    key = "F11"
    label = N_("Shift")
    title_text = N_("Shift")
    keys = (
        ("F3", N_("Open the shift with the cash float (supervisor)")),
        ("F4", N_("X report")),
        ("F5", N_("Close with the cash count and Z report (supervisor)")),
    )

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        lay = QVBoxLayout(self)
        lay.addWidget(title(_("Shift")))
        self.state = role_label("card", "")
        self.state.setObjectName("shift_state")
        lay.addWidget(self.state)
        form = QFormLayout()
        self.float_field = QLineEdit()
        self.float_field.setObjectName("cash_float")
        self.count_field = QLineEdit()
        self.count_field.setObjectName("cash_count")
        form.addRow(_("Cash float"), self.float_field)
        form.addRow(_("Cash counted"), self.count_field)
        lay.addLayout(form)
        row = QHBoxLayout()
        self.open_button = button(_("Open shift"), "F3", accent=True)
        self.open_button.setObjectName("open_shift")
        self.open_button.clicked.connect(self.open_shift)
        self.x_button = button(_("X report"), "F4")
        self.x_button.setObjectName("x_report")
        self.x_button.clicked.connect(self.x_report)
        self.close_button = button(_("Close shift, Z report"), "F5", danger=True)
        self.close_button.setObjectName("close_shift")
        self.close_button.clicked.connect(self.close_shift)
        for b in (self.open_button, self.x_button, self.close_button):
            row.addWidget(b)
        lay.addLayout(row)
        self.message = role_label("error")
        self.message.setObjectName("shift_message")
        lay.addWidget(self.message)
        self.report = QPlainTextEdit()
        self.report.setObjectName("shift_report")
        self.report.setReadOnly(True)
        mono = QFont("WenQuanYi Micro Hei Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSize(11)
        self.report.setFont(mono)
        lay.addWidget(self.report, 1)

    def on_show(self) -> None:
        self.refresh_state()

    def on_key(self, key: str) -> bool:
        fn = {"F3": self.open_shift, "F4": self.x_report, "F5": self.close_shift}.get(key)
        if fn is None:
            return False
        fn()
        return True

    def fail(self, e: Exception) -> None:
        set_message(self.message, str(e))

    def refresh_state(self) -> None:
        t = self.ctx.terminal

        def work() -> str:
            with t.read() as s:
                sh = shifts.current(s)
                if sh is None:
                    return _("No shift is open")
                tz = t.program.timezone
                return (_("Shift %1 open since %2 by %3, float %4")
                        .replace("%1", str(sh.shift_no))
                        .replace("%2", f"{sh.opened_at.astimezone(tz):%Y-%m-%d %H:%M}")
                        .replace("%3", sh.opened_by)
                        .replace("%4", money_text(sh.cash_float)))

        self.ctx.run(work, self.state.setText, self.fail)

    def _amount(self, field: QLineEdit) -> Decimal | None:
        try:
            return parse_money(field.text())
        except MoneyError as e:
            self.fail(e)
            field.setFocus()
            return None

    def open_shift(self) -> None:
        amount = self._amount(self.float_field)
        if amount is None:
            return
        ctx = self.ctx
        t, who = ctx.terminal, ctx.who

        def approved(approver: Operator | None) -> None:
            def work() -> int:
                with t.tx() as s:
                    return shifts.open_shift(t, s, amount, who, approver).shift_no

            def done(no: int) -> None:
                self.float_field.clear()
                set_message(self.message, _("Shift %1 opened").replace("%1", str(no)), ok=True)
                ctx.devices.kick_drawer()
                self.refresh_state()

            ctx.run(work, done, self.fail)

        self.approval = ask_approval(ctx, self, "open_shift", approved)

    def x_report(self) -> None:
        ctx = self.ctx
        t, who = ctx.terminal, ctx.who

        def work() -> printing.Printout:
            with t.read() as s:
                doc = shift_document(t, s, shifts.x_report(s), who.code)
            return printing.render(t, doc, open_drawer=False)

        def done(p: printing.Printout) -> None:
            self.report.setPlainText(p.text)
            ctx.devices.print_receipt(p.receipt_no, p.escpos, p.text)
            self.message.clear()

        ctx.run(work, done, self.fail)

    def close_shift(self) -> None:
        counted = self._amount(self.count_field)
        if counted is None:
            return
        ctx = self.ctx
        t, who = ctx.terminal, ctx.who

        def approved(approver: Operator | None) -> None:
            def work() -> tuple[shifts.ShiftFigures, printing.Printout]:
                with t.tx() as s:
                    f = shifts.close_shift(t, s, counted, who, approver)
                    doc = printing.keep(t, s, shift_document(t, s, f, who.code))
                return f, printing.render(t, doc, open_drawer=False)

            def done(res: tuple[shifts.ShiftFigures, printing.Printout]) -> None:
                f, p = res
                self.count_field.clear()
                self.report.setPlainText(p.text)
                ctx.devices.print_receipt(p.receipt_no, p.escpos, p.text)
                diff = f.difference or Decimal("0")
                set_message(
                    self.message,
                    _("Shift %1 closed; expected %2, counted %3, difference %4")
                    .replace("%1", str(f.shift_no))
                    .replace("%2", money_text(f.expected_cash))
                    .replace("%3", money_text(counted))
                    .replace("%4", money_text(diff)),
                    ok=diff == 0,
                )
                self.refresh_state()

            ctx.run(work, done, self.fail)

        self.approval = ask_approval(ctx, self, "close_shift", approved)
