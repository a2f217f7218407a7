"""Benchmark: a 100-line receipt rendered to ESC/POS bytes (target: median <= 5 ms).

    .venv/bin/python bench/receipt_render.py [--runs 2000] [--lines 100] [--width 48]

Measures, in the same run and on the same document (a member sale of 100 lines, each
with a tier discount, CJK names, native QR, cash tender so the drawer kick and cut
are in the bytes):

* escpos    -- render_escpos(doc): layout + GB18030 + python-escpos commands, the
               whole path from the document model to printer bytes;
* text      -- render_text(doc): layout and the plain-text join (the baseline that
               shares the layout work);
* encode    -- the final text's str.encode("gb18030") alone (the floor: the bytes of
               the characters without any layout).

Prints median and p99 in milliseconds and the ratios to the baselines; exits 1 if
the ESC/POS median is above the target.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from receipts import examples, render_escpos, render_text

TARGET_MS = 5.0


def measure(fn: Callable[[], object], runs: int) -> list[float]:
    for _ in range(min(50, runs)):
        fn()
    out = []
    for _ in range(runs):
        t = time.perf_counter_ns()
        fn()
        out.append((time.perf_counter_ns() - t) / 1e6)
    return sorted(out)


def p99(xs: list[float]) -> float:
    return xs[min(len(xs) - 1, int(len(xs) * 0.99))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=2000)
    ap.add_argument("--lines", type=int, default=100)
    ap.add_argument("--width", type=int, default=48, choices=(32, 42, 48))
    args = ap.parse_args(argv)

    doc = examples.long_sale(args.lines)
    text = render_text(doc, args.width)
    raw = render_escpos(doc, args.width)
    results = {
        "escpos": measure(lambda: render_escpos(doc, args.width), args.runs),
        "text": measure(lambda: render_text(doc, args.width), args.runs),
        "encode": measure(lambda: text.encode("gb18030"), args.runs),
    }
    print(f"python {platform.python_version()} on {platform.machine()}, "
          f"{args.lines}-line receipt, {args.width} columns, "
          f"{len(text.splitlines())} rows, {len(raw)} ESC/POS bytes, {args.runs} runs")
    print(f"{'case':<8} {'median ms':>10} {'p99 ms':>8}")
    for name, xs in results.items():
        print(f"{name:<8} {statistics.median(xs):>10.3f} {p99(xs):>8.3f}")
    med = {k: statistics.median(v) for k, v in results.items()}
    print(f"escpos / text   = {med['escpos'] / med['text']:.2f}x")
    print(f"escpos / encode = {med['escpos'] / med['encode']:.0f}x")
    ok = med["escpos"] <= TARGET_MS
    print(f"target: escpos median <= {TARGET_MS} ms: {'met' if ok else 'NOT MET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
