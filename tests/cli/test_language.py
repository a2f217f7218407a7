"""The command line says the core's refusals in the chosen language (``--language``,
else ``$POS_LANG``, else English), with the same exit code; under ``--json`` the refusal
is also printed as ``{"error": {"code", "message", "params"}}``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import run

ROOT = Path(__file__).resolve().parents[2]


def test_a_refusal_in_chinese_with_its_code(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--data-dir", str(data), "--language", "zh_CN", "--json",
                         "member", "enroll", "--name", "李雷", "--phone", "12345")
    assert code == 2
    assert err == "pos: 手机号 '12345' 不是有效的中国大陆号码\n"
    assert json.loads(out) == {"error": {
        "code": "member.phone_not_mainland",
        "message": "手机号 '12345' 不是有效的中国大陆号码",
        "params": {"phone": "12345"},
    }}


def test_english_stays_the_default_with_the_same_code(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--data-dir", str(data), "--json", "sale",
                         "--item", "6901234560015", "--coupon", "NOPE", "--tender", "cash")
    assert code == 2
    assert err == "pos: coupon 'NOPE' is not a code of this program\n"
    assert json.loads(out)["error"]["code"] == "coupon.unknown"
    # without --json nothing goes to stdout
    code, out, err = run(capsys, "--data-dir", str(data), "member", "show", "--phone",
                         "13900139000")
    assert (code, out) == (2, "")
    assert err == "pos: no member with phone 139****9000\n"


def test_pos_lang_in_a_new_process(data: Path) -> None:
    env = {**os.environ, "POS_LANG": "zh_CN", "PYTHONPATH": str(ROOT)}
    p = subprocess.run(
        [sys.executable, "-m", "pos_app.cli", "--data-dir", str(data), "member", "show",
         "--phone", "13900139000"],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert p.returncode == 2
    assert p.stderr == "pos: 没有手机号为 139****9000 的会员\n"
    assert p.stdout == ""


def test_the_command_lines_own_options_in_chinese_with_the_core_message_inside(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--data-dir", str(data), "--language", "zh_CN", "--json",
                         "sale", "--item", "6901234560015", "--tender", "cash:abc")
    assert code == 2
    assert err == "pos: --tender 'cash:abc'：不是以元为单位的金额：'abc'（例如 1234.50）\n"
    body = json.loads(out)["error"]
    assert body["code"] == "cli.option_value"
    assert body["params"] == {"option": "--tender", "text": "cash:abc",
                              "problem": "not a money amount in yuan: 'abc' (write e.g. 1234.50)"}
    code, out, err = run(capsys, "--data-dir", str(data), "sale", "--item", "6901234560015",
                         "--tender", "cash:abc")
    assert err == ("pos: --tender 'cash:abc': not a money amount in yuan: 'abc' "
                   "(write e.g. 1234.50)\n")


def _pos(data: Path, *argv: str, env: dict[str, str] | None = None
         ) -> subprocess.CompletedProcess[str]:
    """``pos`` in a new process, as a clerk runs it."""
    run_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    for name in ("POS_CONFIG", "POS_LANG", "POS_HQ_TOKEN", "POS_DATA_DIR"):
        if name not in (env or {}):
            run_env.pop(name, None)
    return subprocess.run([sys.executable, "-m", "pos_app.cli", "--data-dir", str(data), *argv],
                          capture_output=True, text=True, env=run_env, timeout=120)


def test_a_broken_config_file_in_chinese(data: Path, tmp_path: Path) -> None:
    cfg = tmp_path / "terminal.toml"
    cfg.write_text(f'store = "S001"\nterminal = "T01"\nfranchisee = "F-EAST"\n'
                   f'hq_url = "https://hq.example.cn"\ndata_dir = "{data}"\n\n'
                   '[counter]\nsame_item = "twice"\n')
    p = _pos(data, "--language", "zh_CN", "ledger", "verify", env={"POS_CONFIG": str(cfg)})
    assert p.returncode == 2
    assert p.stderr == (f"pos: {cfg}：第 8 行：counter.same_item：须为 add，new_line 之一，"
                        "实为 'twice'（pos config check 列出全部问题）\n")
    assert p.stdout == ""
    p = _pos(data, "--language", "zh_CN", "config", "check", "--config", str(cfg))
    assert p.returncode == 2
    assert f"{cfg}:8: counter.same_item: 须为 add，new_line 之一，实为 'twice'\n" in p.stdout
    assert p.stderr == "共 1 个问题\n"
    p = _pos(data, "--language", "zh_CN", "--json", "config", "check", "--config",
             str(tmp_path / "none.toml"))
    assert p.returncode == 2
    [problem] = json.loads(p.stdout)["problems"]
    assert problem == {"key": "(file)", "line": None, "code": "config.no_file",
                       "message": f"{tmp_path / 'none.toml'} 不存在"}


def test_sync_in_chinese(data: Path) -> None:
    # HQ not reachable (nothing listens on port 9): exit 2, the reason in Chinese
    p = _pos(data, "--language", "zh_CN", "--staff", "3001", "--pin", "3333", "sync",
             "register", "--hq", "http://127.0.0.1:9", "--token", "t0ken")
    assert p.returncode == 2
    assert p.stderr == "pos: 无法连接总部：ConnectError\n"
    p = _pos(data, "--language", "zh_CN", "--staff", "3001", "--pin", "3333", "sync",
             "register", "--hq", "http://127.0.0.1:9")
    assert p.returncode == 2
    assert p.stderr == "pos: sync register 需要 --token 或 $POS_HQ_TOKEN\n"
    # not registered: sync cannot run (exit 1, as when sync finds problems)
    p = _pos(data, "--staff", "3001", "--pin", "3333", "sync", env={"POS_LANG": "zh_CN"})
    assert p.returncode == 1
    assert p.stderr == "pos: 同步：本收银机尚未在总部登记：请运行 'pos sync register'\n"


def test_the_command_lines_own_refusals_in_chinese(data: Path) -> None:
    p = _pos(data, "--language", "zh_CN", "receipt", "show", "--no", "1", "--format", "png")
    assert p.returncode == 2
    assert p.stderr == "pos: --format png 输出二进制：请用 --out 指定文件\n"
    p = _pos(data, "--language", "zh_CN", "receipt", "show", "--no", "1", "--out",
             str(data / "no" / "such" / "r.txt"))
    assert p.returncode == 2
    out = data / "no" / "such" / "r.txt"
    assert p.stderr == f"pos: --out {out}：目录 {out.parent} 不存在\n"


def test_the_command_lines_own_output_in_chinese(data: Path) -> None:
    """What a clerk reads after a command (the sale, the shift's X report) is in the chosen
    language too; the figures are the same."""
    p = _pos(data, "--language", "zh_CN", "sale", "--item", "6901234560015",
             "--tender", "cash:1000")
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    assert lines[0].startswith("销售 ")
    assert any(x.startswith("  合计 ￥") for x in lines)
    assert any(x.startswith("  支付 现金：￥") for x in lines)
    assert any(x.startswith("  找零 ￥") for x in lines)
    p = _pos(data, "--language", "zh_CN", "shift", "x")
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("班次 1（进行中），")
    assert "  销售 1 笔：￥" in p.stdout and "  应有现金 ￥" in p.stdout
    p = _pos(data, "shift", "x")  # English stays the default
    assert p.stdout.startswith("shift 1 (open), opened ")


def _both(data: Path, *argv: str) -> tuple[str, str]:
    """The command's output in Chinese, then (run again) in English."""
    zh = _pos(data, "--language", "zh_CN", *argv)
    assert zh.returncode == 0, zh.stderr
    en = _pos(data, *argv)
    assert en.returncode == 0, en.stderr
    return zh.stdout, en.stdout


def test_backup_in_chinese(data: Path) -> None:
    zh = _pos(data, "--language", "zh_CN", "backup", "--list")
    assert (zh.returncode, zh.stdout) == (0, "没有备份\n")
    assert _pos(data, "backup", "--list").stdout == "no backups\n"
    zh = _pos(data, "--language", "zh_CN", "backup")
    assert zh.returncode == 0, zh.stderr
    assert zh.stdout.startswith(f"备份已写入：{data / 'backups'}/")
    en = _pos(data, "backup", "--if-due")
    assert en.stdout == "backup not due yet\n"
    zh = _pos(data, "--language", "zh_CN", "backup", "--if-due")
    assert zh.stdout == "尚未到备份时间\n"


def test_ledger_and_audit_verify_in_chinese(data: Path) -> None:
    zh, en = _both(data, "ledger", "verify")
    assert zh.startswith("账本正常：") and "笔交易" in zh
    assert en.startswith("ledger ok: ") and " transactions, " in en
    zh, en = _both(data, "audit", "verify")
    assert (zh, en) == ("审计日志正常\n", "audit log ok\n")
    # JSON keeps its keys whatever the language
    js = _pos(data, "--language", "zh_CN", "--json", "audit", "verify")
    assert json.loads(js.stdout) == {"ok": True, "problems": [], "details": []}


def test_catalog_import_in_chinese(data: Path, tmp_path: Path) -> None:
    csv = tmp_path / "items.csv"
    csv.write_text("sku,barcode,name,category,price\nT-1,,毛巾,日用,9.90\n", encoding="utf-8")
    zh = _pos(data, "--language", "zh_CN", "catalog", "import", str(csv), "--progress")
    assert zh.returncode == 0, zh.stderr
    assert zh.stdout == "商品目录：1 行：新增 1，更新 0，未变 0\n"
    en = _pos(data, "catalog", "import", str(csv))
    assert en.stdout == "catalog: 1 rows: 0 added, 0 updated, 1 unchanged\n"


def test_refund_in_chinese(data: Path) -> None:
    sold = _pos(data, "--json", "sale", "--item", "6901234560015", "--item", "6901234560015",
                "--tender", "cash:2000")
    assert sold.returncode == 0, sold.stderr
    sale = str(json.loads(sold.stdout)["sale_id"])
    zh = _pos(data, "--language", "zh_CN", "refund", "--sale", sale, "--line", "1*1")
    assert zh.returncode == 0, zh.stderr
    assert zh.stdout.startswith("退款 ") and f"（原销售 {sale}）：退回 ￥" in zh.stdout
    assert "：现金 ￥" in zh.stdout
    en = _pos(data, "refund", "--sale", sale, "--line", "2*1")
    assert en.returncode == 0, en.stderr
    assert en.stdout.startswith("refund ") and f" of {sale}: " in en.stdout
    assert " back: cash ¥" in en.stdout or " back: cash ￥" in en.stdout


def test_demo_and_staff_report_in_chinese(tmp_path: Path) -> None:
    zh = _pos(tmp_path / "zh", "--language", "zh_CN", "demo")
    assert zh.returncode == 0, zh.stderr
    assert zh.stdout.startswith(f"演示终端 S001/T01 位于 {tmp_path / 'zh'}"
                                "（员工密码：1001 收银员 1111，")
    assert f"试试：pos --data-dir {tmp_path / 'zh'} member show --phone " in zh.stdout
    en = _pos(tmp_path / "en", "demo")
    assert en.stdout.startswith(f"Demo terminal S001/T01 in {tmp_path / 'en'} (staff PINs: "
                                "1001 cashier 1111, ")
    assert f"Try: pos --data-dir {tmp_path / 'en'} member show --phone " in en.stdout
    staff = ("--staff", "3001", "--pin", "3333", "staff", "report")
    zh = _pos(tmp_path / "zh", "--language", "zh_CN", *staff)
    assert zh.returncode == 0, zh.stderr
    head, columns = zh.stdout.splitlines()[:2]
    assert head.startswith("员工业绩 ") and head.endswith("（门店 S001）")
    assert columns.split() == ["员工", "姓名", "销售额", "单数", "会员", "入会", "提成", "未计业绩"]
    en = _pos(tmp_path / "en", *staff).stdout.splitlines()
    assert en[0].startswith("staff report ") and en[0].endswith(" (S001)")
    assert en[1].split()[:3] == ["staff", "name", "sales"]


def test_cards_and_services_in_chinese(tmp_path: Path) -> None:
    d = tmp_path / "demo"
    assert _pos(d, "demo").returncode == 0
    manager = ("--staff", "3001", "--pin", "3333")
    zh = _pos(d, "--language", "zh_CN", *manager, "card", "batch", "--product", "VIP5000",
              "--media", "ic", "--start", "89019900100", "--count", "2")
    assert zh.returncode == 0, zh.stderr
    assert zh.stdout.startswith("批次 ") and "：2 张 VIP5000 卡（ic）" in zh.stdout
    batch = zh.stdout.split()[1].split("：")[0]
    zh = _pos(d, "--language", "zh_CN", *manager, "card", "receive", "--batch", batch)
    assert zh.returncode == 0, zh.stderr
    assert zh.stdout.startswith(f"已接收批次 {batch} 的 2 张 VIP5000 卡入门店 S001：")
    zh = _pos(d, "--language", "zh_CN", *manager, "card", "stock")
    assert zh.stdout.startswith("门店 S001 的卡库存\n") and "（ic）：在库 2" in zh.stdout
    en = _pos(d, *manager, "card", "stock")
    assert en.stdout.startswith("card stock of store S001\n") and "(ic): in_stock 2" in en.stdout
    zh, en = (_pos(d, *lang, *manager, "card", "expire").stdout
              for lang in (("--language", "zh_CN"), ()))
    assert (zh, en) == ("0 张卡已过期\n", "0 card(s) expired\n")
    enrolled = _pos(d, *manager, "--json", "member", "enroll", "--name", "李雷", "--phone",
                    "13912345678")
    assert enrolled.returncode == 0, enrolled.stderr
    card = json.loads(enrolled.stdout)["card"]
    zh, en = (_pos(d, *lang, *manager, "entitlement", "list", "--card", card).stdout
              for lang in (("--language", "zh_CN"), ()))
    assert (zh, en) == ("无服务项目\n", "no services\n")


def test_gift_stock_in_chinese(tmp_path: Path) -> None:
    d = tmp_path / "demo"
    assert _pos(d, "demo").returncode == 0
    zh, en = (_pos(d, *lang, "--staff", "3001", "--pin", "3333", "gift", "stock").stdout
              for lang in (("--language", "zh_CN"), ()))
    umbrella_zh = next(x for x in zh.splitlines() if x.startswith("UMBRELLA"))
    umbrella_en = next(x for x in en.splitlines() if x.startswith("UMBRELLA"))
    assert umbrella_zh.split()[-3:] == ["积分", "在库", "0"] and "500 积分" in umbrella_zh
    assert umbrella_en.endswith("500 points       on hand 0")
