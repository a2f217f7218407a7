"""Catalog CSV fuzzing: random bytes and random mutations of the demo catalog, imported
the way `pos catalog import` does (``catalog.import_file`` in one transaction), into a
terminal holding the demo catalog and into one whose catalog is empty (a first import).
Anything bad ends in PosError (CatalogError for bad rows) and leaves the items table as
it was."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from pos_app.core import catalog
from pos_app.core.errors import PosError
from pos_app.core.models import Item
from pos_app.core.terminal import Terminal
from pos_app.demo import CATALOG, PROGRAM
from tests.fuzz import SCALE

DEMO = CATALOG.read_text("utf-8").splitlines()
FUZZ = settings(max_examples=150 * SCALE, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module", params=["demo", "empty"])
def term(request: pytest.FixtureRequest,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[Terminal]:
    t = Terminal.init(tmp_path_factory.mktemp("cat") / "t", store="S001", terminal="T01",
                      franchisee="F-EAST", program_file=PROGRAM)
    if request.param == "demo":
        with t.tx() as s:
            catalog.import_file(s, CATALOG, t.now())
    yield t
    t.close()


def _items(t: Terminal) -> str:
    with t.read() as s:
        rows = s.execute(select(Item.sku, Item.barcode, Item.name, Item.category, Item.price,
                                Item.member_price, Item.member_discount).order_by(Item.sku))
        return hashlib.sha256(repr(rows.all()).encode()).hexdigest()


def _import(t: Terminal, path: Path) -> None:
    before = _items(t)
    with t.read() as s:
        empty = s.scalar(select(Item.sku).limit(1)) is None
    try:
        _import_strict(t, path)
    except PosError:
        assert _items(t) == before  # refused whole: nothing written
        return
    if empty:  # the next file is a first import again
        with t.tx() as s:
            s.execute(delete(Item))


FIELD = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["", "0", "-1.00", "1e9", "NaN", "12.345", "6901234560015", "是", "否",
                     "yes", '"', '""', "\x00", "１２.００", "999999999999.99"]),
)


@given(data=st.binary(max_size=2000))
@FUZZ
def test_random_bytes(term: Terminal, tmp_path_factory: pytest.TempPathFactory,
                      data: bytes) -> None:
    path = tmp_path_factory.mktemp("b") / "c.csv"
    path.write_bytes(data)
    _import(term, path)


@given(
    header=st.permutations(DEMO[0].split(",")).map(lambda h: ",".join(h))
    | st.sampled_from([DEMO[0], DEMO[0].upper(), "sku,barcode,name", "\ufeff" + DEMO[0]]),
    rows=st.lists(st.lists(FIELD, min_size=0, max_size=9), max_size=12),
    keep=st.lists(st.sampled_from(DEMO[1:]), max_size=5),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]),
)
@FUZZ
def test_mutated_rows(term: Terminal, tmp_path_factory: pytest.TempPathFactory, header: str,
                      rows: list[list[str]], keep: list[str], encoding: str) -> None:
    lines = [header, *keep, *(",".join(r) for r in rows)]
    path = tmp_path_factory.mktemp("m") / "c.csv"
    path.write_bytes("\n".join(lines).encode(encoding, errors="replace"))
    _import(term, path)


def test_a_bad_row_after_good_ones_writes_nothing(term: Terminal, tmp_path: Path) -> None:
    """The property above would pass vacuously if every file were refused before
    import: check one refusal by hand."""
    path = tmp_path / "c.csv"
    path.write_text("\n".join([DEMO[0], "NEW-1,,新品,food,1.00,,", "BAD,123,x,food,-1,,"]),
                    "utf-8")
    before = _items(term)
    with pytest.raises(catalog.CatalogError):
        _import_strict(term, path)
    assert _items(term) == before


def _import_strict(t: Terminal, path: Path) -> None:
    with t.tx() as s:
        catalog.import_file(s, path, t.now())


def test_a_bare_carriage_return_is_a_clean_error(term: Terminal, tmp_path: Path) -> None:
    """Found by the fuzzer: the csv module raised csv.Error, not PosError. A bare
    carriage return ends a line, as in CSV from old Mac software: the rows it splits
    are named."""
    path = tmp_path / "c.csv"
    path.write_bytes(DEMO[0].encode() + b"\nA-1,,x\ry,food,1.00,,\n")
    before = _items(term)
    with pytest.raises(PosError, match="row 2: 3 fields, expected 7; row 3: 5 fields"):
        _import_strict(term, path)
    assert _items(term) == before


def test_a_field_past_the_csv_limit_is_a_clean_error(term: Terminal, tmp_path: Path) -> None:
    """The csv module's own refusal (a quoted field over its size limit) named by line."""
    path = tmp_path / "c.csv"
    path.write_bytes(DEMO[0].encode() + b'\nA-1,,"' + b"x" * 200_000 + b'",food,1.00,,\n')
    before = _items(term)
    with pytest.raises(PosError, match="not valid CSV at line 2: field larger than field limit"):
        _import_strict(term, path)
    assert _items(term) == before
