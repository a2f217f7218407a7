"""Fixtures that start the real stacks the device tests talk to.

* ``pcscd``: the PC/SC daemon with vsmartcard's vpcd driver (readers "Virtual PCD 00 00"
  on port 35963 and "Virtual PCD 00 01" on 35964, see /etc/reader.conf.d/vpcd). Started in
  the foreground when not running, stopped after the module.
* ``pty_line`` / ``socat_line``: serial lines on pseudo-terminals.
* ``net_printer``: a TCP ESC/POS printer on 127.0.0.1.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.devices.fakes import FakeNetworkPrinter, PtyLine, SocatLine

VPCD_PORTS = (35963, 35964)


def _port_open(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
    except OSError:
        return False
    return True


def _pcscd_readers() -> list[str]:
    from smartcard.scard import (
        SCARD_S_SUCCESS,
        SCARD_SCOPE_USER,
        SCardEstablishContext,
        SCardListReaders,
        SCardReleaseContext,
    )

    hresult, ctx = SCardEstablishContext(SCARD_SCOPE_USER)
    if hresult != SCARD_S_SUCCESS:
        return []
    try:
        hresult, names = SCardListReaders(ctx, [])
        return list(names) if hresult == SCARD_S_SUCCESS else []
    finally:
        SCardReleaseContext(ctx)


class Pcscd:
    """Our pcscd process (or one already running, then ``owned`` is False)."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen[bytes] | None = None
        self.owned = False

    def running(self) -> bool:
        return any("Virtual PCD" in r for r in _pcscd_readers())

    def start(self) -> None:
        exe = shutil.which("pcscd") or "/usr/sbin/pcscd"
        assert os.path.exists(exe), "pcscd is installed by scripts/setup.sh (Debian package pcscd)"
        assert os.path.exists("/etc/reader.conf.d/vpcd"), (
            "vsmartcard-vpcd is installed by scripts/setup.sh"
        )
        # A stale socket from a killed daemon makes pcscd refuse to start.
        for stale in ("/run/pcscd/pcscd.comm", "/run/pcscd/pcscd.pid"):
            if os.path.exists(stale) and not self._alive_pid():
                os.unlink(stale)
        self.proc = subprocess.Popen(
            [exe, "--foreground", "--error"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.owned = True
        end = time.monotonic() + 20
        while not (self.running() and all(_port_open(p) for p in VPCD_PORTS)):
            if self.proc.poll() is not None:
                raise AssertionError("pcscd exited at start (is another one running?)")
            assert time.monotonic() < end, "pcscd with vpcd did not come up"
            time.sleep(0.1)

    @staticmethod
    def _alive_pid() -> bool:
        try:
            pid = int(Path("/run/pcscd/pcscd.pid").read_text().strip())
            os.kill(pid, 0)
        except (OSError, ValueError):
            return False
        return True

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
            self.proc = None


@pytest.fixture(scope="module")
def pcscd() -> Iterator[Pcscd]:
    """pcscd for one test module. The vpcd ports are fixed, so two test runs on the same
    machine (two engineers, two CI jobs) take turns through a lock file."""
    import fcntl

    with open("/tmp/store-pos-pcscd-tests.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        d = Pcscd()
        if not d.running():
            d.start()
        try:
            yield d
        finally:
            if d.owned:
                d.stop()
            fcntl.flock(lock, fcntl.LOCK_UN)


@pytest.fixture
def pty_line() -> Iterator[PtyLine]:
    line = PtyLine()
    yield line
    line.close()


@pytest.fixture
def socat_line(tmp_path: Path) -> Iterator[SocatLine]:
    line = SocatLine(tmp_path)
    line.plug()
    yield line
    line.unplug()


@pytest.fixture
def net_printer() -> Iterator[FakeNetworkPrinter]:
    p = FakeNetworkPrinter().start()
    yield p
    p.stop()
