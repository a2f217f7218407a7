"""The device manager: starts the adapters named in the terminal config, keeps them running.

* One worker thread per device; nothing here ever blocks the caller (the UI thread):
  :meth:`DeviceManager.poll_events` drains a queue, jobs are queued.
* A device that cannot be opened or goes away is retried with exponential backoff
  (``backoff_initial`` doubling up to ``backoff_max`` seconds); :meth:`health` tells
  ok / degraded / offline for each device, and every change is also an event.

Config (TOML), one ``[[devices]]`` table per device::

    [[devices]]
    name = "front scanner"  # what the status bar shows
    kind = "scanner"        # a kind and driver of the device table, devices/registry.py
    driver = "serial"
    port = "/dev/ttyUSB0"
    baud = 9600

See docs/devices.md for every key.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import tomllib
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from devices import registry
from devices.base import (
    Adapter,
    ConfigError,
    DeviceConfig,
    DeviceLost,
    DeviceProblem,
    DeviceUnavailable,
    InputAdapter,
    OutputAdapter,
)
from devices.events import (
    KICK_VALID_FOR,
    DeviceError,
    DeviceEvent,
    Health,
    HealthChanged,
    KickDrawer,
    Media,
    OutputJob,
    PrintJob,
    ShowItem,
    ShowLines,
    ShowTotal,
)
from devices.simulated import demo_configs

log = logging.getLogger(__name__)

def parse_config(data: Mapping[str, Any]) -> list[DeviceConfig]:
    """``[[devices]]`` tables → configs; raises :class:`ConfigError` naming the bad key."""
    entries = data.get("devices", [])
    if not isinstance(entries, list):
        raise ConfigError("[[devices]] must be an array of tables")
    out: list[DeviceConfig] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        if not isinstance(entry, Mapping):
            raise ConfigError(f"[[devices]] entry {i + 1} is not a table")
        if not entry.get("enabled", True):
            continue
        try:
            name, kind, driver = str(entry["name"]), str(entry["kind"]), str(entry["driver"])
        except KeyError as e:
            raise ConfigError(f"[[devices]] entry {i + 1}: missing key {e.args[0]!r}") from None
        if name in seen:
            raise ConfigError(f"two devices are named {name!r}")
        seen.add(name)
        if registry.find(kind, driver) is None:
            raise ConfigError(f"device {name!r}: no driver {driver!r} for kind {kind!r}")
        opts = {k: v for k, v in entry.items() if k not in ("name", "kind", "driver", "enabled")}
        out.append(DeviceConfig(name=name, kind=kind, driver=driver, options=opts))
    return out


def load_config(path: str | Path) -> list[DeviceConfig]:
    with open(path, "rb") as f:
        return parse_config(tomllib.load(f))


def make_adapter(config: DeviceConfig) -> Adapter:
    return registry.DRIVERS[(config.kind, config.driver)].make(config)


def is_passive(config: DeviceConfig) -> bool:
    """Not run by the manager: the app feeds it (wedge) or it works through another device."""
    return registry.DRIVERS[(config.kind, config.driver)].passive


@dataclass(frozen=True)
class DeviceHealth:
    name: str
    kind: str
    health: Health
    detail: str = ""


class _Worker:
    def __init__(self, manager: DeviceManager, config: DeviceConfig, adapter: Adapter) -> None:
        self.m = manager
        self.config = config
        self.adapter = adapter
        self.jobs: queue.Queue[OutputJob] = queue.Queue()
        # work on the device in its own thread between two reads (a chip write)
        self.tasks: queue.Queue[tuple[Callable[[], Any], Future[Any]]] = queue.Queue()
        self.wake = threading.Event()
        self.thread = threading.Thread(
            target=self.run, name=f"device:{config.name}", daemon=True
        )
        self.health = Health.OFFLINE
        self.detail = "starting"
        self.last_lines: OutputJob | None = None

    # ------------------------------------------------------------------ helpers
    def set_health(self, health: Health, detail: str = "") -> None:
        if (health, detail) != (self.health, self.detail):
            self.health, self.detail = health, detail
            self.m._emit(HealthChanged(self.config.name, health=health, detail=detail))

    def sleep(self, seconds: float) -> None:
        self.m._stop.wait(seconds)

    def run(self) -> None:
        backoff = self.m.backoff_initial
        reported = ""
        while not self.m._stop.is_set():
            try:
                self.adapter.open()
            except Exception as e:  # any open failure means "offline"
                msg = str(e) or e.__class__.__name__
                if msg != reported:  # one error per cause, not one per retry
                    code = e.code if isinstance(e, DeviceProblem) else "unavailable"
                    self.m._emit(DeviceError(self.config.name, code=code, message=msg))
                    reported = msg
                if not isinstance(e, DeviceProblem):
                    log.warning("device %s: open failed: %r", self.config.name, e)
                self.set_health(Health.OFFLINE, msg)
                self.cancel_tasks(msg)
                self.sleep(backoff)
                backoff = min(backoff * 2, self.m.backoff_max)
                continue
            backoff = self.m.backoff_initial
            reported = ""
            self.set_health(*self.adapter.health())
            try:
                if isinstance(self.adapter, InputAdapter):
                    self.run_input(self.adapter)
                elif isinstance(self.adapter, OutputAdapter):
                    self.run_output(self.adapter)
            except DeviceLost as e:
                self.m._emit_all(e.events)
                self.m._emit(DeviceError(self.config.name, code=e.code, message=str(e)))
                self.set_health(Health.OFFLINE, str(e))
                reported = str(e)  # the same cause on reopening is not reported again
            except Exception as e:  # a driver bug must not kill the terminal
                log.exception("device %s failed", self.config.name)
                self.m._emit(
                    DeviceError(self.config.name, code="device_error", message=f"{e!r}")
                )
                self.set_health(Health.OFFLINE, repr(e))
            finally:
                self.adapter.close()
            if not self.m._stop.is_set():
                self.sleep(backoff)
        self.cancel_tasks("the devices were stopped")
        self.adapter.close()

    def run_tasks(self) -> None:
        while True:
            try:
                fn, fut = self.tasks.get_nowait()
            except queue.Empty:
                return
            if not fut.set_running_or_notify_cancel():
                continue  # given up by the clerk before it began
            try:
                fut.set_result(fn())
            except Exception as e:  # handed to whoever waits on the future
                fut.set_exception(e)

    def cancel_tasks(self, why: str) -> None:
        while True:
            try:
                _fn, fut = self.tasks.get_nowait()
            except queue.Empty:
                return
            if fut.set_running_or_notify_cancel():
                fut.set_exception(DeviceUnavailable(why))

    def run_input(self, adapter: InputAdapter) -> None:
        while not self.m._stop.is_set():
            self.run_tasks()
            events = adapter.read(self.m.poll_interval)
            self.m._emit_all(events)
            self.set_health(*adapter.health())

    def run_output(self, adapter: OutputAdapter) -> None:
        if self.last_lines is not None:  # a replugged pole display shows the last lines again
            self.m._emit_all(adapter.handle(self.last_lines))
        if adapter.pending():
            self.m._emit_all(adapter.resume())
        self.set_health(*adapter.health())
        while not self.m._stop.is_set():
            try:
                job = self.jobs.get(timeout=self.m.poll_interval)
            except queue.Empty:
                self.m._emit_all(adapter.idle(0))
                self.set_health(*adapter.health())
                continue
            if isinstance(job, ShowLines | ShowItem | ShowTotal):
                self.last_lines = job
            if isinstance(job, KickDrawer) and time.monotonic() - job.at > KICK_VALID_FOR:
                self.m._emit(DeviceError(self.config.name, code="drawer_not_opened",
                                         message="the cash drawer was not opened (printer "
                                         "was offline); open it again if still needed"))
                continue
            try:
                self.m._emit_all(adapter.handle(job))
            except DeviceLost:
                if isinstance(job, KickDrawer):
                    self.m._emit(DeviceError(self.config.name, code="drawer_not_opened",
                                             message="the cash drawer was not opened"))
                raise
            self.set_health(*adapter.health())


class DeviceManager:
    """Runs the configured devices. Thread-safe; :meth:`poll_events` is for the UI thread.

    ``on_event`` (optional) is called from the device threads for every event; a Qt UI
    should rather poll :meth:`poll_events` from a QTimer in its own thread.
    """

    def __init__(
        self,
        configs: Iterable[DeviceConfig],
        *,
        on_event: Callable[[DeviceEvent], None] | None = None,
        backoff_initial: float = 0.5,
        backoff_max: float = 10.0,
        poll_interval: float = 0.2,
    ) -> None:
        self.configs = list(configs)
        self.on_event = on_event
        self.backoff_initial = backoff_initial
        self.backoff_max = backoff_max
        self.poll_interval = poll_interval
        self._events: queue.Queue[DeviceEvent] = queue.Queue()
        self._stop = threading.Event()
        self._workers: dict[str, _Worker] = {}
        self._passive = [c for c in self.configs if is_passive(c)]
        self.adapters: dict[str, Adapter] = {}
        self.simulated_drawer_kicks = 0
        for c in self.configs:
            if is_passive(c):
                continue
            try:
                adapter = make_adapter(c)
            except ConfigError:
                raise
            except (ValueError, TypeError) as e:
                raise ConfigError(f"device {c.name!r}: {e}") from None
            self.adapters[c.name] = adapter
            self._workers[c.name] = _Worker(self, c, adapter)

    @classmethod
    def from_toml(cls, path: str | Path, **kw: Any) -> DeviceManager:
        return cls(load_config(path), **kw)

    @classmethod
    def simulated(cls, **kw: Any) -> DeviceManager:
        """The demo set: a scanner, a card reader, an on-screen printer and pole display."""
        return cls(demo_configs(), **kw)

    # ---------------------------------------------------------------- lifecycle
    def start(self) -> None:
        self._stop.clear()
        for w in self._workers.values():
            w.thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        for w in self._workers.values():
            if w.thread.is_alive():
                w.thread.join(timeout)

    def __enter__(self) -> DeviceManager:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---------------------------------------------------------------- events
    def _emit(self, event: DeviceEvent) -> None:
        self._events.put(event)
        if self.on_event is not None:
            try:
                self.on_event(event)
            except Exception:  # a UI callback bug must not stop devices
                log.exception("on_event callback failed")

    def _emit_all(self, events: Iterable[DeviceEvent]) -> None:
        for e in events:
            self._emit(e)

    def inject(self, event: DeviceEvent) -> None:
        """Put an event from the UI side (keyboard wedge, demo buttons) into the stream."""
        self._emit(event)

    def poll_events(self, limit: int | None = None) -> list[DeviceEvent]:
        """Every event queued so far (up to ``limit``), oldest first. Never blocks."""
        out: list[DeviceEvent] = []
        while limit is None or len(out) < limit:
            try:
                out.append(self._events.get_nowait())
            except queue.Empty:
                break
        return out

    def wait_event(self, timeout: float) -> DeviceEvent | None:
        """Block up to ``timeout`` for the next event (for tools and tests, not the UI)."""
        try:
            return self._events.get(timeout=timeout)
        except queue.Empty:
            return None

    # ---------------------------------------------------------------- health
    def health(self) -> dict[str, DeviceHealth]:
        out = {
            name: DeviceHealth(name, w.config.kind, w.health, w.detail)
            for name, w in self._workers.items()
        }
        for c in self._passive:
            if c.kind == "drawer" and c.driver == "simulated":
                out[c.name] = DeviceHealth(c.name, c.kind, Health.OK, "simulated")
            elif c.kind == "drawer":
                printer = self._workers.get(str(c.get("printer", "")))
                h = printer.health if printer else Health.OFFLINE
                detail = "" if printer else f"printer {c.get('printer')!r} not configured"
                out[c.name] = DeviceHealth(c.name, c.kind, h, detail)
            else:
                out[c.name] = DeviceHealth(c.name, c.kind, Health.OK, "keyboard wedge")
        return out

    def passive(self, kind: str | None = None) -> list[DeviceConfig]:
        """Config of the devices the UI drives itself (keyboard wedges)."""
        return [c for c in self._passive if kind is None or c.kind == kind]

    # ---------------------------------------------------------------- jobs
    def _worker_for(self, kind: str, name: str | None) -> _Worker:
        for w in self._workers.values():
            if (name is None and w.config.kind == kind) or w.config.name == name:
                return w
        raise KeyError(f"no {kind} configured" + (f" named {name!r}" if name else ""))

    def submit(self, device: str, job: OutputJob) -> None:
        w = self._workers[device]
        if isinstance(w.adapter, OutputAdapter):
            w.adapter.store(job)
        w.jobs.put(job)

    def print(self, job: PrintJob, printer: str | None = None) -> None:
        """Queue a receipt. It is in the printer's journal when this returns (a crash or a
        power cut after that does not lose it); raises ValueError for a malformed job."""
        w = self._worker_for("printer", printer)
        self.submit(w.config.name, job)

    def kick_drawer(self, drawer: str | None = None) -> None:
        for c in self._passive:
            if c.kind == "drawer" and (drawer is None or c.name == drawer):
                if c.driver == "simulated":
                    self.simulated_drawer_kicks += 1
                    return
                printer = str(c.require("printer"))
                w = self._workers.get(printer)
                if w is None or w.health is Health.OFFLINE:
                    self._emit(DeviceError(c.name, code="drawer_not_opened",
                                           message="the cash drawer was not opened: its "
                                           f"printer {printer!r} is offline"))
                    return
                self.submit(printer, KickDrawer(pin=int(c.get("pin", 2))))
                return
        raise KeyError("no cash drawer configured")

    def holder_writer(self, media: Media) -> str | None:
        """The name of a running reader that writes holder records to ``media`` cards."""
        for name, w in self._workers.items():
            if media in getattr(w.adapter, "holder_media", ()):
                return name
        return None

    def write_holder(self, media: Media, card_no: str, record: bytes,
                     expected_uid: str | None, wait_s: float = 20.0) -> Future[str]:
        """Write ``card_no``'s holder record to the ``media`` card the clerk puts in (or
        on) the reader, in the reader's own thread between two reads; never blocks. The
        future gives the chip's UID, or raises :class:`devices.holder.ChipWriteRefused`
        (or :class:`DeviceUnavailable` when the reader is offline)."""
        fut: Future[str] = Future()
        name = self.holder_writer(media)
        w = self._workers.get(name) if name else None
        if w is None:
            fut.set_exception(DeviceUnavailable(f"no reader writes {media.value} cards"))
        elif w.health is Health.OFFLINE or not w.thread.is_alive():
            fut.set_exception(DeviceUnavailable(f"{w.config.name}: {w.detail or 'offline'}"))
        else:
            adapter = w.adapter
            w.tasks.put((lambda: adapter.write_holder(  # type: ignore[attr-defined]
                card_no, record, expected_uid, wait_s), fut))
        return fut

    def show(self, job: ShowLines | ShowItem | ShowTotal, display: str | None = None) -> None:
        try:
            self._worker_for("pole_display", display).jobs.put(job)
        except KeyError:
            pass  # no pole display in this store: nothing to show

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """Wait until every output queue is empty (for tools and tests)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if all(w.jobs.empty() for w in self._workers.values()):
                return True
            time.sleep(0.01)
        return False
