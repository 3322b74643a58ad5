"""GeoJSON export (RFC 7946): a FeatureCollection with one Point feature per (event, place).

Why one point per place rather than one MultiPoint per event: QGIS, geojson.io and most web
maps style, filter and label single points by their properties (colour by ``role``, filter by
``status``), and a layer of one geometry type loads everywhere. The features of one event share
``event_id`` and every event-level property; ``place_index`` / ``place_count`` say which place
of how many a feature is. An event without places is one feature with ``"geometry": null``
(RFC 7946, section 3.2), so no event is lost.

Coordinates are ``[longitude, latitude]`` (RFC 7946, section 3.1.1), full precision so they read
back exactly. ``start`` is the first day and ``end`` the last day inside the event (inclusive,
like the CSV's ``end_date``), ISO ``YYYY-MM-DD``; an open side is null with ``open_start`` /
``open_end`` true. ``actors`` and ``sources`` are plain lists (names, URLs) for people and GIS
tools; ``actor_details`` / ``source_details`` carry the full records for the round trip.
Properties come in a fixed order, so the same timeline gives the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from timeline.exports._fields import actor_detail, first_day, last_day, source_detail, source_label
from timeline.model import Event, EventPlace, Timeline
from timeline.readers import GEOJSON_EVENT_KEYS, GEOJSON_PLACE_KEYS

__all__ = ["event_features", "geojson_text", "to_geojson"]


def _event_properties(event: Event) -> dict[str, Any]:
    return {
        "event_id": event.id, "title": event.title,
        "start": first_day(event.interval), "end": last_day(event.interval),
        "open_start": event.interval.start is None, "open_end": event.interval.end is None,
        "precision": str(event.precision), "status": str(event.status),
        "actors": [a.name for a in event.actors], "actor_details": [actor_detail(a) for a in event.actors],
        "sources": [source_label(s) for s in event.sources],
        "source_details": [source_detail(s) for s in event.sources],
        "sentence": event.sentence, "sentence_start": event.sentence_start, "document_id": event.document_id,
        "date_reason": event.date_reason, "disagreements": list(event.disagreements),
        "place_count": len(event.places),
    }


def _place_properties(index: int | None, ep: EventPlace | None) -> dict[str, Any]:
    if ep is None:
        return dict.fromkeys(GEOJSON_PLACE_KEYS)
    place = ep.place
    return {
        "place_index": index, "place_name": place.name, "geonameid": place.geonameid, "role": str(ep.role),
        "surface": ep.surface, "surface_start": ep.start, "surface_end": ep.end, "kind": str(place.kind),
        "country_code": place.country_code, "admin1": place.admin1, "feature_class": place.feature_class,
        "feature_code": place.feature_code, "population": place.population,
    }


def event_features(event: Event) -> list[dict[str, Any]]:
    """The features of one event: a Point per place, or one null-geometry feature."""
    common = _event_properties(event)
    assert tuple(common) == GEOJSON_EVENT_KEYS  # the reader groups features by exactly these keys
    if not event.places:
        return [{"type": "Feature", "id": event.id, "geometry": None,
                 "properties": {**common, **_place_properties(None, None)}}]
    return [
        {"type": "Feature", "id": f"{event.id}#{index}",
         "geometry": {"type": "Point", "coordinates": [ep.place.lon, ep.place.lat]},
         "properties": {**common, **_place_properties(index, ep)}}
        for index, ep in enumerate(event.places)
    ]


def to_geojson(timeline: Timeline) -> dict[str, Any]:
    """The FeatureCollection as a dict (``name`` is a foreign member GDAL/QGIS read as the layer name)."""
    collection: dict[str, Any] = {"type": "FeatureCollection"}
    if timeline.title:
        collection["name"] = timeline.title
    collection["features"] = [feature for event in timeline.events for feature in event_features(event)]
    return collection


def geojson_text(timeline: Timeline) -> str:
    """The file's text: one feature per line, so a diff shows which events changed."""
    collection = to_geojson(timeline)
    features = collection.pop("features")
    head = json.dumps(collection, ensure_ascii=False)[:-1]
    if not features:
        return head + ',"features":[]}\n'
    lines = ",\n".join(json.dumps(f, ensure_ascii=False) for f in features)
    return f'{head},"features":[\n{lines}\n]}}\n'
