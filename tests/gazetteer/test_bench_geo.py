"""Regression guard on the development corpora (TR-News, GeoVirus) with the reference scorer.

Reads ``../shared/bench`` (skips when absent, fails under CI=true). The floors are the figures
reached when this test was written minus 0.02, so a change that loses recognition (F1) or
end-to-end placement (e2e_acc161, every gold toponym found and within 161 km) fails here.
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from gazetteer import Gazetteer, find_places

BENCH = Path(__file__).resolve().parents[2].parent / "shared" / "bench"
IN_CI = os.environ.get("CI", "").lower() == "true"

# corpus, demonyms included?, F1 floor, e2e_acc161 floor
FLOORS = [
    # reached: TR-News F1 0.921, e2e 0.896; GeoVirus F1 0.881 / 0.938 (no demonyms), e2e 0.820 / 0.820
    ("trnews", True, 0.901, 0.876),
    ("geovirus", True, 0.861, 0.799),
    ("geovirus", False, 0.918, 0.799),
]


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    path = BENCH / "geo_score.py"
    if not path.is_file():
        if IN_CI:
            pytest.fail(f"required under CI=true but missing: {path}")
        pytest.skip(f"{path} is absent")
    spec = importlib.util.spec_from_file_location("geo_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(scorer: ModuleType, corpus: str, gazetteer: Gazetteer, *, associative: bool) -> dict[str, Any]:
    gold_path = BENCH / "data" / "geo" / f"{corpus}.jsonl"
    docs = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    pred = []
    for d in docs:
        ms = find_places(d["text"], gazetteer=gazetteer, include_associative=associative)
        pred.append(
            (
                d["doc_id"],
                [
                    {"start": m.start, "end": m.end, "name": m.surface, "lat": m.place.lat, "lon": m.place.lon}
                    for m in ms
                    if m.place is not None
                ],
            )
        )
    tp, fp, fn, pairs = scorer.match_docs(scorer.load(str(gold_path)), pred)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    e2e = sum(1 for *_, err in pairs if err < 161.0) / (tp + fn)
    return {"f1": f1, "e2e_acc161": e2e}


@pytest.mark.bench_data
@pytest.mark.parametrize(("corpus", "associative", "f1_floor", "e2e_floor"), FLOORS)
def test_dev_corpus_does_not_regress(
    scorer: ModuleType, gazetteer: Gazetteer, corpus: str, associative: bool, f1_floor: float, e2e_floor: float
) -> None:
    r = score(scorer, corpus, gazetteer, associative=associative)
    assert r["f1"] >= f1_floor, r
    assert r["e2e_acc161"] >= e2e_floor, r
