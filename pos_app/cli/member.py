"""``pos member``: enroll, show, block, replace, bind, supplementary."""

from __future__ import annotations

import argparse
import csv
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pos_app.cli.language import tr, word
from pos_app.cli.operator import operator
from pos_app.cli.output import emit
from pos_app.cli.parser import subcommands
from pos_app.cli.values import parse_amount, parse_date
from pos_app.cli.views import print_member
from pos_app.core import members, points, staff, tiers
from pos_app.core.errors import PosError
from pos_app.core.messages import Msg, recognise
from pos_app.core.money import to_str
from pos_app.core.pii import mask_card
from pos_app.core.terminal import Terminal

if TYPE_CHECKING:
    from pos_app.core.group_enroll import GroupResult


def add_member(parser: argparse.ArgumentParser) -> None:
    mem = subcommands(parser)
    x = mem.add_parser("enroll", help="enroll a member and issue a card")
    x.add_argument("--name")
    x.add_argument("--phone")
    x.add_argument("--birthday")
    x.add_argument("--id-number")
    x.add_argument("--email")
    x.add_argument("--address", help="postal address (kept encrypted, shown masked)")
    x.add_argument("--gender", choices=["F", "M"])
    x.add_argument("--consent", action="store_true", help="accepts marketing messages")
    x.add_argument("--card", help="a card of the store's stock (default: the next number in "
                                  "sequence, printed as a barcode card)")
    x.add_argument("--media", choices=list(members.MEDIA),
                   help="default barcode; a stock card is on its batch's medium")
    x.add_argument("--media-id", help="chip or tag UID for --media ic/nfc")
    x.add_argument("--anonymous", action="store_true", help="an anonymous stored-value card")
    x.set_defaults(func=cmd_member_enroll)
    x = mem.add_parser("import", help="enroll an organisation's staff from a CSV or XLSX file")
    x.add_argument("file", help="FILE.csv or FILE.xlsx: name, phone[, id_number, birthday, "
                                "gender, email] (姓名, 手机, 身份证号 ... also read)")
    x.add_argument("--organisation", required=True)
    x.add_argument("--product", help="issue cards of this product from the store's stock "
                                     "(default: the terminal's next numbers)")
    x.add_argument("--skip-bad", action="store_true",
                   help="enroll the good rows and leave the bad ones (default: all or none)")
    x.add_argument("--list", help="write the printable list (CSV: row, name, phone masked, "
                                  "card) to this file")
    x.set_defaults(func=cmd_member_import)
    x = mem.add_parser("show", help="show a member")
    x.add_argument("--card")
    x.add_argument("--phone")
    x.add_argument("--history", action="store_true", help="include tier changes")
    x.set_defaults(func=cmd_member_show)
    x = mem.add_parser("block", help="block a lost card at once")
    x.add_argument("--card", required=True)
    x.add_argument("--reason", default="lost")
    x.set_defaults(func=cmd_member_block)
    x = mem.add_parser("replace", help="replace a blocked card, moving its balance")
    x.add_argument("--card", required=True)
    x.add_argument("--new-card")
    x.add_argument("--media", default="barcode", choices=list(members.MEDIA))
    x.add_argument("--media-id")
    x.set_defaults(func=cmd_member_replace)
    x = mem.add_parser("bind", help="bind another card medium to a card")
    x.add_argument("--card", required=True)
    x.add_argument("--media", required=True, choices=list(members.MEDIA))
    x.add_argument("--media-id")
    x.set_defaults(func=cmd_member_bind)
    x = mem.add_parser("supplementary", help="issue a supplementary card under a main card")
    x.add_argument("--card", required=True, help="the main card")
    x.add_argument("--holder", default="")
    x.add_argument("--limit-per-sale")
    x.add_argument("--limit-per-day")
    x.add_argument("--new-card")
    x.add_argument("--media", default="barcode", choices=list(members.MEDIA))
    x.add_argument("--media-id")
    x.set_defaults(func=cmd_member_supplementary)


def cmd_member_enroll(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t, "enroll")
    if args.media_id and args.media not in ("ic", "nfc") and not (args.card and not args.media):
        raise PosError("cli.media_id")
    e = members.Enrollment(
        name=args.name or "",
        phone=args.phone,
        birthday=parse_date(args.birthday, "--birthday"),
        id_number=args.id_number,
        email=args.email,
        address=args.address,
        gender=args.gender,
        marketing_consent=args.consent,
        anonymous=args.anonymous,
        card_no=args.card,
        media=args.media or "barcode",
        media_id=args.media_id,
    )
    # card sales (stock cards, opening top-ups) only to enroll: `member show` starts faster
    from pos_app.core import card_sales

    with t.tx() as s:
        m = card_sales.enroll(t, s, e, who)
        data = members.summary(t, s, m)
    emit(args, data, lambda: print_member(data))
    return 0


