"""The back office's pages under /office (Jinja2 templates, assets from the package).

Each page opens one database transaction, finds the signed-in person from the session
cookie (``access.session_of``), checks the right (``who.require``) and reads or changes
only the rows of the person's scope. Forms are posted with the session's CSRF token and
answered with a redirect (post/redirect/get) carrying a short message."""

from __future__ import annotations

import calendar
import re
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo

from fastapi import APIRouter, FastAPI, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from sync.hq import figures, reports
from sync.hq.db import sessions
from sync.hq.models import HqAudit, HqMonth, HqUser
from sync.hq.office import access, charts, dashboard, members, program, queue, statements
from sync.hq.office.access import Denied, NotSignedIn, Who
from sync.hq.office.i18n import LANGS, translator
from sync.hq.reads import Reads
from sync.hq.service import publish_due

HERE = Path(__file__).resolve().parent
COOKIE = "hq_session"
LANG_COOKIE = "hq_lang"
LOGIN_CSRF = "hq_login_csrf"
TOKEN_COOKIE = "hq_new_token"
TZ = ZoneInfo("Asia/Shanghai")
MONTH_RE = re.compile(r"^(19|20|21)\d\d-(0[1-9]|1[0-2])$")
CSP = ("default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "script-src 'self'; frame-ancestors 'none'; form-action 'self'")

NAV = [("dashboard", "Dashboard", "dashboard.view"), ("statements", "Statements",
        "statements.view"), ("alerts", "Alerts", "alerts.view"), ("fleet", "Fleet",
        "fleet.view"), ("members", "Members and cards", "members.view"), ("program", "Program",
        "program.view"), ("staff", "Staff performance", "staff.view"), ("users", "Users",
        "users.manage"), ("audit", "Audit log", "audit.view")]


PAGES = {"statement.html": "statements", "member.html": "members"}


class Missing(Exception):
    """HTTP 404 page."""


class BadRequest(Exception):
    """HTTP 400 page."""


class Redirect(Exception):
    def __init__(self, url: str) -> None:
        self.url = url


def this_month() -> str:
    return datetime.now(TZ).strftime("%Y-%m")


def mount(app: FastAPI, engine: Engine, reads: Reads | None = None) -> None:
    reads = reads or Reads(engine, None, 0)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.filters["local"] = local_time
    app.mount("/office/static", StaticFiles(directory=str(HERE / "static")),
              name="office-static")
    r = APIRouter(prefix="/office", include_in_schema=False)

    def lang_of(request: Request, who: Who | None = None) -> str:
        got = request.cookies.get(LANG_COOKIE)
        if got in LANGS:
            return got
        if who is not None and who.user.lang in LANGS:
            return who.user.lang
        accept = request.headers.get("accept-language", "")
        return "en" if accept.startswith("en") else "zh_CN"

    def ip(request: Request) -> str:
        return request.client.host if request.client else ""

    @contextmanager
    def signed_in(request: Request, right: str | None = None,
                  form_csrf: str | None = None) -> Iterator[tuple[Session, Who]]:
        """The request's transaction and person; checks the CSRF token on forms."""
        with sessions(engine)() as s, s.begin():
            try:
                who = access.session_of(s, request.cookies.get(COOKIE), ip(request))
            except NotSignedIn:
                nxt = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                raise Redirect("/office/login?" + urlencode({"next": nxt})) from None
            if request.method == "POST":
                access.check_csrf(who, form_csrf)
            if right:
                who.require(right)
            try:
                yield s, who
            except LookupError as e:  # a record that is not there, or not the person's
                raise Missing(str(e)) from e
            except ValueError as e:
                raise BadRequest(str(e)) from e

    def render(request: Request, who: Who | None, name: str, http_status: int = 200,
               **ctx: Any) -> HTMLResponse:
        lang = lang_of(request, who)
        t = translator(lang)
        nav = [(k, t(label)) for k, label, right in NAV if who is not None and who.can(right)]
        resp = templates.TemplateResponse(request, name, {
            "t": t, "lang": lang, "who": who, "nav": nav, "csrf": who.csrf if who else "",
            "ok": request.query_params.get("ok"), "error": ctx.pop("error", None)
            or request.query_params.get("error"), "yuan": _yuan, "pct": _pct,
            "yuan_c": statements.yuan, "page": PAGES.get(name, name.split(".")[0]), **ctx},
            status_code=http_status)
        resp.headers["Content-Security-Policy"] = CSP
        resp.headers["X-Frame-Options"] = "DENY"
        resp.headers["Cache-Control"] = "no-store"
        resp.headers["Referrer-Policy"] = "same-origin"
        return resp

    def back(url: str, ok: str | None = None, error: str | None = None) -> RedirectResponse:
        q = {k: v for k, v in (("ok", ok), ("error", error)) if v}
        sep = "&" if "?" in url else "?"
        return RedirectResponse(url + (sep + urlencode(q) if q else ""), status_code=303)

    def act(request: Request, s: Session, url: str, fn: Callable[[], Any],
            ok: str = "Done.") -> Response:
        """Run a form's action in a savepoint; a refusal undoes whatever it had done and
        goes back to the page with its reason."""
        t = translator(lang_of(request))
        try:
            with s.begin_nested():
                fn()
        except (ValueError, LookupError) as e:
            return back(url, error=str(e).strip("'\""))
        return back(url, ok=t(ok))

    # --- signing in -------------------------------------------------------------------

    @r.get("/", response_class=HTMLResponse)
    def home() -> Response:
        return RedirectResponse("/office/dashboard", status_code=303)

    @r.get("/login", response_class=HTMLResponse)
    def login_page(request: Request, next: str = "/office/dashboard") -> Response:
        token = secrets.token_urlsafe(24)
        resp = render(request, None, "login.html", next=_local(next), login_csrf=token)
        resp.set_cookie(LOGIN_CSRF, token, httponly=True, samesite="strict", path="/office",
                        secure=request.url.scheme == "https")
        return resp

    @r.post("/login")
    def login(request: Request, login: str = Form(..., max_length=40),
              password: str = Form(..., max_length=200), csrf: str = Form(""),
              next: str = Form("/office/dashboard")) -> Response:
        t = translator(lang_of(request))
        cookie = request.cookies.get(LOGIN_CSRF) or ""
        if not cookie or not secrets.compare_digest(cookie, csrf):
            return back("/office/login", error=t("Your session has ended. Please sign in "
                                                 "again."))
        with sessions(engine)() as s, s.begin():
            got = access.sign_in(s, login, password, ip(request))
        if isinstance(got, str):
            msg = t("Too many wrong passwords: this login is locked for 15 minutes.") \
                if got == "locked" else t("Wrong login or password.")
            return back("/office/login?" + urlencode({"next": _local(next)}), error=msg)
        _user, token = got
        resp = RedirectResponse(_local(next), status_code=303)
        resp.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/office",
                        secure=request.url.scheme == "https")
        resp.delete_cookie(LOGIN_CSRF, path="/office")
        return resp

    @r.post("/logout")
    def logout(request: Request, csrf: str = Form("")) -> Response:
        with signed_in(request, form_csrf=csrf) as (s, who):
            access.sign_out(s, request.cookies.get(COOKIE))
            access.audit(s, who.login, "sign_out", ip=who.ip)
        resp = RedirectResponse("/office/login", status_code=303)
        resp.delete_cookie(COOKIE, path="/office")
        return resp

    @r.get("/lang")
    def set_lang(request: Request, to: str, next: str = "/office/dashboard") -> Response:
        resp = RedirectResponse(_local(next), status_code=303)
        if to in LANGS:
            resp.set_cookie(LANG_COOKIE, to, samesite="strict", path="/office",
                            max_age=3600 * 24 * 365)
        return resp

    # --- dashboard --------------------------------------------------------------------

    @r.get("/dashboard", response_class=HTMLResponse)
    def dashboard_page(request: Request, month: str = "", franchisee: str = "",
                       store: str = "") -> Response:
        month = month or this_month()
        if not MONTH_RE.match(month):
            return _bad(request, render, "month must be YYYY-MM")
        with signed_in(request, "dashboard.view") as (s, who):
            directory = access.store_directory(s)
            visible = who.scope.stores_of(directory)
            all_stores = False
            if store:
                who.require_store(store, directory.get(store))
                if store not in directory:
                    raise LookupError(store)
                stores, group, franchisee = [store], "store", directory[store]
            elif franchisee or (not who.scope.everything and who.scope.franchisee):
                franchisee = franchisee or who.scope.franchisee or ""
                stores = [st for st in visible if directory[st] == franchisee]
                if not stores and not who.scope.sees_store(None, franchisee):
                    raise Denied(franchisee)
                group = "store"
            elif who.scope.everything:
                stores, group, all_stores = sorted(directory), "franchisee", True
            else:
                stores, group = visible, "store"
            with reads.session(on_primary=s) as (rs, fresh):
                if rs is not s:  # a replica: missing member figures computed here first
                    figures.month_rows(s, month, stores)
                fig = dashboard.dashboard(rs, month, stores, directory, all_stores=all_stores,
                                          group=group, compute=rs is s)
            t = translator(lang_of(request, who))
            return render(request, who, "dashboard.html", fig=fig, month=month, fresh=fresh,
                          franchisee=franchisee, store=store,
                          crumbs=_crumbs(who, franchisee, store, month, t),
                          charts=_dashboard_charts(fig, t), months=_months_back(month))

    # --- staff performance ------------------------------------------------------------

    @r.get("/staff", response_class=HTMLResponse)
    def staff_page(request: Request, month: str = "") -> Response:
        """Per store and staff member for a month: sales, orders, VIP share, enrollments,
        card-sale commission, and the sales not credited because membership was not
        offered (业绩)."""
        month = month or this_month()
        if not MONTH_RE.match(month):
            return _bad(request, render, "month must be YYYY-MM")
        with signed_in(request, "staff.view") as (s, who):
            visible = set(who.scope.stores_of(access.store_directory(s)))
            y, m = int(month[:4]), int(month[5:])
            start, end = date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
            with reads.session(on_primary=s) as (rs, fresh):
                rows = [{**x, "vip_share": Decimal(x["vip_share"])}
                        for x in reports.staff(rs, start, end)["staff"] if x["store"] in visible]
            return render(request, who, "staff.html", month=month, rows=rows, fresh=fresh,
                          months=_months_back(month))

    # --- statements -------------------------------------------------------------------

    @r.get("/statements", response_class=HTMLResponse)
    def statements_page(request: Request, month: str = "") -> Response:
        with signed_in(request, "statements.view") as (s, who):
            known = statements.months(s)
            month = month or (known[0] if known else this_month())
            if not MONTH_RE.match(month):
                raise ValueError("month must be YYYY-MM")
            with reads.session(on_primary=s) as (rs, fresh):
                stmts = statements.overview(rs, who, month)
            return render(request, who, "statements.html", month=month, months=known,
                          stmts=stmts, locked=s.get(HqMonth, month), fresh=fresh,
                          kind_label=statements.kind_label)

    @r.get("/statements/{month}/{a}/{b}", response_class=HTMLResponse)
    def statement_page(request: Request, month: str, a: str, b: str,
                       format: str = "html") -> Response:
        if not MONTH_RE.match(month):
            return _bad(request, render, "month must be YYYY-MM")
        with signed_in(request, "statements.view") as (s, who):
            t = translator(lang_of(request, who))
            full = format in ("csv", "pdf")
            st = statements.statement(s, who, month, a, b, limit=None if full else
                                      statements.EVENTS_SHOWN)
            name = f"statement-{month}-{st.a}-{st.b}"
            if format == "csv":
                access.audit(s, who.login, "statement_exported", f"{month} {st.a}/{st.b}",
                             "csv", who.ip)
                return Response(statements.to_csv(st), media_type="text/csv; charset=utf-8",
                                headers={"Content-Disposition":
                                         f'attachment; filename="{quote(name)}.csv"'})
            if format == "pdf":
                access.audit(s, who.login, "statement_exported", f"{month} {st.a}/{st.b}",
                             "pdf", who.ip)
                return Response(statements.to_pdf(st, t), media_type="application/pdf",
                                headers={"Content-Disposition":
                                         f'attachment; filename="{quote(name)}.pdf"'})
            return render(request, who, "statement.html", st=st,
                          kind_label=statements.kind_label)

    @r.post("/statements/{month}/{a}/{b}/approve")
    def statement_approve(request: Request, month: str, a: str, b: str,
                          csrf: str = Form("")) -> Response:
        url = f"/office/statements/{quote(month)}/{quote(a)}/{quote(b)}"
        with signed_in(request, "statements.approve", csrf) as (s, who):
            return act(request, s, url, lambda: statements.approve(s, who, month, a, b))

    @r.post("/statements/{month}/lock")
    def statement_lock(request: Request, month: str, csrf: str = Form("")) -> Response:
        with signed_in(request, "statements.lock", csrf) as (s, who):
            return act(request, s, f"/office/statements?month={quote(month)}",
                       lambda: statements.lock(s, who, month))

    # --- alerts -----------------------------------------------------------------------

    @r.get("/alerts", response_class=HTMLResponse)
    def alerts_page(request: Request, status: str = "open", kind: str = "") -> Response:
        with signed_in(request, "alerts.view") as (s, who):
            st = status if status in queue.STATUSES else None
            return render(request, who, "alerts.html", alerts=queue.alerts(
                s, who, st, kind or None), status=status, kind=kind,
                counts=queue.counts(s, who), statuses=queue.STATUSES)

    @r.post("/alerts/{alert_id}/ack")
    def alert_ack(request: Request, alert_id: int, csrf: str = Form(""),
                  back_to: str = Form("/office/alerts")) -> Response:
        with signed_in(request, "alerts.work", csrf) as (s, who):
            return act(request, s, _local(back_to), lambda: queue.acknowledge(s, who, alert_id))

    @r.post("/alerts/{alert_id}/resolve")
    def alert_resolve(request: Request, alert_id: int, csrf: str = Form(""),
                      note: str = Form("", max_length=2000),
                      back_to: str = Form("/office/alerts")) -> Response:
        with signed_in(request, "alerts.work", csrf) as (s, who):
            return act(request, s, _local(back_to),
                       lambda: queue.resolve(s, who, alert_id, note))

    # --- fleet ------------------------------------------------------------------------

    @r.get("/fleet", response_class=HTMLResponse)
    def fleet_page(request: Request) -> Response:
        with signed_in(request, "fleet.view") as (s, who):
            key, _, token = request.cookies.get(TOKEN_COOKIE, "").partition(" ")
            resp = render(request, who, "fleet.html", terminals=queue.fleet(s, who),
                          token=token or None, token_key=key)
            if token:  # shown this once; a reload shows it no more
                resp.delete_cookie(TOKEN_COOKIE, path="/office/fleet")
            return resp

    @r.post("/fleet/register", response_class=HTMLResponse)
    def fleet_register(request: Request, csrf: str = Form(""),
                       franchisee: str = Form(..., max_length=40),
                       store: str = Form(..., max_length=40),
                       terminal: str = Form(..., max_length=40),
                       lease: str = Form("2000.00", max_length=20)) -> Response:
        with signed_in(request, "fleet.manage", csrf) as (s, who):
            try:
                amount = Decimal(lease)
            except InvalidOperation:
                return back("/office/fleet", error=f"offline budget {lease!r} is not an amount")
            try:
                key, token = queue.register(s, who, franchisee.strip(), store.strip(),
                                            terminal.strip(), amount)
            except ValueError as e:
                return back("/office/fleet", error=str(e))
            # the token goes to the page after the redirect in a cookie for that page
            # alone, read once (never in a URL; HQ keeps only its hash)
            resp = RedirectResponse("/office/fleet", status_code=303)
            resp.set_cookie(TOKEN_COOKIE, f"{key} {token}", max_age=120, httponly=True,
                            samesite="strict", path="/office/fleet",
                            secure=request.url.scheme == "https")
            return resp

    @r.post("/fleet/revoke")
    def fleet_revoke(request: Request, csrf: str = Form(""),
                     key: str = Form(..., max_length=90)) -> Response:
        with signed_in(request, "fleet.manage", csrf) as (s, who):
            return act(request, s, "/office/fleet", lambda: queue.revoke(s, who, key))

    # --- members ----------------------------------------------------------------------

    @r.get("/members", response_class=HTMLResponse)
    def members_page(request: Request, q: str = "") -> Response:
        with signed_in(request, "members.view") as (s, who):
            found = members.search(s, who, q[:40]) if q else None
            return render(request, who, "members.html", q=q, found=found,
                          pending=members.adjustments(s, who))

    @r.get("/members/{uid}", response_class=HTMLResponse)
    def member_page(request: Request, uid: str) -> Response:
        with signed_in(request, "members.view") as (s, who):
            return _member_page(request, s, who, uid)

    def _member_page(request: Request, s: Session, who: Who, uid: str,
                     revealed: dict[str, str] | None = None, error: str | None = None
                     ) -> Response:
        m = members.view(s, who, uid)
        return render(request, who, "member.html", m=m, history=members.history(s, who, uid),
                      revealed=revealed or {}, error=error,
                      pending=[a for a in members.adjustments(s, who) if a.member_uid == uid])

    @r.post("/members/{uid}/reveal", response_class=HTMLResponse)
    def member_reveal(request: Request, uid: str, csrf: str = Form(""),
                      field: str = Form(...), reason: str = Form("", max_length=500)
                      ) -> Response:
        with signed_in(request, "members.reveal", csrf) as (s, who):
            try:
                value = members.reveal(s, who, uid, field, reason)
            except ValueError as e:
                return _member_page(request, s, who, uid, error=str(e))
            # shown in this answer only: the address bar and history keep nothing
            return _member_page(request, s, who, uid, revealed={field: value})

    @r.post("/cards/{card_no}/block")
    def card_block(request: Request, card_no: str, csrf: str = Form(""),
                   reason: str = Form("lost", max_length=200),
                   member: str = Form(..., max_length=36)) -> Response:
        with signed_in(request, "members.block", csrf) as (s, who):
            return act(request, s, f"/office/members/{quote(member)}",
                       lambda: members.block_card(s, who, card_no, reason))

    @r.post("/cards/{card_no}/adjust")
    def card_adjust(request: Request, card_no: str, csrf: str = Form(""),
                    kind: str = Form(...), amount: str = Form(..., max_length=20),
                    reason: str = Form("", max_length=500),
                    member: str = Form(..., max_length=36)) -> Response:
        with signed_in(request, "members.adjust", csrf) as (s, who):
            def go() -> None:
                try:
                    value = Decimal(amount)
                except InvalidOperation:
                    raise ValueError(f"amount {amount!r} is not a number") from None
                if kind == "points":
                    if value != value.to_integral_value():
                        raise ValueError("points are whole numbers")
                    units = int(value)
                else:
                    if value != value.quantize(Decimal("0.01")):
                        raise ValueError("an amount in yuan has at most two decimals")
                    units = int(value * 100)
                members.request_adjustment(s, who, card_no, kind, units, reason)
            return act(request, s, f"/office/members/{quote(member)}", go)

    @r.post("/adjustments/{adj_id}/{decision}")
    def adjustment_decide(request: Request, adj_id: str, decision: str, csrf: str = Form(""),
                          back_to: str = Form("/office/members")) -> Response:
        with signed_in(request, "members.approve", csrf) as (s, who):
            if decision not in ("approve", "refuse"):
                raise LookupError(decision)
            return act(request, s, _local(back_to), lambda: members.decide_adjustment(
                s, who, adj_id, decision == "approve"))

    # --- program ----------------------------------------------------------------------

    def _program_page(request: Request, s: Session, who: Who, **ctx: Any) -> Response:
        cur_p, cur_c = program.published(s, "program"), program.published(s, "catalog")
        ctx.setdefault("program_text", cur_p.body if cur_p else "")
        ctx.setdefault("catalog_text", "")
        ctx.setdefault("cart", "")
        return render(request, who, "program.html", cur_program=cur_p, cur_catalog=cur_c,
                      scheduled=program.scheduled(s), **ctx)

    @r.get("/program", response_class=HTMLResponse)
    def program_page(request: Request) -> Response:
        publish_due(engine)  # the list shows what is due as published
        with signed_in(request, "program.view") as (s, who):
            return _program_page(request, s, who)

    @r.post("/program", response_class=HTMLResponse)
    def program_post(request: Request, csrf: str = Form(""), action: str = Form(...),
                     program_text: str = Form("", max_length=2_000_000),
                     catalog_text: str = Form("", max_length=50_000_000),
                     cart: str = Form("", max_length=4000), tier: str = Form("", max_length=40),
                     coupon: str = Form("", max_length=40), pay_sv: str = Form(""),
                     start_at: str = Form("", max_length=40)) -> Response:
        right = "program.publish" if action == "publish" else "program.view"
        with signed_in(request, right, csrf) as (s, who):
            ctx: dict[str, Any] = {"program_text": program_text, "catalog_text": catalog_text,
                                   "cart": cart, "tier": tier, "coupon": coupon,
                                   "pay_sv": bool(pay_sv), "start_at": start_at}
            c = program.check(program_text or None, catalog_text or None)
            ctx["check"] = c
            try:
                when = datetime.fromisoformat(start_at).replace(tzinfo=TZ) \
                    if start_at else None
            except ValueError:
                return _program_page(request, s, who, error=f"start {start_at!r} is not a "
                                     "date and time", **ctx)
            if action == "preview" and c.ok and c.program is not None:
                try:
                    rows = c.rows or _published_rows(s)
                    items = program.parse_cart(cart, rows)
                    cur = program.published(s, "program")
                    before = program.check(cur.body, None).program if cur else None
                    at = when or datetime.now(TZ)
                    ctx["preview"] = program.preview(before, c.program, items, at, tier,
                                                     coupon, bool(pay_sv))
                except ValueError as e:
                    ctx["error"] = str(e)
            elif action == "publish":
                try:
                    ctx["published"] = program.publish(s, who, program_text or None,
                                                       catalog_text or None, when)
                except ValueError as e:
                    ctx["error"] = str(e)
            return _program_page(request, s, who, **ctx)

    @r.post("/program/scheduled/{sid}/cancel")
    def program_cancel(request: Request, sid: int, csrf: str = Form("")) -> Response:
        with signed_in(request, "program.publish", csrf) as (s, who):
            return act(request, s, "/office/program", lambda: program.cancel(s, who, sid))

    def _published_rows(s: Session) -> list[Any]:
        cur = program.published(s, "catalog")
        if cur is None:
            raise ValueError("no catalog published: paste one to price the sample cart")
        c = program.check(None, cur.body)
        return c.rows or []

    # --- users and audit --------------------------------------------------------------

    @r.get("/users", response_class=HTMLResponse)
    def users_page(request: Request) -> Response:
        with signed_in(request, "users.manage") as (s, who):
            return render(request, who, "users.html", users=access.users(s),
                          roles=access.ROLES)

    @r.post("/users")
    def user_add(request: Request, csrf: str = Form(""), login: str = Form(..., max_length=40),
                 name: str = Form("", max_length=80), role: str = Form(...),
                 franchisee: str = Form("", max_length=40),
                 stores: str = Form("", max_length=2000),
                 password: str = Form(..., max_length=200)) -> Response:
        with signed_in(request, "users.manage", csrf) as (s, who):
            def go() -> None:
                access.add_user(s, login, name, role, password, franchisee=franchisee or None,
                                stores=stores)
                access.audit(s, who.login, "user_added", login, role, who.ip)
            return act(request, s, "/office/users", go)

    @r.post("/users/{login}")
    def user_change(request: Request, login: str, csrf: str = Form(""),
                    action: str = Form(...), password: str = Form("", max_length=200)
                    ) -> Response:
        with signed_in(request, "users.manage", csrf) as (s, who):
            def go() -> None:
                u = s.get(HqUser, login)
                if u is None:
                    raise LookupError(f"no user {login}")
                if action == "password":
                    access.set_password(s, login, password)
                elif action in ("activate", "deactivate"):
                    if login == who.login:
                        raise ValueError("you cannot deactivate yourself")
                    u.active = action == "activate"
                    if not u.active:
                        access.sign_out_everywhere(s, login)
                else:
                    raise ValueError(f"unknown action {action!r}")
                access.audit(s, who.login, f"user_{action}", login, "", who.ip)
            return act(request, s, "/office/users", go)

    @r.get("/audit", response_class=HTMLResponse)
    def audit_page(request: Request, login: str = "", action: str = "") -> Response:
        with signed_in(request, "audit.view") as (s, who):
            q = select(HqAudit).order_by(HqAudit.id.desc()).limit(300)
            if login:
                q = q.where(HqAudit.login == login)
            if action:
                q = q.where(HqAudit.action == action)
            return render(request, who, "audit.html", rows=list(s.scalars(q)),
                          login=login, action=action)

    app.include_router(r)

    @app.exception_handler(Redirect)
    def _redirect(_req: Request, exc: Redirect) -> Response:
        return RedirectResponse(exc.url, status_code=303)

    def _error(request: Request, status: int, message: str, detail: str) -> Response:
        return render(request, None, "error.html", http_status=status, message=message,
                      detail=detail)

    @app.exception_handler(Denied)
    def _denied(request: Request, exc: Denied) -> Response:
        return _error(request, 403, translator(lang_of(request))("You may not do this."),
                      str(exc))

    @app.exception_handler(Missing)
    @app.exception_handler(access.Hidden)
    def _missing(request: Request, exc: Exception) -> Response:
        return _error(request, 404, translator(lang_of(request))("Not found."), "")

    @app.exception_handler(BadRequest)
    def _bad_request(request: Request, exc: BadRequest) -> Response:
        return _error(request, 400, str(exc), "")


