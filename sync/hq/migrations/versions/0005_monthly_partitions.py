"""HQ's figures per store and day and per member and day partitioned by month
(PostgreSQL; SQLite keeps plain tables): sync/hq/partitions.py

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 10:40:00
"""
from alembic import op
from sqlalchemy import text

from sync.hq import partitions

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    first = min((conn.scalar(text(f"SELECT min(day) FROM {t}")) or "9999")
                for t in partitions.FIGURE_TABLES)
    now = partitions.this_month()
    start = first[:7] if first < now else now
    last = partitions.months_ahead(now, partitions.AHEAD)[-1]
    for table in partitions.FIGURE_TABLES:
        partitions.partition(conn, table, partitions.months_from(start, last))


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    for table in partitions.FIGURE_TABLES:
        partitions.unpartition(conn, table)
