"""Keep the Linguist files in step with the code (``scripts/ui-translations``).

Strings are the literal first arguments of ``_()`` and ``N_()`` in ``pos_app/ui``; they
go into context ``pos`` of ``pos_<lang>.ts``. The core's messages (the templates of
``pos_app.core.messages.MESSAGES``, with ``{name}`` parameters a translation keeps) go into
context ``errors`` of the same files. Existing translations are kept; new strings
are added unfinished; strings gone from the code are marked obsolete. English is the
source language, so ``pos_en.ts`` translates every string to itself.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from pos_app.core.messages import CONTEXT as ERRORS
from pos_app.core.messages import MESSAGES
from pos_app.ui.i18n_util import CONTEXT, I18N_DIR, LANGUAGES

UI_DIR = Path(__file__).resolve().parent


def collect() -> dict[str, str]:
    """source string → 'file:line' of its first use."""
    out: dict[str, str] = {}
    for path in sorted(UI_DIR.rglob("*.py")):  # screens split in packages too
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "N_")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                where = path.relative_to(UI_DIR).as_posix()
                out.setdefault(node.args[0].value, f"{where}:{node.lineno}")
    return out


def collect_errors() -> dict[str, str]:
    """The core's message templates → their code (shown as the message's comment)."""
    out: dict[str, str] = {}
    for code, template in MESSAGES.items():
        if re.sub(r"\{\w+\}", "", template).strip():  # not a bare "{text}"
            out.setdefault(template, code)
    return out


def read_ts(path: Path, context: str = CONTEXT) -> dict[str, str]:
    """source → translation of ``context``'s finished messages."""
    if not path.exists():
        return {}
    done: dict[str, str] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        if (ctx.findtext("name") or "") != context:
            continue
        for msg in ctx.iter("message"):
            src = msg.findtext("source") or ""
            tr = msg.find("translation")
            if tr is not None and tr.text and tr.get("type") not in ("unfinished", "obsolete"):
                done[src] = tr.text
    return done


def write_ts(path: Path, language: str, strings: dict[str, str], done: dict[str, str],
             errors: dict[str, str] | None = None,
             errors_done: dict[str, str] | None = None) -> int:
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    missing = _context(root, CONTEXT, language, strings, done, located=True)
    if errors:
        missing += _context(root, ERRORS, language, errors, errors_done or {}, located=False)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")
    return missing


def _context(root: ET.Element, name: str, language: str, strings: dict[str, str],
             done: dict[str, str], located: bool) -> int:
    ctx = ET.SubElement(root, "context")
    ET.SubElement(ctx, "name").text = name
    missing = 0
    for src, where in sorted(strings.items(), key=lambda kv: kv[1]):
        msg = ET.SubElement(ctx, "message")
        if located:
            file, line = where.split(":")
            ET.SubElement(msg, "location", filename=f"../{file}", line=line)
        ET.SubElement(msg, "source").text = src
        if not located:
            ET.SubElement(msg, "extracomment").text = where
        tr = ET.SubElement(msg, "translation")
        if language == "en":
            tr.text = src
        elif src in done:
            tr.text = done[src]
        else:
            tr.set("type", "unfinished")
            missing += 1
    for src in sorted(set(done) - set(strings)):
        msg = ET.SubElement(ctx, "message")
        ET.SubElement(msg, "source").text = src
        ET.SubElement(msg, "translation", type="obsolete").text = done[src]
    return missing


def lrelease() -> str:
    here = Path(sys.executable).parent / "pyside6-lrelease"
    found = str(here) if here.exists() else shutil.which("pyside6-lrelease")
    if not found:
        raise SystemExit("pyside6-lrelease not found: install PySide6-Essentials")
    return found


def main() -> int:
    strings = collect()
    errors = collect_errors()
    status = 0
    for lang in LANGUAGES:
        ts = I18N_DIR / f"pos_{lang}.ts"
        missing = write_ts(ts, lang, strings, read_ts(ts), errors, read_ts(ts, ERRORS))
        if missing:
            print(f"{ts.name}: {missing} string(s) still to translate", file=sys.stderr)
            status = 1
        subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=True)
    print(f"{len(strings)} strings; compiled {', '.join(LANGUAGES)}", file=sys.stderr)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
