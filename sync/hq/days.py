"""The business day HQ gives an event: the date on the stores' clocks, not UTC's.

Terminals send an event's ``business_time`` in UTC (the hash chain covers the text, so HQ
reads it as sent). A sale rung up at 00:30 in Shanghai is 16:30 the day before in UTC;
dated by UTC it would count in the previous day's sales, staff figures and settlement.
HQ therefore dates every event in the chain's time zone: ``[hq] timezone`` in its
config, ``Asia/Shanghai`` unless set (the program's ``[program] timezone`` says the same
for the terminals).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

DEFAULT_TIMEZONE = "Asia/Shanghai"
_chain = [ZoneInfo(DEFAULT_TIMEZONE)]


def use(timezone: str) -> None:
    """Date events in ``timezone`` from now on (HQ's config, read at start)."""
    _chain[0] = ZoneInfo(timezone)


def business_date(at: str | datetime) -> str:
    """The ISO date of ``at`` (an aware time, or its ISO text) on the stores' clocks; a
    time without a zone is taken as UTC, as HQ stores them."""
    moment = at if isinstance(at, datetime) else datetime.fromisoformat(str(at))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(_chain[0]).date().isoformat()


def today() -> date:
    """Today on the stores' clocks."""
    return datetime.now(_chain[0]).date()