def _member_from_args(args: argparse.Namespace, t: Terminal, s: Any) -> tuple[Any, Any]:
    if bool(args.card) == bool(args.phone):
        raise PosError("cli.card_or_phone")
    if args.card:
        card = members.find_card(s, args.card, active_only=False)
        return card.member, card
    m = members.find_by_phone(t, s, args.phone)
    return m, None


def cmd_member_show(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t, "view_member")
    with t.tx() as s:
        m, card = _member_from_args(args, t, s)
        points.expire_due(t, s, m.id, who)
        data = members.summary(t, s, m, card)
        if args.history:
            data["tier_history"] = [
                {
                    "from": c.from_tier,
                    "to": c.to_tier,
                    "reason": c.reason,
                    "at": c.at.astimezone(t.program.timezone).isoformat(),
                }
                for c in tiers.history(s, m.id)
            ]

    def human() -> None:
        print_member(data)
        for c in data.get("tier_history", []):  # the reason as kept, said in the language
            reason = word(recognise(c["reason"], "tier.reason.") or c["reason"])
            print(f"{c['at']}  {c['from'] or '-'} -> {c['to']}  {reason}")

    emit(args, data, human)
    return 0


def cmd_member_block(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t, "block_card")
    with t.tx() as s:
        card = members.block_card(t, s, args.card, who, args.reason)
        card_no = card.card_no
        data = {"card": card_no, "status": card.status, "reason": card.block_reason}
    emit(args, data, lambda: print(tr("out.card_blocked", card=mask_card(card_no),
                                                reason=args.reason)))
    return 0


def cmd_member_replace(args: argparse.Namespace, t: Terminal) -> int:
    who, approver = operator(args, t, "replace_card")
    approved = staff.require(who, "replace_card", approver)
    with t.tx() as s:
        new = members.replace_card(
            t,
            s,
            args.card,
            who,
            new_no=args.new_card,
            media=args.media,
            media_id=args.media_id,
            approved_by=approved,
        )
        data = members.summary(t, s, new.member, new)
    emit(args, data, lambda: print_member(data))
    return 0


def cmd_member_bind(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t, "bind_card")
    with t.tx() as s:
        cm = members.bind_card(t, s, args.card, args.media, args.media_id, who)
        data = {"card": cm.card.card_no, "media": cm.media, "identifier": cm.identifier}
    emit(args, data, lambda: print(tr("out.media_bound", media=data["media"],
                                                card=mask_card(data["card"]))))
    return 0


def cmd_member_supplementary(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t, "enroll")
    lim_sale = (
        parse_amount(args.limit_per_sale, "--limit-per-sale") if args.limit_per_sale else None
    )
    lim_day = parse_amount(args.limit_per_day, "--limit-per-day") if args.limit_per_day else None
    with t.tx() as s:
        card = members.supplementary(
            t,
            s,
            args.card,
            who,
            holder_name=args.holder,
            limit_per_sale=lim_sale,
            limit_per_day=lim_day,
            card_no=args.new_card,
            media=args.media,
            media_id=args.media_id,
        )
        data = members.summary(t, s, card.member, card)
        data["limit_per_sale"] = to_str(lim_sale) if lim_sale else None
        data["limit_per_day"] = to_str(lim_day) if lim_day else None
    emit(args, data, lambda: print_member(data))
    return 0


def cmd_member_import(args: argparse.Namespace, t: Terminal) -> int:
    # group enrollment (file readers, card sales) only for an import: start-up cost
    from pos_app.core import group_enroll

    who, approver = operator(args, t, "group_enroll")
    rows = group_enroll.read_rows(Path(args.file))
    if args.list and Path(args.list).exists():
        raise PosError("folder.exists", path=args.list)
    try:
        with t.tx() as s:
            res = group_enroll.enroll_group(t, s, rows, who, organisation=args.organisation,
                                            product=args.product, skip_bad=args.skip_bad,
                                            approver=approver)
    except group_enroll.GroupRefused as e:
        refused = e.result
        emit(args, [r.as_dict() for r in refused.rows], lambda: _print_rows(refused))
        raise
    if args.list:
        _write_list(args.list, res)
    data = {"organisation": res.organisation, "enrolled": len(res.enrolled),
            "skipped": len(res.bad), "rows": [r.as_dict() for r in res.rows]}
    emit(args, data, lambda: _print_rows(res))
    return 0


def _print_rows(res: GroupResult) -> None:
    print(tr("out.group_enrolled", organisation=res.organisation, enrolled=len(res.enrolled),
             bad=len(res.bad)))
    for r in res.rows:
        what = (Msg("out.group_row_card", card=r.card) if r.card else r.problem if r.problem
                else Msg("out.group_row_ok"))
        print(tr("out.group_row", row=f"{r.row:>4}", name=r.name, phone=r.phone, what=what))


def _write_list(path: str, res: GroupResult) -> None:
    """The printable list handed to the organisation with its cards (phones masked)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["row", "name", "phone", "card"])
        for r in res.enrolled:
            w.writerow([r.row, r.name, r.phone, r.card])
