"""Events from event tables, with the real gazetteer: dates, open intervals, ids, places."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gazetteer.index import Gazetteer, default_gazetteer
from timeline.errors import InputError
from timeline.model import Event, Interval, PlaceRole, Precision
from timeline.readers import read_table
from timeline.table import events_from_table

SEED_TABLE = Path(__file__).resolve().parents[2] / "seeds" / "ukraine-diplomacy-2014-2025.csv"
HEADER = "event_id,event_date,end_date,time_precision,location,country,notes\n"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


def events(tmp_path: Path, gazetteer: Gazetteer, body: str, header: str = HEADER) -> list[Event]:
    path = tmp_path / "t.csv"
    path.write_text(header + body, encoding="utf-8")
    return events_from_table(read_table(path), gazetteer=gazetteer)


def test_seed_table_events(gazetteer: Gazetteer) -> None:
    found = events_from_table(read_table(SEED_TABLE), gazetteer=gazetteer)
    assert len(found) == 22
    assert all(e.precision is Precision.DAY and e.interval.days == 1 for e in found)
    resort = next(e for e in found if "Peace in Ukraine" in e.title)
    site = resort.places[0]
    assert (site.role, site.place.name, site.place.geonameid, site.place.lat) == (
        PlaceRole.SITE, "Bürgenstock", None, 46.9983)
    assert len({e.id for e in found}) == 22


@pytest.mark.parametrize(("start", "end", "precision", "interval", "expected_precision"), [
    ("2014-02-27", "open", "", Interval(start=dt.date(2014, 2, 27), end=None), Precision.DAY),
    ("2014", "..", "", Interval(start=dt.date(2014, 1, 1), end=None), Precision.YEAR),
    ("open", "2022-02", "month", Interval(start=None, end=dt.date(2022, 3, 1)), Precision.MONTH),
    # A stated precision word wins over the one the interval's length suggests.
    ("2022-02-01", "2022-02-10", "quarter", Interval(start=dt.date(2022, 2, 1), end=dt.date(2022, 2, 11)),
     Precision.QUARTER),
    ("2022-02-01", "2022-02-07", "", Interval(start=dt.date(2022, 2, 1), end=dt.date(2022, 2, 8)), Precision.WEEK),
    ("2022-02-16", "", "2", Interval(start=dt.date(2022, 2, 13), end=dt.date(2022, 2, 20)), Precision.WEEK),
])
def test_dates_open_sides_and_precision(tmp_path: Path, gazetteer: Gazetteer, start: str, end: str, precision: str,
                                        interval: Interval, expected_precision: Precision) -> None:
    (event,) = events(tmp_path, gazetteer, f"e1,{start},{end},{precision},Kyiv,Ukraine,x\n")
    assert (event.interval, event.precision) == (interval, expected_precision)


@pytest.mark.parametrize(("row", "message"), [
    ("e1,open,open,,Kyiv,Ukraine,x\n", "t.csv:2: event_date is open, so end_date must be a date"),
    ("e1,open,,,Kyiv,Ukraine,x\n", "t.csv:2: event_date is open"),
    ("e1,2022-02-01,2022-02-10,fortnight,Kyiv,Ukraine,x\n", "t.csv:2: column 'time_precision': unknown time precision"),
    ("e1,2022-02-10,2022-02-01,,Kyiv,Ukraine,x\n", "t.csv:2: end date '2022-02-01' is before"),
    ("e1,2022-02-10,,,Kyiv,Ukraine,x\ne1,2022-02-11,,,Kyiv,Ukraine,y\n",
     "t.csv:3: event id 'e1' is already used on line 2"),
    ("e1,1500-01-01,,,Kyiv,Ukraine,x\n", "t.csv:2: date 1500-01-01 is out of range"),
])
def test_bad_rows_name_file_and_line(tmp_path: Path, gazetteer: Gazetteer, row: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        events(tmp_path, gazetteer, row)
    assert str(caught.value).startswith(str(tmp_path / message))


def test_row_ids_and_document_ids(tmp_path: Path, gazetteer: Gazetteer) -> None:
    given, hashed = events(tmp_path, gazetteer, "ACLED-1,2022-02-10,,,Kyiv,Ukraine,x\n,2022-02-11,,,Kyiv,Ukraine,y\n")
    assert given.id == "ACLED-1"
    assert hashed.id.startswith("ev-") and hashed.document_id == "t"
    assert hashed.date_reason == "table t.csv, line 3"


def test_unknown_geonames_id_in_place_details(tmp_path: Path, gazetteer: Gazetteer) -> None:
    details = '"[{""role"":""site"",""name"":""Nowhere"",""lat"":1.0,""lon"":2.0,""geonameid"":999999999}]"'
    with pytest.raises(InputError, match=r"t\.csv:2: place 0 \('Nowhere'\): GeoNames id 999999999 is not in"):
        events(tmp_path, gazetteer, f"2022-02-10,x,{details}\n", header="event_date,title,place_details\n")


def test_place_details_without_id_keep_their_point(tmp_path: Path, gazetteer: Gazetteer) -> None:
    details = ('"[{""role"":""mentioned"",""name"":""Camp"",""lat"":-1.5,""lon"":-60.25,""kind"":""site"",'
               '""country_code"":""BR""}]"')
    (event,) = events(tmp_path, gazetteer, f"2022-02-10,x,{details}\n", header="event_date,title,place_details\n")
    (ep,) = event.places
    assert (ep.role, ep.place.name, ep.place.lat, ep.place.lon, ep.place.country_code) == (
        PlaceRole.MENTIONED, "Camp", -1.5, -60.25, "BR")
