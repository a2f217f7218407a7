"""The catalog: CSV import with EAN-13 / EAN-8 / UPC-A check digits validated, bad rows
reported by row number and nothing half imported; re-import updates prices."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from stdnum import ean

from pos_app.core.errors import PosError
from pos_app.core.messages import Items, Msg
from pos_app.core.models import Item
from pos_app.core.money import MoneyError, parse_money
from pos_app.core.pricing import CartItem

REQUIRED = ("sku", "barcode", "name", "category", "price")
OPTIONAL = ("member_price", "member_discount")
YES = {"yes", "y", "true", "1", "是"}
NO = {"no", "n", "false", "0", "否"}
MAX_REPORTED = 50
Progress = Callable[[int, int], None]


class CatalogError(PosError):
    def __init__(self, problems: Sequence[str], rows: int) -> None:
        self.problems = problems
        shown = problems[:MAX_REPORTED]
        extra = len(problems) - MAX_REPORTED
        more = Msg("catalog.more", count=extra) if extra > 0 else ""
        super().__init__("catalog.bad_rows", count=len(problems), rows=rows, more=more,
                         problems=shown)


@dataclass(frozen=True)
class Row:
    sku: str
    barcode: str | None
    name: str
    category: str
    price: Decimal
    member_price: Decimal | None
    member_discount: bool


@dataclass
class ImportReport:
    rows: int
    added: int
    updated: int
    unchanged: int


def valid_barcode(code: str) -> bool:
    """EAN-13, EAN-8 or UPC-A (12 ASCII digits) with a correct check digit.

    python-stdnum's check digit, without ``ean.is_valid``'s clean-up: that accepted (and
    the import then stored) full-width digits, and was most of a large import's time."""
    return (
        len(code) in (8, 12, 13)
        and code.isascii()
        and code.isdigit()
        and ean.calc_check_digit(code[:-1]) == code[-1]
    )


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise PosError("catalog.bad_encoding", file=path.name)


def _records(text: str) -> Iterator[list[str]]:
    reader = csv.reader(io.StringIO(text))
    try:
        yield from reader
    except csv.Error as e:  # e.g. a bare carriage return inside an unquoted field
        raise PosError("catalog.bad_csv", line=reader.line_num, detail=e) from None


def _text_problems(get: Callable[[str], str]) -> list[Msg]:
    """A row's codes and names: lengths, barcode check digit, no control or direction
    characters anywhere, ASCII digits in the SKU."""
    sku, barcode, name, category = get("sku"), get("barcode"), get("name"), get("category")
    bad = [Msg("catalog.control_characters", column=col)
           for col in ("sku", "barcode", "name", "category", "price", "member_price")
           if has_control(get(col))]
    if any(c.isnumeric() and not c.isascii() for c in sku):
        bad.append(Msg("catalog.sku_digits", sku=sku))
    if not sku or len(sku) > 40:
        bad.append(Msg("catalog.sku_length"))
    if not name or len(name) > 120:
        bad.append(Msg("catalog.name_length"))
    if not category or len(category) > 40:
        bad.append(Msg("catalog.category_length"))
    if barcode and not valid_barcode(barcode):
        bad.append(Msg("catalog.bad_barcode", barcode=barcode))
    return bad


