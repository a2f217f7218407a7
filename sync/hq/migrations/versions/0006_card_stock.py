"""the chain's card stock: every card finance made, the store it is registered to, its
status

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 13:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'hq_card_stock',
        sa.Column('card_no', sa.String(length=32), nullable=False),
        sa.Column('batch_no', sa.String(length=40), nullable=False),
        sa.Column('product', sa.String(length=40), nullable=False),
        sa.Column('media', sa.String(length=12), nullable=False),
        sa.Column('store', sa.String(length=40), nullable=False),
        sa.Column('status', sa.String(length=12), nullable=False),
        sa.Column('updated_at', sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint('card_no'),
    )
    op.create_index('ix_hq_card_stock_batch_no', 'hq_card_stock', ['batch_no'])
    op.create_index('ix_hq_card_stock_store', 'hq_card_stock', ['store'])


def downgrade() -> None:
    op.drop_index('ix_hq_card_stock_store', table_name='hq_card_stock')
    op.drop_index('ix_hq_card_stock_batch_no', table_name='hq_card_stock')
    op.drop_table('hq_card_stock')
