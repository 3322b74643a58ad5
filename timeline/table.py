"""Events from event tables (ACLED-like CSV or JSON rows), placed with the gazetteer.

A row's place is, in order of preference: its GeoNames id; its latitude/longitude (named after
the location column, or after the nearest gazetteer place when unnamed); its location looked up
within its country (and admin1 when given); its country alone. Dates are ``YYYY-MM-DD``,
``YYYY-MM`` or ``YYYY``; the precision comes from the date's form, or from ACLED's
``time_precision`` (1 day, 2 week, 3 month), or from an ``end_date``; a precision word in
``time_precision`` ("month") always wins. ``open`` as ``event_date`` or ``end_date`` leaves that
side of the interval open. A row whose place or date cannot be read raises
:class:`~timeline.errors.InputError` naming the file and line.

Rows read from our own exports carry detail columns (:class:`~timeline.readers.TableRow`'s
``place_details`` and the rest) and become exactly the exported events: every place with its
role (a GeoNames place is taken from the gazetteer, a place of our own is matched to the
gazetteer's place of that name and point, or rebuilt from its fields), the actors and sources as
written, the event id, document id, sentence offset and date reason.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

from gazetteer.errors import GazetteerError
from gazetteer.index import Gazetteer
from gazetteer.model import Place, PlaceKind
from timeline.errors import InputError, ModelError
from timeline.model import (
    Actor,
    ActorKind,
    Event,
    EventPlace,
    EventStatus,
    Interval,
    PlaceRole,
    Precision,
    Source,
    precision_of,
)
from timeline.readers import EARLIEST_DATE, LATEST_DATE, OPEN_DATE_SPELLINGS, PlaceDetail, TableRow

__all__ = ["events_from_table", "parse_table_date"]

_ACLED_PRECISION = {"1": Precision.DAY, "2": Precision.WEEK, "3": Precision.MONTH}
_PRECISION_WORDS = {p.value: p for p in Precision}
_STATUS_WORDS = {s.value: s for s in EventStatus}
_PERSON_NAME = re.compile(r"^[A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+){1,3}$")
# A GeoNames place read back must still be where the gazetteer puts it: ~1 m, above the rounding
# of GIS tools that re-save coordinates, far below any real move of a point.
_SAME_POINT_DEGREES = 1e-5
_ORG_WORDS = re.compile(r"\b(?:forces|army|delegation|government|ministry|group|council|nations|union|advisers|"
                        r"police|party|military|officials|committee|agency)\b", re.IGNORECASE)


def _check_range(day: dt.date, row: TableRow) -> dt.date:
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise InputError(f"date {day.isoformat()} is out of range ({EARLIEST_DATE.year}-{LATEST_DATE.year})",
                         path=row.path, line=row.line)
    return day


def parse_table_date(text: str, row: TableRow) -> tuple[Interval, Precision]:
    """The interval a table date denotes: a day, a month or a year."""
    text = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[T ].*)?", text):
            day = _check_range(dt.date.fromisoformat(text[:10]), row)
            return Interval.day(day), Precision.DAY
        if re.fullmatch(r"\d{4}-\d{2}", text):
            first = _check_range(dt.date.fromisoformat(text + "-01"), row)
            after = dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
            return Interval(start=first, end=after), Precision.MONTH
        if re.fullmatch(r"\d{4}", text):
            first = _check_range(dt.date(int(text), 1, 1), row)
            return Interval(start=first, end=dt.date(first.year + 1, 1, 1)), Precision.YEAR
    except InputError:
        raise
    except ValueError:  # a calendar impossibility such as 2025-02-30
        pass
    raise InputError(f"date {text!r} is not YYYY-MM-DD, YYYY-MM or YYYY", path=row.path, line=row.line)


def _month_after(first: dt.date) -> dt.date:
    return dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)


def _interval(row: TableRow) -> tuple[Interval, Precision]:
    hint = (row.precision_hint or "").strip().lower()
    if hint and hint not in _ACLED_PRECISION and hint not in _PRECISION_WORDS:
        raise InputError(f"unknown time precision {row.precision_hint!r}", path=row.path, line=row.line,
                         column="time_precision")
    stated = _PRECISION_WORDS.get(hint)
    end_text = (row.end_date or "").strip()
    open_start = row.date.strip().lower() in OPEN_DATE_SPELLINGS
    open_end = end_text.lower() in OPEN_DATE_SPELLINGS
    if open_start:
        if not end_text or open_end:
            raise InputError("event_date is open, so end_date must be a date (an interval needs one bound)",
                             path=row.path, line=row.line)
        end_interval, end_precision = parse_table_date(end_text, row)
        return Interval(start=None, end=end_interval.end), stated or end_precision
    interval, precision = parse_table_date(row.date, row)
    start = interval.start
    assert start is not None  # a parsed table date is a closed interval
    if open_end:
        return Interval(start=start, end=None), stated or precision
    if end_text:
        end_interval, _ = parse_table_date(end_text, row)
        if end_interval.end is None or end_interval.end <= start:
            raise InputError(f"end date {row.end_date!r} is before the start date {row.date!r}",
                             path=row.path, line=row.line)
        interval = Interval(start=start, end=end_interval.end)
        return interval, stated or precision_of(interval)
    if hint in _ACLED_PRECISION and precision is Precision.DAY:
        precision = _ACLED_PRECISION[hint]
        if precision is Precision.WEEK:
            # ACLED codes 2 as "within a week of the date"; keep the day, widen the interval.
            interval = Interval(start=start - dt.timedelta(days=3), end=start + dt.timedelta(days=4))
        elif precision is Precision.MONTH:
            first = start.replace(day=1)
            interval = Interval(start=first, end=_month_after(first))
    return interval, stated or precision


def _country(gazetteer: Gazetteer, name: str, row: TableRow) -> Place:
    found = gazetteer.lookup(name, kinds=[PlaceKind.COUNTRY])
    if not found and len(name) == 2 and name.isalpha():
        try:
            return gazetteer.country(name.upper())
        except GazetteerError:
            pass
    if not found:
        raise InputError(f"country {name!r} is not in the gazetteer", path=row.path, line=row.line, column="country")
    return found[0]


def _place(gazetteer: Gazetteer, row: TableRow) -> Place:
    if row.geonameid is not None:
        try:
            return gazetteer.get(row.geonameid)
        except GazetteerError:
            raise InputError(f"GeoNames id {row.geonameid} is not in the gazetteer", path=row.path,
                             line=row.line) from None
    country = _country(gazetteer, row.country, row) if row.country else None
    if row.lat is not None and row.lon is not None:
        if not (-90 <= row.lat <= 90 and -180 <= row.lon <= 180):
            hint = " (did you swap latitude and longitude?)" if -90 <= row.lon <= 90 else ""
            raise InputError(f"coordinates {row.lat}, {row.lon} are out of range{hint}", path=row.path, line=row.line)
        nearest = gazetteer.reverse(row.lat, row.lon)
        return Place(geonameid=None, name=row.location or (nearest.name if nearest else f"{row.lat}, {row.lon}"),
                     lat=row.lat, lon=row.lon, kind=PlaceKind.CITY if row.location else PlaceKind.SITE,
                     country_code=(country.country_code if country else (nearest.country_code if nearest else None)),
                     admin1=row.admin1)
    if row.location:
        code = country.country_code if country else None
        candidates = gazetteer.lookup(row.location, country=code)
        if row.admin1:
            in_admin = [p for p in candidates if p.admin1 and p.admin1.lower() == row.admin1.lower()]
            candidates = in_admin or candidates
        if not candidates:
            where = f" in {row.country}" if row.country else ""
            raise InputError(f"place {row.location!r}{where} is not in the gazetteer", path=row.path, line=row.line,
                             column="location")
        return candidates[0]
    assert country is not None  # the reader refuses rows with no place at all
    return country


def _detail_place(gazetteer: Gazetteer, detail: PlaceDetail, row: TableRow, index: int) -> Place:
    """The place an exported ``place_details`` entry (or GeoJSON feature) stands for."""
    where = f"place {index} ({detail.name!r})"
    if detail.geonameid is not None:
        try:
            place = gazetteer.get(detail.geonameid)
        except GazetteerError:
            raise InputError(f"{where}: GeoNames id {detail.geonameid} is not in the gazetteer", path=row.path,
                             line=row.line) from None
        moved = (abs(place.lat - detail.lat) > _SAME_POINT_DEGREES or abs(place.lon - detail.lon) > _SAME_POINT_DEGREES)
        if moved or place.name != detail.name:
            what = f"at {detail.lat}, {detail.lon}" if moved else f"named {detail.name!r}"
            raise InputError(f"{where} is {what}, but GeoNames {detail.geonameid} is {place.name!r} at "
                             f"{place.lat}, {place.lon}; remove its geonameid to keep your point and name",
                             path=row.path, line=row.line)
        return place
    for candidate in gazetteer.lookup(detail.name):
        if (candidate.geonameid is None and candidate.name == detail.name
                and abs(candidate.lat - detail.lat) <= _SAME_POINT_DEGREES
                and abs(candidate.lon - detail.lon) <= _SAME_POINT_DEGREES):
            return candidate  # one of the gazetteer's own regions ("Donbas"), with its scores
    try:
        return Place(geonameid=None, name=detail.name, lat=detail.lat, lon=detail.lon,
                     kind=detail.kind or PlaceKind.SITE, country_code=detail.country_code, admin1=detail.admin1,
                     feature_class=detail.feature_class, feature_code=detail.feature_code,
                     population=detail.population)
    except GazetteerError as exc:
        raise InputError(f"{where}: {exc}", path=row.path, line=row.line, column="place_details") from None


def _event_places(gazetteer: Gazetteer, row: TableRow) -> tuple[EventPlace, ...]:
    if row.place_details is not None:
        return tuple(EventPlace(place=_detail_place(gazetteer, detail, row, index), role=detail.role,
                                surface=detail.surface, start=detail.start, end=detail.end)
                     for index, detail in enumerate(row.place_details))
    place = _place(gazetteer, row)
    places = [EventPlace(place=place, role=PlaceRole.SITE, surface=row.location or row.country)]
    if row.country and place.kind is not PlaceKind.COUNTRY:
        country = _country(gazetteer, row.country, row)
        places.append(EventPlace(place=country, role=PlaceRole.MENTIONED, surface=row.country))
    return tuple(places)


def _actor(name: str) -> Actor:
    if _ORG_WORDS.search(name) or not _PERSON_NAME.match(name):
        return Actor(name=name, kind=ActorKind.ORGANISATION)
    return Actor(name=name, kind=ActorKind.PERSON)


def _title(row: TableRow, place: Place | None) -> str:
    if row.title:
        return row.title
    where = f" in {place.name}" if place else ""
    if row.event_type:
        return f"{row.event_type}{where}"
    words = row.description.split()
    return " ".join(words[:10]) + ("…" if len(words) > 10 else "") if words else f"Event{where}"


def _status(row: TableRow) -> EventStatus:
    if not row.status:
        return EventStatus.HAPPENED
    word = row.status.strip().lower()
    if word not in _STATUS_WORDS:
        raise InputError(f"unknown status {row.status!r}; expected one of {', '.join(_STATUS_WORDS)}",
                         path=row.path, line=row.line, column="status")
    return _STATUS_WORDS[word]


def events_from_table(rows: Sequence[TableRow], *, gazetteer: Gazetteer) -> list[Event]:
    """One event per row; raises InputError on the first row that cannot be placed or dated.

    The event id is the row's own (``event_id``, ACLED's ``event_id_cnty`` or ``id``) when it has
    one, else a hash of file and line; an id given twice in one file is refused.
    """
    events: list[Event] = []
    first_line: dict[tuple[str, str], int] = {}
    for row in rows:
        interval, precision = _interval(row)
        places = _event_places(gazetteer, row)
        status = _status(row)
        if row.event_id is not None:
            event_id = row.event_id
            seen = first_line.setdefault((row.path, event_id), row.line)
            if seen != row.line:
                raise InputError(f"event id {event_id!r} is already used on line {seen}", path=row.path,
                                 line=row.line)
        else:
            digest = hashlib.sha1(f"{row.path}\x00{row.line}".encode()).hexdigest()[:10]
            event_id = f"ev-{digest}"
        document_id = Path(row.path).stem if row.document_id is None else row.document_id
        actors = row.actor_details if row.actor_details is not None else tuple(_actor(a) for a in row.actors)
        sources = row.source_details if row.source_details is not None else (
            Source(document_id=document_id, title=row.source or Path(row.path).name, url=row.source_url),)
        sentence_start = row.sentence_start or 0
        try:
            events.append(Event(
                id=event_id, title=_title(row, places[0].place if places else None), interval=interval,
                precision=precision, status=status, places=places, actors=actors,
                sentence=row.description, sentence_start=sentence_start,
                sentence_end=sentence_start + len(row.description), document_id=document_id, sources=sources,
                date_reason=(f"table {Path(row.path).name}, line {row.line}" if row.date_reason is None
                             else row.date_reason),
                disagreements=row.disagreements,
            ))
        except ModelError as exc:
            raise InputError(str(exc), path=row.path, line=row.line) from None
    return events