def parse_rows(text: str, progress: Progress | None = None) -> list[Row]:
    """Read and check every row; raise CatalogError listing each bad row by number
    (row 1 is the header, so the first item is row 2)."""
    reader = _records(text)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise PosError("catalog.empty") from None
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise PosError("catalog.missing_columns", missing=", ".join(missing),
                       found=", ".join(header))
    idx = {c: header.index(c) for c in (*REQUIRED, *OPTIONAL) if c in header}
    total_lines = text.count("\n")
    rows: list[Row] = []
    problems: list[str] = []
    skus: dict[str, int] = {}
    barcodes: dict[str, int] = {}
    n = 1
    for n, rec in enumerate(reader, start=2):
        if progress and n % 10000 == 0:
            progress(n - 1, total_lines)
        if not any(x.strip() for x in rec):
            continue
        if len(rec) < len(header):
            problems.append(Msg("catalog.row_fields", row=n, fields=len(rec), expected=len(header)))
            continue

        def get(col: str, rec: list[str] = rec) -> str:
            return rec[idx[col]].strip() if col in idx else ""

        sku, barcode, name, category = get("sku"), get("barcode"), get("name"), get("category")
        bad = _text_problems(get)
        price = member_price = None
        try:
            price = parse_money(get("price"))
            if price < 0:
                bad.append(Msg("catalog.price_negative"))
        except MoneyError:
            bad.append(Msg("catalog.bad_price", price=get("price")[:30]))
        if get("member_price"):
            try:
                member_price = parse_money(get("member_price"))
                if member_price < 0 or (price is not None and member_price > price):
                    bad.append(Msg("catalog.member_price_range"))
            except MoneyError:
                bad.append(Msg("catalog.bad_member_price", price=get("member_price")[:30]))
        md_text = get("member_discount").lower()
        if md_text and md_text not in YES | NO:
            bad.append(Msg("catalog.bad_member_discount", value=get("member_discount")))
        if sku in skus:
            bad.append(Msg("catalog.sku_repeats", sku=sku, row=skus[sku]))
        if barcode and barcode in barcodes:
            bad.append(Msg("catalog.barcode_repeats", barcode=barcode, row=barcodes[barcode]))
        if bad:
            problems.append(Msg("catalog.row", row=n, problems=Items(bad)))
            continue
        skus[sku] = n
        if barcode:
            barcodes[barcode] = n
        assert price is not None
        rows.append(
            Row(sku, barcode or None, name, category, price, member_price, md_text not in NO)
        )
    if problems:
        raise CatalogError(problems, n - 1)
    if not rows:
        raise PosError("catalog.no_items")
    return rows


def import_rows(s: Session, rows: list[Row], now: datetime) -> ImportReport:
    """Write checked rows in the caller's transaction: new SKUs added, known ones updated."""
    existing = {
        r[0]: r[1:]
        for r in s.execute(
            select(
                Item.sku,
                Item.barcode,
                Item.name,
                Item.category,
                Item.price,
                Item.member_price,
                Item.member_discount,
            )
        )
    }
    # a barcode may only belong to one SKU once the import is done
    final = {sku: v[0] for sku, v in existing.items() if v[0]}
    for r in rows:
        if r.barcode:
            final[r.sku] = r.barcode
        else:
            final.pop(r.sku, None)
    owner: dict[str, str] = {}
    problems: list[str] = []
    for sku, bc in final.items():
        if bc in owner:
            problems.append(
                Msg("catalog.barcode_two_skus", barcode=bc, first=owner[bc], second=sku)
            )
        owner[bc] = sku
    if problems:
        raise CatalogError(problems, len(rows))
    added = updated = unchanged = 0
    changed_barcode = []
    params = []
    stamp = now.astimezone(UTC).isoformat(timespec="microseconds")  # as UtcDateTime stores it
    for r in rows:
        old = existing.get(r.sku)
        new = (r.barcode, r.name, r.category, r.price, r.member_price, r.member_discount)
        if old is None:
            added += 1
        elif tuple(old) == new:
            unchanged += 1
            continue
        else:
            updated += 1
            if old[0] != r.barcode:
                changed_barcode.append({"sku": r.sku})
        params.append(
            {
                "sku": r.sku,
                "barcode": r.barcode,
                "name": r.name,
                "category": r.category,
                "price": int(r.price * 100),
                "member_price": int(r.member_price * 100) if r.member_price is not None else None,
                "member_discount": 1 if r.member_discount else 0,
                "updated_at": stamp,
            }
        )
    conn = s.connection()
    if changed_barcode:
        conn.exec_driver_sql("UPDATE items SET barcode = NULL WHERE sku = :sku", changed_barcode)
    if params:
        conn.exec_driver_sql(
            "INSERT INTO items (sku, barcode, name, category, price, member_price, "
            "member_discount, updated_at) VALUES (:sku, :barcode, :name, :category, :price, "
            ":member_price, :member_discount, :updated_at) ON CONFLICT(sku) DO UPDATE SET "
            "barcode=excluded.barcode, name=excluded.name, category=excluded.category, "
            "price=excluded.price, member_price=excluded.member_price, "
            "member_discount=excluded.member_discount, updated_at=excluded.updated_at",
            params,
        )
    return ImportReport(rows=len(rows), added=added, updated=updated, unchanged=unchanged)


