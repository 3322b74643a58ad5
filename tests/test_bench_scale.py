"""bench/bench_scale.py's synthetic corpus: drawn from the committed list of places, the same on
every run, and independent of the gazetteer index (so its figures compare across index versions)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

BENCH_SCALE = Path(__file__).resolve().parents[1] / "bench" / "bench_scale.py"


def _bench_scale() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_scale", BENCH_SCALE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_list_of_places_is_committed_and_well_formed() -> None:
    places = _bench_scale().read_places()
    assert len(places) == 600 and len(set(places)) == 600
    assert places[0] == ("Shanghai", "China")  # most populous first: the corpus draws it most
    assert all(city and country for city, country in places)


def test_the_corpus_is_the_same_on_every_run(tmp_path: Path) -> None:
    bench = _bench_scale()
    places = bench.read_places()
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    bench.write_corpus(first, 20, places)
    bench.write_corpus(second, 20, places)
    assert first.read_bytes() == second.read_bytes()
    docs = [json.loads(line) for line in first.read_text(encoding="utf-8").splitlines()]
    assert len(docs) == 20 and all(any(city in d["text"] for city, _ in places) for d in docs)


def test_writing_a_corpus_never_opens_the_gazetteer(tmp_path: Path) -> None:
    # In a fresh interpreter: the test session has the index open already.
    script = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('bench_scale', {str(BENCH_SCALE)!r})\n"
        "bench = importlib.util.module_from_spec(spec); spec.loader.exec_module(bench)\n"
        f"bench.write_corpus(__import__('pathlib').Path({str(tmp_path / 'c.jsonl')!r}), 5, bench.read_places())\n"
        "print('gazetteer.index' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_the_derived_list_round_trips_through_the_file(tmp_path: Path) -> None:
    bench = _bench_scale()
    places = [("Shanghai", "China"), ("Jing’an", "China"), ("Washington, D.C.", "United States")]
    path = tmp_path / "places.csv"
    bench.write_places(path, places)
    assert path.read_text(encoding="utf-8").startswith("# ")
    assert bench.read_places(path) == places
