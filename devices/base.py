"""The one interface every device adapter implements.

An adapter is a plain object driven by a worker thread of the
:class:`devices.manager.DeviceManager`:

* ``open()`` connects to the hardware; raises :class:`DeviceUnavailable` when it is not there.
* Input adapters: ``read(timeout)`` blocks at most ``timeout`` seconds and returns the events
  seen since the last call, in order; raises :class:`DeviceLost` when the device goes away.
* Output adapters: ``handle(job)`` performs one job; ``pending()`` tells how many jobs wait
  (printers keep a journal); ``resume()`` retries what waits.
* ``close()`` releases the hardware; it never raises.

Adapters never import Qt. One adapter family per module, each named by one line of the
device table, :data:`devices.registry.TABLE`, under the ``kind``/``driver`` pair of the config.
"""

from __future__ import annotations

import abc
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from devices.events import DeviceEvent, Health, OutputJob


class DeviceProblem(Exception):
    """Base for problems the manager turns into events and health."""

    code = "device_error"


class DeviceUnavailable(DeviceProblem):
    """The device cannot be opened (unplugged, wrong port, daemon not running)."""

    code = "unavailable"


class DeviceLost(DeviceProblem):
    """The device went away while in use (unplugged, connection reset).

    ``events`` holds what the adapter still decoded before the loss; the manager emits them.
    """

    code = "unplugged"

    def __init__(self, message: str, events: list[DeviceEvent] | None = None) -> None:
        super().__init__(message)
        self.events = list(events or [])


class ConfigError(ValueError):
    """A ``[[devices]]`` entry a technician has to fix; the message says which key."""


@dataclass(frozen=True)
class DeviceConfig:
    """One ``[[devices]]`` table of the terminal config."""

    name: str
    kind: str
    driver: str
    options: Mapping[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.options.get(key, default)

    def require(self, key: str) -> Any:
        if key not in self.options:
            raise ConfigError(f"device {self.name!r}: missing key {key!r}")
        return self.options[key]


class Adapter(abc.ABC):
    """Common part of input and output adapters."""

    kind: str = ""
    driver: str = ""

    def __init__(self, config: DeviceConfig) -> None:
        self.config = config
        self.name = config.name

    @abc.abstractmethod
    def open(self) -> None: ...

    @abc.abstractmethod
    def close(self) -> None: ...

    def health(self) -> tuple[Health, str]:
        """Health while open; the manager reports OFFLINE itself when open fails."""
        return Health.OK, ""


class InputAdapter(Adapter):
    @abc.abstractmethod
    def read(self, timeout: float) -> list[DeviceEvent]: ...


class OutputAdapter(Adapter):
    @abc.abstractmethod
    def handle(self, job: OutputJob) -> list[DeviceEvent]: ...

    def accepts(self, job: OutputJob) -> bool:
        return True

    def store(self, job: OutputJob) -> None:
        """Keep ``job`` safe before it is queued (printers journal it). Called in the
        caller's thread; must be quick. Raises ValueError for a malformed job."""

    def pending(self) -> int:
        return 0

    def resume(self) -> list[DeviceEvent]:
        return []

    def idle(self, timeout: float) -> list[DeviceEvent]:
        """Called when no job waits; printers use it to watch their status."""
        return []
