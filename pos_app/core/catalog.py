"""The catalog: CSV import with EAN-13 / EAN-8 / UPC-A check digits validated, bad rows
reported by row number and nothing half imported; re-import updates prices."""

from __future__ import annotations

import codecs
import csv
import io
import json
import operator
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.errors import PosError
from pos_app.core.messages import Items, Msg
from pos_app.core.models import Item
from pos_app.core.money import CENT, MoneyError, parse_money
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

    The check digit as python-stdnum's ``ean.calc_check_digit`` computes it (the tests
    compare the two), summed over the code's bytes: a large import checks every row's.
    Without ``ean.is_valid``'s clean-up, which accepted (and the import then stored)
    full-width digits."""
    if len(code) not in (8, 12, 13) or not (code.isascii() and code.isdigit()):
        return False
    body = code.encode()[:-1]
    threes, ones = body[-1::-2], body[-2::-2]  # weights 3, 1, 3, ... from the right
    total = 3 * (sum(threes) - 48 * len(threes)) + sum(ones) - 48 * len(ones)
    return (10 - total % 10) % 10 == ord(code[-1]) - 48


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise PosError("catalog.bad_encoding", file=path.name)


def _records(reader: Any) -> Iterator[list[str]]:
    try:
        yield from reader
    except csv.Error as e:  # e.g. a bare carriage return inside an unquoted field
        raise PosError("catalog.bad_csv", line=reader.line_num, detail=e) from None


# A checked row: sku, barcode (None: none), name, category, price and member price in
# whole cents (member price None: none), member discount (1 or 0): the columns of
# ``items`` as they are stored, but for ``updated_at``.
Checked = tuple[str, str | None, str, str, int, int | None, int]

def _plain_cents(text: str) -> int | None:
    """An amount of the usual form ("12", "12.5", "12.50": ASCII digits, at most 15
    whole ones) as whole cents; None for any other text (:func:`_cents` reads those)."""
    whole, dot, frac = text.partition(".")
    if not (whole.isascii() and whole.isdigit() and len(whole) <= 15):
        return None
    if not dot:
        return int(whole) * 100
    if frac.isascii() and frac.isdigit() and len(frac) <= 2:
        return int(whole) * 100 + int(frac) * (10 if len(frac) == 1 else 1)
    return None


def _cents(text: str) -> int:
    """``text`` as whole cents, by :func:`pos_app.core.money.parse_money`'s rules
    (MoneyError when it is not an amount in yuan)."""
    plain = _plain_cents(text)
    return plain if plain is not None else int(parse_money(text) * 100)


def _yuan(cents: int) -> Decimal:
    return (Decimal(cents) * CENT).quantize(CENT)


_TEXT_COLUMNS = ("sku", "barcode", "name", "category", "price", "member_price")


def _text_problems(fields: list[str]) -> list[Msg]:
    """A row's codes and names: no control or direction characters in them, ASCII digits
    in the SKU, lengths, the barcode's check digit."""
    sku, barcode, name, category = fields[:4]
    bad = [Msg("catalog.control_characters", column=col)
           for col, text in zip(_TEXT_COLUMNS, fields, strict=False) if has_control(text)]
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


def _picker(at: list[int | None]) -> Callable[[list[str]], Sequence[str]]:
    """The fields at ``at`` of a record (an absent optional column: "")."""
    if None not in at:
        return operator.itemgetter(*at)

    def pick(rec: list[str]) -> list[str]:
        return [rec[i] if i is not None else "" for i in at]

    return pick


