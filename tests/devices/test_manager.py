"""Device manager: config, reconnect with backoff and health, tested by killing fake devices."""

from __future__ import annotations

import time
import tomllib

import pytest

from devices.base import ConfigError
from devices.events import (
    BarcodeScanned,
    DeviceError,
    Health,
    HealthChanged,
    JobDone,
    PrintJob,
    ShowLines,
)
from devices.manager import DeviceManager, parse_config
from tests.devices.fakes import FakeNetworkPrinter, decode_escpos, wait_for

CONFIG = """
[[devices]]
name = "front scanner"
kind = "scanner"
driver = "serial"
port = "/dev/ttyUSB0"
baud = 9600
suffix = "\\r"

[[devices]]
name = "keyboard scanner"
kind = "scanner"
driver = "wedge"
max_gap_ms = 50

[[devices]]
name = "old printer"
kind = "printer"
driver = "network"
host = "192.168.1.50"
enabled = false
"""


def test_config_parsing():
    configs = parse_config(tomllib.loads(CONFIG))
    assert [(c.name, c.kind, c.driver) for c in configs] == [
        ("front scanner", "scanner", "serial"),
        ("keyboard scanner", "scanner", "wedge"),
    ]
    assert configs[0].get("suffix") == "\r" and configs[0].get("baud") == 9600


@pytest.mark.parametrize(
    "bad, message",
    [
        ({"devices": [{"kind": "scanner", "driver": "serial"}]}, "missing key 'name'"),
        ({"devices": [{"name": "a", "kind": "scanner", "driver": "bluetooth"}]}, "no driver"),
        ({"devices": [{"name": "a", "kind": "scanner", "driver": "wedge"}] * 2}, "two devices"),
    ],
)
def test_config_errors_name_the_problem(bad, message):
    with pytest.raises(ConfigError, match=message):
        parse_config(bad)


def test_bad_value_names_the_device():
    cfg = parse_config({"devices": [{"name": "front scanner", "kind": "scanner",
                                     "driver": "serial", "port": "/dev/x", "baud": "fast"}]})
    with pytest.raises(ConfigError, match="front scanner"):
        DeviceManager(cfg)


def events_until(m, pred, timeout=20.0):
    got = []
    end = time.monotonic() + timeout
    while not pred(got):
        assert time.monotonic() < end, f"timed out; got {got}"
        e = m.wait_event(0.05)
        if e is not None:
            got.append(e)
    return got


def health_is(m, name, health):
    return lambda: m.health()[name].health is health


def test_scanner_unplugged_and_replugged(socat_line):
    cfg = parse_config({"devices": [{"name": "front scanner", "kind": "scanner",
                                     "driver": "serial", "port": socat_line.port}]})
    m = DeviceManager(cfg, backoff_initial=0.05, backoff_max=0.2, poll_interval=0.05)
    assert m.poll_events() == []  # never blocks, even before start
    m.start()
    try:
        wait_for(health_is(m, "front scanner", Health.OK))
        socat_line.write(b"]E06901234567892\r")
        ev = events_until(m, lambda g: any(isinstance(e, BarcodeScanned) for e in g))
        socat_line.unplug()
        ev += events_until(m, lambda g: any(isinstance(e, DeviceError) for e in g))
        wait_for(health_is(m, "front scanner", Health.OFFLINE))
        assert m.health()["front scanner"].detail
        time.sleep(0.5)  # several reconnect attempts while unplugged: one error, not many
        ev += m.poll_events()
        socat_line.plug()
        wait_for(health_is(m, "front scanner", Health.OK))
        socat_line.write(b"]E06901234567892\r]E496385074\r")
        ev += events_until(m, lambda g: sum(isinstance(e, BarcodeScanned) for e in g) >= 2)
        time.sleep(0.2)
        ev += m.poll_events()
    finally:
        m.stop()
    scans = [e.code for e in ev if isinstance(e, BarcodeScanned)]
    assert scans == ["6901234567892", "6901234567892", "96385074"]
    errors = [e for e in ev if isinstance(e, DeviceError)]
    assert next(e.code for e in errors) == "unplugged"
    assert len(errors) <= 2  # "unplugged", then at most one "cannot open" while it stays out
    healths = [e.health for e in ev if isinstance(e, HealthChanged)]
    assert Health.OFFLINE in healths and healths[-1] is Health.OK
    seqs = [e.seq for e in ev]
    assert seqs == sorted(seqs)


