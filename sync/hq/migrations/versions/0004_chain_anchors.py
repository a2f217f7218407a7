"""the chain heads each terminal proved and HQ acknowledged at every sync

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 10:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

BIGID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        'hq_anchors',
        sa.Column('id', BIGID, autoincrement=True, nullable=False),
        sa.Column('terminal_key', sa.String(length=90), nullable=False),
        sa.Column('at', sa.String(length=32), nullable=False),
        sa.Column('event_seq', sa.BigInteger(), nullable=False),
        sa.Column('event_hash', sa.String(length=64), nullable=False),
        sa.Column('audit_id', sa.BigInteger(), nullable=False),
        sa.Column('audit_hash', sa.String(length=64), nullable=False),
        sa.Column('key_id', sa.String(length=32), nullable=False),
        sa.Column('epoch', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_hq_anchors_terminal_key', 'hq_anchors', ['terminal_key'])


def downgrade() -> None:
    op.drop_index('ix_hq_anchors_terminal_key', table_name='hq_anchors')
    op.drop_table('hq_anchors')
