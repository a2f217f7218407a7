"""HQ's schema. Money in whole cents (BigInteger), points in whole points; times are
UTC ISO strings so SQLite and PostgreSQL store them the same way."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Index, Integer, String, Text, UniqueConstraint
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
    # as the terminal last reported them at the handshake
    pending: Mapped[int | None] = mapped_column(Integer, nullable=True)
    offline_used_cents: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    version: Mapped[str | None] = mapped_column(String(40), nullable=True)
    revoked_at: Mapped[str | None] = mapped_column(String(32), nullable=True)


class HqEventId(Base):
    """Every event id HQ has taken, once (primary key), with the terminal's sequence
    (unique per terminal), its content hash and outcome: the exactly-once check. Narrow
    and never partitioned, so it holds for events whose month was detached from
    ``hq_events`` for archive (sync/hq/partitions.py)."""

    __tablename__ = "hq_event_ids"
    __table_args__ = (UniqueConstraint("terminal_key", "seq",
                                       name="uq_hq_event_ids_terminal_seq"),)
    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    terminal_key: Mapped[str] = mapped_column(String(90))
    seq: Mapped[int] = mapped_column(BigInteger)
    received_at: Mapped[str] = mapped_column(String(32))  # finds its hq_events partition
    content_hash: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(12))


class HqEvent(Base):
    """The permanent record of every event HQ has taken (applied, rejected or a
    compensation), with device time and HQ receive time. On PostgreSQL partitioned by
    the month HQ received it (its key there is the id and ``received_at``; the id's
    uniqueness is kept by ``hq_event_ids``)."""

    __tablename__ = "hq_events"
    __table_args__ = (Index("ix_hq_events_terminal_seq", "terminal_key", "seq"),)
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
    """One ledger entry. On PostgreSQL partitioned by the month HQ posted it
    (``posted_on``, UTC)."""

    __tablename__ = "hq_entries"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                    primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(36), index=True)
    account: Mapped[str] = mapped_column(String(120), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)  # debit positive
    unit: Mapped[str] = mapped_column(String(3))
    posted_on: Mapped[str] = mapped_column(String(10))  # YYYY-MM-DD, UTC


class HqCarried(Base):
    """What a ledger month detached for archive added up to, per account and the
    terminal whose events posted it (none for back-office adjustments): HQ's books and
    each terminal's card figures count it in place of the archived entries."""

    __tablename__ = "hq_carried"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                    primary_key=True, autoincrement=True)
    month: Mapped[str] = mapped_column(String(7), index=True)
    terminal_key: Mapped[str | None] = mapped_column(String(90), nullable=True, index=True)
    account: Mapped[str] = mapped_column(String(120), index=True)
    unit: Mapped[str] = mapped_column(String(3))
    amount: Mapped[int] = mapped_column(BigInteger)


class HqMember(Base):
    __tablename__ = "hq_members"
    uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    franchisee: Mapped[str] = mapped_column(String(40))
    store: Mapped[str] = mapped_column(String(40), index=True)
    tier: Mapped[str] = mapped_column(String(20))
    data: Mapped[str] = mapped_column(Text)  # the enrollment payload (PII encrypted)
    enrolled_at: Mapped[str] = mapped_column(String(40))
    phone_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)


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
    kind: Mapped[str] = mapped_column(String(12))  # member | card | master | coupon | gift
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
    # the month whose statement carries the item: its business month, or the first open
    # month after it when that month was already locked
    period: Mapped[str | None] = mapped_column(String(7), nullable=True, index=True)


class HqSale(Base):
    """Sales and refunds as reported (the facts behind the HQ reports). On PostgreSQL
    partitioned by the month of their business date."""

    __tablename__ = "hq_sales"
    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    franchisee: Mapped[str] = mapped_column(String(40))
    store: Mapped[str] = mapped_column(String(40), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    business_date: Mapped[str] = mapped_column(String(10), index=True)
    member_uid: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    total_cents: Mapped[int] = mapped_column(BigInteger)
    cashier: Mapped[str | None] = mapped_column(String(20), nullable=True)
    credited_staff: Mapped[str | None] = mapped_column(String(20), nullable=True)
    membership_offered: Mapped[bool | None] = mapped_column(Boolean, nullable=True)


class HqAlert(Base):
    """One alert per event (or per handshake for clock skew), worked through as a queue:
    open -> acknowledged -> resolved (with a note)."""

    __tablename__ = "hq_alerts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(30))
    terminal_key: Mapped[str] = mapped_column(String(90))
    event_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    detail: Mapped[str] = mapped_column(Text)
    store: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    franchisee: Mapped[str | None] = mapped_column(String(40), nullable=True)
    amount_cents: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    status: Mapped[str] = mapped_column(String(12), default="open", index=True)
    acked_by: Mapped[str | None] = mapped_column(String(40), nullable=True)
    acked_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    resolved_by: Mapped[str | None] = mapped_column(String(40), nullable=True)
    resolved_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)


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


