"""The chaos harness in its short CI mode (tests/chaos/harness.py; docs/reliability.md):
three terminal processes and a real HQ on PostgreSQL behind a faulty proxy; hundreds of
SIGKILLs, HQ restarts, offline spells; then nothing lost, nothing twice, books equal."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from .harness import ROOT

SEED = int(os.environ.get("CHAOS_SEED", "20261123"))


def test_chaos_short_mode_loses_nothing_and_books_agree() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "tests.chaos.harness", "--seed", str(SEED)],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    lines = r.stdout.strip().splitlines()
    assert len(lines) == 1, (r.stdout, r.stderr[-4000:])
    m = re.fullmatch(
        r"chaos: seed=(\d+) kills=(\d+) hq_restarts=(\d+) faults=(\d+) events=(\d+) "
        r"lost=(\d+) duplicated=(\d+) mismatches=(\d+)", lines[0])
    assert m, lines[0]
    seed, kills, restarts, faults, events, lost, dup, mism = map(int, m.groups())
    assert (lost, dup, mism) == (0, 0, 0), r.stderr[-4000:]
    assert r.returncode == 0, r.stderr[-4000:]
    assert seed == SEED
    assert kills >= 200
    assert restarts >= 3
    assert faults > 0
    assert events > kills  # the terminals were busy between the kills


def test_the_harness_reports_a_lost_sale_and_a_wrong_balance() -> None:
    """A short run where HQ loses a sale and one card balance is bent after the drain:
    the harness must count them and exit non-zero."""
    r = subprocess.run(
        [sys.executable, "-m", "tests.chaos.harness", "--seed", str(SEED), "--kills", "30",
         "--sabotage"],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    line = r.stdout.strip().splitlines()[-1]
    assert r.returncode == 1, (r.stdout, r.stderr[-4000:])
    m = re.search(r"lost=(\d+) duplicated=(\d+) mismatches=(\d+)", line)
    assert m, line
    lost, _dup, mism = map(int, m.groups())
    assert lost >= 1 and mism >= 1, line
