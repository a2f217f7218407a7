"""Load on HQ from thousands of terminals (loopback only, bounded in count and time).

    .venv/bin/python bench/hq_load.py [--terminals 5000] [--batches 4] [--per 5]
        [--processes 1 2 4] [--concurrency 64] [--peak-rate 300] [--peak-minutes 10]

For each number of HQ processes (``pos hq serve`` each, one worker, over one fresh
PostgreSQL database, behind HAProxy with ``packaging/haproxy/store-pos-hq.cfg``):

* ``--terminals`` simulated terminals are registered at HQ in bulk (an admin step);
  each then does what a terminal does in a day, over HTTP through the balancer: a
  handshake, ``--batches`` uploads of ``--per`` sale events (a small batch, as a store
  syncing through the day), and a download of the change feed. ``--concurrency``
  terminals are active at once. The events are one real cash sale rung up by a real
  terminal, cloned per terminal with new ids, the terminal's next sequence and its
  own hash chain, so HQ checks and applies real sale payloads with their ledger
  entries.
* reported: events/s applied over the whole run, p50/p99 latency of an upload batch,
  and HQ's peak memory (the RSS of all its processes, sampled every 0.2 s), each with
  its ratio to the baseline; the CPU time HQ's processes used per terminal's day
  (which other work on a shared machine inflates far less than wall time); and
  `uptime` at the start and end (the machine is shared);
* baseline, same run, same database, after HQ stopped: a process of its own
  (bench/raw_insert.py) INSERTs the same rows raw (as many events, the same payload,
  their ledger entries) into two plain tables: once in batches of 500 a commit
  (events/s), once as the terminals' batches of ``--per`` events with their entries, a
  commit each (batch p50/p99); its peak RSS is the memory baseline. No HTTP, no
  checks, no ledger.

Then a sustained peak on the largest configuration: ``--peak-rate`` sales/s arriving
as batches of 3 events from random terminals for ``--peak-minutes`` (10, as the issue
asks; shorter where the machine cannot be spared that long: the output says what was
run), with the batch latency and how long the last answer took to come.
Everything runs on this one machine: the simulated terminals take CPU from HQ and
PostgreSQL, so the figures are a floor.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import psycopg
from sqlalchemy import insert, select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pos_app.core import catalog, outbox, sales, shifts  # noqa: E402
from pos_app.core.models import OutboxEvent  # noqa: E402
from pos_app.core.outbox import GENESIS  # noqa: E402
from pos_app.core.staff import CONSOLE  # noqa: E402
from pos_app.core.tenders import TenderRequest  # noqa: E402
from pos_app.core.terminal import Terminal  # noqa: E402
from pos_app.demo import CATALOG, PROGRAM  # noqa: E402
from sync.hq.db import make_engine, migrate, sessions  # noqa: E402
from sync.hq.models import HqTerminal  # noqa: E402
from sync.hq.service import register_in, token_hash  # noqa: E402

ADMIN_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=test"
HAPROXY_CFG = ROOT / "packaging" / "haproxy" / "store-pos-hq.cfg"


def proto_event() -> dict[str, Any]:
    """One real cash sale's outbox event, rung up by a real terminal."""
    with tempfile.TemporaryDirectory() as tmp:
        t = Terminal.init(Path(tmp) / "t", store="S0", terminal="T01", franchisee="F-1",
                          program_file=PROGRAM)
        with t.tx() as s:
            catalog.import_file(s, CATALOG, t.now())
        with t.tx() as s:
            shifts.open_shift(t, s, Decimal("200"), CONSOLE)  # sales need an open shift
            sales.make_sale(t, s, sales.SaleRequest(
                lines=[sales.LineRequest("6901234560084", 1)],
                tenders=[TenderRequest("cash")]), CONSOLE)
        with t.read() as s:
            ev = s.scalars(select(OutboxEvent).order_by(OutboxEvent.seq.desc())).first()
            assert ev is not None
            out = {"kind": ev.kind, "payload": ev.payload,
                   "business_time": outbox.canonical(ev.business_time).strip('"'),
                   "recorded_at": outbox.canonical(ev.recorded_at).strip('"')}
        t.close()
    return out


