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
``--categories`` sorts every error (wrong value, missed, spurious) into the categories of
:func:`error_category` and prints a table of counts per corpus; ``--categories-list CAT`` also
prints the errors of one category with their context.

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


# A TIMEX3 value as the guidelines write it: dates down to the minute or a part of day, weeks,
# quarters, halves, seasons, decades, centuries, X placeholders, vague references, durations.
_WELL_FORMED = re.compile(
    r"(?:\d{4}|XXXX)(?:-(?:(?:\d\d|XX)(?:-(?:\d\d|XX)(?:T(?:\d\d(?::\d\d)?|MO|AF|EV|NI|DT))?)?|W(?:\d\d|XX)"
    r"(?:-\d(?:T(?:MO|AF|EV|NI))?|-WE)?|Q[1-4X]|H[12]|SP|SU|FA|WI))?|\d{2}(?:\d|X)?X?|PAST_REF|PRESENT_REF|FUTURE_REF|"
    r"P.+|BC\d{4}")
_DURATION_VALUE = re.compile(r"P(?:T?[\dX])")
_POD_OR_CLOCK = re.compile(r"T(?:MO|AF|EV|NI)$|(?<=T\d\d)(?::00)?$")
_EXPLICIT_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")

CATEGORIES = ("anchor/tense direction", "narrative reference time", "granularity", "duration vs date",
              "duration value", "span boundary", "inconsistent gold", "missed", "spurious")


def _start_day(value: str) -> dt.date | None:
    """The first day of a calendar value ("1998-W07" -> its Monday), None for anything else."""
    v = value.upper()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?", v):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{4})-W(\d\d)(?:-WE)?", v):
            return dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m := re.fullmatch(r"(\d{4})-(\d\d)", v):
            return dt.date(int(m[1]), int(m[2]), 1)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            return dt.date(int(m[1]), 3 * int(m[2]) - 2, 1)
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            return dt.date(int(m[1]), {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[m[2]], 1)
        if m := re.fullmatch(r"(\d{4})", v):
            return dt.date(int(m[1]), 1, 1)
    except ValueError:
        return None
    return None


_WEEKDAY_NUMBER = {w: i for i, w in enumerate(("mon", "tues", "wednes", "thurs", "fri", "satur", "sun"), 1)}
_MONTH_NUMBER = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                             "nov", "dec"), 1)}


