"""The extraction JSONL: one JSON object per document.

``{"doc_id", "toponyms": [...], "timexes": [...], "events": [...]}`` where a toponym is
``{"start", "end", "name", "lat", "lon", ...}`` with ``name`` the surface text, and a timex is
``{"start", "end", "text", "type", "value", ...}`` — the format read by the geoparsing and
temporal-tagging scorers. Unresolved mentions are written with ``lat``/``lon`` null, so nothing
found is hidden.

A built :class:`~timeline.model.Timeline` no longer holds the mentions, so :func:`to_jsonl`
writes one :func:`event_record` a line, in timeline order.
"""

from __future__ import annotations

import json
from typing import Any

from gazetteer.model import Place, PlaceMention
from timeline.model import Event, TimeExpression, Timeline

__all__ = ["event_record", "extraction_record", "mention_record", "place_record", "timex_record", "to_jsonl"]


def place_record(place: Place) -> dict[str, Any]:
    return {
        "geonameid": place.geonameid, "place_name": place.name, "lat": place.lat, "lon": place.lon,
        "country_code": place.country_code, "admin1": place.admin1, "feature_class": place.feature_class,
        "feature_code": place.feature_code, "kind": str(place.kind), "population": place.population,
    }


def mention_record(mention: PlaceMention) -> dict[str, Any]:
    record: dict[str, Any] = {"start": mention.start, "end": mention.end, "name": mention.surface,
                              "lat": None, "lon": None}
    if mention.place is not None:
        record.update(place_record(mention.place))
    record.update(role=str(mention.role), confidence=round(mention.confidence, 4),
                  in_organisation=mention.in_organisation,
                  alternatives=[p.geonameid for p in mention.alternatives if p.geonameid is not None][:5])
    return record


def timex_record(timex: TimeExpression) -> dict[str, Any]:
    interval = timex.interval
    return {
        "start": timex.start, "end": timex.end, "text": timex.surface, "type": str(timex.type), "value": timex.value,
        "mod": timex.modifier, "precision": str(timex.precision) if timex.precision else None,
        "interval_start": interval.start.isoformat() if interval and interval.start else None,
        "interval_end": interval.end.isoformat() if interval and interval.end else None,
        "relative": timex.relative, "anchored": timex.anchored,
    }


def event_record(event: Event) -> dict[str, Any]:
    return {
        "id": event.id, "title": event.title,
        "start": event.interval.start.isoformat() if event.interval.start else None,
        "end": event.interval.end.isoformat() if event.interval.end else None,
        "precision": str(event.precision), "status": str(event.status),
        "places": [{"role": str(ep.role), "surface": ep.surface, **place_record(ep.place)} for ep in event.places],
        "actors": [{"name": a.name, "kind": str(a.kind), "title": a.title, "country_code": a.country_code}
                   for a in event.actors],
        "sentence": event.sentence, "sentence_start": event.sentence_start, "sentence_end": event.sentence_end,
        "document_id": event.document_id, "date_reason": event.date_reason,
        "sources": [{"document_id": s.document_id, "title": s.title, "url": s.url,
                     "published": s.published.isoformat() if s.published else None} for s in event.sources],
        "disagreements": list(event.disagreements),
    }


def extraction_record(doc_id: str, *, places: list[PlaceMention] | tuple[PlaceMention, ...],
                      times: list[TimeExpression] | tuple[TimeExpression, ...],
                      events: list[Event] | tuple[Event, ...]) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "toponyms": [mention_record(m) for m in places],
        "timexes": [timex_record(t) for t in times],
        "events": [event_record(e) for e in events],
    }


def to_jsonl(timeline: Timeline) -> str:
    """One event record a line (JSON Lines), in timeline order."""
    return "".join(json.dumps(event_record(e), ensure_ascii=False) + "\n" for e in timeline.events)
