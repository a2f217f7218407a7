"""Group enrollment (机关团体集体办理): an organisation's staff from a CSV or XLSX file,
every row checked (name, phone, ID number, age, duplicates in the file and against
members already enrolled) with a report per row, then all enrolled in one transaction,
or none; the clerk may choose to enroll the good rows and leave the bad ones
(``skip_bad``). Cards are issued in sequence: from the store's stock of a card product,
or the terminal's next numbers."""

from __future__ import annotations

import csv
import io
import numbers
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core import card_sales, card_stock, members
from pos_app.core.errors import PosError, message_of
from pos_app.core.messages import Msg
from pos_app.core.models import Member
from pos_app.core.pii import mask_card, mask_name, mask_phone
from pos_app.core.staff import Operator, audit, require
from pos_app.core.terminal import Terminal

MAX_ROWS = 5000
# the columns a file may have, by the names clerks write them in (English or Chinese)
COLUMNS = {
    "name": ("name", "姓名"),
    "phone": ("phone", "mobile", "手机", "手机号", "电话"),
    "id_number": ("id_number", "id", "身份证", "身份证号"),
    "birthday": ("birthday", "生日", "出生日期"),
    "gender": ("gender", "性别"),
    "email": ("email", "邮箱"),
}
GENDERS = {"男": "M", "女": "F", "m": "M", "f": "F"}


@dataclass
class RowReport:
    row: int  # the line of the file (the header is line 1)
    name: str  # masked
    phone: str  # masked
    problem: Msg | None = None
    card: str | None = None
    member_id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "name": self.name, "phone": self.phone,
                "ok": self.problem is None,
                "problem": str(self.problem) if self.problem is not None else None,
                "code": self.problem.code if self.problem is not None else None,
                "card": self.card, "member_id": self.member_id}


@dataclass
class GroupResult:
    organisation: str
    rows: list[RowReport] = field(default_factory=list)

    @property
    def bad(self) -> list[RowReport]:
        return [r for r in self.rows if r.problem is not None]

    @property
    def enrolled(self) -> list[RowReport]:
        return [r for r in self.rows if r.member_id is not None]


def read_rows(path: Path) -> list[dict[str, str]]:
    """The file's rows as {column: text}, columns named as :data:`COLUMNS` knows them."""
    if not path.is_file():
        raise PosError("group.no_file", path=str(path))
    if path.suffix.lower() == ".xlsx":
        table = _xlsx(path)
    elif path.suffix.lower() == ".csv":
        table = _csv(path)
    else:
        raise PosError("group.file_kind", path=path.name)
    if not table:
        raise PosError("group.empty", path=path.name)
    header = [_column(h) for h in table[0]]
    missing = [c for c in ("name", "phone") if c not in header]
    if missing:
        raise PosError("group.columns", path=path.name, missing=", ".join(missing))
    rows = [{h: v.strip() for h, v in zip(header, line, strict=False) if h}
            for line in table[1:]]
    rows = [r for r in rows if any(r.values())]
    if not 1 <= len(rows) <= MAX_ROWS:
        raise PosError("group.rows", count=len(rows), most=MAX_ROWS)
    return rows


def _column(title: Any) -> str:
    text = str(title or "").strip().lower()
    for col, names in COLUMNS.items():
        if text in names:
            return col
    return ""


def _csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return list(csv.reader(io.StringIO(raw.decode(enc))))
        except UnicodeDecodeError:
            continue
    raise PosError("group.encoding", path=path.name)


def _xlsx(path: Path) -> list[list[str]]:
    # openpyxl is loaded only for a spreadsheet: every other ``pos member`` stays light
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # a damaged or foreign file: openpyxl's own error names it
        raise PosError("group.bad_xlsx", path=path.name, detail=str(e)) from e
    try:
        ws = wb.worksheets[0]
        return [[_cell(v) for v in row] for row in ws.iter_rows(values_only=True)]
    finally:
        wb.close()


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, date):
        return v.isoformat()[:10]
    if isinstance(v, numbers.Integral):
        return str(v)
    if isinstance(v, numbers.Real):  # a phone typed as a number in the sheet: 1.38E10
        d = Decimal(str(v))
        return str(d.quantize(Decimal(1))) if d == d.to_integral_value() else str(d)
    return str(v)


