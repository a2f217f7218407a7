"""first schema: ledger, members, cards, catalog, sales

Revision ID: 0001
Revises: 
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('staff', sa.String(length=20), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('subject', sa.String(length=80), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('approved_by', sa.String(length=20), nullable=True),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('counters',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )
    op.create_table('items',
    sa.Column('sku', sa.String(length=40), nullable=False),
    sa.Column('barcode', sa.String(length=14), nullable=True),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('price', sa.BigInteger(), nullable=False),
    sa.Column('member_price', sa.BigInteger(), nullable=True),
    sa.Column('member_discount', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('sku'),
    sa.UniqueConstraint('barcode')
    )
    op.create_table('journal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('business_time', sa.String(length=32), nullable=False),
    sa.Column('recorded_at', sa.String(length=32), nullable=False),
    sa.Column('franchisee', sa.String(length=40), nullable=False),
    sa.Column('store', sa.String(length=40), nullable=False),
    sa.Column('terminal', sa.String(length=40), nullable=False),
    sa.Column('staff', sa.String(length=20), nullable=False),
    sa.Column('ref', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('event_id'),
    sa.UniqueConstraint('seq')
    )
    op.create_table('members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('gender', sa.String(length=1), nullable=True),
    sa.Column('birthday', sa.Date(), nullable=True),
    sa.Column('phone_enc', sa.LargeBinary(), nullable=True),
    sa.Column('phone_hash', sa.String(length=64), nullable=True),
    sa.Column('phone_last4', sa.String(length=4), nullable=True),
    sa.Column('id_no_enc', sa.LargeBinary(), nullable=True),
    sa.Column('id_no_hash', sa.String(length=64), nullable=True),
    sa.Column('email', sa.String(length=120), nullable=True),
    sa.Column('tier_code', sa.String(length=20), nullable=False),
    sa.Column('anonymous', sa.Boolean(), nullable=False),
    sa.Column('marketing_consent', sa.Boolean(), nullable=False),
    sa.Column('marketing_consent_at', sa.String(length=32), nullable=True),
    sa.Column('enrolled_at', sa.String(length=32), nullable=False),
    sa.Column('franchisee', sa.String(length=40), nullable=False),
    sa.Column('store', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('phone_hash')
    )
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_members_id_no_hash'), ['id_no_hash'], unique=False)

    op.create_table('staff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('pin_hash', sa.String(length=200), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.String(length=32), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    op.create_table('terminal_info',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('franchisee', sa.String(length=40), nullable=False),
    sa.Column('store', sa.String(length=40), nullable=False),
    sa.Column('terminal', sa.String(length=40), nullable=False),
    sa.Column('card_block', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('cards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('card_no', sa.String(length=32), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('main_card_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('holder_name', sa.String(length=60), nullable=False),
    sa.Column('limit_per_sale', sa.BigInteger(), nullable=True),
    sa.Column('limit_per_day', sa.BigInteger(), nullable=True),
    sa.Column('issued_at', sa.String(length=32), nullable=False),
    sa.Column('blocked_at', sa.String(length=32), nullable=True),
    sa.Column('block_reason', sa.String(length=80), nullable=True),
    sa.Column('replaced_by_id', sa.Integer(), nullable=True),
    sa.Column('franchisee', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['main_card_id'], ['cards.id'], ),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], ),
    sa.ForeignKeyConstraint(['replaced_by_id'], ['cards.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('card_no')
    )
    with op.batch_alter_table('cards', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cards_member_id'), ['member_id'], unique=False)

    op.create_table('point_lots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('journal_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('sale_no', sa.String(length=40), nullable=True),
    sa.Column('earned_at', sa.String(length=32), nullable=False),
    sa.Column('expires_at', sa.String(length=32), nullable=True),
    sa.Column('points', sa.BigInteger(), nullable=False),
    sa.Column('remaining', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['journal_id'], ['journal.id'], ),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('point_lots', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_point_lots_member_id'), ['member_id'], unique=False)

    op.create_table('tier_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('from_tier', sa.String(length=20), nullable=True),
    sa.Column('to_tier', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('tier_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tier_changes_member_id'), ['member_id'], unique=False)

    op.create_table('accounts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=80), nullable=False),
    sa.Column('unit', sa.String(length=3), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('card_id', sa.Integer(), nullable=True),
    sa.Column('balance', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['card_id'], ['cards.id'], ),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    op.create_table('card_media',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('card_id', sa.Integer(), nullable=False),
    sa.Column('media', sa.String(length=12), nullable=False),
    sa.Column('identifier', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['card_id'], ['cards.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('media', 'identifier')
    )
    with op.batch_alter_table('card_media', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_card_media_card_id'), ['card_id'], unique=False)

    op.create_table('point_lot_uses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=False),
    sa.Column('journal_id', sa.Integer(), nullable=False),
    sa.Column('points', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['journal_id'], ['journal.id'], ),
    sa.ForeignKeyConstraint(['lot_id'], ['point_lots.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('point_lot_uses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_point_lot_uses_journal_id'), ['journal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_point_lot_uses_lot_id'), ['lot_id'], unique=False)

    op.create_table('sales',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sale_no', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('original_id', sa.Integer(), nullable=True),
    sa.Column('journal_id', sa.Integer(), nullable=False),
    sa.Column('business_time', sa.String(length=32), nullable=False),
    sa.Column('recorded_at', sa.String(length=32), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('card_id', sa.Integer(), nullable=True),
    sa.Column('tier_code', sa.String(length=20), nullable=True),
    sa.Column('coupon_code', sa.String(length=40), nullable=True),
    sa.Column('total', sa.BigInteger(), nullable=False),
    sa.Column('change', sa.BigInteger(), nullable=False),
    sa.Column('points_earned', sa.BigInteger(), nullable=False),
    sa.Column('pay_discount_applied', sa.Boolean(), nullable=False),
    sa.Column('cashier', sa.String(length=20), nullable=False),
    sa.Column('credited_staff', sa.String(length=20), nullable=True),
    sa.Column('approved_by', sa.String(length=20), nullable=True),
    sa.ForeignKeyConstraint(['card_id'], ['cards.id'], ),
    sa.ForeignKeyConstraint(['journal_id'], ['journal.id'], ),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], ),
    sa.ForeignKeyConstraint(['original_id'], ['sales.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('sale_no')
    )
    with op.batch_alter_table('sales', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sales_business_time'), ['business_time'], unique=False)
        batch_op.create_index(batch_op.f('ix_sales_member_id'), ['member_id'], unique=False)
        batch_op.create_index('ix_sales_member_time', ['member_id', 'business_time'], unique=False)

    op.create_table('topups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('topup_no', sa.String(length=40), nullable=False),
    sa.Column('journal_id', sa.Integer(), nullable=False),
    sa.Column('card_id', sa.Integer(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('bonus', sa.BigInteger(), nullable=False),
    sa.Column('tender', sa.String(length=20), nullable=False),
    sa.Column('business_time', sa.String(length=32), nullable=False),
    sa.Column('staff', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['card_id'], ['cards.id'], ),
    sa.ForeignKeyConstraint(['journal_id'], ['journal.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('topup_no')
    )
    with op.batch_alter_table('topups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_topups_card_id'), ['card_id'], unique=False)

    op.create_table('coupon_uses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('sale_id', sa.Integer(), nullable=False),
    sa.Column('used_at', sa.String(length=32), nullable=False),
    sa.Column('returned_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['sale_id'], ['sales.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('coupon_uses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coupon_uses_code'), ['code'], unique=False)

    op.create_table('entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('journal_id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('unit', sa.String(length=3), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], ),
    sa.ForeignKeyConstraint(['journal_id'], ['journal.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entries_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_entries_journal_id'), ['journal_id'], unique=False)

    op.create_table('sale_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sale_id', sa.Integer(), nullable=False),
    sa.Column('no', sa.Integer(), nullable=False),
    sa.Column('original_line_id', sa.Integer(), nullable=True),
    sa.Column('sku', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('qty', sa.Integer(), nullable=False),
    sa.Column('list_price', sa.BigInteger(), nullable=False),
    sa.Column('unit_price', sa.BigInteger(), nullable=False),
    sa.Column('base', sa.BigInteger(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('points_earned', sa.BigInteger(), nullable=False),
    sa.Column('refunded_qty', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['original_line_id'], ['sale_lines.id'], ),
    sa.ForeignKeyConstraint(['sale_id'], ['sales.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('sale_id', 'no')
    )
    with op.batch_alter_table('sale_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sale_lines_sale_id'), ['sale_id'], unique=False)

    op.create_table('sale_tenders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sale_id', sa.Integer(), nullable=False),
    sa.Column('no', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('tendered', sa.BigInteger(), nullable=False),
    sa.Column('points', sa.BigInteger(), nullable=False),
    sa.Column('principal', sa.BigInteger(), nullable=False),
    sa.Column('bonus', sa.BigInteger(), nullable=False),
    sa.Column('card_id', sa.Integer(), nullable=True),
    sa.Column('reference', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['card_id'], ['cards.id'], ),
    sa.ForeignKeyConstraint(['sale_id'], ['sales.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('sale_tenders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sale_tenders_sale_id'), ['sale_id'], unique=False)

    op.create_table('line_discounts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['line_id'], ['sale_lines.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('line_discounts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_line_discounts_line_id'), ['line_id'], unique=False)

    op.create_table('line_tender_shares',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=False),
    sa.Column('tender_no', sa.Integer(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('points', sa.BigInteger(), nullable=False),
    sa.Column('principal', sa.BigInteger(), nullable=False),
    sa.Column('bonus', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['line_id'], ['sale_lines.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('line_tender_shares', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_line_tender_shares_line_id'), ['line_id'], unique=False)



    # The audit log is append-only: the database itself refuses edits and deletions.
    op.execute(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
    )
    # Ledger entries and journal rows are never changed once written.
    op.execute(
        "CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries "
        "BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries "
        "BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END"
    )


def downgrade() -> None:

    with op.batch_alter_table('line_tender_shares', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_line_tender_shares_line_id'))

    op.drop_table('line_tender_shares')
    with op.batch_alter_table('line_discounts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_line_discounts_line_id'))

    op.drop_table('line_discounts')
    with op.batch_alter_table('sale_tenders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sale_tenders_sale_id'))

    op.drop_table('sale_tenders')
    with op.batch_alter_table('sale_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sale_lines_sale_id'))

    op.drop_table('sale_lines')
    with op.batch_alter_table('entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_entries_journal_id'))
        batch_op.drop_index(batch_op.f('ix_entries_account_id'))

    op.drop_table('entries')
    with op.batch_alter_table('coupon_uses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coupon_uses_code'))

    op.drop_table('coupon_uses')
    with op.batch_alter_table('topups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_topups_card_id'))

    op.drop_table('topups')
    with op.batch_alter_table('sales', schema=None) as batch_op:
        batch_op.drop_index('ix_sales_member_time')
        batch_op.drop_index(batch_op.f('ix_sales_member_id'))
        batch_op.drop_index(batch_op.f('ix_sales_business_time'))

    op.drop_table('sales')
    with op.batch_alter_table('point_lot_uses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_point_lot_uses_lot_id'))
        batch_op.drop_index(batch_op.f('ix_point_lot_uses_journal_id'))

    op.drop_table('point_lot_uses')
    with op.batch_alter_table('card_media', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_card_media_card_id'))

    op.drop_table('card_media')
    op.drop_table('accounts')
    with op.batch_alter_table('tier_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tier_changes_member_id'))

    op.drop_table('tier_changes')
    with op.batch_alter_table('point_lots', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_point_lots_member_id'))

    op.drop_table('point_lots')
    with op.batch_alter_table('cards', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cards_member_id'))

    op.drop_table('cards')
    op.drop_table('terminal_info')
    op.drop_table('staff')
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_members_id_no_hash'))

    op.drop_table('members')
    op.drop_table('journal')
    op.drop_table('items')
    op.drop_table('counters')
    op.drop_table('audit_log')

