"""The terminal's config file: one TOML per terminal (``terminal.toml``).

Where it is looked for, first found wins:

1. ``--config FILE`` (``pos config check --config FILE``), or ``$POS_CONFIG``;
2. the user config folder (platformdirs ``user_config_dir``:
   ``~/.config/store-pos/terminal.toml``; for the Debian package's ``pos`` user
   ``/var/lib/store-pos/.config/store-pos/terminal.toml``);
3. the site config folder (platformdirs ``site_config_dir``:
   ``/etc/xdg/store-pos/terminal.toml``);
4. ``/etc/store-pos/terminal.toml`` (where the Debian package puts it).

Keys (see docs/operations.md)::

    store = "S001"                       # as registered at HQ
    terminal = "T01"
    franchisee = "F-EAST"
    hq_url = "https://hq.example.cn"     # HQ's sync service
    data_dir = "/var/lib/store-pos/data" # pos.sqlite, program.toml, secrets/pii.key

    [logging]
    dir = "/var/log/store-pos"   # default: <data_dir>/logs
    level = "INFO"
    max_bytes = 5000000
    backup_count = 10
    stderr = false               # also to stderr (systemd's journal)

    [backups]
    dir = "..."                  # default: <data_dir>/backups (fixed: only that is pruned)
    interval_minutes = 60
    keep = 48

    [counter]                    # the cashier app at this till
    same_item = "add"            # a scanned item already in the cart: "add" one to its
                                 # line, or "new_line" (a line of its own)
    customer_display = "auto"    # "auto" (a second monitor if there is one), "off",
                                 # "window" (a window on the cashier's screen)
    touch = false                # a touch screen: the numpad shows from the start

    [[devices]]                  # keys: docs/devices.md
    name = "front scanner"
    kind = "scanner"
    driver = "serial"
    port = "/dev/ttyUSB0"

:func:`check` lists every problem, each with its key and line.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from pos_app.core.data_folder import DB_FILE, KEY_FILE
from pos_app.core.errors import PosError
from pos_app.core.messages import Items, Msg
from pos_app.logging_setup import LogSettings

if TYPE_CHECKING:
    from devices.registry import Value

APP = "store-pos"
CONFIG_FILE = "terminal.toml"
DEBIAN_CONFIG = Path("/etc/store-pos") / CONFIG_FILE
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,39}$")
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")

TOP_KEYS = {"store", "terminal", "franchisee", "hq_url", "data_dir", "logging", "backups",
            "counter", "devices"}
LOGGING_KEYS = {"dir", "level", "max_bytes", "backup_count", "stderr"}
BACKUP_KEYS = {"interval_minutes", "keep"}
COUNTER_KEYS = {"same_item", "customer_display", "touch"}
SAME_ITEM = ("add", "new_line")
CUSTOMER_DISPLAY = ("auto", "off", "window")
# the environment may override the file's [counter] settings (trying a till out)
TOUCH_ENV = "POS_TOUCH"
CUSTOMER_DISPLAY_ENV = "POS_CUSTOMER_DISPLAY"

class ConfigError(PosError):
    """The config file has a problem (the first; ``pos config check`` lists them all)."""


@dataclass(frozen=True)
class Problem:
    """One problem of the config file: its key, line and what is wrong (a coded message,
    English as a ``str``, translated where shown)."""

    key: str
    line: int | None
    message: Msg

    @property
    def msg(self) -> Msg:
        """The problem with where it is, as one message."""
        if self.line:
            return Msg("config.problem_at", line=self.line, key=self.key, problem=self.message)
        return Msg("config.problem", key=self.key, problem=self.message)

    def __str__(self) -> str:
        return str(self.msg)


@dataclass(frozen=True)
class Counter:
    """The ``[counter]`` settings: how the cashier app behaves at this till."""

    same_item: str = "add"
    customer_display: str = "auto"
    touch: bool = False

    @property
    def same_item_new_line(self) -> bool:
        return self.same_item == "new_line"

    def overridden(self, env: Mapping[str, str]) -> Counter:
        """With ``$POS_TOUCH`` (``1``/``0``) and ``$POS_CUSTOMER_DISPLAY`` (one of
        :data:`CUSTOMER_DISPLAY`) where set; other values are ignored."""
        touch, shown = self.touch, self.customer_display
        if env.get(TOUCH_ENV, "").strip() != "":
            touch = env[TOUCH_ENV].strip() not in ("0", "false", "no")
        mode = env.get(CUSTOMER_DISPLAY_ENV, "").strip().lower()
        if mode in CUSTOMER_DISPLAY:
            shown = mode
        return Counter(self.same_item, shown, touch)


def counter_settings(cfg: TerminalConfig | None, env: Mapping[str, str] | None = None) -> Counter:
    """The till's ``[counter]`` settings (the defaults without a config file), with the
    environment's overrides."""
    base = cfg.counter if cfg is not None else Counter()
    return base.overridden(os.environ if env is None else env)


