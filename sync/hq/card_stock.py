"""The chain's card stock at HQ: every card finance made (event ``card_stock``, move
``made``), the store that registered it (``received``) and each later move, so HQ sees
the stock of every store (``GET /v1/admin/card-stock``). A store that registers a card
HQ knows in another store's stock, or one no batch made, raises an alert."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.hq.models import HqStockCard

Alert = Callable[[str, str], None]  # (kind, detail)


def apply_move(s: Session, store: str, p: dict[str, Any], now: str, alert: Alert) -> None:
    move = str(p["move"])
    nos = [str(c) for c in p["cards"]]
    known: dict[str, HqStockCard] = {}
    for i in range(0, len(nos), 500):
        part = nos[i:i + 500]
        known.update((r.card_no, r) for r in
                     s.scalars(select(HqStockCard).where(HqStockCard.card_no.in_(part))))
    if move == "made":
        clash = [n for n in nos if n in known]
        if clash:
            alert("card_stock", f"batch {p['batch']} repeats {len(clash)} card numbers "
                                f"already made, from {clash[0]}")
        for n in nos:
            if n not in known:
                s.add(HqStockCard(card_no=n, batch_no=str(p["batch"]), product=str(p["product"]),
                                  media=str(p["media"]), store="", status="made", updated_at=now))
        return
    if move == "received":
        elsewhere = [r for r in known.values() if r.store and r.store != store]
        unmade = [n for n in nos if n not in known]
        if elsewhere:
            alert("card_stock", f"store {store} registered {len(elsewhere)} cards of store "
                                f"{elsewhere[0].store}, from {elsewhere[0].card_no}")
        if unmade:
            alert("card_stock", f"store {store} registered {len(unmade)} cards no batch made, "
                                f"from {unmade[0]}")
    for n in nos:
        row: HqStockCard | None = known.get(n)
        if row is None:
            row = HqStockCard(card_no=n, batch_no=str(p["batch"]), product=str(p["product"]),
                              media=str(p["media"]), store=store, status="made", updated_at=now)
            s.add(row)
        row.status = "in_stock" if move == "received" else move
        row.store = store
        row.updated_at = now


def card_blocked(s: Session, card_no: str, now: str) -> None:
    row = s.get(HqStockCard, card_no)
    if row is not None:
        row.status = "blocked"
        row.updated_at = now


def stock(s: Session, store: str | None = None) -> dict[str, Any]:
    """How many cards of each product are in each status, per store (``""``: made, not
    yet received by a store)."""
    q = select(HqStockCard.store, HqStockCard.product, HqStockCard.status)
    if store is not None:
        q = q.where(HqStockCard.store == store)
    counts = Counter(tuple(r) for r in s.execute(q))
    rows = [{"store": st, "product": prod, "status": status, "cards": n}
            for (st, prod, status), n in sorted(counts.items())]
    return {"stock": rows}
