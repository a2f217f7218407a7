"""Python's cyclic garbage collector while ``pos`` starts.

Start-up (the command's modules, SQLAlchemy, mapping the ledger's models, opening the
ledger) makes some 100,000 objects that live as long as the process: the collector's
passes over them find nothing to free. :func:`pause` stops it as the entry starts;
:func:`resume` puts it back as it was once the command is about to run. When ``pos`` is
the process's own command, :func:`resume` first freezes what start-up made
(``gc.freeze()``), so the collector's passes during the command look only at what the
command makes: otherwise the first of them traverses everything start-up made (some 50
ms for ``pos member show``). A caller running ``pos`` in its own process (``main(argv)``,
as the tests do) gets no freeze: its objects stay the collector's to free.
"""

from __future__ import annotations

import gc

_paused = False
_freeze = False


def pause(*, whole_process: bool) -> None:
    """Stop the collector for start-up, if it runs; ``whole_process``: ``pos`` is the
    process's command (the process ends when it returns)."""
    global _paused, _freeze
    if _paused or not gc.isenabled():
        return
    gc.disable()
    _paused, _freeze = True, whole_process


def resume() -> None:
    """Start-up is done: the collector runs again if :func:`pause` stopped it (a second
    call does nothing)."""
    global _paused
    if not _paused:
        return
    _paused = False
    if _freeze:
        gc.freeze()
    gc.enable()
