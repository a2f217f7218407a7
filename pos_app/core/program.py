"""The program HQ writes: tiers, points, stored value, promotions, coupons.

``load_program(path)`` reads a TOML file exactly as HQ marketing writes it
(see docs/program.md for every key) and validates it. Every error names the key
and the line it is on, e.g.::

    program.toml line 31: tiers[1].discount: must be a decimal string such as "0.95", got 0.95
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pos_app.core.messages import Msg
from pos_app.core.money import MoneyError, parse_money, parse_multiplier

BONUS_SPEND_ORDERS = ("principal_first", "bonus_first", "proportional")


# Bounds of every program value: beyond them sales would overflow (a point count past
# what the ledger holds) or the value is a typing slip; refused at init and at publish.
MAX_WHOLE = 1_000_000_000
MAX_MONEY = Decimal("10000000.00")  # ten million yuan
MAX_POINTS_RATE = "100"  # points per yuan


class ProgramError(ValueError):
    """A program file that cannot be used; the message names the key and line."""


@dataclass(frozen=True)
class PointsRules:
    earn_per_yuan: Decimal
    earn_on_stored_value: bool
    redeem_unit_points: int
    redeem_unit_value: Decimal
    max_redeem_share: Decimal
    expire_after_months: int | None
    transfer_allowed: bool = False


@dataclass(frozen=True)
class TierRule:
    single_purchase: Decimal | None = None
    single_day: Decimal | None = None
    rolling_12m: Decimal | None = None

    def is_empty(self) -> bool:
        return self.single_purchase is None and self.single_day is None and self.rolling_12m is None


@dataclass(frozen=True)
class Tier:
    code: str
    name: str
    rank: int
    discount: Decimal
    points_multiplier: Decimal
    qualify: TierRule
    keep: TierRule


@dataclass(frozen=True)
class TopupBonus:
    min_topup: Decimal
    bonus: Decimal


@dataclass(frozen=True)
class StoredValueRules:
    max_balance_registered: Decimal
    max_balance_anonymous: Decimal
    real_name_purchase_at: Decimal
    pay_discount: Decimal
    offline_spend_cap_per_card: Decimal
    bonus_spend_order: str
    topup_bonus: tuple[TopupBonus, ...]

    def bonus_for(self, amount: Decimal) -> Decimal:
        """The bonus of the highest rung of the ladder the top-up reaches."""
        best = Decimal("0.00")
        for rung in self.topup_bonus:
            if amount >= rung.min_topup and rung.bonus > best:
                best = rung.bonus
        return best


@dataclass(frozen=True)
class Window:
    """Active from the start date 00:00 to the end date 24:00, in the program's zone."""

    start: date
    end: date

    def contains(self, at: datetime, tz: ZoneInfo) -> bool:
        local = at.astimezone(tz).date()
        return self.start <= local <= self.end


@dataclass(frozen=True)
class Promotion:
    code: str
    name: str
    kind: str  # "percent_off" | "spend_get_off"
    categories: tuple[str, ...]
    skus: tuple[str, ...]
    vip_only: bool
    window: Window
    multiplier: Decimal | None = None
    stack_with_tier: bool = False
    threshold: Decimal | None = None
    off: Decimal | None = None
    repeat: bool = False
    gifts: tuple[str, ...] = ()  # gift_with_purchase: the gifts to choose among
    on_refund: str = "take_back"  # gift_with_purchase: take_back | deduct_value

    def applies_to(self, sku: str, category: str) -> bool:
        if not self.categories and not self.skus:
            return True
        return category in self.categories or sku in self.skus


@dataclass(frozen=True)
class CouponBatch:
    batch: str
    name: str
    kind: str  # "amount_off"
    value: Decimal
    min_spend: Decimal
    codes: tuple[str, ...]
    single_use: bool
    window: Window


@dataclass(frozen=True)
class CardProduct:
    """``[[card_products]]``: a card finance has made and the counter sells or gives:
    its face value (loaded as stored value), the media it comes on, whether it is
    anonymous, its validity (months from issue; renewed by a top-up where allowed), the
    lowest share of face it may be sold at with a supervisor's approval and the
    commission credited to the seller of such a sale, the spend in 12 months that earns
    it free, and for how long an unused card sold may be returned."""

    code: str
    name: str
    face_value: Decimal
    media: tuple[str, ...]
    number_prefix: str = ""  # every card number of the product begins with it
    anonymous: bool = False
    validity_months: int | None = None
    renew_by_topup: bool = False
    min_sale_rate: Decimal = Decimal("1.00")
    commission_rate: Decimal = Decimal("0.00")
    grant_spend_12m: Decimal | None = None
    return_days: int | None = None  # an unused card sold may be returned for this many
    # business days after the day of sale (0: that day only); None: never taken back


