"""Secrets are never logged: staff PINs (given by option or environment), an HQ terminal
token, the personal-data key. Commands that use them, succeed or are refused, leave
none of them in the terminal's log files."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from pathlib import Path

from pos_app.core.terminal import KEY_FILE

POS = Path(sys.executable).parent / "pos"
PIN = "739164"
TOKEN = "tok_Zq8hN3vY0pW5sK2mL7rX"


def run(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(POS), *argv], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


def test_pins_tokens_and_keys_never_reach_the_log(tmp_path: Path) -> None:
    d = str(tmp_path / "demo")
    assert run("--data-dir", d, "demo").returncode == 0
    r = run("--data-dir", d, "--staff", "3001", "staff", "add", "--code", "1009", "--name", "吴",
            "--role", "supervisor", env={"POS_NEW_STAFF_PIN": PIN, "POS_STAFF_PIN": "3333"})
    assert r.returncode == 0, r.stderr
    # a good PIN by option, a wrong one by the environment, an approval
    assert run("--data-dir", d, "--staff", "1009", "--pin", PIN, "member", "show", "--phone",
               "13800138000").returncode == 0
    assert run("--data-dir", d, "--staff", "1009", "member", "show", "--phone", "13800138000",
               env={"POS_STAFF_PIN": PIN[::-1]}).returncode == 2
    assert run("--data-dir", d, "--staff", "1001", "--pin", "1111", "--approver", "1009",
               "refund", "--sale", "S001-T01-000001",
               env={"POS_APPROVER_PIN": PIN}).returncode == 0
    # registering with an HQ that is not there: refused, with the token on the command line
    r = run("--data-dir", d, "sync", "register", "--hq", "http://127.0.0.1:9", "--token", TOKEN)
    assert r.returncode != 0
    key = (Path(d) / KEY_FILE).read_bytes()
    logs = list((Path(d) / "logs").glob("pos.log*"))
    assert logs
    text = "\n".join(p.read_text(encoding="utf-8") for p in logs)
    assert '"command": "refund"' in text  # the commands were logged ...
    for secret in (PIN, PIN[::-1], TOKEN, key.hex(), base64.b64encode(key).decode()):
        assert secret not in text  # ... their secrets were not
