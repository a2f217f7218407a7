"""outbox of business events, member uid, terminal epoch

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("business_time", sa.String(length=32), nullable=False),
        sa.Column("recorded_at", sa.String(length=32), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("acked_at", sa.String(length=32), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("event_id"),
        sa.UniqueConstraint("seq"),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbox_status"), ["status"], unique=False)
    with op.batch_alter_table("terminal_info", schema=None) as batch_op:
        batch_op.add_column(sa.Column("epoch", sa.Integer(), server_default="1", nullable=False))
    # members get a chain-wide id; existing rows get one made from their local id
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.add_column(sa.Column("uid", sa.String(length=36), nullable=True))
    op.execute(
        "UPDATE members SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2)))"
        " || '-4' || substr(lower(hex(randomblob(2))), 2) || '-a' ||"
        " substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))"
    )
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.alter_column("uid", existing_type=sa.String(length=36), nullable=False)
        batch_op.create_unique_constraint("uq_members_uid", ["uid"])
    # points accounts are named by the member's uid from now on (pos_app/core/points.py)
    op.execute(
        "UPDATE accounts SET code = 'points:member:' || (SELECT uid FROM members"
        " WHERE members.id = accounts.member_id) WHERE member_id IS NOT NULL"
        " AND code = 'points:member:' || member_id"
    )


def downgrade() -> None:
    op.execute(
        "UPDATE accounts SET code = 'points:member:' || member_id WHERE member_id IS NOT NULL"
        " AND code = 'points:member:' || (SELECT uid FROM members"
        " WHERE members.id = accounts.member_id)"
    )
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_constraint("uq_members_uid", type_="unique")
        batch_op.drop_column("uid")
    with op.batch_alter_table("terminal_info", schema=None) as batch_op:
        batch_op.drop_column("epoch")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_status"))
    op.drop_table("outbox")
