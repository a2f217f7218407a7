"""Option values of several commands: times (``--at``), money amounts and dates, each
refused with the option's name when it does not read."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from pos_app.core.errors import PosError
from pos_app.core.money import MoneyError, parse_money
from pos_app.core.terminal import Terminal


def parse_at(text: str | None, t: Terminal) -> datetime | None:
    """``--at``: an ISO-8601 time; without an offset, in the program's time zone."""
    if not text:
        return None
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        raise PosError("cli.bad_time", text=text) from None
    if at.tzinfo is None:
        at = at.replace(tzinfo=t.program.timezone)
    return at


def parse_amount(text: str, what: str) -> Decimal:
    try:
        return parse_money(text)
    except MoneyError as e:
        raise PosError("cli.option_error", what=what, problem=e.msg) from None


def parse_date(text: str | None, what: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise PosError("cli.bad_date", what=what, text=text) from None
