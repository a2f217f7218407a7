"""each store's gift stock, members' entitlements and their uses, and who a sale is
credited to (staff performance)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 13:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'hq_gift_stock',
        sa.Column('store', sa.String(length=40), nullable=False),
        sa.Column('gift', sa.String(length=40), nullable=False),
        sa.Column('franchisee', sa.String(length=40), nullable=False),
        sa.Column('on_hand', sa.BigInteger(), nullable=False),
        sa.Column('given', sa.BigInteger(), nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint('store', 'gift'),
    )
    op.create_table(
        'hq_entitlements',
        sa.Column('uid', sa.String(length=36), nullable=False),
        sa.Column('member_uid', sa.String(length=36), nullable=False),
        sa.Column('data', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('uid'),
    )
    op.create_index('ix_hq_entitlements_member_uid', 'hq_entitlements', ['member_uid'])
    op.create_table(
        'hq_entitlement_uses',
        sa.Column('use_uid', sa.String(length=36), nullable=False),
        sa.Column('member_uid', sa.String(length=36), nullable=False),
        sa.Column('event_id', sa.String(length=36), nullable=False),
        sa.Column('data', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('use_uid'),
    )
    op.create_index('ix_hq_entitlement_uses_member_uid', 'hq_entitlement_uses',
                    ['member_uid'])
    for col in (sa.Column('cashier', sa.String(length=20), nullable=True),
                sa.Column('credited_staff', sa.String(length=20), nullable=True),
                sa.Column('membership_offered', sa.Boolean(), nullable=True)):
        op.add_column('hq_sales', col)


def downgrade() -> None:
    with op.batch_alter_table('hq_sales') as batch_op:
        for name in ('membership_offered', 'credited_staff', 'cashier'):
            batch_op.drop_column(name)
    op.drop_index('ix_hq_entitlement_uses_member_uid', table_name='hq_entitlement_uses')
    op.drop_table('hq_entitlement_uses')
    op.drop_index('ix_hq_entitlements_member_uid', table_name='hq_entitlements')
    op.drop_table('hq_entitlements')
    op.drop_table('hq_gift_stock')
