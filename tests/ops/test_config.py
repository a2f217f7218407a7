"""The terminal's config file: found in the config folders, every problem listed with its
key and line in one run (exit 2), the data folder taken from it."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from pos_app import config
from tests.ops.conftest import Run


def _good(data_dir: Path, log_dir: Path) -> str:
    return f'''store = "S001"
terminal = "T01"
franchisee = "F-EAST"
hq_url = "https://hq.example.cn"
data_dir = "{data_dir}"

[logging]
dir = "{log_dir}"
level = "INFO"

[backups]
interval_minutes = 30
keep = 5

[[devices]]
name = "front scanner"
kind = "scanner"
driver = "wedge"
max_gap_ms = 50

[[devices]]
name = "receipt printer"
kind = "printer"
driver = "network"
host = "192.168.1.50"
port = 9100

[[devices]]
name = "cash drawer"
kind = "drawer"
driver = "printer"
printer = "receipt printer"
'''


def test_a_good_config_checks_ok_and_gives_the_data_folder(
    tmp_path: Path, demo_dir: Path, pos: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    cfg = tmp_path / "terminal.toml"
    cfg.write_text(_good(demo_dir, tmp_path / "logs"))
    r = pos("--json", "config", "check", "--config", str(cfg))
    assert r.code == 0, r.out
    assert r.json() == {"file": str(cfg), "ok": True, "problems": [], "devices": 3}

    # found through $POS_CONFIG: the commands use its data folder, logs and backups
    monkeypatch.setenv("POS_CONFIG", str(cfg))
    r = pos("--json", "ledger", "verify")
    assert r.code == 0 and r.json()["ok"]
    r = pos("--json", "backup")
    assert r.code == 0 and r.json()["file"].startswith(str(demo_dir / "backups"))
    assert (tmp_path / "logs" / "pos.log").exists()
    # --data-dir still wins
    r = pos("--data-dir", str(tmp_path / "elsewhere"), "ledger", "verify")
    assert r.code == 2 and "elsewhere" in r.err


def test_found_in_the_user_config_folder(
    tmp_path: Path, demo_dir: Path, pos: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    user = tmp_path / "xdg" / "store-pos" / "terminal.toml"
    user.parent.mkdir(parents=True)
    user.write_text(_good(demo_dir, tmp_path / "logs"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.undo()  # drop the conftest's stand-in for the config folders ...
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("POS_CONFIG", raising=False)
    assert config.candidates()[0] == user
    assert config.find() == user
    r = pos("--json", "config", "check")
    assert r.code == 0 and r.json()["file"] == str(user)


def test_every_problem_with_key_and_line(
    tmp_path: Path, demo_dir: Path, pos: Callable[..., Run]
) -> None:
    secrets = demo_dir / "secrets"
    os.chmod(secrets / "pii.key", 0o644)
    cfg = tmp_path / "terminal.toml"
    cfg.write_text(f'''store = "S002"
terminal = "T 01"
hq_url = "hq.example.cn"
data_dir = "{demo_dir}"
colour = "blue"

[logging]
level = "LOUD"
max_bytes = 10

[backups]
interval_minutes = 1
keep = 0

[[devices]]
name = "front scanner"
kind = "scanner"
driver = "serial"
baud = "9600"
sufix = "\\r"

[[devices]]
name = "front scanner"
kind = "printer"
driver = "bluetooth"

[[devices]]
name = "cash drawer"
kind = "drawer"
driver = "printer"
printer = "kitchen printer"
''')
    r = pos("--json", "config", "check", "--config", str(cfg))
    assert r.code == 2
    got = {(p["key"], p["line"]) for p in r.json()["problems"]}
    expected = {
        ("store", 1),  # not the ledger's store
        ("terminal", 2),  # bad characters
        ("franchisee", None),  # missing
        ("hq_url", 3),
        ("colour", 5),
        ("logging.level", 8),
        ("logging.max_bytes", 9),
        ("backups.interval_minutes", 12),
        ("backups.keep", 13),
        ("devices[1]", 15),  # a serial scanner needs a port
        ("devices[1].baud", 19),
        ("devices[1].sufix", 20),
        ("devices[2].name", 23),  # the same name twice
        ("devices[2].driver", 25),
        ("devices[3].printer", 31),
        ("data_dir", 4),  # the key file is readable by others
    }
    assert expected <= got, sorted(expected - got)
    messages = " | ".join(p["message"] for p in r.json()["problems"])
    assert "chmod 600" in messages and "S001" in messages and "bluetooth" in messages
    # the plain output: FILE:LINE: key: message, one per line
    r = pos("config", "check", "--config", str(cfg))
    assert r.code == 2
    assert f"{cfg}:19: devices[1].baud: must be a whole number" in r.out
    assert len(r.out.strip().splitlines()) == len(got)


def test_syntax_errors_and_missing_files(tmp_path: Path, pos: Callable[..., Run]) -> None:
    cfg = tmp_path / "terminal.toml"
    cfg.write_text('store = "S001"\nterminal = T01\n')
    r = pos("--json", "config", "check", "--config", str(cfg))
    assert r.code == 2
    [p] = r.json()["problems"]
    assert p["line"] == 2 and "not valid TOML" in p["message"]
    r = pos("--json", "config", "check", "--config", str(tmp_path / "nope.toml"))
    assert r.code == 2 and "does not exist" in r.out
    r = pos("config", "check")
    assert r.code == 2 and "no config file" in r.err


def test_a_broken_config_stops_the_terminal_commands(
    tmp_path: Path, pos: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    cfg = tmp_path / "terminal.toml"
    cfg.write_text('store = "S001"\n[logging]\nlevel = "LOUD"\n')
    monkeypatch.setenv("POS_CONFIG", str(cfg))
    r = pos("ledger", "verify")
    assert r.code == 2 and "pos config check" in r.err


def test_missing_device_ports_and_secrets_belong_to_the_user(
    tmp_path: Path, demo_dir: Path
) -> None:
    cfg = tmp_path / "terminal.toml"
    cfg.write_text(_good(demo_dir, tmp_path / "logs") + '''
[[devices]]
name = "pole"
kind = "pole_display"
driver = "serial"
port = "/dev/ttyUSB97"
''')
    line = cfg.read_text().splitlines().index('port = "/dev/ttyUSB97"') + 1
    _, problems = config.check(cfg)
    assert [(p.key, p.line) for p in problems] == [("devices[4].port", line)]
    assert "does not exist" in problems[0].message
    os.chmod(demo_dir / "secrets", 0o755)
    _, problems = config.check(cfg)
    assert any("chmod 700" in p.message for p in problems)


def test_hq_commands_do_not_need_a_good_terminal_config(
    tmp_path: Path, pos: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    cfg = tmp_path / "terminal.toml"
    cfg.write_text('store = "S001"\n[logging]\nlevel = "LOUD"\n')
    monkeypatch.setenv("POS_CONFIG", str(cfg))
    hq = tmp_path / "hq.toml"
    hq.write_text(f'[hq]\ndatabase = "sqlite:///{tmp_path / "hq.sqlite"}"\n')
    r = pos("hq", "verify", "--config", str(hq))
    assert r.code == 0, r.err


def test_root_is_refused_on_the_service_users_data_folder(
    tmp_path: Path, demo_dir: Path, pos: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.geteuid() == 0:
        for p in [demo_dir, *demo_dir.rglob("*")]:
            os.lchown(p, 65534, 65534)  # the folder belongs to a service user ...
    else:
        monkeypatch.setattr(os, "geteuid", lambda: 0)  # ... and root runs the command
    before = sorted(p.name for p in demo_dir.rglob("*"))
    r = pos("--data-dir", str(demo_dir), "ledger", "verify")
    assert r.code == 2 and "run the command as that user" in r.err and "not as root" in r.err
    assert sorted(p.name for p in demo_dir.rglob("*")) == before  # nothing written


def test_the_counter_settings_read_and_checked(
    tmp_path: Path, demo_dir: Path, pos: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    cfg = tmp_path / "terminal.toml"
    head = _good(demo_dir, tmp_path / "logs").split("\n[[devices]]")[0]
    cfg.write_text(head + '\n[counter]\nsame_item = "new_line"\ncustomer_display = "off"\n'
                   'touch = true\n')
    r = pos("--json", "config", "check", "--config", str(cfg))
    assert r.code == 0, r.out
    assert config.load(cfg).counter == config.Counter("new_line", "off", True)
    # the environment over the file; without a file, the defaults
    over = config.counter_settings(config.load(cfg), {"POS_TOUCH": "0",
                                                      "POS_CUSTOMER_DISPLAY": "window"})
    assert over == config.Counter("new_line", "window", False)
    assert config.counter_settings(None, {}) == config.Counter("add", "auto", False)

    cfg.write_text(head + '\n[counter]\nsame_item = "twice"\ncustomer_display = "left"\n'
                   'touch = "yes"\nsound = true\n')
    lines = cfg.read_text().splitlines()
    at = {key: lines.index(text) + 1 for key, text in (
        ("counter.same_item", 'same_item = "twice"'),
        ("counter.customer_display", 'customer_display = "left"'),
        ("counter.touch", 'touch = "yes"'), ("counter.sound", "sound = true"))}
    r = pos("--json", "config", "check", "--config", str(cfg))
    assert r.code == 2
    got = {p["key"]: (p["line"], p["message"]) for p in r.json()["problems"]}
    assert {k: got[k][0] for k in at} == at
    assert got["counter.same_item"][1] == "must be one of add, new_line, got 'twice'"
    assert "auto, off, window" in got["counter.customer_display"][1]
    assert "unknown key" in got["counter.sound"][1]
    # the app (and every terminal command) refuses to start on it, naming file and key
    cfg.write_text(head + '\n[counter]\nsame_item = "twice"\n')
    monkeypatch.setenv("POS_CONFIG", str(cfg))
    r = pos("app")
    assert r.code == 2
    assert r.err.startswith(f"pos: {cfg}: line {at['counter.same_item']}: counter.same_item: "
                            "must be one of add, new_line, got 'twice'")
    with pytest.raises(config.ConfigError, match="counter.same_item"):
        config.load(cfg)


def test_config_check_names_each_file_and_folder_open_to_others(
    tmp_path: Path, demo_dir: Path, pos: Callable[..., Run]
) -> None:
    """The data folder 0700 and every file in it 0600: `pos config check` names each one
    that is not, and is clean once they are closed again."""
    cfg = tmp_path / "terminal.toml"
    cfg.write_text(_good(demo_dir, tmp_path / "logs"))
    r = pos("--data-dir", str(demo_dir), "backup")
    assert r.code == 0, r.err
    r = pos("--json", "config", "check", "--config", str(cfg))
    assert r.code == 0, r.out
    backup = next((demo_dir / "backups").iterdir())
    os.chmod(demo_dir, 0o755)
    os.chmod(demo_dir / "pos.sqlite", 0o644)
    os.chmod(backup, 0o640)
    os.chmod(demo_dir / "program.toml", 0o604)
    r = pos("--json", "config", "check", "--config", str(cfg))
    assert r.code == 2
    # the WAL and shared-memory files SQLite makes take the ledger's mode: named too
    messages = [p["message"] for p in r.json()["problems"]
                if "pos.sqlite-wal " not in p["message"]
                and "pos.sqlite-shm " not in p["message"]]
    assert all(p["key"] == "data_dir" for p in r.json()["problems"])
    assert sorted(messages) == sorted([
        f"{demo_dir} can be opened by other users (mode 755): chmod 700",
        f"file {demo_dir / 'pos.sqlite'} is readable by other users (mode 644): chmod 600",
        f"file {backup} is readable by other users (mode 640): chmod 600",
        f"file {demo_dir / 'program.toml'} is readable by other users (mode 604): chmod 600",
    ])
    r = pos("config", "check", "--config", str(cfg))
    assert f"{cfg}:5: data_dir: file {demo_dir / 'pos.sqlite'} is readable" in r.out
    for p in (demo_dir, *demo_dir.glob("pos.sqlite*"), backup, demo_dir / "program.toml"):
        os.chmod(p, 0o700 if p.is_dir() else 0o600)
    assert pos("config", "check", "--config", str(cfg)).code == 0


@pytest.mark.parametrize(
    ("extra", "key", "command", "said"),
    [
        # a nested table: refused by config check and by any command that reads the file
        ('[logging.rotation]\nwhen = "daily"', "logging.rotation", ("ledger", "verify"),
         "logging.rotation: unknown key"),
        # an unknown section: a sale is refused before anything is rung up
        ("[printer]\nwidth = 80", "printer",
         ("sale", "--item", "6901234560060", "--tender", "cash"), "printer: unknown key"),
    ],
    ids=["nested-table", "unknown-section"],
)
def test_an_unknown_table_in_terminal_toml_is_refused_with_its_line(
    tmp_path: Path, demo_dir: Path, pos: Callable[..., Run], monkeypatch: pytest.MonkeyPatch,
    extra: str, key: str, command: tuple[str, ...], said: str,
) -> None:
    cfg = tmp_path / "terminal.toml"
    cfg.write_text(_good(demo_dir, tmp_path / "logs") + "\n" + extra + "\n")
    line = cfg.read_text().splitlines().index(extra.splitlines()[0]) + 1
    r = pos("--json", "config", "check", "--config", str(cfg))
    assert r.code == 2
    assert [(p["key"], p["line"]) for p in r.json()["problems"]] == [(key, line)]
    monkeypatch.setenv("POS_CONFIG", str(cfg))
    r = pos("--data-dir", str(demo_dir), *command)
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1
    assert f"line {line}: {said}" in r.err