def printer_cfg(port, tmp_path, status_interval=0.2):
    return parse_config({"devices": [
        {"name": "receipt printer", "kind": "printer", "driver": "network",
         "host": "127.0.0.1", "port": port, "timeout": 0.5,
         "status_interval": status_interval, "journal": str(tmp_path / "jobs.sqlite")},
        {"name": "cash drawer", "kind": "drawer", "driver": "printer",
         "printer": "receipt printer", "pin": 2},
    ]})


def job(i):
    return PrintJob(f"r-{i}", (("text", f"RECEIPT {i}\n"), ("cut",)))


def printed(printer):
    return [c[1] for c in decode_escpos(printer.data()) if c[0] == "text"]


def test_printer_killed_and_restarted_prints_every_job_once(tmp_path):
    printer = FakeNetworkPrinter().start()
    m = DeviceManager(printer_cfg(printer.port, tmp_path), backoff_initial=0.05,
                      backoff_max=0.2, poll_interval=0.05)
    m.start()
    try:
        wait_for(health_is(m, "receipt printer", Health.OK))
        assert m.health()["cash drawer"].health is Health.OK
        m.print(job(1))
        wait_for(lambda: "RECEIPT 1\n" in printed(printer))
        m.kick_drawer()
        wait_for(lambda: ("drawer", 2) in decode_escpos(printer.data()))
        printer.stop()  # switched off
        wait_for(health_is(m, "receipt printer", Health.OFFLINE))
        assert m.health()["cash drawer"].health is Health.OFFLINE
        m.print(job(2))
        m.kick_drawer()  # refused at once: it must not open by itself later
        m.print(job(3))
        time.sleep(0.3)
        printer.start()  # back on the same port
        wait_for(lambda: "RECEIPT 3\n" in printed(printer))
        wait_for(health_is(m, "receipt printer", Health.OK))
        time.sleep(0.3)
    finally:
        m.stop()
        printer.stop()
    assert decode_escpos(printer.data()).count(("drawer", 2)) == 1
    texts = printed(printer)
    assert [t for t in texts if t.startswith("RECEIPT")] == [
        "RECEIPT 1\n", "RECEIPT 2\n", "RECEIPT 3\n"]
    events = m.poll_events()
    done = [e.job_id for e in events if isinstance(e, JobDone)]
    assert done == ["r-1", "r-2", "r-3"]
    assert "drawer_not_opened" in [e.code for e in events if isinstance(e, DeviceError)]


def test_printer_that_stops_answering(tmp_path, net_printer):
    m = DeviceManager(printer_cfg(net_printer.port, tmp_path), backoff_initial=0.05,
                      backoff_max=0.2, poll_interval=0.05)
    m.start()
    try:
        wait_for(health_is(m, "receipt printer", Health.OK))
        net_printer.answering = False
        m.print(job(7))
        ev = events_until(m, lambda g: any(isinstance(e, DeviceError) for e in g))
        assert [e.code for e in ev if isinstance(e, DeviceError)] == ["not_answering"]
        wait_for(health_is(m, "receipt printer", Health.OFFLINE))
        net_printer.answering = True
        wait_for(lambda: "RECEIPT 7\n" in printed(net_printer))
        wait_for(health_is(m, "receipt printer", Health.OK))
        time.sleep(0.3)
    finally:
        m.stop()
    assert printed(net_printer).count("RECEIPT 7\n") == 1


