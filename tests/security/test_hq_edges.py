"""HQ at its edges, as a hostile client meets it: every /v1 route answers 401 to missing
or wrong credentials; bad times and values answer 4xx, never 5xx; every body is limited
(413 before it is read) and idle or slow connections are closed, on a real ``pos hq
serve`` (uvicorn) over TCP; a config file with keys HQ does not read is refused."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fuzz.hq_fixture import ADMIN, FuzzHq, make_hq

POS = Path(sys.executable).parent / "pos"


@pytest.fixture(scope="module")
def hq(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FuzzHq]:
    yield from make_hq(tmp_path_factory.mktemp("edges"))


def routes(hq: FuzzHq) -> list[tuple[str, str]]:
    spec = hq.client.get("/openapi.json").json()
    return [(method.upper(), path) for path, ops in spec["paths"].items()
            for method in ops if path.startswith("/v1/")]


def test_every_v1_route_answers_401_without_good_credentials(hq: FuzzHq) -> None:
    found = routes(hq)
    assert ("GET", "/v1/admin/settlement") in found and ("POST", "/v1/events") in found
    wrong = [
        {},
        {"Authorization": "Bearer nope", "X-Terminal": hq.key},
        {"Authorization": f"Basic {hq.token}", "X-Terminal": hq.key},
        {"Authorization": f"Bearer {hq.token}"},  # no terminal named
        {"Authorization": f"Bearer {hq.token}", "X-Terminal": "S002/T01"},
    ]
    for method, path in found:
        for headers in wrong:
            r = hq.client.request(method, path, headers=headers)
            assert r.status_code == 401, (method, path, headers, r.status_code, r.text)
            assert r.headers.get("www-authenticate") == "Bearer"
    # a terminal's token is no admin token
    r = hq.client.get("/v1/admin/alerts", headers=hq.headers)
    assert r.status_code == 401


def test_bad_times_and_values_are_refused_not_500(hq: FuzzHq) -> None:
    for device_time in ("2026-11-09T14:00:00", "2026-11-09", "0001-01-01T00:00:00+08:00",
                        "9999-12-31T23:59:59-12:00", "yesterday", "2026-13-01T00:00:00+08:00"):
        r = hq.client.post("/v1/handshake", json={"device_time": device_time},
                           headers=hq.headers)
        assert r.status_code == 422, (device_time, r.status_code, r.text)
        assert "device_time" in r.text
    r = hq.client.post("/v1/handshake", json={"device_time": "2026-11-09T14:00:00+08:00"},
                       headers=hq.headers)
    assert r.status_code == 200
    for limit in (-1, 0):
        r = hq.client.get("/v1/changes", params={"limit": limit}, headers=hq.headers)
        assert r.status_code == 422, (limit, r.text)
    admin = {"Authorization": f"Bearer {ADMIN}"}
    for day in ("0001-01-01", "9999-12-31"):
        r = hq.client.get("/v1/admin/reports/daily", params={"day": day}, headers=admin)
        assert r.status_code == 422


def test_bodies_over_the_limit_are_refused(hq: FuzzHq) -> None:
    big = "x" * (2 * 1024 * 1024)
    r = hq.client.post("/v1/handshake", content=big, headers={
        **hq.headers, "content-type": "application/json"})
    assert r.status_code == 413
    r = hq.client.post("/v1/admin/users", content=big, headers={
        "Authorization": f"Bearer {ADMIN}", "content-type": "application/json"})
    assert r.status_code == 413

    # no length given (chunked): counted as it comes, refused past the limit
    def chunks() -> Iterator[bytes]:
        for _ in range(40):
            yield b"y" * 65536

    r = hq.client.post("/v1/handshake", content=chunks(), headers={
        **hq.headers, "content-type": "application/json"})
    assert r.status_code == 413
    r = hq.client.post("/office/login", content=big, headers={
        "content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413


# --- a real server ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    root = tmp_path_factory.mktemp("served")
    cfg = root / "hq.toml"
    cfg.write_text(f'[hq]\ndatabase = "sqlite:///{root / "hq.sqlite"}"\n'
                   'idle_timeout_s = 1\nrequest_timeout_s = 2\nkeep_alive_s = 1\n', "utf-8")
    port = free_port()
    proc = subprocess.Popen([str(POS), "hq", "serve", "--config", str(cfg), "--port",
                             str(port)], cwd=root, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as c:
                c.sendall(b"GET /healthz HTTP/1.1\r\nHost: hq\r\nConnection: close\r\n\r\n")
                if b"200 OK" in c.recv(1000):
                    break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        raise AssertionError(proc.stderr.read() if proc.stderr else "HQ did not start")
    yield port
    proc.terminate()
    proc.wait(timeout=30)
    if proc.stderr:
        proc.stderr.close()


def read_all(c: socket.socket, within: float) -> tuple[bytes, float]:
    """Everything the server sends until it closes; and how long that took."""
    c.settimeout(within)
    started, got = time.monotonic(), b""
    while True:
        chunk = c.recv(65536)
        if not chunk:
            return got, time.monotonic() - started
        got += chunk


def test_a_huge_declared_body_is_refused_before_it_is_read(server: int) -> None:
    with socket.create_connection(("127.0.0.1", server)) as c:
        c.sendall(b"POST /v1/handshake HTTP/1.1\r\nHost: hq\r\nContent-Type: application/json"
                  b"\r\nContent-Length: 1000000000\r\n\r\n")  # and never the body
        got, took = read_all(c, within=10)
    assert got.startswith(b"HTTP/1.1 413"), got[:200]
    assert took < 1.5  # answered at once, not after a timeout


def test_an_idle_connection_is_closed(server: int) -> None:
    with socket.create_connection(("127.0.0.1", server)) as c:
        got, took = read_all(c, within=10)  # sends nothing
    assert got == b"" and took < 5


def test_a_slow_request_is_answered_408_and_closed(server: int) -> None:
    with socket.create_connection(("127.0.0.1", server)) as c:
        c.sendall(b"POST /v1/handshake HTTP/1.1\r\nHost: hq\r\n")  # the head, never ended
        time.sleep(0.5)
        c.sendall(b"X-Slow: 1\r\n")
        got, took = read_all(c, within=10)
    assert got.startswith(b"HTTP/1.1 408"), got[:200]
    assert took < 5
    with socket.create_connection(("127.0.0.1", server)) as c:
        c.sendall(b"POST /v1/handshake HTTP/1.1\r\nHost: hq\r\nContent-Type: application/json"
                  b"\r\nContent-Length: 100\r\n\r\n{\"devi")  # a body that stops
        got, took = read_all(c, within=10)
    assert took < 5 and not got.startswith(b"HTTP/1.1 2")


def test_an_hq_config_with_keys_outside_hq_is_refused(tmp_path: Path) -> None:
    cfg = tmp_path / "hq.toml"
    cfg.write_text('admin_token = "t"\n[hq]\nlease = "100.00"\n', "utf-8")
    r = subprocess.run([str(POS), "hq", "register-terminal", "--config", str(cfg), "--store",
                        "S001", "--terminal", "T01", "--franchisee", "F"], cwd=tmp_path,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert f"{cfg} line 1: admin_token: unknown key outside [hq]" in r.stderr
    assert not (tmp_path / "hq.sqlite").exists()  # nothing made in the current folder
    for text, message in (
        ('[hq]\ndatabse = "sqlite:////tmp/x.sqlite"\n', "line 2: hq.databse: unknown key"),
        ('[hq]\nlease = "1e30"\n', "line 2: hq.lease: must be yuan"),
        ('[hq]\n[server]\nport = 1\n', "line 2: server: unknown section"),
        ('[hq]\nbatch_limit = -5\n', "line 2: hq.batch_limit: must be a whole number"),
    ):
        cfg.write_text(text, "utf-8")
        r = subprocess.run([str(POS), "hq", "alerts", "--config", str(cfg)], cwd=tmp_path,
                           capture_output=True, text=True, timeout=60)
        assert r.returncode == 2 and message in r.stderr, r.stderr
        assert len(r.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "hq.sqlite").exists()
    # coded, and said in the chosen language
    cfg.write_text('[hq]\nlease = "1e30"\n', "utf-8")
    r = subprocess.run([str(POS), "--language", "zh_CN", "--json", "hq", "alerts", "--config",
                        str(cfg)], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    error = json.loads(r.stdout)["error"]
    assert error["code"] == "hq_config.problem_at"
    assert error["params"]["key"] == "hq.lease" and str(error["params"]["line"]) == "2"
    assert "第 2 行" in r.stderr and "hq.lease" in r.stderr, r.stderr


def test_hq_says_when_it_falls_back_to_the_current_folder(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("POS_HQ_DB", "POS_HQ_CONFIG")}
    r = subprocess.run([str(POS), "hq", "alerts"], cwd=tmp_path, capture_output=True,
                       text=True, timeout=60, env=env)
    assert r.returncode == 0, r.stderr
    assert f"using {tmp_path / 'hq.sqlite'} in the current folder" in r.stderr
