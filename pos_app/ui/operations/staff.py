"""Staff operations: logging in and a supervisor's approval, both by staff code and PIN
(every PIN is counted towards the lock-out in a transaction of its own). See
:mod:`pos_app.ui.operations`."""

from __future__ import annotations

from pos_app.core import staff
from pos_app.core.errors import NotAllowed
from pos_app.core.models import Staff
from pos_app.core.staff import Operator
from pos_app.core.terminal import Terminal


def log_in(t: Terminal, code: str, pin: str) -> tuple[Operator, str]:
    """The operator with this code and PIN, and their name."""
    op = staff.check_pin(t, code, pin)  # counted towards the lock-out, committed
    with t.read() as s:
        row = s.query(Staff).filter(Staff.code == code).one()
        return op, row.name


def approve(t: Terminal, code: str, pin: str, action: str) -> Operator:
    """The approver with this code and PIN, if their role may approve ``action``."""
    op = staff.check_pin(t, code, pin)  # counted towards the lock-out, committed
    if not op.may(action):
        raise NotAllowed(f"staff {op.code} ({op.role}) may not approve {action.replace('_', ' ')}")
    return op
