"""card sales: cards of a card product sold or given, their principal, bonus, commission
and the buyer's real-name record

Revision ID: card_sales
Revises: gifts_entitlements
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "card_sales"
down_revision = "gifts_entitlements"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "card_sales",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sale_no", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("journal_id", sa.Integer(), sa.ForeignKey("journal.id"), nullable=False),
        sa.Column("product", sa.String(length=40), nullable=False),
        sa.Column("cards", sa.Text(), nullable=False),
        sa.Column("face", sa.BigInteger(), nullable=False),
        sa.Column("paid", sa.BigInteger(), nullable=False),
        sa.Column("tender", sa.String(length=20), nullable=False),
        sa.Column("seller", sa.String(length=20), nullable=False),
        sa.Column("commission", sa.BigInteger(), nullable=False),
        sa.Column("approved_by", sa.String(length=20), nullable=True),
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("members.id"), nullable=True),
        sa.Column("buyer_name_enc", sa.LargeBinary(), nullable=True),
        sa.Column("buyer_id_enc", sa.LargeBinary(), nullable=True),
        sa.Column("buyer_id_hash", sa.String(length=64), nullable=True),
        sa.Column("business_time", sa.String(length=32), nullable=False),
        sa.Column("staff", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sale_no"),
        sa.UniqueConstraint("journal_id"),
    )
    op.create_index("ix_card_sales_member_id", "card_sales", ["member_id"])


def downgrade() -> None:
    op.drop_index("ix_card_sales_member_id", "card_sales")
    op.drop_table("card_sales")
