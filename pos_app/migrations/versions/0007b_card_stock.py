"""card stock: finance's numbered batches, the store's registered cards and each move

Revision ID: card_stock
Revises: parked_carts
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "card_stock"
down_revision = "parked_carts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "card_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_no", sa.String(length=40), nullable=False),
        sa.Column("product", sa.String(length=40), nullable=False),
        sa.Column("media", sa.String(length=12), nullable=False),
        sa.Column("first_no", sa.String(length=32), nullable=False),
        sa.Column("last_no", sa.String(length=32), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("created_by", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("batch_no"),
    )
    op.create_table(
        "card_stock",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("card_no", sa.String(length=32), nullable=False),
        sa.Column("batch_no", sa.String(length=40), nullable=False),
        sa.Column("product", sa.String(length=40), nullable=False),
        sa.Column("media", sa.String(length=12), nullable=False),
        sa.Column("store", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("received_at", sa.String(length=32), nullable=False),
        sa.Column("received_by", sa.String(length=20), nullable=False),
        sa.Column("card_id", sa.Integer(), sa.ForeignKey("cards.id"), nullable=True),
        sa.Column("valid_until", sa.String(length=32), nullable=True),
        sa.Column("moved_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("card_no"),
    )
    op.create_index("ix_card_stock_batch_no", "card_stock", ["batch_no"])
    op.create_index("ix_card_stock_status", "card_stock", ["status"])
    op.create_table(
        "card_moves",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("card_no", sa.String(length=32), nullable=False),
        sa.Column("from_status", sa.String(length=12), nullable=False),
        sa.Column("to_status", sa.String(length=12), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("staff", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_card_moves_card_no", "card_moves", ["card_no"])


def downgrade() -> None:
    op.drop_table("card_moves")
    op.drop_index("ix_card_stock_status", "card_stock")
    op.drop_index("ix_card_stock_batch_no", "card_stock")
    op.drop_table("card_stock")
    op.drop_table("card_batches")
