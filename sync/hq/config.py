"""HQ configuration: a TOML file (``pos hq serve --config hq.toml``) and/or environment.

    [hq]
    database = "postgresql://postgres@127.0.0.1:5432/pos_hq"   # or sqlite:////srv/hq.sqlite
    lease = "2000.00"        # offline stored-value budget leased to each terminal
    skew_limit_s = 300       # device clock skew flagged at the handshake
    admin_token = "..."      # for /v1/admin/* (settlement, reports); unset: disabled
    ssl_certfile = "hq.crt"  # TLS (both or neither)
    ssl_keyfile = "hq.key"
    read_database = "postgresql://postgres@replica:5432/pos_hq"  # optional: reports from a
                             # streaming replica; read_max_lag_s = 300 (then the primary)
    batch_limit = 2000       # events per upload
    timezone = "Asia/Shanghai"  # the stores' clocks: an event's business day
    max_body_bytes = 1048576         # request body limit of every route (413 over it) ...
    max_events_body_bytes = 33554432 # ... but the terminals' event uploads
    idle_timeout_s = 10      # a connection that sends nothing is closed
    request_timeout_s = 30   # a request not all received by then: 408, closed
    keep_alive_s = 5         # an idle keep-alive connection is closed

Environment: POS_HQ_DB overrides ``database``, POS_HQ_ADMIN_TOKEN ``admin_token``,
POS_HQ_READ_DB ``read_database``.

The file is checked whole: a section other than ``[hq]``, a key HQ does not know or a
value of the wrong kind is refused with the file, the key and its line (a misplaced key
would otherwise be silently ignored). With no database configured HQ uses
``hq.sqlite`` in the folder it was started from, and says so (:attr:`HqConfig.notice`).
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, fields
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pos_app.core.errors import PosError
from pos_app.core.messages import Msg

DEFAULT_DATABASE = "sqlite:///hq.sqlite"


class HqConfigError(PosError):
    """A problem of the HQ config file, naming the file, the key and its line."""


@dataclass
class HqConfig:
    database: str = DEFAULT_DATABASE
    lease: Decimal = Decimal("2000.00")
    skew_limit_s: int = 300
    admin_token: str | None = None
    ssl_certfile: str | None = None
    ssl_keyfile: str | None = None
    batch_limit: int = 2000
    # reports, settlement reads and dashboards from a streaming replica (docs/scaling.md)
    read_database: str | None = None
    read_max_lag_s: int = 300
    # the stores' clocks: the business day HQ dates every event by (sync/hq/days.py)
    timezone: str = "Asia/Shanghai"
    max_body_bytes: int = 1024 * 1024
    max_events_body_bytes: int = 32 * 1024 * 1024
    idle_timeout_s: int = 10
    request_timeout_s: int = 30
    keep_alive_s: int = 5
    notice: str | None = None  # said once at start: what HQ fell back to

    @classmethod
    def load(cls, path: Path | None = None) -> HqConfig:
        cfg = cls()
        if path is not None:
            _read(cfg, path)
        cfg.database = os.environ.get("POS_HQ_DB", cfg.database)
        cfg.admin_token = os.environ.get("POS_HQ_ADMIN_TOKEN", cfg.admin_token)
        cfg.read_database = os.environ.get("POS_HQ_READ_DB", cfg.read_database)
        if cfg.database == DEFAULT_DATABASE:
            here = Path("hq.sqlite").resolve()
            cfg.database = f"sqlite:///{here}"
            cfg.notice = (
                f"no HQ database configured ([hq] database in the config file or "
                f"$POS_HQ_DB): using {here} in the current folder"
            )
        return cfg


_RANGES: dict[str, tuple[int, int]] = {
    "skew_limit_s": (1, 86_400), "batch_limit": (1, 100_000), "read_max_lag_s": (1, 86_400),
    "max_body_bytes": (1024, 1024**3), "max_events_body_bytes": (1024, 1024**3),
    "idle_timeout_s": (1, 3600), "request_timeout_s": (1, 3600), "keep_alive_s": (1, 3600),
}
_TEXT = ("database", "admin_token", "ssl_certfile", "ssl_keyfile", "read_database",
         "timezone")
_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?")
_ASSIGN = re.compile(r"^\s*([A-Za-z0-9_\-\"]+)\s*=")


def _lines(text: str) -> dict[str, int]:
    """Line of every table header (``hq``) and key (``hq.lease``, a top-level ``lease``)."""
    out: dict[str, int] = {}
    table = ""
    for no, line in enumerate(text.splitlines(), start=1):
        h = _HEADER.match(line)
        if h:
            table = h.group(1).strip('"')
            out.setdefault(table, no)
            continue
        a = _ASSIGN.match(line)
        if a:
            key = a.group(1).strip('"')
            out.setdefault(f"{table}.{key}" if table else key, no)
    return out


def _read(cfg: HqConfig, path: Path) -> None:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise HqConfigError("hq_config.unreadable", path=path, detail=e) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise HqConfigError("hq_config.not_toml", path=path, detail=e) from None
    lines = _lines(text)

    def fail(key: str, problem: Msg) -> HqConfigError:
        line = lines.get(key) or lines.get(key.split(".")[0])
        if line:
            return HqConfigError("hq_config.problem_at", path=path, line=line, key=key,
                                 problem=problem)
        return HqConfigError("hq_config.problem", path=path, key=key, problem=problem)

    for key, value in data.items():
        if key != "hq":
            raise fail(key, Msg("hq_config.unknown_section" if isinstance(value, dict)
                                else "hq_config.key_outside"))
    hq = data.get("hq", {})
    if not isinstance(hq, dict):
        raise fail("hq", Msg("hq_config.not_table"))
    known = {f.name for f in fields(HqConfig)} - {"notice"}
    for key, value in hq.items():
        name = f"hq.{key}"
        if key not in known:
            raise fail(name, Msg("config.unknown_key", known=", ".join(sorted(known))))
        setattr(cfg, key, _value(key, value, lambda m, n=name: fail(n, m)))
    if bool(cfg.ssl_certfile) != bool(cfg.ssl_keyfile):
        raise fail("hq.ssl_certfile", Msg("hq_config.ssl_pair"))


def _value(key: str, value: Any, fail: Any) -> Any:
    if key in _TEXT:
        if not isinstance(value, str) or not value.strip():
            raise fail(Msg("hq_config.text", value=repr(value)))
        if key == "timezone" and not _known_zone(value):
            raise fail(Msg("hq_config.timezone", value=repr(value)))
        return value
    if key == "lease":
        try:
            d = Decimal(str(value)) if isinstance(value, str) else None
        except InvalidOperation:
            d = None
        if d is None or not d.is_finite() or not 0 <= d <= Decimal("1000000.00") or (
                d != d.quantize(Decimal("0.01"))):
            raise fail(Msg("hq_config.yuan", value=repr(value)))
        return d.quantize(Decimal("0.01"))
    lo, hi = _RANGES[key]
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise fail(Msg("hq_config.whole", low=lo, high=hi, value=repr(value)))
    return value


def _known_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True
