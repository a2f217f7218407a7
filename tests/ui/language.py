"""What a cashier reads: every visible text of the window's widgets, and the English
words left in it when the app is in Chinese."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

# English a Chinese store uses as is: the product's and trade's abbreviations, key names
ALLOWED = {"POS", "VIP", "HQ", "Esc", "Ctrl", "Enter", "Tab", "ID", "UID", "IC", "NFC",
           "EAN", "UPC", "SKU", "PIN", "AM", "PM", "QR",
           "English"}  # the language switch names English in English
_TAG = re.compile(r"<[^>]+>")
_ENTITY = re.compile(r"&[a-z]+;|&#\d+;")
# a word, not a code such as a SKU (COAT-001) or a receipt number (SHIFT0001-X140002)
_WORD = re.compile(r"(?<![A-Za-z0-9_-])[A-Za-z]{2,}(?![A-Za-z0-9_-])")


def plain(text: str) -> str:
    return _ENTITY.sub(" ", _TAG.sub(" ", text))


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text shown by a visible widget under ``root``."""
    yield "window title", root.window().windowTitle()
    for w in root.findChildren(QWidget):
        if (not w.isVisibleTo(root.window()) and w is not root) or isinstance(w, QHeaderView):
            continue  # a header view's cells are its table's headers
        where = f"{type(w).__name__} {w.objectName()}".strip()
        if isinstance(w, QLabel):
            yield where, plain(w.text())
        elif isinstance(w, QAbstractButton):
            yield where, w.text()
        elif isinstance(w, QLineEdit):
            yield where + " placeholder", w.placeholderText()
        elif isinstance(w, QTextEdit | QPlainTextEdit):
            yield where, w.toPlainText()
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield where, w.itemText(i)
        elif isinstance(w, QGroupBox):
            yield where, w.title()
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield where + " tab", w.tabText(i)
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            top = QModelIndex()
            try:
                cols = m.columnCount(top)
            except TypeError:  # a list model's column count is private: one column
                cols = 1
            for c in range(cols):
                yield where + " header", str(m.headerData(c, Qt.Orientation.Horizontal) or "")
            for r in range(m.rowCount(top)):
                for c in range(cols):
                    yield where + f" cell {r},{c}", str(m.index(r, c).data() or "")
        if w.toolTip():
            yield where + " tooltip", plain(w.toolTip())


def english_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if w not in ALLOWED]


def english_left(root: QWidget, data: Iterable[str] = ()) -> list[str]:
    """'where: text' for each visible text with an English word in it; ``data`` are the
    store's own words (item names from its catalog), not the app's."""
    data = sorted(data, key=len, reverse=True)
    out = []
    for where, text in visible_texts(root):
        for d in data:
            text = text.replace(d, "")
        if english_words(text):
            out.append(f"{where}: {text!r}")
    return out
