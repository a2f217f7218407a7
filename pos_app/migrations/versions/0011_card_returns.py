"""card returns: unused cards of a card sale taken back, the money given back and the
bonus and commission reversed

Revision ID: card_returns
Revises: card_sales
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "card_returns"
down_revision = "card_sales"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "card_returns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("return_no", sa.String(length=40), nullable=False),
        sa.Column("sale_id", sa.Integer(), sa.ForeignKey("card_sales.id"), nullable=False),
        sa.Column("journal_id", sa.Integer(), sa.ForeignKey("journal.id"), nullable=False),
        sa.Column("paid_back", sa.BigInteger(), nullable=False),
        sa.Column("bonus", sa.BigInteger(), nullable=False),
        sa.Column("commission", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(length=80), nullable=False),
        sa.Column("approved_by", sa.String(length=20), nullable=True),
        sa.Column("business_time", sa.String(length=32), nullable=False),
        sa.Column("staff", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("return_no"),
        sa.UniqueConstraint("sale_id"),
        sa.UniqueConstraint("journal_id"),
    )


def downgrade() -> None:
    op.drop_table("card_returns")
