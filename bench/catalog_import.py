"""Benchmark: import a large catalog CSV into a fresh terminal, against raw sqlite3.

Usage::

    .venv/bin/python bench/catalog_import.py [--rows 500000] [--runs 3]

Generates a catalog CSV (valid EAN-13 barcodes) in a temporary folder, then, each in a
fresh child process (so every figure has its own peak RSS):

* import: ``catalog.import_file`` in ``terminal.tx()`` (what ``pos catalog import`` runs:
  the file streamed, checked and written a chunk at a time) into a terminal just made
  with ``Terminal.init`` and the demo program;
* re-import: the same, into a terminal already holding the catalog (imported by another
  child process first), from a file with every price changed (all rows ``updated``);
* baseline: a raw ``sqlite3`` ``executemany`` INSERT of the same rows (already parsed
  into tuples, outside the timing) into a fresh table of the same shape, in one
  transaction, with the terminal's pragmas (WAL, synchronous=FULL);
* baseline re-import: the same ``executemany`` as an UPSERT of the changed prices.

Prints the median of ``--runs`` runs of each, the ratio to its baseline (wall time, and
the process's CPU time, which the machine's other load disturbs less), the peak RSS
of the child process (``resource.getrusage``) and the load average. With ``--before
CHECKOUT`` the import cases also run with another checkout's ``pos_app`` (say main
before a change, from ``git worktree add``), interleaved with this one's in every run.
Targets (issue 17): the import within 2x its baseline in CPU time, peak RSS under
200 MiB; exits 1 when the import misses either.
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing as mp
import os
import platform
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from stdnum import ean

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CATEGORIES = ("apparel", "cosmetics", "shoes", "food", "appliance", "accessories")
HEADER = ["sku", "barcode", "name", "category", "price", "member_price", "member_discount"]

ITEMS_DDL = (
    "CREATE TABLE items (sku VARCHAR(40) NOT NULL PRIMARY KEY, barcode VARCHAR(14) UNIQUE, "
    "name VARCHAR(120) NOT NULL, category VARCHAR(40) NOT NULL, price BIGINT NOT NULL, "
    "member_price BIGINT, member_discount BOOLEAN NOT NULL, updated_at VARCHAR(32) NOT NULL)"
)
INSERT = (
    "INSERT INTO items (sku, barcode, name, category, price, member_price, member_discount, "
    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
UPSERT = INSERT + (
    " ON CONFLICT(sku) DO UPDATE SET barcode=excluded.barcode, name=excluded.name, "
    "category=excluded.category, price=excluded.price, member_price=excluded.member_price, "
    "member_discount=excluded.member_discount, updated_at=excluded.updated_at"
)


def barcode(i: int) -> str:
    body = f"69{i:010d}"
    return body + ean.calc_check_digit(body)


def price_cents(i: int, bump: int) -> int:
    return 100 + (i * 37) % 99_900 + bump


def write_csv(path: Path, rows: int, bump: int = 0) -> None:
    """``bump`` cents are added to every price (the re-import file)."""
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for i in range(rows):
            cents = price_cents(i, bump)
            member = "" if i % 5 else f"{(cents * 9 // 10) // 100}.{(cents * 9 // 10) % 100:02d}"
            w.writerow(
                [
                    f"SKU{i:07d}",
                    barcode(i),
                    f"商品 {i} Item",
                    CATEGORIES[i % len(CATEGORIES)],
                    f"{cents // 100}.{cents % 100:02d}",
                    member,
                    "no" if i % 7 == 0 else "",
                ]
            )


def raw_tuples(rows: int, bump: int) -> list[tuple[Any, ...]]:
    stamp = datetime.now(UTC).isoformat(timespec="microseconds")
    out = []
    for i in range(rows):
        cents = price_cents(i, bump)
        member = None if i % 5 else cents * 9 // 10
        out.append(
            (
                f"SKU{i:07d}",
                barcode(i),
                f"商品 {i} Item",
                CATEGORIES[i % len(CATEGORIES)],
                cents,
                member,
                0 if i % 7 == 0 else 1,
                stamp,
            )
        )
    return out


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


# --- the measured cases, each run in a fresh child process ---------------------------------


def use_tree(root: str) -> None:
    """Run this child process's cases with the ``pos_app`` of the checkout at ``root``
    (imported afresh: every case runs in a new process)."""
    sys.path.insert(0, root)


def new_terminal(workdir: str, root: str = str(ROOT)) -> dict[str, str]:
    """A terminal just made with ``Terminal.init`` and the demo program (its folder)."""
    use_tree(root)
    from pos_app.core.terminal import Terminal
    from pos_app.demo import PROGRAM

    data = Path(tempfile.mkdtemp(dir=workdir)) / "data"
    Terminal.init(data, store="S001", terminal="T01", franchisee="F-EAST",
                  program_file=PROGRAM).close()
    return {"data": str(data)}


def case_preload(data: str, csv_path: str, root: str = str(ROOT)) -> dict[str, Any]:
    """The re-import case's terminal gets its catalog first, in a process of its own (as
    one ``pos catalog import`` would), so the timed process's peak RSS is its own."""
    use_tree(root)
    from pos_app.core import catalog
    from pos_app.core.terminal import Terminal

    t = Terminal.open(Path(data))
    try:
        with t.tx() as s:
            catalog.import_file(s, Path(csv_path), t.now())
    finally:
        t.close()
    return {}


