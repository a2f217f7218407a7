"""sync state, offline stored-value spend, the HQ hotlist, coupons used elsewhere

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("link", sa.String(length=8), nullable=False),
        sa.Column("last_ok_at", sa.String(length=32), nullable=True),
        sa.Column("last_attempt_at", sa.String(length=32), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("stale_after_s", sa.Integer(), nullable=False),
        sa.Column("lease_cents", sa.BigInteger(), nullable=False),
        sa.Column("lease_at", sa.String(length=32), nullable=True),
        sa.Column("checkpoint", sa.BigInteger(), nullable=False),
        sa.Column("master_versions", sa.Text(), nullable=False),
        sa.Column("hq_watermark", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "offline_spend",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("card_no", sa.String(length=32), nullable=False),
        sa.Column("sale_no", sa.String(length=40), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("cleared_at", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("offline_spend", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_offline_spend_card_no"), ["card_no"], unique=False)
    op.create_table(
        "hotlist",
        sa.Column("card_no", sa.String(length=32), nullable=False),
        sa.Column("scope", sa.String(length=8), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("card_no"),
    )
    op.create_table(
        "remote_coupon_uses",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )


def downgrade() -> None:
    op.drop_table("remote_coupon_uses")
    op.drop_table("hotlist")
    with op.batch_alter_table("offline_spend", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_offline_spend_card_no"))
    op.drop_table("offline_spend")
    op.drop_table("sync_state")
