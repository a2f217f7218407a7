"""Writing the holder's record to a chip card at issue: the clerk is told to insert the
card in the chip reader (or tap it on the NFC reader); the reader writes in its own
thread (:meth:`pos_app.ui.device_bridge.DeviceBridge.write_holder`); the dialog says it
is written, or what went wrong in the clerk's language (no card, another card, the chip
refused the write, the reader is not there) and offers to write again.

The card is issued first (its record names the member, who exists only once enrolled)
and written next; a chip card closed without a write stays issued and flagged: the
member counter shows "chip not written" whenever its member is shown, with the Write
chip button of the Cards tab (the same dialog)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from devices.base import DeviceUnavailable
from devices.holder import ChipWriteRefused
from pos_app.core.pii import mask_card
from pos_app.ui.context import Context
from pos_app.ui.device_bridge import DeviceOp
from pos_app.ui.i18n_util import _, error_text
from pos_app.ui.operations import Op
from pos_app.ui.operations import members as member_ops
from pos_app.ui.widgets import set_message


class ChipWriteDialog(QDialog):
    """Write ``job`` to the card the clerk presents; ``on_done(written)`` when closed."""

    WAIT_S = 20.0  # how long the reader waits for the card to be inserted or tapped

    def __init__(self, parent: QWidget, ctx: Context, job: member_ops.ChipJob,
                 on_done: Callable[[bool], None]) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.job = job
        self.on_done = on_done
        self.written = False
        self.op: DeviceOp | None = None
        self.setObjectName("chip_write")
        self.setWindowTitle(_("Write the chip"))
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        card = mask_card(job.card_no)
        text = (_("Tap card %1 on the card reader and hold it there") if job.media == "nfc"
                else _("Insert card %1 into the chip card reader"))
        self.prompt = QLabel(text.replace("%1", card) + "\n" + _(
            "The card number and the holder's check are written to its chip."))
        self.prompt.setObjectName("chip_prompt")
        self.prompt.setWordWrap(True)
        lay.addWidget(self.prompt)
        self.status = QLabel()
        self.status.setObjectName("chip_status")
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(48)
        lay.addWidget(self.status)
        self.buttons = QDialogButtonBox()
        self.retry = self.buttons.addButton(_("Write again"),
                                            QDialogButtonBox.ButtonRole.ActionRole)
        self.retry.setObjectName("chip_retry")
        self.close_button = self.buttons.addButton(_("Not now"),
                                                   QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setObjectName("chip_close")
        for b in (self.retry, self.close_button):
            b.setMinimumHeight(52)
        self.retry.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.finished.connect(self._closed)

    def start(self) -> None:
        """Ask the reader to write (again)."""
        self.retry.setEnabled(False)
        set_message(self.status, _("Writing… waiting for the card"), ok=True)
        j = self.job
        self.op = self.ctx.devices.write_holder(j.media, j.card_no, j.record, j.uid,
                                               self.WAIT_S)
        self.op.success(self._on_chip).failure(self.refused)

    def _on_chip(self, uid: str) -> None:
        self.op = None
        ctx = self.ctx
        Op(ctx, member_ops.chip_written, ctx.terminal, ctx.who, self.job, uid).success(
            lambda _r: self._done()).failure(self.refused).run()

    def _done(self) -> None:
        self.written = True
        set_message(self.status, _("Written: the chip of card %1 carries its holder")
                    .replace("%1", mask_card(self.job.card_no)), ok=True)
        self.retry.hide()
        self.close_button.setText(_("Done"))
        self.close_button.setFocus()

    def refused(self, e: Exception) -> None:
        """What went wrong, in the clerk's words, and Write again."""
        self.op = None
        set_message(self.status, self.reason(e))
        self.retry.setEnabled(True)
        self.retry.setFocus()

    def reason(self, e: Exception) -> str:
        card = mask_card(self.job.card_no)
        if isinstance(e, ChipWriteRefused) and e.code == "no_card":
            text = (_("No card on the reader: tap card %1 and write again")
                    if self.job.media == "nfc"
                    else _("No card in the reader: insert card %1 and write again"))
            return text.replace("%1", card)
        if isinstance(e, ChipWriteRefused) and e.code == "wrong_card":
            return _("This is not card %1: its chip belongs to another card. Present card "
                     "%1 and write again").replace("%1", card)
        if isinstance(e, ChipWriteRefused):
            return _("The chip was not written (%1): keep the card still and write again"
                     ).replace("%1", str(e))
        if isinstance(e, DeviceUnavailable):
            return _("The card reader is not available (%1)").replace("%1", str(e))
        return error_text(e)

    def _closed(self) -> None:
        if self.op is not None:
            self.op.cancel()
            self.op = None
        self.on_done(self.written)
