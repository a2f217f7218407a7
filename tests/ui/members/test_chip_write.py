"""Chip cards carry their holder from the member counter: a chip card issued at the
counter is written through the app's device bridge (the reader's own thread), on the
demo's simulated reader and on the real stacks (pcscd with the vpcd virtual card,
nfcpy's udp driver); no card, another card or a refused write is told in the clerk's
language, and a card left unwritten is shown flagged with Write chip to try again."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot

from devices.base import DeviceConfig
from devices.manager import DeviceManager
from devices.simulated import SimulatedCardReader
from pos_app.core import chip, members
from pos_app.core.terminal import Terminal
from pos_app.ui.app import MainWindow, open_window
from pos_app.ui.device_bridge import DeviceBridge
from pos_app.ui.members.chip_write import ChipWriteDialog
from pos_app.ui.members.screen import MembersScreen
from tests.devices.conftest import pcscd  # noqa: F401  (the fixture, for the vpcd card)
from tests.devices.test_nfc import Tag, free_udp_port
from tests.devices.vcard import VirtualCard
from tests.ui.helpers import idle, login
from tests.ui.test_app import cut_off

FILE = bytes.fromhex("0016")
UID = "04A1B2C3D4E501"


def enroll_with_card(qtbot: QtBot, win: MainWindow, name: str, phone: str) -> MembersScreen:
    """Fill the enroll tab and wait there for a card presented; the caller presents it."""
    login(qtbot, win)
    win.key("F8")
    m = win.members
    m.tabs.setCurrentWidget(m.enroll_tab)
    tab = m.enroll_tab
    tab.name.setText(name)
    tab.phone.setText(phone)
    tab.privacy.setChecked(True)
    tab.card.present_radio.setChecked(True)
    return m


def dialog(qtbot: QtBot, m: MembersScreen) -> ChipWriteDialog:
    try:
        qtbot.waitUntil(lambda: m.chip_dialog is not None and m.chip_dialog.isVisible(),
                        timeout=10000)
    except TimeoutError as e:
        raise AssertionError(f"no chip dialog; the counter says {m.message.text()!r}") from e
    assert m.chip_dialog is not None
    return m.chip_dialog


def settled(qtbot: QtBot, d: ChipWriteDialog) -> None:
    """The write done or refused (Write again offered, or Done)."""
    qtbot.waitUntil(lambda: d.written or d.retry.isEnabled(), timeout=30000)


def written_at(t: Terminal, card_no: str) -> str | None:
    con = sqlite3.connect(t.data_dir / "pos.sqlite")
    try:
        row = con.execute("SELECT chip_written_at FROM cards WHERE card_no = ?",
                          (card_no,)).fetchone()
    finally:
        con.close()
    return row[0]


def test_the_demo_reader_writes_the_chip_at_issue(qtbot: QtBot, window: MainWindow) -> None:
    win = window
    t = win.ctx.terminal
    reader = win.ctx.devices._simulated("card_reader")
    assert isinstance(reader, SimulatedCardReader)
    m = enroll_with_card(qtbot, win, "李雷", "13912345601")
    win.ctx.devices.simulate_card("ic", None, uid=UID)
    qtbot.waitUntil(lambda: m.enroll_tab.card.card is not None, timeout=5000)
    m.enroll_tab.button.click()
    d = dialog(qtbot, m)
    assert "插入" in d.prompt.text()  # the clerk is told to insert the card
    settled(qtbot, d)
    assert d.written, d.status.text()
    assert "已写入" in d.status.text()
    d.close_button.click()
    idle(qtbot, win)
    assert m.member is not None
    card_no = m.member["card"]
    assert written_at(t, card_no) is not None and not m.member["chip_unwritten"]
    assert "芯片未写入" not in m.info.text()
    with t.read() as s:  # the chip's record names the card and its check holds
        assert chip.check_record(t, s, reader.chips[UID]).card_no == card_no

    # presented again the chip gives its record: the member found by the chip, checked
    win.ctx.devices.simulate_card("ic", None, uid=UID)
    qtbot.waitUntil(lambda: m.member is not None and m.member["card"] == card_no,
                    timeout=5000)

    # another card on the pad: refused, nothing written; no card: told so; then written
    m.tabs.setCurrentWidget(m.cards_tab)
    assert m.cards_tab.chip_button.isEnabled()
    reader.chips["04FFEEDDCCBB01"] = bytes(chip.RECORD_LEN)
    before = dict(reader.chips)
    reader.on_pad = "04FFEEDDCCBB01"
    m.cards_tab.chip_button.click()
    d = dialog(qtbot, m)
    settled(qtbot, d)
    assert not d.written and "不是卡" in d.status.text(), d.status.text()
    assert reader.chips == before
    reader.on_pad = None
    d.retry.click()
    settled(qtbot, d)
    assert not d.written and "读卡器中没有卡" in d.status.text(), d.status.text()
    reader.on_pad = reader.ISSUED
    d.retry.click()
    settled(qtbot, d)
    assert d.written and d.retry.isHidden()
    d.close_button.click()
    idle(qtbot, win)


def test_a_card_left_unwritten_is_flagged_and_written_later(qtbot: QtBot,
                                                            window: MainWindow) -> None:
    """Issued, the chip not written (no card on the pad, the clerk said Not now): the
    card is the member's, shown flagged with the warning; Write chip writes it later."""
    win = window
    t = win.ctx.terminal
    reader = win.ctx.devices._simulated("card_reader")
    reader.on_pad = None
    m = enroll_with_card(qtbot, win, "韩梅梅", "13912345602")
    win.ctx.devices.simulate_card("nfc", None, uid="04A1B2C3D4E5F7")
    qtbot.waitUntil(lambda: m.enroll_tab.card.card is not None, timeout=5000)
    m.enroll_tab.button.click()
    d = dialog(qtbot, m)
    assert "轻触" in d.prompt.text()  # a tag is tapped
    settled(qtbot, d)
    assert "没有卡" in d.status.text(), d.status.text()
    win.resize(800, 600)  # the smallest screen: the dialog fits, nothing cut off
    smallest = d.minimumSizeHint()
    assert smallest.width() <= 800 and smallest.height() <= 600
    qtbot.waitUntil(lambda: not cut_off(d), timeout=3000)
    d.close_button.click()
    idle(qtbot, win)
    assert m.member is not None and m.member["chip_unwritten"] == "nfc"
    card_no = m.member["card"]
    assert written_at(t, card_no) is None
    with t.read() as s:  # issued all the same: the member has the card, the tag bound
        assert members.find_card(s, "04A1B2C3D4E5F7", "nfc").card_no == card_no
    assert "芯片未写入" in m.info.text()
    assert "尚未写入" in m.message.text(), m.message.text()
    reader.on_pad = reader.ISSUED
    m.tabs.setCurrentWidget(m.cards_tab)
    m.cards_tab.chip_button.click()
    d = dialog(qtbot, m)
    settled(qtbot, d)
    assert d.written
    d.close_button.click()
    idle(qtbot, win)
    assert written_at(t, card_no) is not None and not m.member["chip_unwritten"]


