"""Long fuzz run of the device parsers (outside the default test run).

For each parser, ``--n`` inputs (default 100 000): half mutations of valid seeds (bit flips,
byte insertions/deletions, truncation, splicing), half random bytes. A parser may only
raise its own error type; invariants are checked on every accepted input:

* magstripe: a bank card never yields a card number or kept tracks, and its PAN never
  appears in ``repr``; an own card's number is non-empty;
* barcodes: no control characters except GS in an accepted code; ]E codes pass the check
  digit;
* APDU answers: data + SW1 SW2 give back the input; card-number decoding yields text;
* serial scanner framing: every frame gives events, never an exception.

    .venv/bin/python bench/fuzz_devices.py --n 100000 [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from stdnum import ean

from devices.apdu import ApduError, decode_number, parse_response
from devices.barcode import BarcodeError, parse_barcode
from devices.events import BarcodeScanned
from devices.framing import FrameSplitter
from devices.magstripe import SwipeError, parse_swipe
from devices.serial_scanner import barcode_events

SWIPE_SEEDS = [
    b";8860001234567890=4912?",
    b"%B6228480402564890018^ZHANG/SAN^2512101000000000000?;6228480402564890018=25121010000?",
    b"%A8860001234567890^VIP^?;8860001234567890=4912?;0012345?",
    b"%E?;E?",
    b";8860001234567890=4912?:",
]
BARCODE_SEEDS = [b"]E06901234567892", b"]C1\x1d0106901234567892", b"]Q1https://x.cn/\xe4\xbc\x9a",
                 b"6901234567892", b"]E496385074", b"ABC-123"]
APDU_SEEDS = [bytes.fromhex("04A1B2C3D4E5F69000"), b"8860001234567890\x90\x00", b"\x6a\x82"]


def mutate(rnd: random.Random, seeds: list[bytes]) -> bytes:
    if rnd.random() < 0.5:
        return bytes(rnd.randrange(256) for _ in range(rnd.randrange(0, 64)))
    b = bytearray(rnd.choice(seeds))
    for _ in range(rnd.randrange(1, 4)):
        op = rnd.randrange(5)
        if op == 0 and b:
            i = rnd.randrange(len(b))
            b[i] ^= 1 << rnd.randrange(8)
        elif op == 1:
            b.insert(rnd.randrange(len(b) + 1), rnd.randrange(256))
        elif op == 2 and b:
            del b[rnd.randrange(len(b))]
        elif op == 3:
            del b[rnd.randrange(len(b) + 1) :]
        else:
            other = rnd.choice(seeds)
            b[rnd.randrange(len(b) + 1) :] = other[rnd.randrange(len(other) + 1) :]
    return bytes(b)


def fuzz_swipe(data: bytes) -> bool:
    try:
        s = parse_swipe(data)
    except SwipeError:
        return False
    if s.bank_card:
        assert s.card_number is None and s.tracks == ()
        digits = "".join(ch for ch in data.decode("ascii") if ch.isdigit())
        if len(digits) >= 13:
            assert digits[:13] not in repr(s)
    else:
        assert s.card_number
    return True


def fuzz_barcode(data: bytes) -> bool:
    try:
        b = parse_barcode(data)
    except BarcodeError:
        return False
    assert b.code and all(ord(c) >= 0x20 or c == "\x1d" for c in b.code)
    if b.aim_id is not None and b.aim_id[1] == "E":
        main = b.code[:8] if b.aim_id == "]E4" else b.code[:13]
        assert ean.is_valid(main)
    return True


def fuzz_apdu(data: bytes) -> bool:
    try:
        r = parse_response(data)
    except ApduError:
        assert len(data) < 2
        return False
    assert r.data + bytes([r.sw1, r.sw2]) == data
    for fmt in ("ascii", "bcd", "hex"):
        try:
            assert decode_number(r.data, fmt)
        except ApduError:
            pass
    return True


def fuzz_frames(data: bytes) -> bool:
    fs = FrameSplitter(gap=0.05)
    frames = fs.feed(data, 0.0) + fs.tick(1.0)
    ok = False
    for f in frames:
        for aim in (False, True):
            events = barcode_events("fuzz", f.data, aim)
            assert events
            ok = ok or any(isinstance(e, BarcodeScanned) for e in events)
    return ok


TARGETS: dict[str, tuple[Callable[[bytes], bool], list[bytes]]] = {
    "magstripe": (fuzz_swipe, SWIPE_SEEDS),
    "barcode": (fuzz_barcode, BARCODE_SEEDS),
    "apdu": (fuzz_apdu, APDU_SEEDS),
    "serial framing": (fuzz_frames, [s + b"\r" for s in BARCODE_SEEDS]),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    failures = 0
    for name, (fn, seeds) in TARGETS.items():
        rnd = random.Random(args.seed)
        accepted = 0
        t0 = time.perf_counter()
        for i in range(args.n):
            data = mutate(rnd, seeds)
            try:
                accepted += fn(data)
            except Exception as e:  # any other exception or a broken invariant is a bug
                failures += 1
                print(f"FAIL {name} input #{i}: {data!r}: {e!r}")
                if failures > 20:
                    sys.exit(1)
        dt = time.perf_counter() - t0
        print(f"{name:<15} {args.n:>8} inputs  {accepted:>7} accepted  {dt:6.1f} s  ok")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
