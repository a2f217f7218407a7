"""Real-stack stand-ins for hardware: pty/socat serial lines and a TCP ESC/POS printer.

Nothing here replaces the library under test: pyserial opens real pseudo-terminals and
python-escpos talks to a real TCP socket.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
import tty
from pathlib import Path


class PtyLine:
    """A serial line on a pty pair: the adapter opens ``port``; the test writes ``feed``."""

    def __init__(self) -> None:
        self.master, slave = os.openpty()
        tty.setraw(self.master)
        self.port = os.ttyname(slave)
        self._slave = slave  # kept open so the port exists until close()

    def write(self, data: bytes) -> None:
        os.write(self.master, data)

    def read_available(self, wait: float = 0.3) -> bytes:
        import select

        out = b""
        end = time.monotonic() + wait
        while time.monotonic() < end:
            r, _, _ = select.select([self.master], [], [], 0.05)
            if r:
                try:
                    out += os.read(self.master, 4096)
                except OSError:
                    break
        return out

    def close(self) -> None:
        for fd in (self.master, self._slave):
            try:
                os.close(fd)
            except OSError:
                pass


class SocatLine:
    """A serial line with a fixed name (a symlink made by socat): it can be unplugged
    (socat killed, the name disappears) and plugged in again under the same name."""

    def __init__(self, directory: Path, name: str = "ttyFAKE") -> None:
        assert shutil.which("socat"), "socat is installed by scripts/setup.sh"
        self.port = str(directory / name)
        self.feed_path = str(directory / (name + "-feed"))
        self.proc: subprocess.Popen[bytes] | None = None
        self.fd: int | None = None

    def plug(self) -> None:
        self.proc = subprocess.Popen(
            ["socat", f"pty,link={self.port},raw,echo=0",
             f"pty,link={self.feed_path},raw,echo=0"],
            stderr=subprocess.DEVNULL,
        )
        end = time.monotonic() + 10
        while not (os.path.exists(self.port) and os.path.exists(self.feed_path)):
            assert time.monotonic() < end, "socat did not create the ptys"
            time.sleep(0.01)
        self.fd = os.open(self.feed_path, os.O_RDWR | os.O_NOCTTY)

    def write(self, data: bytes) -> None:
        assert self.fd is not None
        os.write(self.fd, data)

    def unplug(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(10)
            self.proc = None
        end = time.monotonic() + 10
        while os.path.lexists(self.port):
            assert time.monotonic() < end
            time.sleep(0.01)


class FakeNetworkPrinter:
    """An ESC/POS printer on 127.0.0.1: records every byte and answers DLE EOT n.

    ``paper`` is "ok", "low" or "out"; ``answering`` False makes it keep the connection but
    ignore status queries (a hung printer); :meth:`stop` closes it like a switched-off one,
    :meth:`start` brings it back on the same port.
    """

    def __init__(self, port: int = 0) -> None:
        self.port = port
        self.received = bytearray()
        self.paper = "ok"
        self.cover_open = False
        self.answering = True
        self.answer_limit: int | None = None  # answer only this many more status queries
        self.junk = b""  # bytes sent back unasked after every chunk received
        self.connections = 0
        self._lock = threading.Lock()
        self._srv: socket.socket | None = None
        self._conns: list[socket.socket] = []
        self._stop = threading.Event()
        self._accept_thread: threading.Thread | None = None

    def start(self) -> FakeNetworkPrinter:
        srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind(("127.0.0.1", self.port))
        srv.listen(5)
        self.port = srv.getsockname()[1]
        self._srv = srv
        self._stop.clear()
        self._accept_thread = threading.Thread(target=self._accept, args=(srv,), daemon=True)
        self._accept_thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._srv is not None:
            try:
                self._srv.shutdown(socket.SHUT_RDWR)  # wakes the accept() in its thread
            except OSError:
                pass
            self._srv.close()
            self._srv = None
        if self._accept_thread is not None:
            self._accept_thread.join(5)
            self._accept_thread = None
        for c in self._conns:
            try:
                c.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            c.close()
        self._conns.clear()

    def _accept(self, srv: socket.socket) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = srv.accept()
            except OSError:
                return
            if self._stop.is_set():  # switched off: refuse
                conn.close()
                return
            self.connections += 1
            self._conns.append(conn)
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def status_byte(self, n: int) -> int:
        if n == 1:
            offline = self.cover_open or self.paper == "out"
            return 0x12 | (0x08 if offline else 0)
        if n == 2:
            return 0x12 | (0x04 if self.cover_open else 0) | (0x20 if self.paper == "out" else 0)
        if n == 4:
            return 0x12 | {"ok": 0, "low": 0x0C, "out": 0x6C}[self.paper]
        return 0x12

    def _serve(self, conn: socket.socket) -> None:
        pending = b""
        while True:
            try:
                data = conn.recv(4096)
            except OSError:
                return
            if not data:
                return
            buf = pending + data
            pending = b""
            out = bytearray()
            i = 0
            while i < len(buf):
                if buf[i] == 0x10 and i + 1 < len(buf) and buf[i + 1] == 0x04:
                    if i + 2 >= len(buf):
                        pending = buf[i:]
                        break
                    if self.answering and self.answer_limit != 0:
                        out.append(self.status_byte(buf[i + 2]))
                        if self.answer_limit is not None:
                            self.answer_limit -= 1
                    i += 3
                    continue
                if buf[i] == 0x10 and i + 1 == len(buf):
                    pending = buf[i:]
                    break
                with self._lock:
                    self.received.append(buf[i])
                i += 1
            if self.junk:  # a printer chattering (automatic status back, line noise)
                try:
                    conn.sendall(self.junk)
                except OSError:
                    return
            if out:
                try:
                    conn.sendall(bytes(out))
                except OSError:
                    return

    def data(self) -> bytes:
        with self._lock:
            return bytes(self.received)


def wait_for(predicate, timeout: float = 10.0, interval: float = 0.01):  # type: ignore[no-untyped-def]
    """Poll until ``predicate()`` is truthy; generous timeouts, never a timing assertion."""
    end = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"condition not met within {timeout}s: {predicate}")
        time.sleep(interval)


def decode_escpos(data: bytes, encoding: str = "gb18030") -> list[tuple[object, ...]]:
    """Split an ESC/POS byte stream into commands the tests can assert on.

    Returns tuples like ("init",), ("chinese",), ("text", "..."), ("cut",), ("drawer", pin),
    ("qr", "data"), ("feed", n), ("bold", on), ("align", n), ("raw", b"...") for the rest.
    """
    out: list[tuple[object, ...]] = []
    text = bytearray()
    i = 0

    def flush() -> None:
        if text:
            out.append(("text", bytes(text).decode(encoding, errors="replace")))
            text.clear()

    simple = {b"\x1b@": ("init",), b"\x1c&": ("chinese",)}
    while i < len(data):
        b = data[i]
        rest = data[i:]
        cmd: tuple[object, ...] | None = None
        size = 1
        if rest[:2] in simple:
            cmd, size = simple[rest[:2]], 2
        elif rest.startswith(b"\x1dV"):
            cmd, size = ("cut",), (3 if rest[2:3] in (b"\x00", b"\x01", b"0", b"1") else 4)
        elif rest.startswith(b"\x1bp"):
            cmd, size = ("drawer", 2 if rest[2] in (0, 0x30) else 5), 5
        elif rest.startswith(b"\x1bd"):
            cmd, size = ("feed", rest[2]), 3
        elif rest.startswith(b"\x1bE"):
            cmd, size = ("bold", bool(rest[2])), 3
        elif rest.startswith(b"\x1ba"):
            cmd, size = ("align", rest[2]), 3
        elif rest.startswith(b"\x1d(k"):
            n = rest[3] | (rest[4] << 8)
            body = rest[5 : 5 + n]
            size = 5 + n
            cmd = ("qr", body[3:].decode("utf-8", errors="replace")) if body[:2] == b"1P" else ()
        elif b in (0x1B, 0x1D, 0x1C, 0x10):
            cmd, size = ("raw", bytes(rest[:3])), 3
        if cmd is None:
            text.append(b)
        else:
            flush()
            if cmd:
                out.append(cmd)
        i += size
    flush()
    return out
