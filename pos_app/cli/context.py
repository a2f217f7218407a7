"""What every ``pos`` command runs with, set up once the command line is parsed: the
terminal's config file (``pos_app.config``), the data folder (``--data-dir``, else
``$POS_DATA_DIR``, else the config file's ``data_dir``, else the user data folder), the
JSON log (``pos_app.logging_setup``) with one ``command`` record per run, and the
terminal's ledger for the commands that work on it."""

from __future__ import annotations

import argparse
import errno
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pos_app import config as configmod
from pos_app import logging_setup
from pos_app.cli import collector
from pos_app.cli.errors import refuse
from pos_app.cli.language import chosen, use
from pos_app.core.errors import PosError
from pos_app.core.money import MoneyError
from pos_app.core.program import ProgramError

log = logging.getLogger("pos.cli")

LONG_RUNNING = {"app", "hq serve", "sync"}  # their start is logged too


def default_data_dir() -> Path:
    env = os.environ.get("POS_DATA_DIR")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("store-pos", "store-pos"))


def load_config(explicit: str | None) -> configmod.TerminalConfig | None:
    """The terminal's config file (``explicit``, else the first found), or None."""
    path = configmod.find(explicit)
    if path is None:
        return None
    return configmod.load(path)  # a ConfigError (a PosError) names file, line and key


def run(args: argparse.Namespace) -> int:
    """Run the parsed command: bad input and refused business rules exit 2 with one line."""
    try:
        use(chosen(getattr(args, "language", None)))  # the output's language
        prepare(args)
        if args.data_dir is None:
            args.data_dir = default_data_dir()
        if not getattr(args, "needs_terminal", True):
            collector.resume()  # paused for start-up by pos_app.cli.entry.main
            return int(args.func(args))
        # the ledger's modules (SQLAlchemy, the models) only for commands on the ledger
        from pos_app.core.terminal import Terminal

        t = Terminal.open(args.data_dir)
        collector.resume()  # paused for start-up (imports, mapping) by pos_app.cli.entry.main
        try:
            return int(args.func(args, t))
        finally:
            t.close()
    except (PosError, ProgramError, MoneyError) as e:
        return refuse(e, args)
    except Exception as e:
        problem = storage_problem(e, Path(args.data_dir) if args.data_dir else None)
        if problem is None:
            raise
        return refuse(problem, args)


# what SQLite says when the disk, the folder or another process stops a write
_SQLITE_CODES = {
    "database or disk is full": "storage.disk_full",
    "attempt to write a readonly database": "storage.read_only",
    "database is locked": "storage.locked",
    "unable to open database file": "storage.cannot_open",
    "disk i/o error": "storage.io_error",
}
_OS_CODES = {errno.ENOSPC: "storage.disk_full", errno.EDQUOT: "storage.disk_full",
             errno.EROFS: "storage.read_only"}
FULL_BELOW = 256 * 1024  # free bytes under which a failed write is put down to a full disk


