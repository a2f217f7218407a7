"""The catalog: CSV import through the Python API and the ``pos`` command line, with
EAN-13 / EAN-8 / UPC-A check digits validated, bad rows named, nothing half imported,
re-import updating prices, GB18030 files, barcodes moving and UPC-A scanned as EAN-13."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import delete
from stdnum import ean

from pos_app import cli
from pos_app.core import catalog
from pos_app.core.catalog import CatalogError, Row
from pos_app.core.errors import PosError
from pos_app.core.models import Item
from pos_app.core.terminal import DB_FILE, Terminal
from pos_app.demo import PROGRAM
from tests.core.conftest import D11, Clock, db_dump

ROOT = Path(__file__).resolve().parents[2]
HEADER = "sku,barcode,name,category,price,member_price,member_discount"


def with_check(body: str) -> str:
    """A barcode with its correct check digit (works for EAN-13, EAN-8 and UPC-A)."""
    return body + ean.calc_check_digit(body)


def wrong_check(code: str) -> str:
    return code[:-1] + str((int(code[-1]) + 1) % 10)


EAN13 = with_check("690123456789")
EAN13_B = with_check("690123456790")
EAN13_C = with_check("690123456791")
EAN8 = with_check("9638507")
UPCA = with_check("03600029145")  # 036000291452


def write_csv(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding=encoding)
    return path


def items(data_dir: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(data_dir / DB_FILE)
    try:
        return con.execute("SELECT * FROM items ORDER BY sku").fetchall()
    finally:
        con.close()


def db_hash(data_dir: Path) -> str:
    return hashlib.sha256(db_dump(data_dir).encode()).hexdigest()


def run_import(t: Terminal, path: Path) -> catalog.ImportReport:
    """What ``pos catalog import`` runs: the file streamed into one transaction."""
    with t.tx() as s:
        return catalog.import_file(s, path, t.now())


@pytest.fixture
def fresh(tmp_path: Path, clock: Clock) -> Iterator[Terminal]:
    """A new terminal with an empty catalog."""
    t = Terminal.init(tmp_path / "fresh", store="S001", terminal="T01", franchisee="F-EAST",
                      program_file=PROGRAM, clock=clock)
    yield t
    t.close()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A closed data folder for the command line, holding a three-item catalog."""
    d = tmp_path / "cli"
    t = Terminal.init(d, store="S001", terminal="T01", franchisee="F-EAST", program_file=PROGRAM)
    with t.tx() as s:
        catalog.import_text(s, f"{HEADER}\nA-1,{EAN13},甲,apparel,10.00,,\n"
                            f"B-2,{EAN8},乙,food,5.50,,no\nC-3,,丙,food,1.00,,\n", t.now())
    t.close()
    return d


