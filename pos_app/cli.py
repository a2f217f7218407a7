"""The ``pos`` command line: scriptable, JSON with --json, exit 2 with a one-line
reason on bad input (and nothing changed)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy import select

from pos_app import __version__
from pos_app.core import (
    catalog,
    ledger,
    members,
    offline,
    outbox,
    points,
    sales,
    staff,
    stored_value,
    tiers,
)
from pos_app.core.errors import PosError
from pos_app.core.models import Member
from pos_app.core.money import MoneyError, format_money, parse_money, to_str
from pos_app.core.pii import mask_card
from pos_app.core.program import ProgramError
from pos_app.core.staff import CONSOLE, Operator
from pos_app.core.terminal import Terminal
from pos_app.ops_cli import add_commands as add_ops_commands
from pos_app.ops_cli import install as install_ops
from pos_app.receipt_cli import add_commands as add_receipt_commands
from receipts.from_core import refund_document, sale_document, topup_document
from receipts.records import save_receipt
from sync.cli import add_commands as add_sync_commands

EXIT_BAD_INPUT = 2
EXIT_PROBLEMS = 1


class BadInput(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise BadInput(f"{self.prog}: {message}")


def default_data_dir() -> Path:
    env = os.environ.get("POS_DATA_DIR")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("store-pos", "store-pos"))


# --- parsing helpers -----------------------------------------------------------------------


def parse_at(text: str | None, t: Terminal) -> datetime | None:
    if not text:
        return None
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        raise PosError(f"--at {text!r} is not an ISO-8601 time (e.g. 2026-11-09T14:00)") from None
    if at.tzinfo is None:
        at = at.replace(tzinfo=t.program.timezone)
    return at


def parse_item(text: str) -> sales.LineRequest:
    code, _, qty = text.partition("*")
    if not code:
        raise PosError(f"--item {text!r}: give a barcode or SKU, e.g. 6901234567892*2")
    if qty and not qty.isdigit():
        raise PosError(f"--item {text!r}: quantity must be a whole number")
    return sales.LineRequest(code=code, qty=int(qty) if qty else 1)


def parse_tender(text: str) -> sales.TenderRequest:
    kind, _, amount = text.partition(":")
    if kind not in sales.TENDER_KINDS:
        raise PosError(f"--tender {text!r}: kind must be one of {', '.join(sales.TENDER_KINDS)}")
    if kind == "points":
        if not amount.isdigit():
            raise PosError(f"--tender {text!r}: write points:N with a whole number of points")
        return sales.TenderRequest(kind="points", points=int(amount))
    ref = None
    if kind in ("bank_card", "other") and "@" in amount:
        amount, _, ref = amount.partition("@")
    try:
        value = parse_money(amount) if amount else None
    except MoneyError as e:
        raise PosError(f"--tender {text!r}: {e}") from None
    return sales.TenderRequest(kind=kind, amount=value, reference=ref)


def parse_line(text: str) -> tuple[int, int | None]:
    no, _, qty = text.partition("*")
    if not no.isdigit() or (qty and not qty.isdigit()):
        raise PosError(f"--line {text!r}: write N or N*QTY with whole numbers")
    return int(no), int(qty) if qty else None


def parse_amount(text: str, what: str) -> Decimal:
    try:
        return parse_money(text)
    except MoneyError as e:
        raise PosError(f"{what}: {e}") from None


def parse_date(text: str | None, what: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise PosError(f"{what} {text!r} is not a date (YYYY-MM-DD)") from None


# --- output ---------------------------------------------------------------------------------


def sale_json(t: Terminal, out: sales.SaleOutcome, member: dict[str, Any] | None) -> dict[str, Any]:
    sale = out.sale
    return {
        "sale_id": sale.sale_no,
        "receipt_no": sale.sale_no,
        "business_time": sale.business_time.astimezone(t.program.timezone).isoformat(),
        "recorded_at": sale.recorded_at.astimezone(t.program.timezone).isoformat(),
        "total": to_str(sale.total),
        "lines": [
            {
                "no": ln.no,
                "sku": ln.sku,
                "name": ln.name,
                "qty": ln.qty,
                "unit_price": to_str(ln.unit_price),
                "base": to_str(ln.base),
                "amount": to_str(ln.amount),
                "points_earned": ln.points_earned,
                "discounts": [
                    {"source": d.source, "code": d.code, "name": d.name, "amount": to_str(d.amount)}
                    for d in ln.discounts
                ],
            }
            for ln in sale.lines
        ],
        "tenders": [tender_json(tr) for tr in sale.tenders],
        "change": to_str(sale.change),
        "points_earned": sale.points_earned,
        "coupon": sale.coupon_code,
        "pay_discount_applied": sale.pay_discount_applied,
        "tier_upgrade": out.tier_upgrade,
        "credited_staff": sale.credited_staff,
        "member": member,
    }


def tender_json(tr: Any) -> dict[str, Any]:
    d: dict[str, Any] = {"kind": tr.kind, "amount": to_str(tr.amount)}
    if tr.kind == "points":
        d["points"] = tr.points
    if tr.kind == "stored_value":
        d["principal"] = to_str(tr.principal)
        d["bonus"] = to_str(tr.bonus)
    if tr.kind == "cash":
        d["tendered"] = to_str(tr.tendered)
    if tr.reference:
        d["reference"] = tr.reference
    return d


def print_sale(data: dict[str, Any]) -> None:
    print(f"sale {data['sale_id']}  {data['business_time']}")
    for ln in data["lines"]:
        print(
            f"  {ln['no']:>2} {ln['sku']:<12} {ln['name'][:20]:<20} x{ln['qty']:<3} "
            f"{format_money(Decimal(ln['base'])):>12} -> {format_money(Decimal(ln['amount'])):>12}"
        )
        for d in ln["discounts"]:
            print(
                f"       - {d['name']} ({d['source']} {d['code']}) "
                f"{format_money(-Decimal(d['amount']))}"
            )
    print(f"  total {format_money(Decimal(data['total']))}")
    for tr in data["tenders"]:
        extra = f" ({tr['points']} points)" if "points" in tr else ""
        print(f"  paid {tr['kind']}: {format_money(Decimal(tr['amount']))}{extra}")
    if Decimal(data["change"]):
        print(f"  change {format_money(Decimal(data['change']))}")
    if data["member"]:
        print_member(data["member"], indent="  ")
        print(f"  points earned {data['points_earned']}")


def print_member(m: dict[str, Any], indent: str = "") -> None:
    sv = m["stored_value"]
    print(
        f"{indent}member {m['member_id']} {m['name'] or '(anonymous)'} {m['phone'] or ''} "
        f"card {mask_card(m['card'])} {m['tier_name']} ({m['tier']})"
    )
    print(
        f"{indent}points {m['points']}; stored value {format_money(Decimal(sv['total']))} "
        f"(principal {format_money(Decimal(sv['principal']))}, "
        f"bonus {format_money(Decimal(sv['bonus']))})"
    )
    for lot in m["points_expiring"]:
        print(f"{indent}{lot['points']} points expire on {lot['expires']}")


def emit(args: argparse.Namespace, data: Any, human: Callable[[], None]) -> None:
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        human()


# --- commands -------------------------------------------------------------------------------


def operator(args: argparse.Namespace, t: Terminal) -> tuple[Operator, Operator | None]:
    """The staff member running the command (default: the console, manager rights) and
    an approving supervisor where one was given."""
    who, approver = CONSOLE, None
    if not args.staff and not args.approver:
        return who, approver  # no PIN to check: no write transaction to open
    with t.tx() as s:
        if args.staff:
            pin = args.pin or os.environ.get("POS_STAFF_PIN", "")
            who = staff.check_pin(s, args.staff, pin, t.now())
        if args.approver:
            pin = args.approver_pin or os.environ.get("POS_APPROVER_PIN", "")
            approver = staff.check_pin(s, args.approver, pin, t.now())
    return who, approver


def cmd_init(args: argparse.Namespace) -> int:
    t = Terminal.init(
        args.data_dir,
        store=args.store,
        terminal=args.terminal,
        franchisee=args.franchisee,
        program_file=Path(args.program),
        card_block=args.card_block,
    )
    data = {
        "data_dir": str(args.data_dir),
        **t.identity.__dict__,
        "program": t.program.name,
        "warnings": list(t.program.warnings),
    }
    for warning in t.program.warnings:
        print(f"pos: warning: {warning}", file=sys.stderr)
    emit(
        args,
        data,
        lambda: print(f"terminal {args.store}/{args.terminal} set up in {args.data_dir}"),
    )
    t.close()
    return 0


def cmd_catalog_import(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t)
    staff.require(who, "catalog_import", None)
    show = args.progress or (not args.json and sys.stderr.isatty())

    def progress(done: int, total: int) -> None:
        if show:
            print(f"catalog: {done}/{total} rows checked", file=sys.stderr, flush=True)

    rows = catalog.read_file(Path(args.file), progress)
    with t.tx() as s:
        rep = catalog.import_rows(s, rows, t.now())
        staff.audit(s, t.now(), who, "catalog_import", Path(args.file).name, rep.__dict__)
    emit(
        args,
        rep.__dict__,
        lambda: print(
            f"catalog: {rep.rows} rows: {rep.added} added, {rep.updated} updated, "
            f"{rep.unchanged} unchanged"
        ),
    )
    return 0


def cmd_member_enroll(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t)
    if args.media_id and args.media not in ("ic", "nfc"):
        raise PosError("--media-id is the chip or tag UID, for --media ic or nfc")
    e = members.Enrollment(
        name=args.name or "",
        phone=args.phone,
        birthday=parse_date(args.birthday, "--birthday"),
        id_number=args.id_number,
        email=args.email,
        gender=args.gender,
        marketing_consent=args.consent,
        anonymous=args.anonymous,
        card_no=args.card,
        media=args.media,
        media_id=args.media_id,
    )
    with t.tx() as s:
        m = members.enroll(t, s, e, who)
        data = members.summary(t, s, m)
    emit(args, data, lambda: print_member(data))
    return 0


def _member_from_args(args: argparse.Namespace, t: Terminal, s: Any) -> tuple[Any, Any]:
    if bool(args.card) == bool(args.phone):
        raise PosError("give exactly one of --card or --phone")
    if args.card:
        card = members.find_card(s, args.card, active_only=False)
        return card.member, card
    m = members.find_by_phone(t, s, args.phone)
    return m, None


def cmd_member_show(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t)
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
    emit(args, data, lambda: print_member(data))
    return 0


def cmd_member_block(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t)
    staff.require(who, "block_card", None)
    with t.tx() as s:
        card = members.block_card(t, s, args.card, who, args.reason)
        card_no = card.card_no
        data = {"card": card_no, "status": card.status, "reason": card.block_reason}
    emit(args, data, lambda: print(f"card {mask_card(card_no)} blocked ({args.reason})"))
    return 0


def cmd_member_replace(args: argparse.Namespace, t: Terminal) -> int:
    who, approver = operator(args, t)
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
    who, _ = operator(args, t)
    staff.require(who, "bind_card", None)
    with t.tx() as s:
        cm = members.bind_card(t, s, args.card, args.media, args.media_id, who)
        data = {"card": cm.card.card_no, "media": cm.media, "identifier": cm.identifier}
    emit(args, data, lambda: print(f"{data['media']} bound to card {mask_card(data['card'])}"))
    return 0


def cmd_member_supplementary(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t)
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


def cmd_topup(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t)
    amount = parse_amount(args.amount, "--amount")
    with t.tx() as s:
        res = stored_value.topup(
            t,
            s,
            args.card,
            amount,
            args.tender,
            who,
            at=parse_at(args.at, t),
            reference=args.reference,
        )
        save_receipt(s, topup_document(t, s, res.topup.topup_no), at=t.now())
        summary = members.summary(t, s, res.card.member, res.card)
        data: dict[str, Any] = {
            "topup_id": res.topup.topup_no,
            "amount": to_str(res.topup.amount),
            "bonus": to_str(res.topup.bonus),
            "tender": res.topup.tender,
            "member": summary,
        }

    def human() -> None:
        print(
            f"top-up {res.topup.topup_no}: {format_money(amount)} + bonus "
            f"{format_money(res.topup.bonus)}"
        )
        print_member(summary)

    emit(args, data, human)
    return 0


def cmd_sale(args: argparse.Namespace, t: Terminal) -> int:
    who, approver = operator(args, t)
    lines = [parse_item(x) for x in args.item or []]
    for ov in args.override or []:
        code, _, price = ov.partition("=")
        match = [ln for ln in lines if ln.code == code]
        if not match or not price:
            raise PosError(f"--override {ov!r}: write CODE=PRICE for an item of this sale")
        for ln in match:
            ln.override_price = parse_amount(price, "--override")
    req = sales.SaleRequest(
        lines=lines,
        tenders=[parse_tender(x) for x in args.tender or []],
        member_card=args.member_card,
        coupon=args.coupon,
        at=parse_at(args.at, t),
        credited_staff=args.credited_staff,
    )
    with t.tx() as s:
        out = sales.make_sale(t, s, req, who, approver)
        save_receipt(s, sale_document(t, s, out.sale.sale_no), at=t.now())
        member = members.summary(t, s, out.member, out.card) if out.member else None
        data = sale_json(t, out, member)
        credit = offline.credit_of(s, out.sale.sale_no)  # stored value spent while HQ was away
        data["offline_credit"] = to_str(credit) if credit is not None else None
    emit(args, data, lambda: print_sale(data))
    if credit is not None and not args.json:
        print(f"offline credit used: {format_money(credit)}")
    return 0


def cmd_refund(args: argparse.Namespace, t: Terminal) -> int:
    who, approver = operator(args, t)
    lines = [parse_line(x) for x in args.line or []]
    with t.tx() as s:
        out = sales.refund(t, s, args.sale, lines or None, who, approver, at=parse_at(args.at, t))
        r = out.refund
        save_receipt(s, refund_document(t, s, r.sale_no), at=t.now())
        member = None
        if r.member_id:
            m = s.get(Member, r.member_id)
            member = members.summary(t, s, m) if m else None
        data = {
            "refund_id": r.sale_no,
            "sale_id": out.original.sale_no,
            "total": to_str(r.total),
            "lines": [
                {
                    "no": ln.no,
                    "sku": ln.sku,
                    "qty": ln.qty,
                    "amount": to_str(ln.amount),
                    "points_taken_back": -ln.points_earned,
                }
                for ln in r.lines
            ],
            "tenders": [tender_json(tr) for tr in r.tenders],
            "points_taken_back": out.points_taken_back,
            "points_returned": out.points_returned,
            "coupon_returned": out.coupon_returned,
            "member": member,
        }
    emit(
        args,
        data,
        lambda: print(
            f"refund {data['refund_id']} of {data['sale_id']}: {format_money(r.total)} back: "
            + ", ".join(f"{x.kind} {format_money(x.amount)}" for x in r.tenders)
        ),
    )
    return 0


def cmd_ledger_verify(args: argparse.Namespace, t: Terminal) -> int:
    with t.read() as s:
        rep = ledger.verify(s)
        audit_problems = staff.verify_audit(s)
        outbox_problems = outbox.verify_chain(t, s)
    problems = rep.problems + audit_problems + outbox_problems
    data = {
        "ok": not problems,
        "journals": rep.journals,
        "entries": rep.entries,
        "accounts": rep.accounts,
        "problems": problems,
    }
    emit(
        args,
        data,
        lambda: print(
            f"ledger ok: {rep.journals} transactions, {rep.entries} entries, "
            f"{rep.accounts} accounts"
            if not problems
            else "ledger NOT ok:\n  " + "\n  ".join(problems)
        ),
    )
    return 0 if not problems else EXIT_PROBLEMS


def cmd_audit_verify(args: argparse.Namespace, t: Terminal) -> int:
    with t.read() as s:
        problems = staff.verify_audit(s)
    emit(
        args,
        {"ok": not problems, "problems": problems},
        lambda: print(
            "audit log ok" if not problems else "audit log NOT ok:\n  " + "\n  ".join(problems)
        ),
    )
    return 0 if not problems else EXIT_PROBLEMS


def cmd_points_transfer(args: argparse.Namespace, t: Terminal) -> int:
    who, approver = operator(args, t)
    staff.require(who, "points_transfer", approver)
    with t.tx() as s:
        src = members.find_card(s, args.from_card)
        dst = members.find_card(s, args.to_card)
        points.transfer(t, s, src.member, dst.member, args.points, who)
        data = {
            "from": members.summary(t, s, src.member, src),
            "to": members.summary(t, s, dst.member, dst),
            "points": args.points,
        }
    emit(args, data, lambda: print(f"moved {args.points} points"))
    return 0


def cmd_points_expire(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t)
    total = 0
    with t.tx() as s:
        for (mid,) in s.execute(select(Member.id)):
            total += points.expire_due(t, s, mid, who)
    emit(args, {"expired": total}, lambda: print(f"{total} points expired"))
    return 0


def cmd_tiers_review(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t)
    with t.tx() as s:
        changes = tiers.review(t, s, who, parse_at(args.at, t))
    data = [{"member_id": m, "from": a, "to": b} for m, a, b in changes]
    emit(args, data, lambda: print(f"{len(changes)} member(s) changed tier"))
    return 0


def cmd_staff_add(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t)
    staff.require(who, "manage_staff", None)
    pin = args.new_pin or os.environ.get("POS_NEW_STAFF_PIN", "")
    with t.tx() as s:
        st = staff.add_staff(s, args.code, args.name, args.role, pin)
        staff.audit(s, t.now(), who, "staff_add", st.code, {"role": st.role})
        data = {"code": st.code, "name": st.name, "role": st.role}
    emit(args, data, lambda: print(f"staff {st.code} ({st.role}) added"))
    return 0


def cmd_app(args: argparse.Namespace) -> int:
    from pos_app.ui.launch import cmd_app as run_app  # Qt only when the app opens

    return run_app(args)


def cmd_demo(args: argparse.Namespace) -> int:
    from pos_app import demo

    return demo.run(args.data_dir, json_out=args.json)


# --- the parser -----------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="pos", description="Store terminal: sales, members, stored value, points.")
    p.add_argument("--version", action="version", version=f"pos {__version__}")
    p.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="the terminal's data folder (default: $POS_DATA_DIR or the user data dir)",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--staff", help="staff code running the command (PIN: --pin or $POS_STAFF_PIN)")
    p.add_argument("--pin", help=argparse.SUPPRESS)
    p.add_argument("--approver", help="supervisor approving (PIN: $POS_APPROVER_PIN)")
    p.add_argument("--approver-pin", help=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="cmd", required=True, parser_class=_Parser)

    x = sub.add_parser("init", help="set up a new terminal data folder")
    x.add_argument("--store", required=True)
    x.add_argument("--terminal", required=True)
    x.add_argument("--franchisee", required=True)
    x.add_argument("--program", required=True, help="the program TOML from HQ")
    x.add_argument("--card-block", type=int, default=1, help="this terminal's card number block")
    x.set_defaults(func=cmd_init, needs_terminal=False)

    x = sub.add_parser("demo", help="set up demo data (if missing) and ring up a demo sale")
    x.set_defaults(func=cmd_demo, needs_terminal=False)
    x = sub.add_parser("app", help="open the cashier app (demo data if the folder is empty)")
    x.set_defaults(func=cmd_app, needs_terminal=False)

    cat = sub.add_parser("catalog", help="the item catalog").add_subparsers(
        dest="sub", required=True, parser_class=_Parser
    )
    x = cat.add_parser("import", help="import or update items from CSV")
    x.add_argument("file")
    x.add_argument("--progress", action="store_true", help="report progress on stderr")
    x.set_defaults(func=cmd_catalog_import)

    mem = sub.add_parser("member", help="members and cards").add_subparsers(
        dest="sub", required=True, parser_class=_Parser
    )
    x = mem.add_parser("enroll", help="enroll a member and issue a card")
    x.add_argument("--name")
    x.add_argument("--phone")
    x.add_argument("--birthday")
    x.add_argument("--id-number")
    x.add_argument("--email")
    x.add_argument("--gender", choices=["F", "M"])
    x.add_argument("--consent", action="store_true", help="accepts marketing messages")
    x.add_argument("--card", help="card number (default: the next in sequence)")
    x.add_argument("--media", default="barcode", choices=list(members.MEDIA))
    x.add_argument("--media-id", help="chip or tag UID for --media ic/nfc")
    x.add_argument("--anonymous", action="store_true", help="an anonymous stored-value card")
    x.set_defaults(func=cmd_member_enroll)
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

    sv = sub.add_parser("stored-value", help="stored value").add_subparsers(
        dest="sub", required=True, parser_class=_Parser
    )
    x = sv.add_parser("topup", help="top up a card")
    x.add_argument("--card", required=True)
    x.add_argument("--amount", required=True)
    x.add_argument("--tender", default="cash", choices=list(stored_value.TOPUP_TENDERS))
    x.add_argument("--reference")
    x.add_argument("--at")
    x.set_defaults(func=cmd_topup)

    x = sub.add_parser("sale", help="ring up and pay a sale")
    x.add_argument("--at", help="business time, ISO-8601 (training, tests)")
    x.add_argument("--member-card")
    x.add_argument("--item", action="append", help="BARCODE[*QTY], repeatable")
    x.add_argument("--override", action="append", help="CODE=PRICE (needs a supervisor)")
    x.add_argument("--coupon")
    x.add_argument("--tender", action="append", help="KIND[:AMOUNT], repeatable")
    x.add_argument("--credited-staff")
    x.set_defaults(func=cmd_sale)

    x = sub.add_parser("refund", help="refund a sale or chosen lines")
    x.add_argument("--sale", required=True)
    x.add_argument("--line", action="append", help="N[*QTY], repeatable")
    x.add_argument("--at")
    x.set_defaults(func=cmd_refund)

    led = sub.add_parser("ledger", help="the ledger").add_subparsers(
        dest="sub", required=True, parser_class=_Parser
    )
    x = led.add_parser("verify", help="prove every balance and that debits equal credits")
    x.set_defaults(func=cmd_ledger_verify)

    aud = sub.add_parser("audit", help="the audit log").add_subparsers(
        dest="sub", required=True, parser_class=_Parser
    )
    x = aud.add_parser("verify", help="check the audit log's hash chain")
    x.set_defaults(func=cmd_audit_verify)

    pts = sub.add_parser("points", help="points").add_subparsers(
        dest="sub", required=True, parser_class=_Parser
    )
    x = pts.add_parser("transfer", help="move points between members")
    x.add_argument("--from-card", required=True)
    x.add_argument("--to-card", required=True)
    x.add_argument("--points", type=int, required=True)
    x.set_defaults(func=cmd_points_transfer)
    x = pts.add_parser("expire", help="post the expiry of every lot past its date")
    x.set_defaults(func=cmd_points_expire)

    tr = sub.add_parser("tiers", help="tiers").add_subparsers(
        dest="sub", required=True, parser_class=_Parser
    )
    x = tr.add_parser("review", help="downgrade members who no longer keep their tier")
    x.add_argument("--at")
    x.set_defaults(func=cmd_tiers_review)

    st = sub.add_parser("staff", help="staff").add_subparsers(
        dest="sub", required=True, parser_class=_Parser
    )
    x = st.add_parser("add", help="add a staff member (PIN from $POS_NEW_STAFF_PIN)")
    x.add_argument("--code", required=True)
    x.add_argument("--name", required=True)
    x.add_argument("--role", required=True, choices=list(staff.ROLES))
    x.add_argument("--new-pin", help=argparse.SUPPRESS)
    x.set_defaults(func=cmd_staff_add)
    add_receipt_commands(sub)
    add_sync_commands(sub)  # pos sync / pos hq
    add_ops_commands(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--json" in argv:  # accepted after the command too: `pos demo --json`
        argv = ["--json", *(a for a in argv if a != "--json")]
    try:
        args = build_parser().parse_args(argv)
        install_ops(args)  # config file, data folder from it, JSON log
        if args.data_dir is None:
            args.data_dir = default_data_dir()
        if not getattr(args, "needs_terminal", True):
            return int(args.func(args))
        t = Terminal.open(args.data_dir)
        try:
            return int(args.func(args, t))
        finally:
            t.close()
    except BadInput as e:
        print(one_line(str(e)), file=sys.stderr)
        return EXIT_BAD_INPUT
    except (PosError, ProgramError, MoneyError) as e:
        print(f"pos: {one_line(str(e))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return 0


def one_line(text: str) -> str:
    return " ".join(text.split())


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
