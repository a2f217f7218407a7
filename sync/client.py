"""The terminal's side of sync: one uploader per terminal (a file lock), the outbox
uploaded in order and in batches, acknowledged only by HQ's answer; downloads from HQ's
change feed by checkpoint, applied in one local transaction on top of what is still
unsent. See docs/sync.md."""

from __future__ import annotations

import base64
import fcntl
import json
import os
import random
import ssl
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from pos_app import __version__
from pos_app.core import (
    catalog,
    entitlements,
    gifts,
    ledger,
    members,
    offline,
    outbox,
    points,
)
from pos_app.core.errors import PosError, message_of
from pos_app.core.ledger import CNY, Posting
from pos_app.core.messages import Msg
from pos_app.core.models import (
    Account,
    Card,
    CardMedia,
    Counter,
    CouponUse,
    Hotlist,
    Journal,
    Member,
    OfflineSpend,
    OutboxEvent,
    PointLot,
    RemoteCouponUse,
    Sale,
    SyncState,
)
from pos_app.core.outbox import _default
from pos_app.core.pii import PiiVault
from pos_app.core.program import ProgramError, load_program
from pos_app.core.terminal import KEY_FILE, PROGRAM_FILE, Terminal
from sync import anchor, reconcile

CREDENTIALS = Path("secrets") / "hq.json"
LOCK_FILE = "sync.lock"
SYNC_STAFF = "sync"


class SyncError(PosError):
    """Sync could not finish (the message says why)."""


class SyncOffline(SyncError):
    """HQ could not be reached."""


class SyncBusy(SyncError):
    """Another uploader holds this terminal's sync lock."""


@dataclass
class Credentials:
    url: str
    terminal: str
    token: str
    verify: str | bool = True  # CA bundle path, or False for a test HQ without TLS checks

    @classmethod
    def load(cls, data_dir: Path) -> Credentials:
        path = data_dir / CREDENTIALS
        if not path.exists():
            raise SyncError("sync.not_registered")
        return cls(**json.loads(path.read_text("utf-8")))

    def save(self, data_dir: Path) -> None:
        path = data_dir / CREDENTIALS
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(self.__dict__, f)
        os.replace(tmp, path)


@dataclass
class SyncReport:
    uploaded: int = 0
    duplicates: int = 0
    rejected: int = 0
    compensations: int = 0
    rebased: int = 0
    downloaded_changes: int = 0
    balances_adjusted: int = 0
    skew_s: int | None = None
    skew_flagged: bool = False
    problems: list[str] = field(default_factory=list)


def wire(ev: OutboxEvent) -> dict[str, Any]:
    return {
        "event_id": ev.event_id,
        "epoch": ev.epoch,
        "seq": ev.seq,
        "kind": ev.kind,
        "business_time": _default(ev.business_time),
        "recorded_at": _default(ev.recorded_at),
        "payload": ev.payload,
        "prev_hash": ev.prev_hash,
        "hash": ev.hash,
    }