def pos(data_dir: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


# --- check digits ---------------------------------------------------------------------------


@pytest.mark.parametrize("code", [EAN13, EAN13_B, EAN8, UPCA, "6901234560015", "96385074"])
def test_good_check_digits_accepted(code: str) -> None:
    assert catalog.valid_barcode(code)


@pytest.mark.parametrize("code", [EAN13, EAN8, UPCA])
def test_wrong_check_digit_refused(code: str) -> None:
    assert not catalog.valid_barcode(wrong_check(code))


@pytest.mark.parametrize(
    "code",
    ["", "69012345", with_check("1234567890123"), with_check("1234"), "69O1234567892",
     " " + EAN13, "+" + EAN8, "1234567"],
)
def test_other_shapes_refused(code: str) -> None:
    # wrong length (incl. a valid GTIN-14, 5 and 7 digits), letters, signs
    assert not catalog.valid_barcode(code)


def test_check_digit_agrees_with_stdnum() -> None:
    for body in ("690123456789", "03600029145", "9638507", "000000000000", "99999999999"):
        for d in "0123456789":
            code = body + d
            assert catalog.valid_barcode(code) == ean.is_valid(code), code
            assert catalog.valid_barcode(code) == (d == ean.calc_check_digit(body)), code


def test_check_digit_agrees_with_stdnum_on_many_codes() -> None:
    """The import's own check-digit sum against python-stdnum's, on 30,000 codes of each
    length (every tenth one with its right check digit)."""
    import random

    rnd = random.Random(17)
    for length in (8, 12, 13):
        for i in range(30_000):
            body = "".join(rnd.choice("0123456789") for _ in range(length - 1))
            code = body + (ean.calc_check_digit(body) if i % 10 == 0 else rnd.choice("0123456789"))
            assert catalog.valid_barcode(code) == ean.is_valid(code), code


def test_full_width_digits_refused() -> None:
    """Typed through a Chinese input method: stdnum would clean them, the import would then
    store a barcode no scanner sends."""
    full = EAN13.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
    assert not catalog.valid_barcode(full)
    with pytest.raises(CatalogError, match="row 2: barcode"):
        catalog.parse_rows(f"{HEADER}\nA-1,{full},甲,apparel,10.00,,\n")


# --- the Python API -------------------------------------------------------------------------


def test_import_all_three_barcode_kinds(fresh: Terminal, tmp_path: Path) -> None:
    f = write_csv(tmp_path / "c.csv", [
        f"COAT-1,{EAN13},羊毛大衣 Wool coat,apparel,699.00,,",
        f"TEA-2,{EAN8},龙井 Longjing,food,\"1,168.5\",,no",
        f"CAN-3,{UPCA},可乐 Cola,food,3.00,2.50,yes",
        "BAG-4,,帆布包 Tote,accessories,199,179.00,",
    ])
    rep = run_import(fresh, f)
    assert (rep.rows, rep.added, rep.updated, rep.unchanged) == (4, 4, 0, 0)
    with fresh.read() as s:
        coat = catalog.lookup(s, EAN13)
        assert coat is not None and coat.sku == "COAT-1" and coat.name == "羊毛大衣 Wool coat"
        assert coat.price == Decimal("699.00") and coat.member_price is None
        assert coat.member_discount is True
        tea = catalog.lookup(s, EAN8)
        assert tea is not None and tea.price == Decimal("1168.50") and tea.member_discount is False
        can = catalog.lookup(s, UPCA)
        assert can is not None and can.member_price == Decimal("2.50")
        bag = catalog.lookup(s, "BAG-4")  # found by SKU
        assert bag is not None and bag.barcode is None and bag.member_price == Decimal("179.00")
        assert catalog.lookup(s, wrong_check(EAN13)) is None
    # money is kept as whole cents, never a float
    assert [r[4] for r in items(fresh.data_dir)] == [19900, 300, 69900, 116850]


def test_bad_rows_each_named_and_nothing_imported(fresh: Terminal, tmp_path: Path) -> None:
    run_import(fresh, write_csv(tmp_path / "first.csv", [f"A-1,{EAN13},甲,apparel,10.00,,"]))
    before = items(fresh.data_dir)
    f = write_csv(tmp_path / "bad.csv", [
        f"OK-1,{EAN13_B},好,food,1.00,,",                       # row 2: good
        f"BAD-1,{wrong_check(EAN13_C)},坏,food,1.00,,",          # row 3: check digit
        f"OK-2,{EAN8},好,food,2.00,,",                          # row 4: good
        "BAD-2,,坏,food,12.345,,",                              # row 5: three decimals
        f"OK-1,{UPCA},重复,food,1.00,,",                          # row 6: repeated SKU
        "BAD-3,,,food,1.00,,",                                  # row 7: no name
        "BAD-4,,短",                                             # row 8: too few fields
        "BAD-5,,坏,food,9.00,10.00,maybe",                       # row 9: member price, flag
        f"OK-3,{EAN13_B},又,food,1.00,,",                        # row 10: repeated barcode
    ])
    with pytest.raises(CatalogError) as e:
        run_import(fresh, f)
    problems = e.value.problems
    assert [p.split(":")[0] for p in problems] == [
        "row 3", "row 5", "row 6", "row 7", "row 8", "row 9", "row 10"
    ]
    assert f"barcode '{wrong_check(EAN13_C)}' is not a valid EAN-13, EAN-8 or UPC-A" in problems[0]
    assert "price '12.345' is not an amount in yuan" in problems[1]
    assert "sku OK-1 repeats row 2" in problems[2]
    assert "name must be 1-120 characters" in problems[3]
    assert "3 fields, expected 7" in problems[4]
    assert "member_price must be between 0 and the price" in problems[5]
    assert "member_discount must be yes or no, got 'maybe'" in problems[5]
    assert f"barcode {EAN13_B} repeats row 2" in problems[6]
    assert str(e.value).startswith("catalog not imported, 7 bad row(s) of 9: row 3: ")
    assert items(fresh.data_dir) == before


def test_conflicting_barcode_refused_whole(fresh: Terminal, tmp_path: Path) -> None:
    """A barcode still held by a SKU not in the file cannot go to another SKU; the rows
    before and after the conflict are not written either."""
    run_import(fresh, write_csv(tmp_path / "a.csv", [
        f"A-1,{EAN13},甲,apparel,10.00,,", f"B-2,{EAN8},乙,food,5.00,,",
    ]))
    before = items(fresh.data_dir)
    f = write_csv(tmp_path / "b.csv", [
        "NEW-1,,新,food,1.00,,", f"B-2,{EAN8},乙,food,6.00,,", f"C-3,{EAN13},丙,food,3.00,,",
    ])
    with pytest.raises(CatalogError, match=f"barcode {EAN13} would belong to both A-1 and C-3"):
        run_import(fresh, f)
    assert items(fresh.data_dir) == before


def test_reimport_updates_prices_and_counts(fresh: Terminal, tmp_path: Path, clock: Clock) -> None:
    lines = [
        f"A-1,{EAN13},甲,apparel,10.00,,",
        f"B-2,{EAN8},乙,food,5.00,,",
        f"C-3,{UPCA},丙,food,3.00,,",
        "D-4,,丁,food,1.00,,",
    ]
    rep = run_import(fresh, write_csv(tmp_path / "v1.csv", lines))
    assert (rep.added, rep.updated, rep.unchanged) == (4, 0, 0)
    stamps1 = {r[0]: r[7] for r in items(fresh.data_dir)}
    clock.advance(hours=1)
    lines[0] = f"A-1,{EAN13},甲,apparel,12.50,,"  # price up
    lines[3] = "D-4,,丁,food,1.00,0.80,no"  # member price and flag
    rep = run_import(fresh, write_csv(tmp_path / "v2.csv", [*lines, "E-5,,戊,food,2.00,,"]))
    assert (rep.rows, rep.added, rep.updated, rep.unchanged) == (5, 1, 2, 2)
    with fresh.read() as s:
        a, d = catalog.lookup(s, "A-1"), catalog.lookup(s, "D-4")
        assert a is not None and a.price == Decimal("12.50")
        assert d is not None and d.member_price == Decimal("0.80") and d.member_discount is False
    stamps2 = {r[0]: r[7] for r in items(fresh.data_dir)}
    assert stamps2["B-2"] == stamps1["B-2"] and stamps2["C-3"] == stamps1["C-3"]
    assert stamps2["A-1"] != stamps1["A-1"] and stamps2["D-4"] != stamps1["D-4"]
    # the same file again changes nothing
    before = items(fresh.data_dir)
    rep = run_import(fresh, tmp_path / "v2.csv")
    assert (rep.added, rep.updated, rep.unchanged) == (0, 0, 5)
    assert items(fresh.data_dir) == before


def test_gb18030_csv_accepted(fresh: Terminal, tmp_path: Path) -> None:
    # 𠮷 is outside GBK: four bytes in GB18030
    names = ["羊毛大衣", "五常大米 5kg", "𠮷野家 便当"]
    f = write_csv(tmp_path / "gb.csv", [
        f"A-1,{EAN13},{names[0]},服装,699.00,,否",
        f"B-2,{EAN8},{names[1]},食品,89.00,,是",
        f"C-3,,{names[2]},食品,25.00,,",
    ], encoding="gb18030")
    raw = f.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    rep = run_import(fresh, f)
    assert rep.added == 3
    got = {r[0]: (r[2], r[3], r[6]) for r in items(fresh.data_dir)}
    assert got == {"A-1": (names[0], "服装", 0), "B-2": (names[1], "食品", 1),
                   "C-3": (names[2], "食品", 1)}


def test_utf8_with_bom_accepted(fresh: Terminal, tmp_path: Path) -> None:
    f = write_csv(tmp_path / "bom.csv", [f"A-1,{EAN13},甲,apparel,10.00,,"], encoding="utf-8-sig")
    assert run_import(fresh, f).added == 1


def test_barcode_moves_between_skus(fresh: Terminal, tmp_path: Path) -> None:
    run_import(fresh, write_csv(tmp_path / "a.csv", [
        f"OLD-1,{EAN13},旧包装,food,10.00,,", f"OTHER-2,{EAN8},其他,food,5.00,,",
    ]))
    # the barcode goes to a new SKU; the old SKU gets a new barcode
    rep = run_import(fresh, write_csv(tmp_path / "b.csv", [
        f"OLD-1,{EAN13_B},旧包装,food,10.00,,", f"NEW-1,{EAN13},新包装,food,11.00,,",
    ]))
    assert (rep.added, rep.updated) == (1, 1)
    with fresh.read() as s:
        new, old = catalog.lookup(s, EAN13), catalog.lookup(s, EAN13_B)
        assert new is not None and new.sku == "NEW-1"
        assert old is not None and old.sku == "OLD-1"
    # two SKUs swap barcodes in one file
    rep = run_import(fresh, write_csv(tmp_path / "c.csv", [
        f"OLD-1,{EAN13},旧包装,food,10.00,,", f"NEW-1,{EAN13_B},新包装,food,11.00,,",
    ]))
    assert rep.updated == 2
    with fresh.read() as s:
        swapped = catalog.lookup(s, EAN13)
        assert swapped is not None and swapped.sku == "OLD-1"
    # a barcode dropped from its SKU frees it
    run_import(fresh, write_csv(tmp_path / "d.csv", ["OTHER-2,,其他,food,5.00,,"]))
    run_import(fresh, write_csv(tmp_path / "e.csv", [f"OLD-1,{EAN8},旧包装,food,10.00,,"]))
    with fresh.read() as s:
        moved = catalog.lookup(s, EAN8)
        assert moved is not None and moved.sku == "OLD-1"


def test_upca_found_when_scanned_as_ean13(fresh: Terminal, tmp_path: Path) -> None:
    ean_zero = with_check("012345678901")  # an EAN-13 with a leading zero
    run_import(fresh, write_csv(tmp_path / "u.csv", [
        f"CAN-1,{UPCA},可乐,food,3.00,,", f"GUM-2,{ean_zero},口香糖,food,1.00,,",
    ]))
    with fresh.read() as s:
        for scanned, sku in ((UPCA, "CAN-1"), ("0" + UPCA, "CAN-1"), (f" 0{UPCA}\n", "CAN-1"),
                             (ean_zero, "GUM-2"), (ean_zero[1:], "GUM-2")):
            it = catalog.lookup(s, scanned)
            assert it is not None and it.sku == sku, scanned
        assert catalog.lookup(s, "1" + UPCA) is None
    assert catalog.valid_barcode("0" + UPCA)  # the same check digit in both forms


def test_parse_rows_progress_on_a_large_file() -> None:
    n = 30_000
    text = HEADER + "\n" + "".join(
        f"S{i:06d},{with_check(f'69{i:010d}')},商品{i},food,{i % 500 + 1}.00,,\n" for i in range(n)
    )
    calls: list[tuple[int, int]] = []
    rows = catalog.parse_rows(text, lambda done, total: calls.append((done, total)))
    assert len(rows) == n and rows[-1] == Row(
        f"S{n - 1:06d}", with_check(f"69{n - 1:010d}"), f"商品{n - 1}", "food",
        Decimal(f"{(n - 1) % 500 + 1}.00"), None, True,
    )
    assert [d for d, _ in calls] == [9_999, 19_999, 29_999]
    assert {t for _, t in calls} == {n + 1}  # lines in the file, header included


def test_empty_file_and_missing_columns(fresh: Terminal, tmp_path: Path) -> None:
    for text, refusal in (("", "catalog file is empty"),
                          ("sku,barcode,name,category\nA,,x,y\n",
                           r"catalog header lacks column\(s\): price"),
                          (HEADER + "\n\n", "catalog file has no items")):
        f = tmp_path / "c.csv"
        f.write_text(text, encoding="utf-8")
        with pytest.raises(PosError, match=refusal):
            run_import(fresh, f)
        with pytest.raises(PosError, match=refusal):  # as HQ reads it before publishing
            catalog.parse_rows(text)
    with pytest.raises(PosError, match="catalog file not found"):
        run_import(fresh, tmp_path / "none.csv")
    assert items(fresh.data_dir) == []


# --- the command line ----------------------------------------------------------------------


def test_cli_import_and_reimport(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = write_csv(tmp_path / "new.csv", [
        f"A-1,{EAN13},甲,apparel,11.00,,",  # price changed
        f"B-2,{EAN8},乙,food,5.50,,no",  # unchanged
        f"D-4,{UPCA},丁,food,2.00,,",  # new
    ])
    code, out, err = pos(data_dir, "catalog", "import", str(f), capsys=capsys)
    assert (code, err) == (0, "")
    assert out.strip() == "catalog: 3 rows: 1 added, 1 updated, 1 unchanged"
    code, out, _ = pos(data_dir, "--json", "catalog", "import", str(f), capsys=capsys)
    assert code == 0
    assert json.loads(out) == {"rows": 3, "added": 0, "updated": 0, "unchanged": 3}
    prices = {r[0]: r[4] for r in items(data_dir)}
    assert prices == {"A-1": 1100, "B-2": 550, "C-3": 100, "D-4": 200}


def test_cli_import_is_audited(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = write_csv(tmp_path / "audit-me.csv", ["Z-9,,子,food,1.00,,"])
    assert pos(data_dir, "catalog", "import", str(f), capsys=capsys)[0] == 0
    con = sqlite3.connect(data_dir / DB_FILE)
    try:
        rows = con.execute("SELECT action, subject FROM audit_log").fetchall()
    finally:
        con.close()
    assert ("catalog_import", "audit-me.csv") in rows


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            f"{HEADER}\nX-1,{wrong_check(EAN13_C)},坏,food,1.00,,\nX-2,,好,food,1.00,,\n"
            f"X-3,,坏,food,-1.00,,\n",
            "catalog not imported, 2 bad row(s) of 3: row 2: barcode "
            f"'{wrong_check(EAN13_C)}' is not a valid EAN-13, EAN-8 or UPC-A; row 4: price "
            "is negative",
        ),
        (
            f"{HEADER}\nX-1,{EAN13},抢条码,food,1.00,,\n",
            f"barcode {EAN13} would belong to both A-1 and X-1",
        ),
        ("sku,name,price\nX-1,x,1.00\n", "catalog header lacks column(s): barcode, category"),
        ("", "catalog file is empty"),
        (b"\xff\xfe\xff\xff".decode("latin-1"), "not UTF-8 or GB18030 text"),
    ],
    ids=["bad-rows", "barcode-conflict", "bad-header", "empty", "not-text"],
)
def test_cli_bad_input_exits_2_and_changes_nothing(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, reason: str
) -> None:
    f = tmp_path / "bad.csv"
    if reason == "not UTF-8 or GB18030 text":
        f.write_bytes(b"sku,barcode\n\xff\xfe\xff\xff\n")
    else:
        f.write_text(content, encoding="utf-8")
    before = db_hash(data_dir)
    code, out, err = pos(data_dir, "catalog", "import", str(f), capsys=capsys)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("pos: ")
    assert reason in err
    assert db_hash(data_dir) == before