@dataclass
class TerminalConfig:
    path: Path
    store: str = ""
    terminal: str = ""
    franchisee: str = ""
    hq_url: str = ""
    data_dir: Path | None = None
    log_dir: Path | None = None
    log_level: str = "INFO"
    log_max_bytes: int = 5_000_000
    log_backup_count: int = 10
    log_stderr: bool = False
    backup_interval: timedelta = timedelta(minutes=60)
    backup_keep: int = 48
    counter: Counter = field(default_factory=Counter)
    devices: list[dict[str, Any]] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)


def candidates() -> list[Path]:
    from platformdirs import site_config_dir, user_config_dir

    return [
        Path(user_config_dir(APP, APP)) / CONFIG_FILE,
        Path(site_config_dir(APP, APP)) / CONFIG_FILE,
        DEBIAN_CONFIG,
    ]


def find(explicit: Path | str | None = None) -> Path | None:
    """The config file to use: ``explicit``, ``$POS_CONFIG``, else the first that exists
    of :func:`candidates`; None when there is none."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("POS_CONFIG")
    if env:
        return Path(env)
    for p in candidates():
        if p.is_file():
            return p
    return None


# --- where keys are ------------------------------------------------------------------------

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"]+)\s*\]\]?")
_ASSIGN = re.compile(r"^\s*([A-Za-z0-9_\-\"]+)\s*=")


def key_lines(text: str) -> dict[str, int]:
    """Line of every ``key = value`` and table header, named like ``store``,
    ``logging.level``, ``devices[2].port`` (1-based entry numbers), ``devices[2]``."""
    lines: dict[str, int] = {}
    table = ""
    counts: dict[str, int] = {}
    for no, line in enumerate(text.splitlines(), start=1):
        h = _HEADER.match(line)
        if h:
            name = h.group(2).strip('"')
            if h.group(1) == "[[":
                counts[name] = counts.get(name, 0) + 1
                table = f"{name}[{counts[name]}]"
            else:
                table = name
            lines.setdefault(table, no)
            continue
        a = _ASSIGN.match(line)
        if a:
            key = a.group(1).strip('"')
            lines.setdefault(f"{table}.{key}" if table else key, no)
    return lines


# --- loading and checking ---------------------------------------------------------------------


def load(path: Path) -> TerminalConfig:
    """Read the file; raise ConfigError on the first problem (``check`` lists them all)."""
    cfg, problems = _read(path)
    if problems:
        raise ConfigError("config.broken", path=path, problem=problems[0].msg)
    assert cfg is not None
    return cfg


def check(path: Path, *, check_files: bool = True) -> tuple[TerminalConfig | None, list[Problem]]:
    """Every problem of the config file (and, with ``check_files``, of the data folder,
    its ledger identity, its secrets and the device ports it names)."""
    cfg, problems = _read(path)
    if cfg is not None and check_files:
        problems += _check_files(cfg)
    return cfg, problems


def _read(path: Path) -> tuple[TerminalConfig | None, list[Problem]]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem("(file)", None, Msg("config.no_file", path=path))]
    except (OSError, UnicodeDecodeError) as e:
        return None, [Problem("(file)", None, Msg("config.unreadable", path=path, detail=e))]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"line (\d+)", str(e))
        return None, [Problem("(syntax)", int(m.group(1)) if m else None,
                              Msg("config.not_toml", detail=e))]
    lines = key_lines(text)
    problems: list[Problem] = []

    def bad(at: str, code: str, /, **params: Any) -> None:
        table = at.rsplit(".", 1)[0] if "." in at else at
        problems.append(Problem(at, lines.get(at) or lines.get(table), Msg(code, **params)))

    cfg = TerminalConfig(path=path, raw=data)
    for key in data:
        if key not in TOP_KEYS:
            bad(key, "config.unknown_key", known=Items(sorted(TOP_KEYS)))
    for key in ("store", "terminal", "franchisee"):
        value = data.get(key)
        if value is None:
            bad(key, "config.missing_id", key=key)
        elif not isinstance(value, str) or not _ID_RE.match(value):
            bad(key, "config.bad_id", value=repr(value))
        else:
            setattr(cfg, key, value)
    hq = data.get("hq_url")
    if hq is None:
        bad("hq_url", "config.missing_hq_url")
    elif not isinstance(hq, str) or urlparse(hq).scheme not in ("http", "https") or not urlparse(
        hq
    ).netloc:
        bad("hq_url", "config.bad_hq_url", value=repr(hq))
    else:
        cfg.hq_url = hq
    dd = data.get("data_dir")
    if dd is None:
        bad("data_dir", "config.missing_data_dir")
    elif not isinstance(dd, str) or not dd:
        bad("data_dir", "config.bad_folder", value=repr(dd))
    elif not Path(dd).expanduser().is_absolute():
        bad("data_dir", "config.not_absolute", value=repr(dd))
    else:
        cfg.data_dir = Path(dd).expanduser()

    lg = data.get("logging", {})
    if not isinstance(lg, dict):
        bad("logging", "config.not_table", table="logging")
        lg = {}
    for key in lg:
        if key not in LOGGING_KEYS:
            bad(f"logging.{key}", "config.unknown_key", known=Items(sorted(LOGGING_KEYS)))
    if "dir" in lg:
        if isinstance(lg["dir"], str) and Path(lg["dir"]).expanduser().is_absolute():
            cfg.log_dir = Path(lg["dir"]).expanduser()
        else:
            bad("logging.dir", "config.not_absolute", value=repr(lg["dir"]))
    if "level" in lg:
        if isinstance(lg["level"], str) and lg["level"].upper() in LEVELS:
            cfg.log_level = lg["level"].upper()
        else:
            bad("logging.level", "config.one_of", allowed=Items(LEVELS), value=repr(lg["level"]))
    for key, attr, low in (("max_bytes", "log_max_bytes", 10_000), ("backup_count",
                                                                     "log_backup_count", 1)):
        if key in lg:
            v = lg[key]
            if isinstance(v, int) and not isinstance(v, bool) and v >= low:
                setattr(cfg, attr, v)
            else:
                bad(f"logging.{key}", "config.whole_at_least", low=low, value=repr(v))
    if "stderr" in lg:
        if isinstance(lg["stderr"], bool):
            cfg.log_stderr = lg["stderr"]
        else:
            bad("logging.stderr", "config.yes_no", value=repr(lg["stderr"]))

    bk = data.get("backups", {})
    if not isinstance(bk, dict):
        bad("backups", "config.not_table", table="backups")
        bk = {}
    for key in bk:
        if key not in BACKUP_KEYS:
            bad(f"backups.{key}", "config.unknown_key", known=Items(sorted(BACKUP_KEYS)))
    if "interval_minutes" in bk:
        v = bk["interval_minutes"]
        if isinstance(v, int) and not isinstance(v, bool) and 5 <= v <= 7 * 24 * 60:
            cfg.backup_interval = timedelta(minutes=v)
        else:
            bad("backups.interval_minutes", "config.bad_interval", value=repr(v))
    if "keep" in bk:
        v = bk["keep"]
        if isinstance(v, int) and not isinstance(v, bool) and v >= 1:
            cfg.backup_keep = v
        else:
            bad("backups.keep", "config.whole_at_least", low=1, value=repr(v))

    _read_counter(data, cfg, bad)

    devs = data.get("devices", [])
    if not isinstance(devs, list):
        bad("devices", "config.not_array", table="devices")
        devs = []
    names: set[str] = set()
    for i, dev in enumerate(devs, start=1):
        where = f"devices[{i}]"
        if not isinstance(dev, dict):
            bad(where, "config.entry_not_table")
            continue
        _check_device(dev, where, names, bad)
        cfg.devices.append(dev)
    printers = {d.get("name") for d in cfg.devices if d.get("kind") == "printer"}
    for i, dev in enumerate(cfg.devices, start=1):
        if dev.get("kind") == "drawer" and "printer" in dev and dev["printer"] not in printers:
            bad(f"devices[{i}].printer", "config.no_such_printer", name=repr(dev["printer"]))
    return cfg, problems


def _read_counter(data: Mapping[str, Any], cfg: TerminalConfig, bad: Any) -> None:
    ct = data.get("counter", {})
    if not isinstance(ct, dict):
        bad("counter", "config.not_table", table="counter")
        return
    for key in ct:
        if key not in COUNTER_KEYS:
            bad(f"counter.{key}", "config.unknown_key", known=Items(sorted(COUNTER_KEYS)))
    same, shown, touch = (ct.get("same_item", "add"), ct.get("customer_display", "auto"),
                          ct.get("touch", False))
    ok = True
    for key, value, allowed in (("same_item", same, SAME_ITEM),
                                ("customer_display", shown, CUSTOMER_DISPLAY)):
        if value not in allowed:
            bad(f"counter.{key}", "config.one_of", allowed=Items(allowed), value=repr(value))
            ok = False
    if not isinstance(touch, bool):
        bad("counter.touch", "config.yes_no", value=repr(touch))
        ok = False
    if ok:
        cfg.counter = Counter(same, shown, touch)


def _check_device(dev: Mapping[str, Any], where: str, names: set[str], bad: Any) -> None:
    for key in ("name", "kind", "driver"):
        if key not in dev:
            bad(where, "config.device_missing_key", key=repr(key))
    name, kind, driver = dev.get("name"), dev.get("kind"), dev.get("driver")
    if isinstance(name, str):
        if name in names:
            bad(f"{where}.name", "config.device_name_twice", name=repr(name))
        names.add(name)
    if kind is None or driver is None:
        return
    # the device table (and the device events it names) only for a config with devices:
    # every command reads this file, most have no [[devices]] (start-up cost)
    from devices import registry

    entry = registry.find(str(kind), str(driver))
    if entry is None:
        drivers = registry.drivers_for(str(kind))
        hint = (Msg("config.drivers_for", kind=repr(kind), drivers=Items(drivers)) if drivers
                else Msg("config.kinds", kinds=Items(registry.kinds())))
        bad(f"{where}.driver", "config.no_driver", driver=repr(driver), kind=repr(kind),
            hint=hint)
        return
    for key in entry.required:
        if key not in dev:
            bad(where, "config.device_needs", kind=kind, driver=repr(driver), key=repr(key))
    for key, value in dev.items():
        k = f"{where}.{key}"
        holds = entry.keys.get(key) or registry.COMMON.get(key)
        if holds is None:
            bad(k, "config.device_unknown_key", kind=kind, driver=repr(driver))
        elif not _holds(holds, value):
            bad(k, _WRONG_VALUE[holds.name], value=repr(value))


_WRONG_VALUE = {  # by the name of the device table's registry.Value: the message's code
    "YES_NO": "config.yes_no",
    "WHOLE": "config.whole",
    "LIST": "config.list",
    "TEXT": "config.text",
    "TCP_PORT": "config.tcp_port",
    "SERIAL_PORT": "config.serial_port",
}


def _holds(kind: Value, value: Any) -> bool:
    """Whether a ``[[devices]]`` value is of the type the device table gives its key."""
    is_int = isinstance(value, int) and not isinstance(value, bool)
    if kind.name == "YES_NO":
        return isinstance(value, bool)
    if kind.name == "WHOLE":
        return is_int
    if kind.name == "LIST":
        return isinstance(value, list)
    if kind.name in ("TEXT", "SERIAL_PORT"):
        return isinstance(value, str)
    if kind.name == "TCP_PORT":
        return is_int and 0 < value < 65536
    return True


def _folder_modes(dd: Path, line: int | None) -> list[Problem]:
    """The data folder closed to other users: it and every folder in it 0700, every file
    0600 (ledger, WAL, program, keys, backups, logs); the secrets the running user's."""
    problems: list[Problem] = []
    if not dd.is_dir():
        return problems
    secrets = dd / KEY_FILE.parent
    for here, dirs, files in os.walk(dd):
        folder = Path(here)
        mode = stat.S_IMODE(folder.stat().st_mode)
        if mode & 0o077:
            problems.append(Problem("data_dir", line, Msg("config.folder_open", path=folder,
                                                          mode=f"{mode:o}")))
        for name in sorted(files):
            f = folder / name
            try:
                fst = f.stat()
            except FileNotFoundError:
                continue  # gone meanwhile (a WAL checkpointed away)
            what = "config.secret_readable" if folder == secrets else "config.file_readable"
            if fst.st_mode & 0o077:
                problems.append(Problem("data_dir", line, Msg(
                    what, path=f, mode=f"{stat.S_IMODE(fst.st_mode):o}")))
            if folder == secrets and fst.st_uid != os.geteuid():
                problems.append(Problem("data_dir", line, Msg(
                    "config.secret_owner", path=f, uid=fst.st_uid, me=os.geteuid())))
        dirs.sort()
    return problems


