"""The HQ API fuzzed with schemathesis against its own OpenAPI spec, in-process (ASGI):
every operation with generated parameters and bodies, sent once as generated (random
credentials) and once with a registered terminal's credentials or the admin token, so
the handlers behind the authentication run too. Check: no 5xx (an exception inside the
app fails the test as well).

(schemathesis's pytest fixture loader does not work with pytest 9, so the operations'
hypothesis strategies are driven directly.)"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from tests.fuzz import SCALE

from .hq_fixture import ADMIN, FuzzHq, make_hq

EXAMPLES = 50 * SCALE  # per operation


@pytest.fixture(scope="module")
def hq(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FuzzHq]:
    for h in make_hq(tmp_path_factory.mktemp("api")):
        h.post(h.events[:2])
        yield h


OPERATIONS = [
    ("GET", "/healthz"), ("POST", "/v1/handshake"), ("POST", "/v1/events"), ("POST", "/v1/anchor"),
    ("GET", "/v1/events/mine"), ("GET", "/v1/changes"), ("GET", "/v1/admin/settlement"),
    ("GET", "/v1/admin/alerts"), ("GET", "/v1/admin/reports/daily"),
    ("POST", "/v1/admin/users"), ("GET", "/v1/admin/card-stock"),
    ("GET", "/v1/admin/gifts/stock"), ("GET", "/v1/admin/reports/staff"),
]


def _operations(hq: FuzzHq) -> dict[tuple[str, str], Any]:
    schema = schemathesis.openapi.from_asgi("/openapi.json", hq.app)
    return {(o.method.upper(), o.path): o for o in (r.ok() for r in schema.get_all_operations())}


def test_every_operation_is_fuzzed(hq: FuzzHq) -> None:
    assert sorted(_operations(hq)) == sorted(OPERATIONS)


def _fuzzer(op: Any, auth: dict[str, str], calls: list[int]) -> Any:
    @given(case=op.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def fuzz(case: Any) -> None:
        case.call_and_validate(checks=[not_a_server_error])
        case.call_and_validate(headers=auth, checks=[not_a_server_error])
        calls.append(2)

    return fuzz


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_hq_api_never_answers_5xx(hq: FuzzHq, method: str, path: str) -> None:
    op = _operations(hq)[(method, path)]
    auth = {"Authorization": f"Bearer {ADMIN}"} if "/admin/" in path else hq.headers
    calls: list[int] = []
    _fuzzer(op, auth, calls)()
    assert len(calls) >= 1


def test_what_the_fuzzer_found_is_refused_cleanly(hq: FuzzHq) -> None:
    """Both were 500s: an integer beyond BIGINT, a date whose year-ago is out of range."""
    admin = {"Authorization": f"Bearer {ADMIN}"}
    r = hq.client.get("/v1/events/mine", params={"start": 2**63, "end": 0},
                      headers=hq.headers)
    assert r.status_code == 422
    r = hq.client.get("/v1/admin/reports/daily", params={"day": "0001-01-01"}, headers=admin)
    assert r.status_code == 422
    r = hq.client.get("/v1/admin/settlement", params={"start": "0001-01-01",
                                                      "end": "2026-01-01"}, headers=admin)
    assert r.status_code == 422
    assert hq.client.get("/v1/admin/reports/daily", params={"day": "2026-11-23"},
                         headers=admin).status_code == 200


# Values the generator seldom reaches: times without an offset or at the ends of the
# calendar, counts below one, numbers past BIGINT. Each operation is called with each of
# them put into each of its parameters and body fields in turn (the others as generated).
EDGES: list[Any] = ["2026-11-09T14:00:00", "2026-11-09", "0001-01-01", "9999-12-31",
                    "0001-01-01T00:00:00+08:00", "9999-12-31T23:59:59-12:00",
                    "2026-11-09T14:00:00Z", -1, 0, 2**63, -(2**63), "1e30", "", "\u202e1"]


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_edge_values_never_answer_5xx(hq: FuzzHq, method: str, path: str) -> None:
    op = _operations(hq)[(method, path)]
    auth = {"Authorization": f"Bearer {ADMIN}"} if "/admin/" in path else hq.headers
    tried: list[int] = []

    @given(case=op.as_strategy())
    @settings(max_examples=3, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def fuzz(case: Any) -> None:
        names = [("query", k) for k in (case.query or {})]
        if isinstance(case.body, dict):
            names += [("body", k) for k in case.body]
        for where, name in names:
            for value in EDGES:
                original = getattr(case, where)[name]
                getattr(case, where)[name] = value
                case.call_and_validate(headers=auth, checks=[not_a_server_error])
                getattr(case, where)[name] = original
                tried.append(1)

    fuzz()
    params = {p["name"] for p in hq.client.get("/openapi.json").json()["paths"][path]
              [method.lower()].get("parameters", []) if p["in"] == "query"}
    assert tried or not params
