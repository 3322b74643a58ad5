"""Readers: every supported input, and a one-line error naming file and line for bad ones."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.errors import InputError
from timeline.readers import expand_inputs, markdown_to_text, read_documents, read_table


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_markdown_front_matter_gives_title_date_and_source(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "---\ntitle: Talks\npublished: 2025-02-17\nsource: https://example.org/a\n---\n"
                                    "# Heading\n\nEnvoys met in **Riyadh** on [Tuesday](https://x.test).\n")
    (doc,) = read_documents(path)
    assert doc.id == "a"
    assert doc.title == "Talks"
    assert doc.published == dt.date(2025, 2, 17)
    assert doc.source == "https://example.org/a"
    assert doc.text == "Heading\n\nEnvoys met in Riyadh on Tuesday."


def test_published_flag_fills_in_only_a_missing_date(tmp_path: Path) -> None:
    dated = write(tmp_path / "a.md", "---\npublished: 2025-02-17\n---\nText.\n")
    undated = write(tmp_path / "b.txt", "Headline\n\nBody text.\n")
    (a,) = read_documents(dated, published=dt.date(2020, 1, 1))
    (b,) = read_documents(undated, published=dt.date(2020, 1, 1))
    assert a.published == dt.date(2025, 2, 17)
    assert b.published == dt.date(2020, 1, 1)
    assert b.title == "Headline"


def test_a_plain_text_opening_with_a_paragraph_has_no_title(tmp_path: Path) -> None:
    (story,) = read_documents(write(tmp_path / "c.txt", "PARIS, Texas — Voters will elect a sheriff on Tuesday.\n\n"
                                                        "Early voting opened on Monday.\n"))
    (asking,) = read_documents(write(tmp_path / "d.txt", "Who will lead Lamar County?\n\nVoters decide.\n"))
    assert story.title is None  # the report names it by its file, "c"
    assert asking.title == "Who will lead Lamar County?"


def test_jsonl_streams_documents(tmp_path: Path) -> None:
    lines = [{"doc_id": "1", "text": "One.", "published": "2025-02-17"}, {"doc_id": "2", "text": "Two.",
                                                                          "published": None}]
    path = write(tmp_path / "d.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n\n")
    docs = list(read_documents(path))
    assert [d.id for d in docs] == ["1", "2"]
    assert docs[0].published == dt.date(2025, 2, 17)
    assert docs[1].published is None


@pytest.mark.parametrize(("content", "message"), [
    ('{"doc_id": "1", "text": "ok"}\n{"doc_id": 2, "text": \n', "d.jsonl:2: invalid JSON"),
    ('{"doc_id": "1"}\n', "d.jsonl:1: missing 'text'"),
    ('{"text": "x"}\n', "d.jsonl:1: missing or empty 'doc_id'"),
    ('{"doc_id": "1", "text": "x", "published": "17/02/2025"}\n', "d.jsonl:1: 'published' '17/02/2025' is not"),
    ('{"doc_id": "1", "text": "x", "published": "3025-01-01"}\n', "d.jsonl:1: 'published' 3025-01-01 is out of range"),
    ('{"doc_id": "1", "text": "x"}\n{"doc_id": "1", "text": "y"}\n', "d.jsonl:2: duplicate doc_id '1'"),
    ('[1, 2]\n', "d.jsonl:1: expected a JSON object"),
])
def test_bad_jsonl_names_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = write(tmp_path / "d.jsonl", content)
    with pytest.raises(InputError) as caught:
        list(read_documents(path))
    assert str(caught.value).startswith(str(tmp_path / message.split(":")[0]) + ":" + message.split(":", 1)[1])
    assert "\n" not in str(caught.value)


def test_skip_bad_reports_every_skipped_line(tmp_path: Path) -> None:
    path = write(tmp_path / "d.jsonl", '{"doc_id": "1", "text": "ok"}\nnot json\n{"doc_id": "3", "text": "ok"}\n')
    skipped = []
    docs = list(read_documents(path, skip_bad=True, on_skip=skipped.append))
    assert [d.id for d in docs] == ["1", "3"]
    assert [(s.line, s.problem.split(":")[0]) for s in skipped] == [(2, "invalid JSON")]


def test_binary_and_invalid_utf8_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="binary"):
        list(read_documents(write(tmp_path / "b.txt", b"\x00\x01\x02abc")))
    with pytest.raises(InputError, match=r"b2\.txt:2: invalid UTF-8"):
        list(read_documents(write(tmp_path / "b2.txt", b"fine\nbad \xff byte\n")))


def test_empty_document_and_unknown_suffix(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no text"):
        list(read_documents(write(tmp_path / "e.md", "---\ntitle: x\n---\n\n")))
    with pytest.raises(InputError, match=r"unknown input type '\.docx'"):
        list(read_documents(write(tmp_path / "x.docx", "x")))


def test_bad_front_matter_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "---\ntitle: ok\npublished: [unclosed\n---\nText.\n")
    with pytest.raises(InputError, match=r"a\.md:\d+: front matter"):
        list(read_documents(path))


def test_directory_expansion_and_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "b.md", "Text.")
    write(tmp_path / "a.txt", "Text.")
    write(tmp_path / "overrides.csv", "surface,action,geonameid\n")
    write(tmp_path / "notes.docx", "x")
    assert [p.name for p in expand_inputs([tmp_path])] == ["a.txt", "b.md"]
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no readable documents"):
        expand_inputs([tmp_path / "empty"])
    with pytest.raises(InputError, match="no such file"):
        expand_inputs([tmp_path / "missing.md"])


def test_markdown_to_text_keeps_words() -> None:
    assert markdown_to_text("## Title ##\n> quoted *word* and __strong__ `code`\n- item") == \
        "Title\nquoted word and strong code\nitem"


TABLE_HEADER = "event_date,location,country,notes,actor1,source_url\n"


def test_csv_table_rows(tmp_path: Path) -> None:
    path = write(tmp_path / "t.csv", TABLE_HEADER + '2025-02-18,Riyadh,Saudi Arabia,"Talks, long ones",Marco Rubio,'
                                                    "https://example.org\n\n")
    (row,) = read_table(path)
    assert (row.line, row.date, row.location, row.country, row.description, row.actors) == (
        2, "2025-02-18", "Riyadh", "Saudi Arabia", "Talks, long ones", ("Marco Rubio",))


@pytest.mark.parametrize(("content", "message"), [
    ("", "empty event table"),
    ("location,notes\nRiyadh,x\n", "t.csv:1: no date column"),
    ("event_date,notes\n2025-01-01,x\n", "t.csv:1: no place column"),
    ("event_date,location\n2025-01-01,Riyadh\n", "t.csv:1: no description column"),
    ("event_date,foo,bar,baz,location,notes\n2025-01-01,1,2,3,Riyadh,x\n", "t.csv:1: unknown columns"),
    (TABLE_HEADER + "2025-02-18,Riyadh,Saudi Arabia,x,y,z,extra\n", "t.csv:2: more fields"),
    (TABLE_HEADER + ",Riyadh,Saudi Arabia,x,y,z\n", "t.csv:2: missing date"),
    ("event_date,latitude,longitude,notes\n2025-01-01,24.7,,x\n", "t.csv:2: latitude and longitude"),
    ("event_date,latitude,longitude,notes\n2025-01-01,abc,46.7,x\n", "t.csv:2: column 'latitude': 'abc'"),
])
def test_bad_tables_name_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = write(tmp_path / "t.csv", content)
    with pytest.raises(InputError) as caught:
        read_table(path)
    assert message.split(":")[-1].strip() in str(caught.value)
    if ":" in message:
        assert f"t.csv:{message.split(':')[1]}" in str(caught.value)


def test_json_table(tmp_path: Path) -> None:
    path = write(tmp_path / "t.json", json.dumps({"events": [
        {"date": "2022-02", "place": "Kyiv", "description": "x", "actors": ["A", "B"]}]}))
    (row,) = read_table(path)
    assert (row.date, row.location, row.actors) == ("2022-02", "Kyiv", ("A", "B"))


# --- GeoJSON tables, exported tables' conventions ------------------------------------------------

def _feature(lon: float, lat: float, **properties: object) -> dict[str, object]:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": properties}


def test_plain_geojson_points_are_table_rows(tmp_path: Path) -> None:
    collection = {"type": "FeatureCollection", "features": [
        _feature(46.72, 24.69, date="2025-02-18", title="Talks", notes="Envoys met.", **{"marker-color": "#f00"}),
        _feature(30.52, 50.45, date="2022-02", location="Kyiv", actors=["A", "B"], x_mine=3),
    ]}
    path = write(tmp_path / "p.geojson", json.dumps(collection))
    first, second = read_table(path)
    assert (first.line, first.date, first.lat, first.lon, first.title) == (1, "2025-02-18", 24.69, 46.72, "Talks")
    assert (second.line, second.location, second.actors, second.extra) == (2, "Kyiv", ("A", "B"), (("x_mine", "3"),))


@pytest.mark.parametrize(("collection", "message"), [
    ({"type": "FeatureCollection"}, "p.geojson:1: a FeatureCollection needs a 'features' list"),
    ({"type": "FeatureCollection", "features": []}, "p.geojson: empty event table"),
    ({"type": "FeatureCollection", "features": [{"type": "Point"}]}, "p.geojson:1: expected a GeoJSON Feature"),
    ({"type": "FeatureCollection", "features": [
        _feature(1, 2, date="2020-01-01", notes="x"),
        {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": []}, "properties": {}}]},
     "p.geojson:2: geometry 'Polygon' is not supported"),
    ({"type": "FeatureCollection", "features": [_feature(24.69, 146.72, date="2020-01-01", notes="x")]},
     "p.geojson:1: coordinates [24.69, 146.72] are out of range (GeoJSON order is [longitude, latitude]; swapped?)"),
    ({"type": "FeatureCollection", "features": [_feature(1, 2, date="2020-01-01", notes="x", lattitude=3)]},
     "p.geojson: unknown columns 'lattitude'"),
    ({"type": "FeatureCollection", "features": [_feature(1, 2, event_id="e", start="2020-01-01", bogus=1)]},
     "p.geojson:1: unknown properties 'bogus'"),
])
def test_bad_geojson_names_file_and_feature(tmp_path: Path, collection: dict[str, object], message: str) -> None:
    path = write(tmp_path / "p.geojson", json.dumps(collection))
    with pytest.raises(InputError) as caught:
        read_table(path)
    assert str(caught.value).startswith(str(tmp_path / message))


def test_csv_formula_guard_is_undone_on_read(tmp_path: Path) -> None:
    path = write(tmp_path / "t.csv", "event_date,location,notes,title\n"
                                     "2025-02-18,Riyadh,'=1+2,'\t@x\n2025-02-19,Riyadh,'Twas,''-y\n")
    first, second = read_table(path)
    assert (first.description, first.title) == ("=1+2", "\t@x")
    assert (second.description, second.title) == ("'Twas", "'-y")  # only the guard's apostrophe goes


@pytest.mark.parametrize(("cell", "message"), [
    ("not json", "column 'place_details': invalid JSON"),
    ('{"role": "site"}', "column 'place_details': expected a JSON list"),
    ('[{"role": "site", "name": "X", "lat": 1}]', "place 0: missing 'lon'"),
    ('[{"role": "host", "name": "X", "lat": 1, "lon": 2}]', "place 0: 'host' is not a valid PlaceRole"),
    ('[{"role": "site", "name": "X", "lat": 91, "lon": 2}]', "place 0: coordinates 91.0, 2.0 are out of range"),
    ('[{"role": "site", "name": "X", "lat": "1", "lon": 2}]', "place 0: 'lat' has the wrong type (str)"),
])
def test_bad_place_details_name_the_line(tmp_path: Path, cell: str, message: str) -> None:
    quoted = '"' + cell.replace('"', '""') + '"'
    path = write(tmp_path / "t.csv", f"event_date,title,place_details\n2025-02-18,x,{quoted}\n")
    with pytest.raises(InputError) as caught:
        read_table(path)
    assert str(caught.value).startswith(str(tmp_path / "t.csv") + ":2")
    assert message in str(caught.value)


# --- fuzz: a table reader either reads or raises InputError, never anything else ---------------

JSON_SCALARS = (st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False)
                | st.text(max_size=12))
JSON_VALUES = st.recursive(JSON_SCALARS, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)
PROPERTY_KEYS = st.sampled_from(["event_id", "start", "end", "open_start", "open_end", "precision", "title",
                                 "place_details", "actor_details", "source_details", "place_index", "place_count",
                                 "geonameid", "role", "date", "notes", "location", "latitude", "actors", "x_a"])
FEATURES = st.fixed_dictionaries({
    "type": st.just("Feature") | JSON_SCALARS,
    "geometry": st.none() | st.fixed_dictionaries({"type": st.just("Point") | st.text(max_size=6),
                                                   "coordinates": st.lists(JSON_SCALARS, max_size=3)}),
    "properties": st.none() | st.dictionaries(PROPERTY_KEYS, JSON_VALUES, max_size=8),
})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(features=st.lists(FEATURES, max_size=4))
def test_geojson_reader_raises_only_input_errors(tmp_path: Path, features: list[dict[str, object]]) -> None:
    path = write(tmp_path / "f.geojson", json.dumps({"type": "FeatureCollection", "features": features}))
    try:
        read_table(path)
    except InputError as exc:
        assert exc.path == str(path) and "\n" not in str(exc)  # one line, naming the file


CSV_CELLS = st.text(st.characters(exclude_categories=("Cs",)), max_size=12) | st.sampled_from(
    ["open", "..", "2020-01-01", "2020-02", "[]", '[{"role": "site"}]', "'=x", "1e400", "nan"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(columns=st.lists(st.sampled_from(["event_date", "end_date", "time_precision", "title", "notes", "location",
                                         "latitude", "longitude", "geonameid", "place_details", "actor_details",
                                         "source_details", "disagreements", "sentence_start", "actor1"]),
                        min_size=1, max_size=8, unique=True),
       cells=st.lists(CSV_CELLS, max_size=24))
def test_csv_reader_raises_only_input_errors(tmp_path: Path, columns: list[str], cells: list[str]) -> None:
    import csv
    import io

    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(columns)
    for start in range(0, len(cells), len(columns)):
        writer.writerow(cells[start:start + len(columns)])
    path = write(tmp_path / "f.csv", out.getvalue())
    try:
        read_table(path)
    except InputError as exc:
        assert exc.path == str(path) and "\n" not in str(exc)  # one line, naming the file