def _bad(request: Request, render: Any, detail: str) -> Response:
    return render(request, None, "error.html", http_status=400, message=detail, detail="")


def _local(url: str) -> str:
    """Only paths of the back office (no redirect to another site)."""
    return url if url.startswith("/office/") and "//" not in url and "\\" not in url \
        else "/office/dashboard"


def local_time(value: str | None) -> str:
    """An ISO time HQ keeps (UTC, or with its offset) as Chinese local time."""
    if not value:
        return ""
    try:
        d = datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    if d.tzinfo is None:
        d = d.replace(tzinfo=ZoneInfo("UTC"))
    return d.astimezone(TZ).strftime("%Y-%m-%d %H:%M")


def _yuan(v: Decimal | None) -> str:
    return "—" if v is None else f"{v:,.2f}"


def _pct(v: Decimal | None) -> str:
    return "—" if v is None else f"{v * 100:.1f}%"


def _months_back(month: str, n: int = 24) -> list[str]:
    y, m = int(month[:4]), int(month[5:7])
    now = this_month()
    ny, nm = int(now[:4]), int(now[5:7])
    y, m = max((y, m), (ny, nm))
    out = []
    for _ in range(n):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return out


def _crumbs(who: Who, franchisee: str, store: str, month: str,
            t: Callable[[str], str]) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    base = f"/office/dashboard?month={month}"
    if who.scope.everything:
        out.append((t("Chain"), base))
    if franchisee and (who.scope.everything or who.scope.franchisee == franchisee):
        out.append((franchisee, f"{base}&franchisee={quote(franchisee)}"))
    elif franchisee:
        out.append((franchisee, None))
    if store:
        out.append((store, f"{base}&store={quote(store)}"))
    if out:
        out[-1] = (out[-1][0], None)
    return out