# --- back office ------------------------------------------------------------------------


class HqUser(Base):
    """A person with a back-office login: a role and, for a franchisee's accountant or a
    store manager, the franchisee or stores they see."""

    __tablename__ = "hq_users"
    login: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(20))
    franchisee: Mapped[str | None] = mapped_column(String(40), nullable=True)
    stores: Mapped[str] = mapped_column(Text, default="")  # space-separated store codes
    password_hash: Mapped[str] = mapped_column(String(200))
    lang: Mapped[str] = mapped_column(String(8), default="zh_CN")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[str | None] = mapped_column(String(32), nullable=True)
    created_at: Mapped[str] = mapped_column(String(32))


class HqWebSession(Base):
    """A signed-in browser: the cookie holds a random token, HQ keeps its hash, the CSRF
    token and the expiry (any HQ process can serve any request)."""

    __tablename__ = "hq_web_sessions"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    login: Mapped[str] = mapped_column(String(40), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[str] = mapped_column(String(32))
    last_seen: Mapped[str] = mapped_column(String(32))
    expires_at: Mapped[str] = mapped_column(String(32))


class HqAudit(Base):
    """Every back-office action: who, what, on which record, from where."""

    __tablename__ = "hq_audit"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                    primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(String(32))
    login: Mapped[str] = mapped_column(String(40), index=True)
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(String(200), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    ip: Mapped[str] = mapped_column(String(64), default="")


class HqStoreDay(Base):
    """Per store and business day, kept by the apply as events arrive (the dashboard's
    sales, points and stored-value figures). Cents and points."""

    __tablename__ = "hq_store_days"
    store: Mapped[str] = mapped_column(String(40), primary_key=True)
    day: Mapped[str] = mapped_column(String(10), primary_key=True, index=True)
    franchisee: Mapped[str] = mapped_column(String(40), index=True)
    sales: Mapped[int] = mapped_column(BigInteger, default=0)
    orders: Mapped[int] = mapped_column(BigInteger, default=0)
    vip_sales: Mapped[int] = mapped_column(BigInteger, default=0)
    vip_orders: Mapped[int] = mapped_column(BigInteger, default=0)
    new_vips: Mapped[int] = mapped_column(BigInteger, default=0)
    points_issued: Mapped[int] = mapped_column(BigInteger, default=0)
    points_redeemed: Mapped[int] = mapped_column(BigInteger, default=0)
    points_expired: Mapped[int] = mapped_column(BigInteger, default=0)
    sv_sold_principal: Mapped[int] = mapped_column(BigInteger, default=0)
    sv_sold_bonus: Mapped[int] = mapped_column(BigInteger, default=0)
    sv_spent_principal: Mapped[int] = mapped_column(BigInteger, default=0)
    sv_spent_bonus: Mapped[int] = mapped_column(BigInteger, default=0)


class HqMemberDay(Base):
    """What a member bought in a store on a day (VIP counts, repurchase, dormancy and the
    pyramid are computed from these)."""

    __tablename__ = "hq_member_days"
    __table_args__ = (Index("ix_hq_member_days_store_day", "store", "day"),)
    member: Mapped[str] = mapped_column(String(36), primary_key=True)
    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    store: Mapped[str] = mapped_column(String(40), primary_key=True)
    cents: Mapped[int] = mapped_column(BigInteger, default=0)
    orders: Mapped[int] = mapped_column(Integer, default=0)


class HqStoreMonth(Base):
    """Member figures per store as of a month's end, computed from hq_member_days and
    marked stale when a late event for that store arrives."""

    __tablename__ = "hq_store_months"
    store: Mapped[str] = mapped_column(String(40), primary_key=True)
    month: Mapped[str] = mapped_column(String(7), primary_key=True, index=True)
    members: Mapped[int] = mapped_column(Integer, default=0)
    vip_count: Mapped[int] = mapped_column(Integer, default=0)
    new_quarter: Mapped[int] = mapped_column(Integer, default=0)
    returning_quarter: Mapped[int] = mapped_column(Integer, default=0)
    dormant_3m: Mapped[int] = mapped_column(Integer, default=0)
    dormant_6m: Mapped[int] = mapped_column(Integer, default=0)
    pyramid_a: Mapped[int] = mapped_column(Integer, default=0)
    pyramid_b: Mapped[int] = mapped_column(Integer, default=0)
    pyramid_c: Mapped[int] = mapped_column(Integer, default=0)
    pyramid_d: Mapped[int] = mapped_column(Integer, default=0)
    computed_at: Mapped[str] = mapped_column(String(32))
    stale: Mapped[bool] = mapped_column(Boolean, default=False)


class HqStatement(Base):
    """A month's settlement statement between two franchisees (a < b) and who approved
    it on each side."""

    __tablename__ = "hq_statements"
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    franchisee_a: Mapped[str] = mapped_column(String(40), primary_key=True)
    franchisee_b: Mapped[str] = mapped_column(String(40), primary_key=True)
    approved_a_by: Mapped[str | None] = mapped_column(String(40), nullable=True)
    approved_a_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    approved_b_by: Mapped[str | None] = mapped_column(String(40), nullable=True)
    approved_b_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    # the figures each side approved ("kind amount points items; ..."): a statement whose
    # figures changed since is approved again
    approved_a_figures: Mapped[str | None] = mapped_column(Text, nullable=True)
    approved_b_figures: Mapped[str | None] = mapped_column(Text, nullable=True)


class HqMonth(Base):
    """A settlement month locked by HQ: its statements no longer change; items that
    arrive later for it go to the next open month."""

    __tablename__ = "hq_months"
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    locked_by: Mapped[str] = mapped_column(String(40))
    locked_at: Mapped[str] = mapped_column(String(32))


class HqAdjustment(Base):
    """A stored-value or points adjustment asked for by one person and approved (and
    posted) by another."""

    __tablename__ = "hq_adjustments"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    card_no: Mapped[str] = mapped_column(String(32), index=True)
    member_uid: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(12))  # principal | bonus | points
    amount: Mapped[int] = mapped_column(BigInteger)  # cents or points, + gives the member
    reason: Mapped[str] = mapped_column(Text)
    requested_by: Mapped[str] = mapped_column(String(40))
    requested_at: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(12), default="pending")
    decided_by: Mapped[str | None] = mapped_column(String(40), nullable=True)
    decided_at: Mapped[str | None] = mapped_column(String(32), nullable=True)


