"""Magstripe, barcode and APDU parsers: examples and property tests (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import ean, luhn

from devices.apdu import ApduError, decode_number, parse_response
from devices.barcode import BarcodeError, parse_barcode
from devices.magstripe import SwipeError, lrc_char, mask_pan, parse_swipe, split_tracks

# ---------------------------------------------------------------- magstripe

OWN = ";8860001234567890=4912?"
BANK_T1 = "%B6228480402564890018^ZHANG/SAN^2512101000000000000?"
BANK_T2 = ";6228480402564890018=25121010000000000?"


def test_own_card_number_from_track2():
    s = parse_swipe(OWN)
    assert s.card_number == "8860001234567890" and not s.bank_card


def test_own_card_number_configurable_track_and_slice():
    data = "%A8860001234567890^VIP^?" + ";8860001234567890=4912?" + ";0012345?"
    assert parse_swipe(data, number_track=1).card_number == "8860001234567890"
    assert parse_swipe(data, number_track=3).card_number == "0012345"
    assert parse_swipe(data, number_slice=(4, 16)).card_number == "001234567890"


def test_bank_card_never_kept_only_masked():
    for data in (BANK_T1 + BANK_T2, BANK_T2, BANK_T1):
        s = parse_swipe(data)
        assert s.bank_card and s.card_number is None and s.tracks == ()
        assert s.masked == "622848*********0018"
        assert "6228480402564890018" not in repr(s)


def test_own_prefixes_decide_what_is_ours():
    assert parse_swipe(BANK_T2, own_prefixes=["8860"]).bank_card
    assert not parse_swipe(OWN, own_prefixes=["8860"]).bank_card
    assert parse_swipe(";1234567=1?", own_prefixes=["8860"]).bank_card


@pytest.mark.parametrize(
    "bad",
    ["%E?", ";E?", "+E?", "%E?;E?", ";88600012", "8860001234567890", "", "%B^?x;", ";88A0?",
     ";123?;456?;789?"],
)
def test_bad_or_torn_swipes_say_swipe_again(bad):
    with pytest.raises(SwipeError) as e:
        parse_swipe(bad)
    assert "swipe again" in str(e.value)


def test_lrc_checked_where_reader_passes_it():
    body = ";8860001234567890=4912?"
    good = body + lrc_char(2, body)
    assert split_tracks(good, lrc=True)[0].lrc_ok is True
    wrong = chr(((ord(lrc_char(2, body)) - 0x30 + 1) % 16) + 0x30)
    with pytest.raises(SwipeError):
        split_tracks(body + wrong, lrc=True)
    with pytest.raises(SwipeError):
        split_tracks(body, lrc=True)


def test_mask():
    assert mask_pan("6228480402564890018") == "622848*********0018"
    assert mask_pan("12345") == "*****"


track2_digits = st.text(alphabet="0123456789", min_size=1, max_size=19)


@given(st.binary(max_size=200))
@settings(max_examples=300)
def test_swipe_parser_never_crashes(data):
    try:
        s = parse_swipe(data)
    except SwipeError:
        return
    assert s.bank_card or s.card_number


@given(track2_digits, st.text(alphabet="0123456789", max_size=10))
def test_track2_roundtrip_own_card(number, extra):
    s = parse_swipe(f";{number}={extra}?", own_prefixes=[number[:1]])
    assert s.card_number == number


@given(st.text(alphabet="0123456789", min_size=12, max_size=18))
def test_bank_pan_never_returned(prefix):
    pan = prefix + luhn.calc_check_digit(prefix)
    s = parse_swipe(f";{pan}=25121010000?")
    assert s.bank_card and s.card_number is None
    assert pan not in repr(s) and (s.masked or "").count("*") == len(pan) - 10


@given(st.text(alphabet="0123456789:<=>", min_size=1, max_size=30))
def test_lrc_roundtrip(body):
    text = ";" + body + "?"
    t = split_tracks(text + lrc_char(2, text), lrc=True)[0]
    assert t.lrc_ok and t.data == body


# ---------------------------------------------------------------- barcodes


def test_aim_identifiers():
    b = parse_barcode(b"]E06901234567892")
    assert (b.code, b.symbology, b.aim_id) == ("6901234567892", "EAN-13", "]E0")
    assert parse_barcode("]E496385074").symbology == "EAN-8"
    assert parse_barcode("]E00036000291452").symbology == "UPC-A"
    assert parse_barcode("]C1\x1d0106901234567892").symbology == "GS1-128"
    assert parse_barcode("]Q1https://例子.cn/会员".encode()).code == "https://例子.cn/会员"
    assert parse_barcode("ABC-123").symbology is None
    assert parse_barcode("6901234567892").symbology == "EAN-13"


@pytest.mark.parametrize("bad", [b"", b"]E06901234567893", b"]E0", b"abc\x03def", b"\xff\xfe\x00"])
def test_bad_barcodes(bad):
    with pytest.raises(BarcodeError):
        parse_barcode(bad)


@given(st.binary(max_size=100))
@settings(max_examples=300)
def test_barcode_parser_never_crashes(data):
    try:
        b = parse_barcode(data)
    except BarcodeError:
        return
    assert b.code and all(ord(c) >= 0x20 or c == "\x1d" for c in b.code)


@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_ean13_roundtrip(body):
    code = body + ean.calc_check_digit(body)
    assert parse_barcode(("]E0" + code).encode()).code == code
    assert parse_barcode(code.encode()).symbology == "EAN-13"


# ---------------------------------------------------------------- APDU answers


def test_apdu_answers():
    r = parse_response(bytes.fromhex("04A1B2C3D4E5F69000"))
    assert r.ok and r.data.hex().upper() == "04A1B2C3D4E5F6"
    assert not parse_response(b"\x6a\x82").ok
    with pytest.raises(ApduError):
        parse_response(b"\x90")
    assert decode_number(b"8860001234567890\xff\xff") == "8860001234567890"
    assert decode_number(bytes.fromhex("886000123456789F"), "bcd") == "886000123456789"
    with pytest.raises(ApduError):
        decode_number(b"\xff" * 16)
    with pytest.raises(ApduError):
        decode_number(b"\x01\x02", "ascii")


@given(st.binary(max_size=300))
def test_apdu_parser_never_crashes(raw):
    try:
        r = parse_response(raw)
    except ApduError:
        assert len(raw) < 2
        return
    assert r.data + bytes([r.sw1, r.sw2]) == raw


@given(st.binary(max_size=32), st.sampled_from(["ascii", "bcd", "hex"]))
def test_number_decoder_never_crashes(raw, fmt):
    try:
        n = decode_number(raw, fmt)
    except ApduError:
        return
    assert n
