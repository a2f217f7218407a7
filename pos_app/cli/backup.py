"""``pos backup`` and ``pos restore``: online backups of the ledger (SQLite backup API)
and putting one back (a new epoch: a rewind for sync). See docs/operations.md."""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pos_app.cli.context import load_config
from pos_app.cli.language import tr
from pos_app.cli.output import emit
from pos_app.core import backup as backupmod
from pos_app.core import rights
from pos_app.core.errors import PosError
from pos_app.core.terminal import DB_FILE

if TYPE_CHECKING:
    from pos_app.core.rights import Operator


def add_backup(x: argparse.ArgumentParser) -> None:
    x.add_argument("--to", help="write this file (default: DATA/backups/pos-...sqlite)")
    x.add_argument("--keep", type=int, help="keep the newest N regular backups (default: config)")
    x.add_argument("--if-due", action="store_true",
                   help="only if the newest backup is older than the interval (the timer)")
    x.add_argument("--interval-minutes", type=int, help="interval for --if-due (default: config)")
    x.add_argument("--config", help="the terminal's config file")
    x.add_argument("--list", action="store_true", help="list the backups")
    x.set_defaults(func=cmd_backup, needs_terminal=False)


def add_restore(x: argparse.ArgumentParser) -> None:
    x.add_argument("file")
    x.add_argument("--force", action="store_true",
                   help="restore a file of another store/terminal or key anyway")
    x.add_argument("--yes", action="store_true", help="do not ask")
    x.set_defaults(func=cmd_restore, needs_terminal=False)


def _require_ledger(data_dir: Path) -> None:
    if not (data_dir / DB_FILE).exists():
        raise PosError("terminal.no_ledger", folder=data_dir)


def cmd_backup(args: argparse.Namespace) -> int:
    data_dir = Path(args.data_dir)
    if args.list:
        files = backupmod.list_backups(data_dir)
        extra = sorted(backupmod.backup_dir(data_dir).glob("pre-*.sqlite")) if files or (
            backupmod.backup_dir(data_dir).is_dir()
        ) else []
        listing = [
            {"file": str(p), "bytes": p.stat().st_size, "kind": "regular"} for p in files
        ] + [{"file": str(p), "bytes": p.stat().st_size, "kind": p.name.split("-")[1]}
             for p in extra]
        emit(args, listing, lambda: print("\n".join(
            f"{d['kind']:<8} {d['bytes']:>10}  {d['file']}" for d in listing)
        or tr("out.no_backups")))
        return 0
    _require_ledger(data_dir)
    _who(args, data_dir, "backup")
    cfg = load_config(args.config) if args.config else load_config(None)
    keep = args.keep if args.keep is not None else (cfg.backup_keep if cfg else None)
    interval = (
        timedelta(minutes=args.interval_minutes)
        if args.interval_minutes is not None
        else (cfg.backup_interval if cfg else timedelta(hours=1))
    )
    if args.if_due and not backupmod.due(data_dir, interval):
        data: Any = {"file": None, "skipped": "not due", "interval_minutes":
                     int(interval.total_seconds() // 60)}
        emit(args, data, lambda: print(tr("out.backup_not_due")))
        return 0
    out = backupmod.backup(data_dir, Path(args.to) if args.to else None)
    pruned = backupmod.prune(data_dir, keep) if keep and not args.to else []
    data = {"file": str(out), "bytes": out.stat().st_size, "pruned": [str(p) for p in pruned]}
    emit(args, data, lambda: print(
        tr("out.backup_written_pruned", file=out, count=len(pruned)) if pruned
        else tr("out.backup_written", file=out)))
    return 0


def _who(args: argparse.Namespace, data_dir: Path, action: str) -> Operator:
    """Who backs up or restores, checked against the rights table. A restore erases
    whatever came after the backup: a manager named with --staff, PIN checked on the
    live ledger; the console only while that ledger has no manager yet, or where there is
    no live ledger to rewind. The console's backup (the timer) opens no ledger here."""
    if not (args.staff or args.approver) and rights.may(rights.CONSOLE, action):
        return rights.CONSOLE
    if not (data_dir / DB_FILE).exists():
        return rights.CONSOLE
    # the ledger's modules only to check a PIN (pos backup from the timer needs none)
    from pos_app.cli.operator import operator
    from pos_app.core.staff import has_manager
    from pos_app.core.terminal import Terminal

    t = Terminal.open(data_dir)
    try:
        with t.read() as s:
            setup = not has_manager(s)
        who, _ = operator(args, t, action, setup=setup)
    finally:
        t.close()
    return who


def cmd_restore(args: argparse.Namespace) -> int:
    data_dir = Path(args.data_dir)
    source = Path(args.file)
    facts = backupmod.read_facts(source)
    who = _who(args, data_dir, "restore")
    if not args.yes and sys.stdin.isatty():
        print(
            tr("out.restore_ask", file=source, franchisee=facts.franchisee, store=facts.store,
               terminal=facts.terminal, journals=facts.journals, last=facts.last_recorded_at,
               folder=data_dir),
            end="",
            file=sys.stderr,
            flush=True,
        )
        if sys.stdin.readline().strip().lower() != "yes":
            raise PosError("cli.restore_cancelled")
    res = backupmod.restore(data_dir, source, force=args.force, who=who)
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
    emit(args, data, lambda: print(
        tr("out.restored_kept", file=res.source, folder=data_dir, epoch=res.epoch,
           kept=res.safety_backup) if res.safety_backup
        else tr("out.restored", file=res.source, folder=data_dir, epoch=res.epoch)))
    return 0
