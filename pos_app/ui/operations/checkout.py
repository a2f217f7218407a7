"""The checkout screen's operations: a code that is not an item at once (an item read
since, a coupon, or a member card), the coupons already used, and the counter's own
work: park and recall a cart, cancel the sale, reprint the last receipt, open the drawer
with no sale (see
:mod:`pos_app.ui.operations`). An item's own code is looked up on the UI thread where it
arrives (one indexed read; docs/ui.md, "Threads")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from pos_app.core import catalog, counter, gifts, parking, sales
from pos_app.core.errors import NotFound, PosError
from pos_app.core.pricing import CartItem, PricedLine, quote
from pos_app.core.staff import Operator
from pos_app.core.terminal import Terminal
from pos_app.ui import printing
from pos_app.ui.operations.members import look_up


def look_up_code(t: Terminal, code: str) -> tuple[str, Any]:
    """``("item", CartItem)``, ``("coupon", code)`` or ``("member", summary)``; NotFound
    names the code when it is none of them."""
    with t.read() as s:
        it = catalog.cart_item(s, code)
        if it is not None:
            return "item", it
        if t.program.coupon_batch_for(code) is not None:
            return "coupon", code
    try:
        return "member", look_up(t, code)
    except NotFound:
        raise NotFound("sale.nothing_found", code=code) from None


def price_now(t: Terminal, code: str, tier_code: str | None) -> tuple[CartItem, PricedLine]:
    """The item ``code`` and its line as a sale would ring it up now (the price check);
    NotFound names the code when it is no item."""
    with t.read() as s:  # one indexed read, as a scan at checkout
        item = catalog.cart_item(s, code)
    if item is None:
        raise NotFound("sale.nothing_found", code=code)
    return item, quote(t.program, [item], t.now(), tier_code=tier_code).lines[0]


def gift_stock(t: Terminal) -> dict[str, int]:
    """The program's gifts on hand in this store (a 满赠 gives only what is in stock)."""
    with t.read() as s:
        return gifts.stock(s, t.program)


def used_coupons(t: Terminal) -> set[str]:
    """The coupon codes already used on this terminal's ledger."""
    with t.read() as s:
        return sales.used_coupons(s)


# ---------------------------------------------------------------- counter operations


def park_cart(t: Terminal, who: Operator, lines: list[parking.ParkedLine], total: Decimal,
              member_card: str | None, coupon: str | None,
              price_approver: str | None) -> parking.Parked:
    """挂单: the cart kept in the ledger with its time and member."""
    with t.tx() as s:
        return parking.park(t, s, lines, total, who, member_card=member_card, coupon=coupon,
                            price_approver=price_approver)


def parked_carts(t: Terminal) -> list[parking.Parked]:
    """The carts waiting to be recalled, oldest first."""
    with t.read() as s:
        return parking.waiting(s)


@dataclass
class Recalled:
    """A parked cart taken back: its lines priced afresh from the catalog, what could not
    come back (an item gone from the catalog, a member card now refused)."""

    coupon: str | None
    used_coupons: set[str]
    approver: Operator | None
    lines: list[tuple[str, CartItem]] = field(default_factory=list)
    member: dict[str, Any] | None = None
    gone: list[str] = field(default_factory=list)


def recall_cart(t: Terminal, who: Operator, p: parking.Parked,
                describe: Callable[[PosError], str]) -> Recalled:
    """取单: the parked cart ``p`` marked recalled and rebuilt from today's catalog."""
    with t.tx() as s:
        parking.recall(t, s, p.id, who)
        back = Recalled(p.coupon, sales.used_coupons(s), parking.approver_of(s, p))
        for ln in p.lines:
            item = catalog.cart_item(s, ln.code, ln.qty, ln.override_price)
            if item is None:
                back.gone.append(ln.code)
            else:
                back.lines.append((ln.code, replace(item, manual_rate=ln.manual_rate)))
    if p.member_card:
        try:
            back.member = look_up(t, p.member_card, True)
        except PosError as e:
            back.gone.append(describe(e))
    return back


def cancel_sale(t: Terminal, who: Operator, lines: list[tuple[str, int]], total: Decimal,
                reason: str, approver: Operator | None, member_card: str | None) -> None:
    """整单取消, audited with what the cart held."""
    with t.tx() as s:
        counter.cancel_sale(t, s, lines, total, reason, who, approver, member_card)


def reprint_last(t: Terminal, who: Operator, approver: Operator | None) -> printing.Printout:
    """The last receipt of this terminal again, marked as a reprint (audited)."""
    # receipts (PIL, qrcode) load on the database thread, not at app start
    from receipts.records import last_receipt_no, reprint_saved

    with t.tx() as s:
        no = last_receipt_no(s)
        copy = reprint_saved(s, no, t.now(), who, approver.code if approver else None)
    return printing.render(t, copy, open_drawer=False)


def open_drawer(t: Terminal, who: Operator, reason: str) -> None:
    """The drawer opened with no sale: the audit row with the reason."""
    with t.tx() as s:
        counter.open_drawer(t, s, reason, who)