class Sim:
    """A simulated terminal: its key, token and event chain."""

    def __init__(self, i: int, proto: dict[str, Any]) -> None:
        self.store, self.terminal, self.franchisee = f"S{i:05d}", "T01", f"F-{i % 50:02d}"
        self.key = f"{self.store}/{self.terminal}"
        self.token = secrets.token_urlsafe(16)
        self.proto = proto
        self.seq, self.prev = 0, GENESIS

    def headers(self) -> dict[str, str]:
        return {"X-Terminal": self.key, "Authorization": f"Bearer {self.token}"}

    def batch(self, n: int) -> list[dict[str, Any]]:
        out = []
        for _ in range(n):
            self.seq += 1
            ev = {"event_id": str(uuid.uuid4()), "epoch": 1, "seq": self.seq,
                  "kind": self.proto["kind"], "business_time": self.proto["business_time"],
                  "recorded_at": self.proto["recorded_at"], "payload": self.proto["payload"],
                  "prev_hash": self.prev}
            header = {"event_id": ev["event_id"], "franchisee": self.franchisee,
                      "store": self.store, "terminal": self.terminal, "epoch": 1,
                      "seq": self.seq, "kind": ev["kind"], "business_time": ev["business_time"],
                      "recorded_at": ev["recorded_at"]}
            ev["hash"] = outbox.event_hash(self.prev, header, ev["payload"])
            self.prev = ev["hash"]
            out.append(ev)
        return out


def register_all(engine: Any, sims: list[Sim]) -> None:
    with sessions(engine)() as s, s.begin():
        register_in(s, "F-00", "S-SETUP", "T00", Decimal("2000"))  # the chain's PII key
        now = datetime.now(UTC).isoformat()
        rows = [{"key": x.key, "franchisee": x.franchisee, "store": x.store,
                 "terminal": x.terminal, "token_hash": token_hash(x.token),
                 "registered_at": now, "epoch": 1, "next_seq": 1, "last_hash": GENESIS,
                 "flags": "", "lease_cents": 200000} for x in sims]
        for i in range(0, len(rows), 1000):
            s.execute(insert(HqTerminal), rows[i:i + 1000])


