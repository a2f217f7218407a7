"""Every personal field (name, phone, ID number, birthday, email, address) is sealed in
the ledger file, its backups and HQ's member copies, shown masked by ``pos member show``;
a ledger of the previous schema is moved onto the sealed columns without losing a value;
and HQ's ``pos hq rotate-pii-key`` reaches each terminal at its next sync, older key
versions still opening what they sealed."""

from __future__ import annotations

import base64
import json
import subprocess
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core import members
from pos_app.core.db import alembic_config, head_revision, make_engine
from pos_app.core.members import Enrollment
from pos_app.core.models import Member
from pos_app.core.pii import PiiVault, version_of
from pos_app.core.staff import CONSOLE
from pos_app.core.terminal import Terminal
from sync.hq import pii
from sync.hq.db import sessions
from sync.hq.models import HqAudit, HqMember
from sync.hq.office import access
from sync.hq.office import members as office
from sync.hq.office.access import Who
from tests.sync.conftest import Hq

from .store import POS, make_store, ok, pos, sql

NAME, PHONE, ID_NO = "欧阳娜娜", "13812345678", "110101199106154525"
BIRTHDAY, EMAIL, ADDRESS = "1991-06-15", "ouyang.nana@example.cn", "上海市黄浦区南京东路100号"
PLAIN = (NAME, PHONE, ID_NO, BIRTHDAY, EMAIL, ADDRESS, "ouyang.nana")


def _dump(db: Path) -> str:
    """What the sqlite3 shell shows of a database file (every table, every value)."""
    r = subprocess.run(["sqlite3", str(db), ".dump"], capture_output=True, text=True,
                       check=True)
    return r.stdout


def _plain_in(text: str) -> list[str]:
    return [p for p in PLAIN if p in text]


def test_sqlite3_sees_no_personal_data_in_the_ledger_or_its_backup(tmp_path: Path) -> None:
    d = make_store(tmp_path)
    ok(pos(d, "member", "enroll", "--name", NAME, "--phone", PHONE, "--id-number", ID_NO,
           "--birthday", BIRTHDAY, "--email", EMAIL, "--address", ADDRESS))
    ok(pos(d, "--json", "member", "supplementary", "--card",
           sql(d, "SELECT card_no FROM cards")[0][0], "--holder", "欧阳小娜"))
    ok(pos(d, "backup"))
    backups = list((d / "backups").glob("*.sqlite"))
    assert backups
    for db in [d / "pos.sqlite", *backups]:
        text = _dump(db)
        assert "INSERT INTO members" in text
        assert _plain_in(text) == [], db
        assert "欧阳小娜" not in text
        assert "1991" not in text.split("INSERT INTO members", 1)[1].split("\n", 1)[0]
    raw = b"".join(p.read_bytes() for p in [*d.glob("pos.sqlite*"), *backups])
    assert [p for p in PLAIN if p.encode() in raw] == []
    # the outbox's enrollment event carries the fields sealed too
    payload = json.loads(sql(d, "SELECT payload FROM outbox "
                                "WHERE kind = 'member_enrolled'")[0][0])
    assert {"name_enc", "birthday_enc", "email_enc", "address_enc"} <= set(payload)
    assert not {"name", "birthday", "email", "address"} & set(payload)

    shown = json.loads(ok(pos(d, "--json", "member", "show", "--phone", PHONE)).stdout)
    assert (shown["name"], shown["phone"], shown["birthday"], shown["email"],
            shown["address"]) == ("欧***", "138****5678", "****-06-15", "o***@example.cn",
                                  "上海市黄浦区****")
    text = ok(pos(d, "member", "show", "--phone", PHONE)).stdout
    assert _plain_in(text) == [] and "欧***" in text and "o***@example.cn" in text


