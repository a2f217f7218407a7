"""`pos sync ...` (terminal side) and `pos hq ...` (HQ side) commands."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select


def add_commands(sub: Any) -> None:
    sp = sub.add_parser("sync", help="sync this terminal with HQ (upload, then download)")
    sp.add_argument("--watch", action="store_true", help="keep syncing (automatic sync)")
    sp.add_argument("--interval", type=float, default=15.0)
    sp.set_defaults(func=cmd_sync)
    ssub = sp.add_subparsers(dest="sync_cmd", required=False)
    x = ssub.add_parser("register", help="register this terminal with HQ")
    x.add_argument("--hq", required=True, help="HQ URL, e.g. https://hq.example.com")
    x.add_argument("--token", default=None, help="token from 'pos hq register-terminal' "
                   "(default: $POS_HQ_TOKEN)")
    x.add_argument("--ca", default=None, help="CA bundle to check HQ's TLS certificate")
    x.set_defaults(func=cmd_sync_register)
    x = ssub.add_parser("status", help="link state, events waiting, offline budget")
    x.set_defaults(func=cmd_sync_status)

    hq = sub.add_parser("hq", help="the HQ service").add_subparsers(dest="hq_cmd", required=True)
    x = hq.add_parser("serve", help="run the HQ web service")
    x.add_argument("--config", type=Path, default=None)
    x.add_argument("--host", default="127.0.0.1")
    x.add_argument("--port", type=int, default=8080)
    x.add_argument("--workers", type=int, default=1)
    x.set_defaults(func=cmd_hq_serve, needs_terminal=False)
    x = hq.add_parser("register-terminal", help="register a terminal; prints its token once")
    x.add_argument("--config", type=Path, default=None)
    x.add_argument("--store", required=True)
    x.add_argument("--terminal", required=True)
    x.add_argument("--franchisee", required=True)
    x.add_argument("--lease", default=None, help="offline budget in yuan (default: config)")
    x.set_defaults(func=cmd_hq_register, needs_terminal=False)
    x = hq.add_parser("publish", help="publish master data (program, catalog) to terminals")
    x.add_argument("--config", type=Path, default=None)
    x.add_argument("--program", type=Path, default=None)
    x.add_argument("--catalog", type=Path, default=None)
    x.set_defaults(func=cmd_hq_publish, needs_terminal=False)
    x = hq.add_parser("settle", help="franchisee settlement for a period")
    x.add_argument("--config", type=Path, default=None)
    x.add_argument("--start", required=True, type=date.fromisoformat)
    x.add_argument("--end", required=True, type=date.fromisoformat)
    x.add_argument("--format", choices=("json", "csv"), default="json")
    x.set_defaults(func=cmd_hq_settle, needs_terminal=False)
    x = hq.add_parser("report", help="daily sales and VIP figures per store")
    x.add_argument("--config", type=Path, default=None)
    x.add_argument("--date", required=True, type=date.fromisoformat)
    x.add_argument("--format", choices=("json", "csv"), default="json")
    x.set_defaults(func=cmd_hq_report, needs_terminal=False)
    x = hq.add_parser("alerts", help="HQ's alerts (overdrafts, rewinds, quarantines...)")
    x.add_argument("--config", type=Path, default=None)
    x.add_argument("--since", type=int, default=0)
    x.set_defaults(func=cmd_hq_alerts, needs_terminal=False)
    x = hq.add_parser("verify", help="prove HQ's books: debits equal credits per unit")
    x.add_argument("--config", type=Path, default=None)
    x.set_defaults(func=cmd_hq_verify, needs_terminal=False)


def _print(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


# --- terminal side ----------------------------------------------------------------------


def cmd_sync(args: argparse.Namespace, t: Any) -> int:
    from sync.client import AutoSync, SyncError, sync_with_retry

    if args.watch:
        auto = AutoSync(t, interval=args.interval)
        try:
            auto.run()
        except KeyboardInterrupt:
            return 0
        return 0
    try:
        rep = sync_with_retry(t)
    except SyncError as e:
        print(f"pos: sync: {e}", file=sys.stderr)
        return 1
    _print(rep.__dict__)
    return 1 if rep.problems else 0


def cmd_sync_register(args: argparse.Namespace, t: Any) -> int:
    from sync.client import register

    token = args.token or os.environ.get("POS_HQ_TOKEN")
    if not token:
        print("pos: sync register needs --token or $POS_HQ_TOKEN", file=sys.stderr)
        return 2
    out = register(t, args.hq.rstrip("/"), token, verify=args.ca or True)
    _print(out)
    return 0


def cmd_sync_status(args: argparse.Namespace, t: Any) -> int:
    from pos_app.core import offline
    from pos_app.core.models import OutboxEvent

    with t.read() as s:
        st = offline.state(s)
        waiting = s.scalar(select(func.count(OutboxEvent.id)).where(
            OutboxEvent.status == "pending")) or 0
        out: dict[str, Any] = {"registered": st is not None, "waiting": waiting}
        if st is not None:
            out.update(
                link=st.link,
                offline=offline.is_offline(st, t.now()),
                last_ok_at=st.last_ok_at,
                last_error=st.last_error,
                offline_budget_left=str(offline.lease_left(s, st)),
                checkpoint=st.checkpoint,
            )
    _print(out)
    return 0


# --- HQ side ------------------------------------------------------------------------------


def _engine(args: argparse.Namespace) -> Any:
    from sync.hq.config import HqConfig
    from sync.hq.db import make_engine, migrate

    cfg = HqConfig.load(args.config)
    engine = make_engine(cfg.database)
    migrate(engine)
    return cfg, engine


def cmd_hq_serve(args: argparse.Namespace) -> int:
    import uvicorn

    cfg, engine = _engine(args)  # migrations run once, before the workers start
    engine.dispose()
    if args.config is not None:
        os.environ["POS_HQ_CONFIG"] = str(args.config.resolve())
    os.environ["POS_HQ_DB"] = cfg.database
    uvicorn.run(
        "sync.hq.app:from_env",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        ssl_certfile=cfg.ssl_certfile,
        ssl_keyfile=cfg.ssl_keyfile,
        log_level="warning",
    )
    return 0


def cmd_hq_register(args: argparse.Namespace) -> int:
    from sync.hq.service import register_terminal

    cfg, engine = _engine(args)
    lease = Decimal(args.lease) if args.lease else cfg.lease
    key, token = register_terminal(engine, args.franchisee, args.store, args.terminal, lease)
    _print({"terminal": key, "token": token})
    return 0


def cmd_hq_publish(args: argparse.Namespace) -> int:
    from pos_app.core import catalog
    from pos_app.core.program import load_program
    from sync.hq.service import publish_master

    _cfg, engine = _engine(args)
    out = {}
    if args.program:
        load_program(args.program)  # refuse a program the terminals could not load
        out["program"] = publish_master(engine, "program", args.program.read_text("utf-8"))
    if args.catalog:
        text = args.catalog.read_text("utf-8")
        catalog.parse_rows(text)
        out["catalog"] = publish_master(engine, "catalog", text)
    _print(out)
    return 0


def cmd_hq_settle(args: argparse.Namespace) -> int:
    from sync.hq import settlement
    from sync.hq.db import sessions

    _cfg, engine = _engine(args)
    with sessions(engine)() as s:
        rep = settlement.settle(s, args.start.isoformat(), args.end.isoformat())
    if args.format == "csv":
        sys.stdout.write(settlement.to_csv(rep))
    else:
        _print(rep)
    return 0


def cmd_hq_report(args: argparse.Namespace) -> int:
    from sync.hq import reports
    from sync.hq.db import sessions

    _cfg, engine = _engine(args)
    with sessions(engine)() as s:
        rep = reports.daily(s, args.date)
    if args.format == "csv":
        sys.stdout.write(reports.to_csv(rep))
    else:
        _print(rep)
    return 0


def cmd_hq_verify(args: argparse.Namespace) -> int:
    from sync.hq.db import sessions
    from sync.hq.verify import verify

    _cfg, engine = _engine(args)
    with sessions(engine)() as s:
        problems = verify(s)
    _print({"ok": not problems, "problems": problems})
    return 1 if problems else 0


def cmd_hq_alerts(args: argparse.Namespace) -> int:
    from sync.hq.db import sessions
    from sync.hq.service import alerts

    _cfg, engine = _engine(args)
    with sessions(engine)() as s:
        _print({"alerts": alerts(s, args.since)})
    return 0