def reader_empty() -> bool:
    from devices.pcsc_reader import ChipSession, NoCard

    try:
        with ChipSession("Virtual PCD 00 00", wait_s=0):
            return False
    except NoCard:
        return True


@pytest.fixture
def pcsc_window(qtbot: QtBot, terminal: Terminal, pcscd) -> Iterator[MainWindow]:  # noqa: F811
    manager = DeviceManager([DeviceConfig("IC reader", "ic_card", "pcsc", {
        "readers": ["Virtual PCD 00 00"], "holder_file": "0016"})])
    win = open_window(terminal, "zh_CN", devices=DeviceBridge(manager))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    yield win
    win.shutdown()


def test_the_ic_card_is_written_through_pcscd(qtbot: QtBot, pcsc_window: MainWindow,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    win = pcsc_window
    t = win.ctx.terminal
    monkeypatch.setattr(ChipWriteDialog, "WAIT_S", 2.0)
    m = enroll_with_card(qtbot, win, "李雷", "13912345601")
    with VirtualCard(uid=bytes.fromhex(UID), files={FILE: bytes(chip.RECORD_LEN)}) as card:
        qtbot.waitUntil(lambda: m.enroll_tab.card.card is not None, timeout=15000)
        assert m.enroll_tab.card.card.uid == UID
        m.enroll_tab.button.click()
        d = dialog(qtbot, m)
        settled(qtbot, d)
        assert d.written, d.status.text()
        record = card.files[FILE]
    d.close_button.click()
    idle(qtbot, win)
    card_no = m.member["card"]
    assert record[:3] == b"PH1" and card_no.encode() in record
    with t.read() as s:
        assert chip.check_record(t, s, record).card_no == card_no
        assert members.find_card(s, UID, "ic").card_no == card_no
    assert written_at(t, card_no) is not None

    # write again with no card in the reader: told to insert it
    qtbot.waitUntil(reader_empty, timeout=15000)  # pcscd has seen the card go
    m.tabs.setCurrentWidget(m.cards_tab)
    m.cards_tab.chip_button.click()
    d = dialog(qtbot, m)
    settled(qtbot, d)
    assert "读卡器中没有卡" in d.status.text(), d.status.text()
    # another member's card inserted (its UID bound to it): refused, its chip untouched
    other_chip = bytes(range(chip.RECORD_LEN))
    with VirtualCard(uid=bytes.fromhex("04A1B2C3D4E502"), files={FILE: other_chip}) as other:
        d.retry.click()
        settled(qtbot, d)
        assert "不是卡" in d.status.text(), d.status.text()
        assert other.files[FILE] == other_chip
    d.close_button.click()
    idle(qtbot, win)


def test_the_nfc_tag_is_written_through_nfcpy(qtbot: QtBot, terminal: Terminal,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from devices.nfc_reader import TagSession

    monkeypatch.setattr(ChipWriteDialog, "WAIT_S", 2.0)
    port = free_udp_port()
    path = f"udp:127.0.0.1:{port}"
    manager = DeviceManager([DeviceConfig("NFC reader", "nfc", "nfcpy", {"path": path})])
    win = open_window(terminal, "zh_CN", devices=DeviceBridge(manager))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    m = enroll_with_card(qtbot, win, "李雷", "13912345601")
    tag = Tag(port, "2", "04C1B2C3D4E5F6")  # tapped while the enroll tab waits for it
    try:
        qtbot.waitUntil(lambda: m.enroll_tab.card.card is not None, timeout=15000)
        assert m.enroll_tab.card.card.uid == "04C1B2C3D4E5F6"
        m.enroll_tab.button.click()
        d = dialog(qtbot, m)
        settled(qtbot, d)
        assert d.written, d.status.text()
        d.close_button.click()
        idle(qtbot, win)
        card_no = m.member["card"]
        win.ctx.devices.stop()  # the reader let go: the tag read back on its own
        with TagSession(path) as session:
            record = session.read()
        assert record is not None
        with terminal.read() as s:
            assert chip.check_record(t := terminal, s, record).card_no == card_no
            assert members.find_card(s, "04C1B2C3D4E5F6", "nfc").card_no == card_no
        assert written_at(t, card_no) is not None
    finally:
        tag.take_away()
        win.shutdown()
