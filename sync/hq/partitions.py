"""Monthly partitions of HQ's growing tables on PostgreSQL (docs/scaling.md).

Partitioned by month with PostgreSQL's native range partitioning, each on a column of
its own:

* the figures per store and day and per member and day (``hq_store_days``,
  ``hq_member_days``) by their ``day``;
* the events (``hq_events``) by the time HQ received them (``received_at``), the ledger
  entries (``hq_entries``) by the day HQ posted them (``posted_on``), the reported sales
  (``hq_sales``) and the settlement items between franchisees (``hq_settlement``) by
  their business date. A partitioned table's unique keys must hold
  its partition column, so their keys become (id, month column); an event id stays
  unique chain-wide through ``hq_event_ids`` (never partitioned), which the apply
  checks and writes first.

The partitions live in a schema of their own (``<HQ's schema>_part``, e.g.
``public_part``), named ``<table>_YYYYMM``, beside a ``<table>_default`` partition that
catches a value no month partition covers yet. HQ creates the partitions ahead
(:func:`ensure`: this month and ``AHEAD`` more, at ``pos hq serve`` and with the
nightly ``pos hq refresh-figures``); an old month is detached for archive
(:func:`detach`, ``pos hq partitions --detach YYYY-MM``): its tables stay, outside
HQ's figures and books, to be dumped and dropped; the month's ledger entries are
carried forward first as one entry per account, so the books still balance, and a
month whose settlement items still belong to a statement month not locked stays (its
dues are not settled yet). SQLite HQs (one store, a demo) keep plain tables.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, text

from pos_app.core.errors import PosError

# partitioned by migrations 0005, 0009 and 0010
FIGURE_TABLES = ("hq_store_days", "hq_member_days")
LEDGER_TABLES = ("hq_events", "hq_entries", "hq_sales")
SETTLEMENT_TABLES = ("hq_settlement",)
TABLES = FIGURE_TABLES + LEDGER_TABLES + SETTLEMENT_TABLES
# each table's partition column: an ISO date or time string ('YYYY-MM-DD...', UTC)
KEYS = {"hq_store_days": "day", "hq_member_days": "day", "hq_events": "received_at",
        "hq_entries": "posted_on", "hq_sales": "business_date",
        "hq_settlement": "business_date"}
# their primary keys as plain tables
PLAIN_KEYS = {"hq_store_days": "store, day", "hq_member_days": "member, day, store",
              "hq_events": "event_id", "hq_entries": "id", "hq_sales": "event_id",
              "hq_settlement": "id"}
AHEAD = 3


def _next(month: str) -> str:
    y, m = int(month[:4]), int(month[5:7])
    return f"{y + 1:04d}-01" if m == 12 else f"{y:04d}-{m + 1:02d}"


def months_from(first: str, last: str) -> list[str]:
    """'YYYY-MM' months from ``first`` to ``last`` inclusive."""
    out = []
    while first <= last:
        out.append(first)
        first = _next(first)
    return out


def months_ahead(month: str, n: int) -> list[str]:
    """``month`` and the ``n`` after it."""
    out = [month]
    for _ in range(n):
        out.append(_next(out[-1]))
    return out


def part_schema(conn: Connection) -> str:
    return f"{conn.scalar(text('SELECT current_schema()'))}_part"


def is_partitioned(conn: Connection, table: str) -> bool:
    return bool(conn.scalar(text(
        "SELECT count(*) FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid "
        "WHERE c.relname = :t AND c.relnamespace = current_schema()::regnamespace"),
        {"t": table}))


def partitions(conn: Connection, table: str) -> list[str]:
    """The months that have a partition of ``table`` attached."""
    rows = conn.execute(text(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
        "JOIN pg_class p ON p.oid = i.inhparent "
        "WHERE p.relname = :t AND p.relnamespace = current_schema()::regnamespace"),
        {"t": table}).scalars()
    return sorted(f"{r[-6:-2]}-{r[-2:]}" for r in rows if r[-6:].isdigit())


def _create(conn: Connection, schema: str, table: str, month: str) -> bool:
    name = f"{table}_{month.replace('-', '')}"
    if conn.scalar(text("SELECT to_regclass(:n)"), {"n": f'"{schema}".{name}'}) is not None:
        return False
    conn.execute(text(
        f'CREATE TABLE "{schema}".{name} PARTITION OF {table} '
        f"FOR VALUES FROM ('{month}-01') TO ('{_next(month)}-01')"))
    return True


def partition(conn: Connection, table: str, months: list[str]) -> None:
    """Turn plain ``table`` into one partitioned by month, every row kept: the same
    columns, primary key and index names, partitions for ``months`` and a default one.
    Refuses (raises) if the rows do not all arrive."""
    schema = part_schema(conn)
    conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    indexes = conn.execute(text(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = :t "
        "AND schemaname = current_schema() AND indexname <> :pk"),
        {"t": table, "pk": f"{table}_pkey"}).all()
    pk = conn.scalar(text(
        "SELECT string_agg(a.attname, ', ' ORDER BY array_position(i.indkey, a.attnum)) "
        "FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
        "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = CAST(:t AS regclass) "
        "AND i.indisprimary"), {"t": table})
    key = KEYS[table]
    if key not in [c.strip() for c in pk.split(",")]:
        pk = f"{pk}, {key}"  # a partitioned table's keys hold its partition column
    old = f"{table}__plain"
    conn.execute(text(f"ALTER TABLE {table} RENAME TO {old}"))
    conn.execute(text(f"ALTER TABLE {old} RENAME CONSTRAINT {table}_pkey TO {old}_pkey"))
    for name, _ in indexes:
        conn.execute(text(f"ALTER INDEX {name} RENAME TO {name}__plain"))
    conn.execute(text(f"CREATE TABLE {table} (LIKE {old} INCLUDING DEFAULTS) "
                      f"PARTITION BY RANGE ({key})"))
    _own_sequences(conn, old, table)
    conn.execute(text(f"ALTER TABLE {table} ADD CONSTRAINT {table}_pkey PRIMARY KEY ({pk})"))
    for _, ddl in indexes:  # read before the rename: they name the new table
        conn.execute(text(ddl))
    for month in months:
        _create(conn, schema, table, month)
    conn.execute(text(f'CREATE TABLE "{schema}".{table}_default PARTITION OF {table} DEFAULT'))
    conn.execute(text(f"INSERT INTO {table} SELECT * FROM {old}"))
    before = conn.scalar(text(f"SELECT count(*) FROM {old}"))
    after = conn.scalar(text(f"SELECT count(*) FROM {table}"))
    if before != after:  # pragma: no cover - the transaction is rolled back
        raise RuntimeError(f"{table}: {before} rows before partitioning, {after} after")
    conn.execute(text(f"DROP TABLE {old}"))


def _own_sequences(conn: Connection, old: str, new: str) -> None:
    """Serial columns' sequences move to the new table (dropping the old one would
    drop them)."""
    for (col,) in conn.execute(text(
            "SELECT column_name FROM information_schema.columns WHERE table_name = :t "
            "AND table_schema = current_schema() AND column_default LIKE 'nextval(%'"),
            {"t": old}).all():
        seq = conn.scalar(text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": old, "c": col})
        if seq:
            conn.execute(text(f"ALTER SEQUENCE {seq} OWNED BY {new}.{col}"))


def unpartition(conn: Connection, table: str) -> None:
    """Back to a plain table (the migration's downgrade), every attached row kept."""
    schema = part_schema(conn)
    indexes = conn.execute(text(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = :t "
        "AND schemaname = current_schema() AND indexname <> :pk"),
        {"t": table, "pk": f"{table}_pkey"}).all()
    old = f"{table}__parts"
    conn.execute(text(f"ALTER TABLE {table} RENAME TO {old}"))
    conn.execute(text(f"ALTER TABLE {old} RENAME CONSTRAINT {table}_pkey TO {old}_pkey"))
    for name, _ in indexes:
        conn.execute(text(f"ALTER INDEX {name} RENAME TO {name}__parts"))
    conn.execute(text(f"CREATE TABLE {table} (LIKE {old} INCLUDING DEFAULTS INCLUDING "
                      "CONSTRAINTS)"))
    _own_sequences(conn, old, table)
    conn.execute(text(f"ALTER TABLE {table} ADD PRIMARY KEY ({PLAIN_KEYS[table]})"))
    for _, ddl in indexes:  # read before the rename: they name the new table
        conn.execute(text(ddl.replace(" ON ONLY ", " ON ")))
    conn.execute(text(f"INSERT INTO {table} SELECT * FROM {old}"))
    conn.execute(text(f"DROP TABLE {old} CASCADE"))  # with its partitions
    left = conn.scalar(text("SELECT count(*) FROM pg_class WHERE relnamespace = "
                            "(SELECT oid FROM pg_namespace WHERE nspname = :n)"), {"n": schema})
    if left == 0:  # detached months (archives not yet dropped) keep the schema
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}"'))


