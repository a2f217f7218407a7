"""A fake network printer on 127.0.0.1 that keeps every byte it is sent, and a helper
that prints raw bytes to it through python-escpos's Network printer."""

from __future__ import annotations

import socket
import threading

from escpos.printer import Network


class PrinterSocket:
    """A fake network printer: accepts one connection and keeps every byte."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.data = bytearray()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.server.accept()
        with conn:
            while chunk := conn.recv(65536):
                self.data += chunk

    def captured(self) -> bytes:
        self.thread.join(timeout=5)
        assert not self.thread.is_alive(), "the printer connection was not closed"
        self.server.close()
        return bytes(self.data)


def print_over_tcp(payload: bytes) -> bytes:
    fake = PrinterSocket()
    printer = Network("127.0.0.1", fake.port, timeout=5)
    printer.open()
    printer._raw(payload)
    printer.close()
    return fake.captured()
