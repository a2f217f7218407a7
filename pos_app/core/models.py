"""The terminal's ledger schema (SQLAlchemy 2). Money is stored as whole cents in
integers (SQLite has no decimal type) and read back as exact Decimal yuan.

The annotations are real types, not strings (no ``from __future__ import annotations``):
SQLAlchemy would otherwise evaluate each of the ~260 annotation strings when mapping the
classes, a cost every ``pos`` command on the ledger pays at start. Only the relationships'
targets defined further down are quoted."""

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from pos_app.core.money import CENT, money


class Cents(TypeDecorator[Decimal]):
    """Exact yuan stored as an integer number of cents."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        q = money(value)
        return int(q / CENT)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(int(value)) * CENT).quantize(CENT)


class UtcDateTime(TypeDecorator[datetime]):
    """Time-zone aware datetimes, stored as UTC ISO text and read back aware."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a naive datetime cannot be stored; give it a time zone")
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(value)


class Base(DeclarativeBase):
    pass


class TerminalInfo(Base):
    """The one row that says who this terminal is."""

    __tablename__ = "terminal_info"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    franchisee: Mapped[str] = mapped_column(String(40))
    store: Mapped[str] = mapped_column(String(40))
    terminal: Mapped[str] = mapped_column(String(40))
    card_block: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # bumped when the ledger is restored from a backup, so HQ can tell a rewind
    epoch: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class Counter(Base):
    """Gapless counters (journal sequence, receipt numbers, card numbers)."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class Staff(Base):
    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    role: Mapped[str] = mapped_column(String(20))  # cashier | supervisor | manager
    pin_hash: Mapped[str] = mapped_column(String(200))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class AuditEntry(Base):
    """Append-only, hash-chained (triggers refuse UPDATE and DELETE)."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    staff: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(80), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    approved_by: Mapped[str | None] = mapped_column(String(20), nullable=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    mac: Mapped[str] = mapped_column(String(64), default="")  # sealing.seal of the hash


class Item(Base):
    __tablename__ = "items"
    sku: Mapped[str] = mapped_column(String(40), primary_key=True)
    barcode: Mapped[str | None] = mapped_column(String(14), unique=True, nullable=True)
    name: Mapped[str] = mapped_column(String(120))
    category: Mapped[str] = mapped_column(String(40))
    price: Mapped[Decimal] = mapped_column(Cents)
    member_price: Mapped[Decimal | None] = mapped_column(Cents, nullable=True)
    member_discount: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Member(Base):
    __tablename__ = "members"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)  # the member chain-wide
    # personal data sealed with the chain's personal-data key (pos_app/core/pii.py)
    name_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    gender: Mapped[str | None] = mapped_column(String(1), nullable=True)
    birthday_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    phone_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    phone_hash: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    phone_last4: Mapped[str | None] = mapped_column(String(4), nullable=True)
    id_no_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    id_no_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    email_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    address_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    tier_code: Mapped[str] = mapped_column(String(20))
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    marketing_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    marketing_consent_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    enrolled_at: Mapped[datetime] = mapped_column(UtcDateTime)
    franchisee: Mapped[str] = mapped_column(String(40))
    store: Mapped[str] = mapped_column(String(40))
    cards: Mapped[list["Card"]] = relationship(
        back_populates="member", foreign_keys="Card.member_id"
    )


class Card(Base):
    __tablename__ = "cards"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    card_no: Mapped[str] = mapped_column(String(32), unique=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    main_card_id: Mapped[int | None] = mapped_column(ForeignKey("cards.id"), nullable=True)
    status: Mapped[str] = mapped_column(String(12), default="active")  # active|blocked|replaced
    holder_name_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    limit_per_sale: Mapped[Decimal | None] = mapped_column(Cents, nullable=True)
    limit_per_day: Mapped[Decimal | None] = mapped_column(Cents, nullable=True)
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    blocked_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    block_reason: Mapped[str | None] = mapped_column(String(80), nullable=True)
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("cards.id"), nullable=True)
    franchisee: Mapped[str] = mapped_column(String(40))
    # when the holder's record was last written to the card's chip or tag (chip cards)
    chip_written_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    # a chip card issued here whose holder's record is not written yet (a card another
    # store issued, known from HQ, is never pending here: its chip is that store's)
    chip_pending: Mapped[bool] = mapped_column(Boolean, default=False)
    member: Mapped["Member"] = relationship(back_populates="cards", foreign_keys=[member_id])
    media: Mapped[list["CardMedia"]] = relationship(back_populates="card")


