"""Monthly settlement statements between two franchisees: per kind (stored value,
points; a new kind such as gifts appears as its own line when items of it exist) what
each owes the other and the net, with the events behind every figure. Each side's
accountant approves the figures; HQ locks a month once every statement of it is
approved, after which its figures stay as they are and late items go to the next open
month. CSV and PDF."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from sync.hq import days
from sync.hq.figures import month_bounds
from sync.hq.models import HqEvent, HqMonth, HqSettlement, HqStatement
from sync.hq.office.access import Denied, Who, audit

# the kinds a statement knows by name; any other kind is shown by its code
KINDS = {"stored_value": "Stored value", "points": "Points"}
EVENTS_SHOWN = 500


def yuan(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"


@dataclass
class Line:
    kind: str
    a_owes_b: int = 0  # cents, gross
    b_owes_a: int = 0
    a_points: int = 0  # points behind a's debt
    b_points: int = 0
    items: int = 0

    @property
    def net(self) -> int:
        """> 0: a owes b."""
        return self.a_owes_b - self.b_owes_a


@dataclass
class Statement:
    month: str
    a: str
    b: str
    lines: list[Line] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    events_total: int = 0
    row: HqStatement | None = None
    locked: HqMonth | None = None

    @property
    def net(self) -> int:
        return sum(ln.net for ln in self.lines)

    @property
    def figures(self) -> str:
        """What an approval is of."""
        return "; ".join(f"{ln.kind} {ln.a_owes_b} {ln.b_owes_a} {ln.items}"
                         for ln in self.lines)

    def approved(self, side: str) -> bool:
        r = self.row
        if r is None:
            return False
        got = r.approved_a_figures if side == "a" else r.approved_b_figures
        return got is not None and got == self.figures

    @property
    def fully_approved(self) -> bool:
        return self.approved("a") and self.approved("b")


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def months(s: Session) -> list[str]:
    got = set(s.scalars(select(HqSettlement.period).distinct()))
    return sorted((m for m in got if m), reverse=True)


def overview(s: Session, who: Who, month: str) -> list[Statement]:
    """The month's statements the person may see, with their lines (no events)."""
    per: dict[tuple[str, str], dict[str, Line]] = defaultdict(dict)
    q = select(HqSettlement.kind, HqSettlement.debtor, HqSettlement.creditor,
               func.sum(HqSettlement.amount_cents), func.sum(HqSettlement.points),
               func.count()).where(HqSettlement.period == month).group_by(
        HqSettlement.kind, HqSettlement.debtor, HqSettlement.creditor)
    if not who.scope.everything:
        f = who.scope.franchisee or "\x00none"
        q = q.where(or_(HqSettlement.debtor == f, HqSettlement.creditor == f))
    for kind, debtor, creditor, cents, pts, n in s.execute(q):
        a, b = _pair(debtor, creditor)
        ln = per[(a, b)].setdefault(kind, Line(kind))
        _add(ln, debtor == a, int(cents), int(pts), int(n))
    rows = {(r.franchisee_a, r.franchisee_b): r for r in s.scalars(
        select(HqStatement).where(HqStatement.month == month))}
    locked = s.get(HqMonth, month)
    return [Statement(month, a, b, [lines[k] for k in sorted(lines)], row=rows.get((a, b)),
                      locked=locked) for (a, b), lines in sorted(per.items())]


def _add(ln: Line, a_is_debtor: bool, cents: int, pts: int, items: int = 1) -> None:
    if a_is_debtor:
        ln.a_owes_b += cents
        ln.a_points += pts
    else:
        ln.b_owes_a += cents
        ln.b_points += pts
    ln.items += items


def statement(s: Session, who: Who, month: str, a: str, b: str,
              limit: int | None = EVENTS_SHOWN) -> Statement:
    a, b = _pair(a, b)
    if not who.scope.sees_pair(a, b):
        raise Denied(f"the statement {a}/{b} is outside {who.login}'s scope")
    pair = or_(and_(HqSettlement.debtor == a, HqSettlement.creditor == b),
               and_(HqSettlement.debtor == b, HqSettlement.creditor == a))
    st = Statement(month, a, b, row=s.get(HqStatement, (month, a, b)),
                   locked=s.get(HqMonth, month))
    lines: dict[str, Line] = {}
    q = (select(HqSettlement, HqEvent.store, HqEvent.kind, HqEvent.terminal_key)
         .outerjoin(HqEvent, HqEvent.event_id == HqSettlement.event_id)
         .where(HqSettlement.period == month, pair)
         .order_by(HqSettlement.business_date, HqSettlement.id))
    for item, store, ev_kind, terminal in s.execute(q):
        ln = lines.setdefault(item.kind, Line(item.kind))
        _add(ln, item.debtor == a, item.amount_cents, item.points)
        st.events_total += 1
        if limit is None or len(st.events) < limit:
            st.events.append({
                "event_id": item.event_id, "date": item.business_date, "kind": item.kind,
                "event_kind": ev_kind or "", "store": store or "", "terminal": terminal or "",
                "debtor": item.debtor, "creditor": item.creditor,
                "amount": yuan(item.amount_cents), "points": item.points,
                "carried": item.business_date[:7] != month,
            })
    st.lines = [lines[k] for k in sorted(lines)]
    return st


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def approve(s: Session, who: Who, month: str, a: str, b: str) -> Statement:
    """The person's side approves the statement's current figures (HQ's admin approves
    for both sides)."""
    who.require("statements.approve")
    st = statement(s, who, month, a, b, limit=0)
    if st.locked is not None:
        raise ValueError(f"{month} is locked")
    if not st.lines:
        raise ValueError(f"no settlement between {st.a} and {st.b} in {month}")
    sides = ["a", "b"] if who.scope.everything else \
        [side for side, f in (("a", st.a), ("b", st.b)) if f == who.scope.franchisee]
    row = st.row or HqStatement(month=month, franchisee_a=st.a, franchisee_b=st.b)
    if st.row is None:
        s.add(row)
    now = _now()
    for side in sides:
        setattr(row, f"approved_{side}_by", who.login)
        setattr(row, f"approved_{side}_at", now)
        setattr(row, f"approved_{side}_figures", st.figures)
    st.row = row
    audit(s, who.login, "statement_approved", f"{month} {st.a}/{st.b}",
          f"sides {'+'.join(sides)}: {st.figures}", who.ip)
    return st


