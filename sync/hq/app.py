"""The HQ web service (FastAPI; OpenAPI at /openapi.json, docs at /docs).

Every terminal request carries ``X-Terminal: STORE/TERMINAL`` and
``Authorization: Bearer TOKEN`` (issued by ``pos hq register-terminal``); a terminal
posts only its own events and reads only its own stream position and what any store of
the brand needs (members, cards, hotlist, balances, master data). Admin endpoints need
``Authorization: Bearer ADMIN_TOKEN`` from the config (for automation). People use the
back office under /office (``sync.hq.office``) with their own logins."""

from __future__ import annotations

import calendar
import os
import secrets
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, cast

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse
from pydantic import BaseModel, Field
from typing_extensions import TypedDict

from sync.hq import card_stock, days, reports, service, settlement
from sync.hq.config import HqConfig
from sync.hq.db import make_engine, migrate, sessions
from sync.hq.limits import BodyLimit
from sync.hq.office import access
from sync.hq.office.web import mount
from sync.hq.reads import Reads

BIG = 2**62  # integers beyond what the database's BIGINT holds are refused (422)
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(9998, 12, 31)  # report/settlement periods


class EventIn(TypedDict):
    """One outbox event as a terminal uploads it (validated straight into the dict the
    apply reads: no model object made and dumped again per event)."""

    event_id: Annotated[str, Field(max_length=36)]
    epoch: Annotated[int, Field(ge=-BIG, le=BIG)]
    seq: Annotated[int, Field(ge=-BIG, le=BIG)]
    kind: Annotated[str, Field(max_length=30)]
    business_time: str
    recorded_at: str
    payload: str
    prev_hash: Annotated[str, Field(max_length=64)]
    hash: Annotated[str, Field(max_length=64)]


class BatchIn(BaseModel):
    events: list[EventIn]


def _in_range(*days: date) -> None:
    for d in days:
        if not FIRST_DAY <= d <= LAST_DAY:
            raise HTTPException(422, f"date {d} outside {FIRST_DAY}..{LAST_DAY}")


class UserIn(BaseModel):
    login: str = Field(min_length=1, max_length=40)
    name: str = Field("", max_length=80)
    role: str = Field(max_length=20)
    password: str = Field(min_length=1, max_length=200)
    franchisee: str | None = Field(None, max_length=40)
    stores: str = Field("", max_length=2000)
    lang: str = Field("zh_CN", pattern="^(zh_CN|en)$")


