"""``pos receipt show|reprint`` and ``pos balance-slip``: saved receipts by number, a
supervisor's reprint (marked 重印 / REPRINT and audited), and the member balance slip."""

from __future__ import annotations

import argparse
import dataclasses
import io
import sys
from pathlib import Path

from pos_app.cli.language import tr
from pos_app.cli.operator import operator
from pos_app.cli.output import emit_text, print_json
from pos_app.cli.parser import subcommands
from pos_app.core import members, points, staff
from pos_app.core.errors import PosError
from pos_app.core.terminal import Terminal
from receipts import WIDTHS, ReceiptDocument, render_escpos, render_png, render_text
from receipts.document import LANGUAGES
from receipts.from_core import balance_document, load_store
from receipts.records import load_receipt, reprint_saved, save_receipt
from receipts.serialize import to_data

FORMATS = ("text", "escpos", "png")


def print_bytes(job: bytes, *, job_id: str, out: Path | None) -> None:
    """The one place a print job leaves the command line. Today it is written to ``out``
    (a file) or to standard output. When a printer is configured, this is where the job
    goes to the devices layer's durable spool instead (``job_id`` is its idempotency key:
    the same job is never printed twice)."""
    if out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(job)
        sys.stdout.buffer.flush()
        return
    try:
        out.write_bytes(job)
    except OSError as e:
        raise PosError("cli.out_unwritable", path=out, detail=e.strerror or e) from None


def _check_output(args: argparse.Namespace, *, binary_needs_out: bool = True) -> None:
    """Refuse an output choice that cannot work before anything is read or written."""
    if binary_needs_out and args.format in ("escpos", "png") and not args.out:
        raise PosError("cli.binary_needs_out", format=args.format)
    if args.out is not None:
        parent = Path(args.out).resolve().parent
        if not parent.is_dir():
            raise PosError("cli.out_no_folder", path=args.out, folder=parent)


def _width(args: argparse.Namespace, t: Terminal) -> int:
    return int(args.width) if args.width else load_store(t).width


def _render(doc: ReceiptDocument, fmt: str, width: int, *, open_drawer: bool | None = None
            ) -> bytes:
    if fmt == "escpos":
        return render_escpos(doc, width, open_drawer=open_drawer)
    if fmt == "png":
        try:
            image = render_png(doc, width)
        except RuntimeError as e:  # no CJK font on this machine
            raise PosError("cli.png_failed", detail=e) from None
        buf = io.BytesIO()
        image.save(buf, format="PNG")
        return buf.getvalue()
    return render_text(doc, width).encode("utf-8")


def cmd_receipt_show(args: argparse.Namespace, t: Terminal) -> int:
    """A saved receipt, as it was printed (no reprint mark: this is a view, not a print;
    its ESC/POS never kicks the drawer)."""
    _check_output(args)
    operator(args, t, "view_receipt")
    width = _width(args, t)
    with t.read() as s:
        doc = load_receipt(s, args.no)
    if args.lang:
        doc = dataclasses.replace(doc, language=args.lang)
    text = render_text(doc, width)
    data = {"receipt_no": doc.receipt_no, "kind": doc.kind.value, "width": width,
            "document": to_data(doc), "text": text}
    if args.format == "text" and not args.out:
        emit_text(args, data, text)
        return 0
    job = _render(doc, args.format, width, open_drawer=False)
    print_bytes(job, job_id=f"show:{doc.receipt_no}", out=Path(args.out))
    data.pop("text")
    if args.json:
        print_json({**data, "out": str(args.out), "bytes": len(job)})
    else:
        print(tr("out.receipt_written", receipt=doc.receipt_no, size=len(job),
                 format=args.format, file=args.out))
    return 0


def cmd_receipt_reprint(args: argparse.Namespace, t: Terminal) -> int:
    """A supervisor's reprint: the saved document marked 重印 / REPRINT with the time and
    the supervisor, audited, printed as text; with --out the printer job's bytes too."""
    _check_output(args, binary_needs_out=False)
    width = _width(args, t)
    who, approver = operator(args, t, "reprint")
    approved = staff.require(who, "reprint", approver)
    with t.tx() as s:
        now = t.now()
        copy = reprint_saved(s, args.no, now, who, approved,
                             {"width": width, "format": args.format if args.out else "text"})
        text = render_text(copy, width)
        job = _render(copy, args.format, width) if args.out else b""
    data = {"receipt_no": copy.receipt_no, "kind": copy.kind.value,
            "reprinted_at": now.isoformat(), "reprinted_by": copy.reprinted_by,
            "width": width, "text": text}
    job_id = f"reprint:{copy.receipt_no}:{now.isoformat()}"
    if args.out:
        # the printer's job (ESC/POS by default) to the file; the text to the screen
        print_bytes(job, job_id=job_id, out=Path(args.out))
        data["out"] = str(args.out)
        emit_text(args, data, text)
    elif args.json:
        emit_text(args, data, text)
    else:
        # no printer configured and no --out: the job is the text, on standard output
        print_bytes(text.encode("utf-8"), job_id=job_id, out=None)
    return 0


def cmd_balance_slip(args: argparse.Namespace, t: Terminal) -> int:
    """Print a member's balance slip (余额单) and save it with the next receipt number."""
    if bool(args.card) == bool(args.phone):
        raise PosError("cli.card_or_phone")
    who, _ = operator(args, t, "balance_slip")
    store = load_store(t)
    width = int(args.width) if args.width else store.width
    with t.tx() as s:
        if args.card:
            card = members.find_card(s, args.card, active_only=False)
            m = card.member
        else:
            m = members.find_by_phone(t, s, args.phone)
            card = None
        points.expire_due(t, s, m.id, who)
        doc = balance_document(t, s, m, card, cashier=who.code, store=store.info,
                               language=args.lang or store.language)
        save_receipt(s, doc, at=t.now())
    text = render_text(doc, width)
    emit_text(args, {"receipt_no": doc.receipt_no, "kind": doc.kind.value, "width": width,
                      "text": text}, text)
    return 0


def add_receipt(parser: argparse.ArgumentParser) -> None:
    sub = subcommands(parser)

    x = sub.add_parser("show", help="show a saved receipt by number")
    x.add_argument("--no", required=True, help="receipt number, e.g. S001-T01-000012")
    x.add_argument("--width", type=int, choices=WIDTHS, help="columns (default: the store's)")
    x.add_argument("--format", default="text", choices=FORMATS)
    x.add_argument("--out", help="write to FILE (needed for escpos and png)")
    x.add_argument("--lang", choices=LANGUAGES, help="labels in zh or en")
    x.set_defaults(func=cmd_receipt_show)

    x = sub.add_parser("reprint", help="reprint a receipt (needs a supervisor; audited)")
    x.add_argument("--no", required=True, help="receipt number")
    x.add_argument("--width", type=int, choices=WIDTHS, help="columns (default: the store's)")
    x.add_argument("--format", default="escpos", choices=FORMATS,
                   help="format of the job written to --out (default escpos)")
    x.add_argument("--out", help="also write the print job to FILE")
    x.set_defaults(func=cmd_receipt_reprint)


def add_balance_slip(x: argparse.ArgumentParser) -> None:
    x.add_argument("--card")
    x.add_argument("--phone")
    x.add_argument("--width", type=int, choices=WIDTHS, help="columns (default: the store's)")
    x.add_argument("--lang", choices=LANGUAGES, help="zh or en (default: the store's)")
    x.set_defaults(func=cmd_balance_slip)
