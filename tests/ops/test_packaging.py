"""The package a technician installs: the PyInstaller bundle and the Debian package.

CI builds both (packaging/build-bundle reuses build/bundle/<hash of the sources>, so an
unchanged tree does not rebuild; a full build takes about 2 minutes on 2 cores) and
smoke-tests them: ``pos --version`` and a headless demo sale from the bundle, then the
.deb's control fields, file list, udev rules and systemd units, and the package
unpacked into a clean root with ``dpkg --root`` (its files registered in that root's
dpkg database) and the pos from that root run. A full debootstrap and a configured
install (postinst making the user, udev and systemd reloading) are too slow for CI and
need a booted system; the maintainer scripts are syntax-checked instead.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app import __version__

ROOT = Path(__file__).resolve().parents[2]
# a cold PyInstaller build is part of the first test's setup
pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

UNITS = ("store-pos-kiosk.service", "store-pos-hq.service", "store-pos-backup.service",
         "store-pos-backup.timer")


def _clean_env(tmp: Path) -> dict[str, str]:
    """No virtualenv, no repository on the path: only what the bundle carries."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "POS_DATA_DIR", "POS_CONFIG")}
    env["PATH"] = "/usr/bin:/bin"
    env["HOME"] = str(tmp / "home")
    env["XDG_CONFIG_HOME"] = str(tmp / "home" / ".config")
    return env


def _run(cmd: list[str], tmp: Path, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=tmp, env=_clean_env(tmp), capture_output=True, text=True,
                          timeout=timeout, check=False)


@pytest.fixture(scope="module")
def bundle() -> Path:
    r = subprocess.run([str(ROOT / "packaging" / "build-bundle")], cwd=ROOT,
                       capture_output=True, text=True, timeout=600, check=False)
    assert r.returncode == 0, r.stderr[-3000:]
    path = Path(r.stdout.strip().splitlines()[-1])
    assert (path / "pos").is_file()
    return path


@pytest.fixture(scope="module")
def deb(bundle: Path) -> Path:
    r = subprocess.run([str(ROOT / "packaging" / "build-deb"), str(bundle)], cwd=ROOT,
                       capture_output=True, text=True, timeout=300, check=False)
    assert r.returncode == 0, r.stderr[-3000:]
    return Path(r.stdout.strip().splitlines()[-1])


@pytest.fixture
def work(tmp_path: Path) -> Iterator[Path]:
    (tmp_path / "home").mkdir()
    yield tmp_path


def _smoke(pos: Path, work: Path) -> None:
    r = _run([str(pos), "--version"], work)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"pos {__version__}"

    data = work / "data"
    r = _run([str(pos), "--data-dir", str(data), "--json", "demo"], work)
    assert r.returncode == 0, r.stderr[-3000:]
    sale = json.loads(r.stdout)
    assert sale["total"] == "883.15"
    assert r.stderr == ""  # nothing but the sale on the terminal
    r = _run([str(pos), "--data-dir", str(data), "--json", "ledger", "verify"], work)
    assert r.returncode == 0 and json.loads(r.stdout)["ok"]
    # backups and the JSON log work from the bundle too
    r = _run([str(pos), "--data-dir", str(data), "--json", "backup"], work)
    assert r.returncode == 0, r.stderr
    assert Path(json.loads(r.stdout)["file"]).is_file()
    lines = (data / "logs" / "pos.log").read_text(encoding="utf-8").splitlines()
    assert any(json.loads(x).get("command") == "demo" for x in lines)


def test_bundle_runs_version_and_a_headless_demo_sale(bundle: Path, work: Path) -> None:
    assert (bundle / "_internal" / "pos_app" / "migrations" / "versions").is_dir()
    _smoke(bundle / "pos", work)


