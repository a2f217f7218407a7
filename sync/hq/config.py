"""HQ configuration: a TOML file (``pos hq serve --config hq.toml``) and/or environment.

    [hq]
    database = "postgresql://postgres@127.0.0.1:5432/pos_hq"   # default: sqlite:///hq.sqlite
    lease = "2000.00"        # offline stored-value budget leased to each terminal
    skew_limit_s = 300       # device clock skew flagged at the handshake
    admin_token = "..."      # for /v1/admin/* (settlement, reports); unset: disabled
    ssl_certfile = "hq.crt"  # TLS (both or neither)
    ssl_keyfile = "hq.key"
    read_database = "postgresql://postgres@replica:5432/pos_hq"  # optional: reports from a
                             # streaming replica; read_max_lag_s = 300 (then the primary)

Environment: POS_HQ_DB overrides ``database``, POS_HQ_ADMIN_TOKEN ``admin_token``,
POS_HQ_READ_DB ``read_database``.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path


@dataclass
class HqConfig:
    database: str = "sqlite:///hq.sqlite"
    lease: Decimal = Decimal("2000.00")
    skew_limit_s: int = 300
    admin_token: str | None = None
    ssl_certfile: str | None = None
    ssl_keyfile: str | None = None
    batch_limit: int = 2000
    # reports, settlement reads and dashboards from a streaming replica (docs/scaling.md)
    read_database: str | None = None
    read_max_lag_s: int = 300

    @classmethod
    def load(cls, path: Path | None = None) -> HqConfig:
        cfg = cls()
        if path is not None:
            data = tomllib.loads(path.read_text("utf-8")).get("hq", {})
            for k, v in data.items():
                if not hasattr(cfg, k):
                    raise ValueError(f"{path}: unknown key hq.{k}")
                setattr(cfg, k, Decimal(v) if k == "lease" else v)
        cfg.database = os.environ.get("POS_HQ_DB", cfg.database)
        cfg.admin_token = os.environ.get("POS_HQ_ADMIN_TOKEN", cfg.admin_token)
        cfg.read_database = os.environ.get("POS_HQ_READ_DB", cfg.read_database)
        return cfg
