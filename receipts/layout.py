"""Fixed-column layout for thermal paper: 32 columns (58 mm) and 42 / 48 columns (80 mm).

A printer in Chinese (GB18030) mode prints ASCII in one column and every other
character as a double-byte glyph two columns wide, so :func:`char_width` counts
East Asian Wide and Fullwidth characters (and the ambiguous ones, such as '×' and
'·', which the printer also prints full-width) as two columns. Wrapping never splits
a character and never makes a row wider than the paper; control characters in names
are replaced so that no name can inject a printer command.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

WIDTHS = (32, 42, 48)

#: Paper for each column count: (paper mm, printable dots at 203 dpi, 12-dot cells).
PAPER_DOTS = {32: 384, 42: 504, 48: 576}
PAPER_MM = {32: 58, 42: 80, 48: 80}


def check_width(width: int) -> int:
    if width not in WIDTHS:
        raise ValueError(f"width: must be one of {WIDTHS} columns, got {width!r}")
    return width


@lru_cache(maxsize=4096)
def char_width(ch: str) -> int:
    """Columns one character takes on the printer: 1 for ASCII, 2 for CJK, 0 for
    combining marks."""
    if ch < "\x7f":
        return 1
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 1


def display_width(text: str) -> int:
    """Columns ``text`` takes on the paper."""
    if text.isascii():
        return len(text)
    return sum(map(char_width, text))


def clean(text: str) -> str:
    """Replace control/format characters (newline, ESC, zero-width...) with a space
    and drop unassigned or private-use characters, so the text prints as one row of
    ordinary glyphs."""
    if text.isprintable():  # no control, format, separator or unassigned characters
        return text
    out = []
    for c in text:
        cat = unicodedata.category(c)
        if cat in ("Cc", "Cf", "Zl", "Zp"):
            out.append(" ")
        elif cat in ("Cn", "Co", "Cs"):
            continue
        else:
            out.append(c)
    return "".join(out)


def wrap(text: str, width: int, rest_width: int | None = None) -> list[str]:
    """Split ``text`` into rows of at most ``width`` columns (``rest_width`` for the
    rows after the first, when given).

    Breaks at a space where one is on the row (for Latin words), otherwise between
    characters; a CJK character is never split. Always returns at least one row.
    """
    rest = width if rest_width is None else rest_width
    if width < 2 or rest < 2:
        raise ValueError(f"width: too narrow to wrap into: {width}/{rest}")
    text = clean(text)
    if display_width(text) <= width:
        return [text]
    rows: list[str] = []
    row: list[str] = []
    used = 0
    limit = width
    last_space = -1  # index in row just after the last space
    for ch in text:
        w = char_width(ch)
        if used + w > limit:
            if ch == " ":
                rows.append("".join(row).rstrip())
                row, used, last_space, limit = [], 0, -1, rest
                continue
            # a Latin word moves whole to the next row; Chinese text breaks anywhere
            tail = row[last_space:] if 0 < last_space < len(row) else []
            tail_w = sum(map(char_width, tail))
            if tail and "".join(tail).isascii() and tail_w + w <= rest:
                rows.append("".join(row[:last_space]).rstrip())
                row, used = tail, tail_w
            else:  # break between characters
                rows.append("".join(row).rstrip())
                row, used = [], 0
            limit = rest
            last_space = -1
        if ch == " " and not row:
            continue  # no leading space on a wrapped row
        row.append(ch)
        used += w
        if ch == " ":
            last_space = len(row)
    if row or not rows:
        rows.append("".join(row).rstrip())
    return rows


def hanging(text: str, width: int, indent: int) -> list[str]:
    """Wrap ``text`` keeping its leading spaces on the first row and indenting the
    following rows by ``indent`` columns (at least as much as the first)."""
    body = text.lstrip(" ")
    lead = len(text) - len(body)
    indent = max(indent, lead)
    rows = wrap(body, width - lead, width - indent)
    return [" " * lead + rows[0], *(" " * indent + r for r in rows[1:])]


def pad_left(text: str, width: int) -> str:
    return " " * (width - display_width(text)) + text


def center(text: str, width: int) -> list[str]:
    """Center ``text`` (wrapped if needed); trailing spaces are not kept."""
    return [" " * ((width - display_width(r)) // 2) + r for r in wrap(text, width)]


def left_right(left: str, right: str, width: int, indent: int = 0) -> list[str]:
    """A label on the left and a value (an amount) right-aligned to the paper's edge.

    When both do not fit on one row, the label wraps (continuation rows indented by
    ``indent``) and the value goes on the last row if it fits there, else on a row of
    its own. A value wider than the paper is wrapped too, each row right-aligned.
    """
    left = clean(left)
    right = clean(right)
    lw, rw = display_width(left), display_width(right)
    if lw + 1 + rw <= width:
        return [left + " " * (width - lw - rw) + right]
    rows = hanging(left, width, indent)
    if rw > width:
        return rows + [pad_left(r, width) for r in wrap(right, width)]
    last = rows[-1]
    if display_width(last) + 1 + rw <= width:
        rows[-1] = last + " " * (width - display_width(last) - rw) + right
    else:
        rows.append(pad_left(right, width))
    return rows


# --- rows of a laid-out document ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class TextRow:
    """One printed row; ``text`` is at most the paper's width in columns."""

    text: str
    bold: bool = False
    tall: bool = False  # double height (same width: columns stay valid)


@dataclass(frozen=True, slots=True)
class QrRow:
    payload: str


@dataclass(frozen=True, slots=True)
class LogoRow:
    path: Path


Row = TextRow | QrRow | LogoRow


@dataclass(frozen=True)
class Layout:
    """A document laid out for one paper width: the input of every renderer."""

    width: int
    rows: tuple[Row, ...]
    open_drawer: bool = False  # a cash tender: kick the drawer after printing

    def text_rows(self) -> list[str]:
        return [r.text for r in self.rows if isinstance(r, TextRow)]