@contextmanager
def upload_lock(data_dir: Path, wait: bool = False) -> Iterator[None]:
    """One uploader per terminal, across processes (flock on DATA/sync.lock)."""
    fd = os.open(data_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError as e:
            raise SyncBusy("sync.busy") from e
        yield
    finally:
        os.close(fd)


def _http(creds: Credentials, transport: httpx.BaseTransport | None,
          timeout: float) -> httpx.Client:
    verify: ssl.SSLContext | bool = (
        ssl.create_default_context(cafile=creds.verify)
        if isinstance(creds.verify, str)
        else creds.verify
    )
    return httpx.Client(
        base_url=creds.url,
        headers={"X-Terminal": creds.terminal, "Authorization": f"Bearer {creds.token}"},
        transport=transport,
        verify=verify,
        timeout=timeout,
    )


def _call(fn: Callable[[], httpx.Response]) -> dict[str, Any]:
    try:
        r = fn()
    except httpx.TransportError as e:
        raise SyncOffline("sync.unreachable", detail=type(e).__name__) from e
    if r.status_code == 401:
        raise SyncError("sync.credentials_refused")
    if r.status_code >= 500:
        raise SyncOffline("sync.hq_error", status=r.status_code)
    if r.status_code >= 400:
        raise SyncError("sync.hq_answered", status=r.status_code, text=r.text[:200])
    data: dict[str, Any] = r.json()
    return data


# --- registration ---------------------------------------------------------------------


def register(
    t: Terminal,
    url: str,
    token: str,
    *,
    verify: str | bool = True,
    transport: httpx.BaseTransport | None = None,
) -> dict[str, Any]:
    """Register this terminal with HQ: check the credentials, take the chain's PII key
    (DATA/secrets/pii.key, mode 600; members already here are re-encrypted), and start
    keeping sync state."""
    creds = Credentials(url, f"{t.identity.store}/{t.identity.terminal}", token, verify)
    with _http(creds, transport, 30) as http:
        hs = _call(lambda: http.post("/v1/handshake",
                                     json={"device_time": _default(t.now()), "want_key": True}))
    install_pii_key(t, base64.b64decode(hs["pii_key"]), int(hs.get("pii_key_version") or 1))
    creds.save(t.data_dir)
    with t.tx() as s:
        if s.get(SyncState, 1) is None:
            s.add(SyncState(id=1, link="up", last_ok_at=t.now(), stale_after_s=300,
                            lease_cents=0, checkpoint=0, master_versions="{}", hq_watermark=0))
    return {"terminal": creds.terminal, "skew_s": hs["skew_s"], "skew_flagged": hs["skew_flagged"]}


def install_pii_key(t: Terminal, key: bytes, version: int) -> None:
    """Take version ``version`` of the chain's personal-data key: every member's personal
    data and the unsent enrollments are sealed again with it, then the key ring
    (DATA/secrets/pii.key) keeps it as the current version. A version number this
    terminal holds with another key (its own key from before registration) is replaced;
    otherwise the older versions stay in the ring and still open what they sealed."""
    old = t.vault
    if old.keys.get(version) == key and old.version >= version:
        return
    if old.keys.get(version) not in (None, key):
        new = PiiVault({version: key}, version)
    else:
        new = old.with_key(version, key)
    with t.tx() as s:
        members.reseal(s, old, new)
        members.reseal_pending(t, s)
        new.save(t.data_dir / KEY_FILE)
    t.vault = new


# --- the client -----------------------------------------------------------------------


class SyncClient:
    def __init__(
        self,
        t: Terminal,
        *,
        transport: httpx.BaseTransport | None = None,
        batch_size: int = 500,
        timeout: float = 30.0,
    ) -> None:
        self.t = t
        self.creds = Credentials.load(t.data_dir)
        self.http = _http(self.creds, transport, timeout)
        self.batch_size = batch_size
        self.mismatches: list[str] = []  # the cards whose books differ from HQ's

    def close(self) -> None:
        self.http.close()

    # the whole exchange --------------------------------------------------------------

    def sync(self, use_lock: bool = True) -> SyncReport:
        rep = SyncReport()
        if use_lock:
            with upload_lock(self.t.data_dir):
                return self._sync(rep)
        return self._sync(rep)

    def _sync(self, rep: SyncReport) -> SyncReport:
        try:
            hs = self.handshake(rep)
            self.upload(rep)
            self.download(rep)
            if rep.balances_adjusted:
                self.upload(rep)  # the alignments' own events (kind hq_balance)
            rep.problems += anchor.prove(
                self.t, lambda b: _call(lambda: self.http.post("/v1/anchor", json=b)),
                hs.get("anchor"))
        except SyncOffline as e:
            self._link(False, str(e))
            raise
        self._link(True, None)
        return rep

    def _link(self, up: bool, error: str | None) -> None:
        with self.t.tx() as s:
            st = s.get(SyncState, 1)
            if st is None:
                return
            now = self.t.now()
            st.last_attempt_at = now
            st.link = "up" if up else "down"
            st.last_error = error
            if up:
                st.last_ok_at = now

    def handshake(self, rep: SyncReport) -> dict[str, Any]:
        body = {"device_time": _default(self.t.now()), "pii_key_version": self.t.vault.version,
                **self.fleet_report()}
        hs = _call(lambda: self.http.post("/v1/handshake", json=body))
        if hs.get("pii_key"):
            # the chain's key was rotated: take the new version and seal members with it
            install_pii_key(self.t, base64.b64decode(hs["pii_key"]),
                            int(hs["pii_key_version"]))
        rep.skew_s, rep.skew_flagged = hs["skew_s"], hs["skew_flagged"]
        if hs["skew_flagged"]:
            rep.problems.append(Msg("sync.clock_skew", seconds=hs["skew_s"]))
        return hs

    def fleet_report(self) -> dict[str, Any]:
        """What HQ's fleet page shows of this terminal: events waiting, offline budget
        used, software version."""
        with self.t.read() as s:
            pending = s.scalar(select(func.count(OutboxEvent.id)).where(
                OutboxEvent.status == "pending")) or 0
            st = offline.state(s)
            used = (Decimal(st.lease_cents) / 100 - offline.lease_left(s, st)) if st else None
        return {"pending": pending, "version": __version__,
                "offline_used": f"{used:.2f}" if used is not None else None}

    # upload ---------------------------------------------------------------------------

    def upload(self, rep: SyncReport | None = None) -> SyncReport:
        rep = rep or SyncReport()
        last_problem: tuple[str, int] | None = None
        for _ in range(100000):
            with self.t.read() as s:
                batch = [wire(e) for e in outbox.pending(s, self.batch_size)]
            if not batch:
                return rep
            ans = _call(lambda b=batch: self.http.post("/v1/events", json={"events": b}))  # type: ignore[misc]
            self._take_answer(ans, rep)
            problem = ans.get("problem")
            if problem is not None and (problem, ans["expected_seq"]) == last_problem:
                raise SyncError("sync.same_problem_again", problem=problem,
                                seq=ans["expected_seq"])
            last_problem = (problem, ans["expected_seq"]) if problem else None
            if problem in ("quarantined", "invalid"):
                rep.problems.append(f"HQ {problem} an event: {ans['results'][-1]}")
                raise SyncError("sync.event_refused", problem=problem,
                                event=ans["results"][-1]["event_id"])
            if problem == "gap":
                self._resend_from(int(ans["expected_seq"]))
            elif problem in ("rewind", "fork"):
                rep.rebased += self._rebase(ans)
                rep.problems.append(Msg("sync.renumbered", problem=Msg(f"sync.seen.{problem}")))
        raise SyncError("sync.upload_unfinished")

    def _take_answer(self, ans: dict[str, Any], rep: SyncReport) -> None:
        acked = []
        rejected = []
        for r in ans["results"]:
            dup = r["status"] == "duplicate"
            if r["status"] == "applied" or (dup and r["outcome"] == "applied"):
                acked.append(r["event_id"])
                if r["status"] == "duplicate":
                    rep.duplicates += 1
                else:
                    rep.uploaded += 1
            elif r["status"] == "rejected" or (
                r["status"] == "duplicate" and r["outcome"] == "rejected"
            ):
                rejected.append((r["event_id"], r.get("reason") or "rejected by HQ"))
        now = self.t.now()
        with self.t.tx() as s:
            for i in range(0, len(acked), 500):
                s.execute(
                    update(OutboxEvent)
                    .where(OutboxEvent.event_id.in_(acked[i : i + 500]),
                           OutboxEvent.status == "pending")
                    .values(status="acked", acked_at=now)
                    .execution_options(synchronize_session=False)
                )
            for eid, reason in rejected:
                ev = s.scalars(select(OutboxEvent).where(OutboxEvent.event_id == eid)).one()
                if ev.status != "pending":
                    continue
                ev.status = "rejected"
                ev.acked_at = now
                ev.note = reason[:500]
                compensate(self.t, s, ev, reason)
                rep.rejected += 1
                rep.compensations += 1
            self._clear_offline(s, now)
            st = s.get(SyncState, 1)
            if st is not None:
                st.hq_watermark = int(ans["expected_seq"]) - 1

    def _clear_offline(self, s: Session, now: datetime) -> None:
        sent = (
            select(Sale.sale_no)
            .join(Journal, Journal.id == Sale.journal_id)
            .join(OutboxEvent, OutboxEvent.event_id == Journal.event_id)
            .where(OutboxEvent.status != "pending")
        )
        s.execute(
            update(OfflineSpend)
            .where(OfflineSpend.cleared_at.is_(None), OfflineSpend.sale_no.in_(sent))
            .values(cleared_at=now)
            .execution_options(synchronize_session=False)
        )

    def _resend_from(self, expected: int) -> None:
        """HQ lacks events we thought it had (its database went back): send them again."""
        with self.t.tx() as s:
            s.execute(
                update(OutboxEvent)
                .where(OutboxEvent.seq >= expected, OutboxEvent.status == "acked")
                .values(status="pending", acked_at=None)
                .execution_options(synchronize_session=False)
            )

    def _rebase(self, ans: dict[str, Any]) -> int:
        """This terminal was restored from an older backup: HQ holds events past the
        point it went back to. Unsent events move to a new epoch, after HQ's last one,
        re-chained to HQ's last hash (their ids do not change)."""
        expected = int(ans["expected_seq"])
        prev = str(ans["last_hash"])
        with self.t.read() as s:
            sent = s.scalar(select(func.max(OutboxEvent.seq))
                            .where(OutboxEvent.status != "pending")) or 0
        # the events lost with the disk, as HQ holds them, to fill the outbox back in
        lost: list[dict[str, Any]] = []
        while sent + len(lost) + 1 < expected:
            got = _call(lambda a=sent + len(lost) + 1: self.http.get(  # type: ignore[misc]
                "/v1/events/mine", params={"start": a, "end": expected - 1}))["events"]
            if not got:
                break
            lost.extend(got)
        with self.t.tx() as s:
            info = self.t.info(s)
            info.epoch = max(info.epoch, int(ans["epoch"])) + 1
            evs = list(s.scalars(select(OutboxEvent).where(OutboxEvent.status == "pending")
                                 .order_by(OutboxEvent.seq)))
            for ev in evs:
                ev.seq = -ev.seq
            s.flush()
            known = set(s.scalars(select(OutboxEvent.event_id)))
            link = s.scalar(select(OutboxEvent.hash).where(OutboxEvent.seq == sent)) or (
                outbox.GENESIS)
            for e in lost:
                if e["event_id"] in known:
                    continue
                s.add(OutboxEvent(
                    event_id=e["event_id"], epoch=e["epoch"], seq=e["seq"], kind=e["kind"],
                    business_time=datetime.fromisoformat(e["business_time"]),
                    recorded_at=datetime.fromisoformat(e["recorded_at"]), payload=e["payload"],
                    prev_hash=link, hash=e["hash"],
                    status="acked" if e["status"] == "applied" else e["status"],
                    acked_at=self.t.now(), note="restored from HQ after a rewind"))
                link = e["hash"]
            s.flush()
            for i, ev in enumerate(evs):
                ev.seq = expected + i
                ev.epoch = info.epoch
                ev.prev_hash = prev
                ev.hash = outbox.event_hash(prev, outbox.header_of(ev, self.t), ev.payload)
                prev = ev.hash
            s.flush()
            counter = s.get(Counter, "outbox")
            if counter is not None:
                counter.value = expected + len(evs) - 1
        return len(evs)

    # download -------------------------------------------------------------------------

    def download(self, rep: SyncReport | None = None) -> SyncReport:
        rep = rep or SyncReport()
        while True:
            with self.t.read() as s:
                st = s.get(SyncState, 1)
                since = st.checkpoint if st else 0
            ch = _call(lambda since=since: self.http.get(  # type: ignore[misc]
                "/v1/changes", params={"since": since}))
            rep.downloaded_changes += len(ch["members"]) + len(ch["cards"]) + len(ch["master"])
            rep.balances_adjusted += self.apply_changes(ch)
            rep.problems += self.mismatches
            self.mismatches = []
            if not ch["more"]:
                return rep

    def apply_changes(self, ch: dict[str, Any]) -> int:
        """Apply one page of HQ changes in one local transaction."""
        t = self.t
        now = t.now()
        program_body = None
        adjusted = 0
        with t.tx() as s:
            st = s.get(SyncState, 1)
            assert st is not None
            versions = json.loads(st.master_versions or "{}")
            for name, m in ch["master"].items():
                if versions.get(name, 0) >= m["version"]:
                    continue
                if name == "catalog":
                    catalog.import_text(s, m["body"], now)
                elif name == "program":
                    program_body = m["body"]
                versions[name] = m["version"]
            st.master_versions = json.dumps(versions, sort_keys=True)
            watermark = int(ch["watermark"])
            pend = _pending_deltas(s, watermark)
            for md in ch["members"]:
                _upsert_member(t, s, md, pend)
                entitlements.take_from_hq(s, md.get("entitlements"))
            cards = sorted(ch["cards"], key=lambda c: c.get("main_card") is not None)
            for cd in cards:
                _upsert_card(s, cd, now)
            for cd in cards:  # a card replaced elsewhere: its value lives on the new one
                nxt = (cd.get("data") or {}).get("replaced_by")
                if cd["status"] == "replaced" and nxt:
                    old = s.scalars(select(Card).where(Card.card_no == cd["card"])).first()
                    new = s.scalars(select(Card).where(Card.card_no == nxt)).first()
                    if old is not None and new is not None and old.replaced_by_id is None:
                        old.replaced_by_id = new.id
            for cd in ch["cards"]:
                problem = reconcile.check_card(t, s, cd, watermark)
                if problem:
                    self.mismatches.append(problem)
                    adjusted += 1  # its event goes up before the sync ends
            for cd in ch["cards"]:
                adjusted += _align_balance(t, s, cd, pend, now)
            for md in ch["members"]:
                adjusted += _align_points(t, s, md, pend, now)
            for cp in ch.get("coupons", []):
                _coupon(s, cp, now)
            for gs in ch.get("gift_stock", []):  # the store's count: every till's moves
                gifts.take_store_count(s, str(gs["gift"]), int(gs["on_hand"]),
                                       pend["gifts"].get(gs["gift"], 0), now)
            st.checkpoint = int(ch["checkpoint"])
            st.hq_watermark = watermark
            st.lease_cents = ledger.cents(Decimal(ch["lease"]))
            st.lease_at = now
            if program_body is not None:
                # checked before the transaction commits; written after it
                path = t.data_dir / (PROGRAM_FILE + ".new")
                path.write_text(program_body, "utf-8")
                try:
                    load_program(path)
                except (ProgramError, OSError) as e:
                    raise SyncError("sync.program_not_applied", detail=message_of(e)) from e
        if program_body is not None:
            os.replace(t.data_dir / (PROGRAM_FILE + ".new"), t.data_dir / PROGRAM_FILE)
            t.program = load_program(t.data_dir / PROGRAM_FILE)
        return adjusted


def _pending_deltas(s: Session, watermark: int) -> dict[str, Any]:
    """What this terminal's events HQ has not applied yet add to each account and to each
    gift's stock, and which members they touch (their HQ state is re-applied under
    them)."""
    deltas: dict[str, int] = defaultdict(int)
    members: set[str] = set()
    gift_moves: dict[str, int] = defaultdict(int)
    for ev in s.scalars(select(OutboxEvent).where(OutboxEvent.seq > watermark,
                                                  OutboxEvent.status != "rejected")):
        p = json.loads(ev.payload)
        for key in ("member", "from", "to"):
            if isinstance(p.get(key), str):
                members.add(p[key])
        if ev.kind == "compensation":
            continue
        for code, amount, _unit in p.get("entries", []):
            deltas[code] += int(amount)
        if ev.kind in gifts.MOVE_EVENTS:
            gift_moves[p["gift"]] += int(p["qty"])
    return {"accounts": deltas, "members": members, "gifts": gift_moves}


def _b64(v: str | None) -> bytes | None:
    return base64.b64decode(v) if v else None


def _upsert_member(t: Terminal, s: Session, md: dict[str, Any], pend: dict[str, Any]) -> None:
    uid = md["member"]
    m = s.scalars(select(Member).where(Member.uid == uid)).first()
    d = md["data"]
    if m is None:
        if d.get("phone_hash") and s.scalars(
            select(Member.id).where(Member.phone_hash == d["phone_hash"])
        ).first():
            return  # the same phone enrolled twice offline: HQ's alert, not ours to merge
        v = t.vault
        m = Member(
            uid=uid,
            name_enc=_b64(d.get("name_enc")) or v.seal("name", d.get("name")),
            gender=d.get("gender"),
            birthday_enc=_b64(d.get("birthday_enc")) or v.seal("birthday", d.get("birthday")),
            phone_enc=_b64(d.get("phone_enc")),
            phone_hash=d.get("phone_hash"),
            phone_last4=d.get("phone_last4"),
            id_no_enc=_b64(d.get("id_no_enc")),
            id_no_hash=d.get("id_no_hash"),
            email_enc=_b64(d.get("email_enc")) or v.seal("email", d.get("email")),
            address_enc=_b64(d.get("address_enc")) or v.seal("address", d.get("address")),
            tier_code=md["tier"],
            anonymous=bool(d.get("anonymous")),
            marketing_consent=bool(d.get("marketing_consent")),
            marketing_consent_at=datetime.fromisoformat(d["marketing_consent_at"])
            if d.get("marketing_consent_at")
            else None,
            enrolled_at=datetime.fromisoformat(d["enrolled_at"]),
            franchisee=d["franchisee"],
            store=d["store"],
        )
        s.add(m)
        s.flush()
    elif uid not in pend["members"] and md["tier"] in {x.code for x in t.program.tiers}:
        m.tier_code = md["tier"]


def _upsert_card(s: Session, cd: dict[str, Any], now: datetime) -> None:
    card = s.scalars(select(Card).where(Card.card_no == cd["card"])).first()
    if card is None:
        m = s.scalars(select(Member).where(Member.uid == cd["member"])).first()
        if m is None:
            return
        main = None
        if cd.get("main_card"):
            main = s.scalars(select(Card).where(Card.card_no == cd["main_card"])).first()
        data = cd.get("data") or {}
        card = Card(
            card_no=cd["card"],
            member_id=m.id,
            main_card_id=main.id if main else None,
            status="active",
            holder_name_enc=m.name_enc,
            limit_per_sale=Decimal(data["limit_per_sale"]) if data.get("limit_per_sale") else None,
            limit_per_day=Decimal(data["limit_per_day"]) if data.get("limit_per_day") else None,
            issued_at=now,
            franchisee=cd["franchisee"],
        )
        s.add(card)
        s.flush()
        for md in data.get("media", []):
            exists = s.scalars(select(CardMedia).where(
                CardMedia.media == md["media"], CardMedia.identifier == md["identifier"])).first()
            if exists is None:
                s.add(CardMedia(card_id=card.id, media=md["media"], identifier=md["identifier"]))
    if cd["status"] == "active" and card.status == "expired":  # renewed in its store
        card.status, card.blocked_at, card.block_reason = "active", None, None
    elif cd["status"] != "active" and card.status not in (cd["status"], "replaced"):
        card.status = cd["status"]
        card.blocked_at = card.blocked_at or now
        card.block_reason = card.block_reason or ("HQ: " + (cd.get("reason") or cd["status"]))[:80]
    hot = s.get(Hotlist, cd["card"])
    scope = "all" if cd["status"] != "active" else "offline" if cd["offline_blocked"] else None
    if scope is None:
        if hot is not None:
            s.delete(hot)
    elif hot is None:
        s.add(Hotlist(card_no=cd["card"], scope=scope, reason=cd.get("reason") or cd["status"],
                      at=now))
    else:
        hot.scope, hot.reason = scope, cd.get("reason") or cd["status"]
    s.flush()


def _align_balance(
    t: Terminal, s: Session, cd: dict[str, Any], pend: dict[str, Any], now: datetime
) -> int:
    """Make the card's stored value here equal HQ's, plus what this terminal has spent
    or added that HQ has not applied yet. One journal row, kind 'hq_balance'."""
    if cd.get("main_card"):
        return 0
    p = Posting("hq_balance", now, SYNC_STAFF, ref=cd["card"][-8:])
    for part in ("principal", "bonus"):
        code = f"sv:card:{cd['card']}:{part}"
        hq = -ledger.cents(Decimal(cd[part]))
        target = hq + pend["accounts"].get(code, 0)
        acc = s.scalars(select(Account).where(Account.code == code)).first()
        have = acc.balance if acc is not None else 0
        if target != have:
            card = s.scalars(select(Card).where(Card.card_no == cd["card"])).first()
            if card is None:
                return 0
            acc = ledger.account(s, code, CNY, member_id=card.member_id, card_id=card.id)
            p.debit(acc, target - have)
            p.credit(ledger.account(s, "sync:hq_adjustment", CNY), target - have)
    if not p.lines:
        return 0
    j = ledger.post_adjustment(s, p, now, t.info(s), "adjustment", "stored value aligned to HQ")
    outbox.record(t, s, "hq_balance", {"card": cd["card"]}, now, j, at_hq=False)
    return 1


def _coupon(s: Session, cp: dict[str, Any], now: datetime) -> None:
    """A coupon code used (or given back) in another store."""
    here = s.scalars(select(CouponUse).where(CouponUse.code == cp["code"],
                                             CouponUse.returned_at.is_(None))).first()
    row = s.get(RemoteCouponUse, cp["code"])
    if cp["used"] and here is None and row is None:
        s.add(RemoteCouponUse(code=cp["code"], at=now))
    elif (not cp["used"] or here is not None) and row is not None:
        s.delete(row)


def _align_points(
    t: Terminal, s: Session, md: dict[str, Any], pend: dict[str, Any], now: datetime
) -> int:
    """Make the member's points here equal HQ's plus this terminal's unsent events: a
    gain is a new lot (source 'hq'), a loss is taken from the oldest lots (or owed)."""
    m = s.scalars(select(Member).where(Member.uid == md["member"])).first()
    if m is None:
        return 0
    code = f"points:member:{m.uid}"
    target = -int(md["points"]) + pend["accounts"].get(code, 0)
    acc = s.scalars(select(Account).where(Account.code == code)).first()
    have = acc.balance if acc is not None else 0
    delta = target - have  # debit positive: below zero the member gains points
    if not delta:
        return 0
    acc = points.member_account(s, m.id)
    p = Posting("hq_balance", now, SYNC_STAFF, ref=f"points {m.uid[:8]}")
    p.debit(acc, delta)
    p.credit(ledger.account(s, "sync:hq_adjustment:points", ledger.PTS), delta)
    plan = points.PointsPlan()
    if delta < 0:
        points.plan_gain(t, s, plan, m.id, -delta, now, None, source="hq")
    else:
        left = delta
        lots = s.scalars(select(PointLot).where(PointLot.member_id == m.id,
                                                 PointLot.remaining > 0)
                         .order_by(PointLot.expires_at, PointLot.id)).all()
        for lot in lots:
            take = min(left, lot.remaining)
            plan.uses.append((lot, take))
            left -= take
            if not left:
                break
        if left:
            plan.new_lots.append(dict(source="owed", sale_no=None, earned_at=now,
                                      expires_at=None, points=-left, remaining=-left))
    j = ledger.post_adjustment(s, p, now, t.info(s), "adjustment", "points aligned to HQ")
    plan.apply(s, m.id, j.id)
    outbox.record(t, s, "hq_balance", {"points_member": m.uid}, now, j, at_hq=False)
    return 1


def compensate(t: Terminal, s: Session, ev: OutboxEvent, reason: str) -> OutboxEvent:
    """Undo here what HQ refused, as a new event, so the queue moves on."""
    payload = json.loads(ev.payload)
    now = t.now()
    journal = None
    if payload.get("entries"):
        p = Posting("compensation", now, SYNC_STAFF, ref=f"undo {ev.seq}")
        for code, amount, unit in payload["entries"]:
            acc = s.scalars(select(Account).where(Account.code == code)).first()
            if acc is None:
                acc = ledger.account(s, code, unit)
            p.lines.append((acc, -int(amount)))
        journal = ledger.post_adjustment(
            s, p, now, t.info(s), "adjustment", f"event {ev.seq} refused by HQ undone"
        )
    return outbox.record(
        t,
        s,
        "compensation",
        {"rejected_event": ev.event_id, "rejected_seq": ev.seq, "rejected_kind": ev.kind,
         "reason": reason},
        now,
        journal,
    )


# --- automatic sync -------------------------------------------------------------------


class AutoSync:
    """Background sync for the app: every ``interval`` seconds while things go well,
    backing off exponentially (with jitter, up to ``max_backoff``) while HQ is away."""

    def __init__(self, t: Terminal, interval: float = 15.0, max_backoff: float = 300.0,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.t = t
        self.interval = interval
        self.max_backoff = max_backoff
        self.transport = transport
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.last: SyncReport | None = None
        self.last_error: str | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self.run, name="pos-sync", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)

    def run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                client = SyncClient(self.t, transport=self.transport)
                try:
                    self.last = client.sync()
                finally:
                    client.close()
                self.last_error = None
                failures = 0
                delay = self.interval
            except SyncBusy:
                delay = self.interval
            except Exception as e:  # keep syncing whatever went wrong; say what it was
                failures += 1
                self.last_error = str(e)
                delay = backoff(failures, self.interval, self.max_backoff)
            self._stop.wait(delay)


def backoff(failures: int, base: float, cap: float) -> float:
    """Exponential backoff with full jitter: up to base * 2**failures, capped."""
    return random.uniform(base / 2, min(cap, base * 2 ** min(failures, 16)))


def sync_with_retry(t: Terminal, attempts: int = 5, base: float = 0.5,
                    transport: httpx.BaseTransport | None = None) -> SyncReport:
    """One sync, retried with backoff while HQ is unreachable (``pos sync``)."""
    for i in range(attempts):
        client = SyncClient(t, transport=transport)
        try:
            return client.sync()
        except SyncOffline:
            if i == attempts - 1:
                raise
            time.sleep(backoff(i + 1, base, 30.0))
        finally:
            client.close()
    raise AssertionError("unreachable")
