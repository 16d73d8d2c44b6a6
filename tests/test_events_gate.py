"""CI quality floor for the event stage (like trafilatura's evaluation gate).

Runs the PLOVER gold records (../shared/data/plover/PLOVER_GSR_CAMEO.json) through the whole
pipeline and fails when event-type, source-code or target-code accuracy drops below the floors
kept under "events" in tests/eval_baseline.json. The figures are computed exactly as
bench/events_bench.py computes them (the same functions); the bench's report holds the misses.
The modern sentence sets the developers read (bench/events_modern.jsonl, events_dev3-6.jsonl)
have type-accuracy floors under "events_sets"; the held-out sets are never gated. Skipped when
../shared (the scorer) is absent. Raise the floors when the stage improves; never lower them to
make a change pass.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "data" / "plover" / "PLOVER_GSR_CAMEO.json"
BASELINE = ROOT / "tests" / "eval_baseline.json"

pytestmark = pytest.mark.skipif(not (GOLD.exists() and (SHARED / "tools" / "score_events.py").exists()),
                                reason="../shared (PLOVER gold and scorer) is absent")


def _bench():
    spec = importlib.util.spec_from_file_location("events_bench", ROOT / "bench" / "events_bench.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_events_quality_does_not_drop_below_the_baseline(pipeline):
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))["events"]
    bench = _bench()
    golds = bench.gold_records(GOLD)
    assert len(golds) >= floors.get("min_records", 1)
    got = bench.accuracy(golds, bench.predict(golds, pipeline))
    low = {k: (got[k], floor) for k, floor in floors.items() if k in got and got[k] < floor}
    assert not low, f"below the floor (got, floor): {low}; see bench/events_bench.py for the misses"


SETS = {name: floor for name, floor in json.loads(BASELINE.read_text(encoding="utf-8"))["events_sets"].items()
        if not name.startswith("_")}


@pytest.mark.parametrize("name", sorted(SETS))
def test_events_modern_sets_do_not_drop_below_their_floor(pipeline, name):
    """The modern sentence sets developed against: a regression floor, not a forecast."""
    bench = _bench()
    golds = [json.loads(line) for line in (ROOT / "bench" / name).read_text(encoding="utf-8").splitlines()
             if line.strip()]
    got = bench.accuracy(golds, bench.predict(golds, pipeline))["type_accuracy"]
    assert got >= SETS[name], f"{name}: type accuracy {got:.3f} below the floor {SETS[name]}"
