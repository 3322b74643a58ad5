"""One document in, everything found in it out: places, times, events.

The pipeline is a pure function of the document and the gazetteer: find places, find time
expressions, assemble events. Reading and writing happen elsewhere (:mod:`timeline.readers`,
:mod:`timeline.cli`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from gazetteer.model import PlaceMention
from timeline.model import Document, Event, TimeExpression

if TYPE_CHECKING:
    from gazetteer.index import Gazetteer

__all__ = ["Extraction", "extract"]


@dataclass(frozen=True, kw_only=True, slots=True)
class Extraction:
    """What was found in one document. ``undated`` counts clauses that reported an event we
    could not date (kept out of the timeline, never silently)."""

    document: Document
    places: tuple[PlaceMention, ...]
    times: tuple[TimeExpression, ...]
    events: tuple[Event, ...]
    undated: int = 0


def extract(document: Document, *, gazetteer: Gazetteer) -> Extraction:
    # The finders are loaded on first use, not with this module: the main process of a parallel
    # run only decodes what its workers send, and a fully cached run extracts nothing, so
    # neither pays for compiling the temporal tagger's and the event extractor's patterns.
    from gazetteer.find import find_places
    from timeline.events import extract_events
    from timeline.timex import find_times

    places = tuple(find_places(document.text, gazetteer=gazetteer))
    times = tuple(find_times(document.text, published=document.published))
    found = extract_events(document, places=places, times=times)
    return Extraction(document=document, places=places, times=times, events=found.events, undated=found.undated)
