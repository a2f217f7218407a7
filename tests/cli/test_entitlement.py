"""``pos entitlement list|use|grant``: a member's services as the slip says them, a use
with who served, refused once used up; a service granted by hand (a supervisor); the
command run as its own process too; bad input refused whole."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import MANAGER, MANAGER_PIN, assert_refused, bad_ids, pos, run


@pytest.fixture
def staffed(data: Path, capsys: pytest.CaptureFixture[str],
            monkeypatch: pytest.MonkeyPatch) -> Path:
    for code, name, role, pin in (("2001", "刘洋", "supervisor", "2222"),
                                  ("1001", "张敏", "cashier", "1111")):
        monkeypatch.setenv("POS_NEW_STAFF_PIN", pin)
        pos(capsys, data, "--staff", MANAGER, "--pin", MANAGER_PIN, "staff", "add", "--code",
            code, "--name", name, "--role", role)
    monkeypatch.delenv("POS_NEW_STAFF_PIN")
    return data


def test_list_grant_use(staffed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = staffed
    card = pos(capsys, d, "member", "enroll", "--name", "王芳", "--phone", "13800138000")["card"]
    assert pos(capsys, d, "entitlement", "list", "--card", card)["entitlements"] == []
    got = pos(capsys, d, "--staff", "2001", "--pin", "2222", "entitlement", "grant", "--card",
              card, "--service", "checkup", "--count", "1", "--months", "12", "--reason",
              "complaint settled")
    assert (got["service"], got["count"], got["source"]) == ("checkup", 1, "manual")
    (x,) = pos(capsys, d, "entitlement", "list", "--card", card)["entitlements"]
    assert x["name"] == "体检" and x["text"].startswith("剩 1 次，至 ")
    used = pos(capsys, d, "--staff", "1001", "--pin", "1111", "entitlement", "use", "--card",
               card, "--service", "checkup", "--served-by", "2001")
    assert (used["served_by"], used["entitlement"]["left"]) == ("2001", 0)
    code, _, err = run(capsys, "--data-dir", str(d), "--json", "entitlement", "use", "--card",
                       card, "--service", "checkup")
    assert code == 2 and "体检 is used up" in err
    code, _, err = run(capsys, "--data-dir", str(d), "--language", "zh_CN", "entitlement",
                       "use", "--card", card, "--service", "checkup")
    assert code == 2 and "会员的体检已用完" in err
    code, out, _ = run(capsys, "--data-dir", str(d), "entitlement", "list", "--card", card)
    assert code == 0 and "体检: 剩 0 次，至 " in out


def test_in_a_new_process(staffed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = pos(capsys, staffed, "member", "enroll", "--name", "王芳",
               "--phone", "13800138000")["card"]
    env = {**os.environ, "POS_DATA_DIR": str(staffed)}

    def pos_cmd(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "pos_app.cli", "--json", *argv],
                              capture_output=True, text=True, env=env, timeout=120)

    got = pos_cmd("--staff", "2001", "--pin", "2222", "entitlement", "grant", "--card", card,
                  "--service", "dry_cleaning", "--reason", "goodwill")
    assert got.returncode == 0, got.stderr
    assert json.loads(got.stdout)["count"] is None  # unlimited
    used = pos_cmd("entitlement", "use", "--card", card, "--service", "dry_cleaning")
    assert used.returncode == 0, used.stderr
    assert json.loads(used.stdout)["entitlement"]["text"] == "不限次"
    report = pos_cmd("--staff", "2001", "--pin", "2222", "staff", "report")
    assert report.returncode == 0, report.stderr
    assert json.loads(report.stdout)["period"]["kind"] == "day"


BAD = [
    (["entitlement", "use", "--card", "CARD", "--service", "ironing"],
     "no service 'ironing' in the program"),
    (["entitlement", "use", "--card", "CARD", "--service", "dry_cleaning"],
     "the member has no 干洗"),
    (["entitlement", "use", "--card", "CARD", "--service", "dry_cleaning", "--served-by",
      "7777"], "no active staff member 7777"),
    (["entitlement", "grant", "--card", "CARD", "--service", "checkup", "--count", "0",
      "--reason", "x"], "a service's count must be 1 to 1000, got 0"),
    (["--staff", "1001", "--pin", "1111", "entitlement", "grant", "--card", "CARD",
      "--service", "checkup", "--reason", "x"], "needs a supervisor"),
]


@pytest.mark.parametrize(("argv", "message"), BAD, ids=bad_ids(BAD))
def test_bad_input_refused_whole(staffed: Path, capsys: pytest.CaptureFixture[str],
                                 argv: list[str], message: str) -> None:
    assert_refused(capsys, staffed, argv, message)