class _Checker:
    """The rules every row of a catalog file is checked by, row after row, whether the
    file is read whole (:func:`parse_rows`) or streamed into the ledger
    (:func:`import_file`). Each bad row adds one problem naming its row number (row 1 is
    the header); a SKU or barcode may appear once in a file."""

    def __init__(self, reader: Iterator[list[str]]) -> None:
        try:
            header = [h.strip().lower() for h in next(reader)]
        except StopIteration:
            raise PosError("catalog.empty") from None
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise PosError("catalog.missing_columns", missing=", ".join(missing),
                           found=", ".join(header))
        self.width = len(header)
        self.at = [header.index(c) if c in header else None for c in (*REQUIRED, *OPTIONAL)]
        self.problems: list[str] = []
        self.skus: dict[str, int] = {}
        self.barcodes: dict[str, int] = {}
        self.last = 1  # the last row number read

    def rows(self, reader: Iterator[list[str]], total_lines: int,
             progress: Progress | None) -> Iterator[Checked]:
        """The good rows of ``reader``, in order; the bad ones are kept in ``problems``.

        A row of the usual shape (plain amounts, printable text, an ASCII SKU, a known
        member-discount word, no repeat) is taken here; any other goes through
        :meth:`check`, which names what is wrong with it (a large import checks every
        row, so the usual case is kept short)."""
        width, skus, barcodes = self.width, self.skus, self.barcodes
        pick = _picker(self.at)
        strip = str.strip
        n = 1
        for n, rec in enumerate(reader, start=2):
            if progress and n % 10000 == 0:
                progress(n - 1, total_lines)
            if len(rec) < width:
                if any(x.strip() for x in rec):
                    self.problems.append(Msg("catalog.row_fields", row=n, fields=len(rec),
                                             expected=width))
                continue
            sku, barcode, name, category, price_text, member_text, md_text = map(strip, pick(rec))
            price = _plain_cents(price_text)
            member = _plain_cents(member_text) if member_text else None
            md = md_text.lower() if md_text else ""
            if (price is None or (member_text and (member is None or member > price))
                    or not sku.isascii() or not (sku + barcode + name + category).isprintable()
                    or not 0 < len(sku) <= 40 or not 0 < len(name) <= 120
                    or not 0 < len(category) <= 40 or sku in skus
                    or (md and md not in YES and md not in NO)
                    or (barcode and (barcode in barcodes or not valid_barcode(barcode)))):
                if not sku and not any(x.strip() for x in rec):
                    continue  # a blank line
                row = self.check(n, [sku, barcode, name, category, price_text, member_text,
                                     md_text])
                if row is not None:
                    yield row
                continue
            skus[sku] = n
            if barcode:
                barcodes[barcode] = n
            yield sku, barcode or None, name, category, price, member, 0 if md in NO else 1
        self.last = n

    def check(self, n: int, fields: list[str]) -> Checked | None:
        sku, barcode, name, category, price_text, member_text, md_text = fields
        bad = _text_problems(fields)
        price = member_price = None
        try:
            price = _cents(price_text)
            if price < 0:
                bad.append(Msg("catalog.price_negative"))
        except MoneyError:
            bad.append(Msg("catalog.bad_price", price=price_text[:30]))
        if member_text:
            try:
                member_price = _cents(member_text)
                if member_price < 0 or (price is not None and member_price > price):
                    bad.append(Msg("catalog.member_price_range"))
            except MoneyError:
                bad.append(Msg("catalog.bad_member_price", price=member_text[:30]))
        md = md_text.lower()
        if md and md not in YES and md not in NO:
            bad.append(Msg("catalog.bad_member_discount", value=md_text))
        if sku in self.skus:
            bad.append(Msg("catalog.sku_repeats", sku=sku, row=self.skus[sku]))
        if barcode and barcode in self.barcodes:
            bad.append(Msg("catalog.barcode_repeats", barcode=barcode,
                           row=self.barcodes[barcode]))
        if bad:
            self.problems.append(Msg("catalog.row", row=n, problems=Items(bad)))
            return None
        self.skus[sku] = n
        if barcode:
            self.barcodes[barcode] = n
        assert price is not None
        return sku, barcode or None, name, category, price, member_price, 0 if md in NO else 1

    def finish(self, good: int) -> None:
        """Refuse the file when any row was bad or none was an item."""
        if self.problems:
            raise CatalogError(self.problems, self.last - 1)
        if not good:
            raise PosError("catalog.no_items")


def parse_rows(text: str, progress: Progress | None = None) -> list[Row]:
    """Read and check every row; raise CatalogError listing each bad row by number
    (row 1 is the header, so the first item is row 2)."""
    reader = csv.reader(io.StringIO(text))
    records = _records(reader)
    checker = _Checker(records)
    rows = [
        Row(sku, barcode, name, category, _yuan(price),
            _yuan(member) if member is not None else None, bool(md))
        for sku, barcode, name, category, price, member, md
        in checker.rows(records, text.count("\n"), progress)
    ]
    checker.finish(len(rows))
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


CHUNK = 5000  # rows written at a time by import_file
_READ_BLOCK = 1 << 20

_UPSERT = (
    "INSERT INTO items (sku, barcode, name, category, price, member_price, member_discount, "
    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(sku) DO UPDATE SET "
    "barcode=excluded.barcode, name=excluded.name, category=excluded.category, "
    "price=excluded.price, member_price=excluded.member_price, "
    "member_discount=excluded.member_discount, updated_at=excluded.updated_at"
)


def _encoding(path: Path) -> tuple[str, int]:
    """The file's text encoding (UTF-8, else GB18030) and its number of lines, read in
    blocks (a chain's catalog is tens of MiB; none of it is kept)."""
    try:
        f = path.open("rb")
    except FileNotFoundError:
        raise PosError("catalog.not_found", path=path) from None
    with f:
        for enc in ("utf-8-sig", "gb18030"):
            f.seek(0)
            decoder = codecs.getincrementaldecoder(enc)()
            lines = 0
            try:
                while block := f.read(_READ_BLOCK):
                    decoder.decode(block)
                    lines += block.count(b"\n")
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                continue
            return enc, lines
    raise PosError("catalog.bad_encoding", file=path.name)


