"""Enroll tab: name, phone, birthday, gender, email, resident ID; privacy consent
required, marketing consent kept; the card bound by swipe, tap, insert or the next
number in sequence; the enrollment slip printed."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit

from pos_app.core import members
from pos_app.core.errors import PosError
from pos_app.core.pii import mask_card
from pos_app.ui import printing
from pos_app.ui.i18n_util import N_, _
from pos_app.ui.members.card_source import CardSource
from pos_app.ui.members.tab import Counter, MemberTab
from pos_app.ui.operations import Op
from pos_app.ui.operations import members as member_ops
from pos_app.ui.widgets import button


class EnrollTab(MemberTab):
    label = N_("Enroll")

    def __init__(self, counter: Counter) -> None:
        super().__init__(counter)
        grid = QGridLayout(self)
        self.name = QLineEdit()
        self.name.setObjectName("enroll_name")
        self.phone = QLineEdit()
        self.phone.setObjectName("enroll_phone")
        self.phone.setPlaceholderText("138 0013 8000")
        self.birthday = QLineEdit()
        self.birthday.setObjectName("enroll_birthday")
        self.birthday.setPlaceholderText(_("YYYY-MM-DD (optional)"))
        self.gender = QComboBox()
        self.gender.addItem(_("not given"), "")
        self.gender.addItem(_("female"), "F")
        self.gender.addItem(_("male"), "M")
        self.email = QLineEdit()
        self.email.setObjectName("enroll_email")
        self.id_no = QLineEdit()
        self.id_no.setObjectName("enroll_id")
        self.id_no.setPlaceholderText(_("Resident ID (optional; needed for large top-ups)"))
        self.privacy = QCheckBox(_("The customer agrees to the privacy notice (required)"))
        self.privacy.setObjectName("enroll_privacy")
        self.marketing = QCheckBox(_("Accepts promotion messages"))
        self.marketing.setObjectName("enroll_marketing")
        self.card = CardSource()
        pairs = (
            (_("Name"), self.name, _("Phone"), self.phone),
            (_("Birthday"), self.birthday, _("Gender"), self.gender),
            (_("Email"), self.email, _("ID number"), self.id_no),
        )
        for r, (l1, f1, l2, f2) in enumerate(pairs):
            grid.addWidget(QLabel(l1), r, 0)
            grid.addWidget(f1, r, 1)
            grid.addWidget(QLabel(l2), r, 2)
            grid.addWidget(f2, r, 3)
        grid.addWidget(self.privacy, 3, 1, 1, 3)
        grid.addWidget(self.marketing, 4, 1, 1, 3)
        grid.addWidget(QLabel(_("Card")), 5, 0)
        grid.addWidget(self.card, 5, 1, 1, 3)
        self.button = button(_("Enroll"), "F12", accent=True)
        self.button.setObjectName("enroll_button")
        self.button.clicked.connect(self.finish)
        grid.addWidget(self.button, 6, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setRowStretch(7, 1)

    def card_source(self) -> CardSource:
        return self.card

    def finish(self) -> None:
        """Enroll the customer as typed."""
        if not self.privacy.isChecked():
            self.counter.fail(PosError(_("The customer must agree to the privacy notice")))
            return
        try:
            typed = self.birthday.text().strip()
            bday = date.fromisoformat(typed) if typed else None
            card_no, media, media_id = self.card.value()
        except ValueError as err:
            self.counter.fail(
                err if isinstance(err, PosError) else PosError(_("Birthday: YYYY-MM-DD"))
            )
            return
        e = members.Enrollment(
            name=self.name.text().strip(),
            phone=self.phone.text().strip() or None,
            birthday=bday,
            id_number=self.id_no.text().strip() or None,
            email=self.email.text().strip() or None,
            gender=self.gender.currentData() or None,
            marketing_consent=self.marketing.isChecked(),
            card_no=card_no,
            media=media,
            media_id=media_id,
        )
        ctx = self.ctx
        Op(ctx, member_ops.enroll, ctx.terminal, ctx.who, e).success(self._enrolled).failure(
            self.counter.fail
        ).run()

    def _enrolled(self, res: tuple[dict[str, Any], printing.Printout]) -> None:
        m, p = res
        self.ctx.devices.print_receipt(p.receipt_no, p.escpos, p.text)
        for f in (self.name, self.phone, self.birthday, self.email, self.id_no):
            f.clear()
        self.privacy.setChecked(False)
        self.marketing.setChecked(False)
        self.card.reset()
        self.counter.show_member(m)
        self.counter.ok(_("Enrolled: card %1").replace("%1", mask_card(m["card"])))
