"""Every message the core gives staff, by a stable code with named parameters.

The core raises ``PosError("member.phone_taken", phone=...)``; the code and parameters
travel with the error, its English text is :data:`MESSAGES`' template filled in. The
app and the command line show the same message in the chosen language: the templates
are translated in the Linguist catalogue (``pos_app/ui/i18n/pos_<lang>.ts``, context
``errors``, kept in step by ``scripts/ui-translations``). A parameter may itself be a
:class:`Msg` (or a list of them), translated the same way.

Codes are part of the terminal's interface (the command line's JSON errors carry them):
never reuse a code for another meaning; add a new one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

CONTEXT = "errors"

MESSAGES: dict[str, str] = {
    # free text from outside the catalogue (an adapter's or a library's words)
    "error": "{text}",
    # terminal and data folder
    "storage.disk_full": "the disk holding {folder} is full; nothing was changed",
    "storage.read_only": "the data folder {folder} is read-only; nothing was changed",
    "storage.locked": "the ledger is locked by another program (waited {seconds} s); nothing "
    "was changed",
    "storage.cannot_open": "the ledger file in {folder} cannot be opened; nothing was changed",
    "storage.io_error": "the disk holding {folder} failed to read or write; nothing was "
    "changed",
    "storage.cannot_write": "cannot write {file}; nothing was changed",
    "terminal.not_set_up": "{folder} is not set up: run 'pos init' first",
    "terminal.bad_identifier": "{name} must be 1-40 letters, digits, '-' or '_', got '{value}'",
    "terminal.bad_card_block": "card block must be 1..9999, got {block}",
    "terminal.already_set_up": "{folder} already holds a terminal ledger; nothing was changed",
    "terminal.no_ledger": "{folder} has no terminal ledger: run 'pos init' first",
    "terminal.naive_clock": "the clock must give time-zone aware times",
    "terminal.root_on_users_folder":
        "{folder} belongs to user '{user}': run the command as that user "
        "(sudo -u {user} pos ...), not as root",
    "folder.exists": "{path} already exists; nothing was written",
    "folder.copy_damaged": "the copy of {path} failed its integrity check: {detail}",
    # backup and restore
    "backup.no_file": "{path}: no such file",
    "backup.not_sqlite": "{path} is not a terminal ledger (not an SQLite database)",
    "backup.missing_tables": "{path} is not a terminal ledger (no {tables} table)",
    "backup.not_set_up": "{path} is not a set-up terminal ledger (no terminal_info row)",
    "backup.unreadable": "{path} is not a readable terminal ledger: {detail}",
    "backup.keep_one": "keep at least one backup",
    "backup.live_ledger": "that is the live ledger itself; give a backup file",
    "backup.unknown_revision":
        "{path} has schema revision '{revision}', which this version of the terminal does "
        "not know (a backup from a newer version?); upgrade first",
    "backup.damaged": "{path} is damaged (integrity check: {detail}); nothing was changed",
    "backup.other_terminal":
        "{path} belongs to {theirs}, this data folder to {mine}; nothing was changed "
        "(--force to restore anyway)",
    "backup.key_problem": "{detail}; nothing was changed (--force to restore anyway)",
    "backup.restored_damaged": "the restored ledger failed its integrity check: {detail}",
    "backup.restore_failed":
        "could not restore into {path}: {detail} (stop the terminal app and services first)",
    # members and cards
    "member.phone_not_a_number": "phone '{phone}' is not a phone number",
    "member.phone_not_mainland": "phone '{phone}' is not a valid mainland China number",
    "member.phone_not_mobile": "phone '{phone}' is not a mainland mobile number",
    "member.card_block_used_up":
        "this terminal's block of card numbers is used up; ask HQ for another",
    "member.card_no_format": "card number '{card}' must be 4-32 letters or digits",
    "member.card_check_digit": "card number {card} has a wrong check digit",
    "member.bad_media": "card media must be one of {allowed}, got '{media}'",
    "member.bad_uid": "{media} UID '{uid}' must be 4-10 bytes in hex",
    "member.anonymous_id_number": "an anonymous card takes no ID number",
    "member.name_required": "name is required (or enroll an anonymous card)",
    "member.phone_required": "phone is required (or enroll an anonymous card)",
    "member.name_too_long": "name is longer than 60 characters",
    "member.address_too_long": "address is longer than 200 characters",
    "member.bad_id_number": "ID number is not a valid resident ID (GB 11643): {detail}",
    "member.birthday_mismatch": "birthday {birthday} does not match the ID number's {id_birthday}",
    "member.birthday_future": "birthday {birthday} is in the future",
    "member.too_young": "applicant is {age}; members must be {min_age} or older",
    "member.bad_email": "email '{email}' is not an email address",
    "member.bad_gender": "gender must be F or M, got '{gender}'",
    "member.phone_taken": "phone {phone} already belongs to a member",
    "member.card_issued": "card {card} is already issued",
    "member.media_bound": "this {media} ({uid}) is already bound to another card",
    "member.no_card": "no card {card}",
    "member.card_unusable": "card {card} is {status}: it cannot be used",
    "member.card_past_validity": "card {card} was valid until {until}: it cannot be used",
    "member.no_member_with_phone": "no member with phone {phone}",
    "member.has_no_card": "member {member} has no card",
    "member.supplementary_of_supplementary":
        "a supplementary card hangs under a main card, not another supplementary",
    "member.limit_not_positive": "a spend limit must be above zero",
    "member.card_already": "card {card} is already {status}",
    "member.not_blocked": "card {card} is not blocked; block it first",
    "member.already_replaced": "card {card} was already replaced",
    "member.no_member": "no member {member}",
    # the program file: a key the terminal does not read (pos init warns of it)
    "program.unknown_key_at": "{file} line {line}: {key}: unknown key, ignored",
    "program.unknown_key": "{file}: {key}: unknown key, ignored",
    # card stock
    "card.no_product": "no card product '{product}' in the program (it has: {known})",
    "card.bad_start":
        "the first number of a batch is 7-31 digits without its check digit, got '{start}'",
    "card.bad_count": "a batch holds 1 to {most} cards, got {count}",
    "card.range_overflow": "{count} numbers from {start} run past its number of digits",
    "card.media_not_of_product": "card product {product} comes on {allowed}, not '{media}'",
    "card.batch_overlaps": "batch {batch} already holds numbers {first} to {last}",
    "card.prefix": "the numbers of card product {product} begin with {prefix}",
    "card.bad_note": "the delivery note is not readable: {detail}",
    "card.no_batch": "no batch {batch} on this terminal (receive it with its delivery note)",
    "card.not_in_batch": "card {card} is not in batch {batch}",
    "card.range_backwards": "the range {first} to {last} runs backwards",
    "card.already_registered": "{count} of these cards are registered or issued already: {cards}",
    "card.not_in_stock": "card {card} is not registered to store {store}: it cannot be issued here",
    "card.not_issuable": "card {card} is {status}, not in stock: it cannot be issued",
    "card.stock_empty": "no card of {product} left in this store's stock",
    "card.bad_move": "card {card} is {status}; it cannot become {to}",
    "card.not_in_stock_anywhere": "card {card} was never registered to a store's stock",
    "card.not_of_product": "card {card} is not a {product} card of this store's stock",
    "card.stock_short": "{count} {product} cards wanted; {left} left in this store's stock",
    # why a stock card moved (pos card history; kept as its English text in card_moves)
    "cardmove.received": "received from batch {batch}",
    "cardmove.enrolled": "enrolled",
    "cardmove.supplementary": "supplementary card",
    "cardmove.replaces": "replaces {card}",
    "cardmove.lost": "lost",
    "cardmove.expired": "validity ended",
    "cardmove.renewed": "renewed by top-up",
    "cardmove.sale": "sale {no}",
    "cardmove.grant": "grant {no}",
    "cardmove.returned": "returned {no}",
    # why a member's tier changed (the member counter's history, pos member show --history;
    # kept as its English text in tier_changes, which the audit log and HQ receive)
    "tier.reason.enrolled": "enrolled",
    "tier.reason.single_purchase": "upgrade: single purchase {spent} ≥ {rule}",
    "tier.reason.single_day": "upgrade: single day {spent} ≥ {rule}",
    "tier.reason.rolling_12m": "upgrade: 12 months {spent} ≥ {rule}",
    "tier.reason.downgrade": "downgrade on review: 12 months {spent} < keep {keep}",
    "tier.reason.by_hand": "by hand: {reason}",
    # card sales
    "cardsale.bad_price":
        "a card's price must be above zero and at most its face {face}, got {price}",
    "cardsale.below_lowest": "{product} may be sold at {lowest} at the least, not {price}",
    "cardsale.buyer_name": "the buyer's name goes with the buyer's ID number",
    "cardsale.real_name":
        "a purchase of cards of {amount} reaches the real-name threshold {threshold}: give "
        "the buyer's name and ID number",
    "cardsale.bad_count": "one purchase takes 1 to {most} cards, got {count}",
    "cardsale.needs_holder":
        "a {product} card is registered: sell one card at a time to its holder (--holder "
        "card or phone)",
    "cardsale.anonymous_holder": "a {product} card is anonymous: it takes no holder",
    "cardsale.not_granted": "card product {product} is not given by a spending rule",
    "cardsale.spend_short":
        "the member spent {spent} in 12 months; {product} is given from {threshold}",
    "cardsale.granted_already": "the member was given a {product} card this year ({sale})",
    "cardreturn.no_sale": "no card sale {ref} at this terminal (give its receipt or a card of it)",
    "cardreturn.granted": "{sale} gave a card by a spending rule: it was not sold and is not "
    "returned",
    "cardreturn.already": "card sale {sale} was returned already ({ret})",
    "cardreturn.not_returnable": "cards of {product} are not taken back once sold",
    "cardreturn.too_late":
        "card sale {sale} of {sold} is past the {days} day(s) within which its cards are "
        "taken back",
    "cardreturn.card_not_active": "card {card} is {status}: it cannot be returned",
    "cardreturn.used": "card {card} has been used (its stored value moved): it cannot be "
    "returned",
    "cardreturn.supplementary": "card {card} has a supplementary card: it cannot be returned",
    "cardreturn.service_used": "a service card {card} brought has been used: it cannot be "
    "returned",
    # chip cards carry their holder
    "chip.no_record": "the chip carries no holder record: write it at the member counter",
    "chip.unknown_key":
        "the chip's check uses key version {version}, which this terminal does not hold",
    "chip.other_card": "the chip of card {card} carries card {written}: refused",
    "chip.bad_check": "the chip of card {card} does not match its holder: refused",
    "chip.device": "the card reader: {detail}",
    # group enrollment
    "group.no_file": "{path}: no such file",
    "group.file_kind": "{path}: give a .csv or .xlsx file",
    "group.empty": "{path} is empty",
    "group.columns": "{path} has no column {missing} in its first row",
    "group.rows": "a group holds 1 to {most} rows, got {count}",
    "group.encoding": "{path}: not UTF-8 or GB18030 text",
    "group.bad_xlsx": "{path} is not a readable spreadsheet: {detail}",
    "group.bad_birthday": "birthday '{birthday}' is not a date (YYYY-MM-DD)",
    "group.dup_phone": "phone {phone} is also on row {row} of the file",
    "group.dup_id": "the ID number is also on row {row} of the file",
    "group.id_taken": "the ID number already belongs to a member",
    "group.organisation": "name the organisation the group comes from",
    "group.bad_rows":
        "{bad} of {rows} rows have problems: nothing was enrolled (the report names each; "
        "--skip-bad enrolls the others)",
    # card statuses (a parameter of the messages above)
    "status.in_stock": "in stock",
    "status.issued": "issued",
    "status.sold": "sold",
    "status.expired": "expired",
    "status.active": "active",
    "status.blocked": "blocked",
    "status.replaced": "replaced",
    "status.closed": "closed",
    "status.open": "open",
    "status.pending": "pending",
    # stored value
    "sv.topup_not_positive": "top-up amount must be above zero, got {amount}",
    "sv.topup_tender": "a top-up is paid by {allowed}, not '{tender}'",
    "sv.topup_supplementary": "top up the main card; a supplementary card spends from it",
    "sv.real_name":
        "a purchase of {amount} or more needs the holder's ID number on file "
        "(real-name threshold {threshold})",
    "sv.over_cap":
        "balance would be {balance}, over the {cap} cap of {kind} card; at most {room} "
        "more can be added",
    "sv.kind_named": "a registered",
    "sv.kind_anonymous": "an anonymous",
    "sv.short": "stored value {balance} is less than {amount}",
    "sv.limit_per_sale": "card {card} may spend at most {limit} per sale",
    "sv.limit_per_day": "card {card} may spend {limit} a day; {used} already spent today",
    "sv.needs_card": "stored value pays only when the member's card is presented",
    "sv.blocked_by_hq": "card {card} is blocked by HQ: {reason}",
    "sv.blocked_offline": "card {card} is blocked for offline use by HQ: {reason}",
    "sv.offline_card_cap":
        "HQ is unreachable: card {card} may spend at most {cap} offline on this terminal; "
        "{used} already spent",
    "sv.offline_budget":
        "HQ is unreachable and this terminal's offline stored-value budget has {left} left",
    # tenders
    "tender.points_share":
        "points may pay at most {cap} of this sale ({share} of {total}); "
        "{points} points are {value}",
    "tender.unknown_kind": "tender '{kind}' is not one of {allowed}",
    "tender.nothing_due": "tender {no} ({kind}): nothing is left to pay",
    "tender.short": "tenders cover {paid} of {total}; {due} still due",
    "tender.points_need_member": "points can pay only when a member is attached",
    "tender.points_supplementary": "a supplementary card cannot pay with the main member's points",
    "tender.points_count": "a points tender needs a number of points, e.g. points:200",
    "tender.points_unit": "points are paid in whole units of {unit}, got {points}",
    "tender.points_over_due": "{points} points ({value}) are more than the {due} left to pay",
    "points.not_enough": "member has {have} points; {asked} asked",
    "tender.amount_missing": "only the last tender may leave out its amount",
    "tender.amount_not_positive": "tender {no} ({kind}): amount must be above zero",
    "tender.over_due":
        "tender {no} ({kind}) of {amount} is more than the {due} left to pay; "
        "only cash gives change",
    "tender.reference_long":
        "a bank-card reference is at most {max} characters (never track data)",
    # points
    "points.transfer_off":
        "this program does not allow points transfers (points.transfer_allowed)",
    "points.transfer_not_positive": "points to transfer must be above zero",
    "points.transfer_same": "cannot transfer points to the same member",
    # shifts
    "shift.none_open": "no shift is open: open one with a cash float first",
    "shift.float_negative": "the cash float cannot be negative",
    "shift.float_high": "a cash float above {max} is not plausible",
    "shift.already_open": "a shift is already open on this terminal: close it first",
    "shift.no_opening": "shift {shift} has no opening row in the ledger",
    "shift.counted_negative": "counted cash cannot be negative",
    "shift.needed":
        "no shift is open on this terminal: open a shift with a cash float before {what} "
        "(pos shift open --float AMOUNT, or Shift in the app)",
    "shift.for_sale": "a sale",
    "shift.for_refund": "a refund",
    "shift.for_void": "a void",
    "shift.for_topup": "a top-up",
    "shift.for_card_sale": "a card sale",
    "shift.for_card_return": "a card return",
    # the counter: parked carts, cancelled sales, the no-sale drawer, manual discounts
    "park.empty": "an empty cart cannot be parked",
    "park.too_many": "{waiting} carts are parked already (at most {max}): recall or cancel one",
    "park.not_found": "no parked cart {id} on this terminal (recalled already?)",
    "counter.cancel_empty": "the cart is empty: nothing to cancel",
    "counter.reason_needed": "give the reason first",
    "counter.reason_long": "the reason is at most {max} characters",
    "pricing.manual_rate":
        "line {line} ({item}): a manual discount keeps {min} to 0.99 of the price "
        "(9折 = 0.90), got {rate}",
    # what sets the most a card may pay now (the payment screen shows it)
    "sv.room_balance": "stored value balance {balance}",
    "sv.room_per_sale": "the card's limit of {limit} per sale",
    "sv.room_per_day": "the card's limit of {limit} a day ({used} spent today)",
    "sv.room_offline_cap":
        "HQ is unreachable: at most {cap} per card offline, {used} already spent",
    "sv.room_offline_budget": "HQ is unreachable: this terminal's offline stored-value budget",
    # sales and refunds
    "sale.no_items": "a sale needs at least one item",
    "sale.bad_qty": "item {item}: quantity must be 1 to {max}, got {qty}",
    "sale.unknown_item": "item '{item}' (line {line}) is not in the catalog",
    "sale.negative_price": "item {item}: a price cannot be negative",
    "sale.naive_time": "the sale time must carry a time zone (e.g. 2026-11-09T14:00:00+08:00)",
    "sale.no_tender": "a sale needs at least one tender (e.g. --tender cash)",
    "sale.not_found": "no sale '{sale}' on this terminal",
    "sale.nothing_found": "Nothing found for {code}",
    # gifts (礼品): stock, redemption for points, gifts with a purchase
    "gift.unknown": "no gift '{gift}' in the program (gifts: {known})",
    "gift.bad_qty": "gift quantity must be 1 to {max}, got {qty}",
    "gift.bad_count": "a counted stock must be 0 to {max}, got {qty}",
    "gift.count_reason": "a stock count needs a reason",
    "gift.out_of_stock": "gift {gift} ({code}) is out of stock in this store",
    "gift.not_for_points": "gift {gift} ({code}) cannot be had for points",
    "gift.not_offered": "gift {gift} is not one of promotion {promotion}'s gifts ({gifts})",
    "gift.no_promotion": "no gift-with-purchase promotion {promotion} applies to this sale",
    "gift.points_need_member": "a gift for points needs a member card",
    # entitlements (权益): services of a tier or a card product
    "entitlement.unknown_service": "no service '{service}' in the program (services: {known})",
    "entitlement.none": "the member has no {service}",
    "entitlement.used_up": "the member's {service} is used up",
    "entitlement.expired": "the member's {service} expired on {until}",
    "entitlement.unknown_staff": "no active staff member {staff}",
    "entitlement.bad_count": "a service's count must be 1 to {max}, got {count}",
    "entitlement.bad_months": "valid months must be 1 to 1200, got {months}",
    "entitlement.reason": "a service granted by hand needs a reason",
    # staff performance (业绩)
    "performance.unknown_assistant": "no active staff member {staff} to credit the sale to",
    "performance.bad_month": "month must be YYYY-MM, got '{month}'",
    "performance.bad_day": "day must be YYYY-MM-DD, got '{day}'",
    "refund.of_refund": "{sale} is a refund; refund the original sale",
    "refund.all_refunded": "sale {sale} is already fully refunded",
    "refund.no_line": "sale {sale} has no line {line} (lines 1-{lines})",
    "refund.qty_low": "line {line}: quantity to refund must be at least 1",
    "refund.qty_high": "line {line}: only {left} of {qty} can still be refunded",
    # pricing and coupons
    "pricing.naive_time": "the sale time must carry a time zone",
    "pricing.bad_qty": "line {line} ({item}): quantity must be at least 1, got {qty}",
    "pricing.negative_price": "line {line} ({item}): price must not be negative",
    "coupon.unknown": "coupon '{coupon}' is not a code of this program",
    "coupon.out_of_window": "coupon '{coupon}' is valid {start} to {end}, not on {day}",
    "coupon.used": "coupon '{coupon}' has already been used",
    "coupon.min_spend":
        "coupon '{coupon}' needs a spend of {min_spend} after discounts; this sale is {total}",
    "coupon.one_per_receipt":
        "one coupon per receipt: coupon '{current}' is already on this sale (remove it first "
        "to use '{coupon}')",
    "coupon.cart_empty":
        "coupon '{coupon}' needs a spend of {min_spend} after discounts; the cart is empty: "
        "scan the goods first",
    # money
    "money.float": "money must not be a float or bool: {value}",
    "money.not_finite": "money must be a finite amount: {value}",
    "money.not_amount": "not a money amount: {value}",
    "money.not_yuan": "not a money amount in yuan: '{text}' (write e.g. 1234.50)",
    "money.not_yuan_short": "not a money amount in yuan: '{text}'",
    "money.decimal_as_string": "{what} must be written as a string, e.g. \"0.95\": {value}",
    "money.not_decimal": "{what} is not a decimal number: '{text}'",
    "money.decimal_not_finite": "{what} is not a finite number: '{text}'",
    "money.non_ascii_digits": "'{text}' has digits of another script; write the amount with "
    "0-9",
    "money.too_large": "amount too large: '{text}'... (at most {digits} digits of yuan)",
    # staff
    "staff.pin_format": "a PIN is 4 to 8 digits",
    "staff.bad_role": "role must be one of {allowed}, got '{role}'",
    "staff.code_taken": "staff code '{staff}' already exists",
    "staff.unknown": "no active staff member '{staff}'",
    "staff.locked": "staff {staff} is locked after {failures} wrong PINs until {until}",
    "staff.wrong_pin": "wrong PIN for staff {staff}",
    "staff.needs_approval": "{action} needs a {role}'s approval",
    "staff.may_not_approve": "staff {staff} ({role}) may not approve {action}",
    "staff.nobody": "nobody is logged in",
    "staff.reserved_code": "'{staff}' is the command line's own name; choose another staff code",
    "staff.needs_named": "{action} needs a {role} named with --staff CODE and their PIN",
    "staff.needs_named_or_approver":
        "{action} needs a {role} named with --staff CODE and their PIN or approving with "
        "--approver",
    "staff.needs_role": "{action} needs a {role}",
    "staff.late_entry_future":
        "--at {at} is in the future; a late entry is for a sale made earlier",
    # receipts kept on the terminal
    "receipt.already_saved": "receipt {receipt} is already saved; a number is used once",
    "receipt.not_saved": "no saved receipt '{receipt}' on this terminal",
    "receipt.no_sale": "no sale or refund '{receipt}' on this terminal",
    "receipt.not_a_refund": "{receipt} is a sale, not a refund",
    "receipt.no_topup": "no top-up '{receipt}' on this terminal",
    # the command line's own options
    "cli.restore_cancelled": "restore cancelled; nothing was changed",
    "cli.media_id": "--media-id is the chip or tag UID, for --media ic or nfc",
    "cli.card_or_phone": "give exactly one of --card or --phone",
    "cli.bad_line": "--line '{text}': write N or N*QTY with whole numbers",
    "cli.item_code": "--item '{text}': give a barcode or SKU, e.g. 6901234567892*2",
    "cli.item_qty": "--item '{text}': quantity must be a whole number",
    "cli.tender_kind": "--tender '{text}': kind must be one of {allowed}",
    "cli.tender_points": "--tender '{text}': write points:N with a whole number of points",
    "cli.option_value": "{option} '{text}': {problem}",
    "cli.gift_choice": "--gift '{text}': give PROMOTION=GIFT",
    "cli.override": "--override '{text}': write CODE=PRICE for an item of this sale",
    "cli.bad_time": "--at '{text}' is not an ISO-8601 time (e.g. 2026-11-09T14:00)",
    "cli.option_error": "{what}: {problem}",
    "cli.bad_date": "{what} '{text}' is not a date (YYYY-MM-DD)",
    # actions and roles (parameters of the staff messages)
    "role.cashier": "cashier",
    "role.supervisor": "supervisor",
    "role.manager": "manager",
    "action.sale": "sale",
    "action.void_line": "void line",
    "action.enroll": "enroll",
    "action.topup": "top-up",
    "action.balance_slip": "balance slip",
    "action.bind_card": "bind card",
    "action.refund": "refund",
    "action.price_override": "price override",
    "action.void_after_payment": "void after payment",
    "action.manual_discount": "manual discount",
    "action.block_card": "block card",
    "action.replace_card": "replace card",
    "action.open_shift": "open shift",
    "action.close_shift": "close shift",
    "action.tier_review": "tier review",
    "action.points_transfer": "points transfer",
    "action.manage_staff": "manage staff",
    "action.catalog_import": "catalog import",
    "action.reprint": "reprint",
    "action.card_batch": "card batch",
    "action.card_receive": "card receive",
    "action.card_stock": "card stock",
    "action.gift_view": "gift stock view",
    "action.gift_redeem": "gift for points",
    "action.gift_stock": "gift stock change",
    "action.entitlement_use": "service use",
    "action.entitlement_grant": "service grant",
    "action.staff_report": "staff report",
    "action.card_sale": "card sale",
    "action.card_sale_discount": "card sale below face",
    "action.card_grant": "card given by a spending rule",
    "action.card_return": "unused card taken back",
    "action.card_expire": "card expiry",
    "action.group_enroll": "group enrollment",
    "action.chip_data": "chip holder data",
    # catalog import
    "catalog.bad_encoding": "{file}: not UTF-8 or GB18030 text",
    "catalog.bad_csv": "catalog file is not valid CSV at line {line}: {detail}",
    "catalog.empty": "catalog file is empty",
    "catalog.missing_columns": "catalog header lacks column(s): {missing} (found: {found})",
    "catalog.no_items": "catalog file has no items",
    "catalog.not_found": "catalog file not found: {path}",
    "catalog.bad_rows": "catalog not imported, {count} bad row(s) of {rows}{more}: {problems}",
    "catalog.more": " (and {count} more)",
    "catalog.row": "row {row}: {problems}",
    "catalog.row_fields": "row {row}: {fields} fields, expected {expected}",
    "catalog.sku_length": "sku must be 1-40 characters",
    "catalog.control_characters": "{column} holds control or direction characters (such as "
    "U+202E); remove them",
    "catalog.sku_digits": "sku '{sku}' has digits of another script; use 0-9",
    "catalog.code_control_characters": "the code holds control or direction characters "
    "(such as U+202E)",
    "catalog.name_length": "name must be 1-120 characters",
    "catalog.category_length": "category must be 1-40 characters",
    "catalog.bad_barcode": "barcode '{barcode}' is not a valid EAN-13, EAN-8 or UPC-A",
    "catalog.price_negative": "price is negative",
    "catalog.bad_price": "price '{price}' is not an amount in yuan",
    "catalog.member_price_range": "member_price must be between 0 and the price",
    "catalog.bad_member_price": "member_price '{price}' is not an amount in yuan",
    "catalog.bad_member_discount": "member_discount must be yes or no, got '{value}'",
    "catalog.sku_repeats": "sku {sku} repeats row {row}",
    "catalog.barcode_repeats": "barcode {barcode} repeats row {row}",
    "catalog.barcode_two_skus": "barcode {barcode} would belong to both {first} and {second}",
    # pos hq's own options
    "hq.bad_month": "{option}: month must be YYYY-MM, got '{value}'",
    "hq.bad_ahead": "--ahead must be 0 to 36, got {value}",
    "hq.month_unsettled": "{month} cannot be detached: {items} of its settlement items belong "
    "to a statement month not yet locked; lock it first",
    # HQ's config file (sync/hq/config.py)
    "hq_config.unreadable": "{path}: cannot read the HQ config file: {detail}",
    "hq_config.not_toml": "{path}: not valid TOML: {detail}",
    "hq_config.problem_at": "{path} line {line}: {key}: {problem}",
    "hq_config.problem": "{path}: {key}: {problem}",
    "hq_config.unknown_section": "unknown section; HQ reads only [hq] (move the key under it)",
    "hq_config.key_outside": "unknown key outside [hq]; HQ reads only [hq] (move the key "
    "under it)",
    "hq_config.not_table": "must be a table: [hq]",
    "hq_config.ssl_pair": "give both ssl_certfile and ssl_keyfile, or neither",
    "hq_config.text": "must be a non-empty string, got {value}",
    "hq_config.yuan": "must be yuan such as \"2000.00\" (0 to 1000000.00), got {value}",
    "hq_config.timezone": "must be a time zone such as \"Asia/Shanghai\", got {value}",
    "hq_config.whole": "must be a whole number from {low} to {high}, got {value}",
    # the terminal's config file (pos_app/config.py, pos config check)
    "config.broken": "{path}: {problem} (pos config check lists every problem)",
    "config.problem_at": "line {line}: {key}: {problem}",
    "config.problem": "{key}: {problem}",
    "config.none": "no config file: give --config FILE or $POS_CONFIG, or write one of {places}",
    "config.ok": "{path}: config ok ({devices} device(s))",
    "config.problem_count": "{count} problem(s)",
    "config.no_file": "{path} does not exist",
    "config.unreadable": "cannot read {path}: {detail}",
    "config.not_toml": "not valid TOML: {detail}",
    "config.unknown_key": "unknown key (known: {known})",
    "config.missing_id": "missing; write it as registered at HQ, e.g. {key} = \"S001\"",
    "config.bad_id": "must be 1-40 letters, digits, '-' or '_', got {value}",
    "config.missing_hq_url": "missing; HQ's address, e.g. hq_url = \"https://hq.example.cn\"",
    "config.bad_hq_url": "must be an http:// or https:// address, got {value}",
    "config.missing_data_dir": "missing; the terminal's data folder, e.g. /var/lib/store-pos/data",
    "config.bad_folder": "must be a folder path, got {value}",
    "config.not_absolute": "must be an absolute path, got {value}",
    "config.not_table": "must be a table: [{table}]",
    "config.not_array": "must be an array of tables: [[{table}]]",
    "config.entry_not_table": "must be a table",
    "config.one_of": "must be one of {allowed}, got {value}",
    "config.whole_at_least": "must be a whole number of at least {low}, got {value}",
    "config.yes_no": "must be true or false, got {value}",
    "config.bad_interval": "must be 5..10080 minutes, got {value}",
    "config.whole": "must be a whole number, got {value}",
    "config.list": "must be a list, e.g. [\"...\"], got {value}",
    "config.text": "must be a string in quotes, got {value}",
    "config.tcp_port": "must be a TCP port number, got {value}",
    "config.serial_port":
        "must be a serial device path in quotes, e.g. \"/dev/ttyUSB0\", got {value}",
    "config.no_such_printer": "no printer is named {name}",
    "config.device_missing_key": "missing key {key} (docs/devices.md)",
    "config.device_name_twice": "two devices are named {name}",
    "config.drivers_for": "drivers for {kind}: {drivers}",
    "config.kinds": "kinds: {kinds}",
    "config.no_driver": "no driver {driver} for kind {kind} ({hint})",
    "config.device_needs": "{kind} with driver {driver} needs {key} (docs/devices.md)",
    "config.device_unknown_key": "not a key of a {kind} with driver {driver} (docs/devices.md)",
    "config.world_writable": "{path} is writable by everyone; chmod o-w",
    "config.no_ledger":
        "{folder} holds no terminal ledger: run 'pos --data-dir {folder} init ...' "
        "(docs/operations.md)",
    "config.other_ledger": "is {mine} but the ledger in {folder} belongs to {key} {theirs}",
    "config.not_writable": "{path} is not writable by this user",
    "config.key_missing": "personal-data key {path} is missing",
    "config.secret_readable": "secret {path} is readable by other users (mode {mode}): chmod 600",
    "config.file_readable": "file {path} is readable by other users (mode {mode}): chmod 600",
    "config.folder_open": "{path} can be opened by other users (mode {mode}): chmod 700",
    "config.secret_owner":
        "secret {path} belongs to uid {uid}, not to the user running the terminal (uid {me})",
    "config.port_missing": "{path} does not exist (plugged in? ls /dev/serial/by-id/)",
    "config.port_access":
        "{path} is not readable and writable by this user (groups dialout and pos; udev "
        "rule 60-store-pos.rules)",
    # the terminal's side of sync with HQ (sync/client.py, pos sync)
    "sync.not_registered": "this terminal is not registered with HQ: run 'pos sync register'",
    "sync.busy": "another sync is running for this terminal",
    "sync.unreachable": "HQ unreachable: {detail}",
    "sync.credentials_refused": "HQ refused this terminal's credentials",
    "sync.hq_error": "HQ error {status}",
    "sync.hq_answered": "HQ answered {status}: {text}",
    "sync.same_problem_again": "HQ answers {problem} at sequence {seq} again",
    "sync.event_refused": "HQ {problem} event {event}",
    "sync.upload_unfinished": "upload did not finish",
    "sync.program_not_applied": "HQ's program was not applied: {detail}",
    "sync.failed": "sync: {problem}",
    "sync.needs_token": "sync register needs --token or $POS_HQ_TOKEN",
    # what a sync that finished found (pos sync's problems; kept as their English text)
    "sync.clock_skew": "device clock is off HQ's by {seconds} s",
    "sync.renumbered": "HQ saw a {problem}: this terminal's events were renumbered",
    "sync.seen.rewind": "rewind",  # the terminal's events started over (a backup restored)
    "sync.seen.fork": "fork",  # two copies of the terminal sent different events
    "sync.ledger_rewritten": "HQ: this terminal's ledger was rewritten: {detail}",
    "sync.card_mismatch": "card {card}: this terminal's own events put ¥{here} on it, "
                          "HQ holds ¥{hq} of them",
    # the command line's own options and files
    "cli.out_unwritable": "--out {path}: cannot write: {detail}",
    "cli.binary_needs_out": "--format {format} writes binary: give --out FILE",
    "cli.out_no_folder": "--out {path}: folder {folder} does not exist",
    "cli.png_failed": "--format png cannot be made: {detail}",
    # pos ledger verify and pos audit verify: what a check found wrong (amounts as kept:
    # cents in the books' own checks, yuan with ¥ where a record is recomputed)
    "verify.journal_unbalanced": "journal {journal} does not balance in {unit}: off by {off}",
    "verify.debits_credits": "{unit}: debits {debits} do not equal credits {credits}",
    "verify.account_balance": "account {account}: balance {balance} but entries sum to {sum}",
    "verify.card_overdrawn": "account {account} is overdrawn by {amount}",
    "verify.sequence_gaps": "journal sequence has gaps: {count} rows numbered {first}..{last}",
    "verify.member_points": "member {member}: points account {points} but lots hold {lots}",
    "verify.event_sequence": "outbox: event {event} has sequence {seq}, expected {expected}",
    "verify.event_link": "outbox: event {seq} does not link to event {previous}",
    "verify.event_hash": "outbox: event {seq} content does not match its hash",
    "verify.event_not_sealed": "outbox: event {seq} is not sealed by this terminal's chain key",
    "verify.audit_not_sealed": "audit row {row} is not sealed by this terminal's chain key",
    "verify.anchor_unreadable": "sync: the chain heads HQ acknowledged are unreadable",
    "verify.anchor_not_sealed":
        "sync: the chain heads HQ acknowledged are not sealed by this terminal's key",
    "verify.anchor_event": "outbox: event {seq} acknowledged by HQ at {at} is missing or changed",
    "verify.anchor_audit": "audit row {row} acknowledged by HQ at {at} is missing or changed",
    "verify.audit_link": "audit row {row}: link to the previous row is broken",
    "verify.audit_hash": "audit row {row}: content does not match its hash",
    "verify.audit_removed": "audit log: {written} rows written but {kept} kept (rows were removed)",
    "verify.audit_head": "audit row {row} named by event {seq} is missing or changed",
    "verify.journals_removed": "journal: {numbered} numbered but {kept} kept (rows were removed)",
    "verify.events_removed": "outbox: {numbered} numbered but {kept} kept (rows were removed)",
    # ... the journal or record a problem is of (the {journal} and {what} above and below)
    "verify.journal": "journal {seq} ({kind} {ref})",
    "verify.journal_id": "journal #{id}",
    "verify.what": "{kind} {no}",
    "verify.what_sale": "sale {no}",
    "verify.what_refund": "refund {no}",
    "verify.what_topup": "top-up {no}",
    "verify.what_card_sale": "card sale {no}",
    "verify.what_card_return": "card return {no}",
    "verify.part_amount": "amount",
    "verify.part_principal": "principal",
    "verify.part_bonus": "bonus",
    # ... journals and the business records they book
    "verify.record_missing": "{journal}: its {kind} record {ref} is missing",
    "verify.record_shared": "{kind} {ref}: {count} records share one number",
    "verify.record_booked_twice": "{kind} {ref}: booked by {count} journals",
    "verify.record_journal_missing": "{kind} {ref}: its journal is missing",
    "verify.record_journal_other":
        "{kind} {ref}: its journal {seq} books {booked_kind} {booked_ref}",
    "verify.journal_no_record": "{journal}: names no business record",
    # ... journals and the outbox events that carry them
    "verify.event_journal_missing":
        "outbox: event {seq} ({kind}) carries a journal that is missing",
    "verify.event_other_journal": "{journal}: event {seq} names journal {named}",
    "verify.event_other_record": "{journal}: event {seq} names record {record}",
    "verify.event_entries": "{journal}: entries differ from those its event {seq} carried",
    "verify.journal_no_event": "{journal}: has no outbox event",
    # ... records recomputed from their journal's entries
    "verify.sale_total": "{what}: total ¥{total} but its journal books ¥{booked}",
    "verify.sale_lines": "{what}: lines add up to ¥{lines}, not the total ¥{total}",
    "verify.sale_tenders": "{what}: tenders add up to ¥{tenders}, not the total ¥{total}",
    "verify.sale_tender_kind": "{what}: {kind} tenders ¥{paid} but {account} booked ¥{booked}",
    "verify.sale_stored_value":
        "{what}: stored-value {part} ¥{paid} but the cards' entries move ¥{moved}",
    "verify.sale_points_value":
        "{what}: points tenders worth ¥{value} but points:redemption booked ¥{booked}",
    "verify.sale_points_earned": "{what}: {points} points earned but its journal issued {issued}",
    "verify.sale_line_points": "{what}: lines earned {lines} points, the sale {points}",
    "verify.sale_points_redeemed":
        "{what}: {points} points tendered but its journal redeemed {redeemed}",
    "verify.line_shares": "{what}: line {line} is ¥{amount} but its tender shares add up to "
    "¥{shares}",
    "verify.tender_shares":
        "{what}: tender {tender} {part} ¥{amount} but its line shares add up to ¥{shares}",
    "verify.tender_share_points":
        "{what}: tender {tender} {points} points but its line shares add up to {shares}",
    "verify.topup_tender": "{what}: ¥{amount} by {tender} but its journal took in ¥{took}",
    "verify.topup_principal": "{what}: ¥{amount} but the card's principal moved ¥{moved}",
    "verify.topup_bonus": "{what}: bonus ¥{bonus} but the card's bonus moved ¥{moved}",
    "verify.card_sale_paid":
        "{what}: ¥{paid} paid but its journal took in ¥{took} as principal ¥{principal}",
    "verify.card_sale_bonus": "{what}: ¥{below} below face but the cards' bonus moved ¥{bonus}",
    "verify.card_sale_commission":
        "{what}: commission ¥{commission} to {seller} not in its journal",
    "verify.card_return_paid": "{what}: ¥{paid} given back but its journal paid out ¥{gave}",
    "verify.card_return_commission":
        "{what}: commission ¥{commission} of {seller} not reversed in its journal",
    "verify.lot_remaining":
        "points lot {lot} of member {member}: {remaining} remaining but {points} less {drawn} "
        "drawn",
    "verify.journal_member_points":
        "{journal}: member {member} points entry {booked} but the lots it made and drew come "
        "to {lots}",
    # the disk or the database refusing a write (nothing was changed)
    # the command line's own output for people (pos_app/cli), and tender kinds as words
    "kind.points": "points",
    "kind.stored_value": "stored_value",
    "kind.cash": "cash",
    "kind.bank_card": "bank_card",
    "kind.other": "other",
    "out.sale_head": "sale {sale}  {time}",
    "out.total": "  total {amount}",
    "out.paid": "  paid {kind}: {amount}",
    "out.paid_points": "  paid {kind}: {amount} ({points} points)",
    "out.change": "  change {amount}",
    "out.points_earned": "  points earned {points}",
    "out.member": "member {id} {name} {phone} card {card} {tier_name} ({tier})",
    "out.anonymous": "(anonymous)",
    "out.member_balance":
        "points {points}; stored value {total} (principal {principal}, bonus {bonus})",
    "out.shift_head": "shift {no} ({status}), opened {at} by {by}, float {float}",
    "out.shift_counts":
        "  sales {sales}: {sales_total}; refunds {refunds}: {refunds_total}; top-ups "
        "{topups}: {topups_total}",
    "out.shift_tender": "  {kind}: {amount}",
    "out.shift_cards":
        "  cards sold {sold}: {sold_total}; cards returned {returned}: {returned_total}",
    "out.shift_card_tender": "  cards, {kind}: {amount}",
    "out.expected_cash": "  expected cash {amount}",
    "out.counted": "  counted {counted}, difference {difference}",
    "out.staff_added": "staff {code} ({role}) added",
    "out.staff_unlocked": "staff {code} unlocked by {by}",
    "out.points_moved": "moved {points} points",
    "out.points_expired": "{total} points expired",
    "out.tiers_changed": "{count} member(s) changed tier",
    "out.card_blocked": "card {card} blocked ({reason})",
    "out.media_bound": "{media} bound to card {card}",
    "out.warning": "warning: {text}",
    "out.terminal_set_up": "terminal {store}/{terminal} set up in {folder}",
    "out.offline_credit": "offline credit used: {amount}",
    "out.topup": "top-up {no}: {amount} + bonus {bonus}",
    "out.no_backups": "no backups",
    "out.backup_not_due": "backup not due yet",
    "out.backup_written": "backup written: {file}",
    "out.backup_written_pruned": "backup written: {file} ({count} old backup(s) deleted)",
    "out.restored": "restored {file} into {folder}; epoch {epoch}",
    "out.restored_kept":
        "restored {file} into {folder}; epoch {epoch}; the ledger as it was is kept in {kept}",
    "out.ledger_ok": "ledger ok: {journals} transactions, {entries} entries, {accounts} accounts",
    "out.ledger_not_ok": "ledger NOT ok:\n  {problems}",
    "out.audit_ok": "audit log ok",
    "out.audit_not_ok": "audit log NOT ok:\n  {problems}",
    "out.catalog_progress": "catalog: {done}/{total} rows checked",
    "out.catalog_imported":
        "catalog: {rows} rows: {added} added, {updated} updated, {unchanged} unchanged",
    "out.refund": "refund {refund} of {sale}: {amount} back: {tenders}",
    "out.refund_tender": "{kind} {amount}",
    "out.demo_head": "Demo terminal S001/T01 in {folder} (staff PINs: {staff})",
    "out.demo_try": "Try: pos --data-dir {folder} member show --phone {phone}\n"
                    "     pos --data-dir {folder} receipt show --no {receipt}",
    "out.gift_line": "  gift {gift} {name} {zero} (value {value}, {how})",
    "out.gift_for_points": "for {points} points",
    "out.gift_out_of_stock": "  no gift for {gift}: out of stock",
    "out.points_expire": "{points} points expire on {date}",
    "out.training": "TRAINING 培训 — not a sale, no money taken",
    "out.no_services": "no services",
    "out.service_used": "used; {service}",
    "out.service_granted": "granted {service}",
    "out.gift_received": "{gift}: +{qty}, on hand {on_hand}",
    "out.gift_counted": "{gift}: difference {difference}, on hand {on_hand}",
    "out.gift_redeemed": "{name} (¥{value}) for {points} points; {left} points left",
    "out.card_batch": "batch {batch}: {count} {product} cards ({media}) {first} .. {last}",
    "out.cards_received":
        "received {count} {product} cards of batch {batch} into store {store}: {first} .. {last}",
    "out.card_stock_head": "card stock of store {store}",
    "out.card_stock_line": "  {product} {name} ({media}): {counts}",
    "out.card_in_stock": "  in stock: {card} {product} batch {batch}",
    "out.cards_expired": "{count} card(s) expired",
    "out.chip_written": "holder written to the {media} chip {uid} of card {card}",
    "out.group_enrolled": "{organisation}: {enrolled} enrolled, {bad} with problems",
    "out.group_row": "row {row}  {name}  {phone}  {what}",
    "out.group_row_card": "card {card}",
    "out.group_row_ok": "ok",
    "out.receipt_written": "receipt {receipt}: {size} bytes of {format} written to {file}",
    "out.card_sale":
        "sale {sale}: {count} {product} card(s) {cards}; face {face}, paid {paid} (principal), "
        "bonus {bonus}; commission {commission} to {seller}",
    "out.card_grant":
        "grant {sale}: {count} {product} card(s) {cards}; face {face}, paid {paid} (principal), "
        "bonus {bonus}; commission {commission} to {seller}",
    "out.card_return":
        "return {ret} of sale {sale}: {count} {product} card(s) {cards} blocked; {paid} given "
        "back ({tender}); bonus {bonus} and commission {commission} of {seller} reversed",
    "out.gift_stock_row": "{gift} {name} ¥{value}  {points} on hand {on_hand}",
    "out.gift_points": "{points} points",
    "out.gift_not_for_points": "not for points",
    "out.restore_ask":
        "Restore {file} ({franchisee}/{store}/{terminal}, {journals} transactions, last at "
        "{last}) into {folder}? Sync will treat this as a rewind. Stop the terminal app first. "
        "Type yes: ",
    "out.staff_report_head": "staff report {start} .. {end} ({store})",
    "out.staff_report_columns":
        "staff    name            sales orders     VIP enrolled  commission not credited",
}

# joins a list parameter's items (an Items list: with commas)
SEPARATORS = {"en": "; ", "zh_CN": "；"}
COMMAS = {"en": ", ", "zh_CN": "，"}


class Items(list[Any]):
    """A list parameter whose items are joined with commas."""


class Msg(str):
    """A message as English text (a ``str``, so it prints and compares as before) that
    keeps its code and parameters for translation."""

    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, /, **params: Any) -> Msg:
        template = MESSAGES[code]
        self = super().__new__(cls, fill(template, params, None, "en"))
        self.code = code
        self.params = params
        return self

    def translated(self, lookup: Callable[[str], str] | None, language: str = "en") -> str:
        """The message with its template (and every Msg parameter's) passed through
        ``lookup`` (English template -> translated template)."""
        return fill(MESSAGES[self.code], self.params, lookup, language)


def recognise(text: str, prefix: str) -> Msg | None:
    """The coded message (one of the codes starting with ``prefix``) whose English text
    ``text`` is, for a message kept as text (sync's last error in the ledger), so it can
    be shown translated; None when no template fits."""
    for code, template in MESSAGES.items():
        if code.startswith(prefix):
            found = _pattern(template).fullmatch(text)
            if found is not None:
                return Msg(code, **found.groupdict())
    return None


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    out, seen = [], set()
    for i, part in enumerate(parts):
        if i % 2 == 0:
            out.append(re.escape(part))
        elif part in seen:
            out.append(f"(?P={part})")
        else:
            seen.add(part)
            out.append(f"(?P<{part}>.+?)")
    return re.compile("".join(out), re.S)


def status(value: str) -> Msg | str:
    """A card's or shift's status as a translatable word."""
    return Msg(f"status.{value}") if f"status.{value}" in MESSAGES else value


def kind_word(value: str) -> Msg | str:
    """A tender kind (``stored_value``) as a word."""
    return Msg(f"kind.{value}") if f"kind.{value}" in MESSAGES else value


def role(value: str) -> Msg | str:
    return Msg(f"role.{value}") if f"role.{value}" in MESSAGES else value


def action(value: str) -> Msg | str:
    """A right's name (``price_override``) as words."""
    return Msg(f"action.{value}") if f"action.{value}" in MESSAGES else value.replace("_", " ")


def fill(template: str, params: Mapping[str, Any], lookup: Callable[[str], str] | None,
         language: str) -> str:
    tmpl = lookup(template) if lookup is not None else template
    values = {k: _value(v, lookup, language) for k, v in params.items()}
    try:
        return tmpl.format(**values)
    except (KeyError, IndexError, ValueError):  # a broken translation: the English text
        return template.format(**values)


def _value(v: Any, lookup: Callable[[str], str] | None, language: str) -> str:
    if isinstance(v, Msg):
        return v.translated(lookup, language)
    if isinstance(v, Items):
        return COMMAS.get(language, ", ").join(_value(x, lookup, language) for x in v)
    if isinstance(v, list | tuple):
        return SEPARATORS.get(language, "; ").join(_value(x, lookup, language) for x in v)
    return str(v)


def plain(params: Mapping[str, Any]) -> dict[str, str]:
    """Parameters as English strings (the command line's JSON)."""
    return {k: _value(v, None, "en") for k, v in params.items()}
