"""End to end through the command line, over TLS: `pos hq register-terminal`,
`pos hq serve` (TLS from its config), `pos sync register`, sales, `pos sync`, and
`pos hq settle` / `report` / `verify`."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import os
import signal
import ssl
import subprocess
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from pos_app.demo import CATALOG, PROGRAM
from tests.sync.test_server import free_port

ROOT = Path(__file__).resolve().parents[2]


def self_signed(tmp: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(
            ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    crt, pem = tmp / "hq.crt", tmp / "hq.key"
    crt.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    pem.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                      serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption()))
    return crt, pem


def pos(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pos_app.cli", *args], cwd=ROOT,
                          env={**os.environ, **(env or {})}, capture_output=True, text=True,
                          timeout=120)


def test_pos_sync_against_pos_hq_serve_over_tls(tmp_path: Path) -> None:
    crt, key = self_signed(tmp_path)
    cfg = tmp_path / "hq.toml"
    cfg.write_text(
        f'[hq]\ndatabase = "sqlite:///{tmp_path / "hq.sqlite"}"\nlease = "500.00"\n'
        f'admin_token = "adm"\nssl_certfile = "{crt}"\nssl_keyfile = "{key}"\n', "utf-8")
    reg = pos("hq", "register-terminal", "--config", str(cfg), "--store", "S001",
              "--terminal", "T01", "--franchisee", "F-EAST")
    assert reg.returncode == 0, reg.stderr
    token = json.loads(reg.stdout)["token"]
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "pos_app.cli", "hq", "serve", "--config",
                               str(cfg), "--port", str(port)], cwd=ROOT,
                              start_new_session=True, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                httpx.get(f"https://127.0.0.1:{port}/healthz",
                          verify=ssl.create_default_context(cafile=str(crt)))
                break
            except httpx.TransportError:
                time.sleep(0.1)
        data = ["--data-dir", str(tmp_path / "term")]
        assert pos(*data, "init", "--store", "S001", "--terminal", "T01", "--franchisee",
                   "F-EAST", "--program", str(PROGRAM)).returncode == 0
        assert pos(*data, "catalog", "import", str(CATALOG)).returncode == 0
        assert pos(*data, "shift", "open", "--float", "500").returncode == 0
        # plain HTTP to a TLS port, and a wrong CA, do not get through
        bad = pos(*data, "sync", "register", "--hq", f"https://127.0.0.1:{port}",
                  "--token", "nope", "--ca", str(crt))
        assert bad.returncode != 0 and "credentials" in bad.stderr
        r = pos(*data, "sync", "register", "--hq", f"https://127.0.0.1:{port}",
                "--ca", str(crt), env={"POS_HQ_TOKEN": token})
        assert r.returncode == 0, r.stderr
        assert (tmp_path / "term" / "secrets" / "hq.json").stat().st_mode & 0o777 == 0o600
        assert (tmp_path / "term" / "secrets" / "pii.key").stat().st_mode & 0o777 == 0o600
        sale = pos(*data, "--json", "sale", "--item", "6901234560084", "--tender", "cash")
        assert sale.returncode == 0, sale.stderr
        assert json.loads(sale.stdout)["offline_credit"] is None
        out = pos(*data, "sync")
        assert out.returncode == 0, out.stderr
        assert json.loads(out.stdout)["uploaded"] == 2  # the shift opened, the sale
        st = json.loads(pos(*data, "sync", "status").stdout)
        assert st["waiting"] == 0 and st["offline_budget_left"] == "500.00"
        today = dt.datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()  # HQ's day
        rep = pos("hq", "report", "--config", str(cfg), "--date", today, "--format", "csv")
        assert rep.returncode == 0 and "S001" in rep.stdout
        settle = pos("hq", "settle", "--config", str(cfg), "--start", today, "--end", today)
        assert json.loads(settle.stdout)["lines"] == []
        assert pos("hq", "verify", "--config", str(cfg)).returncode == 0
        assert json.loads(pos("hq", "alerts", "--config", str(cfg)).stdout) == {"alerts": []}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
