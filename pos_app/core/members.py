"""Members and their cards: enrollment, card media, supplementary cards, lost cards."""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos_app.core import card_stock, events, ledger, outbox, points
from pos_app.core.errors import NotFound, PosError
from pos_app.core.ledger import CNY, Posting, account
from pos_app.core.messages import Msg, status
from pos_app.core.models import (
    Account,
    Card,
    CardMedia,
    CardSale,
    Member,
    OutboxEvent,
    PointLot,
    StockCard,
    TierChange,
)
from pos_app.core.money import to_str
from pos_app.core.pii import (
    PiiVault,
    mask_address,
    mask_birthday,
    mask_card,
    mask_email,
    mask_name,
    mask_phone,
)
from pos_app.core.staff import Operator, audit
from pos_app.core.terminal import Terminal

MEDIA = ("barcode", "magstripe", "ic", "nfc", "virtual")
CARD_PREFIX = "88"
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_CARD_RE = re.compile(r"^[A-Za-z0-9\-]{4,32}$")


@dataclass
class Enrollment:
    name: str = ""
    phone: str | None = None
    birthday: date | None = None
    id_number: str | None = None
    email: str | None = None
    address: str | None = None
    gender: str | None = None
    marketing_consent: bool = False
    anonymous: bool = False
    card_no: str | None = None  # None: the next number in sequence
    media: str = "barcode"
    media_id: str | None = None  # chip or tag UID for ic / nfc
    sold: bool = False  # a stock card sold with its stored value (else given: issued)


def normalize_phone(raw: str) -> str:
    """A mainland China mobile number as 11 digits, or PosError naming the problem."""
    import phonenumbers  # its metadata only where a phone number is read (start-up cost)

    try:
        num = phonenumbers.parse(raw, "CN")
    except phonenumbers.NumberParseException as e:
        raise PosError("member.phone_not_a_number", phone=raw) from e
    if num.country_code != 86 or not phonenumbers.is_valid_number(num):
        raise PosError("member.phone_not_mainland", phone=raw)
    kind = phonenumbers.number_type(num)
    if kind not in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        raise PosError("member.phone_not_mobile", phone=raw)
    return str(num.national_number)


def age_on(birthday: date, day: date) -> int:
    return day.year - birthday.year - ((day.month, day.day) < (birthday.month, birthday.day))


def next_card_no(t: Terminal, s: Session) -> str:
    """Our card numbers: 88, the terminal's 4-digit card block, a 7-digit sequence, and a
    Luhn check digit (14 digits), issued in sequence without gaps."""
    seq = ledger.next_counter(s, "card")
    if seq > 9_999_999:
        raise PosError("member.card_block_used_up")
    body = f"{CARD_PREFIX}{t.identity.card_block:04d}{seq:07d}"
    return card_stock.with_check_digit(body)


def _check_card_no(card_no: str) -> None:
    if not _CARD_RE.match(card_no):
        raise PosError("member.card_no_format", card=card_no)
    if (
        card_no.isdigit()
        and len(card_no) == 14
        and card_no.startswith(CARD_PREFIX)
        and not card_stock.check_digit_ok(card_no)
    ):
        raise PosError("member.card_check_digit", card=card_no)


def _from_stock(t: Terminal, s: Session, card_no: str | None) -> StockCard | None:
    """The card of this store's stock a given number names (None: no number given, the
    next in sequence is issued); any other number is refused."""
    if not card_no:
        return None
    _check_card_no(card_no)
    return card_stock.in_store(t, s, card_no)


def _media_identifier(card_no: str, media: str, media_id: str | None) -> str:
    if media not in MEDIA:
        raise PosError("member.bad_media", allowed=", ".join(MEDIA), media=media)
    if media in ("ic", "nfc") and media_id:
        ident = media_id.strip().upper().replace(":", "")
        if not re.fullmatch(r"[0-9A-F]{8,20}", ident):
            raise PosError("member.bad_uid", media=media, uid=media_id)
        return ident
    return card_no


