"""Group enrollment tab (集体办理): an organisation's staff from a CSV or XLSX file. The
file is checked first (a report per row, names and phones masked), then enrolled with a
supervisor's approval: all rows or none, or only the good rows when the clerk ticks the
box; cards in sequence from a card product's stock or the terminal's next numbers."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from pos_app.core.errors import PosError
from pos_app.core.group_enroll import GroupRefused, GroupResult
from pos_app.core.staff import Operator
from pos_app.ui.approval import ApprovalDialog, ask_approval
from pos_app.ui.i18n_util import N_, _, msg_text
from pos_app.ui.members.tab import Counter, MemberTab
from pos_app.ui.operations import Op
from pos_app.ui.operations import members as member_ops
from pos_app.ui.widgets import button


class GroupTab(MemberTab):
    label = N_("Group enrollment")

    def __init__(self, counter: Counter) -> None:
        super().__init__(counter)
        self.approval: ApprovalDialog | None = None
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.organisation = QLineEdit()
        self.organisation.setObjectName("group_organisation")
        self.organisation.setPlaceholderText(_("The organisation the staff come from"))
        form.addRow(_("Organisation"), self.organisation)
        pick = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setObjectName("group_file")
        self.path.setPlaceholderText(_("A .csv or .xlsx file: name, phone, ID number..."))
        pick.addWidget(self.path, 1)
        self.choose_button = button(_("Choose..."))
        self.choose_button.clicked.connect(self.choose)
        pick.addWidget(self.choose_button)
        self.check_button = button(_("Check the file"))
        self.check_button.setObjectName("group_check")
        self.check_button.clicked.connect(self.check)
        pick.addWidget(self.check_button)
        form.addRow(_("File"), pick)
        self.product = QComboBox()
        self.product.setObjectName("group_product")
        self.product.addItem(_("The terminal's next card numbers"), None)
        for p in self.ctx.terminal.program.card_products:
            if not p.anonymous:
                self.product.addItem(p.name, p.code)
        form.addRow(_("Card numbers"), self.product)
        lay.addLayout(form)
        self.report = QTableWidget(0, 4)
        self.report.setObjectName("group_report")
        self.report.setHorizontalHeaderLabels([_("Row"), _("Name"), _("Phone"), _("Result")])
        self.report.verticalHeader().setVisible(False)
        self.report.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        head = self.report.horizontalHeader()
        for col in range(3):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.report, 1)
        self.skip_bad = QCheckBox(_("Enroll only the good rows and leave the others"))
        self.skip_bad.setObjectName("group_skip_bad")
        lay.addWidget(self.skip_bad)
        self.enroll_button = button(_("Enroll the group"), "F12", accent=True)
        self.enroll_button.setObjectName("group_enroll")
        self.enroll_button.clicked.connect(self.finish)
        lay.addWidget(self.enroll_button)

    def choose(self) -> None:
        path, _kind = QFileDialog.getOpenFileName(
            self, _("Group file"), "", _("Group files (*.csv *.xlsx)"))
        if path:
            self.path.setText(path)
            self.check()

    def _file(self) -> str | None:
        path = self.path.text().strip()
        if not path:
            self.counter.fail(PosError(_("Choose the group's file first")))
            return None
        return path

    def check(self) -> None:
        """Read the file and check every row; nothing is written."""
        path = self._file()
        if path is None:
            return
        Op(self.ctx, member_ops.group_check, self.ctx.terminal, path,
           self.organisation.text()).success(self._checked).failure(self._failed).run()

    def _checked(self, res: GroupResult) -> None:
        self.show_report(res)
        if res.bad:
            self.counter.fail(PosError(
                _("%1 of %2 rows have problems").replace("%1", str(len(res.bad)))
                .replace("%2", str(len(res.rows)))))
        else:
            self.counter.ok(_("All %1 rows can be enrolled").replace("%1", str(len(res.rows))))

    def finish(self) -> None:
        """Enroll the group, with a supervisor's approval."""
        path = self._file()
        if path is None:
            return
        ctx = self.ctx
        org, product = self.organisation.text(), self.product.currentData()
        skip = self.skip_bad.isChecked()

        def approved(approver: Operator | None) -> None:
            Op(ctx, member_ops.group_enroll_file, ctx.terminal, ctx.who, path, org, product,
               skip, approver).success(self._enrolled).failure(self._failed).run()

        self.approval = ask_approval(ctx, self, "group_enroll", approved)

    def _enrolled(self, res: GroupResult) -> None:
        self.show_report(res)
        self.counter.ok(_("%1: %2 enrolled, %3 left out").replace("%1", res.organisation)
                        .replace("%2", str(len(res.enrolled))).replace("%3", str(len(res.bad))))

    def _failed(self, e: Exception) -> None:
        if isinstance(e, GroupRefused):  # the box to tick named, not the command's option
            self.show_report(e.result)
            e = PosError(_("%1 of %2 rows have problems: nobody was enrolled. Tick the box "
                           "to enroll only the good rows.")
                         .replace("%1", str(len(e.result.bad)))
                         .replace("%2", str(len(e.result.rows))))
        self.counter.fail(e)

    def show_report(self, res: GroupResult) -> None:
        self.report.setRowCount(len(res.rows))
        for i, r in enumerate(res.rows):
            if r.card:
                result = _("Card %1").replace("%1", r.card)
            elif r.problem is not None:
                result = msg_text(r.problem)
            else:
                result = _("Good")
            for col, text in enumerate((str(r.row), r.name, r.phone, result)):
                item = QTableWidgetItem(text)
                if col == 3:
                    item.setToolTip(text)
                self.report.setItem(i, col, item)
