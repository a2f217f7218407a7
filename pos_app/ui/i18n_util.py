"""Translation helpers: ``_()`` marks and translates a UI string (context "pos").

The strings are collected by ``scripts/ui-translations`` into Qt Linguist files
(``pos_app/ui/i18n/pos_zh_CN.ts``, ``pos_en.ts``) and compiled with pyside6-lrelease.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from pos_app.core.errors import message_of
from pos_app.core.messages import CONTEXT as ERRORS
from pos_app.core.messages import Msg

I18N_DIR = Path(__file__).resolve().parent / "i18n"
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
CONTEXT = "pos"


def _(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def N_(text: str) -> str:
    """Mark a string for translation without translating it now."""
    return text


def current_language() -> str:
    """The language the app shows (the last one installed)."""
    return _language


def error_text(e: BaseException) -> str:
    """A core error's message in the language shown (its code's template translated in
    context ``errors``, then filled in with its parameters, themselves translated)."""
    return message_of(e).translated(_error_template, _language)


def msg_text(msg: Msg) -> str:
    """A coded message in the language shown."""
    return msg.translated(_error_template, _language)


def _error_template(template: str) -> str:
    return QCoreApplication.translate(ERRORS, template)


_installed: QTranslator | None = None
_language = DEFAULT_LANGUAGE


def install(language: str) -> bool:
    """Load ``language``'s .qm into the running application (replacing the last one)."""
    global _installed, _language
    app = QCoreApplication.instance()
    if app is None:
        return False
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    tr = QTranslator(app)
    if not tr.load(str(I18N_DIR / f"pos_{language}.qm")):
        return False
    app.installTranslator(tr)
    _installed = tr
    _language = language
    return True
