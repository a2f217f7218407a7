"""HQ's settlement items partitioned by the month of their business date (PostgreSQL;
SQLite keeps a plain table) (sync/hq/partitions.py)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 17:40:00
"""
from alembic import op

from sync.hq import partitions

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

TABLES = partitions.SETTLEMENT_TABLES


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        months = partitions.span(conn, TABLES)
        for table in TABLES:
            partitions.partition(conn, table, months)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        for table in TABLES:
            partitions.unpartition(conn, table)
