"""Chaos harness: several terminal processes and a real HQ (`pos hq serve` on
PostgreSQL, 127.0.0.1) with a fault-injecting TCP proxy between them; terminals are
killed with SIGKILL at random points and restarted, HQ is killed and restarted, and at
the end every queue must drain and every book must agree.

    python -m tests.chaos.harness --seed 7            # short mode (CI: tests/chaos/test_chaos.py)
    python -m tests.chaos.harness --long --seed 7     # 2,000 kills

Each terminal has a *zygote* process that has imported everything and forks one worker
per life; the worker loops over (one business action or one sync) with an rng seeded
from (seed, terminal, life) until the parent SIGKILLs it after a random 0-150 ms (one
life in ten lasts up to a second, so uploads through a slow link finish too). Workers
write the phase they are in to a small file, so the parent can count where kills hit
(mid-commit, mid-upload, ...). HQ is killed (SIGKILL) and restarted a few times;
offline spells close one terminal's link, or every terminal's, for a few seconds. The
proxy (asyncio, one listener per terminal) drops replies, delays, resets, duplicates
requests onto a second connection and truncates answers.

At the end, with the proxy out of the way, every terminal syncs until nothing is
pending, then: ``pos hq verify`` passes; every terminal's ledger, outbox chain and its
card and points balances equal HQ's; every event (and so every sale) is at HQ exactly
once; no card is negative at HQ and every overdraft receivable is within the offline cap.
It prints one line::

    chaos: seed=S kills=K hq_restarts=R faults=F events=E lost=0 duplicated=0 mismatches=0

and exits 1 on any loss, duplicate or mismatch (details on stderr). A run is replayed
from its seed: the workload, kill delays, fault choices and schedule come from it (the
interleaving with the real clock does not).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import random
import secrets
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from tests.chaos.busy_terminal import GOODS

ROOT = Path(__file__).resolve().parents[2]
PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=test"
HOST = "127.0.0.1"
PHASE_NAMES = {
    ord("-"): "between actions", ord("S"): "mid-sale commit",
    ord("R"): "mid-refund commit", ord("T"): "mid-top-up commit",
    ord("E"): "mid-enrollment commit", ord("U"): "mid-sync/upload", ord("X"): "exiting",
}
ALL = -1  # an offline spell for every terminal at once
FAULTS = ("drop", "delay", "reset", "duplicate", "truncate")


# --- worker (runs in a process forked from the zygote) ----------------------------------


def _phase(fd: int, p: str) -> None:
    os.pwrite(fd, p.encode(), 0)


def worker(t: Any, seed: int, idx: int, life: int, phase_file: Path, err_log: Path) -> None:
    from sqlalchemy import select

    from pos_app.core import members, refunds, sales, stored_value
    from pos_app.core.errors import PosError
    from pos_app.core.models import Card, Sale
    from pos_app.core.staff import Operator
    from pos_app.core.tenders import TenderRequest
    from sync.client import SyncClient

    cashier, supervisor = Operator("1001", "cashier"), Operator("2001", "supervisor")
    rng = random.Random(f"{seed}:{idx}:{life}")
    fd = os.open(phase_file, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        for _ in range(2000):  # bounded; the parent kills it long before
            _phase(fd, "-")
            r = rng.random()
            try:
                if r < 0.25:
                    _phase(fd, "U")
                    c = SyncClient(t, timeout=3.0)
                    try:
                        c.sync()
                    finally:
                        c.close()
                    continue
                with t.read() as s:
                    cards = list(s.scalars(select(Card.card_no).where(Card.status == "active")
                                           .order_by(Card.card_no)))
                    if cards and rng.random() < 0.5:
                        cards = cards[:4]  # a few cards used everywhere (offline overdrafts)
                    recent = list(s.scalars(select(Sale.sale_no).where(Sale.kind == "sale")
                                            .order_by(Sale.id.desc()).limit(15)))
                if r < 0.35 or not cards:
                    _phase(fd, "E")
                    with t.tx() as s:
                        members.enroll(t, s, members.Enrollment(
                            name="王芳", phone=f"13{rng.randrange(10**9):09d}",
                            birthday=date(1990, 1, 1)), cashier)
                elif r < 0.50:
                    _phase(fd, "T")
                    with t.tx() as s:
                        stored_value.topup(t, s, rng.choice(cards),
                                           Decimal(rng.choice([20, 50, 100, 300])), "cash",
                                           cashier)
                elif r < 0.58 and recent:
                    _phase(fd, "R")
                    with t.tx() as s:
                        refunds.refund(t, s, rng.choice(recent), None, cashier, supervisor)
                else:
                    _phase(fd, "S")
                    card = rng.choice(cards) if rng.random() < 0.7 else None
                    tenders = [TenderRequest("cash")]
                    lines = [sales.LineRequest(rng.choice(GOODS), rng.randint(1, 3))
                             for _ in range(rng.randint(1, 4))]
                    if card and rng.random() < 0.6:
                        amount = Decimal(rng.randint(1, 60))
                        if rng.random() < 0.5:  # a coat, paid with all this terminal
                            with t.read() as s:  # believes is on the card (overdrafts)
                                p, b = members.sv_balance(s, members.find_card(s, card))
                            amount = min(p + b, Decimal(300))
                            lines = [sales.LineRequest(GOODS[0], 1)]
                        if amount > 0:
                            tenders.insert(0, TenderRequest("stored_value", amount))
                    with t.tx() as s:
                        sales.make_sale(t, s, sales.SaleRequest(lines, tenders, member_card=card),
                                        cashier)
            except PosError as e:  # a business refusal (no balance, offline cap, HQ down...)
                if os.environ.get("CHAOS_DEBUG"):
                    with open(err_log.with_suffix(".debug"), "a", encoding="utf-8") as f:
                        f.write(f"terminal {idx} life {life}: {type(e).__name__}: {e}\n")
        _phase(fd, "X")
    except BaseException:
        with open(err_log, "a", encoding="utf-8") as f:
            f.write(f"terminal {idx} life {life}:\n{traceback.format_exc()}\n")
        os._exit(3)
    os._exit(0)


class _Rollback(Exception):
    pass


def _warm_up(t: Any) -> None:
    """Run each action once and roll it back, so forked workers start with SQLAlchemy's
    caches filled (a worker's first action is then as fast as its later ones)."""
    from pos_app.core import members, refunds, sales, stored_value
    from pos_app.core.staff import Operator
    from pos_app.core.tenders import TenderRequest

    cashier, supervisor = Operator("1001", "cashier"), Operator("2001", "supervisor")
    try:
        with t.tx() as s:
            m = members.enroll(t, s, members.Enrollment(
                name="王芳", phone="13000000000", birthday=date(1990, 1, 1)), cashier)
            card = members.main_card(s, m).card_no
            stored_value.topup(t, s, card, Decimal(100), "cash", cashier)
            sale = sales.make_sale(t, s, sales.SaleRequest(
                [sales.LineRequest(GOODS[0], 1)],
                [TenderRequest("stored_value", Decimal(1)), TenderRequest("cash")],
                member_card=card), cashier)
            refunds.refund(t, s, sale.sale.sale_no, None, cashier, supervisor)
            raise _Rollback
    except _Rollback:
        pass
    import httpx  # and the HTTP stack's lazy imports

    with httpx.Client(verify=False) as c:
        try:
            c.post(f"http://{HOST}:{free_port()}/v1/handshake", json={}, timeout=1)
        except httpx.TransportError:
            pass


def zygote(idx: int, data_dir: Path, seed: int, phase_file: Path, err_log: Path) -> None:
    """Import everything once, then fork a worker per 'spawn LIFE'; 'reap PID' waits for
    it (children stay zombies until reaped, so a pid is never reused under the parent)."""
    import pos_app.core.sales
    import pos_app.core.stored_value  # noqa: F401
    import sync.client  # noqa: F401
    from pos_app.core.terminal import Terminal

    # opened (and migrated) once; no connection is open when a worker is forked, each
    # worker opens its own
    t = Terminal.open(data_dir)
    _warm_up(t)
    t.close()
    out = sys.stdout
    for line in sys.stdin:
        cmd, arg = line.split()
        if cmd == "spawn":
            pid = os.fork()
            if pid == 0:
                worker(t, seed, idx, int(arg), phase_file, err_log)
            out.write(f"{pid}\n")
        elif cmd == "reap":
            _, status = os.waitpid(int(arg), 0)
            code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
            out.write(f"{code}\n")
        else:
            break
        out.flush()


class Zygote:
    def __init__(self, idx: int, data_dir: Path, seed: int, work: Path) -> None:
        self.phase_file = work / f"phase-{idx}"
        self.phase_file.write_bytes(b"-")
        self.err_log = work / "worker-errors.log"
        self.p = subprocess.Popen(
            [sys.executable, "-m", "tests.chaos.harness", "--zygote", str(idx), str(data_dir),
             str(seed), str(self.phase_file), str(self.err_log)],
            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            start_new_session=True,
        )

    def ask(self, line: str) -> int:
        assert self.p.stdin and self.p.stdout
        self.p.stdin.write(line + "\n")
        self.p.stdin.flush()
        answer = self.p.stdout.readline()
        if not answer:
            raise RuntimeError("zygote died")
        return int(answer)

    def phase(self) -> int:
        return self.phase_file.read_bytes()[:1][0]

    def close(self) -> None:
        try:
            os.killpg(self.p.pid, signal.SIGKILL)  # the zygote and any worker left
        except ProcessLookupError:
            pass
        self.p.wait(timeout=30)


# --- the fault-injecting proxy ------------------------------------------------------------


class FaultProxy:
    """One loopback listener per terminal, forwarding to HQ with faults (asyncio in a
    thread). ``down`` holds terminals whose link is cut (offline spell); ``faults`` off
    makes it a plain relay."""

    def __init__(self, upstream: int, n: int, seed: int, rate: float) -> None:
        self.upstream = upstream
        self.rng = random.Random(f"proxy:{seed}")
        self.rate = rate
        self.down: set[int] = set()
        self.faults = True
        self.counts: collections.Counter[str] = collections.Counter()
        self.loop = asyncio.new_event_loop()
        self.ports: list[int] = []
        self._servers: list[asyncio.Server] = []
        ready = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(n, ready), daemon=True)
        self.thread.start()
        if not ready.wait(30):
            raise RuntimeError("proxy did not start")

    def _run(self, n: int, ready: threading.Event) -> None:
        asyncio.set_event_loop(self.loop)

        async def start() -> None:
            for i in range(n):
                srv = await asyncio.start_server(
                    lambda r, w, i=i: self._handle(i, r, w), HOST, 0)
                self._servers.append(srv)
                self.ports.append(srv.sockets[0].getsockname()[1])

        self.loop.set_exception_handler(self._loop_error)
        self.loop.run_until_complete(start())
        ready.set()
        self.loop.run_forever()
        for srv in self._servers:
            srv.close()
        pending = asyncio.all_tasks(self.loop)
        for task in pending:
            task.cancel()
        self.loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        self.loop.close()

    def _loop_error(self, loop: asyncio.AbstractEventLoop, ctx: dict[str, Any]) -> None:
        if isinstance(ctx.get("exception"), asyncio.CancelledError):
            return  # connections cut when the proxy stops
        self.counts["proxy_errors"] += 1
        loop.default_exception_handler(ctx)

    def stop(self) -> None:
        if self.loop.is_running():
            self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=30)

    @staticmethod
    def _reset(w: asyncio.StreamWriter) -> None:
        sock = w.get_extra_info("socket")
        if sock is not None:
            try:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            except OSError:
                pass
        w.transport.abort()

    async def _handle(self, idx: int, cr: asyncio.StreamReader,
                      cw: asyncio.StreamWriter) -> None:
        self.counts["connections"] += 1
        if idx in self.down:
            self.counts["offline"] += 1
            self._reset(cw)
            return
        fault = (self.rng.choice(FAULTS)
                 if self.faults and self.rng.random() < self.rate else None)
        cut = self.rng.randint(1, 600)  # where reset/truncate strikes (bytes)
        delay = self.rng.uniform(0.0, 0.4)
        try:
            ur, uw = await asyncio.wait_for(asyncio.open_connection(HOST, self.upstream), 3)
        except (TimeoutError, OSError):
            self._reset(cw)  # HQ is down (being restarted)
            return
        shadow: asyncio.StreamWriter | None = None
        drain_shadow: asyncio.Task[None] | None = None
        if fault == "duplicate":
            try:
                sr, shadow = await asyncio.wait_for(
                    asyncio.open_connection(HOST, self.upstream), 3)

                async def discard(r: asyncio.StreamReader = sr) -> None:
                    while await asyncio.wait_for(r.read(65536), 15):
                        pass

                drain_shadow = asyncio.ensure_future(discard())
            except (TimeoutError, OSError):
                shadow = None
        if fault:
            self.counts[fault] += 1
        sent = {"up": 0, "down": 0}

        async def pump(r: asyncio.StreamReader, w: asyncio.StreamWriter, way: str) -> None:
            while True:
                data = await asyncio.wait_for(r.read(65536), 15)
                if not data:
                    break
                if fault == "delay":
                    await asyncio.sleep(delay)
                if way == "up" and shadow is not None:
                    shadow.write(data)
                if way == "down" and fault == "drop":
                    raise ConnectionResetError  # HQ applied it; the reply is lost
                if fault in ("reset", "truncate") and way == "down" \
                        and sent[way] + len(data) > cut:
                    w.write(data[: max(0, cut - sent[way])])
                    await w.drain()
                    if fault == "reset":
                        raise ConnectionResetError
                    raise EOFError  # truncated: close cleanly mid-answer
                sent[way] += len(data)
                w.write(data)
                await w.drain()

        tasks = [asyncio.ensure_future(pump(cr, uw, "up")),
                 asyncio.ensure_future(pump(ur, cw, "down"))]
        try:
            done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
            hard = any(t.exception() is not None and not isinstance(t.exception(), EOFError)
                       for t in done)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        if hard:
            self._reset(cw)
            self._reset(uw)
        else:
            for w in (cw, uw):
                w.close()
        if shadow is not None:
            shadow.close()
        if drain_shadow is not None:
            drain_shadow.cancel()
            await asyncio.gather(drain_shadow, return_exceptions=True)

    def total(self) -> int:
        return sum(v for k, v in self.counts.items() if k in FAULTS)