class CardMedia(Base):
    """How a card is presented: barcode, magstripe, IC chip, NFC UID or virtual number."""

    __tablename__ = "card_media"
    __table_args__ = (UniqueConstraint("media", "identifier"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("cards.id"), index=True)
    media: Mapped[str] = mapped_column(String(12))
    identifier: Mapped[str] = mapped_column(String(64))
    card: Mapped["Card"] = relationship(back_populates="media")


class Account(Base):
    """A ledger account. ``balance`` is the signed sum of its entries (debit positive),
    kept in whole cents for CNY accounts and whole points for PTS accounts."""

    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(80), unique=True)
    unit: Mapped[str] = mapped_column(String(3))  # CNY | PTS
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), nullable=True)
    card_id: Mapped[int | None] = mapped_column(ForeignKey("cards.id"), nullable=True)
    balance: Mapped[int] = mapped_column(BigInteger, default=0)


class Journal(Base):
    """One business transaction; its entries balance per unit. It names the one business
    record it books (``record_kind`` and that record's number, ``record_ref``: a sale's
    receipt number, a top-up's, a shift's, an adjustment's) and shares its ``event_id``
    with the outbox event that carries it to HQ (``pos ledger verify`` checks both ties
    both ways)."""

    __tablename__ = "journal"
    __table_args__ = (Index("ix_journal_record", "record_kind", "record_ref"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(30))
    business_time: Mapped[datetime] = mapped_column(UtcDateTime)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    franchisee: Mapped[str] = mapped_column(String(40))
    store: Mapped[str] = mapped_column(String(40))
    terminal: Mapped[str] = mapped_column(String(40))
    staff: Mapped[str] = mapped_column(String(20))
    ref: Mapped[str] = mapped_column(String(40), default="")
    record_kind: Mapped[str] = mapped_column(String(20), default="")
    record_ref: Mapped[str] = mapped_column(String(40), default="")
    entries: Mapped[list["Entry"]] = relationship(back_populates="journal")


class Entry(Base):
    __tablename__ = "entries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    journal_id: Mapped[int] = mapped_column(ForeignKey("journal.id"), index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)  # debit positive, credit negative
    unit: Mapped[str] = mapped_column(String(3))
    journal: Mapped["Journal"] = relationship(back_populates="entries")


class PointLot(Base):
    """Points earned together, spent oldest first, expiring together. A negative lot is
    points a member owes after a refund took back points already spent."""

    __tablename__ = "point_lots"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    journal_id: Mapped[int] = mapped_column(ForeignKey("journal.id"))
    source: Mapped[str] = mapped_column(String(20))  # earn | transfer | owed
    sale_no: Mapped[str | None] = mapped_column(String(40), nullable=True)
    earned_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    points: Mapped[int] = mapped_column(BigInteger)
    remaining: Mapped[int] = mapped_column(BigInteger)


class PointLotUse(Base):
    """Which lots a redemption or a take-back drew from, so a refund can put them back."""

    __tablename__ = "point_lot_uses"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("point_lots.id"), index=True)
    journal_id: Mapped[int] = mapped_column(ForeignKey("journal.id"), index=True)
    points: Mapped[int] = mapped_column(BigInteger)


class Sale(Base):
    """A sale or a refund, as printed on its receipt."""

    __tablename__ = "sales"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_no: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(10))  # sale | refund
    original_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"), nullable=True)
    journal_id: Mapped[int] = mapped_column(ForeignKey("journal.id"))
    business_time: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id"), nullable=True, index=True
    )
    card_id: Mapped[int | None] = mapped_column(ForeignKey("cards.id"), nullable=True)
    tier_code: Mapped[str | None] = mapped_column(String(20), nullable=True)
    coupon_code: Mapped[str | None] = mapped_column(String(40), nullable=True)
    total: Mapped[Decimal] = mapped_column(Cents)
    change: Mapped[Decimal] = mapped_column(Cents, default=Decimal("0.00"))
    points_earned: Mapped[int] = mapped_column(BigInteger, default=0)
    pay_discount_applied: Mapped[bool] = mapped_column(Boolean, default=False)
    cashier: Mapped[str] = mapped_column(String(20))
    credited_staff: Mapped[str | None] = mapped_column(String(20), nullable=True)
    approved_by: Mapped[str | None] = mapped_column(String(20), nullable=True)
    # a late entry (a real sale at an earlier business time): the manager who allowed it
    late_entry_by: Mapped[str | None] = mapped_column(String(20), nullable=True)
    # a non-member sale above [performance] offer_membership_above: was membership
    # offered (None: not asked)
    membership_offered: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    lines: Mapped[list["SaleLine"]] = relationship(back_populates="sale", order_by="SaleLine.no")
    tenders: Mapped[list["SaleTender"]] = relationship(
        back_populates="sale", order_by="SaleTender.no"
    )


