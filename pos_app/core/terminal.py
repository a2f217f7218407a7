"""The terminal: one data folder holding the ledger file, the program and the keys.

``Terminal.init`` makes a data folder; ``Terminal.open`` opens one. Everything the
screens and the command line do goes through the services reached from here, each in
one database transaction (``with terminal.tx() as s``).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from pos_app.core import sealing
from pos_app.core.data_folder import DB_FILE, KEY_FILE, PROGRAM_FILE, close_to_others
from pos_app.core.db import make_engine, migrate, session_factory
from pos_app.core.errors import PosError
from pos_app.core.ledger import next_counter
from pos_app.core.models import TerminalInfo
from pos_app.core.pii import PiiVault
from pos_app.core.program import Program, load_program

_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,39}$")


@dataclass(frozen=True)
class Identity:
    franchisee: str
    store: str
    terminal: str
    card_block: int


class Terminal:
    def __init__(
        self,
        data_dir: Path,
        program: Program,
        engine: Engine,
        vault: PiiVault,
        clock: Callable[[], datetime] | None = None,
        unsealed: bool = False,
    ) -> None:
        self.data_dir = data_dir
        self.program = program
        self.engine = engine
        self.vault = vault
        self._sessions = session_factory(engine)
        self._read_engine = make_engine(Path(str(engine.url.database)), writer=False)
        self._read_sessions = session_factory(self._read_engine)
        self._clock = clock
        close_to_others(data_dir)
        self.chain_key, made = sealing.load_key(data_dir)
        with self._sessions() as s:
            info = s.scalars(select(TerminalInfo)).first()
            if info is None:
                raise PosError("terminal.not_set_up", folder=data_dir)
            self.identity = Identity(info.franchisee, info.store, info.terminal, info.card_block)
        if made or unsealed:
            with self.tx() as s:
                sealing.seal_unsealed(s, self.chain_key)

    # --- opening -------------------------------------------------------------------------

    @classmethod
    def init(
        cls,
        data_dir: Path,
        *,
        store: str,
        terminal: str,
        franchisee: str,
        program_file: Path,
        card_block: int = 1,
        clock: Callable[[], datetime] | None = None,
    ) -> Terminal:
        """Make a new data folder. Everything is checked before anything is written."""
        for name, value in (("store", store), ("terminal", terminal), ("franchisee", franchisee)):
            if not _ID_RE.match(value):
                raise PosError("terminal.bad_identifier", name=name, value=value)
        if not 0 < card_block < 10000:
            raise PosError("terminal.bad_card_block", block=card_block)
        program = load_program(program_file)
        if (data_dir / DB_FILE).exists():
            raise PosError("terminal.already_set_up", folder=data_dir)
        created_dir = not data_dir.exists()
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
            PiiVault.create_key_file(data_dir / KEY_FILE)
            shutil.copyfile(program_file, data_dir / PROGRAM_FILE)
            engine = make_engine(data_dir / DB_FILE)
            migrate(engine)
            with session_factory(engine)() as s, s.begin():
                s.add(
                    TerminalInfo(
                        id=1,
                        franchisee=franchisee,
                        store=store,
                        terminal=terminal,
                        card_block=card_block,
                        created_at=program_now(program, clock),
                    )
                )
        except BaseException:
            # Leave nothing half made.
            for p in (
                data_dir / DB_FILE,
                data_dir / f"{DB_FILE}-wal",
                data_dir / f"{DB_FILE}-shm",
                data_dir / PROGRAM_FILE,
                data_dir / KEY_FILE,
                data_dir / sealing.CHAIN_KEY_FILE,
            ):
                p.unlink(missing_ok=True)
            if (data_dir / KEY_FILE).parent.exists():
                shutil.rmtree(data_dir / KEY_FILE.parent, ignore_errors=True)
            if created_dir:
                shutil.rmtree(data_dir, ignore_errors=True)
            raise
        return cls(data_dir, program, engine, PiiVault.from_key_file(data_dir / KEY_FILE), clock)

    @classmethod
    def open(cls, data_dir: Path, clock: Callable[[], datetime] | None = None) -> Terminal:
        if not (data_dir / DB_FILE).exists():
            raise PosError("terminal.no_ledger", folder=data_dir)
        program = load_program(data_dir / PROGRAM_FILE)
        engine = make_engine(data_dir / DB_FILE)
        migrated = migrate(engine)
        vault = PiiVault.from_key_file(data_dir / KEY_FILE)
        return cls(data_dir, program, engine, vault, clock, unsealed=migrated)

    def close(self) -> None:
        self.engine.dispose()
        self._read_engine.dispose()

    # --- time and transactions -----------------------------------------------------------

    def now(self) -> datetime:
        return program_now(self.program, self._clock)

    @contextmanager
    def tx(self) -> Iterator[Session]:
        """One write transaction (BEGIN IMMEDIATE): all of it is written, or none."""
        with self._sessions() as s, s.begin():
            s.info["chain_key"] = self.chain_key  # seals new events and audit rows
            s.info["now"] = self.now  # a card past its validity is refused at use
            yield s

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only look (deferred BEGIN): never waits behind a sale being written."""
        with self._read_sessions() as s:
            s.info["now"] = self.now  # a card past its validity is refused at use
            yield s

    def next_receipt_no(self, s: Session) -> str:
        """The next receipt number of this terminal (``S001-T01-000042``): one gapless
        sequence for sales, refunds, top-ups and slips, taken inside their transaction."""
        n = next_counter(s, "receipt")
        return f"{self.identity.store}-{self.identity.terminal}-{n:06d}"

    def info(self, s: Session) -> TerminalInfo:
        """The terminal's own row, read once per session (the session holds on to it)."""
        info = s.info.get("terminal_info")
        if info is None:
            info = s.info["terminal_info"] = s.get(TerminalInfo, 1)
        assert info is not None
        return info


def program_now(program: Program, clock: Callable[[], datetime] | None = None) -> datetime:
    if clock is not None:
        now = clock()
        if now.tzinfo is None:
            raise PosError("terminal.naive_clock")
        return now.astimezone(program.timezone)
    return datetime.now(program.timezone)
