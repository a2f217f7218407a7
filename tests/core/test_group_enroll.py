"""Group enrollment: an organisation's staff from CSV or XLSX, every row checked (phone,
age, ID number, duplicates in the file and against members), a report per row, all or
none unless the clerk skips the bad rows, cards in sequence from the store's stock."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from pos_app.core import card_stock, group_enroll, ledger, members
from pos_app.core.errors import NotAllowed, PosError
from pos_app.core.models import Member
from pos_app.core.staff import Operator
from pos_app.core.terminal import Terminal

from .helpers import CASHIER, SUPERVISOR

ROWS = [
    ["姓名", "手机", "身份证号", "性别", "生日"],
    ["李雷", "13912345601", "110101199003074514", "男", ""],
    ["韩梅梅", "139 1234 5602", "", "女", "1995-06-01"],
    ["王小明", "13912345603", "", "", "2012-01-01"],  # too young
    ["赵六", "13912345601", "", "", ""],  # the phone of row 2
    ["钱七", "12345", "", "", ""],  # not a phone
    ["孙八", "13800138000", "", "", ""],  # already a member
    ["周九", "13912345607", "110101199003074515", "", ""],  # a wrong check digit
]


def write_xlsx(path: Path, rows: list[list[str]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(rows[0])
    for r in rows[1:]:  # birthdays as spreadsheet dates, phones as typed
        ws.append([date.fromisoformat(v) if k == 4 and v else v for k, v in enumerate(r)])
    wb.save(path)
    return path


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    path.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding)
    return path


def members_count(t: Terminal) -> int:
    with t.read() as s:
        return s.scalar(select(func.count(Member.id))) or 0


def test_every_row_checked_and_nothing_enrolled_with_a_bad_row(
        terminal: Terminal, tmp_path: Path) -> None:
    from .helpers import enroll

    enroll(terminal, "13800138000")
    rows = group_enroll.read_rows(write_xlsx(tmp_path / "staff.xlsx", ROWS))
    before = members_count(terminal)
    with pytest.raises(group_enroll.GroupRefused, match="5 of 7 rows have problems") as e, \
            terminal.tx() as s:
        group_enroll.enroll_group(terminal, s, rows, SUPERVISOR, organisation="市第一医院")
    report = [(r.row, r.name, r.phone, r.problem.code if r.problem else None)
              for r in e.value.result.rows]
    assert report == [
        (2, "李*", "139****5601", None), (3, "韩**", "139****5602", None),
        (4, "王**", "139****5603", "member.too_young"),
        (5, "赵*", "139****5601", "group.dup_phone"),
        (6, "钱*", "", "member.phone_not_mainland"),
        (7, "孙*", "138****8000", "member.phone_taken"),
        (8, "周*", "139****5607", "member.bad_id_number"),
    ]
    assert "row 2" in str(e.value.result.rows[3].problem)
    assert members_count(terminal) == before  # all or none
    with pytest.raises(NotAllowed, match="needs a supervisor"), terminal.tx() as s:
        group_enroll.enroll_group(terminal, s, rows, CASHIER, organisation="市第一医院",
                                  skip_bad=True)


def test_skip_bad_rows_and_cards_in_sequence_from_stock(
        terminal: Terminal, tmp_path: Path) -> None:
    with terminal.tx() as s:
        b = card_stock.create_batch(terminal, s, "VIP5000", "ic", "890100000001", 5,
                                    Operator("3001", "manager"))
        card_stock.receive(terminal, s, SUPERVISOR, batch_no=b.batch_no, first="8901000000027")
    rows = group_enroll.read_rows(write_csv(tmp_path / "staff.csv", ROWS, "gb18030"))
    with terminal.tx() as s:
        res = group_enroll.enroll_group(terminal, s, rows, SUPERVISOR, organisation="市第一医院",
                                        product="VIP5000", skip_bad=True)
    # row 7's phone is no member's here: three good rows, their cards in number order
    assert [(r.row, r.card) for r in res.enrolled] == [
        (2, "8901000000027"), (3, "8901000000035"), (7, "8901000000043")]
    assert len(res.bad) == 4
    with terminal.read() as s:
        li = members.find_card(s, "8901000000027").member
        assert members.personal(terminal, li)["id_number"] == "110101199003074514"
        assert li.gender == "M"
        assert ledger.verify(s).ok
    # the same file again: every row is now a duplicate of a member
    with pytest.raises(PosError), terminal.tx() as s:
        group_enroll.enroll_group(terminal, s, rows[:2], SUPERVISOR, organisation="市第一医院")


@pytest.mark.parametrize("content,message", [
    (b"", "is empty"),
    ("姓名,身份证号\n李雷,110101199003074514\n".encode(), "no column phone"),
    (b"name,phone\n", "1 to 5000 rows, got 0"),
])
def test_unreadable_files(tmp_path: Path, content: bytes, message: str) -> None:
    f = tmp_path / "x.csv"
    f.write_bytes(content)
    with pytest.raises(PosError, match=message):
        group_enroll.read_rows(f)
    with pytest.raises(PosError, match="give a .csv or .xlsx"):
        group_enroll.read_rows(tmp_path.joinpath("x.txt") if tmp_path.joinpath(
            "x.txt").write_text("a") else f)
    (tmp_path / "bad.xlsx").write_bytes(b"not a zip")
    with pytest.raises(PosError, match="not a readable spreadsheet"):
        group_enroll.read_rows(tmp_path / "bad.xlsx")
