"""``pos card``: card stock (finance's batches, the store's registered cards, each
card's moves)."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from pos_app.cli.operator import operator
from pos_app.cli.output import emit
from pos_app.cli.parser import subcommands
from pos_app.core import card_stock
from pos_app.core.errors import PosError
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
        print(f"batch {data['batch']}: {data['count']} {data['product']} cards "
              f"({data['media']}) {data['first']} .. {data['last']}")

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
        print(f"received {data['count']} {r.product} cards of batch {r.batch} into store "
              f"{data['store']}: {data['first']} .. {data['last']}")

    emit(args, data, human)
    return 0


def cmd_card_stock(args: argparse.Namespace, t: Terminal) -> int:
    operator(args, t, "card_stock")
    with t.read() as s:
        data = card_stock.stock(t, s, product=args.product, listed=max(0, args.list))

    def human() -> None:
        print(f"card stock of store {data['store']}")
        for p in data["products"]:
            counts = ", ".join(f"{k} {p[k]}" for k in card_stock.STATUSES if p[k])
            print(f"  {p['product']} {p['name']} ({p['media']}): {counts}")
        for c in data["in_stock"]:
            print(f"  in stock: {c['card']} {c['product']} batch {c['batch']}")

    emit(args, data, human)
    return 0


def cmd_card_history(args: argparse.Namespace, t: Terminal) -> int:
    operator(args, t, "card_stock")
    with t.read() as s:
        moves = card_stock.history(s, args.card)
        tz = t.program.timezone
        data = [{"from": m.from_status, "to": m.to_status, "staff": m.staff,
                 "at": m.at.astimezone(tz).isoformat(), "reason": m.reason} for m in moves]

    def human() -> None:
        for m in data:
            print(f"{m['at']}  {m['from'] or '-'} -> {m['to']}  {m['staff']}  {m['reason']}")

    emit(args, data, human)
    return 0
