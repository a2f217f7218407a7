"""Cutting a serial byte stream into scans/swipes: prefix, suffix and idle gap."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Frame:
    data: bytes
    complete: bool  # False: cut by the idle gap or overflow (torn, no suffix seen)


class FrameSplitter:
    """Splits bytes into frames ending with ``suffix`` (e.g. b"\\r").

    With an empty suffix a frame ends when the line has been idle for ``gap`` seconds.
    With a suffix, bytes left without one after ``gap`` are a torn frame (``complete``
    False) so that the next scan starts clean. ``prefix`` is removed where present.
    """

    def __init__(
        self, suffix: bytes = b"\r", prefix: bytes = b"", gap: float = 0.1, max_len: int = 4096
    ) -> None:
        self.suffix = suffix
        self.prefix = prefix
        self.gap = gap
        self.max_len = max_len
        self._buf = bytearray()
        self._last = 0.0

    def _strip(self, data: bytes) -> bytes:
        if self.prefix and data.startswith(self.prefix):
            return data[len(self.prefix) :]
        return data

    def feed(self, data: bytes, now: float) -> list[Frame]:
        out: list[Frame] = []
        if self._buf and now - self._last > self.gap:
            out += self.flush()
        self._last = now
        self._buf += data
        if self.suffix:
            while True:
                i = self._buf.find(self.suffix)
                if i < 0:
                    break
                frame = bytes(self._buf[:i])
                del self._buf[: i + len(self.suffix)]
                # CR LF from scanners set to "CR" plus a stray LF: ignore empty frames
                frame = frame.strip(b"\r\n")
                if frame:
                    out.append(Frame(self._strip(frame), True))
        if len(self._buf) > self.max_len:
            out += self.flush()
        return out

    def deadline(self) -> float | None:
        return self._last + self.gap if self._buf else None

    def tick(self, now: float) -> list[Frame]:
        if self._buf and now - self._last > self.gap:
            return self.flush()
        return []

    def flush(self) -> list[Frame]:
        data = bytes(self._buf).strip(b"\r\n")
        self._buf.clear()
        if not data:
            return []
        return [Frame(self._strip(data), not self.suffix)]
