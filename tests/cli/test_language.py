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
