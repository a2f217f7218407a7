"""``pos ledger verify`` and ``pos audit verify``: prove the books and the audit log's
hash chain; exit 1 (:data:`~pos_app.cli.errors.EXIT_PROBLEMS`) when anything is wrong."""

from __future__ import annotations

import argparse

from pos_app.cli.errors import EXIT_OK, EXIT_PROBLEMS
from pos_app.cli.language import tr, word
from pos_app.cli.operator import operator
from pos_app.cli.output import emit
from pos_app.cli.parser import subcommands
from pos_app.core import ledger, outbox, reconcile, sealing, staff
from pos_app.core.messages import Msg, plain
from pos_app.core.terminal import Terminal


def add_ledger(parser: argparse.ArgumentParser) -> None:
    x = subcommands(parser).add_parser(
        "verify", help="prove every balance and that debits equal credits"
    )
    x.set_defaults(func=cmd_ledger_verify)


def add_audit(parser: argparse.ArgumentParser) -> None:
    x = subcommands(parser).add_parser("verify", help="check the audit log's hash chain")
    x.set_defaults(func=cmd_audit_verify)


def cmd_ledger_verify(args: argparse.Namespace, t: Terminal) -> int:
    operator(args, t, "verify")
    with t.read() as s:
        rep = ledger.verify(s)
        audit_problems = staff.verify_audit(s)
        outbox_problems = outbox.verify_chain(t, s)
        tie_problems = (
            reconcile.verify(s)
            + sealing.verify(s, t.chain_key)
            + sealing.verify_anchor(s, t.chain_key)
        )
    problems = rep.problems + audit_problems + outbox_problems + tie_problems
    data = {
        "ok": not problems,
        "journals": rep.journals,
        "entries": rep.entries,
        "accounts": rep.accounts,
        "problems": problems,
        "details": details(problems),
    }
    emit(
        args,
        data,
        lambda: print(
            tr("out.ledger_ok", journals=rep.journals, entries=rep.entries,
               accounts=rep.accounts)
            if not problems
            else tr("out.ledger_not_ok", problems=lines(problems))
        ),
    )
    return EXIT_OK if not problems else EXIT_PROBLEMS


def cmd_audit_verify(args: argparse.Namespace, t: Terminal) -> int:
    operator(args, t, "verify")
    with t.read() as s:
        problems = (
            staff.verify_audit(s)
            + reconcile.check_audit_tail(s)
            + sealing.verify_audit(s, t.chain_key)
            + [p for p in sealing.verify_anchor(s, t.chain_key)
               if p.code != "verify.anchor_event"]
        )
    emit(
        args,
        {"ok": not problems, "problems": problems, "details": details(problems)},
        lambda: print(
            tr("out.audit_ok") if not problems
            else tr("out.audit_not_ok", problems=lines(problems))
        ),
    )
    return EXIT_OK if not problems else EXIT_PROBLEMS


def lines(problems: list[Msg]) -> str:
    """The problems one a line, each in the language of the command."""
    return "\n  ".join(word(p) for p in problems)


def details(problems: list[Msg]) -> list[dict[str, object]]:
    """The problems' codes and parameters (``--json``), beside their English text."""
    return [{"code": p.code, "params": plain(p.params)} for p in problems]