def validate(t: Terminal, e: Enrollment, today: date) -> dict[str, Any]:
    """Check an enrollment; return cleaned values. Raises PosError naming the field."""
    out: dict[str, Any] = {}
    if e.anonymous:
        if e.id_number:
            raise PosError("member.anonymous_id_number")
        out["phone"] = normalize_phone(e.phone) if e.phone else None
    else:
        if not e.name.strip():
            raise PosError("member.name_required")
        if not e.phone:
            raise PosError("member.phone_required")
        out["phone"] = normalize_phone(e.phone)
    if len(e.name) > 60:
        raise PosError("member.name_too_long")
    birthday = e.birthday
    if e.id_number:
        idn = e.id_number.strip().upper()
        from stdnum.cn import ric  # only where an ID number is read (start-up cost)
        from stdnum.exceptions import ValidationError

        try:
            ric.validate(idn)
        except ValidationError as err:
            raise PosError("member.bad_id_number", detail=err) from err
        id_birth = ric.get_birth_date(idn)
        if birthday is not None and birthday != id_birth:
            raise PosError("member.birthday_mismatch", birthday=birthday, id_birthday=id_birth)
        birthday = id_birth
        out["id_number"] = idn
    if birthday is not None:
        if birthday > today:
            raise PosError("member.birthday_future", birthday=birthday)
        age = age_on(birthday, today)
        if age < t.program.min_member_age:
            raise PosError("member.too_young", age=age, min_age=t.program.min_member_age)
    out["birthday"] = birthday
    if e.email:
        if not _EMAIL_RE.match(e.email):
            raise PosError("member.bad_email", email=e.email)
        out["email"] = e.email.strip()
    if e.address and e.address.strip():
        if len(e.address.strip()) > 200:
            raise PosError("member.address_too_long")
        out["address"] = e.address.strip()
    if e.gender not in (None, "", "F", "M"):
        raise PosError("member.bad_gender", gender=e.gender)
    return out


def enroll(t: Terminal, s: Session, e: Enrollment, who: Operator) -> Member:
    now = t.now()
    clean = validate(t, e, now.date())
    phone: str | None = clean["phone"]
    phone_hash = t.vault.lookup_hash("phone", phone) if phone else None
    if phone_hash and s.scalars(select(Member.id).where(Member.phone_hash == phone_hash)).first():
        raise PosError("member.phone_taken", phone=mask_phone(phone or ""))
    ident = t.identity
    v = t.vault
    m = Member(
        uid=str(uuid.uuid4()),
        name_enc=v.seal("name", e.name.strip()),
        gender=e.gender or None,
        birthday_enc=v.seal("birthday", clean["birthday"]),
        phone_enc=t.vault.encrypt("phone", phone) if phone else None,
        phone_hash=phone_hash,
        phone_last4=phone[-4:] if phone else None,
        id_no_enc=t.vault.encrypt("id_number", clean["id_number"])
        if "id_number" in clean
        else None,
        id_no_hash=t.vault.lookup_hash("id_number", clean["id_number"])
        if "id_number" in clean
        else None,
        email_enc=v.seal("email", clean.get("email")),
        address_enc=v.seal("address", clean.get("address")),
        tier_code=t.program.lowest_tier.code,
        anonymous=e.anonymous,
        marketing_consent=e.marketing_consent,
        marketing_consent_at=now if e.marketing_consent else None,
        enrolled_at=now,
        franchisee=ident.franchisee,
        store=ident.store,
    )
    sc = _from_stock(t, s, e.card_no)
    s.add(m)
    s.flush()
    card_no = e.card_no or next_card_no(t, s)
    card = issue_card(t, s, m, card_no, sc.media if sc else e.media, e.media_id, now)
    if sc is not None:
        card_stock.hand_out(t, s, sc, card, who, sold=e.sold, reason=Msg("cardmove.enrolled"),
                            valid_until=card_stock.validity(t, sc, now))
    s.add(
        TierChange(member_id=m.id, from_tier=None, to_tier=m.tier_code,
                   reason=Msg("tier.reason.enrolled"), at=now)
    )
    audit(
        s,
        now,
        who,
        "enroll",
        f"member {m.id}",
        {"card": mask_card(card_no), "anonymous": e.anonymous, "consent": e.marketing_consent},
    )
    s.flush()
    media = list(
        s.scalars(
            select(CardMedia).where(
                CardMedia.card_id.in_(select(Card.id).where(Card.member_id == m.id))
            )
        )
    )
    # who enrolled the member: the per-staff report at HQ counts enrollments by it
    outbox.record(t, s, "member_enrolled", {**events.member(m, media), "card": card_no,
                                            "enrolled_by": who.code}, now)
    return m


