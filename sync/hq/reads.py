"""Where HQ's reports read from: a streaming replica when one is configured and keeping
up (``read_database`` in hq.toml), else the primary; every report says which, and how
fresh its figures are.

Replication is asynchronous: the primary's commits never wait for the replica. A replica
that has replayed everything it received is current (its lag is 0 even if the primary
has been idle); one that is behind is used while its lag stays within
``read_max_lag_s`` (the report shows the time it is current to); one further behind,
unreachable, or not a replica at all is passed over for the primary, and the report
says why. A replica's connection attempt is bounded (``connect_timeout``) so a dead
replica delays a report by seconds at most, never a write."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from sync.hq.db import make_engine, sessions

REPLICA_CONNECT_TIMEOUT_S = 2

_LAG_SQL = text(
    "SELECT pg_is_in_recovery(), "
    "pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn(), "
    "pg_last_xact_replay_timestamp(), now()"
)


@dataclass
class Freshness:
    """Where a report's figures come from and how current they are."""

    source: str  # replica | primary
    as_of: str  # the time the figures are current to (ISO, UTC)
    lag_s: float  # how far behind the primary (0 on the primary)
    note: str | None = None  # why the primary was used although a replica is configured

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def header(self) -> str:
        """For an HTTP header (CSV answers have no room for it in the body)."""
        extra = f"; note={self.note}" if self.note else ""
        return f"source={self.source}; as_of={self.as_of}; lag_s={self.lag_s:.1f}{extra}"


def replica_engine(url: str) -> Engine:
    if url.startswith("postgresql"):
        sep = "&" if "?" in url else "?"
        url = f"{url}{sep}connect_timeout={REPLICA_CONNECT_TIMEOUT_S}"
    return make_engine(url)


class Reads:
    """Sessions for reports: the replica's when it is fit, else the primary's."""

    def __init__(self, primary: Engine, replica: Engine | None, max_lag_s: float) -> None:
        self.primary = primary
        self.replica = replica
        self.max_lag_s = max_lag_s

    @classmethod
    def of(cls, primary: Engine, read_url: str | None, max_lag_s: float) -> Reads:
        return cls(primary, replica_engine(read_url) if read_url else None, max_lag_s)

    def dispose(self) -> None:
        if self.replica is not None:
            self.replica.dispose()

    @contextmanager
    def session(self, on_primary: Session | None = None) -> Iterator[tuple[Session, Freshness]]:
        """A session to read from and the freshness of what it reads; ``on_primary``:
        the caller's own session, used when the primary is read (on SQLite, whose
        transactions take the write lock, a second one would wait for the first)."""
        note = None
        if self.replica is not None:
            s = sessions(self.replica)()
            try:
                fresh = self._replica_freshness(s)
            except OperationalError:  # refused, timed out, shutting down
                fresh = "replica unreachable"
            if isinstance(fresh, Freshness):
                try:
                    yield s, fresh
                finally:
                    s.close()
                return
            s.close()
            note = fresh
        if on_primary is not None:
            yield on_primary, Freshness("primary", _now(), 0.0, note)
            return
        with sessions(self.primary)() as s:
            yield s, Freshness("primary", _now(), 0.0, note)

    def _replica_freshness(self, s: Session) -> Freshness | str:
        """The replica's freshness, or why it is not used (a note)."""
        if self.replica is not None and self.replica.dialect.name != "postgresql":
            return Freshness("replica", _now(), 0.0)
        in_recovery, caught_up, replayed, now = s.execute(_LAG_SQL).one()
        if not in_recovery:
            return "read database is not a replica"
        if caught_up or replayed is None:
            return Freshness("replica", now.astimezone(UTC).isoformat(), 0.0)
        lag = max(0.0, (now - replayed).total_seconds())
        if lag > self.max_lag_s:
            return f"replica {lag:.0f} s behind"
        return Freshness("replica", replayed.astimezone(UTC).isoformat(), round(lag, 1))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
