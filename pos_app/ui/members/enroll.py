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
        self.grid = QGridLayout(self)
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
        self.address = QLineEdit()
        self.address.setObjectName("enroll_address")
        self.address.setPlaceholderText(_("Postal address (optional)"))
        self.id_no = QLineEdit()
        self.id_no.setObjectName("enroll_id")
        self.id_no.setPlaceholderText(_("Resident ID (optional; needed for large top-ups)"))
        self.privacy = QCheckBox(_("The customer agrees to the privacy notice (required)"))
        self.privacy.setObjectName("enroll_privacy")
        self.marketing = QCheckBox(_("Accepts promotion messages"))
        self.marketing.setObjectName("enroll_marketing")
        self.card = CardSource()
        self.button = button(_("Enroll"), "F12", accent=True)
        self.button.setObjectName("enroll_button")
        self.button.clicked.connect(self.finish)
        self.fields = (
            (_("Name"), self.name),
            (_("Phone"), self.phone),
            (_("Birthday"), self.birthday),
            (_("Gender"), self.gender),
            (_("Email"), self.email),
            (_("ID number"), self.id_no),
            (_("Address"), self.address),
        )
        self.labels = [QLabel(text) for text, _field in self.fields]
        self.card_label = QLabel(_("Card"))
        self.fit_width(False)

    def fit_width(self, narrow: bool) -> None:
        """Two fields a row on a wide screen, one on a narrow one."""
        grid = self.grid
        for w in (
            *self.labels,
            *(f for _t, f in self.fields),
            self.privacy,
            self.marketing,
            self.card_label,
            self.card,
            self.button,
        ):
            grid.removeWidget(w)
        per_row = 1 if narrow else 2
        for i, (label, (_text, field)) in enumerate(zip(self.labels, self.fields, strict=True)):
            r, c = divmod(i, per_row)
            grid.addWidget(label, r, 2 * c)
            grid.addWidget(field, r, 2 * c + 1)
        r = -(-len(self.fields) // per_row)  # the rows the fields fill
        span = 2 * per_row - 1
        grid.addWidget(self.privacy, r, 1, 1, span)
        grid.addWidget(self.marketing, r + 1, 1, 1, span)
        grid.addWidget(self.card_label, r + 2, 0)
        grid.addWidget(self.card, r + 2, 1, 1, span)
        grid.addWidget(self.button, r + 3, 1, 1, span)
        for col in range(4):  # the fields' columns share the width
            grid.setColumnStretch(col, 1 if col < 2 * per_row and col % 2 else 0)
        for row in range(grid.rowCount()):
            grid.setRowStretch(row, 0)
        grid.setRowStretch(r + 4, 1)

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
            address=self.address.text().strip() or None,
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
        for f in (self.name, self.phone, self.birthday, self.email, self.id_no, self.address):
            f.clear()
        self.privacy.setChecked(False)
        self.marketing.setChecked(False)
        self.card.reset()
        self.counter.show_member(m)
        self.counter.ok(_("Enrolled: card %1").replace("%1", mask_card(m["card"])))
        if m.get("chip"):  # a chip card: its holder's record written now
            self.counter.write_chip(m["card"])
