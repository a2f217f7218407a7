"""The sharing rule of pricing.md, used by spend-get-off, coupons, the pay discount,
tender allocation and refunds.

Each part's exact share is floored to the cent; leftover cents go one each to the parts
with the largest remainders (ties: the larger part amount, then the earlier part).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from pos_app.core.money import CENT, ZERO, floor_cent


def share_out(total: Decimal, weights: Sequence[Decimal]) -> list[Decimal]:
    """Split ``total`` (cents) over parts in proportion to ``weights``.

    The shares sum exactly to ``total``. ``total`` must not exceed ``sum(weights)``
    when the caller needs every share to stay within its weight.
    """
    if total == 0 or not weights:
        return [ZERO for _ in weights]
    base = sum(weights, ZERO)
    if base <= 0:
        raise ValueError("cannot share an amount over parts that sum to zero")
    exact = [total * w / base for w in weights]
    shares = [floor_cent(e) for e in exact]
    leftover = int((total - sum(shares, ZERO)) / CENT)
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - shares[i]), -weights[i], i))
    for i in order[:leftover]:
        shares[i] += CENT
    return shares


def share_points(total: int, weights: Sequence[Decimal]) -> list[int]:
    """Split a whole number of points by the same rule (largest remainder, whole points)."""
    if total == 0 or not weights:
        return [0 for _ in weights]
    base = sum(weights, ZERO)
    if base <= 0:
        # Nothing to weigh by: give everything to the first part.
        return [total] + [0] * (len(weights) - 1)
    exact = [Decimal(total) * w / base for w in weights]
    shares = [int(e) for e in exact]
    leftover = total - sum(shares)
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - shares[i]), -weights[i], i))
    for i in order[:leftover]:
        shares[i] += 1
    return shares


def portion(amount: Decimal, done_qty: int, qty: int, of_qty: int) -> Decimal:
    """The part of ``amount`` that belongs to ``qty`` more units after ``done_qty`` units of
    ``of_qty`` were already taken: cumulative floors, so that taking every unit, in any
    number of steps, gives back exactly ``amount``."""
    before = floor_cent(amount * done_qty / of_qty) if done_qty < of_qty else amount
    after = floor_cent(amount * (done_qty + qty) / of_qty) if done_qty + qty < of_qty else amount
    return after - before


def portion_points(points: int, done_qty: int, qty: int, of_qty: int) -> int:
    """Whole-point version of :func:`portion`."""
    before = points * done_qty // of_qty
    after = points * (done_qty + qty) // of_qty
    return after - before
