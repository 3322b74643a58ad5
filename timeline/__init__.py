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
]
