"""Logs: JSON lines, rotated by size, with personal data masked before anything is written.

One record per line, e.g.::

    {"ts": "2026-11-23T12:00:00.123+00:00", "level": "INFO", "logger": "pos.cli",
     "msg": "command done", "event": "command", "command": "sale", "exit": 0, "ms": 84}

:class:`PiiFilter` runs on every record of every handler installed here and rewrites
its message and extra fields: mainland mobile numbers (11 digits starting 1[3-9]),
resident ID numbers (18 characters), and anything that looks like card track data
(track 1 ``%B...^...^...?``, track 2/3 ``;digits=digits?``) are replaced before the line
is formatted; so are lone 7-12 digit numbers starting with 1 (mistyped phones) and long
card-like digit runs (kept as first four and last four). A test greps the files after a demo day.
"""

from __future__ import annotations

import json
import logging
import logging.handlers
import os
import re
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

LOG_FILE = "pos.log"

# Track data first (it contains digit runs the other patterns would half-mask).
_TRACK1 = re.compile(r"%[A-Z]?[0-9]{6,19}\^[^?\n]{0,80}\?.?|%B[^?\n]{0,100}\??")
_TRACK2 = re.compile(r";?[0-9]{6,19}=[0-9]{0,40}\??")
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])[1-9][0-9]{5}(?:18|19|20)[0-9]{9}[0-9Xx](?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9])(?:\+?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9])")
# What may be a mistyped mobile number (7-12 digits starting with 1, standing alone).
_PHONEISH = re.compile(r"(?<![0-9A-Za-z])1[0-9]{6,11}(?![0-9])")
# Long digit runs that are not ours to log (bank card numbers, PANs): keep 4 + 4.
_PAN = re.compile(r"(?<![0-9])([0-9]{4})[0-9]{5,11}([0-9]{4})(?![0-9])")

_STD_ATTRS = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


def mask_text(text: str) -> str:
    """Mask every mobile number, ID number, track and card-like number in ``text``."""
    text = _TRACK1.sub("[track data]", text)
    text = _TRACK2.sub("[track data]", text)
    text = _ID_NUMBER.sub("[id number]", text)
    text = _MOBILE.sub("[phone]", text)
    text = _PHONEISH.sub("[number]", text)
    return _PAN.sub(lambda m: f"{m.group(1)}****{m.group(2)}", text)


def _mask_value(value: Any) -> Any:
    if isinstance(value, str):
        return mask_text(value)
    if isinstance(value, dict):
        return {k: _mask_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_mask_value(v) for v in value]
    if isinstance(value, int | float | bool) or value is None:
        return value
    return mask_text(str(value))


class PiiFilter(logging.Filter):
    """Masks personal data in the message, its arguments, extra fields and tracebacks."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            msg = record.getMessage()
        except Exception:  # a bad format string must not lose the record
            msg = f"{record.msg!r} {record.args!r}"
        record.msg = mask_text(msg)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_text(record.exc_text)
        record.exc_info = None
        if record.stack_info:
            record.stack_info = mask_text(record.stack_info)
        for key in [k for k in vars(record) if k not in _STD_ATTRS]:
            setattr(record, key, _mask_value(getattr(record, key)))
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
            "pid": record.process,
        }
        for key, value in vars(record).items():
            if key not in _STD_ATTRS and key not in out:
                out[key] = value
        if record.exc_text:
            out["exc"] = record.exc_text
        return json.dumps(out, ensure_ascii=False, default=str)


class _Handler(logging.handlers.RotatingFileHandler):
    """Makes its folder on first write (a command that logs nothing leaves nothing). With
    ``only_in``, records are written only once that folder exists: the default log folder
    is inside the data folder, and a command refused before the data folder was made
    (``pos init`` with bad input) must leave nothing behind."""

    only_in: Path | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.only_in is not None and not self.only_in.is_dir():
            return
        super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:
        """A log that cannot be written (disk full, read-only folder) is skipped quietly:
        the command says its own one-line reason, never a logging traceback."""

    def _open(self):  # type: ignore[no-untyped-def,unused-ignore]
        Path(self.baseFilename).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        stream = super()._open()
        try:
            os.chmod(self.baseFilename, 0o600)  # the log is closed to other users
        except PermissionError:
            pass  # another user's log file: `pos config check` names it
        return stream

    # Several processes write the same file (the app, the backup timer, a technician's
    # commands): each follows a rotation another one did, and rotates under a lock only
    # if the file is still too big, so no process rotates a fresh file away.

    def shouldRollover(self, record: logging.LogRecord) -> bool:
        if self.stream is not None:
            try:
                same = os.stat(self.baseFilename).st_ino == os.fstat(self.stream.fileno()).st_ino
            except OSError:
                same = False
            if not same:
                self.stream.close()
                self.stream = self._open()
        return bool(super().shouldRollover(record))

    def doRollover(self) -> None:
        import fcntl

        base = Path(self.baseFilename)
        with open(base.with_name(f".{base.name}.lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                rotated = self.stream is not None and (
                    os.stat(self.baseFilename).st_ino != os.fstat(self.stream.fileno()).st_ino
                )
            except OSError:
                rotated = True
            if rotated:  # another process has just rotated it: write to the new file
                if self.stream is not None:
                    self.stream.close()
                self.stream = self._open()
                return
            super().doRollover()


@dataclass(frozen=True)
class LogSettings:
    dir: Path
    level: str = "INFO"
    max_bytes: int = 5_000_000
    backup_count: int = 10
    stderr: bool = False
    only_in: Path | None = None  # write only once this folder exists (the data folder)


_installed: list[logging.Handler] = []
_current: LogSettings | None = None


def setup(settings: LogSettings) -> Path:
    """Install the rotating JSON file handler (and a JSON stderr handler for systemd's
    journal if asked) on the root logger. Calling again with other settings replaces
    them; with the same settings it does nothing."""
    global _current
    path = settings.dir / LOG_FILE
    if _current == settings and _installed:
        return path
    teardown()
    root = logging.getLogger()
    # python-escpos calls logging.basicConfig() when imported: its plain stderr handler
    # would print every INFO record (and personal data, unmasked) on the command line.
    for h in list(root.handlers):
        if (
            type(h) is logging.StreamHandler
            and h.formatter is not None
            and h.formatter._fmt == logging.BASIC_FORMAT
        ):
            root.removeHandler(h)
    mask = PiiFilter()
    fmt = JsonFormatter()
    fh = _Handler(
        path,
        maxBytes=settings.max_bytes,
        backupCount=settings.backup_count,
        encoding="utf-8",
        delay=True,
    )
    fh.only_in = settings.only_in
    handlers: list[logging.Handler] = [fh]
    if _foreign_dir_for_root(settings.dir):
        # root (a technician's "pos config check") must not create or rotate the
        # service user's log files: it would lock the terminal out of them
        fh.close()
        handlers = []
    if settings.stderr or os.environ.get("POS_LOG_STDERR") == "1":
        handlers.append(logging.StreamHandler(sys.stderr))
    for h in handlers:
        h.addFilter(mask)
        h.setFormatter(fmt)
        root.addHandler(h)
        _installed.append(h)
    root.setLevel(getattr(logging, settings.level.upper(), logging.INFO))
    _current = settings
    return path


def _foreign_dir_for_root(path: Path) -> bool:
    if os.geteuid() != 0:
        return False
    try:
        return path.stat().st_uid != 0
    except OSError:
        return False


def teardown() -> None:
    global _current
    root = logging.getLogger()
    for h in _installed:
        root.removeHandler(h)
        h.close()
    _installed.clear()
    _current = None
