"""HQ's schema. Money in whole cents (BigInteger), points in whole points; times are
UTC ISO strings so SQLite and PostgreSQL store them the same way."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class HqTerminal(Base):
    """A registered terminal, its credentials and where its event stream stands."""

    __tablename__ = "hq_terminals"
    key: Mapped[str] = mapped_column(String(90), primary_key=True)  # store/terminal
    franchisee: Mapped[str] = mapped_column(String(40))
    store: Mapped[str] = mapped_column(String(40))
    terminal: Mapped[str] = mapped_column(String(40))
    token_hash: Mapped[str] = mapped_column(String(64))
    registered_at: Mapped[str] = mapped_column(String(32))
    epoch: Mapped[int] = mapped_column(Integer, default=1)
    next_seq: Mapped[int] = mapped_column(BigInteger, default=1)
    last_hash: Mapped[str] = mapped_column(String(64))
    flags: Mapped[str] = mapped_column(Text, default="")
    lease_cents: Mapped[int] = mapped_column(BigInteger, default=200000)
    last_seen: Mapped[str | None] = mapped_column(String(32), nullable=True)
    skew_s: Mapped[int | None] = mapped_column(Integer, nullable=True)


class HqEvent(Base):
    """The permanent record of every event id HQ has taken (applied, rejected or a
    compensation), with device time and HQ receive time."""

    __tablename__ = "hq_events"
    __table_args__ = (UniqueConstraint("terminal_key", "seq", name="uq_hq_events_terminal_seq"),)
    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    terminal_key: Mapped[str] = mapped_column(String(90))
    franchisee: Mapped[str] = mapped_column(String(40))
    store: Mapped[str] = mapped_column(String(40))
    epoch: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(30))
    content_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    business_time: Mapped[str] = mapped_column(String(40))
    recorded_at: Mapped[str] = mapped_column(String(40))
    received_at: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(12))  # applied | rejected
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    payload: Mapped[str] = mapped_column(Text)


class HqQuarantine(Base):
    """An event that reused a known id with different content: kept, never applied."""

    __tablename__ = "hq_quarantine"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(36), index=True)
    terminal_key: Mapped[str] = mapped_column(String(90))
    received_at: Mapped[str] = mapped_column(String(32))
    content_hash: Mapped[str] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text)


class HqAccount(Base):
    """HQ ledger account; balance is debit-positive (cents or points)."""

    __tablename__ = "hq_accounts"
    code: Mapped[str] = mapped_column(String(120), primary_key=True)
    unit: Mapped[str] = mapped_column(String(3))
    balance: Mapped[int] = mapped_column(BigInteger, default=0)


class HqEntry(Base):
    __tablename__ = "hq_entries"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                    primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(36), index=True)
    account: Mapped[str] = mapped_column(String(120), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)  # debit positive
    unit: Mapped[str] = mapped_column(String(3))


class HqMember(Base):
    __tablename__ = "hq_members"
    uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    franchisee: Mapped[str] = mapped_column(String(40))
    store: Mapped[str] = mapped_column(String(40))
    tier: Mapped[str] = mapped_column(String(20))
    data: Mapped[str] = mapped_column(Text)  # the enrollment payload (PII encrypted)
    enrolled_at: Mapped[str] = mapped_column(String(40))


class HqCard(Base):
    __tablename__ = "hq_cards"
    card_no: Mapped[str] = mapped_column(String(32), primary_key=True)
    member_uid: Mapped[str] = mapped_column(String(36), index=True)
    main_card: Mapped[str | None] = mapped_column(String(32), nullable=True)
    franchisee: Mapped[str] = mapped_column(String(40))  # issuer
    status: Mapped[str] = mapped_column(String(12), default="active")
    offline_blocked: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str] = mapped_column(String(200), default="")
    data: Mapped[str] = mapped_column(Text, default="{}")  # limits, media


class HqChange(Base):
    """The change feed terminals download from (by checkpoint)."""

    __tablename__ = "hq_changes"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                    primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(12))  # member | card | master
    key: Mapped[str] = mapped_column(String(64))


class HqMaster(Base):
    """Master data HQ publishes: program (with promotions, coupons), catalog."""

    __tablename__ = "hq_master"
    name: Mapped[str] = mapped_column(String(20), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text)


class HqSettlement(Base):
    """One due-to / due-from item between franchisees, from one event."""

    __tablename__ = "hq_settlement"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                    primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # stored_value | points
    debtor: Mapped[str] = mapped_column(String(40))  # issuing franchisee (holds the cash)
    creditor: Mapped[str] = mapped_column(String(40))  # accepting franchisee
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    points: Mapped[int] = mapped_column(BigInteger, default=0)
    business_date: Mapped[str] = mapped_column(String(10), index=True)


class HqSale(Base):
    """Sales and refunds as reported (the facts behind the HQ reports)."""

    __tablename__ = "hq_sales"
    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    franchisee: Mapped[str] = mapped_column(String(40))
    store: Mapped[str] = mapped_column(String(40), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    business_date: Mapped[str] = mapped_column(String(10), index=True)
    member_uid: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    total_cents: Mapped[int] = mapped_column(BigInteger)


class HqAlert(Base):
    __tablename__ = "hq_alerts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(30))
    terminal_key: Mapped[str] = mapped_column(String(90))
    event_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    detail: Mapped[str] = mapped_column(Text)


class HqSecret(Base):
    """Chain secrets (the PII key handed to terminals at registration)."""

    __tablename__ = "hq_secrets"
    name: Mapped[str] = mapped_column(String(20), primary_key=True)
    value: Mapped[str] = mapped_column(Text)



class HqCoupon(Base):
    """Coupon codes used chain-wide (a single-use code works once in the whole brand)."""

    __tablename__ = "hq_coupons"
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36))
    store: Mapped[str] = mapped_column(String(40))
    used: Mapped[bool] = mapped_column(Boolean, default=True)