def test_the_previous_schemas_plain_rows_are_sealed_without_losing_one(
    tmp_path: Path,
) -> None:
    """The demo's ledger taken back to the revision before the sealed columns (its plain
    name, birthday, email and holder names as that schema kept them), then opened by
    ``pos``: every value is still there, sealed, and sqlite3 finds none in clear."""
    from alembic import command

    d = tmp_path / "data"
    ok(subprocess.run([str(POS), "--data-dir", str(d), "demo"], capture_output=True,
                      text=True, timeout=120))
    ok(pos(d, "member", "enroll", "--name", NAME, "--phone", PHONE, "--birthday", BIRTHDAY,
           "--email", EMAIL))
    engine = make_engine(d / "pos.sqlite")
    command.downgrade(alembic_config(engine), "card_stock")
    engine.dispose()
    before = sql(d, "SELECT id, name, birthday, email FROM members ORDER BY id")
    _enrollments_as_the_previous_schema_wrote_them(d, before)
    holders = sql(d, "SELECT id, holder_name FROM cards ORDER BY id")
    assert len(before) >= 3 and (NAME, BIRTHDAY, EMAIL) in [r[1:] for r in before]
    assert NAME in [h for _id, h in holders]
    assert NAME in _dump(d / "pos.sqlite")

    ok(pos(d, "ledger", "verify"))  # opens the ledger: the migration runs
    assert sql(d, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    ok(pos(d, "audit", "verify"))
    text = _dump(d / "pos.sqlite")
    for (payload,) in sql(d, "SELECT payload FROM outbox WHERE kind = 'member_enrolled'"):
        assert not {"name", "birthday", "email"} & set(json.loads(payload)), payload
    for _id, name, _birthday, email in before:
        assert not (name and name in text) and not (email and email in text)
    assert [h for _id, h in holders if h and h in text] == []
    vault = PiiVault.from_key_file(d / "secrets" / "pii.key")
    after = [(i, vault.open("name", n) or "", vault.open("birthday", b), vault.open("email", e))
             for i, n, b, e in sql(d, "SELECT id, name_enc, birthday_enc, email_enc "
                                      "FROM members ORDER BY id")]
    assert after == before
    assert [(i, vault.open("name", h) or "") for i, h in
            sql(d, "SELECT id, holder_name_enc FROM cards ORDER BY id")] == holders
    shown = json.loads(ok(pos(d, "--json", "member", "show", "--phone", PHONE)).stdout)
    assert (shown["name"], shown["birthday"]) == ("欧***", "****-06-15")


def _enrollments_as_the_previous_schema_wrote_them(
    d: Path, plain: list[tuple[object, ...]]
) -> None:
    """The unsent enrollment events with the plain name, birthday and email the previous
    schema's payloads carried (chained as written then)."""
    import sqlite3

    from pos_app.core import outbox, sealing
    from pos_app.core.models import UtcDateTime

    by_uid = {uid: row[1:] for uid, row in zip(
        [u for (u,) in sql(d, "SELECT uid FROM members ORDER BY id")], plain, strict=True)}
    franchisee, store, terminal = sql(d, "SELECT franchisee, store, terminal "
                                         "FROM terminal_info")[0]
    key = (d / sealing.CHAIN_KEY_FILE).read_bytes()
    con = sqlite3.connect(d / "pos.sqlite")
    rows = con.execute("SELECT id, event_id, epoch, seq, kind, business_time, recorded_at, "
                       "payload, prev_hash FROM outbox WHERE status = 'pending' "
                       "ORDER BY seq").fetchall()
    prev = rows[0][8]
    when = UtcDateTime().process_result_value
    for rid, eid, epoch, seq, kind, bt, rt, payload, _prev in rows:
        p = json.loads(payload)
        if kind == "member_enrolled":
            for f in ("name_enc", "birthday_enc", "email_enc", "address_enc"):
                p.pop(f, None)
            p["name"], p["birthday"], p["email"] = by_uid[p["member"]]
        body = outbox.canonical(p)
        header = {"event_id": eid, "franchisee": franchisee, "store": store,
                  "terminal": terminal, "epoch": epoch, "seq": seq, "kind": kind,
                  "business_time": when(bt, None), "recorded_at": when(rt, None)}
        h = outbox.event_hash(prev, header, body)
        con.execute("UPDATE outbox SET payload = ?, prev_hash = ?, hash = ?, mac = ? "
                    "WHERE id = ?", (body, prev, h, sealing.seal(key, "event", h), rid))
        prev = h
    con.commit()
    con.close()
    assert NAME in _dump(d / "pos.sqlite").split("INSERT INTO outbox", 1)[1]


def _enroll(t: Terminal, phone: str = PHONE) -> str:
    with t.tx() as s:
        m = members.enroll(t, s, Enrollment(
            name=NAME, phone=phone, birthday=date(1991, 6, 15), email=EMAIL,
            address=ADDRESS), CONSOLE)
        return m.uid


def test_a_rotated_key_reaches_each_terminal_at_its_next_sync(hq: Hq, tmp_path: Path) -> None:
    a = hq.terminal(tmp_path, "S001", "T01", "F-EAST", 1)
    b = hq.terminal(tmp_path, "S002", "T01", "F-EAST", 2)
    uid = _enroll(a)
    hq.sync(a)
    with sessions(hq.engine)() as s:
        data = json.loads(s.get(HqMember, uid).data)  # type: ignore[union-attr]
    assert _plain_in(json.dumps(data, ensure_ascii=False)) == []
    old_blob = sql(a.data_dir, "SELECT name_enc FROM members")[0][0]
    assert version_of(old_blob) == 1

    cfg = tmp_path / "hq.toml"
    cfg.write_text(f'[hq]\ndatabase = "{hq.url}"\n', "utf-8")
    r = subprocess.run([str(POS), "hq", "rotate-pii-key", "--config", str(cfg)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == {"version": 2, "member_copies_sealed": 1}
    with sessions(hq.engine)() as s:
        data = json.loads(s.get(HqMember, uid).data)  # type: ignore[union-attr]
        assert {version_of(base64.b64decode(data[k])) for k in
                ("name_enc", "phone_enc", "birthday_enc", "email_enc", "address_enc")} == {2}
        ring = pii.ring(s)
        assert pii.open_field(ring, data, "address") == ADDRESS
        assert s.get(HqMember, uid).phone_hash == ring.lookup_hash("phone", PHONE)  # type: ignore[union-attr]
        rotated = s.scalars(select(HqAudit).where(HqAudit.action == "pii_key.rotate")).all()
        assert [(x.login, x.target) for x in rotated] == [("pos hq rotate-pii-key", "version 2")]

    # until it syncs, terminal A keeps version 1 and its members as they were
    assert a.vault.version == 1
    hq.sync(a)
    assert a.vault.version == 2 and set(a.vault.keys) == {1, 2}
    ring_file = json.loads((a.data_dir / "secrets" / "pii.key").read_text("utf-8"))
    assert ring_file["current"] == 2
    assert (a.data_dir / "secrets" / "pii.key").stat().st_mode & 0o777 == 0o600
    for col in ("name_enc", "phone_enc", "birthday_enc", "email_enc", "address_enc"):
        assert [version_of(v) for (v,) in sql(a.data_dir, f"SELECT {col} FROM members")] == [2]
    assert a.vault.decrypt("name", old_blob) == NAME  # an older version still opens
    with a.tx() as s:
        m = members.find_by_phone(a, s, PHONE)
        shown = members.summary(a, s, m)
    assert (shown["name"], shown["email"]) == ("欧***", "o***@example.cn")
    with sessions(hq.engine)() as s:
        fetches = [x.target for x in s.scalars(
            select(HqAudit).where(HqAudit.action == "pii_key.fetch").order_by(HqAudit.id))]
    assert fetches == ["S001/T01", "S002/T01", "S001/T01"]

    # a member enrolled after the rotation reaches B, which takes the key on its sync
    uid2 = _enroll(a, "13812345679")
    hq.sync(a)
    hq.sync(b)
    assert b.vault.version == 2
    with b.read() as s:
        m2 = s.scalars(select(Member).where(Member.uid == uid2)).first()
        assert m2 is not None
        assert members.personal(b, m2)["address"] == ADDRESS
    with sessions(hq.engine)() as s, s.begin():
        assert office.reveal(s, _admin(s), uid2, "email", "calling about a lost card") == EMAIL


def _admin(s: Session) -> Who:
    u = access.add_user(s, "root", "Root", "admin", "a-long-password-1", lang="en")
    return Who(u, access.Scope.of(u), "csrf", "127.0.0.1")


def test_hqs_plain_member_copies_are_sealed_by_its_migration(tmp_path: Path) -> None:
    """A member copy HQ kept with its name, birthday and email in clear (as terminals of
    before sent them) is sealed by HQ's migration 0007; the office still reveals it."""
    from alembic import command

    from sync.hq.db import alembic_config as hq_alembic
    from sync.hq.db import make_engine as hq_engine
    from sync.hq.db import migrate as hq_migrate

    engine = hq_engine(f"sqlite:///{tmp_path / 'hq.sqlite'}")
    command.upgrade(hq_alembic(engine), "0006")
    with sessions(engine)() as s, s.begin():
        vault = pii.ring(s)
        data = {"member": "u-1", "name": NAME, "birthday": BIRTHDAY, "email": EMAIL,
                "phone_enc": base64.b64encode(vault.encrypt("phone", PHONE)).decode(),
                "phone_hash": vault.lookup_hash("phone", PHONE), "store": "S001",
                "franchisee": "F-EAST"}
        s.add(HqMember(uid="u-1", franchisee="F-EAST", store="S001", tier="regular",
                       data=json.dumps(data, ensure_ascii=False), enrolled_at="2026-10-01",
                       phone_hash=data["phone_hash"]))
    hq_migrate(engine)
    with sessions(engine)() as s, s.begin():
        kept = json.loads(s.get(HqMember, "u-1").data)  # type: ignore[union-attr]
        assert _plain_in(json.dumps(kept, ensure_ascii=False)) == []
        assert {"name_enc", "birthday_enc", "email_enc"} <= set(kept)
        who = _admin(s)
        assert office.reveal(s, who, "u-1", "name", "member asked on the phone") == NAME
        assert office.reveal(s, who, "u-1", "birthday", "member asked on the phone") == BIRTHDAY
        assert office.search(s, who, PHONE)[0].name == "欧***"
    engine.dispose()
    assert EMAIL not in _dump(tmp_path / "hq.sqlite")
