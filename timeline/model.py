"""The values that flow through the timeline pipeline.

Everything found in a document is a span with ``[start, end)`` character offsets into
``Document.text``. Dates are calendar intervals ``[start, end)`` of :class:`datetime.date`, end
exclusive, either bound None when the interval is open ("since 2014" has no end). Every value
is a frozen, keyword-only dataclass checked on creation; "changing" one means building a new one
with :func:`dataclasses.replace`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from gazetteer.model import Place
from timeline.errors import ModelError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Actor",
    "ActorKind",
    "Document",
    "Event",
    "EventPlace",
    "EventStatus",
    "Interval",
    "PlaceRole",
    "Precision",
    "Source",
    "TimeExpression",
    "Timeline",
    "TimexType",
    "place_key",
    "precision_of",
]


class Precision(StrEnum):
    """How finely a date is known, finest first. Order matters: see :meth:`rank`."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"

    @property
    def rank(self) -> int:
        """0 for a day, growing with coarseness; used to sort finer dates first on ties."""
        return list(Precision).index(self)


class TimexType(StrEnum):
    """TimeML TIMEX3 types."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class EventStatus(StrEnum):
    HAPPENED = "happened"
    ONGOING = "ongoing"
    PLANNED = "planned"
    REPORTED = "reported"  # someone said it; the text does not assert it


class PlaceRole(StrEnum):
    """What a place is to an event."""

    SITE = "site"  # where it happens: "talks in Riyadh"
    ACTOR = "actor"  # whose people act: "Russian officials", "the Kremlin said"
    MENTIONED = "mentioned"  # named in the sentence, neither of the above: "security of Ukraine"


class ActorKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    GOVERNMENT = "government"


def _check_span(what: str, start: int, end: int, surface: str | None = None) -> None:
    if not 0 <= start <= end:
        raise ModelError(f"{what}: bad span [{start}, {end})")
    if surface is not None and end - start != len(surface):
        raise ModelError(f"{what}: span [{start}, {end}) does not match the length of {surface!r}")


@dataclass(frozen=True, kw_only=True, slots=True)
class Interval:
    """Calendar days ``[start, end)``; None on either side means open ("since 2014")."""

    start: dt.date | None
    end: dt.date | None

    def __post_init__(self) -> None:
        if self.start is None and self.end is None:
            raise ModelError("an interval needs at least one bound")
        if self.start is not None and self.end is not None and not self.start < self.end:
            raise ModelError(f"interval start {self.start} is not before its end {self.end} (end is exclusive)")

    @classmethod
    def day(cls, day: dt.date) -> Interval:
        return cls(start=day, end=day + dt.timedelta(days=1))

    @property
    def is_open(self) -> bool:
        return self.start is None or self.end is None

    @property
    def days(self) -> int | None:
        """Length in days, None when open."""
        if self.start is None or self.end is None:
            return None
        return (self.end - self.start).days

    @property
    def last_day(self) -> dt.date | None:
        """The last day inside the interval (``end`` is exclusive)."""
        return None if self.end is None else self.end - dt.timedelta(days=1)

    def overlaps(self, other: Interval) -> bool:
        lo = max(self.start or dt.date.min, other.start or dt.date.min)
        hi = min(self.end or dt.date.max, other.end or dt.date.max)
        return lo < hi

    def contains(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, kw_only=True, slots=True)
class Document:
    """An article. The document owns its text; everything found in it points into it."""

    id: str
    text: str
    published: dt.date | None = None
    title: str | None = None
    source: str | None = None  # a URL or the path it was read from

    def __post_init__(self) -> None:
        if not self.id:
            raise ModelError("a document needs a non-empty id")


@dataclass(frozen=True, kw_only=True, slots=True)
class TimeExpression:
    """A temporal expression, normalised to TimeML TIMEX3 and to a calendar interval.

    ``value`` is the TIMEX3 value ("2025-02-17", "2025-W07", "2022-02", "P1M", "PAST_REF",
    "XXXX-02" when a relative expression had nothing to anchor on). ``interval`` is None for
    durations, sets and vague references. ``anchored`` is True when the value was computed from
    the publication date; ``relative`` is True when the expression needs an anchor at all, so
    ``relative and not anchored`` marks an unanchored expression.
    """

    surface: str
    start: int
    end: int
    type: TimexType
    value: str
    interval: Interval | None = None
    precision: Precision | None = None
    relative: bool = False
    anchored: bool = False
    modifier: str | None = None  # TIMEX3 mod: START, MID, END, BEFORE, AFTER, APPROX...

    def __post_init__(self) -> None:
        _check_span(f"time expression {self.surface!r}", self.start, self.end, self.surface)
        if self.start == self.end:
            raise ModelError(f"time expression {self.surface!r}: empty span")
        if not self.value:
            raise ModelError(f"time expression {self.surface!r}: empty TIMEX3 value")
        if self.anchored and not self.relative:
            raise ModelError(f"time expression {self.surface!r}: only a relative expression can be anchored")


@dataclass(frozen=True, kw_only=True, slots=True)
class EventPlace:
    """A place taking part in an event, with the mention that named it (if any)."""

    place: Place
    role: PlaceRole
    surface: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Actor:
    name: str
    kind: ActorKind = ActorKind.PERSON
    title: str | None = None  # "President", "Foreign Minister"
    country_code: str | None = None

    def __post_init__(self) -> None:
        if not self.name:
            raise ModelError("an actor needs a name")


@dataclass(frozen=True, kw_only=True, slots=True)
class Source:
    """Where an event was reported: a document, its title and URL or path."""

    document_id: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Event:
    """Something a clause reports, dated, placed and traced back to its sentence.

    ``date_reason`` says where the date came from ("time expression 'last week'",
    "publication date: planned action", "table column 'date'"). ``sentence_start`` and
    ``sentence_end`` are offsets into the text of ``document_id``. ``disagreements`` lists what
    merged sources disagree on (different dates or places).
    """

    id: str
    title: str
    interval: Interval
    precision: Precision
    status: EventStatus = EventStatus.HAPPENED
    places: tuple[EventPlace, ...] = ()
    actors: tuple[Actor, ...] = ()
    sentence: str = ""
    sentence_start: int = 0
    sentence_end: int = 0
    document_id: str = ""
    sources: tuple[Source, ...] = ()
    date_reason: str = ""
    timex: TimeExpression | None = None
    disagreements: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if not self.id:
            raise ModelError("an event needs an id")
        if not self.title:
            raise ModelError(f"event {self.id}: needs a title")
        _check_span(f"event {self.id} sentence", self.sentence_start, self.sentence_end)
        if self.sentence and self.sentence_end - self.sentence_start != len(self.sentence):
            raise ModelError(f"event {self.id}: sentence offsets do not match the sentence length")


@dataclass(frozen=True, kw_only=True, slots=True)
class Timeline:
    """Events in timeline order, with the documents they came from.

    Build one with :func:`timeline.build_timeline`, which orders and merges; the constructor
    trusts the order it is given. Filters return a new Timeline.
    """

    events: tuple[Event, ...] = ()
    documents: tuple[Document, ...] = ()
    title: str | None = None

    def __len__(self) -> int:
        return len(self.events)

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def places(self) -> tuple[Place, ...]:
        """Distinct places of all events, in first-appearance order."""
        seen: dict[tuple[object, ...], Place] = {}
        for event in self.events:
            for ep in event.places:
                seen.setdefault(place_key(ep.place), ep.place)
        return tuple(seen.values())

    def filter(self, *, start: dt.date | None = None, end: dt.date | None = None, place: str | None = None,
               country: str | None = None, actor: str | None = None,
               status: EventStatus | str | None = None) -> Timeline:
        """A new Timeline with the events that match every criterion given.

        ``start``/``end`` keep events whose interval overlaps ``[start, end)``; ``place`` matches a
        place name (case-insensitive), ``country`` an ISO alpha-2 code of any place, ``actor`` a
        substring of an actor's name, ``status`` a status.
        """
        window = Interval(start=start, end=end) if start is not None or end is not None else None
        wanted_status = EventStatus(status) if status is not None else None

        def keep(event: Event) -> bool:
            if window is not None and not event.interval.overlaps(window):
                return False
            if place is not None and not any(ep.place.name.casefold() == place.casefold() for ep in event.places):
                return False
            if country is not None and not any(ep.place.country_code == country.upper() for ep in event.places):
                return False
            if actor is not None and not any(actor.casefold() in a.name.casefold() for a in event.actors):
                return False
            return wanted_status is None or event.status is wanted_status

        events = tuple(e for e in self.events if keep(e))
        used = {e.document_id for e in events} | {s.document_id for e in events for s in e.sources}
        return Timeline(events=events, documents=tuple(d for d in self.documents if d.id in used), title=self.title)

    def map(self, **options: Any) -> Any:
        """The Folium map (displays itself in Jupyter). Options as in ReportOptions."""
        from timeline.render import ReportOptions, render_map

        return render_map(self, options=ReportOptions(**{"title": self.title, **options}))

    def chart(self, **options: Any) -> Any:
        """The Bokeh timeline, wrapped so it displays itself; ``.figure`` is the Bokeh layout."""
        from timeline.render import ReportOptions, render_chart
        from timeline.views import ChartView

        figure = render_chart(self, options=ReportOptions(**{"title": self.title, **options}))
        return ChartView(figure=figure, title=self.title or "Timeline")

    def report(self, **options: Any) -> Any:
        """The standalone report page (displays itself; ``.save(path)`` writes it)."""
        from timeline.render import ReportOptions, render_report
        from timeline.views import Report

        chosen = ReportOptions(**{"title": self.title, **options})
        return Report(html=render_report(self, options=chosen), title=chosen.title or "Timeline")

    def _repr_html_(self) -> str:
        return str(self.report()._repr_html_())

    def to_dataframe(self) -> pd.DataFrame:
        """One row per event: interval, precision, places, actors, status, sources."""
        import pandas as pd

        rows = []
        for e in self.events:
            rows.append({
                "id": e.id,
                "title": e.title,
                "start": pd.Timestamp(e.interval.start) if e.interval.start else pd.NaT,
                "end": pd.Timestamp(e.interval.end) if e.interval.end else pd.NaT,
                "precision": str(e.precision),
                "status": str(e.status),
                "places": [ep.place.name for ep in e.places],
                "place_roles": [str(ep.role) for ep in e.places],
                "lats": [ep.place.lat for ep in e.places],
                "lons": [ep.place.lon for ep in e.places],
                "actors": [a.name for a in e.actors],
                "document_id": e.document_id,
                "sources": [s.url or s.title or s.document_id for s in e.sources],
                "sentence": e.sentence,
                "date_reason": e.date_reason,
                "disagreements": list(e.disagreements),
            })
        columns = ["id", "title", "start", "end", "precision", "status", "places", "place_roles", "lats",
                   "lons", "actors", "document_id", "sources", "sentence", "date_reason", "disagreements"]
        return pd.DataFrame(rows, columns=columns)


def place_key(place: Place) -> tuple[object, ...]:
    """Identity of a place across sources: its GeoNames id, else name and rounded point."""
    if place.geonameid is not None:
        return ("geonames", place.geonameid)
    return ("named", place.name, round(place.lat, 3), round(place.lon, 3))


def precision_of(interval: Interval) -> Precision:
    """A precision that matches an interval's length (used when none was stated)."""
    days = interval.days
    if days is None or days <= 1:
        return Precision.DAY
    for limit, precision in ((7, Precision.WEEK), (31, Precision.MONTH), (92, Precision.QUARTER),
                             (184, Precision.HALF), (366, Precision.YEAR), (3653, Precision.DECADE)):
        if days <= limit:
            return precision
    return Precision.CENTURY
