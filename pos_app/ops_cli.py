"""Operations commands of ``pos``: ``backup``, ``restore``, ``config check``; and
:func:`install`, which every command runs through: it finds the terminal's config file
(``pos_app.config``), takes the data folder from it when none was given, and sets up
the JSON log (``pos_app.logging_setup``) with one ``command`` record per run."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from pos_app import config as configmod
from pos_app.core import backup as backupmod
from pos_app.core.errors import PosError

log = logging.getLogger("pos.cli")

EXIT_PROBLEMS = 2
LONG_RUNNING = {"app", "hq serve", "sync"}  # their start is logged too


def _data_dir(args: argparse.Namespace) -> Path:
    return Path(args.data_dir)


def _load_config(explicit: str | None) -> configmod.TerminalConfig | None:
    path = configmod.find(explicit)
    if path is None:
        return None
    try:
        return configmod.load(path)
    except configmod.ConfigError as e:
        raise PosError(str(e)) from None


# --- every command ----------------------------------------------------------------------------


def install(args: argparse.Namespace) -> None:
    """Before a command runs: the config file's data folder (when neither --data-dir nor
    $POS_DATA_DIR is given) and the log. A broken config file stops every command except
    ``config check`` (which explains it)."""
    parts = [getattr(args, k, None) for k in ("cmd", "sub", "hq_cmd", "sync_cmd")]
    cmd = " ".join(str(x) for x in parts if x)
    cfg = None
    if cmd.startswith("hq"):
        # HQ's commands do not depend on a terminal's config; use it for the log if it is good
        try:
            cfg = _load_config(None)
        except PosError:
            cfg = None
    elif cmd != "config check":
        cfg = _load_config(None)
    if args.data_dir is None and not os.environ.get("POS_DATA_DIR") and cfg and cfg.data_dir:
        args.data_dir = cfg.data_dir
    if args.data_dir is None:
        from pos_app.cli import default_data_dir

        data_dir = default_data_dir()
    else:
        data_dir = Path(args.data_dir)
    _refuse_root_on_a_users_folder(data_dir, cmd)
    from pos_app import logging_setup

    logging_setup.setup(configmod.log_settings(cfg, data_dir))
    func = getattr(args, "func", None)
    if func is not None:
        args.func = _logged(func, cmd)


def _refuse_root_on_a_users_folder(data_dir: Path, cmd: str) -> None:
    """root must not write into the service user's data folder: files it makes there
    (the WAL, backups, logs) would lock the terminal out of its own ledger."""
    if os.geteuid() != 0 or cmd == "config check":
        return
    try:
        owner = data_dir.stat().st_uid
    except OSError:
        return
    if owner != 0:
        import pwd

        try:
            name = pwd.getpwuid(owner).pw_name
        except KeyError:
            name = str(owner)
        raise PosError(
            f"{data_dir} belongs to user {name!r}: run the command as that user "
            f"(sudo -u {name} pos ...), not as root"
        )


def _logged(func: Callable[..., int], cmd: str) -> Callable[..., int]:
    def run(*a: Any) -> int:
        started = time.perf_counter()
        if cmd in LONG_RUNNING:
            log.info("command started", extra={"event": "command_started", "command": cmd})
        code: int | None = None
        error = None
        try:
            code = int(func(*a))
            return code
        except Exception as e:
            error = f"{type(e).__name__}: {e}"
            raise
        finally:
            extra: dict[str, Any] = {
                "event": "command",
                "command": cmd,
                "exit": code,
                "ms": round((time.perf_counter() - started) * 1000),
            }
            if error:
                extra["error"] = " ".join(error.split())
            log.log(logging.INFO if code == 0 else logging.WARNING, "command done", extra=extra)

    return run


# --- backup and restore -----------------------------------------------------------------------


def _require_ledger(data_dir: Path) -> None:
    from pos_app.core.terminal import DB_FILE

    if not (data_dir / DB_FILE).exists():
        raise PosError(f"{data_dir} has no terminal ledger: run 'pos init' first")


def cmd_backup(args: argparse.Namespace) -> int:
    data_dir = _data_dir(args)
    if args.list:
        files = backupmod.list_backups(data_dir)
        extra = sorted(backupmod.backup_dir(data_dir).glob("pre-*.sqlite")) if files or (
            backupmod.backup_dir(data_dir).is_dir()
        ) else []
        listing = [
            {"file": str(p), "bytes": p.stat().st_size, "kind": "regular"} for p in files
        ] + [{"file": str(p), "bytes": p.stat().st_size, "kind": p.name.split("-")[1]}
             for p in extra]
        _emit(args, listing, lambda: print("\n".join(
            f"{d['kind']:<8} {d['bytes']:>10}  {d['file']}" for d in listing) or "no backups"))
        return 0
    _require_ledger(data_dir)
    cfg = _load_config(args.config) if args.config else _load_config(None)
    keep = args.keep if args.keep is not None else (cfg.backup_keep if cfg else None)
    interval = (
        timedelta(minutes=args.interval_minutes)
        if args.interval_minutes is not None
        else (cfg.backup_interval if cfg else timedelta(hours=1))
    )
    if args.if_due and not backupmod.due(data_dir, interval):
        data: Any = {"file": None, "skipped": "not due", "interval_minutes":
                     int(interval.total_seconds() // 60)}
        _emit(args, data, lambda: print("backup not due yet"))
        return 0
    out = backupmod.backup(data_dir, Path(args.to) if args.to else None)
    pruned = backupmod.prune(data_dir, keep) if keep and not args.to else []
    data = {"file": str(out), "bytes": out.stat().st_size, "pruned": [str(p) for p in pruned]}
    _emit(args, data, lambda: print(f"backup written: {out}"
                                    + (f" ({len(pruned)} old backup(s) deleted)" if pruned
                                       else "")))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    data_dir = _data_dir(args)
    source = Path(args.file)
    facts = backupmod.read_facts(source)
    if not args.yes and sys.stdin.isatty():
        print(
            f"Restore {source} ({facts.franchisee}/{facts.store}/{facts.terminal}, "
            f"{facts.journals} transactions, last at {facts.last_recorded_at}) into "
            f"{data_dir}? Sync will treat this as a rewind. Stop the terminal app first. "
            "Type yes: ",
            end="",
            file=sys.stderr,
            flush=True,
        )
        if sys.stdin.readline().strip().lower() != "yes":
            raise PosError("restore cancelled; nothing was changed")
    res = backupmod.restore(data_dir, source, force=args.force)
    print(res.warning, file=sys.stderr)
    data = {
        "restored": str(res.source),
        "store": res.facts.store,
        "terminal": res.facts.terminal,
        "journals": res.facts.journals,
        "epoch": res.epoch,
        "safety_backup": str(res.safety_backup) if res.safety_backup else None,
        "warning": res.warning,
    }
    _emit(args, data, lambda: print(
        f"restored {res.source} into {data_dir}; epoch {res.epoch}"
        + (f"; the ledger as it was is kept in {res.safety_backup}" if res.safety_backup else "")
    ))
    return 0


# --- config ---------------------------------------------------------------------------------


def cmd_config_check(args: argparse.Namespace) -> int:
    path = configmod.find(args.config)
    if path is None:
        places = ", ".join(str(p) for p in configmod.candidates())
        raise PosError(f"no config file: give --config FILE or $POS_CONFIG, or write one of "
                       f"{places}")
    cfg, problems = configmod.check(path)
    data = {
        "file": str(path),
        "ok": not problems,
        "problems": [{"key": p.key, "line": p.line, "message": p.message} for p in problems],
        "devices": len(cfg.devices) if cfg else 0,
    }

    def human() -> None:
        if not problems:
            print(f"{path}: config ok ({data['devices']} device(s))")
        for p in problems:
            where = f"{path}:{p.line}" if p.line else str(path)
            print(f"{where}: {p.key}: {p.message}")
        if problems:
            print(f"{len(problems)} problem(s)", file=sys.stderr)

    _emit(args, data, human)
    return 0 if not problems else EXIT_PROBLEMS


def _emit(args: argparse.Namespace, data: Any, human: Callable[[], None]) -> None:
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        human()


# --- the parser -----------------------------------------------------------------------------


def add_commands(sub: Any) -> None:
    parser_class = sub._parser_class
    x = sub.add_parser("backup", help="back up the ledger (online, SQLite backup API)")
    x.add_argument("--to", help="write this file (default: DATA/backups/pos-...sqlite)")
    x.add_argument("--keep", type=int, help="keep the newest N regular backups (default: config)")
    x.add_argument("--if-due", action="store_true",
                   help="only if the newest backup is older than the interval (the timer)")
    x.add_argument("--interval-minutes", type=int, help="interval for --if-due (default: config)")
    x.add_argument("--config", help="the terminal's config file")
    x.add_argument("--list", action="store_true", help="list the backups")
    x.set_defaults(func=cmd_backup, needs_terminal=False)

    x = sub.add_parser("restore", help="put a backup back as the ledger (a rewind for sync)")
    x.add_argument("file")
    x.add_argument("--force", action="store_true",
                   help="restore a file of another store/terminal or key anyway")
    x.add_argument("--yes", action="store_true", help="do not ask")
    x.set_defaults(func=cmd_restore, needs_terminal=False)

    cfg = sub.add_parser("config", help="the terminal's config file").add_subparsers(
        dest="sub", required=True, parser_class=parser_class
    )
    x = cfg.add_parser("check", help="list every problem of the config file")
    x.add_argument("--config", help="the file (default: $POS_CONFIG or the config folders)")
    x.set_defaults(func=cmd_config_check, needs_terminal=False)