def _check_files(cfg: TerminalConfig) -> list[Problem]:
    problems: list[Problem] = []
    lines = key_lines(cfg.path.read_text(encoding="utf-8"))
    mode = cfg.path.stat().st_mode
    if mode & stat.S_IWOTH:
        problems.append(Problem("(file)", None, Msg("config.world_writable", path=cfg.path)))
    dd = cfg.data_dir
    if dd is not None:
        line = lines.get("data_dir")
        if not (dd / DB_FILE).exists():
            problems.append(Problem("data_dir", line, Msg("config.no_ledger", folder=dd)))
        else:
            # the ledger's facts only for `config check` (the backup module: start-up cost)
            from pos_app.core.backup import read_facts

            try:
                facts = read_facts(dd / DB_FILE)
            except PosError as e:
                problems.append(Problem("data_dir", line, e.msg))
            else:
                for key in ("store", "terminal", "franchisee"):
                    mine, theirs = getattr(cfg, key), getattr(facts, key)
                    if mine and mine != theirs:
                        problems.append(Problem(key, lines.get(key), Msg(
                            "config.other_ledger", mine=repr(mine), folder=dd, key=key,
                            theirs=repr(theirs))))
            if not os.access(dd / DB_FILE, os.W_OK) or not os.access(dd, os.W_OK):
                problems.append(Problem("data_dir", line, Msg("config.not_writable", path=dd)))
            key_file = dd / KEY_FILE
            if not key_file.exists():
                problems.append(
                    Problem("data_dir", line, Msg("config.key_missing", path=key_file))
                )
        problems += _folder_modes(dd, line)
    if cfg.log_dir is not None and cfg.log_dir.exists() and not os.access(cfg.log_dir, os.W_OK):
        problems.append(Problem("logging.dir", lines.get("logging.dir"),
                                Msg("config.not_writable", path=cfg.log_dir)))
    for i, dev in enumerate(cfg.devices, start=1):
        if not dev.get("enabled", True):
            continue
        for key in ("port", "path"):
            value = dev.get(key)
            if (
                isinstance(value, str)
                and value.startswith("/dev/")
                and dev.get("driver") in ("serial", "file")
            ):
                k = f"devices[{i}].{key}"
                if not os.path.exists(value):
                    problems.append(Problem(k, lines.get(k), Msg("config.port_missing",
                                                                 path=value)))
                elif not os.access(value, os.R_OK | os.W_OK):
                    problems.append(Problem(k, lines.get(k), Msg("config.port_access",
                                                                 path=value)))
    return problems


def log_settings(cfg: TerminalConfig | None, data_dir: Path) -> Any:
    if cfg is None:
        return LogSettings(dir=data_dir / "logs", only_in=data_dir)
    return LogSettings(
        dir=cfg.log_dir or data_dir / "logs",
        level=cfg.log_level,
        max_bytes=cfg.log_max_bytes,
        backup_count=cfg.log_backup_count,
        stderr=cfg.log_stderr,
        only_in=None if cfg.log_dir else data_dir,
    )
