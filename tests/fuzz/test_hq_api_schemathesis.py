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
    ("POST", "/v1/admin/users"),
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
