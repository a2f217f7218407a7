"""The language the command line speaks to people: ``--language`` (zh_CN or en), else
``$POS_LANG``, else English. The core's messages are translated from the same Linguist
catalogue the app uses (``pos_app/ui/i18n/pos_<lang>.ts``, context ``errors``), read
here without Qt and only when a message is shown."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

from pos_app.core.errors import message_of
from pos_app.core.messages import CONTEXT, Msg, kind_word

LANGUAGES = ("zh_CN", "en")
DEFAULT = "en"
CATALOGUE = Path(__file__).resolve().parent.parent / "ui" / "i18n"


def chosen(option: str | None) -> str:
    lang = option or os.environ.get("POS_LANG") or DEFAULT
    return lang if lang in LANGUAGES else DEFAULT


@cache
def templates(language: str) -> dict[str, str]:
    """English template → its finished translation in ``language``."""
    path = CATALOGUE / f"pos_{language}.ts"
    if language == "en" or not path.exists():
        return {}
    import xml.etree.ElementTree as ET  # only to read a catalogue (start-up cost)

    out: dict[str, str] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        if ctx.findtext("name") != CONTEXT:
            continue
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is not None and tr.text and tr.get("type") is None:
                out[msg.findtext("source") or ""] = tr.text
    return out


_in_use = [DEFAULT]  # the language of the command running (set once it is parsed)


def use(language: str) -> None:
    """Speak ``language`` in the command's own output for people (:func:`tr`)."""
    _in_use[0] = language


def tr(code: str, /, **params: Any) -> str:
    """A line of the command's output for people, in the language in use."""
    return say(Msg(code, **params), _in_use[0])


def english() -> bool:
    """Whether the command speaks English (the source language)."""
    return _in_use[0] == "en"


def word(msg: Msg | str) -> str:
    """A word (a role, a status) in the language in use."""
    return say(msg, _in_use[0]) if isinstance(msg, Msg) else msg


kind = kind_word  # a tender kind (``stored_value``) as a word


def error_text(e: BaseException, language: str) -> str:
    return say(message_of(e), language)


def say(msg: Msg, language: str) -> str:
    """A coded message (pos_app.core.messages) in ``language``."""
    found = templates(language)
    return msg.translated(lambda t: found.get(t, t), language)
