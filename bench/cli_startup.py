"""Start-up of the ``pos`` command: whole-process medians of ``pos --help``,
``pos --version``, ``pos member show`` and ``pos sale`` against ``python -c pass`` and
``python -c "import sqlalchemy.orm"``, measured in one run, taking turns.

    .venv/bin/python bench/cli_startup.py                         # print the table
    .venv/bin/python bench/cli_startup.py --write docs/benchmarks.md

Each run is a new process (``subprocess.run``, output to /dev/null) timed from spawn to
exit; the commands take turns, round after round, so load on the machine falls on all of
them alike. ``member show`` and ``sale`` run on the demo data folder (set up once; one sale
of one item paid in cash per round). Exits 1 when a target is missed: ``pos --help``
within 3x ``python -c pass``, ``pos member show`` and ``pos sale`` within 1.5x importing
the ORM.

The project's packages are byte-compiled first (``compileall``), as installing the wheel
does, and the runs read those ``.pyc`` files even where ``PYTHONDONTWRITEBYTECODE`` is
set: SQLAlchemy in the baseline is read from its installed ``.pyc`` files too, and a
source checkout without them would time Python compiling ``pos_app`` on every run.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.metadata
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("pos_app", "devices", "receipts", "sync")  # pyproject.toml's packages
HELP_TARGET = 3.0
LEDGER_TARGET = 1.5
LEDGER_COMMANDS = {"pos member show": "pos member show --phone 13800138000",
                   "pos sale": "pos sale --item 6901234560060 --tender cash"}
SECTION = "## Command-line start-up"
BEFORE = " (before)"


def commands(pos: str, data: Path) -> dict[str, list[str]]:
    py = sys.executable
    d = ["--data-dir", str(data)]
    return {
        "python -c pass": [py, "-c", "pass"],
        'python -c "import sqlalchemy.orm"': [py, "-c", "import sqlalchemy.orm"],
        "pos --help": [pos, "--help"],
        "pos --version": [pos, "--version"],
        "pos member show --phone 13800138000": [pos, *d, "member", "show", "--phone",
                                                "13800138000"],
        "pos sale --item 6901234560060 --tender cash": [pos, *d, "sale", "--item",
                                                        "6901234560060", "--tender", "cash"],
    }


def measure(cmds: dict[str, list[str]], rounds: int, warmup: int, env: dict[str, str],
            cwd: Path) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Each command's wall-clock times and CPU times (user + system, from the process's
    resource usage: on a machine shared with other work they move less than the wall
    clock)."""
    times: dict[str, list[float]] = {name: [] for name in cmds}
    cpu: dict[str, list[float]] = {name: [] for name in cmds}
    for r in range(warmup + rounds):
        for name, argv in cmds.items():
            started = time.perf_counter()
            with subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  env=env, cwd=cwd) as proc:
                err = proc.stderr.read() if proc.stderr else b""
                _pid, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = os.waitstatus_to_exitcode(status)
            took = time.perf_counter() - started
            if proc.returncode != 0:
                raise SystemExit(f"{name} failed: {err.decode()[-500:]}")
            if r >= warmup:
                times[name].append(took)
                cpu[name].append(usage.ru_utime + usage.ru_stime)
    return times, cpu


def before_commands(cmds: dict[str, list[str]], checkout: Path) -> dict[str, list[str]]:
    """The ``pos`` commands run with another checkout's packages: the console script's two
    lines with that checkout appended to ``sys.path`` (found before the editable install's
    finder, and after the standard library, so other imports search no extra folder)."""
    script = (f"import sys; sys.path.append({str(checkout)!r}); "
              "from pos_app.cli import main; sys.exit(main())")
    return {name + BEFORE: [sys.executable, "-c", script, *argv[1:]]
            for name, argv in cmds.items() if name.startswith("pos ")}