class HandshakeIn(BaseModel):
    device_time: str | None = None
    want_key: bool = False
    # the terminal's own report for the fleet page
    pending: int | None = Field(None, ge=0, le=BIG)
    offline_used: Decimal | None = Field(None, ge=-BIG // 100, le=BIG // 100, decimal_places=2)
    version: str | None = Field(None, max_length=40)
    # the version of the chain's personal-data key the terminal holds (a newer one is
    # handed over in the answer)
    pii_key_version: int | None = Field(None, ge=0, le=BIG)


class ProofIn(BaseModel):
    event_seq: int | None = Field(None, ge=0, le=BIG)
    event_hash: str | None = Field(None, max_length=64)
    audit_id: int | None = Field(None, ge=0, le=BIG)
    audit_hash: str | None = Field(None, max_length=64)


class AnchorIn(BaseModel):
    """A terminal's chain heads at the end of a sync, and what it still holds of the
    heads HQ acknowledged last time (sync/hq/anchors.py)."""

    epoch: int = Field(ge=1, le=BIG)
    event_seq: int = Field(ge=0, le=BIG)
    event_hash: str = Field(min_length=64, max_length=64)
    audit_id: int = Field(ge=0, le=BIG)
    audit_hash: str = Field(min_length=64, max_length=64)
    key_id: str = Field(min_length=1, max_length=32)
    proof: ProofIn | None = None


def _bearer(authorization: str | None) -> str:
    if not authorization or not authorization.startswith("Bearer "):
        return ""
    return authorization.removeprefix("Bearer ").strip()


def _unauthorized(detail: str) -> HTTPException:
    """401 for missing or wrong credentials, whatever is missing."""
    return HTTPException(401, detail, headers={"WWW-Authenticate": "Bearer"})


def _aware_time(text: str | None) -> str | None:
    """A terminal's clock reading: ISO-8601 with its offset, within years 1900-9998."""
    if text is None:
        return None
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        raise HTTPException(422, f"device_time {text[:40]!r} is not an ISO-8601 time") from None
    if at.tzinfo is None or at.utcoffset() is None:
        raise HTTPException(422, "device_time needs its UTC offset, e.g. 2026-11-09T14:00+08:00")
    if not FIRST_DAY.year <= at.year <= LAST_DAY.year:
        raise HTTPException(422, f"device_time {text[:40]!r} is out of range")
    return at.isoformat()


def create_app(cfg: HqConfig, run_migrations: bool = True) -> FastAPI:
    engine = make_engine(cfg.database)
    days.use(cfg.timezone)
    if run_migrations:
        migrate(engine)
    app = FastAPI(title="Store POS HQ", version="1")
    # every route's body is limited (413 before it is read); the events upload more
    app.add_middleware(BodyLimit, default=cfg.max_body_bytes,
                       per_path={"/v1/events": cfg.max_events_body_bytes})
    app.state.engine = engine
    app.state.cfg = cfg
    reads = Reads.of(engine, cfg.read_database, cfg.read_max_lag_s)
    app.state.reads = reads

    def terminal(
        x_terminal: str | None = Header(None, max_length=100),
        authorization: str | None = Header(None, max_length=500),
    ) -> str:
        token = _bearer(authorization)
        t = None
        if x_terminal and token:
            with sessions(engine)() as s:
                t = service.authenticate(s, x_terminal, token)
        if t is None:
            raise _unauthorized("unknown terminal or bad token")
        return t.key

    def uploader(
        x_terminal: str | None = Header(None, max_length=100),
        authorization: str | None = Header(None, max_length=500),
    ) -> Iterator[service.Upload]:
        """The terminal's batch transaction, its row locked and its token checked by the
        same read (``service.Upload``); closed before the answer is sent."""
        token = _bearer(authorization)
        if not (x_terminal and token):
            raise _unauthorized("unknown terminal or bad token")
        with service.Upload(engine, x_terminal, token) as up:
            if not up.ok:
                raise _unauthorized("unknown terminal or bad token")
            yield up

    def admin(authorization: str | None = Header(None, max_length=500)) -> None:
        token = _bearer(authorization)
        if not cfg.admin_token or not token or not secrets.compare_digest(
                token.encode(), cfg.admin_token.encode()):
            raise _unauthorized("admin token required")

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/v1/handshake")
    def handshake(body: HandshakeIn, key: str = Depends(terminal)) -> dict[str, Any]:
        device_time = _aware_time(body.device_time)
        return service.handshake(engine, key, device_time, body.want_key, cfg.skew_limit_s,
                                 report=body.model_dump(include={"pending", "offline_used",
                                                                 "version"}),
                                 key_version=body.pii_key_version)

    @app.post("/v1/anchor")
    def post_anchor(body: AnchorIn, key: str = Depends(terminal)) -> dict[str, Any]:
        return service.anchor(engine, key, body.model_dump())

    @app.post("/v1/events")
    def post_events(body: BatchIn, up: service.Upload = Depends(uploader, scope="function")
                    ) -> JSONResponse:
        if len(body.events) > cfg.batch_limit:
            raise HTTPException(413, f"at most {cfg.batch_limit} events per batch")
        r = up.apply(cast(list[dict[str, Any]], body.events))
        if r is None:
            raise _unauthorized("unknown terminal or bad token")
        # plain JSON values already: serialised once, not walked by jsonable_encoder
        return JSONResponse({"results": r.results, "expected_seq": r.expected_seq,
                             "last_hash": r.last_hash, "epoch": r.epoch, "problem": r.problem})

    @app.get("/v1/events/mine")
    def get_own_events(start: int = Query(ge=-BIG, le=BIG), end: int = Query(ge=-BIG, le=BIG),
                       key: str = Depends(terminal)) -> dict[str, Any]:
        return {"events": service.own_events(engine, key, start, end)}

    @app.get("/v1/changes")
    def get_changes(since: int = Query(0, ge=-BIG, le=BIG),
                    limit: int = Query(5000, ge=1, le=BIG),
                    key: str = Depends(terminal)) -> dict[str, Any]:
        service.publish_due(engine)  # scheduled program or catalog whose time has come
        return service.changes(engine, key, since, min(limit, 5000))

    @app.get("/v1/admin/settlement", dependencies=[Depends(admin)])
    def get_settlement(start: date, end: date, format: str = "json") -> Any:
        _in_range(start, end)
        with reads.session() as (s, fresh):
            rep = settlement.settle(s, start.isoformat(), end.isoformat())
        if format == "csv":
            return PlainTextResponse(settlement.to_csv(rep), media_type="text/csv",
                                     headers={"X-Data-Freshness": fresh.header()})
        return {**rep, "freshness": fresh.as_dict()}

    @app.get("/v1/admin/alerts", dependencies=[Depends(admin)])
    def get_alerts(since: int = Query(0, ge=-BIG, le=BIG),
                   status: str | None = Query(None, pattern="^(open|acknowledged|resolved)$")
                   ) -> dict[str, Any]:
        with sessions(engine)() as s:
            return {"alerts": service.alerts(s, since, status)}

    @app.post("/v1/admin/users", dependencies=[Depends(admin)], status_code=201)
    def add_user(body: UserIn) -> dict[str, Any]:
        """A back-office login (the first HQ admin is made this way, with the admin
        token); the password is kept only as its argon2 hash."""
        with sessions(engine)() as s, s.begin():
            u = access.add_user(s, body.login, body.name, body.role, body.password,
                                franchisee=body.franchisee, stores=body.stores,
                                lang=body.lang)
            access.audit(s, "admin-token", "user_added", u.login, u.role)
            return {"login": u.login, "role": u.role, "franchisee": u.franchisee,
                    "stores": u.stores.split()}

    @app.get("/v1/admin/reports/daily", dependencies=[Depends(admin)])
    def get_daily(day: date, format: str = "json") -> Any:
        _in_range(day)
        with reads.session() as (s, fresh):
            rep = reports.daily(s, day)
        if format == "csv":
            return PlainTextResponse(reports.to_csv(rep), media_type="text/csv",
                                     headers={"X-Data-Freshness": fresh.header()})
        return {**rep, "freshness": fresh.as_dict()}

    @app.get("/v1/admin/card-stock", dependencies=[Depends(admin)])
    def get_card_stock(store: str | None = Query(None, max_length=40)) -> Any:
        """Every store's card stock: cards per product and status."""
        with reads.session() as (s, fresh):
            return {**card_stock.stock(s, store), "freshness": fresh.as_dict()}
    @app.get("/v1/admin/reports/staff", dependencies=[Depends(admin)])
    def get_staff_report(day: date | None = None,
                         month: str | None = Query(None, pattern=r"^\d{4}-\d{2}$"),
                         store: str | None = Query(None, max_length=40)) -> dict[str, Any]:
        """Per-staff sales, orders and VIP share for a day or a month (业绩)."""
        if (day is None) == (month is None):
            raise HTTPException(400, "give day=YYYY-MM-DD or month=YYYY-MM")
        if month is not None:
            y, m = int(month[:4]), int(month[5:])
            if not 1 <= m <= 12:
                raise HTTPException(400, f"month must be YYYY-MM, got {month!r}")
            start, end = date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
        else:
            assert day is not None
            start = end = day
        _in_range(start, end)
        with reads.session() as (s, fresh):
            return {**reports.staff(s, start, end, store), "freshness": fresh.as_dict()}

    @app.get("/v1/admin/gifts/stock", dependencies=[Depends(admin)])
    def get_gift_stock(store: str | None = Query(None, max_length=40)) -> dict[str, Any]:
        """Every store's stock of every gift (the moves its terminals reported)."""
        with reads.session() as (s, fresh):
            return {"stock": reports.gift_stock(s, store), "freshness": fresh.as_dict()}

    mount(app, engine, reads)

    @app.exception_handler(ValueError)
    def bad_value(_req: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    return app


def from_env() -> FastAPI:
    """uvicorn factory for worker processes (``pos hq serve`` runs migrations first)."""
    path = os.environ.get("POS_HQ_CONFIG")
    return create_app(HqConfig.load(Path(path) if path else None), run_migrations=False)
