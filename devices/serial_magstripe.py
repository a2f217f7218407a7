"""Serial magstripe reader: ``kind = "magstripe"``, ``driver = "serial"``.

Config keys, besides port/baud/prefix/suffix/gap_ms: ``number_track`` (2),
``number_slice`` ([start, end], optional), ``own_prefixes`` (list of card-number prefixes of
our own cards; a card not matching is treated as a bank card), ``lrc`` (true/false, absent:
auto). Bank-card data is never stored or logged: the event has only a masked reference.
"""

from __future__ import annotations

from devices.base import DeviceConfig
from devices.events import CardPresented, DeviceError, DeviceEvent, Media
from devices.framing import Frame
from devices.magstripe import SwipeError, parse_swipe
from devices.serial_line import SerialInput


class SwipeDecoder:
    """Turns one swipe into events; shared by the serial and the wedge magstripe readers."""

    def __init__(self, config: DeviceConfig) -> None:
        self.device = config.name
        sl = config.get("number_slice")
        self.number_slice = (int(sl[0]), int(sl[1])) if sl else None
        self.number_track = int(config.get("number_track", 2))
        self.own_prefixes = tuple(str(p) for p in config.get("own_prefixes", []))
        lrc = config.get("lrc")
        self.lrc = None if lrc is None else bool(lrc)

    def events(self, data: bytes, reader: str) -> list[DeviceEvent]:
        try:
            swipe = parse_swipe(
                data,
                number_track=self.number_track,
                number_slice=self.number_slice,
                own_prefixes=self.own_prefixes,
                lrc=self.lrc,
            )
        except SwipeError as e:
            return [DeviceError(self.device, code="swipe_again", message=str(e))]
        if swipe.bank_card:
            return [
                CardPresented(self.device, media=Media.MAGSTRIPE, card_number=None,
                              reader=reader, bank_card=True, masked=swipe.masked,
                              detail="bank card: use the payment terminal")
            ]
        return [
            CardPresented(self.device, media=Media.MAGSTRIPE, card_number=swipe.card_number,
                          reader=reader)
        ]


class SerialMagstripeReader(SerialInput):
    kind = "magstripe"
    driver = "serial"

    def __init__(self, config: DeviceConfig) -> None:
        super().__init__(config)
        self.decoder = SwipeDecoder(config)

    def frame_events(self, frame: Frame) -> list[DeviceEvent]:
        if not frame.complete:
            return [DeviceError(self.name, code="swipe_again",
                                message="incomplete swipe: swipe again")]
        return self.decoder.events(frame.data, self.port)
