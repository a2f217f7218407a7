"""Where a new card comes from: the next number in sequence, or a card presented
(swipe, tap, insert or a scanned card barcode)."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget

from pos_app.core.errors import PosError
from pos_app.core.pii import mask_card
from pos_app.ui.device_bridge import PresentedCard
from pos_app.ui.i18n_util import N_, _

MEDIA_NAMES = {
    "barcode": N_("barcode card"),
    "magstripe": N_("magnetic stripe (swipe)"),
    "ic": N_("chip card (insert)"),
    "nfc": N_("contactless (tap)"),
    "virtual": N_("virtual card"),
}


def media_name(media: str) -> str:
    """A card's medium as the clerk's language names it (磁条卡, IC卡...), else its code."""
    return _(MEDIA_NAMES[media]) if media in MEDIA_NAMES else media


class CardSource(QWidget):
    """Where a new card comes from: the next number in sequence, or a card presented."""

    def __init__(self) -> None:
        super().__init__()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.next_radio = QRadioButton(_("Next number in sequence"))
        self.present_radio = QRadioButton(_("Present a card (swipe / tap / insert)"))
        self.next_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.next_radio)
        group.addButton(self.present_radio)
        lay.addWidget(self.next_radio)
        lay.addWidget(self.present_radio)
        self.shown = QLabel()
        self.shown.setObjectName("presented_card")
        lay.addWidget(self.shown, 1)
        self.card: PresentedCard | None = None

    def waiting(self) -> bool:
        return self.present_radio.isChecked()

    def present(self, card: PresentedCard) -> None:
        self.card = card
        self.present_radio.setChecked(True)
        ident = card.uid or card.card_no or ""
        self.shown.setText(f"{media_name(card.media)}: {mask_card(ident)}")

    def value(self) -> tuple[str | None, str, str | None]:
        """(card number or None for the next in sequence, media, chip/tag UID)."""
        if not self.present_radio.isChecked():
            return None, "barcode", None
        if self.card is None:
            raise PosError(_("Present the card first"))
        c = self.card
        if c.media in ("ic", "nfc"):
            # a reader that gives the chip's UID as its number: the next number in
            # sequence is issued, the UID bound to it
            return (c.card_no if c.card_no != c.uid else None), c.media, c.uid
        return c.card_no, c.media, None

    def reset(self) -> None:
        self.card = None
        self.shown.clear()
        self.next_radio.setChecked(True)