def test_bundle_upgrades_a_first_schema_ledger(bundle: Path, work: Path) -> None:
    from tests.ops.first_schema import load_fixture

    data = work / "old"
    load_fixture(data)
    r = _run([str(bundle / "pos"), "--data-dir", str(data), "--json", "ledger", "verify"], work)
    assert r.returncode == 0, r.stderr[-3000:]
    assert json.loads(r.stdout)["journals"] == 2
    assert list((data / "backups").glob("pre-upgrade-0001-*.sqlite"))


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_bundle_serves_hq(bundle: Path, work: Path) -> None:
    """``pos hq serve`` from the bundle (SQLite here; PostgreSQL in a store chain):
    migrations run, the API answers."""
    import time
    import urllib.request

    cfg = work / "hq.toml"
    cfg.write_text(f'[hq]\ndatabase = "sqlite:///{work / "hq.sqlite"}"\n')
    port = _free_port()
    proc = subprocess.Popen(
        [str(bundle / "pos"), "hq", "serve", "--config", str(cfg), "--port", str(port)],
        cwd=work, env=_clean_env(work), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        body = b""
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/openapi.json",
                                            timeout=2) as resp:
                    body = resp.read()
                    break
            except OSError:
                time.sleep(0.3)
        assert proc.poll() is None, proc.communicate()[1][-3000:]
        assert b"/v1/handshake" in body
        for page, text in (("/office/login", "总部后台"), ("/office/static/office.css", "--red")):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{page}", timeout=5) as resp:
                assert text in resp.read().decode()  # the back office and its assets
        r = _run([str(bundle / "pos"), "--json", "hq", "register-terminal", "--config",
                  str(cfg), "--store", "S001", "--terminal", "T01", "--franchisee", "F-EAST"],
                 work)
        assert r.returncode == 0, r.stderr[-3000:]
        assert json.loads(r.stdout)["token"]
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _control(deb: Path) -> dict[str, str]:
    out = subprocess.run(["dpkg-deb", "-f", str(deb)], capture_output=True, text=True,
                         check=True).stdout
    fields: dict[str, str] = {}
    key = ""
    for line in out.splitlines():
        if line.startswith(" ") and key:
            fields[key] += "\n" + line
        else:
            key, _, value = line.partition(": ")
            fields[key] = value
    return fields


def test_deb_control_fields(deb: Path) -> None:
    f = _control(deb)
    assert f["Package"] == "store-pos"
    assert f["Version"] == __version__
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()
    assert f["Architecture"] == arch
    depends = {d.strip().split(" ")[0] for d in f["Depends"].split(",")}
    assert {"pcscd", "libpcsclite1", "fonts-wqy-microhei", "libusb-1.0-0", "udev"} <= depends
    qt = Path(__file__).resolve().parents[2] / "packaging" / "qt-runtime.packages"
    listed = {ln for ln in qt.read_text().splitlines() if ln and not ln.startswith("#")}
    assert listed <= depends, listed - depends  # every library the Qt plugins load
    assert "cage" in f["Recommends"]
    assert int(f["Installed-Size"]) > 50_000  # KiB: the bundle is in it
    info = subprocess.run(["dpkg-deb", "-I", str(deb)], capture_output=True, text=True,
                          check=True).stdout
    for script in ("postinst", "prerm", "postrm"):
        assert re.search(rf"\b{script}\b", info), script


def test_deb_files(deb: Path) -> None:
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True,
                             check=True).stdout
    files = {line.split()[-1] for line in listing.splitlines()}
    owners = {line.split()[1] for line in listing.splitlines()}
    assert owners == {"root/root"}
    for path in (
        "./opt/store-pos/pos",
        "./usr/bin/pos",
        "./lib/udev/rules.d/60-store-pos.rules",
        "./usr/share/store-pos/terminal.toml.example",
        "./usr/share/store-pos/hq.env.example",
        "./usr/share/doc/store-pos/operations.md",
        "./usr/share/doc/store-pos/devices.md",
        *(f"./lib/systemd/system/{u}" for u in UNITS),
    ):
        assert path in files, path
    assert not any("__pycache__" in f for f in files)


