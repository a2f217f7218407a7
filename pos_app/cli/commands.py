"""Every ``pos`` command: its name, the module of this package that holds it, and the
one line ``pos --help`` shows. The module is imported only when its command is run or
asked for help; it registers the command's options with ``add_<name>(parser)``
(``-`` read as ``_``: ``stored-value`` -> ``add_stored_value``).

To add a command: write its module (see ``tiers.py`` for a small one), add one line here
and a row to docs/cli.md.
"""

from __future__ import annotations

from typing import NamedTuple


class Command(NamedTuple):
    module: str
    help: str


# in the order ``pos --help`` lists them
COMMANDS: dict[str, Command] = {
    "init": Command("init", "set up a new terminal data folder"),
    "demo": Command("demo", "set up demo data (if missing) and ring up a demo sale"),
    "app": Command("app", "open the cashier app (demo data if the folder is empty)"),
    "catalog": Command("catalog", "the item catalog"),
    "member": Command("member", "members and cards"),
    "card": Command("card", "card stock: batches, receiving, stock, a card's moves"),
    "stored-value": Command("stored_value", "stored value"),
    "shift": Command("shift", "the cashier shift: open, X report, close with the Z report"),
    "sale": Command("sale", "ring up and pay a sale"),
    "refund": Command("refund", "refund a sale or chosen lines"),
    "ledger": Command("ledger", "the ledger"),
    "audit": Command("ledger", "the audit log"),
    "points": Command("points", "points"),
    "gift": Command("gift", "gifts: stock, receive, count, redeem for points"),
    "entitlement": Command("entitlement", "a member's services: list, use, grant"),
    "tiers": Command("tiers", "tiers"),
    "staff": Command("staff", "staff"),
    "receipt": Command("receipt", "saved receipts: show, reprint"),
    "balance-slip": Command("receipt", "print a member's balance slip"),
    "sync": Command("sync", "sync this terminal with HQ (upload, then download)"),
    "hq": Command("hq", "the HQ service"),
    "backup": Command("backup", "back up the ledger (online, SQLite backup API)"),
    "restore": Command("backup", "put a backup back as the ledger (a rewind for sync)"),
    "config": Command("config", "the terminal's config file"),
}
