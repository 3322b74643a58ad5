"""Export then import is the identity: the seed table, and generated timelines (hypothesis).

"Import" is what ``geotimeline report`` does with a table: :func:`timeline.readers.read_table`,
then :func:`timeline.table.events_from_table` with the real gazetteer, then (for the seeds)
:func:`timeline.builder.build_timeline`.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gazetteer.index import Gazetteer, default_gazetteer
from gazetteer.model import Place, PlaceKind
from timeline.builder import build_timeline
from timeline.exports import export_timeline, to_kml, to_timelinejs
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
from timeline.readers import read_table
from timeline.table import events_from_table

KML = "{http://www.opengis.net/kml/2.2}"
SEED_TABLE = Path(__file__).resolve().parents[2] / "seeds" / "ukraine-diplomacy-2014-2025.csv"
# Real places: GeoNames cities and countries on both sides of the equator and the meridian, a
# region of the gazetteer's own (no GeoNames id) and a point of our own.
GEONAMES_IDS = (703448, 108410, 2660646, 524901, 690791, 102358, 2147714, 3435910, 4140963, 3936456)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


@pytest.fixture(scope="module")
def places(gazetteer: Gazetteer) -> tuple[Place, ...]:
    donbas = next(p for p in gazetteer.lookup("Donbas") if p.geonameid is None)
    own = Place(geonameid=None, name="Bürgenstock", lat=46.9983, lon=8.3797, kind=PlaceKind.CITY, country_code="CH")
    return (*(gazetteer.get(i) for i in GEONAMES_IDS), donbas, own)


def _read_back(path: Path, gazetteer: Gazetteer) -> tuple[Event, ...]:
    return tuple(events_from_table(read_table(path), gazetteer=gazetteer))


@pytest.mark.parametrize("suffix", [".csv", ".geojson"])
def test_seed_table_round_trips(tmp_path: Path, gazetteer: Gazetteer, suffix: str) -> None:
    original = build_timeline(events_from_table(read_table(SEED_TABLE), gazetteer=gazetteer), title="Seeds")
    assert len(original) > 10
    path = export_timeline(original, tmp_path / f"seeds{suffix}")
    back = _read_back(path, gazetteer)
    assert back == original.events
    # What `geotimeline report` would build from the exported file: the same timeline.
    assert build_timeline(back, title="Seeds") == original
    # And exporting the imported timeline again gives the same bytes.
    again = export_timeline(build_timeline(back, title="Seeds"), tmp_path / f"again{suffix}")
    assert again.read_bytes() == path.read_bytes()


# --- generated timelines ------------------------------------------------------------------------

# Text as it arrives from articles: no surrogates, no control characters other than TAB and LF,
# no CR (readers turn CR into LF) and no surrounding whitespace (table cells are stripped); a
# formula-like prefix in front of it is kept, TAB included, thanks to the guard's apostrophe.
_CORE = st.text(st.characters(exclude_categories=("Cs", "Cc"), include_characters="\n\t"), min_size=1,
                max_size=30).filter(lambda t: t.strip() == t)
_PREFIXES = st.sampled_from(["", "", "=", "+", "-", "@", "\t", "'", "'=", "''+", "\uff1d", "\uff0b", "\uff0d",
                             "\uff20", "-1+", "=HYPERLINK(", "<script>", '"', "]]>"])
TEXT = st.builds(lambda prefix, core: prefix + core, _PREFIXES, _CORE)
MAYBE_TEXT = st.none() | TEXT
DAYS = st.dates(min_value=dt.date(1700, 1, 1), max_value=dt.date(2150, 12, 31))


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    start = draw(st.none() | DAYS)
    length = draw(st.none() | st.integers(min_value=1, max_value=4000)) if start else draw(
        st.integers(min_value=1, max_value=4000))
    if start is None:
        return Interval(start=None, end=draw(DAYS) + dt.timedelta(days=1))
    return Interval(start=start, end=None if length is None else start + dt.timedelta(days=length))


@st.composite
def event_specs(draw: st.DrawFn, number: int) -> dict:  # type: ignore[type-arg]
    sentence = draw(st.just("") | TEXT)
    return {
        "id": draw(st.sampled_from(["ev-{}", "={}", "-{}", "row {} ünï"])).format(number),
        "title": draw(TEXT), "interval": draw(intervals()), "precision": draw(st.sampled_from(list(Precision))),
        "status": draw(st.sampled_from(list(EventStatus))),
        "places": draw(st.lists(st.tuples(st.integers(0, len(GEONAMES_IDS) + 1), st.sampled_from(list(PlaceRole)),
                                          MAYBE_TEXT), min_size=1, max_size=3)),
        "actors": draw(st.lists(st.builds(Actor, name=TEXT, kind=st.sampled_from(list(ActorKind)), title=MAYBE_TEXT,
                                          country_code=st.none() | st.sampled_from(["UA", "RU", "US"])),
                                max_size=3)),
        "sources": draw(st.lists(st.builds(Source, document_id=TEXT, title=MAYBE_TEXT, url=MAYBE_TEXT,
                                           published=st.none() | DAYS), max_size=2)),
        "sentence": sentence, "sentence_start": draw(st.integers(0, 10_000)),
        "document_id": draw(st.just("") | TEXT), "date_reason": draw(st.just("") | TEXT),
        "disagreements": tuple(draw(st.lists(TEXT, max_size=2))),
    }


def _timeline(specs: list[dict], places: tuple[Place, ...], title: str) -> Timeline:  # type: ignore[type-arg]
    events = []
    for spec in specs:
        event_places = tuple(EventPlace(place=places[index], role=role, surface=surface)
                             for index, role, surface in spec.pop("places"))
        start = spec["sentence_start"]
        events.append(Event(places=event_places, sentence_end=start + len(spec["sentence"]),
                            actors=tuple(spec.pop("actors")), sources=tuple(spec.pop("sources")), **spec))
    return Timeline(events=tuple(events), title=title)


TIMELINES = st.integers(min_value=1, max_value=4).flatmap(
    lambda n: st.tuples(*(event_specs(i) for i in range(n))))


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(specs=TIMELINES, title=TEXT)
def test_export_then_import_is_the_identity(specs: tuple[dict, ...], title: str,  # type: ignore[type-arg]
                                            places: tuple[Place, ...], gazetteer: Gazetteer) -> None:
    timeline = _timeline([dict(s) for s in specs], places, title)
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".csv", ".geojson"):
            path = export_timeline(timeline, Path(folder) / f"t{suffix}")
            assert _read_back(path, gazetteer) == timeline.events, suffix


# Any text at all, control characters included: the XML and JSON exports must still parse.
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(titles=st.lists(ANY_TEXT, min_size=1, max_size=3), sentence=ANY_TEXT, day=DAYS,
       precision=st.sampled_from(list(Precision)))
def test_kml_and_timelinejs_parse_for_any_text(titles: list[str], sentence: str, day: dt.date,
                                               precision: Precision, places: tuple[Place, ...]) -> None:
    events = tuple(Event(id=f"e{i}", title=title, interval=Interval.day(day), precision=precision,
                         places=(EventPlace(place=places[i], role=PlaceRole.SITE, surface=title),),
                         sentence=sentence, sentence_end=len(sentence)) for i, title in enumerate(titles))
    timeline = Timeline(events=events, title=titles[0])
    root = ET.fromstring(to_kml(timeline).encode("utf-8"))
    names = [m.findtext(f"{KML}name") for m in root.iter(f"{KML}Placemark")]
    # XML parsers turn CR into LF; characters XML cannot hold became U+FFFD; the rest is exact.
    assert names == [_as_xml_reads(t) for t in titles]
    slides = json.loads(json.dumps(to_timelinejs(timeline)))["events"]
    assert [s["text"]["headline"] for s in slides] == [html.escape(t) for t in titles]
    assert all("<" not in s["text"]["headline"] and "<script" not in s["text"]["text"] for s in slides)


def _as_xml_reads(text: str) -> str:
    cleaned = "".join(c if c in "\t\n\r" or (c >= " " and c not in "\ufffe\uffff") else "\ufffd" for c in text)
    return cleaned.replace("\r\n", "\n").replace("\r", "\n")
