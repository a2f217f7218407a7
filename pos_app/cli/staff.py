"""``pos staff add``: add a staff member (PIN from ``$POS_NEW_STAFF_PIN``); ``pos staff
unlock``: a manager lifts a PIN lock-out early (audited)."""

from __future__ import annotations

import argparse
import os
from decimal import Decimal

from pos_app.cli.language import tr
from pos_app.cli.operator import operator
from pos_app.cli.output import emit
from pos_app.cli.parser import subcommands
from pos_app.core import messages, performance, staff
from pos_app.core.terminal import Terminal


def add_staff(parser: argparse.ArgumentParser) -> None:
    subs = subcommands(parser)
    u = subs.add_parser("unlock", help="lift a staff code's PIN lock-out (a manager)")
    u.add_argument("--code", required=True)
    u.set_defaults(func=cmd_staff_unlock)
    x = subs.add_parser(
        "add", help="add a staff member (PIN from $POS_NEW_STAFF_PIN)"
    )
    x.add_argument("--code", required=True)
    x.add_argument("--name", required=True)
    x.add_argument("--role", required=True, choices=list(staff.ROLES))
    x.add_argument("--new-pin", help=argparse.SUPPRESS)
    x.set_defaults(func=cmd_staff_add)
    r = subs.add_parser("report", help="per-staff sales, orders, VIP share, enrollments, "
                                       "commission for a day or a month (a supervisor)")
    when = r.add_mutually_exclusive_group()
    when.add_argument("--day", help="YYYY-MM-DD (default: today)")
    when.add_argument("--month", help="YYYY-MM")
    r.set_defaults(func=cmd_staff_report)


def cmd_staff_add(args: argparse.Namespace, t: Terminal) -> int:
    with t.read() as s:  # the console adds staff only until the terminal has a manager
        setup = not staff.has_manager(s)
    who, _ = operator(args, t, "manage_staff", setup=setup)
    pin = args.new_pin or os.environ.get("POS_NEW_STAFF_PIN", "")
    with t.tx() as s:
        st = staff.add_staff(s, args.code, args.name, args.role, pin)
        staff.audit(s, t.now(), who, "staff_add", st.code, {"role": st.role})
        data = {"code": st.code, "name": st.name, "role": st.role}
    emit(args, data, lambda: print(tr("out.staff_added", code=st.code,
                                      role=messages.role(st.role))))
    return 0


def cmd_staff_unlock(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t, "unlock_staff")
    with t.tx() as s:
        staff.unlock(s, t.now(), who, args.code)
    emit(args, {"code": args.code, "unlocked_by": who.code},
         lambda: print(tr("out.staff_unlocked", code=args.code, by=who.code)))
    return 0


def _percent(share: str) -> str:
    return f"{(Decimal(share) * 100).quantize(Decimal('0.1'))}%"


def cmd_staff_report(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t, "staff_report")
    text = args.month or args.day or t.program.business_day(t.now()).isoformat()
    start, end, kind = performance.period(text)
    with t.read() as s:
        rows = [f.as_dict() for f in performance.report(t, s, start, end, who)]
    data = {"period": {"kind": kind, "start": start.isoformat(), "end": end.isoformat()},
            "store": t.identity.store, "staff": rows}

    def text_out() -> None:
        print(tr("out.staff_report_head", start=start, end=end, store=t.identity.store))
        print(tr("out.staff_report_columns"))
        for r in rows:
            print(f"{r['staff']:<8} {str(r['name'])[:8]:<8} {r['sales']:>12} {r['orders']:>6} "
                  f"{_percent(str(r['vip_share'])):>7} {r['enrollments']:>8} "
                  f"{r['commission']:>11} {r['not_credited']:>12}")

    emit(args, data, text_out)
    return 0
