"""Monthly partitions of HQ's growing fact tables on PostgreSQL (docs/scaling.md).

``hq_store_days`` and ``hq_member_days`` (the figures per store and day and per member
and day that the apply keeps) are partitioned by month of their ``day`` with
PostgreSQL's native range partitioning. The partitions live in a schema of their own
(``<HQ's schema>_part``, e.g. ``public_part``), named ``<table>_YYYYMM``, beside a
``<table>_default`` partition that catches a day no month partition covers yet. HQ
creates the partitions ahead (:func:`ensure`: this month and ``AHEAD`` more, at
``pos hq serve`` and with the nightly ``pos hq refresh-figures``); an old month is
detached for archive (:func:`detach`, ``pos hq partitions --detach YYYY-MM``): its
table stays, outside the figures, to be dumped and dropped. SQLite HQs (one store, a
demo) keep plain tables.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, text

TABLES = ("hq_store_days", "hq_member_days")
KEY = "day"  # 'YYYY-MM-DD'
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
    old = f"{table}__plain"
    conn.execute(text(f"ALTER TABLE {table} RENAME TO {old}"))
    conn.execute(text(f"ALTER TABLE {old} RENAME CONSTRAINT {table}_pkey TO {old}_pkey"))
    for name, _ in indexes:
        conn.execute(text(f"ALTER INDEX {name} RENAME TO {name}__plain"))
    conn.execute(text(f"CREATE TABLE {table} (LIKE {old} INCLUDING DEFAULTS) "
                      f"PARTITION BY RANGE ({KEY})"))
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
    conn.execute(text(f"ALTER TABLE {table} ADD PRIMARY KEY "
                      f"({'store, day' if table == 'hq_store_days' else 'member, day, store'})"))
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
    ``_part`` schema, to be dumped and dropped)."""
    schema = part_schema(conn)
    out = []
    for table in TABLES:
        name = f"{table}_{month.replace('-', '')}"
        if month in partitions(conn, table):
            conn.execute(text(f'ALTER TABLE {table} DETACH PARTITION "{schema}".{name}'))
            out.append(f"{schema}.{name}")
    return out


def status(conn: Connection) -> dict[str, Any]:
    if conn.dialect.name != "postgresql":
        return {"partitioned": False}
    return {"partitioned": True, "tables": {
        t: partitions(conn, t) for t in TABLES if is_partitioned(conn, t)}}