def test_deb_maintainer_scripts(deb: Path, tmp_path: Path) -> None:
    subprocess.run(["dpkg-deb", "-e", str(deb), str(tmp_path / "DEBIAN")], check=True)
    for script in ("postinst", "prerm", "postrm"):
        p = tmp_path / "DEBIAN" / script
        assert os.access(p, os.X_OK)
        subprocess.run(["sh", "-n", str(p)], check=True)
    post = (tmp_path / "DEBIAN" / "postinst").read_text()
    assert "useradd --system" in post and "--shell /usr/sbin/nologin" in post
    assert "dialout" in post and "install -d -o pos -g pos -m 0750 /var/lib/store-pos" in post
    assert "-m 0640" in post  # config and the HQ secrets: root:pos, not world-readable
    assert "systemctl enable --now store-pos-backup.timer" in post
    # the books are never deleted by the package
    assert "rm " not in (tmp_path / "DEBIAN" / "postrm").read_text()


def test_postinst_makes_the_user_folders_and_settings(deb: Path, tmp_path: Path) -> None:
    """The postinst run with recording stand-ins for the system tools (a configured
    install needs a booted system)."""
    subprocess.run(["dpkg-deb", "-e", str(deb), str(tmp_path / "DEBIAN")], check=True)
    fake = tmp_path / "bin"
    fake.mkdir()
    log = tmp_path / "calls"
    for tool in ("getent", "groupadd", "useradd", "usermod", "install", "udevadm",
                 "systemctl"):
        code = "2" if tool == "getent" else "0"  # nothing exists yet
        (fake / tool).write_text(f'#!/bin/sh\necho "{tool} $*" >> "{log}"\nexit {code}\n')
        (fake / tool).chmod(0o755)
    env = {"PATH": f"{fake}:/usr/bin:/bin"}
    r = subprocess.run(["sh", str(tmp_path / "DEBIAN" / "postinst"), "configure"], env=env,
                       capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stderr
    calls = log.read_text().splitlines()
    assert "groupadd --system pos" in calls
    assert any(c.startswith("useradd --system --gid pos --home-dir /var/lib/store-pos")
               and c.endswith(" pos") for c in calls)
    assert "install -d -o pos -g pos -m 0750 /var/lib/store-pos /var/lib/store-pos/data" in calls
    for name in ("terminal.toml", "hq.toml", "hq.env"):
        assert (f"install -o root -g pos -m 0640 /usr/share/store-pos/{name}.example "
                f"/etc/store-pos/{name}") in calls
    # an upgrade finds the user and keeps the technician's settings
    calls_before = len(calls)
    (fake / "getent").write_text(f'#!/bin/sh\necho "getent $*" >> "{log}"\nexit 0\n')
    r = subprocess.run(["sh", str(tmp_path / "DEBIAN" / "postinst"), "configure", "0.1.0"],
                       env=env, capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stderr
    again = log.read_text().splitlines()[calls_before:]
    assert not any(c.startswith(("groupadd", "useradd")) for c in again)


_RULE_TOKEN = re.compile(r'\s*([A-Z_]+(?:\{[^}]+\})?)\s*(==|!=|=|\+=|-=|:=)\s*"([^"]*)"\s*(,|$)')
_MATCH_KEYS = {"SUBSYSTEM", "KERNEL", "ATTRS", "ENV", "DRIVERS", "SUBSYSTEMS", "ACTION"}
_ASSIGN_KEYS = {"GROUP", "MODE", "TAG", "OWNER", "SYMLINK", "ENV"}


def _rules(text: str) -> list[dict[str, str]]:
    out = []
    for no, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        pos, rule = 0, {}
        while pos < len(line):
            m = _RULE_TOKEN.match(line, pos)
            assert m, f"60-store-pos.rules line {no}: cannot parse {line[pos:]!r}"
            key, op, value = m.group(1), m.group(2), m.group(3)
            base = key.split("{")[0]
            if op in ("==", "!="):
                assert base in _MATCH_KEYS, f"line {no}: {key} is not a match key"
            else:
                assert base in _ASSIGN_KEYS, f"line {no}: {key} cannot be assigned"
            rule[f"{key}{op}"] = value
            pos = m.end()
        assert any(k.endswith("==") for k in rule) and "MODE=" in rule, f"line {no}"
        assert rule["MODE="] == "0660", f"line {no}: devices are not for everyone"
        out.append(rule)
    return out


def test_udev_rules(deb: Path, tmp_path: Path) -> None:
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp_path)], check=True)
    rules = _rules((tmp_path / "lib/udev/rules.d/60-store-pos.rules").read_text())

    def has(**match: str) -> dict[str, str]:
        for r in rules:
            if all(r.get(f"{k.replace('__', '{').replace('_X', '}')}==") == v
                   for k, v in match.items()):
                return r
        raise AssertionError(f"no rule for {match}")

    assert has(SUBSYSTEM="tty", KERNEL="ttyUSB[0-9]*")["GROUP="] == "dialout"
    assert has(SUBSYSTEM="tty", KERNEL="ttyACM[0-9]*")["GROUP="] == "dialout"
    assert has(SUBSYSTEM="usbmisc", KERNEL="lp[0-9]*")["GROUP="] == "lp"
    ccid = [r for r in rules if r.get("ENV{ID_USB_INTERFACES}==") == "*:0b????:*"]
    printer_class = [r for r in rules if r.get("ENV{ID_USB_INTERFACES}==") == "*:07????:*"]
    assert ccid and printer_class and ccid[0]["GROUP="] == printer_class[0]["GROUP="] == "pos"
    vendors = {r.get("ATTRS{idVendor}==") for r in rules if r.get("SUBSYSTEM==") == "usb"}
    assert {"04b8", "0416", "6868", "072f", "054c"} <= vendors  # Epson, Xprinter, GP, ACS, Sony
    assert any(r.get("SUBSYSTEM==") == "hidraw" for r in rules)


