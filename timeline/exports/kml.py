"""KML 2.2 export: a Placemark per (event, place) with a TimeSpan, for Google Earth and GIS tools.

The tree is built with :mod:`xml.etree.ElementTree`, which escapes every text node, so no article
text is ever spliced into markup. ``<description>`` is HTML to KML viewers (Google Earth renders
it in a balloon), so its text is HTML-escaped first and then XML-escaped by the serialiser: a
``<script>`` in an article shows as text. Characters XML 1.0 forbids (most C0 controls) are
replaced with U+FFFD, so the output always parses.

``<TimeSpan>``: ``begin`` is the first day and ``end`` the last day inside the event, written at
the event's precision as KML's ``dateTime`` allows: ``YYYY`` (gYear) for a year or coarser,
``YYYY-MM`` (gYearMonth) for a month, season, quarter or half, ``YYYY-MM-DD`` (date) for a day or
week. An open side is left out, which KML reads as unbounded. The exact interval, precision,
status and role are repeated in ``<ExtendedData>``. Events without places have no Placemark
(KML has nowhere to put them); the document's ``<Snippet>`` says how many were left out.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import xml.etree.ElementTree as ET

from timeline.exports._fields import first_day, last_day, source_label
from timeline.model import Event, EventPlace, PlaceRole, Precision, Timeline

__all__ = ["KML_NAMESPACE", "kml_date", "to_kml"]

KML_NAMESPACE = "http://www.opengis.net/kml/2.2"
# XML 1.0 allows TAB, LF, CR and everything from U+0020 except surrogates and U+FFFE/U+FFFF.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_YEAR_OR_COARSER = frozenset({Precision.YEAR, Precision.DECADE, Precision.CENTURY})
_MONTH_LIKE = frozenset({Precision.MONTH, Precision.SEASON, Precision.QUARTER, Precision.HALF})
# One colour per role (KML colours are aabbggrr): sites stand out, mentions recede.
_ROLE_COLOURS = {PlaceRole.SITE: "ff2f2fd6", PlaceRole.ACTOR: "ffd68a2f", PlaceRole.MENTIONED: "ff9e9e9e"}


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def kml_date(day: dt.date, precision: Precision) -> str:
    """``day`` as a KML dateTime at ``precision``: gYear, gYearMonth or date."""
    if precision in _YEAR_OR_COARSER:
        return f"{day.year:04d}"
    if precision in _MONTH_LIKE:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = _clean(text)
    return element


def _description(event: Event) -> str:
    """HTML for the balloon, built from escaped pieces only."""
    parts = [f"<p>{html.escape(event.sentence)}</p>"] if event.sentence else []
    if event.actors:
        parts.append(f"<p>Actors: {html.escape(', '.join(a.name for a in event.actors))}</p>")
    if event.sources:
        parts.append(f"<p>Sources: {html.escape('; '.join(source_label(s) for s in event.sources))}</p>")
    return "".join(parts)


def _placemark(folder: ET.Element, event: Event, number: int, index: int, ep: EventPlace) -> None:
    # KML ids must be XML NCNames; event ids come from tables and may hold anything, so the id is
    # positional and the event id goes in ExtendedData.
    mark = _sub(folder, "Placemark", id=f"e{number}-p{index}")
    _sub(mark, "name", event.title)
    _sub(mark, "description", _description(event))
    span = _sub(mark, "TimeSpan")
    if event.interval.start is not None:
        _sub(span, "begin", kml_date(event.interval.start, event.precision))
    if event.interval.last_day is not None:
        _sub(span, "end", kml_date(event.interval.last_day, event.precision))
    _sub(mark, "styleUrl", f"#role-{ep.role}")
    data = _sub(mark, "ExtendedData")
    fields = {
        "event_id": event.id, "start": first_day(event.interval) or "open", "end": last_day(event.interval) or "open",
        "precision": str(event.precision), "status": str(event.status), "place": ep.place.name, "role": str(ep.role),
        "geonameid": "" if ep.place.geonameid is None else str(ep.place.geonameid),
    }
    for name, value in fields.items():
        _sub(_sub(data, "Data", name=name), "value", value)
    point = _sub(mark, "Point")
    # KML coordinates are lon,lat[,alt] like GeoJSON's.
    _sub(point, "coordinates", f"{ep.place.lon!r},{ep.place.lat!r}")


def to_kml(timeline: Timeline) -> str:
    """The KML document as text (UTF-8 declaration, indented, deterministic)."""
    # Unprefixed tags under a default namespace declared by hand: ElementTree's own
    # default_namespace option refuses KML's unqualified attributes (id, name).
    root = ET.Element("kml", xmlns=KML_NAMESPACE)
    document = _sub(root, "Document")
    _sub(document, "name", timeline.title or "Timeline")
    unplaced = sum(1 for e in timeline.events if not e.places)
    if unplaced:
        _sub(document, "Snippet", f"{unplaced} event(s) without a place are not shown")
    for role in PlaceRole:
        style = _sub(document, "Style", id=f"role-{role}")
        _sub(_sub(style, "IconStyle"), "color", _ROLE_COLOURS[role])
    folder = _sub(document, "Folder")
    _sub(folder, "name", "Events")
    for number, event in enumerate(timeline.events):
        for index, ep in enumerate(event.places):
            _placemark(folder, event, number, index, ep)
    ET.indent(root, space=" ")
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
