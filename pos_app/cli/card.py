"""``pos card``: card stock (finance's batches, the store's registered cards, each
card's moves)."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from pos_app.cli.language import english, kind, tr, word
from pos_app.cli.operator import operator
from pos_app.cli.output import emit
from pos_app.cli.parser import subcommands
from pos_app.cli.values import parse_amount
from pos_app.cli.views import print_member
from pos_app.core import card_returns, card_sales, card_stock, chip, members
from pos_app.core.errors import PosError
from pos_app.core.ledger import TENDER_ACCOUNTS
from pos_app.core.messages import Items, recognise, status
from pos_app.core.pii import mask_card
from pos_app.core.program import CARD_PRODUCT_MEDIA
from pos_app.core.terminal import Terminal


def add_card(parser: argparse.ArgumentParser) -> None:
    card = subcommands(parser)
    x = card.add_parser("batch", help="make a batch of numbered cards (finance)")
    x.add_argument("--product", required=True, help="a card product of the program")
    x.add_argument("--media", required=True, choices=list(CARD_PRODUCT_MEDIA))
    x.add_argument("--start", required=True,
                   help="the first number without its check digit (7-31 digits)")
    x.add_argument("--count", required=True, type=int)
    x.add_argument("--note", help="write the delivery note (JSON) for the store to this file")
    x.set_defaults(func=cmd_card_batch)
    x = card.add_parser("receive", help="register a batch of cards to this store's stock")
    src = x.add_mutually_exclusive_group(required=True)
    src.add_argument("--batch", help="a batch made on this terminal")
    src.add_argument("--note", help="the batch's delivery note (from pos card batch --note)")
    x.add_argument("--first", help="receive from this card number on")
    x.add_argument("--last", help="receive up to this card number")
    x.set_defaults(func=cmd_card_receive)
    x = card.add_parser("stock", help="this store's card stock")
    x.add_argument("--product")
    x.add_argument("--list", type=int, default=20, help="how many numbers in stock to list")
    x.set_defaults(func=cmd_card_stock)
    x = card.add_parser("sell", help="sell cards of a card product from the stock")
    x.add_argument("--product", required=True)
    x.add_argument("--count", type=int, default=1, help="cards in this purchase (anonymous)")
    x.add_argument("--card", help="the first card (default: the lowest number in stock)")
    x.add_argument("--holder", help="a registered card's holder: their card or phone")
    x.add_argument("--price", help="each card's price below face (a supervisor)")
    x.add_argument("--tender", default="cash", choices=list(TENDER_ACCOUNTS))
    x.add_argument("--seller", help="the staff credited with the sale (default: who sells)")
    x.add_argument("--buyer-name", help="the buyer, for a purchase at the real-name threshold")
    x.add_argument("--buyer-id-number")
    x.set_defaults(func=cmd_card_sell)
    x = card.add_parser("grant", help="give a member a card by the product's spending rule")
    x.add_argument("--product", required=True)
    x.add_argument("--holder", required=True, help="the member's card or phone")
    x.add_argument("--card", help="the card (default: the lowest number in stock)")
    x.set_defaults(func=cmd_card_grant)
    x = card.add_parser("return", help="take back the unused cards of a card sale")
    x.add_argument("sale", metavar="SALE_OR_CARD",
                   help="the card sale's receipt number, or one of its cards")
    x.add_argument("--reason", default="", help="why the customer returns it")
    x.set_defaults(func=cmd_card_return)
    x = card.add_parser("expire", help="expire the yearly cards past their validity")
    x.set_defaults(func=cmd_card_expire)
    x = card.add_parser("chip-record", help="the holder's record to write to a card's chip")
    x.add_argument("--card", required=True)
    x.set_defaults(func=cmd_chip_record)
    for name, helptext in (("write-chip", "write the holder's record to the chip or tag"),
                           ("check-chip", "read a chip or tag and check its holder's record")):
        x = card.add_parser(name, help=helptext)
        if name == "write-chip":
            x.add_argument("--card", required=True)
        dev = x.add_mutually_exclusive_group(required=True)
        dev.add_argument("--pcsc", metavar="READER", nargs="?", const="",
                         help="the contact IC card in this PC/SC reader (a part of its name)")
        dev.add_argument("--nfc", metavar="PATH", help="the tag on this nfcpy reader")
        if name == "check-chip":
            dev.add_argument("--record", help="a record read elsewhere (hex)")
        x.set_defaults(func=cmd_write_chip if name == "write-chip" else cmd_check_chip)
    x = card.add_parser("history", help="a stock card's moves")
    x.add_argument("--card", required=True)
    x.set_defaults(func=cmd_card_history)


def _write_note(path: str, note: dict[str, Any]) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as e:
        raise PosError("folder.exists", path=path) from e
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(note, f, ensure_ascii=False, indent=2)


def _read_note(path: str) -> dict[str, Any]:
    try:
        note = json.loads(Path(path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise PosError("card.bad_note", detail=f"{path}: {e}") from e
    if not isinstance(note, dict):
        raise PosError("card.bad_note", detail=f"{path}: not a JSON object")
    return note


def cmd_card_batch(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t, "card_batch")
    if args.note and Path(args.note).exists():
        raise PosError("folder.exists", path=args.note)
    with t.tx() as s:
        b = card_stock.create_batch(t, s, args.product, args.media, args.start, args.count, who)
        data = card_stock.delivery_note(b)
    if args.note:
        _write_note(args.note, data)

    def human() -> None:
        print(tr("out.card_batch", batch=data["batch"], count=data["count"],
                 product=data["product"], media=data["media"], first=data["first"],
                 last=data["last"]))

    emit(args, data, human)
    return 0


def cmd_card_receive(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t, "card_receive")
    note = _read_note(args.note) if args.note else None
    with t.tx() as s:
        r = card_stock.receive(t, s, who, batch_no=args.batch, note=note, first=args.first,
                               last=args.last)
    data = {"batch": r.batch, "product": r.product, "media": r.media, "count": len(r.cards),
            "first": r.cards[0], "last": r.cards[-1], "store": t.identity.store}

    def human() -> None:
        print(tr("out.cards_received", count=data["count"], product=r.product, batch=r.batch,
                 store=data["store"], first=data["first"], last=data["last"]))

    emit(args, data, human)
    return 0


def cmd_card_stock(args: argparse.Namespace, t: Terminal) -> int:
    operator(args, t, "card_stock")
    with t.read() as s:
        data = card_stock.stock(t, s, product=args.product, listed=max(0, args.list))

    def human() -> None:
        print(tr("out.card_stock_head", store=data["store"]))
        for p in data["products"]:
            counts = Items(f"{k if english() else word(status(k))} {p[k]}"  # en: as before
                           for k in card_stock.STATUSES if p[k])
            print(tr("out.card_stock_line", product=p["product"], name=p["name"],
                     media=p["media"], counts=counts))
        for c in data["in_stock"]:
            print(tr("out.card_in_stock", card=c["card"], product=c["product"],
                     batch=c["batch"]))

    emit(args, data, human)
    return 0


def cmd_card_history(args: argparse.Namespace, t: Terminal) -> int:
    operator(args, t, "card_stock")
    with t.read() as s:
        moves = card_stock.history(s, args.card)
        tz = t.program.timezone
        data = [{"from": m.from_status, "to": m.to_status, "staff": m.staff,
                 "at": m.at.astimezone(tz).isoformat(), "reason": m.reason} for m in moves]

    def said(value: str) -> str:  # a status in the language in use (en: as kept)
        return value if english() or not value else word(status(value))

    def human() -> None:
        for m in data:
            reason = word(recognise(m["reason"], "cardmove.") or m["reason"])
            print(f"{m['at']}  {said(m['from']) or '-'} -> {said(m['to'])}  {m['staff']}  "
                  f"{reason}")

    emit(args, data, human)
    return 0


def _print_sale(data: dict[str, Any]) -> None:
    print(tr("out.card_grant" if data["kind"] == "grant" else "out.card_sale",
             sale=data["sale_no"], count=len(data["cards"]), product=data["product"],
             cards=Items(data["cards"]), face=data["face"], paid=data["paid"],
             bonus=data["bonus"], commission=data["commission"], seller=data["seller"]))


def cmd_card_sell(args: argparse.Namespace, t: Terminal) -> int:
    price = parse_amount(args.price, "--price") if args.price else None
    who, approver = operator(args, t, "card_sale")
    req = card_sales.CardSaleRequest(
        product=args.product, count=args.count, first=args.card, holder=args.holder,
        price=price, tender=args.tender, seller=args.seller, buyer_name=args.buyer_name,
        buyer_id_number=args.buyer_id_number)
    with t.tx() as s:
        data = card_sales.summary(t, card_sales.sell(t, s, req, who, approver))
    emit(args, data, lambda: _print_sale(data))
    return 0


def cmd_card_grant(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t, "card_grant")
    with t.tx() as s:
        data = card_sales.summary(t, card_sales.grant(t, s, args.product, args.holder, who,
                                                      args.card))
    emit(args, data, lambda: _print_sale(data))
    return 0


def cmd_card_return(args: argparse.Namespace, t: Terminal) -> int:
    who, approver = operator(args, t, "card_return")
    with t.tx() as s:
        data = card_returns.summary(card_returns.take_back(t, s, args.sale, who, approver,
                                                           args.reason))
    emit(args, data, lambda: print(tr(
        "out.card_return", ret=data["return_no"], sale=data["sale_no"],
        count=len(data["cards"]), product=data["product"], cards=Items(data["cards"]),
        paid=data["paid_back"], tender=word(kind(data["tender"])), bonus=data["bonus"],
        commission=data["commission"], seller=data["seller"])))
    return 0


def cmd_card_expire(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t, "card_expire")
    with t.tx() as s:
        expired = card_stock.expire_due(t, s, who)
    emit(args, {"expired": expired}, lambda: print(tr("out.cards_expired", count=len(expired))))
    return 0


def cmd_chip_record(args: argparse.Namespace, t: Terminal) -> int:
    operator(args, t, "chip_data")
    with t.tx() as s:
        c = members.find_card(s, args.card)
        record = chip.record_for(t, s, c)
        data = {"card": c.card_no, "record": record.hex().upper()}
    emit(args, data, lambda: print(data["record"]))
    return 0


def cmd_write_chip(args: argparse.Namespace, t: Terminal) -> int:
    """Write the holder's record to the card in the reader (the reader's library is
    loaded only for a chip command)."""
    who, _ = operator(args, t, "chip_data")
    with t.read() as s:
        c = members.find_card(s, args.card)
        record = chip.record_for(t, s, c)
    media = "nfc" if args.nfc else "ic"
    try:
        if args.nfc:
            # nfcpy loads only for a chip command (start-up cost of every other pos card)
            from devices.nfc_reader import TagSession

            with TagSession(args.nfc) as tag:
                tag.write(c.card_no, record)
                uid = tag.uid
        else:
            # pyscard loads only for a chip command (start-up cost of every other pos card)
            from devices.pcsc_reader import ChipSession

            with ChipSession(args.pcsc) as ic:
                ic.write(record)
                uid = ic.uid() or ""
    except Exception as e:  # the device library's own words: what the clerk must fix
        raise PosError("chip.device", detail=str(e)) from e
    with t.tx() as s:
        c = members.find_card(s, args.card)
        if uid:
            members.bind_media(s, c, media, uid)
        chip.written(t, s, c, media, who)
    data = {"card": c.card_no, "media": media, "uid": uid}
    emit(args, data, lambda: print(tr("out.chip_written", media=media, uid=uid,
                                      card=mask_card(c.card_no))))
    return 0


def cmd_check_chip(args: argparse.Namespace, t: Terminal) -> int:
    operator(args, t, "chip_data")
    uid, media = "", "nfc" if args.nfc else "ic"
    try:
        if args.record is not None:
            record = _hex(args.record)
        elif args.nfc:
            # nfcpy loads only for a chip command (start-up cost of every other pos card)
            from devices.nfc_reader import TagSession

            with TagSession(args.nfc) as tag:
                record, uid = tag.read() or b"", tag.uid
        else:
            # pyscard loads only for a chip command (start-up cost of every other pos card)
            from devices.pcsc_reader import ChipSession

            with ChipSession(args.pcsc) as ic:
                record, uid = ic.read(chip.RECORD_LEN), ic.uid() or ""
    except PosError:
        raise
    except Exception as e:  # the device library's own words
        raise PosError("chip.device", detail=str(e)) from e
    with t.read() as s:
        presented = None
        if uid:
            try:
                presented = members.find_card(s, uid, media, active_only=False)
            except PosError:
                presented = None
        c = chip.check_record(t, s, record, presented)
        data = members.summary(t, s, c.member, c)
    emit(args, data, lambda: print_member(data))
    return 0


def _hex(text: str) -> bytes:
    try:
        return bytes.fromhex(text)
    except ValueError as e:
        raise PosError("chip.no_record") from e
