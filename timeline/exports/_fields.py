"""Field values shared by the exporters, so every format spells an event the same way.

Dates: ``first_day`` is the interval's start, ``last_day`` its last day *inside* (the model's
end is exclusive), both ISO ``YYYY-MM-DD`` or None for an open side. The detail records are the
JSON objects read back by :mod:`timeline.readers` (``place_details`` and the rest).
"""

from __future__ import annotations

from typing import Any

from timeline.model import Actor, EventPlace, Interval, Source

__all__ = ["actor_detail", "first_day", "last_day", "place_detail", "source_detail", "source_label"]


def first_day(interval: Interval) -> str | None:
    return interval.start.isoformat() if interval.start else None


def last_day(interval: Interval) -> str | None:
    last = interval.last_day
    return last.isoformat() if last else None


def place_detail(ep: EventPlace) -> dict[str, Any]:
    place = ep.place
    return {
        "role": str(ep.role), "surface": ep.surface, "start": ep.start, "end": ep.end,
        "geonameid": place.geonameid, "name": place.name, "lat": place.lat, "lon": place.lon,
        "kind": str(place.kind), "country_code": place.country_code, "admin1": place.admin1,
        "feature_class": place.feature_class, "feature_code": place.feature_code, "population": place.population,
    }


def actor_detail(actor: Actor) -> dict[str, Any]:
    return {"name": actor.name, "kind": str(actor.kind), "title": actor.title, "country_code": actor.country_code}


def source_detail(source: Source) -> dict[str, Any]:
    return {"document_id": source.document_id, "title": source.title, "url": source.url,
            "published": source.published.isoformat() if source.published else None}


def source_label(source: Source) -> str:
    """What a reader needs to find a source again: its URL, else its title, else its document."""
    return source.url or source.title or source.document_id