def _names_another_day(text: str, value: str) -> bool:
    """Whether a day value contradicts the weekday or month its own text names ("Tuesday" as a
    Wednesday, "Sept. 27, 1989" as 1989-11-27)."""
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", value)
    if not m:
        return False
    try:
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return True
    low = text.lower()
    weekday = re.search(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", low)
    if weekday and not re.search(r"\b(?:before|after|next|following|previous)\b", low) \
            and _WEEKDAY_NUMBER[weekday[1]] != day.isoweekday():
        return True
    month = re.search(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", low)
    return month is not None and _MONTH_NUMBER[month[1]] != day.month


def error_category(gold: dict, pred: dict, published: dt.date) -> str:
    """Why a relaxed pair has a wrong value, first rule that applies:

    - inconsistent gold: the gold value is not a well-formed TIMEX3 value, its type contradicts
      it (a DURATION "1998-08-04", a DATE "P1W"), it names another year than the text writes,
      it pads an explicit year with placeholders ("1968-XX" for "1968"), its day is not the
      weekday or month its text names ("Tuesday" dated a Wednesday),
      or it differs from ours only in a part-of-day suffix or clock notation, both of which the
      corpora write for the same phrase;
    - span boundary: the spans differ and so does the value;
    - duration vs date: one is a DURATION or SET and the other is not, or a vague reference
      (PAST_REF) stands against a duration;
    - duration value: both are durations, with different values;
    - granularity: different precision ("1988" vs "1988-Q3", "1989-W43" vs "1989-WXX");
    - narrative reference time: same precision, both values on the same side of the publication
      date: the gold counts from another time than the one we used (a quarter the text is
      about, a story's day, a document dated later than it was written);
    - anchor/tense direction: same precision, on opposite sides of the publication date.
    """
    gv, pv = gold["value"].upper(), pred["value"].upper()
    gt, pt = gold["type"].upper(), pred["type"].upper()
    year = _EXPLICIT_YEAR.search(gold["text"])
    if (not _WELL_FORMED.fullmatch(gv) or ((gt == "DURATION") != bool(_DURATION_VALUE.match(gv)) and gt != "SET")
            or (year and re.match(r"\d{4}", gv) and not gv.startswith(year[1]) and "fiscal" not in gold["text"].lower())
            or _POD_OR_CLOCK.sub("", gv) == _POD_OR_CLOCK.sub("", pv)
            or (year and re.sub(r"(?:-XX)+$", "", gv) == pv != gv)
            or _names_another_day(gold["text"], gv)):
        return "inconsistent gold"
    gv, pv = _POD_OR_CLOCK.sub("", gv), _POD_OR_CLOCK.sub("", pv)
    if (gold["start"], gold["end"]) != (pred["start"], pred["end"]):
        return "span boundary"
    if (gt in ("DURATION", "SET")) != (pt in ("DURATION", "SET")) or (gt == "SET") != (pt == "SET") or (
            gv.endswith("_REF") != pv.endswith("_REF") and (_DURATION_VALUE.match(gv) or _DURATION_VALUE.match(pv))):
        return "duration vs date"
    if _DURATION_VALUE.match(gv) and _DURATION_VALUE.match(pv):
        return "duration value"
    g0, p0 = _start_day(gv), _start_day(pv)
    if g0 is None or p0 is None or re.sub(r"\d", "9", gv) != re.sub(r"\d", "9", pv):
        return "granularity"
    if (g0 > published) == (p0 > published):
        return "narrative reference time"
    return "anchor/tense direction"


def categories(docs: list[dict], preds: list[dict], show: str | None = None) -> dict[str, int]:
    """How many errors of each category; prints those of category ``show`` (gold text and value,
    our text=value, context)."""
    sys.path.insert(0, str(BENCH))
    import timex_score  # the scorer's own relaxed matching, so the counts add up to its figures

    by_id = {p["doc_id"]: p["timexes"] for p in preds}
    counts = dict.fromkeys(CATEGORIES, 0)
    for d in docs:
        if d["published"] is None:
            continue  # the scorer skips documents without a date too
        gold = [g for g in d["gold"] if not g.get("is_dct")]
        pred = by_id[d["doc_id"]]
        pairs = timex_score.match(gold, pred)
        found: list[tuple[str, dict, str]] = [
            (error_category(gold[i], pred[j], d["published"]), gold[i], f"{pred[j]['text']}={pred[j]['value']}")
            for i, j in pairs if gold[i]["value"].upper() != pred[j]["value"].upper()]
        matched_gold, matched_pred = {i for i, _ in pairs}, {j for _, j in pairs}
        found += [("missed", g, "-") for i, g in enumerate(gold) if i not in matched_gold]
        found += [("spurious", p, "-") for j, p in enumerate(pred) if j not in matched_pred]
        for cat, item, ours in found:
            counts[cat] += 1
            if cat == show:
                ctx = d["text"][max(0, item["start"] - 60): item["end"] + 30].replace("\n", " ")
                print(f"{cat}\t{d['doc_id']}\t{item['text']}\t{item['value']}\t{ours}\t{ctx}")
    return counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpora", nargs="*", default=DEFAULT)
    ap.add_argument("--errors", type=Path, help="directory for the scorer's value-mismatch TSVs")
    ap.add_argument("--diag", action="store_true", help="print missed and spurious spans")
    ap.add_argument("--groups", action="store_true", help="print right/wrong values per surface shape")
    ap.add_argument("--categories", action="store_true", help="print a table of errors by category")
    ap.add_argument("--categories-list", metavar="CAT", choices=CATEGORIES, help="also list one category")
    args = ap.parse_args()
    if not DATA.is_dir():
        print(f"no bench data at {DATA}", file=sys.stderr)
        return 2
    runs = [(name, [DATA / f"{name}.jsonl"]) for name in args.corpora]
    if all(name in args.corpora for name in COMBINED):
        # the target is on TimeBank and AQUAINT together
        runs.append(("timebank+aquaint", [DATA / f"{name}.jsonl" for name in COMBINED]))
    table: dict[str, dict[str, int]] = {}
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
        if args.categories or args.categories_list:
            table[name] = categories(docs, preds, args.categories_list)
    if table:
        print(f"{'category':26}" + "".join(f"{name[:16]:>18}" for name in table))
        for cat in CATEGORIES:
            print(f"{cat:26}" + "".join(f"{counts[cat]:18}" for counts in table.values()))
        print(f"{'all errors':26}" + "".join(f"{sum(counts.values()):18}" for counts in table.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
