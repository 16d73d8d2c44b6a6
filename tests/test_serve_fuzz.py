"""The API fuzzed from its own OpenAPI document: whatever comes in, never a server error.

A bounded number of examples per operation keeps this under a minute; the server runs
with small limits so that the fuzzer reaches them.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from newsevents.serve import ServeSettings, create_app  # noqa: E402

TOKEN = "fuzz-token"
MAX_EXAMPLES = 25


@pytest.fixture(scope="module")
def fuzz_app(examples_store, tmp_path_factory, pipeline):
    db = tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb"
    shutil.copy(examples_store.path, db)
    if Path(str(examples_store.path) + ".wal").exists():
        shutil.copy(str(examples_store.path) + ".wal", str(db) + ".wal")
    return create_app(ServeSettings(db=str(db), token=TOKEN, max_body_bytes=20_000, request_timeout=10),
                      pipeline=pipeline)


def test_serve_fuzz_no_server_error(fuzz_app):
    """Every operation of the OpenAPI document, POSTs with the token: any 5xx fails.

    (schemathesis's pytest fixture loader does not run under this pytest, so the
    operations are driven through hypothesis here.)
    """
    from hypothesis import given

    schema = schemathesis.openapi.from_asgi("/openapi.json", fuzz_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9
    for operation in operations:
        headers = {"Authorization": f"Bearer {TOKEN}"} if operation.method.upper() == "POST" else None

        @given(case=operation.as_strategy())
        @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case):
            case.call_and_validate(checks=[not_a_server_error], headers=headers)

        check()
