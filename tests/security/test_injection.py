"""SQL injection attempts in every search field are harmless: they find nothing, raise a
clean error, and change nothing (every query is parameterised through SQLAlchemy)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos_app import cli
from pos_app.core import catalog, members, sales
from pos_app.core.errors import PosError
from pos_app.core.terminal import Terminal

from ..core.conftest import KETTLE, db_dump
from ..core.helpers import cash, enroll, sell

ATTACKS = [
    "' OR '1'='1",
    "'; DROP TABLE members; --",
    "1; DELETE FROM sales",
    '" OR ""="',
    "88000100000012' --",
    "%' OR 1=1 OR sku LIKE '%",
    "6901234560060') UNION SELECT sku FROM items --",
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_search_fields_take_injection_as_data(terminal: Terminal, attack: str) -> None:
    card = enroll(terminal)
    sell(terminal, [(KETTLE, 1)], [cash()], card=card)
    before = db_dump(terminal.data_dir)
    with terminal.tx() as s:
        with pytest.raises(PosError):
            members.find_card(s, attack)
        with pytest.raises(PosError):
            members.find_by_phone(terminal, s, attack)
        with pytest.raises(PosError):
            sales.find_sale(s, attack)
        assert catalog.lookup(s, attack) is None
    with pytest.raises(PosError, match="not in the catalog"):
        sell(terminal, [(attack, 1)], [cash()])
    assert db_dump(terminal.data_dir) == before


@pytest.mark.parametrize("attack", ATTACKS[:3])
def test_cli_search_fields(
    terminal: Terminal, attack: str, capsys: pytest.CaptureFixture[str]
) -> None:
    enroll(terminal)
    before = db_dump(terminal.data_dir)
    d = str(terminal.data_dir)
    for argv in (
        ["member", "show", "--card", attack],
        ["member", "show", "--phone", attack],
        ["refund", "--sale", attack],
        ["member", "block", "--card", attack],
    ):
        assert cli.main(["--data-dir", d, *argv]) == 2
        err = capsys.readouterr().err
        assert err.startswith("pos: ") and "Traceback" not in err
    assert db_dump(terminal.data_dir) == before
    assert Path(terminal.data_dir).exists()