class HqScheduled(Base):
    """Master data (program, catalog) to be published at a set time."""

    __tablename__ = "hq_scheduled"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(20))
    body: Mapped[str] = mapped_column(Text)
    start_at: Mapped[str] = mapped_column(String(32), index=True)
    status: Mapped[str] = mapped_column(String(12), default="waiting")  # | published | cancelled
    by: Mapped[str] = mapped_column(String(40))
    version: Mapped[int | None] = mapped_column(Integer, nullable=True)


class HqAnchor(Base):
    """The chain heads a terminal proved at a sync and HQ acknowledged: its last event
    HQ holds and the head of its audit log, with the id of its chain key. At the next
    sync the terminal must still hold them unchanged (sync/hq/anchors.py)."""

    __tablename__ = "hq_anchors"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"),
                                    primary_key=True, autoincrement=True)
    terminal_key: Mapped[str] = mapped_column(String(90), index=True)
    at: Mapped[str] = mapped_column(String(32))
    event_seq: Mapped[int] = mapped_column(BigInteger)
    event_hash: Mapped[str] = mapped_column(String(64))
    audit_id: Mapped[int] = mapped_column(BigInteger)
    audit_hash: Mapped[str] = mapped_column(String(64))
    key_id: Mapped[str] = mapped_column(String(32))
    epoch: Mapped[int] = mapped_column(Integer)


class HqStockCard(Base):
    """A card of the chain's card stock: made in a batch by finance, registered to a
    store when received there, then issued or sold, active, blocked or expired."""

    __tablename__ = "hq_card_stock"
    card_no: Mapped[str] = mapped_column(String(32), primary_key=True)
    batch_no: Mapped[str] = mapped_column(String(40), index=True)
    product: Mapped[str] = mapped_column(String(40))
    media: Mapped[str] = mapped_column(String(12))
    store: Mapped[str] = mapped_column(String(40), default="", index=True)
    status: Mapped[str] = mapped_column(String(12))  # made | in_stock | issued | sold | ...
    updated_at: Mapped[str] = mapped_column(String(32))


class HqGiftStock(Base):
    """Each store's stock of each gift: the sum of the moves its terminals reported."""

    __tablename__ = "hq_gift_stock"
    store: Mapped[str] = mapped_column(String(40), primary_key=True)
    gift: Mapped[str] = mapped_column(String(40), primary_key=True)
    franchisee: Mapped[str] = mapped_column(String(40))
    on_hand: Mapped[int] = mapped_column(BigInteger, default=0)
    given: Mapped[int] = mapped_column(BigInteger, default=0)  # out for points or a purchase
    updated_at: Mapped[str] = mapped_column(String(40))


class HqEntitlement(Base):
    """A service granted to a member (a card product's, or by hand), as granted."""

    __tablename__ = "hq_entitlements"
    uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    member_uid: Mapped[str] = mapped_column(String(36), index=True)
    data: Mapped[str] = mapped_column(Text)  # the grant as its event carried it


class HqEntitlementUse(Base):
    """One use of a member's service in some store, sent back to every terminal."""

    __tablename__ = "hq_entitlement_uses"
    use_uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    member_uid: Mapped[str] = mapped_column(String(36), index=True)
    event_id: Mapped[str] = mapped_column(String(36))
    data: Mapped[str] = mapped_column(Text)  # the use as its event carried it