def issue_card(
    t: Terminal,
    s: Session,
    m: Member,
    card_no: str,
    media: str,
    media_id: str | None,
    now: datetime,
    main: Card | None = None,
    limit_per_sale: Decimal | None = None,
    limit_per_day: Decimal | None = None,
) -> Card:
    _check_card_no(card_no)
    if s.scalars(select(Card.id).where(Card.card_no == card_no)).first():
        raise PosError("member.card_issued", card=card_no)
    card = Card(
        card_no=card_no,
        member_id=m.id,
        main_card_id=main.id if main else None,
        status="active",
        holder_name_enc=m.name_enc,
        issued_at=now,
        franchisee=t.identity.franchisee,
        limit_per_sale=limit_per_sale,
        limit_per_day=limit_per_day,
        chip_pending=media in ("ic", "nfc"),  # its chip is written next (core.chip)
    )
    s.add(card)
    s.flush()
    bind_media(s, card, media, media_id)
    if media != "virtual":
        # The printed number also finds the card when typed in or scanned.
        ident = _media_identifier(card_no, "virtual", None)
        if not s.scalars(
            select(CardMedia.id).where(CardMedia.media == "virtual", CardMedia.identifier == ident)
        ).first():
            s.add(CardMedia(card_id=card.id, media="virtual", identifier=ident))
    s.flush()
    return card


def bind_media(s: Session, card: Card, media: str, media_id: str | None) -> CardMedia:
    ident = _media_identifier(card.card_no, media, media_id)
    clash = s.scalars(
        select(CardMedia).where(CardMedia.media == media, CardMedia.identifier == ident)
    ).first()
    if clash:
        if clash.card_id == card.id:
            return clash
        raise PosError("member.media_bound", media=media, uid=ident)
    cm = CardMedia(card_id=card.id, media=media, identifier=ident)
    s.add(cm)
    s.flush()
    return cm


def find_card(
    s: Session, identifier: str, media: str | None = None, *, active_only: bool = True
) -> Card:
    """Find a card by what a device or a person gave: card number, UID, barcode."""
    ident = identifier.strip()
    q = select(CardMedia).where(CardMedia.identifier.in_([ident, ident.upper()]))
    if media:
        q = q.where(CardMedia.media == media)
    cm = s.scalars(q).first()
    card = cm.card if cm else s.scalars(select(Card).where(Card.card_no == ident)).first()
    if card is None:
        raise NotFound("member.no_card", card=mask_card(ident))
    if active_only and card.status != "active":
        raise PosError("member.card_unusable", card=mask_card(card.card_no),
                       status=status(card.status))
    if active_only:
        card_stock.refuse_past_validity(s, card)
    return card


def find_by_phone(t: Terminal, s: Session, phone: str) -> Member:
    p = normalize_phone(phone)
    m = s.scalars(
        select(Member).where(Member.phone_hash == t.vault.lookup_hash("phone", p))
    ).first()
    if m is None:
        raise NotFound("member.no_member_with_phone", phone=mask_phone(p))
    return m


def main_card(s: Session, m: Member) -> Card:
    card = s.scalars(
        select(Card)
        .where(Card.member_id == m.id, Card.main_card_id.is_(None), Card.status == "active")
        .order_by(Card.id.desc())
    ).first()
    if card is None:
        card = s.scalars(
            select(Card)
            .where(Card.member_id == m.id, Card.main_card_id.is_(None))
            .order_by(Card.id.desc())
        ).first()
    if card is None:
        raise NotFound("member.has_no_card", member=m.id)
    return card


def current_card(s: Session, card: Card) -> Card:
    """A replaced card's stored value lives on its replacement (and so on)."""
    while card.status == "replaced" and card.replaced_by_id is not None:
        nxt = s.get(Card, card.replaced_by_id)
        assert nxt is not None
        card = nxt
    return card


def account_card(s: Session, card: Card) -> Card:
    """The card whose stored-value account a card spends from: its main card (as replaced
    since), or itself for a main card."""
    if card.main_card_id is None:
        return card
    main = s.get(Card, card.main_card_id)
    assert main is not None
    return current_card(s, main)


