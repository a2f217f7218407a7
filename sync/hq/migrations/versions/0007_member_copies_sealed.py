"""HQ's member copies keep no personal field in clear: a name, birthday, email or
address that came in plain (from terminals of before every field was sealed) is sealed
with the chain's personal-data key (sync/hq/pii.py)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 13:00:00
"""
import json

from alembic import op
from sqlalchemy import text
from sqlalchemy.orm import Session

from pos_app.core.outbox import canonical
from sync.hq import pii

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    rows = conn.execute(text("SELECT uid, data FROM hq_members")).all()
    todo = [(uid, json.loads(data)) for uid, data in rows]
    todo = [(uid, d) for uid, d in todo if any(d.get(f) for f in pii.PLAIN)]
    if not todo:
        return
    ring = pii.ring(Session(bind=conn))
    for uid, data in todo:
        sealed = pii.seal_member(ring, data)
        conn.execute(text("UPDATE hq_members SET data = :d, phone_hash = :h WHERE uid = :u"),
                     {"d": canonical(sealed), "h": sealed.get("phone_hash"), "u": uid})


def downgrade() -> None:
    pass  # sealed copies open with the key at every revision
