"""Documents, dates, events and the timeline, with renderers and a command line."""

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

__version__ = "0.1.0"


def read(*paths, **options):  # type: ignore[no-untyped-def]
    """Read articles and event tables (see :func:`timeline.api.read`)."""
    from timeline.api import read as _read

    return _read(*paths, **options)


def build(source, **options):  # type: ignore[no-untyped-def]
    """Build a timeline from what :func:`read` returned (see :func:`timeline.api.build`)."""
    from timeline.api import build as _build

    return _build(source, **options)


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
