"""Staff performance (员工业绩): each assistant's sales, orders, VIP share, enrollments
and card-sale commission for a day or a month, with the store's totals (the figures of
:func:`pos_app.core.performance.report`, as ``pos staff report`` prints them)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from pos_app.core.money import format_money
from pos_app.core.performance import StaffFigures
from pos_app.core.rights import CONSOLE_CODE
from pos_app.ui.context import Context
from pos_app.ui.feedback import Banner
from pos_app.ui.i18n_util import N_, _
from pos_app.ui.operations import Op
from pos_app.ui.operations import staff_report as report_ops
from pos_app.ui.screen import Screen
from pos_app.ui.widgets import button, role_label, set_message, title

# the columns: header (N_() marked, translated where shown) and whether it is a figure
COLUMNS = (
    (N_("Staff"), False),
    (N_("Name"), False),
    (N_("Sales ¥"), True),
    (N_("Orders"), True),
    (N_("VIP share"), True),
    (N_("Enrollments"), True),
    (N_("Commission ¥"), True),
    (N_("Not credited"), True),
)
# the period chosen (day or month) stands out as the screen's blue buttons do
CHOSEN = ("QPushButton:checked { background: #1f6feb; color: white; border-color: #1a5fc9;"
          " font-weight: bold; }")

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def percent(share: Decimal) -> str:
    """A share (0.4567) as the report shows it: 45.7%."""
    return f"{(share * 100).quantize(Decimal('0.1'))}%"


def cells(f: StaffFigures) -> tuple[str, ...]:
    """One line of the table: the figures as the screen shows them."""
    not_credited = str(f.not_credited)
    if f.not_credited:
        not_credited += f" ({format_money(f.not_credited_amount, sign=False)})"
    staff, name = f.staff, f.name
    if staff == CONSOLE_CODE:  # the data folder's owner at the command line, not a person
        staff, name = "", _("Back office (command line, no staff code)")
    return (staff, name, format_money(f.sales, sign=False), str(f.orders),
            percent(f.vip_share), str(f.enrollments), format_money(f.commission, sign=False),
            not_credited)


class StaffReportScreen(Screen):
    name = "staff_report"
    key = "Ctrl+F11"
    label = N_("Staff performance")
    role = "supervisor"  # the rights table's staff_report
    title_text = N_("Staff performance")
    keys = (
        ("F3", N_("The report for a day")),
        ("F4", N_("The report for the month")),
        ("F5", N_("Read the figures again")),
    )

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.report: report_ops.StaffReport | None = None
        lay = QVBoxLayout(self)
        lay.addWidget(title(_("Staff performance")))
        row = QHBoxLayout()
        self.day_button = button(_("Day"), "F3")
        self.day_button.setObjectName("report_day")
        self.month_button = button(_("Month"), "F4")
        self.month_button.setObjectName("report_month")
        self.kind = QButtonGroup(self)
        for b in (self.day_button, self.month_button):
            b.setCheckable(True)
            self.kind.addButton(b)
            row.addWidget(b)
        self.day_button.setChecked(True)
        self.setStyleSheet(CHOSEN)
        self.kind.buttonToggled.connect(self._kind_changed)
        self.date_field = QDateEdit()
        self.date_field.setObjectName("report_date")
        self.date_field.setCalendarPopup(True)
        self.date_field.setDisplayFormat("yyyy-MM-dd")
        self.date_field.setMinimumWidth(180)
        self.date_field.dateChanged.connect(lambda _d: self.load())
        row.addWidget(self.date_field)
        again = button(_("Refresh"), "F5")
        again.setObjectName("report_refresh")
        again.clicked.connect(self.load)
        row.addWidget(again)
        row.addStretch(1)
        lay.addLayout(row)
        self.period = role_label("card", "")
        self.period.setObjectName("report_period")
        lay.addWidget(self.period)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("staff_report_table")
        self.table.setHorizontalHeaderLabels([_(h) for h, _n in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setMinimumSectionSize(60)
        self.fit_width(False)
        lay.addWidget(self.table, 1)
        self.message = Banner()
        lay.addWidget(self.message)
        self._dated = False

    def fit_width(self, narrow: bool) -> None:
        """Columns as wide as their figures on a narrow screen (the name takes what is
        left); on a wide one the columns share the width, so a row reads across."""
        head = self.table.horizontalHeader()
        if narrow:
            head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        else:
            head.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def on_show(self) -> None:
        if not self._dated:  # today's business day the first time, then what was chosen
            self._dated = True
            day = report_ops.today(self.ctx.terminal)
            self.date_field.blockSignals(True)
            self.date_field.setDate(QDate(day.year, day.month, day.day))
            self.date_field.blockSignals(False)
        self.load()

    def on_key(self, key: str) -> bool:
        if key == "F3":
            self.day_button.setChecked(True)
        elif key == "F4":
            self.month_button.setChecked(True)
        elif key == "F5":
            self.load()
        else:
            return False
        return True

    def _kind_changed(self, _b: object, on: bool) -> None:
        if not on:
            return
        month = self.month_button.isChecked()
        self.date_field.setDisplayFormat("yyyy-MM" if month else "yyyy-MM-dd")
        self.load()

    def load(self) -> None:
        """Read the figures for the period chosen, on the database thread."""
        ctx = self.ctx
        if ctx.operator is None:
            return
        day = self.date_field.date().toPython()
        month = self.month_button.isChecked()
        Op(ctx, report_ops.staff_report, ctx.terminal, ctx.who, day, month).success(
            self._show
        ).failure(self.fail).run()

    def _show(self, rep: report_ops.StaffReport) -> None:
        self.report = rep
        if rep.kind == "day":
            when = _("Day %1").replace("%1", rep.start.isoformat())
        else:
            when = _("Month %1 (%2 to %3)").replace("%1", f"{rep.start:%Y-%m}").replace(
                "%2", rep.start.isoformat()).replace("%3", rep.end.isoformat())
        self.period.setText(when + " · " + _("%1 staff with figures").replace(
            "%1", str(len(rep.rows))))
        lines = [cells(f) for f in rep.rows]
        total = cells(rep.total)
        lines.append((_("Total"), "", *total[2:]))
        self.table.setRowCount(len(lines))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for r, line in enumerate(lines):
            for c, text in enumerate(line):
                item = QTableWidgetItem(text)
                if COLUMNS[c][1]:
                    item.setTextAlignment(RIGHT)
                if r == len(lines) - 1:
                    item.setFont(bold)
                self.table.setItem(r, c, item)
        if not rep.rows:
            set_message(self.message, _("No sales, enrollments or commission in this period"),
                        ok=True)
        else:
            self.message.clear()

    def fail(self, e: Exception) -> None:
        self.report = None
        self.table.setRowCount(0)
        self.period.setText("")
        set_message(self.message, e)
