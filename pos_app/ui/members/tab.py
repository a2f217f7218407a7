"""The base of a member counter tab: it sees the member shown and reports to the
counter (messages, the member after a change)."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtWidgets import QWidget

from pos_app.core.errors import PosError
from pos_app.ui.context import Context
from pos_app.ui.i18n_util import _
from pos_app.ui.members.card_source import CardSource


class Counter(Protocol):
    """What a tab may ask of the member counter screen."""

    ctx: Context
    member: dict[str, Any] | None

    def ok(self, text: str) -> None: ...

    def fail(self, e: Exception) -> None: ...

    def show_member(self, m: dict[str, Any]) -> None: ...

    def load(self, text: str, card: bool = False, note: str = "") -> None: ...

    def write_chip(self, card_no: str) -> None: ...


class MemberTab(QWidget):
    label = "Tab"  # N_() marked in each tab; translated where shown

    def __init__(self, counter: Counter) -> None:
        super().__init__()
        self.counter = counter
        self.ctx = counter.ctx

    def finish(self) -> None:
        """F12 on this tab (the screen's finishing key); most tabs have nothing to finish."""

    def fit_width(self, narrow: bool) -> None:
        """Reflow for a narrow screen (most tabs reflow by themselves)."""

    def member_shown(self, m: dict[str, Any]) -> None:
        """The counter shows member ``m`` (after a find or a change)."""

    def card_source(self) -> CardSource | None:
        """Where this tab waits for a presented card, if it does."""
        return None

    def member(self) -> dict[str, Any] | None:
        """The member shown; None (with the message "Find a member first") if none."""
        m = self.counter.member
        if m is None:
            self.counter.fail(PosError(_("Find a member first")))
        return m
