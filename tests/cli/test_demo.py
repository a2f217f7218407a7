"""``pos demo`` as a user runs it: the installed console script, the demo twice (set up
once), then the books verified."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def test_installed_command_and_demo(tmp_path: Path) -> None:
    """The console script as a user runs it: --version, then the demo twice (set up once)."""
    exe = Path(sys.executable).parent / "pos"
    assert subprocess.run([exe, "--version"], capture_output=True, text=True,
                          check=True).stdout.startswith("pos ")
    d = tmp_path / "demo"
    for _ in range(2):
        r = subprocess.run([exe, "--data-dir", str(d), "--json", "demo"], capture_output=True,
                           text=True, timeout=60)
        assert r.returncode == 0, r.stderr
        sale = json.loads(r.stdout)
        assert sale["total"] == "883.15" and sale["points_earned"] == 1035
    r = subprocess.run([exe, "--data-dir", str(d), "ledger", "verify"], capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 0 and r.stdout.startswith("ledger ok")
