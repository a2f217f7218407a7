"""``pos entitlement list|use|grant``: a member's services (权益) from their tier and
card products, a use recorded with the staff who served, a service granted by hand."""

from __future__ import annotations

import argparse

from pos_app.cli.language import tr
from pos_app.cli.operator import operator
from pos_app.cli.output import emit
from pos_app.cli.parser import subcommands
from pos_app.core import entitlements, members
from pos_app.core.pii import mask_card
from pos_app.core.terminal import Terminal


def add_entitlement(parser: argparse.ArgumentParser) -> None:
    subs = subcommands(parser)
    x = subs.add_parser("list", help="a member's services: what is left, until when")
    x.add_argument("--card", required=True)
    x.set_defaults(func=cmd_entitlement_list)
    x = subs.add_parser("use", help="record one use of a service at the counter")
    x.add_argument("--card", required=True)
    x.add_argument("--service", required=True, help="the service's code in the program")
    x.add_argument("--served-by", metavar="STAFF", help="who served (default: --staff)")
    x.set_defaults(func=cmd_entitlement_use)
    x = subs.add_parser("grant", help="grant a service by hand (a supervisor)")
    x.add_argument("--card", required=True)
    x.add_argument("--service", required=True)
    x.add_argument("--count", type=int, help="uses (default: unlimited)")
    x.add_argument("--months", type=int, help="valid for so many months (default: no end)")
    x.add_argument("--reason", required=True)
    x.set_defaults(func=cmd_entitlement_grant)


def line(x: dict[str, object]) -> str:
    """``干洗: 不限次``; ``体检: 剩 1 次，至 2027-12-01`` (as the balance slip prints it)."""
    return f"{x['name']}: {x['text']}"


def cmd_entitlement_list(args: argparse.Namespace, t: Terminal) -> int:
    operator(args, t, "view_member")
    with t.read() as s:
        card = members.find_card(s, args.card, active_only=False)
        rows = [x.as_dict() for x in entitlements.standing(t, s, card.member)]
    data = {"card": mask_card(card.card_no), "entitlements": rows}
    emit(args, data, lambda: print("\n".join(line(x) for x in rows) or tr("out.no_services")))
    return 0


def cmd_entitlement_use(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t, "entitlement_use")
    with t.tx() as s:
        u, after = entitlements.use(t, s, args.card, args.service, who, args.served_by)
        data = {"use": u.use_uid, "service": u.service, "served_by": u.served_by,
                "at": u.at.astimezone(t.program.timezone).isoformat(),
                "entitlement": after.as_dict()}
    emit(args, data, lambda: print(tr("out.service_used",
                                        service=line(data["entitlement"]))))  # type: ignore[arg-type]
    return 0


def cmd_entitlement_grant(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t, "entitlement_grant")
    with t.tx() as s:
        e = entitlements.grant_by_hand(t, s, args.card, args.service, args.count, args.months,
                                       who, args.reason)
        data = entitlements.grant_event(e)
    emit(args, data, lambda: print(tr("out.service_granted", service=data["service"])))
    return 0