# --- HQ -----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


class Hq:
    def __init__(self, url: str, work: Path) -> None:
        self.url = url
        self.port = free_port()
        self.log = work / "hq.log"
        self.p: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        import httpx

        env = {**os.environ, "POS_HQ_DB": self.url}
        with open(self.log, "ab") as log:
            self.p = subprocess.Popen(
                [sys.executable, "-m", "pos_app.cli", "hq", "serve", "--host", HOST,
                 "--port", str(self.port)],
                env=env, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL,
                stderr=log,
            )
        for _ in range(300):
            try:
                if httpx.get(f"http://{HOST}:{self.port}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if self.p.poll() is not None:
                break
            time.sleep(0.1)
        raise RuntimeError(f"HQ did not start (see {self.log})")

    def kill(self) -> None:
        if self.p is not None and self.p.poll() is None:
            try:
                os.killpg(self.p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.p.wait(timeout=30)
        self.p = None


# --- the run --------------------------------------------------------------------------------


@dataclass
class Mode:
    terminals: int = 3
    kills: int = 450
    hq_restarts: int = 4
    spells: int = 8
    fault_rate: float = 0.5


@dataclass
class Outcome:
    seed: int
    kills: int = 0
    hq_restarts: int = 0
    faults: int = 0
    events: int = 0
    lost: int = 0
    duplicated: int = 0
    mismatches: int = 0
    problems: list[str] = field(default_factory=list)
    phases: collections.Counter[str] = field(default_factory=collections.Counter)
    fault_counts: dict[str, int] = field(default_factory=dict)
    notes: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        return (f"chaos: seed={self.seed} kills={self.kills} hq_restarts={self.hq_restarts} "
                f"faults={self.faults} events={self.events} lost={self.lost} "
                f"duplicated={self.duplicated} mismatches={self.mismatches}")

    @property
    def ok(self) -> bool:
        return not (self.lost or self.duplicated or self.mismatches)


def _setup_terminals(work: Path, engine: Any, hq_url: str, n: int) -> list[Path]:
    from pos_app.core import catalog, staff
    from pos_app.core.terminal import Terminal
    from pos_app.demo import CATALOG, PROGRAM, STAFF
    from sync.client import register
    from sync.hq.service import register_terminal
    from tests.core.helpers import open_till

    dirs = []
    for i in range(n):
        store, fr = f"S{i + 1:03d}", ("F-EAST" if i % 2 == 0 else "F-WEST")
        d = work / f"term-{i}"
        t = Terminal.init(d, store=store, terminal="T01", franchisee=fr, program_file=PROGRAM,
                          card_block=i + 1)
        with t.tx() as s:
            catalog.import_file(s, CATALOG, t.now())
            for code, name, role, pin in STAFF:
                staff.add_staff(s, code, name, role, pin)
            open_till(t, s)  # the day starts: a shift with its float
        _k, token = register_terminal(engine, fr, store, "T01", Decimal("2000.00"))
        register(t, hq_url, token)
        t.close()
        dirs.append(d)
    return dirs


def _point_creds(d: Path, url: str) -> None:
    from sync.client import Credentials

    c = Credentials.load(d)
    c.url = url
    c.verify = False  # plain HTTP on loopback: no TLS context to build per sync
    c.save(d)


def _killer(idx: int, z: Zygote, rng: random.Random, kills: int, out: Outcome,
            lock: threading.Lock, stop: threading.Event) -> None:
    try:
        _kill_loop(idx, z, rng, kills, out, lock, stop)
    except Exception as e:  # the zygote died: the run cannot be trusted
        with lock:
            out.problems.append(f"terminal {idx}: {type(e).__name__}: {e}")
            out.mismatches += 1


def _kill_loop(idx: int, z: Zygote, rng: random.Random, kills: int, out: Outcome,
               lock: threading.Lock, stop: threading.Event) -> None:
    for life in range(kills):
        if stop.is_set():
            return
        pid = z.ask(f"spawn {life}")
        time.sleep(rng.uniform(0.0, 0.15) if rng.random() < 0.9 else rng.uniform(0.15, 1.0))
        os.kill(pid, signal.SIGKILL)
        code = z.ask(f"reap {pid}")
        phase = PHASE_NAMES.get(z.phase(), "?")
        with lock:
            out.kills += 1 if code == -signal.SIGKILL else 0
            out.phases[phase] += 1
            if code not in (-signal.SIGKILL, 0):
                out.problems.append(f"terminal {idx} life {life}: worker exited {code}")
                out.mismatches += 1


def _drain(dirs: list[Path], out: Outcome) -> None:
    from pos_app.core import outbox
    from pos_app.core.errors import PosError
    from pos_app.core.terminal import Terminal
    from sync.client import SyncClient

    quiet = 0
    for _round in range(30):
        waiting = 0
        for d in dirs:
            t = Terminal.open(d)
            try:
                c = SyncClient(t, timeout=30)
                try:
                    c.sync()
                except PosError as e:
                    out.problems.append(f"{d.name}: drain sync failed: {e}")
                finally:
                    c.close()
                with t.read() as s:
                    waiting += outbox.waiting(s)
            finally:
                t.close()
        quiet = quiet + 1 if waiting == 0 else 0
        if quiet == 2:  # a full round with nothing pending after one: everyone has HQ's state
            return
    out.problems.append("queues did not drain in 30 rounds")
    out.mismatches += 1


def _check(dirs: list[Path], engine: Any, hq: Hq, n_terms: int, out: Outcome) -> None:
    from sqlalchemy import select

    from pos_app.core import ledger, outbox, reconcile
    from pos_app.core.models import Account, OutboxEvent, Sale
    from pos_app.core.program import load_program
    from pos_app.core.terminal import PROGRAM_FILE, Terminal
    from sync.hq.db import sessions
    from sync.hq.models import HqAccount, HqEvent, HqSale

    r = subprocess.run([sys.executable, "-m", "pos_app.cli", "hq", "verify"],
                       env={**os.environ, "POS_HQ_DB": hq.url}, cwd=ROOT,
                       capture_output=True, text=True, timeout=300)
    if r.returncode != 0:
        out.mismatches += 1
        out.problems.append(f"pos hq verify: {r.stdout.strip()[:500]} {r.stderr.strip()[-500:]}")
    with sessions(engine)() as s:
        hq_events = {e.event_id: e for e in s.scalars(select(HqEvent))}
        hq_bal = dict(s.execute(select(HqAccount.code, HqAccount.balance)).all())
        hq_sales = collections.Counter(s.scalars(select(HqSale.event_id)))
    local_ids: collections.Counter[str] = collections.Counter()
    cap = 0
    for d in dirs:
        t = Terminal.open(d)
        try:
            cap = int(load_program(d / PROGRAM_FILE).stored_value.offline_spend_cap_per_card * 100)
            with t.read() as s:
                evs = list(s.scalars(select(OutboxEvent)))
                out.events += len(evs)
                for e in evs:
                    local_ids[e.event_id] += 1
                    if e.status == "pending":
                        out.problems.append(f"{d.name}: event {e.seq} still pending")
                        out.mismatches += 1
                    if e.event_id not in hq_events:
                        out.lost += 1
                        out.problems.append(f"{d.name}: event {e.seq} {e.kind} not at HQ")
                sale_events = collections.Counter(
                    json.loads(e.payload).get("sale_no") for e in evs if e.kind == "sale")
                for no in s.scalars(select(Sale.sale_no).where(Sale.kind == "sale")):
                    n = sale_events.get(no, 0)
                    if n == 0:
                        out.lost += 1
                        out.problems.append(f"{d.name}: sale {no} has no event")
                    elif n > 1:
                        out.duplicated += n - 1
                        out.problems.append(f"{d.name}: sale {no} has {n} events")
                for e in evs:
                    if (e.kind == "sale" and e.event_id in hq_events
                            and hq_sales[e.event_id] != 1):
                        out.problems.append(f"{d.name}: sale event {e.seq} at HQ "
                                            f"{hq_sales[e.event_id]} times")
                        out.lost += hq_sales[e.event_id] == 0
                        out.duplicated += max(0, hq_sales[e.event_id] - 1)
                rep = ledger.verify(s)
                chain = outbox.verify_chain(t, s)
                for p in [*rep.problems, *chain, *reconcile.verify(s)]:
                    out.mismatches += 1
                    out.problems.append(f"{d.name}: {p}")
                for a in s.scalars(select(Account).where(
                        Account.code.like("sv:card:%") | Account.code.like("points:member:%"))):
                    if a.balance != hq_bal.get(a.code, 0):
                        out.mismatches += 1
                        out.problems.append(f"{d.name}: {a.code} {a.balance} != HQ "
                                            f"{hq_bal.get(a.code, 0)}")
        finally:
            t.close()
    for eid, n in local_ids.items():
        if n > 1:
            out.duplicated += n - 1
            out.problems.append(f"event id {eid} on {n} terminals")
    for eid in set(hq_events) - set(local_ids):
        out.duplicated += 1
        out.problems.append(f"HQ holds event {eid} no terminal has")
    out.notes["overdraft_accounts"] = sum(1 for c in hq_bal if c.startswith("overdraft:"))
    out.notes["rejected_events"] = sum(1 for e in hq_events.values() if e.status == "rejected")
    # card accounts are liabilities (credit, negative debit-positive balance); a card
    # gone the other way would be an unrecorded overdraft
    for code, bal in hq_bal.items():
        if code.startswith("sv:card:") and bal > 0:
            out.mismatches += 1
            out.problems.append(f"HQ {code} is overdrawn: {bal}")
        if code.startswith("overdraft:") and not 0 <= bal <= cap * n_terms:
            out.mismatches += 1
            out.problems.append(f"HQ {code} = {bal} beyond the offline caps ({cap} x {n_terms})")


def _sabotage(engine: Any) -> None:
    """For the harness's own test: lose one sale at HQ and bend one card balance, as a
    broken HQ would; the checks must see both."""
    from sqlalchemy import delete, select, update

    from sync.hq.db import sessions
    from sync.hq.models import HqAccount, HqEntry, HqEvent, HqSale

    with sessions(engine)() as s, s.begin():
        eid = s.scalars(select(HqSale.event_id).order_by(HqSale.event_id).limit(1)).first()
        if eid is not None:
            s.execute(delete(HqSale).where(HqSale.event_id == eid))
            s.execute(delete(HqEntry).where(HqEntry.event_id == eid))
            s.execute(delete(HqEvent).where(HqEvent.event_id == eid))
        code = s.scalars(select(HqAccount.code).where(HqAccount.code.like("sv:card:%"))
                         .order_by(HqAccount.code).limit(1)).first()
        if code is not None:
            s.execute(update(HqAccount).where(HqAccount.code == code)
                      .values(balance=HqAccount.balance - 1))


def run(seed: int, mode: Mode, keep: bool = False, sabotage: bool = False) -> Outcome:
    import psycopg

    from sync.hq.db import make_engine, migrate

    out = Outcome(seed)
    rng = random.Random(seed)
    db = f"pos_hq_test_{secrets.token_hex(4)}"
    work = Path(tempfile.mkdtemp(prefix="pos-chaos-"))
    url = f"postgresql+psycopg://postgres@{HOST}:5432/{db}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as c:
        c.execute(f"CREATE DATABASE {db}")
    engine = make_engine(url)
    hq = Hq(url, work)
    zygotes: list[Zygote] = []
    proxy: FaultProxy | None = None
    stop = threading.Event()
    threads: list[threading.Thread] = []
    try:
        migrate(engine)
        hq.start()
        direct = f"http://{HOST}:{hq.port}"
        dirs = _setup_terminals(work, engine, direct, mode.terminals)
        proxy = FaultProxy(hq.port, mode.terminals, seed, mode.fault_rate)
        for i, d in enumerate(dirs):
            _point_creds(d, f"http://{HOST}:{proxy.ports[i]}")
            zygotes.append(Zygote(i, d, seed, work))
        lock = threading.Lock()
        shares = [mode.kills // mode.terminals + (i < mode.kills % mode.terminals)
                  for i in range(mode.terminals)]
        for i, z in enumerate(zygotes):
            th = threading.Thread(target=_killer, daemon=True, args=(
                i, z, random.Random(f"kill:{seed}:{i}"), shares[i], out, lock, stop))
            threads.append(th)
        # the schedule: HQ restarts and offline spells at fractions of the kills
        plan = sorted([(rng.uniform(0.1, 0.9), "hq", 0) for _ in range(mode.hq_restarts)]
                      + [(rng.uniform(0.0, 0.9), "spell",
                          rng.randrange(mode.terminals) if rng.random() < 0.5 else ALL)
                         for _ in range(mode.spells)])
        for th in threads:
            th.start()
        spells: list[tuple[float, int]] = []
        total = mode.kills
        deadline = time.monotonic() + 60 * 60 * (3 if mode.kills > 1000 else 1)
        while any(th.is_alive() for th in threads):
            if time.monotonic() > deadline:
                stop.set()
                out.problems.append("the run hit its wall-clock limit")
                out.mismatches += 1
                break
            done = out.kills / total
            while plan and plan[0][0] <= done:
                _at, what, who = plan.pop(0)
                if what == "hq":
                    hq.kill()
                    time.sleep(rng.uniform(0.0, 1.0))
                    hq.start()
                    out.hq_restarts += 1
                else:  # one terminal's link cut, or the whole store network's
                    proxy.down.update(range(mode.terminals) if who == ALL else [who])
                    spells.append((time.monotonic() + rng.uniform(1.0, 4.0), who))
            for until, who in list(spells):
                if time.monotonic() >= until:
                    proxy.down.difference_update(range(mode.terminals) if who == ALL else [who])
                    spells.remove((until, who))
            time.sleep(0.05)
        for th in threads:
            th.join(timeout=60)
        proxy.down.clear()
        for z in zygotes:
            z.close()
        zygotes = []
        if (work / "worker-errors.log").exists():
            out.problems.append((work / "worker-errors.log").read_text("utf-8")[-4000:])
        out.faults = proxy.total()
        out.fault_counts = dict(proxy.counts)
        proxy.stop()
        proxy = None
        if hq.p is None or hq.p.poll() is not None:
            hq.start()
        for d in dirs:  # the proxy out of the way
            _point_creds(d, f"http://{HOST}:{hq.port}")
        _drain(dirs, out)
        if sabotage:
            _sabotage(engine)
        _check(dirs, engine, hq, mode.terminals, out)
        return out
    finally:
        stop.set()
        for z in zygotes:
            z.close()
        for th in threads:
            th.join(timeout=60)
        if proxy is not None:
            proxy.stop()
        hq.kill()
        engine.dispose()
        with psycopg.connect(PG_ADMIN, autocommit=True) as c:
            c.execute(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
        if keep:
            print(f"chaos: kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--zygote":
        zygote(int(argv[1]), Path(argv[2]), int(argv[3]), Path(argv[4]), Path(argv[5]))
        return 0
    ap = argparse.ArgumentParser(prog="python -m tests.chaos.harness")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--long", action="store_true", help="2,000 kills, 10 HQ restarts")
    ap.add_argument("--kills", type=int, default=None)
    ap.add_argument("--terminals", type=int, default=None)
    ap.add_argument("--keep", action="store_true", help="keep the terminals' data folders")
    ap.add_argument("--sabotage", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(1_000_000)
    mode = Mode(kills=2000, hq_restarts=12, spells=40) if args.long else Mode()
    if args.kills:
        mode.kills = args.kills
    if args.terminals:
        mode.terminals = args.terminals

    def on_term(_sig: int, _frame: Any) -> None:
        raise SystemExit(2)  # run the cleanup in run()'s finally

    signal.signal(signal.SIGTERM, on_term)
    started = time.monotonic()
    out = run(seed, mode, keep=args.keep, sabotage=args.sabotage)
    for p in out.problems[:50]:
        print(f"chaos: {p}", file=sys.stderr)
    print(f"chaos: kills by phase {dict(out.phases)}; faults {out.fault_counts}; "
          f"HQ {out.notes}; {time.monotonic() - started:.0f} s", file=sys.stderr)
    print(out.line(), flush=True)
    return 0 if out.ok else 1


if __name__ == "__main__":
    sys.exit(main())
