"""The member counter screen: the find bar (card number, phone, or a card presented),
the member shown, the tabs and the message line."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
)

from pos_app.core.errors import PosError
from pos_app.core.pii import mask_card
from pos_app.ui.checkout import member_html
from pos_app.ui.context import Context
from pos_app.ui.device_bridge import PresentedCard
from pos_app.ui.feedback import Banner
from pos_app.ui.i18n_util import N_, _
from pos_app.ui.members.cards import CardsTab
from pos_app.ui.members.chip_write import ChipWriteDialog
from pos_app.ui.members.enroll import EnrollTab
from pos_app.ui.members.group import GroupTab
from pos_app.ui.members.history import HistoryTab
from pos_app.ui.members.services import ServicesTab
from pos_app.ui.members.stock import StockTab
from pos_app.ui.members.tab import MemberTab
from pos_app.ui.members.topup import TopupTab
from pos_app.ui.operations import Op
from pos_app.ui.operations import members as member_ops
from pos_app.ui.screen import Screen
from pos_app.ui.widgets import button, role_label, set_message, title

INFO_WIDTH = 400  # px: the member shown, beside the tabs on a wide screen
ANY_WIDTH = 16777215  # Qt's QWIDGETSIZE_MAX


class MembersScreen(Screen):
    name = "members"
    key = "F8"
    label = N_("Members")
    title_text = N_("Member counter")
    keys = (
        ("F6", N_("Find a member by card or phone")),
        ("F12", N_("Do the action of the open tab")),
    )

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.member: dict[str, Any] | None = None
        self.chip_dialog: ChipWriteDialog | None = None
        lay = QVBoxLayout(self)
        lay.addWidget(title(_("Member counter")))
        find = QHBoxLayout()
        self.find_field = QLineEdit()
        self.find_field.setObjectName("find_member")
        self.find_field.setPlaceholderText(_("Card number or phone; or present the card"))
        self.find_field.returnPressed.connect(self.find_member)
        find.addWidget(self.find_field, 1)
        b = button(_("Find"), "F6")
        b.clicked.connect(self.find_member)
        find.addWidget(b)
        lay.addLayout(find)
        self.info = role_label("card", _("No member selected"))
        self.info.setObjectName("member_info")
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.info.setFixedWidth(INFO_WIDTH)
        self.body = body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        body.addWidget(self.info)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("member_tabs")
        self.enroll_tab = EnrollTab(self)
        self.topup_tab = TopupTab(self)
        self.cards_tab = CardsTab(self)
        self.history_tab = HistoryTab(self)
        self.stock_tab = StockTab(self, self.issue_from_stock)
        self.services_tab = ServicesTab(self)
        self.group_tab = GroupTab(self)
        self.all_tabs: tuple[MemberTab, ...] = (
            self.enroll_tab,
            self.topup_tab,
            self.cards_tab,
            self.history_tab,
            self.stock_tab,
            self.services_tab,
            self.group_tab,
        )
        for tab in self.all_tabs:
            self.tabs.addTab(tab, _(tab.label))
        body.addWidget(self.tabs, 1)
        lay.addLayout(body, 1)
        self.message = Banner()  # problems large, with a sound
        self.message.setObjectName("members_message")
        lay.addWidget(self.message)

    def fit_width(self, narrow: bool) -> None:
        """On a narrow screen the member shown goes above the tabs, full width."""
        if narrow:
            self.body.setDirection(QBoxLayout.Direction.TopToBottom)
            self.info.setMinimumWidth(0)
            self.info.setMaximumWidth(ANY_WIDTH)
        else:
            self.body.setDirection(QBoxLayout.Direction.LeftToRight)
            self.info.setFixedWidth(INFO_WIDTH)
        for tab in self.all_tabs:
            tab.fit_width(narrow)

    # ------------------------------------------------------------------ events
    def on_show(self) -> None:
        self.find_field.setFocus()

    def on_key(self, key: str) -> bool:
        if key == "F6":
            self.find_field.setFocus()
            return True
        if key == "F12":
            tab = self.tabs.currentWidget()
            if isinstance(tab, MemberTab):
                tab.finish()
            return True
        return False

    def on_card(self, card: PresentedCard) -> bool:
        if self.chip_dialog is not None and self.chip_dialog.isVisible():
            return True  # the card being written, in the reader: not a look-up
        source = self._waiting_source()
        if source is not None:
            source.present(card)
        else:
            self.load(card.identifier, card=True)
        return True

    def on_scan(self, code: str) -> bool:
        """A scanned card barcode binds a new card where one is awaited, else finds its
        member."""
        source = self._waiting_source()
        if source is not None:
            source.present(PresentedCard("barcode", code, None))
        else:
            self.load(code, card=True)
        return True

    def _waiting_source(self) -> Any:
        for tab in self.all_tabs:
            src = tab.card_source()
            if src is not None and src.isVisible() and src.waiting():
                return src
        return None

    def issue_from_stock(self, card: PresentedCard) -> None:
        """A card chosen in the stock tab goes on the enroll form, to be issued."""
        self.enroll_tab.card.present(card)
        self.tabs.setCurrentWidget(self.enroll_tab)

    # ------------------------------------------------------------------ the member
    def fail(self, e: Exception) -> None:
        set_message(self.message, e)

    def ok(self, text: str) -> None:
        set_message(self.message, text, ok=True)

    def find_member(self) -> None:
        self.load(self.find_field.text())

    def load(self, text: str, card: bool = False, note: str = "") -> None:
        if not text.strip():
            return

        def found(m: dict[str, Any]) -> None:
            self.show_member(m)
            if note:
                self.ok(note)

        Op(self.ctx, member_ops.find, self.ctx.terminal, text, card).success(found).failure(
            self.fail
        ).run()

    def show_member(self, m: dict[str, Any]) -> None:
        self.member = m
        self.find_field.clear()
        status = "" if m["card_status"] == "active" else f" — {_('card')} {m['card_status']}"
        card = _("Card") + f": {mask_card(m['card'])}{status}"
        if m.get("chip_unwritten"):
            card += " — <span style='color:#b00020'>" + _("chip not written") + "</span>"
        self.info.setText(member_html(m) + "<br>" + card)
        self.message.clear()
        if m.get("chip_unwritten") and self.ctx.devices.writes_holder(m["chip_unwritten"]):
            self.fail(PosError(_("The chip of card %1 is not written yet: Cards tab, Write "
                                 "chip").replace("%1", mask_card(m["card"]))))
        for tab in self.all_tabs:
            tab.member_shown(m)

    # ------------------------------------------------------------------ chip cards
    def write_chip(self, card_no: str) -> None:
        """Write the holder's record to ``card_no``'s chip where the card has one and a
        reader here writes it (at issue, and again from the Cards tab)."""
        ctx = self.ctx

        def got(job: member_ops.ChipJob | None) -> None:
            if job is None or not ctx.devices.writes_holder(job.media):
                return
            self.chip_dialog = ChipWriteDialog(self, ctx, job, lambda ok: self._chip_done(
                job.card_no, ok))
            self.chip_dialog.open()
            self.chip_dialog.start()

        Op(ctx, member_ops.chip_job, ctx.terminal, ctx.who, card_no).success(got).failure(
            self.fail).run()

    def _chip_done(self, card_no: str, written: bool) -> None:
        """The card just written shown; one left unwritten shown flagged, with the
        warning (a supplementary card too, not its main card)."""
        self.chip_dialog = None
        note = _("Chip of card %1 written").replace("%1", mask_card(card_no))
        self.load(card_no, card=True, note=note if written else "")
