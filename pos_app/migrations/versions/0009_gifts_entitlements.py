"""gifts in stock and handed over with sales, entitlements and their uses, staff
commissions, and whether membership was offered on a sale

Revision ID: gifts_entitlements
Revises: 0008
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "gifts_entitlements"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gift_moves",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("move_no", sa.String(length=40), nullable=False),
        sa.Column("gift_code", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("qty", sa.Integer(), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("sale_no", sa.String(length=40), nullable=True),
        sa.Column("journal_id", sa.Integer(), nullable=True),
        sa.Column("staff", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=80), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["journal_id"], ["journal.id"]),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("move_no"),
    )
    op.create_index("ix_gift_moves_gift_code", "gift_moves", ["gift_code"])
    op.create_table(
        "sale_gifts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=False),
        sa.Column("gift_code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.Column("source", sa.String(length=12), nullable=False),
        sa.Column("promotion", sa.String(length=40), nullable=True),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("settled_by", sa.String(length=40), nullable=True),
        sa.Column("settled_as", sa.String(length=12), nullable=True),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_sale_gifts_sale_id", "sale_gifts", ["sale_id"])
    op.create_table(
        "entitlements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("member_uid", sa.String(length=36), nullable=False),
        sa.Column("card_no", sa.String(length=32), nullable=True),
        sa.Column("service", sa.String(length=40), nullable=False),
        sa.Column("source", sa.String(length=60), nullable=False),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("granted_at", sa.String(length=32), nullable=False),
        sa.Column("valid_until", sa.String(length=32), nullable=True),
        sa.Column("staff", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uid"),
    )
    op.create_index("ix_entitlements_member_uid", "entitlements", ["member_uid"])
    op.create_table(
        "entitlement_uses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("use_uid", sa.String(length=36), nullable=False),
        sa.Column("member_uid", sa.String(length=36), nullable=False),
        sa.Column("service", sa.String(length=40), nullable=False),
        sa.Column("entitlement_uid", sa.String(length=36), nullable=True),
        sa.Column("served_by", sa.String(length=20), nullable=False),
        sa.Column("recorded_by", sa.String(length=20), nullable=False),
        sa.Column("store", sa.String(length=40), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("use_uid"),
    )
    op.create_index("ix_entitlement_uses_member_uid", "entitlement_uses", ["member_uid"])
    op.create_index("ix_entitlement_uses_entitlement_uid", "entitlement_uses",
                    ["entitlement_uid"])
    op.create_table(
        "staff_commissions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff", sa.String(length=20), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("ref", sa.String(length=40), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_staff_commissions_staff", "staff_commissions", ["staff"])
    op.add_column("sales", sa.Column("membership_offered", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sales", schema=None) as batch_op:
        batch_op.drop_column("membership_offered")
    for table in ("staff_commissions", "entitlement_uses", "entitlements", "sale_gifts",
                  "gift_moves"):
        op.drop_table(table)
