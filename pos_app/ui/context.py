"""What every screen reaches: the terminal, the database thread, the devices and who
is logged in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pos_app.config import Counter
from pos_app.core.errors import NotAllowed
from pos_app.core.rights import right
from pos_app.core.staff import Operator
from pos_app.core.terminal import Terminal
from pos_app.ui.device_bridge import DeviceBridge
from pos_app.ui.worker import Runner


@dataclass
class Context:
    terminal: Terminal
    runner: Runner
    devices: DeviceBridge
    language: str = "zh_CN"
    operator: Operator | None = None
    operator_name: str = ""
    listeners: list[Callable[[], None]] = field(default_factory=list)
    # the till's [counter] settings in terminal.toml (pos_app.config.Counter): same_item,
    # customer_display, touch
    counter: Counter = field(default_factory=Counter)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        self.runner.run(fn, on_done, on_error)

    @property
    def who(self) -> Operator:
        if self.operator is None:
            raise NotAllowed("staff.nobody")
        return self.operator

    def may(self, action: str) -> bool:
        return self.operator is not None and self.operator.may(action)

    @staticmethod
    def needs(action: str) -> str:
        return right(action).role
