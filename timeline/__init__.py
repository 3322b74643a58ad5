"""Documents, dates, events and the timeline, with renderers and a command line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.errors import InputError, ModelError, OutputError, TimelineError
from timeline.model import (
    Actor,
    ActorKind,
    Document,
    Event,
    EventPlace,
    EventStatus,
    Interval,
    PlaceRole,
    Precision,
    Source,
    TimeExpression,
    Timeline,
    TimexType,
)

if TYPE_CHECKING:
    from timeline.api import Corpus

__version__ = "0.1.0"


# ``read`` and ``build`` load the pipeline (and the gazetteer) on first use, so that importing
# the data model stays cheap.
def read(*paths: str | Path, published: dt.date | None = None, skip_bad: bool = False) -> Corpus:
    """Read articles and event tables (see :func:`timeline.api.read`)."""
    from timeline.api import read as _read

    return _read(*paths, published=published, skip_bad=skip_bad)


def build(source: Corpus | Iterable[Document] | str | Path, *, title: str | None = None,
          merge: bool = True) -> Timeline:
    """Build a timeline from what :func:`read` returned (see :func:`timeline.api.build`)."""
    from timeline.api import build as _build

    return _build(source, title=title, merge=merge)


__all__ = [
    "Actor",
    "ActorKind",
    "Document",
    "Event",
    "EventPlace",
    "EventStatus",
    "InputError",
    "Interval",
    "ModelError",
    "OutputError",
    "PlaceRole",
    "Precision",
    "Source",
    "TimeExpression",
    "Timeline",
    "TimelineError",
    "TimexType",
    "build",
    "read",
]