def this_month() -> str:
    return datetime.now(UTC).strftime("%Y-%m")


def ensure(conn: Connection, ahead: int = AHEAD, today: date | None = None) -> list[str]:
    """Create this month's partitions and ``ahead`` more where missing (PostgreSQL,
    partitioned tables only); returns the partitions made."""
    if conn.dialect.name != "postgresql":
        return []
    month = (today.isoformat()[:7] if today else this_month())
    want = months_ahead(month, ahead)
    schema = part_schema(conn)
    # several HQ processes start at once: one makes them, the others then find them
    conn.execute(text("SELECT pg_advisory_xact_lock(771003)"))
    made = []
    for table in TABLES:
        if not is_partitioned(conn, table):
            continue
        for m in want:
            if _create(conn, schema, table, m):
                made.append(f"{table}_{m.replace('-', '')}")
    return made


def detach(conn: Connection, month: str) -> list[str]:
    """Detach ``month``'s partitions for archive; returns their tables (in the
    ``_part`` schema, to be dumped and dropped). The month's ledger entries are first
    carried forward into ``hq_carried`` (per account, unit and the terminal whose events
    posted them), so every account's entries and carried sums still add up to its
    balance. Event ids stay in ``hq_event_ids``: an archived event sent again is still
    a duplicate. Refused (PosError ``hq.month_unsettled``, nothing detached) while any of
    the month's settlement items belongs to a statement month not locked."""
    schema = part_schema(conn)
    if month in partitions(conn, "hq_settlement"):
        open_items = conn.scalar(text(
            f'SELECT count(*) FROM "{schema}".hq_settlement_{month.replace("-", "")} i '
            "WHERE NOT EXISTS (SELECT 1 FROM hq_months m WHERE m.month = i.period)"))
        if open_items:
            raise PosError("hq.month_unsettled", month=month, items=open_items)
    out = []
    for table in TABLES:
        name = f"{table}_{month.replace('-', '')}"
        if month in partitions(conn, table):
            if table == "hq_entries":
                conn.execute(text(
                    "INSERT INTO hq_carried (month, terminal_key, account, unit, amount) "
                    "SELECT :m, i.terminal_key, e.account, e.unit, sum(e.amount) "
                    f'FROM "{schema}".{name} e '
                    "LEFT JOIN hq_event_ids i ON i.event_id = e.event_id "
                    "GROUP BY i.terminal_key, e.account, e.unit HAVING sum(e.amount) <> 0"),
                    {"m": month})
            conn.execute(text(f'ALTER TABLE {table} DETACH PARTITION "{schema}".{name}'))
            out.append(f"{schema}.{name}")
    return out


def span(conn: Connection, tables: tuple[str, ...]) -> list[str]:
    """The months from the oldest row of ``tables`` (or this month) to ``AHEAD``
    months from now."""
    first = min((conn.scalar(text(f"SELECT min({KEYS[t]}) FROM {t}")) or "9999")
                for t in tables)
    now = this_month()
    start = first[:7] if first < now else now
    return months_from(start, months_ahead(now, AHEAD)[-1])


def status(conn: Connection) -> dict[str, Any]:
    if conn.dialect.name != "postgresql":
        return {"partitioned": False}
    return {"partitioned": True, "tables": {
        t: partitions(conn, t) for t in TABLES if is_partitioned(conn, t)}}
