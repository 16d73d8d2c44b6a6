"""docs/schema.md stays true: every output field is documented, every documented field is output,
and the worked example is a real excerpt of the seed article's output."""
from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT

SCHEMA = ROOT / "docs" / "schema.md"
SECTIONS = {"Document": None, "Actor": "actors", "Quote": "quotes", "Event": "events"}


def documented_fields(section: str) -> set[str]:
    text = SCHEMA.read_text(encoding="utf-8")
    body = re.split(r"^## ", text, flags=re.M)
    part = next(p for p in body if p.startswith(section + "\n"))
    fields = set()
    for row in re.findall(r"^\| (`[^|]+`) \|", part, flags=re.M):
        fields.update(re.findall(r"`([a-z_]+)`", row))
    return fields


def output_fields(doc: dict, key: str | None) -> set[str]:
    if key is None:
        return set(doc)
    records = doc[key]
    assert records, f"the example produced no {key}"
    return set().union(*(r.keys() for r in records))


@pytest.mark.parametrize("section", list(SECTIONS))
def test_docs_schema_matches_output(section, example_analyses):
    analysis = example_analyses["012_singapore_summit"]
    produced = output_fields(analysis.to_dict(), SECTIONS[section])
    documented = documented_fields(section)
    assert produced == documented, (f"undocumented: {sorted(produced - documented)}; "
                                    f"documented but not produced: {sorted(documented - produced)}")


def worked_example() -> dict:
    text = SCHEMA.read_text(encoding="utf-8")
    block = re.search(r"## Worked example.*?```json\n(.*?)```", text, flags=re.S)
    assert block, "docs/schema.md has no worked example"
    return json.loads(block.group(1))


def test_docs_worked_example_is_real_seed_output(seed_path, pipeline):
    from newsevents import jobs
    from newsevents.ingest import IngestOptions

    (analysis,) = list(jobs.extract([str(seed_path)], IngestOptions(default_date="2018-09-10"), pipeline))
    real = analysis.to_dict()
    shown = worked_example()
    for key in ("id", "title", "date", "outlet"):
        assert shown[key] == real[key]
    assert real["text"].startswith(shown["text"].rstrip(".…"))
    for kind in ("actors", "quotes", "events"):
        for record in shown[kind]:
            assert record in real[kind], f"{kind} record in docs/schema.md no longer produced: {record}"
