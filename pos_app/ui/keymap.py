"""One keymap for the whole app: a key means the same thing on every screen.

* The app's own keys (:func:`app_keys`): F1 help, each navigable screen's key (from its
  declaration), Esc back, Ctrl+L log out. They work on every screen, and no screen
  takes them for anything else.
* A screen's own keys (:func:`screen_key`): F3–F7 for the screen's actions, F12 to
  finish what the screen is for (pay, complete, enroll, print, refund), and Ctrl with a
  letter a text field does not use itself (:data:`CTRL_LETTERS`) for more actions; a
  Ctrl key that several screens take means the same on each. Each is shown on the
  screen's buttons and in its F1 help.

The main window's shortcuts, the F1 help and the table in docs/ui.md are all made from
:func:`build` over the screen list (``scripts/ui-keymap`` writes the table;
tests/ui/test_keymap.py checks the three agree).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from pos_app.ui.i18n_util import N_, _

HELP_KEY = "F1"
BACK_KEY = "Esc"
LOGOUT_KEY = "Ctrl+L"
# the keys a screen may take for its own actions; F12 always finishes the screen's work
SCREEN_KEYS = ("F3", "F4", "F5", "F6", "F7", "F12")
FINISH_KEY = "F12"
# Ctrl+letter keys a screen may take too: not those a text field uses (select all, copy,
# paste, cut, undo, redo, and the line-editing keys of X11: A B D E F H K U W), nor Ctrl+L
CTRL_LETTERS = "GIJMNOPQRST"
DOC_START = "<!-- keymap: written by scripts/ui-keymap from the screens; do not edit by hand -->"
DOC_END = "<!-- end of keymap -->"


class KeymapError(ValueError):
    """Two meanings for one key."""


@dataclass(frozen=True)
class Binding:
    key: str
    action: str  # N_() marked; translated where shown


@dataclass(frozen=True)
class ScreenKeys:
    name: str
    title: str  # N_() marked
    bindings: tuple[Binding, ...]


@dataclass(frozen=True)
class Keymap:
    everywhere: tuple[Binding, ...]
    screens: tuple[ScreenKeys, ...]

    def keys(self) -> tuple[str, ...]:
        """Every key the main window listens for, once each."""
        seen: dict[str, None] = {}
        for b in self.everywhere:
            seen[b.key] = None
        for sk in self.screens:
            for b in sk.bindings:
                seen[b.key] = None
        return tuple(seen)

    def of(self, name: str) -> ScreenKeys | None:
        return next((sk for sk in self.screens if sk.name == name), None)


class _Declared(Protocol):
    """What :func:`build` reads of a screen class (see pos_app.ui.screen.Screen)."""

    name: str
    key: str | None
    label: str
    title_text: str
    keys: tuple[tuple[str, str], ...]


def app_keys(screens: Iterable[type[_Declared]]) -> tuple[Binding, ...]:
    """The keys that mean the same on every screen, in the order the help lists them."""
    out = [Binding(HELP_KEY, N_("Help (this overlay)"))]
    out += [Binding(s.key, s.label) for s in screens if s.key]
    out += [Binding(BACK_KEY, N_("Back / close")), Binding(LOGOUT_KEY, N_("Log out"))]
    return tuple(out)


def build(screens: Sequence[type[_Declared]]) -> Keymap:
    """The keymap of these screens; :class:`KeymapError` names a key with two meanings."""
    everywhere = app_keys(screens)
    taken: dict[str, str] = {}
    for b in everywhere:
        if b.key in taken:
            raise KeymapError(f"{b.key} opens both {taken[b.key]} and {b.action}")
        taken[b.key] = b.action
    per_screen = []
    ctrl_meanings: dict[str, tuple[str, str]] = {}
    for s in screens:
        seen: set[str] = set()
        for key, _action in s.keys:
            if key in taken:
                raise KeymapError(
                    f"{s.name} takes {key}, which means {taken[key]!r} on every screen"
                )
            if not screen_key(key):
                raise KeymapError(
                    f"{s.name} takes {key}; a screen's keys are {', '.join(SCREEN_KEYS)} "
                    f"and Ctrl+ one of {CTRL_LETTERS}"
                )
            if key in seen:
                raise KeymapError(f"{s.name} takes {key} twice")
            seen.add(key)
            if key.startswith("Ctrl+"):
                meaning = ctrl_meanings.setdefault(key, (s.name, _action))
                if meaning[1] != _action:
                    raise KeymapError(
                        f"{key} means {meaning[1]!r} on {meaning[0]} and {_action!r} on {s.name}"
                    )
        per_screen.append(
            ScreenKeys(s.name, s.title_text, tuple(Binding(k, a) for k, a in s.keys))
        )
    return Keymap(everywhere, tuple(per_screen))


def screen_key(key: str) -> bool:
    """Whether a screen may take ``key`` for one of its own actions."""
    if key in SCREEN_KEYS:
        return True
    return len(key) == 6 and key.startswith("Ctrl+") and key[5] in CTRL_LETTERS


def screen_of(screens: Sequence[type[_Declared]], key: str) -> str | None:
    """The screen ``key`` opens from anywhere, if any."""
    return next((s.name for s in screens if s.key == key), None)


def help_html(km: Keymap, screen: str) -> str:
    """The F1 help for the screen shown: the keys everywhere, then the screen's own."""

    def table(rows: Iterable[Binding]) -> str:
        return (
            "<table cellpadding='5'>"
            + "".join(f"<tr><td><b>{b.key}</b></td><td>{_(b.action)}</td></tr>" for b in rows)
            + "</table>"
        )

    everywhere = f"<h3>{_('Everywhere')}</h3>" + table(km.everywhere)
    own = km.of(screen)
    mine = ""
    if own is not None and own.bindings:
        mine = f"<h3>{_(own.title)}</h3>" + table(own.bindings)
    html = f"<h2>{_('Keyboard shortcuts')}</h2>"
    cell = "<td valign='top'>{}</td>"
    html += f"<table><tr>{cell.format(everywhere)}{cell.format(mine)}</tr></table>"
    html += "<p>" + _("Scanning works whatever field has focus.") + "</p>"
    return html


def markdown(km: Keymap) -> str:
    """The keymap as the table in docs/ui.md (English, as the docs are)."""
    rows = ["| key | everywhere |", "|---|---|"]
    rows += [f"| {b.key} | {b.action} |" for b in km.everywhere]
    rows += ["", "| screen | its own keys |", "|---|---|"]
    for sk in km.screens:
        if sk.bindings:
            rows.append(
                f"| {sk.title} | " + " · ".join(f"{b.key} {b.action}" for b in sk.bindings) + " |"
            )
    return "\n".join([DOC_START, "", *rows, "", DOC_END])


def doc_section(text: str) -> str:
    """The keymap part of docs/ui.md's text."""
    start = text.index(DOC_START)
    end = text.index(DOC_END, start) + len(DOC_END)
    return text[start:end]
