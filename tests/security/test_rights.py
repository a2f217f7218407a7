"""Rights by role: the one table (pos_app/core/rights.py) is the one in docs/security.md,
every action the commands and screens check is in it, and each row is tried through the
``pos`` command with each role: a role below is refused naming the role it needs, the
role (or an approval by it) goes through, and the console gets what its column says."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from pos_app import cli
from pos_app.core import rights
from pos_app.core.errors import NotAllowed
from pos_app.core.rights import CONSOLE, Operator
from pos_app.demo import CATALOG
from tests.core.conftest import KETTLE

from .store import sql

ROOT = Path(__file__).resolve().parents[2]
STAFF = {"cashier": ("1001", "1111"), "supervisor": ("2001", "2222"),
         "manager": ("3001", "3333")}
PHONE = "13800138000"  # the demo's silver member 王芳

# one command per row; CARD, CARD2, SALE and BACKUP stand for the demo's two members'
# cards, its first sale and a backup made first
COMMANDS: dict[str, list[str]] = {
    "sale": ["sale", "--item", KETTLE, "--tender", "cash"],
    "training_sale": ["sale", "--training", "--at", "2026-11-09T14:00", "--item", KETTLE,
                      "--tender", "cash"],
    "late_entry": ["sale", "--at", "2026-11-09T14:00", "--item", KETTLE, "--tender", "cash"],
    "price_override": ["sale", "--item", KETTLE, "--override", f"{KETTLE}=1.00",
                       "--tender", "cash"],
    "refund": ["refund", "--sale", "SALE"],
    "reprint": ["receipt", "reprint", "--no", "SALE", "--format", "text"],
    "view_receipt": ["receipt", "show", "--no", "SALE"],
    "enroll": ["member", "enroll", "--name", "赵敏", "--phone", "13700137000"],
    "view_member": ["member", "show", "--phone", PHONE],
    "bind_card": ["member", "bind", "--card", "CARD", "--media", "nfc", "--media-id",
                  "04AABBCCDDEE99"],
    "block_card": ["member", "block", "--card", "CARD2"],
    "replace_card": ["member", "replace", "--card", "CARD"],
    "topup": ["stored-value", "topup", "--card", "CARD", "--amount", "100"],
    "balance_slip": ["balance-slip", "--card", "CARD"],
    "points_transfer": ["points", "transfer", "--from-card", "CARD", "--to-card", "CARD2",
                        "--points", "10"],
    "points_expire": ["points", "expire"],
    "gift_view": ["gift", "stock"],
    "gift_stock": ["gift", "receive", "--gift", "UMBRELLA", "--qty", "3"],
    "gift_redeem": ["gift", "redeem", "--card", "CARD", "--gift", "UMBRELLA"],
    "entitlement_use": ["entitlement", "use", "--card", "CARD", "--service", "dry_cleaning"],
    "entitlement_grant": ["entitlement", "grant", "--card", "CARD", "--service", "checkup",
                          "--count", "1", "--reason", "goodwill"],
    "tier_review": ["tiers", "review"],
    "catalog_import": ["catalog", "import", str(CATALOG)],
    "manage_staff": ["staff", "add", "--code", "1005", "--name", "吴", "--role", "cashier",
                     "--new-pin", "1234"],
    "unlock_staff": ["staff", "unlock", "--code", "1001"],
    "staff_report": ["staff", "report", "--month", "2026-11"],
    "verify": ["ledger", "verify"],
    "backup": ["backup"],
    "restore": ["restore", "BACKUP", "--yes"],
    "sync": ["sync", "status"],
    "card_batch": ["card", "batch", "--product", "VIP5000", "--media", "ic", "--start",
                   "890100000001", "--count", "10"],
    "card_receive": ["card", "receive", "--batch", "S001-0001"],
    "card_stock": ["card", "stock"],
    "card_sale": ["card", "sell", "--product", "GIFT1000"],
    "card_sale_discount": ["card", "sell", "--product", "VIP5000", "--holder", PHONE,
                           "--price", "4000"],
    "card_grant": ["card", "grant", "--product", "VIP5000", "--holder", PHONE],
    "card_expire": ["card", "expire"],
    "card_return": ["card", "return", "CARDSALE"],
    "chip_data": ["card", "chip-record", "--card", "CARD"],
    "group_enroll": ["member", "import", str(ROOT / "tests" / "cli" / "group.csv"),
                     "--organisation", "市第一医院"],
}
# rows whose command sells or gives cards from the store's stock: received first
STOCK_FIRST = ([*COMMANDS["card_batch"], "--count", "3"],
               ["card", "batch", "--product", "GIFT1000", "--media", "magstripe", "--start",
                "700000001", "--count", "3"],
               ["card", "receive", "--batch", "S001-0001"],
               ["card", "receive", "--batch", "S001-0002"])
# actions done only on the app's screens or inside the core (no command of their own):
# checked through the table's own require here, on the screens by tests/ui
SCREEN_ONLY = {"void_line", "manual_discount", "void_after_payment", "open_shift",
               "close_shift", "cancel_sale", "cancel_sale_large", "no_sale"}
REFUSED = re.compile(r"needs a (cashier|supervisor|manager)|may not approve")


def test_docs_show_the_table_as_it_is() -> None:
    text = (ROOT / "docs" / "security.md").read_text("utf-8")
    start = text.index("<!-- rights table: generated from pos_app/core/rights.py -->\n")
    end = text.index("<!-- end of rights table -->")
    assert text[start:end].split("\n", 1)[1] == rights.markdown()


def test_every_checked_action_has_a_row() -> None:
    """The commands and screens name only actions of the table (an unknown action would
    raise LookupError at run time); each row is tried below."""
    named: set[str] = set()
    patterns = [r'operator\(args, t, "(\w+)"', r'ask_approval\([^)]*?"(\w+)"',
                r'require\(who, "(\w+)"', r'_who\(args, data_dir, "(\w+)"',
                r'action = "(\w+)" if', r'else "(\w+)" if at else "(\w+)"']
    for path in list((ROOT / "pos_app").rglob("*.py")):
        src = path.read_text("utf-8")
        for pat in patterns:
            for m in re.finditer(pat, src):
                named.update(g for g in m.groups() if g)
    assert named, "no checks found"
    assert named <= set(rights.BY_ACTION), named - set(rights.BY_ACTION)
    assert set(COMMANDS) | SCREEN_ONLY == set(rights.BY_ACTION)
    with pytest.raises(LookupError):
        rights.require(CONSOLE, "no_such_action")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pos_app import demo

    d = tmp_path_factory.mktemp("rights") / "data"
    demo.set_up(d).close()
    # the day's shift, opened as at the counter before the first sale
    code = cli.main(["--data-dir", str(d), *as_role("cashier", approver="supervisor"),
                     "shift", "open", "--float", "500.00"])
    assert code == 0
    return d


def run(capsys: pytest.CaptureFixture[str], d: Path, argv: list[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = cli.main(["--data-dir", str(d), *argv])
    return code, capsys.readouterr().err.strip()


def as_role(role: str, approver: str | None = None) -> list[str]:
    code, pin = STAFF[role]
    out = ["--staff", code, "--pin", pin]
    if approver:
        out += ["--approver", STAFF[approver][0], "--approver-pin", STAFF[approver][1]]
    return out


@pytest.mark.parametrize("action", sorted(COMMANDS))
def test_each_row_through_the_pos_command(
    action: str, template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    r = rights.right(action)
    d = tmp_path / "data"
    shutil.copytree(template, d)
    cards = [c for (c,) in sql(d, "select card_no from cards order by id")]
    (sale,) = sql(d, "select sale_no from sales where kind = 'sale' order by id limit 1")[0]
    backup = ""
    if action == "restore":
        code, _ = run(capsys, d, ["--json", "backup"])
        assert code == 0
        backup = str(next((d / "backups").glob("pos-*.sqlite")))
    subst = {"CARD": cards[0], "CARD2": cards[1], "SALE": sale, "BACKUP": backup}
    argv = [subst.get(a, a) for a in COMMANDS[action]]
    if action == "replace_card":  # a card is replaced once blocked
        assert run(capsys, d, ["member", "block", "--card", cards[0]])[0] == 0
    if action == "card_receive":  # cards are received once finance made them
        assert run(capsys, d, COMMANDS["card_batch"])[0] == 0
    if action == "gift_redeem":  # gifts in stock first
        assert run(capsys, d, [*as_role("supervisor"), "gift", "receive", "--gift", "UMBRELLA",
                               "--qty", "5"])[0] == 0
    if action in ("card_sale", "card_sale_discount", "card_grant", "card_return"):
        for argv_first in STOCK_FIRST:
            assert run(capsys, d, argv_first)[0] == 0
    if action == "card_return":  # a card sold, to be returned unused
        assert run(capsys, d, COMMANDS["card_sale"])[0] == 0
        (subst["CARDSALE"],) = sql(d, "select sale_no from card_sales")[0]
        argv = [subst.get(a, a) for a in COMMANDS[action]]
    audit_rows = len(sql(d, "select id from audit_log"))

    # every role below the row's: refused, naming the role it needs, nothing written
    below = [x for x in rights.ROLES if rights.RANK[x] < rights.RANK[r.role]]
    for role in below:
        code, err = run(capsys, d, as_role(role) + argv)
        assert code == 2 and f"needs a {r.role}" in err, (role, err)
        if r.approval:  # an approver below the role cannot approve it
            code, err = run(capsys, d, as_role(role, approver=role) + argv)
            assert code == 2 and REFUSED.search(err), (role, err)
    assert len(sql(d, "select id from audit_log")) == audit_rows

    # the console: refused where its column says no (before anything else is written)
    if r.console != rights.YES:
        code, err = run(capsys, d, argv)
        assert code == 2 and "named with --staff" in err, err

    # the role itself, or a lower role with its approval: goes through
    if r.approval and below:
        code, err = run(capsys, d, as_role(below[0], approver=r.role) + argv)
    else:
        code, err = run(capsys, d, as_role(r.role) + argv)
    assert code == 0 or not REFUSED.search(err), err
    if action == "points_transfer":  # the demo program allows none: refused for that only
        assert code == 2 and "does not allow points transfers" in err, err
    elif action == "card_grant":  # the demo's members spent too little: refused for that only
        assert code == 2 and "is given from" in err, err
    else:
        assert code == 0, err

    if r.console == rights.YES:
        code, err = run(capsys, d, argv)
        assert not REFUSED.search(err), err


@pytest.mark.parametrize("action", sorted(SCREEN_ONLY))
def test_each_screen_only_row(action: str) -> None:
    r = rights.right(action)
    for role in rights.ROLES:
        who = Operator("x", role)
        if rights.RANK[role] >= rights.RANK[r.role]:
            assert rights.require(who, action) is None
            continue
        with pytest.raises(NotAllowed, match=f"needs a {r.role}"):
            rights.require(who, action)
        if r.approval:
            assert rights.require(who, action, Operator("y", r.role)) == "y"
            with pytest.raises(NotAllowed, match="may not approve"):
                rights.require(who, action, Operator("y", role))
