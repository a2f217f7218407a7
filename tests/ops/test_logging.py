"""Logs: JSON lines, rotated, and no personal data: after a demo day the log files are
grepped for mobile numbers, ID numbers and card track data."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from pos_app import logging_setup
from pos_app.logging_setup import LogSettings, mask_text
from tests.ops.conftest import Run

PHONE = "13700137000"
ID_NUMBER = "110101199003074514"
TRACKS = "%B6228480000000018^ZHANG/SAN^25121010000000000000?;6228480000000018=25121010000?"

MOBILE_RE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
ID_RE = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
TRACK_RE = re.compile(r"%B|\^[A-Z /]+\^|;?\d{6,19}=\d+")


def _log_lines(log_dir: Path) -> list[dict[str, object]]:
    lines = []
    for f in sorted(log_dir.glob("pos.log*")):
        for line in f.read_text(encoding="utf-8").splitlines():
            lines.append(json.loads(line))  # every line is one JSON object
    return lines


def test_mask_text() -> None:
    assert mask_text("call 13800138000 or +86 139-1234-5678") == "call [phone] or [phone]"
    assert mask_text(f"id {ID_NUMBER}, id 11010119900307451X") == "id [id number], id [id number]"
    assert "%B" not in mask_text(TRACKS) and "=2512" not in mask_text(TRACKS)
    assert mask_text("pan 6228480000000018") == "pan 6228****0018"
    # what is not personal data stays readable
    assert mask_text("phone '1370013700' is not valid") == "phone '[number]' is not valid"
    kept = (
        "sale S001-T01-000004 total 883.15 at 2026-11-23T12:00:00 card 8800****0012 "
        "backups/pos-S001-T01-20261123T120126023000Z.sqlite"
    )
    assert mask_text(kept) == kept


def test_no_personal_data_in_the_logs_after_a_demo_day(
    tmp_path: Path, demo_dir: Path, pos: Callable[..., Run]
) -> None:
    d = str(demo_dir)
    r = pos("--data-dir", d, "--json", "member", "enroll", "--name", "李雷", "--phone", PHONE,
            "--birthday", "1990-03-07", "--id-number", ID_NUMBER, "--consent")
    assert r.code == 0, r.err
    card = r.json()["card"]
    # refused: the same phone again (the reason goes to the log)
    r = pos("--data-dir", d, "member", "enroll", "--name", "李雷", "--phone", PHONE)
    assert r.code == 2
    r = pos("--data-dir", d, "member", "enroll", "--name", "韩梅梅", "--phone", "1370013700")
    assert r.code == 2  # a mistyped phone
    r = pos("--data-dir", d, "member", "enroll", "--name", "韩梅梅", "--phone", "13600136000",
            "--birthday", "1990-03-07", "--id-number", ID_NUMBER[:-1] + "5")
    assert r.code == 2  # a wrong check digit
    assert pos("--data-dir", d, "member", "show", "--phone", PHONE).code == 0
    assert pos("--data-dir", d, "member", "show", "--phone", "13999999999").code == 2
    assert pos("--data-dir", d, "stored-value", "topup", "--card", card, "--amount",
               "500").code == 0
    r = pos("--data-dir", d, "--json", "sale", "--member-card", card, "--item",
            "6901234560022", "--tender", "stored_value")
    assert r.code == 0, r.err
    sale = r.json()["sale_id"]
    assert pos("--data-dir", d, "refund", "--sale", sale).code == 0
    assert pos("--data-dir", d, "backup").code == 0
    assert pos("--data-dir", d, "ledger", "verify").code == 0
    # what a device driver or a crash could put in a log line
    logging.getLogger("devices.serial_magstripe").warning("raw swipe %r", TRACKS)
    logging.getLogger("devices.serial_scanner").info(
        "scanned", extra={"code": PHONE, "raw": {"track": TRACKS, "id": ID_NUMBER}}
    )
    try:
        raise ValueError(f"member {PHONE} with id {ID_NUMBER} not found")
    except ValueError:
        logging.getLogger("pos_app.ui").exception("screen failed for %s", PHONE)

    log_dir = demo_dir / "logs"
    files = list(log_dir.glob("pos.log*"))
    assert files
    text = "\n".join(f.read_text(encoding="utf-8") for f in files)
    assert not MOBILE_RE.search(text), MOBILE_RE.search(text)
    assert not ID_RE.search(text), ID_RE.search(text)
    assert not TRACK_RE.search(text), TRACK_RE.search(text)
    assert PHONE not in text and ID_NUMBER not in text and "ZHANG" not in text
    records = _log_lines(log_dir)
    commands = [r["command"] for r in records if r.get("event") == "command"]
    for c in ("demo", "member enroll", "member show", "stored-value topup", "sale", "refund",
              "backup", "ledger verify"):
        assert c in commands
    refused = [r for r in records if r.get("event") == "command" and r.get("exit") is None]
    assert len(refused) == 4 and all(r["level"] == "WARNING" for r in refused)
    assert all(str(r["error"]).split(":")[0] in ("PosError", "NotFound") for r in refused)
    assert "1370013700" not in text and ID_NUMBER[:-1] + "5" not in text
    crash = [r for r in records if r["logger"] == "pos_app.ui"]
    assert crash and "ValueError" in str(crash[0]["exc"]) and "[phone]" in str(crash[0]["exc"])
    assert all({"ts", "level", "logger", "msg"} <= set(r) for r in records)


def test_logs_rotate(tmp_path: Path) -> None:
    logging_setup.setup(LogSettings(dir=tmp_path / "logs", max_bytes=2000, backup_count=3))
    log = logging.getLogger("pos.test")
    for i in range(200):
        log.info("line %d for %s", i, PHONE)
    names = sorted(p.name for p in (tmp_path / "logs").glob("pos.log*"))
    assert names == ["pos.log", "pos.log.1", "pos.log.2", "pos.log.3"]
    assert all(p.stat().st_size <= 2000 for p in (tmp_path / "logs").glob("pos.log*"))
    assert len(_log_lines(tmp_path / "logs")) > 20
    newest = (tmp_path / "logs" / "pos.log").read_text(encoding="utf-8").splitlines()
    assert json.loads(newest[-1])["msg"] == "line 199 for [phone]"


def test_nothing_is_left_behind_by_a_refused_init(tmp_path: Path, pos: Callable[..., Run]) -> None:
    d = tmp_path / "new"
    r = pos("--data-dir", str(d), "init", "--store", "S 1", "--terminal", "T01",
            "--franchisee", "F", "--program", "nope.toml")
    assert r.code == 2
    assert not d.exists()


def test_root_does_not_write_the_service_users_logs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    logs = tmp_path / "logs"
    logs.mkdir()
    if os.geteuid() == 0:
        os.chown(logs, 65534, 65534)
    else:
        monkeypatch.setattr(os, "geteuid", lambda: 0)
    logging_setup.setup(LogSettings(dir=logs))
    logging.getLogger("pos.test").warning("from root")
    assert list(logs.iterdir()) == []


def test_two_processes_share_a_rotating_log(tmp_path: Path) -> None:
    """The app and the backup timer write the same file: each follows the other's
    rotations, so no line is lost or written into an already rotated file."""
    from pos_app.logging_setup import JsonFormatter, _Handler

    logs = tmp_path / "logs"
    a = _Handler(logs / "pos.log", maxBytes=3000, backupCount=500, delay=True)
    b = _Handler(logs / "pos.log", maxBytes=3000, backupCount=500, delay=True)
    for h in (a, b):
        h.setFormatter(JsonFormatter())
    for i in range(600):
        h = a if i % 3 else b
        h.handle(logging.makeLogRecord({"name": "pos.test", "msg": f"line {i}",
                                        "levelno": logging.INFO, "levelname": "INFO"}))
    a.close()
    b.close()
    files = sorted(logs.glob("pos.log*"),
                   key=lambda p: -int(p.suffix[1:]) if p.suffix[1:].isdigit() else 0)
    assert len(files) > 5
    seq = [int(json.loads(line)["msg"].split()[1])
           for f in files for line in f.read_text(encoding="utf-8").splitlines()]
    assert seq == list(range(600))  # oldest file first, every line, in order
