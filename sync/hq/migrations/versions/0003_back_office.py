"""back office: users, sessions, audit, alert queue, fleet figures, daily figures,
statements, adjustments, scheduled publishing

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 04:00:00
"""
import json

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

BIGID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table('hq_terminals') as b:
        b.add_column(sa.Column('pending', sa.Integer(), nullable=True))
        b.add_column(sa.Column('offline_used_cents', sa.BigInteger(), nullable=True))
        b.add_column(sa.Column('version', sa.String(length=40), nullable=True))
        b.add_column(sa.Column('revoked_at', sa.String(length=32), nullable=True))
    with op.batch_alter_table('hq_alerts') as b:
        b.add_column(sa.Column('store', sa.String(length=40), nullable=True))
        b.add_column(sa.Column('franchisee', sa.String(length=40), nullable=True))
        b.add_column(sa.Column('amount_cents', sa.BigInteger(), nullable=True))
        b.add_column(sa.Column('status', sa.String(length=12), nullable=False,
                               server_default='open'))
        b.add_column(sa.Column('acked_by', sa.String(length=40), nullable=True))
        b.add_column(sa.Column('acked_at', sa.String(length=32), nullable=True))
        b.add_column(sa.Column('resolved_by', sa.String(length=40), nullable=True))
        b.add_column(sa.Column('resolved_at', sa.String(length=32), nullable=True))
        b.add_column(sa.Column('note', sa.Text(), nullable=True))
        b.create_index('ix_hq_alerts_store', ['store'])
        b.create_index('ix_hq_alerts_status', ['status'])
    # alerts raised before: their store and franchisee from the terminal
    op.execute("UPDATE hq_alerts SET store = (SELECT t.store FROM hq_terminals t "
               "WHERE t.key = hq_alerts.terminal_key), franchisee = (SELECT t.franchisee "
               "FROM hq_terminals t WHERE t.key = hq_alerts.terminal_key)")
    with op.batch_alter_table('hq_settlement') as b:
        b.add_column(sa.Column('period', sa.String(length=7), nullable=True))
        b.create_index('ix_hq_settlement_period', ['period'])
    op.execute("UPDATE hq_settlement SET period = substr(business_date, 1, 7)")
    op.create_table(
        'hq_users',
        sa.Column('login', sa.String(length=40), primary_key=True),
        sa.Column('name', sa.String(length=80), nullable=False),
        sa.Column('role', sa.String(length=20), nullable=False),
        sa.Column('franchisee', sa.String(length=40), nullable=True),
        sa.Column('stores', sa.Text(), nullable=False),
        sa.Column('password_hash', sa.String(length=200), nullable=False),
        sa.Column('lang', sa.String(length=8), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('failed', sa.Integer(), nullable=False),
        sa.Column('locked_until', sa.String(length=32), nullable=True),
        sa.Column('created_at', sa.String(length=32), nullable=False),
    )
    op.create_table(
        'hq_web_sessions',
        sa.Column('token_hash', sa.String(length=64), primary_key=True),
        sa.Column('login', sa.String(length=40), nullable=False, index=True),
        sa.Column('csrf', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.String(length=32), nullable=False),
        sa.Column('last_seen', sa.String(length=32), nullable=False),
        sa.Column('expires_at', sa.String(length=32), nullable=False),
    )
    op.create_table(
        'hq_audit',
        sa.Column('id', BIGID, primary_key=True, autoincrement=True),
        sa.Column('at', sa.String(length=32), nullable=False),
        sa.Column('login', sa.String(length=40), nullable=False, index=True),
        sa.Column('action', sa.String(length=40), nullable=False),
        sa.Column('target', sa.String(length=200), nullable=False),
        sa.Column('detail', sa.Text(), nullable=False),
        sa.Column('ip', sa.String(length=64), nullable=False),
    )
    op.create_table(
        'hq_store_days',
        sa.Column('store', sa.String(length=40), primary_key=True),
        sa.Column('day', sa.String(length=10), primary_key=True, index=True),
        sa.Column('franchisee', sa.String(length=40), nullable=False, index=True),
        *[sa.Column(c, sa.BigInteger(), nullable=False, server_default='0') for c in (
            'sales', 'orders', 'vip_sales', 'vip_orders', 'new_vips', 'points_issued',
            'points_redeemed', 'points_expired', 'sv_sold_principal', 'sv_sold_bonus',
            'sv_spent_principal', 'sv_spent_bonus')],
    )
    op.create_table(
        'hq_member_days',
        sa.Column('member', sa.String(length=36), primary_key=True),
        sa.Column('day', sa.String(length=10), primary_key=True),
        sa.Column('store', sa.String(length=40), primary_key=True),
        sa.Column('cents', sa.BigInteger(), nullable=False),
        sa.Column('orders', sa.Integer(), nullable=False),
    )
    op.create_index('ix_hq_member_days_store_day', 'hq_member_days', ['store', 'day'])
    op.create_table(
        'hq_store_months',
        sa.Column('store', sa.String(length=40), primary_key=True),
        sa.Column('month', sa.String(length=7), primary_key=True, index=True),
        *[sa.Column(c, sa.Integer(), nullable=False, server_default='0') for c in (
            'members', 'vip_count', 'new_quarter', 'returning_quarter', 'dormant_3m',
            'dormant_6m', 'pyramid_a', 'pyramid_b', 'pyramid_c', 'pyramid_d')],
        sa.Column('computed_at', sa.String(length=32), nullable=False),
        sa.Column('stale', sa.Boolean(), nullable=False),
    )
    op.create_index('ix_hq_members_store', 'hq_members', ['store'])
    with op.batch_alter_table('hq_members') as b:
        b.add_column(sa.Column('phone_hash', sa.String(length=64), nullable=True))
        b.create_index('ix_hq_members_phone_hash', ['phone_hash'])
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT uid, data FROM hq_members")).all()
    for uid, data in rows:
        phone_hash = json.loads(data).get("phone_hash")
        if phone_hash:
            conn.execute(sa.text("UPDATE hq_members SET phone_hash = :h WHERE uid = :u"),
                         {"h": phone_hash, "u": uid})
    op.create_table(
        'hq_statements',
        sa.Column('month', sa.String(length=7), primary_key=True),
        sa.Column('franchisee_a', sa.String(length=40), primary_key=True),
        sa.Column('franchisee_b', sa.String(length=40), primary_key=True),
        sa.Column('approved_a_by', sa.String(length=40), nullable=True),
        sa.Column('approved_a_at', sa.String(length=32), nullable=True),
        sa.Column('approved_b_by', sa.String(length=40), nullable=True),
        sa.Column('approved_b_at', sa.String(length=32), nullable=True),
        sa.Column('approved_a_figures', sa.Text(), nullable=True),
        sa.Column('approved_b_figures', sa.Text(), nullable=True),
    )
    op.create_table(
        'hq_months',
        sa.Column('month', sa.String(length=7), primary_key=True),
        sa.Column('locked_by', sa.String(length=40), nullable=False),
        sa.Column('locked_at', sa.String(length=32), nullable=False),
    )
    op.create_table(
        'hq_adjustments',
        sa.Column('id', sa.String(length=36), primary_key=True),
        sa.Column('card_no', sa.String(length=32), nullable=False, index=True),
        sa.Column('member_uid', sa.String(length=36), nullable=False),
        sa.Column('kind', sa.String(length=12), nullable=False),
        sa.Column('amount', sa.BigInteger(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('requested_by', sa.String(length=40), nullable=False),
        sa.Column('requested_at', sa.String(length=32), nullable=False),
        sa.Column('status', sa.String(length=12), nullable=False),
        sa.Column('decided_by', sa.String(length=40), nullable=True),
        sa.Column('decided_at', sa.String(length=32), nullable=True),
    )
    op.create_table(
        'hq_scheduled',
        sa.Column('id', sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column('name', sa.String(length=20), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('start_at', sa.String(length=32), nullable=False, index=True),
        sa.Column('status', sa.String(length=12), nullable=False),
        sa.Column('by', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=True),
    )


def downgrade() -> None:
    for t in ('hq_scheduled', 'hq_adjustments', 'hq_months', 'hq_statements',
              'hq_store_months', 'hq_member_days', 'hq_store_days', 'hq_audit',
              'hq_web_sessions', 'hq_users'):
        op.drop_table(t)
    with op.batch_alter_table('hq_members') as b:
        b.drop_index('ix_hq_members_phone_hash')
        b.drop_column('phone_hash')
    op.drop_index('ix_hq_members_store', 'hq_members')
    with op.batch_alter_table('hq_settlement') as b:
        b.drop_index('ix_hq_settlement_period')
        b.drop_column('period')
    with op.batch_alter_table('hq_alerts') as b:
        b.drop_index('ix_hq_alerts_status')
        b.drop_index('ix_hq_alerts_store')
        for c in ('note', 'resolved_at', 'resolved_by', 'acked_at', 'acked_by', 'status',
                  'amount_cents', 'franchisee', 'store'):
            b.drop_column(c)
    with op.batch_alter_table('hq_terminals') as b:
        for c in ('revoked_at', 'version', 'offline_used_cents', 'pending'):
            b.drop_column(c)
