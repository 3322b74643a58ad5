"""Regression test: the temporal tagger's scores on the development corpora (TempEval-3, WikiWars, tweets).

Reads ../shared/bench/data/time (skips when absent, fails under CI=true), tags every document
with its creation date as the publication date, and scores with the benchmark's own scorer
(../shared/bench/timex_score.py, imported, not copied). The floors are the figures reached when
the tagger was tuned, minus 0.005: a regression of a few expressions fails.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import re
from pathlib import Path
from types import ModuleType

import pytest

from timeline.timex import find_times

BENCH = Path(__file__).resolve().parents[2].parent / "shared" / "bench"
DATA = BENCH / "data" / "time"

# corpus -> (relaxed span F1 floor, value F1 floor)
_MARGIN = 0.005
FLOORS = {
    "te3_train_timebank": (0.9532 - _MARGIN, 0.8587 - _MARGIN),
    "te3_train_aquaint": (0.9529 - _MARGIN, 0.7845 - _MARGIN),
    "wikiwars_tml_train": (0.9341 - _MARGIN, 0.8547 - _MARGIN),
    "tweets_train": (0.8580 - _MARGIN, 0.6326 - _MARGIN),
}


def _require(path: Path) -> None:
    if path.exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{path} is required under CI=true")
    pytest.skip(f"{path} is absent")


def _scorer() -> ModuleType:
    path = BENCH / "timex_score.py"
    _require(path)
    spec = importlib.util.spec_from_file_location("timex_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.bench_data
@pytest.mark.slow
@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_scores_do_not_regress(corpus: str) -> None:
    gold_path = DATA / f"{corpus}.jsonl"
    _require(gold_path)
    scorer = _scorer()
    gold = scorer.load(str(gold_path))
    predictions = {}
    for doc_id, doc in gold.items():
        dct = doc.get("dct") or ""
        published = dt.date.fromisoformat(dct[:10]) if re.match(r"\d{4}-\d{2}-\d{2}", dct) else None
        found = find_times(doc["text"], published=published)
        predictions[doc_id] = {"doc_id": doc_id, "timexes": [
            {"start": e.start, "end": e.end, "text": e.surface, "type": str(e.type), "value": e.value}
            for e in found]}
    result, _errors = scorer.score(gold, json.loads(json.dumps(predictions)))
    relaxed_floor, value_floor = FLOORS[corpus]
    assert result["relaxed_F1"] >= relaxed_floor, result
    assert result["value_F1"] >= value_floor, result