def _enrollment(row: dict[str, str]) -> members.Enrollment:
    bday = row.get("birthday") or ""
    try:
        birthday = date.fromisoformat(bday) if bday else None
    except ValueError as e:
        raise PosError("group.bad_birthday", birthday=bday) from e
    gender = row.get("gender") or ""
    return members.Enrollment(
        name=row.get("name", ""), phone=row.get("phone") or None, birthday=birthday,
        id_number=row.get("id_number") or None, email=row.get("email") or None,
        gender=GENDERS.get(gender.lower(), gender) or None)


def check(t: Terminal, s: Session, rows: list[dict[str, str]], organisation: str
          ) -> tuple[GroupResult, list[members.Enrollment | None]]:
    """Every row checked; the report and each good row's enrollment."""
    today = t.now().date()
    result = GroupResult(organisation)
    out: list[members.Enrollment | None] = []
    phones: dict[str, int] = {}
    ids: dict[str, int] = {}
    for i, row in enumerate(rows, start=2):
        rep = RowReport(i, mask_name(row.get("name", "")[:60]), "")
        e: members.Enrollment | None = None
        try:  # the phone (masked) names the row in the report, whatever else is wrong
            rep.phone = mask_phone(members.normalize_phone(row.get("phone", "")))
        except PosError:
            pass
        try:
            e = _enrollment(row)
            clean = members.validate(t, e, today)
            phone, idn = clean["phone"], clean.get("id_number")
            _duplicates(t, s, phone, idn, i, phones, ids)
        except PosError as err:
            rep.problem, e = message_of(err), None
        result.rows.append(rep)
        out.append(e)
    return result, out


def _duplicates(t: Terminal, s: Session, phone: str, idn: str | None, row: int,
                phones: dict[str, int], ids: dict[str, int]) -> None:
    if phone in phones:
        raise PosError("group.dup_phone", phone=mask_phone(phone), row=phones[phone])
    if idn and idn in ids:
        raise PosError("group.dup_id", row=ids[idn])
    if s.scalars(select(Member.id).where(
            Member.phone_hash == t.vault.lookup_hash("phone", phone))).first():
        raise PosError("member.phone_taken", phone=mask_phone(phone))
    if idn and s.scalars(select(Member.id).where(
            Member.id_no_hash == t.vault.lookup_hash("id_number", idn))).first():
        raise PosError("group.id_taken")
    phones[phone] = row
    if idn:
        ids[idn] = row


def enroll_group(t: Terminal, s: Session, rows: list[dict[str, str]], who: Operator, *,
                 organisation: str, product: str | None = None, skip_bad: bool = False,
                 approver: Operator | None = None) -> GroupResult:
    """Check every row, then enroll them all (cards in sequence), in the caller's
    transaction; with a bad row, nothing is enrolled (``PosError`` ``group.bad_rows``,
    carrying the report) unless ``skip_bad``."""
    approved = require(who, "group_enroll", approver)
    if not organisation.strip():
        raise PosError("group.organisation")
    result, enrollments = check(t, s, rows, organisation.strip())
    if result.bad and not skip_bad:
        raise GroupRefused(result)
    good = [(rep, e) for rep, e in zip(result.rows, enrollments, strict=True) if e is not None]
    if not good:
        raise GroupRefused(result)
    stock = card_stock.take(t, s, product, len(good)) if product else []
    for n, (rep, e) in enumerate(good):
        if stock:
            e.card_no = stock[n].card_no
        m = card_sales.enroll(t, s, e, who)
        rep.member_id = m.id
        rep.card = members.main_card(s, m).card_no
    audit(s, t.now(), who, "group_enroll", f"organisation {result.organisation}"[:80],
          {"rows": len(result.rows), "enrolled": len(good), "skipped": len(result.bad),
           "product": product,
           "cards": [mask_card(r.card or "") for r in result.enrolled][:5]},
          approved_by=approved)
    return result


class GroupRefused(PosError):
    """Some rows have problems and the clerk did not choose to skip them: nothing was
    enrolled. ``result`` holds the report of every row."""

    def __init__(self, result: GroupResult) -> None:
        super().__init__("group.bad_rows", bad=len(result.bad), rows=len(result.rows))
        self.result = result
