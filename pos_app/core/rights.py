"""Who may do what at the terminal: one table, :data:`RIGHTS`, for every command of
``pos`` and every action on the app's screens, and :func:`require`, the one check each
of them makes. docs/security.md shows this table as it is (``tests/security/
test_rights.py`` compares them and tries every row).

Each row says the least role that does the action alone; whether a lower role may do
it with the PIN of someone holding that role (the approval); and whether the console
(the ``pos`` command run without ``--staff``, as the data folder's owner) may do it. The
console is the set-up account: it may not rewind the ledger, backdate a sale or take
over staff management or restores once the terminal has a manager."""

from __future__ import annotations

from dataclasses import dataclass

from pos_app.core.errors import NotAllowed
from pos_app.core.messages import action as action_name
from pos_app.core.messages import role as role_name

ROLES = ("cashier", "supervisor", "manager")
RANK = {r: i for i, r in enumerate(ROLES)}
CONSOLE_CODE = "console"

# console column values
YES, NO, SETUP = "yes", "no", "set-up"


@dataclass(frozen=True)
class Right:
    action: str
    role: str  # the least role that does it alone
    approval: bool  # a lower role may, with the PIN of someone holding ``role``
    console: str  # YES; NO: a named staff member with their PIN; SETUP: only while the
    # terminal has no manager (setting it up)
    what: str
    where: str  # the pos command and the app's screen where it is done


# The table as data, one row per action: action, the least role that does it alone,
# whether a lower role may with that role's PIN (approval), the console column, what it
# is, where it is done.
_ROWS: tuple[tuple[str, str, bool, str, str, str], ...] = (
    ("sale", "cashier", False, YES, "ring up and take payment for a sale",
     "`pos sale`; Checkout and Payment, F12"),
    ("training_sale", "cashier", False, YES,
     "a training sale (at any business time; nothing kept as money, never synced)",
     "`pos sale --training [--at T]`"),
    ("late_entry", "manager", True, NO,
     "a late entry: a real sale written at an earlier business time, marked and audited",
     "`pos sale --at T --approver MANAGER`"),
    ("void_line", "cashier", False, YES, "remove a line before payment",
     "Checkout, F4"),
    ("price_override", "supervisor", True, YES, "sell an item at another price",
     "`pos sale --override`; Checkout, F5"),
    ("manual_discount", "supervisor", True, YES, "a discount typed in by hand",
     "Checkout, Ctrl+T"),
    ("cancel_sale", "cashier", False, YES,
     "cancel the whole cart before payment, with a reason (audited)", "Checkout, Ctrl+N"),
    ("cancel_sale_large", "supervisor", True, YES,
     "cancel a cart above counter.CANCEL_APPROVAL_ABOVE", "Checkout, Ctrl+N"),
    ("no_sale", "cashier", False, YES,
     "open the cash drawer with no sale, with a reason (audited)", "Checkout, Ctrl+O"),
    ("void_after_payment", "supervisor", True, YES, "void a whole sale after payment",
     "core `refunds.void_sale`"),
    ("refund", "supervisor", True, YES, "refund a sale or some of its lines",
     "`pos refund`; Returns, F12"),
    ("reprint", "supervisor", True, YES, "reprint a saved receipt",
     "`pos receipt reprint`; Checkout, Ctrl+P (the last receipt)"),
    ("view_receipt", "cashier", False, YES, "look at a saved receipt",
     "`pos receipt show`"),
    ("enroll", "cashier", False, YES, "enroll a member, add a supplementary card",
     "`pos member enroll`, `pos member supplementary`; Member counter, F12"),
    ("view_member", "cashier", False, YES, "look a member up (masked phone and ID)",
     "`pos member show`; Member counter F6, Checkout F6"),
    ("bind_card", "cashier", False, YES, "bind a chip or NFC card to a member",
     "`pos member bind`; Member counter"),
    ("block_card", "cashier", False, YES, "block a lost card at once",
     "`pos member block`; Member counter"),
    ("replace_card", "supervisor", True, YES, "replace a card, moving its balances",
     "`pos member replace`; Member counter"),
    ("topup", "cashier", False, YES, "top up stored value",
     "`pos stored-value topup`; Member counter, F12"),
    ("balance_slip", "cashier", False, YES, "print a member's balance slip",
     "`pos balance-slip`; Balance slip, F12"),
    ("gift_view", "cashier", False, YES, "look at the gifts in stock",
     "`pos gift stock`; Member counter, gifts"),
    ("gift_redeem", "cashier", False, YES, "give a gift for points (礼品兑换)",
     "`pos gift redeem`, `pos sale --gift-for-points`; Member counter, Checkout"),
    ("gift_stock", "supervisor", False, YES,
     "receive gifts into stock, set the stock to a count (盘点)",
     "`pos gift receive`, `pos gift count`"),
    ("entitlement_use", "cashier", False, YES,
     "record a use of a member's service, with the staff who served",
     "`pos entitlement use`; Member counter, services"),
    ("entitlement_grant", "supervisor", False, YES,
     "grant a member a service by hand, with a reason", "`pos entitlement grant`"),
    ("points_transfer", "supervisor", True, YES,
     "move points between members (where the program allows)", "`pos points transfer`"),
    ("points_expire", "supervisor", False, YES, "post the expiry of lots past their date",
     "`pos points expire`"),
    ("tier_review", "manager", True, YES,
     "change a member's tier by hand; run the tier downgrade review",
     "`pos tiers review`; Member counter (tier)"),
    ("open_shift", "supervisor", True, YES, "open a shift with a cash float",
     "Shift, F3"),
    ("close_shift", "supervisor", True, YES, "close a shift with the Z report",
     "Shift, F5"),
    ("catalog_import", "manager", False, YES, "import the item catalog",
     "`pos catalog import`"),
    ("manage_staff", "manager", False, SETUP, "add staff members",
     "`pos staff add`"),
    ("unlock_staff", "manager", False, NO, "lift a staff code's PIN lock-out early",
     "`pos staff unlock`"),
    ("staff_report", "supervisor", False, YES,
     "the per-staff report for a day or a month (sales, orders, VIP share, "
     "enrollments, card-sale commission)", "`pos staff report`"),
    ("verify", "cashier", False, YES, "check the ledger and the audit log",
     "`pos ledger verify`, `pos audit verify`"),
    ("backup", "supervisor", False, YES, "back up the ledger (also the timer)",
     "`pos backup`"),
    ("restore", "manager", False, SETUP,
     "put a backup back over the ledger (erases what came after it)", "`pos restore`"),
    ("sync", "supervisor", False, YES, "sync with HQ (also the service)", "`pos sync`"),
    ("card_batch", "manager", False, YES,
     "make a batch of numbered cards of a card product (finance)", "`pos card batch`"),
    ("card_receive", "supervisor", True, YES,
     "receive a batch of cards and register it to the store's stock",
     "`pos card receive`"),
    ("card_sale", "cashier", False, YES,
     "sell cards of a card product from the store's stock at face value",
     "`pos card sell`; Member counter, Card stock tab"),
    ("card_sale_discount", "supervisor", True, YES,
     "sell cards below face (to the product's lowest rate) to a chosen customer",
     "`pos card sell --price`; Member counter, Card stock tab (Sell on terms)"),
    ("card_grant", "supervisor", False, YES,
     "give a member a card by the product's spending rule",
     "`pos card grant`; Member counter, Card stock tab"),
    ("card_expire", "manager", False, YES,
     "expire the yearly cards past their validity", "`pos card expire`"),
    ("card_return", "supervisor", True, YES,
     "take back the unused cards of a card sale within the product's return_days: the "
     "price given back, bonus and commission reversed, the cards blocked",
     "`pos card return`"),
    ("group_enroll", "supervisor", True, YES,
     "enroll an organisation's staff from a CSV or XLSX file, cards in sequence",
     "`pos member import`; Member counter, Group enrollment tab"),
    ("chip_data", "cashier", False, YES,
     "write the holder's record to a card's chip or tag; check a chip's record",
     "`pos card chip-record`, `pos card write-chip`, `pos card check-chip`"),
    ("card_stock", "cashier", False, YES, "look at the store's card stock and a card's moves",
     "`pos card stock`, `pos card history`; Member counter, Card stock tab"),
)

