"""The checkout screen's operations: a code that is not an item at once (an item read
since, a coupon, or a member card), the coupons already used (see
:mod:`pos_app.ui.operations`). An item's own code is looked up on the UI thread where it
arrives (one indexed read; docs/ui.md, "Threads")."""

from __future__ import annotations

from typing import Any

from pos_app.core import catalog, sales
from pos_app.core.errors import NotFound
from pos_app.core.terminal import Terminal
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


def used_coupons(t: Terminal) -> set[str]:
    """The coupon codes already used on this terminal's ledger."""
    with t.read() as s:
        return sales.used_coupons(s)