class SaleLine(Base):
    __tablename__ = "sale_lines"
    __table_args__ = (UniqueConstraint("sale_id", "no"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), index=True)
    no: Mapped[int] = mapped_column(Integer)
    original_line_id: Mapped[int | None] = mapped_column(ForeignKey("sale_lines.id"), nullable=True)
    sku: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(120))
    category: Mapped[str] = mapped_column(String(40))
    qty: Mapped[int] = mapped_column(Integer)
    list_price: Mapped[Decimal] = mapped_column(Cents)
    unit_price: Mapped[Decimal] = mapped_column(Cents)
    base: Mapped[Decimal] = mapped_column(Cents)
    amount: Mapped[Decimal] = mapped_column(Cents)
    points_earned: Mapped[int] = mapped_column(BigInteger, default=0)
    refunded_qty: Mapped[int] = mapped_column(Integer, default=0)
    sale: Mapped["Sale"] = relationship(back_populates="lines")
    discounts: Mapped[list["LineDiscount"]] = relationship(order_by="LineDiscount.id")
    shares: Mapped[list["LineTenderShare"]] = relationship(order_by="LineTenderShare.tender_no")


class LineDiscount(Base):
    __tablename__ = "line_discounts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("sale_lines.id"), index=True)
    source: Mapped[str] = mapped_column(String(20))
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(80))
    amount: Mapped[Decimal] = mapped_column(Cents)


class SaleTender(Base):
    __tablename__ = "sale_tenders"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), index=True)
    no: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))  # points|stored_value|cash|bank_card|other
    amount: Mapped[Decimal] = mapped_column(Cents)  # applied to the sale
    tendered: Mapped[Decimal] = mapped_column(Cents)  # handed over (cash above the amount)
    points: Mapped[int] = mapped_column(BigInteger, default=0)
    principal: Mapped[Decimal] = mapped_column(Cents, default=Decimal("0.00"))
    bonus: Mapped[Decimal] = mapped_column(Cents, default=Decimal("0.00"))
    card_id: Mapped[int | None] = mapped_column(ForeignKey("cards.id"), nullable=True)
    reference: Mapped[str | None] = mapped_column(String(40), nullable=True)
    sale: Mapped["Sale"] = relationship(back_populates="tenders")


class LineTenderShare(Base):
    """What each tender paid of each line: refunds give back exactly this."""

    __tablename__ = "line_tender_shares"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("sale_lines.id"), index=True)
    tender_no: Mapped[int] = mapped_column(Integer)
    amount: Mapped[Decimal] = mapped_column(Cents)
    points: Mapped[int] = mapped_column(BigInteger, default=0)
    principal: Mapped[Decimal] = mapped_column(Cents, default=Decimal("0.00"))
    bonus: Mapped[Decimal] = mapped_column(Cents, default=Decimal("0.00"))


class CouponUse(Base):
    __tablename__ = "coupon_uses"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), index=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"))
    used_at: Mapped[datetime] = mapped_column(UtcDateTime)
    returned_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class Topup(Base):
    __tablename__ = "topups"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    topup_no: Mapped[str] = mapped_column(String(40), unique=True)
    journal_id: Mapped[int] = mapped_column(ForeignKey("journal.id"))
    card_id: Mapped[int] = mapped_column(ForeignKey("cards.id"), index=True)
    amount: Mapped[Decimal] = mapped_column(Cents)
    bonus: Mapped[Decimal] = mapped_column(Cents)
    tender: Mapped[str] = mapped_column(String(20))
    business_time: Mapped[datetime] = mapped_column(UtcDateTime)
    staff: Mapped[str] = mapped_column(String(20))


