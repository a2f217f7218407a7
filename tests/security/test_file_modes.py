"""The data folder is closed to other users: the folder and every folder in it 0700,
every file 0600 (the ledger and its WAL, the program, the keys, backups and logs), for a
new folder and for one left open by an older version, checked from a new process."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def pos(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POS_")}
    return subprocess.run([sys.executable, "-m", "pos_app.cli", "--data-dir", str(data), *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def _open_to_others(data: Path) -> list[str]:
    out = []
    for here, dirs, files in os.walk(data):
        for name in [*dirs, *files, ""]:
            p = Path(here) / name
            mode = stat.S_IMODE(p.stat().st_mode)
            want = 0o700 if p.is_dir() else 0o600
            if mode != want:
                out.append(f"{p.relative_to(data)} {mode:o}")
    return out


def test_a_demo_day_leaves_nothing_open_to_other_users(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert pos(data, "demo").returncode == 0
    assert pos(data, "backup").returncode == 0
    names = {p.relative_to(data).parts[0] for p in data.rglob("*")}
    assert {"pos.sqlite", "program.toml", "secrets", "backups", "logs"} <= names
    assert list((data / "logs").glob("*.log")) and list((data / "backups").glob("*.sqlite"))
    assert _open_to_others(data) == []


def test_a_folder_left_open_is_closed_when_the_terminal_opens_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert pos(data, "demo").returncode == 0
    os.chmod(data, 0o755)
    for p in (data / "pos.sqlite", data / "program.toml"):
        os.chmod(p, 0o644)
    os.chmod(data / "logs", 0o755)
    assert _open_to_others(data) != []
    assert pos(data, "ledger", "verify").returncode == 0
    assert _open_to_others(data) == []
