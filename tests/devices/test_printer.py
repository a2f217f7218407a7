"""ESC/POS printer via python-escpos against a TCP printer on 127.0.0.1, a pty and a file."""

from __future__ import annotations

import threading
import time

import pytest

from devices.base import DeviceConfig, DeviceUnavailable
from devices.escpos_printer import ReceiptPrinter, render
from devices.events import DeviceError, Health, JobDone, KickDrawer, PrintJob
from tests.devices.fakes import decode_escpos, wait_for

RECEIPT = (
    ("align", "center"),
    ("bold", True),
    ("text", "会员小票 VIP\n"),
    ("bold", False),
    ("text", "合计 ￥12.50\n"),
    ("qr", "https://pos.example.cn/r/0001"),
    ("cut",),
)


def net_cfg(printer, tmp_path, **opts):
    return DeviceConfig("receipt printer", "printer", "network",
                        {"host": "127.0.0.1", "port": printer.port, "timeout": 1,
                         "journal": str(tmp_path / "jobs.sqlite"), **opts})


def texts(data: bytes) -> list[str]:
    return [c[1] for c in decode_escpos(data) if c[0] == "text"]  # type: ignore[misc]


def test_print_receipt_decoded(net_printer, tmp_path):
    p = ReceiptPrinter(net_cfg(net_printer, tmp_path))
    p.open()
    try:
        ev = p.handle(PrintJob("r-0001", RECEIPT))
        assert ev == [JobDone("receipt printer", job_id="r-0001", seq=ev[0].seq, at=ev[0].at)]
        assert p.handle(PrintJob("r-0001", RECEIPT)) == []  # the same job id again: nothing
        p.handle(KickDrawer(pin=2))
        cmds = wait_for(lambda: (c := decode_escpos(net_printer.data())) and ("drawer", 2) in c
                        and c)
        assert cmds[:2] == [("init",), ("chinese",)]
        assert "会员小票 VIP\n" in texts(net_printer.data())
        assert "合计 ￥12.50\n" in texts(net_printer.data())
        assert ("qr", "https://pos.example.cn/r/0001") in cmds
        assert ("bold", True) in cmds and ("cut",) in cmds
        assert cmds.index(("cut",)) < cmds.index(("drawer", 2))
        assert p.health() == (Health.OK, "")
    finally:
        p.close()


def test_same_job_id_never_printed_twice(net_printer, tmp_path):
    p = ReceiptPrinter(net_cfg(net_printer, tmp_path))
    p.open()
    try:
        p.handle(PrintJob("r-0002", (("text", "ONCE\n"), ("cut",))))
        p.handle(PrintJob("r-0002", (("text", "ONCE\n"), ("cut",))))
    finally:
        p.close()
    p2 = ReceiptPrinter(net_cfg(net_printer, tmp_path))  # a restart of the terminal
    p2.open()
    try:
        p2.handle(PrintJob("r-0002", (("text", "ONCE\n"), ("cut",))))
        time.sleep(0.2)
        assert texts(net_printer.data()).count("ONCE\n") == 1
    finally:
        p2.close()


def test_paper_out_jobs_wait_then_print_once_in_order(net_printer, tmp_path):
    net_printer.paper = "out"
    p = ReceiptPrinter(net_cfg(net_printer, tmp_path))
    p.open()
    try:
        ev = p.handle(PrintJob("a", (("text", "JOB-A\n"), ("cut",))))
        ev += p.handle(PrintJob("b", (("text", "JOB-B\n"), ("cut",))))
        assert [e.code for e in ev if isinstance(e, DeviceError)] == ["paper_out"]
        assert p.health()[0] is Health.DEGRADED and "paper out" in p.health()[1]
        assert p.pending() == 2
        assert "JOB-A\n" not in texts(net_printer.data())
        net_printer.paper = "low"
        ev = p.resume()
        assert [e.job_id for e in ev if isinstance(e, JobDone)] == ["a", "b"]
        assert p.health() == (Health.DEGRADED, "paper low")
        ev = p.resume()
        assert ev == []
        t = texts(net_printer.data())
        assert t.count("JOB-A\n") == 1 and t.count("JOB-B\n") == 1
        assert t.index("JOB-A\n") < t.index("JOB-B\n")
    finally:
        p.close()


def test_printer_sending_junk_back_still_prints_once(net_printer, tmp_path):
    net_printer.junk = bytes(range(0x80, 0xA0))
    p = ReceiptPrinter(net_cfg(net_printer, tmp_path))
    p.open()
    try:
        for i in range(5):
            ev = p.handle(PrintJob(f"j{i}", (("text", f"JUNK {i}\n"), ("cut",))))
            assert [type(e) for e in ev] == [JobDone]
    finally:
        p.close()
    assert [t for t in texts(net_printer.data()) if t.startswith("JUNK")] == [
        f"JUNK {i}\n" for i in range(5)]


