"""Who runs a command: ``--staff CODE`` (PIN from ``--pin`` or ``$POS_STAFF_PIN``), else
the console (the data folder's owner, with manager rights); and the supervisor approving
it, ``--approver CODE`` (PIN from ``--approver-pin`` or ``$POS_APPROVER_PIN``)."""

from __future__ import annotations

import argparse
import os

from pos_app.core import rights, staff
from pos_app.core.staff import CONSOLE, Operator
from pos_app.core.terminal import Terminal


def operator(
    args: argparse.Namespace, t: Terminal, action: str, *, setup: bool = False
) -> tuple[Operator, Operator | None]:
    """The staff member running the command (default: the console) and an approving
    supervisor where one was given, their PINs checked; then the rights table's check
    (:func:`pos_app.core.rights.require`) that they may do ``action``."""
    who, approver = CONSOLE, None
    if args.staff:  # each check counts towards the PIN lock-out, committed at once
        who = staff.check_pin(t, args.staff, args.pin or os.environ.get("POS_STAFF_PIN", ""))
    if args.approver:
        pin = args.approver_pin or os.environ.get("POS_APPROVER_PIN", "")
        approver = staff.check_pin(t, args.approver, pin)
    rights.require(who, action, approver, setup=setup)
    return who, approver