def storage_problem(e: BaseException, data_dir: Path | None = None) -> PosError | None:
    """A one-line, coded reason when ``e`` is the disk or the database refusing a write
    (disk full, read-only folder, locked ledger); None for anything else. The
    transaction was rolled back whole, so nothing was half written. SQLite often says
    only "disk I/O error" or "unable to open" when the disk is full or the folder
    read-only: the data folder's file system is asked which it is."""
    code = _storage_code(e)
    if code is None:
        return None
    folder = str(data_dir) if data_dir is not None else "?"
    if data_dir is not None and code != "storage.locked":
        code = _folder_state(data_dir) or code
    if code == "storage.locked":
        # only for this refusal: the light commands start without SQLAlchemy
        from pos_app.core.db import busy_timeout_ms

        return PosError(code, seconds=busy_timeout_ms() // 1000)
    if code == "storage.cannot_write":
        return PosError(code, file=_os_error(e))
    return PosError(code, folder=folder)


def _storage_code(e: BaseException) -> str | None:
    seen: BaseException | None = e
    for _ in range(10):  # the exception, what it wraps, what it was raised from
        if seen is None:
            break
        if isinstance(seen, OSError) and seen.errno in (*_OS_CODES, errno.EACCES,
                                                         errno.EPERM, errno.EFBIG):
            return _OS_CODES.get(seen.errno or 0, "storage.cannot_write")
        text = str(seen).lower()
        for needle, code in _SQLITE_CODES.items():
            if needle in text and type(seen).__name__ == "OperationalError":
                return code
        seen = getattr(seen, "orig", None) or seen.__cause__ or seen.__context__
    return None


def _os_error(e: BaseException) -> str:
    seen: BaseException | None = e
    while seen is not None and not isinstance(seen, OSError):
        seen = seen.__cause__ or seen.__context__
    if seen is None:
        return ""
    return f"{seen.filename or ''} ({os.strerror(seen.errno or 0)})".strip()


def _folder_state(data_dir: Path) -> str | None:
    """storage.read_only or storage.disk_full when the data folder's file system is so."""
    try:
        st = os.statvfs(data_dir)
    except OSError:
        return None
    if st.f_flag & os.ST_RDONLY or not os.access(data_dir, os.W_OK):
        return "storage.read_only"
    if st.f_bavail * st.f_frsize < FULL_BELOW:
        return "storage.disk_full"
    return None


def prepare(args: argparse.Namespace) -> None:
    """Before a command runs: the config file's data folder (when neither --data-dir nor
    $POS_DATA_DIR is given) and the log. A broken config file stops every command except
    ``config check`` (which explains it)."""
    parts = [getattr(args, k, None) for k in ("cmd", "sub", "hq_cmd", "sync_cmd")]
    cmd = " ".join(str(x) for x in parts if x)
    cfg = None
    if cmd.startswith("hq"):
        # HQ's commands do not depend on a terminal's config; use it for the log if it is good
        try:
            cfg = load_config(None)
        except PosError:
            cfg = None
    elif cmd != "config check":
        cfg = load_config(None)
    args.terminal_config = cfg  # the app reads its [counter] settings from it
    if args.data_dir is None and not os.environ.get("POS_DATA_DIR") and cfg and cfg.data_dir:
        args.data_dir = cfg.data_dir
    data_dir = default_data_dir() if args.data_dir is None else Path(args.data_dir)
    _refuse_root_on_a_users_folder(data_dir, cmd)
    logging_setup.setup(configmod.log_settings(cfg, data_dir))
    func = getattr(args, "func", None)
    if func is not None:
        args.func = _logged(func, cmd)


def _refuse_root_on_a_users_folder(data_dir: Path, cmd: str) -> None:
    """root must not write into the service user's data folder: files it makes there
    (the WAL, backups, logs) would lock the terminal out of its own ledger."""
    if os.geteuid() != 0 or cmd == "config check":
        return
    try:
        owner = data_dir.stat().st_uid
    except OSError:
        return
    if owner != 0:
        import pwd

        try:
            name = pwd.getpwuid(owner).pw_name
        except KeyError:
            name = str(owner)
        raise PosError("terminal.root_on_users_folder", folder=data_dir, user=name)


def _logged(func: Callable[..., int], cmd: str) -> Callable[..., int]:
    def run(*a: Any) -> int:
        started = time.perf_counter()
        if cmd in LONG_RUNNING:
            log.info("command started", extra={"event": "command_started", "command": cmd})
        code: int | None = None
        error = None
        try:
            code = int(func(*a))
            return code
        except Exception as e:
            error = f"{type(e).__name__}: {e}"
            raise
        finally:
            extra: dict[str, Any] = {
                "event": "command",
                "command": cmd,
                "exit": code,
                "ms": round((time.perf_counter() - started) * 1000),
            }
            if error:
                extra["error"] = " ".join(error.split())
            log.log(logging.INFO if code == 0 else logging.WARNING, "command done", extra=extra)

    return run
