"""cards.chip_written_at: when the holder's record was written to a chip card or tag (a
chip card without it is shown at the member counter as not written yet)

Revision ID: chip_written
Revises: card_returns
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "chip_written"
down_revision = "card_returns"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("cards", sa.Column("chip_written_at", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cards") as batch:
        batch.drop_column("chip_written_at")