@dataclass(frozen=True)
class StaffRules:
    """``[staff]``: how many wrong PINs in a row lock a staff code, and for how long."""

    pin_attempts: int = 5
    pin_lockout_minutes: int = 15


@dataclass(frozen=True)
class Gift:
    """``[[gifts]]``: a gift kept in stock per store, given by a promotion or for points."""

    code: str
    name: str
    value: Decimal  # what the gift is worth (shown on the receipt; cleared between
    # franchisees when points pay for it)
    points: int | None = None  # its price in points; None: not for points


@dataclass(frozen=True)
class Service:
    """``[[services]]``: a service a member may be entitled to (干洗, 体检)."""

    code: str
    name: str
    value: Decimal  # what one use is worth


@dataclass(frozen=True)
class EntitlementRule:
    """``[[entitlements]]``: a service that a tier or a card product brings. ``count``
    None is unlimited; for a tier the count is per calendar year and lasts while the
    member holds the tier; for a card product it is granted once, for ``valid_months``
    from the grant (None: no end)."""

    service: str
    tiers: tuple[str, ...] = ()
    card_products: tuple[str, ...] = ()
    count: int | None = None
    valid_months: int | None = None


@dataclass(frozen=True)
class PerformanceRules:
    """``[performance]``: staff performance (业绩). A non-member sale at or above
    ``offer_membership_above`` asks whether membership was offered; where it was not,
    the sale is not credited to the assistant."""

    offer_membership_above: Decimal | None = None


@dataclass(frozen=True)
class Program:
    name: str
    currency: str
    timezone: ZoneInfo
    min_member_age: int
    points: PointsRules
    tiers: tuple[Tier, ...]
    stored_value: StoredValueRules
    promotions: tuple[Promotion, ...]
    coupons: tuple[CouponBatch, ...]
    staff: StaffRules = StaffRules()
    card_products: tuple[CardProduct, ...] = ()
    gifts: tuple[Gift, ...] = ()
    services: tuple[Service, ...] = ()
    entitlements: tuple[EntitlementRule, ...] = ()
    performance: PerformanceRules = PerformanceRules()
    source_text: str = field(default="", repr=False, compare=False)
    # keys the terminal does not know (a misspelt key is ignored, so it is named here)
    warnings: tuple[Msg, ...] = field(default=(), compare=False)

    @property
    def lowest_tier(self) -> Tier:
        return self.tiers[0]

    def tier(self, code: str) -> Tier:
        for t in self.tiers:
            if t.code == code:
                return t
        raise KeyError(f"no tier {code!r} in the program")

    def card_product(self, code: str) -> CardProduct | None:
        for p in self.card_products:
            if p.code == code:
                return p
        return None

    def card_product_numbered(self, card_no: str) -> CardProduct | None:
        """The card product whose numbers ``card_no`` is one of (by its prefix)."""
        for p in self.card_products:
            if card_no.isdigit() and card_no.startswith(p.number_prefix):
                return p
        return None
    def gift(self, code: str) -> Gift | None:
        return next((g for g in self.gifts if g.code == code), None)

    def service(self, code: str) -> Service | None:
        return next((x for x in self.services if x.code == code), None)

    def coupon_batch_for(self, code: str) -> CouponBatch | None:
        for b in self.coupons:
            if code in b.codes:
                return b
        return None

    def business_day(self, at: datetime) -> date:
        return at.astimezone(self.timezone).date()

    def day_start(self, day: date) -> datetime:
        return datetime.combine(day, time(0), tzinfo=self.timezone)

    def points_expiry(self, earned_at: datetime) -> datetime | None:
        """End of the month, expire_after_months after the month the points were earned."""
        months = self.points.expire_after_months
        if months is None:
            return None
        local = earned_at.astimezone(self.timezone)
        y, m = divmod(local.month - 1 + months + 1, 12)
        first_of_next = date(local.year + y, m + 1, 1)
        return datetime.combine(first_of_next, time(0), tzinfo=self.timezone) - timedelta(
            microseconds=1
        )


# --- locating keys in the source, for error messages -------------------------------------