def test_systemd_units(deb: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    (root / "usr/bin/cage").write_text("#!/bin/sh\n")  # Recommends; not on the CI box
    (root / "usr/bin/cage").chmod(0o755)
    units = tmp_path / "units"
    units.mkdir()
    for u in UNITS:
        text = (root / "lib/systemd/system" / u).read_text()
        (units / u).write_text(text.replace("/usr/bin/", f"{root}/usr/bin/"))
    r = subprocess.run(["systemd-analyze", "verify", "--man=no", *sorted(map(str,
                        units.iterdir()))], capture_output=True, text=True, check=False)
    assert r.returncode == 0 and r.stderr == "", r.stderr

    def unit(name: str) -> str:
        return (root / "lib/systemd/system" / name).read_text()

    kiosk, hq = unit("store-pos-kiosk.service"), unit("store-pos-hq.service")
    assert "User=pos" in kiosk and "ExecStart=/usr/bin/cage -s -- /usr/bin/pos app" in kiosk
    assert "ExecStartPre=-/usr/bin/pos backup --if-due" in kiosk
    assert "Restart=always" in kiosk and "WantedBy=graphical.target" in kiosk
    assert "User=pos" in hq and "ExecStart=/usr/bin/pos hq serve" in hq
    assert "After=network-online.target postgresql.service" in hq
    assert "EnvironmentFile=/etc/store-pos/hq.env" in hq
    assert "ExecStart=/usr/bin/pos backup --if-due" in unit("store-pos-backup.service")
    assert "OnCalendar=*:0/15" in unit("store-pos-backup.timer")


def test_deb_unpacks_into_a_clean_root_and_runs(deb: Path, work: Path) -> None:
    root = work / "root"
    admin = root / "var/lib/dpkg"
    for d in ("info", "updates", "triggers"):
        (admin / d).mkdir(parents=True)
    (admin / "status").write_text("")
    r = subprocess.run(
        ["dpkg", f"--root={root}", "--force-depends", "--force-not-root", "--no-triggers",
         "--unpack", str(deb)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert r.returncode == 0, r.stderr
    status = (admin / "status").read_text()
    assert "Package: store-pos" in status and "Status: install ok unpacked" in status
    registered = (admin / "info" / "store-pos.list").read_text().splitlines()
    assert "/opt/store-pos/pos" in registered and "/usr/bin/pos" in registered
    assert (root / "usr/bin/pos").read_text().strip().endswith('exec /opt/store-pos/pos "$@"')
    _smoke(root / "opt/store-pos/pos", work)
    shutil.rmtree(root)