class Adjustment(Base):
    """The business record of a journal that is not a sale, refund, top-up or shift: a
    points expiry, a transfer (points between members, stored value to a replacement
    card) or an adjustment (the terminal aligned to HQ, an event HQ refused undone)."""

    __tablename__ = "adjustments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    adj_no: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # expiry | transfer | adjustment
    reason: Mapped[str] = mapped_column(String(80))
    journal_id: Mapped[int] = mapped_column(ForeignKey("journal.id"), unique=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    staff: Mapped[str] = mapped_column(String(20))


class TierChange(Base):
    __tablename__ = "tier_changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    from_tier: Mapped[str | None] = mapped_column(String(20), nullable=True)
    to_tier: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(UtcDateTime)


Index("ix_sales_member_time", Sale.member_id, Sale.business_time)


class ReceiptRecord(Base):
    """The document of every printed receipt or slip, saved in the same transaction as
    the business it records, so it can be reprinted exactly (JSON from receipts.serialize)."""

    __tablename__ = "receipt_records"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receipt_no: Mapped[str] = mapped_column(String(40), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # sale|refund|topup|balance|enrollment|x|z
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    document: Mapped[str] = mapped_column(Text)


class Shift(Base):
    """A cashier shift: opened with a cash float, closed with a cash count (Z report)."""

    __tablename__ = "shifts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shift_no: Mapped[int] = mapped_column(Integer, unique=True)
    status: Mapped[str] = mapped_column(String(10))  # open | closed
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime)
    opened_by: Mapped[str] = mapped_column(String(20))
    cash_float: Mapped[Decimal] = mapped_column(Cents)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    closed_by: Mapped[str | None] = mapped_column(String(20), nullable=True)
    counted_cash: Mapped[Decimal | None] = mapped_column(Cents, nullable=True)
    expected_cash: Mapped[Decimal | None] = mapped_column(Cents, nullable=True)


class ParkedCart(Base):
    """A cart put aside at the counter (挂单) until it is recalled (取单): its lines as
    JSON ``[[code, qty, override price or null, manual rate or null], ...]``; no money
    has moved."""

    __tablename__ = "parked_carts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    parked_at: Mapped[datetime] = mapped_column(UtcDateTime)
    cashier: Mapped[str] = mapped_column(String(20))
    member_card: Mapped[str | None] = mapped_column(String(32), nullable=True)
    coupon: Mapped[str | None] = mapped_column(String(40), nullable=True)
    lines: Mapped[str] = mapped_column(Text)
    total: Mapped[Decimal] = mapped_column(Cents)
    price_approver: Mapped[str | None] = mapped_column(String(20), nullable=True)


class OutboxEvent(Base):
    """Every committed business event, written in the same transaction as its ledger rows,
    numbered by a gapless per-terminal sequence and chained by hash; sync uploads them in
    order and marks them acknowledged only when HQ says so."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    epoch: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    kind: Mapped[str] = mapped_column(String(30))
    business_time: Mapped[datetime] = mapped_column(UtcDateTime)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    payload: Mapped[str] = mapped_column(Text)  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    mac: Mapped[str] = mapped_column(String(64), default="")  # sealing.seal of the hash
    status: Mapped[str] = mapped_column(String(12), default="pending", index=True)
    acked_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)


# --- written by sync (sync/client.py), read by the sale path (pos_app/core/offline.py) ---


class SyncState(Base):
    """The one row sync keeps about the link to HQ (absent: the terminal is not
    registered with an HQ and runs standalone)."""

    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    link: Mapped[str] = mapped_column(String(8), default="down")  # up | down
    last_ok_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    stale_after_s: Mapped[int] = mapped_column(Integer, default=300)
    lease_cents: Mapped[int] = mapped_column(BigInteger, default=0)  # offline budget from HQ
    lease_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    checkpoint: Mapped[int] = mapped_column(BigInteger, default=0)  # HQ change feed
    master_versions: Mapped[str] = mapped_column(Text, default="{}")
    hq_watermark: Mapped[int] = mapped_column(BigInteger, default=0)  # last seq HQ applied
    # the chain heads HQ last acknowledged, sealed (JSON; sync/anchors.py)
    anchor: Mapped[str] = mapped_column(Text, default="")


class OfflineSpend(Base):
    """Stored value spent while HQ was unreachable, until HQ has acknowledged the sale."""

    __tablename__ = "offline_spend"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    card_no: Mapped[str] = mapped_column(String(32), index=True)
    sale_no: Mapped[str] = mapped_column(String(40))
    amount: Mapped[Decimal] = mapped_column(Cents)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    cleared_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class Hotlist(Base):
    """Cards HQ says must be refused: blocked or lost (scope 'all'), or blocked for
    offline use after an offline overdraft (scope 'offline')."""

    __tablename__ = "hotlist"
    card_no: Mapped[str] = mapped_column(String(32), primary_key=True)
    scope: Mapped[str] = mapped_column(String(8))  # all | offline
    reason: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class RemoteCouponUse(Base):
    """Single-use coupon codes HQ says were used in another store (and not returned)."""

    __tablename__ = "remote_coupon_uses"
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)


# --- card stock: cards made by finance in numbered batches, registered by a store ---


class CardBatch(Base):
    """A batch of cards finance had made: numbers in sequence with a Luhn check digit,
    of one card product and one medium (magstripe, IC chip, NFC)."""

    __tablename__ = "card_batches"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_no: Mapped[str] = mapped_column(String(40), unique=True)
    product: Mapped[str] = mapped_column(String(40))
    media: Mapped[str] = mapped_column(String(12))
    first_no: Mapped[str] = mapped_column(String(32))
    last_no: Mapped[str] = mapped_column(String(32))
    count: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str] = mapped_column(String(20))


class StockCard(Base):
    """A card registered to this store's stock and where it is in its life:
    in_stock -> issued | sold -> active -> blocked | expired."""

    __tablename__ = "card_stock"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    card_no: Mapped[str] = mapped_column(String(32), unique=True)
    batch_no: Mapped[str] = mapped_column(String(40), index=True)
    product: Mapped[str] = mapped_column(String(40))
    media: Mapped[str] = mapped_column(String(12))
    store: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(12), index=True)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    received_by: Mapped[str] = mapped_column(String(20))
    card_id: Mapped[int | None] = mapped_column(ForeignKey("cards.id"), nullable=True)
    valid_until: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    moved_at: Mapped[datetime] = mapped_column(UtcDateTime)


class CardMove(Base):
    """One move of one stock card from a status to the next, with who made it."""

    __tablename__ = "card_moves"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    card_no: Mapped[str] = mapped_column(String(32), index=True)
    from_status: Mapped[str] = mapped_column(String(12))
    to_status: Mapped[str] = mapped_column(String(12))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    staff: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(80), default="")


# --- gifts, entitlements and staff performance (pos_app/core/gifts.py, entitlements.py,
# performance.py) ---


class GiftMove(Base):
    """One move of a gift's stock in this store: received, counted (adjust), given for
    points (redeem), given with a purchase (promotion), or back from a refund (return).
    The other tills of the store come in as ``store`` moves, HQ's count less this till's.
    The stock on hand is the sum of ``qty``. A redemption for points is also the
    business record of its journal (``move_no``)."""

    __tablename__ = "gift_moves"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    move_no: Mapped[str] = mapped_column(String(40), unique=True)
    gift_code: Mapped[str] = mapped_column(String(40), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # receive|adjust|redeem|promotion|return|store
    qty: Mapped[int] = mapped_column(Integer)  # signed: into stock positive
    value: Mapped[Decimal] = mapped_column(Cents, default=Decimal("0.00"))
    points: Mapped[int] = mapped_column(BigInteger, default=0)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), nullable=True)
    sale_no: Mapped[str | None] = mapped_column(String(40), nullable=True)
    journal_id: Mapped[int | None] = mapped_column(ForeignKey("journal.id"), nullable=True)
    staff: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(80), default="")
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class SaleGift(Base):
    """A gift handed over with a sale (at ¥0 on the receipt, with its value): by a
    gift-with-purchase promotion, or for points at the checkout."""

    __tablename__ = "sale_gifts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), index=True)
    gift_code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(120))
    value: Mapped[Decimal] = mapped_column(Cents)
    source: Mapped[str] = mapped_column(String(12))  # promotion | points
    promotion: Mapped[str | None] = mapped_column(String(40), nullable=True)
    points: Mapped[int] = mapped_column(BigInteger, default=0)
    # a refund that took the gift back, or kept its value out of the money returned
    settled_by: Mapped[str | None] = mapped_column(String(40), nullable=True)
    settled_as: Mapped[str | None] = mapped_column(String(12), nullable=True)  # returned|deducted


class Entitlement(Base):
    """A service granted to a member with a card product (a clinic card's check-up):
    ``count`` uses (None: unlimited) until ``valid_until`` (None: no end). Tier services
    are not rows: they follow the member's tier (pos_app/core/entitlements.py)."""

    __tablename__ = "entitlements"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)  # the grant chain-wide
    member_uid: Mapped[str] = mapped_column(String(36), index=True)
    card_no: Mapped[str | None] = mapped_column(String(32), nullable=True)
    service: Mapped[str] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(String(60))  # card:PRODUCT | manual
    count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    granted_at: Mapped[datetime] = mapped_column(UtcDateTime)
    valid_until: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    staff: Mapped[str] = mapped_column(String(20))


class EntitlementUse(Base):
    """One use of a service at a counter, with the staff who served; uses made in other
    stores come down from HQ (``store`` tells where)."""

    __tablename__ = "entitlement_uses"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    use_uid: Mapped[str] = mapped_column(String(36), unique=True)
    member_uid: Mapped[str] = mapped_column(String(36), index=True)
    service: Mapped[str] = mapped_column(String(40))
    entitlement_uid: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    served_by: Mapped[str] = mapped_column(String(20))
    recorded_by: Mapped[str] = mapped_column(String(20))
    store: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class StaffCommission(Base):
    """Commission credited to a staff member (a card sold at a discount): the per-staff
    report sums it."""

    __tablename__ = "staff_commissions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff: Mapped[str] = mapped_column(String(20), index=True)
    amount: Mapped[Decimal] = mapped_column(Cents)
    kind: Mapped[str] = mapped_column(String(20))  # card_sale
    ref: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class CardSale(Base):
    """Cards of a card product sold (``kind`` sale) or given by a spending rule
    (``grant``) in one go: what the customer paid (the cards' principal), the rest of
    face (their bonus), the seller's commission, and for a purchase at or above the
    real-name threshold the buyer's name and ID number (encrypted)."""

    __tablename__ = "card_sales"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_no: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(10))  # sale | grant
    journal_id: Mapped[int] = mapped_column(ForeignKey("journal.id"), unique=True)
    product: Mapped[str] = mapped_column(String(40))
    cards: Mapped[str] = mapped_column(Text)  # JSON list of card numbers
    face: Mapped[Decimal] = mapped_column(Cents)  # all the cards' face value
    paid: Mapped[Decimal] = mapped_column(Cents)  # what the customer paid for them
    tender: Mapped[str] = mapped_column(String(20))  # cash | bank_card | other | none
    seller: Mapped[str] = mapped_column(String(20))
    commission: Mapped[Decimal] = mapped_column(Cents)
    approved_by: Mapped[str | None] = mapped_column(String(20), nullable=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), nullable=True,
                                                  index=True)
    buyer_name_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    buyer_id_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    buyer_id_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    business_time: Mapped[datetime] = mapped_column(UtcDateTime)
    staff: Mapped[str] = mapped_column(String(20))


class CardReturn(Base):
    """Unused cards of a card sale taken back within the product's ``return_days``: what
    was paid given back by the sale's tender, the cards' bonus and the seller's
    commission reversed, the cards blocked (one return per sale, all its cards)."""

    __tablename__ = "card_returns"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    return_no: Mapped[str] = mapped_column(String(40), unique=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("card_sales.id"), unique=True)
    journal_id: Mapped[int] = mapped_column(ForeignKey("journal.id"), unique=True)
    paid_back: Mapped[Decimal] = mapped_column(Cents)
    bonus: Mapped[Decimal] = mapped_column(Cents)  # the cards' bonus taken back
    commission: Mapped[Decimal] = mapped_column(Cents)  # the seller's, reversed
    reason: Mapped[str] = mapped_column(String(80))
    approved_by: Mapped[str | None] = mapped_column(String(20), nullable=True)
    business_time: Mapped[datetime] = mapped_column(UtcDateTime)
    staff: Mapped[str] = mapped_column(String(20))
