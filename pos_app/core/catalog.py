"""The catalog: CSV import with EAN-13 / EAN-8 / UPC-A check digits validated, bad rows
reported by row number and nothing half imported; re-import updates prices."""

from __future__ import annotations

import codecs
import csv
import io
import json
import operator
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
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


# (The sum of an EAN/UPC code's bytes at odd places from the right, its check digit
# included, plus three times those at even places) % 10 when its check digit is right:
# the digits' own weighted sum is then a multiple of 10, and each digit's byte adds 48
# times its weight. By the code's length: 8 (EAN-8), 12 (UPC-A) or 13 (EAN-13).
_CHECK_REMAINDER = {n: 48 * ((n + 1) // 2 + 3 * (n // 2)) % 10 for n in (8, 12, 13)}


def valid_barcode(code: str) -> bool:
    """EAN-13, EAN-8 or UPC-A (12 ASCII digits) with a correct check digit.

    The check digit as python-stdnum's ``ean.calc_check_digit`` computes it (the tests
    compare the two), summed over the code's bytes: a large import checks every row's.
    Without ``ean.is_valid``'s clean-up, which accepted (and the import then stored)
    full-width digits."""
    # every byte once, those at even places from the right twice more (weight 3)
    return code.isascii() and code.isdigit() and (
        (sum(b := code.encode()) + 2 * sum(b[-2::-2])) % 10 == _CHECK_REMAINDER.get(len(b)))


# A checked row as ``items`` stores it: sku, barcode (None: none), name, category, price
# and member price in whole cents (member price None: none), member discount (1 or 0),
# and ``updated_at`` (the import's time, as UtcDateTime stores it).
Checked = tuple[str, str | None, str, str, int, int | None, int, str]
Sink = Callable[[list[Checked]], None]

# member_discount's words (lower case, as typed; "": not given, so yes) -> 1 or 0
_DISCOUNT = {**dict.fromkeys(YES, 1), **dict.fromkeys(NO, 0), "": 1}


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


def _bad_csv(reader: Any, e: csv.Error) -> PosError:
    # e.g. a bare carriage return inside an unquoted field
    return PosError("catalog.bad_csv", line=reader.line_num, detail=e)


class _Checker:
    """The rules every row of a catalog file is checked by, row after row, whether the
    file is imported (:func:`import_file`, :func:`import_text`) or only read
    (:func:`parse_rows`). Each bad row adds one problem naming its row number (row 1 is
    the header); a SKU or barcode may appear once in a file."""

    def __init__(self, reader: Any, stamp: str, track: bool = True) -> None:
        try:
            header = [h.strip().lower() for h in next(reader)]
        except StopIteration:
            raise PosError("catalog.empty") from None
        except csv.Error as e:
            raise _bad_csv(reader, e) from None
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise PosError("catalog.missing_columns", missing=", ".join(missing),
                           found=", ".join(header))
        self.width = len(header)
        self.at = [header.index(c) if c in header else None for c in (*REQUIRED, *OPTIONAL)]
        self.stamp = stamp
        # whether each SKU's and barcode's first row is kept, to name a repeat; a first
        # import leaves repeats to the catalog's unique keys (see :func:`_import`)
        self.track = track
        self.problems: list[str] = []
        self.skus: dict[str, int] = {}
        self.barcodes: dict[str, int] = {}
        self.good = 0  # good rows handed on
        self.last = 1  # the last row number read

    def take(self, reader: Any, total_lines: int, progress: Progress | None,
             sink: Sink) -> None:
        """Check every row of ``reader`` (bad ones kept in ``problems``) and hand the
        good ones, in order, to ``sink`` a chunk at a time (every :data:`CHUNK` lines).

        A row of the usual shape (plain amounts, printable text, an ASCII SKU, a known
        member-discount word, no repeat) is taken here in a few comparisons; any other
        goes through :meth:`check`, which names what is wrong with it (a large import
        checks every row, so the usual case is kept short)."""
        width, skus, barcodes, stamp = self.width, self.skus, self.barcodes, self.stamp
        pick, strip, plain, discount = _picker(self.at), str.strip, _plain_cents, _DISCOUNT
        track = self.track
        out: list[Checked] = []
        chunk, n, stop = CHUNK, 1, 0
        try:
            for n, rec in enumerate(reader, start=2):
                if n >= stop:
                    if out:
                        self._hand_on(out, sink)
                        out = []
                    if progress and n % 10000 == 0:
                        progress(n - 1, total_lines)
                    stop = min(n + chunk - n % chunk, n + 10000 - n % 10000)
                if len(rec) < width:
                    self._short(n, rec)
                    continue
                sku, barcode, name, category, price_text, member_text, md_text = pick(rec)
                sku, name, category = strip(sku), strip(name), strip(category)
                whole, dot, frac = price_text.rpartition(".")  # "12.50" as 1250, else:
                price = (int(digits) if dot and len(frac) == 2 and 0 < len(whole) <= 15
                         and (digits := whole + frac).isdigit() and digits.isascii()
                         else plain(price_text))
                member = plain(member_text) if member_text else None
                md = discount.get(md_text)
                if (price is None or md is None or (member_text and (
                        member is None or member > price))
                        or not sku.isascii() or not sku.isprintable() or not name.isprintable()
                        or not category.isprintable()  # (a barcode is digits, below)
                        or not 0 < len(sku) <= 40 or not 0 < len(name) <= 120
                        or not 0 < len(category) <= 40
                        or (barcode and not valid_barcode(barcode))
                        or (track and (sku in skus or (barcode and barcode in barcodes)))):
                    if not sku and not any(x.strip() for x in rec):
                        continue  # a blank line
                    row = self.check(n, [strip(x) for x in pick(rec)])
                    if row is not None:
                        out.append(row)
                    continue
                if track:
                    skus[sku] = n
                    if barcode:
                        barcodes[barcode] = n
                out.append((sku, barcode or None, name, category, price, member, md, stamp))
        except csv.Error as e:
            raise _bad_csv(reader, e) from None
        self.last = n
        if out:
            self._hand_on(out, sink)

    def _hand_on(self, rows: list[Checked], sink: Sink) -> None:
        self.good += len(rows)
        sink(rows)

    def _short(self, n: int, rec: list[str]) -> None:
        """A record of fewer fields than the header: a problem, unless it is blank."""
        if any(x.strip() for x in rec):
            self.problems.append(Msg("catalog.row_fields", row=n, fields=len(rec),
                                     expected=self.width))

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
        return (sku, barcode or None, name, category, price, member_price,
                0 if md in NO else 1, self.stamp)

    def finish(self) -> None:
        """Refuse the file when any row was bad or none was an item."""
        if self.problems:
            raise CatalogError(self.problems, self.last - 1)
        if not self.good:
            raise PosError("catalog.no_items")


def parse_rows(text: str, progress: Progress | None = None) -> list[Row]:
    """Read and check a catalog's text without importing it (HQ checks a catalog before
    publishing it, and prices carts with it); raise CatalogError listing each bad row by
    number (row 1 is the header, so the first item is row 2)."""
    reader = csv.reader(io.StringIO(text, newline=""))  # line ends as import_file reads them
    checker = _Checker(reader, "")
    rows: list[Row] = []

    def keep(chunk: list[Checked]) -> None:
        rows.extend(
            Row(sku, barcode, name, category, _yuan(price),
                _yuan(member) if member is not None else None, bool(md))
            for sku, barcode, name, category, price, member, md, _ in chunk)

    checker.take(reader, text.count("\n"), progress, keep)
    checker.finish()
    return rows


CHUNK = 5000  # lines of a file checked, then their rows written at a time
_READ_BLOCK = 1 << 20

_COLUMNS = ("INSERT INTO items (sku, barcode, name, category, price, member_price, "
            "member_discount, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
_UPSERT = _COLUMNS + (
    " ON CONFLICT(sku) DO UPDATE SET "
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
    transaction: new SKUs added, changed ones updated, unchanged ones left (their
    ``updated_at`` too). A barcode that moves to another SKU is first taken from the
    item holding it; that item must be in the file too (with another barcode or none),
    which :meth:`finish` checks."""

    def __init__(self, s: Session, empty: bool) -> None:
        self.conn = s.connection()
        # into an empty catalog every row is new (and no SKU or barcode repeats), so a
        # plain INSERT, with no existing rows to compare or barcodes to take
        self.empty = empty
        self.added = self.updated = self.unchanged = 0
        self.file_rows = 0
        # barcodes taken from an item holding them: (holder, its rowid, barcode, taker,
        # the taker's rowid if it held a barcode before)
        self.taken: list[tuple[str, int, str, str, int | None]] = []
        self.held: dict[str, str] = {}  # the barcode each of those items held

    def write(self, rows: list[Checked]) -> None:
        self.file_rows += len(rows)
        if self.empty:
            self.added += len(rows)
            self.conn.exec_driver_sql(_COLUMNS, rows)
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
            elif before[:7] == r[:7]:
                self.unchanged += 1
                continue
            else:
                self.updated += 1
                if before[1] != r[1]:
                    moved_away.append((r[0],))
            changed.append(r)
        if moved_away:
            self.conn.exec_driver_sql("UPDATE items SET barcode = NULL WHERE sku = ?",
                                      moved_away)
        self._take_barcodes(changed, old)
        if changed:
            self.conn.exec_driver_sql(_UPSERT, changed)

    def _query(self, sql: str, param: list[str]) -> Sequence[Any]:
        """Rows of ``sql`` for a list of values (a JSON array), as the driver's plain
        tuples: a re-import reads back every item it updates, and SQLAlchemy's result
        rows cost more per row than the tuples themselves."""
        cur = self.conn.connection.cursor()
        try:
            cur.execute(sql, (json.dumps(param),))
            return cur.fetchall()
        finally:
            cur.close()

    def _existing(self, rows: list[Checked]) -> dict[str, tuple[Any, ...]]:
        """The catalog's rows for these SKUs: sku, barcode, ... member_discount, rowid."""
        found = self._query(
            "SELECT sku, barcode, name, category, price, member_price, member_discount, "
            "rowid FROM items WHERE sku IN (SELECT value FROM json_each(?))",
            [r[0] for r in rows])
        return {f[0]: tuple(f) for f in found}

    def _take_barcodes(self, params: list[Checked], old: dict[str, Any]) -> None:
        wanted = {p[1]: p[0] for p in params if p[1] is not None}
        if not wanted:
            return
        holders = self._query("SELECT sku, barcode, rowid FROM items "
                              "WHERE barcode IN (SELECT value FROM json_each(?))", list(wanted))
        for holder, barcode, rowid in holders:
            taker = wanted[barcode]
            if holder != taker:
                self.conn.exec_driver_sql("UPDATE items SET barcode = NULL WHERE sku = ?",
                                          (holder,))
                self.held[holder] = barcode
                before = old.get(taker)
                # where the refusal names the taker: among the catalog's items with a
                # barcode (by rowid), else among the file's new ones (by row)
                taker_rowid = before[7] if before is not None and before[1] else None
                self.taken.append((holder, rowid, barcode, taker, taker_rowid))

    def finish(self, checker: _Checker) -> ImportReport:
        """Refuse the import (the caller's transaction rolls back) where a barcode would
        stay with an item the file does not name, listing each such barcode with the
        two SKUs that would hold it (in the order of the catalog's rows, then the
        file's)."""
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


class _Again(Exception):
    """A first import's quick pass met something the full one must see to."""


OpenText = Callable[[bool], tuple[IO[str], int]]


def _first_import(s: Session, f: IO[str], lines: int, stamp: str,
                  progress: Progress | None) -> ImportReport | None:
    """A first import (the catalog empty), in a savepoint: every row checked by the
    same rules but for repeats, which the catalog's unique keys on SKU and barcode
    refuse as the rows are written (as a plain INSERT's index upkeep does anyway), so
    no SKU or barcode is kept per row. None (the savepoint rolled back) where any row
    is bad, a key repeats or the file is not plain UTF-8: the full import then reads
    the file again and names every problem."""
    try:
        with s.begin_nested():
            reader = csv.reader(f)
            checker = _Checker(reader, stamp, track=False)
            writer = _Writer(s, empty=True)

            def write(rows: list[Checked]) -> None:
                if checker.problems:
                    raise _Again
                writer.write(rows)

            checker.take(reader, lines, progress, write)
            if checker.problems or not checker.good:
                raise _Again
            return writer.finish(checker)
    except (_Again, PosError, UnicodeDecodeError, IntegrityError):
        return None


def _import(s: Session, open_text: OpenText, now: datetime,
            progress: Progress | None) -> ImportReport:
    """Check and write the CSV ``open_text(full)`` opens (see :func:`import_file`): into
    an empty catalog first by :func:`_first_import`, else (and where that gives up) by
    the full import, which keeps each SKU's and barcode's first row to name repeats."""
    stamp = now.astimezone(UTC).isoformat(timespec="microseconds")  # as UtcDateTime
    empty = s.connection().exec_driver_sql("SELECT 1 FROM items LIMIT 1").first() is None
    if empty:
        f, lines = open_text(False)
        with f:
            done = _first_import(s, f, lines, stamp, progress)
        if done is not None:
            return done
    f, lines = open_text(True)
    with f:
        reader = csv.reader(f)
        checker = _Checker(reader, stamp)
        writer = _Writer(s, empty)

        def write(rows: list[Checked]) -> None:
            if not checker.problems:  # after the first bad row nothing more is written
                writer.write(rows)

        checker.take(reader, lines, progress, write)
    checker.finish()
    return writer.finish(checker)


def _lines(path: Path) -> int:
    """The file's number of lines (for progress)."""
    try:
        with path.open("rb") as f:
            return sum(block.count(b"\n") for block in iter(lambda: f.read(_READ_BLOCK), b""))
    except FileNotFoundError:
        raise PosError("catalog.not_found", path=path) from None


def import_file(
    s: Session, path: Path, now: datetime, progress: Progress | None = None
) -> ImportReport:
    """Check and write a catalog file (``pos catalog import``) in the caller's
    transaction, streamed: it is read a block at a time and written :data:`CHUNK` lines
    at a time, so memory stays bounded whatever its size. UTF-8 (with or without a
    byte-order mark) or GB18030. Every row is checked: after the first bad row nothing
    more is written, and the CatalogError lists every bad row by number (row 1 is the
    header); the caller's transaction then rolls back whatever was written, so a
    refused file changes nothing. ``progress(done, total)`` is called every 10,000
    lines."""

    def open_text(full: bool) -> tuple[IO[str], int]:
        enc, lines = _encoding(path) if full else ("utf-8-sig", _lines(path))
        return path.open(encoding=enc, newline=""), lines

    return _import(s, open_text, now, progress)


def import_text(s: Session, text: str, now: datetime) -> ImportReport:
    """:func:`import_file` for a catalog's text (as HQ sends it to the terminals)."""
    return _import(s, lambda _full: (io.StringIO(text, newline=""), text.count("\n")),
                   now, None)


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
