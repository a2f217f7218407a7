"""Franchisee settlement: who owes whom for stored value and points over a period, with
the event ids behind every figure (JSON and CSV)."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.hq.models import HqSettlement


def _yuan(c: int) -> str:
    return f"{Decimal(c) / 100:.2f}"


def settle(s: Session, start: str, end: str) -> dict[str, Any]:
    """Items with business dates in [start, end] (YYYY-MM-DD), netted per pair of
    franchisees and kind: ``debtor`` owes ``creditor`` ``amount``."""
    rows = s.scalars(
        select(HqSettlement)
        .where(HqSettlement.business_date >= start, HqSettlement.business_date <= end)
        .order_by(HqSettlement.id)
    ).all()
    net: dict[tuple[str, str, str], dict[str, Any]] = defaultdict(
        lambda: {"cents": 0, "points": 0, "events": []}
    )
    for r in rows:
        a, b = sorted((r.debtor, r.creditor))
        sign = 1 if (r.debtor, r.creditor) == (a, b) else -1
        n = net[(r.kind, a, b)]
        n["cents"] += sign * r.amount_cents
        n["points"] += sign * r.points
        n["events"].append(r.event_id)
    lines = []
    for (kind, a, b), n in sorted(net.items()):
        debtor, creditor, cents = (a, b, n["cents"]) if n["cents"] >= 0 else (b, a, -n["cents"])
        lines.append(
            {
                "kind": kind,
                "debtor": debtor,
                "creditor": creditor,
                "amount": _yuan(cents),
                "points": abs(n["points"]),
                "events": sorted(set(n["events"])),
            }
        )
    return {"period": {"start": start, "end": end}, "lines": lines}


def to_csv(report: dict[str, Any]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["start", "end", "kind", "debtor", "creditor", "amount", "points", "events"])
    for ln in report["lines"]:
        w.writerow(
            [
                report["period"]["start"],
                report["period"]["end"],
                ln["kind"],
                ln["debtor"],
                ln["creditor"],
                ln["amount"],
                ln["points"],
                " ".join(ln["events"]),
            ]
        )
    return out.getvalue()