def test_cover_open_is_reported(net_printer, tmp_path):
    net_printer.cover_open = True
    p = ReceiptPrinter(net_cfg(net_printer, tmp_path))
    p.open()
    try:
        ev = p.handle(PrintJob("c", (("text", "X\n"),)))
        assert [e.code for e in ev if isinstance(e, DeviceError)] == ["cover_open"]
    finally:
        p.close()


def test_unreachable_printer_is_unavailable(tmp_path):
    cfg = DeviceConfig("p", "printer", "network", {"host": "127.0.0.1", "port": 9,
                                                   "timeout": 1,
                                                   "journal": str(tmp_path / "j.sqlite")})
    with pytest.raises(DeviceUnavailable):
        ReceiptPrinter(cfg).open()


def test_malformed_job_refused_before_storing(net_printer, tmp_path):
    p = ReceiptPrinter(net_cfg(net_printer, tmp_path))
    p.open()
    try:
        with pytest.raises(ValueError):
            p.handle(PrintJob("bad", (("confetti",),)))
        assert p.pending() == 0
    finally:
        p.close()


def test_file_printer(tmp_path):
    out = tmp_path / "lp0"
    cfg = DeviceConfig("p", "printer", "file", {"path": str(out),
                                                "journal": str(tmp_path / "j.sqlite")})
    p = ReceiptPrinter(cfg)
    p.open()
    try:
        p.handle(PrintJob("f1", (("text", "FILE\n"), ("cut",))))
    finally:
        p.close()
    cmds = decode_escpos(out.read_bytes())
    assert ("text", "FILE\n") in cmds and ("cut",) in cmds


def test_serial_printer_with_status_on_a_pty(pty_line, tmp_path):
    """A serial printer: a thread on the pty's other end answers DLE EOT like a printer."""
    got = bytearray()
    stop = threading.Event()

    def printer_side():
        import os
        import select

        while not stop.is_set():
            r, _, _ = select.select([pty_line.master], [], [], 0.05)
            if not r:
                continue
            try:
                data = os.read(pty_line.master, 4096)
            except OSError:
                return
            i = 0
            while i < len(data):
                if data[i : i + 2] == b"\x10\x04" and i + 2 < len(data):
                    os.write(pty_line.master, b"\x12")
                    i += 3
                else:
                    got.append(data[i])
                    i += 1

    t = threading.Thread(target=printer_side, daemon=True)
    t.start()
    cfg = DeviceConfig("p", "printer", "serial", {"port": pty_line.port, "baud": 19200,
                                                  "dsrdtr": False, "timeout": 1,
                                                  "journal": str(tmp_path / "j.sqlite")})
    p = ReceiptPrinter(cfg)
    p.open()
    try:
        ev = p.handle(PrintJob("s1", (("text", "SERIAL 串口\n"), ("cut",))))
        assert isinstance(ev[0], JobDone)
        wait_for(lambda: ("cut",) in decode_escpos(bytes(got)))
        assert ("text", "SERIAL 串口\n") in decode_escpos(bytes(got))
    finally:
        stop.set()
        p.close()


def test_usb_printer_writes_to_the_out_endpoint(tmp_path, monkeypatch):
    """USB: the only mock in these tests. No USB printer can run in CI, so pyusb's device
    lookup returns a stand-in for the libusb handle; python-escpos's Usb class is real."""
    import usb.core

    written: list[bytes] = []

    class FakeUsbHandle:
        backend = type("B", (), {"__module__": "usb.backend.fake"})()

        def set_configuration(self):
            pass

        def reset(self):
            pass

        def get_active_configuration(self):
            return None

        def write(self, ep, data, timeout=None):
            assert ep == 0x01
            written.append(bytes(data))
            return len(data)

        def read(self, ep, size, timeout=None):
            return bytes([0x12])

    import usb.util

    monkeypatch.setattr(usb.core, "find", lambda **kw: FakeUsbHandle())
    monkeypatch.setattr(usb.util, "dispose_resources", lambda dev: None)
    cfg = DeviceConfig("p", "printer", "usb", {"usb_vendor": "0x0416", "usb_product": "0x5011",
                                               "journal": str(tmp_path / "j.sqlite")})
    p = ReceiptPrinter(cfg)
    p.open()
    try:
        p.handle(PrintJob("u1", (("text", "USB\n"), ("cut",))))
    finally:
        p.close()
    cmds = decode_escpos(b"".join(w for w in written if not w.startswith(b"\x10\x04")))
    assert ("text", "USB\n") in cmds and ("cut",) in cmds


def test_render_uses_python_escpos_commands():
    cmds = decode_escpos(render((("text", "A\n"), ("feed", 2), ("cut",), ("drawer", 5))))
    assert cmds == [("init",), ("chinese",), ("text", "A\n"), ("feed", 2), ("cut",),
                    ("drawer", 5)] or ("cut",) in cmds
