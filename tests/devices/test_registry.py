"""The device table: one line per kind and driver, read by the manager and by the terminal
config check alike; importing it loads no device library."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from devices import registry
from devices.base import Adapter, ConfigError, DeviceConfig
from devices.events import Media
from devices.manager import DeviceManager, is_passive, parse_config
from pos_app import config
from pos_app.core.messages import Msg

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = {
    registry.Value.TEXT: "x",
    registry.Value.WHOLE: 1,
    registry.Value.YES_NO: True,
    registry.Value.LIST: ["x"],
    registry.Value.SERIAL_PORT: "/dev/ttyUSB9",
    registry.Value.TCP_PORT: 9100,
    registry.Value.ANY: "0x0416",
}


def check(entry: dict[str, object]) -> list[str]:
    problems: list[str] = []
    config._check_device(entry, "devices[1]", set(), lambda at, code, /, **params: problems.append(
        f"{at}: {Msg(code, **params)}"))
    return problems


def test_importing_the_table_loads_no_device_library() -> None:
    code = ("import sys, devices.registry; print(sorted(m for m in sys.modules if "
            "m.split('.')[0] in ('serial', 'smartcard', 'nfc', 'escpos', 'usb', 'PIL', "
            "'PySide6') or m.startswith('devices.') and m not in ('devices.registry', "
            "'devices.events')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("line", registry.TABLE, ids=lambda d: f"{d.kind}-{d.driver}")
def test_each_line_is_accepted_by_the_config_check_and_the_manager(
    line: registry.Driver,
) -> None:
    entry: dict[str, object] = {"name": "dev", "kind": line.kind, "driver": line.driver}
    entry.update({key: SAMPLE[line.keys[key]] for key in line.required})
    assert check(entry) == []
    (parsed,) = parse_config({"devices": [entry]})
    assert is_passive(parsed) is line.passive
    for key in line.required:  # each required key is named when missing
        short = {k: v for k, v in entry.items() if k != key}
        assert any(repr(key) in p for p in check(short)), key
    wrong = {**entry, **{key: object() for key, v in line.keys.items()
                         if v is not registry.Value.ANY}}
    assert len(check(wrong)) == sum(v is not registry.Value.ANY for v in line.keys.values())


@pytest.mark.parametrize("line", [d for d in registry.TABLE if not d.passive],
                         ids=lambda d: f"{d.kind}-{d.driver}")
def test_each_adapter_line_names_an_adapter_of_its_kind(line: registry.Driver) -> None:
    module, cls_name = str(line.adapter).split(":")
    cls = getattr(__import__(module, fromlist=[cls_name]), cls_name)
    assert issubclass(cls, Adapter) and cls.kind == line.kind
    assert cls.driver in ("", line.driver)  # "": one class for several connections


def test_unknown_pairs_are_refused_by_both_with_the_choices() -> None:
    assert "drivers for 'scanner': serial, simulated, wedge" in check(
        {"name": "a", "kind": "scanner", "driver": "bluetooth"})[0]
    with pytest.raises(ConfigError, match="no driver 'bluetooth'"):
        parse_config({"devices": [{"name": "a", "kind": "scanner", "driver": "bluetooth"}]})


def test_the_manager_runs_an_adapter_only_for_active_lines() -> None:
    m = DeviceManager([
        DeviceConfig("s", "scanner", "simulated"),
        DeviceConfig("w", "scanner", "wedge"),
        DeviceConfig("d", "drawer", "simulated"),
    ])
    assert list(m.adapters) == ["s"]
    assert [c.name for c in m.passive()] == ["w", "d"]


def test_ledger_media_names() -> None:
    assert {registry.ledger_media(m) for m in Media} == {"magstripe", "ic", "nfc", "barcode"}
    for name in ("magstripe", "ic", "nfc", "barcode"):
        assert registry.ledger_media(registry.reader_media(name)) == name
