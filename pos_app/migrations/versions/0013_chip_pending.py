"""cards.chip_pending: a chip card issued on this terminal whose holder's record is not
written yet (cards known from HQ, issued by another store, are never pending here)

Revision ID: chip_pending
Revises: chip_written
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "chip_pending"
down_revision = "chip_written"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("cards", sa.Column("chip_pending", sa.Boolean(), nullable=False,
                                     server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("cards") as batch:
        batch.drop_column("chip_pending")
