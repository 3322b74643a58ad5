"""Events from event tables (ACLED-like CSV or JSON rows), placed with the gazetteer.

A row's place is, in order of preference: its GeoNames id; its latitude/longitude (named after
the location column, or after the nearest gazetteer place when unnamed); its location looked up
within its country (and admin1 when given); its country alone. Dates are ``YYYY-MM-DD``,
``YYYY-MM`` or ``YYYY``; the precision comes from the date's form, or from ACLED's
``time_precision`` (1 day, 2 week, 3 month), or from an ``end_date``. A row whose place or
date cannot be read raises :class:`~timeline.errors.InputError` naming the file and line.
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
from timeline.errors import InputError
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
from timeline.readers import EARLIEST_DATE, LATEST_DATE, TableRow

__all__ = ["events_from_table", "parse_table_date"]

_ACLED_PRECISION = {"1": Precision.DAY, "2": Precision.WEEK, "3": Precision.MONTH}
_PRECISION_WORDS = {p.value: p for p in Precision}
_STATUS_WORDS = {s.value: s for s in EventStatus}
_PERSON_NAME = re.compile(r"^[A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+){1,3}$")
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
    except ValueError:
        pass
    raise InputError(f"date {text!r} is not YYYY-MM-DD, YYYY-MM or YYYY", path=row.path, line=row.line)


def _interval(row: TableRow) -> tuple[Interval, Precision]:
    interval, precision = parse_table_date(row.date, row)
    assert interval.start is not None
    hint = (row.precision_hint or "").strip().lower()
    if row.end_date:
        end_interval, _ = parse_table_date(row.end_date, row)
        if end_interval.end is None or end_interval.end <= interval.start:
            raise InputError(f"end date {row.end_date!r} is before the start date {row.date!r}",
                             path=row.path, line=row.line)
        interval = Interval(start=interval.start, end=end_interval.end)
        precision = precision_of(interval)
    elif hint in _ACLED_PRECISION and precision is Precision.DAY:
        precision = _ACLED_PRECISION[hint]
        if precision is Precision.WEEK:
            # ACLED codes 2 as "within a week of the date"; keep the day, widen the interval.
            interval = Interval(start=interval.start - dt.timedelta(days=3), end=interval.start + dt.timedelta(days=4))
        elif precision is Precision.MONTH:
            first = interval.start.replace(day=1)
            interval = Interval(start=first, end=dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1))
    elif hint in _PRECISION_WORDS:
        precision = _PRECISION_WORDS[hint]
    elif hint and hint not in _ACLED_PRECISION:
        raise InputError(f"unknown time precision {row.precision_hint!r}", path=row.path, line=row.line,
                         column="time_precision")
    return interval, precision


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


def _actor(name: str) -> Actor:
    if _ORG_WORDS.search(name) or not _PERSON_NAME.match(name):
        return Actor(name=name, kind=ActorKind.ORGANISATION)
    return Actor(name=name, kind=ActorKind.PERSON)


def _title(row: TableRow, place: Place) -> str:
    if row.title:
        return row.title
    if row.event_type:
        return f"{row.event_type} in {place.name}"
    words = row.description.split()
    return " ".join(words[:10]) + ("…" if len(words) > 10 else "") if words else f"Event in {place.name}"


def events_from_table(rows: Sequence[TableRow], *, gazetteer: Gazetteer) -> list[Event]:
    """One event per row; raises InputError on the first row that cannot be placed or dated."""
    events: list[Event] = []
    for row in rows:
        interval, precision = _interval(row)
        place = _place(gazetteer, row)
        status = EventStatus.HAPPENED
        if row.status:
            if row.status.strip().lower() not in _STATUS_WORDS:
                raise InputError(f"unknown status {row.status!r}; expected one of {', '.join(_STATUS_WORDS)}",
                                 path=row.path, line=row.line, column="status")
            status = _STATUS_WORDS[row.status.strip().lower()]
        places = [EventPlace(place=place, role=PlaceRole.SITE, surface=row.location or row.country)]
        if row.country and place.kind is not PlaceKind.COUNTRY:
            country = _country(gazetteer, row.country, row)
            places.append(EventPlace(place=country, role=PlaceRole.MENTIONED, surface=row.country))
        document_id = Path(row.path).stem
        digest = hashlib.sha1(f"{row.path}\x00{row.line}".encode()).hexdigest()[:10]
        events.append(Event(
            id=f"ev-{digest}", title=_title(row, place), interval=interval, precision=precision, status=status,
            places=tuple(places), actors=tuple(_actor(a) for a in row.actors),
            sentence=row.description, sentence_start=0, sentence_end=len(row.description),
            document_id=document_id,
            sources=(Source(document_id=document_id, title=row.source or Path(row.path).name, url=row.source_url),),
            date_reason=f"table {Path(row.path).name}, line {row.line}",
        ))
    return events
