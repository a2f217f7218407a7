"""The program file: the example loads exactly as HQ writes it, and every mistake is
reported naming the key and the line it is on (docs/program.md)."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from pos_app.core.program import (
    CouponBatch,
    Program,
    ProgramError,
    Promotion,
    Tier,
    TierRule,
    TopupBonus,
    Window,
    load_program,
    parse_program,
)
from pos_app.demo import PROGRAM

TZ = ZoneInfo("Asia/Shanghai")
EXAMPLE = PROGRAM.read_text(encoding="utf-8")


def D(text: str) -> Decimal:
    return Decimal(text)


def line_of(text: str, needle: str, after: str | None = None) -> int:
    """1-based number of the line where ``needle`` (unique after ``after``) starts."""
    start = 0
    if after is not None:
        assert text.count(after) == 1, after
        start = text.index(after)
    pos = text.index(needle, start)
    if after is None:
        assert text.count(needle) == 1, needle
    return text.count("\n", 0, pos) + 1


def edit(old: str, new: str, after: str | None = None) -> str:
    """The example with ``old`` (the first occurrence after ``after``) replaced by ``new``."""
    start = 0
    if after is not None:
        assert EXAMPLE.count(after) == 1, after
        start = EXAMPLE.index(after)
    else:
        assert EXAMPLE.count(old) == 1, old
    pos = EXAMPLE.index(old, start)
    return EXAMPLE[:pos] + new + EXAMPLE[pos + len(old) :]


def error_of(text: str) -> str:
    with pytest.raises(ProgramError) as e:
        parse_program(text)
    return str(e.value)


def assert_names(msg: str, line: int, key: str) -> None:
    """The message starts 'program.toml line N: key: ...' for exactly this key and line."""
    m = re.match(r"^program\.toml line (\d+): ([^:]+): ", msg)
    assert m, msg
    assert int(m.group(1)) == line, msg
    assert m.group(2) == key, msg


# --- the example, exactly as given ------------------------------------------------------------


@pytest.fixture(scope="module")
def example() -> Program:
    return load_program(PROGRAM)


def test_example_program_and_points(example: Program) -> None:
    assert example.name == "Demo Department Store VIP"
    assert example.currency == "CNY"
    assert example.timezone == TZ
    assert example.min_member_age == 18
    p = example.points
    assert p.earn_per_yuan == D("1")
    assert p.earn_on_stored_value is False
    assert p.redeem_unit_points == 100
    assert p.redeem_unit_value == D("10.00")
    assert p.max_redeem_share == D("0.50")
    assert p.expire_after_months == 24
    assert p.transfer_allowed is False  # not in the example: the default
    assert example.source_text == EXAMPLE


def test_example_tiers_in_rank_order_with_rules(example: Program) -> None:
    assert example.tiers == (
        Tier(
            "regular", "普通卡", 1, D("1.00"), D("1.0"),
            TierRule(single_purchase=D("100.00"), rolling_12m=D("300.00")), TierRule(),
        ),
        Tier(
            "silver", "银卡", 2, D("0.95"), D("1.2"),
            TierRule(single_purchase=D("3000.00"), rolling_12m=D("5000.00")),
            TierRule(rolling_12m=D("3000.00")),
        ),
        Tier(
            "gold", "金卡", 3, D("0.90"), D("1.5"),
            TierRule(rolling_12m=D("20000.00")), TierRule(rolling_12m=D("15000.00")),
        ),
        Tier(
            "diamond", "钻石卡", 4, D("0.88"), D("2.0"),
            TierRule(single_day=D("5000.00"), rolling_12m=D("50000.00")),
            TierRule(rolling_12m=D("30000.00")),
        ),
    )
    assert example.lowest_tier.code == "regular"
    assert example.tier("gold").discount == D("0.90")
    assert example.tiers[0].keep.is_empty()
    with pytest.raises(KeyError):
        example.tier("platinum")


def test_example_stored_value_and_topup_ladder(example: Program) -> None:
    sv = example.stored_value
    assert sv.max_balance_registered == D("5000.00")
    assert sv.max_balance_anonymous == D("1000.00")
    assert sv.real_name_purchase_at == D("10000.00")
    assert sv.pay_discount == D("0.98")
    assert sv.offline_spend_cap_per_card == D("300.00")
    assert sv.bonus_spend_order == "principal_first"
    assert sv.topup_bonus == (
        TopupBonus(D("500.00"), D("50.00")),
        TopupBonus(D("1000.00"), D("120.00")),
        TopupBonus(D("3000.00"), D("450.00")),
    )
    # the highest rung the top-up reaches
    assert sv.bonus_for(D("499.99")) == D("0.00")
    assert sv.bonus_for(D("500.00")) == D("50.00")
    assert sv.bonus_for(D("2999.99")) == D("120.00")
    assert sv.bonus_for(D("3000.00")) == D("450.00")


def test_example_promotions_and_coupons(example: Program) -> None:
    d11 = Window(date(2026, 11, 7), date(2026, 11, 11))
    assert example.promotions == (
        Promotion(
            code="D11-COSMETICS", name="双11美妆7折", kind="percent_off",
            categories=("cosmetics",), skus=(), vip_only=True, window=d11,
            multiplier=D("0.70"), stack_with_tier=False,
        ),
        Promotion(
            code="D11-APPAREL", name="秋冬百货满500减200", kind="spend_get_off",
            categories=("apparel",), skus=(), vip_only=False, window=d11,
            threshold=D("500.00"), off=D("200.00"), repeat=False,
        ),
        Promotion(
            code="D11-GWP", name="美妆满500赠礼", kind="gift_with_purchase",
            categories=("cosmetics",), skus=(), vip_only=False, window=d11,
            threshold=D("500.00"), gifts=("BEAUTY-SET", "UMBRELLA"), on_refund="take_back",
        ),
    )
    assert example.coupons == (
        CouponBatch(
            batch="D11-50", name="双11满300立减50", kind="amount_off", value=D("50.00"),
            min_spend=D("300.00"), codes=("D11-50-0001", "D11-50-0002", "D11-50-0003"),
            single_use=True, window=Window(date(2026, 11, 1), date(2026, 11, 11)),
        ),
    )
    assert example.coupon_batch_for("D11-50-0002") is example.coupons[0]
    assert example.coupon_batch_for("D11-50-0004") is None


def test_money_is_decimal_never_float(example: Program) -> None:
    values = [
        example.points.earn_per_yuan, example.points.redeem_unit_value,
        example.points.max_redeem_share, example.stored_value.pay_discount,
        *(t.discount for t in example.tiers), *(t.points_multiplier for t in example.tiers),
        *(r.bonus for r in example.stored_value.topup_bonus),
        example.promotions[0].multiplier, example.promotions[1].off, example.coupons[0].value,
    ]
    assert all(type(v) is Decimal for v in values)


def test_windows_run_whole_local_days(example: Program) -> None:
    w = example.promotions[0].window
    assert w.contains(datetime(2026, 11, 7, 0, 0, tzinfo=TZ), TZ)
    assert w.contains(datetime(2026, 11, 11, 23, 59, tzinfo=TZ), TZ)
    assert not w.contains(datetime(2026, 11, 12, 0, 0, tzinfo=TZ), TZ)
    assert not w.contains(datetime(2026, 11, 6, 23, 59, tzinfo=TZ), TZ)
    # 2026-11-06 16:30 UTC is already 2026-11-07 00:30 in Shanghai
    assert w.contains(datetime.fromisoformat("2026-11-06T16:30:00+00:00"), TZ)


def test_points_expire_at_month_end_24_months_on(example: Program) -> None:
    exp = example.points_expiry(datetime(2026, 11, 9, 14, 0, tzinfo=TZ))
    assert exp is not None
    assert (exp.date(), exp.hour, exp.minute) == (date(2028, 11, 30), 23, 59)
    exp = example.points_expiry(datetime(2026, 1, 31, 9, 0, tzinfo=TZ))
    assert exp is not None and exp.date() == date(2028, 1, 31)


# --- optional keys and extra keys ---------------------------------------------------------------


def test_optional_keys_take_their_defaults() -> None:
    text = EXAMPLE
    for line in (
        "min_member_age = 18\n",
        "expire_after_months = 24       # each earned lot expires at the end of the month, "
        "24 months on\n",
        "vip_only = true\n",
        "stack_with_tier = false        # false: the better of promotion and tier price; "
        "true: 折上折\n",
        "repeat = false                 # true: every full threshold takes another 'off'\n",
        'min_spend = "300.00"\n',
        "single_use = true\n",
        'keep = { rolling_12m = "3000.00" }\n',
    ):
        assert text.count(line) == 1, line
        text = text.replace(line, "")
    p = parse_program(text)
    assert p.min_member_age == 18
    assert p.points.expire_after_months is None
    assert p.points_expiry(datetime(2026, 11, 9, tzinfo=TZ)) is None
    assert p.promotions[0].vip_only is False
    assert p.promotions[0].stack_with_tier is False
    assert p.promotions[1].repeat is False
    assert p.coupons[0].min_spend == D("0.00")
    assert p.coupons[0].single_use is True
    assert p.tier("silver").keep == TierRule()


def test_extra_keys_accepted() -> None:
    text = edit("expire_after_months = 24", "transfer_allowed = true\nexpire_after_months = 24")
    text = text.replace(
        'categories = ["cosmetics"]', 'categories = ["cosmetics"]\nskus = ["LIP-003", "CREAM-007"]'
    )
    text = text.replace('name = "银卡"', 'name = "银卡"\nservices = ["free dry-cleaning"]')
    p = parse_program(text)
    assert p.points.transfer_allowed is True
    promo = p.promotions[0]
    assert promo.skus == ("LIP-003", "CREAM-007")
    assert promo.applies_to("LIP-003", "anything")
    assert promo.applies_to("X", "cosmetics")
    assert not promo.applies_to("X", "apparel")


def test_promotion_without_categories_or_skus_applies_to_everything() -> None:
    p = parse_program(edit('categories = ["apparel"]\n', ""))
    assert p.promotions[1].categories == ()
    assert p.promotions[1].applies_to("ANY", "food")


def test_tiers_sorted_by_rank_whatever_the_file_order() -> None:
    p = parse_program(edit("rank = 1", "rank = 5"))
    assert [t.code for t in p.tiers] == ["silver", "gold", "diamond", "regular"]
    assert p.lowest_tier.code == "silver"


# --- mistakes: each names the key and the line ----------------------------------------------


def test_float_instead_of_string_multiplier() -> None:
    text = edit('discount = "0.95"', "discount = 0.95")
    msg = error_of(text)
    assert msg == (
        f"program.toml line {line_of(text, 'discount = 0.95')}: tiers[1].discount: "
        'must be a decimal string such as "0.95", got 0.95'
    )
    assert line_of(text, "discount = 0.95") == 31  # as the docs show it


def test_float_instead_of_string_money() -> None:
    text = edit('bonus = "120.00"', "bonus = 120.00")
    msg = error_of(text)
    assert_names(msg, line_of(text, "bonus = 120.00"), "stored_value.topup_bonus[1].bonus")
    assert 'must be a string of yuan such as "500.00", got 120.0' in msg


def test_integer_instead_of_string_money_in_a_qualify_rule() -> None:
    text = edit('qualify = { rolling_12m = "20000.00" }', "qualify = { rolling_12m = 20000 }")
    msg = error_of(text)
    assert_names(msg, line_of(text, "qualify = { rolling_12m = 20000 }"),
                 "tiers[2].qualify.rolling_12m")


def test_missing_key_points_at_its_table() -> None:
    text = edit('currency = "CNY"\n', "")
    msg = error_of(text)
    assert_names(msg, line_of(text, "[program]"), "program.currency")
    assert msg.endswith("is missing")


def test_missing_key_in_an_array_table() -> None:
    text = edit('multiplier = "0.70"\n', "")
    msg = error_of(text)
    header = line_of(text, '[[promotions]]\ncode = "D11-COSMETICS"')
    assert_names(msg, header, "promotions[0].multiplier")


def test_missing_key_in_second_array_table() -> None:
    text = edit('min_topup = "1000.00"\n', "")
    msg = error_of(text)
    header = line_of(text, "[[stored_value.topup_bonus]]", after='bonus = "50.00"')
    assert_names(msg, header, "stored_value.topup_bonus[1].min_topup")


def test_date_written_as_a_string() -> None:
    text = edit("end = 2026-11-11", 'end = "2026-11-11"', after='batch = "D11-50"')
    msg = error_of(text)
    assert_names(msg, line_of(text, 'end = "2026-11-11"'), "coupons[0].end")
    assert "must be a date such as 2026-11-07" in msg


def test_date_with_a_time() -> None:
    text = edit("start = 2026-11-07", "start = 2026-11-07T10:00:00", after='code = "D11-APPAREL"')
    msg = error_of(text)
    assert_names(msg, line_of(text, "start = 2026-11-07T10:00:00"), "promotions[1].start")


def test_impossible_date() -> None:
    text = edit("start = 2026-11-07", "start = 2026-11-31", after='code = "D11-COSMETICS"')
    msg = error_of(text)
    assert_names(msg, line_of(text, "start = 2026-11-31"), "promotions[0].start")
    assert "not valid TOML" in msg


def test_end_before_start() -> None:
    text = edit("end = 2026-11-11", "end = 2026-11-06", after='code = "D11-COSMETICS"')
    msg = error_of(text)
    assert_names(msg, line_of(text, "end = 2026-11-06"), "promotions[0].end")
    assert "is before start (2026-11-06 < 2026-11-07)" in msg


def test_unknown_promotion_kind() -> None:
    text = edit('kind = "spend_get_off"', 'kind = "buy_one_get_one"')
    msg = error_of(text)
    assert_names(msg, line_of(text, 'kind = "buy_one_get_one"'), "promotions[1].kind")
    assert 'must be "percent_off", "spend_get_off" or "gift_with_purchase"' in msg


def test_unknown_coupon_kind() -> None:
    text = edit('kind = "amount_off"', 'kind = "percent_off"')
    msg = error_of(text)
    assert_names(msg, line_of(text, 'kind = "percent_off"', after="[[coupons]]"), "coupons[0].kind")


def test_bad_timezone() -> None:
    text = edit('timezone = "Asia/Shanghai"', 'timezone = "Asia/Beijing"')
    msg = error_of(text)
    assert_names(msg, line_of(text, "Asia/Beijing"), "program.timezone")
    assert "is not a known time zone: 'Asia/Beijing'" in msg


def test_duplicate_tier_code() -> None:
    text = edit('code = "gold"', 'code = "silver"')
    msg = error_of(text)
    assert_names(msg, line_of(text, 'code = "silver"', after='name = "银卡"'), "tiers[2].code")
    assert "repeats tier code 'silver'" in msg


def test_duplicate_tier_rank() -> None:
    text = edit("rank = 4", "rank = 1")
    msg = error_of(text)
    assert_names(msg, line_of(text, "rank = 1", after='code = "diamond"'), "tiers[3].rank")


def test_bad_bonus_spend_order() -> None:
    text = edit('"principal_first"  #', '"bonus_last"  #')
    msg = error_of(text)
    assert_names(msg, line_of(text, '"bonus_last"'), "stored_value.bonus_spend_order")
    assert "must be one of principal_first, bonus_first, proportional, got 'bonus_last'" in msg


def test_negative_money() -> None:
    text = edit('off = "200.00"', 'off = "-200.00"')
    msg = error_of(text)
    assert_names(msg, line_of(text, 'off = "-200.00"'), "promotions[1].off")
    assert "must be above zero" in msg


def test_negative_bonus_in_the_ladder() -> None:
    text = edit('bonus = "450.00"', 'bonus = "-450.00"')
    msg = error_of(text)
    assert_names(msg, line_of(text, 'bonus = "-450.00"'), "stored_value.topup_bonus[2].bonus")
    assert "must be at least zero" in msg


def test_money_with_three_decimals() -> None:
    text = edit('redeem_unit_value = "10.00"', 'redeem_unit_value = "10.005"')
    msg = error_of(text)
    assert_names(msg, line_of(text, "10.005"), "points.redeem_unit_value")


def test_multiplier_out_of_range() -> None:
    text = edit('max_redeem_share = "0.50"', 'max_redeem_share = "1.5"')
    msg = error_of(text)
    assert_names(msg, line_of(text, 'max_redeem_share = "1.5"'), "points.max_redeem_share")
    assert "must be above 0 and at most 1, got 1.5" in msg


def test_invalid_toml() -> None:
    text = edit('name = "金卡"', 'name = "金卡')  # unterminated string
    msg = error_of(text)
    assert_names(msg, line_of(text, 'name = "金卡'), "tiers[2].name")
    assert "not valid TOML" in msg


def test_invalid_toml_repeated_key() -> None:
    text = edit("points_multiplier = \"1.2\"", "points_multiplier = \"1.2\"\nrank = 9")
    msg = error_of(text)
    assert_names(msg, line_of(text, "rank = 9"), "tiers[1].rank")


def test_bad_qualify_rule_key() -> None:
    text = edit(
        'qualify = { single_day = "5000.00", rolling_12m = "50000.00" }',
        'qualify = { single_week = "5000.00", rolling_12m = "50000.00" }',
    )
    msg = error_of(text)
    assert_names(msg, line_of(text, "single_week"), "tiers[3].qualify.single_week")
    assert "is not a qualify rule (use rolling_12m, single_day, single_purchase)" in msg


def test_keep_rule_only_over_12_months() -> None:
    text = edit('keep = { rolling_12m = "15000.00" }', 'keep = { single_day = "15000.00" }')
    msg = error_of(text)
    assert_names(msg, line_of(text, 'keep = { single_day'), "tiers[2].keep.single_day")
    assert "is not a keep rule (use rolling_12m)" in msg


def test_whole_number_written_as_string() -> None:
    text = edit("redeem_unit_points = 100", 'redeem_unit_points = "100"')
    msg = error_of(text)
    assert_names(msg, line_of(text, 'redeem_unit_points = "100"'), "points.redeem_unit_points")


def test_flag_written_as_string() -> None:
    text = edit("vip_only = true", 'vip_only = "yes"')
    msg = error_of(text)
    assert_names(msg, line_of(text, 'vip_only = "yes"'), "promotions[0].vip_only")


def test_coupon_code_in_two_batches() -> None:
    text = EXAMPLE + (
        '\n[[coupons]]\nbatch = "D11-20"\nname = "x"\nkind = "amount_off"\nvalue = "20.00"\n'
        'codes = ["D11-20-0001", "D11-50-0003"]\nstart = 2026-11-01\nend = 2026-11-11\n'
    )
    msg = error_of(text)
    assert_names(msg, line_of(text, 'codes = ["D11-20-0001"'), "coupons[1].codes")
    assert "repeats coupon code 'D11-50-0003'" in msg


def test_currency_must_be_cny() -> None:
    text = edit('currency = "CNY"', 'currency = "USD"')
    assert_names(error_of(text), line_of(text, "USD"), "program.currency")


def test_no_tiers() -> None:
    text = re.sub(r"\[\[tiers\]\].*?(?=\[stored_value\])", "", EXAMPLE, flags=re.S)
    assert error_of(text) == "program.toml: tiers: at least one [[tiers]] table is needed"


# --- files ---------------------------------------------------------------------------------------


def test_load_program_names_the_file(tmp_path: Path) -> None:
    f = tmp_path / "hq-2026.toml"
    f.write_text(edit('discount = "0.90"', "discount = 0.9"), encoding="utf-8")
    with pytest.raises(ProgramError, match=r"^hq-2026\.toml line 40: tiers\[2\]\.discount: "):
        load_program(f)


def test_load_program_missing_or_not_utf8(tmp_path: Path) -> None:
    with pytest.raises(ProgramError, match="program file not found"):
        load_program(tmp_path / "nope.toml")
    f = tmp_path / "gbk.toml"
    f.write_bytes(EXAMPLE.encode("gb18030"))
    with pytest.raises(ProgramError, match=r"^gbk\.toml: not UTF-8 text"):
        load_program(f)


def test_unknown_keys_are_named_with_their_line(tmp_path: Path) -> None:
    """A misspelt key is ignored (the terminal may accept more keys than it reads), but it
    is named, with its line, so HQ sees that vip_onyl did not make a promotion VIP-only."""

    assert load_program(PROGRAM).warnings == ()
    text = PROGRAM.read_text(encoding="utf-8").replace("vip_only = true", "vip_onyl = true", 1)
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "vip_onyl" in ln)
    bad = tmp_path / "program.toml"
    bad.write_text(text, encoding="utf-8")
    prog = load_program(bad)
    assert prog.warnings == (f"program.toml line {line}: promotions[0].vip_onyl: "
                             "unknown key, ignored",)
    assert prog.promotions[0].vip_only is False


def test_init_prints_unknown_key_warnings(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from pos_app import cli

    bad = tmp_path / "program.toml"
    bad.write_text(PROGRAM.read_text(encoding="utf-8").replace("[points]", "[points]\nbonus = 1"),
                   encoding="utf-8")
    assert cli.main(["--data-dir", str(tmp_path / "d"), "init", "--store", "S", "--terminal",
                     "T", "--franchisee", "F", "--program", str(bad)]) == 0
    err = capsys.readouterr().err
    assert "pos: warning: program.toml line" in err and "points.bonus: unknown key" in err


# --- gifts, services, entitlements, performance ----------------------------------------------


def test_example_gifts_services_and_performance(example: Program) -> None:
    assert [(g.code, g.value, g.points) for g in example.gifts] == [
        ("BEAUTY-SET", D("120.00"), 1200), ("UMBRELLA", D("50.00"), 500)]
    assert [(x.code, x.name) for x in example.services] == [("dry_cleaning", "干洗"),
                                                            ("checkup", "体检")]
    assert [(e.service, e.tiers, e.card_products, e.count, e.valid_months)
            for e in example.entitlements] == [
        ("dry_cleaning", ("gold", "diamond"), (), None, None),
        ("dry_cleaning", ("silver",), (), 2, None),
        ("checkup", (), ("VIP5000",), 1, 12)]
    assert example.performance.offer_membership_above == D("100.00")
    assert example.staff.pin_attempts == 5  # [staff] is the PIN lock-out, apart


@pytest.mark.parametrize(("old", "new", "after", "key", "message"), [
    ('gifts = ["BEAUTY-SET", "UMBRELLA"]', 'gifts = ["BEAUTY-SET", "KITE"]', None,
     "promotions[2].gifts", "names gift 'KITE', which is not in [[gifts]]"),
    ('gifts = ["BEAUTY-SET", "UMBRELLA"]', "gifts = []", None, "promotions[2].gifts",
     "must list at least one gift"),
    ('on_refund = "take_back"', 'on_refund = "keep"', None, "promotions[2].on_refund",
     'must be "take_back" or "deduct_value"'),
    ("points = 500\n", "points = 0\n", None, "gifts[1].points", "must be at least 1"),
    ('value = "50.00"', "value = 50", 'code = "UMBRELLA"', "gifts[1].value",
     "must be a string of yuan"),
    ('service = "checkup"', 'service = "massage"', None, "entitlements[2].service",
     "names service 'massage', which is not in [[services]]"),
    ('tiers = ["silver"]', 'tiers = ["bronze"]', None, "entitlements[1].tiers",
     "names tier 'bronze', which is not in [[tiers]]"),
    ("count = 2", "count = 0", None, "entitlements[1].count", "must be at least 1"),
    ('offer_membership_above = "100.00"', "offer_membership_above = 100", None,
     "performance.offer_membership_above", "must be a string of yuan"),
])
def test_bad_gifts_and_entitlements_name_key_and_line(old: str, new: str, after: str | None,
                                                      key: str, message: str) -> None:
    start = EXAMPLE.index(after) if after else 0
    line = EXAMPLE.count("\n", 0, EXAMPLE.index(old, start)) + 1
    msg = error_of(edit(old, new, after))
    assert_names(msg, line, key)
    assert message in msg


def test_an_entitlement_needs_tiers_or_card_products() -> None:
    text = edit('card_products = ["VIP5000"]', "")
    assert "entitlements[2].tiers: give tiers or card_products" in error_of(text)


def test_card_products_return_days(example: Program) -> None:
    """``return_days``: how long an unused card sold may be returned (0: the day of sale);
    a product without it is never taken back."""
    p = example
    vip, gift = p.card_product("VIP5000"), p.card_product("GIFT1000")
    assert vip is not None and gift is not None
    assert (vip.return_days, gift.return_days) == (7, 0)
    never = parse_program(edit("return_days = 7", ""))
    assert never.card_product("VIP5000").return_days is None  # type: ignore[union-attr]
    assert "card_products[0].return_days: must be at least 0, got -1" in error_of(
        edit("return_days = 7", "return_days = -1"))
    assert "return_days: must be a whole number" in error_of(
        edit("return_days = 7", 'return_days = "7"'))
