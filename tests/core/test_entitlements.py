"""Entitlements through the core: a tier's services (unlimited, or a yearly count), a
card product's services granted once when the card is sold or issued, each use recorded
with the staff who served, and uses refused, coded, when used up or expired."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from pos_app.core import entitlements, members, tiers
from pos_app.core.errors import NotAllowed, NotFound, PosError
from pos_app.core.models import OutboxEvent
from pos_app.core.staff import CONSOLE
from pos_app.core.terminal import Terminal

from .conftest import TZ, Clock
from .helpers import CASHIER, SUPERVISOR, enroll


def standing(t: Terminal, card: str) -> list[dict[str, object]]:
    with t.read() as s:
        m = members.find_card(s, card).member
        return [x.as_dict() for x in entitlements.standing(t, s, m)]


def use(t: Terminal, card: str, service: str, served_by: str | None = None) -> dict[str, object]:
    with t.tx() as s:
        _, after = entitlements.use(t, s, card, service, CASHIER, served_by)
        return after.as_dict()


def test_a_tier_brings_unlimited_and_counted_services(terminal: Terminal, clock: Clock) -> None:
    gold = enroll(terminal, tier="gold")
    assert [(x["service"], x["unlimited"]) for x in standing(terminal, gold)] == [
        ("dry_cleaning", True)]
    for _ in range(3):
        assert use(terminal, gold, "dry_cleaning", "2001")["left"] is None
    silver = enroll(terminal, phone="13900139000", tier="silver")
    assert use(terminal, silver, "dry_cleaning")["left"] == 1
    assert use(terminal, silver, "dry_cleaning")["left"] == 0
    with pytest.raises(PosError, match="dry-cleaning|干洗.*used up") as e:
        use(terminal, silver, "dry_cleaning")
    assert e.value.msg.code == "entitlement.used_up"
    clock.at = datetime(2027, 1, 2, 10, 0, tzinfo=TZ)  # a new year: the count again
    assert use(terminal, silver, "dry_cleaning")["left"] == 1
    regular = enroll(terminal, phone="13700137000")
    with pytest.raises(PosError, match="the member has no 干洗") as e:
        use(terminal, regular, "dry_cleaning")
    assert e.value.msg.code == "entitlement.none"


def test_a_card_product_grants_once_and_expires(terminal: Terminal, clock: Clock) -> None:
    card = enroll(terminal)
    with terminal.tx() as s:
        c = members.find_card(s, card)
        granted = entitlements.grant_for_card(s, c, "VIP5000", terminal=terminal, who=CONSOLE)
        assert [(g.service, g.count) for g in granted] == [("checkup", 1)]
        assert entitlements.grant_for_card(s, c, "NO-SUCH", terminal=terminal,
                                           who=CONSOLE) == []
    (x,) = standing(terminal, card)
    assert (x["name"], x["left"], x["valid_until"]) == ("体检", 1, "2027-11-08")
    after = use(terminal, card, "checkup", "2001")
    assert after["left"] == 0
    with pytest.raises(PosError, match="体检 is used up"):
        use(terminal, card, "checkup")
    other = enroll(terminal, phone="13900139000")
    with terminal.tx() as s:
        entitlements.grant_by_hand(terminal, s, other, "checkup", 1, 1, SUPERVISOR,
                                   "complaint 11/09")
    clock.at = datetime(2026, 12, 10, 10, 0, tzinfo=TZ)  # the month's grant is over
    with pytest.raises(PosError, match="体检 expired on 2026-12-08") as e:
        use(terminal, other, "checkup")
    assert e.value.msg.code == "entitlement.expired"
    with terminal.read() as s:
        kinds = [ev.kind for ev in s.scalars(select(OutboxEvent))]
    assert kinds.count("entitlement_granted") == 2 and kinds.count("entitlement_used") == 1


def test_refused_input(terminal: Terminal) -> None:
    card = enroll(terminal, tier="gold")
    with pytest.raises(NotFound, match="no service 'ironing'"):
        use(terminal, card, "ironing")
    with pytest.raises(NotFound, match="no active staff member 7777"):
        use(terminal, card, "dry_cleaning", "7777")
    with pytest.raises(NotAllowed, match="needs a supervisor"), terminal.tx() as s:
        entitlements.grant_by_hand(terminal, s, card, "checkup", 1, None, CASHIER, "x")
    with pytest.raises(PosError, match="needs a reason"), terminal.tx() as s:
        entitlements.grant_by_hand(terminal, s, card, "checkup", 1, None, SUPERVISOR, "")
    with terminal.tx() as s:
        m = members.find_card(s, card).member
        tiers.set_tier(terminal, s, m, "regular", CONSOLE, "test")
    with pytest.raises(PosError, match="has no 干洗"):
        use(terminal, card, "dry_cleaning")
