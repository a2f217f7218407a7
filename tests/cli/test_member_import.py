"""``pos member import``: an organisation's staff from a file, each call a new ``pos``
process: a bad row refuses the whole file (exit 2, the report on stdout, one line on
stderr, nothing enrolled); ``--skip-bad`` enrolls the others; the printable list."""

from __future__ import annotations

import csv
import json
import os
import stat
from pathlib import Path

from tests.security.store import make_store, ok, pos, refused, sql

SUPERVISOR = ["--staff", "2001", "--pin", "2222"]


def test_import_all_or_none_then_skip_bad(tmp_path: Path) -> None:
    d = make_store(tmp_path)
    f = tmp_path / "staff.csv"
    f.write_text("姓名,手机,身份证号\n李雷,13912345601,110101199003074514\n"
                 "韩梅梅,13912345602,\n赵六,13912345601,\n", "utf-8")
    before = sql(d, "select count(*) from members")
    refused(pos(d, "--staff", "1001", "--pin", "1111", "member", "import", str(f),
                "--organisation", "市第一医院"), "needs a supervisor")
    r = pos(d, *SUPERVISOR, "--json", "member", "import", str(f), "--organisation", "市第一医院")
    refused(r, "1 of 3 rows have problems: nothing was enrolled")
    report, end = json.JSONDecoder().raw_decode(r.stdout)  # the report, then the error
    assert json.loads(r.stdout[end:])["error"]["code"] == "group.bad_rows"
    assert [(x["row"], x["ok"], x["code"]) for x in report] == [
        (2, True, None), (3, True, None), (4, False, "group.dup_phone")]
    assert "13912345601" not in r.stdout  # masked in the report
    assert sql(d, "select count(*) from members") == before
    lst = tmp_path / "cards.csv"
    r = ok(pos(d, *SUPERVISOR, "--json", "member", "import", str(f), "--organisation",
               "市第一医院", "--skip-bad", "--list", str(lst)))
    out = json.loads(r.stdout)
    assert (out["enrolled"], out["skipped"]) == (2, 1)
    with lst.open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    cards = [x["card"] for x in out["rows"] if x["card"]]
    assert rows == [["row", "name", "phone", "card"], ["2", "李*", "139****5601", cards[0]],
                    ["3", "韩**", "139****5602", cards[1]]]
    assert int(cards[1][:-1]) == int(cards[0][:-1]) + 1  # in sequence
    assert stat.S_IMODE(os.stat(lst).st_mode) == 0o600
    ok(pos(d, "ledger", "verify"))
    ok(pos(d, "audit", "verify"))