def supplementary(
    t: Terminal,
    s: Session,
    main_no: str,
    who: Operator,
    *,
    holder_name: str,
    limit_per_sale: Decimal | None,
    limit_per_day: Decimal | None,
    card_no: str | None = None,
    media: str = "barcode",
    media_id: str | None = None,
) -> Card:
    main = find_card(s, main_no)
    if main.main_card_id is not None:
        raise PosError("member.supplementary_of_supplementary")
    for lim in (limit_per_sale, limit_per_day):
        if lim is not None and lim <= 0:
            raise PosError("member.limit_not_positive")
    now = t.now()
    sc = _from_stock(t, s, card_no)
    card = issue_card(
        t,
        s,
        main.member,
        card_no or next_card_no(t, s),
        sc.media if sc else media,
        media_id,
        now,
        main=main,
        limit_per_sale=limit_per_sale,
        limit_per_day=limit_per_day,
    )
    card.holder_name_enc = (t.vault.seal("name", holder_name) if holder_name
                            else main.member.name_enc)
    if sc is not None:
        card_stock.hand_out(t, s, sc, card, who, sold=False,
                            reason=Msg("cardmove.supplementary"))
    audit(
        s,
        now,
        who,
        "supplementary_card",
        f"member {main.member_id}",
        {
            "main": mask_card(main.card_no),
            "card": mask_card(card.card_no),
            "limit_per_sale": to_str(limit_per_sale) if limit_per_sale else None,
            "limit_per_day": to_str(limit_per_day) if limit_per_day else None,
        },
    )
    outbox.record(
        t,
        s,
        "card_issued",
        {
            "card": card.card_no,
            "main_card": main.card_no,
            "member": main.member.uid,
            "franchisee": card.franchisee,
            "limit_per_sale": limit_per_sale,
            "limit_per_day": limit_per_day,
            "media": media,
            "identifier": _media_identifier(card.card_no, media, media_id),
        },
        now,
    )
    return card


def block_card(t: Terminal, s: Session, card_no: str, who: Operator, reason: str = "lost") -> Card:
    card = find_card(s, card_no, active_only=False)
    if card.status != "active":
        raise PosError("member.card_already", card=mask_card(card.card_no),
                       status=status(card.status))
    now = t.now()
    card.status = "blocked"
    card.blocked_at = now
    card.block_reason = reason
    sc = card_stock.of_card(s, card)
    if sc is not None and sc.status == "active":
        card_stock.move(t, s, sc, "blocked", who, reason, now, event=False)
    audit(
        s,
        now,
        who,
        "block_card",
        f"member {card.member_id}",
        {"card": mask_card(card.card_no), "reason": reason},
    )
    outbox.record(
        t,
        s,
        "card_blocked",
        {"card": card.card_no, "member": card.member.uid, "reason": reason},
        now,
    )
    return card


def bind_card(
    t: Terminal, s: Session, card_no: str, media: str, media_id: str | None, who: Operator
) -> CardMedia:
    """Bind another medium (a swipe, a tap, a chip) to an active card."""
    card = find_card(s, card_no)
    cm = bind_media(s, card, media, media_id)
    if cm.media in ("ic", "nfc"):
        card.chip_pending = True  # a chip bound now carries no holder's record yet
    now = t.now()
    audit(
        s,
        now,
        who,
        "bind_card",
        f"member {card.member_id}",
        {"card": mask_card(card.card_no), "media": cm.media},
    )
    outbox.record(
        t,
        s,
        "card_bound",
        {
            "card": card.card_no,
            "member": card.member.uid,
            "media": cm.media,
            "identifier": cm.identifier,
        },
        now,
    )
    return cm


