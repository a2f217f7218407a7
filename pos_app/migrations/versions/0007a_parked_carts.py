"""parked carts (挂单): carts put aside at the counter until recalled

Revision ID: parked_carts
Revises: 0007
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "parked_carts"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "parked_carts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parked_at", sa.String(length=32), nullable=False),
        sa.Column("cashier", sa.String(length=20), nullable=False),
        sa.Column("member_card", sa.String(length=32), nullable=True),
        sa.Column("coupon", sa.String(length=40), nullable=True),
        sa.Column("lines", sa.Text(), nullable=False),
        sa.Column("total", sa.BigInteger(), nullable=False),
        sa.Column("price_approver", sa.String(length=20), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("parked_carts")
