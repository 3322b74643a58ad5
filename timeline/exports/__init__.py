"""Machine-readable outputs: GeoJSON, CSV, KML, TimelineJS and the extraction JSONL.

``export_timeline(timeline, path, format=None)`` writes any of them atomically; the ``to_*``
functions are pure and return the document (a dict for the JSON formats, text otherwise). An
exported CSV or GeoJSON reads back (:func:`timeline.readers.read_table` and
:func:`timeline.table.events_from_table`) into the same events.
"""

from timeline.exports.csv import to_csv
from timeline.exports.geojson import to_geojson
from timeline.exports.jsonl import event_record, extraction_record, place_record, to_jsonl
from timeline.exports.kml import to_kml
from timeline.exports.timelinejs import to_timelinejs
from timeline.exports.writer import EXPORT_FORMATS, export_text, export_timeline, format_for_path

__all__ = [
    "EXPORT_FORMATS",
    "event_record",
    "export_text",
    "export_timeline",
    "extraction_record",
    "format_for_path",
    "place_record",
    "to_csv",
    "to_geojson",
    "to_jsonl",
    "to_kml",
    "to_timelinejs",
]
