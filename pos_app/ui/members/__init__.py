"""The member counter (服务台), one module per tab: :mod:`.enroll` (enrollment with
validation and consent, the card bound by swipe, tap, insert or the next number),
:mod:`.topup` (top-up with the bonus preview and the caps), :mod:`.cards` (lost card
block and replace, supplementary cards), :mod:`.history` (tier by hand, tier changes,
sales and top-ups). :mod:`.screen` holds the find bar and the member shown; the work on
the database thread is :mod:`pos_app.ui.operations.members`."""

from pos_app.ui.members.screen import MembersScreen

__all__ = ["MembersScreen"]