def _dashboard_charts(fig: dict[str, Any], t: Callable[[str], str]) -> dict[str, str]:
    days = fig["days"]
    labels = [d["key"][5:] for d in days]
    groups = sorted(fig["groups"], key=lambda g: g["sales"], reverse=True)[:15]
    tot = fig["total"]
    return {
        "sales": charts.bars(t("Sales per day"), labels, {
            t("Sales"): [d["sales"] for d in days],
            t("VIP sales"): [d["vip_sales"] for d in days]}),
        "share": charts.lines(t("VIP share per day"), labels, {
            t("VIP sales share"): [d["vip_share"] for d in days]}, percent=True),
        "groups": charts.bars(
            t("Sales by franchisee") if fig["group"] == "franchisee" else t("Sales by store"),
            [g["key"] for g in groups], {t("Sales"): [g["sales"] for g in groups],
                                         t("VIP sales"): [g["vip_sales"] for g in groups]},
            horizontal=True),
        "pyramid": charts.bars(t("Customer pyramid"), [
            t("A platinum"), t("B gold"), t("C iron"), t("D lead")],
            {t("Members"): [tot["pyramid"][k] for k in "ABCD"]}),
        "members": charts.bars(t("Members as of month end"), [
            t("VIP count"), t("New VIPs"), t("Dormant 3 months"), t("Lost 6 months")],
            {t("Members"): [tot["vip_count"], tot["new_vips"], tot["dormant_3m"],
                            tot["dormant_6m"]]}),
        "points": charts.bars(t("Points per day"), labels, {
            t("Points issued"): [d["points_issued"] for d in days],
            t("Points redeemed"): [d["points_redeemed"] for d in days],
            t("Points expired"): [d["points_expired"] for d in days]}),
        "sv": charts.bars(t("Stored value per day"), labels, {
            f"{t('sold')} {t('Principal')}": [d["sv_sold_principal"] for d in days],
            f"{t('sold')} {t('Bonus')}": [d["sv_sold_bonus"] for d in days],
            f"{t('spent')} {t('Principal')}": [d["sv_spent_principal"] for d in days],
            f"{t('spent')} {t('Bonus')}": [d["sv_spent_bonus"] for d in days]}),
    }
