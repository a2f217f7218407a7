"""Shared part of the serial (RS-232 / USB-serial / virtual COM) input adapters."""

from __future__ import annotations

import abc
import time

import serial

from devices.base import ConfigError, DeviceConfig, DeviceLost, DeviceUnavailable, InputAdapter
from devices.events import DeviceError, DeviceEvent
from devices.framing import Frame, FrameSplitter

POLL = 0.02  # pyserial read timeout: the read returns as soon as a byte arrives


def config_bytes(config: DeviceConfig, key: str, default: str) -> bytes:
    value = config.get(key, default)
    if not isinstance(value, str):
        raise ConfigError(f"device {config.name!r}: {key} must be a string, e.g. \"\\r\"")
    return value.encode("latin-1")


class SerialInput(InputAdapter):
    """Reads frames from a serial port; subclasses turn frames into events.

    Config keys: ``port``, ``baud`` (9600), ``prefix`` (""), ``suffix`` ("\\r"),
    ``gap_ms`` (100: idle time that ends a frame without suffix / marks a torn one),
    ``parity`` ("N"), ``bytesize`` (8), ``stopbits`` (1).
    """

    def __init__(self, config: DeviceConfig) -> None:
        super().__init__(config)
        self.port = str(config.require("port"))
        self.baud = int(config.get("baud", 9600))
        self.splitter = FrameSplitter(
            suffix=config_bytes(config, "suffix", "\r"),
            prefix=config_bytes(config, "prefix", ""),
            gap=int(config.get("gap_ms", 100)) / 1000,
        )
        self._ser: serial.Serial | None = None

    def open(self) -> None:
        try:
            self._ser = serial.Serial(
                self.port,
                self.baud,
                bytesize=int(self.config.get("bytesize", 8)),
                parity=str(self.config.get("parity", "N")),
                stopbits=int(self.config.get("stopbits", 1)),
                timeout=POLL,
                exclusive=True,
            )
        except (serial.SerialException, OSError, ValueError) as e:
            raise DeviceUnavailable(
                f"cannot open serial port {self.port}: {e} (is the device plugged in, is the "
                f"port right, does another program hold it?)"
            ) from None
        self.splitter.flush()

    def close(self) -> None:
        ser, self._ser = self._ser, None
        if ser is not None:
            try:
                ser.close()
            except Exception:  # closing an unplugged port may fail; ignore
                pass

    def read(self, timeout: float) -> list[DeviceEvent]:
        ser = self._ser
        if ser is None:
            raise DeviceLost(f"serial port {self.port} is not open")
        end = time.monotonic() + timeout
        events: list[DeviceEvent] = []
        while True:
            try:
                chunk = ser.read(max(1, ser.in_waiting))
            except (serial.SerialException, OSError) as e:
                frames = self.splitter.flush()
                for f in frames:
                    events += self.frame_events(f)
                raise DeviceLost(f"serial port {self.port} went away: {e}", events) from None
            now = time.monotonic()
            frames = self.splitter.feed(chunk, now) if chunk else self.splitter.tick(now)
            for f in frames:
                events += self.frame_events(f)
            if events or now >= end:
                return events

    def noise_event(self, detail: str) -> DeviceError:
        return DeviceError(self.name, code="bad_read", message=detail)

    @abc.abstractmethod
    def frame_events(self, frame: Frame) -> list[DeviceEvent]: ...
