"""HQ's events, ledger entries and reported sales partitioned by month (PostgreSQL;
SQLite keeps plain tables): event ids kept once in hq_event_ids, each entry's posting
day, what detached months carried forward (sync/hq/partitions.py)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 12:50:00
"""
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

from sync.hq import partitions

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

BIGID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    conn = op.get_bind()
    op.create_table(
        'hq_event_ids',
        sa.Column('event_id', sa.String(length=36), nullable=False),
        sa.Column('terminal_key', sa.String(length=90), nullable=False),
        sa.Column('seq', sa.BigInteger(), nullable=False),
        sa.Column('received_at', sa.String(length=32), nullable=False),
        sa.Column('content_hash', sa.String(length=64), nullable=False),
        sa.Column('status', sa.String(length=12), nullable=False),
        sa.PrimaryKeyConstraint('event_id'),
        sa.UniqueConstraint('terminal_key', 'seq', name='uq_hq_event_ids_terminal_seq'),
    )
    conn.execute(text(
        "INSERT INTO hq_event_ids (event_id, terminal_key, seq, received_at, content_hash, "
        "status) SELECT event_id, terminal_key, seq, received_at, content_hash, status "
        "FROM hq_events"))
    # (terminal, seq) stays unique in hq_event_ids; on the events it is an index
    with op.batch_alter_table('hq_events') as b:
        b.drop_constraint('uq_hq_events_terminal_seq', type_='unique')
        b.create_index('ix_hq_events_terminal_seq', ['terminal_key', 'seq'])

    with op.batch_alter_table('hq_entries') as b:
        b.add_column(sa.Column('posted_on', sa.String(length=10), nullable=True))
    # the day HQ received the entry's event, or decided its back-office adjustment
    conn.execute(text(
        "UPDATE hq_entries SET posted_on = COALESCE("
        "(SELECT substr(ev.received_at, 1, 10) FROM hq_events ev "
        " WHERE ev.event_id = hq_entries.event_id), "
        "(SELECT substr(a.decided_at, 1, 10) FROM hq_adjustments a "
        " WHERE a.id = hq_entries.event_id), :today)"),
        {"today": datetime.now(UTC).date().isoformat()})
    with op.batch_alter_table('hq_entries') as b:
        b.alter_column('posted_on', existing_type=sa.String(length=10), nullable=False)

    op.create_table(
        'hq_carried',
        sa.Column('id', BIGID, autoincrement=True, nullable=False),
        sa.Column('month', sa.String(length=7), nullable=False),
        sa.Column('terminal_key', sa.String(length=90), nullable=True),
        sa.Column('account', sa.String(length=120), nullable=False),
        sa.Column('unit', sa.String(length=3), nullable=False),
        sa.Column('amount', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_hq_carried_month', 'hq_carried', ['month'])
    op.create_index('ix_hq_carried_terminal_key', 'hq_carried', ['terminal_key'])
    op.create_index('ix_hq_carried_account', 'hq_carried', ['account'])

    if conn.dialect.name == "postgresql":
        months = partitions.span(conn, partitions.LEDGER_TABLES)
        for table in partitions.LEDGER_TABLES:
            partitions.partition(conn, table, months)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.scalar(text("SELECT count(*) FROM hq_carried")):
        raise RuntimeError("ledger months were detached for archive (hq_carried has rows): "
                           "attach them again before going below revision 0009")
    if conn.dialect.name == "postgresql":
        for table in partitions.LEDGER_TABLES:
            partitions.unpartition(conn, table)
    op.drop_index('ix_hq_carried_account', table_name='hq_carried')
    op.drop_index('ix_hq_carried_terminal_key', table_name='hq_carried')
    op.drop_index('ix_hq_carried_month', table_name='hq_carried')
    op.drop_table('hq_carried')
    with op.batch_alter_table('hq_entries') as b:
        b.drop_column('posted_on')
    with op.batch_alter_table('hq_events') as b:
        b.drop_index('ix_hq_events_terminal_seq')
        b.create_unique_constraint('uq_hq_events_terminal_seq', ['terminal_key', 'seq'])
    op.drop_table('hq_event_ids')
