"""Named operations: the work a screen asks of the database thread, as Anki's
``aqt/operations``.

Each operation is a plain function in a module of this package, one module per screen
(:mod:`.members`, :mod:`.balance`, ...), that takes the terminal (and the operator,
where it writes) and plain values, opens its own ``terminal.tx()`` or
``terminal.read()``, and returns plain values, never ORM rows. A screen runs one with

    Op(ctx, balance.print_slip, card_no, who).success(show).failure(self.fail).run()

:class:`Op` calls the function on the one database thread (``pos_app.ui.worker``), so
operations run in the order given, and calls ``success(result)`` or ``failure(error)``
back on the UI thread. The operation's name (its function's) is what the log shows when
it fails unheard.
"""

from pos_app.ui.operations.op import Op

__all__ = ["Op"]