def lock(s: Session, who: Who, month: str) -> None:
    """Lock a finished month whose statements are all approved by both sides."""
    who.require("statements.lock")
    _start, end = month_bounds(month)
    if end >= days.today():
        raise ValueError(f"{month} is not over yet")
    if s.get(HqMonth, month) is not None:
        raise ValueError(f"{month} is already locked")
    waiting = [f"{st.a}/{st.b}" for st in overview(s, who, month) if not st.fully_approved]
    if waiting:
        raise ValueError(f"{month} has statements not approved by both sides: "
                         + ", ".join(waiting[:10]))
    s.add(HqMonth(month=month, locked_by=who.login, locked_at=_now()))
    audit(s, who.login, "month_locked", month, "", who.ip)


def kind_label(kind: str, t: Any = None) -> str:
    label = KINDS.get(kind, kind)
    return t(label) if t else label


def to_csv(st: Statement) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["month", "franchisee_a", "franchisee_b", "kind", "a_owes_b", "b_owes_a",
                "net_a_owes_b", "a_points", "b_points", "items"])
    for ln in st.lines:
        w.writerow([st.month, st.a, st.b, ln.kind, yuan(ln.a_owes_b), yuan(ln.b_owes_a),
                    yuan(ln.net), ln.a_points, ln.b_points, ln.items])
    w.writerow([])
    w.writerow(["event_id", "business_date", "kind", "event", "store", "terminal", "debtor",
                "creditor", "amount", "points"])
    for e in st.events:
        w.writerow([e["event_id"], e["date"], e["kind"], e["event_kind"], e["store"],
                    e["terminal"], e["debtor"], e["creditor"], e["amount"], e["points"]])
    return out.getvalue()


FONT_FILES = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",)


def _font() -> str:
    """A font for Chinese text: WenQuanYi Micro Hei (embedded) where installed, else
    reportlab's built-in Song CID font."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    if "Office" in pdfmetrics.getRegisteredFontNames():
        return "Office"
    for path in FONT_FILES:
        if Path(path).exists():
            pdfmetrics.registerFont(TTFont("Office", path, subfontIndex=0))
            return "Office"
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def to_pdf(st: Statement, t: Any) -> bytes:
    """The statement as an A4 PDF (reportlab), in the reader's language."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = _font()
    title = ParagraphStyle("t", fontName=font, fontSize=15, leading=20)
    body = ParagraphStyle("b", fontName=font, fontSize=9, leading=12)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=15 * mm, bottomMargin=15 * mm,
                            title=f"{t('Settlement statement')} {st.month} {st.a}/{st.b}")
    state = t("Locked") if st.locked else (t("Approved by both sides") if st.fully_approved
                                           else t("Not yet approved"))
    story: list[Any] = [
        Paragraph(f"{t('Settlement statement')} {st.month}", title),
        Paragraph(f"{st.a} ⇄ {st.b} · {state}", body), Spacer(1, 5 * mm)]
    head = [t("Kind"), f"{st.a} {t('owes')} {st.b}", f"{st.b} {t('owes')} {st.a}",
            t("Net"), t("Points"), t("Items")]
    rows: list[list[str]] = [head]
    for ln in st.lines:
        net = ln.net
        who_owes = f"{st.a} → {st.b}" if net >= 0 else f"{st.b} → {st.a}"
        rows.append([kind_label(ln.kind, t), yuan(ln.a_owes_b), yuan(ln.b_owes_a),
                     f"{who_owes} ¥{yuan(abs(net))}", f"{ln.a_points} / {ln.b_points}",
                     str(ln.items)])
    net = st.net
    rows.append([t("Total"), "", "", f"{st.a if net >= 0 else st.b} → "
                 f"{st.b if net >= 0 else st.a} ¥{yuan(abs(net))}", "", ""])
    style = TableStyle([("FONT", (0, 0), (-1, -1), font, 9),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef6")),
                        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                        ("ALIGN", (1, 1), (-1, -1), "RIGHT")])
    story += [Table(rows, style=style, repeatRows=1), Spacer(1, 6 * mm)]
    if st.row is not None:
        for side, f in (("a", st.a), ("b", st.b)):
            by = getattr(st.row, f"approved_{side}_by")
            if by:
                story.append(Paragraph(f"{f}: {t('approved by')} {by} "
                                       f"{getattr(st.row, f'approved_{side}_at')}", body))
    story += [Spacer(1, 4 * mm), Paragraph(t("Events behind the figures"), body)]
    ev_rows = [[t("Date"), t("Kind"), t("Store"), t("Debtor"), t("Creditor"), t("Amount"),
                t("Points"), t("Event")]]
    for e in st.events:
        ev_rows.append([e["date"], kind_label(e["kind"], t), e["store"], e["debtor"],
                        e["creditor"], e["amount"], str(e["points"]), e["event_id"]])
    story.append(Table(ev_rows, style=TableStyle([
        ("FONT", (0, 0), (-1, -1), font, 7), ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef6"))]), repeatRows=1))
    doc.build(story)
    return buf.getvalue()