RIGHTS: tuple[Right, ...] = tuple(Right(*row) for row in _ROWS)


@dataclass(frozen=True)
class Operator:
    """Who is at the terminal: a staff member whose PIN was checked, or the console."""

    code: str
    role: str

    def may(self, action: str) -> bool:
        """May this person do ``action`` alone?"""
        return may(self, action)


# the pos command without --staff: the data folder's owner (the console column)
CONSOLE = Operator(CONSOLE_CODE, "manager")

BY_ACTION: dict[str, Right] = {r.action: r for r in RIGHTS}


def right(action: str) -> Right:
    """The row of ``action``; every action a command or screen checks has one."""
    try:
        return BY_ACTION[action]
    except KeyError:
        raise LookupError(f"no row for {action!r} in the rights table") from None


def is_console(who: Operator) -> bool:
    return who.code == CONSOLE_CODE


def may(who: Operator, action: str, *, setup: bool = False) -> bool:
    """May ``who`` do ``action`` alone? ``setup``: the terminal has no manager yet."""
    r = right(action)
    if is_console(who):
        return r.console == YES or (r.console == SETUP and setup)
    return RANK[who.role] >= RANK[r.role]


def require(
    who: Operator, action: str, approver: Operator | None = None, *, setup: bool = False
) -> str | None:
    """Check ``who`` may do ``action``, else that ``approver`` (whose PIN was checked)
    may approve it. Returns the approver's code, None when no approval was needed.
    Raises NotAllowed naming the action and the role it needs."""
    r = right(action)
    if may(who, action, setup=setup):
        return None
    if is_console(who) and r.console != YES and approver is None:
        code = "staff.needs_named_or_approver" if r.approval else "staff.needs_named"
        raise NotAllowed(code, action=action_name(action), role=role_name(r.role))
    if not r.approval:
        raise NotAllowed("staff.needs_role", action=action_name(action), role=role_name(r.role))
    if approver is None:
        raise NotAllowed("staff.needs_approval", action=action_name(action),
                         role=role_name(r.role))
    if is_console(approver) or RANK[approver.role] < RANK[r.role]:
        raise NotAllowed("staff.may_not_approve", staff=approver.code,
                         role=role_name(approver.role), action=action_name(action))
    return approver.code


def markdown() -> str:
    """The table as docs/security.md shows it (``python -m pos_app.core.rights``)."""
    out = [
        "| action | what | least role alone | a lower role with approval | console "
        "(no `--staff`) | where |",
        "|---|---|---|---|---|---|",
    ]
    console = {YES: "yes", NO: "no: a named manager and PIN",
               SETUP: "only while the terminal has no manager"}
    for r in RIGHTS:
        approval = f"yes, a {r.role}'s PIN" if r.approval and r.role != ROLES[0] else "no"
        out.append(f"| `{r.action}` | {r.what} | {r.role} | {approval} | "
                   f"{console[r.console]} | {r.where} |")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
