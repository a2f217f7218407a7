"""A terminal ringing up sales as fast as it can, for the power-cut test.

After each sale's transaction commits (the moment the receipt would print), it appends
"<sale no> <WAL size>" to the acknowledgement file and fsyncs it. Runs until killed.
Usage: python -m tests.chaos.busy_terminal DATA_DIR ACK_FILE SEED
"""

from __future__ import annotations

import os
import random
import sys
from decimal import Decimal
from pathlib import Path

from pos_app.core import members, sales, stored_value
from pos_app.core.staff import Operator
from pos_app.core.tenders import TenderRequest
from pos_app.core.terminal import DB_FILE, Terminal

GOODS = [
    "6901234560015",
    "6901234560022",
    "6901234560039",
    "6901234560053",
    "6901234560060",
    "6901234560077",
    "6901234560084",
    "6901234560091",
]


def main() -> None:
    data_dir, ack_path, seed = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    t = Terminal.open(data_dir)
    who = Operator("1001", "cashier")
    card = sys.argv[4] if len(sys.argv) > 4 else None
    wal = data_dir / f"{DB_FILE}-wal"
    fd = os.open(ack_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    while True:
        lines = [
            sales.LineRequest(rng.choice(GOODS), rng.randint(1, 3))
            for _ in range(rng.randint(1, 6))
        ]
        with t.tx() as s:
            if card and rng.random() < 0.3:
                p, b = members.sv_balance(s, members.find_card(s, card))
                if p + b < Decimal("1000"):
                    stored_value.topup(t, s, card, Decimal("500.00"), "cash", who)
            tenders = [TenderRequest("cash")]
            if card and rng.random() < 0.5:
                tenders = [
                    TenderRequest("stored_value", Decimal("5.00")),
                    TenderRequest("cash"),
                ]
            out = sales.make_sale(
                t,
                s,
                sales.SaleRequest(
                    lines, tenders, member_card=card if tenders[0].kind != "cash" else None
                ),
                who,
            )
            no = out.sale.sale_no
        # committed (fsynced by synchronous=FULL): the receipt prints now
        size = wal.stat().st_size if wal.exists() else 0
        os.write(fd, f"{no} {size}\n".encode())
        os.fsync(fd)


if __name__ == "__main__":
    main()
