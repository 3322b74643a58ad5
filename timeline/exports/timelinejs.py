"""TimelineJS3 JSON export: a title slide and one slide per event.

Dates: TimelineJS takes ``{"year", "month", "day"}`` objects and shows only the fields given, so
fields finer than the event's precision are left out (a month-precision event has no ``day``; a
year or coarser only ``year``). ``end_date`` is the last day inside the event at the same
precision, left out when it would say the same as ``start_date``. TimelineJS needs a start, so
an event with an open start is placed at its end; ``display_date`` always carries our own label
("since 2014", "Q3 1998") so open and coarse dates read right.

TimelineJS renders ``headline`` and ``text`` as HTML. Everything from articles is escaped with
:func:`html.escape`; source links are made only for ``http``/``https`` URLs (a ``javascript:``
URL stays inert text). ``group`` is the event's first site (else first place), which TimelineJS
draws as a row; ``unique_id`` is the event id (or its hash when it has characters unfit for
a URL fragment).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from typing import Any
from urllib.parse import urlsplit

from timeline.exports._fields import source_label
from timeline.model import Event, PlaceRole, Precision, Timeline

__all__ = ["timelinejs_date", "to_timelinejs"]

# TimelineJS puts unique_id in the page's URL fragment and element ids: ids made of other
# characters are replaced by a hash of themselves (still unique, still deterministic).
_SAFE_ID = re.compile(r"[A-Za-z0-9_.:-]{1,64}")
_DAY_LIKE = frozenset({Precision.DAY, Precision.WEEK})
_MONTH_LIKE = frozenset({Precision.MONTH, Precision.SEASON, Precision.QUARTER, Precision.HALF})


def timelinejs_date(day: dt.date, precision: Precision) -> dict[str, str]:
    """A TimelineJS date object with only the fields ``precision`` knows."""
    date = {"year": str(day.year)}
    if precision in _DAY_LIKE or precision in _MONTH_LIKE:
        date["month"] = str(day.month)
    if precision in _DAY_LIKE:
        date["day"] = str(day.day)
    return date


def _link(url: str, label: str) -> str:
    if urlsplit(url).scheme.lower() in {"http", "https"}:
        return f'<a href="{html.escape(url, quote=True)}">{html.escape(label)}</a>'
    return html.escape(label)


def _text(event: Event) -> str:
    parts = [f"<p>{html.escape(event.sentence)}</p>"] if event.sentence else []
    if event.places:
        places = ", ".join(f"{ep.place.name} ({ep.role})" for ep in event.places)
        parts.append(f"<p>Places: {html.escape(places)}</p>")
    if event.actors:
        parts.append(f"<p>Actors: {html.escape(', '.join(a.name for a in event.actors))}</p>")
    if event.sources:
        links = "; ".join(_link(s.url, s.title or s.url) if s.url else html.escape(source_label(s))
                          for s in event.sources)
        parts.append(f"<p>Sources: {links}</p>")
    return "".join(parts)


def _group(event: Event) -> str | None:
    sites = [ep for ep in event.places if ep.role is PlaceRole.SITE]
    chosen = (sites or list(event.places))[:1]
    return chosen[0].place.name if chosen else None


def _slide(event: Event) -> dict[str, Any]:
    from timeline.render.labels import date_label  # deferred: the render package imports folium and bokeh

    interval, precision = event.interval, event.precision
    anchor = interval.start or interval.last_day
    assert anchor is not None  # an Interval always has a bound
    slide: dict[str, Any] = {"start_date": timelinejs_date(anchor, precision)}
    if interval.start is not None and interval.last_day is not None:
        end = timelinejs_date(interval.last_day, precision)
        if end != slide["start_date"]:
            slide["end_date"] = end
    slide["display_date"] = html.escape(date_label(interval, precision))
    slide["text"] = {"headline": html.escape(event.title), "text": _text(event)}
    group = _group(event)
    if group:
        slide["group"] = html.escape(group)
    slide["unique_id"] = event.id if _SAFE_ID.fullmatch(event.id) else \
        "ev-" + hashlib.sha1(event.id.encode()).hexdigest()[:16]
    return slide


def to_timelinejs(timeline: Timeline) -> dict[str, Any]:
    """The TimelineJS document: ``{"title": slide, "events": [slides]}``."""
    title = timeline.title or "Timeline"
    return {"title": {"text": {"headline": html.escape(title), "text": ""}},
            "events": [_slide(event) for event in timeline.events]}