def _stats() -> dict[int, list[str]]:
    """Every process's /proc/PID/stat fields after its name (the parent is [1])."""
    out = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                out[int(d.name)] = (d / "stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
    return out


def family(pids: list[int], stats: dict[int, list[str]]) -> list[int]:
    """The processes and all their descendants."""
    children: dict[int, list[int]] = {}
    for pid, fields in stats.items():
        children.setdefault(int(fields[1]), []).append(pid)
    todo, out = list(pids), []
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children.get(p, [])
    return out


def rss_mib(pids: list[int]) -> float:
    """RSS of the processes and all their descendants."""
    total = 0
    for p in family(pids, _stats()):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def cpu_s(pids: list[int]) -> float:
    """CPU seconds (user + system) the processes and their descendants have used: what
    they cost, whatever else the shared machine was doing."""
    stats = _stats()
    ticks = sum(int(stats[p][11]) + int(stats[p][12])  # utime, stime
                for p in family(pids, stats) if p in stats)
    return ticks / os.sysconf("SC_CLK_TCK")


class Memory(threading.Thread):
    def __init__(self, pids: list[int]) -> None:
        super().__init__(daemon=True)
        self.pids, self.peak, self.done = pids, 0.0, threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            self.peak = max(self.peak, rss_mib(self.pids))
            time.sleep(0.2)


def pct(xs: list[float], q: int) -> float:
    return statistics.quantiles(xs, n=100, method="inclusive")[q - 1] if len(xs) > 1 else xs[0]


async def day(base: str, sims: list[Sim], batches: int, per: int, concurrency: int
              ) -> tuple[int, list[float]]:
    lat: list[float] = []
    applied = 0
    sem = asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as c:

        async def one(x: Sim) -> None:
            nonlocal applied
            async with sem:
                r = await c.post("/v1/handshake", headers=x.headers(),
                                 json={"device_time": datetime.now(UTC).isoformat()})
                r.raise_for_status()
                for _ in range(batches):
                    body = {"events": x.batch(per)}
                    t0 = time.perf_counter()
                    r = await c.post("/v1/events", headers=x.headers(), json=body)
                    lat.append(time.perf_counter() - t0)
                    r.raise_for_status()
                    got = r.json()["results"]
                    applied += sum(1 for g in got if g.get("status") in ("applied", "ok"))
                r = await c.get("/v1/changes", headers=x.headers(), params={"since": 0})
                r.raise_for_status()

        await asyncio.gather(*(one(x) for x in sims))
    return applied, lat


async def peak(base: str, sims: list[Sim], rate: int, seconds: int) -> tuple[int, list[float]]:
    """``rate`` events/s as batches of 3 from random terminals, for ``seconds``."""
    lat: list[float] = []
    per, sent = 3, 0
    interval = per / rate
    async with httpx.AsyncClient(base_url=base, timeout=120,
                                 limits=httpx.Limits(max_connections=200)) as c:
        busy: set[str] = set()
        tasks = []

        async def one(x: Sim) -> None:
            body = {"events": x.batch(per)}
            t0 = time.perf_counter()
            r = await c.post("/v1/events", headers=x.headers(), json=body)
            lat.append(time.perf_counter() - t0)
            r.raise_for_status()
            busy.discard(x.key)

        start = time.perf_counter()
        while (now := time.perf_counter()) - start < seconds:
            due = start + sent / per * interval
            if now < due:
                await asyncio.sleep(due - now)
            x = random.choice(sims)
            while x.key in busy:  # a terminal uploads one batch at a time
                if len(busy) >= len(sims) // 2:  # HQ far behind: let answers come
                    await asyncio.sleep(0.01)
                x = random.choice(sims)
            busy.add(x.key)
            tasks.append(asyncio.create_task(one(x)))
            sent += per
        await asyncio.gather(*tasks)
    return sent, lat


def raw_baseline(dsn: str, args: argparse.Namespace, proto: dict[str, Any]) -> dict[str, Any]:
    """The same rows (terminals x batches x per events and their entries) INSERTed raw by
    a process of its own (bench/raw_insert.py): events/s, batch p50/p99, peak RSS."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump({"kind": proto["kind"], "payload": proto["payload"]}, f)
    try:
        r = subprocess.run([sys.executable, str(ROOT / "bench" / "raw_insert.py"), dsn, f.name,
                            "--terminals", str(args.terminals), "--events-each",
                            str(args.batches * args.per), "--per", str(args.per)],
                           capture_output=True, text=True, check=True, cwd=ROOT)
    finally:
        os.unlink(f.name)
    out: dict[str, Any] = json.loads(r.stdout)
    return out


def load() -> str:
    """What `uptime` says: the machine is shared, so every figure carries it."""
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def start_hq(url: str, n: int, log: Path) -> tuple[list[subprocess.Popen[bytes]], list[int],
                                                  subprocess.Popen[bytes], str]:
    ports = [free_port() for _ in range(5)]
    procs = [subprocess.Popen([sys.executable, "-m", "pos_app.cli", "hq", "serve", "--port",
                               str(p)], env={**os.environ, "POS_HQ_DB": url}, cwd=ROOT,
                              start_new_session=True, stdout=subprocess.DEVNULL,
                              stderr=open(log, "ab")) for p in ports[:n]]
    env = {**os.environ, "POS_HQ_LB_BIND": f"127.0.0.1:{ports[4]}"}
    for i in range(4):  # unused slots point at ports nothing listens on
        env[f"POS_HQ_{i + 1}"] = f"127.0.0.1:{ports[i] if i < n else ports[i] + 1}"
    lb = subprocess.Popen(["haproxy", "-db", "-f", str(HAPROXY_CFG)], env=env,
                          stdout=subprocess.DEVNULL, stderr=open(log, "ab"),
                          start_new_session=True)
    for proc, p in zip(procs, ports, strict=False):
        for _ in range(300):
            if proc.poll() is not None:
                raise RuntimeError(f"HQ on port {p} exited (see {log})")
            try:
                if httpx.get(f"http://127.0.0.1:{p}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise RuntimeError(f"HQ on port {p} did not start (see {log})")
    time.sleep(2.5)  # HAProxy's health checks see every process up
    return procs, [p.pid for p in procs], lb, f"http://127.0.0.1:{ports[4]}"


def free_port() -> int:
    with socket.socket() as sk:
        sk.bind(("127.0.0.1", 0))
        return int(sk.getsockname()[1])


def stop(procs: list[subprocess.Popen[bytes]]) -> None:
    for p in procs:
        try:
            os.killpg(p.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        p.wait(timeout=30)


def run_config(n: int, args: argparse.Namespace, proto: dict[str, Any], log: Path,
               do_peak: bool) -> dict[str, Any]:
    db = f"pos_hq_load_{secrets.token_hex(3)}"
    with psycopg.connect(ADMIN_DSN, autocommit=True) as c:
        c.execute(f"CREATE DATABASE {db}")
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{db}"
    engine = make_engine(url)
    out: dict[str, Any] = {"processes": n}
    try:
        migrate(engine)
        sims = [Sim(i, proto) for i in range(args.terminals)]
        register_all(engine, sims)
        procs, pids, lb, base = start_hq(url, n, log)
        mem = Memory(pids)
        mem.start()
        try:
            out["load"] = load()
            t0 = time.perf_counter()
            cpu0 = cpu_s(pids)
            applied, lat = asyncio.run(day(base, sims, args.batches, args.per, args.concurrency))
            el = time.perf_counter() - t0
            # per terminal's day (a handshake, its uploads, a download): HQ's processes'
            # CPU (PostgreSQL's is not counted: the pool closes its overflow connections,
            # and their server processes' CPU goes with them)
            out["hq_cpu_ms"] = (cpu_s(pids) - cpu0) * 1000 / len(sims)
            out.update(events=applied, seconds=el, eps=applied / el,
                       p50=statistics.median(lat), p99=pct(lat, 99), batches=len(lat),
                       load_end=load())
            if do_peak:
                seconds = round(args.peak_minutes * 60)
                out["peak_load"] = load()
                t0 = time.perf_counter()
                sent, plat = asyncio.run(peak(base, sims, args.peak_rate, seconds))
                out.update(peak_sent=sent, peak_p50=statistics.median(plat),
                           peak_p99=pct(plat, 99), peak_batches=len(plat),
                           peak_wall=time.perf_counter() - t0, peak_seconds=seconds,
                           peak_load_end=load())
        finally:
            mem.done.set()
            mem.join()
            out["rss_mib"] = mem.peak
            stop([*procs, lb])
        dsn = f"host=127.0.0.1 port=5432 user=postgres dbname={db}"
        out["raw"] = raw_baseline(dsn, args, proto)
        out["raw_load"] = load()
    finally:
        engine.dispose()
        with psycopg.connect(ADMIN_DSN, autocommit=True) as c:
            c.execute(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--terminals", type=int, default=5000)
    ap.add_argument("--batches", type=int, default=4)
    ap.add_argument("--per", type=int, default=5)
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2, 4])
    ap.add_argument("--concurrency", type=int, default=64)
    ap.add_argument("--peak-rate", type=int, default=300)
    ap.add_argument("--peak-minutes", type=float, default=10.0,
                    help="length of the sustained peak (the issue asks for 10); 0 skips it")
    args = ap.parse_args()
    proto = proto_event()
    log = Path(tempfile.mkdtemp(prefix="hq-load-")) / "hq.log"
    print(f"# {args.terminals} terminals x {args.batches} batches x {args.per} events, "
          f"{args.concurrency} at once; HQ log {log}")
    print("| HQ processes | events | time | events/s (÷ raw) | batch p50 (÷ raw) | "
          "batch p99 (÷ raw) | HQ peak RSS (÷ raw) | raw INSERT: events/s, p50, p99, RSS |")
    print("|---|---|---|---|---|---|---|---|")
    notes = []
    for i, n in enumerate(args.processes):
        last = i == len(args.processes) - 1
        r = run_config(n, args, proto, log, do_peak=last and args.peak_minutes > 0)
        raw = r["raw"]
        print(f"| {n} | {r['events']:,} | {r['seconds']:.1f} s | {r['eps']:,.0f} "
              f"({raw['eps'] / r['eps']:.1f}× slower) | {r['p50'] * 1000:.0f} ms "
              f"({r['p50'] / raw['p50']:.0f}×) | {r['p99'] * 1000:.0f} ms "
              f"({r['p99'] / raw['p99']:.0f}×) | {r['rss_mib']:.0f} MiB "
              f"({r['rss_mib'] / raw['rss_mib']:.1f}×) | {raw['eps']:,.0f}/s, "
              f"{raw['p50'] * 1000:.1f} ms, {raw['p99'] * 1000:.1f} ms, "
              f"{raw['rss_mib']:.0f} MiB |", flush=True)
        notes.append(f"{n} process(es): HQ's CPU per terminal's day (handshake, "
                     f"{args.batches} uploads, download) {r['hq_cpu_ms']:.1f} ms; at start "
                     f"`{r['load']}`; at end `{r['load_end']}`; raw INSERT after "
                     f"`{r['raw_load']}`")
        if "peak_sent" in r:
            notes.append(
                f"peak: {args.peak_rate} sales/s asked for {r['peak_seconds']} s "
                f"({r['peak_seconds'] / 60:g} min) on {n} HQ processes: {r['peak_sent']:,} "
                f"events in {r['peak_batches']:,} batches of 3, all answered after "
                f"{r['peak_wall']:.0f} s (= {r['peak_sent'] / r['peak_wall']:,.0f} events/s "
                f"taken), batch p50 {r['peak_p50'] * 1000:.0f} ms, p99 "
                f"{r['peak_p99'] * 1000:.0f} ms; load at start `{r['peak_load']}`, "
                f"at end `{r['peak_load_end']}`")
    for line in notes:
        print("- " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