def test_cli_missing_file_and_usage_errors(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = db_hash(data_dir)
    code, _, err = pos(data_dir, "catalog", "import", str(tmp_path / "gone.csv"), capsys=capsys)
    assert code == 2 and err.startswith("pos: catalog file not found") and err.count("\n") == 1
    code, _, err = pos(data_dir, "catalog", "import", capsys=capsys)
    assert code == 2 and "the following arguments are required: file" in err
    assert err.count("\n") == 1
    assert db_hash(data_dir) == before


def test_cli_progress_on_stderr(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    n = 30_000
    f = tmp_path / "big.csv"
    f.write_text(HEADER + "\n" + "".join(
        f"S{i:06d},{with_check(f'69{i:010d}')},商品{i},food,{i % 500 + 1}.00,,\n" for i in range(n)
    ), encoding="utf-8")
    code, out, err = pos(data_dir, "catalog", "import", str(f), "--progress", capsys=capsys)
    assert code == 0
    assert out.strip() == f"catalog: {n} rows: {n} added, 0 updated, 0 unchanged"
    assert err.splitlines() == [
        f"catalog: {d}/{n + 1} rows checked" for d in (9_999, 19_999, 29_999)
    ]
    assert len(items(data_dir)) == n + 3
    # without --progress (stderr not a terminal) nothing is reported
    code, _, err = pos(data_dir, "catalog", "import", str(f), capsys=capsys)
    assert (code, err) == (0, "")


def pos_command() -> list[str]:
    """The installed ``pos`` script next to this Python; ``python -m pos_app.cli`` (the same
    ``main``) where the project is not installed into the virtualenv."""
    script = Path(sys.executable).parent / "pos"
    return [str(script)] if script.exists() else [sys.executable, "-m", "pos_app.cli"]


def test_cli_in_a_subprocess(data_dir: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    good = write_csv(tmp_path / "ok.csv", [f"E-5,{with_check('69123456780')},戊,food,9.90,,"])
    r = subprocess.run([*pos_command(), "--data-dir", str(data_dir), "catalog", "import",
                        str(good)], capture_output=True, text=True, env=env, timeout=60)
    assert (r.returncode, r.stderr) == (0, "")
    assert r.stdout.strip() == "catalog: 1 rows: 1 added, 0 updated, 0 unchanged"
    before = db_hash(data_dir)
    bad = write_csv(tmp_path / "bad.csv", ["E-5,123,戊,food,9.90,,"])
    r = subprocess.run([*pos_command(), "--data-dir", str(data_dir), "catalog", "import",
                        str(bad)], capture_output=True, text=True, env=env, timeout=60)
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr == ("pos: catalog not imported, 1 bad row(s) of 1: row 2: barcode '123' is "
                        "not a valid EAN-13, EAN-8 or UPC-A\n")
    assert db_hash(data_dir) == before


def test_cli_first_import_in_a_subprocess(tmp_path: Path) -> None:
    """``pos catalog import`` into a terminal whose catalog is empty (a first import): a
    file whose one fault is a SKU given twice, on rows thousands apart, exits 2 naming
    both rows and leaves the ledger as it was; the file without the repeat imports."""
    d = tmp_path / "first"
    Terminal.init(d, store="S001", terminal="T01", franchisee="F-EAST",
                  program_file=PROGRAM).close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    lines = [f"S{i:05d},{with_check(f'69{i:010d}')},商品{i},food,{i % 90 + 1}.50,,"
             for i in range(12_000)]
    bad = write_csv(tmp_path / "bad.csv", [*lines, "S00007,,又一个,food,1.00,,"])
    before = db_hash(d)
    r = subprocess.run([*pos_command(), "--data-dir", str(d), "catalog", "import", str(bad)],
                       capture_output=True, text=True, env=env, timeout=300)
    assert (r.returncode, r.stdout) == (2, "")
    assert r.stderr == ("pos: catalog not imported, 1 bad row(s) of 12001: row 12002: sku "
                        "S00007 repeats row 9\n")
    assert db_hash(d) == before
    good = write_csv(tmp_path / "good.csv", lines)
    r = subprocess.run([*pos_command(), "--data-dir", str(d), "catalog", "import", str(good)],
                       capture_output=True, text=True, env=env, timeout=300)
    assert (r.returncode, r.stderr) == (0, "")
    assert r.stdout.strip() == "catalog: 12000 rows: 12000 added, 0 updated, 0 unchanged"
    assert len(items(d)) == 12_000


def test_demo_fixture_catalog_scans(terminal: Terminal) -> None:
    """The shared fixture's demo catalog is imported with its barcodes."""
    with terminal.read() as s:
        coat = catalog.lookup(s, "6901234560015")
        assert coat is not None and coat.sku == "COAT-001" and coat.price == Decimal("699.00")
    assert terminal.now() == D11


# --- files spanning chunks (two lines a chunk), first imports and later ones --------------


@pytest.fixture
def two_a_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The import writes two lines at a time, so every file below spans chunks."""
    monkeypatch.setattr(catalog, "CHUNK", 2)


def refusal(t: Terminal, path: Path) -> str:
    with pytest.raises(PosError) as e:
        run_import(t, path)
    return str(e.value)


@pytest.mark.usefixtures("two_a_chunk")
def test_first_import_refused_whole_after_chunks_were_written(
    fresh: Terminal, tmp_path: Path
) -> None:
    """Into an empty catalog, bad rows after written chunks: every bad row named (the
    repeats by the row they repeat), and the catalog left empty."""
    f = write_csv(tmp_path / "c.csv", [
        "X-1,,填,food,1.00,,", f"X-2,{EAN13},填,food,1.00,,", "X-3,,填,food,1.00,,",
        "X-4,,填,food,1.00,,", "X-5,,填,food,1.00,,",
        "X-2,,重复,food,1.00,,",                                   # row 7
        f"X-6,{EAN13},填,food,1.00,,",                             # row 8
        "X-7,,填,food,-1.00,,",                                    # row 9
        "",                                                       # row 10: blank
        "X-8,,填,food",                                            # row 11
        f"X-9,{wrong_check(EAN8)},填,food,1.00,2.00,maybe",        # row 12
    ])
    said = refusal(fresh, f)
    assert said.startswith("catalog not imported, 5 bad row(s) of 11: row 7: sku X-2 repeats "
                           f"row 3; row 8: barcode {EAN13} repeats row 3; row 9: price is "
                           "negative; row 11: 4 fields, expected 7; row 12: barcode "), said
    assert "member_price must be between 0 and the price" in said
    assert "member_discount must be yes or no, got 'maybe'" in said
    assert items(fresh.data_dir) == []


@pytest.mark.parametrize("chunk", [2, 5000])
@pytest.mark.parametrize("repeat", ["sku", "barcode"])
def test_first_import_with_only_a_repeat(
    fresh: Terminal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int, repeat: str
) -> None:
    """Every row good on its own, but one SKU or barcode given twice (within a chunk, and
    in chunks written apart): named by the row it repeats, nothing imported."""
    monkeypatch.setattr(catalog, "CHUNK", chunk)
    lines = [f"S-{i},{with_check(f'69{i:010d}')},商品,food,1.00,," for i in range(7)]
    lines.append(f"S-1,{with_check('691234567890')},又,food,2.00,,"
                 if repeat == "sku" else f"S-7,{with_check(f'69{3:010d}')},又,food,2.00,,")
    said = refusal(fresh, write_csv(tmp_path / "c.csv", lines))
    assert said == ("catalog not imported, 1 bad row(s) of 8: row 9: " + (
        "sku S-1 repeats row 3" if repeat == "sku"
        else f"barcode {with_check(f'69{3:010d}')} repeats row 5"))
    assert items(fresh.data_dir) == []


@pytest.mark.usefixtures("two_a_chunk")
def test_barcodes_move_across_chunks(fresh: Terminal, tmp_path: Path) -> None:
    run_import(fresh, write_csv(tmp_path / "a.csv", [
        f"OLD-1,{EAN13},旧包装,food,10.00,,", f"OTHER-2,{EAN8},其他,food,5.00,,"]))
    # taken by a SKU written a chunk before its holder moves on to another barcode
    rep = run_import(fresh, write_csv(tmp_path / "b.csv", [
        "X-0,,填,food,1.00,,", "X-1,,填,food,1.00,,", f"NEW-1,{EAN13},新包装,food,11.00,,",
        "X-2,,填,food,1.00,,", f"OLD-1,{EAN13_B},旧包装,food,10.00,,"]))
    assert (rep.rows, rep.added, rep.updated, rep.unchanged) == (5, 4, 1, 0)
    # two SKUs swap barcodes
    rep = run_import(fresh, write_csv(tmp_path / "c.csv", [
        f"OLD-1,{EAN13},旧包装,food,10.00,,", f"NEW-1,{EAN13_B},新包装,food,11.00,,"]))
    assert (rep.rows, rep.added, rep.updated, rep.unchanged) == (2, 0, 2, 0)
    # the holder later in the file, with no barcode at all
    rep = run_import(fresh, write_csv(tmp_path / "d.csv", [
        f"NEW-1,{EAN8},新包装,food,11.00,,", "X-3,,填,food,1.00,,", "X-4,,填,food,1.00,,",
        "OTHER-2,,其他,food,5.00,,"]))
    assert (rep.rows, rep.added, rep.updated, rep.unchanged) == (4, 2, 2, 0)
    held = {r[0]: r[1] for r in items(fresh.data_dir)}
    assert held == {"OLD-1": EAN13, "NEW-1": EAN8, "OTHER-2": None, "X-0": None, "X-1": None,
                    "X-2": None, "X-3": None, "X-4": None}


@pytest.mark.usefixtures("two_a_chunk")
def test_barcode_conflicts_across_chunks(fresh: Terminal, tmp_path: Path) -> None:
    """A barcode kept by an item the file does not name cannot go to another: each such
    barcode named with both SKUs, the catalog's item first, and nothing changed although
    chunks had been written."""
    run_import(fresh, write_csv(tmp_path / "a.csv", [
        f"A-1,{EAN13},甲,apparel,10.00,,", "B-2,,乙,food,5.00,,", f"C-3,{EAN8},丙,food,3.00,,"]))
    before = items(fresh.data_dir)
    # C-3 wants A-1's barcode; B-2 may take C-3's, which the file moves on
    said = refusal(fresh, write_csv(tmp_path / "b.csv", [
        "NEW-1,,新,food,1.00,,", f"C-3,{EAN13},丙,food,3.00,,", "X-1,,填,food,1.00,,",
        f"B-2,{EAN8},乙,food,6.00,,"]))
    assert said == (f"catalog not imported, 1 bad row(s) of 4: barcode {EAN13} would belong "
                    "to both A-1 and C-3")
    said = refusal(fresh, write_csv(tmp_path / "c.csv", [
        f"B-2,{EAN13},乙,food,5.00,,", "X-1,,填,food,1.00,,", f"D-4,{EAN8},丁,food,1.00,,"]))
    assert said == (f"catalog not imported, 2 bad row(s) of 3: barcode {EAN13} would belong "
                    f"to both A-1 and B-2; barcode {EAN8} would belong to both C-3 and D-4")
    assert items(fresh.data_dir) == before


@pytest.mark.usefixtures("two_a_chunk")
def test_odd_text_in_a_first_import(fresh: Terminal, tmp_path: Path) -> None:
    """Full-width amounts (as an input method types them) and a no-break space in a
    name are taken; a direction override, a bell and other scripts' digits are not."""
    rep = run_import(fresh, write_csv(tmp_path / "a.csv", [
        "F-1,,全角,food,１２.５０,９.９０,", "F-2,,名\u00a0称,food,3.00,,是"]))
    assert rep.added == 2
    assert [r[:7] for r in items(fresh.data_dir)] == [
        ("F-1", None, "全角", "food", 1250, 990, 1),
        ("F-2", None, "名\u00a0称", "food", 300, None, 1)]
    with fresh.tx() as s:
        s.execute(delete(Item))
    said = refusal(fresh, write_csv(tmp_path / "b.csv", [
        "F-3,,正常,food,1.00,,", "F-\u202e4,,反向,food,1.00,,", "F-5,,响\u0007铃,food,1.00,,",
        "F-\u0661,,阿拉伯,food,1.00,,", "F-6,,价,food,\u0661.00,,", "F-7,,好,food,2.00,,"]))
    assert said.startswith("catalog not imported, 4 bad row(s) of 6: row 3: sku holds control "
                           "or direction characters"), said
    assert "row 4: name holds control" in said and "row 5: sku 'F-\u0661' has digits" in said
    assert "row 6: price '\u0661.00' is not an amount in yuan" in said
    assert items(fresh.data_dir) == []


@pytest.mark.usefixtures("two_a_chunk")
def test_gb18030_first_import_after_chunks_were_written(fresh: Terminal, tmp_path: Path) -> None:
    """A GB18030 file whose first lines are plain ASCII: a first import starts reading it
    as UTF-8 and writes chunks before its Chinese names turn up; those chunks are undone
    and the whole file imported as GB18030, each row once."""
    ascii_rows = [f"A-{i:03d},,Item {i},food,1.00,," for i in range(400)]  # over 8 KiB
    f = write_csv(tmp_path / "gb.csv", [*ascii_rows, "B-1,,𠮷野家 便当,食品,25.00,,否"],
                  encoding="gb18030")
    assert f.stat().st_size > 8192
    rep = run_import(fresh, f)
    assert (rep.rows, rep.added) == (401, 401)
    got = items(fresh.data_dir)
    assert len(got) == 401 and got[0][:3] == ("A-000", None, "Item 0")
    assert got[-1][:7] == ("B-1", None, "𠮷野家 便当", "食品", 2500, None, 0)