def case_import(data: str, csv_path: str, root: str = str(ROOT)) -> dict[str, Any]:
    use_tree(root)
    from pos_app.core import catalog
    from pos_app.core.terminal import Terminal

    t = Terminal.open(Path(data))
    try:
        t0, c0 = time.perf_counter(), time.process_time()
        with t.tx() as s:
            rep = catalog.import_file(s, Path(csv_path), t.now())
        t1, c1 = time.perf_counter(), time.process_time()
    finally:
        t.close()
    return {"seconds": t1 - t0, "cpu": c1 - c0, "report": rep.__dict__, "rss": peak_rss_mib()}


def case_baseline(workdir: str, rows: int, update: bool) -> dict[str, Any]:
    db = Path(tempfile.mkdtemp(dir=workdir)) / "raw.sqlite"
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute(ITEMS_DDL)
    if update:  # the table already holds the catalog, untimed
        con.execute("BEGIN IMMEDIATE")
        con.executemany(INSERT, raw_tuples(rows, 0))
        con.execute("COMMIT")
    data = raw_tuples(rows, 100 if update else 0)
    t0, c0 = time.perf_counter(), time.process_time()
    con.execute("BEGIN IMMEDIATE")
    con.executemany(UPSERT if update else INSERT, data)
    con.execute("COMMIT")
    t1, c1 = time.perf_counter(), time.process_time()
    (count,) = con.execute("SELECT count(*) FROM items").fetchone()
    con.close()
    assert count == rows, count
    return {"seconds": t1 - t0, "cpu": c1 - c0, "rss": peak_rss_mib()}


def run_in_child(fn: Any, *args: Any) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    with ctx.Pool(1) as pool:
        return dict(pool.apply(fn, args))


def run_round(work: Path, rows: int, trees: dict[str, str],
              results: dict[str, list[dict[str, Any]]]) -> None:
    """One run of every case, each tree's import right after the baseline it is
    compared with."""
    first, second = work / "catalog.csv", work / "catalog-new-prices.csv"
    for kind in ("import", "re-import"):
        base = "baseline " + ("upsert" if kind == "re-import" else "insert")
        results.setdefault(base, []).append(
            run_in_child(case_baseline, str(work), rows, kind == "re-import"))
        for label, root in trees.items():
            data = run_in_child(new_terminal, str(work), root)["data"]
            if kind == "re-import":
                run_in_child(case_preload, data, str(first), root)
            results.setdefault(kind + label, []).append(run_in_child(
                case_import, data, str(second if kind == "re-import" else first), root))


def report(rows: int, trees: dict[str, str], results: dict[str, list[dict[str, Any]]]) -> None:
    def med(name: str, key: str = "seconds") -> float:
        return statistics.median(r[key] for r in results[name])

    for kind, base in (("import", "baseline insert"), ("re-import", "baseline upsert")):
        print(f"{base:<28} median {med(base):7.2f} s, CPU {med(base, 'cpu'):.2f} s, peak RSS "
              f"{max(r['rss'] for r in results[base]):,.0f} MiB")
        for label in trees:
            name = kind + label
            rep = results[name][-1]["report"]
            print(
                f"{name:<28} median {med(name):7.2f} s, CPU {med(name, 'cpu'):.2f} s, "
                f"{rows / med(name):,.0f} rows/s, peak RSS "
                f"{max(r['rss'] for r in results[name]):,.0f} MiB; ratio to {base}: "
                f"{med(name) / med(base):.2f}x wall, "
                f"{med(name, 'cpu') / med(base, 'cpu'):.2f}x CPU; added {rep['added']} "
                f"updated {rep['updated']} unchanged {rep['unchanged']}"
            )
    for name, rs in results.items():
        print(f"# {name} runs (wall s / CPU s): "
              + ", ".join(f"{r['seconds']:.2f}/{r['cpu']:.2f}" for r in rs))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=500_000)
    ap.add_argument("--runs", type=int, default=3, help="runs of each case (median reported)")
    ap.add_argument("--before", type=Path, metavar="CHECKOUT",
                    help="also run the import cases with the pos_app of another checkout "
                         "(e.g. an earlier commit's), interleaved with this one's")
    args = ap.parse_args(argv)
    trees = {"": str(ROOT)}
    if args.before:
        trees = {" (before)": str(args.before.resolve()), "": str(ROOT)}

    with tempfile.TemporaryDirectory(prefix="bench-catalog-") as tmp:
        work = Path(tmp)
        t0 = time.perf_counter()
        write_csv(work / "catalog.csv", args.rows)
        write_csv(work / "catalog-new-prices.csv", args.rows, bump=100)
        print(
            f"# {args.rows} rows, {(work / 'catalog.csv').stat().st_size / 2**20:.1f} MiB CSV, "
            f"generated in {time.perf_counter() - t0:.1f} s; {args.runs} run(s) per case; "
            f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}; "
            f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
        )
        results: dict[str, list[dict[str, Any]]] = {}
        for _ in range(args.runs):
            run_round(work, args.rows, trees, results)
    print(f"# load average at the end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    report(args.rows, trees, results)

    def med(name: str, key: str) -> float:
        return statistics.median(r[key] for r in results[name])

    wall = med("import", "seconds") / med("baseline insert", "seconds")
    cpu = med("import", "cpu") / med("baseline insert", "cpu")
    rss = max(r["rss"] for r in results["import"])
    print(f"import / baseline insert = {wall:.2f}x wall, {cpu:.2f}x CPU (target <= 2x); "
          f"import peak RSS {rss:.0f} MiB (target < 200 MiB)")
    return 0 if cpu <= 2 and rss < 200 else 1


if __name__ == "__main__":
    raise SystemExit(main())