def replace_card(
    t: Terminal,
    s: Session,
    old_no: str,
    who: Operator,
    *,
    new_no: str | None = None,
    media: str = "barcode",
    media_id: str | None = None,
    approved_by: str | None = None,
) -> Card:
    """Move a blocked (lost) card's stored value to a new card. Points stay with the
    member. Supplementary cards under it follow the new card."""
    old = find_card(s, old_no, active_only=False)
    if old.status == "active":
        raise PosError("member.not_blocked", card=mask_card(old.card_no))
    if old.status == "replaced":
        raise PosError("member.already_replaced", card=mask_card(old.card_no))
    now = t.now()
    sc = _from_stock(t, s, new_no)
    new = issue_card(
        t,
        s,
        old.member,
        new_no or next_card_no(t, s),
        sc.media if sc else media,
        media_id,
        now,
        limit_per_sale=old.limit_per_sale,
        limit_per_day=old.limit_per_day,
    )
    if sc is not None:
        card_stock.hand_out(t, s, sc, new, who, sold=False,
                            reason=Msg("cardmove.replaces", card=mask_card(old.card_no)))
    if old.main_card_id is not None:
        new.main_card_id = old.main_card_id
    new.holder_name_enc = old.holder_name_enc
    p = Posting("card_replace", now, who.code, ref=new.card_no)
    for part in ("principal", "bonus"):
        src, dst = sv_account(s, old, part), sv_account(s, new, part)
        # liabilities are credit balances (negative): move them whole
        p.debit(src, -src.balance)
        p.credit(dst, -src.balance)
    reason = f"stored value to card {mask_card(new.card_no)}"
    journal = (
        ledger.post_adjustment(s, p, now, t.info(s), "transfer", reason) if p.lines else None
    )
    old.status = "replaced"
    old.replaced_by_id = new.id
    for sub in s.scalars(select(Card).where(Card.main_card_id == old.id)):
        sub.main_card_id = new.id
    audit(
        s,
        now,
        who,
        "replace_card",
        f"member {old.member_id}",
        {"old": mask_card(old.card_no), "new": mask_card(new.card_no)},
        approved_by=approved_by,
    )
    outbox.record(
        t,
        s,
        "card_replaced",
        {
            "old_card": old.card_no,
            "new_card": new.card_no,
            "member": old.member.uid,
            "franchisee": new.franchisee,
            "media": media,
            "identifier": _media_identifier(new.card_no, media, media_id),
            "approved_by": approved_by,
        },
        now,
        journal,
    )
    return new


def sv_account(s: Session, card: Card, part: str) -> Account:
    """The card's own stored-value account, ``part`` principal or bonus."""
    return account(s, f"sv:card:{card.card_no}:{part}", CNY, member_id=card.member_id,
                   card_id=card.id)


def sv_accounts(s: Session, card: Card) -> tuple[Account, Account]:
    """(principal, bonus) accounts a card spends from (its main card's)."""
    acc_card = account_card(s, card)
    return sv_account(s, acc_card, "principal"), sv_account(s, acc_card, "bonus")


def sv_balance(s: Session, card: Card) -> tuple[Decimal, Decimal]:
    """(principal, bonus) on the account a card spends from."""
    principal, bonus = sv_accounts(s, card)
    return ledger.yuan(-principal.balance), ledger.yuan(-bonus.balance)


def points_balance(s: Session, m: Member) -> int:
    return -points.member_account(s, m.id).balance


def expiring_lots(s: Session, m: Member, now: datetime, limit: int = 3) -> list[PointLot]:
    return list(
        s.scalars(
            select(PointLot)
            .where(
                PointLot.member_id == m.id, PointLot.remaining > 0, PointLot.expires_at.is_not(None)
            )
            .order_by(PointLot.expires_at, PointLot.id)
            .limit(limit)
        )
    )


def summary(t: Terminal, s: Session, m: Member, card: Card | None = None) -> dict[str, Any]:
    """The member object the command line and the screens show (personal data masked)."""
    card = card or main_card(s, m)
    principal, bonus = sv_balance(s, card)
    now = t.now()
    tier = t.program.tier(m.tier_code)
    lots = expiring_lots(s, m, now)
    # group the soonest-expiring points by date
    expiring: dict[str, int] = {}
    for lot in lots:
        assert lot.expires_at is not None
        key = lot.expires_at.astimezone(t.program.timezone).date().isoformat()
        expiring[key] = expiring.get(key, 0) + lot.remaining
    p = personal(t, m)
    phone, birthday = p["phone"], p["birthday"]
    birthday_today = bool(birthday and (birthday.month, birthday.day) == (now.month, now.day))
    n_cards = s.scalar(select(func.count(Card.id)).where(Card.member_id == m.id)) or 0
    return {
        "member_id": m.id,
        "name": mask_name(p["name"]),
        "phone": mask_phone(phone) if phone else None,
        "birthday": mask_birthday(birthday),
        "email": mask_email(p["email"]),
        "address": mask_address(p["address"]),
        "anonymous": m.anonymous,
        "card": card.card_no,
        "card_status": card.status,
        "supplementary": card.main_card_id is not None,
        "cards": n_cards,
        "tier": tier.code,
        "tier_name": tier.name,
        "points": points_balance(s, m),
        "points_expiring": [{"points": p, "expires": d} for d, p in expiring.items()],
        "stored_value": {
            "principal": to_str(principal),
            "bonus": to_str(bonus),
            "total": to_str(principal + bonus),
        },
        "birthday_today": birthday_today,
        "marketing_consent": m.marketing_consent,
    }


