"""CSV export: one row per event in ACLED-like columns, safe to open in a spreadsheet.

Columns (:data:`CSV_COLUMNS`): the ACLED-like ones a person reads and
:func:`timeline.readers.read_table` accepts (``event_date`` = first day, ``end_date`` = last day
inside the event, either ``open`` for an open side; ``time_precision`` as a word; the first
place in ``location`` / ``latitude`` / ``longitude`` / ``geonameid``; the first two actors; the
first source), then JSON detail cells (``place_details``, ``actor_details``, ``source_details``,
``disagreements``) carrying everything else, so that reading the file back gives the same
events. Coordinates are written with ``repr`` (shortest exact form) so they read back exactly.

Every cell goes through :func:`timeline.readers.neutralise_formula`: text that a spreadsheet
would run as a formula (starting ``= + - @`` TAB CR or a full-width form of them) gets a
leading apostrophe, which the reader removes again. Rows end with CRLF (RFC 4180).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from timeline.exports._fields import actor_detail, first_day, last_day, place_detail, source_detail
from timeline.model import Event, Timeline
from timeline.readers import OPEN_DATE, neutralise_formula

__all__ = ["CSV_COLUMNS", "csv_row", "to_csv"]

CSV_COLUMNS = (
    "event_id", "event_date", "end_date", "time_precision", "status", "title", "notes", "location", "admin1",
    "country_code", "latitude", "longitude", "geonameid", "actor1", "actor2", "source", "source_url",
    "document_id", "sentence_start", "date_reason", "place_details", "actor_details", "source_details",
    "disagreements",
)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def csv_row(event: Event) -> dict[str, str]:
    """The cells of one event, before the formula guard."""
    place = event.places[0].place if event.places else None
    source = event.sources[0] if event.sources else None
    names = [a.name for a in event.actors]
    return {
        "event_id": event.id,
        "event_date": first_day(event.interval) or OPEN_DATE,
        "end_date": last_day(event.interval) or OPEN_DATE,
        "time_precision": str(event.precision),
        "status": str(event.status),
        "title": event.title,
        "notes": event.sentence,
        "location": place.name if place else "",
        "admin1": (place.admin1 or "") if place else "",
        "country_code": (place.country_code or "") if place else "",
        "latitude": repr(place.lat) if place else "",
        "longitude": repr(place.lon) if place else "",
        "geonameid": str(place.geonameid) if place and place.geonameid is not None else "",
        "actor1": names[0] if names else "",
        "actor2": names[1] if len(names) > 1 else "",
        "source": (source.title or "") if source else "",
        "source_url": (source.url or "") if source else "",
        "document_id": event.document_id,
        "sentence_start": str(event.sentence_start),
        "date_reason": event.date_reason,
        "place_details": _json([place_detail(ep) for ep in event.places]),
        "actor_details": _json([actor_detail(a) for a in event.actors]),
        "source_details": _json([source_detail(s) for s in event.sources]),
        "disagreements": _json(list(event.disagreements)),
    }


def to_csv(timeline: Timeline) -> str:
    """The whole table as text: a header and one row per event, in timeline order."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_COLUMNS)
    for event in timeline.events:
        row = csv_row(event)
        writer.writerow([neutralise_formula(row[column]) for column in CSV_COLUMNS])
    return buffer.getvalue()
