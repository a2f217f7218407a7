"""An operation run on the database thread with success and failure callbacks (see
:mod:`pos_app.ui.operations`)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from pos_app.ui.context import Context

log = logging.getLogger(__name__)
T = TypeVar("T")


class Op(Generic[T]):
    """One named operation, its arguments and what to do with its result."""

    def __init__(self, ctx: Context, fn: Callable[..., T], *args: Any, **kwargs: Any) -> None:
        self.ctx = ctx
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.name = f"{fn.__module__.rsplit('.', 1)[-1]}.{fn.__name__}"
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[Exception], None] | None = None

    def success(self, fn: Callable[[T], None]) -> Op[T]:
        """Call ``fn(result)`` on the UI thread when the operation is done."""
        self._success = fn
        return self

    def failure(self, fn: Callable[[Exception], None]) -> Op[T]:
        """Call ``fn(error)`` on the UI thread when the operation raised."""
        self._failure = fn
        return self

    def run(self) -> None:
        """Queue the operation on the database thread."""
        fn, args, kwargs = self.fn, self.args, self.kwargs
        self.ctx.run(lambda: fn(*args, **kwargs), self._success, self._failure or self._unheard)

    def _unheard(self, e: Exception) -> None:
        log.error("operation %s failed: %r", self.name, e)
