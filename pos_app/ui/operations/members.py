"""The member counter's operations (and the member look-up every screen uses): each
runs on the database thread and returns plain values (see :mod:`pos_app.ui.operations`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from pos_app.core import (
    card_sales,
    chip,
    entitlements,
    gifts,
    group_enroll,
    members,
    stored_value,
    tiers,
)
from pos_app.core import card_stock as stock
from pos_app.core.models import Sale, Topup
from pos_app.core.staff import Operator, require
from pos_app.core.terminal import Terminal
from pos_app.ui import printing


@dataclass(frozen=True)
class MemberHistory:
    """What the history tab lists: tier changes, the last sales, the last top-ups."""

    # (date, from tier, to tier, reason)
    tier_changes: list[tuple[str, str, str, str]] = field(default_factory=list)
    # (time, receipt number, "sale" or "refund", total)
    sales: list[tuple[str, str, str, Decimal]] = field(default_factory=list)
    # (time, top-up number, amount, bonus)
    topups: list[tuple[str, str, Decimal, Decimal]] = field(default_factory=list)


def look_up(t: Terminal, text: str, card: bool = False,
            holder: bytes | None = None) -> dict[str, Any]:
    """Find a member by card (any media: number, chip or tag UID) or by phone (11 digits
    typed); the summary the screens show. A chip's ``holder`` record must name the card
    found and hold its check, else the card is refused."""
    text = text.strip()
    with t.read() as s:
        if not card and text.isdigit() and len(text) == 11 and text.startswith("1"):
            m = members.find_by_phone(t, s, text)
            found = members.main_card(s, m)
            out = members.summary(t, s, m)
            out["how"] = "phone"
        else:
            found = members.find_card(s, text)
            if holder is not None:
                found = chip.check_record(t, s, holder, found)
            m = found.member
            out = members.summary(t, s, m, found)
            out["how"] = "card"
        out["chip"] = chip.chip_media(found)  # "ic", "nfc" or None
        out["chip_unwritten"] = chip.unwritten_media(found)
        out["expiring_text"] = "; ".join(
            f"{x['points']} @ {x['expires']}" for x in out["points_expiring"]
        )
        out["entitlements_text"] = [f"{x.name}: {x.text()}"
                                    for x in entitlements.standing(t, s, m)]
        return out


@dataclass(frozen=True)
class ChipJob:
    """What the counter writes to a chip card: its number, medium, the holder's record
    and the UID bound to the card (None: any blank chip becomes the card's)."""

    card_no: str
    media: str
    record: bytes
    uid: str | None


def chip_job(t: Terminal, who: Operator, card_no: str) -> ChipJob | None:
    """The holder's record to write to ``card_no``'s chip; None for a card without one."""
    require(who, "chip_data", None)
    with t.read() as s:
        card = members.find_card(s, card_no)
        media = chip.chip_media(card)
        if media is None:
            return None
        return ChipJob(card.card_no, media, chip.record_for(t, s, card),
                       chip.chip_uid(card, media))


def chip_written(t: Terminal, who: Operator, job: ChipJob, uid: str) -> None:
    """The chip ``uid`` carries ``job``'s record: bound to the card, recorded, audited."""
    with t.tx() as s:
        card = members.find_card(s, job.card_no)
        if uid:
            members.bind_media(s, card, job.media, uid)
        chip.written(t, s, card, job.media, who)


def use_service(t: Terminal, who: Operator, card_no: str, service: str,
                served_by: str | None) -> tuple[dict[str, Any], str]:
    """Record one use of ``service``; the member shown and what is left of it."""
    with t.tx() as s:
        _use, after = entitlements.use(t, s, card_no, service, who, served_by)
    return find(t, card_no, card=True), f"{after.name}: {after.text()}"


def redeem_gift(t: Terminal, who: Operator, card_no: str, gift: str
                ) -> tuple[dict[str, Any], str]:
    """Give ``gift`` for the member's points; the member shown and the gift's name."""
    with t.tx() as s:
        r = gifts.redeem(t, s, card_no, gift, who)
    return find(t, card_no, card=True), r.gift.name


def history(t: Terminal, member_id: int, card_no: str) -> MemberHistory:
    """The member's tier changes, ten last sales and five last top-ups."""
    tz = t.program.timezone

    def name(code: str | None) -> str:
        try:
            return t.program.tier(code).name if code else "—"
        except KeyError:  # a tier HQ has since removed
            return code or "—"

    with t.read() as s:
        changes = [
            (f"{c.at.astimezone(tz):%Y-%m-%d}", name(c.from_tier), name(c.to_tier), c.reason)
            for c in tiers.history(s, member_id)
        ]
        sales = [
            (f"{x.business_time.astimezone(tz):%Y-%m-%d %H:%M}", x.sale_no, x.kind, x.total)
            for x in s.scalars(
                select(Sale).where(Sale.member_id == member_id).order_by(Sale.id.desc()).limit(10)
            )
        ]
        card = members.find_card(s, card_no, active_only=False)
        account = members.account_card(s, card).id
        tops = [
            (f"{x.business_time.astimezone(tz):%Y-%m-%d %H:%M}", x.topup_no, x.amount, x.bonus)
            for x in s.scalars(
                select(Topup).where(Topup.card_id == account).order_by(Topup.id.desc()).limit(5)
            )
        ]
    return MemberHistory(changes, sales, tops)


def find(t: Terminal, text: str, card: bool = False) -> dict[str, Any]:
    """The member's summary with its history (``"history"``)."""
    m = look_up(t, text, card)
    m["history"] = history(t, m["member_id"], m["card"])
    return m


def enroll(
    t: Terminal, who: Operator, e: members.Enrollment
) -> tuple[dict[str, Any], printing.Printout]:
    """Enroll the member, save the enrollment slip; the member shown and the slip."""
    # receipts (PIL, qrcode) load on the database thread, not at app start
    from receipts.from_core import enrollment_document

    with t.tx() as s:
        m = card_sales.enroll(t, s, e, who)
        card = members.main_card(s, m).card_no
        doc = printing.keep(t, s, enrollment_document(t, s, m, cashier=who.code))
    return find(t, card, card=True), printing.render(t, doc)


def top_up(
    t: Terminal,
    who: Operator,
    card_no: str,
    amount: Decimal,
    tender: str,
    reference: str | None,
) -> tuple[dict[str, Any], printing.Printout]:
    """Top up the card, save the top-up slip; the member shown and the slip."""
    # receipts (PIL, qrcode) load on the database thread, not at app start
    from receipts.from_core import topup_document

    with t.tx() as s:
        res = stored_value.topup(t, s, card_no, amount, tender, who, reference=reference)
        doc = printing.keep(t, s, topup_document(t, s, res.topup.topup_no))
    return find(t, card_no, card=True), printing.render(t, doc)


def block_lost_card(
    t: Terminal, who: Operator, card_no: str, member: dict[str, Any]
) -> dict[str, Any]:
    """Block the card as lost; the member shown, with the card blocked."""
    with t.tx() as s:
        members.block_card(t, s, card_no, who, "lost")
    return {**member, "card_status": "blocked"}


def replace_card(
    t: Terminal,
    who: Operator,
    old: str,
    new_no: str | None,
    media: str,
    media_id: str | None,
    approved_by: str | None,
) -> dict[str, Any]:
    """Replace a blocked card (the balance and supplementary cards move); the member
    shown on the new card."""
    with t.tx() as s:
        new = members.replace_card(
            t, s, old, who, new_no=new_no, media=media, media_id=media_id, approved_by=approved_by
        )
        no = new.card_no
    return find(t, no, card=True)


def set_tier(
    t: Terminal, who: Operator, card_no: str, code: str, reason: str, approved_by: str | None
) -> dict[str, Any]:
    """Set the member's tier by hand, with the reason; the member shown."""
    with t.tx() as s:
        m = members.find_card(s, card_no).member
        tiers.set_tier(t, s, m, code, who, reason, approved_by=approved_by)
    return find(t, card_no, card=True)


def issue_supplementary(
    t: Terminal,
    who: Operator,
    main: str,
    holder: str,
    per_sale: Decimal | None,
    per_day: Decimal | None,
    card_no: str | None,
    media: str,
    media_id: str | None,
) -> str:
    """Issue a supplementary card on the main card; its number."""
    with t.tx() as s:
        card = members.supplementary(
            t,
            s,
            main,
            who,
            holder_name=holder,
            limit_per_sale=per_sale,
            limit_per_day=per_day,
            card_no=card_no,
            media=media,
            media_id=media_id,
        )
        return card.card_no


def card_stock(t: Terminal, who: Operator) -> dict[str, Any]:
    """The store's card stock (the stock tab)."""
    require(who, "card_stock", None)
    with t.read() as s:
        return stock.stock(t, s)


def sell_card(t: Terminal, who: Operator, card_no: str, product: str,
              holder: str | None, terms: Any = None,
              approver: Operator | None = None) -> dict[str, Any]:
    """Sell the stock card ``card_no`` (and the next ones, ``terms.count``) at face in
    cash, or on ``terms`` (a :class:`~pos_app.ui.members.card_sale.CardSaleTerms`: a price
    below face with ``approver``, the tender, the buyer's real-name record); a registered
    product to the member shown, ``holder`` their card. The holder's member as the counter
    shows it, with the sale's number."""
    req = card_sales.CardSaleRequest(product=product, first=card_no, holder=holder)
    if terms is not None:
        req.count, req.price, req.tender = terms.count, terms.price, terms.tender
        req.buyer_name, req.buyer_id_number = terms.buyer_name, terms.buyer_id_number
    with t.tx() as s:
        cs = card_sales.sell(t, s, req, who, approver)
        card = members.find_card(s, card_no)
        out = members.summary(t, s, card.member, card)
        out["card_sale"] = cs.sale_no
        out["card_sale_paid"] = cs.paid
        return out


def grant_card(t: Terminal, who: Operator, card_no: str, product: str,
               holder: str) -> dict[str, Any]:
    """Give the member shown (``holder`` their card) the stock card ``card_no`` by the
    product's spending rule; the new card's member as the counter shows it."""
    with t.tx() as s:
        cs = card_sales.grant(t, s, product, holder, who, first=card_no)
        card = members.find_card(s, card_no)
        out = members.summary(t, s, card.member, card)
        out["card_sale"] = cs.sale_no
        return out


def group_check(t: Terminal, path: str, organisation: str) -> group_enroll.GroupResult:
    """The group file read and every row checked, nothing written: the report per row
    (names and phones masked)."""
    rows = group_enroll.read_rows(Path(path))
    with t.read() as s:
        result, _enrollments = group_enroll.check(t, s, rows, organisation.strip())
    return result


def group_enroll_file(t: Terminal, who: Operator, path: str, organisation: str,
                      product: str | None, skip_bad: bool,
                      approver: Operator | None) -> group_enroll.GroupResult:
    """Enroll the group file's members in one transaction, all or none (or the good rows
    when ``skip_bad``); a refusal (``GroupRefused``) carries the report of every row."""
    rows = group_enroll.read_rows(Path(path))
    with t.tx() as s:
        return group_enroll.enroll_group(t, s, rows, who, organisation=organisation,
                                         product=product, skip_bad=skip_bad,
                                         approver=approver)