_HEADER_RE = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\- ]+?)\s*\]\]?\s*(#.*)?$")
_KEY_RE = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")


class _Locator:
    """Maps (table path, array index, key) to the line where the key is written."""

    def __init__(self, text: str) -> None:
        self.lines: dict[tuple[str, int | None, str], int] = {}
        self.headers: dict[tuple[str, int | None], int] = {}
        counts: dict[str, int] = {}
        current: tuple[str, int | None] = ("", None)
        for no, line in enumerate(text.splitlines(), start=1):
            h = _HEADER_RE.match(line)
            if h:
                path = h.group(2).strip()
                if h.group(1) == "[[":
                    idx = counts.get(path, 0)
                    counts[path] = idx + 1
                    current = (path, idx)
                else:
                    current = (path, None)
                self.headers[current] = no
                continue
            k = _KEY_RE.match(line)
            if k:
                self.lines.setdefault((current[0], current[1], k.group(1)), no)

    def line(self, table: str, index: int | None, key: str | None) -> int | None:
        if key is not None and (table, index, key) in self.lines:
            return self.lines[(table, index, key)]
        return self.headers.get((table, index))


class _Reader:
    def __init__(self, source: str, locator: _Locator) -> None:
        self.source = source
        self.loc = locator

    def where(self, table: str, index: int | None, key: str | None) -> tuple[str, int | None]:
        """The key's full name (``promotions[2].vip_only``) and its line, if found."""
        name = table if index is None else f"{table}[{index}]"
        if key:
            name = f"{name}.{key}" if name else key
        return name, self.loc.line(table, index, key.split(".")[0] if key else None)

    def fail(self, table: str, index: int | None, key: str | None, msg: str) -> ProgramError:
        name, line = self.where(table, index, key)
        where = f"{self.source} line {line}" if line else self.source
        return ProgramError(f"{where}: {name}: {msg}")

    def unknown(self, table: str, index: int | None, key: str) -> Msg:
        """A key the terminal does not read, named with its line."""
        name, line = self.where(table, index, key)
        if line:
            return Msg("program.unknown_key_at", file=self.source, line=line, key=name)
        return Msg("program.unknown_key", file=self.source, key=name)


class _Table:
    """One TOML table with typed getters that raise ProgramError naming key and line."""

    def __init__(
        self, reader: _Reader, data: Any, table: str, index: int | None = None, prefix: str = ""
    ) -> None:
        self.r = reader
        self.table = table
        self.index = index
        self.prefix = prefix
        if not isinstance(data, dict):
            raise reader.fail(table, index, prefix or None, "must be a table")
        self.data: dict[str, Any] = data

    def _fail(self, key: str, msg: str) -> ProgramError:
        return self.r.fail(self.table, self.index, f"{self.prefix}{key}", msg)

    def _get(self, key: str, required: bool) -> Any:
        if key not in self.data:
            if required:
                raise self._fail(key, "is missing")
            return None
        return self.data[key]

    def text(self, key: str, required: bool = True, default: str | None = None) -> str:
        v = self._get(key, required)
        if v is None:
            return default if default is not None else ""
        if not isinstance(v, str) or not v.strip():
            raise self._fail(key, f"must be a non-empty string, got {v!r}")
        return v

    def flag(self, key: str, required: bool = True, default: bool = False) -> bool:
        v = self._get(key, required)
        if v is None:
            return default
        if not isinstance(v, bool):
            raise self._fail(key, f"must be true or false, got {v!r}")
        return v

    def whole(self, key: str, required: bool = True, minimum: int | None = None,
              maximum: int = MAX_WHOLE) -> int | None:
        v = self._get(key, required)
        if v is None:
            return None
        if isinstance(v, bool) or not isinstance(v, int):
            raise self._fail(key, f"must be a whole number, got {v!r}")
        if minimum is not None and v < minimum:
            raise self._fail(key, f"must be at least {minimum}, got {v}")
        if v > maximum:
            raise self._fail(key, f"must be at most {maximum}, got {v}")
        return v

    def money(self, key: str, required: bool = True, positive: bool = False) -> Decimal | None:
        v = self._get(key, required)
        if v is None:
            return None
        if not isinstance(v, str):
            raise self._fail(key, f'must be a string of yuan such as "500.00", got {v!r}')
        try:
            d = parse_money(v)
        except MoneyError as e:
            raise self._fail(key, str(e)) from e
        if d < 0 or (positive and d == 0):
            raise self._fail(key, f"must be {'above' if positive else 'at least'} zero, got {v}")
        if d > MAX_MONEY:
            raise self._fail(key, f"must be at most {MAX_MONEY}, got {v}")
        return d

    def multiplier(
        self, key: str, required: bool = True, lo: str = "0", hi: str | None = "1"
    ) -> Decimal | None:
        v = self._get(key, required)
        if v is None:
            return None
        if not isinstance(v, str):
            raise self._fail(key, f'must be a decimal string such as "0.95", got {v!r}')
        try:
            d = parse_multiplier(v, what=key)
        except MoneyError as e:
            raise self._fail(key, str(e)) from e
        if d <= Decimal(lo) or (hi is not None and d > Decimal(hi)):
            rng = f"above {lo}" + (f" and at most {hi}" if hi is not None else "")
            raise self._fail(key, f"must be {rng}, got {v}")
        return d

    def date(self, key: str) -> date:
        v = self._get(key, True)
        if isinstance(v, datetime) or not isinstance(v, date):
            raise self._fail(key, f"must be a date such as 2026-11-07, got {v!r}")
        return v

    def strings(self, key: str, required: bool = False) -> tuple[str, ...]:
        v = self._get(key, required)
        if v is None:
            return ()
        if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
            raise self._fail(key, f"must be a list of strings, got {v!r}")
        return tuple(v)

    def sub(self, key: str, required: bool = True) -> _Table | None:
        v = self._get(key, required)
        if v is None:
            return None
        return _Table(self.r, v, self.table, self.index, prefix=f"{self.prefix}{key}.")

    def array(self, key: str) -> list[_Table]:
        v = self.data.get(key, [])
        if not isinstance(v, list):
            raise self._fail(key, "must be an array of tables ([[...]])")
        name = f"{self.prefix}{key}" if not self.table else f"{self.table}.{key}"
        return [_Table(self.r, item, name, i) for i, item in enumerate(v)]

    def window(self) -> Window:
        start, end = self.date("start"), self.date("end")
        if end < start:
            raise self._fail("end", f"is before start ({end} < {start})")
        return Window(start, end)


def _tier_rule(t: _Table, key: str) -> TierRule:
    sub = t.sub(key, required=False)
    if sub is None:
        return TierRule()
    # keep is reviewed over the last 12 months only (tiers.review)
    known = {"rolling_12m"} if key == "keep" else {"single_purchase", "single_day", "rolling_12m"}
    for k in sub.data:
        if k not in known:
            raise sub._fail(k, f"is not a {key} rule (use {', '.join(sorted(known))})")
    return TierRule(
        single_purchase=sub.money("single_purchase", required=False, positive=True),
        single_day=sub.money("single_day", required=False, positive=True),
        rolling_12m=sub.money("rolling_12m", required=False, positive=True),
    )


def _staff_rules(root: _Table) -> StaffRules:
    """``[staff]`` (optional): pin_attempts 1-20 (default 5), pin_lockout_minutes
    1-1440 (default 15)."""
    t = root.sub("staff", required=False)
    if t is None:
        return StaffRules()
    t.table, t.prefix = "staff", ""
    rules = StaffRules()
    attempts = t.whole("pin_attempts", required=False, minimum=1)
    minutes = t.whole("pin_lockout_minutes", required=False, minimum=1)
    if attempts is not None and attempts > 20:
        raise t._fail("pin_attempts", f"must be at most 20, got {attempts}")
    if minutes is not None and minutes > 1440:
        raise t._fail("pin_lockout_minutes", f"must be at most 1440 (a day), got {minutes}")
    return StaffRules(
        pin_attempts=attempts if attempts is not None else rules.pin_attempts,
        pin_lockout_minutes=minutes if minutes is not None else rules.pin_lockout_minutes,
    )


_AT_LINE_RE = re.compile(r"\(at line (\d+), column \d+\)")


def _toml_error(text: str, source: str, e: tomllib.TOMLDecodeError) -> str:
    """A TOML syntax error with its line and, where one is written there, its key."""
    m = _AT_LINE_RE.search(str(e))
    lines = text.splitlines()
    if m is None or not 0 < int(m.group(1)) <= len(lines):
        return f"{source}: not valid TOML: {e}"
    no = int(m.group(1))
    table, counts = "", dict[str, int]()
    for line in lines[: no - 1]:
        h = _HEADER_RE.match(line)
        if h:
            path = h.group(2).strip()
            if h.group(1) == "[[":
                counts[path] = counts.get(path, -1) + 1
                table = f"{path}[{counts[path]}]"
            else:
                table = path
    k = _KEY_RE.match(lines[no - 1])
    name = "" if k is None else f"{table}.{k.group(1)}: " if table else f"{k.group(1)}: "
    return f"{source} line {no}: {name}not valid TOML: {e}"


KNOWN_KEYS: dict[str, set[str]] = {
    "": {"program", "points", "tiers", "stored_value", "promotions", "coupons", "staff",
         "card_products", "gifts", "services", "entitlements", "performance"},
    "card_products": {"code", "name", "face_value", "media", "number_prefix", "anonymous",
                      "validity_months",
                      "renew_by_topup", "min_sale_rate", "commission_rate", "grant_spend_12m",
                      "return_days"},
    "gifts": {"code", "name", "value", "points"},
    "services": {"code", "name", "value"},
    "entitlements": {"service", "tiers", "card_products", "count", "valid_months"},
    "performance": {"offer_membership_above"},
    "staff": {"pin_attempts", "pin_lockout_minutes"},
    "program": {"name", "currency", "timezone", "min_member_age"},
    "points": {"earn_per_yuan", "earn_on_stored_value", "redeem_unit_points",
               "redeem_unit_value", "max_redeem_share", "expire_after_months",
               "transfer_allowed"},
    "tiers": {"code", "name", "rank", "discount", "points_multiplier", "qualify", "keep"},
    "stored_value": {"max_balance_registered", "max_balance_anonymous", "real_name_purchase_at",
                     "pay_discount", "offline_spend_cap_per_card", "bonus_spend_order",
                     "topup_bonus"},
    "stored_value.topup_bonus": {"min_topup", "bonus"},
    "promotions": {"code", "name", "kind", "multiplier", "categories", "skus", "vip_only",
                   "stack_with_tier", "start", "end", "threshold", "off", "repeat", "gifts",
                   "on_refund"},
    "coupons": {"batch", "name", "kind", "value", "min_spend", "codes", "single_use", "start",
                "end"},
}


def _unknown_keys(raw: dict[str, Any], reader: _Reader) -> list[Msg]:
    """Name every key the terminal does not read, with its line: a misspelling such as
    ``vip_onyl`` would otherwise silently leave a VIP-only promotion open to everyone."""
    out: list[Msg] = []

    def check(table: str, index: int | None, data: dict[str, Any]) -> None:
        for key in data:
            if key not in KNOWN_KEYS.get(table, set(data)):
                out.append(reader.unknown(table, index, key))

    check("", None, raw)
    for table in ("program", "points", "stored_value", "staff", "performance"):
        if isinstance(raw.get(table), dict):
            check(table, None, raw[table])
    for table in ("tiers", "promotions", "coupons", "card_products", "gifts", "services",
                  "entitlements"):
        for i, item in enumerate(raw.get(table) or []):
            if isinstance(item, dict):
                check(table, i, item)
    sv = raw.get("stored_value")
    if isinstance(sv, dict):
        for i, item in enumerate(sv.get("topup_bonus") or []):
            if isinstance(item, dict):
                check("stored_value.topup_bonus", i, item)
    return out


def parse_program(text: str, source: str = "program.toml") -> Program:
    """Parse and validate program TOML text. Raises ProgramError naming key and line.

    Each section has its own small parse function below; a new section is one more
    function and one more line here."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ProgramError(_toml_error(text, source, e)) from e
    reader = _Reader(source, _Locator(text))
    root = _Table(reader, raw, "")

    prog = _section(root, "program")
    tz, currency, min_age = _parse_program_table(prog)
    points = _parse_points(_section(root, "points"))
    tiers = _parse_tiers(root, reader)
    stored_value = _parse_stored_value(_section(root, "stored_value"))
    gifts = _parse_gifts(root)
    promotions = _parse_promotions(root, {g.code for g in gifts})
    coupons = _parse_coupons(root)
    services = _parse_services(root)
    products = _parse_card_products(root, stored_value)
    return Program(
        name=prog.text("name"),
        currency=currency,
        timezone=tz,
        min_member_age=min_age if min_age is not None else 18,
        points=points,
        tiers=tiers,
        stored_value=stored_value,
        promotions=promotions,
        coupons=coupons,
        staff=_staff_rules(root),
        card_products=products,
        gifts=gifts,
        services=services,
        entitlements=_parse_entitlements(root, {x.code for x in services},
                                         {x.code for x in tiers}, {x.code for x in products}),
        performance=_performance_rules(root),
        source_text=text,
        warnings=tuple(_unknown_keys(raw, reader)),
    )


def _section(root: _Table, name: str) -> _Table:
    """The required top-level table ``[name]``, its keys named without a prefix."""
    table = root.sub(name)
    assert table is not None
    table.table, table.prefix = name, ""
    return table


def _parse_program_table(prog: _Table) -> tuple[ZoneInfo, str, int | None]:
    """``[program]``: the time zone, the currency (CNY only) and the least member age."""
    tz_name = prog.text("timezone")
    try:
        tz = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError) as e:
        raise prog._fail("timezone", f"is not a known time zone: {tz_name!r}") from e
    currency = prog.text("currency")
    if currency != "CNY":
        raise prog._fail("currency", f'must be "CNY", got {currency!r}')
    min_age = prog.whole("min_member_age", required=False, minimum=0, maximum=150)
    return tz, currency, min_age


def _parse_points(pts: _Table) -> PointsRules:
    """``[points]``: earning, redeeming and expiry."""
    redeem_unit_points = pts.whole("redeem_unit_points", minimum=1)
    expire = pts.whole("expire_after_months", required=False, minimum=1, maximum=1200)
    return PointsRules(
        earn_per_yuan=pts.multiplier("earn_per_yuan", hi=MAX_POINTS_RATE) or Decimal(0),
        earn_on_stored_value=pts.flag("earn_on_stored_value"),
        redeem_unit_points=redeem_unit_points or 1,
        redeem_unit_value=pts.money("redeem_unit_value", positive=True) or Decimal(0),
        max_redeem_share=pts.multiplier("max_redeem_share") or Decimal(0),
        expire_after_months=expire,
        transfer_allowed=pts.flag("transfer_allowed", required=False),
    )


def _parse_tiers(root: _Table, reader: _Reader) -> tuple[Tier, ...]:
    """``[[tiers]]``: at least one, codes and ranks unique, lowest rank first."""
    tiers: list[Tier] = []
    seen_codes: set[str] = set()
    seen_ranks: set[int] = set()
    tier_tables = root.array("tiers")
    if not tier_tables:
        raise reader.fail("tiers", None, None, "at least one [[tiers]] table is needed")
    for t in tier_tables:
        t.table = "tiers"
        code = t.text("code")
        if code in seen_codes:
            raise t._fail("code", f"repeats tier code {code!r}")
        rank = t.whole("rank", minimum=1) or 0
        if rank in seen_ranks:
            raise t._fail("rank", f"repeats rank {rank}")
        seen_codes.add(code)
        seen_ranks.add(rank)
        tiers.append(
            Tier(
                code=code,
                name=t.text("name"),
                rank=rank,
                discount=t.multiplier("discount") or Decimal(1),
                points_multiplier=t.multiplier("points_multiplier", hi="10") or Decimal(1),
                qualify=_tier_rule(t, "qualify"),
                keep=_tier_rule(t, "keep"),
            )
        )
    return tuple(sorted(tiers, key=lambda x: x.rank))


def _parse_stored_value(sv: _Table) -> StoredValueRules:
    """``[stored_value]``: caps, the real-name threshold, the pay discount, the spend
    order and the top-up bonus ladder (``[[stored_value.topup_bonus]]``)."""
    order = sv.text("bonus_spend_order")
    if order not in BONUS_SPEND_ORDERS:
        raise sv._fail(
            "bonus_spend_order", f"must be one of {', '.join(BONUS_SPEND_ORDERS)}, got {order!r}"
        )
    ladder = []
    for rung in sv.array("topup_bonus"):
        min_topup = rung.money("min_topup", positive=True) or Decimal(0)
        bonus = rung.money("bonus") or Decimal(0)
        if bonus > min_topup:
            raise rung._fail("bonus", f"must not be more than min_topup ({min_topup}), got "
                                      f"{bonus}")
        ladder.append(TopupBonus(min_topup=min_topup, bonus=bonus))
    return StoredValueRules(
        max_balance_registered=sv.money("max_balance_registered", positive=True) or Decimal(0),
        max_balance_anonymous=sv.money("max_balance_anonymous", positive=True) or Decimal(0),
        real_name_purchase_at=sv.money("real_name_purchase_at", positive=True) or Decimal(0),
        pay_discount=sv.multiplier("pay_discount") or Decimal(1),
        offline_spend_cap_per_card=sv.money("offline_spend_cap_per_card") or Decimal(0),
        bonus_spend_order=order,
        topup_bonus=tuple(sorted(ladder, key=lambda r: r.min_topup)),
    )


def _parse_promotions(root: _Table, gift_codes: set[str]) -> tuple[Promotion, ...]:
    """``[[promotions]]``: percent-off, spend-get-off and gift-with-purchase, codes
    unique."""
    promotions: list[Promotion] = []
    promo_codes: set[str] = set()
    for p in root.array("promotions"):
        p.table = "promotions"
        code = p.text("code")
        if code in promo_codes:
            raise p._fail("code", f"repeats promotion code {code!r}")
        promo_codes.add(code)
        kind = p.text("kind")
        common: dict[str, Any] = dict(
            code=code,
            name=p.text("name"),
            kind=kind,
            categories=p.strings("categories"),
            skus=p.strings("skus"),
            vip_only=p.flag("vip_only", required=False),
            window=p.window(),
        )
        if kind == "percent_off":
            promotions.append(
                Promotion(
                    **common,
                    multiplier=p.multiplier("multiplier"),
                    stack_with_tier=p.flag("stack_with_tier", required=False),
                )
            )
        elif kind == "spend_get_off":
            threshold = p.money("threshold", positive=True)
            off = p.money("off", positive=True)
            promotions.append(
                Promotion(
                    **common, threshold=threshold, off=off, repeat=p.flag("repeat", required=False)
                )
            )
        elif kind == "gift_with_purchase":
            promotions.append(_gift_promotion(p, common, gift_codes))
        else:
            raise p._fail("kind", 'must be "percent_off", "spend_get_off" or '
                                  f'"gift_with_purchase", got {kind!r}')
    return tuple(promotions)


def _gift_promotion(p: _Table, common: dict[str, Any], gift_codes: set[str]) -> Promotion:
    """A 满赠: ``threshold`` on its lines, ``gifts`` to choose among (each one of
    ``[[gifts]]``), ``on_refund`` take_back (default) or deduct_value."""
    gifts = p.strings("gifts", required=True)
    if not gifts:
        raise p._fail("gifts", "must list at least one gift")
    for g in gifts:
        if g not in gift_codes:
            raise p._fail("gifts", f"names gift {g!r}, which is not in [[gifts]]")
    on_refund = p.text("on_refund", required=False, default="take_back")
    if on_refund not in ("take_back", "deduct_value"):
        raise p._fail("on_refund", f'must be "take_back" or "deduct_value", got {on_refund!r}')
    return Promotion(**common, threshold=p.money("threshold", positive=True), gifts=gifts,
                     on_refund=on_refund)


def _codes_unique(table: _Table, code: str, seen: set[str], what: str) -> None:
    if code in seen:
        raise table._fail("code", f"repeats {what} code {code!r}")
    seen.add(code)


def _parse_gifts(root: _Table) -> tuple[Gift, ...]:
    """``[[gifts]]``: code, name, value, and optionally ``points`` (its price in points)."""
    out: list[Gift] = []
    seen: set[str] = set()
    for g in root.array("gifts"):
        g.table = "gifts"
        code = g.text("code")
        _codes_unique(g, code, seen, "gift")
        out.append(Gift(code=code, name=g.text("name"), value=g.money("value") or Decimal(0),
                        points=g.whole("points", required=False, minimum=1)))
    return tuple(out)


def _parse_services(root: _Table) -> tuple[Service, ...]:
    """``[[services]]``: code, name and the value of one use."""
    out: list[Service] = []
    seen: set[str] = set()
    for x in root.array("services"):
        x.table = "services"
        code = x.text("code")
        _codes_unique(x, code, seen, "service")
        out.append(Service(code=code, name=x.text("name"),
                           value=x.money("value", required=False) or Decimal("0.00")))
    return tuple(out)


def _parse_entitlements(root: _Table, services: set[str], tiers: set[str],
                        products: set[str]) -> tuple[EntitlementRule, ...]:
    """``[[entitlements]]``: a service of ``[[services]]`` brought by ``tiers`` and/or
    ``card_products``; ``count`` (omitted: unlimited) and ``valid_months``."""
    out: list[EntitlementRule] = []
    for e in root.array("entitlements"):
        e.table = "entitlements"
        service = e.text("service")
        if service not in services:
            raise e._fail("service", f"names service {service!r}, which is not in [[services]]")
        on_tiers, on_products = e.strings("tiers"), e.strings("card_products")
        if not on_tiers and not on_products:
            raise e._fail("tiers", "give tiers or card_products (or both)")
        for code in on_tiers:
            if code not in tiers:
                raise e._fail("tiers", f"names tier {code!r}, which is not in [[tiers]]")
        for code in on_products:
            if code not in products:
                raise e._fail("card_products",
                              f"names card product {code!r}, which is not in [[card_products]]")
        out.append(EntitlementRule(
            service=service, tiers=on_tiers, card_products=on_products,
            count=e.whole("count", required=False, minimum=1, maximum=10_000),
            valid_months=e.whole("valid_months", required=False, minimum=1, maximum=1200),
        ))
    return tuple(out)


def _performance_rules(root: _Table) -> PerformanceRules:
    """``[performance]`` (optional): ``offer_membership_above``, yuan."""
    t = root.sub("performance", required=False)
    if t is None:
        return PerformanceRules()
    t.table, t.prefix = "performance", ""
    return PerformanceRules(offer_membership_above=t.money("offer_membership_above",
                                                           required=False, positive=True))


def _parse_coupons(root: _Table) -> tuple[CouponBatch, ...]:
    """``[[coupons]]``: amount-off batches, each code in one batch only."""
    coupons: list[CouponBatch] = []
    all_codes: set[str] = set()
    for c in root.array("coupons"):
        c.table = "coupons"
        kind = c.text("kind")
        if kind != "amount_off":
            raise c._fail("kind", f'must be "amount_off", got {kind!r}')
        codes = c.strings("codes", required=True)
        if not codes:
            raise c._fail("codes", "must list at least one code")
        for code in codes:
            if code in all_codes:
                raise c._fail("codes", f"repeats coupon code {code!r}")
            all_codes.add(code)
        coupons.append(
            CouponBatch(
                batch=c.text("batch"),
                name=c.text("name"),
                kind=kind,
                value=c.money("value", positive=True) or Decimal(0),
                min_spend=c.money("min_spend", required=False) or Decimal("0.00"),
                codes=codes,
                single_use=c.flag("single_use", required=False, default=True),
                window=c.window(),
            )
        )
    return tuple(coupons)


CARD_PRODUCT_MEDIA = ("magstripe", "ic", "nfc")


def _parse_card_products(root: _Table, sv: StoredValueRules) -> tuple[CardProduct, ...]:
    """``[[card_products]]``: codes unique, the face value within the card's cap."""
    out: list[CardProduct] = []
    for c in root.array("card_products"):
        c.table = "card_products"
        code = c.text("code")
        if any(p.code == code for p in out):
            raise c._fail("code", f"repeats card product code {code!r}")
        media = c.strings("media", required=True)
        bad = [m for m in media if m not in CARD_PRODUCT_MEDIA]
        if not media or bad:
            raise c._fail("media", f"must list some of {', '.join(CARD_PRODUCT_MEDIA)}")
        anonymous = c.flag("anonymous", required=False)
        face = c.money("face_value", positive=True) or Decimal(0)
        cap = sv.max_balance_anonymous if anonymous else sv.max_balance_registered
        if face > cap:
            kind = "anonymous" if anonymous else "registered"
            raise c._fail("face_value", f"{face} is above the {kind} card cap {cap} in "
                                        "[stored_value]")
        prefix = c.text("number_prefix")
        if not (prefix.isdigit() and 2 <= len(prefix) <= 8):
            raise c._fail("number_prefix", f"must be 2-8 digits, got {prefix!r}")
        rate = c.multiplier("min_sale_rate", required=False) or Decimal("1.00")
        out.append(CardProduct(
            code=code, name=c.text("name"), face_value=face, media=media,
            number_prefix=prefix, anonymous=anonymous,
            validity_months=c.whole("validity_months", required=False, minimum=1),
            renew_by_topup=c.flag("renew_by_topup", required=False),
            min_sale_rate=rate,
            commission_rate=c.multiplier("commission_rate", required=False) or Decimal("0.00"),
            grant_spend_12m=c.money("grant_spend_12m", required=False, positive=True),
            return_days=c.whole("return_days", required=False, minimum=0, maximum=366),
        ))
    return tuple(out)


def load_program(path: str | Path) -> Program:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise ProgramError(f"program file not found: {p}") from e
    except UnicodeDecodeError as e:
        raise ProgramError(f"{p.name}: not UTF-8 text ({e.reason} at byte {e.start})") from e
    return parse_program(text, source=p.name)