def read_file(path: Path, progress: Progress | None = None) -> list[Row]:
    try:
        text = _read_text(path)
    except FileNotFoundError:
        raise PosError("catalog.not_found", path=path) from None
    return parse_rows(text, progress)


def _barcodes(code: str) -> list[str]:
    """The barcodes a scanned code may be stored as (UPC-A also as its 13-digit EAN form)."""
    candidates = [code]
    if code.isdigit():
        if len(code) == 13 and code.startswith("0"):
            candidates.append(code[1:])
        elif len(code) == 12:
            candidates.append("0" + code)
    return candidates


def has_control(text: str) -> bool:
    """Whether ``text`` holds a control or format character: C0/C1 controls, the bidi
    overrides and isolates (U+202A-U+202E, U+2066-U+2069), zero-width characters."""
    return any(unicodedata.category(c) in ("Cc", "Cf") for c in text)


def clean_code(code: str) -> str:
    """A typed or scanned code as the catalog keeps it: full-width characters from a
    Chinese input method made ASCII (NFKC), blanks around it dropped; a control or
    direction character is refused."""
    code = unicodedata.normalize("NFKC", code).strip()
    if has_control(code):
        raise PosError("catalog.code_control_characters")
    return code


def lookup(s: Session, code: str) -> Item | None:
    """Find an item by a scanned barcode (UPC-A also as its 13-digit EAN form) or SKU."""
    code = clean_code(code)
    candidates = _barcodes(code)
    for c in candidates:
        item = s.scalars(select(Item).where(Item.barcode == c)).first()
        if item is not None:
            return item
    return s.get(Item, code)


def cart_item(
    s: Session, code: str, qty: int = 1, override_price: Decimal | None = None
) -> CartItem | None:
    """The cart line a scanned or typed code rings up, at the catalog's prices now
    (None: the code is not in the catalog)."""
    it = lookup(s, code)
    if it is None:
        return None
    return CartItem(
        sku=it.sku,
        name=it.name,
        category=it.category,
        unit_price=it.price,
        qty=qty,
        member_price=it.member_price,
        member_discount=it.member_discount,
        override_price=override_price,
    )


_ITEM_COLUMNS = (
    Item.sku,
    Item.barcode,
    Item.name,
    Item.category,
    Item.price,
    Item.member_price,
    Item.member_discount,
)


def _cart_item(row: Any, qty: int, override_price: Decimal | None) -> CartItem:
    sku, name, category, price, member_price, member_discount = row
    return CartItem(
        sku=sku,
        name=name,
        category=category,
        unit_price=price,
        qty=qty,
        member_price=member_price,
        member_discount=member_discount,
        override_price=override_price,
    )


def cart_items(
    s: Session, wanted: list[tuple[str, int, Decimal | None]]
) -> list[CartItem | None]:
    """:func:`cart_item` for many (code, qty, override price) at once, in one query
    (a 100-line sale's look-ups); None where a code is not in the catalog. A code is
    matched as :func:`lookup` matches it: a barcode first, then a SKU."""
    codes = [clean_code(c) for c, _, _ in wanted]
    barcodes = {b for c in codes for b in _barcodes(c)}
    by_barcode: dict[str, tuple[Any, ...]] = {}
    by_sku: dict[str, tuple[Any, ...]] = {}
    keys = list(barcodes | set(codes))
    for i in range(0, len(keys), 400):  # under SQLite's bound-parameter limit
        chunk = keys[i : i + 400]
        q = select(*_ITEM_COLUMNS).where(Item.barcode.in_(chunk) | Item.sku.in_(chunk))
        for sku, barcode, *rest in s.execute(q):
            row = (sku, *rest)
            by_sku[sku] = row
            if barcode is not None:
                by_barcode[barcode] = row
    out: list[CartItem | None] = []
    for code, (_, qty, override) in zip(codes, wanted, strict=True):
        found = next((by_barcode[b] for b in _barcodes(code) if b in by_barcode), None)
        found = found or by_sku.get(code)
        out.append(_cart_item(found, qty, override) if found is not None else None)
    return out
