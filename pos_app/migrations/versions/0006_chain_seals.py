"""events and audit rows sealed with the terminal's chain key; the anchors HQ
acknowledged

The rows already written are sealed when the terminal first opens the migrated ledger
(pos_app/core/sealing.py): the audit log stays append-only except that a row's empty
seal may be filled once.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_COLUMNS = "id, at, staff, action, subject, detail, approved_by, prev_hash, hash"


def upgrade() -> None:
    op.add_column("outbox", sa.Column("mac", sa.String(64), nullable=False, server_default=""))
    op.add_column("audit_log", sa.Column("mac", sa.String(64), nullable=False,
                                         server_default=""))
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    op.execute(
        f"CREATE TRIGGER audit_log_no_update BEFORE UPDATE OF {_COLUMNS} ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_log_seal_once BEFORE UPDATE OF mac ON audit_log "
        "WHEN OLD.mac != '' BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
    )
    op.add_column("sync_state", sa.Column("anchor", sa.Text(), nullable=False,
                                          server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("sync_state", schema=None) as batch_op:
        batch_op.drop_column("anchor")
    op.execute("DROP TRIGGER IF EXISTS audit_log_seal_once")
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_column("mac")
    op.execute(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("mac")
