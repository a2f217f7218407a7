"""Serial scanner latency: last byte written → BarcodeScanned emitted by the DeviceManager.

A pty pair stands in for the scanner's cable. For every scan the bench writes
``]E0<EAN-13>\\r`` to the pty master, takes the time right after the last byte was
written, and the time at which the manager's ``on_event`` callback receives the
BarcodeScanned event (the real path: pyserial read loop → framing → parser → event queue,
in the device thread). Scans are sent one at a time.

Baseline in the same run: a thread blocked in select()+os.read() on the same kind of pty
(what any reader at all must pay), measured the same way.

    .venv/bin/python bench/serial_latency.py --scans 2000
"""

from __future__ import annotations

import argparse
import os
import platform
import select
import statistics
import sys
import threading
import time
import tty
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devices.base import DeviceConfig
from devices.events import BarcodeScanned, DeviceEvent, Health
from devices.manager import DeviceManager


def pty_pair() -> tuple[int, int, str]:
    master, slave = os.openpty()
    tty.setraw(master)
    tty.setraw(slave)
    return master, slave, os.ttyname(slave)


def codes(n: int) -> list[bytes]:
    from stdnum import ean

    out = []
    for i in range(n):
        body = f"690{i:09d}"
        out.append(f"]E0{body}{ean.calc_check_digit(body)}\r".encode())
    return out


def summarise(samples: list[float]) -> dict[str, float]:
    s = sorted(samples)
    return {
        "n": len(s),
        "median_ms": statistics.median(s) * 1000,
        "p99_ms": s[min(len(s) - 1, int(len(s) * 0.99))] * 1000,
        "max_ms": s[-1] * 1000,
    }


def bench_baseline(scans: list[bytes]) -> list[float]:
    master, slave, _ = pty_pair()
    got = threading.Event()
    stamp: list[float] = [0.0]
    stop = threading.Event()

    def reader() -> None:
        buf = b""
        while not stop.is_set():
            r, _, _ = select.select([slave], [], [], 0.1)
            if not r:
                continue
            buf += os.read(slave, 4096)
            if buf.endswith(b"\r"):
                stamp[0] = time.perf_counter()
                buf = b""
                got.set()

    t = threading.Thread(target=reader, daemon=True)
    t.start()
    samples = []
    for data in scans:
        got.clear()
        os.write(master, data)
        t0 = time.perf_counter()
        if not got.wait(5):
            raise RuntimeError("baseline reader lost a scan")
        samples.append(stamp[0] - t0)
    stop.set()
    t.join()
    os.close(master)
    os.close(slave)
    return samples


def bench_manager(scans: list[bytes]) -> list[float]:
    master, slave, port = pty_pair()
    got = threading.Event()
    stamp: list[float] = [0.0]
    seen: list[str] = []

    def on_event(ev: DeviceEvent) -> None:
        if isinstance(ev, BarcodeScanned):
            stamp[0] = time.perf_counter()
            seen.append(ev.code)
            got.set()

    cfg = DeviceConfig("bench scanner", "scanner", "serial", {"port": port, "aim_ids": True})
    m = DeviceManager([cfg], on_event=on_event)
    m.start()
    end = time.monotonic() + 10
    while m.health()["bench scanner"].health is not Health.OK:
        if time.monotonic() > end:
            raise RuntimeError("scanner did not open")
        time.sleep(0.01)
    samples = []
    try:
        for data in scans:
            got.clear()
            os.write(master, data)
            t0 = time.perf_counter()
            if not got.wait(5):
                raise RuntimeError("the manager lost a scan")
            samples.append(stamp[0] - t0)
    finally:
        m.stop()
        os.close(master)
        os.close(slave)
    if len(seen) != len(scans):
        raise RuntimeError(f"{len(seen)} events for {len(scans)} scans")
    return samples


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scans", type=int, default=2000)
    ap.add_argument("--warmup", type=int, default=50)
    args = ap.parse_args()
    warm = codes(args.warmup)
    data = codes(args.scans)
    bench_baseline(warm)
    base = summarise(bench_baseline(data))
    bench_manager(warm)
    path = summarise(bench_manager(data))
    print(f"# serial scanner latency, {args.scans} scans, {platform.python_implementation()} "
          f"{platform.python_version()}, {os.cpu_count()} CPUs, {platform.platform()}")
    print(f"{'path':<44} {'median ms':>10} {'p99 ms':>8} {'max ms':>8}")
    for name, r in (("baseline: select()+os.read() on the pty", base),
                    ("DeviceManager: serial scanner → event", path)):
        print(f"{name:<44} {r['median_ms']:>10.3f} {r['p99_ms']:>8.3f} {r['max_ms']:>8.3f}")
    target = 5.0
    verdict = "meets" if path["p99_ms"] <= target else "MISSES"
    print(f"p99 target ≤ {target} ms: {verdict}")


if __name__ == "__main__":
    main()