def table(times: dict[str, list[float]],
          cpu: dict[str, list[float]]) -> tuple[str, dict[str, float]]:
    med = {name: statistics.median(ts) for name, ts in times.items()}
    cmed = {name: statistics.median(ts) for name, ts in cpu.items()}
    base, orm = med["python -c pass"], med['python -c "import sqlalchemy.orm"']
    corm = cmed['python -c "import sqlalchemy.orm"']
    rows = ["| command | median | ÷ `python -c pass` | ÷ importing the ORM "
            "| CPU time | CPU ÷ the ORM's |",
            "|---|---|---|---|---|---|"]
    for name, m in med.items():
        c = cmed[name]
        rows.append(f"| `{name}` | {m * 1000:.0f} ms | {m / base:.1f}× | {m / orm:.2f}× "
                    f"| {c * 1000:.0f} ms | {c / corm:.2f}× |")
    return "\n".join(rows), med


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--write", type=Path, help="replace this section of docs/benchmarks.md")
    ap.add_argument("--before", type=Path, metavar="CHECKOUT",
                    help="also time the pos commands with another checkout's packages "
                    "first on PYTHONPATH (e.g. a worktree of an earlier commit), in turns")
    args = ap.parse_args(argv)
    pos = str(Path(sys.executable).parent / "pos")
    load = os.getloadavg()[0]
    for package in PACKAGES:
        compileall.compile_dir(ROOT / package, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
               "XDG_DATA_HOME": str(home / "share")}
        for k in ("POS_CONFIG", "POS_DATA_DIR", "PYTHONPROFILEIMPORTTIME"):
            env.pop(k, None)
        data = home / "demo"
        subprocess.run([pos, "--data-dir", str(data), "demo"], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        cmds = commands(pos, data)
        if args.before:
            for package in PACKAGES:
                compileall.compile_dir(args.before / package, quiet=1)
            cmds.update(before_commands(cmds, args.before.resolve()))
        times, cpu = measure(cmds, args.rounds, args.warmup, env, home)
    text, med = table(times, cpu)
    base, orm = med["python -c pass"], med['python -c "import sqlalchemy.orm"']
    help_ratio = med["pos --help"] / base
    ledger = {short: med[name] / orm for short, name in LEDGER_COMMANDS.items()}
    print(text)
    print(f"pos --help ÷ python -c pass = {help_ratio:.2f} (target ≤ {HELP_TARGET})")
    for short, ratio in ledger.items():
        print(f"{short} ÷ import sqlalchemy.orm = {ratio:.2f} (target ≤ {LEDGER_TARGET})")
    if args.write:
        write_section(args.write, text, med, args.rounds, (load, os.getloadavg()[0]),
                      args.before)
    met = help_ratio <= HELP_TARGET and all(r <= LEDGER_TARGET for r in ledger.values())
    return 0 if met else 1


def machine(load: tuple[float, float], cpus: int | None) -> str:
    """How busy the machine was, from its load average around the run."""
    if max(load) < (cpus or 1) / 2:
        return "a quiet machine"
    return ("a machine shared with other work: the wall-clock figures wander with it, the "
            "CPU times less")


def write_section(path: Path, text: str, med: dict[str, float], rounds: int,
                  load: tuple[float, float], before: Path | None) -> None:
    cpu = os.cpu_count()
    orm = med['python -c "import sqlalchemy.orm"']
    helps = med["pos --help"] / med["python -c pass"]
    ledger = [f"`{short}` {'meets' if med[name] / orm <= LEDGER_TARGET else 'misses'} it "
              f"({med[name] / orm:.2f}× the ORM)" for short, name in LEDGER_COMMANDS.items()]
    verdict = (f"`pos --help` {'meets' if helps <= HELP_TARGET else 'misses'} its target "
               f"({helps:.1f}×); of the commands on the ledger, " + " and ".join(ledger) + ".")
    then = ""
    if before:
        commit = subprocess.run(["git", "-C", str(before), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True, check=False).stdout.strip()
        then = (f"Rows marked *(before)* are the same commands with the packages of main at "
                f"{commit or before} (`--before` a worktree of it; the console script's "
                f"lines with that checkout on `sys.path`), taking turns in the same rounds."
                f"\n\n")
    then, verdict = (textwrap.fill(then, 88) + "\n\n" if then else ""), textwrap.fill(verdict, 88)
    measured = textwrap.fill(
        f"Measured {date.today().isoformat()} on {platform.node()} ({platform.machine()}, "
        f"{cpu} CPUs), Python {platform.python_version()}, SQLAlchemy "
        f"{importlib.metadata.version('sqlalchemy')}; load average {load[0]:.1f} before the "
        f"run and {load[1]:.1f} after it ({machine(load, cpu)}):", 88, break_on_hyphens=False)
    body = f"""{SECTION}

Targets (issue 12): `pos --help` within 3× `python -c pass`; a command on the ledger
(`pos member show`, `pos sale`) within 1.5× `python -c "import sqlalchemy.orm"`.

Command (from the repository root):

    .venv/bin/python bench/cli_startup.py --write docs/benchmarks.md \\
        [--before /path/to/a/worktree/of/an/earlier/commit]

Whole processes, timed from spawn to exit, {rounds} rounds after warm-up rounds; the
commands take turns in each round; medians. The CPU time is the process's own (user and
system, from its resource usage). `member show` and `sale` run on the demo data folder
(set up once; one cash sale of one item per round; no config file). The project's
packages are byte-compiled first, as installing the wheel does (without it every run
would also time Python compiling `pos_app` when `PYTHONDONTWRITEBYTECODE` is set).

{measured}

{text}

{then}{verdict}

What a command on the ledger pays beyond importing the ORM, and what was done about it:

- **Interpreter exit.** Python's last collector passes at exit traversed every object the
  command had made (SQLAlchemy's mappings are full of reference cycles): over 100 ms
  after `member show`. `pos_app.cli.entry.main`, when it runs as the process's command,
  freezes the collector's generations (`gc.freeze()`) once the command is done, so the
  process ends as soon as its files, log and ledger are closed.
- **The collector during start-up.** The imports, the mapping and opening the ledger make
  some 125,000 objects that live as long as the process; `main` pauses the cyclic
  collector until the command runs (`pos_app.cli.collector`). When it resumes, in the
  console script's own process, it first freezes them: otherwise its first passes
  traverse all of them (about 50 ms). A caller of `main(argv)` in its own process gets
  the collector back as it had it, nothing frozen.
- **Libraries where they are used.** cryptography loads when personal data is first
  sealed or opened, argon2 where a PIN is set or checked, phonenumbers where a phone
  number is read, python-stdnum where a card or ID number is checked, the XML reader
  where a message catalogue is read; `pos member` loads card sales and group enrollment
  only to enroll or import, and `pos_app.config` the backup module only for `config
  check`. A cash sale without a member loads none of them (tests/cli/test_main.py).
- **String annotations.** `pos_app/core/models.py` does not use
  `from __future__ import annotations`, so SQLAlchemy reads the `Mapped[...]` types
  instead of evaluating some 260 annotation strings.
- **The device table.** `pos_app.config` imports `devices.registry` (and the device
  events it names) only to check a config file's `[[devices]]`.

What is left is mostly SQLAlchemy itself (CPU times measured on the shared machine):
mapping the ledger's 39 classes (about 1.3 ms a class whatever its columns, some 55 ms),
configuring their attributes and relationships on the first query (25 to 30 ms), the
SQLite dialect (about 6 ms) and compiling each statement the first time a process runs
it (about 6 ms for `member show`, 18 ms for the 29 statements of a sale); then the core
modules a command needs (the program and its dataclasses, the receipt model for a sale,
phone numbers and cryptography for `member show`). `pos --help` and `--version` load
only the parser; a command on a ledger at the newest schema revision imports no Alembic.
`-X importtime` (or `PYTHONPROFILEIMPORTTIME=1 pos ...`) shows the imports.
"""
    doc = path.read_text(encoding="utf-8")
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(doc):
        doc = pattern.sub(lambda _m: body + "\n", doc).rstrip("\n") + "\n"
    else:
        doc = doc.rstrip("\n") + "\n\n" + body
    path.write_text(doc, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
