"""The view model: a Timeline turned into the compact, JSON-ready data every view reads.

Algorithm: number the distinct places in first-appearance order and give each its dominant role
(site beats actor beats mentioned) and its event count; number the events in timeline order (that
index is the stable id the map, the chart and the table use to talk to each other); locate, for
each event place, its mention inside the quoted sentence (offsets first, then a plain search);
keep only http(s) source URLs; assign each event a lane; count how involved each country is.

The payload is stored once in the page and read by every view (map popups, table rows, chart
tooltips), so it is kept columnar and deduplicated: source and actor names live in their own
lists and events point at them by index. Nothing here escapes HTML: the browser code only ever
inserts this text with ``textContent``, and the JSON goes through :func:`script_json`.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import urllib.parse
import zlib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from timeline.model import Document, Event, EventStatus, PlaceRole, Precision, Timeline, place_key
from timeline.render.labels import date_label, span_label
from timeline.render.options import ReportOptions

__all__ = ["STATUS_COLOURS", "ChartRow", "DataBlock", "ViewModel", "data_block", "safe_url", "script_json",
           "view_model"]

STATUSES = tuple(EventStatus)
ROLES = (PlaceRole.SITE, PlaceRole.ACTOR, PlaceRole.MENTIONED)
# Enum lookups by dict: tuple.index on enums costs a comparison chain per event.
ROLE_RANK = {role: i for i, role in enumerate(ROLES)}
STATUS_RANK = {status: i for i, status in enumerate(STATUSES)}
# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies and in greyscale
# print (blue and orange differ in lightness as well as hue).
STATUS_COLOURS = {
    EventStatus.HAPPENED: "#0072B2",
    EventStatus.ONGOING: "#D55E00",
    EventStatus.PLANNED: "#009E73",
    EventStatus.REPORTED: "#CC79A7",
}
OTHER_LANE = "Other lanes"
NO_LANE = {"place": "No place", "country": "No country", "actor": "No actor"}


@dataclass(frozen=True, kw_only=True, slots=True)
class ChartRow:
    """What the chart needs of one event, besides the text held in the payload."""

    lane: str
    start: dt.date | None
    end: dt.date | None
    point: bool  # a day-precision, closed event is drawn as a point; the rest as bars
    status: EventStatus


@dataclass(frozen=True, kw_only=True, slots=True)
class ViewModel:
    title: str
    summary: str
    payload: dict[str, Any]
    rows: tuple[ChartRow, ...]
    lanes: tuple[str, ...]  # top to bottom
    published: tuple[tuple[dt.date, str], ...]  # (date, document title), one per dated document
    first: dt.date | None  # earliest known bound of any event or publication
    last: dt.date | None  # latest known day (inclusive)
    bounds: tuple[tuple[float, float], tuple[float, float]] | None  # ((lat_min, lon_min), (lat_max, lon_max))


@lru_cache(maxsize=65_536)  # a few sources are cited by thousands of events
def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL, else None (no ``javascript:``/``data:`` links)."""
    if not url:
        return None
    url = url.strip()
    # Browsers drop tabs and newlines inside URLs ("java\tscript:"), so any control character or
    # space makes the URL suspect rather than something to clean up.
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return None
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def script_json(value: object) -> str:
    """JSON safe to place inside ``<script type="application/json">``: no ``</script>`` break-out."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False, allow_nan=False)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


# Above this size, a JSON block is stored deflated and base64-encoded (about a quarter of the
# bytes for news text) and inflated in the browser with DecompressionStream; small reports keep
# plain, inspectable JSON.
COMPRESS_ABOVE = 64 * 1024


@dataclass(frozen=True, kw_only=True, slots=True)
class DataBlock:
    """The body and attributes of a ``<script>`` element carrying data for the page script."""

    text: str
    type: str  # "application/json" or, when deflated, "text/plain"
    encoding: str | None  # None or "deflate-base64"


def data_block(value: object, *, compress_above: int = COMPRESS_ABOVE) -> DataBlock:
    """``value`` as JSON for a script element, deflated when larger than ``compress_above``."""
    text = script_json(value)
    raw = text.encode("utf-8")
    if len(raw) <= compress_above:
        return DataBlock(text=text, type="application/json", encoding=None)
    # zlib's output depends only on the input and the level: the page stays deterministic.
    packed = base64.b64encode(zlib.compress(raw, 6)).decode("ascii")
    return DataBlock(text=packed, type="text/plain", encoding="deflate-base64")


def _highlight(event: Event, surface: str | None, start: int | None, end: int | None) -> tuple[int, int]:
    """Where a place's mention sits in the event's sentence, or (-1, -1)."""
    sentence = event.sentence
    if not sentence or not surface:
        return (-1, -1)
    if start is not None and end is not None:
        lo, hi = start - event.sentence_start, end - event.sentence_start
        if 0 <= lo < hi <= len(sentence) and sentence[lo:hi] == surface:
            return (lo, hi)
    found = sentence.find(surface)
    return (found, found + len(surface)) if found >= 0 else (-1, -1)


def _lane_key(event: Event, lanes: str, country_names: Mapping[str, str]) -> str:
    if lanes == "actor":
        return event.actors[0].name if event.actors else NO_LANE["actor"]
    ordered = sorted(event.places, key=lambda ep: ROLE_RANK[ep.role])
    if not ordered:
        return NO_LANE[lanes]
    place = ordered[0].place
    if lanes == "country":
        code = place.country_code
        return country_names.get(code, code) if code else NO_LANE["country"]
    return place.name


def view_model(timeline: Timeline, *, options: ReportOptions,
               country_names: Mapping[str, str] | None = None) -> ViewModel:
    """Everything the views need, computed once from ``timeline``."""
    country_names = country_names or {}
    documents = {doc.id: doc for doc in timeline.documents}

    place_index: dict[tuple[object, ...], int] = {}
    places: list[Any] = []
    place_counts: list[int] = []
    place_roles: list[int] = []
    for event in timeline.events:
        seen_here: set[int] = set()
        for ep in event.places:
            key = place_key(ep.place)
            if key not in place_index:
                place_index[key] = len(places)
                places.append(ep.place)
                place_counts.append(0)
                place_roles.append(len(ROLES) - 1)
            idx = place_index[key]
            place_roles[idx] = min(place_roles[idx], ROLE_RANK[ep.role])
            if idx not in seen_here:
                seen_here.add(idx)
                place_counts[idx] += 1

    # Names shared by two distinct places ("Paris" in France and in Texas) get their country.
    name_counts = Counter(p.name for p in places)
    place_names = [f"{p.name}, {p.country_code}" if name_counts[p.name] > 1 and p.country_code else p.name
                   for p in places]

    actor_index: dict[str, int] = {}
    source_index: dict[tuple[str, str | None, str], int] = {}
    sources: list[list[Any]] = []
    ev_title: list[str] = []
    ev_label: list[str] = []
    ev_status: list[int] = []
    ev_places: list[list[int]] = []
    ev_actors: list[list[int]] = []
    ev_sentence: list[str] = []
    ev_sources: list[list[int]] = []
    ev_lane: list[str] = []
    rows: list[ChartRow] = []
    country_involvement: dict[str, list[int]] = {}

    for event in timeline.events:
        ev_title.append(event.title)
        ev_label.append(date_label(event.interval, event.precision))
        ev_status.append(STATUS_RANK[event.status])
        refs: list[int] = []
        countries_here: dict[str, int] = {}
        for ep in event.places:
            lo, hi = _highlight(event, ep.surface, ep.start, ep.end)
            refs.extend((place_index[place_key(ep.place)], ROLE_RANK[ep.role], lo, hi))
            if ep.place.country_code:
                role = ROLE_RANK[ep.role]
                countries_here[ep.place.country_code] = min(countries_here.get(ep.place.country_code, 9), role)
        for code, role in countries_here.items():
            country_involvement.setdefault(code, [0, 0, 0])[role] += 1
        ev_places.append(refs)
        ev_actors.append([actor_index.setdefault(actor.name, len(actor_index)) for actor in event.actors])
        ev_sentence.append(event.sentence)
        refs_src: list[int] = []
        for title, url, published_day in _event_sources(event, documents):
            skey = (title, url, "" if published_day is None else published_day.isoformat())
            if skey not in source_index:
                source_index[skey] = len(sources)
                sources.append(list(skey))
            refs_src.append(source_index[skey])
        ev_sources.append(refs_src)
        ev_lane.append(_lane_key(event, options.lanes, country_names))
        rows.append(ChartRow(lane="", start=event.interval.start, end=event.interval.end,
                             point=event.precision is Precision.DAY and event.interval.days == 1,
                             status=event.status))

    lanes = _choose_lanes(ev_lane, options.max_lanes)
    kept = set(lanes)
    final_lanes = [lane if lane in kept else OTHER_LANE for lane in ev_lane]
    rows = [ChartRow(lane=lane, start=r.start, end=r.end, point=r.point, status=r.status)
            for lane, r in zip(final_lanes, rows, strict=True)]
    if OTHER_LANE in final_lanes and OTHER_LANE not in lanes:
        lanes = (*lanes, OTHER_LANE)

    published = tuple(sorted((doc.published, doc.title or doc.id) for doc in timeline.documents
                             if doc.published is not None))
    known: list[dt.date] = []
    for r in rows:
        if r.start is not None:
            known.append(r.start)
        if r.end is not None:
            known.append(r.end - dt.timedelta(days=1))
    known.extend(day for day, _ in published)
    first = min(known) if known else None
    last = max(known) if known else None

    bounds = None
    if places:
        bounds = ((min(p.lat for p in places), min(p.lon for p in places)),
                  (max(p.lat for p in places), max(p.lon for p in places)))

    title = options.title or timeline.title or "Timeline"
    summary = _summary(len(timeline.events), len(places), len(timeline.documents), first, last)
    payload: dict[str, Any] = {
        "statuses": [str(s) for s in STATUSES],
        "colours": [STATUS_COLOURS[s] for s in STATUSES],
        "roles": [str(r) for r in ROLES],
        "places": {
            "name": place_names,
            "lat": [round(p.lat, 5) for p in places],
            "lon": [round(p.lon, 5) for p in places],
            "role": place_roles,
            "count": place_counts,
            "cc": [p.country_code or "" for p in places],
        },
        "events": {
            "title": ev_title,
            "label": ev_label,
            "status": ev_status,
            "places": ev_places,
            "actors": ev_actors,
            "sentence": ev_sentence,
            "sources": ev_sources,
        },
        "actors": list(actor_index),
        "sources": sources,
        "countries": dict(sorted(country_involvement.items())),
        "options": {"cluster": options.cluster_threshold, "popupLimit": options.popup_event_limit,
                    "pageSize": options.table_page_size, "tiles": options.tiles is not None},
    }
    return ViewModel(title=title, summary=summary, payload=payload, rows=tuple(rows), lanes=lanes,
                     published=published, first=first, last=last, bounds=bounds)


def _event_sources(event: Event, documents: Mapping[str, Document]
                   ) -> list[tuple[str, str | None, dt.date | None]]:
    """(title, safe URL, publication date) of each source, falling back on the document."""
    found = []
    refs = [(src.document_id, src.title, src.url, src.published) for src in event.sources]
    if not refs and event.document_id:
        refs = [(event.document_id, None, None, None)]
    for document_id, title, url, published in refs:
        doc = documents.get(document_id)
        found.append((
            title or (doc.title if doc else None) or document_id,
            safe_url(url or (doc.source if doc else None)),
            published or (doc.published if doc else None),
        ))
    return found


def _choose_lanes(keys: list[str], limit: int) -> tuple[str, ...]:
    """The busiest ``limit`` lanes (one slot kept for "other" when there are more), in order of
    first appearance so the chart reads top to bottom like the timeline."""
    counts = Counter(keys)
    if len(counts) <= limit:
        return tuple(dict.fromkeys(keys))
    first_seen = {key: i for i, key in reversed(list(enumerate(keys)))}
    busiest = sorted(counts, key=lambda k: (-counts[k], first_seen[k]))[: max(1, limit - 1)]
    keep = set(busiest)
    return tuple(key for key in dict.fromkeys(keys) if key in keep)


def _summary(events: int, places: int, documents: int, first: dt.date | None, last: dt.date | None) -> str:
    def count(n: int, word: str) -> str:
        return f"{n:,} {word}{'' if n == 1 else 's'}"

    text = f"{count(events, 'event')} at {count(places, 'place')} from {count(documents, 'document')}"
    span = span_label(first, last)
    return f"{text}, {span}." if span else f"{text}."