def personal(t: Terminal, m: Member) -> dict[str, Any]:
    """The member's personal data in clear, for masking or a service that needs it
    (never printed or logged whole)."""
    v = t.vault
    return {
        "name": v.open("name", m.name_enc) or "",
        "phone": v.open("phone", m.phone_enc),
        "id_number": v.open("id_number", m.id_no_enc),
        "birthday": v.open_date("birthday", m.birthday_enc),
        "email": v.open("email", m.email_enc),
        "address": v.open("address", m.address_enc),
    }


_SEALED = (("name", "name_enc"), ("phone", "phone_enc"), ("id_number", "id_no_enc"),
           ("birthday", "birthday_enc"), ("email", "email_enc"), ("address", "address_enc"))


def reseal(s: Session, old: PiiVault, new: PiiVault) -> int:
    """Seal every member's personal data and every card's holder name again with
    ``new``'s current key (read with ``old``), and redo the lookup hashes. Values already
    sealed with that key version are left alone when both rings hold it. Returns the
    number of values sealed again."""
    same_ring = new.keys.get(new.version) == old.keys.get(new.version)
    n = 0

    def again(field: str, blob: bytes | None) -> bytes | None:
        nonlocal n
        if blob is None or (same_ring and new.current(blob)):
            return blob
        n += 1
        return new.encrypt(field, old.decrypt(field, blob))

    for m in s.scalars(select(Member)):
        for field, col in _SEALED:
            setattr(m, col, again(field, getattr(m, col)))
        if m.phone_enc:
            m.phone_hash = new.lookup_hash("phone", new.decrypt("phone", m.phone_enc))
        if m.id_no_enc:
            m.id_no_hash = new.lookup_hash("id_number", new.decrypt("id_number", m.id_no_enc))
    for card in s.scalars(select(Card).where(Card.holder_name_enc.is_not(None))):
        card.holder_name_enc = again("name", card.holder_name_enc)
    for cs in s.scalars(select(CardSale).where(CardSale.buyer_id_enc.is_not(None))):
        cs.buyer_name_enc = again("name", cs.buyer_name_enc)
        cs.buyer_id_enc = again("id_number", cs.buyer_id_enc)
        if cs.buyer_id_enc:
            cs.buyer_id_hash = new.lookup_hash("id_number", new.decrypt("id_number",
                                                                        cs.buyer_id_enc))
    s.flush()
    return n


def holder_name(t: Terminal, card: Card) -> str:
    return t.vault.open("name", card.holder_name_enc) or ""


def reveal_phone(t: Terminal, m: Member) -> str | None:
    """The full phone number, for a service that must call the member (never printed)."""
    return t.vault.decrypt("phone", m.phone_enc) if m.phone_enc else None


def reseal_pending(t: Terminal, s: Session) -> None:
    """Unsent enrollment events carry personal data sealed with the key being replaced
    (or, from before every field was sealed, in clear): seal them as the member rows are
    now sealed and re-chain the unsent events from there. Nothing sent is touched."""
    evs = list(s.scalars(select(OutboxEvent).where(OutboxEvent.status == "pending")
                         .order_by(OutboxEvent.seq)))
    fields = ("name_enc", "phone_enc", "phone_hash", "id_no_enc", "id_no_hash",
              "birthday_enc", "email_enc", "address_enc")
    first = None
    for i, ev in enumerate(evs):
        if ev.kind != "member_enrolled":
            continue
        p = json.loads(ev.payload)
        m = s.scalars(select(Member).where(Member.uid == p.get("member"))).first()
        if m is None:
            continue
        plain = [f for f in ("name", "birthday", "email") if f in p]
        for f in plain:
            del p[f]
        p.update({f: v for f, v in events.member(m).items() if f in fields})
        if plain or any(p.get(f) for f in fields):
            ev.payload = outbox.canonical(p)
            first = i if first is None else first
    if first is None:
        return
    prev = evs[first].prev_hash
    for ev in evs[first:]:
        ev.prev_hash = prev
        ev.hash = outbox.event_hash(prev, outbox.header_of(ev, t), ev.payload)
        prev = ev.hash
    s.flush()
