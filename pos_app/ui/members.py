"""The member counter (服务台): enrollment with validation and consent, binding a card
by swipe, tap, insert or the next number in sequence; top-up with the bonus preview and
the caps; lost card block and replace; supplementary cards; tier and history."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from pos_app.core import members, stored_value, tiers
from pos_app.core.errors import PosError
from pos_app.core.models import Sale, Topup
from pos_app.core.money import ZERO, MoneyError, parse_money
from pos_app.core.pii import mask_card
from pos_app.core.staff import Operator
from pos_app.ui import printing
from pos_app.ui.approval import ask_approval
from pos_app.ui.checkout import member_html, member_lookup
from pos_app.ui.context import Context
from pos_app.ui.device_bridge import PresentedCard
from pos_app.ui.i18n_util import N_, _
from pos_app.ui.screen import Screen
from pos_app.ui.widgets import button, money_text, role_label, set_message, title

MEDIA_NAMES = {
    "barcode": N_("barcode card"),
    "magstripe": N_("magnetic stripe (swipe)"),
    "ic": N_("chip card (insert)"),
    "nfc": N_("contactless (tap)"),
    "virtual": N_("virtual card"),
}


class CardSource(QWidget):
    """Where a new card comes from: the next number in sequence, or a card presented."""

    def __init__(self) -> None:
        super().__init__()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.next_radio = QRadioButton(_("Next number in sequence"))
        self.present_radio = QRadioButton(_("Present a card (swipe / tap / insert)"))
        self.next_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.next_radio)
        group.addButton(self.present_radio)
        lay.addWidget(self.next_radio)
        lay.addWidget(self.present_radio)
        self.shown = QLabel()
        self.shown.setObjectName("presented_card")
        lay.addWidget(self.shown, 1)
        self.card: PresentedCard | None = None

    def waiting(self) -> bool:
        return self.present_radio.isChecked()

    def present(self, card: PresentedCard) -> None:
        self.card = card
        self.present_radio.setChecked(True)
        ident = card.uid or card.card_no or ""
        self.shown.setText(f"{_(MEDIA_NAMES.get(card.media, card.media))}: {mask_card(ident)}")

    def value(self) -> tuple[str | None, str, str | None]:
        """(card number or None for the next in sequence, media, chip/tag UID)."""
        if not self.present_radio.isChecked():
            return None, "barcode", None
        if self.card is None:
            raise PosError(_("Present the card first"))
        c = self.card
        if c.media in ("ic", "nfc"):
            return c.card_no, c.media, c.uid
        return c.card_no, c.media, None

    def reset(self) -> None:
        self.card = None
        self.shown.clear()
        self.next_radio.setChecked(True)


def _money_or_none(text: str) -> Decimal | None:
    return parse_money(text) if text.strip() else None


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
        self.info.setFixedWidth(400)
        body = QHBoxLayout()
        body.addWidget(self.info)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("member_tabs")
        self.tabs.addTab(self._enroll_tab(), _("Enroll"))
        self.tabs.addTab(self._topup_tab(), _("Top up"))
        self.tabs.addTab(self._cards_tab(), _("Cards"))
        self.tabs.addTab(self._history_tab(), _("Tier and history"))
        body.addWidget(self.tabs, 1)
        lay.addLayout(body, 1)
        self.message = role_label("error")
        self.message.setObjectName("members_message")
        lay.addWidget(self.message)

    # ------------------------------------------------------------------ tabs
    def _enroll_tab(self) -> QWidget:
        w = QWidget()
        grid = QGridLayout(w)
        self.e_name = QLineEdit()
        self.e_name.setObjectName("enroll_name")
        self.e_phone = QLineEdit()
        self.e_phone.setObjectName("enroll_phone")
        self.e_phone.setPlaceholderText("138 0013 8000")
        self.e_birthday = QLineEdit()
        self.e_birthday.setObjectName("enroll_birthday")
        self.e_birthday.setPlaceholderText(_("YYYY-MM-DD (optional)"))
        self.e_gender = QComboBox()
        self.e_gender.addItem(_("not given"), "")
        self.e_gender.addItem(_("female"), "F")
        self.e_gender.addItem(_("male"), "M")
        self.e_email = QLineEdit()
        self.e_email.setObjectName("enroll_email")
        self.e_id = QLineEdit()
        self.e_id.setObjectName("enroll_id")
        self.e_id.setPlaceholderText(_("Resident ID (optional; needed for large top-ups)"))
        self.e_privacy = QCheckBox(_("The customer agrees to the privacy notice (required)"))
        self.e_privacy.setObjectName("enroll_privacy")
        self.e_marketing = QCheckBox(_("Accepts promotion messages"))
        self.e_marketing.setObjectName("enroll_marketing")
        self.e_card = CardSource()
        pairs = (
            (_("Name"), self.e_name, _("Phone"), self.e_phone),
            (_("Birthday"), self.e_birthday, _("Gender"), self.e_gender),
            (_("Email"), self.e_email, _("ID number"), self.e_id),
        )
        for r, (l1, f1, l2, f2) in enumerate(pairs):
            grid.addWidget(QLabel(l1), r, 0)
            grid.addWidget(f1, r, 1)
            grid.addWidget(QLabel(l2), r, 2)
            grid.addWidget(f2, r, 3)
        grid.addWidget(self.e_privacy, 3, 1, 1, 3)
        grid.addWidget(self.e_marketing, 4, 1, 1, 3)
        grid.addWidget(QLabel(_("Card")), 5, 0)
        grid.addWidget(self.e_card, 5, 1, 1, 3)
        self.enroll_button = button(_("Enroll"), "F12", accent=True)
        self.enroll_button.setObjectName("enroll_button")
        self.enroll_button.clicked.connect(self.enroll)
        grid.addWidget(self.enroll_button, 6, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setRowStretch(7, 1)
        return w

    def _topup_tab(self) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        self.t_amount = QLineEdit()
        self.t_amount.setObjectName("topup_amount")
        self.t_amount.textChanged.connect(self.topup_preview)
        self.t_tender = QComboBox()
        for kind, name in (("cash", N_("Cash")), ("bank_card", N_("Bank card")),
                           ("other", N_("Other"))):
            self.t_tender.addItem(_(name), kind)
        self.t_reference = QLineEdit()
        self.t_reference.setPlaceholderText(_("Slip / voucher reference"))
        self.t_preview = role_label("card")
        self.t_preview.setObjectName("topup_preview")
        ladder = ", ".join(
            _("from %1 +%2").replace("%1", money_text(r.min_topup))
            .replace("%2", money_text(r.bonus))
            for r in self.ctx.terminal.program.stored_value.topup_bonus
        )
        form.addRow(_("Amount"), self.t_amount)
        form.addRow(_("Paid by"), self.t_tender)
        form.addRow(_("Reference"), self.t_reference)
        form.addRow(_("Bonus ladder"), QLabel(ladder))
        form.addRow(_("Preview"), self.t_preview)
        self.topup_button = button(_("Top up"), "F12", accent=True)
        self.topup_button.setObjectName("topup_button")
        self.topup_button.clicked.connect(self.topup)
        form.addRow("", self.topup_button)
        return w

    def _cards_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        row = QHBoxLayout()
        self.block_button = button(_("Block lost card"), danger=True)
        self.block_button.setObjectName("block_button")
        self.block_button.clicked.connect(self.block)
        row.addWidget(self.block_button)
        self.replace_button = button(_("Replace blocked card (supervisor)"))
        self.replace_button.setObjectName("replace_button")
        self.replace_button.clicked.connect(self.replace)
        row.addWidget(self.replace_button)
        lay.addLayout(row)
        self.c_card = CardSource()
        lay.addWidget(QLabel(_("New or supplementary card")))
        lay.addWidget(self.c_card)
        form = QFormLayout()
        self.s_holder = QLineEdit()
        self.s_holder.setObjectName("supp_holder")
        self.s_per_sale = QLineEdit()
        self.s_per_sale.setObjectName("supp_per_sale")
        self.s_per_sale.setPlaceholderText(_("no limit"))
        self.s_per_day = QLineEdit()
        self.s_per_day.setObjectName("supp_per_day")
        self.s_per_day.setPlaceholderText(_("no limit"))
        form.addRow(_("Holder name"), self.s_holder)
        form.addRow(_("Limit per sale"), self.s_per_sale)
        form.addRow(_("Limit per day"), self.s_per_day)
        lay.addLayout(form)
        self.supp_button = button(_("Issue supplementary card"))
        self.supp_button.setObjectName("supp_button")
        self.supp_button.clicked.connect(self.supplementary)
        lay.addWidget(self.supp_button)
        lay.addStretch(1)
        return w

    def _history_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.history = QLabel()
        self.history.setObjectName("history")
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.RichText)
        self.history.setAlignment(Qt.AlignmentFlag.AlignTop)
        lay.addWidget(self.history, 1)
        row = QHBoxLayout()
        self.tier_combo = QComboBox()
        self.tier_combo.setObjectName("tier_combo")
        self.tier_combo.setMinimumWidth(150)
        for tier in self.ctx.terminal.program.tiers:
            self.tier_combo.addItem(tier.name, tier.code)
        self.tier_reason = QLineEdit()
        self.tier_reason.setObjectName("tier_reason")
        self.tier_reason.setPlaceholderText(_("Reason (e.g. competitor's VIP card honoured)"))
        self.tier_button = button(_("Set tier (manager)"))
        self.tier_button.setObjectName("tier_button")
        self.tier_button.clicked.connect(self.set_tier)
        row.addWidget(self.tier_combo)
        row.addWidget(self.tier_reason, 1)
        row.addWidget(self.tier_button)
        lay.addLayout(row)
        return w

    # ------------------------------------------------------------------ events
    def on_show(self) -> None:
        self.find_field.setFocus()

    def on_key(self, key: str) -> bool:
        if key == "F6":
            self.find_field.setFocus()
            return True
        if key == "F12":
            {0: self.enroll, 1: self.topup}.get(self.tabs.currentIndex(), lambda: None)()
            return True
        return False

    def on_card(self, card: PresentedCard) -> bool:
        for src in (self.e_card, self.c_card):
            if src.isVisible() and src.waiting():
                src.present(card)
                return True
        self.load(card.identifier, card=True)
        return True

    def on_scan(self, code: str) -> bool:
        """A scanned card barcode binds a new card where one is awaited, else finds its
        member."""
        for src in (self.e_card, self.c_card):
            if src.isVisible() and src.waiting():
                src.present(PresentedCard("barcode", code, None))
                return True
        self.load(code, card=True)
        return True

    # ------------------------------------------------------------------ actions
    def fail(self, e: Exception) -> None:
        set_message(self.message, str(e))

    def ok(self, text: str) -> None:
        set_message(self.message, text, ok=True)

    def find_member(self) -> None:
        self.load(self.find_field.text())

    def load(self, text: str, card: bool = False, note: str = "") -> None:
        if not text.strip():
            return
        ctx = self.ctx

        def work() -> dict[str, Any]:
            m = member_lookup(ctx, text, card)
            m["history"] = self._history(m)
            return m

        def done(m: dict[str, Any]) -> None:
            self.show_member(m)
            if note:
                self.ok(note)

        self.ctx.run(work, done, self.fail)

    def _history(self, m: dict[str, Any]) -> str:
        t = self.ctx.terminal
        tz = t.program.timezone
        with t.read() as s:
            def name(code: str | None) -> str:
                try:
                    return t.program.tier(code).name if code else "—"
                except KeyError:  # a tier HQ has since removed
                    return code or "—"

            rows = [
                f"{c.at.astimezone(tz):%Y-%m-%d} {name(c.from_tier)} → {name(c.to_tier)} "
                f"({c.reason})"
                for c in tiers.history(s, m["member_id"])
            ]
            sales_rows = [
                f"{x.business_time.astimezone(tz):%Y-%m-%d %H:%M} {x.sale_no} "
                f"{_('sale') if x.kind == 'sale' else _('refund')} {money_text(x.total)}"
                for x in s.scalars(
                    select(Sale).where(Sale.member_id == m["member_id"])
                    .order_by(Sale.id.desc()).limit(10)
                )
            ]
            card = members.find_card(s, m["card"], active_only=False)
            tops = [
                f"{x.business_time.astimezone(tz):%Y-%m-%d %H:%M} {x.topup_no} "
                f"+{money_text(x.amount)} (+{money_text(x.bonus)})"
                for x in s.scalars(
                    select(Topup).where(Topup.card_id == members.account_card(s, card).id)
                    .order_by(Topup.id.desc()).limit(5)
                )
            ]
        parts = [f"<b>{_('Tier changes')}</b>", *rows, f"<b>{_('Recent sales')}</b>",
                 *(sales_rows or ["—"]), f"<b>{_('Top-ups')}</b>", *(tops or ["—"])]
        return "<br>".join(parts)

    def show_member(self, m: dict[str, Any]) -> None:
        self.member = m
        self.find_field.clear()
        status = "" if m["card_status"] == "active" else f" — {_('card')} {m['card_status']}"
        self.info.setText(
            member_html(m) + "<br>" + _("Card") + f": {mask_card(m['card'])}{status}"
        )
        self.history.setText(m.get("history", ""))
        self.message.clear()
        self.topup_preview()

    def enroll(self) -> None:
        if not self.e_privacy.isChecked():
            self.fail(PosError(_("The customer must agree to the privacy notice")))
            return
        try:
            bday = (
                date.fromisoformat(self.e_birthday.text().strip())
                if self.e_birthday.text().strip() else None
            )
            card_no, media, media_id = self.e_card.value()
        except ValueError as err:
            self.fail(err if isinstance(err, PosError) else PosError(_("Birthday: YYYY-MM-DD")))
            return
        e = members.Enrollment(
            name=self.e_name.text().strip(),
            phone=self.e_phone.text().strip() or None,
            birthday=bday,
            id_number=self.e_id.text().strip() or None,
            email=self.e_email.text().strip() or None,
            gender=self.e_gender.currentData() or None,
            marketing_consent=self.e_marketing.isChecked(),
            card_no=card_no,
            media=media,
            media_id=media_id,
        )
        ctx = self.ctx
        t, who = ctx.terminal, ctx.who

        def work() -> tuple[dict[str, Any], printing.Printout]:

            # receipts (PIL, qrcode) load on the database thread, not at app start
            from receipts.from_core import enrollment_document

            with t.tx() as s:
                m = members.enroll(t, s, e, who)
                card = members.main_card(s, m).card_no
                doc = printing.keep(t, s, enrollment_document(t, s, m, cashier=who.code))
            out = member_lookup(ctx, card, card=True)
            out["history"] = self._history(out)
            return out, printing.render(t, doc)

        def done(res: tuple[dict[str, Any], printing.Printout]) -> None:
            m, p = res
            ctx.devices.print_receipt(p.receipt_no, p.escpos, p.text)
            for f in (self.e_name, self.e_phone, self.e_birthday, self.e_email, self.e_id):
                f.clear()
            self.e_privacy.setChecked(False)
            self.e_marketing.setChecked(False)
            self.e_card.reset()
            self.show_member(m)
            self.ok(_("Enrolled: card %1").replace("%1", mask_card(m["card"])))

        self.ctx.run(work, done, self.fail)

    def topup_preview(self) -> None:
        text = self.t_amount.text().strip()
        if not text or self.member is None:
            self.t_preview.setText(_("Find a member, then enter an amount"))
            return
        try:
            amount = parse_money(text)
        except MoneyError as e:
            self.t_preview.setText(str(e))
            return
        t = self.ctx.terminal
        rules = t.program.stored_value
        bonus = rules.bonus_for(amount)
        sv = self.member["stored_value"]
        before = Decimal(sv["total"])
        cap = rules.max_balance_anonymous if self.member["anonymous"] else (
            rules.max_balance_registered)
        after = before + amount + bonus
        room = max(ZERO, cap - before - bonus)
        lines = [
            _("Bonus: %1").replace("%1", money_text(bonus)),
            _("Balance after: %1").replace("%1", money_text(after)),
            _("Card cap %1; at most %2 more can be added")
            .replace("%1", money_text(cap)).replace("%2", money_text(room)),
        ]
        if after > cap:
            lines.append("<b>" + _("Over the cap: this top-up will be refused") + "</b>")
        if amount >= rules.real_name_purchase_at:
            lines.append(_("Real-name purchase: the holder's ID number must be on file"))
        self.t_preview.setText("<br>".join(lines))

    def topup(self) -> None:
        if self.member is None:
            self.fail(PosError(_("Find a member first")))
            return
        try:
            amount = parse_money(self.t_amount.text())
        except MoneyError as e:
            self.fail(e)
            return
        ctx = self.ctx
        t, who = ctx.terminal, ctx.who
        card_no = self.member["card"]
        tender = str(self.t_tender.currentData())
        ref = self.t_reference.text().strip() or None

        def work() -> tuple[dict[str, Any], printing.Printout]:

            # receipts (PIL, qrcode) load on the database thread, not at app start
            from receipts.from_core import topup_document

            with t.tx() as s:
                res = stored_value.topup(t, s, card_no, amount, tender, who, reference=ref)
                doc = printing.keep(t, s, topup_document(t, s, res.topup.topup_no))
            m = member_lookup(ctx, card_no, card=True)
            m["history"] = self._history(m)
            return m, printing.render(t, doc)

        def done(res: tuple[dict[str, Any], printing.Printout]) -> None:
            m, p = res
            ctx.devices.print_receipt(p.receipt_no, p.escpos, p.text)
            if tender == "cash":
                ctx.devices.kick_drawer()
            self.t_amount.clear()
            self.t_reference.clear()
            self.show_member(m)
            self.ok(_("Topped up: balance %1").replace("%1", money_text(
                m["stored_value"]["total"])))

        self.ctx.run(work, done, self.fail)

    def block(self) -> None:
        if self.member is None:
            self.fail(PosError(_("Find a member first")))
            return
        ctx = self.ctx
        t, who = ctx.terminal, ctx.who
        card_no = self.member["card"]
        m = dict(self.member)

        def work() -> dict[str, Any]:
            with t.tx() as s:
                members.block_card(t, s, card_no, who, "lost")
            m["card_status"] = "blocked"
            return m

        def done(blocked: dict[str, Any]) -> None:
            self.show_member(blocked)
            self.ok(_("Card %1 is blocked").replace("%1", mask_card(card_no)))

        self.ctx.run(work, done, self.fail)

    def replace(self) -> None:
        if self.member is None:
            self.fail(PosError(_("Find a member first")))
            return
        try:
            new_no, media, media_id = self.c_card.value()
        except PosError as e:
            self.fail(e)
            return
        ctx = self.ctx
        t, who = ctx.terminal, ctx.who
        old = self.member["card"]

        def approved(approver: Operator | None) -> None:
            by = approver.code if approver else None

            def work() -> dict[str, Any]:
                with t.tx() as s:
                    new = members.replace_card(t, s, old, who, new_no=new_no, media=media,
                                               media_id=media_id, approved_by=by)
                    no = new.card_no
                m = member_lookup(ctx, no, card=True)
                m["history"] = self._history(m)
                return m

            def done(m: dict[str, Any]) -> None:
                self.c_card.reset()
                self.show_member(m)
                self.ok(_("New card %1 carries the balance").replace("%1", mask_card(m["card"])))

            ctx.run(work, done, self.fail)

        self.approval = ask_approval(ctx, self, "replace_card", approved)

    def set_tier(self) -> None:
        if self.member is None:
            self.fail(PosError(_("Find a member first")))
            return
        reason = self.tier_reason.text().strip()
        if not reason:
            self.fail(PosError(_("Give the reason for the tier change")))
            return
        ctx = self.ctx
        t, who = ctx.terminal, ctx.who
        card_no = self.member["card"]
        code = str(self.tier_combo.currentData())

        def approved(approver: Operator | None) -> None:
            by = approver.code if approver else None

            def work() -> dict[str, Any]:
                with t.tx() as s:
                    m = members.find_card(s, card_no).member
                    tiers.set_tier(t, s, m, code, who, reason, approved_by=by)
                out = member_lookup(ctx, card_no, card=True)
                out["history"] = self._history(out)
                return out

            def done(m: dict[str, Any]) -> None:
                self.tier_reason.clear()
                self.show_member(m)
                self.ok(_("Tier is now %1").replace("%1", m["tier_name"]))

            ctx.run(work, done, self.fail)

        self.approval = ask_approval(ctx, self, "tier_review", approved)

    def supplementary(self) -> None:
        if self.member is None:
            self.fail(PosError(_("Find a member first")))
            return
        try:
            per_sale = _money_or_none(self.s_per_sale.text())
            per_day = _money_or_none(self.s_per_day.text())
            card_no, media, media_id = self.c_card.value()
        except (MoneyError, PosError) as e:
            self.fail(e)
            return
        ctx = self.ctx
        t, who = ctx.terminal, ctx.who
        main = self.member["card"]
        holder = self.s_holder.text().strip()

        def work() -> str:
            with t.tx() as s:
                card = members.supplementary(
                    t, s, main, who, holder_name=holder, limit_per_sale=per_sale,
                    limit_per_day=per_day, card_no=card_no, media=media, media_id=media_id,
                )
                return card.card_no

        def done(no: str) -> None:
            self.c_card.reset()
            for f in (self.s_holder, self.s_per_sale, self.s_per_day):
                f.clear()
            self.load(main, card=True,
                      note=_("Supplementary card %1 issued").replace("%1", mask_card(no)))

        self.ctx.run(work, done, self.fail)

