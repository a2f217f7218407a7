"""What the status bar shows about the link to HQ.

Read from what sync writes in the ledger file (``sync_state``: the link, the last good
exchange; ``outbox``: events not yet acknowledged by HQ), never from the network. A
terminal not registered with an HQ shows "offline" with its waiting events. Called on
the database thread (a read may wait for a writer), every two seconds.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from pos_app.core import offline
from pos_app.core.models import OutboxEvent
from pos_app.core.terminal import Terminal
from pos_app.ui.i18n_util import N_


@dataclass(frozen=True)
class HqLink:
    online: bool
    waiting: int  # events recorded here and not yet acknowledged by HQ
    detail: str = ""


def hq_link(terminal: Terminal) -> HqLink:
    with terminal.read() as s:
        waiting = int(
            s.scalar(select(func.count(OutboxEvent.id)).where(OutboxEvent.status == "pending"))
            or 0
        )
        st = offline.state(s)
        if st is None:
            return HqLink(False, waiting, N_("not registered with an HQ"))
        online = not offline.is_offline(st, terminal.now())
        return HqLink(online, waiting, st.last_error or "")
