"""What ``pos sync`` found, said to the clerk in the chosen language (``--language zh_CN``):
a terminal put back from an old backup, its events renumbered at HQ (``pos hq serve`` and
``pos`` in new processes). The report's JSON keeps the English text."""

from __future__ import annotations

import json
from pathlib import Path

from tests.security.test_chain_anchors import ITEM, Hq, hq, pos  # noqa: F401

MANAGER = ["--staff", "M1", "--pin", "4712"]


def test_a_rewind_found_by_sync_is_said_in_chinese(hq: Hq, tmp_path: Path) -> None:  # noqa: F811
    data = hq.terminal(tmp_path, "T31")
    r = pos(*data, "staff", "add", "--code", "M1", "--name", "Wang", "--role", "manager",
            env={"POS_NEW_STAFF_PIN": "4712"})  # a restore needs a manager
    assert r.returncode == 0, r.stderr
    r = pos(*data, "--json", "backup")
    assert r.returncode == 0, r.stderr
    backup = json.loads(r.stdout)["file"]
    for _ in range(2):  # sales HQ receives, then the disk is lost
        assert pos(*data, "sale", "--item", ITEM, "--tender", "cash").returncode == 0
    r = pos(*data, "sync")
    assert r.returncode == 0, r.stdout + r.stderr
    r = pos(*data, *MANAGER, "restore", backup)
    assert r.returncode == 0, r.stderr
    assert pos(*data, "sale", "--item", ITEM, "--tender", "cash").returncode == 0

    r = pos(*data, "--language", "zh_CN", "sync")
    assert r.returncode == 1, r.stdout + r.stderr
    assert json.loads(r.stdout)["problems"] == [
        "HQ saw a rewind: this terminal's events were renumbered"]
    assert r.stderr == "pos: 警告：总部发现事件回退：本机事件已重新编号\n"
