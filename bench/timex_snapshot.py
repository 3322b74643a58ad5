#!/usr/bin/env python3
"""Snapshot every expression the temporal tagger finds, to prove a speed-up changed nothing.

    .venv/bin/python bench/timex_snapshot.py OUT [--repeat N] [--corpus FILE.jsonl]

Runs :func:`timeline.timex.find_times` over every document of the four corpora under
../shared/bench/data/time (publication date = the document's creation date) and writes one line
per expression, with every field of :class:`timeline.model.TimeExpression`, to OUT. Two
snapshots taken before and after a change must be byte-identical (``cmp``). Also prints the
tagging throughput in KB of text per CPU second (``time.process_time``), the best of N runs.

``--corpus`` replaces the four corpora by a JSON-lines file of documents with ``text`` and
``published`` (or ``dct``) fields, such as the synthetic news corpus bench/bench_scale.py writes.
To compare two versions of the tagger, run this script with ``PYTHONPATH`` set to each version's
tree (from a directory that holds no ``timeline`` package).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from pathlib import Path

from timeline.model import TimeExpression
from timeline.timex import find_times

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "bench" / "data" / "time"


def _docs(paths: list[Path]) -> list[tuple[str, str, dt.date | None]]:
    docs = []
    for path in paths:
        with path.open(encoding="utf-8") as f:
            for n, line in enumerate(f):
                if not line.strip():
                    continue
                d = json.loads(line)
                dct = d.get("dct") or d.get("published") or ""
                published = dt.date.fromisoformat(dct[:10]) if re.match(r"\d{4}-\d{2}-\d{2}", dct) else None
                docs.append((f"{path.stem}/{d.get('doc_id', n)}", d["text"], published))
    return docs


def _line(doc: str, e: TimeExpression) -> str:
    iv = None if e.interval is None else [str(e.interval.start), str(e.interval.end)]
    return json.dumps([doc, e.start, e.end, e.surface, str(e.type), e.value, iv, str(e.precision),
                       e.relative, e.anchored, e.modifier], ensure_ascii=False)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--repeat", type=int, default=3, help="timed runs; the best is printed")
    ap.add_argument("--corpus", type=Path, help="a JSON-lines corpus to tag instead of the four corpora")
    args = ap.parse_args()
    if args.corpus is None and not DATA.is_dir():
        print(f"no bench data at {DATA}", file=sys.stderr)
        return 2
    docs = _docs([args.corpus] if args.corpus else sorted(DATA.glob("*.jsonl")))
    kb = sum(len(text.encode("utf-8")) for _, text, _ in docs) / 1024
    best = float("inf")
    results: list[list[TimeExpression]] = []
    for _ in range(max(1, args.repeat)):
        t0 = time.process_time()
        results = [find_times(text, published=published) for _, text, published in docs]
        best = min(best, time.process_time() - t0)
    with args.out.open("w", encoding="utf-8") as f:
        for (doc, _, _), found in zip(docs, results, strict=True):
            for e in found:
                f.write(_line(doc, e) + "\n")
    n = sum(len(r) for r in results)
    print(f"{len(docs)} documents, {kb:.0f} KB, {n} expressions; best CPU {best:.3f} s = {kb / best:.0f} KB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
