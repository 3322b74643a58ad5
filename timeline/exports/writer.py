"""Writing a timeline in any export format, atomically, with the format named or guessed.

The format comes from ``format`` when given, else from the file name: ``.geojson``, ``.csv``,
``.kml``, ``.timeline.json`` / ``.timelinejs.json`` (TimelineJS) and ``.jsonl``. A bare
``.json`` is refused as ambiguous (GeoJSON and TimelineJS are both JSON): name the format or use
one of the suffixes above. The file is written through :func:`timeline.atomic.atomic_writer`,
so a failed export leaves any previous file intact.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from timeline.atomic import atomic_writer
from timeline.errors import OutputError
from timeline.exports.csv import to_csv
from timeline.exports.geojson import geojson_text
from timeline.exports.jsonl import to_jsonl
from timeline.exports.kml import to_kml
from timeline.exports.timelinejs import to_timelinejs
from timeline.model import Timeline

__all__ = ["EXPORT_FORMATS", "export_text", "export_timeline", "format_for_path"]


def _timelinejs_text(timeline: Timeline) -> str:
    return json.dumps(to_timelinejs(timeline), ensure_ascii=False, indent=1) + "\n"


_WRITERS: dict[str, Callable[[Timeline], str]] = {
    "geojson": geojson_text,
    "csv": to_csv,
    "kml": to_kml,
    "timelinejs": _timelinejs_text,
    "jsonl": to_jsonl,
}
EXPORT_FORMATS = tuple(_WRITERS)
# Longest suffixes first: ".timeline.json" must win over a plain ".json".
_SUFFIXES = ((".timelinejs.json", "timelinejs"), (".timeline.json", "timelinejs"), (".geojson", "geojson"),
             (".csv", "csv"), (".kml", "kml"), (".jsonl", "jsonl"))


def format_for_path(path: str | Path) -> str:
    """The export format a file name asks for; OutputError when it does not say."""
    name = Path(path).name.lower()
    for suffix, name_format in _SUFFIXES:
        if name.endswith(suffix):
            return name_format
    if name.endswith(".json"):
        raise OutputError(f"{path}: '.json' could be GeoJSON or TimelineJS; name the format "
                          f"({', '.join(EXPORT_FORMATS)}) or use .geojson / .timeline.json")
    raise OutputError(f"{path}: cannot tell the export format from the file name; name one of "
                      f"{', '.join(EXPORT_FORMATS)} or use a suffix: {', '.join(s for s, _ in _SUFFIXES)}")


def export_text(timeline: Timeline, format: str) -> str:
    """The export as text in ``format`` (one of :data:`EXPORT_FORMATS`)."""
    writer = _WRITERS.get(format.lower())
    if writer is None:
        raise OutputError(f"unknown export format {format!r}; expected one of {', '.join(EXPORT_FORMATS)}")
    return writer(timeline)


def export_timeline(timeline: Timeline, path: str | Path, *, format: str | None = None) -> Path:
    """Write ``timeline`` to ``path`` in ``format`` (else the one its suffix names); the path written."""
    target = Path(path)
    chosen = format.lower() if format else format_for_path(target)
    text = export_text(timeline, chosen)  # built fully before the file is touched
    with atomic_writer(target) as handle:
        handle.write(text)
    return target
