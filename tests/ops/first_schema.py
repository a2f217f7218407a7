"""A terminal data folder as the first released schema (Alembic revision 0001) wrote it,
with real data put in by raw SQL matching 0001's tables: a member with an encrypted
phone and ID number, her card and its barcode, a top-up with its bonus (journal 1), and
a sale paid by stored value that earned points (journal 2).

``python -m tests.ops.first_schema`` rewrites tests/ops/fixtures/ledger-0001.sql (a dump
of that database) so later migrations are always tested against the same file.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

from alembic import command

from pos_app.core.db import alembic_config, current_revision, make_engine
from pos_app.core.pii import PiiVault
from pos_app.demo import PROGRAM

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXTURE_SQL = FIXTURES / "ledger-0001.sql"
FIXTURE_KEY = FIXTURES / "ledger-0001.pii.key"  # a test-only key for the fixture's member

PHONE = "13912345678"
ID_NUMBER = "110101199003074514"
CARD = "88000100000014"
STORE, TERMINAL, FRANCHISEE = "S001", "T01", "F-EAST"
T0 = "2026-10-01T02:00:00.000000+00:00"
T1 = "2026-10-01T02:05:00.000000+00:00"
T2 = "2026-10-02T06:30:00.000000+00:00"
EXPIRES = "2028-10-31T15:59:59.999999+00:00"
# money in cents: a 1000.00 top-up gets 50.00 bonus; a 699.00 coat is paid from it
TOPUP, BONUS, COAT = 100000, 5000, 69900
BALANCE_AFTER = TOPUP + BONUS - COAT  # 351.00 left on the card


def _rows(vault: PiiVault) -> list[tuple[str, tuple[object, ...]]]:
    ids = (FRANCHISEE, STORE, TERMINAL)
    sv_p, sv_b = f"sv:card:{CARD}:principal", f"sv:card:{CARD}:bonus"
    return [
        ("INSERT INTO terminal_info VALUES (1, ?, ?, ?, 1, ?)", (*ids, T0)),
        (
            "INSERT INTO items VALUES ('COAT-001', '6901234560015', '羊毛大衣 Wool coat',"
            " 'apparel', 69900, NULL, 1, ?)",
            (T0,),
        ),
        (
            "INSERT INTO items VALUES ('SCARF-002', '6901234560022', '羊绒围巾 Cashmere scarf',"
            " 'apparel', 12900, NULL, 1, ?)",
            (T0,),
        ),
        (
            "INSERT INTO members VALUES (1, '王芳', 'F', '1990-03-07', ?, ?, '5678', ?, ?, NULL,"
            " 'regular', 0, 1, ?, ?, ?, ?)",
            (
                vault.encrypt("phone", PHONE),
                vault.lookup_hash("phone", PHONE),
                vault.encrypt("id_number", ID_NUMBER),
                vault.lookup_hash("id_number", ID_NUMBER),
                T0,
                T0,
                FRANCHISEE,
                STORE,
            ),
        ),
        (
            "INSERT INTO cards VALUES (1, ?, 1, NULL, 'active', '王芳', NULL, NULL, ?, NULL,"
            " NULL, NULL, ?)",
            (CARD, T0, FRANCHISEE),
        ),
        ("INSERT INTO card_media VALUES (1, 1, 'barcode', ?)", (CARD,)),
        ("INSERT INTO accounts VALUES (1, 'cash:drawer', 'CNY', NULL, NULL, ?)", (TOPUP,)),
        ("INSERT INTO accounts VALUES (2, ?, 'CNY', 1, 1, ?)", (sv_p, -(TOPUP - COAT))),
        ("INSERT INTO accounts VALUES (3, 'sv:bonus_given', 'CNY', NULL, NULL, ?)", (BONUS,)),
        ("INSERT INTO accounts VALUES (4, ?, 'CNY', 1, 1, ?)", (sv_b, -BONUS)),
        ("INSERT INTO accounts VALUES (5, 'sales:revenue', 'CNY', NULL, NULL, ?)", (-COAT,)),
        ("INSERT INTO accounts VALUES (6, 'points:issued', 'PTS', NULL, NULL, 699)", ()),
        ("INSERT INTO accounts VALUES (7, 'points:member:1', 'PTS', 1, NULL, -699)", ()),
        # journal 1: the top-up (cash in, principal and bonus owed to the card)
        (
            "INSERT INTO journal VALUES (1, 1, '019a0000-0000-7000-8000-000000000001', 'topup',"
            " ?, ?, ?, ?, ?, 'console', 'S001-T01-000001')",
            (T1, T1, *ids),
        ),
        ("INSERT INTO entries VALUES (1, 1, 1, ?, 'CNY')", (TOPUP,)),
        ("INSERT INTO entries VALUES (2, 1, 2, ?, 'CNY')", (-TOPUP,)),
        ("INSERT INTO entries VALUES (3, 1, 3, ?, 'CNY')", (BONUS,)),
        ("INSERT INTO entries VALUES (4, 1, 4, ?, 'CNY')", (-BONUS,)),
        (
            "INSERT INTO topups VALUES (1, 'S001-T01-000001', 1, 1, ?, ?, 'cash', ?, 'console')",
            (TOPUP, BONUS, T1),
        ),
        # journal 2: the sale, paid from the card's principal, 699 points earned
        (
            "INSERT INTO journal VALUES (2, 2, '019a0000-0000-7000-8000-000000000002', 'sale',"
            " ?, ?, ?, ?, ?, 'console', 'S001-T01-000002')",
            (T2, T2, *ids),
        ),
        ("INSERT INTO entries VALUES (5, 2, 2, ?, 'CNY')", (COAT,)),
        ("INSERT INTO entries VALUES (6, 2, 5, ?, 'CNY')", (-COAT,)),
        ("INSERT INTO entries VALUES (7, 2, 6, 699, 'PTS')", ()),
        ("INSERT INTO entries VALUES (8, 2, 7, -699, 'PTS')", ()),
        (
            "INSERT INTO sales VALUES (1, 'S001-T01-000002', 'sale', NULL, 2, ?, ?, 1, 1,"
            " 'regular', NULL, ?, 0, 699, 0, 'console', NULL, NULL)",
            (T2, T2, COAT),
        ),
        (
            "INSERT INTO sale_lines VALUES (1, 1, 1, NULL, 'COAT-001', '羊毛大衣 Wool coat',"
            " 'apparel', 1, ?, ?, ?, ?, 699, 0)",
            (COAT, COAT, COAT, COAT),
        ),
        (
            "INSERT INTO sale_tenders VALUES (1, 1, 1, 'stored_value', ?, 0, 0, ?, 0, 1, NULL)",
            (COAT, COAT),
        ),
        ("INSERT INTO line_tender_shares VALUES (1, 1, 1, ?, 0, ?, 0)", (COAT, COAT)),
        (
            "INSERT INTO point_lots VALUES (1, 1, 2, 'sale', 'S001-T01-000002', ?, ?, 699, 699)",
            (T2, EXPIRES),
        ),
        ("INSERT INTO counters VALUES ('journal', 2)", ()),
        ("INSERT INTO counters VALUES ('receipt', 2)", ()),
        ("INSERT INTO counters VALUES ('card', 1)", ()),
    ]


def make_data_dir(data_dir: Path, key_file: Path = FIXTURE_KEY) -> Path:
    """Build the data folder with Alembic at 0001 and raw SQL; returns the ledger path."""
    data_dir.mkdir(parents=True)
    (data_dir / "secrets").mkdir(mode=0o700)
    shutil.copyfile(key_file, data_dir / "secrets" / "pii.key")
    (data_dir / "secrets" / "pii.key").chmod(0o600)
    shutil.copyfile(PROGRAM, data_dir / "program.toml")
    db = data_dir / "pos.sqlite"
    engine = make_engine(db)
    command.upgrade(alembic_config(engine), "0001")
    assert current_revision(engine) == "0001"
    engine.dispose()
    vault = PiiVault.from_key_file(key_file)
    conn = sqlite3.connect(db)
    with conn:
        for sql, params in _rows(vault):
            conn.execute(sql, params)
    conn.close()
    return db


def load_fixture(data_dir: Path) -> Path:
    """The data folder from tests/ops/fixtures/ledger-0001.sql (and its key)."""
    data_dir.mkdir(parents=True)
    (data_dir / "secrets").mkdir(mode=0o700)
    shutil.copyfile(FIXTURE_KEY, data_dir / "secrets" / "pii.key")
    (data_dir / "secrets" / "pii.key").chmod(0o600)
    shutil.copyfile(PROGRAM, data_dir / "program.toml")
    db = data_dir / "pos.sqlite"
    conn = sqlite3.connect(db)
    conn.executescript(FIXTURE_SQL.read_text(encoding="utf-8"))
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    return db


def write_fixture(tmp: Path) -> None:
    if not FIXTURE_KEY.exists():
        PiiVault.create_key_file(FIXTURE_KEY)
    db = make_data_dir(tmp / "data")
    conn = sqlite3.connect(db)
    FIXTURE_SQL.write_text("\n".join(conn.iterdump()) + "\n", encoding="utf-8")
    conn.close()


if __name__ == "__main__":  # pragma: no cover
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        write_fixture(Path(d))
    print(f"wrote {FIXTURE_SQL}", file=sys.stderr)
