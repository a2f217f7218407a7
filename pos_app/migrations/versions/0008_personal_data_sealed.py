"""every personal field sealed: a member's name, birthday, email and address (and a
card's holder name) move from plain columns into ones sealed with the personal-data key

Revision ID: 0008
Revises: card_stock
Create Date: 2026-12-02

Each row's plain values are sealed with DATA/secrets/pii.key (the key beside the ledger
file) and the plain columns dropped; the file is opened with secure_delete, so the
dropped pages are zeroed. A ledger with members and no key file is refused untouched.
"""
from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import op

from pos_app.core.pii import PiiVault

revision = "0008"
down_revision = "card_stock"
branch_labels = None
depends_on = None

MEMBER_FIELDS = (("name", "name_enc"), ("birthday", "birthday_enc"), ("email", "email_enc"))


def _vault(needed: bool) -> PiiVault | None:
    bind = op.get_bind()
    db = bind.engine.url.database
    key = Path(db).parent / "secrets" / "pii.key" if db else None
    if key is not None and key.exists():
        return PiiVault.from_key_file(key)
    if needed:
        raise RuntimeError(f"the ledger holds members but the personal-data key is missing"
                           f" ({key}); nothing was changed")
    return None


def _seal(v: PiiVault | None, field: str, value: object) -> bytes | None:
    if value is None or value == "":
        return None
    assert v is not None
    return v.encrypt(field, str(value))


def upgrade() -> None:
    bind = op.get_bind()
    for col in ("name_enc", "birthday_enc", "email_enc", "address_enc"):
        op.add_column("members", sa.Column(col, sa.LargeBinary(), nullable=True))
    op.add_column("cards", sa.Column("holder_name_enc", sa.LargeBinary(), nullable=True))
    members = bind.execute(sa.text("SELECT id, name, birthday, email FROM members")).all()
    cards = bind.execute(sa.text(
        "SELECT id, holder_name FROM cards WHERE holder_name <> ''")).all()
    v = _vault(needed=bool(members or cards))
    for mid, name, birthday, email in members:
        bind.execute(
            sa.text("UPDATE members SET name_enc = :n, birthday_enc = :b, email_enc = :e "
                    "WHERE id = :id"),
            {"n": _seal(v, "name", name), "b": _seal(v, "birthday", birthday),
             "e": _seal(v, "email", email), "id": mid})
    for cid, holder in cards:
        bind.execute(sa.text("UPDATE cards SET holder_name_enc = :h WHERE id = :id"),
                     {"h": _seal(v, "name", holder), "id": cid})
    with op.batch_alter_table("members", schema=None) as batch_op:
        for plain, _sealed in MEMBER_FIELDS:
            batch_op.drop_column(plain)
    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.drop_column("holder_name")
    if members:
        _seal_unsent_enrollments(bind)


def _seal_unsent_enrollments(bind: sa.Connection) -> None:
    """Unsent enrollment events carry the plain fields too: sealed as the member rows
    now are, and the unsent events re-chained (and re-sealed with the chain key when the
    ledger's events are sealed already). Nothing sent is touched."""
    from types import SimpleNamespace

    from sqlalchemy.orm import Session

    from pos_app.core import members, sealing
    from pos_app.core.terminal import Identity

    info = bind.execute(sa.text(
        "SELECT franchisee, store, terminal, card_block FROM terminal_info")).first()
    if info is None:
        return
    term = SimpleNamespace(identity=Identity(*info), vault=_vault(needed=True))
    s = Session(bind=bind)
    sealed = bind.execute(sa.text("SELECT 1 FROM outbox WHERE mac <> '' LIMIT 1")).first()
    db = bind.engine.url.database
    if sealed and db:
        s.info["chain_key"] = sealing.load_key(Path(db).parent)[0]
    members.reseal_pending(term, s)  # type: ignore[arg-type]
    s.flush()


def downgrade() -> None:
    bind = op.get_bind()
    op.add_column("members", sa.Column("name", sa.String(length=60), nullable=False,
                                       server_default=""))
    op.add_column("members", sa.Column("birthday", sa.Date(), nullable=True))
    op.add_column("members", sa.Column("email", sa.String(length=120), nullable=True))
    op.add_column("cards", sa.Column("holder_name", sa.String(length=60), nullable=False,
                                     server_default=""))
    members = bind.execute(sa.text(
        "SELECT id, name_enc, birthday_enc, email_enc FROM members")).all()
    cards = bind.execute(sa.text(
        "SELECT id, holder_name_enc FROM cards WHERE holder_name_enc IS NOT NULL")).all()
    v = _vault(needed=bool(members or cards))

    def clear(field: str, blob: bytes | None) -> str | None:
        return v.decrypt(field, bytes(blob)) if blob and v is not None else None

    for mid, name, birthday, email in members:
        bind.execute(sa.text("UPDATE members SET name = :n, birthday = :b, email = :e "
                             "WHERE id = :id"),
                     {"n": clear("name", name) or "", "b": clear("birthday", birthday),
                      "e": clear("email", email), "id": mid})
    for cid, holder in cards:
        bind.execute(sa.text("UPDATE cards SET holder_name = :h WHERE id = :id"),
                     {"h": clear("name", holder) or "", "id": cid})
    with op.batch_alter_table("members", schema=None) as batch_op:
        for col in ("name_enc", "birthday_enc", "email_enc", "address_enc"):
            batch_op.drop_column(col)
    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.drop_column("holder_name_enc")
