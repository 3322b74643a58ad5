#!/usr/bin/env python3
"""Score the temporal tagger on the TempEval-3 style corpora and time it.

    .venv/bin/python bench/bench_timex.py [CORPUS ...] [--errors DIR] [--diag]

CORPUS names a gold file under ../shared/bench/data/time (default: TimeBank, AQUAINT, WikiWars,
tweets). For each: read the gold documents the way make_input.py does (text and publication date
only), run :func:`timeline.timex.find_times`, write predictions in the scorer's format to a
temporary file, run ../shared/bench/timex_score.py on it and print its figures with the
throughput in KB of text per CPU second of tagging (one core). ``--errors DIR`` keeps the scorer's
value-mismatch TSV per corpus; ``--diag`` also prints missed and spurious spans; ``--groups``
prints, per surface shape ("last week", "MON 9", "WD night"), how many overlapping predictions
got the gold value and how many did not, worst first, to find the causes worth a rule.

A speed-up must not change any output: bench/timex_snapshot.py writes every expression of the
four corpora (all fields) and the best-of-three CPU throughput; compare snapshots with ``cmp``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timeline.timex import find_times

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
DATA = BENCH / "data" / "time"
COMBINED = ["te3_train_timebank", "te3_train_aquaint"]
DEFAULT = ["te3_train_timebank", "te3_train_aquaint", "wikiwars_tml_train", "tweets_train"]


def read_docs(path: Path) -> list[dict]:
    """The gold file's documents as the system sees them: id, text, publication date."""
    docs = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            dct = d.get("dct") or ""
            published = dt.date.fromisoformat(dct[:10]) if re.match(r"\d{4}-\d{2}-\d{2}", dct) else None
            docs.append({"doc_id": d["doc_id"], "text": d["text"], "published": published,
                         "gold": d.get("timexes", [])})
    return docs


def tag(docs: list[dict]) -> tuple[list[dict], float]:
    """Predictions and the CPU seconds spent (process time: one core, whatever else the machine runs)."""
    t0 = time.process_time()
    preds = []
    for d in docs:
        found = find_times(d["text"], published=d["published"])
        preds.append({"doc_id": d["doc_id"], "timexes": [
            {"start": e.start, "end": e.end, "text": e.surface, "type": str(e.type), "value": e.value}
            for e in found]})
    return preds, time.process_time() - t0


def diagnose(docs: list[dict], preds: list[dict]) -> None:
    by_id = {p["doc_id"]: p["timexes"] for p in preds}
    for d in docs:
        gold = [g for g in d["gold"] if not g.get("is_dct")]
        pred = by_id[d["doc_id"]]
        for g in gold:
            if not any(min(g["end"], p["end"]) > max(g["start"], p["start"]) for p in pred):
                ctx = d["text"][max(0, g["start"] - 40): g["end"] + 30].replace("\n", " ")
                print(f"MISS\t{g['text']}\t{g['type']}\t{g['value']}\t{ctx}")
        for p in pred:
            if not any(min(g["end"], p["end"]) > max(g["start"], p["start"]) for g in gold):
                ctx = d["text"][max(0, p["start"] - 40): p["end"] + 30].replace("\n", " ")
                print(f"SPUR\t{p['text']}\t{p['type']}\t{p['value']}\t{ctx}")
        for g in gold:
            for p in pred:
                if min(g["end"], p["end"]) > max(g["start"], p["start"]) and (g["start"], g["end"]) != (
                        p["start"], p["end"]):
                    print(f"SPAN\t{g['text']}\t{p['text']}")


_WEEKDAYS = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
_MONTHS = re.compile(r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
                     r"december|jan\.|feb\.|aug\.|sept?\.|oct\.|nov\.|dec\.)")


def shape(surface: str) -> str:
    """A surface with its weekdays, months and digits generalised: "Sept. 30" -> "MON 9"."""
    s = _MONTHS.sub("MON", _WEEKDAYS.sub("WD", surface.lower()))
    return re.sub(r"\d+", "9", s)


def groups(docs: list[dict], preds: list[dict], top: int = 40) -> None:
    """Right and wrong values per surface shape of the predictions that overlap a gold span."""
    by_id = {p["doc_id"]: p["timexes"] for p in preds}
    tally: dict[str, list[int]] = {}
    for d in docs:
        gold = [g for g in d["gold"] if not g.get("is_dct")]
        for p in by_id[d["doc_id"]]:
            hit = next((g for g in gold if min(g["end"], p["end"]) > max(g["start"], p["start"])), None)
            if hit is not None:
                counts = tally.setdefault(shape(p["text"]), [0, 0])
                counts[hit["value"].upper() == p["value"].upper()] += 1
    for key, (wrong, right) in sorted(tally.items(), key=lambda kv: -kv[1][0])[:top]:
        print(f"GROUP\t{wrong}\t{right}\t{key}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpora", nargs="*", default=DEFAULT)
    ap.add_argument("--errors", type=Path, help="directory for the scorer's value-mismatch TSVs")
    ap.add_argument("--diag", action="store_true", help="print missed and spurious spans")
    ap.add_argument("--groups", action="store_true", help="print right/wrong values per surface shape")
    args = ap.parse_args()
    if not DATA.is_dir():
        print(f"no bench data at {DATA}", file=sys.stderr)
        return 2
    runs = [(name, [DATA / f"{name}.jsonl"]) for name in args.corpora]
    if all(name in args.corpora for name in COMBINED):
        # the target is on TimeBank and AQUAINT together
        runs.append(("timebank+aquaint", [DATA / f"{name}.jsonl" for name in COMBINED]))
    for name, gold_files in runs:
        docs = [d for path in gold_files for d in read_docs(path)]
        preds, seconds = tag(docs)
        kb = sum(len(d["text"].encode("utf-8")) for d in docs) / 1024
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
            for p in preds:
                f.write(json.dumps(p, ensure_ascii=False) + "\n")
            pred_path = f.name
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
            for path in gold_files:
                f.write(path.read_text(encoding="utf-8").rstrip("\n") + "\n")
            gold = Path(f.name)
        cmd = [sys.executable, str(BENCH / "timex_score.py"), str(gold), pred_path, "--json"]
        if args.errors:
            args.errors.mkdir(parents=True, exist_ok=True)
            cmd += ["--errors", str(args.errors / f"{name}.tsv")]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        Path(pred_path).unlink()
        gold.unlink()
        r = json.loads(out)
        print(f"{name:22} relaxed_F1 {r['relaxed_F1']:.4f}  strict_F1 {r['strict_F1']:.4f}  "
              f"value_F1 {r['value_F1']:.4f}  type_acc {r['type_acc']:.4f}  "
              f"(P {r['relaxed_P']:.3f} R {r['relaxed_R']:.3f}, gold {r['gold']}, pred {r['pred']})  "
              f"{kb / seconds:.0f} KB/s")
        if args.diag:
            diagnose(docs, preds)
        if args.groups:
            groups(docs, preds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
