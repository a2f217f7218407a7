"""Keyboard-wedge classifier: a scanner or card-reader burst vs. a person typing.

A wedge scanner "types" the code fast (1-10 ms per key on USB HID, up to ~30 ms on old
PS/2 wedges) and ends with a terminator (CR, LF or Tab). A person types 80-250 ms per key.
The classifier is pure (the time is passed in) so it can be tested without a keyboard;
``pos_app/ui/wedge_filter.py`` feeds it from a Qt event filter.

Protocol: every printable key the filter sees is held back and passed to :meth:`key`.
The classifier answers with decisions about the held keys, oldest first:

* :class:`Scan` ``(code, keys)``: the first ``keys`` held keys (terminator included) were a
  scan; drop them and deliver ``code`` to the cart.
* :class:`Typed` ``(keys)``: the first ``keys`` held keys were typed by a person; deliver
  them to the focused field as they were.

The filter also calls :meth:`tick` when :meth:`deadline` has passed, so a lone key a person
typed is delivered at most ``max_gap`` seconds late.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_TERMINATORS = ("\r", "\n", "\t")


def looks_like_swipe(code: str) -> bool:
    """A burst from a keyboard-wedge magstripe reader: ``%...?`` / ``;...?`` tracks."""
    return code[:1] in ("%", ";") and "?" in code


def classifier_from_config(options: dict[str, object]) -> WedgeClassifier:
    """A classifier from a ``driver = "wedge"`` device's keys: ``max_gap_ms`` (50),
    ``min_length`` (4), ``prefix`` (""), ``terminators`` (["\r", "\n", "\t"])."""
    terms = options.get("terminators", list(DEFAULT_TERMINATORS))
    if not isinstance(terms, list | tuple) or not all(isinstance(t, str) for t in terms):
        raise ValueError("terminators must be a list of strings, e.g. [\"\\r\"]")
    return WedgeClassifier(
        max_gap=int(str(options.get("max_gap_ms", 50))) / 1000,
        min_length=int(str(options.get("min_length", 4))),
        terminators=tuple(terms),
        prefix=str(options.get("prefix", "")),
    )


@dataclass(frozen=True)
class Scan:
    code: str
    keys: int


@dataclass(frozen=True)
class Typed:
    keys: int


Decision = Scan | Typed


class WedgeClassifier:
    """Tells scanner bursts from typing by inter-key gap, length and terminator.

    ``max_gap``: the longest gap between two keys of one scan, in seconds (50 ms default;
    real POS software uses 50-150 ms). ``min_length``: shortest code (4). ``terminators``:
    keys that end a scan. ``prefix``: optional characters the scanner sends first
    (configured on the scanner), removed from the code.
    """

    def __init__(
        self,
        max_gap: float = 0.050,
        min_length: int = 4,
        terminators: tuple[str, ...] = DEFAULT_TERMINATORS,
        prefix: str = "",
        max_length: int = 4096,
    ) -> None:
        if max_gap <= 0 or min_length < 1:
            raise ValueError("max_gap must be > 0 and min_length >= 1")
        self.max_gap = max_gap
        self.min_length = min_length
        self.terminators = terminators
        self.prefix = prefix
        self.max_length = max_length
        self._chars: list[str] = []
        self._last: float | None = None

    @property
    def held(self) -> int:
        return len(self._chars)

    def deadline(self) -> float | None:
        """When :meth:`tick` must be called if no key comes (None: nothing held)."""
        if self._last is None or not self._chars:
            return None
        return self._last + self.max_gap

    def _release(self) -> list[Decision]:
        n = len(self._chars)
        self._chars.clear()
        self._last = None
        return [Typed(n)] if n else []

    def key(self, char: str, now: float) -> list[Decision]:
        out: list[Decision] = []
        if self._last is not None and now - self._last > self.max_gap:
            out += self._release()  # the held keys were typed: too slow for a scanner
        if char in self.terminators:
            body = "".join(self._chars)
            if body.startswith(self.prefix):
                body = body[len(self.prefix) :]
            if len(body) >= self.min_length:
                n = len(self._chars) + 1
                self._chars.clear()
                self._last = None
                out.append(Scan(body, n))
            else:
                self._chars.append(char)
                out += self._release()
            return out
        if len(char) != 1 or not char.isprintable():
            self._chars.append(char)
            out += self._release()
            return out
        self._chars.append(char)
        self._last = now
        if len(self._chars) > self.max_length:
            out += self._release()
        return out

    def flush(self) -> list[Decision]:
        """Release every held key as typed (the filter calls it before a non-text key)."""
        return self._release()

    def tick(self, now: float) -> list[Decision]:
        """Release held keys once the gap since the last key exceeds ``max_gap``."""
        d = self.deadline()
        if d is not None and now > d:
            return self._release()
        return []
