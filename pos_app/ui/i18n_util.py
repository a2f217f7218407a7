"""Translation helpers: ``_()`` marks and translates a UI string (context "pos").

The strings are collected by ``scripts/ui-translations`` into Qt Linguist files
(``pos_app/ui/i18n/pos_zh_CN.ts``, ``pos_en.ts``) and compiled with pyside6-lrelease.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

I18N_DIR = Path(__file__).resolve().parent / "i18n"
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
CONTEXT = "pos"


def _(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def N_(text: str) -> str:
    """Mark a string for translation without translating it now."""
    return text


_installed: QTranslator | None = None


def install(language: str) -> bool:
    """Load ``language``'s .qm into the running application (replacing the last one)."""
    global _installed
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
    return True
