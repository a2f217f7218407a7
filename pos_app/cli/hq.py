"""``pos hq ...``: run and administer the HQ service (``sync.hq``): serve, register a
terminal, publish master data, settle franchisees, reports, alerts, verify the books.
Each command opens HQ's database from its config (``--config`` or ``$POS_HQ_CONFIG``)
and brings its schema up to date first."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from pos_app.cli.errors import EXIT_OK, EXIT_PROBLEMS, refuse
from pos_app.cli.output import print_json
from pos_app.cli.parser import subcommands
from pos_app.core import catalog
from pos_app.core.errors import PosError
from pos_app.core.program import load_program
from sync.hq import days, limits, partitions, reports, settlement
from sync.hq.config import HqConfig
from sync.hq.db import make_engine, migrate, sessions
from sync.hq.figures import next_month, refresh_stale
from sync.hq.office import access
from sync.hq.reads import Reads
from sync.hq.service import alerts, publish_master, register_terminal, rotate_pii_key
from sync.hq.verify import verify


def add_hq(parser: argparse.ArgumentParser) -> None:
    hq = subcommands(parser, dest="hq_cmd")
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
    x = hq.add_parser("rotate-pii-key", help="a new version of the chain's personal-data key: "
                      "HQ's member copies sealed with it now, each terminal at its next sync")
    x.add_argument("--config", type=Path, default=None)
    x.set_defaults(func=cmd_hq_rotate_pii_key, needs_terminal=False)
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
    x.add_argument("--status", choices=("open", "acknowledged", "resolved"), default=None)
    x.set_defaults(func=cmd_hq_alerts, needs_terminal=False)
    x = hq.add_parser("refresh-figures", help="recompute stale member figures per store "
                      "and month (nightly)")
    x.add_argument("--config", type=Path, default=None)
    x.add_argument("--month", action="append", default=None,
                   help="YYYY-MM (default: this month and the last)")
    x.set_defaults(func=cmd_hq_refresh_figures, needs_terminal=False)
    x = hq.add_parser("user", help="back-office logins").add_subparsers(dest="user_cmd",
                                                                       required=True)
    x = x.add_parser("add", help="add a back-office login (password from $POS_HQ_PASSWORD "
                     "or asked)")
    x.add_argument("--config", type=Path, default=None)
    x.add_argument("--login", required=True)
    x.add_argument("--name", default="")
    x.add_argument("--role", required=True,
                   choices=("admin", "program_manager", "accountant", "store_manager",
                            "auditor"))
    x.add_argument("--franchisee", default=None, help="an accountant's franchisee")
    x.add_argument("--stores", default="", help="a store manager's stores, space-separated")
    x.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN")
    x.set_defaults(func=cmd_hq_user_add, needs_terminal=False)
    x = hq.add_parser("partitions", help="monthly partitions of HQ's figures, events, ledger "
                      "entries, sales and settlement items (PostgreSQL): make the months "
                      "ahead, or detach an old month for archive")
    x.add_argument("--config", type=Path, default=None)
    x.add_argument("--ahead", type=int, default=None, help="months ahead to make (default 3)")
    x.add_argument("--detach", default=None, metavar="YYYY-MM",
                   help="detach this month's partitions (kept as tables, to dump and drop)")
    x.set_defaults(func=cmd_hq_partitions, needs_terminal=False)
    x = hq.add_parser("verify", help="prove HQ's books: debits equal credits per unit")
    x.add_argument("--config", type=Path, default=None)
    x.set_defaults(func=cmd_hq_verify, needs_terminal=False)


def _config(args: argparse.Namespace) -> HqConfig:
    """HQ's config (``--config``, else ``$POS_HQ_CONFIG``), refused whole with file, key
    and line when anything in it is wrong; a fallback database is said on stderr."""
    env = os.environ.get("POS_HQ_CONFIG")
    path = args.config or (Path(env) if env else None)
    cfg = HqConfig.load(path)  # an HqConfigError (a PosError) names file, line and key
    days.use(cfg.timezone)  # reports and settlement date events as the service does
    if cfg.notice:
        print(f"pos: hq: {cfg.notice}", file=sys.stderr)
    return cfg


def _engine(args: argparse.Namespace) -> Any:
    cfg = _config(args)
    engine = make_engine(cfg.database)
    migrate(engine)
    return cfg, engine


def cmd_hq_serve(args: argparse.Namespace) -> int:
    import uvicorn

    cfg, engine = _engine(args)  # migrations run once, before the workers start
    with engine.begin() as conn:  # this month's partitions and the next ones
        partitions.ensure(conn)
    engine.dispose()
    if args.config is not None:
        os.environ["POS_HQ_CONFIG"] = str(args.config.resolve())
    os.environ["POS_HQ_DB"] = cfg.database
    os.environ[limits.IDLE_ENV] = str(cfg.idle_timeout_s)
    os.environ[limits.REQUEST_ENV] = str(cfg.request_timeout_s)
    uvicorn.run(
        "sync.hq.app:from_env",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        ssl_certfile=cfg.ssl_certfile,
        ssl_keyfile=cfg.ssl_keyfile,
        log_level="warning",
        # no access log: at this level uvicorn would still format each request's line
        # (client address, quoted path) only to drop it
        access_log=False,
        # idle and slow clients: closed on timers (sync/hq/limits.py)
        http=limits.PROTOCOL,
        timeout_keep_alive=cfg.keep_alive_s,
        h11_max_incomplete_event_size=64 * 1024,  # a request head's most bytes
    )
    return EXIT_OK


def cmd_hq_register(args: argparse.Namespace) -> int:
    cfg, engine = _engine(args)
    lease = Decimal(args.lease) if args.lease else cfg.lease
    key, token = register_terminal(engine, args.franchisee, args.store, args.terminal, lease)
    print_json({"terminal": key, "token": token})
    return EXIT_OK


def cmd_hq_rotate_pii_key(args: argparse.Namespace) -> int:
    _cfg, engine = _engine(args)
    print_json(rotate_pii_key(engine, "pos hq rotate-pii-key"))
    return EXIT_OK


def cmd_hq_publish(args: argparse.Namespace) -> int:
    _cfg, engine = _engine(args)
    out = {}
    if args.program:
        load_program(args.program)  # refuse a program the terminals could not load
        out["program"] = publish_master(engine, "program", args.program.read_text("utf-8"))
    if args.catalog:
        text = args.catalog.read_text("utf-8")
        catalog.parse_rows(text)
        out["catalog"] = publish_master(engine, "catalog", text)
    print_json(out)
    return EXIT_OK


def cmd_hq_settle(args: argparse.Namespace) -> int:
    cfg, engine = _engine(args)
    reads = Reads.of(engine, cfg.read_database, cfg.read_max_lag_s)
    with reads.session() as (s, fresh):
        rep = settlement.settle(s, args.start.isoformat(), args.end.isoformat())
    reads.dispose()
    if args.format == "csv":
        sys.stdout.write(settlement.to_csv(rep))
    else:
        print_json({**rep, "freshness": fresh.as_dict()})
    return EXIT_OK


def cmd_hq_report(args: argparse.Namespace) -> int:
    cfg, engine = _engine(args)
    reads = Reads.of(engine, cfg.read_database, cfg.read_max_lag_s)
    with reads.session() as (s, fresh):
        rep = reports.daily(s, args.date)
    reads.dispose()
    if args.format == "csv":
        sys.stdout.write(reports.to_csv(rep))
    else:
        print_json({**rep, "freshness": fresh.as_dict()})
    return EXIT_OK


def cmd_hq_partitions(args: argparse.Namespace) -> int:
    import re

    if args.detach is not None and not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", args.detach):
        return refuse(PosError("hq.bad_month", option="--detach", value=args.detach), args)
    if args.ahead is not None and not 0 <= args.ahead <= 36:
        return refuse(PosError("hq.bad_ahead", value=args.ahead), args)
    _cfg, engine = _engine(args)
    with engine.begin() as conn:
        made = partitions.ensure(conn, partitions.AHEAD if args.ahead is None else args.ahead)
        detached = partitions.detach(conn, args.detach) if args.detach else []
        print_json({**partitions.status(conn), "made": made, "detached": detached})
    return EXIT_OK


def cmd_hq_verify(args: argparse.Namespace) -> int:
    _cfg, engine = _engine(args)
    with sessions(engine)() as s:
        problems = verify(s)
    print_json({"ok": not problems, "problems": problems})
    return EXIT_PROBLEMS if problems else EXIT_OK


def cmd_hq_alerts(args: argparse.Namespace) -> int:
    _cfg, engine = _engine(args)
    with sessions(engine)() as s:
        print_json({"alerts": alerts(s, args.since, args.status)})
    return EXIT_OK


def cmd_hq_refresh_figures(args: argparse.Namespace) -> int:
    import re
    from datetime import datetime
    from zoneinfo import ZoneInfo

    months = args.month
    if not months:
        now = datetime.now(ZoneInfo("Asia/Shanghai"))
        last = f"{now.year - (now.month == 1):04d}-{(now.month - 2) % 12 + 1:02d}"
        months = [last, next_month(last)]
    bad = [m for m in months if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", m)]
    if bad:
        return refuse(PosError("hq.bad_month", option="--month", value=bad[0]), args)
    _cfg, engine = _engine(args)
    with sessions(engine)() as s, s.begin():
        done = refresh_stale(s, months)
    with engine.begin() as conn:  # the nightly job also makes the months ahead
        made = partitions.ensure(conn)
    print_json({"months": months, "store_months_computed": done, "partitions_made": made})
    return EXIT_OK


def cmd_hq_user_add(args: argparse.Namespace) -> int:
    from getpass import getpass

    password = os.environ.get("POS_HQ_PASSWORD") or getpass("password: ")
    _cfg, engine = _engine(args)
    try:
        with sessions(engine)() as s, s.begin():
            u = access.add_user(s, args.login, args.name, args.role, password,
                                franchisee=args.franchisee, stores=args.stores, lang=args.lang)
            access.audit(s, "pos hq user add", "user_added", u.login, u.role)
    except ValueError as e:
        return refuse(str(e))
    print_json({"login": u.login, "role": u.role, "franchisee": u.franchisee,
                "stores": u.stores.split()})
    return EXIT_OK
