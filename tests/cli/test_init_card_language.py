"""``pos init``'s warnings about the program file and ``pos card history``'s reasons in
the clerk's language (``--language zh_CN``), each ``pos`` a new process; the reasons are
kept in the ledger in English (sqlite3 shows them), as HQ and the audit log receive them."""

from __future__ import annotations

from pathlib import Path

from pos_app.demo import PROGRAM
from tests.security.store import make_store, ok, pos, sql

SUPERVISOR = ["--staff", "2001", "--pin", "2222"]
MANAGER = ["--staff", "3001", "--pin", "3333"]


def test_init_warns_of_a_misspelt_key_in_chinese(tmp_path: Path) -> None:
    text = PROGRAM.read_text("utf-8").replace("vip_only = true", "vip_onyl = true", 1)
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "vip_onyl" in ln)
    program = tmp_path / "program.toml"
    program.write_text(text, "utf-8")
    init = ["init", "--store", "S001", "--terminal", "T01", "--franchisee", "F-EAST",
            "--program", str(program)]
    r = ok(pos(tmp_path / "zh", "--language", "zh_CN", *init))
    assert r.stderr == (f"pos: 警告：program.toml：第 {line} 行：promotions[0].vip_onyl："
                        "无法识别的键，已忽略\n")
    assert r.stdout == f"收银机 S001/T01 已在 {tmp_path / 'zh'} 建立\n"
    r = ok(pos(tmp_path / "en", *init, env={"POS_LANG": "en"}))
    assert r.stderr == (f"pos: warning: program.toml line {line}: promotions[0].vip_onyl: "
                        "unknown key, ignored\n")


def test_card_history_says_each_move_and_its_reason_in_chinese(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    ok(pos(store, *MANAGER, "card", "batch", "--product", "VIP5000", "--media", "nfc",
           "--start", "890100000001", "--count", "3"))
    ok(pos(store, *SUPERVISOR, "card", "receive", "--batch", "S001-0001"))
    ok(pos(store, "member", "enroll", "--name", "李雷", "--phone", "13912345678", "--card",
           "8901000000019", "--media-id", "04AABBCCDD11"))
    ok(pos(store, "member", "block", "--card", "8901000000019"))
    r = ok(pos(store, "--language", "zh_CN", "card", "history", "--card", "8901000000019"))
    moves = [ln.split(maxsplit=1)[1] for ln in r.stdout.splitlines()]
    assert moves == ["- -> 在库  2001  从批次 S001-0001 入库",
                     "在库 -> 已发放  console  会员入会",
                     "已发放 -> 正常  console  会员入会",
                     "正常 -> 已挂失  console  挂失"]
    # kept in English: what the audit log and HQ were given
    assert sql(store, "select reason from card_moves where card_no = '8901000000019' "
                      "order by id") == [("received from batch S001-0001",), ("enrolled",),
                                         ("enrolled",), ("lost",)]
    r = ok(pos(store, "card", "history", "--card", "8901000000019"))
    assert r.stdout.splitlines()[-1].split(maxsplit=1)[1] == "active -> blocked  console  lost"
    # a card sold and returned (退卡)
    ok(pos(store, "member", "enroll", "--name", "韩梅", "--phone", "13912345679"))
    ok(pos(store, "card", "sell", "--product", "VIP5000", "--holder", "13912345679"))
    ok(pos(store, *SUPERVISOR, "card", "return", "8901000000027"))
    [(sale, returned)] = sql(store, "select s.sale_no, r.return_no from card_sales s"
                                    " join card_returns r on r.sale_id = s.id")
    r = ok(pos(store, "--language", "zh_CN", "card", "history", "--card", "8901000000027"))
    assert [ln.split(maxsplit=1)[1] for ln in r.stdout.splitlines()][1:] == [
        f"在库 -> 已售出  console  销售单 {sale}",
        f"已售出 -> 正常  console  销售单 {sale}",
        f"正常 -> 已挂失  2001  退卡 {returned}"]


def test_member_history_says_why_each_tier_changed_in_chinese(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    ok(pos(store, "member", "enroll", "--name", "王芳", "--phone", "13912345688"))
    [(card,)] = sql(store, "select card_no from cards order by id desc limit 1")
    ok(pos(store, "sale", "--member-card", card, "--item", "6901234560046*4",  # ￥3,196.00
           "--tender", "cash"))
    ok(pos(store, *MANAGER, "tiers", "review", "--at", "2030-01-01T10:00:00+08:00"))
    assert sql(store, "select reason from tier_changes order by id")[-3:] == [
        ("enrolled",), ("upgrade: single purchase ￥3,196.00 ≥ ￥3,000.00",),
        ("downgrade on review: 12 months ￥0.00 < keep ￥3,000.00",)]
    show = ["member", "show", "--card", card, "--history"]
    r = ok(pos(store, "--language", "zh_CN", *show))
    assert [ln.split(maxsplit=1)[1] for ln in r.stdout.splitlines()[-3:]] == [
        "- -> regular  会员入会",
        "regular -> silver  升级：单笔消费 ￥3,196.00 ≥ ￥3,000.00",
        "silver -> regular  复核降级：近12个月消费 ￥0.00 < 保级标准 ￥3,000.00"]
    r = ok(pos(store, *show, env={"POS_LANG": "en"}))
    assert r.stdout.splitlines()[-1].split(maxsplit=1)[1] == (
        "silver -> regular  downgrade on review: 12 months ￥0.00 < keep ￥3,000.00")