def test_job_cut_off_by_a_lost_printer_is_reprinted_once_marked(tmp_path, net_printer):
    """The printer got the job but died before confirming it: the job may be torn, so it is
    printed once more with a REPRINT header, and never a third time."""
    m = DeviceManager(printer_cfg(net_printer.port, tmp_path, status_interval=600),
                      backoff_initial=0.05, backoff_max=0.2, poll_interval=0.05)
    m.start()
    try:
        wait_for(health_is(m, "receipt printer", Health.OK))
        net_printer.answer_limit = 2  # answers the check before the job, not the one after
        m.print(job(8))
        wait_for(health_is(m, "receipt printer", Health.OFFLINE))
        net_printer.answer_limit = None
        wait_for(lambda: "".join(printed(net_printer)).count("RECEIPT 8\n") == 2)
        wait_for(health_is(m, "receipt printer", Health.OK))
        time.sleep(0.5)
    finally:
        m.stop()
    text = "".join(printed(net_printer))
    assert text.count("RECEIPT 8\n") == 2 and text.count("REPRINT") == 1
    assert text.index("RECEIPT 8\n") < text.index("REPRINT")
    errors = [e.code for e in m.poll_events() if isinstance(e, DeviceError)]
    assert errors == ["not_answering"]


def test_print_is_journaled_before_the_printer_is_reached(tmp_path):
    """Submitted while the printer is off, the terminal stops: the next start prints it."""
    printer = FakeNetworkPrinter().start()
    port = printer.port
    printer.stop()
    m = DeviceManager(printer_cfg(port, tmp_path), backoff_initial=0.05, poll_interval=0.05)
    m.start()
    m.print(job(11))
    with pytest.raises(ValueError):
        m.print(PrintJob("bad", (("confetti",),)))
    m.stop()
    printer = FakeNetworkPrinter(port).start()
    m2 = DeviceManager(printer_cfg(port, tmp_path), backoff_initial=0.05, poll_interval=0.05)
    m2.start()
    try:
        wait_for(lambda: "RECEIPT 11\n" in printed(printer))
        time.sleep(0.3)
    finally:
        m2.stop()
        printer.stop()
    assert printed(printer).count("RECEIPT 11\n") == 1


def test_paper_out_is_degraded_then_prints(tmp_path, net_printer):
    net_printer.paper = "out"
    m = DeviceManager(printer_cfg(net_printer.port, tmp_path), backoff_initial=0.05,
                      poll_interval=0.05)
    m.start()
    try:
        wait_for(lambda: m.health()["receipt printer"].health is not Health.OFFLINE)
        m.print(job(9))
        ev = events_until(m, lambda g: any(isinstance(e, DeviceError) for e in g))
        assert [e.code for e in ev if isinstance(e, DeviceError)] == ["paper_out"]
        wait_for(lambda: "paper out" in m.health()["receipt printer"].detail)
        assert m.health()["receipt printer"].health is Health.DEGRADED
        net_printer.paper = "ok"
        wait_for(lambda: "RECEIPT 9\n" in printed(net_printer))
        wait_for(health_is(m, "receipt printer", Health.OK))
    finally:
        m.stop()
    assert printed(net_printer).count("RECEIPT 9\n") == 1


def test_pole_display_replugged_shows_last_lines(socat_line):
    import os
    import select

    cfg = parse_config({"devices": [{"name": "pole", "kind": "pole_display", "driver": "serial",
                                     "port": socat_line.port}]})
    m = DeviceManager(cfg, backoff_initial=0.05, backoff_max=0.2, poll_interval=0.05)

    def read_all():
        out = b""
        while socat_line.fd is not None and select.select([socat_line.fd], [], [], 0.2)[0]:
            out += os.read(socat_line.fd, 4096)
        return out

    m.start()
    try:
        wait_for(health_is(m, "pole", Health.OK))
        m.show(ShowLines("Hello", "World"))
        wait_for(lambda: b"World" in read_all())
        socat_line.unplug()
        m.show(ShowLines("Total", "12.50"))  # written into a dead line: lost, remembered
        wait_for(health_is(m, "pole", Health.OFFLINE))
        socat_line.plug()
        wait_for(health_is(m, "pole", Health.OK))
        wait_for(lambda: b"12.50" in read_all())
    finally:
        m.stop()


def test_simulated_demo_set_runs():
    m = DeviceManager.simulated(poll_interval=0.05)
    m.start()
    try:
        wait_for(lambda: all(h.health is Health.OK for h in m.health().values()))
    finally:
        m.stop()