class _Writer:
    """Writes checked rows into ``items`` a chunk at a time, inside the caller's
    transaction, as :func:`import_rows` would write them all at once: new SKUs added,
    changed ones updated, unchanged ones left (their ``updated_at`` too). A barcode that
    moves to another SKU is first taken from the item holding it; that item must be in
    the file too (with another barcode or none), which :meth:`finish` checks."""

    def __init__(self, s: Session, now: datetime) -> None:
        self.conn = s.connection()
        self.cur = self.conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        stamp = now.astimezone(UTC).isoformat(timespec="microseconds")  # as UtcDateTime
        # every row's updated_at, written into the statement (a time's ISO text: digits,
        # "-", ":", ".", "+"), so the rows go to the driver as the checker made them
        self.upsert = _UPSERT.replace("?)", f"?, '{stamp}')", 1)
        self.empty = self.cur.execute("SELECT 1 FROM items LIMIT 1").fetchone() is None
        self.added = self.updated = self.unchanged = 0
        self.file_rows = 0
        # barcodes taken from an item holding them: (holder, its rowid, barcode, taker,
        # the taker's rowid if it held a barcode before)
        self.taken: list[tuple[str, int, str, str, int | None]] = []
        self.held: dict[str, str] = {}  # the barcode each of those items held

    def write(self, rows: list[Checked]) -> None:
        self.file_rows += len(rows)
        if self.empty:  # a first import: every row is new, no barcode held
            self.added += len(rows)
            self.cur.executemany(self.upsert, rows)
            return
        old = self._existing(rows)
        changed = []
        moved_away = []
        for r in rows:
            before = old.get(r[0])
            if before is not None and r[0] in self.held:  # compare with what it held
                before = (before[0], self.held[r[0]], *before[2:])
                old[r[0]] = before
            if before is None:
                self.added += 1
            elif before[:7] == r:
                self.unchanged += 1
                continue
            else:
                self.updated += 1
                if before[1] != r[1]:
                    moved_away.append((r[0],))
            changed.append(r)
        if moved_away:
            self.cur.executemany("UPDATE items SET barcode = NULL WHERE sku = ?", moved_away)
        self._take_barcodes(changed, old)
        self.cur.executemany(self.upsert, changed)

    def _existing(self, rows: list[Checked]) -> dict[str, tuple[Any, ...]]:
        """The catalog's rows for these SKUs: sku, barcode, ... member_discount, rowid."""
        found = self.cur.execute(
            "SELECT sku, barcode, name, category, price, member_price, member_discount, "
            "rowid FROM items WHERE sku IN (SELECT value FROM json_each(?))",
            (json.dumps([r[0] for r in rows]),),
        ).fetchall()
        return {f[0]: tuple(f) for f in found}

    def _take_barcodes(self, params: list[tuple[Any, ...]], old: dict[str, Any]) -> None:
        wanted = {p[1]: p[0] for p in params if p[1] is not None}
        if not wanted:
            return
        holders = self.cur.execute(
            "SELECT sku, barcode, rowid FROM items "
            "WHERE barcode IN (SELECT value FROM json_each(?))",
            (json.dumps(list(wanted)),),
        ).fetchall()
        for holder, barcode, rowid in holders:
            taker = wanted[barcode]
            if holder != taker:
                self.cur.execute("UPDATE items SET barcode = NULL WHERE sku = ?", (holder,))
                self.held[holder] = barcode
                before = old.get(taker)
                # where import_rows's check lists the taker: among the catalog's items
                # with a barcode (by rowid), else among the file's new ones (by row)
                taker_rowid = before[7] if before is not None and before[1] else None
                self.taken.append((holder, rowid, barcode, taker, taker_rowid))

    def finish(self, checker: _Checker) -> ImportReport:
        """Refuse the import (the caller's transaction rolls back) where a barcode would
        stay with an item the file does not name, as :func:`import_rows` does."""
        found = []
        for holder, rowid, barcode, taker, taker_rowid in self.taken:
            if holder in checker.skus:
                continue  # the file gives the holder another barcode, or none
            pair = sorted([((0, rowid), holder), (
                (0, taker_rowid) if taker_rowid is not None else (1, checker.skus[taker]),
                taker)])
            found.append((pair[1][0], Msg("catalog.barcode_two_skus", barcode=barcode,
                                          first=pair[0][1], second=pair[1][1])))
        if found:
            raise CatalogError([m for _, m in sorted(found, key=lambda x: x[0])],
                               self.file_rows)
        return ImportReport(rows=self.file_rows, added=self.added, updated=self.updated,
                            unchanged=self.unchanged)


def import_file(
    s: Session, path: Path, now: datetime, progress: Progress | None = None
) -> ImportReport:
    """Check and write a catalog file in the caller's transaction, streamed: it is read a
    block at a time and written :data:`CHUNK` rows at a time, so memory stays bounded
    whatever its size. The same rules and the same coded errors as :func:`read_file` and
    :func:`import_rows`: after the first bad row nothing more is written, every row is
    still checked, and the error lists them all; the caller's transaction then rolls
    back whatever was written, so a refused file changes nothing."""
    enc, lines = _encoding(path)
    with path.open(encoding=enc, newline="") as f:
        reader = csv.reader(f)
        records = _records(reader)
        checker = _Checker(records)
        writer = _Writer(s, now)
        chunk: list[Checked] = []
        good = 0
        for row in checker.rows(records, lines, progress):
            good += 1
            if checker.problems:
                continue
            chunk.append(row)
            if len(chunk) == CHUNK:
                writer.write(chunk)
                chunk = []
    checker.finish(good)
    if chunk:
        writer.write(chunk)
    return writer.finish(checker)


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
