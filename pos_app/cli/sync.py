"""``pos sync`` (upload, then download; ``--watch`` keeps syncing), ``pos sync register``
and ``pos sync status``: the terminal's side of sync with HQ (``sync.client``)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from sqlalchemy import func, select

from pos_app.cli.errors import EXIT_OK, EXIT_PROBLEMS, refuse
from pos_app.cli.language import tr
from pos_app.cli.operator import operator
from pos_app.cli.output import print_json
from pos_app.cli.parser import subcommands
from pos_app.core import offline
from pos_app.core.errors import PosError
from pos_app.core.messages import Msg
from pos_app.core.models import OutboxEvent
from pos_app.core.terminal import Terminal
from sync.client import AutoSync, SyncError, register, sync_with_retry


def add_sync(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("--watch", action="store_true", help="keep syncing (automatic sync)")
    sp.add_argument("--interval", type=float, default=15.0)
    sp.set_defaults(func=cmd_sync)
    ssub = subcommands(sp, dest="sync_cmd", required=False)
    x = ssub.add_parser("register", help="register this terminal with HQ")
    x.add_argument("--hq", required=True, help="HQ URL, e.g. https://hq.example.com")
    x.add_argument("--token", default=None, help="token from 'pos hq register-terminal' "
                   "(default: $POS_HQ_TOKEN)")
    x.add_argument("--ca", default=None, help="CA bundle to check HQ's TLS certificate")
    x.set_defaults(func=cmd_sync_register)
    x = ssub.add_parser("status", help="link state, events waiting, offline budget")
    x.set_defaults(func=cmd_sync_status)


def cmd_sync(args: argparse.Namespace, t: Terminal) -> int:
    operator(args, t, "sync")
    if args.watch:
        auto = AutoSync(t, interval=args.interval)
        try:
            auto.run()
        except KeyboardInterrupt:
            return EXIT_OK
        return EXIT_OK
    try:
        rep = sync_with_retry(t)
    except SyncError as e:
        # the one line in the chosen language; exit 1 (sync could not finish), not 2
        refuse(PosError(Msg("sync.failed", problem=e.msg)), args)
        return EXIT_PROBLEMS
    print_json(rep.__dict__)  # the report as data: its problems in English
    for problem in rep.problems:  # and each problem for the clerk, in the language in use
        print("pos: " + tr("out.warning", text=problem), file=sys.stderr)
    return EXIT_PROBLEMS if rep.problems else EXIT_OK


def cmd_sync_register(args: argparse.Namespace, t: Terminal) -> int:
    operator(args, t, "sync")
    token = args.token or os.environ.get("POS_HQ_TOKEN")
    if not token:
        return refuse(PosError("sync.needs_token"), args)
    out = register(t, args.hq.rstrip("/"), token, verify=args.ca or True)
    print_json(out)
    return EXIT_OK


def cmd_sync_status(args: argparse.Namespace, t: Terminal) -> int:
    operator(args, t, "sync")
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
    print_json(out)
    return EXIT_OK
