"""PIN guessing is locked out on every path, as staff and attackers meet it: the ``pos``
command in new processes (``--staff``, ``--approver``, one after another and in
parallel), checked with sqlite3 on the ledger file. The app's login and supervisor
approval are in ``tests/ui/test_pin_lockout.py``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from .store import copy_store, make_store, ok, popen, pos, refused, sql

PROBE = ("member", "show", "--phone", "13700000000")  # writes nothing; needs a PIN checked


def guess(d: Path, code: str, pin: str, *, approver: bool = False) -> tuple[int, str]:
    flags = ["--approver", code, "--approver-pin", pin] if approver else ["--staff", code,
                                                                          "--pin", pin]
    r = pos(d, *flags, *PROBE)
    return r.returncode, r.stderr.strip()


def accepted(d: Path, code: str, pin: str) -> bool:
    """The PIN was taken: the command got as far as looking the member up."""
    rc, err = guess(d, code, pin)
    assert rc == 2, err
    return "no member" in err


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_store(tmp_path_factory.mktemp("store"), catalog=False)


def lock_row(d: Path, code: str) -> tuple[int, str | None]:
    (row,) = sql(d, "select failed_attempts, locked_until from staff where code = ?", code)
    return row


def test_five_wrong_pins_lock_the_staff_code_and_a_manager_unlocks_it(
    template: Path, tmp_path: Path
) -> None:
    d = copy_store(template, tmp_path)
    for i in range(4):
        rc, err = guess(d, "1001", "0000")
        assert rc == 2 and "wrong PIN for staff 1001" in err, err
        assert lock_row(d, "1001") == (i + 1, None)  # committed, seen from outside
    before = datetime.now(UTC)
    rc, err = guess(d, "1001", "0000")
    after = datetime.now(UTC)
    assert rc == 2 and "wrong PIN for staff 1001" in err
    _, until = lock_row(d, "1001")
    assert until is not None
    # locked for the set time (15 minutes by default)
    minutes = timedelta(minutes=15)
    assert before + minutes <= datetime.fromisoformat(until) <= after + minutes
    # even the right PIN is refused now, and the refusal does not extend the lock
    rc, err = guess(d, "1001", "1111")
    assert rc == 2 and "is locked after 5 wrong PINs" in err
    assert lock_row(d, "1001")[1] == until
    # other staff are not affected
    assert accepted(d, "2001", "2222")
    assert [a for (a,) in sql(d, "select staff from audit_log where action = 'pin_locked'")] == [
        "1001"]
    # a cashier or supervisor cannot lift it; a manager can, and the audit names them
    refused(pos(d, "--staff", "2001", "--pin", "2222", "staff", "unlock", "--code", "1001"),
            "unlock staff needs a manager")
    refused(pos(d, "staff", "unlock", "--code", "1001"), "unlock staff needs a manager named")
    ok(pos(d, "--staff", "3001", "--pin", "3333", "staff", "unlock", "--code", "1001"))
    assert sql(d, "select staff, subject from audit_log where action = 'staff_unlock'") == [
        ("3001", "1001")]
    assert accepted(d, "1001", "1111")


def test_a_right_pin_resets_the_count(template: Path, tmp_path: Path) -> None:
    d = copy_store(template, tmp_path)
    for _ in range(4):
        assert not accepted(d, "1001", "0000")
    assert accepted(d, "1001", "1111")
    assert lock_row(d, "1001") == (0, None)
    for _ in range(4):
        assert not accepted(d, "1001", "0000")
    assert accepted(d, "1001", "1111")


def test_the_approver_pin_is_locked_out_too(template: Path, tmp_path: Path) -> None:
    d = copy_store(template, tmp_path)
    for _ in range(5):
        rc, err = guess(d, "2001", "0000", approver=True)
        assert rc == 2 and "wrong PIN for staff 2001" in err
    rc, err = guess(d, "2001", "2222", approver=True)
    assert rc == 2 and "staff 2001 is locked" in err
    assert lock_row(d, "2001")[1] is not None


def test_parallel_guesses_all_count(template: Path, tmp_path: Path) -> None:
    """Twelve guessers at once: no more than five PINs are ever compared; the rest,
    and then the right PIN, are refused as locked."""
    d = copy_store(template, tmp_path)
    procs = [popen(d, "--staff", "2001", "--pin", f"{9000 + i}", *PROBE) for i in range(12)]
    results = [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in procs]
    for p in procs:
        for stream in (p.stdout, p.stderr):
            if stream:
                stream.close()
    assert all(rc == 2 for rc, _ in results), results
    wrong = [e for _, e in results if "wrong PIN for staff 2001" in e]
    locked = [e for _, e in results if e.startswith("pos: staff 2001 is locked after 5")]
    assert len(wrong) == 5, results
    assert len(locked) == 7, results
    assert "is locked" in guess(d, "2001", "2222")[1]
    assert lock_row(d, "2001")[1] is not None


def test_the_program_sets_attempts_and_lock_time(tmp_path: Path) -> None:
    d = make_store(tmp_path, catalog=False,
                   program_extra="\n[staff]\npin_attempts = 3\npin_lockout_minutes = 2\n")
    for _ in range(2):
        assert not accepted(d, "1001", "0000")
    before = datetime.now(UTC)
    assert not accepted(d, "1001", "0000")
    after = datetime.now(UTC)
    _, until = lock_row(d, "1001")
    assert until is not None
    minutes = timedelta(minutes=2)
    assert before + minutes <= datetime.fromisoformat(until) <= after + minutes
    assert not accepted(d, "1001", "1111")
    # the lock runs out: moved into the past on the file, as two minutes passing would
    past = (datetime.now(UTC) - timedelta(seconds=1)).isoformat()
    import sqlite3

    con = sqlite3.connect(d / "pos.sqlite")
    con.execute("update staff set locked_until = ? where code = '1001'", (past,))
    con.commit()
    con.close()
    assert accepted(d, "1001", "1111")


def test_program_staff_values_are_bounded(tmp_path: Path) -> None:
    for extra, message in (
        ("\n[staff]\npin_attempts = 0\n", "staff.pin_attempts: must be at least 1"),
        ("\n[staff]\npin_attempts = 99999\n", "staff.pin_attempts: must be at most 20"),
        ("\n[staff]\npin_lockout_minutes = 100000\n", "staff.pin_lockout_minutes: must be at"),
    ):
        program = tmp_path / "p.toml"
        from pos_app.demo import PROGRAM

        program.write_text(PROGRAM.read_text("utf-8") + extra, "utf-8")
        refused(pos(tmp_path / "d", "init", "--store", "S001", "--terminal", "T01",
                    "--franchisee", "F", "--program", str(program)), message)
        assert not (tmp_path / "d").exists()
